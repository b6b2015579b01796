// Stop 48 recall mechanisms (issue 11): the supporters' nicknames of each election as registry data
// (a camp's slur derided attacks the pair that camp backs), and a verdict in the sentence right
// after the one that names the pair (`near` with next_sentence). Texts are written for the test.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluateRule, prepareItem } from '../../src/rules/evaluate.js';
import { oneSentenceBreakIn } from '../../src/rules/stance.js';
import { RegistryPair } from '../../src/rules/registry-schema.js';
import { pairTerms } from '../../src/rules/registry.js';
import { makeItem } from '../../src/model/item.js';

const T2019 = '2019-03-10T05:00:00Z';
const T2024 = '2024-01-20T05:00:00Z';
const post = (text: string, time = T2019) =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

/** pair ids named by `camps` terms of the elections in force at the item's time */
function campPairs(text: string, time?: string): string[] {
  const v = prepareItem(pack, post(text, time));
  const out = new Set<string>();
  for (const f of v.fields) {
    for (const h of f.hits) {
      for (const o of h.owners) {
        if (o.type !== 'registry' || o.term.list !== 'camps' || !o.term.pair || !v.elections.has(o.term.election)) continue;
        out.add(o.term.pair.id);
      }
    }
  }
  return [...out].sort();
}

/** the status rule's own finding (another rule's finding on the same words may replace it in a scan) */
const statusFinding = (text: string, time?: string) => {
  const rule = pack.rules.find((r) => r.def.id === 't3-status-dukungan-paslon');
  if (!rule) throw new Error('t3-status-dukungan-paslon missing');
  return evaluateRule(pack, rule, prepareItem(pack, post(text, time)));
};

describe('supporters\' nicknames (registry supporter_nicknames)', () => {
  it('join the camp words of their pair, with any level, and default to none', () => {
    const pair = RegistryPair.parse({ id: 'x-01', number: 1, name: 'A – B', candidates: [{ name: 'Abc Def' }], supporter_nicknames: ['kaum x'] });
    const camps = pairTerms(pair, 'pilbup').find(([list]) => list === 'camps')?.[1] ?? [];
    expect(camps).toContain('kaum x');
    expect(RegistryPair.parse({ id: 'x-02', number: 2, name: 'C – D', candidates: [{ name: 'Ghi Jkl' }] }).supporter_nicknames).toEqual([]);
  });

  it('name the camp of the pair the registry gives for the election in force', () => {
    expect(campPairs('kampret lagi rame', T2019)).toEqual(['pilpres-2019-02']);
    expect(campPairs('cebong lagi rame', T2019)).toEqual(['pilpres-2019-01']);
    // 2024: kadrun is Anies's camp; cebong and kampret name no 2024 pair
    expect(campPairs('kadrun lagi rame', T2024)).toEqual(['pilpres-2024-01']);
    expect(campPairs('cebong kampret lagi rame', T2024)).toEqual([]);
  });

  it('a slur derided attacks the pair its camp backs, though no candidate is named', () => {
    const f = statusFinding('Dikasih data BPS tetap ngeyel. Kampret emang lebay dan gak mau belajar');
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilpres-2019-02']);
    expect(f?.candidates[0]?.stance).toBe('attack');
    expect(statusFinding('Dasar cebong dungu, dikit-dikit lapor polisi')?.candidates.map((c) => c.pair)).toEqual(['pilpres-2019-01']);
  });

  it('no side: a slur alone, both camps\' slurs, a slur thrown at the person addressed, the animal', () => {
    expect(statusFinding('Grup alumni isinya kampret semua sekarang, pada posting video kampanye')).toBeUndefined();
    expect(statusFinding('Cebong kalo dikritik ngamuk, kampret juga sama lebay nya. Capek')).toBeUndefined();
    expect(statusFinding('Pantes lu dibilang kampret, lu emang goblok')).toBeUndefined();
    expect(statusFinding('Ada kampret nyasar masuk ruang guru, anak-anak pada teriak')).toBeUndefined();
  });
});

describe('a verdict in the next sentence (near with next_sentence)', () => {
  it('oneSentenceBreakIn holds for exactly one sentence end between the two ends', () => {
    const t = 'Prabowo pidato. Dasar arogan! Lalu hujan';
    const a = t.indexOf('pidato') + 6;
    expect(oneSentenceBreakIn(t, a, t.indexOf('Dasar'))).toBe(true);
    expect(oneSentenceBreakIn(t, a, t.indexOf('Lalu'))).toBe(false);
    expect(oneSentenceBreakIn(t, 0, t.indexOf('pidato'))).toBe(false);
    // an ellipsis ends one sentence, a line break too
    expect(oneSentenceBreakIn('a.. b', 1, 4)).toBe(true);
    expect(oneSentenceBreakIn('a\nb', 1, 2)).toBe(true);
  });

  it('the insult in the sentence after the pair attacks that pair', () => {
    const f = statusFinding('Prabowo kemarin marah-marah lagi di atas panggung kampanye. Memang pemimpin tempramen dan arogan');
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilpres-2019-02']);
  });

  it('not two sentences on, and not after two pairs named', () => {
    expect(statusFinding('Jokowi resmikan jalan tol hari ini. Macetnya sampai rumah. Dasar sopir angkot goblok nyerobot terus')).toBeUndefined();
    expect(statusFinding('Jokowi dan Prabowo debat malam ini di hotel bintang lima. Moderatornya yang dari stasiun tv itu goblok banget')).toBeUndefined();
  });
});
