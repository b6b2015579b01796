// Stop 54: print running across a photo at a steep slant, neither level nor upright (a sticker
// along a bicycle's down tube, about 42° off level). The level region finder joins its letters
// into no line, the upright one neither, and the whole-photo detector finds only specks of it, so
// nothing was read (scenes-r23/check's bicycle sticker "BUDI DEWI"). steepTextRegions finds such
// lines level in copies of the photo turned an eighth of a turn each way; the reader (ocr.ts, pass
// 2f) cuts each out, turns it level and reads it close.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { greyPixels } from '../../src/vision/image.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { steepTextRegions, transpose, turned, type Grey } from '../../src/vision/text-regions.js';
import { expectScenesFiled } from './scene-folder.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

/** A light canvas with one level line of "letters" (dark strokes 3 px wide, 4 px apart) centred at (cx, cy). */
function line(width: number, height: number, cx: number, cy: number, count: number, tall: number): Grey {
  const data = new Uint8Array(width * height).fill(210);
  const x0 = Math.round(cx - (count * 7) / 2);
  const y0 = Math.round(cy - tall / 2);
  for (let i = 0; i < count; i++) for (let y = y0; y < y0 + tall; y++) data.fill(40, y * width + x0 + i * 7, y * width + x0 + i * 7 + 3);
  return { data, width, height };
}

describe('steep text regions', () => {
  it('finds a line of letters turned about 40° either way, with the turn that levels it, round where it is', () => {
    const level = line(400, 300, 200, 150, 24, 14);
    for (const deg of [40, -40, 35]) {
      // turned(grey, d) levels what runs at d: a level line runs at −d in the copy
      const copy = turned(level, deg).grey;
      const found = steepTextRegions(copy);
      expect(found.length, `${deg}`).toBeGreaterThan(0);
      const r = found[0]!;
      expect(Math.abs(r.turn - -deg), `${deg}: turn ${r.turn}`).toBeLessThanOrEqual(6);
      // the copy's centre is the line's centre
      expect(r.box.x).toBeLessThan(copy.width / 2);
      expect(r.box.x + r.box.w).toBeGreaterThan(copy.width / 2);
      expect(r.box.y).toBeLessThan(copy.height / 2);
      expect(r.box.y + r.box.h).toBeGreaterThan(copy.height / 2);
    }
  });
  it('finds no steep line in level or upright print, in a plain image, or in a short slanted mark', () => {
    expect(steepTextRegions(line(400, 300, 200, 150, 18, 14))).toEqual([]);
    expect(steepTextRegions(transpose(line(400, 300, 200, 150, 18, 14)))).toEqual([]);
    expect(steepTextRegions({ data: new Uint8Array(400 * 300).fill(128), width: 400, height: 300 })).toEqual([]);
    // three strokes turned 40°: a mark, not a run of letters
    expect(steepTextRegions(turned(line(400, 300, 200, 150, 3, 14), 40).grey)).toEqual([]);
  });
  it("finds the bicycle's down-tube sticker, and nothing steep on shirts, batik, a hijab's print or KPU's list", async () => {
    const steep = async (rel: string) => steepTextRegions(await greyPixels(await readFile(path.join(FIXTURES, rel)), 640));
    const bike = await steep('scenes-r23/check/sepeda-stiker-budi-dewi.jpg');
    expect(bike).toHaveLength(1);
    // the sticker runs up to the right along the tube (−42°), centred near (370, 296)
    expect(bike[0]!.turn).toBeGreaterThanOrEqual(-48);
    expect(bike[0]!.turn).toBeLessThanOrEqual(-36);
    expect(bike[0]!.box.x).toBeLessThan(370);
    expect(bike[0]!.box.x + bike[0]!.box.w).toBeGreaterThan(370);
    expect(bike[0]!.box.y).toBeLessThan(296);
    expect(bike[0]!.box.y + bike[0]!.box.h).toBeGreaterThan(296);
    for (const rel of ['scenes-r24/check/batik-cetak-kecil-budi-dewi.jpg', 'scenes-r23/check/hijab-cetak-yusuf-ratna.jpg', 'scenes-r24/check/tps-daftar-paslon-pilkada.jpg', 'scenes-r28/check/batik-kawung-pita-anies-muhaimin.jpg', 'scenes-r29/check/jersey-basket-punggung-01.jpg'])
      expect(await steep(rel), rel).toEqual([]);
  });
});

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it("files the bicycle's down-tube sticker under 7; the bicycle's brand decal stays clean", async () => {
    await expectScenesFiled([
      ['scenes-r23/check/sepeda-stiker-budi-dewi.jpg', 7],
      ['scenes-r29/check/sepeda-stiker-rangka-merek.jpg', null],
    ]);
  }, 900_000);
});
