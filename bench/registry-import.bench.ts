// Time of `importKpu` on the real KPU Pilkada 2024 snapshot (1,557 pairs, 545 regions), when the
// snapshot is on this machine; it is not shipped with netral.
// Run: npx vitest bench --run bench/registry-import.bench.ts
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { importKpu } from '../src/registry/kpu.js';

const snapshot = process.env.NETRAL_KPU_SNAPSHOT ?? '/work/shared/kpu-pilkada-2024';
const present = existsSync(join(snapshot, 'pkwkk.json'));

describe.skipIf(!present)('registry import-kpu (real snapshot)', () => {
  bench(
    'importKpu pkwkp.json + pkwkk.json + districts',
    async () => {
      const registries = await importKpu(
        [join(snapshot, 'pkwkp.json'), join(snapshot, 'pkwkk.json')],
        join(snapshot, 'district'),
      );
      if (registries.length !== 545) throw new Error(`expected 545 regions, got ${registries.length}`);
    },
    { iterations: 10, warmupIterations: 2 },
  );
});
