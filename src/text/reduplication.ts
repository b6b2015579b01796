// Reduplication: Indonesian and the regional languages make a word of a word written twice
// ("sama-sama" you're welcome, "siap-siap" getting ready, "alun-alun" the town square, "kawan2"
// friends). A function word of one language may be half of another's reduplicated noun: Minang
// "alun" (not yet) is the first half of Javanese and Indonesian "alun-alun".

/** what joins a word to its repeat: a space or a hyphen */
const REPEAT_JOIN = /^[\s-]$/u;

/** The word at [start, end) of the normalised text is written twice in a row ("sami-sami", "sama sama"). */
export function reduplicated(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/\s/u.test(word)) return false;
  const n = word.length;
  // the repeat must be a whole word too ("sama samaku" is not one word twice); plain string
  // comparisons, not two regexes compiled per hit
  if (end + n + 1 <= text.length && !/[\p{L}\p{N}]/u.test(text[end + n + 1] ?? '') && REPEAT_JOIN.test(text[end] as string) && text.startsWith(word, end + 1)) return true;
  return start >= n + 1 && REPEAT_JOIN.test(text[start - 1] as string) && text.startsWith(word, start - n - 1);
}
