// The one predicate over the dictionary's root words (src/registry/dictionary.ts): every caller
// (the KPU import marking, contestNamedHits, the misspelled-name lookup) asks it.
import { describe, expect, it } from 'vitest';
import { SASTRAWI_ROOTS } from '../../src/registry/everyday-words.js';
import { isEverydayWord } from '../../src/registry/dictionary.js';

describe('isEverydayWord', () => {
  it('holds for the dictionary\'s root words a candidate\'s name can be', () => {
    for (const w of ['minggu', 'tahun', 'bulan', 'pribadi', 'ganjal', 'akbar']) expect(isEverydayWord(w), w).toBe(true);
  });

  it('does not hold for words outside the dictionary, inflected forms or other cases', () => {
    for (const w of ['prabowo', 'jokowi', 'pribadinya', 'Minggu', '', 'minggu ini']) expect(isEverydayWord(w), w).toBe(false);
  });

  it('leaves out root words that are mainly names, unless asked for every root word', () => {
    for (const w of ['agus', 'ganjar', 'wahyu', 'saleh', 'pontoh']) {
      expect(SASTRAWI_ROOTS.split(' '), w).toContain(w);
      expect(isEverydayWord(w), w).toBe(false);
      expect(isEverydayWord(w, { evenAName: true }), w).toBe(true);
    }
    expect(isEverydayWord('minggu', { evenAName: true })).toBe(true);
    expect(isEverydayWord('prabowo', { evenAName: true })).toBe(false);
  });

  it('answers for the whole list: every root word, less the mainly-names list', () => {
    const roots = SASTRAWI_ROOTS.split(' ');
    const names = roots.filter((w) => !isEverydayWord(w));
    expect(roots.every((w) => isEverydayWord(w, { evenAName: true }))).toBe(true);
    expect(names.length).toBeGreaterThan(50);
    expect(names.length).toBeLessThan(150);
  });
});
