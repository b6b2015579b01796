// Stop 52: pair names on cloth that OCR reads only in part. A name read whole (a long one, within
// its budget) over a part of its running mate's name, beside the pair's own ballot number, is the
// pair's print with the rest lost to a crease or a fold ("GR / MAHFUD / 03" on a polo's back);
// and a long name read with one of OCR's confusable marks for a letter is measured with that
// letter ("IUKOW)" beside "AMIN": JOKOWI's last I read as a stroke). The word boxes are the ones
// read off the project's drawn photos (fixtures/scenes-r2x/check); the scans need the optional
// vision packages.
import { describe, expect, it } from 'vitest';
import { missingPackages, REQUIRED_PACKAGES } from '../../src/vision/packages.js';
import { numberedPairRepaired, pairRepaired } from '../../src/vision/pair-words.js';
import { PAIR_NUMBERS, PAIRS as PAIRS_2024, texts, word } from './pair-fixtures.js';
import { expectScenesFiled } from './scene-folder.js';

// the 2019 pair too: a long name read with a confusable mark ("IUKOW)" beside "AMIN")
const PAIRS: ReadonlyArray<readonly [string, string]> = [...PAIRS_2024, ['JOKOWI', 'AMIN']];
const numbers = new Map<string, readonly number[]>([...PAIR_NUMBERS, ['JOKOWI AMIN', [1]]]);
const missing = missingPackages(REQUIRED_PACKAGES);

describe('a pair name with one name whole and the other in part, beside its own number', () => {
  // scenes-r23/check/polo-punggung-ganjar-mahfud as read: GANJAR's middle lost on the polo's back
  const polo = (a: string, b: string, n: string) => [[word(a, 250, 201, 142, 38)], [word(b, 239, 242, 156, 42)], [word(n, 289, 280, 59, 42)]];
  // scenes-r25/check/kaos-kusut-kursi-ganjar-mahfud as read: GANJAR's start lost in a crease
  const creased = (a: string, b: string, n: string) => [[word(a, 340, 220, 45, 27)], [word(b, 240, 245, 156, 61)], [word(n, 297, 297, 60, 33)]];

  it('reads the whole name and the part of its mate\'s as the pair', () => {
    expect(texts(numberedPairRepaired(polo('GR', 'MAHFUD', '03'), PAIRS, numbers))).toEqual(['GANJAR', 'MAHFUD', '03']);
    expect(texts(numberedPairRepaired(creased('AR', 'MAHFUO', '03'), PAIRS, numbers))).toEqual(['GANJAR', 'MAHFUD', '03']);
    // the first name whole and the second's start
    expect(texts(numberedPairRepaired(polo('PRABOWO', 'GIB', '02'), PAIRS, numbers))).toEqual(['PRABOWO', 'GIBRAN', '02']);
  });

  it('leaves it as read without the pair\'s own number, with a short name whole, or a part that is not the name\'s', () => {
    // another pair's number, or none
    expect(texts(numberedPairRepaired(polo('GR', 'MAHFUD', '02'), PAIRS, numbers))).toEqual(['GR', 'MAHFUD', '02']);
    expect(texts(numberedPairRepaired([polo('GR', 'MAHFUD', '03')[0]!, polo('GR', 'MAHFUD', '03')[1]!], PAIRS, numbers))).toEqual(['GR', 'MAHFUD']);
    // a short name whole is many people's ("DEWI" over "BU" beside a 2)
    expect(texts(numberedPairRepaired(polo('BU', 'DEWI', '2'), PAIRS, numbers))).toEqual(['BU', 'DEWI', '2']);
    // letters out of the name's order, neither the name's first nor its last, or one letter only
    expect(texts(numberedPairRepaired(polo('RG', 'MAHFUD', '03'), PAIRS, numbers))).toEqual(['RG', 'MAHFUD', '03']);
    expect(texts(numberedPairRepaired(polo('NJA', 'MAHFUD', '03'), PAIRS, numbers))).toEqual(['NJA', 'MAHFUD', '03']);
    expect(texts(numberedPairRepaired(polo('G', 'MAHFUD', '03'), PAIRS, numbers))).toEqual(['G', 'MAHFUD', '03']);
    // the whole name too far off its own
    expect(texts(numberedPairRepaired(polo('GR', 'MAHRXX', '03'), PAIRS, numbers))).toEqual(['GR', 'MAHRXX', '03']);
    // in one line: a cut is read as a cut (pair-cut.test.ts), not as a part
    expect(texts(numberedPairRepaired([[word('GR', 150, 242, 60, 42), word('MAHFUD', 239, 242, 156, 42)], [word('03', 289, 290, 59, 42)]], PAIRS, numbers))).toEqual(['GR MAHFUD', '03']);
  });

  it('does not join words that are not neighbours', () => {
    // the part far to the side of the name, not above it
    const apart = [[word('GR', 20, 201, 60, 38)], [word('MAHFUD', 239, 242, 156, 42)], [word('03', 289, 280, 59, 42)]];
    expect(texts(numberedPairRepaired(apart, PAIRS, numbers))).toEqual(['GR', 'MAHFUD', '03']);
  });
});

describe('a long name read with a confusable mark for a letter', () => {
  // scenes-r25/check/lengan-panjang-nomor-jokowi-amin as read
  const sleeve = (a: string, b: string) => [[word(a, 217, 208, 102, 34), word(b, 336, 207, 68, 33)]];

  it('measures the name with the mark read as its letter', () => {
    expect(texts(pairRepaired(sleeve('IUKOW)', 'AMIN'), PAIRS))).toEqual(['JOKOWI AMIN']);
  });

  it('leaves it as read when the mate is not the running mate, or the name is still too far', () => {
    expect(texts(pairRepaired(sleeve('IUKOW)', 'AMAN'), PAIRS))).toEqual(['IUKOW) AMAN']);
    expect(texts(pairRepaired(sleeve('IUXOW)', 'AMIN'), PAIRS))).toEqual(['IUXOW) AMIN']);
  });
});

describe.skipIf(missing.length > 0)('scanned with --vision', () => {
  it('files the polo\'s back, the creased shirt and the long sleeves under 4; a club jersey "03" and a school\'s shirt stay clean', async () => {
    await expectScenesFiled([
      ['scenes-r23/check/polo-punggung-ganjar-mahfud.jpg', 4],
      ['scenes-r25/check/kaos-kusut-kursi-ganjar-mahfud.jpg', 4],
      ['scenes-r25/check/lengan-panjang-nomor-jokowi-amin.jpg', 4],
      ['scenes-r28/check/jersey-klub-depan-nomor-03.jpg', null],
      ['scenes-r29/check/jersey-basket-punggung-01.jpg', null],
    ]);
  }, 900_000);
});
