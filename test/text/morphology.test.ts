import { describe, expect, it } from 'vitest';
import { cliticFollows, cliticForms, derivedRoot, inflections, inflectOf, joinedSpellings, nasalForms, stem } from '../../src/text/morphology.js';
import { TermMatcher } from '../../src/text/matcher.js';
import { normalise } from '../../src/text/normalise.js';

const roots = new Set(['pilih', 'bagi', 'kampanye', 'mobil', 'dukung', 'coblos', 'kaos', 'kantor', 'pasang', 'ajak', 'sebar', 'tusuk']);
const isRoot = (w: string) => roots.has(w);

describe('stem (Nazief–Adriani / ECS against a root dictionary)', () => {
  it.each([
    ['mobilku', 'mobil'],
    ['dibagikan', 'bagi'],
    ['dibagikeun', 'bagi'],
    ['kampanyenya', 'kampanye'],
    ['memilih', 'pilih'],
    ['milih', 'pilih'],
    ['mendukung', 'dukung'],
    ['ngadukung', 'dukung'],
    ['nyoblos', 'coblos'],
    ['mencoblos', 'coblos'],
    ['kaosna', 'kaos'],
    ['kaose', 'kaos'],
    ['ngantor', 'kantor'],
    ['dipasangin', 'pasang'],
    ['mengajak', 'ajak'],
    ['menyebarkan', 'sebar'],
    ['nusuk', 'tusuk'],
  ])('%s → %s', (word, root) => {
    expect(stem(word, isRoot)).toBe(root);
  });

  it('leaves a word with no known root as it is', () => {
    expect(stem('sekelasku', isRoot)).toBe('sekelasku');
    expect(stem('rumah', isRoot)).toBe('rumah');
  });

  it('every generated verb form, with or without a clitic, stems back to its root', () => {
    for (const root of ['pilih', 'bagi', 'dukung', 'coblos', 'pasang']) {
      for (const form of inflections(root, 'verb')) {
        expect(stem(form, (w) => w === root), form).toBe(root);
        expect(stem(`${form}na`, (w) => w === root), `${form}na`).toBe(root);
      }
    }
  });
});

describe('inflections', () => {
  it('clitics are read at match time and keep the word and its mood: no patterns', () => {
    expect(inflections('mobil', 'clitics')).toEqual([]);
    expect(cliticFollows('mobilku dan', 5, 'mobil')).toBe(true);
    expect(cliticFollows('mobile', 5, 'mobil')).toBe(true);
    expect(cliticFollows('bajune', 4, 'baju')).toBe(true);
    expect(cliticFollows('bajue', 4, 'baju')).toBe(false);
    expect(cliticFollows('mobilan', 5, 'mobil')).toBe(false);
  });

  it('verb mode adds prefixes and suffixes of Indonesian, Sundanese, Javanese and Jakarta speech', () => {
    const forms = inflections('bagi', 'verb');
    for (const f of ['dibagi', 'dibagikan', 'dibagikeun', 'membagikan', 'ngabagikeun', 'bagiin']) expect(forms).toContain(f);
    expect(forms).not.toContain('bagian'); // -an makes a noun ("bagian" is a section)
  });

  it('in a phrase the first word takes the prefix', () => {
    expect(inflections('pasang stiker', 'verb')).toEqual(expect.arrayContaining(['dipasang stiker', 'masang stiker']));
  });

  it('short words and words marked none are not inflected', () => {
    expect(inflections('tim', 'verb')).toEqual([]);
    expect(inflections('kaos', 'none')).toEqual([]);
  });

  it('a phrase led by the preposition di/ke is also read joined, a one-word term never', () => {
    expect(joinedSpellings('di hati')).toEqual(['dihati']);
    expect(joinedSpellings('di hati rakyat')).toEqual(['dihati rakyat']);
    expect(joinedSpellings('ke kantor')).toEqual(['kekantor']);
    expect(joinedSpellings('dipilih')).toEqual([]);
    expect(joinedSpellings('di tv')).toEqual([]); // a two-letter word joined is too often another word
    expect(joinedSpellings('pilih di tps')).toEqual([]);
  });

  it('nasal forms follow the first sound', () => {
    expect(nasalForms('pilih')).toContain('milih');
    expect(nasalForms('coblos')).toContain('nyoblos');
    expect(nasalForms('kantor')).toContain('ngantor');
  });
});

describe('TermMatcher with inflected terms', () => {
  const m = new TermMatcher([
    { term: 'mobil', owner: 'mobil', inflect: 'clitics' as const },
    { term: 'bagi', owner: 'bagi', inflect: 'verb' as const },
    { term: 'kampanye', owner: 'kampanye', inflect: 'clitics' as const },
    { term: 'sekelas', owner: 'sekelas', inflect: 'none' as const },
    { term: 'ekonom', owner: 'ekonom', inflect: 'verb' as const },
    { term: 'ekonomi', owner: 'ekonomi' },
  ]);
  const owners = (text: string) => m.find(normalise(text)).map((h) => h.owners.join('+'));

  it('finds affixed and cliticised forms as the term, spanning the whole written word', () => {
    expect(owners('Stiker di mobilku, sudah dibagikeun, ikut kampanyenya, kampanyena')).toEqual(['mobil', 'bagi', 'kampanye', 'kampanye']);
    const n = normalise('Sudah dibagikan ya');
    const [hit] = m.find(n);
    expect(hit && n.text.slice(hit.start, hit.end)).toBe('dibagikan');
  });

  it('creates no false hits: a classmate, a section, a word that is a term of its own', () => {
    expect(owners('teman sekelasku')).toEqual([]);
    expect(owners('bagian keuangan')).toEqual([]);
    expect(owners('ekonomi tumbuh')).toEqual(['ekonomi']);
  });

  it('counts generated forms as patterns, not as terms', () => {
    expect(m.termCount).toBe(6);
    expect(m.patternCount).toBeGreaterThan(m.termCount);
  });
});

describe('derivedRoot (match-time stemming of verdict words)', () => {
  const roots = new Set(['bohong', 'gagal', 'khianat', 'hebat', 'tipu', 'tegas']);
  const isRoot = (w: string) => roots.has(w);
  it.each([
    ['kebohongan', 'bohong'],
    ['kegagalannya', 'gagal'],
    ['pengkhianat', 'khianat'],
    ['penipu', 'tipu'],
    ['terhebat', 'hebat'],
    ['ketegasan', 'tegas'],
  ])('%s → %s', (word, root) => {
    expect(derivedRoot(word, isRoot)).toBe(root);
  });
  it('leaves verb forms, roots themselves and unknown words alone, and remembers its answers', () => {
    const memo = new Map<string, string | null>();
    for (const w of ['menegaskan', 'dibohongi', 'bohong', 'kebudayaan', 'pemilihan']) expect(derivedRoot(w, isRoot, memo), w).toBeUndefined();
    expect(derivedRoot('kebohongan', isRoot, memo)).toBe('bohong');
    expect(memo.get('kebohongan')).toBe('bohong');
    expect(memo.get('pemilihan')).toBeNull();
  });
});

describe('word classes (cliticForms: the clitics a word set accepts on a lexicon entry)', () => {
  it('gives a definite word only its definite clitics, in each register', () => {
    expect(cliticForms('pokok', 'definite')).toEqual(['pokoknya', 'pokoknye', 'pokoknyo', 'pokoke', 'pokokna']);
  });
  it('writes Javanese -ne after a vowel and -e after a consonant', () => {
    expect(cliticForms('judul', 'definite')).toContain('judule');
    expect(cliticForms('meme', 'definite')).toContain('memene');
    expect(cliticForms('meme', 'definite')).not.toContain('memee');
  });
  it('gives a noun the possessives and the particles too', () => {
    expect(cliticForms('mobil', 'noun')).toEqual(expect.arrayContaining(['mobilku', 'mobilmu', 'mobilnya', 'mobillah', 'mobilpun', 'mobilna', 'mobile']));
  });
  it('gives a transitive verb (read before its object) only the particles: an object or possessive clitic names another actor', () => {
    expect(cliticForms('pilih', 'transitive')).toEqual(['pilihlah', 'pilihkah', 'pilihpun']);
    expect(cliticForms('pilih', 'transitive')).not.toContain('pilihnya'); // "pilihnya 02": his choice
    expect(cliticForms('ajak', 'transitive')).not.toContain('ajakmu'); // "your invitation"
    expect(inflectOf('transitive')).toBe('verb');
  });
  it('gives particles, names and fixed words none', () => {
    expect(cliticForms('dong', 'particle')).toEqual([]);
    expect(cliticForms('prabowo', 'name')).toEqual([]);
    expect(cliticForms('tetap', 'fixed')).toEqual([]);
  });
  it('guards: no clitic on a root under three letters, none that makes a word of its own', () => {
    expect(cliticForms('ku', 'noun')).toEqual([]);
    expect(cliticForms('mari', 'noun')).not.toContain('marina');
    expect(cliticForms('mari', 'noun')).not.toContain('marine');
  });
  it('maps a class to the automaton inflection a list takes when it names none', () => {
    expect(inflectOf('verb')).toBe('verb');
    expect(inflectOf('adjective')).toBe('derive');
    expect(inflectOf('noun')).toBe('clitics');
    expect(inflectOf('particle')).toBe('none');
  });
  it('reads no clitic at match time that makes a word of its own ("mari" + "na" is "marina")', () => {
    expect(cliticFollows('marina', 4, 'mari')).toBe(false);
    expect(cliticFollows('mobilku', 5, 'mobil')).toBe(true);
  });
});
