import { describe, expect, it } from 'vitest';
import { alignTable, formatReport } from '../../src/eval/format.js';
import type { EvalReport, ScoredRow } from '../../src/eval/metrics.js';

const row = (name: string, tp: number, fp: number, fn: number, tn: number): ScoredRow => ({ name, tp, fp, fn, tn, precision: 0.5, recall: 0.25, f1: 1 / 3 });

const report: EvalReport = {
  records: 20,
  overall: row('overall', 10, 2, 3, 5),
  bySet: [row('pilpres2019-tweet-sentiment', 6, 1, 2, 3), row('own-posts', 4, 1, 1, 2)],
  byProhibition: [row('1', 1, 0, 0, 19), row('other', 0, 1, 1, 18)],
  pairAgreement: { checked: 10, agreed: 9 },
  pairStance: { checked: 10, agreed: 6, wrong: 2, mention: 1, unnamed: 1, disagreements: [{ set: 'own-posts', id: 'p7', verdict: 'wrong', label: 'attack/pilpres-2024-02', found: 'pilpres-2024-02:support,pilpres-2024-01:mention', ruleIds: ['t3-penilaian-paslon'], prohibitions: ['3'] }] },
  zeroSet: { records: 4, findings: 1, flaggedIds: ['socialisation:soc-1'] },
  misses: [{ set: 'pilpres2019-tweet-sentiment', id: '13', kind: 'false-negative', truth: { label: 'partisan', prohibition: 3, stance: 'promote', pair: 'pilpres-2019-01' }, ruleIds: [] }],
};

describe('alignTable', () => {
  it('left-aligns the first column and right-aligns the others', () => {
    expect(alignTable([['set', 'TP'], ['own-posts', '4'], ['x', '120']]).split('\n')).toEqual([
      'set         TP',
      'own-posts    4',
      'x          120',
    ]);
  });
});

describe('formatReport', () => {
  const text = formatReport(report, { misses: true, issues: [{ corpus: 'pilpres2019-tweet-sentiment', rowId: '4', problem: 'hash-mismatch' }] });

  it('prints one aligned row per set plus the overall row', () => {
    const lines = text.split('\n');
    const table = lines.slice(1, 5);
    expect(table.map((l) => l.split(/\s+/)[0])).toEqual(['set', 'pilpres2019-tweet-sentiment', 'own-posts', 'overall']);
    const ends = table.map((l) => l.length);
    expect(new Set(ends).size).toBe(1);
    expect(lines[4]).toMatch(/^overall\s+10\s+2\s+3\s+5\s+0\.500\s+0\.250\s+0\.333$/);
  });

  it('prints the prohibition rows, the pair agreement and the socialisation count', () => {
    expect(text).toMatch(/^other\s+0\s+1\s+1\s+18/m);
    expect(text).toContain('Pair named correctly on 9 of 10');
    expect(text).toContain('1 finding(s) on 4 texts');
  });

  it('prints the strict pair agreement beside the lax one, and its disagreements with the misses', () => {
    const lines = text.split('\n');
    const lax = lines.findIndex((l) => l.startsWith('Pair named correctly'));
    expect(lines[lax + 1]).toBe('Pair with the labelled stance on 6 of 10 (wrong pair or stance 2, mention only 1, not named 1)');
    expect(text).toMatch(/^ {2}wrong {4}own-posts:p7 {2}label attack\/pilpres-2024-02 {2}found pilpres-2024-02:support,pilpres-2024-01:mention {2}rules t3-penilaian-paslon$/m);
    expect(formatReport(report)).not.toContain('Pair stance disagreements');
  });

  it('lists skipped corpus rows and misses by reference only', () => {
    expect(text).toContain('pilpres2019-tweet-sentiment row 4: hash-mismatch');
    expect(text).toMatch(/FN {2}pilpres2019-tweet-sentiment:13 {2}label partisan\/3\/promote\/pilpres-2019-01$/m);
  });
});
