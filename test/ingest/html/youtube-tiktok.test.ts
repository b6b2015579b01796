import { describe, expect, it } from 'vitest';
import { extractHashtags, extractMentions } from '../../../src/text/tags.js';
import { parseFixture, rawOf } from './helpers.js';

describe('YouTube', () => {
  it('a watch page is one video: title + description, absolute publish time in UTC, channel as actor', () => {
    const { items, parsed } = parseFixture('youtube-watch-sosialisasi.html');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'youtube',
      kind: 'post',
      actor: { kind: 'account', name: 'Kecamatan Soreang Official', id: 'UCa1B2c3D4e5F6g7H8i9J0kL', url: 'http://www.youtube.com/@kecamatansoreang' },
      time: '2024-01-09T03:30:05.000Z',
      timeRaw: '2024-01-08T19:30:05-08:00',
      hashtags: ['DesaSejahtera', 'Pemilu2024'],
      permalink: 'https://www.youtube.com/watch?v=Qx7pL2mVn3A',
      source: { pointer: 'html:ytInitialPlayerResponse/videoDetails' },
    });
    expect(items[0]?.text).toBe(
      'Sosialisasi Program Desa Sejahtera – Kecamatan Soreang\n\nSosialisasi program bantuan desa bersama Pak Camat.\nDukung terus program ini, jangan lupa 14 Februari pilih yang sudah terbukti! #DesaSejahtera #Pemilu2024',
    );
    expect(rawOf(parsed[0]).views).toBe(15423);
    // recommended videos of other channels on the watch page are not the channel's activity
    expect(JSON.stringify(items)).not.toContain('ZZrelated');
  });

  it('a channel page: the channel profile, grid videos (old and new renderers) and a community post', () => {
    const { items, parsed } = parseFixture('youtube-channel-videos.html');
    expect(items.map((i) => [i.kind, i.permalink])).toEqual([
      ['profile', 'http://www.youtube.com/@kecamatansoreang'],
      ['post', 'https://www.youtube.com/watch?v=Qx7pL2mVn3A'],
      ['post', 'https://www.youtube.com/watch?v=Bn4kT8wQz1E'],
      ['post', 'https://www.youtube.com/watch?v=Lk9sW2eRt5Y'],
      ['post', 'https://www.youtube.com/post/UgkxR7tYpLm3nQ2wS8vX1cZ4bF6hJ9kD0aE'],
    ]);
    expect(items[3]).toMatchObject({ text: 'Senam Sehat Bersama Warga, Salam Dua Jari ✌️', timeRaw: '3 minggu yang lalu' });
    expect(items[3]?.time).toBeUndefined();
    expect(items[4]).toMatchObject({ text: 'Terima kasih warga Soreang atas antusiasmenya! #DesaSejahtera', hashtags: ['DesaSejahtera'] });
    expect(items[1]?.source.pointer).toBe('html:ytInitialData/contents/twoColumnBrowseResultsRenderer/tabs/1/tabRenderer/content/richGridRenderer/contents/0/richItemRenderer/content/videoRenderer');
    expect(rawOf(parsed[2]).views).toBe(1200);
  });
});

describe('TikTok', () => {
  it('a video page: description, epoch createTime as UTC, author, hashtags from textExtra, mention', () => {
    const { items, parsed } = parseFixture('tiktok-video-kunjungan.html');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'tiktok',
      kind: 'post',
      actor: { kind: 'account', handle: 'pak.lurah.sukamaju', name: 'Pak Lurah Sukamaju', url: 'https://www.tiktok.com/@pak.lurah.sukamaju' },
      text: 'Kunjungan kerja ke Desa Sukamaju bareng relawan 🔥 #coblos02 #pemilu2024 @relawan.sukamaju',
      time: '2024-01-08T13:20:00.000Z',
      hashtags: ['coblos02', 'pemilu2024'],
      mentions: ['relawan.sukamaju'],
      permalink: 'https://www.tiktok.com/@pak.lurah.sukamaju/video/7321987654321098765',
    });
    expect((rawOf(parsed[0]).itemStruct as { stats: { playCount: number } }).stats.playCount).toBe(48200);
  });

  it('a private profile still yields its bio, and says it is private', () => {
    const { items, warnings } = parseFixture('tiktok-profile-private.html');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'profile', actor: { handle: 'bu.sekdes.ani' }, text: 'Sekretaris Desa 🇮🇩 Relawan 02 garis keras' });
    expect(warnings).toEqual(['tiktok-profile-private.html: TikTok webapp.user-detail says private account']);
  });
});

describe('YouTube watch page saved with SingleFile (scripts removed)', () => {
  const { items, warnings } = parseFixture('youtube-watch-kampanye-singlefile.html');

  it('reads the video from its microdata and rendered DOM: uploader as actor, upload date as time', () => {
    expect(warnings).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'youtube',
      kind: 'post',
      actor: { kind: 'account', name: 'Hendra Gunawan', id: 'UCq7W3e9R1t5Y2u8I4o6P0aS', url: 'http://www.youtube.com/@ustadzhendra.cileunyi' },
      time: '2024-02-06T12:12:40.000Z',
      timeRaw: '2024-02-06T04:12:40-08:00',
      permalink: 'https://www.youtube.com/watch?v=Hk3mP9sQw2E',
      hashtags: ['GanjarMahfud'],
    });
    // the full rendered description (the meta description is cut short), without the views-and-date line
    expect(items[0]?.text).toBe(
      'Pengajian Akbar Warga Cileunyi Bersama Pasangan Nomor 3\n\nAlhamdulillah pengajian akbar warga Cileunyi bersama Ganjar–Mahfud berjalan lancar. Tanggal 14 Februari jangan lupa coblos nomor 3 ya, demi Indonesia unggul! #GanjarMahfud',
    );
  });

  it('comments under the video and recommended videos are never the uploader’s words', () => {
    const all = JSON.stringify(items);
    expect(all).not.toContain('Prabowo');
    expect(all).not.toContain('AMIN');
    expect(all).not.toContain('ZZrelated');
  });
});

describe('TikTok video saved with SingleFile (scripts removed)', () => {
  const { items, warnings } = parseFixture('tiktok-video-relawan-singlefile.html');

  it('falls back to the page metadata: the OG description, the URL’s @user as author, comments never', () => {
    expect(warnings[0]).toContain('no TikTok profile / video page content found');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'tiktok',
      kind: 'post',
      actor: { kind: 'account', handle: 'dewi.guru.sd' },
      permalink: 'https://www.tiktok.com/@dewi.guru.sd/video/7331234567890123456',
    });
    expect(items[0]?.text).toBe('Senam pagi bareng relawan 02 💃 #PrabowoGibran\n\nSenam pagi bareng relawan 02 💃 Tanggal 14 jangan lupa coblos nomor 2 ya! #PrabowoGibran');
    // the visible "4-2" is a day without a year or zone rule TikTok documents: no time is made up
    expect(items[0]?.time).toBeUndefined();
    expect(JSON.stringify(items)).not.toContain('AMIN');
  });
});

describe('YouTube channel community tab with a shared post', () => {
  const { items } = parseFixture('youtube-channel-community-share.html');
  const CHANNEL = { kind: 'account', name: 'Karang Taruna Cileunyi', id: 'UCk8T2r4N6c0L1e3Y5u7N9iA', url: 'http://www.youtube.com/@karangtarunacileunyi' };

  it('an own community post is the channel’s; its relative date stays raw, with no time', () => {
    expect(items.map((i) => i.kind)).toEqual(['profile', 'post', 'share']);
    expect(items[1]).toMatchObject({ actor: CHANNEL, text: 'Jadwal kerja bakti Minggu pagi di Balai Desa. Ditunggu ya! #CileunyiBersih', timeRaw: '2 hari yang lalu' });
    expect(items[1]?.time).toBeUndefined();
  });

  it('a shared post is the channel’s share of the original channel’s words, never its own post', () => {
    expect(items[2]).toMatchObject({
      kind: 'share',
      actor: CHANNEL,
      target: { kind: 'post', name: 'Relawan AMIN Jabar', url: 'https://www.youtube.com/post/UgkxOrigPost0002bbbbbbbbbbbbbbbbbbbbb' },
      text: '14 Februari coblos nomor 1! Anies–Muhaimin untuk perubahan ☝️',
      permalink: 'https://www.youtube.com/post/UgkxSharePost003ccccccccccccccccccccc',
    });
    expect(items.filter((i) => i.kind === 'post' && i.text?.includes('Anies'))).toEqual([]);
  });
});

describe('YouTube page readers share one item shape', () => {
  const pages = ['youtube-watch-sosialisasi.html', 'youtube-watch-kampanye-singlefile.html', 'youtube-channel-videos.html', 'youtube-channel-community-share.html'];
  const all = pages.flatMap((name) => parseFixture(name).parsed.map((p) => p.draft));

  it('every item is YouTube\'s, with the hashtags and mentions of its own text', () => {
    expect(all.map((d) => d.kind)).toEqual(['post', 'post', 'profile', 'post', 'post', 'post', 'post', 'profile', 'post', 'share']);
    for (const d of all) {
      expect(d.platform).toBe('youtube');
      expect(d.hashtags).toEqual(extractHashtags(d.text));
      expect(d.mentions).toEqual(extractMentions(d.text));
    }
  });

  it('a video is its watch page, as permalink and as media; a community post or share is its post page', () => {
    for (const d of all.filter((x) => x.permalink?.includes('/watch?v='))) expect(d.media).toEqual([{ url: d.permalink, mediaType: 'video/*' }]);
    const community = all.filter((d) => d.permalink?.includes('/post/'));
    expect(community.map((d) => d.kind)).toEqual(['post', 'post', 'share']);
    for (const d of community) {
      expect(d.media).toBeUndefined();
      expect(d.timeRaw).toMatch(/lalu$/);
      expect(d.source.pointer).toMatch(/^html:ytInitialData\//);
    }
  });

  it('leaves absent members out, and writes the members in one order', () => {
    for (const d of all) expect(Object.values(d)).not.toContain(undefined);
    const order = ['platform', 'kind', 'actor', 'target', 'text', 'time', 'timeRaw', 'media', 'hashtags', 'mentions', 'permalink', 'source'];
    for (const d of all) expect(Object.keys(d)).toEqual(order.filter((k) => k in d));
  });
});
