// Stop 49 recall mechanisms (issue 11): a candidate's nickname that is an everyday word ("gemoy",
// "abah") read as the candidate where the contest is in the sentence — a contest word with its
// enclitic ("debatnya"), or the nickname as the subject of winning or losing ("semoga abah
// menang") — and read as the word where a degree adverb follows it ("gemoy banget"). Texts are
// written for the test.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const T2024 = '2024-02-10T05:00:00Z';
const post = (text: string, time = T2024) =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

/** the pairs the findings on a post name (any rule, after exceptions) */
const named = (text: string, time?: string): string[] =>
  [...new Set(evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair)))].sort();

describe('context patterns (s49)', () => {
  it('read a contest word with its enclitic ending, and no longer word', () => {
    const p = pack.contextPatterns.contestContext;
    for (const s of ['debatnya ngeblank', 'capresnya omon-omon', 'debate rame', 'kampanyene sepi', 'nyoblos besok']) expect(p.test(s), s).toBe(true);
    for (const s of ['debatur muda', 'kampanyekan']) expect(p.test(s), s).toBe(false);
  });

  it('read a degree adverb right after a word, not a verdict word', () => {
    const p = pack.contextPatterns.degreeAfter;
    for (const s of [' banget kucingmu', ' bgt', ' tenan, 4 kg', ' pisan']) expect(p.test(s), s).toBe(true);
    for (const s of [' bener', ' pol', ' joget', 'banget']) expect(p.test(s), s).toBe(false);
  });

  it('read a win or loss with no object of its own', () => {
    const p = pack.contextPatterns.winLoseAfter;
    for (const s of [' menang', ' menang besok ☝️', ' udah kalah di KPU', ' kalah. Tapi', ' menang, selamat', ' kalah 😭']) expect(p.test(s), s).toBe(true);
    for (const s of [' menang arisan lagi', ' kalah main catur', ' joget menang']) expect(p.test(s), s).toBe(false);
  });
});

describe('a nickname that is an everyday word (registry nicknames, ambiguous)', () => {
  it('"gemoy" names Prabowo after a ballot call, and not as the adjective', () => {
    expect(named('Besok jangan salah ya, coblos sing gemoy 😁')).toEqual(['pilpres-2024-02']);
    expect(named('Gemoy banget kucingku, tiap pagi minta makan 😍')).toEqual([]);
    // a contest word does not make the adjective a name
    expect(named('Habis nonton debat, gemoy banget anak tetangga joget di depan tv 😂')).toEqual([]);
  });

  it('a contest word with its enclitic makes the nickname the candidate', () => {
    expect(named('gemoy gemoy, debatnya cuma joget doang 🤭')).toEqual(['pilpres-2024-02']);
  });

  it('the nickname as the subject of winning names the candidate, winning something else does not', () => {
    const support = evaluate(pack, post('Deg-degan, semoga abah menang besok ☝️🤲')).flatMap((f) => f.candidates);
    expect(support.map((c) => `${c.pair}:${c.stance}`)).toContain('pilpres-2024-01:support');
    expect(named('Abah menang arisan lagi, traktir dong 🤭')).toEqual([]);
  });

  it('outside the 2024 window the nickname is the word', () => {
    expect(named('coblos sing gemoy 😁', '2022-06-01T05:00:00Z')).toEqual([]);
  });
});
