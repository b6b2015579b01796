// Candidate printed lines found without a model (text-regions.ts): letters are a band of dense,
// short edges; outlines and plain areas are not.
import { describe, expect, it } from 'vitest';
import { skewOf, textRegions, type Grey } from '../../src/vision/text-regions.js';

/** A grey canvas with filled rectangles (value, x, y, w, h). */
function canvas(width: number, height: number, fill: number, rects: Array<[number, number, number, number, number]>): Grey {
  const data = new Uint8Array(width * height).fill(fill);
  for (const [v, x, y, w, h] of rects) for (let j = y; j < y + h; j++) data.fill(v, j * width + x, j * width + x + w);
  return { data, width, height };
}

/** "Letters": vertical strokes 3 px wide, 4 px apart, `height` tall, starting at (x, y). */
function strokes(x: number, y: number, count: number, height: number, v = 255): Array<[number, number, number, number, number]> {
  return Array.from({ length: count }, (_, i) => [v, x + i * 7, y, 3, height] as [number, number, number, number, number]);
}

describe('text regions', () => {
  it('finds a line of letters on a sticker inside a large outline, and not the outline', () => {
    // a dark "car body" with a blue sticker; white strokes on the sticker
    const grey = canvas(640, 480, 200, [[90, 40, 150, 560, 200], [60, 250, 240, 200, 60], ...strokes(265, 255, 24, 22)]);
    const regions = textRegions(grey);
    expect(regions.length).toBeGreaterThan(0);
    const r = regions[0]!;
    expect(r.x).toBeLessThanOrEqual(265);
    expect(r.x + r.w).toBeGreaterThanOrEqual(265 + 23 * 7);
    expect(r.h).toBeLessThan(60);
  });
  it('finds nothing in a plain picture or one of large shapes only', () => {
    expect(textRegions(canvas(320, 240, 128, []))).toEqual([]);
    expect(textRegions(canvas(320, 240, 128, [[30, 20, 20, 200, 150], [220, 100, 60, 150, 120]]))).toEqual([]);
  });
  it('gives at most the number asked for, widest first', () => {
    const rects = [0, 1, 2, 3].flatMap((i) => strokes(20, 20 + i * 50, 6 + i * 4, 14));
    const regions = textRegions(canvas(400, 260, 40, rects), 2);
    expect(regions).toHaveLength(2);
    expect(regions[0]!.w).toBeGreaterThan(regions[1]!.w);
  });
  it('measures the slant of a line: level, running down to the right (positive), or up (negative)', () => {
    const line = (deg: number) => {
      const t = Math.tan((deg * Math.PI) / 180);
      const rects = Array.from({ length: 30 }, (_, i) => [255, 20 + i * 8, Math.round(60 + i * 8 * t), 4, 18] as [number, number, number, number, number]);
      return canvas(300, 160, 40, rects);
    };
    const box = { x: 10, y: 20, w: 280, h: 130 };
    expect(skewOf(line(0), box)).toBe(0);
    expect(skewOf(line(8), box)).toBeGreaterThanOrEqual(6);
    expect(skewOf(line(8), box)).toBeLessThanOrEqual(10);
    expect(skewOf(line(-8), box)).toBeLessThanOrEqual(-6);
  });
});
