// Lines read by different OCR passes are joined into printed rows by their boxes alone.
import { describe, expect, it } from 'vitest';
import { sameRow } from '../../src/vision/rows.js';

const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, bbox: { x0, y0, x1, y1 } });
const texts = (rows: Array<Array<{ text: string }>>) => rows.map((r) => r.map((w) => w.text).join(' '));

describe('printed rows', () => {
  it('joins two pieces of one tilted row in reading order, and keeps the rows top to bottom', () => {
    // "DEWI" read by a turned close look sits a little higher than "BUDI" on its left
    const rows = sameRow([[word('DEWI', 242, 187, 347, 226)], [word('BUDI', 163, 193, 244, 221)], [word('NOMOR', 183, 235, 317, 266), word('2', 300, 228, 319, 268)]]);
    expect(texts(rows)).toEqual(['BUDI DEWI', 'NOMOR 2']);
  });

  it('keeps lines apart that are far apart along the row, or one above the other', () => {
    expect(texts(sameRow([[word('RAPAT', 10, 100, 90, 120)], [word('TPS', 300, 100, 340, 120)]]))).toEqual(['RAPAT', 'TPS']);
    expect(texts(sameRow([[word('SUKAMAJU', 100, 100, 200, 130)], [word('RUN', 100, 135, 150, 165)]]))).toEqual(['SUKAMAJU', 'RUN']);
  });
});
