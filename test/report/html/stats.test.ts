import { describe, expect, it } from 'vitest';
import { comparisonRows, groupCounts, prohibitionBuckets, topBuckets, weekBuckets } from '../../../src/report/html/stats.js';
import type { ReportCard } from '../../../src/report/report-data.js';
import { sampleReport } from '../sample.js';

function cardsWith(changes: Partial<ReportCard>[]): ReportCard[] {
  const base = sampleReport().cards[0]!;
  return changes.map((c) => ({ ...structuredClone(base), ...c }));
}

describe('report statistics', () => {
  it('always lists all nine prohibitions, in order, with their counts by status', () => {
    const buckets = prohibitionBuckets(sampleReport().cards);
    expect(buckets.map((b) => b.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'other']);
    expect(buckets.find((b) => b.key === '3')?.counts).toEqual({ open: 1, confirmed: 1, dismissed: 0, total: 2 });
    expect(prohibitionBuckets([]).every((b) => b.counts.total === 0)).toBe(true);
  });

  it('folds the smallest groups into one "others" bucket and keeps the unknown group last', () => {
    const agencies = Array.from({ length: 14 }, (_, i) => `Dinas ${String(i).padStart(2, '0')}`);
    const cards = cardsWith([...agencies, ...agencies.slice(0, 3), undefined].map((agency) => ({ subject: { name: 'X', agency } })));
    const buckets = topBuckets(groupCounts(cards, (c) => c.subject?.agency, '?'), 12, (n) => `others ${n}`, '?');
    expect(buckets).toHaveLength(12);
    expect(buckets.slice(0, 3).map((b) => [b.key, b.counts.total])).toEqual([['Dinas 00', 2], ['Dinas 01', 2], ['Dinas 02', 2]]);
    expect(buckets[10]).toMatchObject({ key: 'others 4', counts: { total: 4 } });
    expect(buckets[11]).toMatchObject({ key: '?', counts: { total: 1 } });
    expect(buckets.reduce((n, b) => n + b.counts.total, 0)).toBe(cards.length);
  });

  it('fills empty weeks between the first and the last finding', () => {
    const cards = cardsWith([
      { item: { platform: 'x', kind: 'post', time: '2024-01-02T03:00:00Z', mediaCaptions: [] } },
      { item: { platform: 'x', kind: 'post', time: '2024-01-23T03:00:00Z', mediaCaptions: [] } },
      { item: { platform: 'x', kind: 'post', mediaCaptions: [] } },
    ]);
    expect(weekBuckets(cards).map((b) => [b.key, b.counts.total])).toEqual([
      ['2024-W01', 1],
      ['2024-W02', 0],
      ['2024-W03', 0],
      ['2024-W04', 1],
    ]);
  });

  it('compares region × agency pairs, counting civil servants once each', () => {
    const rows = comparisonRows(sampleReport().cards, '?region', '?agency');
    const satpol = rows.find((r) => r.agency === 'Satpol PP Kota Bandung');
    expect(satpol).toMatchObject({ region: 'Kota Bandung', subjects: 1, counts: { total: 2, confirmed: 1, dismissed: 1 } });
    expect(rows[rows.length - 1]).toMatchObject({ region: '?region', agency: '?agency', subjects: 0 });
    expect(rows.reduce((n, r) => n + r.counts.total, 0)).toBe(sampleReport().cards.length);
  });
});
