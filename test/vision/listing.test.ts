// Print that names several pairs of one election (KPU's poster of every pair, a ballot specimen, a
// debate schedule) is a listing of the field, not one pair's campaign material (reader.ts:
// listsRivals). Terms are taken from the shipped registry, so the test follows its pairs.
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { listsField, pairNameWords } from '../../src/vision/listing.js';
import type { OcrWord } from '../../src/vision/ocr.js';
import { listsRivals } from '../../src/vision/reader.js';

const pack = await loadRulePack();
const election = (id: string) => {
  const e = pack.registry.elections.find((x) => x.id === id);
  if (!e) throw new Error(`no election ${id} in the registry`);
  return e;
};
const hit = (electionId: string, number: number) => {
  const e = election(electionId);
  const pair = e.pairs.find((p) => p.number === number);
  if (!pair) throw new Error(`no pair ${number} in ${electionId}`);
  return { term: { election: e, pair } };
};

describe('print naming several pairs', () => {
  it('is a listing when it names two or more pairs of one election', () => {
    expect(listsRivals([hit('pilpres-2024', 1), hit('pilpres-2024', 2), hit('pilpres-2024', 3)])).toBe(true);
    expect(listsRivals([hit('pilkada-2024-3299', 1), hit('pilkada-2024-3299', 3)])).toBe(true);
  });

  it('is one pair\'s print when it names one pair, however often', () => {
    expect(listsRivals([hit('pilpres-2024', 2), hit('pilpres-2024', 2)])).toBe(false);
    expect(listsRivals([])).toBe(false);
  });

  it('is no listing for the same name in two elections ("PRABOWO": 02 of 2019 and of 2024)', () => {
    expect(listsRivals([hit('pilpres-2019', 2), hit('pilpres-2024', 2)])).toBe(false);
  });

  // scenes-r28/check/poster-dinding-kantor-prabowo-gibran as read: "PRABOWO\nGIBRAN\n02\nIndonesia
  // Maju", where "PRABOWO" is also 2019's 02 and "#IndonesiaMaju" 2019's 01 tag (stop 52)
  const at = (h: ReturnType<typeof hit>, start: number, end: number) => ({ ...h, start, end });
  it('reads a name inside a longer hit of another election\'s pair as that pair\'s, not as its own election\'s rival', () => {
    const poster = [at(hit('pilpres-2019', 2), 0, 7), at(hit('pilpres-2024', 2), 0, 7), at(hit('pilpres-2024', 2), 0, 14), at(hit('pilpres-2019', 1), 18, 32)];
    expect(listsRivals(poster)).toBe(false);
    // without the 2024 pair name the two 2019 hits are still rivals
    expect(listsRivals([at(hit('pilpres-2019', 2), 0, 7), at(hit('pilpres-2019', 1), 18, 32)])).toBe(true);
    // a longer hit of the same election leaves its rivals alone (KPU's list of 2019's pairs)
    expect(listsRivals([at(hit('pilpres-2019', 1), 0, 11), at(hit('pilpres-2019', 2), 0, 7)])).toBe(true);
    // 2024's three pairs listed stay a listing whatever 2019 shares with them
    expect(listsRivals([at(hit('pilpres-2024', 2), 0, 14), at(hit('pilpres-2019', 2), 0, 7), at(hit('pilpres-2024', 1), 20, 34), at(hit('pilpres-2024', 3), 40, 53)])).toBe(true);
  });
});

// OCR words laid out by hand: text, box (x, y, w, h) and score, offsets into the joined text
const read = (rows: Array<[string, number, number, number, number, number?]>): { words: OcrWord[]; text: string } => {
  let text = '';
  const words = rows.map(([w, x, y, bw, bh, score = 0.95]) => {
    const start = text.length;
    text += `${w} `;
    return { text: w, start, end: start + w.length, box: { x, y, w: bw, h: bh }, score };
  });
  return { words, text: text.trim() };
};
const names = pairNameWords(pack.registry.elections);
const all = pack.registry.elections;
const field = (r: { words: OcrWord[]; text: string }) => listsField(r.words, r.text, all, names);

describe('print laid out as a listing of the field (listsField)', () => {
  it('is a listing when a far poster\'s columns are read unevenly (one pair whole, the others a name word, one misread)', () => {
    // what OCR read of a far KPU Pilkada poster of three columns: numbers in a row, names under them
    const far = read([['PASLON', 205, 62, 42, 19], ['BUPATI', 253, 66, 43, 19], ['01', 197, 102, 15, 8], ['02', 274, 106, 19, 12], ['03', 348, 112, 14, 10], ['FAUZI', 186, 161, 57, 15], ['BUDI', 254, 163, 46, 15], ['YUSUF', 311, 164, 57, 15], ['SmI', 187, 173, 39, 12, 0.79], ['DEWI', 238, 175, 52, 11, 0.79], ['BATNA', 303, 176, 64, 11, 0.79]]);
    expect(field(far)).toBe(true);
  });

  it('is a listing from ballot numbers in one column or one row alone', () => {
    expect(field(read([['01', 90, 140, 20, 18], ['02', 91, 224, 20, 18], ['03', 90, 308, 20, 18]]))).toBe(true);
    expect(field(read([['1', 100, 80, 14, 20], ['2', 260, 82, 14, 20]]))).toBe(true);
  });

  it('is a listing when a name word of a second pair of the election is read, one edit off', () => {
    expect(field(read([['BUDI', 100, 100, 40, 16], ['DEWI', 150, 100, 40, 16], ['BATNA', 300, 100, 50, 16, 0.7]]))).toBe(true);
  });

  it('is a listing when an election body signs it', () => {
    expect(field(read([['BUDI', 100, 100, 40, 16], ['DEWI', 150, 100, 40, 16], ['KPU', 100, 300, 30, 12], ['Sukamaju', 140, 300, 60, 12]]))).toBe(true);
    expect(field(read([['Badan', 10, 10, 40, 12], ['Pengawas', 60, 10, 60, 12], ['Pemilu', 130, 10, 40, 12]]))).toBe(true);
  });

  it('is one pair\'s print: its names, its number repeated, a date, a plate', () => {
    expect(field(read([['GANJAR', 100, 100, 80, 30], ['-', 190, 100, 10, 30], ['MAHFUD', 210, 100, 80, 30], ['03', 170, 150, 40, 40]]))).toBe(false);
    expect(field(read([['BUDI', 100, 100, 40, 16], ['DEWI', 150, 100, 40, 16], ['Coblos', 100, 130, 40, 12], ['No.', 145, 130, 20, 12], ['2', 170, 130, 8, 12]]))).toBe(false);
    // numbers of different sizes, or on top of each other, are no row of number blocks
    expect(field(read([['PRABOWO', 100, 60, 80, 20], ['GIBRAN', 190, 60, 70, 20], ['02', 150, 100, 40, 40], ['1', 400, 110, 8, 12]]))).toBe(false);
    expect(field(read([['B', 280, 290, 10, 14], ['1234', 295, 290, 40, 14], ['SKM', 340, 290, 30, 14], ['YUSUF', 120, 120, 60, 20], ['RATNA', 190, 120, 60, 20]]))).toBe(false);
  });

  it('is a listing when two pairs\' name words stand in one column (pairs listed under each other)', () => {
    expect(field(read([['FAUZI', 100, 100, 60, 18], ['SITI', 170, 100, 44, 18], ['YUSUF', 104, 160, 62, 18], ['RATNA', 176, 160, 60, 18]]))).toBe(true);
  });

  it('is one pair\'s poster when a given name of another pair is read elsewhere among papers (a duty roster beside it)', () => {
    // what OCR read of scenes-r30's notice board: the pair's poster, and a roster whose "Kamis: Sari"
    // is a given name of pair 03 (Ratna Sari) too, two lines lower and a column to the left
    const board = read([['JADWAL', 94, 73, 67, 24], ['PIKET', 171, 70, 56, 24], ['BUDI', 274, 94, 61, 24], ['DEWI', 349, 97, 61, 24], ['Senin', 118, 124, 63, 19], ['Rina', 193, 126, 50, 19], ['Coblos', 255, 127, 76, 20], ['No.2', 342, 129, 51, 19], ['Kamis', 121, 202, 56, 19], ['Sari', 188, 204, 45, 19], ['Jumat', 117, 228, 45, 19], ['Yanto', 170, 226, 45, 19]]);
    expect(field(board)).toBe(false);
  });

  it('is no listing for names of one pair in two elections (PRABOWO in 2019 and 2024)', () => {
    expect(field(read([['PRABOWO', 100, 100, 80, 20], ['GIBRAN', 190, 100, 70, 20], ['SANDIAGA', 100, 300, 80, 20]]))).toBe(false);
  });
});
