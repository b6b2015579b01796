// Indonesian syllabification (src/text/syllables.ts), the base of coined pair names (src/rules/coinages.ts).
import { describe, expect, it } from 'vitest';
import { openPart, syllables } from '../../src/text/syllables.js';

const split = (w: string) => syllables(w).join('-');

describe('syllables', () => {
  it('opens a syllable with one consonant between vowels and splits two', () => {
    expect(split('budi')).toBe('bu-di');
    expect(split('andika')).toBe('an-di-ka');
    expect(split('hendi')).toBe('hen-di');
    expect(split('iswar')).toBe('is-war');
    expect(split('agustina')).toBe('a-gus-ti-na');
    expect(split('surya')).toBe('sur-ya');
  });

  it('keeps a stop or f before r or l together, and digraphs whole', () => {
    expect(split('hendrar')).toBe('hen-drar');
    expect(split('andri')).toBe('an-dri');
    expect(split('prabowo')).toBe('pra-bo-wo');
    expect(split('syahbana')).toBe('syah-ba-na');
    expect(split('ngatiyem')).toBe('nga-ti-yem');
    expect(split('luthfi')).toBe('luth-fi');
    expect(split('sanyoto')).toBe('sa-nyo-to');
  });

  it('reads y after a consonant as a vowel, before a vowel as a consonant', () => {
    expect(split('bobby')).toBe('bob-by');
    expect(split('yoyok')).toBe('yo-yok');
    expect(split('randy')).toBe('ran-dy');
  });

  it('splits two vowels inside a word, keeps a diphthong at its end', () => {
    expect(split('main')).toBe('ma-in');
    expect(split('aulia')).toBe('a-u-li-a');
    expect(split('pantai')).toBe('pan-tai');
  });

  it('gives one syllable for a word without two vowels, nothing for other text', () => {
    expect(syllables('jan')).toEqual(['jan']);
    expect(syllables('prb')).toEqual(['prb']);
    expect(syllables('Budi')).toEqual([]);
    expect(syllables('')).toEqual([]);
  });

  it('takes a syllable’s onset and vowel', () => {
    expect(openPart('bob')).toBe('bo');
    expect(openPart('syah')).toBe('sya');
    expect(openPart('an')).toBe('a');
    expect(openPart('yok')).toBe('yo');
  });
});
