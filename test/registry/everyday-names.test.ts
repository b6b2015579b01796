// Regional candidates whose name words are everyday Indonesian words ("Fransiskus Minggu", "Markus
// Antonius Tahun", "Novianti Bulan") and a name one letter from one ("Prihadi" / "pribadi"), invented in KPU's shape: with their
// regions loaded and the Pilkada 2024 window in force, clean text with those words gives no finding,
// and the candidate really named still does (fixtures/eval/names-s46.md).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableRows } from '../../bench/generate-table.js';
import { makeItem } from '../../src/model/item.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { editVariantTerms } from '../../src/rules/registry.js';
import { REPO } from '../cli/run-cli.js';

const sample = path.join(REPO, 'fixtures', 'kpu', 'everyday-names');
const during = '2024-11-01T08:00:00Z';
const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: during, source: { captureId: 'test', path: 'test', pointer: '1' } });
const regional = (text: string) => evaluate(pack, post(text)).flatMap((f) => f.candidates.map((c) => c.pair)).filter((p) => p.startsWith('pilkada-2024-'));

let pack: RulePack;
let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'netral-everyday-'));
  const dir = path.join(tmp, 'registry');
  await writeRegistries(await importKpu([path.join(sample, 'pkwkp.json'), path.join(sample, 'pkwkk.json')], path.join(sample, 'district')), dir);
  pack = await loadRulePack({ extraRegistryPaths: [dir] });
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('everyday words that are regional candidates\' names', () => {
  it('gives no finding on clean text with "minggu", "tahun", "bulan", "pribadi"', () => {
    for (const text of [
      'Program posyandu minggu ini: timbang balita, bawa buku KIA ya bu',
      'Jadwal posyandu bulan ini dimajukan ke hari Minggu',
      'Program kerja tahun depan sudah dibahas, semoga lancar',
      'Ini pendapat pribadi saya soal program kebersihan kantor',
      'Jangan sebar data pribadi warga di grup, mohon perhatian',
      'Selamat hari Minggu, semoga sehat selalu. Tahun ini harus lebih baik',
    ]) expect(regional(text), text).toEqual([]);
  });

  it('reads no dictionary word or form of one as a misspelled name', () => {
    expect(editVariantTerms(pack.registry, 'pribadi')).toEqual([]);
    expect(editVariantTerms(pack.registry, 'pribadinya')).toEqual([]);
    expect(editVariantTerms(pack.registry, 'prihadii').map((t) => t.pair?.id)).toContain('pilkada-2024-33-01');
  });

  it('still finds the candidate really named', () => {
    expect(regional('Ayo dukung dr. Fransiskus Minggu, pilih paslon nomor 1 di Pilkada nanti!')).toContain('pilkada-2024-5308-01');
    expect(regional('Paslon Bedoka-Minggu nomor 1 pilihan kita, coblos!')).toContain('pilkada-2024-5308-01');
    expect(regional('Dukung Novianti Bulan jadi bupati, coblos nomor 2!')).toContain('pilkada-2024-6411-02');
    expect(regional('Mari menangkan Markus Antonius Tahun di Pilkada, pilih nomor 4')).toContain('pilkada-2024-5302-04');
  });

  it('gives no regional finding on generated clean rows dated in the Pilkada window', () => {
    let found = 0;
    for (const { violating, row } of tableRows(2000, 'clean', 20240214)) {
      if (!violating && regional(row.text).length > 0) found++;
    }
    expect(found).toBe(0);
  });
});
