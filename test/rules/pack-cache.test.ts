// The compiled rule-pack cache only saves time: a pack compiled afresh, restored from the cache,
// from a damaged cache file, from an image handed over (as scan workers get it) and with the cache
// turned off is the same pack and finds the same things; a damaged file is rebuilt, never trusted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { BUILTIN_RULES_DIR, compileImage, loadRulePack, matcherRegex, type CompiledMatcher, type RulePack } from '../../src/rules/pack.js';
import { imageBody, packImage } from '../../src/rules/pack-cache.js';
import { decodePackParts } from '../../src/rules/pack-snapshot.js';
import { normalise } from '../../src/text/normalise.js';
import { termTexts } from '../../src/text/term-text.js';
import { ambiguousTagSources } from '../../src/rules/registry.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

let dir: string;
let registryDir: string;
const saved = process.env.NETRAL_CACHE_DIR;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-pack-cache-'));
  // 80 regencies with the demo regency's pairs beside the shipped registry
  registryDir = path.join(dir, 'registry');
  mkdirSync(registryDir);
  const demo = readFileSync(path.join(BUILTIN_RULES_DIR, 'registry', 'pilkada-2024-3299-sukamaju.yml'), 'utf8');
  for (let i = 0; i < 80; i++) {
    const code = String(3200 + i);
    writeFileSync(path.join(registryDir, `pilkada-2024-${code}.yml`), demo.replaceAll('3299', code));
  }
});
afterAll(() => {
  if (saved === undefined) delete process.env.NETRAL_CACHE_DIR;
  else process.env.NETRAL_CACHE_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

const POSTS = [
  'Ayo coblos nomor 2 Budi Hartono – Dewi Lestari! #BudiDewiMenang',
  'Rapat RT 02 besok jam 2',
  'Dukung Ahmad Fauzi jadi bupati 2024 ✌️',
  'Prabowo Gibran lanjutkan! #PrabowoGibran2024 coblos 02',
  'Jangan pilih si wowo, pilih Anies Muhaimin nomor 1 #AMIN',
  'Kebohongannya Ganjar terbongkar, #GanjarMahfud cuma janji',
  'Bu Dewii Lestrai pasti menang, kami tim sukses Sukamaju siap',
];

type RegistryTermLike = RulePack['registry']['terms'][number];

/** A pack's image as encoded from the pack itself (RulePack.image with no cache file to read). */
function compileImageOf(pack: RulePack): Uint8Array {
  const image = pack.image?.();
  if (!image?.length) throw new Error('no image');
  return image;
}

/** What a pack is, for comparison: its terms, elections, rules and the findings on a few posts. */
function fingerprint(pack: RulePack): unknown {
  // findings first: a restored pack makes its terms on first use, and this must not change them
  const findings = POSTS.flatMap((text) =>
    ['3230', '3299', undefined].map((region) =>
      evaluate(pack, makeItem({ platform: 'x', kind: 'post', text, time: '2024-10-01T05:00:00Z', hashtags: [], mentions: [], media: [], source: { captureId: 'c', path: 'p', pointer: '/0' } }), region ? { region } : {}),
    ),
  );
  return {
    findings,
    sha256: pack.sha256,
    files: pack.files,
    patterns: pack.matcher.patterns,
    gateSlots: pack.gateSlots,
    // what compiling fixes per rule and matcher (the fields' masks, the exceptions honoured)
    rules: pack.rules.map((r) => [r.def.id, r.sha256, [...r.gate], [...r.matchers.values(), ...r.unless.values()].map((m) => [m.name, m.fieldMask, sided(m)]), [...r.honours].map((e) => e.def.id)]),
    // the cue lists' sides (pack-sides.ts): made by every load, cached or fresh, alike
    sides: [...pack.lexiconSides.sides],
    comparative: pack.lexiconSides.comparative?.source,
    terms: pack.registry.terms.map((t) => [t.list, t.election.id, t.pair?.id, t.term, t.stance, t.variant]),
    nameForms: [...pack.registry.nameForms].map(([form, terms]) => [form, terms.map((t) => [t.list, t.election.id, t.pair?.id, t.term])]),
    elections: pack.registry.elections.map((e) => [e.id, e.regionCode, e.watchFrom, e.pairs]),
    // a restored registry's shortcuts (pack-snapshot.ts) give what a fresh one computes
    ambiguous: (pack.registry.termsOfList?.('ambiguous') ?? pack.registry.terms.filter((t) => t.list === 'ambiguous')).map((t) => [t.election.id, t.pair?.id, t.term]),
    ambiguousTags: [...(pack.registry.ambiguousTagSources?.() ?? ambiguousTagSources(pack.registry.terms))].map(([form, terms]) => [form, terms.map((t) => [t.list, t.election.id, t.pair?.id, t.term])]),
    // the engine's grammar word classes, made from the lexicons by every load, cached or fresh, alike
    grammar: [pack.replyGrammar, pack.stanceGrammar].map((g) => Object.entries(g).map(([k, ws]: [string, ReadonlySet<string> | RegExp]) => [k, ws instanceof RegExp ? ws.source : [...ws].sort()])),
    headlineSmallWords: [...pack.headlineSmallWords].sort(),
    contextPatterns: Object.entries(pack.contextPatterns).map(([k, re]: [string, RegExp]) => [k, re.source, re.flags]),
    // stored normalised, read back as they are
    glosses: pack.glosses.glosses.map((g) => [g.lang, g.target, g.form]),
    // the edit index restored from its ready-built deletion keys finds what a fresh one finds
    editVariants: pack.registry.editVariants.entries().map(([form]) =>
      [form.slice(0, 2) + form.slice(3), `${form.slice(0, -1)}x`, `${form}a`].map((token) => [token, pack.registry.editVariants.find(token).map((c) => [c.base, c.owners.map((o) => [o.election.id, o.pair.id])])]),
    ),
    // a restored pack makes its regexes on first use: the same patterns as a fresh compile's
    regexes: pack.rules.flatMap((r) => [...r.matchers.values(), ...r.unless.values()]).concat(pack.exceptions.flatMap((e) => [...e.matchers.values()])).filter((m) => m.type === 'regex').map((m) => [m.name, matcherRegex(m).source, matcherRegex(m).flags]),
    // a restored model builds its weight table when first asked: the same table as a fresh one's
    models: pack.rules.flatMap((r) => [...r.matchers.values()].flatMap((m) => (m.model ? [[r.def.id, m.name, m.model.model.id, m.model.model.size]] : []))),
  };
}

/** a matcher's sided and verdict words as plain data */
function sided(m: CompiledMatcher): unknown {
  const verdict = m.verdictWords === undefined || m.verdictWords === 'all' ? m.verdictWords : [...m.verdictWords].sort();
  return [m.sidedWords && [...m.sidedWords].map(([id, ws]) => [id, [...ws].sort()]), verdict];
}

const load = () => loadRulePack({ extraRegistryPaths: [registryDir] });

describe('compiled rule-pack cache', () => {
  it('a cached pack is the freshly compiled one; damaged, foreign or hollow cache files are rebuilt', async () => {
    const cache = path.join(dir, 'cache');
    process.env.NETRAL_CACHE_DIR = 'off';
    const fresh = fingerprint(await load());
    expect((fresh as { findings: unknown[][] }).findings.flat().length).toBeGreaterThan(5);
    expect((fresh as { ambiguousTags: unknown[] }).ambiguousTags.length).toBeGreaterThan(0);
    expect((fresh as { editVariants: Array<Array<[string, unknown[]]>> }).editVariants.flat().filter(([, found]) => found.length > 0).length).toBeGreaterThan(10);
    expect(readdirSync(dir)).not.toContain('cache');

    process.env.NETRAL_CACHE_DIR = cache;
    expect(fingerprint(await load())).toEqual(fresh);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    const file = path.join(cache, files[0] as string);
    const good = readFileSync(file);

    // warm: restored from the file, which is left as it is
    const before = statSync(file).mtimeMs;
    const warm = await load();
    const regexMatchers = (pack: RulePack) => pack.exceptions.flatMap((e) => [...e.matchers.values()]).filter((m) => m.type === 'regex');
    expect(regexMatchers(warm).length).toBeGreaterThan(10);
    expect(regexMatchers(warm).every((m) => m.regex === undefined), 'not made before first use').toBe(true);
    expect(fingerprint(warm)).toEqual(fresh);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(Buffer.from(warm.image?.() ?? []).equals(good)).toBe(true);

    const header = JSON.parse(good.subarray(0, good.indexOf(10)).toString('utf8')) as { key: string };
    const damaged: Array<[string, Buffer]> = [
      ['one flipped byte in the body', Buffer.from(good).fill(good[good.length - 100]! ^ 0xff, good.length - 100, good.length - 99)],
      ['cut short', good.subarray(0, good.length >> 1)],
      ['not a header', Buffer.concat([Buffer.from('{"format":"netral-pack-cache/2"\n'), good.subarray(good.indexOf(10) + 1)])],
      ['empty', Buffer.alloc(0)],
      // sealed with the right key and checksum, but not a pack inside: the shape check refuses it
      ['a sealed body that is no pack', packImage(header.key, v8.serialize({ elections: [], terms: { text: ['x'], list: [] }, matcher: {}, nameForms: {} }))],
      // a cache an older netral wrote for the same sources: sound in every way but its format
      ['an older format', Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, format: 'netral-pack-cache/3' })}\n`), good.subarray(good.indexOf(10) + 1)])],
      ['another pack’s key', Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, key: 'f'.repeat(64) })}\n`), good.subarray(good.indexOf(10) + 1)])],
    ];
    const older = damaged.find(([what]) => what === 'an older format')?.[1] ?? Buffer.alloc(0);
    expect(imageBody(header.key, older), 'an older format is not read').toBeUndefined();
    for (const [what, bytes] of damaged) {
      writeFileSync(file, bytes);
      expect(fingerprint(await load()), what).toEqual(fresh);
      // rebuilt: a sound image of this pack again (not byte for byte: V8 may store a string one- or two-byte)
      expect(imageBody(header.key, readFileSync(file)), `${what}: rebuilt`).toBeDefined();
      expect(JSON.parse(readFileSync(file).subarray(0, readFileSync(file).indexOf(10)).toString('utf8')).format, `${what}: rebuilt`).toBe('netral-pack-cache/8');
    }

    // a worker's pack from the main thread's image, even with no cache folder at all
    process.env.NETRAL_CACHE_DIR = 'off';
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir], image: good }))).toEqual(fresh);
    // an image of another pack (the built-in one alone) is not used for this one
    process.env.NETRAL_CACHE_DIR = cache;
    const builtin = await loadRulePack();
    process.env.NETRAL_CACHE_DIR = 'off';
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir], image: builtin.image?.() }))).toEqual(fresh);
  }, 240_000);

  it('an edited source file misses the cache', async () => {
    const cache = path.join(dir, 'cache-edit');
    process.env.NETRAL_CACHE_DIR = cache;
    const first = await load();
    const f = path.join(registryDir, 'pilkada-2024-3201.yml');
    const text = readFileSync(f, 'utf8');
    try {
      writeFileSync(f, text.replace(/name: "?Kabupaten[^\n]*/, 'name: Kabupaten Diganti'));
      const second = await load();
      expect(second.sha256).not.toBe(first.sha256);
      expect(readdirSync(cache)).toHaveLength(2);
      expect(second.registry.elections.find((e) => e.id === 'pilkada-2024-3201')?.regionName).toBe('Kabupaten Diganti');
    } finally {
      writeFileSync(f, text);
    }
  }, 240_000);
  it('a restored pack keeps none of the image it was restored from', async () => {
    // v8.deserialize makes aligned typed arrays views of the bytes it reads: the matcher's automaton
    // and the term columns kept a scan worker's whole image (~11 MB) alive for the whole scan
    const cache = path.join(dir, 'cache-own');
    process.env.NETRAL_CACHE_DIR = cache;
    const fresh = await load();
    const image = fresh.image?.();
    expect(image?.length).toBeGreaterThan(0);
    const body = imageBody(JSON.parse(Buffer.from(image as Uint8Array).subarray(0, (image as Uint8Array).indexOf(10)).toString('utf8')).key, image as Uint8Array);
    expect(body).toBeDefined();
    const parts = decodePackParts(body as Uint8Array);
    const views: ArrayBufferView[] = [];
    const walk = (v: unknown, depth: number): void => {
      if (ArrayBuffer.isView(v)) views.push(v);
      else if (v && typeof v === 'object' && depth < 6) for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
    };
    walk((parts.matcher as unknown as { automaton?: unknown }).automaton, 0);
    walk(parts.matcher, 0);
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) expect(view.buffer).not.toBe((image as Uint8Array).buffer);
    // the image handed to a worker is the cache file's bytes, and restores the same pack
    process.env.NETRAL_CACHE_DIR = 'off';
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir], image }))).toEqual(fingerprint(fresh));
  }, 240_000);

  it('a worker restoring the same image shares the main thread\'s arrays, and only when their bytes are the same', async () => {
    // the automaton, the term columns and the matcher's owner columns are kept by a restored pack for
    // its whole life: one copy in shared memory for every scan thread (pipeline/eval-pool.ts)
    const cache = path.join(dir, 'cache-shared');
    process.env.NETRAL_CACHE_DIR = cache;
    const compiled = await load();
    const main = await load();
    const shared = main.sharedArrays ?? {};
    expect(Object.keys(shared)).toEqual(expect.arrayContaining(['automaton.fail', 'automaton.childTo', 'terms.textEnds', 'matcher.ownerIndex']));
    for (const a of Object.values(shared)) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    // the image for workers is in shared memory too (no copy per worker)
    const image = main.image?.() as Uint8Array;
    expect(image.buffer).toBeInstanceOf(SharedArrayBuffer);
    process.env.NETRAL_CACHE_DIR = 'off';
    const worker = await loadRulePack({ extraRegistryPaths: [registryDir], image, shared });
    for (const [name, a] of Object.entries(worker.sharedArrays ?? {})) expect(a, name).toBe(shared[name]);
    expect(fingerprint(worker)).toEqual(fingerprint(compiled));
    // an array whose bytes differ is not taken: the restore keeps its own copy
    const other = Int32Array.from(shared['automaton.fail'] as Int32Array);
    other[1] = (other[1] as number) + 1;
    const own = await loadRulePack({ extraRegistryPaths: [registryDir], image, shared: { ...shared, 'automaton.fail': other } });
    expect(own.sharedArrays?.['automaton.fail']).not.toBe(other);
    expect(own.sharedArrays?.['automaton.fail']).not.toBe(shared['automaton.fail']);
    expect(own.sharedArrays?.['automaton.childTo']).toBe(shared['automaton.childTo']);
    expect(fingerprint(own)).toEqual(fingerprint(compiled));
    // a restored pack's re-encoded image (no cache file to read) restores the same pack
    const encoded = compileImageOf(main);
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir], image: encoded }))).toEqual(fingerprint(compiled));
  }, 240_000);

  it('a restored registry makes a name form\'s terms when the form is read, the same terms a compiled one holds', async () => {
    const cache = path.join(dir, 'cache-forms');
    process.env.NETRAL_CACHE_DIR = 'off';
    const compiled = await load();
    process.env.NETRAL_CACHE_DIR = cache;
    await load();
    const restored = await load();
    const forms = [...compiled.registry.nameForms.keys()];
    expect(forms.length).toBeGreaterThan(10);
    expect([...restored.registry.nameForms.keys()]).toEqual(forms);
    const plain = (terms: readonly RegistryTermLike[] | undefined) => terms?.map((t) => [t.list, t.election.id, t.pair?.id, t.term, t.stance, t.variant]);
    // one form read first, then every form: the first read's list is the one kept
    const first = forms[forms.length >> 1] as string;
    const list = restored.registry.nameForms.get(first);
    expect(plain(list)).toEqual(plain(compiled.registry.nameForms.get(first)));
    expect(restored.registry.nameForms.size).toBe(compiled.registry.nameForms.size);
    expect([...restored.registry.nameForms].map(([f, t]) => [f, plain(t)])).toEqual([...compiled.registry.nameForms].map(([f, t]) => [f, plain(t)]));
    expect(restored.registry.nameForms.get(first)).toBe(list);
    expect(restored.registry.nameForms.get('bukan-nama')).toBeUndefined();
    // a term wider than one byte a unit (a hand sign) comes back as written, beside the one-byte text
    const wide = compiled.registry.terms.filter((t) => /[^\u0000-\u00ff]/.test(t.term));
    expect(wide.length).toBeGreaterThan(0);
    expect(restored.registry.terms.map((t) => t.term)).toEqual(compiled.registry.terms.map((t) => t.term));
  }, 240_000);

  it('the image carries every lexicon term normalised, and a restore primes the term memo with them', async () => {
    // pack-sides.ts reads the lexicons' terms normalised: a warm start no longer normalises them
    process.env.NETRAL_CACHE_DIR = path.join(dir, 'cache-texts');
    const image = await compileImage({ extraRegistryPaths: [registryDir] });
    const key = JSON.parse(Buffer.from(image as Uint8Array).subarray(0, (image as Uint8Array).indexOf(10)).toString('utf8')).key as string;
    const body = imageBody(key, image as Uint8Array) as Uint8Array;
    const encoded = v8.deserialize(body) as { lexicons: Array<[string, { terms: string[] }]>; lexiconTexts: Array<string | null> };
    const terms = encoded.lexicons.flatMap(([, l]) => l.terms);
    expect(terms.length).toBeGreaterThan(1000);
    expect(encoded.lexiconTexts.map((t, i) => t ?? terms[i])).toEqual(terms.map((t) => normalise(t).text));
    expect(encoded.lexiconTexts.some((t) => t !== null)).toBe(true);
    decodePackParts(body);
    for (const t of terms) expect(termTexts().get(t)).toBe(normalise(t).text);
    // an image whose texts do not fit its lexicons is refused (the pack is then compiled afresh)
    const short = packImage(key, v8.serialize({ ...(v8.deserialize(body) as object), lexiconTexts: encoded.lexiconTexts.slice(1) }));
    expect(() => decodePackParts(imageBody(key, short) as Uint8Array)).toThrow(/lexicon texts/);
  }, 240_000);

  it('a cold load is the pack restored from the image its compile made, with or without a cache folder', async () => {
    // the compile thread's task (rules/pack-compile-worker.ts) writes the cache and hands back its image
    process.env.NETRAL_CACHE_DIR = path.join(dir, 'cache-cold');
    const image = await compileImage({ extraRegistryPaths: [registryDir] });
    expect(image?.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(dir, 'cache-cold')).length).toBe(1);
    const warm = await loadRulePack({ extraRegistryPaths: [registryDir] });
    process.env.NETRAL_CACHE_DIR = 'off';
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir], image }))).toEqual(fingerprint(warm));
    // no cache folder: compiled in this thread, then restored from its image all the same
    expect(fingerprint(await loadRulePack({ extraRegistryPaths: [registryDir] }))).toEqual(fingerprint(warm));
  }, 240_000);
});
