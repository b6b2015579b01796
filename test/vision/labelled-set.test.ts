// The labelled image set (fixtures/images/labels.json) scanned with --vision into a real store:
// precision and recall per signal are printed, and floors are asserted. Without the optional
// vision packages the test is skipped, and says so.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { runScan, type ScanResult } from '../../src/pipeline/scan.js';
import { loadRulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';
import { missingPackages, VISION_PACKAGES, type VisionPackageKey } from '../../src/vision/packages.js';

const IMAGES = fileURLToPath(new URL('../../fixtures/images/', import.meta.url));
const missing = missingPackages(Object.keys(VISION_PACKAGES) as VisionPackageKey[]);
if (missing.length) console.warn(`SKIPPED test/vision: vision packages not installed (${missing.map((p) => p.name).join(', ')})`);

interface Label {
  file: string;
  prohibition: number | null;
  signals: { ocr?: string; image?: string; pose?: string };
}
type Signal = 'ocr' | 'image' | 'pose';

/** The signal a finding on a vision item rests on. */
function signalOf(ruleId: string): Signal {
  if (ruleId.startsWith('v5-pose')) return 'pose';
  if (/^v\d-gambar/.test(ruleId)) return 'image';
  return 'ocr';
}

describe.skipIf(missing.length > 0)('the labelled image set, scanned with --vision', () => {
  let dir: string;
  let result: ScanResult;
  let labels: Label[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'netral-vision-'));
    labels = JSON.parse(await readFile(path.join(IMAGES, 'labels.json'), 'utf8')) as Label[];
    const pack = await loadRulePack();
    const { VisionReader } = await import('../../src/vision/reader.js');
    const vision = await VisionReader.open(pack);
    const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
    try {
      result = await runScan({ inputs: [IMAGES], pack, store, ingest: DEFAULT_INGEST_OPTIONS, actor: 'test', command: 'scan --vision', region: '3299', vision });
    } finally {
      store.close();
      await vision.close();
    }
  }, 300_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Per image: which pairs each signal found. */
  function found(): Map<string, Record<Signal, Set<string>>> {
    const out = new Map<string, Record<Signal, Set<string>>>();
    for (const f of result.findings) {
      if (!f.item.source.pointer.includes('#vision')) continue;
      const file = path.basename(f.item.source.path);
      const entry = out.get(file) ?? { ocr: new Set(), image: new Set(), pose: new Set() };
      for (const c of f.finding.candidates) entry[signalOf(f.finding.ruleId)].add(c.pair);
      out.set(file, entry);
    }
    return out;
  }

  function score(signal: Signal): { tp: number; fp: number; fn: number; precision: number; recall: number } {
    const seen = found();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const l of labels) {
      const expected = l.signals[signal];
      const got = seen.get(l.file)?.[signal] ?? new Set<string>();
      if (expected && got.has(expected)) tp++;
      if (expected && !got.has(expected)) fn++;
      fp += [...got].filter((p) => p !== expected).length;
    }
    return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  }

  it('reports precision and recall per signal', () => {
    for (const s of ['ocr', 'image', 'pose'] as const) {
      const r = score(s);
      console.log(`vision ${s}: precision ${r.precision.toFixed(2)} recall ${r.recall.toFixed(2)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
    }
    // the held-out question, asked of this set: is each partisan photo filed under its prohibition?
    const byFile = new Map<string, Set<string>>();
    for (const f of result.findings) {
      const file = path.basename(f.item.source.path);
      byFile.set(file, (byFile.get(file) ?? new Set()).add(String(f.finding.prohibition)));
    }
    const partisan = labels.filter((l) => l.prohibition !== null);
    const filed = partisan.filter((l) => byFile.get(l.file)?.has(String(l.prohibition))).length;
    const flagged = partisan.filter((l) => byFile.has(l.file)).length;
    console.log(`vision: ${flagged}/${partisan.length} partisan photos flagged, ${filed}/${partisan.length} under their own prohibition`);
    // floors at the level measured when the set was made (see the issue 16 report); a drop fails
    expect(score('ocr').precision).toBeGreaterThanOrEqual(0.9);
    expect(score('ocr').recall).toBeGreaterThanOrEqual(0.6);
    expect(score('image').precision).toBe(1);
    expect(score('image').recall).toBeGreaterThanOrEqual(0.9);
    // the hand model finds no hand in the drawn silhouettes (recall 0, see the issue 16 report);
    // what is asserted is that it invents none
    expect(score('pose').fp).toBe(0);
  });

  it('finds nothing on the non-partisan office posters and plain scenes', () => {
    const clean = new Set(labels.filter((l) => l.prohibition === null).map((l) => l.file));
    const flagged = result.findings.map((f) => path.basename(f.item.source.path)).filter((f) => clean.has(f));
    expect(flagged).toEqual([]);
  });

  it('keeps the box, model and thumbnail of every vision finding in the stored reading', async () => {
    const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
    try {
      const vision = result.findings.filter((f) => f.item.source.pointer.includes('#vision'));
      expect(vision.length).toBeGreaterThan(0);
      const db = (store as unknown as { db: { prepare(sql: string): { get(...a: unknown[]): unknown } } }).db;
      for (const f of vision) {
        const row = db.prepare('SELECT raw_json FROM items WHERE id = ?').get(f.item.id) as { raw_json: string };
        const raw = JSON.parse(row.raw_json) as { vision: { evidence: Array<{ finding: string; box: { w: number }; model: { name: string; version: string }; thumbnail: string }> } };
        const e = raw.vision.evidence.find((x) => x.finding === f.finding.id);
        expect(e?.box.w).toBeGreaterThan(0);
        expect(e?.model.version).toMatch(/\d/);
        const thumb = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(e?.thumbnail);
        expect(thumb).toBeDefined();
      }
    } finally {
      store.close();
    }
  });
});
