// A hand held sideways (fingers level) is read on the photo turned a quarter when its landmarks read
// no shape (pose.ts SIDEWAYS): a V held out level beside a poster is read as a V, an open palm held
// level is still no sign (fixtures/scenes-s48/tune, drawn by fixtures/images/build-scenes-s48.mjs).
// The box mapping back from a turned photo is checked without the models; the reads need the
// optional vision packages and are skipped without them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { quarterBack } from '../../src/vision/image.js';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';

const SET = fileURLToPath(new URL('../../fixtures/scenes-s48/tune/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe('quarterBack', () => {
  it('maps a box of a photo turned a quarter back into the photo', () => {
    const photo = { width: 640, height: 480 };
    // a box near the photo's top left: turned clockwise it is near the turned photo's top right
    const box = { x: 10, y: 20, w: 100, h: 40 };
    const clockwise = { x: photo.height - box.y - box.h, y: box.x, w: box.h, h: box.w };
    expect(quarterBack(clockwise, true, photo)).toEqual(box);
    // counter-clockwise it is near the turned photo's bottom left
    const counter = { x: box.y, y: photo.width - box.x - box.w, w: box.h, h: box.w };
    expect(quarterBack(counter, false, photo)).toEqual(box);
  });
});

describe.skipIf(missing.length > 0)('a hand held sideways', () => {
  it('is read as the sign it makes, and an open palm held level is still none', async () => {
    const { HandModel } = await import('../../src/vision/pose.js');
    const { decodePhoto } = await import('../../src/vision/image.js');
    const model = await HandModel.open();
    const v = await model.read(await decodePhoto(await readFile(`${SET}pose-dua-jari-mendatar-prabowo-gibran.jpg`)));
    expect(v.map((h) => h.shape)).toContain('v');
    const palm = await model.read(await decodePhoto(await readFile(`${SET}tangan-telapak-mendatar.jpg`)));
    expect(palm.map((h) => h.shape).filter((s) => ['index', 'v', 'three', 'metal', 'thumb'].includes(s))).toEqual([]);
  }, 300_000);
});
