// A learned stance scorer: logistic regression over word n-grams (near a mention, when the model
// file sets a window) and optional character n-grams of the writer's words, with every candidate
// mention masked as "§" and every digit as "0", so the model learns how people write about a
// pair, not which pair they name or which date and count they quote. Trained by `npm run train-stance`
// (src/eval/train-stance.ts), shipped as rules/models/<id>.json beside its data card, and loaded
// by rules like a lexicon (`stance_model: { model: stance-id, min_score: 0.7 }`).
//
// Scoring allocates one masked string and its offset arrays per field: n-gram weights sit in a
// Map keyed by a 32-bit FNV-1a hash extended character by character over the masked text, so no
// n-gram string is built while scoring, and a stamp array (not a Set per text) counts each
// feature once.
import { z } from 'zod';
import type { CLITICS } from '../text/morphology.js';

export const MASK = '§';

export const StanceModelFile = z
  .object({
    schema: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    type: z.literal('logistic-ngrams'),
    /** word n-gram orders and character n-gram lengths used as features */
    word_ngrams: z.tuple([z.number().int().min(1), z.number().int().min(1)]),
    /** [0, 0]: no character n-grams */
    char_ngrams: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    /**
     * "word": character n-grams only inside each word (padded by its spaces) and, with a window,
     * only in words near a mention; absent: over the whole text, across words
     */
    char_scope: z.literal('word').optional(),
    /** word n-grams count only within this many tokens of a candidate mention (absent: everywhere) */
    window: z.number().int().min(1).optional(),
    /** a word carrying a clitic also counts as its host word ("pokoknya" as "pokok"; absent: no) */
    clitic_hosts: z.boolean().optional(),
    bias: z.number(),
    /** the threshold cross-validation picked; rules set their own min_score */
    threshold: z.number().min(0).max(1),
    /** "w:pilih §" (words) or "c:ilih" (characters) → weight */
    weights: z.record(z.string().regex(/^[wc]:/), z.number()),
    /**
     * other models (rules/models/<id>.json) whose log-odds on the same masked text count as one
     * input each, with its weight: the polarity scorer read near the mention (absent: none)
     */
    inputs: z.array(z.object({ model: z.string().regex(/^[a-z0-9-]+$/), weight: z.number() }).strict()).optional(),
    /**
     * what the model was trained on: the number of training texts and a SHA-256 over each text's
     * post id, label and masked text in order plus the script's settings (src/eval/train-stance.ts),
     * so a test can tell when the data changed without retraining (absent: not recorded)
     */
    training: z
      .object({
        texts: z.number().int().min(0),
        partisan: z.number().int().min(0),
        seed: z.number().int(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .optional(),
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

/** The writer's words, masked: mentions → "§", digits → "0", URLs dropped, "!"/"?" kept, other punctuation → space. */
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
  // start of the mention covering each offset (-1: none), for the first mention that covers it
  const inMention = new Int32Array(source.length + 1).fill(-1);
  for (const m of mentions) for (let i = m.start; i < m.end && i < source.length; i++) if (inMention[i] === -1) inMention[i] = m.start;
  // each source unit gives at most one unit plus one space
  const from = new Int32Array(source.length * 2 + 2);
  const to = new Int32Array(source.length * 2 + 2);
  const tokenStarts: number[] = [];
  let text = '';
  let pendingSpace = false;
  const push = (ch: string, at: number, until = at + ch.length) => {
    if (pendingSpace && text.length > 0) {
      from[text.length] = at;
      to[text.length] = at;
      text += ' ';
    }
    if (pendingSpace || text.length === 0) tokenStarts.push(text.length);
    pendingSpace = false;
    // one entry per UTF-16 unit, so `from`/`to` line up with the text
    for (let k = 0; k < ch.length; k++) {
      from[text.length] = at + k;
      to[text.length] = k === ch.length - 1 ? until : at + k + 1;
      text += ch[k] as string;
    }
  };
  for (let i = 0; i < source.length; ) {
    if (source.charCodeAt(i) === 104 /* h */ && source.startsWith('http', i) && /^https?:\/\//.test(source.slice(i, i + 8))) {
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
    const code = source.charCodeAt(i);
    if (code === 33 || code === 63) {
      // one "!" or "?" token per run: "!!!" and "!" say the same
      pendingSpace = true;
      push(source[i] as string, i);
      while (i < source.length && (source[i] === '!' || source[i] === '?')) i++;
      pendingSpace = true;
      continue;
    }
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      // a date, count or percentage says nothing about the side taken: "17 april" and "14 februari" alike
      push(code <= 57 ? '0' : (source[i] as string), i);
      i++;
      continue;
    }
    if (code < 128) {
      pendingSpace = true;
      i++;
      continue;
    }
    const ch = String.fromCodePoint(source.codePointAt(i) as number);
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
  return { text, from: from.subarray(0, text.length), to: to.subarray(0, text.length), tokenStarts };
}

/** One feature occurrence in a masked text: hash space, [start, end) in the masked text. */
export interface FeatureSpan {
  kind: 'w' | 'c';
  start: number;
  end: number;
}

/**
 * Per token: whether it lies within `window` tokens of a masked mention. Long posts talk about
 * many things; the words around the name are the ones that take a side on it.
 */
export function nearMention(m: MaskedText, window: number | undefined): Uint8Array | undefined {
  if (window === undefined) return undefined;
  const n = m.tokenStarts.length;
  const near = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    const s = m.tokenStarts[t] as number;
    if (m.text[s] !== MASK || (t + 1 < n ? (m.tokenStarts[t + 1] as number) - 1 : m.text.length) !== s + 1) continue;
    for (let k = Math.max(0, t - window); k <= Math.min(n - 1, t + window); k++) near[k] = 1;
  }
  return near;
}

/**
 * Clitics whose host is a feature of its own: "pokoknya", "dukunganku", "pilihlah" also count as
 * "pokok", "dukungan", "pilih", so a stance word learnt bare is known with a clitic and the other
 * way round. Hosts shorter than four letters are left alone ("aku", "kamu", "ilmu" are words).
 */
// a fixed subset of the morphology's clitics: the model's features were trained on exactly these
const FEATURE_CLITICS = ['nya', 'lah', 'kah', 'ku', 'mu'] as const satisfies ReadonlyArray<(typeof CLITICS)[number]>;
const MIN_HOST = 4;

/** End of the host word inside token [start, end) when the token ends with a clitic, else -1. */
export function cliticHostEnd(text: string, start: number, end: number): number {
  for (const c of FEATURE_CLITICS) {
    const host = end - c.length;
    if (host - start >= MIN_HOST && text.startsWith(c, host) && text[start] !== MASK) return host;
  }
  return -1;
}

/** Token end offsets from the start offsets (tokens are separated by one space). */
function tokenEnds(m: MaskedText): number[] {
  return m.tokenStarts.map((s, i) => (i + 1 < m.tokenStarts.length ? (m.tokenStarts[i + 1] as number) - 1 : m.text.length));
}

/**
 * Every feature occurrence of a masked text, in a fixed order. The training script turns them
 * into strings ("w:" / "c:" + the slice); the scorer hashes the same slices in place.
 */
export function forEachFeature(
  m: MaskedText,
  words: readonly [number, number],
  chars: readonly [number, number],
  visit: (kind: 'w' | 'c', start: number, end: number) => void,
  window?: number,
  cliticHosts = false,
  charScope?: 'word',
): void {
  const ends = tokenEnds(m);
  const near = nearMention(m, window);
  for (let t = 0; t < m.tokenStarts.length; t++) {
    for (let n = words[0]; n <= words[1] && t + n <= m.tokenStarts.length; n++) {
      if (near && near[t] !== 1 && near[t + n - 1] !== 1) continue;
      visit('w', m.tokenStarts[t] as number, ends[t + n - 1] as number);
      if (n === 1 && cliticHosts) {
        const host = cliticHostEnd(m.text, m.tokenStarts[t] as number, ends[t] as number);
        if (host > 0) visit('w', m.tokenStarts[t] as number, host);
      }
    }
  }
  // characters over " text ", so word edges are features too ("pilih" ends with "ih ")
  const padded = m.text.length;
  if (chars[1] === 0) return;
  if (charScope === 'word') {
    for (let t = 0; t < m.tokenStarts.length; t++) {
      const s = m.tokenStarts[t] as number;
      const e = ends[t] as number;
      if (!charWord(m.text, s, e) || (near && near[t] !== 1)) continue;
      for (let i = s - 1; i < e + 1; i++) for (let n = chars[0]; n <= chars[1] && i + n <= e + 1; n++) visit('c', i, i + n);
    }
    return;
  }
  for (let i = -1; i < padded; i++) {
    for (let n = chars[0]; n <= chars[1]; n++) {
      const end = i + n;
      if (end > padded + 1) break;
      visit('c', i, end);
    }
  }
}

/** Whether a token's characters are features: a word, not the mask, a lone emoji or "!"/"?". */
function charWord(text: string, start: number, end: number): boolean {
  return end - start >= 2 && text[start] !== MASK;
}

/** The padded slice a character feature covers (offsets may be -1 and length + 1: the pad spaces). */
export function featureText(m: MaskedText, kind: 'w' | 'c', start: number, end: number): string {
  if (kind === 'w') return `w:${m.text.slice(start, end)}`;
  const inner = m.text.slice(Math.max(0, start), Math.min(m.text.length, end));
  return `c:${start < 0 ? ' ' : ''}${inner}${end > m.text.length ? ' ' : ''}`;
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

/**
 * feature hash → weight, as an open-addressing table in typed arrays: 32-bit hashes are not
 * small integers to V8, so a Map would box every lookup key
 */
interface WeightTable {
  keys: Int32Array;
  used: Uint8Array;
  values: Float64Array;
  mask: number;
  /** the scoring round that last counted each feature: a feature counts once per text, without a Set per text */
  stamps: Uint32Array;
  size: number;
}

function weightTable(weights: Readonly<Record<string, number>>): WeightTable {
  const sums = new Map<number, number>();
  for (const [name, w] of Object.entries(weights)) {
    const h = hashFeatureName(name);
    sums.set(h, (sums.get(h) ?? 0) + w);
  }
  let capacity = 16;
  while (capacity < sums.size * 2) capacity *= 2;
  const t: WeightTable = { keys: new Int32Array(capacity), used: new Uint8Array(capacity), values: new Float64Array(capacity), mask: capacity - 1, stamps: new Uint32Array(capacity), size: sums.size };
  for (const [h, w] of sums) {
    let i = slotOf(t, h | 0);
    while (t.used[i] === 1) i = (i + 1) & t.mask;
    t.used[i] = 1;
    t.keys[i] = h | 0;
    t.values[i] = w;
  }
  return t;
}

function slotOf(t: WeightTable, key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 0 & t.mask;
}

/** The table slot of a hash, or -1 when the model has no such feature. */
function findSlot(t: WeightTable, h: number): number {
  const key = h | 0;
  for (let i = slotOf(t, key); t.used[i] === 1; i = (i + 1) & t.mask) if (t.keys[i] === key) return i;
  return -1;
}

export class StanceModel {
  readonly id: string;
  readonly threshold: number;
  private readonly bias: number;
  /** the file's weights by feature name, until the table is built from them */
  private readonly weights: Readonly<Record<string, number>>;
  /**
   * feature hash → weight, built when the model first scores: a pack restored from its cache makes
   * every model, and a scan whose items name no pair never asks one (hashing ~10,000 feature names
   * was 10–35 ms of each warm start)
   */
  private built: WeightTable | undefined;
  private round = 0;
  private readonly words: readonly [number, number];
  private readonly chars: readonly [number, number];
  private readonly window: number | undefined;
  private readonly cliticHosts: boolean;
  private readonly charScope: 'word' | undefined;
  private readonly inputs: ReadonlyArray<{ model: StanceModel; weight: number }>;

  /** `inputs` resolves the ids of the file's input models (see StanceModelFile.inputs). */
  constructor(file: StanceModelFile, inputs: ReadonlyMap<string, StanceModel> = new Map()) {
    this.id = file.id;
    this.threshold = file.threshold;
    this.bias = file.bias;
    this.words = file.word_ngrams;
    this.chars = file.char_ngrams;
    this.window = file.window;
    this.cliticHosts = file.clitic_hosts === true;
    this.charScope = file.char_scope;
    this.inputs = (file.inputs ?? []).map((i) => {
      const model = inputs.get(i.model);
      if (!model) throw new Error(`input model "${i.model}" is not loaded`);
      return { model, weight: i.weight };
    });
    this.weights = file.weights;
  }

  /** how many distinct feature hashes the model weighs */
  get size(): number {
    return this.table().size;
  }

  private table(): WeightTable {
    return (this.built ??= weightTable(this.weights));
  }

  /**
   * Score a masked text; the `topK` strongest positive word features come back for the
   * explanation. Hashes are extended character by character (the same values as
   * hashFeatureName over featureText), so no n-gram string is built.
   */
  score(m: MaskedText, topK = 3): StanceScore {
    const { z, top } = this.logit(m, topK);
    return { score: 1 / (1 + Math.exp(-z)), top };
  }

  /**
   * The log-odds and the strongest pushing word features; an input model's features count with
   * their weight times the input's, so a finding shows the praise the polarity scorer read.
   */
  logit(m: MaskedText, topK = 3): { z: number; top: StanceScore['top'] } {
    this.round = (this.round + 1) >>> 0 || 1;
    const text = m.text;
    const len = text.length;
    let sum = 0;
    let count = 0;
    const top: Array<{ start: number; end: number; weight: number }> = [];
    const table = this.table();
    const take = (h: number): number | undefined => {
      const i = findSlot(table, h);
      if (i < 0 || table.stamps[i] === this.round) return undefined;
      table.stamps[i] = this.round;
      const w = table.values[i] as number;
      sum += w;
      return w;
    };
    // words: token t, then t + " " + t+1, … up to the longest order
    const starts = m.tokenStarts;
    const near = nearMention(m, this.window);
    for (let t = 0; t < starts.length; t++) {
      let h = SEED.w;
      for (let n = 1; n <= this.words[1] && t + n <= starts.length; n++) {
        const s = starts[t + n - 1] as number;
        const e = t + n < starts.length ? (starts[t + n] as number) - 1 : len;
        if (n > 1) h = Math.imul(h ^ 32, FNV_PRIME) >>> 0;
        for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME) >>> 0;
        if (n < this.words[0]) continue;
        if (near && near[t] !== 1 && near[t + n - 1] !== 1) continue;
        count++;
        const w = take(h);
        const start = starts[t] as number;
        // the mask alone ("§") is in every scored text: it says nothing about this one
        if (w !== undefined && w > 0 && !(e - start === 1 && text[start] === MASK)) insertTop(top, { start, end: e, weight: w }, topK);
        if (n === 1 && this.cliticHosts) {
          const host = cliticHostEnd(text, start, e);
          if (host > 0) {
            count++;
            const hw = take(fnv(SEED.w, text, start, host));
            if (hw !== undefined && hw > 0) insertTop(top, { start, end: host, weight: hw }, topK);
          }
        }
      }
    }
    // characters inside each word near a mention: a word whose pieces push the score is shown whole
    if (this.charScope === 'word' && this.chars[1] > 0) {
      for (let t = 0; t < starts.length; t++) {
        const s = starts[t] as number;
        const e = t + 1 < starts.length ? (starts[t + 1] as number) - 1 : len;
        if (!charWord(text, s, e) || (near && near[t] !== 1)) continue;
        let push = 0;
        for (let i = s - 1; i < e + 1; i++) {
          let h = SEED.c;
          for (let n = 1; n <= this.chars[1] && i + n <= e + 1; n++) {
            const j = i + n - 1;
            h = Math.imul(h ^ (j < 0 || j >= len ? 32 : text.charCodeAt(j)), FNV_PRIME) >>> 0;
            if (n < this.chars[0]) continue;
            count++;
            push += take(h) ?? 0;
          }
        }
        if (push > 0) insertTop(top, { start: s, end: e, weight: push }, topK);
      }
    }
    // characters over " text ": each start extends its hash to the longest length
    for (let i = -1; i < len && this.chars[1] > 0 && this.charScope !== 'word'; i++) {
      let h = SEED.c;
      for (let n = 1; n <= this.chars[1]; n++) {
        const j = i + n - 1;
        if (j > len) break;
        h = Math.imul(h ^ (j < 0 || j >= len ? 32 : text.charCodeAt(j)), FNV_PRIME) >>> 0;
        if (n < this.chars[0]) continue;
        count++;
        take(h);
      }
    }
    let z = this.bias + (count > 0 ? sum / Math.sqrt(count) : 0);
    for (const input of this.inputs) {
      const inner = input.model.logit(m, topK);
      z += input.weight * inner.z;
      if (input.weight > 0) for (const f of inner.top) insertTop(top, { ...f, weight: f.weight * input.weight }, topK);
    }
    return { z, top };
  }
}

/** Exported for its test (test/rules/stance-model-top.test.ts). */
export function insertTop(top: Array<{ start: number; end: number; weight: number }>, f: { start: number; end: number; weight: number }, k: number): void {
  // the same n-gram pushed by the model and by an input model is shown once, at its larger push
  // `top` is kept in descending weight, ties in the order they came (as a stable sort after each
  // change leaves it): an entry is put in place, not the list sorted again (a sort per scored
  // n-gram was a heavy scan's largest source of sort garbage)
  const at = top.findIndex((t) => t.start === f.start && t.end === f.end);
  if (at >= 0) {
    const same = top[at] as { start: number; end: number; weight: number };
    if (f.weight <= same.weight) return;
    same.weight = f.weight;
    // moved up past the lighter entries before it, after the ones of its weight or more
    let i = at;
    while (i > 0 && (top[i - 1] as { weight: number }).weight < same.weight) {
      top[i] = top[i - 1] as { start: number; end: number; weight: number };
      i--;
    }
    top[i] = same;
    return;
  }
  if (top.length === k && (top[k - 1] as { weight: number }).weight >= f.weight) return;
  // after every entry of its weight or more
  let i = top.length;
  while (i > 0 && (top[i - 1] as { weight: number }).weight < f.weight) i--;
  top.splice(i, 0, f);
  if (top.length > k) top.pop();
}
