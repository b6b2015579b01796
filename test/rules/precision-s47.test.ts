// Precision on real tweets and posts, stop 47 (fixtures/eval/precision-s47.md): a vote verb whose
// chooser is not the writer (a headless relative, regret, an order) is no call; a word the pack
// lists as a term of its own ("kebijakan") is not derived from a shorter praise root ("bijak"); a
// report passed on with its outlet credited in parentheses at the end is the outlet's.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time: string) => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const rules = (text: string, time: string) => evaluate(pack, post(text, time)).map((f) => f.ruleId);
/** the pairs the findings name (findings of one prohibition are merged into one, under the first rule's id) */
const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
const campaign = '2024-01-20T05:00:00Z';

describe('a vote verb whose chooser is not the writer', () => {
  it('tells whom others chose after a headless relative ("yang pilih X", "ada yg dukung X")', () => {
    expect(rules('Tetangga sebelah ternyata yang pilih Anies waktu itu. Kaget juga', campaign)).toEqual([]);
    expect(rules('Di pos ronda ada yg dukung Prabowo, ada juga yg cuma numpang ngopi. Rame aja', campaign)).toEqual([]);
  });
  it('keeps the call when a call word or "jangan salah pilih" stands beside it', () => {
    expect(pairs('Yg blm milih, yuk milih Anies', campaign)).toContain('pilpres-2024-01');
    expect(pairs('Jangan salah pilih, coblos Ganjar', campaign)).toContain('pilpres-2024-03');
  });
  it('keeps the writer\'s own choice when the regret is denied', () => {
    expect(pairs('Gak nyesel nyoblos Ganjar kemarin', '2024-02-15T05:00:00Z')).toContain('pilpres-2024-03');
  });
});

describe('a listed word is not derived from a shorter root', () => {
  const debate = '2019-04-13T05:00:00Z';
  it('"kebijakan" beside a name is one cue (a topic), not a topic and praise', () => {
    expect(rules('Pak Jokowi bahas kebijakan ekonomi makro di debat semalam', debate)).toEqual([]);
  });
  it('the praise word itself still counts beside the topic', () => {
    expect(pairs('Kebijakan ekonomi Pak Jokowi bijak sekali, terbukti', debate)).toContain('pilpres-2019-01');
  });
});

describe('the outlet credited in parentheses at the end of a report', () => {
  const registration = '2023-10-19T05:00:00Z';
  const report = 'Ganjar-Mahfud mendaftar ke KPU hari ini diiringi relawan. Ruas jalan Diponegoro ditutup sementara';
  it('makes the report the outlet\'s, as a link would', () => {
    expect(rules(report, registration)).not.toEqual([]);
    expect(rules(`${report} (detik)`, registration)).toEqual([]);
    expect(rules(`${report} (cnnindonesia.com)`, registration)).toEqual([]);
  });
  it('is no credit beside the writer\'s emoji, nor after fewer than five words', () => {
    expect(rules(`${report} 👏👏 (mantap)`, registration)).not.toEqual([]);
    expect(rules('Relawan Ganjar-Mahfud mantap (serius)', registration)).not.toEqual([]);
  });
});
