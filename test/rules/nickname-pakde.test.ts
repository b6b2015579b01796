// "Pakde" (Javanese: father's elder brother), Jokowi's supporters' name for him in 2019: an
// ambiguous affectionate nickname (registry pilpres-2019), a name only beside the contest or his pair.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time: string) => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

describe('pakde', () => {
  it('names Jokowi beside the contest (a vote with his number), an uncle otherwise', () => {
    const pairs = (text: string) => evaluate(pack, post(text, '2019-04-17T05:00:00Z')).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(pairs('Done nyoblos ☝️ jari satu buat Pakde, yang lain silakan tebak sendiri 😂')).toContain('pilpres-2019-01');
    expect(pairs('Pakde baru pulang dari sawah, bawa singkong sekarung 😂')).toEqual([]);
  });
});
