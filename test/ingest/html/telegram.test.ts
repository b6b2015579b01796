import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../src/ingest/html/page.js';
import { telegramNextPage, telegramPreviewUrl } from '../../../src/ingest/html/telegram.js';
import { readFileSync } from 'node:fs';
import { parseFixture, rawOf } from './helpers.js';

describe('Telegram channel preview (t.me/s)', () => {
  const { parsed, items, warnings } = parseFixture('telegram-channel-relawan.html', 'https://t.me/s/relawansejahtera');
  const byPermalink = (p: string) => items.find((i) => i.permalink === p);

  it('reads the channel header as a profile and each message as an item, in page order', () => {
    expect(warnings).toEqual([]);
    expect(items.map((i) => i.kind)).toEqual(['profile', 'post', 'share', 'post']);
    expect(items[0]).toMatchObject({
      platform: 'telegram',
      actor: { kind: 'channel', name: 'Relawan Sejahtera Bersama', handle: 'relawansejahtera', url: 'https://t.me/relawansejahtera' },
      text: 'Info kegiatan relawan se-Kabupaten Bandung.\nBukan akun resmi pemerintah. #Relawan',
    });
  });

  it('a message: permalink from data-post, UTC time from <time datetime>, text with its line breaks, hashtags, photo', () => {
    const post = byPermalink('https://t.me/relawansejahtera/1214');
    expect(post).toMatchObject({
      kind: 'post',
      time: '2024-01-05T02:20:30.000Z',
      timeRaw: '2024-01-05T02:20:30+00:00',
      text: 'Apel siaga relawan di Soreang pagi ini 💪\nBapak Camat hadir memberi semangat. Ingat tanggal 14 Februari, coblos nomor 2!\n#SatuPutaranSaja #Relawan',
      hashtags: ['SatuPutaranSaja', 'Relawan'],
      media: [{ url: 'https://cdn4.telesco.pe/file/apel_siaga_relawan_1214.jpg', mediaType: 'image/jpeg' }],
      source: { pointer: 'html:[data-post="relawansejahtera/1214"]' },
    });
  });

  it('views ("1.2K") are kept only in the raw fragment, with the message HTML', () => {
    const raw = rawOf(parsed[1]);
    expect(raw.views).toBe(1200);
    expect(String(raw.html)).toContain('data-post="relawansejahtera/1214"');
    expect(JSON.stringify(items[1])).not.toContain('1200');
  });

  it('a forward is a share of the source channel, with its link preview', () => {
    expect(byPermalink('https://t.me/relawansejahtera/1215')).toMatchObject({
      kind: 'share',
      target: { kind: 'channel', name: 'Info Paslon 02 Jabar', handle: 'infopaslon02', url: 'https://t.me/infopaslon02/877' },
      link: { url: 'https://berita-jabar.example/kampanye-akbar-gasibu', title: 'Kampanye Akbar di Gasibu Dihadiri Ribuan Warga' },
    });
  });

  it("a reply keeps its own text (not the quoted snippet), its video, the document's name and the mention", () => {
    const reply = byPermalink('https://t.me/relawansejahtera/1216');
    expect(reply?.text).toBe('Video apelnya, terima kasih @pakcamat_soreang 🙏 Daftar koordinator TPS terlampir.');
    expect(reply?.target).toEqual({ kind: 'post', url: 'https://t.me/relawansejahtera/1214' });
    expect(reply?.media).toEqual([{ url: 'https://cdn4.telesco.pe/file/video_1216.mp4', mediaType: 'video/mp4' }, { caption: 'Daftar_Koordinator_TPS_Soreang.pdf' }]);
    expect(reply?.mentions).toEqual(['pakcamat_soreang']);
  });

  it('an album yields one item with every photo; a service message ("pinned a photo") is no item', () => {
    const page2 = parseFixture('telegram-channel-relawan-before-1214.html', 'https://t.me/s/relawansejahtera?before=1214');
    expect(page2.items.map((i) => i.permalink)).toEqual(['https://t.me/s/relawansejahtera', 'https://t.me/relawansejahtera/1213']);
    const album = page2.items.find((i) => i.permalink === 'https://t.me/relawansejahtera/1213');
    expect(album?.media.map((m) => m.url)).toEqual(['https://cdn4.telesco.pe/file/rapat_koordinasi_a.jpg', 'https://cdn4.telesco.pe/file/rapat_koordinasi_b.jpg']);
    expect(rawOf(page2.parsed.find((p) => p.draft.permalink === album?.permalink)).views).toBe(2_000_000);
  });

  it('the older page link resolves against the page URL', () => {
    const $ = loadHtml(readFileSync('fixtures/html/telegram-channel-relawan.html', 'utf8'));
    expect(telegramNextPage($, 'https://t.me/s/relawansejahtera')).toBe('https://t.me/s/relawansejahtera?before=1214');
    expect(telegramNextPage(loadHtml('<p>no more</p>'), 'https://t.me/s/x')).toBeUndefined();
  });

  it('a channel landing URL is turned into its preview URL', () => {
    expect(telegramPreviewUrl('https://t.me/relawansejahtera')).toBe('https://t.me/s/relawansejahtera');
    expect(telegramPreviewUrl('https://t.me/relawansejahtera/1214')).toBe('https://t.me/relawansejahtera/1214');
    expect(telegramPreviewUrl('https://t.me/s/relawansejahtera')).toBe('https://t.me/s/relawansejahtera');
  });
});
