import { describe, expect, it } from 'vitest';
import { layOut, numberParted } from '../../src/vision/ocr.js';

const word = (text: string, x0: number, x1: number, angle?: number) => ({ text, confidence: 90, bbox: { x0, y0: 100, x1, y1: 140 }, ...(angle !== undefined ? { angle } : {}) });

describe('numberParted', () => {
  it('parts a name or a number word run into a ballot number, each with its share of the box', () => {
    expect(numberParted(word('SITI01', 0, 60))).toEqual([word('SITI', 0, 40), word('01', 40, 60)]);
    expect(numberParted(word('02PRABOWO', 0, 90)).map((w) => w.text)).toEqual(['02', 'PRABOWO']);
    expect(layOut([[word('FAUZI', 0, 50), word('SITI01', 60, 120)], [word('Nomor3', 0, 60)]], 1, { width: 640, height: 480 }).text).toBe('FAUZI SITI 01\nNomor 3');
  });

  it('keeps a year, a plate, a short word and a word with digits inside as read', () => {
    for (const t of ['ANIESMUHAIMIN2024', 'B1234SKM', 'A1', 'NO2', 'PEMILU2024', 'RT03RW01']) expect(numberParted(word(t, 0, 80)).map((w) => w.text)).toEqual([t]);
  });

  it('cuts a word read turned a quarter along its line', () => {
    const down = { ...word('DEWI02', 0, 40, 90), bbox: { x0: 0, y0: 0, x1: 40, y1: 120 } };
    expect(numberParted(down).map((w) => [w.text, w.bbox.y0, w.bbox.y1])).toEqual([['DEWI', 0, 80], ['02', 80, 120]]);
    const up = { ...down, angle: -90 };
    expect(numberParted(up).map((w) => [w.text, w.bbox.y0, w.bbox.y1])).toEqual([['DEWI', 40, 120], ['02', 0, 40]]);
  });
});
