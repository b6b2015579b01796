// Numbers printed to sell something (commerce.ts): a price, a size, an offer or a menu makes a
// printed number a product's, not a ballot number — unless the print names a pair by identity.
// The scan part reads stop 47's own drawn ads and posters (fixtures/scenes-s47/tune, drawn by
// fixtures/images/build-scenes-s47.mjs) and is skipped without the optional vision packages.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_OPTIONS } from '../../src/ingest/types.js';
import { runScan } from '../../src/pipeline/scan.js';
import { loadRulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';
import { sellsSomething } from '../../src/vision/commerce.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';

describe('sellsSomething', () => {
  it('reads a price, a size with its unit, an offer or a menu', () => {
    for (const t of ['KOPI SUSU AREN\nPilih nomor 1\nRp 18.000', 'Paket nomor 2 Rp25rb', 'ES TEH 500 ml', 'NOMOR SATU 1 L', 'PROMO DISKON 20%', 'MENU HEMAT', 'Beli 2 gratis 1', 'harga 15 ribu', 'IDR 25'])
      expect(sellsSomething(t), t).toBe(true);
  });

  it('leaves campaign print alone: a ballot call, a slogan of free school or cheap food, a year', () => {
    for (const t of ['COBLOS NOMOR 3\nSukamaju Bangkit', 'PILIH NOMOR 2\nSekolah gratis, sembako murah', 'Harga turun, pilih 02', 'PEMILU 2024', 'No. 2', 'JUARA 1 LOMBA TARIK TAMBANG', 'Jl. Melati No. 2'])
      expect(sellsSomething(t), t).toBe(false);
  });
});

const SET = fileURLToPath(new URL('../../fixtures/scenes-s47/tune/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('numbers printed to sell something, scanned with --vision', () => {
  it('files no ad or menu, and still files a pair named beside a price and a ballot call with no price', async () => {
    const labels = JSON.parse(await readFile(path.join(SET, 'labels.json'), 'utf8')) as Array<{ file: string; prohibition: number | null; allow?: string[] }>;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netral-commerce-'));
    const pack = await loadRulePack();
    const { VisionReader } = await import('../../src/vision/reader.js');
    const vision = await VisionReader.open(pack);
    const store = openStore(path.join(dir, 'netral.db'), { actor: 'test' });
    let findings: Array<{ file: string; rule: string; prohibition: number }> = [];
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
