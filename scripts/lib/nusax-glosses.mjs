// The filters that turn NusaX word pairs (Indonesian word → regional form) into glosses netral
// may ship (scripts/build-nusax-glosses.mjs). Pure functions over plain data, so the tests
// (test/rules/nusax-glosses.test.ts) can check each filter on its own.
//
// A gloss lets a regional word stand for an Indonesian word in the matcher. It is kept only when
//   - the Indonesian word can matter to a rule (it, or its root, is a word of some rule or lexicon term);
//   - the regional form differs from the Indonesian word once both are normalised (identity is useless);
//   - the regional form is not itself Indonesian: not a word (or the root of a word) of the
//     Indonesian side of the NusaX corpus, of netral's own lexicons, slang table or registry —
//     "bangga" (Madurese for "salut") is an ordinary Indonesian word of another meaning;
//   - the regional form is long enough to be read as a word (four letters: "keu", "ka", "bik"
//     are prepositions of many meanings);
//   - the regional form is not a word of netral's own hand-made regional lists (rules/lexicons/
//     daerah-*.yml: they already read it, maybe in another sense: Javanese "gelem" is Balinese "sakit");
//   - it is not a word of another of the ten languages in the parallel sentences, unless that
//     language's lexicon gives it the same Indonesian word (Javanese "podo" is Buginese "semoga");
//   - it stands for one Indonesian word only, in all the lexicons (Madurese "bhunga" is
//     "bahagia", "bangga" and "salut").

/** NusaX file names → ISO 639-3 codes (the codes the gloss file and netral use). */
export const NUSAX_LANGUAGES = {
  acehnese: 'ace',
  balinese: 'ban',
  banjarese: 'bjn',
  buginese: 'bug',
  javanese: 'jav',
  madurese: 'mad',
  minangkabau: 'min',
  ngaju: 'nij',
  sundanese: 'sun',
  toba_batak: 'bbc',
};

/** Shortest single-word regional form kept. */
export const MIN_FORM_LENGTH = 4;

/**
 * Regional forms dropped after reading the generated list (each an Indonesian word or a word
 * of a much wider meaning that the corpus vocabulary happened not to contain).
 */
export const DENY_FORMS = new Map([
  ['ugak', 'Surabaya Javanese "too" (juga) as often as "not"'],
  ['dohot', 'Toba Batak "and, with": not "to join"'],
  ['team', 'English "team", not "to trust"'],
  ['menga', 'Toba Batak "proud"; a clipped Indonesian word in tweets of the development set'],
  ['mabok', 'Indonesian colloquial "drunk"'],
  ['pegel', 'Indonesian colloquial "stiff, fed up"'],
  ['hate', 'English "hate", common in Indonesian posts'],
  ['late', 'English "late"'],
  ['sinta', 'a given name'],
  ['nyimpan', 'Jakarta "menyimpan" (to store), not "mengamankan"'],
  ['paste', 'English "paste" (copy-paste), common in Indonesian posts; Madurese "pasteh" stays'],
  ['aseng', 'Indonesian political slur ("antek aseng") and a given name, not Acehnese "asing" in posts'],
  ['kalahin', 'Jakarta "kalahin" (to defeat), not Balinese "tinggal"'],
  ['bare', 'English "bare", not Buginese "sopan"'],
  ['dago', 'a Bandung place name (Jalan Dago), not Sundanese "tunggu" in posts'],
  // read in NusaX's own train and valid sentences (stop 45): the lexicon's sense is not the one they use
  ['jeuet', 'Acehnese "bisa, boleh" in 70 train/valid sentences, never "silahkan"'],
  ['singoh', 'Acehnese "besok", not "nanti"'],
  ['maulah', 'Banjar "membuat" in 43 train/valid sentences, not "menyebabkan"'],
  ['ngaenang', 'Balinese "membuat" in 27 train/valid sentences, not "menyebabkan"'],
  ['diparade', 'Toba Batak "disajikan" (served), not "silahkan"'],
]);

/**
 * Indonesian words whose NusaX sense is not the one netral's rules use: their glosses would
 * stand for the wrong word ("bagi" is "for" in the lexicon, "share" in the rules; "sama" is
 * "with"/"same", a reply cue "me too" in the rules).
 */
export const DENY_TARGETS = new Map([
  ['bagi', 'preposition "for" in NusaX; "share" (dibagikan) in the rules'],
  ['sama', '"with"/"same" in NusaX; the reply cue "same here" in the rules'],
  ['pada', 'preposition'],
  ['oleh', 'preposition'],
]);

/**
 * A word-final apostrophe (the glottal stop of Madurese, Buginese, Acehnese: "sèngko'", "tike'")
 * is dropped before normalising: the bare word matches both "sengko'" and "sengko" in a text,
 * since the apostrophe is not a letter and ends the word.
 */
export function dropFinalApostrophes(text) {
  return text.replace(/['\u2019`]+(?=\s|$)/gu, '');
}

/** Words of an already normalised string. */
export function wordsOf(text) {
  return text.split(' ').filter(Boolean);
}

/**
 * The roots an Indonesian word may have once common affixes are cut off, without a dictionary
 * (over-generating on purpose: a regional form equal to any of them is not glossed).
 */
export function naiveRoots(word) {
  const out = new Set([word]);
  const suffixes = ['nya', 'lah', 'kah', 'kan', 'an', 'i', 'ku', 'mu'];
  const prefixes = ['di', 'ke', 'se', 'ber', 'be', 'ter', 'te', 'per', 'pe', 'meng', 'meny', 'mem', 'men', 'me', 'peng', 'peny', 'pem', 'pen'];
  const bases = [word];
  for (const s of suffixes) if (word.endsWith(s) && word.length - s.length >= 3) bases.push(word.slice(0, -s.length));
  for (const b of bases) {
    out.add(b);
    for (const p of prefixes) if (b.startsWith(p) && b.length - p.length >= 3) out.add(b.slice(p.length));
  }
  return [...out];
}

/** A set of Indonesian words and their naive roots. */
export function indonesianVocabulary(words) {
  const out = new Set();
  for (const w of words) for (const r of naiveRoots(w)) out.add(r);
  return out;
}

/**
 * A word of netral's rules that is a regional word written beside its Indonesian one ("mboten",
 * "hoyong", "ikuik" in a lexicon's terms), not Indonesian evidence for filter 4: a form of NusaX's
 * regional lexicons (`regionalForms`) that neither the Indonesian dictionary nor NusaX's
 * Indonesian side (`indonesianWords`) has, nor a naive root of it ("bantuan": Indonesian).
 */
export function isListedRegionalWord(word, { regionalForms, indonesianWords }) {
  return regionalForms.has(word) && ![...naiveRoots(word)].some((r) => indonesianWords.has(r));
}

/**
 * Why a (target, form) pair is not a gloss, or undefined when it is one. `target` and `form` are
 * normalised (netral's normaliser); `indonesian` is indonesianVocabulary(...); `relevant(target)`
 * says whether a rule can see the target.
 */
export function rejectReason(target, form, { indonesian, relevant, regional = new Set(), otherLanguage = () => false }) {
  if (!/^[a-z]+$/.test(target)) return 'target not one word';
  if (form === '' || !/^[a-z]+(?: [a-z]+)*$/.test(form)) return 'not letters';
  if (form === target) return 'identity';
  if (!relevant(target)) return 'irrelevant';
  if (DENY_TARGETS.has(target)) return 'denied';
  const words = wordsOf(form);
  if (words.length === 1) {
    if (form.length < MIN_FORM_LENGTH) return 'short';
    if (indonesian.has(form)) return 'indonesian word';
    if (regional.has(form)) return 'netral regional word';
    if (otherLanguage(form, target)) return 'other language word';
  } else {
    if (words.every((w) => indonesian.has(w) || w.length < 3)) return 'indonesian words';
    if (words.some((w) => w === target)) return 'contains target';
  }
  if (DENY_FORMS.has(form)) return 'denied';
  return undefined;
}

/**
 * Glosses from NusaX lexicon rows, one language at a time: `rows` are [indonesian, regional]
 * pairs as written, `fold` normalises like netral. Returns the kept glosses and a count of each
 * reason for dropping a pair.
 */
export function glossesFromPairs(rows, lang, { fold, ...filters }) {
  const kept = [];
  const dropped = {};
  const seen = new Set();
  for (const [ind, reg] of rows) {
    const target = fold(ind);
    const form = fold(reg);
    const why = rejectReason(target, form, filters);
    if (why) {
      dropped[why] = (dropped[why] ?? 0) + 1;
      continue;
    }
    const key = `${target}\u0000${form}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push({ lang, target, form });
  }
  return { kept, dropped };
}

/**
 * Does a one-word form of `lang` occur in another language's sentences of the parallel corpus
 * (at least `min` times) without that language's lexicon giving it the same target? Javanese
 * "podo" ("same") is Buginese for "semoga"; Sundanese "punten" ("excuse me") is Toba Batak for "nilai".
 */
export function otherLanguageUse(form, lang, target, { sentenceCounts, lexiconTargets, min = 2 }) {
  for (const [other, counts] of sentenceCounts) {
    if (other === lang || (counts.get(form) ?? 0) < min) continue;
    if (!(lexiconTargets.get(other)?.get(form) ?? new Set()).has(target)) return true;
  }
  return false;
}

/**
 * Drops forms that stand for more than one Indonesian word (in one language or across
 * languages): "bhunga" is "bahagia", "bangga" and "salut" in Madurese. Two targets of one root
 * ("dukung", "mendukung") are one word. Returns the glosses kept and the forms dropped.
 */
export function dropAmbiguousForms(glosses, sameWord = (a, b) => a === b) {
  const targets = new Map();
  for (const g of glosses) {
    const list = targets.get(g.form) ?? [];
    if (!list.some((t) => sameWord(t, g.target))) list.push(g.target);
    targets.set(g.form, list);
  }
  const ambiguous = new Set([...targets].filter(([, list]) => list.length > 1).map(([form]) => form));
  return { kept: glosses.filter((g) => !ambiguous.has(g.form)), ambiguous: [...ambiguous].sort() };
}

/**
 * Word pairs mined from parallel sentences by Dice co-occurrence: for each cue word, the
 * regional word that co-occurs with it most, kept only when it is frequent and clean enough.
 * `pairs` are [indonesianWords, regionalWords] per sentence (each a set of normalised words).
 * Checked afterwards on held-out sentence pairs by `alignmentPrecision`.
 */
export function mineByDice(pairs, cues, { minCount = 3, minDice = 0.6 } = {}) {
  const indCount = new Map();
  const regCount = new Map();
  const joint = new Map();
  for (const [ind, reg] of pairs) {
    for (const r of reg) regCount.set(r, (regCount.get(r) ?? 0) + 1);
    for (const w of ind) {
      if (!cues.has(w)) continue;
      indCount.set(w, (indCount.get(w) ?? 0) + 1);
      let m = joint.get(w);
      if (!m) joint.set(w, (m = new Map()));
      for (const r of reg) m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  const out = [];
  for (const [w, m] of joint) {
    let best;
    for (const [r, c] of m) {
      const dice = (2 * c) / ((indCount.get(w) ?? 0) + (regCount.get(r) ?? 0));
      if (!best || dice > best.dice || (dice === best.dice && r < best.form)) best = { form: r, count: c, dice };
    }
    if (best && best.count >= minCount && best.dice >= minDice) out.push({ target: w, form: best.form, count: best.count, dice: Math.round(best.dice * 1000) / 1000 });
  }
  return out.sort((a, b) => a.target.localeCompare(b.target));
}

/**
 * How often a mined pair holds on other sentence pairs: of the pairs whose regional side has
 * the form, the share whose Indonesian side has the target (undefined when the form never occurs).
 */
export function alignmentPrecision(pairs, target, form) {
  let withForm = 0;
  let both = 0;
  for (const [ind, reg] of pairs) {
    if (!reg.has(form)) continue;
    withForm++;
    if (ind.has(target)) both++;
  }
  return withForm === 0 ? undefined : { occurrences: withForm, precision: both / withForm };
}
