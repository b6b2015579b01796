import { describe, expect, it } from 'vitest';
import { TermMatcher } from '../../src/text/matcher.js';
import { normalise } from '../../src/text/normalise.js';

describe('TermMatcher', () => {
  const m = new TermMatcher([
    { term: 'prabowo', owner: 'name' },
    { term: 'prabowo gibran', owner: 'pair' },
    { term: '#PrabowoGibran', owner: 'tag' },
    { term: 'kompas.com', owner: 'media' },
  ]);
  const found = (text: string) => m.find(normalise(text)).map((h) => h.owners.join('+'));

  it('finds overlapping terms, terms shared by owners, whole words only', () => {
    expect(found('Ayo Prabowo Gibran')).toEqual(['name', 'pair+tag']);
    expect(found('prabowosubianto')).toEqual([]);
  });

  it('never matches a plain word inside a URL, but a domain term does', () => {
    expect(found('lihat https://x.id/read/prabowo-gibran-menang')).toEqual([]);
    expect(found('sumber: kompas.com/read/2024/prabowo')).toEqual(['media']);
  });

  it('finds a di/ke phrase written joined ("dihati"), with its clitics, but not a passive verb', () => {
    const joined = new TermMatcher([
      { term: 'di hati', owner: 'heart', inflect: 'clitics' },
      { term: 'pilih', owner: 'vote', inflect: 'none' },
    ]);
    const hits = (text: string) => joined.find(normalise(text)).map((h) => h.owners.join('+'));
    expect(hits('Anies selalu dihati')).toEqual(['heart']);
    expect(hits('Anies selalu dihatiku')).toEqual(['heart']);
    expect(hits('Anies selalu di hati')).toEqual(['heart']);
    expect(hits('harus berhati-hati ya')).toEqual([]);
    expect(hits('sudah dipilih')).toEqual([]);
  });

  it('reads the regional -ne after a vowel-final name and the -nyo spelling of -nya, not other run-ons', () => {
    expect(found('Prabowone menang')).toEqual(['name']);
    expect(found('programe Prabowonyo')).toEqual(['name']);
    // Betawi -nye is the same clitic
    expect(found('kaose Prabowonye')).toEqual(['name']);
    expect(found('Prabowonesia')).toEqual([]);
  });

  it('tells a hit inside a hashtag from the same words in plain text', () => {
    const hits = m.find(normalise('Prabowo Gibran #PrabowoGibran'));
    expect(hits.filter((h) => h.owners.includes('pair')).map((h) => h.inHashtag)).toEqual([false, true]);
  });

  it('reads a word with a glued clitic (-nya, -lah, -kah) as the word, but not other endings', () => {
    const words = new TermMatcher([
      { term: 'program', owner: 'program' },
      { term: 'pilih', owner: 'pilih' },
      { term: 'sekelas', owner: 'sekelas' },
    ]);
    const owners = (text: string) => words.find(normalise(text)).map((h) => h.owners.join('+'));
    expect(owners('programnya jelas, pilihlah dia')).toEqual(['program', 'pilih']);
    const [hit] = words.find(normalise('programnya'));
    expect(hit && normalise('programnya').text.slice(hit.start, hit.end)).toBe('program');
    // "-ku" is left out on purpose: "sekelasku" is a classmate; "pilihan" is another word
    expect(owners('teman sekelasku, pilihan ganda, programmer')).toEqual([]);
  });

  it("with inflect 'derive' finds the nouns and superlatives the stemmer derives from a verdict word, not its verb forms", () => {
    const verdicts = new TermMatcher([
      { term: 'bohong', owner: 'kritik', inflect: 'derive' as const },
      { term: 'hebat', owner: 'pujian', inflect: 'derive' as const },
      { term: 'tegas', owner: 'pujian', inflect: 'derive' as const },
      { term: 'gagal', owner: 'kritik', inflect: 'clitics' as const },
    ]);
    const hits = (text: string) => verdicts.find(normalise(text)).map((h) => `${normalise(text).text.slice(h.start, h.end)}=${h.owners.join('+')}`);
    expect(hits('kebohongannya terbongkar, pembohong')).toEqual(['kebohongannya=kritik', 'pembohong=kritik']);
    expect(hits('pemimpin terhebat')).toEqual(['terhebat=pujian']);
    // verb forms report or change the meaning: "menegaskan" (to affirm) is not "tegas"
    expect(hits('ia menegaskan dan ditegaskan lagi')).toEqual([]);
    // only lists that ask for it: "kegagalan" is not derived from a 'clitics' term
    expect(hits('kegagalan')).toEqual([]);
  });

  it("never derives a word the terms list as one of their own from a shorter 'derive' root", () => {
    // "kebijakan" (a policy) is a topic term; the stemmer would take it to "bijak" (wise), a praise word
    const cues = new TermMatcher([
      { term: 'bijak', owner: 'pujian', inflect: 'derive' as const },
      { term: 'kebijakan', owner: 'topik' },
    ]);
    const hits = (text: string) => cues.find(normalise(text)).map((h) => `${normalise(text).text.slice(h.start, h.end)}=${h.owners.join('+')}`);
    expect(hits('kebijakan ekonomi')).toEqual(['kebijakan=topik']);
    // a derived word no list names is still the root's: "kebijaksanaan" is not a term, "terbijak" the superlative
    expect(hits('pemimpin terbijak')).toEqual(['terbijak=pujian']);
    // the same word restored from a saved state keeps the rule
    const restored = new TermMatcher<string>([], cues.state());
    expect(restored.find(normalise('kebijakan ekonomi')).map((h) => h.owners.join('+'))).toEqual(['topik']);
  });
});
