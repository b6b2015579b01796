// Verbal affixes of the regional languages, generated on Indonesian (or glossed) roots: how
// Javanese, Sundanese, Madurese, Acehnese, Balinese and Banjarese write the cue verbs around a
// root ("dipilihkeun", "menangke", "epele", "adukung", "jipileh", "kapilihang", "dipilihakan").
// Like the Indonesian inflections of morphology.ts they become extra patterns of the one
// automaton (matcher.ts), with the owners of the term they come from.
//
// The table is netral's own work (MIT), written from the standard grammar descriptions of each
// language's verb morphology: Javanese (Robson, "Javanese Grammar for Students", 2002: N-, di-,
// -ake/-ke, -ne, imperative -en), Sundanese (Müller-Gotama, "Sundanese", 2001: N-/nga-, di-, -keun),
// Madurese (Davies, "A Grammar of Madurese", 2010: a-, N-, e- passive, -aghi applicative),
// Acehnese (Durie, "A Grammar of Acehnese", 1985: person proclitics geu-, ji-, neu-, lon-, ku- and
// the intransitive meu-), Balinese (Arka, "Balinese Morphosyntax", 2003: N-, ma-, ka- passive,
// -ang applicative) and Banjarese (Hapip, "Kamus Banjar–Indonesia", 2006, grammar notes: ba-, di-,
// -akan). Only affixes that keep the verb's meaning are listed (no nominalisers); vowel shifts of
// the roots (Acehnese "pileh" for "pilih") are the gloss table's business, not this one's.
import type { GlossLanguage } from './glosses.js';

/**
 * One affix pattern: a prefix ('N' = the language's nasal prefix) and a suffix (either may be
 * empty). `readAsIndonesian` marks the forms Indonesian makes too (di-X, nga-X, bare N- forms): a
 * word in one of them is read as Indonesian, never explained as regional.
 */
export interface RegionalAffix {
  prefix: string;
  suffix: string;
  readAsIndonesian: boolean;
}

const a = (prefix: string, suffix = ''): RegionalAffix => ({
  prefix,
  suffix,
  readAsIndonesian: prefix === 'N' || (suffix === '' && ['', 'di', 'nga'].includes(prefix)),
});

/** Per language, the affix patterns of its verbs (the plain di- and N- forms Indonesian already has are included: a gloss variant needs them). */
export const REGIONAL_AFFIXES: Readonly<Partial<Record<GlossLanguage, readonly RegionalAffix[]>>> = {
  // Javanese: di-X-ke / di-X-ake / di-X-ne (passive applicative), X-ke / X-ake / X-ne
  // (applicative, imperative), imperative X-en, N-X, N-X-ke / N-X-ake
  jav: [
    a('di'), a('di', 'ke'), a('di', 'ake'), a('di', 'ne'),
    a('', 'ke'), a('', 'ake'), a('', 'ne'), a('', 'en'),
    a('N'), a('N', 'ke'), a('N', 'ake'),
  ],
  // Sundanese: di-X, di-X-keun, X-keun, N-X / nga-X, N-X-keun / nga-X-keun (the -na clitic is read at match time)
  sun: [
    a('di'), a('di', 'keun'), a('', 'keun'),
    a('N'), a('nga'), a('N', 'keun'), a('nga', 'keun'),
  ],
  // Madurese: a-X (intransitive), N-X (transitive), e-X (passive), X-aghi, e-X-aghi, N-X-aghi
  mad: [a('a'), a('N'), a('e'), a('', 'aghi'), a('e', 'aghi'), a('N', 'aghi')],
  // Acehnese: person proclitics on the verb, active or passive alike: geu- (he/she, polite),
  // ji- (he/she, familiar), neu- (you, polite), lon- (I), ta- (we inclusive, you polite: "bek
  // tapileh", don't we choose); meu- (intransitive). ku- (I, familiar) is left out: it is also
  // Indonesian "ku-"
  ace: [
    ...['geu', 'ji', 'neu', 'lon', 'ta'].map((p) => a(p)),
    a('meu'),
  ],
  // Balinese: N-X, ma-X (middle; everyday spelling writes it me-: "mestiker", "mebaju"), ka-X
  // (passive), X-ang, ka-X-ang, N-X-ang
  ban: [a('N'), a('ma'), a('me'), a('ka'), a('', 'ang'), a('ka', 'ang'), a('N', 'ang')],
  // Banjarese: ba-X (= ber-), di-X, X-akan, di-X-akan
  bjn: [a('ba'), a('di'), a('', 'akan'), a('di', 'akan')],
  // Minangkabau (Moussay, "Tata Bahasa Minangkabau", 1998): di-X (passive, as Indonesian: "Jan
  // dipiliah!"), di-X-an (Indonesian di-X-kan), maN-X (Indonesian meN-: "mamiliah", "mandukuang";
  // 'maN' = ma- with the nasal of minangNasal) and maN-X-an. ba- (ber-) and ta- (ter-) are left
  // out: they make no vote or support verb ("tapiliah" is "terpilih", a result)
  min: [a('di'), a('di', 'an'), a('maN'), a('maN', 'an')],
};

/**
 * The nasal of the Minangkabau prefix maN- (Moussay 1998): p, t, k, s are replaced by m, n, ng, ny
 * ("piliah" → "mamiliah"), a vowel takes ng- ("ambiak" → "mangambiak"), b takes m-, d, c, j take
 * n-, g takes ng- ("mambali", "mandukuang", "manjua", "manggaleh"), any other letter none ("maraso").
 */
function minangNasal(root: string): string {
  const c = root[0] ?? '';
  const rest = root.slice(1);
  if (VOWEL.test(c)) return `ng${root}`;
  if (c === 'p') return `m${rest}`;
  if (c === 't') return `n${rest}`;
  if (c === 'k') return `ng${rest}`;
  if (c === 's') return `ny${rest}`;
  if (c === 'b') return `m${root}`;
  if (c === 'd' || c === 'c' || c === 'j') return `n${root}`;
  if (c === 'g') return `ng${root}`;
  return root;
}

const VOWEL = /^[aiueo]/;

/** The bare nasal prefix N- of a root in one language ("pilih" → "milih"; Javanese "dukung" → "ndukung"). */
export function regionalNasal(root: string, lang: GlossLanguage): string {
  const c = root[0] ?? '';
  const rest = root.slice(1);
  if (VOWEL.test(c)) return `ng${root}`;
  if (c === 'p') return `m${rest}`;
  if (c === 't') return `n${rest}`;
  if (c === 'k') return `ng${rest}`;
  if (c === 's' || c === 'c') return `ny${rest}`;
  if (lang === 'jav') {
    if (c === 'w') return `m${rest}`;
    if (c === 'b') return `m${root}`;
    if (c === 'd' || c === 'j') return `n${root}`;
    if (c === 'g') return `ng${root}`;
    return `nge${root}`;
  }
  if (lang === 'sun') return c === 'b' ? `m${rest}` : `nga${root}`;
  if (c === 'b') return `m${rest}`;
  if (c === 'd') return `n${rest}`;
  if (c === 'j') return `ny${rest}`;
  if (c === 'g') return `ng${rest}`;
  return `nge${root}`;
}

/** A regional affixed form and the language whose affix made it. */
export interface RegionalForm {
  form: string;
  lang: GlossLanguage;
}

/** Shortest root a prefix-only form is made of: short roots make other words too easily ("a" + "lat"). */
const MIN_PREFIX_ROOT = 4;
/** Shortest prefix-only form: a nasal that replaces the first letter of a short root makes a short word of another meaning (Balinese N-"bagi" is Buginese "magi", why). */
const MIN_PREFIX_FORM = 5;
/** Shortest root any affix is put on. */
const MIN_ROOT = 3;

/**
 * The affixed forms of a one-word root in one language (without the root itself). Javanese and
 * Sundanese suffixes after a vowel-final root keep the vowel ("bagi" + "keun" → "bagikeun").
 */
export function regionalAffixForms(root: string, lang: GlossLanguage): string[] {
  if (root.length < MIN_ROOT || !/^[a-z]+$/.test(root)) return [];
  const out = new Set<string>();
  for (const { prefix, suffix } of REGIONAL_AFFIXES[lang] ?? []) {
    if (suffix === '' && root.length < MIN_PREFIX_ROOT) continue;
    // Javanese -ake after a vowel is -kake ("bagekake"), -en after a vowel -nen: keep to the consonant-final roots
    if ((suffix === 'ake' || suffix === 'en') && VOWEL.test(root.slice(-1))) continue;
    const stem = root + suffix;
    const form = prefix === 'N' ? regionalNasal(stem, lang) : prefix === 'maN' ? `ma${minangNasal(stem)}` : prefix + stem;
    if (suffix === '' && form.length < MIN_PREFIX_FORM) continue;
    if (form !== root) out.add(form);
  }
  return [...out];
}
