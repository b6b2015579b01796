// A pair's name read with a letter or two wrong in each word ("GANIAR MAREUD" on a draped shirt):
// two neighbouring words that are each near one of a pair name's two words, in its order, are read
// as that pair name. One word near a name is what many everyday words are; two in a row near the
// same pair's two words is not. Pure, so it is tested without the optional packages.

/** A word read with its box (tesseract's bbox, any pixel frame). */
export interface ReadWord {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

// Edits a name word of this many letters may be read with: none below 5 letters (BUDI, DEWI, SITI
// are one letter off too many words), one for 5 letters, two from 6 (GANJAR, MAHFUD, PRABOWO).
function budget(name: string): number {
  return name.length < 5 ? 0 : name.length < 6 ? 1 : 2;
}
// Edits both words together may be read with (tuned on scenes-r5/tune and scenes-r4/tune).
const PAIR_BUDGET = 3;
// A pair name printed as one word (a tag, "#GanjarMahfud") is repaired from this many letters,
// with one edit, or two from 10 letters.
const JOINED_MIN = 8;
const joinedBudget = (joined: string): number => (joined.length >= 10 ? 2 : 1);

/** Levenshtein distance, stopping early once it exceeds `max` (then max + 1). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      least = Math.min(least, v);
    }
    if (least > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** A word's letters, upper case. */
const letters = (text: string): string => text.toUpperCase().replace(/[^\p{L}]/gu, '');

/** Edits from a read word to a name word, or undefined when over the name's budget (or too short to judge). */
function near(read: string, name: string): number | undefined {
  if (read.length < 3) return undefined;
  const d = editDistance(read, name, budget(name));
  return d <= budget(name) ? d : undefined;
}

/** The next line's first word sits right below a line's last word: a pair name printed on two lines. */
function below(a: ReadWord, b: ReadWord): boolean {
  const h = a.bbox.y1 - a.bbox.y0;
  const gap = b.bbox.y0 - a.bbox.y1;
  const across = Math.min(a.bbox.x1, b.bbox.x1) - Math.max(a.bbox.x0, b.bbox.x0);
  return gap > -0.3 * h && gap < 1.5 * h && across > 0;
}

/** A word near a pair name written as one word (a tag), as that word with the word's leading '#', or undefined. */
function joinedRepair(text: string, pairs: ReadonlyArray<readonly [string, string]>): string | undefined {
  const t = letters(text);
  if (t.length < JOINED_MIN - 1) return undefined;
  for (const [first, second] of pairs) {
    const joined = first + second;
    if (joined.length < JOINED_MIN) continue;
    const d = editDistance(t, joined, joinedBudget(joined));
    if (d > 0 && d <= joinedBudget(joined)) return `${text.startsWith('#') ? '#' : ''}${joined}`;
  }
  return undefined;
}

/**
 * Lines with every word near a pair name written as one word (a tag) read as it, and every neighbouring two words (in a line, or a line's last word and the next line's
 * first word right below it) that are near a pair name's two words (`pairs`: each the two words,
 * upper case) read as those words. Words already spelt right stay as read.
 */
export function pairRepaired<W extends ReadWord>(lines: W[][], pairs: ReadonlyArray<readonly [string, string]>): W[][] {
  if (pairs.length === 0) return lines;
  const out = lines.map((l) => l.map((w) => {
    const joined = joinedRepair(w.text, pairs);
    return joined ? { ...w, text: joined } : w;
  }));
  const neighbours: Array<[number, number, number, number]> = [];
  out.forEach((line, i) => {
    for (let j = 0; j + 1 < line.length; j++) neighbours.push([i, j, i, j + 1]);
    const next = out[i + 1];
    if (line.length > 0 && next && next.length > 0 && below(line[line.length - 1]!, next[0]!)) neighbours.push([i, line.length - 1, i + 1, 0]);
  });
  for (const [i, j, k, l] of neighbours) {
    const a = out[i]![j]!;
    const b = out[k]![l]!;
    const ta = letters(a.text);
    const tb = letters(b.text);
    for (const [first, second] of pairs) {
      const da = near(ta, first);
      const db = near(tb, second);
      if (da === undefined || db === undefined || da + db === 0 || da + db > PAIR_BUDGET) continue;
      if (da > 0) out[i]![j] = { ...a, text: first };
      if (db > 0) out[k]![l] = { ...b, text: second };
      break;
    }
  }
  return out;
}
