// The ballot-number words of the text layer live in a data file (rules/text/bilangan.json), read
// and validated once by text/number-words.ts; normalise.ts reads them from there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NUMBER_WORDS_FILE, numberWords } from '../../src/text/number-words.js';
import { normalise, numberWordValue } from '../../src/text/normalise.js';

describe('number words (rules/text/bilangan.json)', () => {
  it('reads every class with its sources, and the normaliser reads them', () => {
    const data = JSON.parse(readFileSync(NUMBER_WORDS_FILE, 'utf8')) as { numberWords: { languages: Array<{ source: string }> } };
    expect(data.numberWords.languages.every((l) => l.source.length > 0)).toBe(true);
    expect(numberWords().numberCues.has('paslon')).toBe(true);
    expect(numberWords().ballotCues.has('pokokna')).toBe(true);
    expect(numberWords().clauseTails.has('wae')).toBe(true);
    expect(numberWords().digits.size).toBe(58);
    expect(numberWordValue('tilu')).toBe('3');
    expect(numberWordValue('gangsal')).toBe('5');
    expect(numberWordValue('constructor')).toBeUndefined();
    expect(normalise('nomer due').text).toBe('nomor 2');
    expect(normalise('coblos telu wae').text).toBe('coblos 3 wae');
    expect(normalise('coblos satu kali').text).toBe('coblos satu kali');
  });

  it('no word is both a cue and a number word', () => {
    for (const w of [...numberWords().numberCues, ...numberWords().ballotCues, ...numberWords().clauseTails]) expect(numberWords().digits.has(w), w).toBe(false);
  });
});
