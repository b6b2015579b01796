// Camp words: a candidate's supporters named by the candidate's own name plus a fandom suffix,
// made for every candidate from the registry; they name the pair's side, never the pair alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate, prepareItem } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { campWordsOf } from '../../src/rules/camp-forms.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** pair ids named by `camps` terms in the item's text */
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
  return [...out];
}

describe('camp words', () => {
  it('glues the fandom suffixes to a one-word name, and drops a final vowel before them', () => {
    expect(campWordsOf('ahok')).toEqual(expect.arrayContaining(['ahoker', 'ahokers', 'ahokist', 'ahok lovers']));
    expect(campWordsOf('jokowi')).toEqual(expect.arrayContaining(['jokowers', 'jokowiers', 'jokowi lovers']));
    expect(campWordsOf('Ganjar')).toContain('ganjarist');
  });

  it('makes none from short names, several words or a name with digits', () => {
    expect(campWordsOf('ahy')).toEqual([]);
    expect(campWordsOf('prabowo subianto')).toEqual([]);
    expect(campWordsOf('budi2')).toEqual([]);
  });

  it('makes camp words for presidential and governors\' races only, not for every regent and mayor', () => {
    const camps = pack.registry.terms.filter((t) => t.list === 'camps');
    expect(camps.some((t) => t.election.level === 'pilpres')).toBe(true);
    expect(camps.some((t) => t.election.level === 'pilbup' || t.election.level === 'pilwalkot')).toBe(false);
    expect(pack.registry.terms.some((t) => t.list === 'names' && t.election.level === 'pilbup')).toBe(true);
  });

  it('reads a camp word in text and in a hashtag as the side of the pair whose name it carries', () => {
    expect(campPairs('para prabowers lagi rame')).toEqual(['pilpres-2024-02']);
    expect(campPairs('#Ganjarist solid')).toEqual(['pilpres-2024-03']);
    expect(campPairs('anies lovers kumpul')).toEqual(['pilpres-2024-01']);
    // the bare name is a name, not a camp word
    expect(campPairs('Prabowo hadir')).toEqual([]);
  });

  it('a camp word alone is no candidate mention: it counts only beside a named pair', () => {
    expect(evaluate(pack, post('Jokowers sama prabowers ribut lagi, mending ngopi dulu', '2019-04-13T05:00:00Z'))).toEqual([]);
    const [f] = evaluate(pack, post('Prabowers pada ngamuk lagi di kolom komentar, padahal Prabowo sendiri santai', '2024-01-15T11:00:00Z'));
    expect(f?.ruleId).toBe('t3-status-dukungan-paslon');
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-02']);
  });
});
