// A learned stance scorer: logistic regression over word 1–2-grams and character 3–5-grams of
// the writer's words, with every candidate mention masked as "§" so the model learns how people
// write about a pair, not which pair they name. Trained by `npm run train-stance`
// (src/eval/train-stance.ts), shipped as rules/models/<id>.json beside its data card, and loaded
// by rules like a lexicon (`stance_model: { model: stance-id, min_score: 0.7 }`).
//
// Scoring allocates one masked string and one offset array per field: n-gram weights sit in a
// Map keyed by a 32-bit FNV-1a hash computed incrementally over the masked text, so no n-gram
// string is built while scoring.
import { z } from 'zod';

export const MASK = '§';

export const StanceModelFile = z
  .object({
    schema: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    type: z.literal('logistic-ngrams'),
    /** word n-gram orders and character n-gram lengths used as features */
    word_ngrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    char_ngrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    bias: z.number(),
    /** the threshold cross-validation picked; rules set their own min_score */
    threshold: z.number().min(0).max(1),
    /** "w:pilih §" (words) or "c:ilih" (characters) → weight */
    weights: z.record(z.string().regex(/^[wc]:/), z.number()),
  })
  .strict();
export type StanceModelFile = z.infer<typeof StanceModelFile>;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** word and character features live in separate hash spaces */
const SEED = { w: FNV_OFFSET ^ 0x77, c: FNV_OFFSET ^ 0x63 } as const;

function fnv(seed: number, text: string, start = 0, end = text.length): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** The writer's words, masked: mentions → "§", URLs dropped, "!"/"?" kept, other punctuation → space. */
export interface MaskedText {
  text: string;
  /** [from, to) in the source (normalised) text of each masked character ("§" covers its whole mention) */
  from: Int32Array;
  to: Int32Array;
  /** start offsets of the tokens (single-space separated) */
  tokenStarts: number[];
}

const KEEP = /[\p{L}\p{N}\p{Extended_Pictographic}!?]/u;
const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * Build the masked token text of a normalised field. `mentions` are [start, end) ranges of
 * candidate mentions in `source` (may overlap).
 */
export function maskText(source: string, mentions: ReadonlyArray<{ start: number; end: number }>): MaskedText {
  const inMention = new Int32Array(source.length + 1).fill(-1);
  for (const m of mentions) for (let i = m.start; i < m.end && i < source.length; i++) if (inMention[i] === -1) inMention[i] = m.start;
  const out: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const tokenStarts: number[] = [];
  let pendingSpace = false;
  const push = (ch: string, at: number, until = at + ch.length) => {
    if (pendingSpace && out.length > 0) {
      out.push(' ');
      from.push(at);
      to.push(at);
    }
    if (pendingSpace || out.length === 0) tokenStarts.push(out.length);
    pendingSpace = false;
    // one entry per UTF-16 unit, so `from` lines up with the joined text
    for (let k = 0; k < ch.length; k++) {
      out.push(ch[k] as string);
      from.push(at + k);
      to.push(k === ch.length - 1 ? until : at + k + 1);
    }
  };
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('http', i) && /^https?:\/\//.test(source.slice(i, i + 8))) {
      while (i < source.length && source[i] !== ' ') i++;
      pendingSpace = true;
      continue;
    }
    if (inMention[i] !== -1) {
      const start = inMention[i] as number;
      let end = i;
      while (end < source.length && inMention[end] === start) end++;
      pendingSpace = true;
      push(MASK, start, end);
      pendingSpace = true;
      i = end;
      continue;
    }
    const cp = source.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    if (ch === '!' || ch === '?') {
      // one "!" or "?" token per run: "!!!" and "!" say the same
      pendingSpace = true;
      push(ch, i);
      while (i < source.length && (source[i] === '!' || source[i] === '?')) i++;
      pendingSpace = true;
      continue;
    }
    if (KEEP.test(ch)) {
      // an emoji is a token of its own
      const emoji = EMOJI.test(ch);
      if (emoji) pendingSpace = true;
      push(ch, i);
      if (emoji) pendingSpace = true;
    } else {
      pendingSpace = true;
    }
    i += ch.length;
  }
  return { text: out.join(''), from: Int32Array.from(from), to: Int32Array.from(to), tokenStarts };
}

/** One feature occurrence in a masked text: hash space, [start, end) in the masked text. */
export interface FeatureSpan {
  kind: 'w' | 'c';
  start: number;
  end: number;
}

/** Token end offsets from the start offsets (tokens are separated by one space). */
function tokenEnds(m: MaskedText): number[] {
  return m.tokenStarts.map((s, i) => (i + 1 < m.tokenStarts.length ? (m.tokenStarts[i + 1] as number) - 1 : m.text.length));
}

/**
 * Every feature occurrence of a masked text, in a fixed order. The training script turns them
 * into strings ("w:" / "c:" + the slice); the scorer hashes the same slices in place.
 */
export function forEachFeature(m: MaskedText, words: readonly [number, number], chars: readonly [number, number], visit: (kind: 'w' | 'c', start: number, end: number) => void): void {
  const ends = tokenEnds(m);
  for (let t = 0; t < m.tokenStarts.length; t++) {
    for (let n = words[0]; n <= words[1] && t + n <= m.tokenStarts.length; n++) visit('w', m.tokenStarts[t] as number, ends[t + n - 1] as number);
  }
  // characters over " text ", so word edges are features too ("pilih" ends with "ih ")
  const padded = m.text.length;
  for (let i = -1; i < padded; i++) {
    for (let n = chars[0]; n <= chars[1]; n++) {
      const end = i + n;
      if (end > padded + 1) break;
      visit('c', i, end);
    }
  }
}

/** The padded slice a character feature covers (offsets may be -1 and length + 1: the pad spaces). */
export function featureText(m: MaskedText, kind: 'w' | 'c', start: number, end: number): string {
  if (kind === 'w') return `w:${m.text.slice(start, end)}`;
  const inner = m.text.slice(Math.max(0, start), Math.min(m.text.length, end));
  return `c:${start < 0 ? ' ' : ''}${inner}${end > m.text.length ? ' ' : ''}`;
}

function hashFeature(m: MaskedText, kind: 'w' | 'c', start: number, end: number): number {
  if (kind === 'w') return fnv(SEED.w, m.text, start, end);
  let h = SEED.c;
  if (start < 0) h = Math.imul(h ^ 32, FNV_PRIME) >>> 0;
  h = fnv(h, m.text, Math.max(0, start), Math.min(m.text.length, end));
  if (end > m.text.length) h = Math.imul(h ^ 32, FNV_PRIME) >>> 0;
  return h;
}

/** Hash of a feature string as written in the model file ("w:pilih §", "c: pil"). */
export function hashFeatureName(name: string): number {
  return fnv(name.startsWith('w:') ? SEED.w : SEED.c, name, 2);
}

export interface StanceScore {
  /** probability that the writer takes a side */
  score: number;
  /** the features that pushed the score up most, as [start, end) in the masked text */
  top: Array<{ start: number; end: number; weight: number }>;
}

export class StanceModel {
  readonly id: string;
  readonly threshold: number;
  readonly size: number;
  private readonly bias: number;
  private readonly weights: Map<number, number>;
  private readonly words: readonly [number, number];
  private readonly chars: readonly [number, number];

  constructor(file: StanceModelFile) {
    this.id = file.id;
    this.threshold = file.threshold;
    this.bias = file.bias;
    this.words = file.word_ngrams;
    this.chars = file.char_ngrams;
    this.weights = new Map();
    for (const [name, w] of Object.entries(file.weights)) {
      const h = hashFeatureName(name);
      this.weights.set(h, (this.weights.get(h) ?? 0) + w);
    }
    this.size = this.weights.size;
  }

  /** Score a masked text; `topK` strongest positive features come back for the explanation. */
  score(m: MaskedText, topK = 3): StanceScore {
    // the same scaling as training: each distinct feature counts once, scaled by 1/sqrt(occurrences)
    let sum = 0;
    let count = 0;
    const top: Array<{ start: number; end: number; weight: number }> = [];
    const seen = new Set<number>();
    forEachFeature(m, this.words, this.chars, (kind, start, end) => {
      count++;
      const h = hashFeature(m, kind, start, end);
      const w = this.weights.get(h);
      if (w === undefined || seen.has(h)) return;
      seen.add(h);
      sum += w;
      // the mask alone ("§") is in every scored text: it says nothing about this one
      if (w > 0 && kind === 'w' && !(end - start === 1 && m.text[start] === MASK)) insertTop(top, { start, end, weight: w }, topK);
    });
    const z = this.bias + (count > 0 ? sum / Math.sqrt(count) : 0);
    return { score: 1 / (1 + Math.exp(-z)), top };
  }
}

function insertTop(top: Array<{ start: number; end: number; weight: number }>, f: { start: number; end: number; weight: number }, k: number): void {
  if (top.length === k && (top[k - 1] as { weight: number }).weight >= f.weight) return;
  top.push(f);
  top.sort((a, b) => b.weight - a.weight);
  if (top.length > k) top.pop();
}
