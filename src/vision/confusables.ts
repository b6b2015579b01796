// OCR's confusable marks: bold capitals on cloth or a sticker are often read with a stroke or a
// digit in place of a letter ("AN(ES", "5ITI"). Repaired only into the registry's name words.
// Pure, so it is tested without the optional packages.

// Marks OCR reads for a letter of bold capitals, and the letter: a stroke for I ("AN(ES"), a
// digit for the letter it looks like ("5ITI", "BUD1").
const CONFUSABLES: Readonly<Record<string, string>> = { '(': 'I', ')': 'I', '|': 'I', '!': 'I', '[': 'I', ']': 'I', '{': 'I', '}': 'I', '1': 'I', l: 'I', '0': 'O', '5': 'S', '8': 'B', '6': 'G', $: 'S', '€': 'E' };

/**
 * A word read with some of OCR's confusable marks in place of letters is read as the name word it
 * then spells exactly ("AN(ES" → "ANIES"); any other word is kept as read. Only whole name words
 * of the registry are repaired, never everyday words: a mark stays a mark unless the repair makes
 * a candidate's name.
 */
export function confusablesRepaired(text: string, names: ReadonlySet<string>): string {
  if (names.size === 0 || !/[\p{L}]/u.test(text)) return text;
  const core = text.replace(/^[^\p{L}\p{N}(|![{]+|[^\p{L}\p{N})|!\]}]+$/gu, '');
  if (core.length < 4) return text;
  const spelt = [...core].map((c) => CONFUSABLES[c] ?? c.toUpperCase()).join('');
  // a word with no confusable in it is kept as read (its case too)
  return spelt !== core.toUpperCase() && names.has(spelt) ? spelt : text;
}

/** A read word with each of OCR's confusable marks read as its letter, upper case ("4fauzisiz)" → "4FAUZISIZI"). */
export function unconfused(text: string): string {
  return [...text].map((c) => CONFUSABLES[c] ?? c.toUpperCase()).join('');
}
