// Photos copied into one input folder and scanned together with --vision (region 3299, no date), as
// `netral scan <folder> --vision` reads them: each photo's findings as "prohibition pair". Shared by
// the vision tests that check which prohibition a photo is filed under.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { runScan } from '../../src/pipeline/scan.js';
import { loadRulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Each photo's findings as "prohibition pair" (photos: paths under fixtures/), scanned together with --vision (region 3299, no date). */
export async function filedPhotos(photos: readonly string[]): Promise<Map<string, string[]>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netral-filed-photos-'));
  const pack = await loadRulePack();
  const { VisionReader } = await import('../../src/vision/reader.js');
  const vision = await VisionReader.open(pack);
  const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
  const out = new Map<string, string[]>(photos.map((p) => [path.basename(p), []]));
  try {
    const inputs = path.join(dir, 'in');
    await mkdir(inputs);
    for (const rel of photos) await copyFile(path.join(FIXTURES, rel), path.join(inputs, path.basename(rel)));
    const result = await runScan({ inputs: [inputs], pack, store, ingest: DEFAULT_INGEST_OPTIONS, actor: 'test', command: 'scan --vision', region: '3299', vision });
    for (const f of result.findings) out.get(path.basename(f.item.source.path))?.push(`${f.finding.prohibition} ${f.finding.candidates.map((c) => c.pair).join(',')}`);
  } finally {
    store.close();
    await vision.close();
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}
