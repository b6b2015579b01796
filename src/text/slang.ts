// Chat abbreviations and slang → standard form, applied token by token during normalisation
// (after lower-casing and elongation squashing, so "bangettt" is looked up as "banget"), and the
// words that tell Javanese "aja" (don't) from chat Indonesian "aja" (just). They are data with
// their sources and policy (rules/text/slang.json), read and validated here once when the text
// layer loads: it has no rule pack to take them from, and every term of a pack goes through the
// same normaliser (so the pack cache hashes this file with its code: pack-cache.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The data file (rules/ next to src/ and dist/). */
export const SLANG_FILE = fileURLToPath(new URL('../../rules/text/slang.json', import.meta.url));

export interface SlangWords {
  slang: Readonly<Record<string, string>>;
  javaneseNext: ReadonlySet<string>;
  sajaNext: ReadonlySet<string>;
}

/** Read and check a slang file (SLANG_FILE; another path only in tests): a clear error naming the file and the entry at fault. */
export function readSlangFile(file: string): SlangWords {
  const token = z.string().regex(/^[a-z0-9]+$/, 'a lower-case token');
  const word = z.string().regex(/^[a-z]+$/, 'a lower-case word');
  const WordClass = z.object({ description: z.string().min(1), source: z.string().min(1), words: z.array(word).min(1) }).strict();
  const SlangFile = z
    .object({
      schema: z.literal(1),
      description: z.string().min(1),
      licence: z.string().min(1),
      source: z.string().min(1),
      policy: z.array(z.string().min(1)),
      groups: z.array(z.object({ note: z.string().min(1), words: z.record(token, z.string().regex(/^[a-z]+( [a-z]+)*$/, 'lower-case words')) }).strict()).min(1),
      aja: z.object({ description: z.string().min(1), javaneseNext: WordClass, sajaNext: WordClass }).strict(),
    })
    .strict();
  const parsed = SlangFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  // a null-prototype record: a token is looked up by its text, and "constructor" is no slang
  const slang: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const group of parsed.data.groups) {
    for (const [k, v] of Object.entries(group.words)) {
      if (k in slang) throw new Error(`${file}: "${k}" is in two groups`);
      slang[k] = v;
    }
  }
  return { slang, javaneseNext: new Set(parsed.data.aja.javaneseNext.words), sajaNext: new Set(parsed.data.aja.sajaNext.words) };
}

const WORDS = readSlangFile(SLANG_FILE);

/** lower-case token → replacement (one or more words, lower-case) */
export const SLANG: Readonly<Record<string, string>> = WORDS.slang;

/** Words after "aja" that only Javanese puts there: "aja" before them is "don't" wherever it stands (slang.json aja.javaneseNext). */
export const AJA_JAVANESE_NEXT: ReadonlySet<string> = WORDS.javaneseNext;

/** Words after a clause-opening "aja" that keep it chat Indonesian "saja" (slang.json aja.sajaNext). */
export const AJA_SAJA_NEXT: ReadonlySet<string> = WORDS.sajaNext;

/**
 * Is this "aja" the Javanese prohibitive? `next` is the word right after it (lower-case, as the
 * character pass gives it), `gapAfter` what stands between them, `gapBefore` what stands between
 * the word before and it, `first` whether it is the text's first word. A Javanese-only word after
 * it (AJA_JAVANESE_NEXT) decides at once; otherwise only at the opening of a clause (the text's
 * start, or after a full stop, comma, colon, question or exclamation mark, a bracket, an opening
 * quote or an emoji: "Arahan wis jelas, aja dicoblos nomer 2"), before a word that is no chat
 * follower of "saja" (AJA_SAJA_NEXT), no clause tail and no number ("aja 3kg @18rb" is a price).
 */
export function ajaProhibitive(gapBefore: string, first: boolean, gapAfter: string, next: string | undefined, clauseTails: ReadonlySet<string>): boolean {
  if (next === undefined || !/^\s+$/u.test(gapAfter) || !/^\p{L}{2,}$/u.test(next)) return false;
  if (AJA_JAVANESE_NEXT.has(next)) return true;
  if (AJA_SAJA_NEXT.has(next) || clauseTails.has(next)) return false;
  return first || CLAUSE_OPENING.test(gapBefore);
}
// a clause break before the word, or an opening quote or bracket, or an emoji (a closing quote
// after a word, '"normal" aja', opens nothing)
const CLAUSE_OPENING = /[.!?,;:\n(…]|(?:^|\s)["“'‘]\s*$|\p{Extended_Pictographic}/u;
