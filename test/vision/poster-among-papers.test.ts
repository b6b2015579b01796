// Stop 55: a pair's poster among papers read whole but filed nowhere. On scenes-r30's office notice
// board OCR reads "BUDI DEWI / Coblos No.2" and, on the duty roster pinned beside it, "Kamis Sari":
// Sari is also a given name of pair 03 (Ratna Sari), so the print read as naming two pairs, a
// listing of the field (listsField), and no finding rested on it. A listing prints its pairs alike,
// side by side or under each other: name words of two pairs now count only in one row or one
// column. Read as one pair's print, the text rules file it under 6 (an appeal to vote in the
// office: "Coblos", and "Kantor" on another paper), and the poster's own finding as material (3) was
// left out because a text rule had fired; now it is left out only where a text rule filed the
// printed words under 3 itself. KPU's lists of every pair stay listings (clean).
// The scans need the optional vision packages.
import { describe, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { expectScenesFiled } from './scene-folder.js';

const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the pair\'s poster beside a duty roster under 3; KPU\'s lists of every pair stay clean', async () => {
    await expectScenesFiled([
      ['scenes-r30/check/papan-pengumuman-kantor-budi-dewi.jpg', 3],
      ['scenes-r30/check/papan-kpu-semua-paslon.jpg', null],
      ['scenes-r32/check/papan-kantor-daftar-paslon-kpu.jpg', null],
    ]);
  }, 900_000);
});
