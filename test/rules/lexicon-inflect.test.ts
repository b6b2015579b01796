// A matcher (or a pair_stance cue) that names several lexicons reads each list's words with that
// list's own inflection: a verb list keeps its verb forms beside a clitics list, and a list that
// asks for no forms gains none from its neighbours. Until stop 44 one mode held for all (the
// narrowest: ea10227 had to give salah-pilih a matcher of its own). A matcher's own `inflect`
// overrides every list's. The pack cache restores the same automaton.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { normalise } from '../../src/text/normalise.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';

// nonce words, so no shipped list owns them and lends them its forms
const LEXICONS: Record<string, { inflect: string; term: string }> = {
  'uji-kerja': { inflect: 'verb', term: 'kolep' },
  'uji-klitik': { inflect: 'clitics', term: 'barup' },
  'uji-polos': { inflect: 'none', term: 'sitor' },
};

/** The sticker rule whose `stiker` matcher reads the three lists (`override`: more keys of that matcher). */
function rule(override = ''): string {
  return stickerRule({
    cue: `{ lexicon: [uji-kerja, uji-klitik, uji-polos]${override} }`,
    tests: '  - { name: a, item: { text: "kolep Prabowo", time: 2024-01-01T00:00:00Z }, expect: match }\n',
  });
}

const dirs: string[] = [];
function folder(override = ''): string {
  const dir = rulesFolderWith(rule(override));
  for (const [id, { inflect, term }] of Object.entries(LEXICONS)) {
    writeFileSync(path.join(dir, 'lexicons', `${id}.yml`), `schema: 1\nid: ${id}\ndescription: test\nsource: test\ninflect: ${inflect}\nterms:\n  - ${term}\n`);
  }
  dirs.push(dir);
  return dir;
}

/** Does the rule's matcher `stiker` own a hit in the one-word text (a clitic may stand outside the hit)? */
function matches(pack: RulePack, text: string): boolean {
  return pack.matcher.find(normalise(text)).some((h) => h.start === 0 && h.owners.some((o) => o.type === 'rule' && o.matcher === 'stiker'));
}

const saved = process.env.NETRAL_CACHE_DIR;
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  if (saved === undefined) delete process.env.NETRAL_CACHE_DIR;
  else process.env.NETRAL_CACHE_DIR = saved;
});

describe('a matcher of several lexicons', () => {
  it('reads each list with its own inflection, fresh and restored from the cache alike', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'netral-cache-'));
    dirs.push(cache);
    process.env.NETRAL_CACHE_DIR = cache;
    const dir = folder();
    for (const pack of [await loadRulePack({ rulesDirs: [dir] }), await loadRulePack({ rulesDirs: [dir] })]) {
      // the verb list: its verb forms and the clitics of a list that takes them ("-ku", Sundanese "-na")
      expect(matches(pack, 'dikolep')).toBe(true);
      expect(matches(pack, 'ngolep')).toBe(true);
      expect(matches(pack, 'kolepku')).toBe(true);
      // the clitics list: clitics, no verb forms
      expect(matches(pack, 'barupna')).toBe(true);
      expect(matches(pack, 'dibarup')).toBe(false);
      expect(matches(pack, 'ngabarup')).toBe(false);
      // the list that asks for none: the word as written (and -nya, -lah, -kah, read after every term)
      expect(matches(pack, 'sitor')).toBe(true);
      expect(matches(pack, 'sitorku')).toBe(false);
      expect(matches(pack, 'disitor')).toBe(false);
    }
  }, 120_000);

  it("takes the matcher's own inflect as an override for every list", async () => {
    process.env.NETRAL_CACHE_DIR = 'off';
    const pack = await loadRulePack({ rulesDirs: [folder(', inflect: none')] });
    expect(matches(pack, 'kolep')).toBe(true);
    expect(matches(pack, 'dikolep')).toBe(false);
    expect(matches(pack, 'kolepku')).toBe(false);
    expect(matches(pack, 'barupna')).toBe(false);
  }, 120_000);
});
