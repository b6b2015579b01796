import { describe, expect, it } from 'vitest';
import { cheapFirst, ConditionError, evaluateCondition, parseCondition, supportingNames } from '../../src/rules/condition.js';

const names = ['paslon', 'ajakan', 'nomor', 'sinyal_a', 'sinyal_b', '_bantu', 'unless_x'];
const holds = (set: string[]) => (n: string) => set.includes(n);

describe('rule conditions', () => {
  it('follows and/or/not precedence and parentheses', () => {
    const c = parseCondition('paslon and ajakan or nomor and not sinyal_a', names);
    expect(evaluateCondition(c, holds(['nomor']))).toBe(true);
    expect(evaluateCondition(c, holds(['nomor', 'sinyal_a']))).toBe(false);
    expect(evaluateCondition(c, holds(['paslon']))).toBe(false);
    expect(evaluateCondition(parseCondition('paslon and (ajakan or nomor)', names), holds(['paslon', 'nomor']))).toBe(true);
  });

  it('counts "N of prefix*", "all of", and "any of them" without private and unless names', () => {
    expect(evaluateCondition(parseCondition('2 of sinyal_*', names), holds(['sinyal_a']))).toBe(false);
    expect(evaluateCondition(parseCondition('2 of sinyal_*', names), holds(['sinyal_a', 'sinyal_b']))).toBe(true);
    expect(evaluateCondition(parseCondition('all of sinyal_*', names), holds(['sinyal_a']))).toBe(false);
    expect(evaluateCondition(parseCondition('any of them', names), holds(['_bantu', 'unless_x']))).toBe(false);
    expect(evaluateCondition(parseCondition('any of them', names), holds(['nomor']))).toBe(true);
  });

  it('rejects unknown names, impossible counts and broken syntax with a reason', () => {
    expect(() => parseCondition('paslon and ajakn', names)).toThrow(/unknown name "ajakn"/);
    expect(() => parseCondition('3 of sinyal_*', names)).toThrow(/can never hold/);
    expect(() => parseCondition('paslon and (ajakan', names)).toThrow(ConditionError);
    expect(() => parseCondition('any of zzz*', names)).toThrow(/selects no matcher/);
  });

  it('names as evidence only the matchers that make the condition hold', () => {
    const c = parseCondition('paslon and ajakan or (paslon and nomor and sinyal_a) or not sinyal_b', names);
    // sinyal_a holds but its clause does not (no nomor): not evidence
    expect([...supportingNames(c, holds(['paslon', 'ajakan', 'sinyal_a', 'sinyal_b']))].sort()).toEqual(['ajakan', 'paslon']);
    // every satisfied branch of an or counts
    expect([...supportingNames(c, holds(['paslon', 'ajakan', 'nomor', 'sinyal_a', 'sinyal_b']))].sort()).toEqual(['ajakan', 'nomor', 'paslon', 'sinyal_a']);
    // an absence is no matched word
    expect([...supportingNames(c, holds([]))]).toEqual([]);
    expect([...supportingNames(parseCondition('2 of sinyal_*', names), holds(['sinyal_a', 'sinyal_b', 'nomor']))].sort()).toEqual(['sinyal_a', 'sinyal_b']);
  });

  it('asks the cheap names of an and/or first, with the same value on every assignment', () => {
    const c = parseCondition('(paslon and not sinyal_a and ajakan) or (nomor and 2 of sinyal_*) or not _bantu', names);
    const cost: Record<string, number> = { paslon: 3, ajakan: 0, nomor: 1, sinyal_a: 2, sinyal_b: 0, _bantu: 0, unless_x: 0 };
    const cheap = cheapFirst(c, (n) => cost[n] ?? 0);
    const used = ['paslon', 'ajakan', 'nomor', 'sinyal_a', 'sinyal_b', '_bantu'];
    for (let bits = 0; bits < 1 << used.length; bits++) {
      const set = used.filter((_, i) => bits & (1 << i));
      expect(evaluateCondition(cheap, holds(set)), set.join(' ')).toBe(evaluateCondition(c, holds(set)));
    }
    // the or holds on its cheaper branches before the costly paslon would be asked
    const asked: string[] = [];
    evaluateCondition(cheap, (n) => (asked.push(n), n !== 'ajakan'));
    expect(asked).not.toContain('paslon');
    expect(asked[0]).toBe('_bantu');
  });

  it('stops an "N of" once the count is reached or can no longer be, asking the costly names last', () => {
    const names4 = ['s_a', 's_b', 's_c', 's_d'];
    const cost: Record<string, number> = { s_a: 3, s_b: 0, s_c: 1, s_d: 2 };
    const c = parseCondition('2 of s_*', names4);
    const cheap = cheapFirst(c, (n) => cost[n] ?? 0);
    // same value on every assignment, with and without names ruled out beforehand
    for (let bits = 0; bits < 1 << names4.length; bits++) {
      const set = names4.filter((_, i) => bits & (1 << i));
      for (let out = 0; out < 1 << names4.length; out++) {
        const ruled = names4.filter((_, i) => out & (1 << i));
        const truth = holds(set.filter((n) => !ruled.includes(n)));
        expect(evaluateCondition(cheap, truth, (n) => ruled.includes(n)), `${set.join(' ')} / ${ruled.join(' ')}`).toBe(evaluateCondition(c, truth));
      }
    }
    const ask = (set: string[], ruledOut?: (n: string) => boolean): string[] => {
      const asked: string[] = [];
      evaluateCondition(cheap, (n) => (asked.push(n), set.includes(n)), ruledOut);
      return asked;
    };
    // the count reached on the two cheapest: the rest is not asked
    expect(ask(['s_b', 's_c'])).toEqual(['s_b', 's_c']);
    // none of the first three holds: two can no longer be reached, the costly s_a is never asked
    expect(ask([])).toEqual(['s_b', 's_c', 's_d']);
    // three ruled out beforehand: nothing is asked at all
    expect(ask(['s_a'], (n) => n !== 's_a')).toEqual([]);
    // the evidence walk still asks every name of a holding count
    expect([...supportingNames(c, holds(['s_a', 's_b', 's_d']))].sort()).toEqual(['s_a', 's_b', 's_d']);
  });
});
