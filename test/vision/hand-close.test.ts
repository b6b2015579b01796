// The hand model on a real photograph whose hand fills the frame (fixtures/images/photos/
// foto-v-dekat.jpg, a V over a wooden floor): the detector scores that box 0.09, the landmark model
// 0.73, and the V is read. Needs the optional vision packages; skipped without them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';

const PHOTOS = fileURLToPath(new URL('../../fixtures/images/photos/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('a hand filling the frame', () => {
  it('is read as the sign it makes', async () => {
    const { HandModel } = await import('../../src/vision/pose.js');
    const { decodePhoto } = await import('../../src/vision/image.js');
    const model = await HandModel.open();
    const close = await model.read(await decodePhoto(await readFile(`${PHOTOS}foto-v-dekat.jpg`)));
    expect(close.map((h) => h.shape)).toEqual(['v']);
    expect(close[0]!.score).toBeLessThan(0.3);
    // and a fist held up is still no sign
    const fist = await model.read(await decodePhoto(await readFile(`${PHOTOS}foto-kepal.jpg`)));
    expect(fist.map((h) => h.shape).filter((s) => s !== 'other')).toEqual([]);
  }, 120_000);
});
