// The compiled-registry cache only saves time: a pack loaded cold, warm (from the cache), from a
// damaged cache file and with the cache turned off is the same pack and finds the same things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILTIN_RULES_DIR, loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

let dir: string;
let registryDir: string;
const saved = process.env.NETRAL_CACHE_DIR;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-pack-cache-'));
  // 80 regencies with the demo regency's pairs: a registry big enough (> 256 KB) to be cached
  registryDir = path.join(dir, 'registry');
  mkdirSync(registryDir);
  const demo = readFileSync(path.join(BUILTIN_RULES_DIR, 'registry', 'pilkada-2024-3299-sukamaju.yml'), 'utf8');
  for (let i = 0; i < 80; i++) {
    const code = String(3200 + i);
    writeFileSync(path.join(registryDir, `pilkada-2024-${code}.yml`), demo.replaceAll('3299', code));
  }
});
afterAll(() => {
  if (saved === undefined) delete process.env.NETRAL_CACHE_DIR;
  else process.env.NETRAL_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

/** What a pack is, for comparison: its terms, elections and the findings on a few posts. */
function fingerprint(pack: RulePack): unknown {
  const posts = ['Ayo coblos nomor 2 Budi Hartono – Dewi Lestari! #BudiDewiMenang', 'Rapat RT 02 besok jam 2', 'Dukung Ahmad Fauzi jadi bupati 2024 ✌️'];
  return {
    sha256: pack.sha256,
    patterns: pack.matcher.patterns,
    elections: pack.registry.elections.map((e) => [e.id, e.regionCode, e.watchFrom, e.pairs.length]),
    findings: posts.map((text) =>
      evaluate(pack, makeItem({ platform: 'x', kind: 'post', text, time: '2024-10-01T05:00:00Z', hashtags: [], mentions: [], media: [], source: { captureId: 'c', path: 'p', pointer: '/0' } }), { region: '3230' }).map((f) => [f.id, f.ruleId, f.candidates]),
    ),
  };
}

describe('compiled-registry cache', () => {
  it('cold, warm, damaged and off give the same pack', async () => {
    const cache = path.join(dir, 'cache');
    process.env.NETRAL_CACHE_DIR = cache;
    const cold = fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir] }));
    expect((cold as { findings: unknown[][] }).findings.flat().length).toBeGreaterThan(0);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    const warm = fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir] }));
    expect(warm).toEqual(cold);

    // a damaged cache file is ignored (and replaced)
    const file = path.join(cache, files[0] as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"pilkada-2024-3230"', '"pilkada-2024-9999"'));
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir] }))).toEqual(cold);

    process.env.NETRAL_CACHE_DIR = 'off';
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir] }))).toEqual(cold);
  }, 120_000);
});
