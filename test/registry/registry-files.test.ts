// Every registry shipped under rules/registry/ must load, validate and be consistent.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registryProblems } from '../../src/registry/check.js';
import { RegistryFile } from '../../src/rules/registry-schema.js';

const root = join(import.meta.dirname, '../../rules/registry');
const paths = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.yml') || p.endsWith('.yaml'))
  .sort();
const registries = paths.map((path) => {
  const result = RegistryFile.safeParse(parse(readFileSync(join(root, path), 'utf8')));
  return { path, result };
});

function registry(id: string): RegistryFile {
  const found = registries.find((r) => r.result.success && r.result.data.election.id === id);
  if (!found?.result.success) throw new Error(`no registry ${id}`);
  return found.result.data;
}

describe('rules/registry', () => {
  it('holds the two Pilpres registries and the fictional Sukamaju region', () => {
    expect(paths).toEqual(expect.arrayContaining(['pilpres-2019.yml', 'pilpres-2024.yml', 'pilkada-2024-3299-sukamaju.yml']));
  });

  it.each(paths)('%s matches the registry schema', (path) => {
    const { result } = registries.find((r) => r.path === path)!;
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(paths)('%s is consistent (ids, numbers, no repeated or shared names, dates in order)', (path) => {
    const { result } = registries.find((r) => r.path === path)!;
    if (!result.success) throw new Error('schema failed');
    expect(registryProblems(result.data)).toEqual([]);
    expect(path.replace(/^.*\//, '').startsWith(result.data.election.id)).toBe(true);
  });

  it('uses every election id and pair id only once across files', () => {
    const files = registries.flatMap((r) => (r.result.success ? [r.result.data] : []));
    const electionIds = files.map((f) => f.election.id);
    const pairIds = files.flatMap((f) => f.pairs.map((p) => p.id));
    expect(new Set(electionIds).size).toBe(electionIds.length);
    expect(new Set(pairIds).size).toBe(pairIds.length);
  });

  it('keeps prayer-like "amin" ambiguous, never a sure form', () => {
    for (const id of ['pilpres-2019', 'pilpres-2024']) {
      for (const pair of registry(id).pairs) {
        const sure = [...pair.candidates.flatMap((c) => c.forms), ...pair.pair_names, ...pair.hashtags];
        expect(sure.map((s) => s.toLowerCase())).not.toContain('amin');
      }
    }
    expect(registry('pilpres-2024').pairs[0]?.ambiguous_pair_names).toContain('amin');
  });

  it('lists "salam empat jari" (01 + 03 against 02) under both 01 and 03 of 2024', () => {
    const holders = registry('pilpres-2024')
      .pairs.filter((p) => p.hand_sign_phrases.includes('salam empat jari'))
      .map((p) => p.number);
    expect(holders).toEqual([1, 3]);
  });

  it('dates the 2024 Pilkada sample region like the real Pilkada', () => {
    expect(registry('pilkada-2024-3299').election.dates).toMatchObject({
      determination: '2024-09-22',
      number_draw: '2024-09-23',
      vote: '2024-11-27',
    });
  });
});
