// Stop 50: what printed words sit on and what is around them (form.ts, substrate.ts). A band of
// print across the top of a face is a headband (worn, 4), not a sticker; a plain band with no
// one-colour carrier round it and a dense pattern just above and below it is a band sewn on a
// patterned cloth (a batik shirt's name band: worn, 4), not a vehicle sticker. Measured on the project's own
// drawn photos (fixtures/scenes-r26/check, fixtures/scenes-r27/check); the scans need the optional
// vision packages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { formWords, printedForm, type FormInput, type FormWords } from '../../src/vision/form.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { patternAround, type Rgb, type Substrate } from '../../src/vision/substrate.js';
import { expectScenesFiled } from './scene-folder.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

let words: FormWords;
beforeAll(async () => {
  words = formWords(await loadRulePack());
}, 120_000);

const photo = { width: 640, height: 480 };
const base: FormInput = { caption: '', print: { x: 230, y: 233, w: 189, h: 21 }, lines: 1, photo, faces: [] };
// a small even patch round the print, as the reader measured the batik band of scenes-r26/check
const patch: Substrate = { box: { x: 53, y: 57, w: 55, h: 8 }, fill: 0.85, rect: 0.88, areaRatio: 1.6, share: 0.019, touchesBottom: false, across: 0.52, below: 0.4, crown: 0.98, widestAt: 0.86, skinBelow: 0 };
const carrier: Substrate = { ...patch, box: { x: 29, y: 62, w: 65, h: 26 }, rect: 0.94, share: 0.07 };

describe('print across the top of a face', () => {
  const face = { x: 240, y: 77, w: 156, h: 156 };
  it('is a band round the head (worn), before the patch it is printed on is taken for a sticker', () => {
    // the bandana of scenes-r26/check as read: the print over the face's upper half
    const bandana = { ...base, print: { x: 259, y: 98, w: 124, h: 17 }, faces: [face], surface: { ...patch, box: { x: 65, y: 22, w: 31, h: 8 } } };
    expect(printedForm(bandana, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'forehead' } });
  });
  it('is not print over the lower half of a face, beside it, or far wider than it', () => {
    const sticker = { ...base, surface: patch };
    // over the mouth and chin (the face's lower half)
    expect(printedForm({ ...sticker, print: { x: 259, y: 190, w: 124, h: 17 }, faces: [face] }, words).reason.why).toBe('stickerPatch');
    // beside the face
    expect(printedForm({ ...sticker, print: { x: 420, y: 98, w: 124, h: 17 }, faces: [face] }, words).reason.why).toBe('stickerPatch');
    // a banner three faces wide behind a head
    expect(printedForm({ ...sticker, print: { x: 80, y: 98, w: 480, h: 17 }, faces: [face] }, words).reason.why).not.toBe('forehead');
    // no face at all
    expect(printedForm({ ...sticker, print: { x: 259, y: 98, w: 124, h: 17 } }, words).reason.why).toBe('stickerPatch');
  });
});

describe('a plain patch on a patterned cloth', () => {
  it('is a sewn band (worn) when no one colour is round it and a dense pattern lies above and below it', () => {
    expect(printedForm({ ...base, surface: patch, pattern: 0.75 }, words)).toMatchObject({ form: 'worn', prohibition: 4, reason: { why: 'patternedCloth' } });
  });
  it('stays a sticker when one colour is round it (paint, glass), or what is round it is not that busy', () => {
    expect(printedForm({ ...base, surface: patch, carrier, pattern: 0.75 }, words).reason.why).toBe('stickerPatch');
    expect(printedForm({ ...base, surface: patch, pattern: 0.3 }, words).reason.why).toBe('stickerPatch');
    expect(printedForm({ ...base, surface: patch }, words).reason.why).toBe('stickerPatch');
  });
  it('does not overrule firmer cues: a caption naming a vehicle, a plate by the print', () => {
    expect(printedForm({ ...base, caption: 'stiker di mobil', surface: patch, pattern: 0.75 }, words).reason.why).toBe('captionVehicle');
    expect(printedForm({ ...base, surface: patch, pattern: 0.75, plate: 'B 1234 SKM' }, words).reason.why).toBe('plate');
  });
});

/** a fixture photo as the reader measures surfaces: 160 px wide, RGB */
async function small(rel: string): Promise<Rgb> {
  const { data, info } = await sharp(path.join(FIXTURES, rel)).removeAlpha().resize({ width: 160 }).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

describe('patternAround on drawn photos', () => {
  it('is dense above and below a band sewn on batik', async () => {
    expect(patternAround(await small('scenes-r26/check/batik-pita-nama-yusuf-ratna.jpg'), { x: 53, y: 57, w: 55, h: 8 })).toBeGreaterThanOrEqual(0.5);
    expect(patternAround(await small('scenes-r27/check/batik-pita-panitia.jpg'), { x: 53, y: 57, w: 55, h: 8 })).toBeGreaterThanOrEqual(0.5);
  });
  it('is sparse round stickers on a vehicle (an SUV spare-wheel cover, a becak panel over its wheel)', async () => {
    expect(patternAround(await small('scenes-r26/check/mobil-ban-serep-ganjar-mahfud.jpg'), { x: 62, y: 63, w: 36, h: 10 })).toBeLessThan(0.5);
    expect(patternAround(await small('scenes-r26/check/becak-samping-yusuf-ratna.jpg'), { x: 41, y: 71, w: 41, h: 10 })).toBeLessThan(0.5);
    expect(patternAround(await small('scenes-r27/check/becak-samping-budi-dewi.jpg'), { x: 40, y: 69, w: 41, h: 11 })).toBeLessThan(0.5);
  });
  it('is 0 where a band falls outside the photo', () => {
    const img: Rgb = { data: new Uint8Array(20 * 10 * 3), width: 20, height: 10 };
    expect(patternAround(img, { x: 2, y: 0, w: 10, h: 4 })).toBe(0);
  });
});

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the bandana and the batik band under 4, and the becak sticker still under 7; the committee band stays clean', async () => {
    await expectScenesFiled([
      ['scenes-r26/check/bandana-prabowo-sandi.jpg', 4],
      ['scenes-r26/check/batik-pita-nama-yusuf-ratna.jpg', 4],
      ['scenes-r26/check/becak-samping-yusuf-ratna.jpg', 7],
      ['scenes-r27/check/batik-pita-panitia.jpg', null],
    ]);
  }, 900_000);
});
