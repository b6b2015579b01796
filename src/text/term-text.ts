// The normalised form of a rule or registry term, computed once per distinct term. Compiling a
// pack with every Pilkada region normalises ~60,000 term strings, most of them several times
// (name keys, joined forms, the matcher); the memo removes the repeats, and the pack cache
// (rules/pack-cache.ts) fills it from disk so a warm start normalises nothing.
import { normalise } from './normalise.js';

const texts = new Map<string, string>();

/** normalise(term).text, memoised. */
export function termText(term: string): string {
  let text = texts.get(term);
  if (text === undefined) {
    text = normalise(term).text;
    texts.set(term, text);
  }
  return text;
}

/** Every memoised pair (what the pack cache writes). */
export function termTexts(): ReadonlyMap<string, string> {
  return texts;
}

/** Add pairs computed earlier by this same normaliser (read from the pack cache). */
export function primeTermTexts(pairs: Iterable<[string, string]>): void {
  for (const [term, text] of pairs) if (!texts.has(term)) texts.set(term, text);
}
