// KPU Sirekap pair lists → one registry per region (hand-made fixture in the real shape).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NetralError } from '../../src/errors.js';
import { registryProblems } from '../../src/registry/check.js';
import { isEverydayWord } from '../../src/registry/dictionary.js';
import { regionHonorifics } from '../../src/registry/honorifics.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import { RegistryFile } from '../../src/rules/registry-schema.js';
import { rejectionOf } from '../rejection.js';

const sample = join(import.meta.dirname, '../../fixtures/kpu/sulbar-sulsel-sample');
const pkwkp = join(sample, 'pkwkp.json');
const pkwkk = join(sample, 'pkwkk.json');
const districts = join(sample, 'district');

const failure = (promise: Promise<unknown>) => rejectionOf(promise, NetralError);

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'netral-kpu-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('importKpu', () => {
  it('makes one registry per region, with level and name from the code and the district list', async () => {
    const registries = await importKpu([pkwkp, pkwkk], districts);
    expect(
      registries.map((r) => [r.election.id, r.election.level, r.election.region.name, r.pairs.length]),
    ).toEqual([
      ['pilkada-2024-7302', 'pilbup', 'Kabupaten Bulukumba', 1],
      ['pilkada-2024-7371', 'pilwalkot', 'Kota Makassar', 2],
      ['pilkada-2024-76', 'pilgub', 'Provinsi Sulawesi Barat', 2],
      ['pilkada-2024-7601', 'pilbup', 'Kabupaten Majene', 3],
    ]);
  });

  it('produces schema-valid, consistent registries with the Pilkada 2024 dates', async () => {
    for (const registry of await importKpu([pkwkp, pkwkk], districts)) {
      expect(RegistryFile.parse(registry)).toEqual(registry);
      expect(registryProblems(registry)).toEqual([]);
      expect(registry.election.dates).toMatchObject({ determination: '2024-09-22', vote: '2024-11-27' });
    }
  });

  it('skips the kolom kosong entry and says so in the sources', async () => {
    const [bulukumba] = await importKpu([pkwkk], districts);
    expect(bulukumba?.pairs.map((p) => [p.id, p.name])).toEqual([['pilkada-2024-7302-01', 'Baharuddin Tolleng – Hasnawati Baco']]);
    expect(bulukumba?.election.sources.join(' ')).toMatch(/kolom kosong/);
  });

  it('strips titles from names and generates forms and pair names', async () => {
    const [sulbar] = await importKpu([pkwkp], districts);
    const pair = sulbar?.pairs[1];
    expect(pair?.name).toBe('Syamsurijal Patawari – Muh. Arsyad Tanriola');
    expect(pair?.candidates[1]).toEqual({ name: 'Muh. Arsyad Tanriola', forms: ['arsyad tanriola', 'tanriola'], ambiguous_forms: ['arsyad'], nicknames: [], offices: [] });
    expect(pair?.pair_names).toEqual(['syamsurijal arsyad', 'patawari tanriola', 'syamsurijal tanriola', 'patawari arsyad']);
    expect(pair?.hashtags).toEqual([]);
  });

  describe('forms residents use beyond the ballot name (fixtures/kpu/resident-names)', () => {
    const residents = join(import.meta.dirname, '../../fixtures/kpu/resident-names/pkwkp.json');
    const race = async (code: string) => (await importKpu([residents])).find((r) => r.election.region.code === code);
    const person = async (code: string, pair: number, index: number) => (await race(code))?.pairs[pair]?.candidates[index];

    it("puts the province's honorifics before a nickname's first word, never before a given name", async () => {
      const encus = await person('32', 0, 0);
      expect(encus?.forms).toEqual(expect.arrayContaining(['encus dendra', 'kang encus', 'teh encus', 'pak encus']));
      expect(encus?.forms).not.toContain('mas encus');
      expect(encus?.forms.filter((f) => f.endsWith(' dendrawan'))).toEqual([]);
      const harjuno = await person('33', 0, 0);
      expect(harjuno?.forms.filter((f) => f.endsWith(' harjuno'))).toEqual([]);
      expect(harjuno?.ambiguous_forms).toContain('harjuno');
    });

    it('makes no honorific form of a common name or of a name two candidates bear', async () => {
      const all = (await importKpu([residents])).flatMap((r) => r.pairs.flatMap((p) => p.candidates.flatMap((c) => [...c.forms, ...c.ambiguous_forms])));
      expect(all.filter((f) => / (budi|sekarwati)$/.test(f))).toEqual([]);
      expect((await person('33', 1, 0))?.ambiguous_forms).toContain('budi');
    });

    it("makes a nickname's first word a call name: ambiguous alone, a form after an honorific", async () => {
      const sekarwati = await person('33', 1, 1);
      expect(sekarwati?.forms).toEqual(expect.arrayContaining(['titin margono', 'mbak titin', 'bu titin']));
      expect(sekarwati?.ambiguous_forms).toContain('titin');
      // a distinctive one-word alias is a form already: no honorific needed
      const harjuno = await person('33', 0, 0);
      expect(harjuno?.forms).toContain('gendhon');
      expect(harjuno?.forms).not.toContain('mas gendhon');
    });

    it('names the pair by its call names, aliases included', async () => {
      const jateng = await race('33');
      expect(jateng?.pairs[0]?.pair_names).toEqual(['harjuno larasati', 'gendhon larasati', 'sasmito puspitasari', 'harjuno puspitasari', 'sasmito larasati']);
      expect(jateng?.pairs[1]?.pair_names).toEqual(['budi sekarwati', 'budi titin', 'wiryawan danurasmi', 'budi danurasmi', 'wiryawan sekarwati']);
    });

    it('gives the two leading words of a three-word name, unless one is a common name word', async () => {
      expect((await person('33', 0, 1))?.forms).toContain('larasati widyaningrum');
      const dendrawan = await person('32', 0, 0);
      expect([...(dendrawan?.forms ?? []), ...(dendrawan?.ambiguous_forms ?? [])]).not.toContain('dendrawan tri');
    });

    it('keeps every region consistent', async () => {
      for (const registry of await importKpu([residents])) expect(registryProblems(registry)).toEqual([]);
    });
  });

  it('makes a surname two pairs share ambiguous in both', async () => {
    const majene = (await importKpu([pkwkk], districts)).find((r) => r.election.region.code === '7601');
    const [first, , third] = majene?.pairs ?? [];
    for (const pair of [first, third]) {
      expect(pair?.candidates.flatMap((c) => c.forms)).not.toContain('makkatutu');
      expect(pair?.candidates.flatMap((c) => c.ambiguous_forms)).toContain('makkatutu');
    }
    expect(third?.pair_names).toEqual(['yamin yusran', 'yamin makkatutu']);
    expect(third?.ambiguous_pair_names).toEqual([]);
    expect(majene?.pairs[1]?.candidates[1]?.forms).toContain('puang ridwan');
  });

  it('needs no district folder for governor races only', async () => {
    expect((await importKpu([pkwkp])).map((r) => r.election.id)).toEqual(['pilkada-2024-76']);
  });

  it('rejects a malformed entry naming the file, region, pair and field', async () => {
    const bad = join(import.meta.dirname, '../../fixtures/kpu/nomor-urut-as-text/pkwkk.json');
    const error = await failure(importKpu([bad], districts));
    expect(error.message).toContain(bad);
    expect(error.message).toContain('region 7601, pair 1001301, nomor_urut');
  });

  it('rejects a file that is not JSON, a region given twice, and regencies without districts', async () => {
    const broken = join(tmp, 'pkwkk.json');
    await writeFile(broken, '{"7601": {"1001301": {"nama": "A - B", ');
    expect((await failure(importKpu([broken], districts))).message).toMatch(/pkwkk\.json: is not valid JSON/);
    expect((await failure(importKpu([pkwkk, pkwkk], districts))).message).toMatch(/region 7302 also appears in/);
    expect((await failure(importKpu([pkwkk]))).message).toMatch(/--districts/);
    const onlySulbar = join(tmp, 'district');
    await mkdir(join(onlySulbar, '76'), { recursive: true });
    await cp(join(districts, '76', '76.json'), join(onlySulbar, '76', '76.json'));
    expect((await failure(importKpu([pkwkk], onlySulbar))).message).toMatch(/region 7302 is not in/);
  });

  it('rejects two pairs with the same ballot number', async () => {
    const doubled = join(tmp, 'pkwkp.json');
    const entry = { ts: '2024-11-21 21:55:15', nama: 'H. ANDI RUSLAN - SITTI DJALIL', warna: '#B67352', nomor_urut: 1 };
    await writeFile(doubled, JSON.stringify({ '76': { '1000201': entry, '1000202': { ...entry, nama: 'X TANRIOLA - Y PATAWARI' } } }));
    expect((await failure(importKpu([doubled]))).message).toMatch(/pair 1000202: ballot number 1 is also used by pair 1000201/);
  });
});

describe('writeRegistries', () => {
  it('writes <id>.yml files that read back to the same registry, with the header as a comment', async () => {
    const registries = await importKpu([pkwkp, pkwkk], districts);
    const paths = await writeRegistries(registries, join(tmp, 'out'), { header: ['generated for a test'] });
    expect(paths.map((p) => p.slice(tmp.length))).toEqual([
      '/out/pilkada-2024-7302.yml',
      '/out/pilkada-2024-7371.yml',
      '/out/pilkada-2024-76.yml',
      '/out/pilkada-2024-7601.yml',
    ]);
    const text = await readFile(paths[2]!, 'utf8');
    expect(text.startsWith('# generated for a test\n')).toBe(true);
    expect(text).not.toContain('hashtags: []');
    expect(RegistryFile.parse(parse(text))).toEqual(registries[2]);
  });

  it('refuses to overwrite existing files without force, and writes nothing then', async () => {
    const registries = await importKpu([pkwkp, pkwkk], districts);
    const out = join(tmp, 'out');
    await mkdir(out);
    await writeFile(join(out, 'pilkada-2024-76.yml'), '# edited by hand\n');
    expect((await failure(writeRegistries(registries, out))).message).toMatch(/pilkada-2024-76\.yml: already exists/);
    expect(existsSync(join(out, 'pilkada-2024-7302.yml'))).toBe(false);
    await writeRegistries(registries, out, { force: true });
    expect(await readFile(join(out, 'pilkada-2024-76.yml'), 'utf8')).toContain('id: pilkada-2024-76');
  });
});

// The real Sirekap snapshot is not part of the repository; when it is on this machine, the
// importer must read all of it.
const snapshot = '/work/shared/kpu-pilkada-2024';
describe.skipIf(!existsSync(join(snapshot, 'pkwkk.json')))('the real KPU Pilkada 2024 snapshot', () => {
  it('yields 1,557 pairs in 545 regions (37 governor, 508 regent/mayor races)', async () => {
    const registries = await importKpu([join(snapshot, 'pkwkp.json'), join(snapshot, 'pkwkk.json')], join(snapshot, 'district'));
    expect(registries.length).toBe(545);
    expect(registries.reduce((n, r) => n + r.pairs.length, 0)).toBe(1557);
    expect(registries.filter((r) => r.election.level === 'pilgub').length).toBe(37);
    expect(registries.filter((r) => r.election.level === 'pilwalkot').length).toBe(93);
  });

  it('makes honorific forms of nickname words only, none an everyday word, each of one province', async () => {
    const registries = await importKpu([join(snapshot, 'pkwkp.json'), join(snapshot, 'pkwkk.json')], join(snapshot, 'district'));
    const regionsOf = new Map<string, Set<string>>();
    for (const r of registries) {
      for (const person of r.pairs.flatMap((p) => p.candidates)) {
        for (const form of person.forms) {
          const [first, called, ...rest] = form.split(' ');
          if (rest.length > 0 || called === undefined || !regionHonorifics(r.election.region.code).includes(first ?? '')) continue;
          if (person.name.toLowerCase().split(' ').includes(first ?? '')) continue; // "Daeng …" in the name itself
          expect(isEverydayWord(called), form).toBe(false);
          expect(person.name.toLowerCase().split(/[\s.]+/), form).not.toContain(called);
          regionsOf.set(called, (regionsOf.get(called) ?? new Set()).add(r.election.region.code));
        }
      }
    }
    expect(regionsOf.size).toBeGreaterThan(0);
    const spread = [...regionsOf].filter(([, codes]) => new Set([...codes].map((c) => c.slice(0, 2))).size > 1);
    expect(spread).toEqual([]);
  });
});
