// Regional verbal affixes on Indonesian and glossed roots (src/text/regional-affixes.ts, matcher.ts).
import { describe, expect, it } from 'vitest';
import { GlossTable } from '../../src/text/glosses.js';
import { TermMatcher } from '../../src/text/matcher.js';
import { normalise } from '../../src/text/normalise.js';
import { regionalAffixForms, regionalNasal } from '../../src/text/regional-affixes.js';

describe('regionalAffixForms', () => {
  it('puts each language its own affixes', () => {
    expect(regionalAffixForms('pilih', 'sun')).toEqual(expect.arrayContaining(['dipilihkeun', 'pilihkeun', 'milih', 'milihkeun', 'ngapilih']));
    expect(regionalAffixForms('menang', 'jav')).toEqual(expect.arrayContaining(['dimenangke', 'menangke', 'menangake', 'dimenangne']));
    expect(regionalAffixForms('dukung', 'mad')).toEqual(expect.arrayContaining(['adukung', 'edukung', 'dukungaghi', 'edukungaghi']));
    expect(regionalAffixForms('pileh', 'ace')).toEqual(expect.arrayContaining(['jipileh', 'geupileh', 'lonpileh', 'tapileh']));
    expect(regionalAffixForms('pilih', 'ban')).toEqual(expect.arrayContaining(['kapilih', 'pilihang', 'kapilihang', 'mapilih']));
    // Balinese ma- as everyday spelling writes it: "motor tiang sampun mestiker"
    expect(regionalAffixForms('stiker', 'ban')).toContain('mestiker');
    expect(regionalAffixForms('pilih', 'bjn')).toEqual(expect.arrayContaining(['bapilih', 'dipilihakan', 'pilihakan']));
    // Minangkabau di-, di-…-an and maN- with its nasal ("Jan dipiliah!", "mamiliah", "mandukuang")
    expect(regionalAffixForms('piliah', 'min')).toEqual(expect.arrayContaining(['dipiliah', 'dipiliahan', 'mamiliah', 'mamiliahan']));
    expect(regionalAffixForms('dukuang', 'min')).toContain('mandukuang');
    expect(regionalAffixForms('ambiak', 'min')).toContain('mangambiak');
    // no ta- (ter-): "tapiliah" is the result "terpilih", not a vote
    expect(regionalAffixForms('piliah', 'min')).not.toContain('tapiliah');
  });

  it('gives short roots no prefix-only forms, and no Javanese -ake after a vowel', () => {
    expect(regionalAffixForms('lat', 'mad')).toContain('lataghi');
    expect(regionalAffixForms('lat', 'mad')).not.toContain('alat');
    expect(regionalAffixForms('lat', 'mad')).not.toContain('elat');
    expect(regionalAffixForms('bagi', 'jav')).not.toContain('bagiake');
    expect(regionalNasal('dukung', 'jav')).toBe('ndukung');
    expect(regionalNasal('dukung', 'sun')).toBe('ngadukung');
    expect(regionalNasal('pilih', 'sun')).toBe('milih');
  });
});

describe('TermMatcher with regional affixes', () => {
  const table = new GlossTable([
    { lang: 'mad', target: 'pilih', form: 'pele' },
    { lang: 'ace', target: 'pilih', form: 'pileh' },
    { lang: 'sun', target: 'menang', form: 'meunang' },
  ]);
  const terms = [
    { term: 'pilih', owner: 'vote', inflect: 'verb' as const, gloss: true },
    { term: 'menang', owner: 'win', inflect: 'verb' as const, gloss: true },
    // a pack term that a generated form would collide with keeps its own owners
    { term: 'bapilih', owner: 'name' },
  ];
  const m = new TermMatcher(terms, undefined, table);
  const found = (text: string) => m.find(normalise(text)).map((h) => `${h.owners.join('+')}@${text.slice(h.start, h.end)}`);

  it('matches Sundanese, Javanese, Madurese and Acehnese affixed forms, the span on the word', () => {
    expect(found('mangga dipilihkeun nomer 2')).toEqual(['vote@dipilihkeun']);
    expect(found('ayo menangke nomer 2')).toEqual(['win@menangke']);
    expect(found('hayu urang meunangkeun')).toEqual(['win@meunangkeun']);
    expect(found('kabbhi epele nomer 2')).toEqual(['vote@epele']);
    expect(found('kabbhi epeleaghi')).toEqual(['vote@epeleaghi']);
    expect(found('ureueng jipileh')).toEqual(['vote@jipileh']);
  });

  it('explains a regional affix on a glossed root, and reads a di- form as Indonesian', () => {
    expect(table.glossesIn('kabbhi epele')).toEqual([{ form: 'epele', target: 'pilih', langs: ['mad'] }]);
    expect(table.glossesIn('jipileh')).toEqual([{ form: 'jipileh', target: 'pilih', langs: ['ace'] }]);
    expect(table.glossesIn('dipele dipilih')).toEqual([]);
  });

  it('drops a generated form that is a term of the pack', () => {
    expect(found('Pak Bapilih datang')).toEqual(['name@Bapilih']);
  });

  it('drops a generated form that the gloss table knows as a word of its own', () => {
    const own = new TermMatcher([{ term: 'pilih', owner: 'vote', inflect: 'verb', gloss: true }], undefined, new GlossTable([{ lang: 'ace', target: 'bagi', form: 'jipilih' }]));
    expect(own.patterns).not.toContain('jipilih');
    expect(own.patterns).toContain('geupilih');
  });

  it('adds nothing without a gloss table or for terms in clitics mode', () => {
    expect(new TermMatcher([{ term: 'pilih', owner: 'vote', inflect: 'verb', gloss: true }]).patterns).not.toContain('kapilihang');
    expect(new TermMatcher([{ term: 'pilih', owner: 'vote', inflect: 'clitics', gloss: true }], undefined, table).patterns).not.toContain('kapilihang');
  });
});
