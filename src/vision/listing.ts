// A listing of the field read from its layout: print that shows several pairs side by side (KPU's
// poster of every pair, a ballot specimen, a quick-count graphic) or carries an election body's
// mark supports nobody, even where OCR reads only one pair's names in full. A far poster's columns
// are read unevenly — one column's "BUDI DEWI" whole, the next one's first name alone, the third
// one's second name misread ("BATNA") — so the identity reading (listsRivals in reader.ts) sees one
// pair. What OCR still reads is the layout: ballot numbers in a row or a column, and name words of
// more than one pair.
import { editDistance } from '../text/edit-distance.js';
import type { Election } from '../rules/registry.js';
import type { Box } from './box.js';
import type { OcrWord } from './ocr.js';

/** Per election id, the name words (upper case, letters only, at least four) that belong to exactly one pair. */
export type PairNameWords = ReadonlyMap<string, ReadonlyMap<string, string>>;

// Honorifics and titles a registry writes inside a name form ("haji fauzi"): any pair may carry them.
const TITLES = new Set(['HAJI', 'HAJJAH', 'BAPAK', 'PROF', 'KYAI', 'USTADZ', 'USTAD']);

// The election bodies of UU 7/2017 (KPU, Bawaslu, DKPP and their regional and ad hoc offices): a
// campaign does not print their names on its shirts and stickers; their notices, lists and
// specimens do. Read as whole words.
const BODY_WORDS = new Set(['KPU', 'KPUD', 'BAWASLU', 'PANWASLU', 'DKPP']);
const BODY_PHRASES = [/\bKOMISI\s+PEMILIHAN\b/u, /\bBADAN\s+PENGAWAS\s+PEMILU\b/u];

/** The name words of every pair of every election, those two pairs of one election share left out. */
export function pairNameWords(elections: Iterable<Election>): PairNameWords {
  const out = new Map<string, Map<string, string>>();
  for (const election of elections) {
    const owner = new Map<string, string | null>();
    for (const pair of election.pairs)
      for (const phrase of [...pair.candidates.flatMap((c) => [c.name, ...c.forms]), ...pair.pair_names])
        for (const word of phrase.toUpperCase().split(/[^\p{L}]+/u)) {
          if (word.length < 4 || TITLES.has(word)) continue;
          const seen = owner.get(word);
          owner.set(word, seen === undefined || seen === pair.id ? pair.id : null);
        }
    out.set(election.id, new Map([...owner].flatMap(([w, p]) => (p ? [[w, p] as [string, string]] : []))));
  }
  return out;
}

/**
 * Whether printed words are laid out as a listing of the field for one of `elections`: an
 * election body's name; ballot numbers of two or more pairs set apart in one row or one column
 * (KPU's number discs, a graphic's bars); or name words of two or more pairs of one election
 * (each a whole word: four letters exact, five or more one edit off) set out alike, in one row or
 * one column (namesAlike).
 */
export function listsField(words: readonly OcrWord[], text: string, elections: Iterable<Election>, names: PairNameWords): boolean {
  const upper = text.toUpperCase();
  const tokens = upper.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (tokens.some((w) => BODY_WORDS.has(w)) || BODY_PHRASES.some((re) => re.test(upper))) return true;
  for (const election of elections) {
    if (numberBlocks(words, election.pairs.length)) return true;
    const own = names.get(election.id);
    if (own && namesAlike(words, own)) return true;
  }
  return false;
}

/** The pairs a word of letters names (upper case): its own name word exact, or one of five letters or more one edit off. */
function ownersOf(word: string, own: ReadonlyMap<string, string>): string[] {
  if (word.length < 4) return [];
  const exact = own.get(word);
  if (exact) return [exact];
  if (word.length < 5) return [];
  return [...own].filter(([name]) => name.length >= 5 && editDistance(word, name, 1) <= 1).map(([, pair]) => pair);
}

// Two name words are in one row when their middles are less than this share of the taller's
// height apart down (a word read a line lower is no longer in its row), in one column when their
// middles or left edges are less than this share of it apart across.
const NAME_ROW = 0.6;
const NAME_COLUMN = 1.2;

/**
 * Name words of two or more pairs of one election (`own`: its name words) set out alike: in one
 * row (their middles within NAME_ROW of the taller's height down) or one column (their middles or
 * their left edges within NAME_COLUMN of it across). A listing prints its pairs side by side or
 * under each other, and reads so however unevenly OCR reads its names; a given name of another
 * pair elsewhere in the photo is someone else's (a duty roster's "Kamis: Sari" pinned beside a
 * pair's poster, Sari being a candidate's given name too).
 */
function namesAlike(words: readonly OcrWord[], own: ReadonlyMap<string, string>): boolean {
  const named = words.flatMap((w) =>
    w.text
      .toUpperCase()
      .split(/[^\p{L}]+/u)
      .flatMap((token) => ownersOf(token, own).map((pair) => ({ pair, box: w.box }))),
  );
  const cx = (b: Box) => b.x + b.w / 2;
  const cy = (b: Box) => b.y + b.h / 2;
  const alike = (a: Box, b: Box) => {
    const h = Math.max(a.h, b.h);
    return Math.abs(cy(a) - cy(b)) < NAME_ROW * h || Math.abs(cx(a) - cx(b)) < NAME_COLUMN * h || Math.abs(a.x - b.x) < NAME_COLUMN * h;
  };
  return named.some((a, i) => named.slice(i + 1).some((b) => a.pair !== b.pair && alike(a.box, b.box)));
}

/**
 * Two or more different ballot numbers (1..pairs, "02" or "2"), each a whole word read surely, of
 * about one size and set apart along one row or one column: the number blocks of a list of pairs.
 */
function numberBlocks(words: readonly OcrWord[], pairs: number): boolean {
  const numbers = words.flatMap((w) => {
    const m = /^0?([1-9])$/.exec(w.text.trim());
    return m && Number(m[1]) <= pairs && w.score >= 0.8 ? [{ n: Number(m[1]), box: w.box }] : [];
  });
  const cx = (b: Box) => b.x + b.w / 2;
  const cy = (b: Box) => b.y + b.h / 2;
  for (const [i, a] of numbers.entries())
    for (const b of numbers.slice(i + 1)) {
      if (a.n === b.n) continue;
      const h = Math.max(a.box.h, b.box.h);
      if (h > 1.6 * Math.min(a.box.h, b.box.h)) continue;
      const row = Math.abs(cy(a.box) - cy(b.box)) < 0.6 * h && Math.abs(cx(a.box) - cx(b.box)) > 3 * h;
      const column = Math.abs(cx(a.box) - cx(b.box)) < 1.2 * h && Math.abs(cy(a.box) - cy(b.box)) > 2 * h;
      if (row || column) return true;
    }
  return false;
}
