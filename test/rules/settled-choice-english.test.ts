// The code-mixed English tags of a settled choice ("02 all the way", "Prabowo for sure", "01 no
// debat") right after a ballot number or a firm name say what "02 aja" says (lexicon pilihan-saja).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** the pairs the findings name (the stance each shows is the engine's settled-choice reading, not this lexicon's) */
const pairs = (text: string, time?: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));

describe('English tags of a settled choice', () => {
  it('after a ballot number, make a finding on that pair', () => {
    expect(pairs('honestly bapaknya protective banget, which is what we need rn. 02 all the way')).toContain('pilpres-2024-02');
    expect(pairs('Basically tinggal lanjutin aja, 01 all the way', '2019-03-20T05:00:00Z')).toContain('pilpres-2019-01');
  });

  it('after no pair, name none', () => {
    expect(evaluate(pack, post('Nasi uduk Bang Jali juara se-kecamatan, all the way from Bekasi, no debat'))).toEqual([]);
  });
});
