// Two neighbouring words near a pair name's two words are read as that pair name; one word near a
// name, words near two different pairs' names, or short names one letter off are left as read.
import { describe, expect, it } from 'vitest';
import { editDistance, fragmentsJoined, keptWords, numberedPairRepaired, numberRead, pairRepaired } from '../../src/vision/pair-words.js';

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['GANJAR', 'MAHFUD'],
  ['PRABOWO', 'GIBRAN'],
  ['BUDI', 'DEWI'],
  ['FAUZI', 'SITI'],
  ['AHMAD', 'SITI'],
  ['YUSUF', 'RATNA'],
];
const word = (text: string, x0: number, y0: number, x1: number, y1: number) => ({ text, bbox: { x0, y0, x1, y1 } });
const row = (y: number, ...texts: string[]) => texts.map((t, i) => word(t, 10 + i * 120, y, 110 + i * 120, y + 40));
const texts = (lines: Array<Array<{ text: string }>>) => lines.map((l) => l.map((w) => w.text).join(' '));

describe('pair names read with a letter or two wrong', () => {
  it('measures edits, stopping past the limit', () => {
    expect(editDistance('MAREUD', 'MAHFUD')).toBe(2);
    expect(editDistance('MAREFUD', 'MAHFUD')).toBe(2);
    expect(editDistance('GANIAR', 'GANJAR')).toBe(1);
    expect(editDistance('KELURAHAN', 'GANJAR', 2)).toBe(3);
  });

  it('reads two neighbouring words near one pair name as it, in a line or on two lines', () => {
    expect(texts(pairRepaired([row(100, 'GANIAR', 'MAREUD', 'NX')], PAIRS))).toEqual(['GANJAR MAHFUD NX']);
    expect(texts(pairRepaired([row(100, 'PRABOW0'), row(150, 'GIRRAN')], PAIRS))).toEqual(['PRABOWO', 'GIBRAN']);
    // one name spelt right, the other near: the near one is repaired
    expect(texts(pairRepaired([row(100, 'RELAWAN'), row(150, 'FAUZL', 'SITI')], PAIRS))).toEqual(['RELAWAN', 'FAUZI SITI']);
    // a short name one letter off beside its running mate's long name, read within its budget
    expect(texts(pairRepaired([row(100, 'FAUZ', 'SIAI')], PAIRS))).toEqual(['FAUZI SITI']);
    expect(texts(pairRepaired([row(100, 'JOKOWI'), row(150, 'AMLN')], [['JOKOWI', 'AMIN']]))).toEqual(['JOKOWI', 'AMIN']);
    // ... or with a letter OCR could not name, read as a mark in its place ("SIT?" on a small far
    // shirt, scenes-r16/check): the read is the name's length, the mark one edit
    expect(texts(pairRepaired([row(100, 'FAUZL', 'SIT?')], PAIRS))).toEqual(['FAUZI SITI']);
    // a missing letter, two marks, a full stop, or no long name beside it: left as read
    expect(texts(pairRepaired([row(100, 'FAUZL', 'SIT')], PAIRS))).toEqual(['FAUZL SIT']);
    expect(texts(pairRepaired([row(100, 'FAUZI', 'S?T?')], PAIRS))).toEqual(['FAUZI S?T?']);
    expect(texts(pairRepaired([row(100, 'FAUZL', 'SIT.')], PAIRS))).toEqual(['FAUZL SIT.']);
    expect(texts(pairRepaired([row(100, 'BUDA', 'DEW?')], PAIRS))).toEqual(['BUDA DEW?']);
    // the words keep their boxes
    const [a, b] = pairRepaired([row(100, 'GANIAR', 'MAREUD')], PAIRS)[0] ?? [];
    expect(a?.bbox).toEqual({ x0: 10, y0: 100, x1: 110, y1: 140 });
    expect(b?.bbox).toEqual({ x0: 130, y0: 100, x1: 230, y1: 140 });
  });

  it('reads a word near a pair name written as one word (a tag) as it, keeping its #', () => {
    expect(texts(pairRepaired([row(100, '#GanjarMahfnd'), row(150, '03')], PAIRS))).toEqual(['#GANJARMAHFUD', '03']);
    expect(texts(pairRepaired([row(100, 'PRABOWOGIRRAN')], PAIRS))).toEqual(['PRABOWOGIBRAN']);
    // a stroke read for the last I and a letter off: the marks read as letters first
    expect(texts(pairRepaired([row(100, '4fauzisiz)')], PAIRS))).toEqual(['FAUZISITI']);
    expect(texts(pairRepaired([row(100, 'PRAB0W0GIRRAN')], PAIRS))).toEqual(['PRABOWOGIBRAN']);
    // the two names run together, each a letter off (a serif shirt whose space OCR lost): measured
    // as two words are, the short name one letter off beside its mate's long name
    expect(texts(pairRepaired([row(100, 'FAUZTSYTI')], PAIRS))).toEqual(['FAUZISITI']);
    // beside its mate read exactly: a short name's last letter lost, a five-letter name two letters off
    expect(texts(pairRepaired([row(100, 'FAUZI', 'SIT')], PAIRS))).toEqual(['FAUZI SITI']);
    expect(texts(pairRepaired([row(100, 'YUCUE', 'RATNA')], PAIRS))).toEqual(['YUSUF RATNA']);
    // ... not beside a mate read off, not a letter lost inside, not a longer name past its budget
    expect(texts(pairRepaired([row(100, 'FAUZL', 'SIT'), row(150, 'YUCUE', 'RATMA')], PAIRS))).toEqual(['FAUZL SIT', 'YUCUE RATMA']);
    expect(texts(pairRepaired([row(100, 'FAUZI', 'STI'), row(150, 'GAXYZR', 'MAHFUD')], PAIRS))).toEqual(['FAUZI STI', 'GAXYZR MAHFUD']);
    // two short names, each off: neither anchors the other
    expect(texts(pairRepaired([row(100, 'BUDADEWA')], PAIRS))).toEqual(['BUDADEWA']);
    // spelt right: kept as read (its case too); too far off: kept
    expect(texts(pairRepaired([row(100, '#GanjarMahfud')], PAIRS))).toEqual(['#GanjarMahfud']);
    expect(texts(pairRepaired([row(100, '#GantarMarfnd')], PAIRS))).toEqual(['#GantarMarfnd']);
    expect(texts(pairRepaired([row(100, 'KELURAHAN')], PAIRS))).toEqual(['KELURAHAN']);
  });

  it('leaves one near word, the wrong order, two pairs mixed, short names off by a letter and far-apart lines as read', () => {
    expect(texts(pairRepaired([row(100, 'GANIAR', 'PAGI')], PAIRS))).toEqual(['GANIAR PAGI']);
    expect(texts(pairRepaired([row(100, 'MAREUD', 'GANIAR')], PAIRS))).toEqual(['MAREUD GANIAR']);
    expect(texts(pairRepaired([row(100, 'GANIAR', 'GIRRAN')], PAIRS))).toEqual(['GANIAR GIRRAN']);
    expect(texts(pairRepaired([row(100, 'BUDA', 'DEWA')], PAIRS))).toEqual(['BUDA DEWA']);
    // a short name off by a letter needs its mate's long name near, and as many letters as the name
    // (one fewer, its start, only beside the mate read exactly: above)
    expect(texts(pairRepaired([row(100, 'PAGI', 'SIAI')], PAIRS))).toEqual(['PAGI SIAI']);
    expect(texts(pairRepaired([row(100, 'FAUZL', 'SIT')], PAIRS))).toEqual(['FAUZL SIT']);
    expect(texts(pairRepaired([row(100, 'FAUZAN', 'SITU')], PAIRS))).toEqual(['FAUZAN SITU']);
    expect(texts(pairRepaired([row(100, 'AHMAD', 'FAUZI,', 'S.H.')], PAIRS))).toEqual(['AHMAD FAUZI, S.H.']);
    // too many edits between them (2 + 2)
    expect(texts(pairRepaired([row(100, 'GANTAP', 'MAREUD')], PAIRS))).toEqual(['GANTAP MAREUD']);
    // the second line far below the first is not the pair name's second line
    expect(texts(pairRepaired([row(100, 'PRABOW0'), row(400, 'GIRRAN')], PAIRS))).toEqual(['PRABOW0', 'GIRRAN']);
  });

  it('reads a pair name further off as it only with its own ballot number printed beside', () => {
    const numbers = new Map([['GANJAR MAHFUD', [3]], ['PRABOWO GIBRAN', [2]], ['BUDI DEWI', [2]], ['FAUZI SITI', [1]]]);
    // two edits in each long name (four together, one over pairRepaired's budget) with "02" right under them
    const small = [row(100, 'PRAHOWG', 'UIDRAN'), [word('02', 90, 150, 150, 190)]];
    expect(texts(pairRepaired(small, PAIRS))).toEqual(['PRAHOWG UIDRAN', '02']);
    expect(texts(numberedPairRepaired(small, PAIRS, numbers))).toEqual(['PRABOWO GIBRAN', '02']);
    // short names a letter off each, the number after a mark in the line
    expect(texts(numberedPairRepaired([row(100, 'Rudi', 'Dew', 'No.2')], PAIRS, numbers))).toEqual(['BUDI DEWI No.2']);
    expect(texts(numberedPairRepaired([row(100, 'Rudi', 'Dew', '2')], PAIRS, numbers))).toEqual(['BUDI DEWI 2']);
    // OCR's marks for letters, a digit read for a letter, and the number after "NOMOR" read with a letter for its digit
    expect(texts(numberedPairRepaired([row(100, 'BUDU', 'DEW7'), [word('NOMOR2', 60, 150, 180, 190)]], PAIRS, numbers))).toEqual(['BUDI DEWI', 'NOMOR2']);
    expect(texts(numberedPairRepaired([row(100, 'BUO)', 'DEWI'), [word('NOMORZ', 60, 150, 180, 190)]], PAIRS, numbers))).toEqual(['BUDI DEWI', 'NOMORZ']);
    // another pair's number, no number, or the number far away: left as read
    expect(texts(numberedPairRepaired([row(100, 'Rudi', 'Dew', '3')], PAIRS, numbers))).toEqual(['Rudi Dew 3']);
    expect(texts(numberedPairRepaired([row(100, 'PRAHOWG', 'UIDRAN')], PAIRS, numbers))).toEqual(['PRAHOWG UIDRAN']);
    expect(texts(numberedPairRepaired([row(100, 'Rudi', 'Dew'), [word('2', 900, 400, 920, 440)]], PAIRS, numbers))).toEqual(['Rudi Dew', '2']);
    // too far off even beside the number: a short name two letters off, or five edits together
    expect(texts(numberedPairRepaired([row(100, 'RUDA', 'DEWI', '2')], PAIRS, numbers))).toEqual(['RUDA DEWI 2']);
    expect(texts(numberedPairRepaired([row(100, 'PRAHOWG', 'UIDRAM', '02')], PAIRS, numbers))).toEqual(['PRAHOWG UIDRAM 02']);
    expect(texts(numberedPairRepaired([row(100, 'SAU', 'SIT', '1')], PAIRS, numbers))).toEqual(['SAU SIT 1']);
    // ballot numbers as printed, and what is not one
    expect([numberRead('02'), numberRead('No.3'), numberRead('3.'), numberRead('NB'), numberRead('2024'), numberRead('B1234SKM'), numberRead('NOMORZ'), numberRead('No.l'), numberRead('NOMOR'), numberRead('NOTA'), numberRead('Z')]).toEqual([2, 3, 3, undefined, undefined, undefined, 2, 1, undefined, undefined, undefined]);
    // NOMOR read one letter off, run into its digit or a look-alike; other words with a digit are no number
    expect([numberRead('NomarZ'), numberRead('NOMDR2'), numberRead('Nomor3'), numberRead('Motor2'), numberRead('HONOR1'), numberRead('nama2')]).toEqual([2, 2, 3, undefined, undefined, undefined]);
    // beside a pair name read a letter short, as a small chest print reads
    expect(texts(numberedPairRepaired([row(100, 'BUDI', 'DEW'), [word('NomarZ', 10, 150, 130, 190)]], PAIRS, numbers))).toEqual(['BUDI DEWI', 'NomarZ']);
  });

  it('keeps a word read below the floor only as one of the two words of a pair name beside the other', () => {
    const sure = (y: number, ...read: Array<[string, number]>) => read.map(([t, c], i) => ({ ...word(t, 10 + i * 120, y, 110 + i * 120, y + 40), confidence: c }));
    // one name sure, its running mate's doubted but spelt right or a letter off: both kept
    expect(texts(keptWords([sure(100, ['pr', 33]), sure(150, ['YUSUF', 86], ['RATNA', 13])], PAIRS, 60))).toEqual(['YUSUF RATNA']);
    expect(texts(keptWords([sure(100, ['ANIES', 45], ['MUMAIMIN', 27])], [['ANIES', 'MUHAIMIN']], 60))).toEqual(['ANIES MUMAIMIN']);
    // on two lines, the second right below the first
    expect(texts(keptWords([sure(100, ['PRABOWO', 40]), sure(150, ['GIBRAN', 22])], PAIRS, 60))).toEqual(['PRABOWO', 'GIBRAN']);
    // a doubted word alone, beside an everyday word, near a name from another pair, or too many edits off: dropped
    expect(texts(keptWords([sure(100, ['SALON', 90], ['RATNA', 30])], PAIRS, 60))).toEqual(['SALON']);
    expect(texts(keptWords([sure(100, ['GANJAR', 40])], PAIRS, 60))).toEqual([]);
    expect(texts(keptWords([sure(100, ['GANJAR', 70], ['GIBRAN', 30])], PAIRS, 60))).toEqual(['GANJAR']);
    expect(texts(keptWords([sure(100, ['GANIAR', 40], ['MAREUD', 40])], PAIRS, 60))).toEqual([]);
    // short names stay exact even when doubted; texture read barely at all is not a word
    expect(texts(keptWords([sure(100, ['BUDI', 86], ['DRWI', 14])], PAIRS, 60))).toEqual(['BUDI']);
    expect(texts(keptWords([sure(100, ['BUDA', 30], ['DEWI', 5])], PAIRS, 60))).toEqual([]);
    expect(texts(keptWords([sure(100, ['PRABOWO', 30], ['GIBRAN', 5])], PAIRS, 60))).toEqual([]);
    // beside a name read sure, its running mate's may be read at any confidence
    expect(texts(keptWords([sure(100, ['ERABOWO', 0]), sure(150, ['GIBRAN', 60])], PAIRS, 60))).toEqual(['ERABOWO', 'GIBRAN']);
    // words read sure are kept as before, pair or not
    expect(texts(keptWords([sure(100, ['AYO', 90], ['KE', 88], ['TPS', 91])], PAIRS, 60))).toEqual(['AYO KE TPS']);
  });

  it('joins two halves of a name word read as two words, and nothing else', () => {
    const names = new Set(['YUSUF', 'RATNA', 'BUDI', 'DEWI']);
    const w = (t: string, x0: number, x1: number, c = 80) => ({ ...word(t, x0, 100, x1, 140), confidence: c });
    const [joined] = fragmentsJoined([[w('YUSUF', 10, 150), w('RAT', 170, 250, 71), w('NA', 258, 300, 94)]], names);
    expect(texts([joined ?? []])).toEqual(['YUSUF RATNA']);
    expect(joined?.[1]).toMatchObject({ confidence: 71, bbox: { x0: 170, y0: 100, x1: 300, y1: 140 } });
    // a space as wide as the letters are tall: two words, not one
    expect(texts(fragmentsJoined([[w('RAT', 10, 90), w('NA', 140, 180)]], names))).toEqual(['RAT NA']);
    // halves that are names themselves, or together no name: kept as read
    expect(texts(fragmentsJoined([[w('BUDI', 10, 90), w('DEWI', 100, 180)]], names))).toEqual(['BUDI DEWI']);
    expect(texts(fragmentsJoined([[w('SA', 10, 50), w('LON', 55, 120)]], names))).toEqual(['SA LON']);
  });
});

