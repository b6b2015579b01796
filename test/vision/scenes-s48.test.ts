// Stop 48's own drawn tune scenes (fixtures/scenes-s48/tune, drawn by
// fixtures/images/build-scenes-s48.mjs) scanned with --vision: a pair's two name words printed one
// per line and seen in a mirror are read flipped back as the pair (ocr.ts pass 2e, mirroredNames),
// a mirrored shirt whose two lines name nobody is not filed; the pair's tag that is also a word
// ("AMIN") beside one of its candidates' names is filed as the pair's material, a prayer banner
// ending "AMIN" is not (reader.ts); a V held out level beside the pair's poster is read on the photo
// turned a quarter and filed under 5, an open palm held level is not (pose.ts). Skipped without the
// optional vision packages.
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { expectSceneFolderFiled } from './scene-folder.js';

const SET = fileURLToPath(new URL('../../fixtures/scenes-s48/tune/', import.meta.url));
const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('stop 48 scenes: stacked mirrored print, a pair tag beside a name, hands held sideways, scanned with --vision', () => {
  it('files neither clean photo, and files each partisan photo under its own prohibition', async () => {
    await expectSceneFolderFiled(SET);
  }, 900_000);
});
