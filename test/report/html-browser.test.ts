// The report in a real headless Chromium: the index (report.html) and the per-subject card pages
// render, nothing touches the network, full-page screenshots at desktop and phone width are real
// pictures that fit the screen, event dates show, and pages print to A4 PDF with page numbers.
/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportPage, renderReportPages } from '../../src/report/html.js';
import { ReportData } from '../../src/report/report-data.js';

import { chromiumRequired, findChromium, missingChromiumLine } from './chromium.js';

const search = findChromium();
const CHROMIUM = search.path;
// outside CI a machine without Chromium skips this file loudly; under CI=true it fails
const run = Boolean(CHROMIUM) || chromiumRequired();
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

let browser: Browser;
let page: Page;
let dir: string;
let data: ReportData;
let pages: ReportPage[];
const requests: string[] = [];
const consoleErrors: string[] = [];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

beforeAll(async () => {
  if (!run) return;
  if (!CHROMIUM) throw new Error(`CI=true requires the browser test: ${missingChromiumLine(search)}`);
  data = ReportData.parse(JSON.parse(await readFile('fixtures/report/sample-report-data.json', 'utf8')));
  dir = process.env.NETRAL_REPORT_OUT ?? (await mkdtemp(join(tmpdir(), 'netral-report-')));
  pages = renderReportPages(data);
  await mkdir(join(dir, 'report'), { recursive: true });
  for (const p of pages) await writeFile(join(dir, p.path), p.html);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.runIf(run)('report.html in headless Chromium', () => {
  it('loads without any network request and without a CSP violation', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]).toMatch(/^file:/);
    expect(requests.filter((u) => /^(https?|wss?|ftp):/i.test(u))).toEqual([]);
    expect(requests.every((u) => /^(file|data):/.test(u))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('draws every chart with visible bars', async () => {
    for (const kind of ['prohibition', 'agency', 'region', 'week']) {
      const bars = page.locator(`figure[data-chart="${kind}"] svg rect.bar`);
      const n = await bars.count();
      expect(n, kind).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const box = await bars.nth(i).boundingBox();
        expect(box, `${kind} bar ${i}`).not.toBeNull();
        expect(box!.width).toBeGreaterThan(0);
        expect(box!.height).toBeGreaterThan(0);
      }
    }
  });

  it('shows one evidence card per finding across the subject pages, with visible highlights and the decoded thumbnail', async () => {
    const cardPage = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    cardPage.on('request', (r) => requests.push(r.url()));
    let cards = 0;
    let thumbs = 0;
    let emojis = 0;
    for (const p of pages.slice(1)) {
      await cardPage.goto(pathToFileURL(join(dir, p.path)).href, { waitUntil: 'load' });
      const n = await cardPage.locator('article.card').count();
      expect(n, p.path).toBe(p.cards);
      cards += n;
      const marks = cardPage.locator('article.card mark');
      expect(await marks.count()).toBeGreaterThanOrEqual(1);
      const markBox = await marks.first().boundingBox();
      expect(markBox!.width).toBeGreaterThan(0);
      const img = cardPage.locator('article.card figure.thumb img');
      if (await img.count()) {
        await expect(img.first().evaluate((el) => (el as HTMLImageElement).naturalWidth)).resolves.toBe(160);
        thumbs++;
      }
      // a matched emoji is its embedded picture: decoded, visible, never an empty box
      for (const emoji of await cardPage.locator('mark img.emoji').all()) {
        await expect(emoji.evaluate((el) => (el as HTMLImageElement).naturalWidth)).resolves.toBe(136);
        expect((await emoji.boundingBox())!.width).toBeGreaterThan(8);
        emojis++;
      }
      await expect(cardPage.locator('script').count()).resolves.toBe(0);
      if (p.html.includes('&lt;script&gt;alert(&quot;02&quot;)')) {
        // the post text with an injected <script> is shown as text, not run or parsed
        await expect(cardPage.getByText('<script>alert("02")</script>', { exact: false }).count()).resolves.toBe(1);
      }
    }
    expect(cards).toBe(data.cards.length);
    expect(thumbs).toBeGreaterThan(0);
    expect(emojis).toBeGreaterThanOrEqual(3);
    expect(requests.filter((u) => !/^(file|data):/.test(u))).toEqual([]);
    await cardPage.close();
  });

  it('the index has one row per civil servant whose links open the subject pages', async () => {
    const rows = page.locator('table.subject-index tbody tr');
    const subjects = new Set(data.cards.map((c) => c.subject?.name ?? ''));
    await expect(rows.count()).resolves.toBe(subjects.size);
    const ilham = rows.filter({ hasText: 'Muh. Ilham Saputra' });
    await expect(ilham.locator('td.period').innerText()).resolves.toMatch(/^2 Des 2023 – 10 Nov 2024\s+WITA$/);
    const link = ilham.locator('td.links a').first();
    await link.click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/\/report\/s\d{3}-p1\.html$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('Muh. Ilham Saputra');
    // the event finding shows the event's date in WITA with UTC beside it
    const eventDate = page.locator('.fact.event-date dd').first();
    await expect(eventDate.isVisible()).resolves.toBe(true);
    await expect(eventDate.innerText()).resolves.toBe('10 Nov 2024 09:00 WITA (2024-11-10 01:00 UTC) – 13:00 WITA');
    await expect(page.locator('section.group article.card').count()).resolves.toBe(2);
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  });

  it('fits a phone (390 px): nothing wider than the screen, a readable full-page screenshot', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    for (const p of [pages[0]!, pages.find((x) => x.html.includes('event-date'))!]) {
      await phone.goto(pathToFileURL(join(dir, p.path)).href, { waitUntil: 'load' });
      const widths = await phone.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth }));
      expect(widths.doc, p.path).toBeLessThanOrEqual(390);
      expect(widths.body, p.path).toBeLessThanOrEqual(390);
      const png = await phone.screenshot({ fullPage: true });
      await writeFile(join(dir, `${p.path.replace(/[/.]/g, '_')}-phone.png`), png);
      const { width, height } = pngSize(png);
      expect(width).toBe(390);
      expect(height).toBeGreaterThan(844);
    }
    await expect(phone.locator('.fact.event-date dd').first().isVisible()).resolves.toBe(true);
    await phone.close();
  });

  it('takes a full-page screenshot that is a real, non-blank picture', async () => {
    const png = await page.screenshot({ fullPage: true });
    await writeFile(join(dir, 'report.png'), png);
    const { width, height } = pngSize(png);
    expect(width).toBe(1100);
    expect(height).toBeGreaterThan(2000);

    const blankPage = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await blankPage.setContent('<html><body style="background:#fff"></body></html>');
    const blank = await blankPage.screenshot({ fullPage: true });
    // sample the screenshot's pixels in a canvas: a rendered report has ink and colour
    const stats = await blankPage.evaluate(async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = Math.min(img.height, 3000);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      let ink = 0;
      let samples = 0;
      for (let i = 0; i < px.length; i += 4 * 7) {
        samples++;
        if (px[i]! < 235 || px[i + 1]! < 235 || px[i + 2]! < 235) ink++;
        colours.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      }
      return { colours: colours.size, inkShare: ink / samples };
    }, png.toString('base64'));
    await blankPage.close();
    expect(png.length).toBeGreaterThan(blank.length * 20);
    expect(stats.colours).toBeGreaterThan(100);
    expect(stats.inkShare).toBeGreaterThan(0.03);
  });

  it('prints to an A4 PDF of several pages, each with the case id and "Hal. n / m" in its footer', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(join(dir, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const sheets = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(sheets.length).toBeGreaterThanOrEqual(2);
    // A4 = 595.92 × 842.88 pt
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\s*\]/);
    // the footer text, read back from the PDF (poppler-utils' pdftotext; .ci/run installs it)
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const missing = 'pdftotext not found: install Debian\'s "poppler-utils" (.ci/run does)';
      if (chromiumRequired()) throw new Error(missing);
      // outside CI: the PDF was checked above; only its footer text goes unread, and that is said loudly
      console.warn(`\n  ⚠ SKIPPED the PDF footer check: ${missing}\n`);
      return;
    }
    const perSheet = text.split('\f').filter((t) => t.trim());
    expect(perSheet.length).toBe(sheets.length);
    perSheet.forEach((sheet, i) => {
      expect(sheet).toContain(`Hal. ${i + 1} / ${perSheet.length}`);
      expect(sheet).toMatch(/Berkas NTR-3f6c2a9e-1842 · Indeks per ASN/);
    });
  });
});
