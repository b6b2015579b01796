import { describe, expect, it } from 'vitest';
import { caseIdOf, renderReportPages } from '../../src/report/html.js';
import type { ReportCard, ReportData } from '../../src/report/report-data.js';
import { sampleReport } from './sample.js';

const page = (data: ReportData, path: string) => renderReportPages(data).find((p) => p.path === path)?.html ?? '';

describe('report pages', () => {
  it('report.html is an index: one row per civil servant with findings by prohibition, status, period and links to its pages', () => {
    const data = sampleReport();
    const pages = renderReportPages(data);
    expect(pages[0]!.path).toBe('report.html');
    const index = pages[0]!.html;
    expect(index).not.toContain('<article');
    const names = [...new Set(data.cards.flatMap((c) => (c.subject ? [c.subject.name] : [])))].sort((a, b) => a.localeCompare(b, 'id'));
    const rows = [...index.matchAll(/<tr data-subject="(\d+)">([\s\S]*?)<\/tr>/g)];
    expect(rows).toHaveLength(names.length + 1); // + the authors who are no listed subject
    rows.slice(0, names.length).forEach((r, i) => expect(r[2]).toContain(`<strong>${names[i]!.replace(/&/g, '&amp;')}</strong>`));
    // Muh. Ilham Saputra: prohibition 2 twice (the event), "other" once; WITA (Sulawesi Tenggara)
    const ilham = rows.find((r) => r[2]!.includes('Muh. Ilham Saputra'))![2]!;
    const cells = [...ilham.matchAll(/<td class="n[^"]*">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(cells).toEqual([0, 2, 0, 0, 0, 0, 0, 1, 1]);
    expect(ilham).toContain('<td class="n"><strong>4</strong></td>');
    expect(ilham).toMatch(/2 Des 2023 – 10 Nov 2024 <span class="muted">WITA<\/span>/);
    // every link of the index leads to an existing page, every card page is linked
    const linked = [...index.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(linked.sort()).toEqual(pages.slice(1).map((p) => p.path).sort());
    expect(pages.slice(1).reduce((n, p) => n + p.cards, 0)).toBe(data.cards.length);
  });

  it('an event finding carries the event date on its card, in the subject zone with UTC beside it', () => {
    const data = sampleReport();
    const all = renderReportPages(data).map((p) => p.html).join('\n');
    expect(all).toContain('<div class="fact event-date"><dt>Tanggal acara</dt><dd>10 Nov 2024 09:00 WITA <span class="muted">(2024-11-10 01:00 UTC)</span> – 13:00 WITA</dd></div>');
    expect(all).not.toMatch(/Waktu<\/dt><dd><span class="muted">\(waktu tidak diketahui\)[\s\S]{0,400}Kampanye Akbar/);
  });

  it('findings of one item under the same prohibition are one group; reviewer notes are on the card', () => {
    const data = sampleReport();
    const all = renderReportPages(data).map((p) => p.html).join('\n');
    const group = all.match(/<section class="group">[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(group).toContain('2 temuan pada item yang sama, larangan 2');
    expect(group.match(/<article class="card /g)).toHaveLength(2);
    expect(all).toContain('Tangkapan layar unggahan sudah dicocokkan dengan akun asli');
  });

  it('--timezone puts every time in one zone', () => {
    const data = sampleReport();
    const utc = renderReportPages({ ...data, meta: { ...data.meta, timezone: 'UTC' } }).map((p) => p.html).join('\n');
    expect(utc).toContain('<dd>2024-11-10 01:00 UTC – 05:00 UTC</dd>');
    expect(utc).not.toMatch(/\d\d:\d\d WI(B|TA|T)\b/);
  });

  it('the index attests who exported, when, the chain head and the evidence hash', () => {
    const data = sampleReport();
    const attest = page(data, 'report.html').match(/<section class="attest">[\s\S]*?<\/section>/)?.[0] ?? '';
    expect(attest).toContain('Rina Marlina (Bawaslu Kota Bandung)');
    expect(attest).toContain(data.meta.chainHead.hash);
    expect(attest).toContain(data.meta.evidenceDigest);
    expect(attest).toContain(caseIdOf(data.meta));
    expect(attest).toContain('manifest.sha256');
  });

  it('every page prints its case id and "page n / m" in the margin boxes', () => {
    const data = sampleReport();
    for (const p of renderReportPages(data)) {
      expect(p.html).toContain(`@bottom-left { content: "Berkas ${caseIdOf(data.meta)} · `);
      expect(p.html).toContain('@bottom-right { content: "Hal. " counter(page) " / " counter(pages);');
    }
  });

  it('a large set is chunked: no card page over the limits, a group never split, pages linked in order', () => {
    const sample = sampleReport();
    const base = sample.cards[0]!;
    const hex = (n: number) => n.toString(16).padStart(64, '0');
    const cards: ReportCard[] = Array.from({ length: 1000 }, (_, i) => ({ ...structuredClone(base), findingId: hex(i + 1), itemId: hex(100000 + Math.floor(i / 2)), thumbnail: undefined }));
    const data: ReportData = { meta: sample.meta, cards };
    const pages = renderReportPages(data, { cards: 50, bytes: 200_000 });
    const cardPages = pages.slice(1);
    expect(cardPages.length).toBeGreaterThanOrEqual(20);
    for (const p of cardPages) {
      expect(p.cards).toBeLessThanOrEqual(50);
      expect(p.cards % 2).toBe(0); // groups of two stay together
      expect(Buffer.byteLength(p.html)).toBeLessThan(200_000 + 40_000);
    }
    expect(cardPages.reduce((n, p) => n + p.cards, 0)).toBe(1000);
    expect(cardPages[1]!.html).toContain('<a href="s001-p1.html">‹ sebelumnya</a>');
    expect(cardPages[1]!.html).toContain('<a href="s001-p3.html">berikutnya ›</a>');
  });
});
