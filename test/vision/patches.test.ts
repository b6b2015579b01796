import { describe, expect, it } from 'vitest';
import { confusablesRepaired } from '../../src/vision/confusables.js';
import { homography, inQuad, printPatches, project, quadArea, rectify, type Point, type Rgb } from '../../src/vision/patches.js';

const W = 320;
const H = 240;

/** An RGB image of one colour. */
function canvas(colour: [number, number, number]): Rgb {
  const data = new Uint8Array(W * H * 3);
  for (let i = 0; i < W * H; i++) data.set(colour, i * 3);
  return { data, width: W, height: H };
}

/** Paints the pixels whose (u, v) in a frame centred at (cx, cy), turned by deg, pass `inside`. */
function paint(img: Rgb, cx: number, cy: number, deg: number, colour: [number, number, number], inside: (u: number, v: number) => boolean): void {
  const r = (deg * Math.PI) / 180;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const u = dx * Math.cos(r) + dy * Math.sin(r);
      const v = -dx * Math.sin(r) + dy * Math.cos(r);
      if (inside(u, v)) img.data.set(colour, (y * img.width + x) * 3);
    }
}

/** A red sticker 100 × 30 at (160, 120), turned by deg, optionally with five white letter strokes. */
function sticker(img: Rgb, deg: number, letters = true, cx = 160): void {
  paint(img, cx, 120, deg, [190, 30, 30], (u, v) => Math.abs(u) <= 50 && Math.abs(v) <= 15);
  if (letters) for (let k = 0; k < 5; k++) paint(img, cx, 120, deg, [250, 250, 250], (u, v) => Math.abs(u - (-36 + k * 18)) <= 4 && Math.abs(v) <= 8);
}

/** The true corners of that sticker, clockwise from top-left. */
function corners(deg: number, cx = 160): Point[] {
  const r = (deg * Math.PI) / 180;
  return ([[-50, -15], [50, -15], [50, 15], [-50, 15]] as Point[]).map(([u, v]) => [cx + u * Math.cos(r) - v * Math.sin(r), 120 + u * Math.sin(r) + v * Math.cos(r)]);
}

describe('flat printed patches', () => {
  it('finds a sticker with letters, turned, with its four corners, length and height', () => {
    for (const deg of [0, 12, -15]) {
      const img = canvas([200, 200, 200]);
      sticker(img, deg);
      const found = printPatches(img);
      expect(found, `turned ${deg}°`).toHaveLength(1);
      const p = found[0]!;
      corners(deg).forEach((c, i) => {
        expect(Math.abs(p.corners[i]![0] - c[0]), `corner ${i} at ${deg}°`).toBeLessThanOrEqual(3);
        expect(Math.abs(p.corners[i]![1] - c[1]), `corner ${i} at ${deg}°`).toBeLessThanOrEqual(3);
      });
      expect(p.along).toBeGreaterThan(95);
      expect(p.along).toBeLessThan(105);
      expect(p.across).toBeGreaterThan(26);
      expect(p.across).toBeLessThan(34);
      expect(p.marks).toBe(5);
      expect(p.colour).toEqual([190, 30, 30]);
    }
  });

  it('passes over a plain patch, one with a single large hole, one cut by the photo\'s edge, and a square', () => {
    const plain = canvas([200, 200, 200]);
    sticker(plain, 5, false);
    expect(printPatches(plain)).toEqual([]);
    // a body panel with a window: one hole, most of it
    const panel = canvas([200, 200, 200]);
    sticker(panel, 0, false);
    paint(panel, 160, 120, 0, [40, 50, 60], (u, v) => Math.abs(u) <= 40 && Math.abs(v) <= 9);
    expect(printPatches(panel)).toEqual([]);
    const cut = canvas([200, 200, 200]);
    sticker(cut, 0, true, 30);
    expect(printPatches(cut)).toEqual([]);
    const square = canvas([200, 200, 200]);
    paint(square, 160, 120, 0, [30, 30, 190], (u, v) => Math.abs(u) <= 30 && Math.abs(v) <= 30);
    for (let k = 0; k < 4; k++) paint(square, 160, 120, 0, [250, 250, 250], (u, v) => Math.abs(u - (-18 + k * 12)) <= 3 && Math.abs(v) <= 10);
    expect(printPatches(square)).toEqual([]);
  });

  it('squares a patch up: the homography maps corners to corners and rectify samples the patch upright', () => {
    const quad = corners(12);
    const m = homography([[0, 0], [100, 0], [100, 30], [0, 30]], quad);
    const back = project(m, 100, 30);
    expect(back[0]).toBeCloseTo(quad[2]![0], 6);
    expect(back[1]).toBeCloseTo(quad[2]![1], 6);
    expect(quadArea(quad)).toBeCloseTo(3000, 6);
    expect(inQuad(quad, 160, 120)).toBe(true);
    expect(inQuad(quad, 160, 150)).toBe(false);
    const img = canvas([200, 200, 200]);
    sticker(img, 12);
    const { pixels } = rectify(img, quad, 100, 30);
    const at = (u: number, v: number) => [...pixels.data.subarray((v * 100 + u) * 3, (v * 100 + u) * 3 + 3)];
    // the first letter stroke (u −36 → 14 in the rectangle) is white, the gap after it red, levelled
    expect(at(14, 15)).toEqual([250, 250, 250]);
    expect(at(14, 9)).toEqual([250, 250, 250]);
    expect(at(23, 15)).toEqual([190, 30, 30]);
    expect(at(14, 3)).toEqual([190, 30, 30]);
  });
});

describe('OCR confusables repaired into name words', () => {
  const names = new Set(['ANIES', 'SITI', 'BUDI', 'MUHAIMIN']);
  it('reads a stroke or a digit in place of a letter as the name it then spells', () => {
    expect(confusablesRepaired('AN(ES', names)).toBe('ANIES');
    expect(confusablesRepaired('AN|ES.', names)).toBe('ANIES');
    expect(confusablesRepaired('5ITI', names)).toBe('SITI');
    expect(confusablesRepaired('BUD1', names)).toBe('BUDI');
    expect(confusablesRepaired('ANlES', names)).toBe('ANIES');
  });
  it('keeps every other word as read', () => {
    expect(confusablesRepaired('BUDI', names)).toBe('BUDI');
    expect(confusablesRepaired('1234', names)).toBe('1234');
    expect(confusablesRepaired('S1T1', new Set())).toBe('S1T1');
    expect(confusablesRepaired('B0RA', names)).toBe('B0RA');
    expect(confusablesRepaired('5ITU', names)).toBe('5ITU');
  });
});
