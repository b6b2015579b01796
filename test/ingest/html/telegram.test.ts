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

describe('Telegram forwards from a hidden account', () => {
  it('a "Forwarded from" line without a name link is still a share of that account’s words, not the channel’s post', async () => {
    const { parseHtmlPage } = await import('../../../src/ingest/html/adapters.js');
    const page = Buffer.from(
      '<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="kanalwarga/88">' +
        '<div class="tgme_widget_message_author"><a class="tgme_widget_message_owner_name" href="https://t.me/kanalwarga">Kanal Warga</a></div>' +
        '<div class="tgme_widget_message_forwarded_from">Forwarded from <span class="tgme_widget_message_forwarded_from_name">Tim Pemenangan 02</span></div>' +
        '<div class="tgme_widget_message_text js-message_text" dir="auto">Coblos nomor 2 tanggal 14 Februari!</div>' +
        '<div class="tgme_widget_message_footer"><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/kanalwarga/88"><time datetime="2024-02-01T03:00:00+00:00" class="time">10:00</time></a></span></div></div></div>' +
        '<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="kanalwarga/89">' +
        '<div class="tgme_widget_message_forwarded_from">Forwarded from Budi</div>' +
        '<div class="tgme_widget_message_text js-message_text" dir="auto">Ayo ke deklarasi relawan!</div>' +
        '<div class="tgme_widget_message_footer"><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/kanalwarga/89"><time datetime="2024-02-01T04:00:00+00:00" class="time">11:00</time></a></span></div></div></div>',
    );
    const items = [...parseHtmlPage(page, 'https://t.me/s/kanalwarga', { captureId: 'c', path: 'p', warn: () => undefined })].map((p) => p.draft);
    expect(items.map((i) => [i.kind, i.actor?.handle, i.target?.name, i.time])).toEqual([
      ['share', 'kanalwarga', 'Tim Pemenangan 02', '2024-02-01T03:00:00.000Z'],
      ['share', 'kanalwarga', 'Budi', '2024-02-01T04:00:00.000Z'],
    ]);
  });
});
