// With a region given, a Pilkada candidate outside it is named only by a name of two words or more
// (termInScope in evaluate.ts): a one-word name of a far candidate — a given name, a surname, a
// regional word that is also a name — is far more often a word or a namesake than a mention, and it put
// a far region's pair into findings about the subject's own race once every region was loaded.
// Registries: the hand-made KPU lists in the real shape (fixtures/kpu/sulbar-sulsel-sample), imported
// as `netral registry import-kpu` does; "Pabittei" is a one-word firm name of regency 7601's pair 1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem } from '../../src/model/item.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

const sample = join(import.meta.dirname, '../../fixtures/kpu/sulbar-sulsel-sample');
const PAIR = 'pilkada-2024-7601-01';

let dir: string;
let pack: RulePack;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netral-far-names-'));
  await writeRegistries(await importKpu([join(sample, 'pkwkp.json'), join(sample, 'pkwkk.json')], join(sample, 'district')), dir);
  pack = await loadRulePack({ extraRegistryPaths: [dir] });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const post = (text: string) =>
  makeItem({ platform: 'x', kind: 'post', text, time: '2024-11-20T05:00:00Z', hashtags: [], mentions: [], media: [], source: { captureId: 'c', path: 'p', pointer: '/0' } });
/** the pairs the findings of a post give a stance or a mention */
const pairsOf = (text: string, region?: string) => evaluate(pack, post(text), region === undefined ? {} : { region }).flatMap((f) => f.candidates.map((c) => c.pair));

describe('names of Pilkada candidates outside the subject’s region', () => {
  const oneWord = 'Ayo dukung Pabittei, pilihan terbaik untuk daerah kita!';

  it('a one-word name names the pair for a subject of its own region', () => {
    expect(pairsOf(oneWord, '7601')).toContain(PAIR);
  });

  it('a one-word name of a far candidate names nobody for a subject elsewhere', () => {
    expect(pairsOf(oneWord, '3299')).not.toContain(PAIR);
  });

  it('the full name of a far candidate still names the pair', () => {
    expect(pairsOf('Ayo dukung Andi Tenriwali Pabittei, pilihan terbaik untuk daerah kita!', '3299')).toContain(PAIR);
  });

  it('without a region every name counts, as before', () => {
    expect(pairsOf(oneWord)).toContain(PAIR);
  });
});
