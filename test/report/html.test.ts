import { describe, expect, it } from 'vitest';
import { REPORT_CSP, renderReportPages } from '../../src/report/html.js';
import type { ReportData } from '../../src/report/report-data.js';

/** Every page of the report, one after the other. */
const renderHtmlReport = (data: ReportData): string => renderReportPages(data).map((p) => p.html).join('\n');
import { oneCardReport, sampleReport } from './sample.js';

/** Every src/href/srcset/xlink:href value in the document. */
function resourceUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href|srcset|xlink:href|action|poster|data)\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1] ?? '');
}

describe('renderHtmlReport', () => {
  it('renders post text containing <script> as inert text', () => {
    const html = renderHtmlReport(
      oneCardReport((c) => ({
        ...c,
        item: { ...c.item, text: 'halo <script>fetch("https://evil.example/x")</script> <img src=x onerror=alert(1)>' },
        subject: { name: '<b>Budi</b>', agency: 'Dinas "A" & B' },
        ruleTitle: { id: '</title><script>', en: 'x' },
        spans: [],
      })),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).toContain('halo &lt;script&gt;fetch(&quot;https://evil.example/x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;Budi&lt;/b&gt;');
    expect(html).toContain('Dinas &quot;A&quot; &amp; B');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;');
  });

  it('highlights every span of the post text at its offsets, after emoji, with overlaps merged', () => {
    const text = 'Mantap 👍🏽 programnya! Coblos nomor 2 ✌️ #Lanjutkan';
    const span = (word: string) => {
      const start = text.indexOf(word);
      return { field: 'text' as const, index: 0, start, end: start + word.length, text: word };
    };
    const html = renderHtmlReport(
      oneCardReport((c) => ({ ...c, item: { ...c.item, text }, spans: [span('Coblos nomor'), span('nomor 2'), span('#Lanjutkan')] })),
    );
    expect(html).toContain('<blockquote class="post">Mantap 👍🏽 programnya! <mark>Coblos nomor 2</mark> ✌️ <mark>#Lanjutkan</mark></blockquote>');
  });

  it('marks matches in the target name and lists matched words of fields the card does not show', () => {
    const html = renderHtmlReport(
      oneCardReport((c) => ({
        ...c,
        item: { platform: 'facebook', kind: 'follow', targetName: 'Relawan Paslon 02 Kolaka', mediaCaptions: [] },
        spans: [
          { field: 'target', index: 0, start: 8, end: 17, text: 'Paslon 02' },
          { field: 'hashtags', index: 0, start: 0, end: 6, text: '#Pilih' },
        ],
      })),
    );
    expect(html).toContain('Relawan <mark>Paslon 02</mark> Kolaka');
    expect(html).toContain('Kata yang cocok:</span> <mark>#Pilih</mark>');
    expect(html).not.toContain('(tanpa teks)');
  });

  it('states the potential sanction of each track, unless the exporter gives its own text', () => {
    const etik = renderHtmlReport(oneCardReport((c) => ({ ...c, track: 'etik' })));
    expect(etik).toContain('<strong>jalur kode etik</strong>: sanksi moral (PP 42/2004 Pasal 15)');
    const disiplin = renderHtmlReport(oneCardReport((c) => ({ ...c, track: 'disiplin' })));
    expect(disiplin).toContain('<strong>jalur disiplin</strong>: hukuman disiplin sedang/berat (PP 94/2021)');
    const custom = renderHtmlReport(oneCardReport((c) => ({ ...c, track: 'disiplin', sanction: 'hukuman disiplin berat (PP 94/2021 Pasal 14)' })));
    expect(custom).toContain('hukuman disiplin berat (PP 94/2021 Pasal 14)');
    expect(custom).not.toContain('sedang/berat');
  });

  it('labels everything in Indonesian by default and in English with lang en', () => {
    const id = renderHtmlReport(oneCardReport((c) => c, 'id'));
    const en = renderHtmlReport(oneCardReport((c) => c, 'en'));
    expect(id).toContain('<html lang="id">');
    expect(id).toContain('Kartu bukti');
    expect(id).toContain('Kepala rantai kustodi');
    expect(id).toContain('14 Okt 2024 19:32 WIB');
    expect(id).toContain('Status tentang program pasangan calon');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Evidence cards');
    expect(en).toContain('Custody chain head');
    expect(en).toContain('14 Oct 2024 19:32 WIB');
    expect(en).toContain('Status about a candidate pair&#39;s programme');
    expect(en).not.toContain('Kartu bukti');
  });

  it('renders an empty report with the summary, the chain head and a no-findings note', () => {
    const meta = sampleReport().meta;
    const html = renderHtmlReport({ meta, cards: [] });
    expect(html).toContain('Tidak ada temuan dalam ekspor ini.');
    expect(html).toContain(meta.chainHead.hash);
    expect(html).toContain('sha256sum -c SHA256SUMS');
    expect(html).not.toContain('<article');
    expect(html).not.toContain('<svg');
  });

  it('is self-contained: a strict CSP, no external resource, no script, only data: images', () => {
    const html = renderHtmlReport(sampleReport());
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    const urls = resourceUrls(html);
    expect(urls.length).toBeGreaterThan(0);
    // images are data: URIs; the only links are relative links between the report's own pages
    const [images, links] = [urls.filter((u) => !u.endsWith('.html')), urls.filter((u) => u.endsWith('.html'))];
    expect(images.every((u) => u.startsWith('data:image/'))).toBe(true);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((u) => /^(\.\.\/)?report(\/s\d{3}-p\d+)?\.html$|^s\d{3}-p\d+\.html$/.test(u))).toBe(true);
    expect(html).not.toMatch(/<(script|link|iframe|object|embed|base)\b/i);
    expect(html.match(/<a [^>]*>/g)!.every((a) => /^<a href="[^"]+">$/.test(a))).toBe(true);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    // original post addresses are shown, but only as text
    expect(html).toContain('<span class="mono url">https://www.facebook.com/siti.rahmawati.bdg/posts/pfbid02kJ8xQ</span>');
  });

  it('shows one card per finding, each with its capture hash, rule id@version and review status', () => {
    const data = sampleReport();
    const html = renderHtmlReport(data);
    expect(html.match(/<article class="card /g)).toHaveLength(data.cards.length);
    for (const card of data.cards) {
      expect(html).toContain(card.capture.sha256);
      expect(html).toContain(`${card.ruleId}@${card.ruleVersion}`);
    }
    expect(html).toContain('dikonfirmasi</span> · oleh Rina Marlina (Bawaslu Kota Bandung)');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo');
  });

  it('draws the prohibition chart with all eight "tidak" and one bar segment per status present', () => {
    const html = renderHtmlReport(sampleReport());
    const chart = html.match(/<figure class="chart-box" data-chart="prohibition">[\s\S]*?<\/figure>/)?.[0] ?? '';
    for (let n = 1; n <= 8; n++) expect(chart).toContain(`>${n} · Tidak `);
    expect(chart).toContain('Lainnya (SKB 2/2022)');
    // prohibition 3 has one confirmed and one open finding: two segments of equal width
    const row3 = chart.match(/<g class="row"><title>3 · [\s\S]*?<\/g>/)?.[0] ?? '';
    const widths = [...row3.matchAll(/class="bar bar-(\w+)"[^>]*width="([\d.]+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(widths.map((w) => w[0])).toEqual(['confirmed', 'open']);
    expect(widths[0]![1]).toBeGreaterThan(0);
    expect(widths[0]![1]).toBe(widths[1]![1]);
  });
});
