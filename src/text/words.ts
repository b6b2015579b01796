// The words of a normalised text as the matcher's word boundaries see them (normalise.ts
// isWordBoundary, wordTokens): maximal runs of letters and digits. Punctuation, emoji and
// apostrophes stand between words. The engine's readers that walk a text word by word
// (rules/reply-act.ts, rules/evaluate.ts) take their words from here, so a word they read is a
// word a lexicon term can match.

const WORD = /[\p{L}\p{N}]+/gu;

/** One word of a text and where it stands (normalised offsets, end exclusive). */
export interface TextWord {
  word: string;
  start: number;
  end: number;
}

/** The words of `text` in order; with `limit`, only the first `limit` (a reader of a reply's opening words stops there). */
export function wordsOf(text: string, limit = Number.POSITIVE_INFINITY): TextWord[] {
  const out: TextWord[] = [];
  if (limit <= 0) return out;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ word: m[0], start, end: start + m[0].length });
    if (out.length >= limit) break;
  }
  return out;
}
