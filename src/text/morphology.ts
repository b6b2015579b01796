// Indonesian, Sundanese and Javanese affixes and clitics, in both directions:
//   stem(word, isRoot)   — Nazief–Adriani / ECS affix stripping (the algorithm Sastrawi
//                          implements), checking each candidate against a root dictionary;
//   inflections(term)    — the affixed verb forms of a lexicon term, put into the one
//                          Aho–Corasick automaton when the pack loads ("dibagikan", "dibagikeun"
//                          hit "bagi" at no cost per scanned item);
//   cliticFollows(…)     — a clitic glued after a matched term ("mobilku", "kampanyenya",
//                          "kaosna"), checked at match time on the automaton's own hits.
// Only affixes that keep the word's meaning are generated: clitics (-ku, -mu, -nya, -lah, -kah,
// -pun, Sundanese -na, Javanese -e/-ne), verbal prefixes (di-, meN-, the nasal N- of Sundanese,
// Javanese and Jakarta speech, Sundanese nga-) and verbal suffixes (-kan, -i, Sundanese -keun,
// Jakarta -in, Javanese -ake). Nominalisers (-an, pe-, pe-an, ke-an) and ter- are left out on
// purpose: "pemilihan" (election) and "terpilih" (elected) are not calls to vote.

const VOWEL = /^[aiueo]/;

/** Clitics and particles glued after a word (Indonesian, Sundanese -na, Javanese -e/-ne). */
export const CLITICS = ['nya', 'lah', 'kah', 'pun', 'ku', 'mu', 'na', 'ne', 'e'] as const;
/** Verbal suffixes that keep the root's meaning (applicative/causative/locative). */
const VERB_SUFFIXES = ['kan', 'keun', 'in', 'i'] as const;
/** Javanese suffixes, only stripped when stemming (their vowel changes make generation unreliable). */
const JAVANESE_SUFFIXES = ['ake', 'aken', 'ke'] as const;
/** Stripped when stemming, never generated: they make nouns of verbs. */
const NOUN_SUFFIXES = ['an', 'eun'] as const;

/** Generated forms that are ordinary words of another meaning (homographs) and never a variant. */
export const HOMOGRAPHS: ReadonlySet<string> = new Set([
  'ngaos', // Sundanese "to recite (the Qur'an)", not N+kaos
  'nurut', // "to obey", not N+turut
  'ngelas', // "to weld", not N+kelas
  'ngopi', // "to have coffee", not N+kopi
  'nyari', // "to look for", not N+sari
  'ngaji', // "to recite", not N+kaji
  'mantan', // "former", not N+tantan
  // a term read with a clitic at match time that is a word of its own (scripts/morph-inventory.mjs
  // against Sastrawi's root list: "mari" + -na/-ne/-nyo)
  'marina', // a harbour, a name
  'marine',
  'marinyo', // KBBI "court messenger"
]);

/** Nasal prefix forms of a root (Indonesian meN-, Sundanese/Javanese/Jakarta N-), most common first. */
export function nasalForms(root: string): string[] {
  const c = root[0] ?? '';
  const rest = root.slice(1);
  const out: string[] = [];
  if (c === 'p') out.push(`mem${rest}`, `m${rest}`);
  else if (c === 't') out.push(`men${rest}`, `n${rest}`);
  else if (c === 'k') out.push(`meng${rest}`, `ng${rest}`);
  else if (c === 's' && VOWEL.test(rest)) out.push(`meny${rest}`, `ny${rest}`);
  else if (c === 'c') out.push(`men${root}`, `ny${rest}`);
  else if (VOWEL.test(c)) out.push(`meng${root}`, `ng${root}`);
  else if (c === 'b' || c === 'f') out.push(`mem${root}`, `m${root}`, `nge${root}`);
  else if (c === 'd' || c === 'j' || c === 'z') out.push(`men${root}`, `n${root}`, `nge${root}`);
  else if (c === 'g' || c === 'h') out.push(`meng${root}`, `ng${root}`, `nge${root}`);
  else if ('lrwymn'.includes(c)) out.push(`me${root}`, `nge${root}`);
  else out.push(`me${root}`);
  // Sundanese "nga-" before consonants: ngabagi, ngadukung, ngajak
  if (!VOWEL.test(c)) out.push(`nga${root}`);
  return out;
}

/**
 * A clitic glued right after a term ending at `end` ("mobil|ku", "kaos|na", "motor|e",
 * "baju|ne"): read at match time, so clitic forms cost no automaton patterns. -nya, -lah and
 * -kah are read for every term (matcher.ts); these only for terms that take clitics.
 */
const CLITIC_AFTER = /^(?:ku|mu|pun|na|ne|e)(?![\p{L}\p{N}])/u;

export function cliticFollows(text: string, end: number, term: string): boolean {
  const m = CLITIC_AFTER.exec(text.slice(end, end + 4));
  if (!m) return false;
  // the term and its clitic make a word of its own ("mari" + "na": "marina")
  if (HOMOGRAPHS.has(term.slice(term.lastIndexOf(' ') + 1) + m[0])) return false;
  // Javanese uses -e after a consonant and -ne after a vowel ("mobile", "bajune")
  const vowelEnd = /[aiueo]$/.test(term);
  if (m[0] === 'e') return !vowelEnd;
  if (m[0] === 'ne') return vowelEnd;
  return true;
}

// ── word classes: the clitics a word read one by one accepts ──────────────────────────────────────

/**
 * The word class a lexicon marks its entries with (`paradigm:`), and so the productive clitics the
 * engine accepts on them where it reads words one by one (the grammar and choice word sets of
 * rules/pack.ts), as the automaton reads them on its terms (cliticFollows, matcher.ts):
 * - noun, verb, adjective: possessive -ku/-mu, the definite -nya with its Betawi -nye and Minang
 *   -nyo, Javanese -e (after a consonant) / -ne (after a vowel), Sundanese -na, and the particles
 *   -lah, -kah, -pun;
 * - definite: discourse words that take only the definite clitic ("pokoknya", Javanese "pokoke",
 *   Betawi "pokoknye", Sundanese "pokokna"), never a person's -ku/-mu;
 * - transitive: a verb the engine reads right before its object ("pilih 02", "ajak guru-guru"): only
 *   the particles -lah, -kah, -pun ("pilihlah 02"); a possessive or object clitic fills the object
 *   slot and can name another actor ("pilihnya 02", "pilihmu": someone else's choice; "ajakmu": your
 *   invitation);
 * - particle, name, fixed: none (a particle is itself a clitic; names are the registry's business).
 * Affixes (di-, meN-, N-, -kan, -keun, -in …) are the automaton's `inflect: verb`; sets take clitics only.
 */
export const WORD_CLASSES = ['noun', 'verb', 'transitive', 'adjective', 'definite', 'particle', 'name', 'fixed'] as const;
export type WordClass = (typeof WORD_CLASSES)[number];

const DEFINITE = ['nya', 'nye', 'nyo', 'e', 'na'] as const;
const CLASS_CLITICS: Readonly<Record<WordClass, readonly string[]>> = {
  noun: [...DEFINITE, 'ku', 'mu', 'lah', 'kah', 'pun'],
  verb: [...DEFINITE, 'ku', 'mu', 'lah', 'kah', 'pun'],
  transitive: ['lah', 'kah', 'pun'],
  adjective: [...DEFINITE, 'ku', 'mu', 'lah', 'kah', 'pun'],
  definite: DEFINITE,
  particle: [],
  name: [],
  fixed: [],
};

/** Shortest root a clitic is put on: "ku" + "na" is not a word of "ku". */
export const MIN_CLITIC_ROOT = 3;

/** The automaton inflection of a class (a lexicon's `inflect` when it names none). */
export function inflectOf(cls: WordClass): InflectMode {
  if (cls === 'verb' || cls === 'transitive') return 'verb';
  if (cls === 'adjective') return 'derive';
  return cls === 'noun' || cls === 'definite' ? 'clitics' : 'none';
}

/**
 * The clitic forms of a one-word root in its class ("pokok", definite → "pokoknya", "pokoknye",
 * "pokoknyo", "pokoke", "pokokna"), without the root. Javanese writes -e after a consonant and -ne
 * after a vowel ("motore", "bajune"). A form that is a word of its own (`homographs`: the lexicon
 * homograf-imbuhan, checked against a root word list by scripts/morph-inventory.mjs) is left out,
 * as is any form of a root shorter than MIN_CLITIC_ROOT or not all letters.
 */
export function cliticForms(root: string, cls: WordClass, homographs: ReadonlySet<string> = HOMOGRAPHS): string[] {
  if (root.length < MIN_CLITIC_ROOT || !/^[a-z]+$/.test(root)) return [];
  const vowelEnd = VOWEL_END.test(root);
  const out: string[] = [];
  for (const c of CLASS_CLITICS[cls]) {
    const form = c === 'e' ? root + (vowelEnd ? 'ne' : 'e') : root + c;
    if (!homographs.has(form) && !out.includes(form)) out.push(form);
  }
  return out;
}
const VOWEL_END = /[aiueo]$/;

function isInflectable(word: string): boolean {
  return word.length >= 4 && /^[a-z]+$/.test(word);
}

/**
 * How far a term is inflected: 'clitics' only reads the possessive and regional clitics
 * ("mobilku", "kaosna", "motore") and keeps the word's mood; 'verb' also matches the verbal
 * prefixes and suffixes ("dibagikan", "ngabagikeun", "milih"), which turn a command into a
 * description ("pilih!" vs "memilih"), so a list asks for it explicitly. 'derive' (for verdict
 * words: praise, insults, criticism) reads the clitics and, at match time, the nouns and
 * superlatives derived from a one-word term by the stemmer ("kebohongan", "pembohong",
 * "kegagalannya", "terhebat" → bohong, gagal, hebat; see derivedRoot), which keep the verdict.
 */
export type InflectMode = 'none' | 'clitics' | 'verb' | 'derive';
export const INFLECT_MODES = ['none', 'clitics', 'verb', 'derive'] as const;

/**
 * The affixed verb forms of a normalised lexicon term (without the term itself), put into the
 * automaton as patterns: a one-word term gets the verbal prefixes and suffixes; in a phrase the
 * first word takes the prefixes ("dipasang stiker").
 */
export function inflections(term: string, mode: InflectMode = 'verb'): string[] {
  // clitics are read at match time (cliticFollows); only verb forms become patterns
  if (mode !== 'verb') return [];
  const words = term.split(' ');
  const first = words[0] ?? '';
  const out = new Set<string>();
  if (words.length === 1) {
    if (!isInflectable(first)) return [];
    const verbs = [first, ...VERB_SUFFIXES.map((s) => first + s)];
    for (const v of verbs) {
      // a bare "-i" makes other words too easily ("ekonom" + i); only with a verbal prefix
      if (v !== first && !v.endsWith(`${first}i`)) out.add(v);
      out.add(`di${v}`);
      for (const n of nasalForms(v)) out.add(n);
    }
    out.add(`ber${first}`);
  } else if (isInflectable(first)) {
    for (const p of [`di${first}`, ...nasalForms(first)]) out.add([p, ...words.slice(1)].join(' '));
  }
  out.delete(term);
  return [...out].filter((v) => !v.split(' ').some((w) => HOMOGRAPHS.has(w) && !words.includes(w)));
}

/**
 * Spellings of a phrase that informal writing joins: the prepositions "di" and "ke" are often
 * glued to the next word ("dihati", "dikantor", "kejakarta") although the standard spelling
 * keeps them apart. Only a phrase whose first word is the bare preposition, never a one-word
 * term: "dipilih" (passive verb) is not "di pilih". Spelling, not inflection: read in every mode.
 */
export function joinedSpellings(term: string): string[] {
  const m = /^(di|ke) ([a-z]{3,})(.*)$/.exec(term);
  return m ? [`${m[1]}${m[2]}${m[3]}`] : [];
}

// ── stemming (Nazief–Adriani with the ECS refinements, as in Sastrawi) ───────────────────────────

/** Words a prefix removal may yield, after the Sastrawi disambiguation rules (meN-, peN-, ber-, ter-, N-). */
function prefixRemovals(word: string): string[] {
  const out: string[] = [];
  const add = (s: string) => s.length >= 2 && out.push(s);
  for (const p of ['di', 'ke', 'se', 'ka', 'sa']) if (word.startsWith(p)) add(word.slice(p.length));
  for (const [me, pe] of [['me', 'pe']] as const) {
    for (const x of [me, pe]) {
      if (!word.startsWith(x)) continue;
      const r = word.slice(x.length);
      if (r.startsWith('ny') && VOWEL.test(r.slice(2))) add(`s${r.slice(2)}`);
      else if (r.startsWith('ng') && VOWEL.test(r.slice(2))) {
        add(r.slice(2));
        add(`k${r.slice(2)}`);
      } else if (r.startsWith('ng')) add(r.slice(2));
      else if (r.startsWith('m') && VOWEL.test(r.slice(1))) {
        add(`p${r.slice(1)}`);
        add(`m${r.slice(1)}`);
      } else if (r.startsWith('m')) add(r.slice(1));
      else if (r.startsWith('n') && VOWEL.test(r.slice(1))) {
        add(`t${r.slice(1)}`);
        add(`n${r.slice(1)}`);
      } else if (r.startsWith('n')) add(r.slice(1));
      else if (x === pe && r.startsWith('r')) add(r.slice(1));
      else add(r);
    }
  }
  for (const p of ['ber', 'ter']) {
    if (word.startsWith(p)) add(word.slice(3));
    if (word.startsWith(p.slice(0, 2)) && word[2] === 'r') add(word.slice(2));
  }
  if (word.startsWith('bel') && word.slice(3).startsWith('ajar')) add(word.slice(3));
  // Sundanese nga-, Jakarta nge-, Javanese/Sundanese bare nasal N-
  if (word.startsWith('nga') && !VOWEL.test(word.slice(3))) add(word.slice(3));
  if (word.startsWith('nge') && !VOWEL.test(word.slice(3))) add(word.slice(3));
  if (word.startsWith('ny') && VOWEL.test(word.slice(2))) {
    add(`c${word.slice(2)}`);
    add(`s${word.slice(2)}`);
  } else if (word.startsWith('ng') && VOWEL.test(word.slice(2))) {
    add(`k${word.slice(2)}`);
    add(word.slice(2));
  } else if (word.startsWith('m') && VOWEL.test(word.slice(1))) add(`p${word.slice(1)}`);
  else if (word.startsWith('n') && VOWEL.test(word.slice(1))) add(`t${word.slice(1)}`);
  else if (/^(mb|nd|nj|ngg)/.test(word)) add(word.slice(word.startsWith('ngg') ? 2 : 1));
  return out;
}

/** Word minus one inflectional ending (particle, then possessive/regional clitic), longest first. */
function inflectionRemovals(word: string): string[] {
  const out: string[] = [];
  for (const c of ['lah', 'kah', 'tah', 'pun', 'nya', 'ku', 'mu', 'na', 'ne', 'e']) {
    if (word.endsWith(c) && word.length - c.length >= 3) out.push(word.slice(0, -c.length));
  }
  return out;
}

function suffixRemovals(word: string): string[] {
  const out: string[] = [];
  for (const s of [...VERB_SUFFIXES, ...JAVANESE_SUFFIXES, ...NOUN_SUFFIXES]) {
    if (word.endsWith(s) && word.length - s.length >= 3) out.push(word.slice(0, -s.length));
  }
  return out;
}

/**
 * The root of a word, or the word itself when no affix removal reaches a root. `isRoot` is the
 * dictionary: netral passes the words of its lexicons, so a stem is always a word a rule knows.
 * Order as in ECS: inflectional endings, derivational suffixes, then up to three prefixes; and
 * (ECS "loop pengembalian akhiran") prefixes tried on the word with its suffixes restored.
 */
export function stem(word: string, isRoot: (w: string) => boolean): string {
  if (isRoot(word)) return word;
  const seen = new Set<string>([word]);
  let frontier = [word];
  for (let depth = 0; depth < 5 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (const c of [...inflectionRemovals(w), ...suffixRemovals(w), ...prefixRemovals(w)]) {
        if (seen.has(c)) continue;
        if (isRoot(c)) return c;
        seen.add(c);
        next.push(c);
      }
    }
    frontier = next;
  }
  return word;
}

// ── derived verdict words at match time ───────────────────────────────────────────────────────────

/**
 * The shapes of derivation that keep a verdict word's meaning: the ke-…-an abstract noun
 * ("kebohongan", "ketidakmampuan" aside), the agent noun peN- ("pembohong", "penipu",
 * "pengkhianat") and the superlative ter- ("terhebat", "terbodoh"), each with an optional clitic.
 * Verb forms are left out on purpose: "menegaskan" (to affirm) is not "tegas" (firm), "dipuji"
 * reports praise instead of giving it.
 */
const DERIVED_SHAPE = /^(?:ke[a-z]{3,}an|pe[a-z]{4,}|ter[a-z]{3,})(?:nya|lah|ku|mu)?$/;
/** Bounded memo of derivedRoot per root dictionary: words repeat across a scan, the stemmer is a search. */
const MEMO_LIMIT = 50_000;

/**
 * The root of a derived verdict word, when the Nazief–Adriani/ECS stemmer (stem) reaches a word
 * of the dictionary from one of the derivation shapes above; undefined otherwise.
 */
export function derivedRoot(word: string, isRoot: (w: string) => boolean, memo?: Map<string, string | null>): string | undefined {
  if (word.length < 6 || !DERIVED_SHAPE.test(word)) return undefined;
  const known = memo?.get(word);
  if (known !== undefined) return known ?? undefined;
  const root = stem(word, isRoot);
  const found = root !== word && isRoot(root) ? root : null;
  if (memo) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, found);
  }
  return found ?? undefined;
}
