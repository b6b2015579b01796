// Ballot positions: "coblos yang paling kiri" names the first pair on the ballot paper, "… paling
// kanan" the last, "… di tengah" the middle one of three; made from each election's own pairs.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate, prepareItem } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { ballotOf, ballotPositionForms } from '../../src/rules/registry.js';

const post = (text: string, time = '2024-02-10T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** pair ids named by `numbers` terms in the item's text, for the item's own elections */
function numberPairs(text: string, time?: string): string[] {
  const v = prepareItem(pack, post(text, time));
  const out = new Set<string>();
  for (const f of v.fields) {
    for (const h of f.hits) {
      for (const o of h.owners) {
        if (o.type !== 'registry' || o.term.list !== 'numbers' || !o.term.pair || !v.elections.has(o.term.election)) continue;
        out.add(o.term.pair.id);
      }
    }
  }
  return [...out];
}

describe('ballotPositionForms', () => {
  it('gives the left to the first number, the right to the last and the middle of three to the second', () => {
    const ballot = ballotOf([{ number: 3 }, { number: 1 }, { number: 2 }]);
    expect(ballot).toEqual([1, 2, 3]);
    expect(ballotPositionForms(1, ballot)).toContain('coblos yang paling kiri');
    expect(ballotPositionForms(1, ballot).some((f) => f.includes('kanan') || f.includes('tengah'))).toBe(false);
    expect(ballotPositionForms(3, ballot)).toContain('nyoblos paling kanan');
    expect(ballotPositionForms(2, ballot)).toContain('coblos yang di tengah');
    expect(ballotPositionForms(2, ballot).some((f) => f.includes('kiri') || f.includes('kanan'))).toBe(false);
  });

  it('has no middle on a ballot of two and no side on a ballot of one', () => {
    expect(ballotPositionForms(2, [1, 2])).toContain('coblos yang paling kanan');
    expect(ballotPositionForms(2, [1, 2]).some((f) => f.includes('tengah'))).toBe(false);
    expect(ballotPositionForms(1, [1])).toEqual([]);
  });

  it('always needs a ballot verb: the bare side is a political position, not a pair', () => {
    for (const f of ballotPositionForms(1, [1, 2, 3])) expect(f).toMatch(/^(coblos|nyoblos|mencoblos|contreng) /);
  });
});

describe('ballot positions in posts (shipped registry, Pilpres 2024)', () => {
  it('names the pair printed at that place', () => {
    expect(numberPairs('gw coblos yg paling kiri hehe')).toEqual(['pilpres-2024-01']);
    expect(numberPairs('besok nyoblos yang di tengah aja')).toEqual(['pilpres-2024-02']);
    expect(numberPairs('udah mantap coblos paling kanan')).toEqual(['pilpres-2024-03']);
  });

  it('names no pair without a ballot verb or before the number draw', () => {
    expect(numberPairs('pilihan politik gue paling kanan')).toEqual([]);
    expect(numberPairs('parkir motor yang paling kiri ya')).toEqual([]);
    expect(numberPairs('gw coblos yg paling kiri hehe', '2023-10-01T05:00:00Z')).toEqual([]);
  });

  it('a vote for the leftmost pair is found as support for it', () => {
    const findings = evaluate(pack, post('gw coblos yg paling kiri hehe, yg ngerti ngerti aja ☝️😉'));
    expect(findings.map((f) => f.ruleId)).toContain('t3-status-dukungan-paslon');
    expect(findings.flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance}`))).toContain('pilpres-2024-01:support');
  });
});
