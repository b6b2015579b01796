import { describe, expect, it } from 'vitest';
import { HTML_ADAPTERS, htmlAdapterFor } from '../../../src/ingest/html/adapters.js';
import { readFileSync } from 'node:fs';
import { parseFixture } from './helpers.js';

describe('generic article parser', () => {
  it('reads headline, author, published time (UTC), image and main text from JSON-LD, OpenGraph and <article>', () => {
    const { items } = parseFixture('article-berita-netralitas.html');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'web',
      kind: 'post',
      actor: { name: 'Siti Nurhaliza' },
      context: { kind: 'page', name: 'Berita Jabar', url: 'https://berita-jabar.example' },
      time: '2024-01-10T03:15:00.000Z',
      media: [{ url: 'https://berita-jabar.example/img/2024/01/camat-soreang.jpg' }],
      permalink: 'https://berita-jabar.example/2024/01/camat-soreang-diduga-ajak-warga',
    });
    const text = items[0]?.text ?? '';
    expect(text.startsWith('Camat Soreang Diduga Ajak Warga Pilih Paslon Tertentu\n\nSOREANG – Bawaslu')).toBe(true);
    expect(text).toContain('pasangan calon nomor urut 2');
    // navigation, "baca juga" boxes and the footer are not the article
    for (const chrome of ['Beranda', 'Baca juga', '© 2024']) expect(text).not.toContain(chrome);
  });

  it('a social page with nothing its parser knows falls back to the page metadata, for that platform', () => {
    const page = Buffer.from('<html><head><meta property="og:title" content="Budi (@budi_asn)"><meta property="og:description" content="Log in untuk melihat"></head><body></body></html>');
    const warnings: string[] = [];
    const adapter = htmlAdapterFor('https://www.instagram.com/budi_asn/', page);
    const items = [...adapter.parsePage(page, 'https://www.instagram.com/budi_asn/', { captureId: 'c', path: 'p', warn: (m) => warnings.push(m) })];
    expect(adapter.id).toBe('html-instagram');
    expect(items.map((i) => [i.draft.platform, i.draft.text])).toEqual([['instagram', 'Budi (@budi_asn)\n\nLog in untuk melihat']]);
    expect(warnings[0]).toContain('no Instagram saved page content found');
  });
});

describe('format detection of saved pages', () => {
  const detect = (name: string) => HTML_ADAPTERS.find((a) => a.detect(name, readFileSync(`fixtures/html/${name}`).subarray(0, 4096)))?.id;

  it.each([
    ['telegram-channel-relawan-singlefile.html', 'html-telegram'],
    ['telegram-channel-relawan-chrome.mhtml', 'html-telegram'],
    ['x-profile-budi-singlefile.html', 'html-x'],
    ['instagram-post-ani-chromium.html', 'html-instagram'],
    ['facebook-page-disdik-chrome.mhtml', 'html-facebook'],
    ['youtube-watch-sosialisasi.html', 'html-youtube'],
    ['youtube-watch-kampanye-singlefile.html', 'html-youtube'],
    ['facebook-profile-budi-singlefile.html', 'html-facebook'],
    ['facebook-profile-budi-chrome.mhtml', 'html-facebook'],
    ['threads-post-sri.html', 'html-threads'],
    ['threads-post-sri-singlefile.html', 'html-threads'],
    ['tiktok-video-kunjungan.html', 'html-tiktok'],
    ['article-berita-netralitas.html', 'html-web'],
  ])('%s → %s', (name, id) => {
    expect(detect(name)).toBe(id);
  });

  it('claims only saved-page file names', () => {
    const head = readFileSync('fixtures/html/telegram-channel-relawan.html').subarray(0, 4096);
    expect(HTML_ADAPTERS.some((a) => a.detect('posts/your_posts_1.json', head))).toBe(false);
  });

  it('a fetched response is dispatched by host, then by markup', () => {
    const tg = readFileSync('fixtures/html/telegram-channel-relawan.html');
    expect(htmlAdapterFor('https://t.me/s/relawansejahtera', tg).id).toBe('html-telegram');
    expect(htmlAdapterFor('http://127.0.0.1:8080/s/relawansejahtera', tg).id).toBe('html-telegram');
    expect(htmlAdapterFor('https://berita-jabar.example/x', Buffer.from('<p>berita</p>')).id).toBe('html-web');
  });
});
