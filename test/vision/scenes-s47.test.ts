// Stop 47's own drawn tune scenes (fixtures/scenes-s47/tune, drawn by
// fixtures/images/build-scenes-s47.mjs) scanned with --vision: ads and a menu whose numbers sell
// something are not filed, a pair named beside a price and a ballot call with no price are
// (commerce.ts); a shirt's print seen in a mirror is read flipped back and filed as worn, and a
// mirrored fun-run shirt is not (ocr.ts pass 2e). Skipped without the optional vision packages.
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

const SET = fileURLToPath(new URL('../../fixtures/scenes-s47/tune/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('stop 47 scenes: numbers that sell, mirrored print, scanned with --vision', () => {
  it('files no ad, menu or mirrored fun-run shirt, and files each partisan photo under its own prohibition', async () => {
    const labels = JSON.parse(await readFile(path.join(SET, 'labels.json'), 'utf8')) as Array<{ file: string; prohibition: number | null; allow?: string[] }>;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netral-commerce-'));
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
