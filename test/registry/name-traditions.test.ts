// The name residents call a candidate by, read past the words a naming tradition puts before it
// (src/registry/name-traditions.ts): Balinese birth-order names and caste titles, the Sasak and
// Sumbanese noble titles. Invented KPU governor lists of three provinces (fixtures/kpu/name-traditions),
// imported as `netral registry import-kpu` does.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importKpu } from '../../src/registry/kpu.js';
import { leadingRunLength } from '../../src/registry/name-traditions.js';
import { givenName, parseKpuPersonName, shortForms } from '../../src/registry/person-name.js';

const lists = join(import.meta.dirname, '../../fixtures/kpu/name-traditions/pkwkp.json');
const race = async (code: string) => (await importKpu([lists])).find((r) => r.election.region.code === code);
const words = (raw: string) => parseKpuPersonName(raw).words;

describe('Balinese names (51)', () => {
  it('the call name is the one after the birth-order names and caste titles', () => {
    expect(givenName(words('GEDE NGURAH WIRADANA, S.H.'))).toBe('wiradana');
    expect(givenName(words('I NENGAH SUWIKRAMA ADI PUTRA, S.H., M.H.'))).toBe('suwikrama');
    expect(givenName(words('I GUSTI NGURAH DARSANA JAYA, S.E.'))).toBe('darsana');
    // "Agus" after a birth-order name is the title "Gus"
    expect(givenName(words('I KADEK AGUS MAHENDRA WIJAKSANA, S.E., M.M.'))).toBe('mahendra');
  });

  it('names the pairs by the call names, and by a call name beside the running mate’s last name', async () => {
    const bali = await race('51');
    expect(bali?.pairs[0]?.pair_names).toContain('wiradana suwikrama');
    expect(bali?.pairs[1]?.pair_names).toEqual(expect.arrayContaining(['darsana mahendra', 'darsana wijaksana']));
    const all = bali?.pairs.flatMap((p) => [...p.pair_names, ...p.ambiguous_pair_names]) ?? [];
    expect(all.filter((n) => /\b(nengah|kadek|agus|gede|ngurah|gusti)\b/.test(n))).toEqual([]);
  });

  it('gives the clipped birth-order name or title residents say before the call name, as an ambiguous form', async () => {
    const bali = await race('51');
    const [wiradana, suwikrama] = bali?.pairs[0]?.candidates ?? [];
    expect(wiradana?.ambiguous_forms).toContain('de wiradana');
    expect(suwikrama?.ambiguous_forms).toContain('ngah suwikrama');
    expect(suwikrama?.forms).toContain('suwikrama putra');
    expect(suwikrama?.forms).not.toContain('nengah putra');
    const mahendra = bali?.pairs[1]?.candidates[1];
    expect(mahendra?.ambiguous_forms).toContain('gus mahendra'); // the title outranks the birth-order "Dek"
    expect(mahendra?.ambiguous_forms).not.toContain('dek mahendra');
  });
});

describe('Sasak names (52)', () => {
  it('reads past Lalu and Baiq and says "Lalu" before a plain call name, as a firm form', async () => {
    const ntb = await race('52');
    const [zakirin, nurmalasari] = ntb?.pairs[0]?.candidates ?? [];
    expect(zakirin?.forms).toContain('lalu zakirin');
    expect(zakirin?.ambiguous_forms).not.toContain('lalu');
    expect(nurmalasari?.forms).toContain('baiq nurmalasari');
    expect(ntb?.pairs[0]?.pair_names).toContain('zakirin nurmalasari');
  });

  it('makes no "Lalu + call name" form when both are everyday words', async () => {
    const alit = (await race('52'))?.pairs[1]?.candidates[1];
    expect([...(alit?.forms ?? []), ...(alit?.ambiguous_forms ?? [])]).not.toContain('lalu alit');
    expect(shortForms(words('LALU ALIT WIRAPATI, S.H.'))).toEqual([]);
    expect(shortForms(words('Dr. H. LALU MUHAMAD ZAKIRIN'))).toEqual([{ form: 'lalu zakirin', firm: true }]);
  });
});

describe('Sumbanese names (53) and the same words outside a tradition', () => {
  it('reads past Umbu and Rambu: the pair is Ndakulara-Hamawoli, never "umbu rambu"', async () => {
    const ntt = await race('53');
    expect(ntt?.pairs[0]?.pair_names).toContain('ndakulara hamawoli');
    expect(ntt?.pairs[0]?.pair_names).not.toContain('umbu rambu');
    expect(ntt?.pairs[0]?.candidates[0]?.forms).toContain('umbu ndakulara');
  });

  it('keeps "Agus" and "Dewa" as names when no Balinese word stands beside them', () => {
    expect(leadingRunLength(['agus', 'dewa', 'kornelis'])).toBe(0);
    expect(givenName(words('AGUS DEWA KORNELIS, S.H.'))).toBe('agus');
    expect(leadingRunLength(['kadek', 'agus', 'mahendra'])).toBe(2);
    expect(leadingRunLength(['sang', 'nyoman', 'sedana'])).toBe(2);
  });

  it('keeps the last word of a name made only of leading words', () => {
    expect(givenName(['muhammad'])).toBe('muhammad');
    expect(givenName(['ratu', 'dewa'])).toBe('dewa');
  });
});
