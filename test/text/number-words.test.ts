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
    expect(numberWords().digits.size).toBe(59);
    expect(numberWordValue('tilu')).toBe('3');
    expect(numberWordValue('gangsal')).toBe('5');
    expect(numberWordValue('constructor')).toBeUndefined();
    expect(normalise('nomer due').text).toBe('nomor 2');
    expect(normalise('coblos telu wae').text).toBe('coblos 3 wae');
    expect(normalise('coblos satu kali').text).toBe('coblos satu kali');
  });

  it('reads an ordinal as the ballot number only after a number cue, closing its clause', () => {
    const data = JSON.parse(readFileSync(NUMBER_WORDS_FILE, 'utf8')) as { ordinals: { languages: Array<{ source: string }> }; ordinalMarkers: { source: string } };
    expect(data.ordinals.languages.every((l) => l.source.length > 0)).toBe(true);
    expect(data.ordinalMarkers.source.length).toBeGreaterThan(0);
    // Indonesian, Sundanese, Javanese, Minang ordinals after nomor/paslon/urut
    expect(normalise('milih paslon kedua ya lur').text).toBe('milih paslon 2 ya lur');
    expect(normalise('coblos nomor urut kedua').text).toBe('coblos nomor urut 2');
    expect(normalise('ayo coblos paslon kahiji').text).toBe('ayo coblos paslon 1');
    expect(normalise('nomer kapindho, pokoke').text).toBe('nomor 2, pokoke');
    expect(normalise('nomor katigo').text).toBe('nomor 3');
    // "for the second time", "the second X" go on and stay words; no ordinal after a ballot verb
    expect(normalise('capres kedua kalinya').text).toBe('capres kedua kalinya');
    expect(normalise('calon kedua pilkada').text).toBe('calon kedua pilkada');
    expect(normalise('coblos pindho').text).toBe('coblos pindho');
    // after an office word the ordinal counts the debate, not the ballot (ordinalCues)
    expect(normalise('debat capres ketiga 🎫').text).toBe('debat capres ketiga 🎫');
    expect(normalise('debat capres ke-3 🎫').text).toBe('debat capres ke 3 🎫');
    expect(normalise('milih nu kadua wae').text).toBe('milih nu kadua wae');
  });

  it('drops an ordinal marker between a number cue and its number ("nomor ke-2")', () => {
    expect(normalise('coblos nomor ke-2 ya').text).toBe('coblos nomor 2 ya');
    expect(normalise('paslon ke 3').text).toBe('paslon 3');
    expect(normalise('nomer ka-2').text).toBe('nomor 2');
    expect(normalise('nomer kaping pindho').text).toBe('nomor 2');
    expect(normalise('nomor ke dua').text).toBe('nomor 2');
    // the span of the number still points at the original words
    const n = normalise('Coblos nomor ke-2 ya');
    expect(n.text).toBe('coblos nomor 2 ya');
    // no cue before it, or no number after it: "ke" stays a preposition
    expect(normalise('pergi ke 2 tempat').text).toBe('pergi ke 2 tempat');
    expect(normalise('nomor ke rumah').text).toBe('nomor ke rumah');
  });

  it('no word is both a cue and a number word', () => {
    for (const w of [...numberWords().numberCues, ...numberWords().ballotCues, ...numberWords().clauseTails]) expect(numberWords().digits.has(w), w).toBe(false);
  });
});
