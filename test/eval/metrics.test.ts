import { describe, expect, it } from 'vitest';
import { findingId, type Finding, type Prohibition, type Severity } from '../../src/model/finding.js';
import { makeItem } from '../../src/model/item.js';
import type { EvalRecord } from '../../src/eval/dataset.js';
import type { Truth } from '../../src/eval/labels.js';
import type { CandidateStance } from '../../src/model/finding-types.js';
import { DEFAULT_TARGETS, evaluateRecords, failedTargets, pairStanceOf, scoreOutcomes, scores, type Evaluator } from '../../src/eval/metrics.js';

function record(id: string, truth: Truth, set = 'own-posts', region?: string): EvalRecord {
  const item = makeItem({ platform: 'x', kind: 'post', text: `post ${id}`, source: { captureId: 'c', path: 'p', pointer: `line:${id}` } });
  return { set, id, item, truth, ...(region ? { region } : {}) };
}

function finding(itemId: string, prohibition: Prohibition, pair?: string, severity: Severity = 'medium'): Finding {
  const base = { itemId, ruleId: `t${prohibition}-test`, ruleVersion: 1, spans: [] };
  return {
    ...base,
    id: findingId(base),
    prohibition,
    severity,
    confidence: 0.8,
    track: 'disiplin',
    candidates: pair ? [{ election: 'pilpres-2024', number: Number(pair.slice(-2)), pair, name: 'x' }] : [],
    title: { id: 't', en: 't' },
    explanation: { id: 'e', en: 'e' },
    legalBasis: [],
    lowered: [],
  };
}

const partisan = (prohibition: Prohibition, pair?: string): Truth => ({ label: 'partisan', prohibition, stance: 'support', pair });
const clean = (reason: 'news' | 'socialisation' | 'voter-education' = 'news'): Truth => ({ label: 'clean', reason });

describe('scores', () => {
  it('computes precision, recall and F1 from a confusion matrix', () => {
    const s = scores({ tp: 8, fp: 2, fn: 4, tn: 10 });
    expect(s.precision).toBeCloseTo(0.8);
    expect(s.recall).toBeCloseTo(8 / 12);
    expect(s.f1).toBeCloseTo((2 * 0.8 * (8 / 12)) / (0.8 + 8 / 12));
  });

  it('treats a row with nothing predicted and nothing to find as perfect, and all-wrong as F1 0', () => {
    expect(scores({ tp: 0, fp: 0, fn: 0, tn: 5 })).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(scores({ tp: 0, fp: 3, fn: 2, tn: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('scoreOutcomes', () => {
  const records = [
    record('a', partisan(3, 'pilpres-2024-02')), // flagged as 3, right pair → TP
    record('b', partisan(1, 'pilpres-2024-01')), // flagged as 3, wrong pair → TP overall, FN for 1, FP for 3
    record('c', partisan(5)), // not flagged → FN
    record('d', clean('news')), // flagged → FP
    record('e', clean('news')), // not flagged → TN
    record('s1', clean('socialisation'), 'socialisation'), // flagged twice → zero-set failure
    record('s2', clean('voter-education'), 'socialisation'), // not flagged
  ];
  const answers: Record<string, (itemId: string) => Finding[]> = {
    'post a': (i) => [finding(i, 3, 'pilpres-2024-02')],
    'post b': (i) => [finding(i, 3, 'pilpres-2024-02')],
    'post d': (i) => [finding(i, 3)],
    'post s1': (i) => [finding(i, 5), finding(i, 3)],
  };
  const evaluator: Evaluator = (item) => answers[item.text ?? '']?.(item.id) ?? [];
  const report = scoreOutcomes(evaluateRecords(records, evaluator));

  it('counts the binary partisan confusion matrix over all records', () => {
    expect(report.records).toBe(7);
    expect(report.overall).toMatchObject({ tp: 2, fp: 2, fn: 1, tn: 2 });
    expect(report.overall.precision).toBeCloseTo(0.5);
    expect(report.overall.recall).toBeCloseTo(2 / 3);
  });

  it('breaks the matrix down per set', () => {
    const own = report.bySet.find((r) => r.name === 'own-posts');
    const soc = report.bySet.find((r) => r.name === 'socialisation');
    expect(own).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(soc).toMatchObject({ tp: 0, fp: 1, fn: 0, tn: 1 });
  });

  it("compares a finding's prohibition with the label's prohibition", () => {
    const p = (name: string) => report.byProhibition.find((r) => r.name === name);
    expect(p('3')).toMatchObject({ tp: 1, fp: 3, fn: 0 }); // b, d, s1 flagged 3 without a 3 label
    expect(p('1')).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(p('5')).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.byProhibition.map((r) => r.name)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'other']);
  });

  it('checks whether flagged partisan posts name the labelled pair', () => {
    expect(report.pairAgreement).toEqual({ checked: 2, agreed: 1 });
  });

  it('counts findings on socialisation and voter-education texts', () => {
    expect(report.zeroSet).toEqual({ records: 2, findings: 2, flaggedIds: ['socialisation:s1'] });
  });

  it('lists every miss with its rule ids', () => {
    expect(report.misses.map((m) => [m.kind, m.id, m.ruleIds])).toEqual([
      ['false-negative', 'c', []],
      ['false-positive', 'd', ['t3-test']],
      ['false-positive', 's1', ['t5-test', 't3-test']],
    ]);
  });

  it('passes the record region to the evaluator', () => {
    const seen: Array<string | undefined> = [];
    const spy: Evaluator = (_item, opts) => {
      seen.push(opts.region);
      return [];
    };
    [...evaluateRecords([record('r', clean(), 'x', '3299'), record('n', clean())], spy)];
    expect(seen).toEqual(['3299', undefined]);
  });

  it('ignores findings below the minimum severity when asked', () => {
    const infoOnly: Evaluator = (item) => [finding(item.id, 3, undefined, 'info')];
    const strict = scoreOutcomes(evaluateRecords([record('x', clean())], infoOnly), { minSeverity: 'low' });
    const loose = scoreOutcomes(evaluateRecords([record('x', clean())], infoOnly));
    expect(strict.overall).toMatchObject({ fp: 0, tn: 1 });
    expect(loose.overall).toMatchObject({ fp: 1, tn: 0 });
  });
});

describe('strict pair agreement (the labelled pair with the labelled stance)', () => {
  const P1 = 'pilpres-2024-01';
  const P2 = 'pilpres-2024-02';
  const withStances = (itemId: string, ...cs: Array<[string, CandidateStance | undefined]>): Finding => ({
    ...finding(itemId, 3),
    candidates: cs.map(([pair, stance]) => ({ election: 'pilpres-2024', number: Number(pair.slice(-2)), pair, name: 'x', ...(stance ? { stance } : {}) })),
  });

  it('agrees when the labelled pair carries the labelled stance (promote and support want support)', () => {
    expect(pairStanceOf([withStances('i', [P2, 'support'])], P2, 'support')).toBe('agreed');
    expect(pairStanceOf([withStances('i', [P2, 'support'], [P1, 'attack'])], P2, 'promote')).toBe('agreed');
    expect(pairStanceOf([withStances('i', [P1, 'attack'])], P1, 'attack')).toBe('agreed');
    // a post may attack two pairs: the labelled one attacked is enough
    expect(pairStanceOf([withStances('i', [P1, 'attack'], [P2, 'attack'])], P1, 'attack')).toBe('agreed');
  });

  it('calls the opposite stance, or another pair given the labelled stance, wrong', () => {
    // a post for 01 that attacks 02, labelled attack 02 and flagged with "02 supported"
    expect(pairStanceOf([withStances('i', [P2, 'support'])], P2, 'attack')).toBe('wrong');
    expect(pairStanceOf([withStances('i', [P2, 'mention'], [P1, 'support'])], P2, 'support')).toBe('wrong');
    expect(pairStanceOf([withStances('i', [P1, 'attack'])], P2, 'attack')).toBe('wrong');
    // one finding right, another opposite: the accusation contradicts itself
    expect(pairStanceOf([withStances('i', [P2, 'support']), withStances('i', [P2, 'attack'])], P2, 'support')).toBe('wrong');
  });

  it('tells a pair named only as a mention from a pair not named', () => {
    expect(pairStanceOf([withStances('i', [P2, 'mention'])], P2, 'support')).toBe('mention');
    expect(pairStanceOf([withStances('i', [P2, undefined])], P2, 'attack')).toBe('mention');
    expect(pairStanceOf([withStances('i', [P1, 'mention'])], P2, 'attack')).toBe('unnamed');
    expect(pairStanceOf([withStances('i')], P2, 'support')).toBe('unnamed');
  });

  it('counts the true positives with a labelled pair beside the lax agreement, and lists the rest by id', () => {
    const attack = (pair: string): Truth => ({ label: 'partisan', prohibition: 3, stance: 'attack', pair });
    const answers: Record<string, (id: string) => Finding[]> = {
      'post a': (i) => [withStances(i, [P2, 'support'])],
      'post b': (i) => [withStances(i, [P2, 'support'])],
      'post c': (i) => [withStances(i, [P1, 'mention'])],
      'post d': (i) => [withStances(i, [P2, 'mention'])],
      'post e': (i) => [withStances(i, [P1, 'attack'])],
    };
    const evaluator: Evaluator = (item) => answers[item.text ?? '']?.(item.id) ?? [];
    const recs = [record('a', partisan(3, P2)), record('b', attack(P2)), record('c', partisan(3, P2)), record('d', attack(P2)), record('e', partisan(3)), record('f', attack(P1))];
    const r = scoreOutcomes(evaluateRecords(recs, evaluator));
    // b names 02 (lax agreement) but supports the pair it attacks
    expect(r.pairAgreement).toEqual({ checked: 4, agreed: 3 });
    expect(r).toMatchObject({ pairStance: { checked: 4, agreed: 1, wrong: 1, mention: 1, unnamed: 1 } });
    expect(r.pairStance.disagreements).toEqual([
      { set: 'own-posts', id: 'b', verdict: 'wrong', label: `attack/${P2}`, found: `${P2}:support`, ruleIds: expect.any(Array), prohibitions: expect.any(Array) },
      { set: 'own-posts', id: 'c', verdict: 'unnamed', label: `support/${P2}`, found: `${P1}:mention`, ruleIds: expect.any(Array), prohibitions: expect.any(Array) },
      { set: 'own-posts', id: 'd', verdict: 'mention', label: `attack/${P2}`, found: `${P2}:mention`, ruleIds: expect.any(Array), prohibitions: expect.any(Array) },
    ]);
  });
});

describe('failedTargets', () => {
  it('names each target that is missed', () => {
    const evaluator: Evaluator = (item) => (item.text === 'post s1' || item.text === 'post d' ? [finding(item.id, 3)] : []);
    const report = scoreOutcomes(
      evaluateRecords([record('a', partisan(3)), record('d', clean()), record('s1', clean('socialisation'))], evaluator),
    );
    const failed = failedTargets(report, DEFAULT_TARGETS);
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatch(/precision 0\.000 is below the target 0\.950/);
    expect(failed[1]).toMatch(/recall 0\.000 is below the target 0\.900/);
    expect(failed[2]).toMatch(/1 finding\(s\) on socialisation.*own-posts:s1/);
  });

  it('returns nothing when every target is met', () => {
    const perfect: Evaluator = (item) => (item.text === 'post a' ? [finding(item.id, 3)] : []);
    const report = scoreOutcomes(evaluateRecords([record('a', partisan(3)), record('e', clean('voter-education'))], perfect));
    expect(failedTargets(report)).toEqual([]);
  });
});
