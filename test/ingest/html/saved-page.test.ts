import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEncodedWords, decodeQuotedPrintable, readMhtml } from '../../../src/ingest/html/mhtml.js';
import { decodeHtml, savedPageUrl, unwrapSavedPage } from '../../../src/ingest/html/saved-page.js';

const fixture = (name: string) => readFileSync(`fixtures/html/${name}`);

describe('saved-page markers', () => {
  it('SingleFile: the header comment gives the original URL and the save date (Date.toString with a WIB zone name)', () => {
    const saved = unwrapSavedPage(fixture('telegram-channel-relawan-singlefile.html'));
    expect(saved).toMatchObject({ format: 'singlefile', originalUrl: 'https://t.me/s/relawansejahtera', savedAt: '2024-01-06T09:05:12.000Z' });
    expect(saved.html).toContain('tgme_widget_message');
  });

  it('MHTML: Snapshot-Content-Location and Date headers, quoted-printable HTML decoded back to UTF-8', () => {
    const saved = unwrapSavedPage(fixture('telegram-channel-relawan-chrome.mhtml'));
    expect(saved).toMatchObject({ format: 'mhtml', originalUrl: 'https://t.me/s/relawansejahtera', savedAt: '2024-01-06T09:07:45.000Z' });
    expect(saved.html).toBe(fixture('telegram-channel-relawan.html').toString('utf8').replace(/\n/g, '\r\n'));
    expect(saved.html).toContain('pagi ini 💪');
  });

  it('MHTML: the subject header is RFC 2047 decoded and only the text/html part is taken', () => {
    const page = readMhtml(fixture('facebook-page-disdik-chrome.mhtml'));
    expect(page?.subject).toBe('Dinas Pendidikan Kab. Bandung | Facebook');
    expect(page?.html.toString('utf8')).not.toContain('._6s5d');
  });

  it('Chromium "saved from url": the bracketed length says where the URL ends', () => {
    const saved = unwrapSavedPage(fixture('instagram-post-ani-chromium.html'));
    expect(saved).toMatchObject({ format: 'chromium', originalUrl: 'https://www.instagram.com/p/C1xYz2AbCdE/' });
    expect(saved.savedAt).toBeUndefined();
  });

  it('a plain page has no markers', () => {
    const saved = unwrapSavedPage(fixture('article-berita-netralitas.html'));
    expect(saved.format).toBe('html');
    expect(saved.originalUrl).toBeUndefined();
    expect(saved.savedAt).toBeUndefined();
  });

  it('savedPageUrl reads the URL from the first bytes only (for format detection)', () => {
    expect(savedPageUrl(fixture('telegram-channel-relawan-chrome.mhtml').subarray(0, 4096))).toBe('https://t.me/s/relawansejahtera');
    expect(savedPageUrl(fixture('x-profile-budi-singlefile.html').subarray(0, 4096))).toBe('https://x.com/budi_asn_dinkes');
    expect(savedPageUrl(fixture('article-berita-netralitas.html').subarray(0, 4096))).toBe('https://berita-jabar.example/2024/01/camat-soreang-diduga-ajak-warga');
  });
});

describe('decoding', () => {
  it('quoted-printable: soft line breaks joined, =XX bytes restored', () => {
    expect(decodeQuotedPrintable('coblos nomor =\r\n2 =F0=9F=92=AA a=3Db').toString('utf8')).toBe('coblos nomor 2 💪 a=b');
  });

  it('RFC 2047 encoded words in Q and B form', () => {
    expect(decodeEncodedWords('=?utf-8?Q?Kanal_=E2=80=93_X?=')).toBe('Kanal – X');
    expect(decodeEncodedWords('=?utf-8?B?UmVsYXdhbiDwn5Kq?=')).toBe('Relawan 💪');
  });

  it('HTML in a declared legacy charset is decoded with it', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>Caf'), Buffer.from([0xe9]), Buffer.from(' Bandung</p>')]);
    expect(decodeHtml(bytes)).toContain('Café Bandung');
  });
});
