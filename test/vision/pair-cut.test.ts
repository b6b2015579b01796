// Stop 49: a pair name with its middle hidden (a jersey's fold) and a ballot number written
// "No. 3" as two words, read beside the pair's own number (numberedPairRepaired).
import { describe, expect, it } from 'vitest';
import { numberedPairRepaired } from '../../src/vision/pair-words.js';
import { PAIR_NUMBERS, PAIRS, texts, word } from './pair-fixtures.js';

const numbers = PAIR_NUMBERS;

describe('a pair name with its middle hidden, beside its number', () => {
  // the words of scenes-r26/check/jersey-nomor-besar-prabowo-gibran as read: a fold hides "OWO GI"
  const jersey = (a: string, b: string, n: string) => [[word(a, 204, 214, 105, 23), word(b, 329, 214, 84, 25)], [word(n, 248, 250, 124, 75)]];

  it('reads the first name\'s start and the second name\'s end as the pair', () => {
    expect(texts(numberedPairRepaired(jersey('PRABT', 'BRAN', '02'), PAIRS, numbers))).toEqual(['PRABOWO GIBRAN', '02']);
    // one of the two whole
    expect(texts(numberedPairRepaired(jersey('PRABOWO', 'BRAN', '02'), PAIRS, numbers))).toEqual(['PRABOWO GIBRAN', '02']);
    expect(texts(numberedPairRepaired(jersey('ANIE', 'MUHAIMIN', '01'), PAIRS, numbers))).toEqual(['ANIES MUHAIMIN', '01']);
  });

  it('leaves it as read without the pair\'s own number, cut the wrong way, too short, or misread on both sides', () => {
    // another pair's number, or none
    expect(texts(numberedPairRepaired(jersey('PRABT', 'BRAN', '03'), PAIRS, numbers))).toEqual(['PRABT BRAN', '03']);
    expect(texts(numberedPairRepaired([jersey('PRABT', 'BRAN', '02')[0]!], PAIRS, numbers))).toEqual(['PRABT BRAN']);
    // the first name's end and the second's start: no one thing in front hides that
    expect(texts(numberedPairRepaired(jersey('ABOWO', 'GIBR', '02'), PAIRS, numbers))).toEqual(['ABOWO GIBR', '02']);
    // fewer than four letters kept, or no more than half the name
    expect(texts(numberedPairRepaired(jersey('PRA', 'BRAN', '02'), PAIRS, numbers))).toEqual(['PRA BRAN', '02']);
    expect(texts(numberedPairRepaired(jersey('ANIE', 'IMIN', '01'), PAIRS, numbers))).toEqual(['ANIE IMIN', '01']);
    // a misread letter at each cut, or a word that only starts like a name ("PRABU BRANDT")
    expect(texts(numberedPairRepaired(jersey('PRABT', 'XBRAN', '02'), PAIRS, numbers))).toEqual(['PRABT XBRAN', '02']);
    expect(texts(numberedPairRepaired(jersey('PRABU', 'BRANDT', '02'), PAIRS, numbers))).toEqual(['PRABU BRANDT', '02']);
    // a club's jersey: its name and a number, no pair
    expect(texts(numberedPairRepaired(jersey('SUKAMAJU', 'FC', '02'), PAIRS, numbers))).toEqual(['SUKAMAJU FC', '02']);
  });

  it('does not read a cut across two lines', () => {
    const stacked = [[word('PRABT', 204, 214, 105, 23)], [word('BRAN', 210, 244, 84, 25)], [word('02', 220, 280, 60, 40)]];
    expect(texts(numberedPairRepaired(stacked, PAIRS, numbers))).toEqual(['PRABT', 'BRAN', '02']);
  });
});

describe('a ballot number written "No. 3" as two words', () => {
  // the words of scenes-r26/check/batik-pita-nama-yusuf-ratna as read: the band's "YUSUF - RATNA No. 3"
  const band = (n: string, label = 'NO.') => [[word('SSUF', 230, 235, 52, 15), word('RATNN', 295, 236, 65, 16), word(label, 364, 233, 40, 21), word(n, 410, 235, 9, 8)]];

  it('places the number where its "No." is', () => {
    expect(texts(numberedPairRepaired(band('3'), PAIRS, numbers))).toEqual(['YUSUF RATNA NO. 3']);
    expect(texts(numberedPairRepaired(band('3', 'Nomor'), PAIRS, numbers))).toEqual(['YUSUF RATNA Nomor 3']);
  });

  it('leaves it as read with another pair\'s number, or a word that is no number word before it', () => {
    expect(texts(numberedPairRepaired(band('2'), PAIRS, numbers))).toEqual(['SSUF RATNN NO. 2']);
    expect(texts(numberedPairRepaired(band('3', 'KELAS'), PAIRS, numbers))).toEqual(['SSUF RATNN KELAS 3']);
  });
});
