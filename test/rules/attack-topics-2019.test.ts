// Pilpres 2019's argued attacks in the registry (stop 43): the campaign's charges against each pair
// (attack_topics: "tampang Boyolali", "ekonomi meroket" …) read as an attack only beside that pair's
// own mention, and "prabohong" (Prabowo + bohong) as a mocking nickname of 02.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time = '2019-02-10T05:00:00Z') => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** the stance each finding shows on a pair */
const stances = (text: string, pair: string, time?: string) =>
  evaluate(pack, post(text, time)).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

describe('Pilpres 2019 attack topics', () => {
  it('attack the pair the charge was raised against, beside its mention', () => {
    expect(stances('Capres 02 jualan Indonesia bubar 2030 terus, pesimis amat', 'pilpres-2019-02')).toContain('attack');
    expect(stances('Pak Jokowi dulu janji ekonomi meroket. Harga beras naik terus', 'pilpres-2019-01')).toContain('attack');
  });

  it('name no pair on their own', () => {
    expect(evaluate(pack, post('Konteks tampang Boyolali itu apa sih? Aku dengerin full videonya bingung'))).toEqual([]);
  });

  it('say nothing of the other pair beside one pair\'s topic', () => {
    expect(stances('Pak Jokowi ditanya soal tempe setipis ATM, jawabnya santai', 'pilpres-2019-01')).not.toContain('attack');
  });
});

describe('prabohong', () => {
  it('is a mocking name of Prabowo: an attack on 02 on its own', () => {
    expect(stances('Prabohong lagi, Prabohong lagi. Capek', 'pilpres-2019-02')).toContain('attack');
  });
});
