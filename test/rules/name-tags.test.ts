// Hashtags that carry a candidate's name plus the writer's own words.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { nameTagsIn, TAG_BODIES_BEFORE_AUTOMATON } from '../../src/rules/registry.js';
import { REPO } from '../cli/run-cli.js';

let pack: RulePack;
beforeAll(async () => {
  // the evaluation-only DKI 2017 registry has a three-letter name (AHY)
  pack = await loadRulePack({ extraRegistryPaths: [path.join(REPO, 'fixtures', 'eval', 'registry-pilkada-dki-2017.yml')] });
});

const pairsIn = (text: string) => [...new Set(nameTagsIn(pack.registry, text).flatMap((t) => t.terms.map((term) => term.pair?.id)))];

describe('nameTagsIn', () => {
  it('finds a three-letter name at either end of a tag, never inside another word', () => {
    expect(pairsIn('Ayo semua #AHYforAll')).toEqual(['pilkada-2017-dki-01']);
    expect(pairsIn('#VoteAHY sekarang')).toEqual(['pilkada-2017-dki-01']);
    expect(pairsIn('#tahyulmodern #sahyudi')).toEqual([]);
  });

  it('leaves a tag that is only the name', () => {
    expect(pairsIn('#AHY')).toEqual([]);
    expect(pairsIn('#PrabowoSalahkanSBY')).toEqual(['pilpres-2019-02', 'pilpres-2024-02']);
  });

  it('reads a ballot number with words of the writer’s own as a tag naming that number', () => {
    expect(pairsIn('#BeraniPilih02')).toEqual(['pilkada-2024-3299-02', 'pilpres-2019-02', 'pilpres-2024-02', 'pilkada-2017-dki-02']);
    expect(pairsIn('Gaji tidak diambil #hoax02')).toContain('pilpres-2019-02');
    expect(pairsIn('#02MenangDebat')).toContain('pilpres-2024-02');
  });

  it('leaves a bare number, a ballot-place tag, two numbers and a number inside a longer one', () => {
    expect(pairsIn('#01 #02')).toEqual([]);
    expect(pairsIn('#CalonPresidenNomorUrut02')).toEqual([]);
    expect(pairsIn('#DebatCapres02')).toEqual([]);
    expect(pairsIn('#01vs02Debat')).toEqual([]);
    expect(pairsIn('#Liburan2019Seru #Promo0212')).toEqual([]);
  });

  it('reads a short name that is also a word as a name tag only with the words of a campaign-tag formula', () => {
    // "amin" closes every prayer and "abah" is any father; "#AMINajaDulu", "#TetapAMIN" are campaign tags
    expect(pairsIn('gak usah ragu, #AMINajaDulu')).toEqual(['pilpres-2019-01', 'pilpres-2024-01']);
    expect(pairsIn('#TetapAMIN')).toEqual(['pilpres-2019-01', 'pilpres-2024-01']);
    expect(pairsIn('#AMINMenang')).toEqual(['pilpres-2019-01', 'pilpres-2024-01']);
    expect(pairsIn('#abahpresiden')).toEqual(['pilpres-2024-01']);
    expect(pairsIn('#GibranLagi')).toEqual(['pilpres-2024-02']);
    // the formula's words say the side: the tag supports its pair
    expect(nameTagsIn(pack.registry, '#TetapAMIN')[0]?.terms.every((t) => t.stance === 'support')).toBe(true);
  });

  it('leaves a short name with other words, with a filler only, or alone', () => {
    expect(pairsIn('#AminYaAllah')).toEqual([]);
    expect(pairsIn('#AMINdiJIS')).toEqual([]);
    expect(pairsIn('#SandiDulu #amin #abah')).toEqual([]);
    expect(pairsIn('#AbahKuHebat')).toEqual([]);
  });

  // stop 47: the formula's words read on a full name or a ballot number as they are on a short form
  const sidesIn = (text: string) => [...new Set(nameTagsIn(pack.registry, text).flatMap((t) => t.terms.map((term) => `${term.pair?.id}:${term.stance ?? 'mention'}`)))];

  it('reads a name or number tag made of the campaign-tag formula as support for its pair', () => {
    expect(sidesIn('#PrabowoGibranMenang')).toEqual(['pilpres-2019-02:support', 'pilpres-2024-02:support']);
    expect(sidesIn('#AniesMenangDebat')).toContain('pilpres-2024-01:support');
    expect(sidesIn('#JokowiMenangTotalDebat #TetapAhok')).toEqual(expect.arrayContaining(['pilpres-2019-01:support', 'pilkada-2017-dki-02:support']));
    expect(sidesIn('#02MenangDebat')).toContain('pilpres-2024-02:support');
  });

  it('leaves a tag with any word outside the formula, or a filler only, a bare mention', () => {
    expect(sidesIn('#HoaxPrabowoMenang')).toEqual(['pilpres-2019-02:mention', 'pilpres-2024-02:mention']);
    expect(sidesIn('#AhokKalah')).toEqual(['pilkada-2017-dki-02:mention']);
    expect(sidesIn('#PrabowoSalahkanSBY')).toEqual(['pilpres-2019-02:mention', 'pilpres-2024-02:mention']);
    expect(sidesIn('#AHYforAll')).toEqual(['pilkada-2017-dki-01:mention']);
    expect(sidesIn('#hoax02')).not.toContain('pilpres-2024-02:support');
    expect(sidesIn('#Jokowi2019')).toEqual(['pilpres-2019-01:mention']);
  });

  it('leaves the formula tag unsided when another tag of the text names another pair of its election', () => {
    expect(sidesIn('Apakah berlaku lagi? #AhokDjarot #AniesSandiMenang')).toContain('pilkada-2017-dki-03:mention');
    expect(sidesIn('Apakah berlaku lagi? #AhokDjarot #AniesSandiMenang')).not.toContain('pilkada-2017-dki-03:support');
    expect(sidesIn('Apakah berlaku lagi? #AniesSandiMenang')).toContain('pilkada-2017-dki-03:support');
    // the same pair's own name tag beside it is no other camp
    expect(sidesIn('#AhokDjarot #AhokDjarotMenang')).toEqual(['pilkada-2017-dki-02:support']);
    // a pair of another election is no rival
    expect(sidesIn('#PrabowoGibranMenang #AhokDjarot')).toContain('pilpres-2024-02:support');
  });

  it('finds the same names before and after the automaton over every name form is built', async () => {
    const tags = ['#AHYforAll', '#VoteAHY', '#tahyulmodern', '#sahyudi', '#AHY', '#PrabowoSalahkanSBY', '#AniesGubernurBaru', '#Jokowi2019', '#AhokDjarot', '#BeraniPilih02', '#hoax02', '#TetapAMIN', '#abahpresiden', '#AMINdiJIS', '#semangatpagi', '#KaosBaru2024'];
    const text = tags.join(' ');
    // a registry of its own whose first bodies were filler tags: these tags go through the automaton
    const other = await loadRulePack({ extraRegistryPaths: [path.join(REPO, 'fixtures', 'eval', 'registry-pilkada-dki-2017.yml')] });
    expect(other.registry).not.toBe(pack.registry);
    for (let i = 0; i <= TAG_BODIES_BEFORE_AUTOMATON; i++) nameTagsIn(other.registry, `#filler${i}kata`);
    expect(nameTagsIn(other.registry, text)).toEqual(nameTagsIn(pack.registry, text));
    expect(nameTagsIn(pack.registry, text).length).toBeGreaterThan(5);
  }, 60_000);
});
