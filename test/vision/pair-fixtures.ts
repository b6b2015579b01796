// The 2024 and Sukamaju pairs as a reading's repair sees them (first names in ballot order, each
// with its ballot number), a word with its box, and a reading's lines as text: shared by the tests of
// pair names OCR reads only in part (pair-cut, pair-half).

export const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['GANJAR', 'MAHFUD'],
  ['PRABOWO', 'GIBRAN'],
  ['ANIES', 'MUHAIMIN'],
  ['BUDI', 'DEWI'],
  ['FAUZI', 'SITI'],
  ['YUSUF', 'RATNA'],
];

/** each pair's ballot numbers, by its name as the repair writes it */
export const PAIR_NUMBERS: ReadonlyMap<string, readonly number[]> = new Map([
  ['GANJAR MAHFUD', [3]],
  ['PRABOWO GIBRAN', [2]],
  ['ANIES MUHAIMIN', [1]],
  ['BUDI DEWI', [2]],
  ['FAUZI SITI', [1]],
  ['YUSUF RATNA', [3]],
]);

/** a word with its box as x, y, w, h (the reading's own frame) */
export const word = (text: string, x: number, y: number, w: number, h: number) => ({ text, bbox: { x0: x, y0: y, x1: x + w, y1: y + h } });

/** a reading's lines as text, words joined by a space */
export const texts = (lines: Array<Array<{ text: string }>>) => lines.map((l) => l.map((w) => w.text).join(' '));
