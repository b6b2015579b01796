// The shared training half of the learned scorers: deterministic for a seed, and stacking gives an
// input model weight only when it carries signal the n-grams' out-of-fold scores do not.
import { describe, expect, it } from 'vitest';
import { denseLogistic, outOfFold, stack, train, vocabularyOf, type Example } from '../../src/eval/ngram-logistic.js';
import { prng, shuffle } from '../../src/eval/random.js';

/** bench/generate-export.js has no type declarations; only its prng is needed here */
const BENCH_GENERATOR = new URL('../../bench/generate-export.js', import.meta.url).href;

const OPTIONS = { epochs: 20, learningRate: 0.5, l2: 0.01 };

/** Texts whose label follows one word ("bagus") half the time and a dense input the other half. */
function examples(): Example[] {
  const rand = prng(5);
  const out: Example[] = [];
  for (let i = 0; i < 200; i++) {
    const y = (i % 2) as 0 | 1;
    const byWord = i % 4 < 2;
    const words = ['kata', `isi${i % 7}`, ...(byWord && y === 1 ? ['bagus'] : [])];
    const signal = byWord ? rand() - 0.5 : (y === 1 ? 2 : -2) + rand() - 0.5;
    out.push({ group: `g${i}`, y, features: new Set(words.map((w) => `w:${w}`)), count: words.length, aux: [signal, rand() - 0.5] });
  }
  return out;
}

describe('ngram-logistic', () => {
  it('is one mulberry32 for the trainers and the bench generators', async () => {
    const { prng: benchPrng } = (await import(BENCH_GENERATOR)) as { prng: typeof prng };
    // the bench generators re-export the built copy of src/eval/random.ts: the same sequence
    const a = prng(11);
    const b = benchPrng(11);
    expect(Array.from({ length: 1000 }, a)).toEqual(Array.from({ length: 1000 }, b));
    expect(prng(11)()).not.toBe(prng(12)());
    expect(shuffle([1, 2, 3, 4, 5], prng(3)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('weighs each example by its weight: 1 changes nothing, 0 leaves its words unlearnt', () => {
    const set = examples().map(({ aux: _aux, ...ex }) => ex);
    const vocab = vocabularyOf(set, 2);
    const plain = train(set, vocab, 7, OPTIONS);
    const ones = train(set.map((ex) => ({ ...ex, weight: 1 })), vocab, 7, OPTIONS);
    expect(ones.bias).toBe(plain.bias);
    expect([...ones.weights]).toEqual([...plain.weights]);
    // "bagus" only occurs in partisan examples: weighed 0 they teach it nothing
    const zero = train(set.map((ex) => ({ ...ex, weight: ex.features.has('w:bagus') ? 0 : 1 })), vocab, 7, OPTIONS);
    expect(plain.weights.get('w:bagus') ?? 0).toBeGreaterThan(0.5);
    expect(zero.weights.get('w:bagus') ?? 0).toBe(0);
  });

  it('scales each feature by featureScale (NB scaling): 1 changes nothing, 0 leaves a feature unlearnt', () => {
    const set = examples().map(({ aux: _aux, ...ex }) => ex);
    const vocab = vocabularyOf(set, 2);
    const plain = train(set, vocab, 7, OPTIONS);
    const ones = train(set, vocab, 7, OPTIONS, new Map([...vocab].map((f) => [f, 1])));
    expect([...ones.weights]).toEqual([...plain.weights]);
    const muted = train(set, vocab, 7, OPTIONS, new Map([['w:bagus', 0]]));
    expect(muted.weights.get('w:bagus')).toBe(0);
    expect(plain.weights.get('w:bagus')).toBeGreaterThan(0.5);
  });

  it('trains the same weights for the same seed', () => {
    const set = examples().map(({ aux: _aux, ...ex }) => ex);
    const vocab = vocabularyOf(set, 2);
    const one = train(set, vocab, 7, OPTIONS);
    const two = train(set, vocab, 7, OPTIONS);
    expect([...one.weights]).toEqual([...two.weights]);
    expect(one.weights.get('w:bagus')).toBeGreaterThan(0.5);
  });

  it('stacks: the informative input gets weight, the noise input next to none', () => {
    const set = examples();
    const ngrams = set.map(({ aux: _aux, ...ex }) => ex);
    const fit = (s: Example[], seed: number) => train(s, vocabularyOf(s, 2), seed, OPTIONS);
    const stacked = stack(set, outOfFold(ngrams, 3, 5, fit), 1e-4);
    expect(stacked.scale).toBeGreaterThan(0);
    expect(stacked.inputs[0]).toBeGreaterThan(0.5);
    expect(Math.abs(stacked.inputs[1] as number)).toBeLessThan(stacked.inputs[0] as number / 3);
  });

  it('fits the stacking regression to its optimum: the gradient vanishes, whatever the rows\' order', () => {
    const set = examples();
    const x = set.map((ex) => ex.aux as number[]);
    const y = set.map((ex) => ex.y);
    const l2 = 1e-4;
    const w = denseLogistic(x, y, l2);
    // the balanced, penalised log-loss's gradient at the returned weights
    const n = set.length;
    const pos = y.filter((v) => v === 1).length;
    const cw = [n / (2 * (n - pos)), n / (2 * pos)];
    const g = [0, 0, 0];
    set.forEach((_, i) => {
      const r = [1, ...(x[i] as number[])];
      const p = 1 / (1 + Math.exp(-r.reduce((s, v, j) => s + v * (w[j] as number), 0)));
      r.forEach((v, j) => (g[j] = (g[j] as number) + ((cw[y[i] as number] as number) * (p - (y[i] as number)) * v) / n));
    });
    for (let j = 1; j < 3; j++) g[j] = (g[j] as number) + l2 * (w[j] as number);
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-9);
    expect(w[1]).toBeGreaterThan(0.5);
    // the same rows in another order: the same weights (no seed, no order dependence)
    const order = shuffle(set.map((_, i) => i), prng(9));
    const again = denseLogistic(order.map((i) => x[i] as number[]), order.map((i) => y[i] as 0 | 1), l2);
    again.forEach((v, j) => expect(v).toBeCloseTo(w[j] as number, 9));
  });

  it('averages the epochs\' end iterates from averageFrom on; from the last epoch it is the last iterate', () => {
    const set = examples().map(({ aux: _aux, ...ex }) => ex);
    const vocab = vocabularyOf(set, 2);
    const last = train(set, vocab, 7, OPTIONS);
    const lastOnly = train(set, vocab, 7, { ...OPTIONS, averageFrom: OPTIONS.epochs - 1 });
    expect(lastOnly.bias).toBeCloseTo(last.bias, 12);
    for (const [f, w] of last.weights) expect(lastOnly.weights.get(f)).toBeCloseTo(w, 12);
    // the mean of the last two epochs' iterates lies between those iterates
    const before = train(set, vocab, 7, { ...OPTIONS, epochs: OPTIONS.epochs - 1 });
    const two = train(set, vocab, 7, { ...OPTIONS, averageFrom: OPTIONS.epochs - 2 });
    expect(two.bias).toBeCloseTo((before.bias + last.bias) / 2, 12);
  });
});
