import { normalise } from './normalise.js';
import { wordsOf } from './words.js';

/**
 * The words of a display name as the normaliser writes them ("Mbak Endah Promkes" → "mbak",
 * "endah", "promkes"), made once per name. The reply readings ask for the names of every member of a
 * chat's thread on every message (saysMoreThanCourtesy, memberWords, addresses): normalising the
 * same two dozen names again for each message was two thirds of saysMoreThanCourtesy and about 7 %
 * of a WhatsApp group's scan (bench/NOTES-s54-speed.md). `normalise` without say-verbs is a pure
 * function of the string, so the cached answer is the same answer (read only).
 */
const CACHE = new Map<string, readonly string[]>();
/** names remembered at most: a scan meets few display names; past this the cache starts over */
const MAX_NAMES = 4096;

export function nameWords(name: string): readonly string[] {
  let words = CACHE.get(name);
  if (words === undefined) {
    words = Object.freeze(wordsOf(normalise(name).text).map((w) => w.word));
    if (CACHE.size >= MAX_NAMES) CACHE.clear();
    CACHE.set(name, words);
  }
  return words;
}
