// Words for a candidate's camp of supporters, derived from the candidate's own one-word names by
// the suffixes Indonesian election talk borrows from English fandom: "Ahok" → "ahoker(s)",
// "Jokowi" → "jokower(s)" (a final vowel falls away) or "jokowi lovers", "Ganjar" → "ganjarist".
// Made for every candidate alike, never listed by hand. A camp word names the pair's side, not
// the pair: it is no mention on its own, but an insult aimed at it ("#ahokers jorok") is an
// attack on that pair and a verdict on it counts in the pair's stance (RUBRIC: camp slurs aimed
// at one side).
import { termText } from '../text/term-text.js';
import type { RegistryPair } from './registry-schema.js';

/** glued to the name ("ahokers", "ganjarist") */
const GLUED = ['er', 'ers', 'ist', 'lovers'] as const;
/** a word of its own after the name ("jokowi lovers") */
const SPACED = ['lovers'] as const;
/**
 * Fandom camps form around candidates the national timeline follows: presidents and governors.
 * Words for the ~1,000 regents' and mayors' candidates of a Pilkada year would double the
 * matcher's terms (36,628 camp words against 28,050 terms with every region loaded) for words
 * nobody writes.
 */
export const CAMP_LEVELS: ReadonlySet<string> = new Set(['pilpres', 'pilgub']);
/** shorter names make camp words that are other words ("ahyer") or too easily typed by chance */
const MIN_NAME = 4;

/** The camp words of one name form ("ahok" → ahoker, ahokers, ahokist, …, "ahok lovers"). */
export function campWordsOf(form: string): string[] {
  const word = termText(form);
  if (word.includes(' ') || word.length < MIN_NAME || !/^\p{L}+$/u.test(word)) return [];
  const stems = new Set([word]);
  // "jokowi" + "ers" is written "jokowers": the name's final vowel gives way to the suffix's
  if (/[aiueo]$/.test(word) && word.length > MIN_NAME) stems.add(word.slice(0, -1));
  const out = new Set<string>();
  for (const stem of stems) for (const s of GLUED) out.add(stem + s);
  for (const s of SPACED) out.add(`${word} ${s}`);
  out.delete(word);
  return [...out];
}

/** Camp words of every candidate of a pair, from their unambiguous forms only ("agus", "sandi" make none). */
export function campForms(pair: RegistryPair): string[] {
  const out = new Set<string>();
  for (const c of pair.candidates) for (const f of c.forms) for (const w of campWordsOf(f)) out.add(w);
  return [...out];
}
