// Stop 47's own drawn tune scenes (fixtures/scenes-s47/tune, drawn by
// fixtures/images/build-scenes-s47.mjs) scanned with --vision: ads and a menu whose numbers sell
// something are not filed, a pair named beside a price and a ballot call with no price are
// (commerce.ts); a shirt's print seen in a mirror is read flipped back and filed as worn, and a
// mirrored fun-run shirt is not (ocr.ts pass 2e). Skipped without the optional vision packages.
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { expectSceneFolderFiled } from './scene-folder.js';

const SET = fileURLToPath(new URL('../../fixtures/scenes-s47/tune/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('stop 47 scenes: numbers that sell, mirrored print, scanned with --vision', () => {
  it('files no ad, menu or mirrored fun-run shirt, and files each partisan photo under its own prohibition', async () => {
    await expectSceneFolderFiled(SET);
  }, 900_000);
});
