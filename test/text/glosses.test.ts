// Regional words read as the Indonesian words rules use (src/text/glosses.ts, matcher.ts).
import { describe, expect, it } from 'vitest';
import { GlossTable, parseGlossLines, type Gloss } from '../../src/text/glosses.js';
import { TermMatcher } from '../../src/text/matcher.js';
import { normalise } from '../../src/text/normalise.js';

const GLOSSES: Gloss[] = [
  { lang: 'mad', target: 'jangan', form: 'jhek' },
  { lang: 'mad', target: 'lupa', form: 'loppa' },
  { lang: 'mad', target: 'kalah', form: 'kala' },
  { lang: 'mad', target: 'mendukung', form: 'adukung' },
  { lang: 'ace', target: 'lupa', form: 'tuwo' },
  { lang: 'ace', target: 'bohong', form: 'hana beutoi' },
  { lang: 'ace', target: 'mendukung', form: 'dukong' },
  { lang: 'sun', target: 'kalah', form: 'eleh' },
  { lang: 'jav', target: 'kalah', form: 'kalah' }, // identity: dropped
];
const table = new GlossTable(GLOSSES);

describe('GlossTable', () => {
  it('drops identity pairs and keeps the rest normalised', () => {
    expect(table.size).toBe(8);
    expect(new GlossTable([{ lang: 'mad', target: 'Kalah', form: 'KALÂ' }]).glosses).toEqual([{ lang: 'mad', target: 'kalah', form: 'kala' }]);
  });

  it('makes the variants of a phrase one language at a time, each word regional or not', () => {
    expect(table.variants('jangan lupa').sort()).toEqual(['jangan loppa', 'jangan tuwo', 'jhek loppa', 'jhek lupa'].sort());
    expect(table.variants('kalah')).toEqual(['kala', 'eleh']);
    expect(table.variants('menang')).toEqual([]);
  });

  it('finds the regional words of a text, multi-word forms whole', () => {
    expect(table.glossesIn('Jhek LOPPA, pokoknya')).toEqual([
      { form: 'jhek', target: 'jangan', langs: ['mad'] },
      { form: 'loppa', target: 'lupa', langs: ['mad'] },
    ]);
    expect(table.glossesIn('itu hana beutoi')).toEqual([{ form: 'hana beutoi', target: 'bohong', langs: ['ace'] }]);
    expect(table.glossesIn('jangan lupa')).toEqual([]);
  });
});

describe('parseGlossLines', () => {
  it('reads "indonesian: form, form" lines and names the first bad one', () => {
    expect(parseGlossLines('kalah: kala, epakala\n\nlupa: loppa\n')).toEqual({
      entries: [
        { target: 'kalah', forms: ['kala', 'epakala'] },
        { target: 'lupa', forms: ['loppa'] },
      ],
    });
    expect(parseGlossLines('kalah: kala\nlupa loppa\n')).toEqual({ bad: { line: 2, text: 'lupa loppa' } });
    expect(parseGlossLines('kalah: kala,\n')).toEqual({ bad: { line: 1, text: 'kalah: kala,' } });
  });
});

describe('TermMatcher with glosses', () => {
  const m = new TermMatcher(
    [
      { term: 'jangan lupa', owner: 'reminder', inflect: 'clitics', gloss: true },
      { term: 'kalah', owner: 'lose', inflect: 'clitics', gloss: true },
      { term: 'dukung', owner: 'support', inflect: 'verb', gloss: true },
      { term: 'bohong', owner: 'lie', inflect: 'clitics', gloss: true },
      // a registry name is never glossed, and a pack term keeps its own owners
      { term: 'kala', owner: 'name' },
    ],
    undefined,
    table,
  );
  const found = (text: string) => m.find(normalise(text)).map((h) => `${h.owners.join('+')}@${text.slice(...Object.values(toOriginal(text, h.start, h.end)))}`);
  function toOriginal(text: string, start: number, end: number): [number, number] {
    const n = normalise(text);
    return [n.starts[start] ?? 0, n.ends[end - 1] ?? 0];
  }

  it('matches a Madurese or Acehnese sentence with the Indonesian term, the span on the regional words', () => {
    expect(found('Ngereng, jhek loppa tanggal 14!')).toEqual(['reminder@jhek loppa']);
    expect(found('Bek tuwo, jangan tuwo')).toEqual(['reminder@jangan tuwo']);
    expect(found('Lon dukong 02')).toEqual(['support@dukong']);
    expect(found('engkok adukung paslon se nomer 2')).toEqual(['support@adukung']);
    expect(found('janjina hana beutoi')).toEqual(['lie@hana beutoi']);
    // a regional clitic after the glossed word is read as after the Indonesian one (the span keeps the bare word)
    expect(found('elehna jelas')).toEqual(['lose@eleh']);
  });

  it('leaves a form that is itself a term of the pack to its own owners', () => {
    expect(found('Pak Kala datang')).toEqual(['name@Kala']);
  });

  it('does not gloss the Indonesian words themselves or terms without gloss', () => {
    const plain = new TermMatcher([{ term: 'jangan lupa', owner: 'reminder' }], undefined, table);
    expect(plain.find(normalise('jhek loppa'))).toEqual([]);
    expect(found('jangan lupa ya')).toEqual(['reminder@jangan lupa']);
  });
});
