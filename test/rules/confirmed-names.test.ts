// A one-word name of a candidate of the subject's own race (a given name, a call clipping, with or
// without an address word) becomes a mention when its post speaks of the contest in words the older
// passes did not read (evaluate.ts confirmedShortNameHits): the regional contest's words, a win from
// polling day on. The finding says which word confirmed it. A far race's one-word names stay out (termInScope).
// Registries: invented KPU governor lists of two provinces (fixtures/kpu/confirmed-names), imported as
// `netral registry import-kpu` does: Central Java's Kristina (called "Kristin") and East Java's Nina
// Kristin, whose surname is a firm one-word name.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem } from '../../src/model/item.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { callClipping } from '../../src/rules/name-variants.js';

const sample = join(import.meta.dirname, '../../fixtures/kpu/confirmed-names');
const HOME = 'pilkada-2024-33-01';
const FAR = 'pilkada-2024-35-01';
const VOTE_DAY = '2024-11-27T12:00:00Z';
const CAMPAIGN = '2024-10-20T05:00:00Z';

let dir: string;
let pack: RulePack;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netral-confirmed-names-'));
  await writeRegistries(await importKpu([join(sample, 'pkwkp.json')]), dir);
  pack = await loadRulePack({ extraRegistryPaths: [dir] });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const message = (text: string, time: string) =>
  makeItem({ platform: 'whatsapp', kind: 'message', text, time, source: { captureId: 'c', path: 'p', pointer: '/0' } });
const findings = (text: string, time: string, region?: string) => evaluate(pack, message(text, time), region === undefined ? {} : { region });
const pairsOf = (text: string, time: string, region?: string) => findings(text, time, region).flatMap((f) => f.candidates.map((c) => c.pair));

describe('call clipping', () => {
  it('drops a last vowel after a vowel and n, m, l or r, and nothing else', () => {
    expect(callClipping('kristina')).toBe('kristin');
    expect(callClipping('yuliana')).toBe('yulian');
    expect(callClipping('hendra')).toBeUndefined();
    expect(callClipping('santoso')).toBeUndefined();
    expect(callClipping('rina')).toBeUndefined();
  });
});

describe('one-word names confirmed by their post', () => {
  const won = 'Alhamdulillah Mbak Kristin menang! Nanti malam syukuran di rumahku, monggo rawuh 🎉';

  it('a call clipping with a win on polling day names the candidate at home, and the finding says why', () => {
    const found = findings(won, VOTE_DAY, '3374');
    expect(found.flatMap((f) => f.candidates.map((c) => c.pair))).toContain(HOME);
    const explained = JSON.stringify(found.map((f) => f.explanation));
    expect(explained).toContain('“Kristin”');
    expect(explained).toContain('“menang”');
  });

  it('the same words in the far province name its own candidate, never the one of another race', () => {
    const pairs = pairsOf(won, VOTE_DAY, '3578');
    expect(pairs).not.toContain(HOME);
    expect(pairs).toContain(FAR);
    expect(pairsOf(won, VOTE_DAY, '3374')).not.toContain(FAR);
  });

  it('a win before polling day is a colleague’s prize', () => {
    expect(pairsOf('Alhamdulillah Mbak Kristin menang lomba nyanyi! Nanti malam syukuran di rumahku 🎉', CAMPAIGN, '3374')).not.toContain(HOME);
  });

  it('the regional contest’s word confirms a given name; without it, or with a volunteer word only, the name is anybody', () => {
    expect(pairsOf('Mbak Kristina orangnya merakyat, calon gubernur yang pas, dukung terus!', CAMPAIGN, '3374')).toContain(HOME);
    expect(pairsOf('Mbak Kristina orangnya merakyat, relawan posyandu sudah siap, dukung terus!', CAMPAIGN, '3374')).not.toContain(HOME);
    expect(pairsOf('Mbak Kristina orangnya merakyat, dukung terus!', CAMPAIGN, '3374')).not.toContain(HOME);
  });

  it('without a region no Pilkada race is the subject’s own', () => {
    // (a word of the office itself, "calon gubernur", confirmed any race's short name before: contestNamedHits)
    expect(pairsOf(won, VOTE_DAY)).not.toContain(HOME);
  });
});
