// Candidate mentions with recall: misspelled, clipped and vowel-dropped name forms come from the
// registry when it is compiled; clipped forms count only capitalised or hashtagged.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { prepareItem, evaluate } from '../../src/rules/evaluate.js';
import { editVariantTerms } from '../../src/rules/registry.js';
import { makeItem } from '../../src/model/item.js';
import { clippedForms, consonantSkeleton, EditVariantIndex, nameVariants, oneEditVariants, regionalSpelling } from '../../src/rules/name-variants.js';
import { pairCoinages } from '../../src/rules/coinages.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** pair ids named by `names` terms in the item's text */
function namedPairs(text: string, time?: string): string[] {
  const v = prepareItem(pack, post(text, time));
  const out = new Set<string>();
  for (const f of v.fields) {
    for (const h of f.hits) {
      for (const o of h.owners) {
        if (o.type !== 'registry' || o.term.list !== 'names' || !o.term.pair || !v.elections.has(o.term.election)) continue;
        out.add(o.term.pair.id);
      }
    }
  }
  return [...out];
}

describe('name variants', () => {
  it('makes one-edit typos that keep the first letter', () => {
    const v = oneEditVariants('prabowo');
    expect(v).toEqual(expect.arrayContaining(['prabowi', 'prabow', 'prbaowo', 'prabowoo']));
    expect(v.every((x) => x.startsWith('p'))).toBe(true);
  });

  it('keeps the consonants of a name and clips it at both ends', () => {
    expect(consonantSkeleton('jokowi')).toBe('jkw');
    expect(clippedForms('sandiaga')).toEqual(expect.arrayContaining(['sandia', 'diaga']));
    expect(clippedForms('sandiaga').every((c) => c.length >= 5)).toBe(true);
  });

  it('never turns a known word into a name', () => {
    const forms = nameVariants('ganjar', new Set(['ganjal']));
    expect(forms.map((f) => f.form)).not.toContain('ganjal');
    expect(nameVariants('anies', new Set()).map((f) => f.kind)).not.toContain('edit');
    // `known` may be any lookup, not only a set (the registry asks the dictionary without copying it in)
    const all = nameVariants('ganjar', new Set()).map((f) => f.form);
    expect(all).toContain('gnjar');
    const byLookup = nameVariants('ganjar', { has: (w: string) => w === 'gnjar' }).map((f) => f.form);
    expect(byLookup).toEqual(all.filter((f) => f !== 'gnjar'));
  });

  it('reads no dictionary word as a misspelled name, though the compiled registry holds no copy of the dictionary', () => {
    // "ganjal" (a wedge) is one edit from Ganjar and a root word; "ganjer" is neither
    expect(pack.registry.notNames.has('ganjal')).toBe(false);
    expect(editVariantTerms(pack.registry, 'ganjal')).toEqual([]);
    expect(editVariantTerms(pack.registry, 'ganjalnya')).toEqual([]);
    expect(editVariantTerms(pack.registry, 'ganjer').map((t) => t.pair?.id)).toContain('pilpres-2024-03');
    // the lexicons' and registry's own words are still kept, the dictionary's 29,000 root words are not
    expect(pack.registry.notNames.size).toBeLessThan(20_000);
  });

  it('finds a misspelled and a vowel-dropped name in a text', () => {
    expect(namedPairs('Prabowi pasti menang')).toEqual(['pilpres-2024-02']);
    expect(namedPairs('jkw lagi kunjungan kerja', '2019-04-10T05:00:00Z')).toEqual(['pilpres-2019-01']);
  });

  it('reads a clipped form only when it is capitalised or a hashtag', () => {
    const mark = (text: string) => evaluate(pack, post(text)).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(mark('Ayo coblos Baswe!')).toContain('pilpres-2024-01');
    expect(mark('ayo coblos baswe!')).not.toContain('pilpres-2024-01');
  });

  it('keeps short names out of the typo generator', () => {
    expect(namedPairs('Anis menang lomba lari di sekolah')).toEqual([]);
  });
});

describe('names spelt the Sundanese and Javanese way', () => {
  it('writes f and v as p and z as j', () => {
    expect(regionalSpelling('fauzi')).toBe('pauji');
    expect(regionalSpelling('yusuf')).toBe('yusup');
    expect(nameVariants('mahfud', new Set()).map((v) => v.form)).toContain('mahpud');
  });

  it('pairs a respelled short name with its running mate in an office chat', () => {
    const item = makeItem({ platform: 'whatsapp', kind: 'message', text: 'Hayu regu B, nu hoyong kaos Pa Pauji–Bu Rahma, abdi gaduh 30 di loker', time: '2024-11-10T03:00:00Z', context: { kind: 'chat', name: 'Satpol PP Kecamatan Cibiru' }, source: { captureId: 'test', path: 'test', pointer: '1' } });
    const findings = evaluate(pack, item, { region: '3299' });
    expect(findings.map((f) => [f.prohibition, f.candidates.map((c) => c.pair)])).toEqual([[6, ['pilkada-2024-3299-01']]]);
  });
});

describe('the one-edit index (variants found at match time, not listed)', () => {
  const bases = ['prabowo', 'sandiaga', 'ganjar', 'baswedan', 'mahfud', 'jokowi', 'ridwankamil'];
  const index = new EditVariantIndex<string>();
  for (const b of bases) index.add(b, b);

  it('finds every variant oneEditVariants makes, and only its own base', () => {
    for (const base of bases) {
      for (const v of oneEditVariants(base)) {
        const found = index.find(v).map((x) => x.base);
        expect(found, v).toContain(base);
        for (const other of found) expect(oneEditVariants(other), `${v} from ${other}`).toContain(v);
      }
    }
  });

  it('finds nothing for the base itself, other words, or a first-letter typo', () => {
    for (const w of [...bases, 'pembangunan', 'kampanye', 'rrabowo', 'pabowoo', 'sandi']) {
      const found = index.find(w).map((x) => x.base);
      for (const base of found) expect(oneEditVariants(base)).toContain(w);
    }
    expect(index.find('prabowo')).toEqual([]);
    expect(index.find('grabowo')).toEqual([]);
  });
});

describe('pair blends', () => {
  it("blends the running mates' first syllables, never into a word of three letters", () => {
    const forms = (a: string[], b: string[]) => pairCoinages(a, b).map((c) => c.form);
    expect(forms(['budi', 'hartono'], ['dewi', 'lestari'])).toEqual(expect.arrayContaining(['bude', 'bule', 'hade', 'hale']));
    expect(forms(['ahmad'], ['siti'])).not.toContain('asi');
  });

  it("builds a pair's blends from the given names and listed short names, not from surnames", () => {
    const blends = (pairId: string) =>
      pack.registry.terms.filter((t) => (t.variant === 'blend' || t.variant === 'coined') && t.pair?.id === pairId && !t.term.includes(' ')).map((t) => t.term).sort();
    // Budi Hartono – Dewi Lestari: the given names only ("HaLe" from the surnames is not made)
    expect(blends('pilkada-2024-3299-02')).toContain('bude');
    expect(blends('pilkada-2024-3299-02')).not.toContain('hale');
    // Joko Widodo – Ma'ruf Amin: "jokowi" is a listed short name, "widodo" a surname
    expect(blends('pilpres-2019-01')).toContain('joma');
    expect(blends('pilpres-2019-01')).not.toContain('wima');
    // Anies Baswedan – Muhaimin Iskandar: nothing of "baswedan" or "iskandar"
    expect(blends('pilpres-2024-01').filter((b) => /bas|isk/.test(b))).toEqual([]);
  });

  /** pair ids named by a firm mention in the evaluated text (region 3299, Pilkada window) */
  const pairsIn = (text: string) => {
    const item = makeItem({ platform: 'facebook', kind: 'post', text, time: '2024-10-20T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });
    return [...new Set(evaluate(pack, item, { region: '3299' }).flatMap((f) => f.candidates.map((c) => c.pair)))];
  };

  it('reads a blend written with a capital at each syllable as the pair, an everyday "Bude" or "bude" as a word', () => {
    expect(pairsIn('Kampanye akbar BuDe di lapangan, hayu ikut!')).toEqual(['pilkada-2024-3299-02']);
    expect(pairsIn('Kampanye akbar bude di lapangan, hayu ikut!')).toEqual([]);
    expect(pairsIn('Kampanye akbar, Bude ikut ke lapangan')).toEqual([]);
  });

  it('reads a blend in any case right after a team word ("relawan bude"), never after a word that only ends like one', () => {
    expect(pairsIn('Kumpul bareng relawan bude di posko, kampanye akbar besok hayu ikut!')).toEqual(['pilkada-2024-3299-02']);
    expect(pairsIn('Kumpul bareng sukarelawan bude di posko, kampanye akbar besok hayu ikut!')).toEqual([]);
    expect(pairsIn('Kumpul bareng Bude di rumah, kampanye akbar besok hayu ikut!')).toEqual([]);
  });

  it("makes a candidate's short name firm when the fingers show his own number, not another pair's", () => {
    const item = (text: string) => makeItem({ platform: 'facebook', kind: 'post', text, time: '2024-11-10T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });
    const forms = (text: string) => evaluate(pack, item(text), { region: '3299' }).map((f) => [f.prohibition, f.candidates.map((c) => c.pair)]);
    expect(forms('Foto dua jari bareng Kang Budi di pasar tadi')).toEqual([[5, ['pilkada-2024-3299-02']]]);
    expect(forms('Foto tiga jari bareng Kang Budi di pasar tadi')).toEqual([]);
  });
});
