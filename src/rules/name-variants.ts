// Misspelled, clipped and vowel-dropped forms of candidate names ("prabowi", "Sandiag", "prbw",
// "jkw"), generated once when the registry is compiled so that an item still costs one
// automaton pass. Only long single-word forms vary (short ones collide with everyday words),
// and a variant that is itself a known word (lexicons, slang table, other registry terms) is
// dropped. Clipped forms are checked again on the text: they must be capitalised or hashtagged.
import { toOriginal, type NormalisedText } from '../text/normalise.js';

/**
 * How a variant was made; the matcher gates `clipped` forms on capitalisation, and a pair's
 * coinages (coinages.ts) on how they are written: `blend`, a coinage that is also a word, on a
 * capital at each piece; `coined`, a made-up word, also on a hashtag, capitals or its post.
 */
export type NameVariantKind = 'edit' | 'clipped' | 'consonants' | 'blend' | 'coined' | 'initials' | 'hypocorism';

export interface NameVariant {
  form: string;
  kind: NameVariantKind;
}

/** shortest form that gets one-edit variants, and the shortest clipped form */
export const MIN_EDIT_LENGTH = 6;
const MIN_CLIP_LENGTH = 5;
/** a consonant skeleton needs this many letters to be read as a name ("jkw", "prbw") */
const MIN_SKELETON = 3;

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// QWERTY neighbours: a slipped finger, the other common source of one-letter typos besides vowels
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  KEY_ROWS.forEach((row, r) => {
    for (let i = 0; i < row.length; i++) {
      const near = [row[i - 1], row[i + 1], KEY_ROWS[r - 1]?.[i], KEY_ROWS[r - 1]?.[i + 1], KEY_ROWS[r + 1]?.[i], KEY_ROWS[r + 1]?.[i - 1]];
      out.set(row[i] as string, near.filter((c): c is string => c !== undefined).join(''));
    }
  });
  return out;
})();

/** Plausible typo substitutes for a letter: another vowel for a vowel, a neighbouring key otherwise. */
function substitutes(c: string): string {
  const vowels = VOWELS.has(c) ? [...VOWELS].filter((v) => v !== c).join('') : '';
  return vowels + (NEIGHBOURS.get(c) ?? '');
}

/**
 * One-edit variants of a lower-case word (deletion, insertion of a doubled or neighbouring
 * letter, plausible substitution, transposition). The first letter stays: people misspell the
 * middle of a name, not how it starts.
 */
export function oneEditVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 1; i <= word.length; i++) {
    const prev = word[i - 1] as string;
    for (const c of new Set(prev + (NEIGHBOURS.get(prev) ?? '') + [...VOWELS].join(''))) out.add(word.slice(0, i) + c + word.slice(i));
  }
  for (let i = 1; i < word.length; i++) {
    for (const c of substitutes(word[i] as string)) out.add(word.slice(0, i) + c + word.slice(i + 1));
  }
  for (let i = 1; i < word.length - 1; i++) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  out.delete(word);
  return [...out].filter((v) => /^[a-z]+$/.test(v) && [...v].every((c) => LETTERS.includes(c)));
}

/** "prabowo" → "prbw", "jokowi" → "jkw": the consonants a chat writer keeps. */
export function consonantSkeleton(word: string): string {
  return [...word].filter((c) => !VOWELS.has(c)).join('');
}

/**
 * Front and back clippings ("sandiaga" → "sandia", "diaga"): at least five letters, two letters
 * shorter than the name, starting on a consonant so a clipping is a syllable, not a word's tail.
 */
export function clippedForms(word: string): string[] {
  const out = new Set<string>();
  for (let n = MIN_CLIP_LENGTH; n <= word.length - 2; n++) {
    out.add(word.slice(0, n));
    const back = word.slice(word.length - n);
    if (!VOWELS.has(back[0] as string)) out.add(back);
  }
  return [...out];
}

/**
 * A given name called without its last vowel ("Agustina" → "Agustin", "Yuliana" → "Yulian",
 * "Kristina" → "Kristin"): the one-letter clipping clippedForms does not make. Only where the
 * clipped name ends in a vowel and a consonant a syllable can close on in Indonesian (n, m, l, r), so the
 * clipping is a name a person is called by, not a word's stump. The registry makes it of ambiguous
 * forms only: like the given name, it names the candidate only with a confirmation.
 */
export function callClipping(word: string): string | undefined {
  if (word.length < MIN_EDIT_LENGTH || !VOWELS.has(word[word.length - 1] as string)) return undefined;
  const call = word.slice(0, -1);
  // a vowel before it: "hendra" → "hendr" is no name
  return /[aeiou][nmlr]$/.test(call) ? call : undefined;
}

/**
 * A name as Sundanese and Javanese writers spell it, with the sounds their languages lack replaced:
 * f and v as p, z as j ("Fauzi" → "Pauji", "Yusuf" → "Yusup", "Mahfud" → "Mahpud").
 */
export function regionalSpelling(word: string): string {
  return word.replace(/[fv]/g, 'p').replace(/z/g, 'j');
}

/**
 * Every variant of one name form. `known` holds words that must never become names (lexicon
 * words, slang, every registry term); the caller passes it once for all forms.
 */
export function nameVariants(form: string, known: { has(word: string): boolean }, options: { edits?: boolean; callClip?: boolean } = {}): NameVariant[] {
  const word = form.toLowerCase();
  if (!/^[a-z]+$/.test(word) || word.length < MIN_EDIT_LENGTH - 1) return [];
  const out = new Map<string, NameVariantKind>();
  const add = (v: string, kind: NameVariantKind) => {
    if (v !== word && !known.has(v) && !out.has(v)) out.set(v, kind);
  };
  const skeleton = consonantSkeleton(word);
  // a skeleton with the same letters as the name ("djrt" from "djarot" is one; "str" from "astri" is too short)
  if (skeleton.length >= MIN_SKELETON && skeleton.length < word.length) add(skeleton, 'consonants');
  add(regionalSpelling(word), 'edit');
  if (word.length >= MIN_EDIT_LENGTH) {
    if (options.edits ?? true) for (const v of oneEditVariants(word)) add(v, 'edit');
    for (const v of clippedForms(word)) add(v, 'clipped');
    if (options.callClip) {
      const call = callClipping(word);
      if (call !== undefined) add(call, 'clipped');
    }
  }
  return [...out].map(([v, kind]) => ({ form: v, kind }));
}

/**
 * A clipped form is read as a name only where the writer marks it as one: capitalised
 * ("Sandiag", "Baswe") or inside a hashtag. Lower-case "sandia" or "wedan" stays a word.
 */
export function clippedFormMarked(norm: NormalisedText, start: number, inHashtag: boolean): boolean {
  if (inHashtag) return true;
  const at = toOriginal(norm, start, start + 1).start;
  const c = norm.original[at] ?? '';
  return c !== c.toLowerCase();
}

/**
 * The one-edit variants of many name forms, found at match time instead of listed: with every
 * Pilkada region loaded the listed variants were 209,000 automaton patterns (a 4.6 s start and
 * 650 MB). A token is looked up through its one-letter deletions (the symmetric-delete trick),
 * and a candidate is confirmed against exactly the variants oneEditVariants makes.
 */
/** EditVariantIndex.deletionColumns */
export interface DeletionColumns {
  keys: string[];
  offsets: Int32Array;
  bases: Int32Array;
}

function fail(): never {
  throw new Error('edit variant deletion out of range');
}

export class EditVariantIndex<O> {
  /** base form → what it names */
  private readonly owners = new Map<string, O[]>();
  /** a base form with one letter (not the first) deleted → those base forms */
  private readonly deletions = new Map<string, string[]>();
  /** base form → its variants, computed when a token first comes near it */
  private readonly variants = new Map<string, Set<string>>();
  private longest = 0;

  get size(): number {
    return this.owners.size;
  }

  /** `form`: a lower-case single word of at least MIN_EDIT_LENGTH letters. */
  add(form: string, owner: O): void {
    if (form.length < MIN_EDIT_LENGTH || !/^[a-z]+$/.test(form)) return;
    const list = this.owners.get(form);
    if (list) {
      list.push(owner);
      return;
    }
    this.owners.set(form, [owner]);
    this.longest = Math.max(this.longest, form.length);
    for (let i = 1; i < form.length; i++) {
      const key = form.slice(0, i) + form.slice(i + 1);
      const bases = this.deletions.get(key);
      if (bases) {
        if (!bases.includes(form)) bases.push(form);
      } else this.deletions.set(key, [form]);
    }
  }

  /** Every base form with its owners, in the order they were added (adding them again rebuilds this index). */
  entries(): Array<[string, readonly O[]]> {
    return [...this.owners];
  }

  /**
   * The deletion keys as columns over entries()' forms: key k's base forms are
   * forms[bases[offsets[k]] .. bases[offsets[k + 1] - 1]]. The pack image carries them, so a warm
   * start does not make the ~10,000 keys letter by letter again (pack-snapshot.ts).
   */
  deletionColumns(): DeletionColumns {
    const formIndex = new Map([...this.owners.keys()].map((f, i) => [f, i]));
    const keys: string[] = [];
    const offsets = [0];
    const bases: number[] = [];
    for (const [key, list] of this.deletions) {
      keys.push(key);
      for (const b of list) bases.push(formIndex.get(b) as number);
      offsets.push(bases.length);
    }
    return { keys, offsets: Int32Array.from(offsets), bases: Int32Array.from(bases) };
  }

  /**
   * The index of `entries` (forms as add() took them, with their owners) and their deletion keys as
   * deletionColumns() gave them. Throws when the columns do not fit the forms.
   */
  static restored<O>(entries: ReadonlyArray<readonly [string, O[]]>, columns: DeletionColumns): EditVariantIndex<O> {
    const index = new EditVariantIndex<O>();
    const forms: string[] = [];
    for (const [form, owners] of entries) {
      index.owners.set(form, owners);
      forms.push(form);
      index.longest = Math.max(index.longest, form.length);
    }
    const { keys, offsets, bases } = columns;
    if (offsets.length !== keys.length + 1 || offsets[keys.length] !== bases.length) throw new Error('edit variant deletions do not fit');
    for (let k = 0; k < keys.length; k++) {
      const list: string[] = [];
      for (let j = offsets[k]!; j < offsets[k + 1]!; j++) list.push(forms[bases[j]!] ?? fail());
      index.deletions.set(keys[k]!, list);
    }
    return index;
  }

  /** Base forms of which `token` is a one-edit variant, with what they name. */
  find(token: string): Array<{ base: string; owners: readonly O[] }> {
    if (token.length < MIN_EDIT_LENGTH - 1 || token.length > this.longest + 1) return [];
    const candidates = new Set<string>();
    // the token is the base with one letter deleted
    for (const b of this.deletions.get(token) ?? []) candidates.add(b);
    for (let i = 1; i < token.length; i++) {
      const key = token.slice(0, i) + token.slice(i + 1);
      // one letter inserted into the base
      if (this.owners.has(key)) candidates.add(key);
      // one letter substituted, or two neighbours swapped: both lose the same letter to one key
      for (const b of this.deletions.get(key) ?? []) if (b.length === token.length) candidates.add(b);
    }
    const out: Array<{ base: string; owners: readonly O[] }> = [];
    for (const base of candidates) {
      if (base === token || !this.variantsOf(base).has(token)) continue;
      out.push({ base, owners: this.owners.get(base) ?? [] });
    }
    return out;
  }

  private variantsOf(base: string): Set<string> {
    let set = this.variants.get(base);
    if (!set) {
      if (this.variants.size >= 20_000) this.variants.clear();
      set = new Set(oneEditVariants(base));
      this.variants.set(base, set);
    }
    return set;
  }
}
