// The batch speed-ups (rule prefilter, name-tag automaton, normalisation fast paths, streamed
// findings, in-memory chain head) must change nothing: on generated inputs of known content the
// findings are exactly the generator's violating rows, streamed findings equal collected ones,
// and the store still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCsv, generateFacebookSplit, generateJsonl } from '../../bench/generate-table.js';
import { runScan, type ScanFinding } from '../../src/pipeline/scan.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';

let dir: string;
let pack: RulePack;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-batch-'));
  pack = await loadRulePack();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function scan(input: string, db: string, streamed: boolean): Promise<ScanFinding[]> {
  const store = openStore(path.join(dir, db));
  try {
    const seen: ScanFinding[] = [];
    const result = await runScan({
      inputs: [input],
      pack,
      store,
      ingest: { timezone: 'Asia/Jakarta', skipBad: false },
      actor: 'test',
      command: 'test',
      region: '3273',
      ...(streamed ? { onFinding: (f: ScanFinding) => seen.push(f) } : {}),
    });
    if (streamed) expect(result.findings).toEqual([]);
    return streamed ? seen : result.findings;
  } finally {
    store.close();
  }
}

/** 0-based data row of a finding: JSONL line N is row N-1, CSV line N (after the header) row N-2. */
function rowOf(f: ScanFinding, headerLines: number): number {
  return Number(/^line:(\d+)$/.exec(f.item.source.pointer)?.[1]) - 1 - headerLines;
}

describe('batch scanning finds exactly the generated violations', () => {
  it('JSONL, 30 % violating: flagged rows = the generator’s violating rows; streamed = collected; the store verifies', async () => {
    const input = path.join(dir, 'heavy.jsonl');
    const violating = await generateJsonl(input, 800, 'heavy');
    expect(violating.length).toBeGreaterThan(150);
    const streamed = await scan(input, 'a.db', true);
    expect([...new Set(streamed.map((f) => rowOf(f, 0)))].sort((a, b) => a - b)).toEqual(violating);
    const collected = await scan(input, 'b.db', false);
    const shape = (fs: ScanFinding[]) => fs.map((f) => ({ id: f.finding.id, rule: f.finding.ruleId, spans: f.finding.spans, candidates: f.finding.candidates }));
    expect(shape(streamed)).toEqual(shape(collected));
    expect((await verifyStore(path.join(dir, 'a.db'))).ok).toBe(true);
  }, 60_000);

  it('CSV and a split Facebook export, clean (0.5 %): the same rows and only those', async () => {
    const csv = path.join(dir, 'clean.csv');
    const csvViolating = await generateCsv(csv, 2000, 'clean');
    expect([...new Set((await scan(csv, 'c.db', true)).map((f) => rowOf(f, 1)))].sort((a, b) => a - b)).toEqual(csvViolating);

    const fb = path.join(dir, 'facebook');
    const fbViolating = await generateFacebookSplit(fb, 2000, 'clean', { perMember: 500, membersPerZip: 2 });
    const fbFindings = await scan(fb, 'd.db', true);
    // a Facebook post's pointer is /<index> inside its member your_posts_…_<n>.json (500 posts each)
    const fbRows = fbFindings.map((f) => {
      const member = Number(/_(\d+)\.json$/.exec(f.item.source.path)?.[1]);
      return (member - 1) * 500 + Number(/^\/(\d+)/.exec(f.item.source.pointer)?.[1]);
    });
    expect([...new Set(fbRows)].sort((a, b) => a - b)).toEqual(fbViolating);
  }, 60_000);
});
