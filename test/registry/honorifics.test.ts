// The honorifics import-kpu puts before a candidate's alias are words of the lexicon the rules read
// (rules/lexicons/kata-sapaan.yml); honorifics.ts only picks them by province. The titles a KPU
// nickname starts with are the lexicon gelar-julukan.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allHonorificWords, regionHonorifics } from '../../src/registry/honorifics.js';

const lexicon = (id: string): Set<string> =>
  new Set((parse(readFileSync(fileURLToPath(new URL(`../../rules/lexicons/${id}.yml`, import.meta.url)), 'utf8')) as { terms: string[] }).terms);

describe('honorifics come from the lexicons', () => {
  const address = lexicon('kata-sapaan');
  const titles = lexicon('gelar-julukan');

  it('every province’s honorific is an address word of kata-sapaan', () => {
    for (const code of ['11', '12', '13', '31', '32', '33', '3374', '35', '36', '51', '52', '53', '63', '71', '73', '81', '91', '96']) {
      const words = regionHonorifics(code);
      expect(words.length, code).toBeGreaterThan(0);
      for (const w of words) expect(address.has(w), `${code}: ${w}`).toBe(true);
    }
  });

  it('picks by province: Javanese forms in Central Java, Sundanese in West Java, the national ones everywhere', () => {
    expect(regionHonorifics('3374')).toEqual(expect.arrayContaining(['pak', 'bu', 'mas', 'mbak', 'gus']));
    expect(regionHonorifics('3273')).toEqual(expect.arrayContaining(['pak', 'kang', 'teh']));
    expect(regionHonorifics('3273')).not.toContain('mas');
    expect(regionHonorifics('99')).toEqual(['pak', 'bapak', 'bu', 'ibu']);
  });

  it('the words a nickname may start with are the provinces’ honorifics and the titles of gelar-julukan', () => {
    const all = allHonorificWords();
    for (const t of titles) expect(all.has(t), t).toBe(true);
    for (const w of all) expect(address.has(w) || titles.has(w), w).toBe(true);
    // an address word no province puts before a name (a Balinese birth-order name) stays a call name
    expect(all.has('made')).toBe(false);
  });
});
