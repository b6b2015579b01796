// Two neighbouring words near a pair name's two words are read as that pair name; one word near a
// name, words near two different pairs' names, or short names one letter off are left as read.
import { describe, expect, it } from 'vitest';
import { editDistance, pairRepaired } from '../../src/vision/pair-words.js';

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
    // the words keep their boxes
    const [a, b] = pairRepaired([row(100, 'GANIAR', 'MAREUD')], PAIRS)[0] ?? [];
    expect(a?.bbox).toEqual({ x0: 10, y0: 100, x1: 110, y1: 140 });
    expect(b?.bbox).toEqual({ x0: 130, y0: 100, x1: 230, y1: 140 });
  });

  it('reads a word near a pair name written as one word (a tag) as it, keeping its #', () => {
    expect(texts(pairRepaired([row(100, '#GanjarMahfnd'), row(150, '03')], PAIRS))).toEqual(['#GANJARMAHFUD', '03']);
    expect(texts(pairRepaired([row(100, 'PRABOWOGIRRAN')], PAIRS))).toEqual(['PRABOWOGIBRAN']);
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
    expect(texts(pairRepaired([row(100, 'AHMAD', 'FAUZI,', 'S.H.')], PAIRS))).toEqual(['AHMAD FAUZI, S.H.']);
    // too many edits between them (2 + 2)
    expect(texts(pairRepaired([row(100, 'GANTAP', 'MAREUD')], PAIRS))).toEqual(['GANTAP MAREUD']);
    // the second line far below the first is not the pair name's second line
    expect(texts(pairRepaired([row(100, 'PRABOW0'), row(400, 'GIRRAN')], PAIRS))).toEqual(['PRABOW0', 'GIRRAN']);
  });
});
