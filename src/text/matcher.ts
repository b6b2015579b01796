// One pass finds every term of every rule and registry in a normalised text (Aho–Corasick,
// overlapping matches), so the cost grows with the text, not with the number of rules.
import { AhoCorasick, type AutomatonState } from './aho-corasick.js';
import type { GlossTable } from './glosses.js';
import { cliticFollows, derivedRoot, HOMOGRAPHS, inflections, joinedSpellings, type InflectMode } from './morphology.js';
import { REGIONAL_AFFIXES, regionalAffixForms } from './regional-affixes.js';
import { SLANG } from './slang.js';
import { endsWord, isWordUnit, startsWord, type NormalisedText } from './normalise.js';
import { termText } from './term-text.js';

/** every position of [start, end) is set in the mask (a hit wholly inside a hashtag) */
export function allSet(mask: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (mask[i] !== 1) return false;
  return true;
}

// Indonesian clitic and particles glued to a word: "programnya", "pilihlah", "benarkah". ("-ku"/"-mu"
// stay out: "sekelasku" is a classmate, not "sekelas" the sneer.)
// Minang, Palembang and Jambi write -nya as -nyo ("programnyo"; Moussay, "Tata Bahasa Minangkabau",
// 1998), and Betawi writes it -nye ("kaosnye"; Chaer, "Kamus Dialek Jakarta", 1976): the same clitic.
const CLITIC = /^(?:nya|nyo|nye|lah|kah)(?![\p{L}\p{N}])/u;

/** The term ends in a letter and is followed only by a clitic ("ekonomi|nya"); the hit keeps the bare term. */
function endsBeforeClitic(text: string, end: number, pattern: string): boolean {
  // every clitic starts with n, l or k: most words that run on past a term end here (speed only)
  const c = text.charCodeAt(end);
  if (c !== 0x6e && c !== 0x6c && c !== 0x6b) return false;
  if (!(pattern.length >= 4 && /\p{L}$/u.test(pattern))) return false;
  if (CLITIC.test(text.slice(end, end + 4))) return true;
  // the definite/possessive -ne of Javanese, Sasak and Balinese after a vowel ("Prabowone",
  // "bupatine": Robson, "Javanese Grammar for Students", 2002; Austin, "Sasak", 2004), read for every
  // term of five letters or more, the candidates' names too
  return pattern.length >= 5 && /[aiueo]$/.test(pattern) && CLITIC_NE.test(text.slice(end, end + 3));
}
const CLITIC_NE = /^ne(?![\p{L}\p{N}])/u;

export interface StartMatch {
  data: number;
  start: number;
  end: number;
  pattern: string;
}

/**
 * Every occurrence of a pattern that starts a word (startsWord), in the order AhoCorasick.scan
 * reports occurrences (by end offset, the longer first at one end). A hit must start a word, so
 * the trie is walked from word starts only: about a third of the offsets, each a few steps deep,
 * instead of the whole automaton's walk with its failure links over every offset (and the matches
 * inside words it found only to drop them). Same matches, same order.
 */
export function wordStartMatches(automaton: AhoCorasick<number>, text: string): StartMatch[] {
  const found: StartMatch[] = [];
  let at = 0;
  const onMatch = (data: number, end: number, pattern: string): void => {
    found.push({ data, start: at, end, pattern });
  };
  let sorted = true;
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    const b = p === 0 ? -1 : text.charCodeAt(p - 1);
    // two code units that are not surrogates are two code points: startsWord's own test, by table
    const starts = (c & 0xf800) !== 0xd800 && (b & 0xf800) !== 0xd800 ? b < 0 || !isWordUnit(b) || !isWordUnit(c) : startsWord(text, p);
    if (!starts) continue;
    const before = found.length;
    at = p;
    automaton.matchesAt(text, p, onMatch);
    // a match starting here that ends before an earlier start's match: out of scan()'s order
    if (sorted && before > 0 && found.length > before && (found[before] as StartMatch).end < (found[before - 1] as StartMatch).end) sorted = false;
  }
  return sorted ? found : found.sort((x, y) => x.end - y.end || x.start - y.start);
}

export interface TermHit<T> {
  /** UTF-16 offsets into the NORMALISED text */
  start: number;
  end: number;
  /** every owner of this term (several rules/registry entries can share one term) */
  owners: readonly T[];
  /** the whole hit lies inside a #hashtag of the original */
  inHashtag: boolean;
  /** the hit starts inside a quotation (someone else's words) */
  inQuote: boolean;
}

/** A built matcher as plain data (TermMatcher.state), for the rule-pack cache (rules/pack-snapshot.ts). */
export interface MatcherState<T> {
  /** owners by pattern; a restored matcher may leave them to `ownersOf`, asked once per pattern on its first hit */
  owners: T[][];
  ownersOf?: (pattern: number) => T[];
  takesClitics: Uint8Array;
  termCount: number;
  patterns: string[];
  derivable: Array<[string, number]>;
  automaton: AutomatonState | undefined;
}

/** Words the chat normaliser rewrites or writes (a pattern equal to one never matches, or is an Indonesian word). */
const SLANG_WORDS: ReadonlySet<string> = new Set(Object.entries(SLANG).flatMap(([k, v]) => [k, ...v.split(' ')]));

/**
 * The regional affixed forms of a one-word verb term and of its one-word gloss variants, each
 * language's affixes on that language's forms ("pilih" → Sundanese "dipilihkeun", Madurese "epele"
 * from the gloss "pele"). A form that is a word of its own — a term of the pack, an Indonesian or
 * regional word of the gloss table, a chat word, a known homograph — is dropped.
 */
function regionalVerbForms(term: string, glosses: GlossTable, ownWords: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (term.includes(' ')) return out;
  for (const lang of Object.keys(REGIONAL_AFFIXES) as Array<keyof typeof REGIONAL_AFFIXES>) {
    for (const root of [term, ...glosses.formsIn(term, lang)]) {
      for (const form of regionalAffixForms(root, lang)) {
        if (ownWords.has(form) || glosses.knows(form) || SLANG_WORDS.has(form) || HOMOGRAPHS.has(form)) continue;
        out.add(form);
      }
    }
  }
  return out;
}

export class TermMatcher<T> {
  private readonly automaton: AhoCorasick<number> | undefined;
  private readonly ownersByTerm: T[][] = [];
  private readonly ownersOf: ((pattern: number) => T[]) | undefined;
  /** per pattern: 1 when some owner lets it take the full clitic set (-ku, -mu, -na, -e …) */
  private readonly takesClitics: Uint8Array;
  /** distinct terms as written */
  readonly termCount: number;
  /** patterns in the automaton: the terms and their generated forms */
  readonly patternCount: number;
  /** every pattern, in automaton order (the benchmark feeds them to rg and its own baseline) */
  readonly patterns: readonly string[];
  /** one-word terms with inflect 'derive' → their pattern index: roots the stemmer may reach at match time */
  private readonly derivable = new Map<string, number>();
  private readonly derivedMemo = new Map<string, string | null>();
  /** the terms as written (the first termCount patterns), made on first use: words no root is derived into */
  private ownTerms: ReadonlySet<string> | undefined;

  /**
   * Terms are normalised with the same normaliser as the texts, so "#PrabowoGibran" ≡ "prabowo gibran".
   * A term with `inflect` also matches its affixed and cliticised forms (morphology.ts): they are
   * extra patterns of the same automaton with the same owners, so they cost nothing per text.
   * A term with `gloss` also matches with regional words in place of its Indonesian ones
   * (glosses.ts: "jangan lupa" → "jhek loppa"), its affixed forms too ("mendukung" → "adukung").
   */
  constructor(terms: Iterable<{ term: string; owner: T; inflect?: InflectMode; gloss?: boolean }>, restored?: MatcherState<T>, glosses?: GlossTable) {
    if (restored) {
      // a matcher built earlier by this same code (the pack cache): no normalising, no automaton to build
      const n = restored.patterns.length;
      if ((restored.ownersOf ? restored.owners.length > n : restored.owners.length !== n) || restored.takesClitics.length !== n || restored.termCount > n || (n > 0) !== (restored.automaton !== undefined)) {
        throw new Error('matcher state does not fit its patterns');
      }
      this.ownersByTerm = restored.owners;
      this.ownersOf = restored.ownersOf;
      this.takesClitics = restored.takesClitics;
      this.termCount = restored.termCount;
      this.patternCount = n;
      this.patterns = restored.patterns;
      this.derivable = new Map(restored.derivable);
      this.automaton = restored.automaton ? AhoCorasick.restoredByIndex(restored.patterns, restored.automaton) : undefined;
      return;
    }
    const takesClitics: number[] = [];
    const index = new Map<string, number>();
    const add = (key: string, owner: T) => {
      let i = index.get(key);
      if (i === undefined) {
        i = this.ownersByTerm.length;
        index.set(key, i);
        this.ownersByTerm.push([]);
        takesClitics.push(0);
      }
      const owners = this.ownersByTerm[i] as T[];
      if (!owners.includes(owner)) owners.push(owner);
      return i;
    };
    const entries: Array<{ key: string; owner: T; inflect: InflectMode; gloss: boolean }> = [];
    for (const { term, owner, inflect, gloss } of terms) {
      const key = termText(term);
      if (key !== '') entries.push({ key, owner, inflect: inflect ?? 'none', gloss: gloss === true && glosses !== undefined });
    }
    for (const e of entries) {
      const i = add(e.key, e.owner);
      if (e.inflect !== 'none') takesClitics[i] = 1;
      if (e.inflect === 'derive' && /^[a-z]{3,}$/.test(e.key)) this.derivable.set(e.key, i);
    }
    const termCount = index.size;
    // a generated form that is itself a term somewhere in the pack is a word of its own
    // ("ekonomi" is not ekonom + -i), so it keeps only its own owners. (s36 tried letting a verb
    // list keep such forms: "dipasang" then became an appeal word of t6-ajakan in a "me too, put it
    // on my motorbike" reply, and the replier's own sticker act was filed as office talk)
    const ownWords = new Set(index.keys());
    for (const e of entries) {
      const forms = inflections(e.key, e.inflect);
      for (const form of forms) if (!ownWords.has(form)) takesClitics[add(form, e.owner)] = 1;
      // "dihati" for "di hati": keeps the term's own clitic reading ("dihatiku" already is one)
      for (const form of joinedSpellings(e.key)) {
        if (ownWords.has(form)) continue;
        const i = add(form, e.owner);
        if (e.inflect !== 'none') takesClitics[i] = 1;
      }
      if (!e.gloss || !glosses) continue;
      // a regional form that is itself a term of the pack (a name, a hand-made regional word) keeps its own owners
      for (const form of [e.key, ...forms]) {
        for (const v of glosses.variants(form)) {
          if (ownWords.has(v)) continue;
          const i = add(v, e.owner);
          if (e.inflect !== 'none') takesClitics[i] = 1;
        }
      }
    }
    if (glosses && glosses.size > 0) {
      for (const e of entries) {
        // verb terms only: they already take the Indonesian affixes. (Giving the affixed Indonesian terms of
        // other lists the regional affixes of the same role — "mendukung" → Sundanese "ngadukung" — was
        // measured and left out: it added little on NusaX and cost a partisan chat on a blind set.)
        if (!e.gloss || e.inflect !== 'verb') continue;
        for (const form of regionalVerbForms(e.key, glosses, ownWords)) takesClitics[add(form, e.owner)] = 1;
      }
    }
    this.takesClitics = Uint8Array.from(takesClitics);
    this.termCount = termCount;
    this.patternCount = index.size;
    this.patterns = [...index.keys()];
    this.automaton = index.size > 0 ? new AhoCorasick([...index].map(([pattern, data]) => ({ pattern, data }))) : undefined;
  }

  /** Who owns a pattern (made on first use when the matcher was restored lazily). */
  private owners(pattern: number): T[] {
    let list = this.ownersByTerm[pattern];
    if (list === undefined && this.ownersOf) {
      list = this.ownersOf(pattern);
      this.ownersByTerm[pattern] = list;
    }
    return list ?? [];
  }

  /**
   * The patterns some owner of which `keep` accepts, as an automaton of their own, with the
   * derivable roots `keep` accepts: what the clean-item gate asks of every item (rules/clean-gate.ts).
   */
  gate(keep: (owners: readonly T[]) => boolean): TermGate {
    // the pack's own automaton, its matches of other patterns passed over (nine in ten patterns
    // open a gate: a second automaton cost start-up time and memory in every thread); whether a
    // pattern opens one is asked on its first match, as find asks a restored matcher's owners
    const open = new Uint8Array(this.patterns.length); // 0: not asked yet, 1: opens, 2: does not
    const opens = (data: number): boolean => {
      let o = open[data] as number;
      if (o === 0) open[data] = o = keep(this.owners(data)) ? 1 : 2;
      return o === 1;
    };
    // a match ends as find's must: at a word end, or before a clitic the term may carry
    const ends = (text: string, end: number, data: number, pattern: string): boolean =>
      (endsWord(text, end) || endsBeforeClitic(text, end, pattern) || (this.takesClitics[data] === 1 && pattern.length >= 4 && cliticFollows(text, end, pattern))) && opens(data);
    return new TermGate(this.automaton, this.derivable, ends, opens);
  }

  /** Who owns a pattern (by its index in `patterns`). */
  ownersAt(pattern: number): readonly T[] {
    return this.owners(pattern);
  }

  /** This matcher as plain data; `new TermMatcher([], state)` gives it back. */
  state(): MatcherState<T> {
    return {
      owners: this.patterns.map((_, i) => this.owners(i)),
      takesClitics: this.takesClitics,
      termCount: this.termCount,
      patterns: [...this.patterns],
      derivable: [...this.derivable],
      automaton: this.automaton?.state(),
    };
  }

  /**
   * All whole-word occurrences of all terms, overlapping ones included. A plain word never
   * matches inside a URL (an article slug "…/prabowo-sandi-janji-…" is not the person's words);
   * a term that is itself a domain or path ("kompas.com", "facebook.com/prabowo") does.
   */
  find(n: NormalisedText): TermHit<T>[] {
    const text = n.text;
    if (!this.automaton || text === '') return [];
    const hits: TermHit<T>[] = [];
    // wordStartMatches with each match checked as it is found: no StartMatch object per match. The
    // kept hits come in its order; when a later word start's hit ends before an earlier one's, they
    // are sorted as it sorts (by end, then start; stable), which keeps the same hits in the same order.
    let start = 0;
    let sorted = true;
    let lastEnd = -1;
    const onMatch = (data: number, end: number, pattern: string): void => {
      if (!(endsWord(text, end) || endsBeforeClitic(text, end, pattern) || (this.takesClitics[data] === 1 && pattern.length >= 4 && cliticFollows(text, end, pattern)))) return;
      if (n.inUrl[start] === 1 && !/[./]/.test(pattern)) return;
      if (end < lastEnd) sorted = false;
      lastEnd = end;
      hits.push({ start, end, owners: this.owners(data), inHashtag: allSet(n.inHashtag, start, end), inQuote: n.inQuote[start] === 1 });
    };
    const automaton = this.automaton;
    for (let p = 0; p < text.length; p++) {
      const c = text.charCodeAt(p);
      const b = p === 0 ? -1 : text.charCodeAt(p - 1);
      // the same word-start test as wordStartMatches
      const starts = (c & 0xf800) !== 0xd800 && (b & 0xf800) !== 0xd800 ? b < 0 || !isWordUnit(b) || !isWordUnit(c) : startsWord(text, p);
      if (!starts) continue;
      start = p;
      automaton.matchesAt(text, p, onMatch);
    }
    if (!sorted) hits.sort((x, y) => x.end - y.end || x.start - y.start);
    if (this.derivable.size > 0) this.derivedHits(n, hits);
    return hits;
  }

  /** Words derived from a 'derive' term ("kebohongannya" → bohong), found by the stemmer; the hit covers the whole word. */
  private derivedHits(n: NormalisedText, hits: TermHit<T>[]): void {
    const isRoot = (w: string) => this.derivable.has(w);
    const text = n.text;
    // a word the pack lists as a term of its own is that word, not a derivation of a shorter root
    // ("kebijakan", a policy, is a topic term, not ke-bijak-an 'wisdom' of the praise list), as a
    // generated form that is a term somewhere keeps only its own owners (the constructor)
    const own = (this.ownTerms ??= new Set(this.patterns.slice(0, this.termCount)));
    derivableWords(text, (found, end) => {
      if (n.inUrl[found] === 1) return;
      const word = text.slice(found, end);
      if (own.has(word)) return;
      const root = derivedRoot(word, isRoot, this.derivedMemo);
      if (root === undefined) return;
      hits.push({ start: found, end, owners: this.owners(this.derivable.get(root) as number), inHashtag: allSet(n.inHashtag, found, end), inQuote: n.inQuote[found] === 1 });
    });
  }

}

/**
 * The patterns of the gate (those it was made with: TermMatcher.gate) that occur in a normalised text at a word start, and the roots the
 * stemmer reaches from its (ke|pe|ter)- words: TermMatcher.find's hits of those patterns, and
 * more (the URL mask is not asked), each given by its pattern index (TermMatcher.ownersAt).
 */
export class TermGate {
  private readonly memo = new Map<string, string | null>();
  constructor(
    private readonly automaton: AhoCorasick<number> | undefined,
    private readonly roots: ReadonlyMap<string, number>,
    private readonly ends: (text: string, end: number, data: number, pattern: string) => boolean,
    private readonly opens: (data: number) => boolean,
  ) {}

  scan(text: string, onPattern: (pattern: number, start: number, end: number) => void): void {
    const automaton = this.automaton;
    if (automaton) {
      let start = 0;
      const onMatch = (data: number, end: number, pattern: string): void => {
        if (this.ends(text, end, data, pattern)) onPattern(data, start, end);
      };
      for (let p = 0; p < text.length; p++) {
        const c = text.charCodeAt(p);
        const b = p === 0 ? -1 : text.charCodeAt(p - 1);
        // an offset no pattern starts with is passed over before the word-start test (speed only:
        // spaces, most punctuation, and the first letters no term begins with)
        if (!automaton.startsWith(c)) continue;
        const starts = (c & 0xf800) !== 0xd800 && (b & 0xf800) !== 0xd800 ? b < 0 || !isWordUnit(b) || !isWordUnit(c) : startsWord(text, p);
        if (!starts) continue;
        start = p;
        automaton.matchesAt(text, p, onMatch);
      }
    }
    if (this.roots.size === 0) return;
    const isRoot = (w: string) => this.roots.has(w);
    derivableWords(text, (found, end) => {
      const root = derivedRoot(text.slice(found, end), isRoot, this.memo);
      if (root === undefined) return;
      const data = this.roots.get(root) as number;
      if (this.opens(data)) onPattern(data, found, end);
    });
  }
}

/**
 * The words /(?<![\p{L}\p{N}])(?:ke|pe|ter)[a-z]{4,}(?![\p{L}\p{N}])/gu finds, in its order, by a walk
 * over the char codes (speed only: the regex, with its look-behind, ran over every text): the
 * words the stemmer may take to a derivable root, each as [start, end).
 */
function derivableWords(text: string, onWord: (start: number, end: number) => void): void {
  const length = text.length;
  for (let start = 0; start < length; start++) {
    const c = text.charCodeAt(start);
    let from: number;
    if ((c === 0x6b || c === 0x70) && text.charCodeAt(start + 1) === 0x65) from = start + 2;
    else if (c === 0x74 && text.charCodeAt(start + 1) === 0x65 && text.charCodeAt(start + 2) === 0x72) from = start + 3;
    else continue;
    // the first letter is a word character: startsWord is then "no letter or digit before"
    if (!startsWord(text, start)) continue;
    let end = from;
    for (let d = text.charCodeAt(end); d >= 0x61 && d <= 0x7a; d = text.charCodeAt(++end));
    // the last letter is a-z: endsWord is then "no letter or digit after" (a shorter run would end before a-z)
    if (end - from < 4 || !endsWord(text, end)) continue;
    const found = start;
    start = end - 1;
    onWord(found, end);
  }
}
