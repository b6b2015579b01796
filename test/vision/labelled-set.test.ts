// The labelled image set (fixtures/images/labels.json: rendered by build.mjs; photos/labels.json:
// real hand photographs, see photos/SOURCES.md) scanned with --vision into a real store:
// precision and recall per signal, hand shapes read per photo, and the printed-material form are
// printed, and floors are asserted. Without the optional vision packages the test is skipped, and
// says so.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { runScan, type ScanResult } from '../../src/pipeline/scan.js';
import { loadRulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';

const IMAGES = fileURLToPath(new URL('../../fixtures/images/', import.meta.url));
// the held-back part of the set (fixtures/images/heldout, drawn by build-scenes.mjs): never tuned
// on, scored on its own and held to no floor but the clean-image one
const HELD = 'heldout';
const SUBSETS = new Set(['photos', 'scenes', HELD]);
/** A photo's name in the set: its file name, under its subfolder when it is in one. */
function fileKey(p: string): string {
  const dir = path.basename(path.dirname(p));
  return SUBSETS.has(dir) ? `${dir}/${path.basename(p)}` : path.basename(p);
}
const missing = missingPackages(REQUIRED_PACKAGES);
if (missing.length) console.warn(`SKIPPED test/vision: vision packages not installed (${missing.map((p) => p.name).join(', ')})`);

interface Label {
  file: string;
  /** folder under fixtures/images */
  dir: string;
  prohibition: number | null;
  /** per signal, the pair(s) it should name (a hand sign names every pair with that number or sign) */
  signals: { ocr?: string; image?: string; pose?: string | string[] };
  /** photos: the sign each visible signing hand makes */
  hands?: string[];
  /** printed words: worn (4), vehicle sticker (7) or other material (3) */
  form?: 'worn' | 'vehicle' | 'material';
}
const key = (l: { dir: string; file: string }) => (l.dir === '.' ? l.file : `${l.dir}/${l.file}`);
const FORM_PROHIBITION = { worn: 4, vehicle: 7, material: 3 } as const;
const expectedPairs = (l: Label, s: Signal): string[] => {
  const v = l.signals[s];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};
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
  /** hand shapes read per labelled photo */
  const shapes = new Map<string, string[]>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'netral-vision-'));
    const read = async (dir: string) => (JSON.parse(await readFile(path.join(IMAGES, dir, 'labels.json'), 'utf8')) as Label[]).map((l) => ({ ...l, dir }));
    labels = [...(await read('.')), ...(await read('photos')), ...(await read('scenes')), ...(await read(HELD))];
    const pack = await loadRulePack();
    const { VisionReader } = await import('../../src/vision/reader.js');
    const { SHAPE_SIGN } = await import('../../src/vision/hand-shape.js');
    const vision = await VisionReader.open(pack);
    // the shapes the reader sees on each labelled photo (a shape that carries no number or sign is left out)
    for (const l of labels.filter((x) => x.hands)) {
      const { reading } = await vision.readPhoto(await readFile(path.join(IMAGES, l.dir, l.file)));
      shapes.set(l.file, reading.hands.map((h) => h.shape).filter((x) => SHAPE_SIGN[x].number !== undefined || SHAPE_SIGN[x].emoji.length > 0));
    }
    const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
    try {
      result = await runScan({ inputs: [IMAGES], pack, store, ingest: DEFAULT_INGEST_OPTIONS, actor: 'test', command: 'scan --vision', region: '3299', vision });
    } finally {
      store.close();
      await vision.close();
    }
    // about 8 min of OCR on a quiet 2-core machine; a loaded one (helpers, a second test run) needs twice that
  }, 2_400_000); // a loaded shared machine: the scan with both text readers took over 20 min there
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Per image: which pairs each signal found. */
  function found(): Map<string, Record<Signal, Set<string>>> {
    const out = new Map<string, Record<Signal, Set<string>>>();
    for (const f of result.findings) {
      if (!f.item.source.pointer.includes('#vision')) continue;
      const file = fileKey(f.item.source.path);
      const entry = out.get(file) ?? { ocr: new Set(), image: new Set(), pose: new Set() };
      for (const c of f.finding.candidates) entry[signalOf(f.finding.ruleId)].add(c.pair);
      out.set(file, entry);
    }
    return out;
  }

  function score(signal: Signal, held = false): { tp: number; fp: number; fn: number; precision: number; recall: number } {
    const seen = found();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const l of labels.filter((x) => (x.dir === HELD) === held)) {
      const expected = expectedPairs(l, signal);
      const got = seen.get(key(l))?.[signal] ?? new Set<string>();
      tp += expected.filter((p) => got.has(p)).length;
      fn += expected.filter((p) => !got.has(p)).length;
      fp += [...got].filter((p) => !expected.includes(p)).length;
    }
    return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  }

  it('reports precision and recall per signal', () => {
    const setOf = (dir: string) => new Set(labels.filter((l) => l.dir === dir).map((l) => l.file));
    console.log(`vision labelled set: ${setOf('.').size} rendered images, ${setOf('scenes').size} rendered scenes, ${setOf('photos').size} photographs; held back: ${setOf(HELD).size} rendered scenes`);
    for (const held of [false, true])
      for (const s of ['ocr', 'image', 'pose'] as const) {
        const r = score(s, held);
        console.log(`vision ${held ? 'held-back' : 'development'} ${s}: precision ${r.precision.toFixed(2)} recall ${r.recall.toFixed(2)} (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`);
      }
    // the held-out question, asked of this set: is each partisan photo filed under its prohibition?
    const byFile = new Map<string, Set<string>>();
    for (const f of result.findings) {
      const file = fileKey(f.item.source.path);
      byFile.set(file, (byFile.get(file) ?? new Set()).add(String(f.finding.prohibition)));
    }
    for (const held of [false, true]) {
      const part = labels.filter((l) => (l.dir === HELD) === held);
      const partisan = part.filter((l) => l.prohibition !== null);
      const filed = partisan.filter((l) => byFile.get(key(l))?.has(String(l.prohibition))).length;
      const flagged = partisan.filter((l) => byFile.has(key(l))).length;
      const clean = part.filter((l) => l.prohibition === null);
      const cleanFlagged = clean.filter((l) => byFile.has(key(l))).length;
      console.log(`vision ${held ? 'held-back' : 'development'}: ${flagged}/${partisan.length} partisan photos flagged, ${filed}/${partisan.length} under their own prohibition; ${cleanFlagged}/${clean.length} clean photos flagged`);
    }
    // floors at the level measured when the set was made (see the issue 16 report); a drop fails
    expect(score('ocr').precision).toBeGreaterThanOrEqual(0.9);
    expect(score('ocr').recall).toBeGreaterThanOrEqual(0.6);
    expect(score('image').precision).toBe(1);
    expect(score('image').recall).toBeGreaterThanOrEqual(0.9);
    // pose: the hand model finds no hand in the drawn silhouettes; on the photographs it does
    // (floors at the level measured, see the issue 16 report)
    expect(score('pose').recall).toBeGreaterThanOrEqual(0.3);
    expect(score('pose').precision).toBeGreaterThanOrEqual(0.4);
  });

  it('reads the hand signs of the photographs (finger counting)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const l of labels.filter((x) => x.hands)) {
      const got = [...(shapes.get(l.file) ?? [])];
      const expected = l.hands ?? [];
      for (const e of expected) {
        const i = got.indexOf(e);
        if (i >= 0) {
          tp++;
          got.splice(i, 1);
        } else fn++;
      }
      fp += got.length;
      console.log(`vision hands ${l.file}: expected [${expected.join(', ')}] read [${(shapes.get(l.file) ?? []).join(', ')}]`);
    }
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    console.log(`vision hand signs on photographs: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn})`);
    expect(recall).toBeGreaterThanOrEqual(0.4);
    expect(precision).toBeGreaterThanOrEqual(0.5);
  });

  it('tells the printed-material form apart (shirt 4, vehicle sticker 7, other material 3)', () => {
    // asked only of photos whose printed words were read (an OCR miss is scored under ocr above)
    const tally = (held: boolean) => {
      const withForm = labels.filter((l) => l.form && (l.dir === HELD) === held);
      let read = 0;
      let right = 0;
      for (const l of withForm) {
        const filed = result.findings.filter((f) => fileKey(f.item.source.path) === key(l) && f.item.source.pointer.includes('#vision') && signalOf(f.finding.ruleId) === 'ocr');
        const want = FORM_PROHIBITION[l.form as keyof typeof FORM_PROHIBITION];
        if (filed.length > 0) read++;
        if (filed.some((f) => f.finding.prohibition === want)) right++;
        console.log(`vision form ${key(l)}: expected ${l.form} (${want}), filed under [${[...new Set(filed.map((f) => f.finding.prohibition))].join(', ')}]`);
      }
      console.log(`vision ${held ? 'held-back' : 'development'} printed-material form: ${right}/${read} read photos filed under their form's prohibition (${withForm.length - read} not read)`);
      return right / Math.max(1, read);
    };
    expect(tally(false)).toBeGreaterThanOrEqual(0.6);
    tally(true);
  });

  it('finds nothing on the non-partisan office posters and plain scenes', () => {
    const flaggedIn = (dirs: string[]) => {
      const clean = new Set(labels.filter((l) => l.prohibition === null && dirs.includes(l.dir)).map(key));
      return result.findings.filter((f) => clean.has(fileKey(f.item.source.path))).map((f) => `${fileKey(f.item.source.path)} ${f.finding.ruleId} ${f.finding.severity}`);
    };
    console.log(`vision held-back clean photos with a finding: [${flaggedIn([HELD]).join('; ')}]`);
    expect(flaggedIn(['.', 'scenes'])).toEqual([]);
  });

  it('leaves at most a low-severity hint on the photographs without a sign (a misread hand is no accusation)', () => {
    const clean = new Set(labels.filter((l) => l.prohibition === null && l.dir === 'photos').map(key));
    const onClean = result.findings.filter((f) => clean.has(fileKey(f.item.source.path)));
    for (const f of onClean) console.log(`vision hint on a photo without a sign: ${path.basename(f.item.source.path)} ${f.finding.ruleId} ${f.finding.severity} ${f.finding.confidence}`);
    expect(onClean.filter((f) => f.finding.severity !== 'low' || f.finding.confidence > 0.25).map((f) => path.basename(f.item.source.path))).toEqual([]);
  });

  it('keeps the box, model and thumbnail of every vision finding in the stored reading', async () => {
    const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
    try {
      const vision = result.findings.filter((f) => f.item.source.pointer.includes('#vision'));
      expect(vision.length).toBeGreaterThan(0);
      const db = (store as unknown as { db: { prepare(sql: string): { get(...a: unknown[]): unknown } } }).db;
      for (const f of vision) {
        // schema 12: the item's id stored as its 32 bytes
        const row = db.prepare('SELECT raw_json FROM items WHERE id = unhex(?)').get(f.item.id) as { raw_json: string };
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
