// A labelled folder of drawn scenes (fixtures/scenes-*/…/labels.json) scanned with --vision as a
// user would: every clean photo gets no finding but its allowed hints, every partisan photo a finding
// under its own prohibition. Shared by the per-stop scene tests.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { runScan } from '../../src/pipeline/scan.js';
import { loadRulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';

type SceneLabel = { file: string; prohibition: number | null; allow?: string[] };

/** A finding of a scanned scene: its photo, rule, prohibition and the pairs it names. */
export type SceneFinding = { file: string; rule: string; prohibition: number | string; pairs: string[] };

/** Checks every photo of the folder against its label; the scan's findings for further checks. */
export async function expectSceneFolderFiled(folder: string): Promise<SceneFinding[]> {
  const labels = JSON.parse(await readFile(path.join(folder, 'labels.json'), 'utf8')) as SceneLabel[];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netral-scenes-'));
  const pack = await loadRulePack();
  const { VisionReader } = await import('../../src/vision/reader.js');
  const vision = await VisionReader.open(pack);
  const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
  let findings: SceneFinding[] = [];
  try {
    const result = await runScan({ inputs: [folder], pack, store, ingest: DEFAULT_INGEST_OPTIONS, actor: 'test', command: 'scan --vision', region: '3299', vision });
    findings = result.findings.map((f) => ({ file: path.basename(f.item.source.path), rule: `${f.finding.ruleId}:${f.finding.severity}`, prohibition: f.finding.prohibition, pairs: f.finding.candidates.map((c) => c.pair) }));
  } finally {
    store.close();
    await vision.close();
    await rm(dir, { recursive: true, force: true });
  }
  for (const l of labels) {
    const own = findings.filter((f) => f.file === l.file);
    if (l.prohibition === null) expect(own.map((f) => f.rule).filter((r) => !(l.allow ?? []).includes(r)), l.file).toEqual([]);
    else expect(own.map((f) => f.prohibition), l.file).toContain(l.prohibition);
  }
  return findings;
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/**
 * A few photos of the scene folders (paths under fixtures/, each with the prohibition it must be
 * filed under, or null for a clean photo) copied into a folder of their own and scanned as one.
 */
export async function expectScenesFiled(photos: ReadonlyArray<readonly [string, number | null]>): Promise<SceneFinding[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netral-scene-pick-'));
  try {
    for (const [rel] of photos) await copyFile(path.join(FIXTURES, rel), path.join(dir, path.basename(rel)));
    await writeFile(path.join(dir, 'labels.json'), JSON.stringify(photos.map(([rel, prohibition]) => ({ file: path.basename(rel), prohibition }))));
    return await expectSceneFolderFiled(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
