// Stop 48's own drawn tune scenes (fixtures/scenes-s48/tune, drawn by
// fixtures/images/build-scenes-s48.mjs) scanned with --vision: a pair's two name words printed one
// per line and seen in a mirror are read flipped back as the pair (ocr.ts pass 2e, mirroredNames),
// a mirrored shirt whose two lines name nobody is not filed; the pair's tag that is also a word
// ("AMIN") beside one of its candidates' names is filed as the pair's material, a prayer banner
// ending "AMIN" is not (reader.ts); a V held out level beside the pair's poster is read on the photo
// turned a quarter and filed under 5, an open palm held level is not (pose.ts). Skipped without the
// optional vision packages.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { runScan } from '../../src/pipeline/scan.js';
import { loadRulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';

const SET = fileURLToPath(new URL('../../fixtures/scenes-s48/tune/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('stop 48 scenes: stacked mirrored print, a pair tag beside a name, hands held sideways, scanned with --vision', () => {
  it('files neither clean photo, and files each partisan photo under its own prohibition', async () => {
    const labels = JSON.parse(await readFile(path.join(SET, 'labels.json'), 'utf8')) as Array<{ file: string; prohibition: number | null; allow?: string[] }>;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netral-s48-'));
    const pack = await loadRulePack();
    const { VisionReader } = await import('../../src/vision/reader.js');
    const vision = await VisionReader.open(pack);
    const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
    let findings: Array<{ file: string; rule: string; prohibition: number | string }> = [];
    try {
      const result = await runScan({ inputs: [SET], pack, store, ingest: DEFAULT_INGEST_OPTIONS, actor: 'test', command: 'scan --vision', region: '3299', vision });
      findings = result.findings.map((f) => ({ file: path.basename(f.item.source.path), rule: `${f.finding.ruleId}:${f.finding.severity}`, prohibition: f.finding.prohibition }));
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
  }, 900_000);
});
