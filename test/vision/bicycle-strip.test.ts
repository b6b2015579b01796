// Stop 51: two vehicle stickers the surface cue filed as posters (3). A bicycle's wheels are thin
// tyres round open wheels (wheels.ts thinTyre): two of them side by side are a bicycle, and print
// on its frame is on a vehicle (7). A tinted sun strip on a dark windscreen floods into the glass
// at the surface copy's scale and reads as one large sheet; measured again with finer steps it is
// a small even strip (reader.ts smallPatch), a sticker on what carries it. A light car's body
// seen at an angle against a pale sky floods into the sky (the backdrop: the photo's top and both
// sides); at finer steps a small uneven surface (the body panel) is kept apart from it, and the
// layout decides (reader.ts backdrop). Measured on the
// project's own drawn photos (fixtures/scenes-r2x/check); the scans need the optional vision packages.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { greyPixels } from '../../src/vision/image.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import type { Grey } from '../../src/vision/text-regions.js';
import { vehicleOver, wheelsIn } from '../../src/vision/wheels.js';
import { expectScenesFiled } from './scene-folder.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

/** A light grey image with rings (outer radius r, `width` thick; width ≥ r: a disc) and discs painted in order. */
function draw(width: number, height: number, shapes: Array<{ x: number; y: number; r: number; ring?: number; v: number }>): Grey {
  const data = new Uint8Array(width * height).fill(200);
  for (const s of shapes)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const d = Math.hypot(x - s.x, y - s.y);
        if (d <= s.r && d >= s.r - (s.ring ?? s.r)) data[y * width + x] = s.v;
      }
  return { data, width, height };
}

describe('thin tyres', () => {
  it('are found round open wheels, and two of them side by side are a bicycle whose frame rises over them', () => {
    // two bicycle wheels: a 3 px tyre, radius 22, a small grey hub
    const grey = draw(200, 150, [{ x: 50, y: 110, r: 22, ring: 3, v: 30 }, { x: 50, y: 110, r: 3, v: 100 }, { x: 146, y: 110, r: 22, ring: 3, v: 30 }, { x: 146, y: 110, r: 3, v: 100 }]);
    const wheels = wheelsIn(grey);
    expect(wheels).toHaveLength(2);
    expect(wheels.every((w) => w.thin)).toBe(true);
    const body = vehicleOver(wheels, grey);
    expect(body).toBeDefined();
    // a radius beyond each hub, two and a half radii above them (the frame, the saddle)
    expect(body!.x).toBeLessThanOrEqual(28);
    expect(body!.x + body!.w).toBeGreaterThanOrEqual(168);
    expect(body!.y).toBeLessThanOrEqual(110 - 2 * 22);
    expect(body!.y).toBeGreaterThanOrEqual(110 - 3 * 22);
  });
  it('are not a bold round letter (a thick ring), a filled disc, a broken arc, or a thin ring paired with a car tyre', () => {
    // thick rings, a third of the radius: a bold "O"
    expect(wheelsIn(draw(200, 150, [{ x: 50, y: 100, r: 20, ring: 7, v: 30 }, { x: 146, y: 100, r: 20, ring: 7, v: 30 }])).filter((w) => w.thin)).toHaveLength(0);
    // dark discs
    expect(wheelsIn(draw(200, 150, [{ x: 50, y: 100, r: 20, v: 30 }, { x: 146, y: 100, r: 20, v: 30 }]))).toHaveLength(0);
    // a thin ring with its lower half covered (an arc, a "C")
    const arc = draw(200, 150, [{ x: 50, y: 100, r: 20, ring: 3, v: 30 }]);
    for (let y = 100; y < 150; y++) for (let x = 0; x < 200; x++) arc.data[y * 200 + x] = 200;
    expect(wheelsIn(arc)).toHaveLength(0);
    // a thin tyre beside a car's tyre with its hub: no pair
    const mixed = draw(200, 150, [{ x: 50, y: 110, r: 22, ring: 3, v: 30 }, { x: 146, y: 110, r: 22, v: 25 }, { x: 146, y: 110, r: 10, v: 160 }]);
    expect(wheelsIn(mixed)).toHaveLength(2);
    expect(vehicleOver(wheelsIn(mixed), mixed)).toBeUndefined();
  });
  it('are the wheels of the drawn bicycles and becaks, and of no photo of a person, a poster or a car', async () => {
    const thin = async (rel: string) => {
      const png = await readFile(path.join(FIXTURES, rel));
      return wheelsIn(await greyPixels(png, 200)).filter((w) => w.thin);
    };
    for (const rel of ['scenes-r26/check/sepeda-rangka-atas-anies-muhaimin.jpg', 'scenes-r23/check/sepeda-stiker-budi-dewi.jpg', 'scenes-r26/check/becak-samping-yusuf-ratna.jpg']) expect((await thin(rel)).length, rel).toBeGreaterThanOrEqual(2);
    for (const rel of ['scenes-r26/check/jersey-nomor-besar-prabowo-gibran.jpg', 'scenes-r26/check/poster-asn-netral-semua-paslon.jpg', 'scenes-r26/check/mobil-ban-serep-ganjar-mahfud.jpg', 'scenes-r26/check/parkir-miring-prabowo-gibran.jpg', 'scenes-r28/check/kaos-polo-prabowo-gibran.jpg', 'scenes-r28/check/poster-dinding-kantor-prabowo-gibran.jpg'])
      expect(await thin(rel), rel).toHaveLength(0);
  });
});

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the bicycle frame sticker, the windscreen sun strip and the angled car under 7; the mannequin stays 3, the spare wheel 7, the tourist becak clean', async () => {
    await expectScenesFiled([
      ['scenes-r26/check/sepeda-rangka-atas-anies-muhaimin.jpg', 7],
      ['scenes-r26/check/mobil-kaca-depan-atas-fauzi-siti.jpg', 7],
      ['scenes-r26/check/parkir-miring-prabowo-gibran.jpg', 7],
      ['scenes-r26/check/manekin-toko-anies-muhaimin.jpg', 3],
      ['scenes-r26/check/mobil-ban-serep-ganjar-mahfud.jpg', 7],
      ['scenes-r28/check/becak-wisata-no-2.jpg', null],
    ]);
  }, 900_000);
});
