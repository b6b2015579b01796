// Stop 53: a tote bag's print was filed as a poster (3) or, on a sticker stuck on the bag, as a
// vehicle sticker (7). An even rectangle with a bag's two straps rising from its top edge
// (substrate.ts handlesAbove) is a tote carried or hung up: an attribute shown, worn (4), for the
// print on it and for a sticker stuck on it. Measured on drawn pixels both ways (a poster on a
// wall, a poster hung by cords of another colour, one wide run above the edge, a rectangle with
// nothing above), decided both ways in printedForm, and scanned on the project's own photos: the
// totes of scenes-r24/check and scenes-r30/check (both tunable) and posters that stay 3.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { formWords, printedForm, type FormInput, type FormWords } from '../../src/vision/form.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { handlesAbove, type Rgb } from '../../src/vision/substrate.js';
import { filedPhotos } from './filed-photos.js';

type Colour = [number, number, number];
type Paint = (x: number, y: number) => Colour | undefined;
function draw(width: number, height: number, ...layers: Paint[]): Rgb {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let c: Colour = [128, 128, 128];
      for (const l of layers) c = l(x, y) ?? c;
      data.set(c, (y * width + x) * 3);
    }
  return { data, width, height };
}
const rect = (x0: number, y0: number, w: number, h: number, c: Colour): Paint => (x, y) => (x >= x0 && x < x0 + w && y >= y0 && y < y0 + h ? c : undefined);
/** a loop of strap `thick` wide over (cx, top): a half ellipse `rx` wide, `ry` tall, its feet at `top` */
const loop = (cx: number, top: number, rx: number, ry: number, thick: number, c: Colour): Paint => (x, y) => {
  if (y > top) return undefined;
  const outer = ((x - cx) / rx) ** 2 + ((y - top) / ry) ** 2;
  const inner = ((x - cx) / (rx - thick)) ** 2 + ((y - top) / (ry - thick)) ** 2;
  return outer <= 1 && inner > 1 ? c : undefined;
};

const WALL: Colour = [205, 215, 220];
const BAG: Colour = [240, 232, 214];
// a bag's body 56 × 60 at (52, 44), a seam (its outline) along its top edge
const body = rect(52, 44, 56, 60, BAG);
const seam = rect(52, 43, 56, 1, [160, 150, 140]);
const BODY = { x: 52, y: 44, w: 56, h: 60 };

describe('a bag\'s straps over an even rectangle', () => {
  it('are two narrow runs of its colour rising from its top edge and closing into a loop', () => {
    const img = draw(160, 120, rect(0, 0, 160, 120, WALL), loop(80, 43, 14, 20, 3, BAG), seam, body);
    expect(handlesAbove(img, BODY)).toBe(true);
    // no seam: the straps start right at the edge
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), loop(80, 43, 14, 20, 3, BAG), body), BODY)).toBe(true);
    // two straight straps leaning together, joined at the top by a short bar (over a hook)
    const lean = (x0: number, x1: number): Paint => (x, y) => (y >= 28 && y <= 43 && Math.abs(x - (x0 + ((x1 - x0) * (43 - y)) / 15)) <= 1.5 ? BAG : undefined);
    const leaning = draw(160, 120, rect(0, 0, 160, 120, WALL), lean(65, 74), lean(95, 86), rect(74, 26, 13, 2, BAG), body);
    expect(handlesAbove(leaning, BODY)).toBe(true);
  });

  it('are not a poster on a wall, cords of another colour, a wide run above, a lone strap or straps side by side that never meet', () => {
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), body), BODY)).toBe(false);
    // a poster hung by two dark cords from a nail
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), loop(80, 43, 18, 16, 2, [60, 50, 40]), body), BODY)).toBe(false);
    // a band of its colour wider than a strap above it (a shelf, a second sheet)
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), rect(56, 30, 48, 13, BAG), body), BODY)).toBe(false);
    // one strap (a lanyard's, a tag's string)
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), rect(78, 26, 3, 18, BAG), body), BODY)).toBe(false);
    // two strips that run on parallel to the photo's top (a frame's sides, a board's legs upside down)
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), rect(60, 0, 3, 44, BAG), rect(97, 0, 3, 44, BAG), body), BODY)).toBe(false);
    // a body at the photo's top has nothing above it to look at
    expect(handlesAbove(draw(160, 120, rect(0, 0, 160, 120, WALL), rect(52, 2, 56, 60, BAG)), { ...BODY, y: 2 })).toBe(false);
  });
});

let words: FormWords;
beforeAll(async () => {
  words = formWords(await loadRulePack());
});
const base: FormInput = { caption: '', print: { x: 220, y: 280, w: 120, h: 40 }, lines: 2, photo: { width: 640, height: 480 }, faces: [] };
const sheet = { box: { x: 52, y: 44, w: 56, h: 60 }, fill: 0.97, rect: 0.98, areaRatio: 14, share: 0.17, touchesBottom: false, across: 0.5, below: 2, crown: 0.95, widestAt: 1, skinBelow: 0 };
const sticker = { box: { x: 55, y: 72, w: 30, h: 14 }, fill: 0.9, rect: 0.9, areaRatio: 1.3, share: 0.02, touchesBottom: false, across: 0.5, below: 0, crown: 0.9, widestAt: 0.5, skinBelow: 0 };

describe('the form of print on a bag', () => {
  it('is worn (4) on a rectangle with straps, or on a sticker stuck on one', () => {
    expect(printedForm({ ...base, surface: sheet, handles: true }, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'bagHandles' }, strength: 0.5 });
    expect(printedForm({ ...base, surface: sticker, carrier: sheet, handles: true }, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'bagHandles' } });
  });
  it('stays a sheet or a sticker without straps, and the caption, a face or a plate still come first', () => {
    expect(printedForm({ ...base, surface: sheet }, words).reason.why).toBe('sheetSurface');
    expect(printedForm({ ...base, surface: sticker, carrier: sheet }, words).reason.why).toBe('stickerPatch');
    expect(printedForm({ ...base, caption: 'stiker di motor', surface: sheet, handles: true }, words).form).toBe('vehicle');
    expect(printedForm({ ...base, plate: 'B 1234 SKM', surface: sticker, carrier: sheet, handles: true }, words).reason.why).toBe('plate');
    // straps said of a surface that is neither a sheet nor a patch (an uneven one) decide nothing
    expect(printedForm({ ...base, surface: { ...sheet, rect: 0.6 }, handles: true }, words).reason.why).not.toBe('bagHandles');
  });
});

const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the totes under 4 (print on the bag, a sticker on the bag); a poster on a wall and a calendar stay 3', async () => {
    const got = await filedPhotos(['scenes-r24/check/tas-tote-fauzi-siti.jpg', 'scenes-r30/check/tas-tote-stiker-fauzi-siti.jpg', 'scenes-r28/check/poster-dinding-kantor-prabowo-gibran.jpg', 'scenes-r29/check/kalender-kantor-budi-dewi.jpg']);
    expect(got.get('tas-tote-fauzi-siti.jpg')).toContain('4 pilkada-2024-3299-01');
    expect(got.get('tas-tote-stiker-fauzi-siti.jpg')).toContain('4 pilkada-2024-3299-01');
    for (const tote of ['tas-tote-fauzi-siti.jpg', 'tas-tote-stiker-fauzi-siti.jpg']) expect(got.get(tote)?.some((f) => f.startsWith('3 ') || f.startsWith('7 '))).toBe(false);
    expect(got.get('poster-dinding-kantor-prabowo-gibran.jpg')).toContain('3 pilpres-2024-02');
    expect(got.get('kalender-kantor-budi-dewi.jpg')?.some((f) => f.startsWith('4 '))).toBe(false);
  }, 900_000);
});
