// Eval sets set in a real Pilkada 2024 region are scored as a real user of that region scans: with
// the registries `netral registry import-kpu` generates from KPU's pair lists for every region (formal
// names and the name forms generated from them; no nicknames, hashtags or teams) and the set's region
// as `--region`. KPU's snapshot is not shipped (../shared/kpu-pilkada-2024), so the registries are
// generated at eval time into a temporary folder.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importKpu } from '../registry/kpu.js';
import { writeRegistries } from '../registry/write.js';
import { regionCodeCovers } from '../rules/registry.js';
import type { RegistryFile } from '../rules/registry-schema.js';
import { NetralError } from '../errors.js';
import { evalMessages } from './messages.js';

/** the snapshot's files: governor races, regent/mayor races, district names for the latter */
const PAIR_LISTS = ['pkwkp.json', 'pkwkk.json'];
const DISTRICTS = 'district';

/** Is a KPU snapshot (both pair lists) under `snapshotDir`? */
export function hasKpuSnapshot(snapshotDir: string): boolean {
  return PAIR_LISTS.every((f) => existsSync(path.join(snapshotDir, f)));
}


/** One import per snapshot and run: every KPU set of an eval run reads the same 545 registries. */
const imported = new Map<string, Promise<RegistryFile[]>>();
function importedSnapshot(snapshotDir: string): Promise<RegistryFile[]> {
  const key = path.resolve(snapshotDir);
  let all = imported.get(key);
  if (!all) {
    all = importKpu(PAIR_LISTS.map((f) => path.join(snapshotDir, f)), path.join(snapshotDir, DISTRICTS));
    all.catch(() => imported.delete(key)); // a failed read is retried, not remembered
    imported.set(key, all);
  }
  return all;
}

/**
 * Writes the registries of all 545 Pilkada 2024 races to a temporary folder, hands the folder to `use`
 * (which loads it) and removes it. All of them, as the README's import writes them: the set's region
 * picks its own races (its province's governor race and its regency's or city's race) as `--region`
 * does, and the far races' names must not leak into its findings (termInScope in evaluate.ts).
 * Refused when no race covers `region` (a wrong code in KPU_SET_REGIONS).
 */
export async function withKpuRegistry<T>(snapshotDir: string, region: string, use: (registryDir: string) => Promise<T>): Promise<T> {
  const all = await importedSnapshot(snapshotDir);
  if (!all.some((r) => regionCodeCovers(r.election.region.code, region))) throw new NetralError(evalMessages.noKpuRace, { dir: snapshotDir, region });
  const dir = await mkdtemp(path.join(tmpdir(), `netral-eval-kpu-${region}-`));
  try {
    await writeRegistries(all, dir);
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
