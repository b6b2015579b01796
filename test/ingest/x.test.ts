import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../src/ingest/x.js';
import { decodeHtmlEntities, parseTwitterDate } from '../../src/ingest/x-archive.js';
import { claimed, folderInput, readMember, zipInput, type TestInput } from './helpers-social.js';

const parts = () => folderInput('fixtures/x/2024-tweets-parts');
const legacy = () => folderInput('fixtures/x/2019-tweet-js-legacy');

describe('x detection', () => {
  it('claims tweets (all file names), likes and following, not account.js or media', () => {
    expect(claimed(xAdapter, parts())).toEqual(['data/following.js', 'data/like.js', 'data/tweets-part1.js', 'data/tweets.js']);
    expect(claimed(xAdapter, legacy())).toEqual(['data/tweet.js']);
  });

  it('rejects files of the same name that are not X archive data', () => {
    expect(xAdapter.detect('static/js/like.js', Buffer.from('export function like() {}'))).toBe(false);
    expect(xAdapter.detect('your_instagram_activity/content/posts_1.json', Buffer.from('window.YTD.tweets.part0 = ['))).toBe(false);
    expect(xAdapter.detect('tweets.js', Buffer.from('\uFEFFwindow.YTD.tweets.part0 = ['))).toBe(true);
  });
});

describe('x 2024 archive: tweets.js + tweets-part1.js', () => {
  it('reads a tweet: entities decoded, t.co link expanded, local media found, permalink from account.js', async () => {
    const { items } = await readMember(xAdapter, parts(), 'data/tweets.js');
    expect(items.map((i) => i.kind)).toEqual(['post', 'share', 'comment', 'post']);
    expect(items[0]).toMatchObject({
      platform: 'x',
      kind: 'post',
      actor: { kind: 'account', handle: 'dedikurnia_', id: '1045678901234567890', name: 'Dedi Kurniawan' },
      text: 'Rapat persiapan TPS 07 Desa Cibiru & bimtek KPPS 📋 bareng @kpu_sukamaju #PemiluDamai https://sukamajukab.go.id/berita/bimtek-kpps-2024 https://t.co/MeDiA5678x',
      time: '2024-02-05T03:15:00.000Z',
      timeRaw: 'Mon Feb 05 03:15:00 +0000 2024',
      lang: 'id',
      hashtags: ['PemiluDamai'],
      mentions: ['kpu_sukamaju'],
      link: { url: 'https://sukamajukab.go.id/berita/bimtek-kpps-2024' },
      permalink: 'https://x.com/dedikurnia_/status/1754321098765432101',
      media: [
        {
          uri: 'data/tweets_media/1754321098765432101-GFxAbCdXwAA1234.jpg',
          url: 'https://pbs.twimg.com/media/GFxAbCdXwAA1234.jpg',
          mediaType: 'image/jpeg',
        },
      ],
      source: { path: 'data/tweets.js', pointer: '/0' },
    });
    expect(items[0]?.target).toBeUndefined();
  });

  it('reads an "RT @user:" record as a share of that account\'s post', async () => {
    const rt = (await readMember(xAdapter, parts(), 'data/tweets.js')).items[1];
    expect(rt).toMatchObject({
      kind: 'share',
      target: { kind: 'post', handle: 'prabowo' },
      text: 'RT @prabowo: Makan siang gratis untuk anak-anak Indonesia & susu gratis untuk ibu hamil. Kita wujudkan bersama! 🇮🇩…',
      time: '2024-01-22T05:00:00.000Z',
      mentions: ['prabowo'],
    });
  });

  it('reads a reply to another account as a comment on that post, a reply to oneself as a post', async () => {
    const [, , reply, thread] = (await readMember(xAdapter, parts(), 'data/tweets.js')).items;
    expect(reply).toMatchObject({
      kind: 'comment',
      text: '@kpu_sukamaju Siap, terima kasih infonya 🙏',
      target: { kind: 'post', handle: 'kpu_sukamaju', id: '1750099999999999999', url: 'https://x.com/kpu_sukamaju/status/1750099999999999999' },
    });
    expect(thread).toMatchObject({ kind: 'post', target: { handle: 'dedikurnia_', id: '1750100000000000003' } });
  });

  it('reads a quote (link to another account\'s status) in a later part as a share of that post', async () => {
    const { items } = await readMember(xAdapter, parts(), 'data/tweets-part1.js');
    expect(items[0]).toMatchObject({
      kind: 'share',
      text: 'Setuju <3 ini penting buat guru honorer 👇 https://twitter.com/aniesbaswedan/status/1750400000000000001',
      target: {
        kind: 'post',
        handle: 'aniesbaswedan',
        id: '1750400000000000001',
        url: 'https://x.com/aniesbaswedan/status/1750400000000000001',
      },
      source: { path: 'data/tweets-part1.js', pointer: '/0' },
    });
    expect(items[0]?.link).toBeUndefined();
    expect(items[1]).toMatchObject({ kind: 'post', text: 'Alhamdulillah, rekap suara TPS 07 sudah dikirim ✅ Terima kasih KPPS semua!' });
  });

  it('takes the owner from the account.js next to the tweets when an input holds two archives', async () => {
    const one = parts();
    const other = Buffer.from(one.bytes('data/account.js').toString('utf8').replace(/dedikurnia_/g, 'akun_lain'));
    const files = new Map<string, Buffer>();
    for (const m of one.members) {
      files.set(`a/${m.path}`, one.bytes(m.path));
      files.set(`b/${m.path}`, m.path === 'data/account.js' ? other : one.bytes(m.path));
    }
    const both: TestInput = {
      members: [...files].map(([path, data]) => ({ input: 'both', path, size: data.length, open: async () => Readable.from([data]) })),
      bytes: (path) => files.get(path) ?? Buffer.alloc(0),
    };
    const a = (await readMember(xAdapter, both, 'a/data/tweets-part1.js')).items[1];
    const b = (await readMember(xAdapter, both, 'b/data/tweets-part1.js')).items[1];
    expect([a?.permalink, b?.permalink]).toEqual([
      'https://x.com/dedikurnia_/status/1762000000000000006',
      'https://x.com/akun_lain/status/1762000000000000006',
    ]);
  });

  it('uses x.com/i/web/status/<id> when the input has no account.js', async () => {
    const full = parts();
    const withoutAccount: TestInput = { members: full.members.filter((m) => !m.path.endsWith('account.js')), bytes: full.bytes };
    const { items, warnings } = await readMember(xAdapter, withoutAccount, 'data/tweets-part1.js');
    expect(items[1]?.permalink).toBe('https://x.com/i/web/status/1762000000000000006');
    expect(items[1]?.actor).toBeUndefined();
    expect(warnings).toEqual([]);
  });
});

describe('x likes and following', () => {
  it('reads likes with the liked text and link but no time (archives record none)', async () => {
    const { items } = await readMember(xAdapter, parts(), 'data/like.js');
    expect(items[0]).toMatchObject({
      kind: 'reaction',
      reaction: 'LIKE',
      text: 'Guru honorer harus sejahtera & diangkat jadi ASN. Itu janji kami. #AMIN',
      hashtags: ['AMIN'],
      target: { kind: 'post', id: '1750400000000000001', url: 'https://twitter.com/i/web/status/1750400000000000001' },
      source: { path: 'data/like.js', pointer: '/0' },
    });
    expect(items[0]?.time).toBeUndefined();
    expect(items[0]?.timeRaw).toBeUndefined();
    expect(items[0]?.target?.handle).toBeUndefined();
    expect(items[1]?.text).toBeUndefined();
  });

  it('reads following as follows of an account id with its link', async () => {
    const [follow] = (await readMember(xAdapter, parts(), 'data/following.js')).items;
    expect(follow).toMatchObject({
      kind: 'follow',
      target: { kind: 'account', id: '1400000000000000001', url: 'https://twitter.com/intent/user?user_id=1400000000000000001' },
    });
    expect(follow?.time).toBeUndefined();
    expect(follow?.actor?.handle).toBe('dedikurnia_');
  });
});

describe('x 2019 archive: tweet.js with bare tweet objects', () => {
  it('reads unwrapped tweets, offsets in created_at and the RT of an account', async () => {
    const { items } = await readMember(xAdapter, legacy(), 'data/tweet.js');
    expect(items.map((i) => [i.kind, i.text, i.time, i.target?.handle])).toEqual([
      ['post', 'Guru & murid siap jadi pemilih cerdas 17 April nanti 🗳️ #Pemilu2019', '2019-04-06T01:30:00.000Z', undefined],
      ['share', 'RT @KPU_ID: Ayo gunakan hak pilihmu & datang ke TPS tanggal 17 April! #PemiluDamai', '2019-04-08T06:59:59.000Z', 'KPU_ID'],
    ]);
    expect(items[0]?.permalink).toBe('https://x.com/dedikurnia_/status/1114521234567890123');
  });
});

describe('x archive quirks', () => {
  it('parses created_at with its offset', () => {
    expect(parseTwitterDate('Sat Dec 06 18:20:30 +0000 2025')).toBe('2025-12-06T18:20:30.000Z');
    expect(parseTwitterDate('Sat Dec 06 01:20:30 +0700 2025')).toBe('2025-12-05T18:20:30.000Z');
    expect(parseTwitterDate('2025-12-06T18:20:30Z')).toBeUndefined();
  });

  it('decodes HTML entities once (an escaped entity stays one level escaped)', () => {
    expect(decodeHtmlEntities('a &amp; b &lt;3 &#128077; &#x1F44D; &amp;amp; &nbsp;')).toBe('a & b <3 👍 👍 &amp; &nbsp;');
  });

  it('reports a broken data file with its line and column', async () => {
    const input: TestInput = {
      members: [{ input: 'x', path: 'data/tweets.js', size: 1, open: async () => { throw new Error('unused'); } }],
      bytes: () => Buffer.from('window.YTD.tweets.part0 = [ {\n  "tweet" : { ,\n} ]'),
    };
    await expect(readMember(xAdapter, input, 'data/tweets.js')).rejects.toThrow(/data\/tweets\.js: bukan JSON yang valid \(baris 2, kolom 15\)/);
  });
});

describe('x demo archive (Rina Marlina, @rinamarlina_)', () => {
  it('holds the Ganjar–Mahfud tweet, the RT of @prabowo, the liked #AMIN tweet, one follow and three clean tweets', async () => {
    const input = await zipInput('fixtures/demo/twitter-2024-12-01-5c0f7e3a9b1d.zip');
    expect(claimed(xAdapter, input)).toEqual(['data/following.js', 'data/like.js', 'data/tweets.js']);
    const tweets = (await readMember(xAdapter, input, 'data/tweets.js')).items;
    expect(tweets.map((t) => [t.kind, t.target?.handle, t.time?.slice(0, 10)])).toEqual([
      ['share', 'KPU_ID', '2024-11-27'],
      ['post', undefined, '2024-06-10'],
      ['post', undefined, '2024-03-15'],
      ['post', undefined, '2024-02-05'],
      ['share', 'prabowo', '2024-01-22'],
    ]);
    expect(tweets[3]).toMatchObject({
      text: 'Jangan lupa 14 Februari coblos nomor 3, Ganjar–Mahfud sat set! 🤟 #GanjarMahfud2024',
      hashtags: ['GanjarMahfud2024'],
      actor: { handle: 'rinamarlina_' },
      permalink: 'https://x.com/rinamarlina_/status/1754500000000000002',
    });
    expect(tweets[2]?.text).toBe('Aamiin ya rabbal alamin 🤲 Semoga kita semua diberi kesehatan & kelancaran rezeki');
    const [like] = (await readMember(xAdapter, input, 'data/like.js')).items;
    expect(like).toMatchObject({ kind: 'reaction', hashtags: ['AMIN', 'AniesMuhaimin'] });
    const [follow] = (await readMember(xAdapter, input, 'data/following.js')).items;
    expect(follow).toMatchObject({ kind: 'follow', target: { id: '1000000000000000103' } });
  });
});
