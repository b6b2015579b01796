// Indonesian social-media text → one canonical form for matching, with an offset map back to the
// original so every matched span points at the words the person actually wrote.
//
// Character pass: NFKC (stylised 𝐏𝐫𝐚𝐛𝐨𝐰𝐨 → prabowo), lower case, diacritics stripped, invisible
// characters dropped, keycaps 2️⃣ → token "02", emoji kept as their own tokens (skin tones and
// variation selectors removed), hashtags split at camel-case and letter/digit boundaries.
// Token pass: spaced-out letters joined ("p r a b o w o"), elongation squashed ("bangettt"),
// leetspeak undone inside words ("g4nj4r"), chat abbreviations expanded (yg → yang), number words
// after number cues turned into digits ("nomor dua" → "nomor 2").
import { SLANG, ajaProhibitive } from './slang.js';
import { numberWords } from './number-words.js';
import { reportedSpeechRanges, type SayVerbs } from './reported-speech.js';

export interface NormalisedText {
  readonly original: string;
  /** the canonical text matched against */
  readonly text: string;
  /** for each UTF-16 unit of `text`, the original range [start, end) it was derived from */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** 1 where the normalised character came from a #hashtag in the original */
  readonly inHashtag: Uint8Array;
  /** 1 where it came from a URL (http…, www.…, or a bare domain/path like kompas.com/read/…) */
  readonly inUrl: Uint8Array;
  /** 1 where it came from a quotation of four or more words ("…", “…”): someone else's words */
  readonly inQuote: Uint8Array;
}

/** Map a span of the normalised text back to the original text. */
export function toOriginal(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  if (end <= start || start >= n.text.length) return { start: 0, end: 0 };
  return { start: n.starts[start] ?? 0, end: n.ends[end - 1] ?? 0 };
}

/**
 * Collects output characters together with the original range each came from. Characters go into
 * a UTF-16 code-unit array and the offsets into typed arrays (doubling), reused from call to call:
 * no string concatenation and no object per character (speed); the string is made once, on demand.
 */
class MappedBuilder {
  private c: Uint16Array;
  private s: Int32Array;
  private e: Int32Array;
  private n = 0;
  /** the text so far, made on demand (undefined after a write) */
  private made: string | undefined;

  /**
   * capacity: the expected length (the original's), so most texts never grow the arrays. A
   * scratch set is reused from call to call (normalise is synchronous; build() copies out).
   */
  constructor(capacity: number, scratch: Scratch) {
    const size = Math.max(8, capacity);
    if (scratch.s.length < size) {
      scratch.c = new Uint16Array(size);
      scratch.s = new Int32Array(size);
      scratch.e = new Int32Array(size);
    }
    this.c = scratch.c;
    this.s = scratch.s;
    this.e = scratch.e;
    this.scratch = scratch;
  }
  private readonly scratch: Scratch;

  private grow(need: number): void {
    let size = this.s.length * 2;
    while (size < need) size *= 2;
    const c = new Uint16Array(size);
    c.set(this.c.subarray(0, this.n));
    const s = new Int32Array(size);
    s.set(this.s.subarray(0, this.n));
    const e = new Int32Array(size);
    e.set(this.e.subarray(0, this.n));
    this.c = this.scratch.c = c;
    this.s = this.scratch.s = s;
    this.e = this.scratch.e = e;
  }

  /** one UTF-16 code unit, mapped to [start, end) */
  pushCode(code: number, start: number, end: number): void {
    if (this.n + 1 > this.s.length) this.grow(this.n + 1);
    this.c[this.n] = code;
    this.s[this.n] = start;
    this.e[this.n] = end;
    this.n++;
    this.made = undefined;
  }

  push(str: string, start: number, end: number): void {
    const len = str.length;
    if (len === 0) return;
    if (len === 1) return this.pushCode(str.charCodeAt(0), start, end);
    const need = this.n + len;
    if (need > this.s.length) this.grow(need);
    for (let k = 0; k < len; k++) this.c[this.n + k] = str.charCodeAt(k);
    this.s.fill(start, this.n, need);
    this.e.fill(end, this.n, need);
    this.n = need;
    this.made = undefined;
  }

  /** units [from, from + len) of `src`, copied with their own original ranges */
  copy(len: number, src: MappedBuilder, from: number): void {
    if (len <= 0) return;
    const need = this.n + len;
    if (need > this.s.length) this.grow(need);
    // a word is a few units: a plain loop, not three subarray views per call (they were a GC cost)
    const { c, s, e } = this;
    for (let k = 0, at = this.n; k < len; k++, at++) {
      c[at] = src.c[from + k] as number;
      s[at] = src.s[from + k] as number;
      e[at] = src.e[from + k] as number;
    }
    this.n = need;
    this.made = undefined;
  }

  /** one space, never two in a row, never at the very start */
  space(start: number, end: number): void {
    if (this.n === 0 || this.c[this.n - 1] === 0x20) return;
    this.pushCode(0x20, start, end);
  }

  get length(): number {
    return this.n;
  }

  /** the whole text so far */
  toString(): string {
    this.made ??= unitsToString(this.c, this.n);
    return this.made;
  }
  codeAt(i: number): number {
    return this.c[i] as number;
  }
  startAt(i: number): number {
    return i >= 0 && i < this.n ? (this.s[i] as number) : 0;
  }
  endAt(i: number): number {
    return i >= 0 && i < this.n ? (this.e[i] as number) : 0;
  }

  build(original: string, say?: SayVerbs): NormalisedText {
    let n = this.n;
    while (n > 0 && this.c[n - 1] === 0x20) n--;
    // starts and ends are views of a slab shared by many texts (slabView), copied by a plain loop
    // (a subarray view of the scratch per copy was a GC cost)
    const starts = slabView(INT_SLABS, n) as Int32Array;
    const ends = slabView(INT_SLABS, n) as Int32Array;
    const { s, e } = this;
    for (let i = 0; i < n; i++) {
      starts[i] = s[i] as number;
      ends[i] = e[i] as number;
    }
    // most texts have no hashtag, URL or quotation: the masks are then one shared zero view (read only)
    const hashtags = hashtagRanges(original);
    const urls = urlRanges(original);
    const quotes = quotationRanges(original, say);
    const zero = hashtags.length === 0 || urls.length === 0 || quotes.length === 0 ? zeroMask(n) : undefined;
    return {
      original,
      text: unitsToString(this.c, n),
      starts,
      ends,
      inHashtag: hashtags.length === 0 ? (zero as Uint8Array) : maskOf(starts, hashtags, original.length),
      inUrl: urls.length === 0 ? (zero as Uint8Array) : maskOf(starts, urls, original.length),
      inQuote: quotes.length === 0 ? (zero as Uint8Array) : maskOf(starts, quotes, original.length),
    };
  }
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The first n code units as a string, exactly (lone surrogates kept): in slices, within the argument limit. */
function unitsToString(units: Uint16Array, n: number): string {
  // Node's UTF-16LE decoding copies the units as they are (no replacement of lone surrogates) and is
  // several times faster than String.fromCharCode.apply over a typed array; the units are in platform order
  if (LITTLE_ENDIAN) return Buffer.from(units.buffer, units.byteOffset, n * 2).toString('utf16le');
  if (n <= 4096) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let k = 0; k < n; k += 4096) out += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + 4096)) as unknown as number[]);
  return out;
}

interface Scratch {
  c: Uint16Array;
  s: Int32Array;
  e: Int32Array;
}
const CHARS_SCRATCH: Scratch = { c: new Uint16Array(256), s: new Int32Array(256), e: new Int32Array(256) };
const OUT_SCRATCH: Scratch = { c: new Uint16Array(256), s: new Int32Array(256), e: new Int32Array(256) };

const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/u;
const SKIN_TONE = /[\u{1f3fb}-\u{1f3ff}]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const COMBINING = /\p{M}/gu;
const KEYCAP = 0x20e3;
const DASH = /[\-\u2010-\u2015\u2212]/u;

/**
 * Typed arrays of many texts carved from one slab (speed only): a typed array of its own has a
 * backing store outside the heap, costly to allocate and to collect (a fifth of normalise's time
 * on short posts went to making them). A view keeps its slab alive, so a slab is small (256 KiB)
 * and only what a text keeps (its offsets and masks) is carved from it; a text too large for a
 * slab's eighth gets arrays of its own. Views are never written after build().
 */
interface Slabs {
  make: (length: number) => Int32Array | Uint8Array;
  slab: Int32Array | Uint8Array;
  used: number;
}
const SLAB_ELEMENTS = 1 << 16;
const INT_SLABS: Slabs = { make: (n) => new Int32Array(n), slab: new Int32Array(0), used: 0 };
const BYTE_SLABS: Slabs = { make: (n) => new Uint8Array(n), slab: new Uint8Array(0), used: 0 };
function slabView(slabs: Slabs, length: number): Int32Array | Uint8Array {
  if (length > SLAB_ELEMENTS >> 3) return slabs.make(length);
  if (slabs.used + length > slabs.slab.length) {
    slabs.slab = slabs.make(SLAB_ELEMENTS);
    slabs.used = 0;
  }
  const view = slabs.slab.subarray(slabs.used, slabs.used + length);
  slabs.used += length;
  return view;
}

/** which original offsets a mask's ranges cover, reused from text to text (maskOf clears what it set) */
let COVERED = new Uint8Array(1024);

/** Per normalised character: does its original position fall inside one of the ranges? One pass, any number of ranges. */
function maskOf(starts: Int32Array, ranges: Array<[number, number]>, originalLength: number): Uint8Array {
  // most texts have no hashtag, URL or quotation: a view of one shared zero buffer, not a new one per text
  // (a typed array's backing store is costly to allocate and to collect; the masks are only read)
  if (ranges.length === 0) return zeroMask(starts.length);
  const mask = slabView(BYTE_SLABS, starts.length) as Uint8Array;
  if (COVERED.length < originalLength + 1) COVERED = new Uint8Array(Math.max(originalLength + 1, COVERED.length * 2));
  const covered = COVERED;
  for (const [a, b] of ranges) covered.fill(1, Math.max(0, a), Math.min(b, originalLength));
  for (let i = 0; i < starts.length; i++) mask[i] = covered[starts[i] ?? 0] ?? 0;
  for (const [a, b] of ranges) covered.fill(0, Math.max(0, a), Math.min(b, originalLength));
  return mask;
}

let ZERO_MASK = new Uint8Array(1024);
function zeroMask(length: number): Uint8Array {
  if (ZERO_MASK.length < length) ZERO_MASK = new Uint8Array(Math.max(length, ZERO_MASK.length * 2));
  return ZERO_MASK.subarray(0, length);
}

const HASHTAG_RE = /(^|[^\p{L}\p{N}_&])(#[\p{L}\p{N}_]+)/gu;
const URL_RE = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.id|id|net|org|go\.id|ac\.id|ly|gl|it|me|tv|news|info)(?:\/\S*)?/giu;

/** Every URL_RE match contains one of these: a text without any has no URL (speed only). */
const URL_HINT = /https?:\/\/|www\.|\.(?:com|co\.id|id|net|org|go\.id|ac\.id|ly|gl|it|me|tv|news|info)/i;

function hashtagRanges(original: string): Array<[number, number]> {
  if (!original.includes('#')) return [];
  return [...original.matchAll(HASHTAG_RE)].map((m) => {
    const start = (m.index ?? 0) + (m[1] ?? '').length;
    return [start, start + (m[2] ?? '').length];
  });
}

function urlRanges(original: string): Array<[number, number]> {
  if (!URL_HINT.test(original)) return [];
  return [...original.matchAll(URL_RE)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/**
 * Quotations of four or more words: straight quotes paired in order, curly and guillemet quotes by
 * their open/close forms. Shorter quoted runs are scare quotes ('si "pemimpin sejati"') — the
 * writer's own sneer — and stay unmasked, unless a verb of saying or a colon introduces them.
 */
const QUOTE_HINT = /["“«]/;
export function quotationRanges(original: string, say?: SayVerbs): Array<[number, number]> {
  // words reported as someone else's without four quoted words (src/text/reported-speech.ts)
  const out = reportedSpeechRanges(original, say);
  if (!QUOTE_HINT.test(original)) return out;
  // a straight quote right after a letter or digit is a ditto mark or a chat plural ('kita"',
  // 'ulama"' for kita-kita, ulama-ulama), never an opening quote: it pairs with nothing
  for (const m of original.matchAll(/(?<![\p{L}\p{N}])"([^"\n]*)"|“([^”\n]*)”|«([^»\n]*)»/gu)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    if (inner.trim().split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length >= 4) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return out;
}

/** Character pass: returns the builder over the original text. */
function characterPass(original: string): MappedBuilder {
  const out = new MappedBuilder(original.length + 4, CHARS_SCRATCH);
  const hashtagBreaks = hashtagSplitPoints(original);
  const substitutions = substitutionsOf(original);
  // speed only: a plain ASCII character other than a digit (keycaps) or '#', where no substitution
  // starts and no hashtag breaks, is emitted directly, as emitChar's own ASCII path would
  const plain = substitutions.size === 0 && hashtagBreaks.size === 0;
  let i = 0;
  while (i < original.length) {
    {
      const cp = original.charCodeAt(i);
      if (cp < 0x80 && (cp < 0x30 || cp > 0x39) && cp !== 0x23 && (plain || (!substitutions.has(i) && !hashtagBreaks.has(i)))) {
        if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x2d) out.space(i, i + 1);
        else out.pushCode(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp, i, i + 1);
        i++;
        continue;
      }
    }
    const sub = substitutions.get(i);
    if (sub) {
      // repaired mojibake or an emoji written as its name: the replacement maps to the whole run
      for (const ch of sub.text) emitChar(out, ch, i, sub.end);
      i = sub.end;
      continue;
    }
    const cp = original.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + len);

    // keycap: digit (+ FE0F) + U+20E3 → number token "0d" (the Pilpres house style "02")
    if (cp >= 0x30 && cp <= 0x39) {
      let j = i + 1;
      if (original.charCodeAt(j) === 0xfe0f) j++;
      if (original.charCodeAt(j) === KEYCAP) {
        out.space(i, j + 1);
        out.push(`0${ch}`, i, j + 1);
        out.push(' ', i, j + 1);
        i = j + 1;
        continue;
      }
    }
    if (hashtagBreaks.has(i)) out.space(i, i);
    if (ch === '#' && hashtagBreaks.has(i + 1)) {
      // the hashtag sign itself becomes a word break; the words of the tag are matched as words
      out.space(i, i + 1);
      i += len;
      continue;
    }
    emitChar(out, ch, i, i + len);
    i += len;
  }
  return out;
}

/** One character of the original (or of a substitution) into the builder, mapped to [start, end). */
function emitChar(out: MappedBuilder, ch: string, start: number, end: number): void {
  const cp = ch.codePointAt(0) as number;
  // ASCII fast path (most of the text): whitespace and '-' separate words, letters fold to lower
  // case; NFKC, diacritics, emoji and invisible characters cannot occur below U+0080
  if (cp < 0x80 && ch.length === 1) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x2d) out.space(start, end);
    else out.pushCode(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp, start, end);
    return;
  }
  if (INVISIBLE.test(ch) || SKIN_TONE.test(ch) || cp === KEYCAP || cp === 0x200d) return;
  if (/\s/u.test(ch) || DASH.test(ch)) {
    // "Prabowo-Gibran", "Budi–Dewi": a dash between names separates words like a space
    out.space(start, end);
    return;
  }
  if (PICTOGRAPHIC.test(ch)) {
    // emoji are tokens of their own: "coblos✌️" must still see the hand sign
    out.space(start, end);
    out.push(ch.normalize('NFC'), start, end);
    out.push(' ', start, end);
    return;
  }
  const folded = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(COMBINING, '');
  for (const f of folded) {
    if (/\s/u.test(f)) out.space(start, end);
    else out.push(f, start, end);
  }
}

// ── substitutions: mojibake runs and emoji names ────────────────────────────────────────────────

/** windows-1252's printable 0x80–0x9F characters → their byte (the rest of 0x00–0xFF maps to itself). */
const CP1252_BYTES: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b,
  'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99,
  'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function byteOf(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  return c <= 0xff ? c : CP1252_BYTES[ch];
}

/**
 * UTF-8 that was decoded as windows-1252 or latin-1 and saved again ("ðŸ˜‚" for 😂, "â€œ" for “):
 * common in scraped and re-exported data. Each run that decodes as strict UTF-8 is replaced.
 */
function mojibakeRuns(original: string): Array<{ start: number; end: number; text: string }> {
  const runs: Array<{ start: number; end: number; text: string }> = [];
  for (let i = 0; i < original.length; i++) {
    const lead = byteOf(original[i] as string);
    if (lead === undefined || lead < 0xc2 || lead > 0xf4) continue;
    const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
    const bytes = [lead];
    for (let k = 1; k <= need; k++) {
      const b = byteOf(original[i + k] ?? '');
      if (b === undefined || b < 0x80 || b > 0xbf) break;
      bytes.push(b);
    }
    if (bytes.length !== need + 1) continue;
    try {
      runs.push({ start: i, end: i + need + 1, text: STRICT_UTF8.decode(Uint8Array.from(bytes)) });
      i += need;
    } catch {
      // not UTF-8 after all: leave the characters as they are
    }
  }
  return runs;
}

/**
 * Emoji some tools write out by name ("<Victory Hand>", ":thumbs_up:"): every emoji a rule or
 * exception of the pack reads (hand signs, laughter and mockery, praise, grief, disgust, prayer),
 * so a post reads the same whichever way its exporter wrote them. Names are the Unicode CLDR
 * short names, the older Unicode 6 names the DKI 2017 corpus converter wrote ("Smiling Face With
 * Open Mouth & Smiling Eyes", "&" for "and") and that converter's own misspellings ("grining face
 * with smile eye", "stuck-out tounges"), and the :shortcodes: of chat exports. test/text/emoji-names.test.ts
 * fails when a rule reads an emoji this table cannot name.
 */
export const EMOJI_NAMES: Readonly<Record<string, string>> = {
  'victory hand': '✌', v: '✌', 'index pointing up': '☝', point_up: '☝', 'love you gesture': '🤟', 'love-you gesture': '🤟',
  'sign of the horns': '🤘', metal: '🤘', 'thumbs up': '👍', thumbsup: '👍', '+1': '👍', 'thumbs down': '👎', thumbsdown: '👎',
  'ok hand': '👌', 'clapping hands': '👏', clap: '👏', 'flexed biceps': '💪', muscle: '💪', 'raised fist': '✊', fist: '✊',
  'red heart': '❤', heart: '❤', 'face with tears of joy': '😂', joy: '😂', 'rolling on the floor laughing': '🤣', rofl: '🤣',
  'cat face with tears of joy': '😹', joy_cat: '😹', 'grinning squinting face': '😆', laughing: '😆',
  'smiling face with open mouth & tightly-closed eyes': '😆', 'smiling face with open mouth & closed eyes': '😆',
  'smiling face with heart-eyes': '😍', 'smiling face with heart eyes': '😍', heart_eyes: '😍',
  'smiling face with heart-shaped eyes': '😍', 'smiling face with hearts': '🥰',
  // laughter, mockery and contempt
  'face with rolling eyes': '🙄', roll_eyes: '🙄', 'clown face': '🤡', clown: '🤡', 'smirking face': '😏', smirk: '😏',
  'face with stuck-out tongue': '😛', 'face with tongue': '😛', 'face with stuck-out tounges': '😛', stuck_out_tongue: '😛',
  'face with stuck-out tongue & closed eyes': '😝', 'face with stuck-out tongue and tightly-closed eyes': '😝', 'squinting face with tongue': '😝',
  'face with stuck-out tongue & winking eye': '😜', 'face with stuck-out tongue and winking eye': '😜', 'winking face with tongue': '😜',
  'grinning face with smiling eyes': '😁', 'beaming face with smiling eyes': '😁', 'grining face with smile eye': '😁', grin: '😁',
  'smiling face with open mouth & smiling eyes': '😄', 'smiling face with open mouth and smiling eyes': '😄', smile: '😄',
  'smiling face with sunglasses': '😎', sunglasses: '😎', 'winking face': '😉', wink: '😉', 'grimacing face': '😬',
  'upside-down face': '🙃', 'upside down face': '🙃', 'unamused face': '😒', unamused: '😒', 'person facepalming': '🤦',
  'face palm': '🤦', facepalm: '🤦', skull: '💀', 'face with hand over mouth': '🤭', 'smiling face with smiling eyes and hand covering mouth': '🤭',
  hand_over_mouth: '🤭', 'middle finger': '🖕', 'reversed hand with middle finger extended': '🖕', fu: '🖕',
  // disgust and anger
  'face vomiting': '🤮', 'pile of poo': '💩', poop: '💩', 'pouting face': '😡', rage: '😡', 'angry face': '😠', angry: '😠',
  'face with steam from nose': '😤', 'face with look of triumph': '😤', triumph: '😤', 'face with symbols on mouth': '🤬',
  'serious face with symbol of cursing': '🤬', cursing_face: '🤬',
  // grief
  'loudly crying face': '😭', sob: '😭', 'crying face': '😢', cry: '😢', 'slightly frowning face': '🙁', 'frowning face': '☹',
  'pensive face': '😔',
  // praise, prayer and celebration
  fire: '🔥', 'folded hands': '🙏', pray: '🙏', 'palms up together': '🤲', 'raising hands': '🙌',
  'person raising both hands in celebration': '🙌', 'party popper': '🎉', tada: '🎉', 'partying face': '🥳',
  'confetti ball': '🎊', confetti_ball: '🎊', sparkles: '✨', 'sheaf of rice': '🌾', 'ear of rice': '🌾', ear_of_rice: '🌾',
  'face holding back tears': '🥹', 'woman dancing': '💃', dancer: '💃', 'man dancing': '🕺', man_dancing: '🕺',
  // hands and things a rally or sticker post shows (read by the stance model)
  'backhand index pointing up': '👆', 'white up pointing backhand index': '👆', point_up_2: '👆',
  'hand with fingers splayed': '🖐', 'raised hand with fingers splayed': '🖐', automobile: '🚗', car: '🚗',
  'movie camera': '🎥', movie_camera: '🎥',
  // the hearts of every colour (a camp's colour, or affection beside the red one)
  'orange heart': '🧡', 'yellow heart': '💛', 'green heart': '💚', 'blue heart': '💙', 'purple heart': '💜',
  'brown heart': '🤎', 'black heart': '🖤', 'white heart': '🤍',
};
const EMOJI_NAME_RE = /<([A-Za-z][A-Za-z '&+-]{1,52})>|:([a-z0-9_+-]{1,30}):/g;

function emojiNameRuns(original: string): Array<{ start: number; end: number; text: string }> {
  const runs: Array<{ start: number; end: number; text: string }> = [];
  for (const m of original.matchAll(EMOJI_NAME_RE)) {
    const name = (m[1] ?? m[2] ?? '').toLowerCase().replace(/_/g, ' ').trim();
    const emoji = EMOJI_NAMES[name] ?? EMOJI_NAMES[name.replace(/ /g, '_')];
    if (emoji) runs.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: emoji });
  }
  return runs;
}

/** the answer for a text with neither (read only: a Map per text was a GC cost) */
const NO_SUBSTITUTIONS: ReadonlyMap<number, { end: number; text: string }> = new Map();

function substitutionsOf(original: string): ReadonlyMap<number, { end: number; text: string }> {
  // cheap tests first: most texts have neither
  const mojibake = /[\u00c2-\u00f4]/.test(original);
  const names = /[<:]/.test(original);
  if (!mojibake && !names) return NO_SUBSTITUTIONS;
  const map = new Map<number, { end: number; text: string }>();
  if (mojibake) for (const r of mojibakeRuns(original)) map.set(r.start, r);
  if (names) for (const r of emojiNameRuns(original)) if (!map.has(r.start)) map.set(r.start, r);
  return map;
}

const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const LETTER = 8;
const UPPER_RE = /\p{Lu}/u;
const LOWER_RE = /\p{Ll}/u;
const NUMBER_RE = /\p{N}/u;
const LETTER_RE = /\p{L}/u;

/** A code point's classes for hashtag splitting: \p{Lu}, \p{Ll}, \p{N}, \p{L} (ASCII without a regex). */
function charClass(cp: number): number {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return UPPER | LETTER;
    if (cp >= 0x61 && cp <= 0x7a) return LOWER | LETTER;
    return cp >= 0x30 && cp <= 0x39 ? DIGIT : 0;
  }
  const ch = String.fromCodePoint(cp);
  return (UPPER_RE.test(ch) ? UPPER : 0) | (LOWER_RE.test(ch) ? LOWER : 0) | (NUMBER_RE.test(ch) ? DIGIT : 0) | (LETTER_RE.test(ch) ? LETTER : 0);
}

/**
 * Offsets in `original` where a hashtag's words split: the tag start (after '#'), lower→Upper
 * ("PrabowoGibran"), letter↔digit ("Gibran2024", "01Indonesia") and Upper-run→Upper+lower
 * ("ASNNetral" → ASN Netral).
 */
/** the answer for a text without '#' (read only) */
const NO_SPLIT_POINTS: ReadonlySet<number> = new Set();

function hashtagSplitPoints(original: string): ReadonlySet<number> {
  if (!original.includes('#')) return NO_SPLIT_POINTS;
  const points = new Set<number>();
  const re = /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
  for (const m of original.matchAll(re)) {
    const tagStart = (m.index ?? 0) + (m[1] ?? '').length + 1;
    const tag = m[2] ?? '';
    points.add(tagStart);
    // per code point: its class bits (ASCII by comparison, the rest by the same Unicode tests as before)
    let prev = -1;
    let offset = tagStart;
    let k = 0;
    let cur = tag.codePointAt(0) as number;
    let curClass = charClass(cur);
    while (k < tag.length) {
      const len = cur > 0xffff ? 2 : 1;
      const nextCp = tag.codePointAt(k + len);
      const nextClass = nextCp === undefined ? -1 : charClass(nextCp);
      if (prev !== -1) {
        if (
          (prev & LOWER && curClass & UPPER) ||
          (prev & LETTER && curClass & DIGIT) ||
          (prev & DIGIT && curClass & LETTER) ||
          (prev & UPPER && curClass & UPPER && nextClass !== -1 && nextClass & LOWER) ||
          cur === 0x5f
        ) {
          points.add(offset);
        }
      }
      offset += len;
      k += len;
      prev = curClass;
      cur = nextCp as number;
      curClass = nextClass;
    }
  }
  return points;
}

interface Token {
  /** index range in the character-pass output */
  from: number;
  to: number;
  text: string;
}

// The ballot-number words are read through numberWords() (number-words.ts, rules/text/bilangan.json):
// only nouns that announce a ballot number are number cues ("coblos satu kali" must stay words);
// after a ballot cue ("coblos", "pokoknya") a spelled numeral names a pair's number only when it
// closes its clause ("coblos telu 😉"; closesClause), which a clause tail ("wae", "ya", "kang")
// still does.

// as a Map: a word is looked up once per token, and a plain object's keyed lookup of a fresh string is slow
// (and would answer "constructor" with Object's own member)
const SLANG_MAP: ReadonlyMap<string, string> = new Map(Object.entries(SLANG));
/** The digit a number word of Indonesian or a regional language stands for ("tilu" → "3"), or undefined. */
export function numberWordValue(word: string): string | undefined {
  return numberWords().digits.get(word);
}
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

/**
 * Normalise a text for matching. Deterministic and pure; the same term normalises the same way.
 * `say`: the verbs of saying that mark reported speech (the rule pack's, reported-speech.ts sayVerbs);
 * without them a quotation after a verb of saying is masked only from four words up.
 */
export function normalise(original: string, say?: SayVerbs): NormalisedText {
  const chars = characterPass(original);
  const src = chars.toString();
  const tokens = TOKENS;
  const count = wordTokens(src, tokens);
  const out = new MappedBuilder(chars.length + 4, OUT_SCRATCH);
  let cursor = 0;
  let previousWord = '';
  for (let t = 0; t < count; t++) {
    const tok = tokens[t] as Token;
    // spaced-out letters: ≥ 4 single letters separated by single spaces → one word
    const run = spacedRun(tokens, count, t, src);
    if (numberWords().numberCues.has(previousWord) && /^\.\s*$/.test(src.slice(cursor, tok.from)) && /^\d/.test(tok.text)) {
      out.space(chars.startAt(cursor), chars.endAt(tok.from - 1)); // "no.3" reads as "nomor 3"
    } else {
      copyGap(chars, cursor, tok.from, out);
    }
    if (run > 0) {
      const last = tokens[t + run - 1] as Token;
      for (let k = t; k < t + run; k++) {
        const piece = tokens[k] as Token;
        out.push(piece.text, chars.startAt(piece.from), chars.endAt(piece.to - 1));
      }
      previousWord = tokens.slice(t, t + run).map((x) => x.text).join('');
      cursor = last.to;
      t += run - 1;
      continue;
    }
    if (ordinalMarkerAt(src, tokens, count, t, previousWord)) {
      cursor = tok.to;
      continue;
    }
    if (tok.text === 'aja' && ajaAt(src, tokens, count, t, cursor)) {
      out.push('jangan', chars.startAt(tok.from), chars.endAt(tok.to - 1));
      previousWord = 'jangan';
      cursor = tok.to;
      continue;
    }
    previousWord = emitWord(chars, tok, previousWord, out, t + 1 < count ? (tokens[t + 1] as Token).text : undefined, t > 0 && closesClause(src, tokens, count, t, previousWord));
    cursor = tok.to;
  }
  copyGap(chars, cursor, chars.length, out);
  return out.build(original, say);
}

/** Is token t, the word "aja" after the previous token's end `cursor`, the Javanese "don't" (slang.ts ajaProhibitive)? */
function ajaAt(src: string, tokens: readonly Token[], count: number, t: number, cursor: number): boolean {
  const tok = tokens[t] as Token;
  const next = t + 1 < count ? (tokens[t + 1] as Token) : undefined;
  return ajaProhibitive(src.slice(cursor, tok.from), t === 0, next ? src.slice(tok.to, next.from) : '', next?.text, numberWords().clauseTails);
}

/**
 * Is token t an ordinal marker between a number cue and a number ("nomor ke-2", "paslon ka-3",
 * "nomer kaping 2": numberWords().ordinalMarkers), to be dropped so the number meets the cue
 * ("nomor 2")? The number is digits or a number word right after it, with only spaces between
 * (the character pass made the hyphen one).
 */
function ordinalMarkerAt(src: string, tokens: readonly Token[], count: number, t: number, previousWord: string): boolean {
  const words = numberWords();
  const tok = tokens[t] as Token;
  if (!words.ordinalMarkers.has(tok.text) || !words.ordinalCues.has(previousWord) || t + 1 >= count) return false;
  const next = tokens[t + 1] as Token;
  return /^\s+$/.test(src.slice(tok.to, next.from)) && (/^\d{1,2}$/.test(next.text) || words.digits.has(next.text) || words.ordinals.has(next.text));
}

/**
 * The token objects normalise reuses from text to text (speed only: an object per word of every
 * text was a tenth of a scan's allocation); normalise never runs inside itself, and only
 * tokens[0, count) are the current text's.
 */
const TOKENS: Token[] = [];
function setToken(tokens: Token[], n: number, from: number, to: number, text: string): void {
  const tok = tokens[n];
  if (tok === undefined) tokens.push({ from, to, text });
  else {
    tok.from = from;
    tok.to = to;
    tok.text = text;
  }
}

/** Maximal runs of letters and digits (what /[\p{L}\p{N}]+/gu finds), by table lookup instead of a regex, into `tokens`: their count. */
function wordTokens(src: string, tokens: Token[]): number {
  let n = 0;
  let from = -1;
  for (let i = 0; i < src.length; ) {
    const cp = src.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    if (isWordCodePoint(cp)) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      setToken(tokens, n++, from, i, src.slice(from, i));
      from = -1;
    }
    i += len;
  }
  if (from >= 0) setToken(tokens, n++, from, src.length, src.slice(from));
  return n;
}

/** Copy non-word characters between tokens (punctuation, emoji, spaces) as they are. */
function copyGap(chars: MappedBuilder, from: number, to: number, out: MappedBuilder): void {
  for (let i = from; i < to; i++) {
    const c = chars.codeAt(i);
    if (c === 0x20) out.space(chars.startAt(i), chars.endAt(i));
    else out.pushCode(c, chars.startAt(i), chars.endAt(i));
  }
}

/** Length of a run of ≥ 4 single-letter tokens separated by exactly one space, else 0. */
function spacedRun(tokens: Token[], count: number, t: number, src: string): number {
  let k = t;
  while (k < count) {
    const tok = tokens[k] as Token;
    if (tok.to - tok.from !== 1 || !/\p{L}/u.test(tok.text)) break;
    const next = k + 1 < count ? tokens[k + 1] : undefined;
    k++;
    if (!next || next.from !== tok.to + 1 || src[tok.to] !== ' ') break;
  }
  const n = k - t;
  return n >= 4 ? n : 0;
}

/**
 * A slang word's standard form, or a number word's digit after a number cue ("nomor dua" → 2) or,
 * closing its clause, after a ballot cue ("coblos telu 😉" → 3; numberWords().ballotCues).
 */
function wholeWordReplacement(word: string, previousWord: string, closes = false): string | undefined {
  const slang = SLANG_MAP.get(word);
  if (slang !== undefined) return slang;
  // an ordinal closing its clause after a number cue of the ordinals ("paslon kedua ya", "nomer
  // kapindho": ordinalCues, not "debat capres ketiga"); not after a ballot verb ("coblos pindho"
  // is voting twice), nor after a relative ("milih nu kadua")
  const ordinal = numberWords().ordinals.get(word);
  if (ordinal !== undefined) return closes && numberWords().ordinalCues.has(previousWord) ? ordinal : undefined;
  const digit = numberWords().digits.get(word);
  if (digit === undefined) return undefined;
  if (numberWords().numberCues.has(previousWord)) return digit;
  // "one" is also how many to punch ("Coblos satu, lipat, masukkan kotak", "coblos hiji wae"): the
  // voter education of a valid ballot, in every language, so only two and up
  return closes && digit !== '1' && numberWords().ballotCues.has(previousWord) ? digit : undefined;
}

/**
 * Token t closes its clause: nothing follows, or punctuation or an emoji comes before the next
 * word, or the next word is a clause tail (numberWords().clauseTails). Only asked
 * of a number word after a ballot cue, or an ordinal after a number cue (`previousWord`,
 * the word emitted before it: "nomer" was written "nomor").
 */
function closesClause(src: string, tokens: readonly Token[], count: number, t: number, previousWord = ''): boolean {
  const tok = tokens[t] as Token;
  const words = numberWords();
  const ballotDigit = words.ballotCues.has(tokens[t - 1]?.text ?? '') && words.digits.has(tok.text);
  // an ordinal after a number cue as emitted ("nomer kedua": the slang is read)
  const ordinal = words.ordinals.has(tok.text) && words.ordinalCues.has(previousWord);
  if (!ballotDigit && !ordinal) return false;
  const next = t + 1 < count ? (tokens[t + 1] as Token) : undefined;
  if (next === undefined) return true;
  const gap = src.slice(tok.to, next.from);
  // a hyphen joins a reduplication ("coblos dua-duanya"), it closes nothing
  if (/\S/.test(gap) && !/^\s*-\s*$/.test(gap)) return true;
  return numberWords().clauseTails.has(next.text);
}

/**
 * The Sundanese superlative pang-X-na ("nu pangpinterna", "pang tandesna": the cleverest, the
 * sharpest) read as Indonesian "paling X" (Müller-Gotama, "Sundanese", 2001: the superlative is the
 * confix pang-…-na on an adjective; NusaX's lexicon glosses "terbesar" as "pang ageungna").
 * Written apart, "pang" before a word ending in -na is the superlative (the benefactive "pang"
 * takes a verb in -keun); written as one word, pang- also makes nouns ("pangaruhna": its influence,
 * "pangalamanna"), so the one-word form is read only after the relative "nu"/"anu" ("the one
 * who is most …"). The -na the adjective keeps is the clitic the matcher reads anyway.
 * Returns the root of a one-word form to emit after "paling", "" for a separate "pang", or undefined.
 */
function sundaneseSuperlative(word: string, previousWord: string, nextWord: string | undefined): string | undefined {
  if (word === 'pang') return nextWord !== undefined && nextWord.length >= 5 && nextWord.toLowerCase().endsWith('na') ? '' : undefined;
  if ((previousWord === 'nu' || previousWord === 'anu') && word.length >= 9 && word.startsWith('pang') && word.endsWith('na')) return word.slice(4, -2);
  return undefined;
}

/** Emit one word with elongation, leetspeak, slang and number-word handling. Returns the emitted word. */
function emitWord(chars: MappedBuilder, tok: Token, previousWord: string, out: MappedBuilder, nextWord?: string, closes = false): string {
  const fromOrig = chars.startAt(tok.from);
  const toOrig = chars.endAt(tok.to - 1);
  let squashed: Letter[];
  let word: string;
  if (isPlainAsciiWord(tok.text)) {
    // fast path (speed only): a-z without a run of three has no leetspeak and no elongation
    word = tok.text;
    const whole = wholeWordReplacement(word, previousWord, closes);
    if (whole !== undefined) {
      out.push(whole, fromOrig, toOrig);
      return whole;
    }
    const superlative = sundaneseSuperlative(word, previousWord, nextWord);
    if (superlative === '') {
      out.push('paling', fromOrig, toOrig);
      return 'paling';
    }
    if (superlative !== undefined) {
      // "pangasakna" → "paling asak": the prefix maps to "paling", the root keeps its own letters
      out.push('paling', fromOrig, chars.endAt(tok.from + 3));
      out.space(chars.startAt(tok.from + 4), chars.startAt(tok.from + 4));
      out.copy(superlative.length, chars, tok.from + 4);
      return superlative;
    }
    out.copy(word.length, chars, tok.from);
    return word;
  } else {
    // 1. undo leetspeak char by char, keeping each char's origin
    const raw = [...tok.text];
    const deleet = hasInteriorLeet(raw);
    const letters: Letter[] = [];
    let unit = tok.from;
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k] as string;
      const s = chars.startAt(unit);
      const e = chars.endAt(unit + c.length - 1);
      unit += c.length;
      const leet = LEET[c];
      letters.push({ c: deleet && leet !== undefined && isLeetPosition(raw, k) ? leet : c, s, e });
    }
    // 2. a run of ≥ 3 identical letters is elongation ("bangettt" → "banget"); "aamiin" keeps its pairs
    squashed = squashElongation(letters);
    word = squashed.map((l) => l.c).join('');
  }
  // 3. whole-word replacements map to the whole original word
  const whole = wholeWordReplacement(word, previousWord, closes);
  if (whole !== undefined) {
    out.push(whole, fromOrig, toOrig);
    return whole;
  }
  for (const l of squashed) out.push(l.c, l.s, l.e);
  return word;
}

/** Only a-z, and no letter three times in a row (what emitWord's fast path may take). */
function isPlainAsciiWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) return false;
    if (i >= 2 && c === text.charCodeAt(i - 1) && c === text.charCodeAt(i - 2)) return false;
  }
  return true;
}

interface Letter {
  c: string;
  s: number;
  e: number;
}

function squashElongation(letters: Letter[]): Letter[] {
  const out: Letter[] = [];
  let k = 0;
  while (k < letters.length) {
    const first = letters[k] as Letter;
    let j = k + 1;
    while (j < letters.length && (letters[j] as Letter).c === first.c) j++;
    const runLength = j - k;
    if (runLength >= 3 && /\p{L}/u.test(first.c)) {
      out.push({ c: first.c, s: first.s, e: (letters[j - 1] as Letter).e });
    } else {
      for (let m = k; m < j; m++) out.push(letters[m] as Letter);
    }
    k = j;
  }
  return out;
}

/** A word like "g4nj4r" or "pr4b0w0": a leet digit sits between two letters somewhere inside. */
function hasInteriorLeet(chars: string[]): boolean {
  for (let k = 1; k < chars.length - 1; k++) {
    const c = chars[k] as string;
    if (LEET[c] !== undefined && /\p{L}/u.test(chars[k - 1] as string) && /\p{L}/u.test(chars[k + 1] as string)) return true;
  }
  return false;
}

function isLeetPosition(chars: string[], k: number): boolean {
  const isLetterOrLeet = (x: string | undefined) => x !== undefined && (/\p{L}/u.test(x) || LEET[x] !== undefined);
  const before = chars[k - 1];
  const after = chars[k + 1];
  // inside the word, or at its end right after a letter ("pr4b0w0")
  return (isLetterOrLeet(before) && isLetterOrLeet(after)) || (before !== undefined && /\p{L}/u.test(before) && after === undefined);
}

/**
 * Is the code point around a UTF-16 offset a letter or digit? A table for the BMP (built once),
 * the regex for astral code points: word boundaries cost O(1) per hit, whatever the text's length.
 */
const WORD_CHAR_BMP: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) table[c] = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/** A BMP code unit that is not a surrogate: is it a letter or digit? (the table isWordCodePoint reads) */
export function isWordUnit(c: number): boolean {
  return WORD_CHAR_BMP[c] === 1;
}

function isWordCodePoint(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return cp < 0x10000 ? WORD_CHAR_BMP[cp] === 1 : LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
}

/** The code point that ends just before `offset` (a surrogate pair read whole). */
function codePointBefore(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** A match starting here does not start in the middle of a word (an emoji or sign may touch letters). */
export function startsWord(text: string, start: number): boolean {
  const before = codePointBefore(text, start);
  const first = start < text.length ? text.codePointAt(start) : undefined;
  return before === undefined || !isWordCodePoint(before) || (first !== undefined && !isWordCodePoint(first));
}

/** A match ending here does not end in the middle of a word. */
export function endsWord(text: string, end: number): boolean {
  const after = end < text.length ? text.codePointAt(end) : undefined;
  const last = codePointBefore(text, end);
  return after === undefined || !isWordCodePoint(after) || (last !== undefined && !isWordCodePoint(last));
}

/** Token boundary test on normalised text: a match must not cut a word in half. */
export function isWordBoundary(text: string, start: number, end: number): boolean {
  return startsWord(text, start) && endsWord(text, end);
}

// ── the normalised text alone ────────────────────────────────────────────────────────────────────
// What the clean-item gate (rules/clean-gate.ts) reads: normalise(original).text, made without the
// offset maps, the hashtag/URL/quotation masks and the reported-speech ranges (a scan asks it of
// every item, and almost every item has nothing a rule could hold on). Each step below is the
// step of characterPass / normalise / emitWord above with the offsets left out; the two must stay
// in step (test/text/normalised-text.test.ts compares them on every fixture text, and
// NETRAL_CLEAN_GATE_CHECK=1 compares them on every item a scan or an eval reads).

/** UTF-16 units collected into a reused buffer, with normalise's space rule (never two, never first). */
class TextUnits {
  c: Uint16Array;
  n = 0;
  constructor(private readonly scratch: { c: Uint16Array }, capacity: number) {
    if (scratch.c.length < capacity) scratch.c = new Uint16Array(Math.max(capacity, scratch.c.length * 2));
    this.c = scratch.c;
  }
  /** room for `more` units after the n written */
  reserve(more: number): void {
    if (this.n + more <= this.c.length) return;
    const c = new Uint16Array(Math.max(this.c.length * 2, this.n + more));
    c.set(this.c);
    this.c = this.scratch.c = c;
  }
  pushCode(code: number): void {
    if (this.n >= this.c.length) {
      const c = new Uint16Array(this.c.length * 2);
      c.set(this.c);
      this.c = this.scratch.c = c;
    }
    this.c[this.n++] = code;
  }
  push(str: string): void {
    const length = str.length;
    // room for the whole string at once, then no bound check per unit (every word goes through here)
    if (this.n + length > this.c.length) {
      const c = new Uint16Array(Math.max(this.c.length * 2, this.n + length));
      c.set(this.c);
      this.c = this.scratch.c = c;
    }
    const c = this.c;
    let n = this.n;
    for (let k = 0; k < length; k++) c[n++] = str.charCodeAt(k);
    this.n = n;
  }
  space(): void {
    if (this.n === 0 || this.c[this.n - 1] === 0x20) return;
    this.pushCode(0x20);
  }
}
const TEXT_CHARS = { c: new Uint16Array(256) };
const TEXT_OUT = { c: new Uint16Array(256) };

/**
 * normalise(original).text, or undefined for a text with a substitution (repaired mojibake, an
 * emoji written by name): those take normalise itself.
 *
 * One pass over the character pass's units (speed only: it was a string, a Token and a sliced
 * string per word, and two to four Map lookups of each word): the words are bounds in a reused
 * Int32Array, and a word of a-z only is copied through unless its hash is in WORD_ROLES' filter
 * (every word a rewrite or a cue reads), so most words are never made into strings. A word the
 * filter lets in, any other word and the rest take normalise's own steps on strings (emitWordText).
 */
export function normalisedText(original: string): string | undefined {
  if (substitutionsOf(original).size > 0) return undefined;
  const chars = textCharacterUnits(original);
  const c = chars.c;
  const length = chars.n;
  const roles = wordRoles();
  // the word bounds (what wordTokens finds: runs of letters and digits), two per word
  let bounds = TEXT_BOUNDS;
  let count = 0;
  let from = -1;
  for (let i = 0; i < length; i++) {
    const code = c[i] as number;
    let isWord: boolean;
    if ((code & 0xf800) !== 0xd800) isWord = WORD_CHAR_BMP[code] === 1;
    else if (code <= 0xdbff && i + 1 < length && ((c[i + 1] as number) & 0xfc00) === 0xdc00) {
      // a surrogate pair read whole, as wordTokens reads it (codePointAt); a lone surrogate is no letter
      isWord = isWordCodePoint((code - 0xd800) * 0x400 + ((c[i + 1] as number) - 0xdc00) + 0x10000);
      if (!isWord && from >= 0) {
        if (2 * count + 2 > bounds.length) bounds = TEXT_BOUNDS = growBounds(bounds);
        bounds[2 * count] = from;
        bounds[2 * count + 1] = i;
        count++;
        from = -1;
      }
      if (isWord && from < 0) from = i;
      i++;
      continue;
    } else isWord = false;
    if (isWord) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      if (2 * count + 2 > bounds.length) bounds = TEXT_BOUNDS = growBounds(bounds);
      bounds[2 * count] = from;
      bounds[2 * count + 1] = i;
      count++;
      from = -1;
    }
  }
  if (from >= 0) {
    if (2 * count + 2 > bounds.length) bounds = TEXT_BOUNDS = growBounds(bounds);
    bounds[2 * count] = from;
    bounds[2 * count + 1] = length;
    count++;
  }
  const out = new TextUnits(TEXT_OUT, length + 4);
  const filter = roles.filter;
  let cursor = 0;
  // the word emitted before, as normalise keeps it; '' for a word no role reads (WORD_ROLES)
  let previousWord = '';
  for (let t = 0; t < count; t++) {
    const tokFrom = bounds[2 * t] as number;
    const tokTo = bounds[2 * t + 1] as number;
    const run = spacedRunUnits(c, bounds, count, t);
    if (previousWord !== '' && roles.numberCues.has(previousWord) && /^\.\s*$/.test(unitsText(c, cursor, tokFrom)) && isAsciiDigitUnit(c[tokFrom] as number)) out.space();
    else {
      for (let i = cursor; i < tokFrom; i++) {
        const code = c[i] as number;
        if (code === 0x20) out.space();
        else out.pushCode(code);
      }
    }
    if (run > 0) {
      const lastTo = bounds[2 * (t + run - 1) + 1] as number;
      let joined = '';
      for (let k = t; k < t + run; k++) {
        const piece = unitsText(c, bounds[2 * k] as number, bounds[2 * k + 1] as number);
        out.push(piece);
        joined += piece;
      }
      previousWord = joined;
      cursor = lastTo;
      t += run - 1;
      continue;
    }
    // a-z without a run of three (isPlainAsciiWord), hashed as wordHash does
    let plain = true;
    let hash = 0;
    for (let i = tokFrom; i < tokTo; i++) {
      const code = c[i] as number;
      if (code < 0x61 || code > 0x7a || (i >= tokFrom + 2 && code === c[i - 1] && code === c[i - 2])) {
        plain = false;
        break;
      }
      hash = (Math.imul(hash, 31) + code) | 0;
    }
    if (plain && filter[hash & WORD_FILTER_MASK] === 0 && previousWord !== 'nu' && previousWord !== 'anu') {
      // no rewrite, no cue, no superlative: the word as it is (emitWordText's last step)
      const need = out.n + (tokTo - tokFrom);
      if (need > out.c.length) out.push(unitsText(c, tokFrom, tokTo));
      else {
        const o = out.c;
        let n = out.n;
        for (let i = tokFrom; i < tokTo; i++) o[n++] = c[i] as number;
        out.n = n;
      }
      previousWord = '';
      cursor = tokTo;
      continue;
    }
    const word = unitsText(c, tokFrom, tokTo);
    if (previousWord !== '' && roles.ordinalMarkers.has(word) && roles.ordinalCues.has(previousWord) && t + 1 < count) {
      const nextFrom = bounds[2 * t + 2] as number;
      const next = unitsText(c, nextFrom, bounds[2 * t + 3] as number);
      if (/^\s+$/.test(unitsText(c, tokTo, nextFrom)) && (/^\d{1,2}$/.test(next) || roles.digits.has(next) || roles.ordinals.has(next))) {
        cursor = tokTo;
        continue;
      }
    }
    if (word === 'aja') {
      const nextFrom = t + 1 < count ? (bounds[2 * t + 2] as number) : -1;
      const next = nextFrom < 0 ? undefined : unitsText(c, nextFrom, bounds[2 * t + 3] as number);
      if (ajaProhibitive(unitsText(c, cursor, tokFrom), t === 0, nextFrom < 0 ? '' : unitsText(c, tokTo, nextFrom), next, roles.clauseTails)) {
        out.push('jangan');
        previousWord = 'jangan';
        cursor = tokTo;
        continue;
      }
    }
    // the next word is read only by the superlative's separate "pang"; closes only after a ballot cue
    const next = word === 'pang' && t + 1 < count ? unitsText(c, bounds[2 * t + 2] as number, bounds[2 * t + 3] as number) : undefined;
    const closes = previousWord !== '' && (roles.ballotCues.has(previousWord) || roles.numberCues.has(previousWord)) && t > 0 && closesClauseUnits(c, bounds, count, t, previousWord);
    previousWord = emitWordText({ from: tokFrom, to: tokTo, text: word }, previousWord, out, next, closes);
    cursor = tokTo;
  }
  for (let i = cursor; i < length; i++) {
    const code = c[i] as number;
    if (code === 0x20) out.space();
    else out.pushCode(code);
  }
  let n = out.n;
  while (n > 0 && out.c[n - 1] === 0x20) n--;
  return unitsToString(out.c, n);
}

let TEXT_BOUNDS: Int32Array = new Int32Array(256);
function growBounds(bounds: Int32Array): Int32Array {
  const grown = new Int32Array(bounds.length * 2);
  grown.set(bounds);
  return grown;
}

/** units [from, to) as a string */
function unitsText(c: Uint16Array, from: number, to: number): string {
  if (to - from === 1) return String.fromCharCode(c[from] as number);
  if (LITTLE_ENDIAN) return Buffer.from(c.buffer, c.byteOffset + 2 * from, 2 * (to - from)).toString('utf16le');
  return unitsToString(c.subarray(from, to), to - from);
}

function isAsciiDigitUnit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** spacedRun over word bounds (no surrogate among the units). */
function spacedRunUnits(c: Uint16Array, bounds: Int32Array, count: number, t: number): number {
  let k = t;
  while (k < count) {
    const from = bounds[2 * k] as number;
    const to = bounds[2 * k + 1] as number;
    if (to - from !== 1) break;
    const code = c[from] as number;
    if (!(code < 0x80 ? (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) : LETTER_RE.test(String.fromCharCode(code)))) break;
    k++;
    if (k >= count || (bounds[2 * k] as number) !== to + 1 || c[to] !== 0x20) break;
  }
  const n = k - t;
  return n >= 4 ? n : 0;
}

/** closesClause over word bounds. */
function closesClauseUnits(c: Uint16Array, bounds: Int32Array, count: number, t: number, previousWord: string): boolean {
  const { ballotCues, ordinalCues, digits, ordinals, clauseTails } = numberWords();
  const word = unitsText(c, bounds[2 * t] as number, bounds[2 * t + 1] as number);
  const ballotDigit = ballotCues.has(unitsText(c, bounds[2 * t - 2] as number, bounds[2 * t - 1] as number)) && digits.has(word);
  const ordinal = ordinals.has(word) && ordinalCues.has(previousWord);
  if (!ballotDigit && !ordinal) return false;
  if (t + 1 >= count) return true;
  const gap = unitsText(c, bounds[2 * t + 1] as number, bounds[2 * t + 2] as number);
  if (/\S/.test(gap) && !/^\s*-\s*$/.test(gap)) return true;
  return clauseTails.has(unitsText(c, bounds[2 * t + 2] as number, bounds[2 * t + 3] as number));
}

/**
 * Every word the token pass reads beyond copying it: the slang words and number words it rewrites,
 * the cues after which a number word becomes a digit, and the Sundanese superlative's words. A word
 * of a-z whose hash (wordHash) is not in the filter is none of them, so it is copied as it is.
 */
interface WordRoles {
  numberCues: ReadonlySet<string>;
  ballotCues: ReadonlySet<string>;
  /** what may close a clause after a number word; also what keeps a clause-opening "aja" "saja" (slang.ts ajaProhibitive) */
  clauseTails: ReadonlySet<string>;
  /** the ordinal markers dropped between a number cue and its number ("nomor ke-2") */
  ordinalMarkers: ReadonlySet<string>;
  /** the number cues an ordinal or an ordinal marker is read after */
  ordinalCues: ReadonlySet<string>;
  /** the number words and ordinals (a number after an ordinal marker) */
  digits: ReadonlyMap<string, string>;
  ordinals: ReadonlyMap<string, string>;
  /** 1 at wordHash(word) & WORD_FILTER_MASK for every such word */
  filter: Uint8Array;
}
const WORD_FILTER_MASK = (1 << 16) - 1;
let WORD_ROLES: { of: ReturnType<typeof numberWords>; roles: WordRoles } | undefined;

function wordHash(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

function wordRoles(): WordRoles {
  const words = numberWords();
  if (WORD_ROLES?.of === words) return WORD_ROLES.roles;
  const filter = new Uint8Array(WORD_FILTER_MASK + 1);
  for (const w of [...SLANG_MAP.keys(), ...words.digits.keys(), ...words.ordinals.keys(), ...words.ordinalMarkers, ...words.numberCues, ...words.ballotCues, 'pang', 'nu', 'anu']) filter[wordHash(w) & WORD_FILTER_MASK] = 1;
  // '' stands for "a word no role reads": it must be none itself
  if (words.numberCues.has('') || words.ballotCues.has('')) throw new Error('number words: the empty word is a cue');
  const roles: WordRoles = { numberCues: words.numberCues, ballotCues: words.ballotCues, clauseTails: words.clauseTails, ordinalMarkers: words.ordinalMarkers, ordinalCues: words.ordinalCues, digits: words.digits, ordinals: words.ordinals, filter };
  WORD_ROLES = { of: words, roles };
  return roles;
}

/** The character pass's units without offsets, for a text without substitutions, in the reused TEXT_CHARS buffer (valid until the next call). */
function textCharacterUnits(original: string): TextUnits {
  const out = new TextUnits(TEXT_CHARS, original.length + 4);
  const hashtagBreaks = hashtagSplitPoints(original);
  // most texts have no hashtag: no Set lookup per character then
  const tagged = hashtagBreaks.size > 0;
  let i = 0;
  const length = original.length;
  while (i < length) {
    {
      // the ASCII run, written straight into the buffer (speed only: out.space and out.pushCode per
      // character, inlined); it adds at most one unit per character, so room for the rest of the
      // text is made first (a folded or keycap character before may have written more than one)
      out.reserve(length - i);
      const c = out.c;
      let n = out.n;
      while (i < length) {
        const code = original.charCodeAt(i);
        if (!(code < 0x80 && (code < 0x30 || code > 0x39) && code !== 0x23 && !(tagged && hashtagBreaks.has(i)))) break;
        if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x2d) {
          if (n !== 0 && c[n - 1] !== 0x20) c[n++] = 0x20;
        } else c[n++] = code >= 0x41 && code <= 0x5a ? code + 32 : code;
        i++;
      }
      out.n = n;
      if (i >= length) break;
    }
    const cp = original.codePointAt(i) as number;
    const len = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + len);
    if (cp >= 0x30 && cp <= 0x39) {
      let j = i + 1;
      if (original.charCodeAt(j) === 0xfe0f) j++;
      if (original.charCodeAt(j) === KEYCAP) {
        out.space();
        out.push(`0${ch}`);
        out.push(' ');
        i = j + 1;
        continue;
      }
    }
    if (hashtagBreaks.has(i)) out.space();
    if (ch === '#' && hashtagBreaks.has(i + 1)) {
      out.space();
      i += len;
      continue;
    }
    emitCharText(out, ch);
    i += len;
  }
  return out;
}

/** emitChar without offsets. */
function emitCharText(out: TextUnits, ch: string): void {
  const cp = ch.codePointAt(0) as number;
  if (cp < 0x80 && ch.length === 1) {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x2d) out.space();
    else out.pushCode(cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp);
    return;
  }
  if (INVISIBLE.test(ch) || SKIN_TONE.test(ch) || cp === KEYCAP || cp === 0x200d) return;
  if (/\s/u.test(ch) || DASH.test(ch)) {
    out.space();
    return;
  }
  if (PICTOGRAPHIC.test(ch)) {
    out.space();
    out.push(ch.normalize('NFC'));
    out.push(' ');
    return;
  }
  const folded = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(COMBINING, '');
  for (const f of folded) {
    if (/\s/u.test(f)) out.space();
    else out.push(f);
  }
}

/** emitWord without offsets. */
function emitWordText(tok: Token, previousWord: string, out: TextUnits, nextWord?: string, closes = false): string {
  let word: string;
  if (isPlainAsciiWord(tok.text)) {
    word = tok.text;
    const whole = wholeWordReplacement(word, previousWord, closes);
    if (whole !== undefined) {
      out.push(whole);
      return whole;
    }
    const superlative = sundaneseSuperlative(word, previousWord, nextWord);
    if (superlative === '') {
      out.push('paling');
      return 'paling';
    }
    if (superlative !== undefined) {
      out.push('paling');
      out.space();
      out.push(superlative);
      return superlative;
    }
    out.push(word);
    return word;
  }
  const raw = [...tok.text];
  const deleet = hasInteriorLeet(raw);
  const letters: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k] as string;
    const leet = LEET[c];
    letters.push(deleet && leet !== undefined && isLeetPosition(raw, k) ? leet : c);
  }
  // squashElongation on the letters alone
  let squashed = '';
  for (let k = 0; k < letters.length; ) {
    const first = letters[k] as string;
    let j = k + 1;
    while (j < letters.length && letters[j] === first) j++;
    if (j - k >= 3 && /\p{L}/u.test(first)) squashed += first;
    else for (let m = k; m < j; m++) squashed += letters[m] as string;
    k = j;
  }
  word = squashed;
  const whole = wholeWordReplacement(word, previousWord, closes);
  if (whole !== undefined) {
    out.push(whole);
    return whole;
  }
  out.push(word);
  return word;
}
