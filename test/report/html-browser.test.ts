// report.html in a real headless Chromium: charts and cards render, nothing touches the network,
// a full-page screenshot is a real picture, and the page prints to A4 PDF.
/// <reference lib="dom" />
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
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
  await writeFile(join(dir, 'report.html'), renderHtmlReport(data));
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

  it('shows one evidence card per finding with visible highlights and the decoded thumbnail', async () => {
    await expect(page.locator('article.card').count()).resolves.toBe(data.cards.length);
    const marks = page.locator('article.card mark');
    expect(await marks.count()).toBeGreaterThanOrEqual(data.cards.length);
    await expect(marks.first().isVisible()).resolves.toBe(true);
    const markBox = await marks.first().boundingBox();
    expect(markBox!.width).toBeGreaterThan(0);
    const img = page.locator('article.card figure.thumb img').first();
    await expect(img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).resolves.toBe(160);
    // the post text with an injected <script> is shown as text, not run or parsed
    await expect(page.locator('script').count()).resolves.toBe(0);
    await expect(page.getByText('<script>alert("02")</script>', { exact: false }).count()).resolves.toBe(1);
  });

  it('takes a full-page screenshot that is a real, non-blank picture', async () => {
    const png = await page.screenshot({ fullPage: true });
    await writeFile(join(dir, 'report.png'), png);
    const { width, height } = pngSize(png);
    expect(width).toBe(1100);
    expect(height).toBeGreaterThan(3000);

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

  it('prints to an A4 PDF of several pages', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeFile(join(dir, 'report.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // A4 = 595.92 × 842.88 pt
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.?\d* 84[12]\.?\d*\s*\]/);
  });
});
