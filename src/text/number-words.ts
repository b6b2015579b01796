// The words the normaliser reads a spelled ballot number by (normalise.ts): the number cues, the
// ballot cues, the clause tails and the number words of Indonesian and the regional languages.
// They are data with their sources (rules/text/bilangan.json), read and validated here once,
// synchronously, on first use (a start that restores its pack from the cache and normalises
// nothing never pays for it): the text layer has no rule pack to take them from, and every term of
// a pack goes through the same normaliser (so the pack cache hashes this file with its code:
// pack-cache.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The data file (rules/ next to src/ and dist/). */
export const NUMBER_WORDS_FILE = fileURLToPath(new URL('../../rules/text/bilangan.json', import.meta.url));

export interface NumberWords {
  /** nouns that announce a ballot number ("nomor", "paslon") */
  numberCues: ReadonlySet<string>;
  /** ballot verbs and "in any case" ("coblos", "pokoknya"): a number word closing its clause after them */
  ballotCues: ReadonlySet<string>;
  /** what may follow such a number word and still close its clause ("wae", "ya", "kang") */
  clauseTails: ReadonlySet<string>;
  /** number word → its digit ("tilu" → "3") */
  digits: ReadonlyMap<string, string>;
  /** ordinal → its digit ("kedua", "kadua", "kapindho" → "2"): read only after an ordinal cue, closing its clause */
  ordinals: ReadonlyMap<string, string>;
  /** the ordinal markers between a number cue and a number, dropped ("nomor ke-2" → "nomor 2") */
  ordinalMarkers: ReadonlySet<string>;
  /** the number cues an ordinal is read after ("nomor", "urut", "paslon"; not "capres": "debat capres ketiga") */
  ordinalCues: ReadonlySet<string>;
}

function readNumberWords(): NumberWords {
  // the schema is made here, not at module load: only the first normalise pays for it
  const word = z.string().regex(/^[a-z]+$/, 'a lower-case word');
  const WordClass = z.object({ description: z.string().min(1), source: z.string().min(1), words: z.array(word).min(1) }).strict();
  // a word → its digit, per language, each language with its source (number words and ordinals alike)
  const WordsByLanguage = z
    .object({
      description: z.string().min(1),
      languages: z
        .array(z.object({ language: z.string().min(1), name: z.string().min(1), source: z.string().min(1), words: z.record(word, z.string().regex(/^[1-9]$/)) }).strict())
        .min(1),
    })
    .strict();
  const NumberWordsFile = z
    .object({
      schema: z.literal(1),
      description: z.string().min(1),
      licence: z.string().min(1),
      numberCues: WordClass,
      ballotCues: WordClass,
      clauseTails: WordClass,
      ordinalCues: WordClass,
      ordinalMarkers: WordClass,
      ordinals: WordsByLanguage,
      numberWords: WordsByLanguage,
    })
    .strict();
  const parsed = NumberWordsFile.safeParse(JSON.parse(readFileSync(NUMBER_WORDS_FILE, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${NUMBER_WORDS_FILE}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const data = parsed.data;
  // a Map: a word is looked up once per token, and a plain object's keyed lookup of a fresh string
  // is slow (and would answer "constructor" with Object's own member)
  const digits = new Map<string, string>();
  for (const lang of data.numberWords.languages) {
    for (const [w, digit] of Object.entries(lang.words)) {
      const before = digits.get(w);
      if (before !== undefined && before !== digit) throw new Error(`${NUMBER_WORDS_FILE}: "${w}" is ${before} and ${digit}`);
      digits.set(w, digit);
    }
  }
  for (const w of data.ordinalCues.words) if (!data.numberCues.words.includes(w)) throw new Error(`${NUMBER_WORDS_FILE}: the ordinal cue "${w}" is no number cue`);
  const ordinals = new Map<string, string>();
  for (const lang of data.ordinals.languages) {
    for (const [w, digit] of Object.entries(lang.words)) {
      const before = ordinals.get(w);
      if (digits.has(w)) throw new Error(`${NUMBER_WORDS_FILE}: "${w}" is a number word and an ordinal`);
      if (before !== undefined && before !== digit) throw new Error(`${NUMBER_WORDS_FILE}: the ordinal "${w}" is ${before} and ${digit}`);
      ordinals.set(w, digit);
    }
  }
  return {
    numberCues: new Set(data.numberCues.words),
    ballotCues: new Set(data.ballotCues.words),
    clauseTails: new Set(data.clauseTails.words),
    digits,
    ordinals,
    ordinalMarkers: new Set(data.ordinalMarkers.words),
    ordinalCues: new Set(data.ordinalCues.words),
  };
}

let numberWordsRead: NumberWords | undefined;
/** The ballot-number words, read from their file on first use. */
export function numberWords(): NumberWords {
  numberWordsRead ??= readNumberWords();
  return numberWordsRead;
}
