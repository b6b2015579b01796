// Stop 52: a poster read whole but filed nowhere, and a helmet's sticker filed as a shirt's print.
// - "PRABOWO / GIBRAN / 02 / Indonesia Maju" on an office wall (scenes-r28/check): with no date,
//   "PRABOWO" is also 2019's 02 and "Indonesia Maju" 2019's 01 tag, so the print read as naming two
//   pairs of 2019, a listing of the field. A name inside a longer hit of another election's pair is
//   that pair's (listsRivals), and a pair of another election named only by a tag beside a pair
//   named by its candidates is the named pair's slogan: filed 3, under 2024's 02 alone.
// - A helmet resting on a table (scenes-r29/check): its faint rim lets the surface leak into the
//   table and the wall, a large uneven surface (a shirt's shape); measured again at finer steps it
//   is a dome with no face under it, a rider's gear (7). Shirts with no face above them stay worn
//   or, on a mannequin, a sheet (3), as before.
// The scans need the optional vision packages.
import { describe, expect, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { filedPhotos } from './filed-photos.js';

const missing = missingPackages(REQUIRED_PACKAGES);

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the office poster under 3 for 2024\'s 02 alone and the helmet on a table under 7; shirts with no face stay as they were', async () => {
    const got = await filedPhotos([
      'scenes-r28/check/poster-dinding-kantor-prabowo-gibran.jpg',
      'scenes-r29/check/helm-samping-yusuf-ratna.jpg',
      'scenes-r24/check/jersey-punggung-anies-muhaimin.jpg',
      'scenes-r24/check/kaos-gantung-pintu-prabowo-gibran.jpg',
      'scenes-r26/check/manekin-toko-anies-muhaimin.jpg',
    ]);
    expect([...new Set(got.get('poster-dinding-kantor-prabowo-gibran.jpg'))]).toEqual(['3 pilpres-2024-02']);
    expect(got.get('helm-samping-yusuf-ratna.jpg')).toContain('7 pilkada-2024-3299-03');
    expect(got.get('jersey-punggung-anies-muhaimin.jpg')).toContain('4 pilpres-2024-01');
    expect(got.get('kaos-gantung-pintu-prabowo-gibran.jpg')).toContain('4 pilpres-2024-02');
    expect(got.get('manekin-toko-anies-muhaimin.jpg')).toContain('3 pilpres-2024-01');
    expect(got.get('helm-samping-yusuf-ratna.jpg')?.some((f) => f.startsWith('4 '))).toBe(false);
  }, 900_000);
});
