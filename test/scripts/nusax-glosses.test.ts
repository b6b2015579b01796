// The filters that decide which NusaX word pairs become glosses (scripts/lib/nusax-glosses.mjs).
import { describe, expect, it } from 'vitest';
import {
  alignmentPrecision,
  dropAmbiguousForms,
  dropFinalApostrophes,
  glossesFromPairs,
  indonesianVocabulary,
  isListedRegionalWord,
  mineByDice,
  naiveRoots,
  otherLanguageUse,
  rejectReason,
} from '../../scripts/lib/nusax-glosses.mjs';
import { termText } from '../../src/text/term-text.js';

const indonesian = indonesianVocabulary(['bangga', 'dilarang', 'salut', 'kalah', 'menang', 'tiang', 'sama']);
const ruleWords = new Set(['kalah', 'salut', 'dukung', 'lupa', 'jangan', 'bagi']);
const filters = { indonesian, relevant: (t: string) => ruleWords.has(t) };

describe('rejectReason', () => {
  it('keeps a regional form of an Indonesian word a rule uses', () => {
    expect(rejectReason('kalah', 'kala', filters)).toBeUndefined();
    expect(rejectReason('jangan', 'jhek loppa', { ...filters, relevant: () => true })).toBeUndefined();
  });

  it('drops identity pairs and Indonesian words no rule can see', () => {
    expect(rejectReason('kalah', 'kalah', filters)).toBe('identity');
    expect(rejectReason('murah', 'mude', filters)).toBe('irrelevant');
  });

  it('never glosses a form that is itself an Indonesian word or the root of one', () => {
    // Madurese "bangga" stands for "salut": in Indonesian it is "proud"
    expect(rejectReason('salut', 'bangga', filters)).toBe('indonesian word');
    // "larang" is the root of "dilarang" (forbid), Madurese for "expensive"
    expect(naiveRoots('dilarang')).toContain('larang');
    expect(rejectReason('kalah', 'larang', filters)).toBe('indonesian word');
    // a phrase made only of Indonesian words
    expect(rejectReason('kalah', 'sama sama', filters)).toBe('indonesian words');
  });

  it('drops short forms, netral\'s own regional words, other languages\' words and denied targets', () => {
    expect(rejectReason('jangan', 'bek', filters)).toBe('short');
    expect(rejectReason('kalah', 'gelem', { ...filters, regional: new Set(['gelem']) })).toBe('netral regional word');
    expect(rejectReason('kalah', 'podo', { ...filters, otherLanguage: (f) => f === 'podo' })).toBe('other language word');
    expect(rejectReason('bagi', 'kanggo', filters)).toBe('denied');
  });
});

describe('glossesFromPairs', () => {
  it('normalises both sides like netral (diacritics, word-final glottal apostrophes) before judging them', () => {
    const { kept, dropped } = glossesFromPairs(
      [
        ['kalah', 'Kalâ'],
        ['kalah', 'kalah'],
        ['dukung', "adhukung'"],
        ['dukung', 'adhukung'],
      ],
      'mad',
      { fold: (x) => termText(dropFinalApostrophes(x)), ...filters },
    );
    expect(kept).toEqual([
      { lang: 'mad', target: 'kalah', form: 'kala' },
      { lang: 'mad', target: 'dukung', form: 'adhukung' },
    ]);
    expect(dropped).toEqual({ identity: 1 });
  });
});

describe('dropAmbiguousForms', () => {
  it('drops a form that stands for two Indonesian words, not one that stands for two forms of one word', () => {
    const sameRoot = (a: string, b: string) => a === b || a.endsWith(b) || b.endsWith(a);
    const { kept, ambiguous } = dropAmbiguousForms(
      [
        { lang: 'mad', target: 'bahagia', form: 'bhunga' },
        { lang: 'mad', target: 'bangga', form: 'bhunga' },
        { lang: 'ace', target: 'dukung', form: 'dukong' },
        { lang: 'ace', target: 'mendukung', form: 'dukong' },
      ],
      sameRoot,
    );
    expect(ambiguous).toEqual(['bhunga']);
    expect(kept.map((g) => g.form)).toEqual(['dukong', 'dukong']);
  });
});

describe('otherLanguageUse', () => {
  const sentenceCounts = new Map([
    ['jav', new Map([['podo', 5]])],
    ['bug', new Map([['podo', 1]])],
  ]);
  it('flags a form common in another language that does not gloss it the same way', () => {
    const lexiconTargets = new Map([['bug', new Map([['podo', new Set(['semoga'])]])]]);
    expect(otherLanguageUse('podo', 'bug', 'semoga', { sentenceCounts, lexiconTargets })).toBe(true);
    const sameSense = new Map([['jav', new Map([['podo', new Set(['semoga'])]])]]);
    expect(otherLanguageUse('podo', 'bug', 'semoga', { sentenceCounts, lexiconTargets: sameSense })).toBe(false);
    expect(otherLanguageUse('podo', 'jav', 'sama', { sentenceCounts, lexiconTargets })).toBe(false);
  });
});

describe('mining cue words from parallel sentences', () => {
  const pair = (ind: string, reg: string): [Set<string>, Set<string>] => [new Set(ind.split(' ')), new Set(reg.split(' '))];
  const train = [
    pair('jangan lupa datang', 'jhek loppa deteng'),
    pair('jangan pergi', 'jhek entar'),
    pair('jangan marah', 'jhek pettak'),
    pair('kami datang besok', 'kaula deteng lagghu'),
    pair('teman datang', 'kanca deteng'),
    pair('makan nasi', 'ngakan nasek'),
  ];
  it('takes the regional word that co-occurs best, above the count and Dice thresholds', () => {
    expect(mineByDice(train, new Set(['jangan', 'datang', 'makan']))).toEqual([
      { target: 'datang', form: 'deteng', count: 3, dice: 1 },
      { target: 'jangan', form: 'jhek', count: 3, dice: 1 },
    ]);
  });
  it('checks a mined pair on other sentences', () => {
    expect(alignmentPrecision([pair('jangan lupa', 'jhek loppa'), pair('tidak ada', 'jhek tadek')], 'jangan', 'jhek')).toEqual({ occurrences: 2, precision: 0.5 });
    expect(alignmentPrecision(train, 'jangan', 'nothing')).toBeUndefined();
  });
});

describe('isListedRegionalWord', () => {
  const listed = { regionalForms: new Set(['ikuik', 'mboten', 'bantuan', 'kawan']), indonesianWords: new Set(['bantu', 'kawan', 'ikut']) };
  it('takes a regional form that no Indonesian source has for the regional word a rule lists', () => {
    expect(isListedRegionalWord('ikuik', listed)).toBe(true);
    expect(isListedRegionalWord('mboten', listed)).toBe(true);
  });
  it('keeps Indonesian a form that is an Indonesian word or a derivative of one, and a word NusaX does not list', () => {
    expect(isListedRegionalWord('kawan', listed)).toBe(false);
    expect(isListedRegionalWord('bantuan', listed)).toBe(false);
    expect(isListedRegionalWord('nyoblos', listed)).toBe(false);
  });
});
