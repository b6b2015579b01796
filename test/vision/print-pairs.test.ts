// A text finding on a photo's print names only the pairs of the print that carries its cue
// (print-pairs.ts). On scenes-r30's office notice board the text rules read the whole board as
// one text: the poster's "BUDI DEWI / Coblos No.2", the duty roster's "Kamis Sari" beside it and
// another paper's "Halaman Kantor", and the office-appeal finding named pair 02 and, by the
// roster's Sari (a given name of pair 03's Ratna Sari too), pair 03.
import { describe, expect, it } from 'vitest';
import type { CandidateRef, Finding, Span } from '../../src/model/finding.js';
import type { OcrReading } from '../../src/vision/ocr.js';
import { pairsOfCuePrint, type PairHit } from '../../src/vision/print-pairs.js';

// what OCR read of the board (words and boxes as read; three of the roster's lines and the apel
// notice's time left out)
const BOARD: Array<[string, number, number, number, number]> = [
  ['JADWAL', 94, 73, 67, 24], ['PIKET', 171, 70, 56, 24], ['BUDI', 274, 94, 61, 24], ['DEWI', 349, 97, 61, 24],
  ['Senin', 118, 124, 63, 19], ['Rina', 193, 126, 50, 19], ['Coblos', 255, 127, 76, 20], ['No.2', 342, 129, 51, 19],
  ['Kamis', 121, 202, 56, 19], ['Sari', 188, 204, 45, 19], ['Sukamaju', 244, 206, 90, 20], ['Maju', 345, 209, 45, 18],
  ['APELPAGI', 455, 266, 98, 26], ['Halaman', 445, 325, 57, 20], ['Kantor', 508, 328, 49, 20],
];
const LINES = [[0, 1], [2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12], [13, 14]];

function read(): OcrReading {
  const words: OcrReading['words'] = [];
  let text = '';
  for (const line of LINES) {
    if (text) text += '\n';
    line.forEach((i, k) => {
      const [word, x, y, w, h] = BOARD[i]!;
      if (k > 0) text += ' ';
      words.push({ text: word, start: text.length, end: text.length + word.length, box: { x, y, w, h }, score: 0.98 });
      text += word;
    });
  }
  return { text, words };
}

const board = read();
const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`no ${word}`);
  return { start, end: start + word.length };
};
const span = (text: string, word: string): Span => ({ field: 'text', index: 0, ...at(text, word), text: word, matcher: 'm' });
const hit = (text: string, word: string, pair: string): PairHit => ({ pair, election: 'pilkada-2024-3299', ...at(text, word) });
const candidate = (number: number): CandidateRef => ({ election: 'pilkada-2024-3299', number, pair: `pilkada-2024-3299-0${number}`, name: `pair ${number}` });
const finding = (text: string, words: string[], numbers: number[]): Finding => {
  const said = `Ajakan memilih ${numbers.map((n) => `pair ${n}`).join(' / ')}. Kata yang cocok: ${words.map((w) => `“${w}”`).join(', ')}.`;
  return { candidates: numbers.map(candidate), spans: words.map((w) => span(text, w)), explanation: { id: said, en: said } } as Partial<Finding> as Finding;
};

describe('the pairs a text finding on print names', () => {
  const text = `${board.text}\n\nFoto papan pengumuman`;
  const hits = [hit(text, 'BUDI DEWI', 'pilkada-2024-3299-02'), hit(text, 'No.2', 'pilkada-2024-3299-02'), hit(text, 'Sari', 'pilkada-2024-3299-03')];
  const office = finding(text, ['BUDI DEWI', 'Coblos', 'No.2', 'Sari', 'Kantor'], [2, 3]);

  it('keeps the pair of the poster its cue stands on and drops a given name read on the roster beside it', () => {
    const own = pairsOfCuePrint(office, hits, board, board.text.length);
    expect(own.candidates.map((c) => c.number)).toEqual([2]);
    expect(own.spans.map((s) => s.text)).toEqual(['BUDI DEWI', 'Coblos', 'No.2', 'Kantor']);
    expect(own.explanation.en).toBe('Ajakan memilih pair 2. Kata yang cocok: “BUDI DEWI”, “Coblos”, “No.2”, “Kantor”.');
  });

  it('keeps a pair the item\'s own words name too', () => {
    const captioned = `${board.text}\n\nSemangat bu Sari`;
    const inCaption: PairHit = { pair: 'pilkada-2024-3299-03', election: 'pilkada-2024-3299', start: captioned.lastIndexOf('Sari'), end: captioned.length };
    const withCaption = [...hits.slice(0, 2), hit(captioned, 'Sari', 'pilkada-2024-3299-03'), inCaption];
    const f = finding(captioned, ['BUDI DEWI', 'Coblos', 'No.2', 'Sari', 'Kantor'], [2, 3]);
    expect(pairsOfCuePrint(f, withCaption, board, board.text.length).candidates.map((c) => c.number)).toEqual([2, 3]);
  });

  it('leaves a finding naming one pair, or pairs of different elections, as it is', () => {
    const one = finding(text, ['BUDI DEWI', 'Coblos', 'No.2', 'Kantor'], [2]);
    expect(pairsOfCuePrint(one, hits, board, board.text.length)).toBe(one);
    const other = { ...office, candidates: [candidate(2), { ...candidate(3), election: 'pilpres-2024', pair: 'pilpres-2024-03' }] };
    expect(pairsOfCuePrint(other, [...hits.slice(0, 2), { ...hits[2]!, election: 'pilpres-2024', pair: 'pilpres-2024-03' }], board, board.text.length)).toBe(other);
  });
});
