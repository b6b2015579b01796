// Stop 55: a pair's poster among papers read whole but filed nowhere. On scenes-r30's office notice
// board OCR reads "BUDI DEWI / Coblos No.2" and, on the duty roster pinned beside it, "Kamis Sari":
// Sari is also a given name of pair 03 (Ratna Sari), so the print read as naming two pairs, a
// listing of the field (listsField), and no finding rested on it. A listing prints its pairs alike,
// side by side or under each other: name words of two pairs now count only in one row or one
// column. Read as one pair's print, the text rules file it under 6 (an appeal to vote in the
// office: "Coblos", and "Kantor" on another paper), and the poster's own finding as material (3) was
// left out because a text rule had fired; now it is left out only where a text rule filed the
// printed words under 3 itself. KPU's lists of every pair stay listings (clean). The office-appeal
// finding (6) read the roster's Sari as naming pair 03 too; it now names the poster's pair only.
// The scans need the optional vision packages.
import { describe, expect, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { expectScenesFiled } from './scene-folder.js';

const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the pair\'s poster beside a duty roster under 3; KPU\'s lists of every pair stay clean', async () => {
    const findings = await expectScenesFiled([
      ['scenes-r30/check/papan-pengumuman-kantor-budi-dewi.jpg', 3],
      ['scenes-r30/check/papan-kpu-semua-paslon.jpg', null],
      ['scenes-r32/check/papan-kantor-daftar-paslon-kpu.jpg', null],
    ]);
    // every finding on the board names the poster's pair only, not pair 03 by the roster's "Kamis:
    // Sari" (a text finding names the pairs of the print its cue stands on: print-pairs.ts)
    const board = findings.filter((f) => f.file === 'papan-pengumuman-kantor-budi-dewi.jpg');
    expect(board.map((f) => f.pairs)).toEqual(board.map(() => ['pilkada-2024-3299-02']));
  }, 900_000);
});
