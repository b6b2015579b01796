// (s55) The writer's own word that a name is not the candidate's: "Nama saya Bowo, bukan Prabowo",
// "Pak Hendi tanggaku sing dodol bakso, dudu Mas Hendi cawagub", "Lalu Iqbal itu nama satpam kantor
// kami, bukan calon gubernur". Read on the normalised text (lower case, "bkn" already "bukan").
import { allHonorificWords } from '../registry/honorifics.js';
import type { NormalisedText } from '../text/normalise.js';

/**
 * The nominal negations that deny who someone is: Indonesian bukan, Javanese ngoko dudu and krama
 * sanes (also Sundanese), Madurese bânnè (normalised "banne"). Not "lain" (Sundanese "not", but
 * also "other": "yang lain") nor the verbal negations ("tidak", "ora").
 */
const DENIAL = new Set(['bukan', 'dudu', 'sanes', 'banne']);

/** The candidacy words that, right after a denial and closing its clause, say "not the candidate" ("bukan calon gubernur 😂"). */
const CANDIDACY_DENIED = /^(?:calon|capres|cawapres|cagub|cawagub|cabup|cawabup|cawalkot|cawawalkot|paslon)(?:\s+(?:wakil|presiden|gubernur|bupati|wali|kota|walikota|wabup|wagub|wawali))*\s*(?:$|[^\p{L}\p{N}\s]|(?:ya|yo|lho|loh|lo|nah|nggih|guys|gaes|kok)\b)/u;

const WORD = /\p{L}+/gu;

/**
 * The same person then and now, right after the denied name: "Jokowi sekarang bukan Jokowi yang
 * dulu", "… dudu Prabowo sing biyen" is an attack on the candidate, not a namesake.
 */
const THEN_AND_NOW = /^(?:\s+\p{L}+)?\s+(?:yang|yg|sing|nu|nan)\s+(?:(?:kita|kami|aku|saya)\s+)?(?:dulu|dahulu|lama|biyen|mbiyen|baheula|kapungkur|kemarin|kenal|dikenal)\b/u;

interface Denial {
  /** where the denial word starts */
  at: number;
  /** the first name word after it (an honorific and "si" skipped), and where it starts */
  word: string;
  wordAt: number;
  /** the candidacy itself is denied ("bukan calon gubernur") */
  candidacy: boolean;
}

/** The writer's own denials of a text, each with the word it denies; not a tag's ("#AsalBukanGibran" is a camp's slogan). */
function denialsIn(norm: NormalisedText): Denial[] {
  const text = norm.text;
  const out: Denial[] = [];
  const honorifics = allHonorificWords();
  const words = [...text.matchAll(WORD)];
  words.forEach((m, i) => {
    if (!DENIAL.has(m[0]) || norm.inHashtag[m.index ?? 0] === 1) return;
    let k = i + 1;
    while (k < words.length && (honorifics.has(words[k]?.[0] ?? '') || words[k]?.[0] === 'si') && k - i <= 2) k++;
    const next = words[k];
    if (!next) return;
    const afterDenial = text.slice((m.index ?? 0) + m[0].length).trimStart();
    out.push({ at: m.index ?? 0, word: next[0], wordAt: next.index ?? 0, candidacy: CANDIDACY_DENIED.test(afterDenial) });
  });
  return out;
}

/** One name word is the other, or holds it at either end ("bowo" in "prabowo", "sandi" in "sandiaga"). */
function sameName(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return false;
  return a === b || a.startsWith(b) || a.endsWith(b) || b.startsWith(a) || b.endsWith(a);
}

/**
 * Is the name at [start, end) one the writer says is not the candidate's? Either the name is
 * said twice, once plainly and once denied ("Nama saya Rahman tapi bukan Rahman Bando", "Tetangga
 * ku namanya Sandi … bukan Sandiaga nah": both mentions are the namesake's, the denied one too),
 * or the name's own sentence goes on to deny the candidacy and closes there ("Lalu Iqbal itu nama
 * satpam kantor kami, bukan calon gubernur 😂"). A name denied without being said before stays the
 * candidate's ("asal bukan Jokowi", "Bukan Abah do 😏"), and so do "Gibran bukan cawapres yang
 * layak", where the clause goes on, a denial inside a tag ("… kosong. #AsalBukanGibran") and the
 * same person then and now ("Jokowi sekarang bukan Jokowi yang dulu").
 */
export function namesakeDenied(norm: NormalisedText, start: number, end: number): boolean {
  const text = norm.text;
  if (!/\b(?:bukan|dudu|sanes|banne)\b/u.test(text)) return false;
  const names = text.slice(start, end).match(WORD) ?? [];
  for (const d of denialsIn(norm)) {
    if (d.candidacy) {
      // the name stands before the denial in the same sentence
      if (end <= d.at && !/[.!?\n]/u.test(text.slice(end, d.at))) return true;
      continue;
    }
    if (!names.some((n) => sameName(n, d.word)) || THEN_AND_NOW.test(text.slice(d.wordAt + d.word.length))) continue;
    // the same name said before the denial, as a word of its own
    const before = text.slice(0, d.at).match(WORD) ?? [];
    if (before.some((w) => sameName(w, d.word) && !DENIAL.has(w))) return true;
  }
  return false;
}
