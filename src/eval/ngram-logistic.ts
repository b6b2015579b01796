// The training half of the learned n-gram scorers (src/rules/stance-model.ts): logistic
// regression by seeded SGD over sets of n-gram features, scaled by 1/√(feature occurrences) as
// the scorer does, with balanced class weights, plus the metrics and the cross-validation the
// trainers report. Shared by train-stance.ts and train-polarity.ts; deterministic for a seed.
import { prng, shuffle } from './random.js';

export interface Example {
  /** the post or sentence; cross-validation keeps one group in one fold */
  group: string;
  y: 0 | 1;
  /** feature names ("w:pilih §") present in the text */
  features: Set<string>;
  /** feature occurrences (the scaling), counting repeats */
  count: number;
  /** dense inputs next to the n-grams (another model's log-odds), each with a weight of its own */
  aux?: readonly number[];
  /** how much the example counts in training (absent: 1); the class balance is taken over these weights */
  weight?: number;
}

export interface Model {
  bias: number;
  weights: Map<string, number>;
  aux: number[];
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /**
   * Return the mean of the iterates at the end of each epoch from this one on (tail-averaged SGD)
   * instead of the last iterate. The last iterate of per-example SGD still moves by the learning
   * rate times one example's gradient, so its bias wanders with the shuffling order (the seed);
   * the average settles it. Absent: the last iterate.
   */
  averageFrom?: number;
}

/**
 * Balanced logistic regression: each class weighs half whatever the class sizes. `featureScale`
 * multiplies a feature's value (NB-SVM's log-count ratios; absent: 1).
 */
export function train(examples: readonly Example[], vocab: ReadonlySet<string>, seed: number, o: TrainOptions, featureScale?: ReadonlyMap<string, number>): Model {
  const rand = prng(seed);
  // with every weight 1 (the default) these are the class counts
  const mass = [0, 0];
  for (const e of examples) mass[e.y] = (mass[e.y] as number) + (e.weight ?? 1);
  const total = (mass[0] as number) + (mass[1] as number);
  const classWeight = [total / (2 * Math.max(1, mass[0] as number)), total / (2 * Math.max(1, mass[1] as number))];
  const weights = new Map<string, number>();
  const aux = new Array<number>(examples[0]?.aux?.length ?? 0).fill(0);
  let bias = 0;
  const avg = { n: 0, bias: 0, weights: new Map<string, number>(), aux: new Array<number>(aux.length).fill(0) };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / (1 + epoch * 0.1);
    for (const ex of shuffle(examples, rand)) {
      const scale = 1 / Math.sqrt(ex.count);
      let z = bias;
      for (const f of ex.features) if (vocab.has(f)) z += (weights.get(f) ?? 0) * scale * (featureScale?.get(f) ?? 1);
      for (let i = 0; i < aux.length; i++) z += (aux[i] as number) * (ex.aux?.[i] ?? 0);
      const g = (1 / (1 + Math.exp(-z)) - ex.y) * (classWeight[ex.y] as number) * (ex.weight ?? 1);
      bias -= lr * g;
      for (const f of ex.features) {
        if (!vocab.has(f)) continue;
        const w = weights.get(f) ?? 0;
        weights.set(f, w - lr * (g * scale * (featureScale?.get(f) ?? 1) + o.l2 * w));
      }
      for (let i = 0; i < aux.length; i++) aux[i] = (aux[i] as number) - lr * (g * (ex.aux?.[i] ?? 0) + o.l2 * (aux[i] as number));
    }
    if (o.averageFrom !== undefined && epoch >= o.averageFrom) {
      avg.n++;
      avg.bias += bias;
      for (const [f, w] of weights) avg.weights.set(f, (avg.weights.get(f) ?? 0) + w);
      for (let i = 0; i < aux.length; i++) avg.aux[i] = (avg.aux[i] as number) + (aux[i] as number);
    }
  }
  if (avg.n > 0) return { bias: avg.bias / avg.n, weights: new Map([...avg.weights].map(([f, w]) => [f, w / avg.n])), aux: avg.aux.map((a) => a / avg.n) };
  return { bias, weights, aux };
}

/** The model's log-odds for an example (features outside the model count nothing). */
export function logit(model: Model, ex: Example): number {
  let z = model.bias;
  const scale = ex.count > 0 ? 1 / Math.sqrt(ex.count) : 0;
  for (const f of ex.features) z += (model.weights.get(f) ?? 0) * scale;
  for (let i = 0; i < model.aux.length; i++) z += (model.aux[i] as number) * (ex.aux?.[i] ?? 0);
  return z;
}

export function predict(model: Model, ex: Example): number {
  return 1 / (1 + Math.exp(-logit(model, ex)));
}

/** Features in at least `minDocs` examples, minus the bare words a trainer keeps out. */
export function vocabularyOf(examples: readonly Example[], minDocs: number, excludedWords: ReadonlySet<string> = new Set()): Set<string> {
  const docs = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) docs.set(f, (docs.get(f) ?? 0) + 1);
  return new Set([...docs].filter(([f, n]) => n >= minDocs && !excludedWords.has(f.slice(2))).map(([f]) => f));
}

export interface Scores {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  auc: number;
}

export type Scored = Array<{ y: number; p: number }>;

export function scoresAt(pairs: Scored, threshold: number): Omit<Scores, 'auc'> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { y, p } of pairs) {
    if (p >= threshold && y === 1) tp++;
    else if (p >= threshold) fp++;
    else if (y === 1) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { threshold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** ROC AUC: the chance a positive outscores a negative (ties count half). */
export function auc(pairs: Scored): number {
  const pos = pairs.filter((x) => x.y === 1);
  const neg = pairs.filter((x) => x.y === 0);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
  return pos.length && neg.length ? wins / (pos.length * neg.length) : 0.5;
}

/**
 * Out-of-fold log-odds, one per example in the examples' order; folds are drawn per group, so two
 * fields of one post stay in one fold.
 */
export function outOfFold(examples: readonly Example[], seed: number, folds: number, fit: (trainSet: Example[], seed: number) => Model): Float64Array {
  const ids = shuffle([...new Set(examples.map((e) => e.group))], prng(seed));
  const foldOf = new Map(ids.map((id, i) => [id, i % folds]));
  const out = new Float64Array(examples.length);
  for (let k = 0; k < folds; k++) {
    const model = fit(examples.filter((e) => foldOf.get(e.group) !== k), seed + k);
    examples.forEach((ex, i) => {
      if (foldOf.get(ex.group) === k) out[i] = logit(model, ex);
    });
  }
  return out;
}

/** Out-of-fold scores (probabilities) with their labels. */
export function crossValidate(examples: readonly Example[], seed: number, folds: number, fit: (trainSet: Example[], seed: number) => Model): Scored {
  const z = outOfFold(examples, seed, folds, fit);
  return examples.map((ex, i) => ({ y: ex.y, p: 1 / (1 + Math.exp(-(z[i] as number))) }));
}

/**
 * Stacking: how much the n-gram model and each input model should count together, learnt from
 * the n-gram model's out-of-fold log-odds (not its in-sample ones, which are near-perfect and
 * would leave the inputs no weight). Returns the n-gram log-odds' scale, the inputs' weights and
 * a bias to add, plus the stacked out-of-fold scores.
 */
export function stack(examples: readonly Example[], ngramLogits: Float64Array, l2: number): { scale: number; inputs: number[]; bias: number; scored: Scored } {
  const dense: Example[] = examples.map((ex, i) => ({ group: ex.group, y: ex.y, features: new Set(), count: 0, aux: [ngramLogits[i] as number, ...(ex.aux ?? [])] }));
  const w = denseLogistic(dense.map((ex) => ex.aux as number[]), dense.map((ex) => ex.y), l2);
  const model: Model = { bias: w[0] as number, weights: new Map(), aux: w.slice(1) };
  const scored = dense.map((ex) => ({ y: ex.y, p: predict(model, ex) }));
  return { scale: model.aux[0] ?? 1, inputs: model.aux.slice(1), bias: model.bias, scored };
}

/**
 * Balanced logistic regression over a few dense inputs, fitted to convergence by Newton's method
 * (iteratively reweighted least squares): minimises the mean class-weighted log-loss plus
 * l2/2·‖w‖² (the bias unpenalised). The optimum is unique, so the result does not depend on any
 * seed or example order. Returns [bias, ...weights].
 */
export function denseLogistic(x: readonly (readonly number[])[], y: readonly (0 | 1)[], l2: number, maxIterations = 100): number[] {
  const n = x.length;
  const d = (x[0]?.length ?? 0) + 1;
  const positives = y.filter((v) => v === 1).length;
  const classWeight = [n / (2 * Math.max(1, n - positives)), n / (2 * Math.max(1, positives))];
  const row = (i: number): number[] => [1, ...(x[i] as readonly number[])];
  const objective = (w: readonly number[]): number => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const z = dot(w, row(i));
      // log(1 + e^{-z}) for y = 1, log(1 + e^{z}) for y = 0, computed stably
      const m = y[i] === 1 ? -z : z;
      loss += (classWeight[y[i] as number] as number) * (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m)));
    }
    let pen = 0;
    for (let j = 1; j < d; j++) pen += (w[j] as number) ** 2;
    return loss / n + (l2 / 2) * pen;
  };
  let w = new Array<number>(d).fill(0);
  let f = objective(w);
  for (let it = 0; it < maxIterations; it++) {
    const g = new Array<number>(d).fill(0);
    const h = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const r = row(i);
      const p = 1 / (1 + Math.exp(-dot(w, r)));
      const cw = classWeight[y[i] as number] as number;
      for (let a = 0; a < d; a++) {
        (g[a] as number) += (cw * (p - (y[i] as number)) * (r[a] as number)) / n;
        for (let b = 0; b < d; b++) (h[a] as number[])[b] = ((h[a] as number[])[b] as number) + (cw * p * (1 - p) * (r[a] as number) * (r[b] as number)) / n;
      }
    }
    for (let j = 1; j < d; j++) {
      (g[j] as number) += l2 * (w[j] as number);
      (h[j] as number[])[j] = ((h[j] as number[])[j] as number) + l2;
    }
    const step = solve(h, g);
    // backtracking: a full Newton step, halved until the objective does not rise
    let t = 1;
    let next = w.map((v, j) => v - t * (step[j] as number));
    let fNext = objective(next);
    while (fNext > f && t > 1e-8) {
      t /= 2;
      next = w.map((v, j) => v - t * (step[j] as number));
      fNext = objective(next);
    }
    const moved = Math.max(...next.map((v, j) => Math.abs(v - (w[j] as number))));
    w = next;
    f = fNext;
    if (moved < 1e-10) break;
  }
  return w;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Solve the small symmetric system h·s = g by Gaussian elimination with partial pivoting. */
function solve(h: readonly (readonly number[])[], g: readonly number[]): number[] {
  const d = g.length;
  const m = h.map((r, i) => [...r, g[i] as number]);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[piv] as number[])[c] as number)) piv = r;
    [m[c], m[piv]] = [m[piv] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    const pv = pr[c] as number;
    if (Math.abs(pv) < 1e-300) continue;
    for (let r = c + 1; r < d; r++) {
      const rr = m[r] as number[];
      const k = (rr[c] as number) / pv;
      for (let j = c; j <= d; j++) rr[j] = (rr[j] as number) - k * (pr[j] as number);
    }
  }
  const s = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    const rr = m[r] as number[];
    let v = rr[d] as number;
    for (let j = r + 1; j < d; j++) v -= (rr[j] as number) * (s[j] as number);
    s[r] = Math.abs(rr[r] as number) < 1e-300 ? 0 : v / (rr[r] as number);
  }
  return s;
}

/** The lowest threshold (0.5 to 0.95 in steps of 0.025) whose precision reaches the target, else the most precise. */
export function pickThreshold(pairs: Scored, targetPrecision: number): Scores {
  const candidates = Array.from({ length: 19 }, (_, i) => Math.round((0.5 + i * 0.025) * 1000) / 1000);
  const rows = candidates.map((t) => scoresAt(pairs, t));
  const chosen = rows.find((r) => r.precision >= targetPrecision) ?? rows.reduce((a, b) => (b.precision > a.precision ? b : a));
  return { ...chosen, auc: auc(pairs) };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Weights sorted by name, those below `prune` dropped, rounded: the shipped form. */
export function shippedWeights(model: Model, prune: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [f, w] of [...model.weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (Math.abs(w) >= prune) out[f] = round(w);
  return out;
}
