// Pass 2e keeps, of a reading of the flipped photo, the lines that name a pair: one line naming two
// name words, or two stacked lines naming one word each of one pair's name (mirroredNames).
import { describe, expect, it } from 'vitest';
import { mirroredNames } from '../../src/vision/ocr.js';

const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, confidence: 90, bbox: { x0, y0, x1, y1 } });
const NAMES = new Set(['PRABOWO', 'GIBRAN', 'ANIES', 'MUHAIMIN', 'BUDI', 'DEWI']);
const PAIRS: Array<[string, string]> = [
  ['PRABOWO', 'GIBRAN'],
  ['ANIES', 'MUHAIMIN'],
  ['BUDI', 'DEWI'],
];

describe('mirroredNames', () => {
  it('keeps a line naming two name words, and drops nonsense', () => {
    const both = [word('PRABOWO', 100, 100, 220, 130), word('GIBRAN', 230, 100, 330, 130)];
    const noise = [word('SUXAMASU', 100, 150, 250, 180)];
    expect(mirroredNames([both, noise], NAMES, PAIRS)).toEqual([both]);
  });

  it('keeps two stacked lines naming the two words of one pair, one each', () => {
    const top = [word('PRABOWO', 120, 100, 240, 130)];
    const below = [word('GIBRAN', 130, 140, 230, 170)];
    const number = [word('02', 160, 190, 200, 230)];
    expect(mirroredNames([top, below, number], NAMES, PAIRS)).toEqual([top, below]);
  });

  it('drops one name word alone, two names of different pairs, and lines far apart or side by side', () => {
    const prabowo = [word('PRABOWO', 120, 100, 240, 130)];
    expect(mirroredNames([prabowo], NAMES, PAIRS)).toEqual([]);
    // a name word of another pair under it
    expect(mirroredNames([prabowo, [word('DEWI', 130, 140, 200, 170)]], NAMES, PAIRS)).toEqual([]);
    // the pair's other word, but far below (another print)
    expect(mirroredNames([prabowo, [word('GIBRAN', 130, 300, 230, 330)]], NAMES, PAIRS)).toEqual([]);
    // ... or off to the side, not under it
    expect(mirroredNames([prabowo, [word('GIBRAN', 400, 140, 500, 170)]], NAMES, PAIRS)).toEqual([]);
  });
});
