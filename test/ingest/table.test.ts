import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { parseTableTime } from '../../src/ingest/table.js';
import { ChatContext } from '../../src/pipeline/chat-context.js';
import { setLang } from '../../src/i18n/index.js';
import { collect, tempDir } from './helpers-core.js';

// Messages are asserted in English; describe bodies run at collection time, so set it here.
setLang('en');

const CSV = 'fixtures/table/postingan-asn-bom-crlf.csv';
const JSONL = 'fixtures/table/tweets-scraped.jsonl';

function tempFile(name: string, content: string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

describe('CSV adapter', async () => {
  const { items, warnings } = await collect([CSV]);

  test('Indonesian headers (tanggal, akun, isi, tautan) are recognised through a BOM and CRLF line ends', () => {
    expect(items[0]).toMatchObject({
      platform: 'x', // the platform column says "twitter"
      kind: 'post',
      actor: { kind: 'account', handle: 'rina_guru' },
      text: 'Ayo coblos 02 tanggal 14 Februari ✌️ #PrabowoGibran2024',
      time: '2024-01-20T12:32:00.000Z',
      timeRaw: '2024-01-20 19:32:00+07:00',
      permalink: 'https://x.com/rina_guru/status/1748690000000000000',
      hashtags: ['PrabowoGibran2024'],
      source: { path: 'postingan-asn-bom-crlf.csv', pointer: 'line:2' },
    });
  });

  test('a quoted cell spanning two lines points at the line the row starts on, and later rows count physical lines', () => {
    expect(items[1]).toMatchObject({ platform: 'table', text: 'Rapat warga besok\njam 2 siang di balai desa', time: '2024-01-29T03:46:40.000Z', source: { pointer: 'line:3' } });
    expect(items[2]).toMatchObject({ platform: 'facebook', text: 'Kopi di café dekat kantor don’t miss it', time: '2025-12-06T18:20:30.000Z', source: { pointer: 'line:6' } });
    expect(items[3]?.source.pointer).toBe('line:7');
  });

  test('rows without text and unreadable times are each reported once, with a count', () => {
    expect(items).toHaveLength(4);
    expect(items[3]).toMatchObject({ text: 'Selamat pagi Indonesia', timeRaw: 'kemarin sore' });
    expect(items[3]?.time).toBeUndefined();
    expect(warnings).toEqual([
      'postingan-asn-bom-crlf.csv: 1 rows without text or target were skipped',
      'postingan-asn-bom-crlf.csv: 1 time values could not be read and were left empty (e.g. "kemarin sore")',
    ]);
  });

  test('a semicolon-separated export (Excel in Indonesian locale) is read, with kind and target columns and times in WIB', async () => {
    const file = tempFile('ekspor.csv', 'Waktu;Username;Teks;Kind;Target\n06/02/2024 20.15;@budi;Mantap pak;comment;Postingan Ganjar\n07/02/2024;@budi;Like saja;like;\n');
    const { items: rows } = await collect([file]);
    expect(rows[0]).toMatchObject({ kind: 'comment', target: { name: 'Postingan Ganjar' }, text: 'Mantap pak', time: '2024-02-06T13:15:00.000Z', actor: { handle: 'budi' } });
    // "like" is a like (table-kinds.ts), no longer read as a post
    expect(rows[1]).toMatchObject({ kind: 'reaction', time: '2024-02-06T17:00:00.000Z' });
  });

  test("an analyst's sheet with the activity kind in Indonesian: each kind is read, an unknown one stays a post and is reported once", async () => {
    const { items: rows, warnings: warned } = await collect(['fixtures/table/lembar-analis-jenis-indonesia.csv']);
    expect(rows.map((r) => [r.kind, r.source.pointer])).toEqual([
      ['reaction', 'line:2'],
      ['reaction', 'line:3'],
      ['comment', 'line:4'],
      ['post', 'line:5'],
      ['post', 'line:6'],
      ['follow', 'line:7'],
      ['follow', 'line:8'],
      ['share', 'line:9'],
      ['share', 'line:10'],
      ['checkin', 'line:11'],
      ['checkin', 'line:12'],
      ['post', 'line:13'],
      ['post', 'line:14'],
      ['event', 'line:15'],
      ['post', 'line:16'],
      ['post', 'line:17'],
    ]);
    expect(rows[0]).toMatchObject({ platform: 'instagram', actor: { kind: 'account', handle: 'rina.guru' }, target: { name: 'budidewi.official' }, time: '2024-10-03T12:20:00.000Z', permalink: 'https://www.instagram.com/p/DAbc123/' });
    expect(warned).toEqual(['lembar-analis-jenis-indonesia.csv: 2 rows with an activity kind netral does not know were read as posts (e.g. "laporan")']);
  });

  test('an analyst sheet naming the group each message was posted in (grup) gives the row that group as its context', async () => {
    const file = tempFile('tangkapan.csv', 'tanggal,nama,instansi,grup,isi_pesan,sumber\n2023-12-20 08:00,Moh. Halili,Dishub Kab. Sampang,Staf Dishub Sampang,Rapat evaluasi Senin jam 9,whatsapp\n2023-12-21 08:00,Moh. Halili,Dishub Kab. Sampang,,Pesan tanpa grup,whatsapp\n');
    const { items: rows } = await collect([file]);
    // a sheet of screenshots with an author column holds comments in their group's thread
    expect(rows[0]).toMatchObject({ platform: 'whatsapp', kind: 'comment', actor: { name: 'Moh. Halili' }, context: { kind: 'group', name: 'Staf Dishub Sampang' } });
    // an empty cell names no group (the agency, instansi, is the writer's office, not a group): the
    // row answers the thread of its platform in the sheet, named by an id, not a name
    expect(rows[1]).toMatchObject({ kind: 'comment', context: { kind: 'post', id: 'sheet:whatsapp' } });
    expect(rows[1]?.context?.name).toBeUndefined();
  });

  test('a source cell that names the group a screenshot came from gives the row its platform and that group', async () => {
    const file = tempFile('pantauan.csv', [
      'tanggal,nama_akun,isi_postingan,link,sumber',
      '2023-12-05 09:12,yanti.guru,Rapat dewan guru Senin jam 8,https://example.org/ss-1,"whatsapp: tangkapan layar grup ""Guru SDN 5 Plaju"""',
      '2023-12-05 09:20,yanti.guru,Status pribadi,https://example.org/ss-2,instagram',
      '2023-12-06 10:00,dina.kel,Pesan di kanal,https://example.org/ss-3,"Telegram - channel “Info Kelurahan 16 Ilir” (balasan anggota lain)"',
    ].join('\r\n') + '\r\n');
    const { items: rows } = await collect([file]);
    expect(rows[0]).toMatchObject({ platform: 'whatsapp', context: { kind: 'group', name: 'Guru SDN 5 Plaju' } });
    // a cell that names only the platform is read as before, with no group
    expect(rows[1]).toMatchObject({ platform: 'instagram' });
    expect(rows[1]?.context).toBeUndefined();
    expect(rows[2]).toMatchObject({ platform: 'telegram', context: { kind: 'group', name: 'Info Kelurahan 16 Ilir' } });
  });

  test('a source cell that names the group unquoted (platform, group word, name, an analyst note in brackets) gives the row that group', async () => {
    const file = tempFile('pantauan-grup.csv', [
      'tanggal,nama_akun,isi_postingan,link,sumber',
      '2024-01-08 09:10,hj.syarifah,Rapat KKG hari Kamis,,WhatsApp grup Guru SDN 4 Sukamaju',
      '2024-01-08 09:14,bu_nor,"Inggih bu",,WhatsApp grup Guru SDN 4 Sukamaju (balasan anggota lain)',
      '2024-01-08 09:20,andi,Info BMKG,,Telegram - grup Staf BPBD',
      '2024-01-08 09:30,andi,Status pribadi,,facebook grup',
      '2024-01-08 09:40,andi,Postingan grup,,Facebook grup Warga Sukamaju',
    ].join('\r\n') + '\r\n');
    const { items: rows } = await collect([file]);
    expect(rows[0]).toMatchObject({ platform: 'whatsapp', context: { kind: 'group', name: 'Guru SDN 4 Sukamaju' } });
    // the note in brackets is the analyst's, not the group's name: the reply is in the same group
    expect(rows[1]).toMatchObject({ platform: 'whatsapp', context: { kind: 'group', name: 'Guru SDN 4 Sukamaju' } });
    expect(rows[2]).toMatchObject({ platform: 'telegram', context: { kind: 'group', name: 'Staf BPBD' } });
    // no name after the group word, or a Facebook group (named by its URL or a group column): no group read from the cell
    expect(rows[3]?.context?.name).toBeUndefined();
    expect(rows[4]?.context?.name).toBeUndefined();
  });

  test('a row of a sheet of screenshotted threads leans on the rows before it (ChatContext)', async () => {
    const file = tempFile('komentar.csv', 'tanggal,pengirim,isi,sumber,grup\n2024-11-05 20:00,Dedi,"Kampanye akbar Budi-Dewi besok, ayo ramekan!",facebook,Grup Warga\n2024-11-05 20:08,Rahmat,"Siap kak, aku datang",facebook,Grup Warga\n2024-11-05 20:09,Sri,Lain grup,facebook,Grup Lain\n');
    const { items: rows } = await collect([file]);
    const chats = new ChatContext();
    const threads = rows.map((item) => {
      const thread = chats.contextFor(item);
      chats.remember(item);
      return thread.map((m) => m.item.text);
    });
    expect(threads).toEqual([[], ['Kampanye akbar Budi-Dewi besok, ayo ramekan!'], []]);
  });

  test('a scrape of a Facebook group with no group column: each post is in the group its own URL names (post_url), not in a link shared in it', async () => {
    const file = tempFile('scrape-grup.jsonl', [
      JSON.stringify({ post_id: '1', text: 'Jadwal ujian semester so ada di papan', time: '2023-11-30 07:00:00', post_url: 'https://facebook.com/groups/771234/permalink/1/', link: null, username: 'grace' }),
      JSON.stringify({ post_id: '2', text: 'Baca ini', time: '2023-12-01 07:00:00', post_url: 'https://facebook.com/grace/posts/2', link: 'https://facebook.com/groups/999/permalink/5/', username: 'grace' }),
    ].join('\n') + '\n');
    const { items: rows } = await collect([file]);
    expect(rows[0]?.context).toEqual({ kind: 'group', id: '771234' });
    expect(rows[1]?.context).toBeUndefined();
  });

  test('--text-column and --time-column choose columns with unusual names', async () => {
    const file = tempFile('hasil.tsv', 'no\tucapan\tkapan\n1\tSalam dua jari ✌️\t1707900000123\n');
    const { items: rows } = await collect([file], { textColumn: 'Ucapan', timeColumn: 'kapan' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'Salam dua jari ✌️', time: '2024-02-14T08:40:00.123Z' });
  });

  test('a CSV without a text column names the columns it found and suggests --text-column', async () => {
    const file = tempFile('angka.csv', '1,2,3\n4,5,6\n');
    const err = (await collect([file]).catch((e: unknown) => e)) as NetralError;
    expect(err).toBeInstanceOf(NetralError);
    expect(err.message).toBe(`${file}: this file is without a text column netral recognises (columns found: 1, 2, 3); name it with --text-column — re-download the export, or skip it with --skip-bad`);
  });

  test('a --text-column that is not in the file is a clear error', async () => {
    const err = (await collect([CSV], { textColumn: 'caption_asli' }).catch((e: unknown) => e)) as NetralError;
    expect(err.message).toContain('missing the column "caption_asli" (columns found: tanggal, akun, isi, tautan, platform)');
  });
});

describe('JSONL adapter', async () => {
  const { items, warnings } = await collect([JSONL]);

  test('X-style keys: full_text, created_at in the X date form, screen_name, permalink, a hashtags array', () => {
    expect(items[0]).toMatchObject({
      platform: 'x',
      text: 'Program makan siang gratis dari Prabowo-Gibran pasti bikin anak sekolah sehat! @prabowo #PrabowoGibran2024',
      time: '2024-01-20T12:32:00.000Z',
      actor: { handle: 'rina_guru' },
      permalink: 'https://x.com/rina_guru/status/1748690000000000001',
      hashtags: ['PrabowoGibran2024', 'Pemilu2024'],
      mentions: ['prabowo'],
      source: { pointer: 'line:1' },
    });
  });

  test('blank lines are skipped, a valid kind and target are kept, an unknown kind becomes post, keys may differ per line', () => {
    expect(items.map((i) => i.source.pointer)).toEqual(['line:1', 'line:3', 'line:5']);
    expect(items[1]).toMatchObject({ kind: 'comment', target: { name: 'Debat Capres 2024' }, platform: 'table' });
    // no offset: wall-clock time in --timezone (Asia/Jakarta by default)
    expect(items[2]).toMatchObject({ kind: 'post', actor: { name: 'Rina Marlina' }, time: '2024-03-01T01:00:00.000Z' });
    expect(warnings).toEqual([
      'tweets-scraped.jsonl: 1 rows without text or target were skipped',
      'tweets-scraped.jsonl: 1 rows with an activity kind netral does not know were read as posts (e.g. "nonsense")',
    ]);
  });

  test('a broken line names its line number', async () => {
    const file = tempFile('rusak.ndjson', '{"text":"ok"}\n{"text": "putus\n');
    const err = (await collect([file]).catch((e: unknown) => e)) as NetralError;
    expect(err.message).toMatch(/rusak\.ndjson: this file is not valid JSON \(line 2, /);
    expect(err.message).not.toMatch(/member/);
  });
});

test('headers are recognised without case or punctuation, Indonesian names and nested authors included', async () => {
  const csv = tempFile('ekspor-dinas.csv', 'No;Tanggal Posting;Isi_Postingan;Sumber;Akun\n1;03/10/2024 19:20;Ayo dukung Budi Dewi!;Facebook;@rina\n');
  const { items: rows } = await collect([csv]);
  expect(rows[0]).toMatchObject({ platform: 'facebook', text: 'Ayo dukung Budi Dewi!', time: '2024-10-03T12:20:00.000Z', actor: { handle: 'rina' } });
  const jsonl = tempFile('snscrape.jsonl', '{"rawContent": "Coblos 02!", "date": "2024-02-01T10:00:00+00:00", "user": {"username": "rinamarlina_", "displayname": "Rina"}}\n');
  const { items: lines } = await collect([jsonl]);
  expect(lines[0]).toMatchObject({ text: 'Coblos 02!', actor: { handle: 'rinamarlina_', name: 'Rina' }, time: '2024-02-01T10:00:00.000Z' });
});

describe('parseTableTime', () => {
  test.each([
    ['2024-02-14T07:00:00+07:00', '2024-02-14T00:00:00.000Z'],
    ['2024-02-14 07:00:00', '2024-02-14T07:00:00.000Z'],
    ['2024-02-14', '2024-02-14T00:00:00.000Z'],
    ['2024-02-14T07:00:00.5Z', '2024-02-14T07:00:00.500Z'],
    ['1707894000', '2024-02-14T07:00:00.000Z'],
    ['1707894000000', '2024-02-14T07:00:00.000Z'],
    ['Wed Feb 14 07:00:00 +0700 2024', '2024-02-14T00:00:00.000Z'],
    ['14/02/2024 07:00', '2024-02-14T07:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseTableTime(input)).toBe(expected);
  });

  test.each(['kemarin', '31/02/2024', '2024-13-01', 'Sat Foo 06 18:20:30 +0000 2025'])('%s is not a time', (input) => {
    expect(parseTableTime(input)).toBeUndefined();
  });

  test('a canonical time reads as the same time written with +00:00 (its fast path against the regex path)', () => {
    const edges = ['2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '0099-06-01T00:00:00.000Z', '0100-06-01T00:00:00.000Z', '2024-04-31T00:00:00.000Z', '2024-12-31T24:00:00.000Z', '2024-01-01T23:60:00.000Z', '2024-01-01T23:59:60.000Z', '2024-00-10T00:00:00.000Z', '2024-01-00T00:00:00.000Z', '9999-12-31T23:59:59.999Z'];
    const two = (n: number) => String(n).padStart(2, '0');
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const random = Array.from({ length: 2000 }, () => `${String(next(10000)).padStart(4, '0')}-${two(next(14))}-${two(next(33))}T${two(next(26))}:${two(next(62))}:${two(next(62))}.${String(next(1000)).padStart(3, '0')}Z`);
    for (const s of [...edges, ...random]) expect(parseTableTime(s), s).toBe(parseTableTime(s.replace(/Z$/, '+00:00')));
    expect(parseTableTime('2024-02-29T23:59:59.999Z')).toBe('2024-02-29T23:59:59.999Z');
    expect(parseTableTime('2024-12-31T24:00:00.000Z')).toBe('2025-01-01T00:00:00.000Z');
  });
});
