// A user's own names for the pairs of an imported registry (src/rules/registry-additions.ts):
// `pilkada-2024-<code>.local.yml` beside the file `netral registry import-kpu` generates, merged in
// at load time, left alone by a re-import. Registries: the hand-made KPU lists in the real shape
// (fixtures/kpu/sulbar-sulsel-sample), imported as the command does. The slogan, hashtag and team
// below are invented.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { makeItem } from '../../src/model/item.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { RuleFileError } from '../../src/rules/rule-file-error.js';
import { rejectionOf } from '../rejection.js';
import { BIN, runCli } from '../cli/run-cli.js';

const sample = join(import.meta.dirname, '../../fixtures/kpu/sulbar-sulsel-sample');
const kpuLists = [join(sample, 'pkwkp.json'), join(sample, 'pkwkk.json')];
const PAIR = 'pilkada-2024-7601-01';

const NAMES = `schema: 1
pairs:
  ${PAIR}:
    slogans: [sejuk berseri]
    hashtags: ["#MajeneSejukBerseri"]
    teams: [laskar sejuk berseri]
`;

const importInto = async (dir: string, force = false) => writeRegistries(await importKpu(kpuLists, join(sample, 'district')), dir, { force });

let dir: string;
let plain: RulePack;
let withNames: RulePack;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'netral-user-names-'));
  await importInto(dir);
  plain = await loadRulePack({ extraRegistryPaths: [dir] });
  await writeFile(join(dir, 'pilkada-2024-7601.local.yml'), NAMES);
  withNames = await loadRulePack({ extraRegistryPaths: [dir] });
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const post = (text: string) =>
  makeItem({ platform: 'x', kind: 'post', text, time: '2024-11-27T05:00:00Z', hashtags: [], mentions: [], media: [], source: { captureId: 'c', path: 'p', pointer: '/0' } });
const pairsOf = (pack: RulePack, text: string) => evaluate(pack, post(text)).flatMap((f) => f.candidates.map((c) => c.pair));
const registryPair = (pack: RulePack) => pack.registry.elections.find((e) => e.id === 'pilkada-2024-7601')?.pairs.find((p) => p.id === PAIR);

describe('a user file of names beside a generated registry', () => {
  const bySlogan = 'Sudah nyoblos tadi pagi. Rahasia ya, tapi pokoknya saya pilih yang sejuk berseri 😁';

  it('merges the names into the pair at load time (a hashtag keeps no #)', () => {
    const pair = registryPair(withNames);
    expect(pair?.slogans).toEqual(['sejuk berseri']);
    expect(pair?.hashtags).toEqual(['MajeneSejukBerseri']);
    expect(pair?.teams).toEqual(['laskar sejuk berseri']);
    expect(registryPair(plain)?.slogans).toEqual([]);
  });

  it('finds a post that names the pair only by the user-added slogan', () => {
    expect(pairsOf(withNames, bySlogan)).toContain(PAIR);
    expect(pairsOf(plain, bySlogan)).not.toContain(PAIR);
  });

  it('finds the pair by the user-added hashtag', () => {
    const text = 'Hari ini hari penentuan, ayo ke TPS! #MajeneSejukBerseri';
    expect(pairsOf(withNames, text)).toContain(PAIR);
    expect(pairsOf(plain, text)).not.toContain(PAIR);
  });

  it('survives a re-import with --force', async () => {
    await importInto(dir, true);
    expect(await readFile(join(dir, 'pilkada-2024-7601.local.yml'), 'utf8')).toBe(NAMES);
    expect(existsSync(join(dir, 'pilkada-2024-7601.yml'))).toBe(true);
  });
});

describe('a user file that does not fit', () => {
  let bad: string;
  beforeAll(async () => {
    bad = await mkdtemp(join(tmpdir(), 'netral-user-names-bad-'));
    await importInto(bad);
  }, 60_000);
  afterAll(async () => {
    await rm(bad, { recursive: true, force: true });
  });
  afterEach(() => setLang('id'));

  const failure = async (yaml: string) => {
    const file = join(bad, 'pilkada-2024-7601.local.yml');
    await writeFile(file, yaml);
    return { file, error: await rejectionOf(loadRulePack({ extraRegistryPaths: [bad] }), RuleFileError) };
  };

  it('names the file and the pair id a generated registry lacks, in Indonesian by default', async () => {
    setLang('id');
    const { file, error } = await failure('schema: 1\npairs:\n  pilkada-2024-7601-09:\n    slogans: [sejuk berseri]\n');
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}:3:3: pairs.pilkada-2024-7601-09: pasangan ini tidak ada di registri yang dimuat — periksa id-nya (pilkada-2024-<kode>-<nomor urut 2 digit>) dan muat registrinya dengan --registry`);
  });

  it('names the file and a field the schema does not allow, in English with --lang en', async () => {
    setLang('en');
    const { file, error } = await failure(`pairs:\n  ${PAIR}:\n    slogan: [sejuk berseri]\n`);
    expect(error.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:5: pairs\\.${PAIR}\\.slogan: this field is not allowed in a names file — allowed: pair_names, `));
  });

  it('refuses a field of the candidate lists, a top-level key and a value of the wrong type', async () => {
    setLang('en');
    expect((await failure(`pairs:\n  ${PAIR}:\n    forms: [x]\n`)).error.message).toContain(`pairs.${PAIR}.forms: this field is not allowed`);
    expect((await failure(`pasangan:\n  ${PAIR}:\n    slogans: [x]\n`)).error.message).toContain('pasangan: this field is not allowed in a names file — allowed: schema, pairs');
    expect((await failure(`pairs:\n  ${PAIR}:\n    slogans: sejuk berseri\n`)).error.message).toContain(`pairs.${PAIR}.slogans: invalid value`);
  });

  it('refuses a firm name that also names another pair of the election', async () => {
    setLang('en');
    const other = (await importKpu(kpuLists, join(sample, 'district'))).find((r) => r.election.id === 'pilkada-2024-7601')?.pairs[1];
    const name = other?.pair_names[0] ?? other?.candidates[0]?.forms[0];
    expect(name).toBeDefined();
    const { error } = await failure(`pairs:\n  ${PAIR}:\n    pair_names: ["${name}"]\n`);
    expect(error.message).toContain('registry pilkada-2024-7601 is inconsistent after the added names');
  });

  it('stops the command with one line on stderr and a non-zero exit', async () => {
    expect(existsSync(BIN)).toBe(true);
    await writeFile(join(bad, 'pilkada-2024-7601.local.yml'), `pairs:\n  ${PAIR}:\n    slogan: [sejuk berseri]\n`);
    const r = runCli(['rules', 'list', '--registry', bad, '--lang', 'en']);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`pilkada-2024-7601\\.local\\.yml:3:5: pairs\\.${PAIR}\\.slogan: this field is not allowed`));
  });
});

describe('netral registry import-kpu --help', () => {
  it('says where the names go, in Indonesian by default and English with --lang en', () => {
    const id = runCli(['registry', 'import-kpu', '--help']);
    expect(id.stdout).toContain('<out>/pilkada-2024-<kode>.local.yml');
    expect(id.stdout).toContain('tidak disentuh saat impor ulang');
    const en = runCli(['registry', 'import-kpu', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('<out>/pilkada-2024-<code>.local.yml');
    expect(en.stdout).toMatch(/Allowed fields: pair_names, ambiguous_pair_names, hashtags, attack_hashtags, slogans, parties,\s+hand_sign_phrases, teams, supporter_nicknames, accounts/);
  });
});
