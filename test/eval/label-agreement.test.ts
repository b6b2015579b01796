// scripts/label-agreement.mjs on a tiny synthetic round whose agreement was computed by hand.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const script = path.resolve('scripts/label-agreement.mjs');
let dir: string;

type Row = [key: string, label: string, prohibition: string, pair: string];
const row = ([key, label, prohibition, pair]: Row): string =>
  label === 'partisan' ? `${key},partisan,${prohibition},support,${pair},-` : `${key},clean,-,-,-,news`;

// Exports: 10 items. Both partisan: e1–e5; first only: e6; both clean: e7–e9; second only: e10.
// Among e1–e5 the prohibition differs on e5 (3 vs 6) and the pair on e4 and e5.
const exportsFirst: Row[] = [
  ['chat,"hi, all"', 'partisan', '3', 'p-01'],
  ['chat,e2', 'partisan', '3', 'p-01'],
  ['chat,e3', 'partisan', '6', 'p-02'],
  ['chat,e4', 'partisan', '6', 'p-02'],
  ['chat,e5', 'partisan', '3', 'p-01'],
  ['chat,e6', 'partisan', '3', 'p-01'],
  ['chat,e7', 'clean', '-', '-'],
  ['chat,e8', 'clean', '-', '-'],
  ['chat,e9', 'clean', '-', '-'],
  ['chat,e10', 'clean', '-', '-'],
];
const exportsSecond: Row[] = exportsFirst.map(([key], i): Row => {
  if (i <= 2) return exportsFirst[i]!;
  if (i === 3) return [key, 'partisan', '6', 'p-03'];
  if (i === 4) return [key, 'partisan', '6', '-'];
  if (i === 5) return [key, 'clean', '-', '-'];
  if (i === 9) return [key, 'partisan', '3', 'p-02'];
  return exportsFirst[i]!;
});

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-agreement-'));
  const exportsHeader = 'input,locator,label,prohibition,stance,pair,clean_reason,context';
  // context: e2 leans on line 1 for both annotators, e3 on line 2 for the first and nothing for the second
  const context = (side: 'first' | 'second') => (r: Row) => `${row(r)},${r[0] === 'chat,e2' ? 'line:1' : r[0] === 'chat,e3' && side === 'first' ? 'line:2' : '-'}`;
  writeFileSync(path.join(dir, 'labels.csv'), [exportsHeader, ...exportsFirst.map(context('first'))].join('\n') + '\n');
  // the second file lists its rows in another order: the join is on keys, not on position
  writeFileSync(path.join(dir, 'labels-second.csv'), [exportsHeader, ...[...exportsSecond].reverse().map(context('second'))].join('\n') + '\n');
  // Corpus: 4 rows, 2 partisan and 2 clean, full agreement.
  const corpusHeader = 'corpus,row_id,text_sha256,label,prohibition,stance,pair,clean_reason,note';
  const corpus = (r: Row) => row(r).replace(/^(c,\d+),/, '$1,abc,') + ',a note';
  const corpusRows: Row[] = [['c,1', 'partisan', '3', 'q-01'], ['c,2', 'partisan', '3', 'q-02'], ['c,3', 'clean', '-', '-'], ['c,4', 'clean', '-', '-']];
  writeFileSync(path.join(dir, 'corpora-labels.csv'), [corpusHeader, ...corpusRows.map(corpus)].join('\n') + '\n');
  writeFileSync(path.join(dir, 'corpora-labels-second.csv'), ['corpus,row_id,label,prohibition,stance,pair,clean_reason', ...corpusRows.map(row)].join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Part {
  part: string;
  n: number;
  rawAgreement: number;
  kappa: number | null;
  bothPartisan: number;
  prohibitionAgreement: number;
  pairAgreement: number;
  contextAgreement?: number;
  disagreements: [string, number][];
  disagreeingKeys: Record<string, string[]>;
}

describe('label-agreement', () => {
  it('computes agreement, kappa, prohibition and pair agreement per part and overall', () => {
    const out = JSON.parse(execFileSync('node', [script, dir, '--json'], { encoding: 'utf8' })) as { parts: Part[]; unmatched: unknown[] };
    const byPart = new Map(out.parts.map((p) => [p.part, p]));
    expect([...byPart.keys()]).toEqual(['exports', 'c', 'overall']);
    expect(out.unmatched).toEqual([]);

    const e = byPart.get('exports')!;
    expect(e.n).toBe(10);
    // po = 8/10; both annotators call 6 of 10 partisan: pe = .6·.6 + .4·.4 = .52; κ = (.8 − .52)/.48
    expect(e.rawAgreement).toBeCloseTo(0.8, 10);
    expect(e.kappa).toBeCloseTo(0.28 / 0.48, 10);
    expect(e.bothPartisan).toBe(5);
    expect(e.prohibitionAgreement).toBeCloseTo(4 / 5, 10);
    expect(e.pairAgreement).toBeCloseTo(3 / 5, 10);
    expect(e.contextAgreement).toBeCloseTo(4 / 5, 10);
    expect(Object.fromEntries(e.disagreements)).toEqual({
      'label: partisan 3 (first) / clean news (second)': 1,
      'label: clean news (first) / partisan 3 (second)': 1,
      'prohibition: 3 (first) / 6 (second)': 1,
      'pair: p-02 (first) / p-03 (second)': 1,
      'pair: p-01 (first) / - (second)': 1,
      'context: line:2 (first) / - (second)': 1,
    });

    // items are named by input and line in labels.csv (never by their locator text)
    expect(e.disagreeingKeys['label: partisan 3 (first) / clean news (second)']).toEqual(['chat (labels.csv line 7)']);

    const c = byPart.get('c')!;
    expect(c.n).toBe(4);
    expect(c.rawAgreement).toBe(1);
    expect(c.kappa).toBe(1);
    expect(c.disagreements).toEqual([]);
    // corpus files have no context column
    expect(c.contextAgreement).toBeUndefined();

    // overall 14 items: po = 12/14; each side 8 partisan: pe = (8/14)² + (6/14)² = 100/196; κ = 68/96
    const all = byPart.get('overall')!;
    expect(all.n).toBe(14);
    expect(all.rawAgreement).toBeCloseTo(12 / 14, 10);
    expect(all.kappa).toBeCloseTo(68 / 96, 10);
    expect(all.prohibitionAgreement).toBeCloseTo(6 / 7, 10);
    expect(all.pairAgreement).toBeCloseTo(5 / 7, 10);
  });

  it('prints a table without any locator text, and fails with one line on a missing directory', () => {
    const text = execFileSync('node', [script, dir], { encoding: 'utf8' });
    expect(text).toMatch(/exports\s+10\s+6\s+6\s+0\.800\s+0\.583\s+5\s+0\.800\s+0\.600/);
    expect(text).not.toContain('hi, all');
    const bad = spawnSync('node', [script, path.join(dir, 'nope')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
