// Commands that need no rules load no rule code: `--version`, `review`, `evidence` and `verify`
// start without the rule engine, the pack (or its cache) and the YAML parser; a scan does load
// them (so the module log below can tell). Both ways bin/netral.js loads the CLI are checked: the
// bundle (dist/bundle/, each chunk read as the modules its source map lists) and the modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN, REPO } from './run-cli.js';

const MODULE_LOG = fileURLToPath(new URL('../support/module-log.mjs', import.meta.url));
/** modules of the rule engine and its data: none of them may load for a command without rules */
const RULE_CODE = /\/(?:dist|src)\/rules\/(?!rule-file-error)[^/]+\.js$|\/node_modules\/yaml\//;

let dir: string;
let store: string;
let cache: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-startup-'));
  store = path.join(dir, 'evidence.db');
  cache = path.join(dir, 'cache');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUNDLE = path.join(REPO, 'dist', 'bundle', 'main.js');
/** The launcher's own test: a bundle built after the modules it was made from (npm test builds it). */
const bundleCurrent = existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= statSync(path.join(REPO, 'dist', 'cli', 'main.js')).mtimeMs;
const CHUNK = /\/dist\/bundle\/[^/]+\.js$/;

/** A bundle chunk and the modules it holds (its source map's sources), so one check fits both ways. */
function withSources(url: string): string[] {
  const file = CHUNK.test(url) ? fileURLToPath(url) : undefined;
  // (rolldown's own runtime chunk has no map)
  if (!file || !existsSync(`${file}.map`)) return [url];
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  return [url, ...map.sources.map((s) => pathToFileURL(path.resolve(path.dirname(file), s)).href)];
}

describe.each([
  { way: 'bundle', bundle: 'on', skip: !bundleCurrent },
  { way: 'modules', bundle: 'off', skip: false },
])('start-up ($way)', ({ way, bundle, skip }) => {
  /** Runs the binary; returns its exit code and every module it loaded. */
  function run(args: string[]): { code: number; modules: string[] } {
    const log = path.join(dir, `modules-${Math.random().toString(16).slice(2)}.txt`);
    const r = spawnSync(process.execPath, ['--import', MODULE_LOG, BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, NETRAL_MODULE_LOG: log, NETRAL_CACHE_DIR: cache, NETRAL_BUNDLE: bundle, NO_COLOR: '1', LANG: 'C' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    const loaded = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    // the way asked for is the way taken (`--version` alone is answered by the launcher itself)
    if (args.join(' ') !== '--version') expect(loaded.some((m) => CHUNK.test(m)), `${way}: ${args.join(' ')}`).toBe(way === 'bundle');
    return { code: r.status ?? -1, modules: loaded.flatMap(withSources) };
  }

  it.skipIf(skip)('a scan loads the rules (and caches the compiled pack); version, review, evidence and verify load no rule code', () => {
    const scan = run(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '-q']);
    expect([0, 1]).toContain(scan.code);
    expect(scan.modules.some((m) => RULE_CODE.test(m))).toBe(true);
    expect(readdirSync(cache).filter((f) => f.endsWith('.bin'))).toHaveLength(1);

    for (const args of [['--version'], ['review', 'list', '--store', store], ['evidence', 'list', '--store', store], ['verify', '--store', store]]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.modules.length, args.join(' ')).toBeGreaterThan(0);
      expect(r.modules.filter((m) => RULE_CODE.test(m)), args.join(' ')).toEqual([]);
    }
  }, 240_000);

  it.skipIf(skip)('a list that prints no table loads no display-width tables; a table of ASCII cells does not either', () => {
    // string-width builds ICU segmenters and Unicode tables: only a cell that is not printable ASCII needs it
    const scan = run(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '-q']);
    expect([0, 1]).toContain(scan.code);
    const jsonl = run(['evidence', 'list', '--store', store, '--format', 'jsonl']);
    expect(jsonl.code).toBe(0);
    expect(jsonl.modules.filter((m) => /\/node_modules\/(string-width|get-east-asian-width)\//.test(m))).toEqual([]);
    // the HTML report is the export's, never a list's
    expect(jsonl.modules.filter((m) => /\/report\/html/.test(m))).toEqual([]);
    // the demo's list cells (ids, statuses, dates, names, rule titles) are printable ASCII
    const table = run(['review', 'list', '--store', store]);
    expect(table.code).toBe(0);
    expect(table.modules.some((m) => /\/node_modules\/better-sqlite3\//.test(m)), 'require()d modules are logged').toBe(true);
    expect(table.modules.filter((m) => /\/node_modules\/(string-width|get-east-asian-width)\//.test(m))).toEqual([]);
    // nor chalk when nothing is coloured (piped, as here, and NO_COLOR): src/cli/colour.ts
    for (const r of [jsonl, table]) expect(r.modules.filter((m) => /\/node_modules\/chalk\//.test(m))).toEqual([]);
    // nor zlib and the stream modules: a list reads no stored bytes (src/store/blobs.ts loads them on use)
    for (const r of [jsonl, table]) expect(r.modules.filter((m) => /^node:(zlib|stream)/.test(m))).toEqual([]);
  }, 240_000);

  it.skipIf(skip)('listing findings loads no zod (a third of the start-up); a decision and a scan do', () => {
    const zod = (mods: string[]) => mods.filter((m) => /\/node_modules\/zod\//.test(m));
    const scan = run(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '-q']);
    expect([0, 1]).toContain(scan.code);
    expect(zod(scan.modules).length).toBeGreaterThan(0);
    for (const args of [['review', 'list'], ['review'], ['evidence', 'list'], ['review', '--format', 'jsonl', '--lang', 'en'], ['evidence', 'list', '--format', 'csv', '--limit', '3'], ['evidence', 'list', '--format', 'json', '--status', 'open,confirmed']]) {
      const r = run([...args, '--store', store]);
      expect(r.code, args.join(' ')).toBe(0);
      expect(zod(r.modules), args.join(' ')).toEqual([]);
    }
    // a bad option is still one line and exit 2 without zod
    const bad = run(['review', 'list', '--store', store, '--limit', 'x']);
    expect(bad.code).toBe(2);
    expect(zod(bad.modules)).toEqual([]);
    const id = run(['evidence', 'list', '--store', store, '--format', 'jsonl', '--limit', '1']);
    expect(id.code).toBe(0);
    const note = run(['review', 'note', '--store', store, '--as', 'Tester', '--comment', 'dicek', 'zzzzzz']);
    // an unknown finding: the action ran (and loaded zod for its options) before failing
    expect(note.code).not.toBe(0);
    expect(zod(note.modules).length).toBeGreaterThan(0);
  }, 240_000);
});
