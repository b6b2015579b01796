// The slang table feeds the normaliser token by token: its shape decides whether a key can ever match.
import { describe, expect, it } from 'vitest';
import { normalise, normalisedText } from '../../src/text/normalise.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SLANG, SLANG_FILE, readSlangFile } from '../../src/text/slang.js';

const entries = Object.entries(SLANG);

describe('SLANG', () => {
  it('holds a few hundred entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(200);
    expect(entries.length).toBeLessThanOrEqual(400);
  });

  it('has only single lower-case tokens as keys, which the tokenizer can produce', () => {
    // the normaliser's tokens are runs of letters/digits, elongation (3+ same letters) squashed
    const bad = entries.map(([k]) => k).filter((k) => !/^[a-z0-9]+$/.test(k) || /([a-z])\1\1/.test(k));
    expect(bad).toEqual([]);
  });

  it('maps to non-empty lower-case words that are not keys themselves (normalising twice is stable)', () => {
    const bad = entries.filter(
      ([k, v]) => !/^[a-z]+( [a-z]+)*$/.test(v) || v === k || v.split(' ').some((w) => SLANG[w] !== undefined),
    );
    expect(bad).toEqual([]);
  });

  it('leaves words whose other reading matters for matching untouched', () => {
    const keep = ['amin', 'aamiin', 'maju', 'lanjut', 'lanjutkan', 'gas', 'gemoy', 'perubahan', 'coblos', 'nyoblos',
      'dicoblos', 'capres', 'cawapres', 'paslon', 'pilpres', 'pemilu', 'pilkada', 'tps', 'golput', 'pks', 'pan', 'pd',
      'psi', 'kpu', 'bpn', 'tkn', 'tpn', 'asn', 'pns', 'sma', 'smp', 'plh', 'gua', 'kaya', 'kek', 'kk'];
    expect(keep.filter((w) => SLANG[w] !== undefined)).toEqual([]);
    expect(Object.keys(SLANG).filter((k) => k.length === 1)).toEqual([]);
  });

  it('lets chat spellings of ballot numbers meet the standard form', () => {
    expect(normalise('coblos no urut 2 yg pasti').text).toBe(normalise('coblos nomor urut 2 yang pasti').text);
    expect(normalise('nmr 3 aja gk usah ragu').text).toBe('nomor 3 saja tidak usah ragu');
  });

  it('reads the negators of regional office chats as Indonesian ones', () => {
    // Javanese, Sundanese, Minang and Betawi "do not vote for them" meet "jangan/tidak usah dipilih"
    expect(normalise('ojo dipilih').text).toBe('jangan dipilih');
    expect(normalise('kagak usah dipilih').text).toBe(normalise('tidak usah dipilih').text);
    expect(normalise('aku ora milih').text).toBe('aku tidak milih');
    expect(normalise('abdi teu satuju').text).toBe('abdi tidak satuju');
    expect(normalise('awak indak mamilih').text).toBe('awak tidak mamilih');
  });

  it('reads the Betawi -e spellings of the closed class of function words', () => {
    expect(normalise('aye ame bini').text).toBe('aye sama bini');
    expect(normalise('udeh kelamaan, yang laen aje').text).toBe('sudah kelamaan, yang lain saja');
    expect(normalise('gimane siape sepuluh taon').text).toBe('bagaimana siapa sepuluh tahun');
    // words with another reading in the same chats stay as written
    expect(normalise('aku ape mulih').text).toBe('aku ape mulih');
  });
});

describe('Javanese "aja" (don\'t) beside chat Indonesian "aja" (just)', () => {
  // both paths of the normaliser read it the same way (normalise, and normalisedText of the clean gate)
  const all = (text: string): string[] => [normalise(text).text, normalisedText(text) ?? ''];

  it('reads a clause-opening "aja" before a verb, or "aja" before a Javanese-only word, as "jangan"', () => {
    for (const [text, want] of [
      ['Arahan wis jelas, aja nganti nomer siji menang maning', 'arahan wis jelas, jangan nganti nomor 1 menang maning'],
      ['Aja dicoblos nomer 2', 'jangan dicoblos nomor 2'],
      ['Kadrun ribut thok, aja milih Anies lur', 'kadrun ribut thok, jangan milih anies lur'],
      ['🙏 aja golput', '🙏 jangan golput'],
      ['Sesuk aja lali nyoblos rek', 'sesuk jangan lali nyoblos rek'],
      ['pokoke aja kleru', 'pokoke jangan kleru'],
      ['"aja nganti kalah"', '"jangan nganti kalah"'],
    ] as const) {
      for (const got of all(text)) expect(got, text).toBe(want);
    }
  });

  it('keeps "aja" after a word, before a particle, an address or a number, as "saja"', () => {
    for (const [text, want] of [
      ['pilih 02 aja', 'pilih 02 saja'],
      ['nonton aja lewat tv', 'nonton saja lewat tv'],
      ['besok aja lah', 'besok saja lah'],
      ['Gas normal" aja 3kg', 'gas normal" saja 3kg'],
      ['"Sembako normal" aja mas', '"sembako normal" saja mas'],
      ['Aja deh, yang murah', 'saja deh, yang murah'],
      ['udah, aja', 'sudah, saja'],
      ['gue aja salah pilih', 'gue saja salah pilih'],
    ] as const) {
      for (const got of all(text)) expect(got, text).toBe(want);
    }
  });
});

describe('the slang data file (rules/text/slang.json)', () => {
  type SlangJson = { source: string; groups: Array<{ note: string; words: Record<string, string> }>; aja: { javaneseNext: { source: string; words: string[] } } };
  const original = (): SlangJson => JSON.parse(readFileSync(SLANG_FILE, 'utf8')) as SlangJson;
  const written = (data: unknown): string => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'netral-slang-')), 'slang.json');
    writeFileSync(file, JSON.stringify(data));
    return file;
  };

  it('says where its words come from, group by group, and the normaliser reads them', () => {
    const data = original();
    expect(data.source.length).toBeGreaterThan(0);
    expect(data.groups.every((g) => g.note.length > 0 && Object.keys(g.words).length > 0)).toBe(true);
    expect(data.aja.javaneseNext.source.length).toBeGreaterThan(0);
    expect(SLANG['yg']).toBe('yang');
    expect(SLANG['constructor']).toBeUndefined();
    expect(normalise('yg penting gk golput').text).toBe('yang penting tidak golput');
  });

  it('refuses a file with a bad entry or a token in two groups, naming the file and the entry', () => {
    const upper = original();
    (upper.groups[0] as { words: Record<string, string> }).words['Yg'] = 'yang';
    expect(() => readSlangFile(written(upper))).toThrow(/slang\.json: groups\.0\.words\.Yg/);
    const twice = original();
    const [first, second] = twice.groups;
    (second as { words: Record<string, string> }).words = { ...second?.words, ...first?.words };
    expect(() => readSlangFile(written(twice))).toThrow(/slang\.json: "[a-z0-9]+" is in two groups/);
    const noSource = original() as Partial<SlangJson>;
    delete noSource.source;
    expect(() => readSlangFile(written(noSource))).toThrow(/slang\.json: source/);
  });
});
