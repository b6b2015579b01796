// The surface printed words sit on (substrate.ts), measured on drawn pixels: a sticker patch on a
// car door, a shirt with sleeves, a sheet of paper, and print over a busy scene.
import { describe, expect, it } from 'vitest';
import { FAINT_STEPS, patchUnder, substrateOf, type Rgb } from '../../src/vision/substrate.js';
import { dome } from '../../src/vision/form.js';

type Paint = (x: number, y: number) => [number, number, number] | undefined;
function draw(width: number, height: number, ...layers: Paint[]): Rgb {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let c: [number, number, number] = [128, 128, 128];
      for (const l of layers) c = l(x, y) ?? c;
      data.set(c, (y * width + x) * 3);
    }
  return { data, width, height };
}
const rect = (x0: number, y0: number, w: number, h: number, c: [number, number, number]): Paint => (x, y) => (x >= x0 && x < x0 + w && y >= y0 && y < y0 + h ? c : undefined);
/** dark "letters": every other column in the box */
const letters = (x0: number, y0: number, w: number, h: number): Paint => (x, y) => (x >= x0 && x < x0 + w && y >= y0 && y < y0 + h && x % 2 === 0 ? [20, 20, 20] : undefined);

describe('the surface under printed words', () => {
  it('a sticker turned upright (on a scooter fairing): the ring follows the line, not its upright box', () => {
    // a 16 × 60 patch turned 12° off vertical on a light body; the line of letters along its middle
    const a = (-78 * Math.PI) / 180;
    const local = (x: number, y: number) => [(x - 80) * Math.cos(a) + (y - 60) * Math.sin(a), -(x - 80) * Math.sin(a) + (y - 60) * Math.cos(a)] as const;
    const patch: Paint = (x, y) => {
      const [s, t] = local(x, y);
      return Math.abs(s) <= 30 && Math.abs(t) <= 8 ? [30, 120, 40] : undefined;
    };
    const ink: Paint = (x, y) => {
      const [s, t] = local(x, y);
      return Math.abs(s) <= 24 && Math.abs(t) <= 3 && Math.round(s) % 2 === 0 ? [250, 250, 250] : undefined;
    };
    const img = draw(160, 120, rect(0, 0, 160, 120, [225, 225, 230]), patch, ink);
    // the line's upright box: 48 long at 78°, 6 thick
    const box = { x: 72, y: 36, w: 16, h: 48 };
    const turned = substrateOf(img, box, -78);
    const level = substrateOf(img, box);
    expect(level === undefined || level.share > 0.06 || level.rect < 0.85).toBe(true);
    expect(turned).toBeDefined();
    expect(turned!.share).toBeLessThan(0.06);
    expect(turned!.rect).toBeGreaterThanOrEqual(0.85);
  });

  it('a sticker: a small even patch on a larger body', () => {
    const img = draw(160, 120, rect(0, 0, 160, 120, [180, 190, 200]), rect(20, 50, 120, 50, [60, 70, 80]), rect(60, 66, 40, 14, [20, 90, 200]), letters(64, 70, 32, 6));
    const s = substrateOf(img, { x: 64, y: 70, w: 32, h: 6 });
    expect(s).toBeDefined();
    expect(s!.box).toEqual({ x: 60, y: 66, w: 40, h: 14 });
    expect(s!.rect).toBeGreaterThan(0.95);
    expect(s!.share).toBeLessThan(0.06);
    expect(s!.touchesBottom).toBe(false);
  });
  it('a shirt: a large uneven surface running on below the print, down to the bottom edge', () => {
    const torso = rect(50, 40, 60, 80, [200, 40, 40]);
    const sleeves = rect(25, 40, 110, 25, [200, 40, 40]);
    const img = draw(160, 120, rect(0, 0, 160, 120, [220, 215, 200]), torso, sleeves, letters(62, 55, 36, 8));
    const s = substrateOf(img, { x: 62, y: 55, w: 36, h: 8 })!;
    expect(s.touchesBottom).toBe(true);
    expect(s.rect).toBeLessThan(0.85);
    expect(s.below).toBeGreaterThan(3);
    expect(Math.abs(s.across - 0.5)).toBeLessThan(0.05);
  });
  it('a dome: a shell narrowing to its crown, widest at its rim; a face under it is skin', () => {
    // a half-disc shell (radius 30) standing on a dark table, the print across its middle
    const shell: Paint = (x, y) => (y <= 80 && (x - 80) ** 2 + (y - 80) ** 2 <= 30 * 30 ? [200, 40, 40] : undefined);
    const onTable = draw(160, 120, rect(0, 0, 160, 120, [215, 212, 205]), rect(0, 81, 160, 39, [60, 45, 40]), shell, letters(64, 62, 32, 6));
    const helmet = substrateOf(onTable, { x: 64, y: 62, w: 32, h: 6 });
    expect(helmet).toBeDefined();
    expect(helmet!.crown).toBeLessThan(0.65);
    expect(helmet!.widestAt).toBeGreaterThan(0.9);
    expect(helmet!.skinBelow).toBeLessThan(0.1);
    // the same shell over a face (a cap on a head)
    const face: Paint = (x, y) => ((x - 80) ** 2 / 26 ** 2 + (y - 100) ** 2 / 24 ** 2 <= 1 ? [185, 128, 89] : undefined);
    const onHead = draw(160, 120, rect(0, 0, 160, 120, [215, 212, 205]), face, shell, letters(64, 62, 32, 6));
    expect(substrateOf(onHead, { x: 64, y: 62, w: 32, h: 6 })!.skinBelow).toBeGreaterThan(0.5);
  });

  it('a white shell on a pale wall, its edge blurred: the surface leaks into the wall, a finer step keeps it a dome', () => {
    // the shell (radius 30) stands on a dark shelf; its edge fades to the wall over two rings
    const fade = (r: number): [number, number, number] | undefined => (r <= 30 ? [250, 250, 250] : r <= 31 ? [241, 240, 236] : r <= 32 ? [233, 231, 226] : undefined);
    const shell: Paint = (x, y) => (y <= 80 ? fade(Math.sqrt((x - 80) ** 2 + (y - 80) ** 2)) : undefined);
    const img = draw(160, 120, rect(0, 0, 160, 120, [225, 222, 215]), rect(0, 81, 160, 39, [60, 45, 40]), shell, letters(64, 62, 32, 6));
    const box = { x: 64, y: 62, w: 32, h: 6 };
    const leaked = substrateOf(img, box)!;
    expect(leaked.share).toBeGreaterThan(0.3);
    expect(dome(leaked)).toBe(false);
    const strict = substrateOf(img, box, 0, FAINT_STEPS[0])!;
    expect(dome(strict)).toBe(true);
  });
  it('grows across shading but stops at an edge', () => {
    // the paper darkens slowly left to right (a fold in the light), the wall is a step away
    const paper: Paint = (x, y) => (x >= 30 && x < 130 && y >= 20 && y < 100 ? [250 - Math.round((x - 30) * 0.8), 245 - Math.round((x - 30) * 0.8), 235 - Math.round((x - 30) * 0.8)] : undefined);
    const img = draw(160, 120, rect(0, 0, 160, 120, [90, 70, 60]), paper, letters(50, 50, 60, 8));
    const s = substrateOf(img, { x: 50, y: 50, w: 60, h: 8 })!;
    expect(s.box).toEqual({ x: 30, y: 20, w: 100, h: 80 });
    expect(s.rect).toBeGreaterThan(0.95);
  });
  it('gives nothing when the print sits on no one colour', () => {
    const noise: Paint = (x, y) => {
      const v = ((x * 73 + y * 151) % 7) * 36;
      return [v, 255 - v, (v * 3) % 256];
    };
    expect(substrateOf(draw(100, 80, noise), { x: 30, y: 30, w: 30, h: 8 })).toBeUndefined();
  });
  it('a tight sticker whose edge runs along its words: no ring, but its paper between the letters is a patch', () => {
    // a white 30 × 8 sticker on a dark shield, its bottom edge blurred into the paint (a ramp of
    // greys); the print's box starts two pixels left of the sticker and reaches into the ramp, so
    // the rows above and below the print are sticker, paint and ramp: no one colour
    const ramp: Paint = (x, y) => (y >= 66 && y <= 67 && x >= 55 && x < 105 ? [60 + (x - 55) * 3, 60 + (x - 55) * 3, 60 + (x - 55) * 3] : undefined);
    const img = draw(160, 120, rect(0, 0, 160, 120, [200, 205, 200]), rect(55, 35, 50, 75, [30, 35, 40]), rect(65, 58, 30, 8, [250, 250, 250]), ramp, letters(69, 60, 20, 5));
    const box = { x: 63, y: 59, w: 24, h: 8 };
    expect(substrateOf(img, box)).toBeUndefined();
    const p = patchUnder(img, box);
    expect(p).toBeDefined();
    expect(p!.box).toEqual({ x: 63, y: 58, w: 32, h: 9 });
    expect(p!.rect).toBeGreaterThanOrEqual(0.85);
    expect(p!.share).toBeLessThan(0.06);
    // what it is stuck on: the shield round it
    expect(substrateOf(img, p!.box)!.box).toEqual({ x: 55, y: 35, w: 50, h: 75 });
  });
  it('print on a shirt: the paper between its letters is the shirt, or, where ink fills half its box, nothing', () => {
    const torso = rect(50, 40, 60, 80, [200, 40, 40]);
    const sleeves = rect(25, 40, 110, 25, [200, 40, 40]);
    const img = draw(160, 120, rect(0, 0, 160, 120, [220, 215, 200]), torso, sleeves, letters(62, 55, 36, 8));
    const half = patchUnder(img, { x: 62, y: 55, w: 36, h: 8 });
    expect(half === undefined || half.share > 0.06).toBe(true);
    const thin: Paint = (x, y) => (x >= 62 && x < 98 && y >= 55 && y < 63 && x % 4 === 0 ? [20, 20, 20] : undefined);
    expect(patchUnder(draw(160, 120, rect(0, 0, 160, 120, [220, 215, 200]), torso, sleeves, thin), { x: 62, y: 55, w: 36, h: 8 })!.share).toBeGreaterThan(0.06);
  });
  it('a sticker whose margin is thinner than the ring, dense bold print on it: the ring is the shield, its paper between the letters the sticker', () => {
    // a white 30 × 8 sticker on a red shield that widens downward; the print fills two columns
    // of every three (a third of its box is paper, as blurred bold capitals at 160 px) and its
    // box reaches a pixel past the sticker above and below, so its ring lies on the shield
    const shield: Paint = (x, y) => (y >= 30 && y < 100 && Math.abs(x - 80) <= 22 + (y - 30) * 0.2 ? [180, 30, 30] : undefined);
    const dense: Paint = (x, y) => (x >= 68 && x < 92 && y >= 60 && y < 65 && x % 3 !== 0 ? [20, 40, 120] : undefined);
    const img = draw(160, 120, rect(0, 0, 160, 120, [210, 212, 206]), shield, rect(65, 58, 30, 8, [248, 248, 248]), dense);
    const box = { x: 67, y: 57, w: 26, h: 10 };
    const ring = substrateOf(img, box);
    expect(ring!.share).toBeGreaterThan(0.06);
    const p = patchUnder(img, box);
    expect(p).toBeDefined();
    expect(p!.box).toEqual({ x: 65, y: 57, w: 30, h: 10 });
    expect(p!.share).toBeLessThan(0.06);
    expect(p!.rect).toBeGreaterThanOrEqual(0.85);
  });
  it('dense print straight on a shirt: no small patch — its paper is the whole shirt, or its ink gives nothing', () => {
    const torso = rect(50, 40, 60, 80, [200, 40, 40]);
    const sleeves = rect(25, 40, 110, 25, [200, 40, 40]);
    const dense: Paint = (x, y) => (x >= 62 && x < 98 && y >= 55 && y < 63 && x % 3 !== 0 ? [20, 20, 20] : undefined);
    // ink is the commonest colour of its box: grown from, it is no larger than the box
    const two = patchUnder(draw(160, 120, rect(0, 0, 160, 120, [220, 215, 200]), torso, sleeves, dense), { x: 62, y: 55, w: 36, h: 8 });
    expect(two === undefined || two.share > 0.06).toBe(true);
    // a box a little taller than the print (paper the commonest colour): the paper is the shirt
    expect(patchUnder(draw(160, 120, rect(0, 0, 160, 120, [220, 215, 200]), torso, sleeves, dense), { x: 60, y: 52, w: 40, h: 14 })!.share).toBeGreaterThan(0.06);
    const ink: Paint = (x, y) => (x >= 62 && x < 98 && y >= 55 && y < 63 && x % 5 !== 0 ? [20, 20, 20] : undefined);
    const all = patchUnder(draw(160, 120, rect(0, 0, 160, 120, [220, 215, 200]), torso, sleeves, ink), { x: 62, y: 55, w: 36, h: 8 });
    expect(all === undefined || all.share > 0.06).toBe(true);
  });
  it('gives no patch when the box of the print shows no one colour', () => {
    const noise: Paint = (x, y) => {
      const v = ((x * 73 + y * 151) % 7) * 36;
      return [v, 255 - v, (v * 3) % 256];
    };
    expect(patchUnder(draw(100, 80, noise), { x: 30, y: 30, w: 30, h: 8 })).toBeUndefined();
  });
});
