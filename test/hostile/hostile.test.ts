// Every case of issue 14 through the real binary: each ends in time with either a partial result
// plus a warning or one clear line and exit 2, the store intact (verify passes), no orphan files.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, type CliResult } from '../cli/run-cli.js';
import { aliasBombRule, csvHugeCell, FULL, csvNonAscii, foreignDatabase, garbageHtml, jsonlOneLine, nestedHtml, zipWithCorruptMedia, zipWithOneLine } from './generators.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'netral-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // npm run bench:hostile: the table of the "after" column (time, peak RSS, exit code, message)
  if (FULL) process.stdout.write(`\n| case | command | time | peak RSS | exit | first line of stderr |\n| --- | --- | --- | --- | --- | --- |\n${measured.join('\n')}\n`);
});

/** bench:hostile only: each command's time and the kernel's peak RSS of the netral process (bench/peak-rss.cjs). */
const measured: string[] = [];
const PEAK_RSS = join(REPO, 'bench', 'peak-rss.cjs');

const en = (args: string[]): CliResult & { ms: number } => {
  const started = Date.now();
  const rssFile = join(dir, `rss-${measured.length}.txt`);
  const r = runCli(['--lang', 'en', ...args], FULL ? { env: { NODE_OPTIONS: `--require ${PEAK_RSS}`, BENCH_RSS_FILE: rssFile } } : {});
  const ms = Date.now() - started;
  if (FULL) {
    const rss = existsSync(rssFile) ? `${Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024)} MB` : '?';
    const command = args.map((a) => (a.startsWith(dir) ? a.slice(dir.length + 1) : a)).join(' ').slice(0, 70);
    const line = (r.stderr.trim().split('\n').find((l) => l.startsWith('netral:')) ?? r.stderr.trim().split('\n')[0] ?? '').slice(0, 140).replace(/\|/g, '/');
    measured.push(`| ${expect.getState().currentTestName ?? ''} | ${command} | ${(ms / 1000).toFixed(1)} s | ${rss} | ${r.code} | ${line} |`);
  }
  return { ...r, ms };
};

/** stderr is one line (no stack trace) and does not say "unexpected". */
function oneClearLine(r: CliResult): string {
  const lines = r.stderr.trim().split('\n').filter((l) => !/^\d+ items read|other files in the inputs/.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/unexpected|    at /);
  return lines[0] ?? '';
}

function blobLeftovers(store: string): string[] {
  const folder = `${store}.blobs`;
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true }).map(String).filter((f) => f.includes('.incoming'));
}

function verifies(store: string): void {
  const v = en(['verify', '--store', store]);
  expect(v.code, v.stdout + v.stderr).toBe(0);
  expect(blobLeftovers(store)).toEqual([]);
}

describe('huge lines and cells (case 1)', () => {
  it('a zip member that is one enormous line: one line naming the limit, exit 2; --skip-bad skips it', async () => {
    const zip = await zipWithOneLine(join(dir, 'line.zip'));
    const store = join(dir, 'c1.db');
    const r = en(['scan', zip, '--store', store]);
    expect(r.code).toBe(2);
    // at the 2 GiB the compression ratio (a zip of one repeated phrase) trips first
    expect(oneClearLine(r)).toMatch(/posts\.jsonl.*(longer than 8388608 bytes.*--limit max-line|compression ratio above 1000:1.*--limit max-ratio)/);
    expect(r.ms).toBeLessThan(30_000);
    const skipped = en(['scan', zip, '--store', store, '--skip-bad']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/posts\.jsonl.*skipped/);
    verifies(store);
  }, 120_000);

  it('a single-line JSONL record is refused at the line limit, not at the heap limit', async () => {
    const file = await jsonlOneLine(join(dir, 'big.jsonl'));
    const r = en(['scan', file, '--store', join(dir, 'c1b.db')]);
    expect(r.code).toBe(2);
    expect(oneClearLine(r)).toMatch(/line:1.*--limit max-line/);
  }, 120_000);

  it('a huge CSV cell: refused past max-line; with max-line raised it is matched in windows and the scan says so', async () => {
    const file = await csvHugeCell(join(dir, 'cell.csv'));
    const store = join(dir, 'c1c.db');
    const refused = en(['scan', file, '--store', store, ...(FULL ? [] : ['--limit', 'max-line=1MiB'])]);
    expect(refused.code).toBe(2);
    expect(oneClearLine(refused)).toMatch(/cell\.csv.*--limit max-line/);
    const r = en(['scan', file, '--store', store, '--limit', 'max-line=32MiB', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/matched in overlapping windows of 65536 characters/);
    // the flagged sentence at the very end of the cell is found: nothing was skipped silently
    const out = JSON.parse(r.stdout) as { findings: Array<{ spans?: unknown }> };
    expect(out.findings.length).toBeGreaterThan(0);
    expect(r.ms).toBeLessThan(60_000);
    verifies(store);
  }, 180_000);
});

describe('long non-ASCII text and garbage pages (case 2)', () => {
  it('a long non-ASCII cell scans in seconds and its finding is found', () => {
    const r = en(['scan', csvNonAscii(join(dir, 'na.csv')), '--store', join(dir, 'c2.db'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);

  it('a garbage .html file ends quickly', () => {
    const r = en(['scan', garbageHtml(join(dir, 'garbage.html')), '--store', join(dir, 'c2b.db')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(30_000);
  }, 60_000);
});

describe('deeply nested HTML (case 3)', () => {
  it('is refused with the depth limit named, and --skip-bad skips it', () => {
    const file = nestedHtml(join(dir, 'nested.html'));
    const r = en(['scan', file, '--store', join(dir, 'c3.db')]);
    expect(r.code).toBe(2);
    expect(oneClearLine(r)).toMatch(/nested deeper than 1024 levels.*--limit max-html-depth/);
    const skipped = en(['scan', file, '--store', join(dir, 'c3.db'), '--skip-bad']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/skipped/);
  }, 60_000);
});

describe('a corrupt media member (case 4)', () => {
  it('costs the photo its hash, not the scan: the chat is still read and flagged', async () => {
    const zip = await zipWithCorruptMedia(join(dir, 'media.zip'));
    const store = join(dir, 'c4.db');
    const r = en(['scan', zip, '--store', store, '--skip-bad', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/IMG-20240120-WA0001\.jpg/);
    verifies(store);
  }, 60_000);
});

describe('foreign, broken and missing stores (cases 5, 6, issue 13)', () => {
  it('an unrelated SQLite file is refused and left byte-identical (no tables, no WAL)', () => {
    const foreign = foreignDatabase(join(dir, 'foreign.db'));
    const before = readFileSync(foreign);
    for (const args of [['scan', 'fixtures/demo'], ['review'], ['evidence', 'search', 'prabowo'], ['verify']]) {
      const r = en([...args, '--store', foreign]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(oneClearLine(r)).toMatch(/not a netral store — left untouched/);
    }
    expect(readFileSync(foreign).equals(before)).toBe(true);
    expect(existsSync(`${foreign}-wal`)).toBe(false);
    const db = new Database(foreign, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  }, 120_000);

  it('a corrupt store makes verify fail with SQLite\'s reason', () => {
    const store = join(dir, 'c6.db');
    expect(en(['scan', 'fixtures/demo', '--store', store]).code).toBe(0);
    const db = new Database(store);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(store);
    bytes.fill(0xde, 8192, Math.min(bytes.length, 60_000));
    writeFileSync(store, bytes);
    const r = en(['verify', '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL\s+integrity/);
    expect(r.stdout).toMatch(/malformed|corrupt|not a database/i);
  }, 60_000);

  it('a folder, /dev/null or a missing path is one clear line, and nothing is created', () => {
    mkdirSync(join(dir, 'folder.db'));
    expect(oneClearLine(en(['review', '--store', join(dir, 'folder.db')]))).toMatch(/is a folder/);
    expect(oneClearLine(en(['review', '--store', '/dev/null']))).toMatch(/not a regular file/);
    for (const cmd of [['review'], ['evidence', 'list'], ['export', '--out', join(dir, 'x.zip')], ['verify']]) {
      const r = en([...cmd, '--store', join(dir, 'typo.db')]);
      expect(r.code, cmd.join(' ')).toBe(2);
      expect(oneClearLine(r)).toMatch(/evidence store not found/);
    }
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
    expect(en(['scan', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/created when missing/);
    expect(en(['review', 'list', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/a missing file is refused/);
  }, 60_000);
});

describe('rule files, search, orphans, export targets (cases 8–11)', () => {
  it('a YAML alias bomb names file, line and field', () => {
    const rules = join(dir, 'rules-bomb');
    mkdirSync(rules);
    aliasBombRule(join(rules, 'bomb.yml'));
    const r = en(['rules', 'test', '--rules', rules]);
    // EXIT.config: a rule file is broken; `rules test` reports it as one line of its own report
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/bomb\.yml:4:\d+: b: YAML aliases/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/unexpected|    at /);
  }, 60_000);

  it('a 40 KB broken search query is echoed only by its first characters', () => {
    const store = join(dir, 'c9.db');
    expect(en(['scan', 'fixtures/demo', '--store', store]).code).toBe(0);
    const r = en(['evidence', 'search', '--raw', `"${'a'.repeat(40_000)}`, '--store', store]);
    expect(r.code).toBe(2);
    expect(oneClearLine(r).length).toBeLessThan(400);
  }, 60_000);

  it('verify reports an orphan blob left by a killed scan; verify --repair removes it', () => {
    const store = join(dir, 'c10.db');
    expect(en(['scan', 'fixtures/demo', '--store', store]).code).toBe(0);
    const blobs = `${store}.blobs`;
    mkdirSync(join(blobs, 'ab', 'cd'), { recursive: true });
    // a spool file of a process that no longer exists, and a blob renamed in place but never committed
    writeFileSync(join(blobs, '.incoming-999999-1-abc'), Buffer.alloc(1000));
    const stale = join(blobs, 'ab', 'cd', `abcd${'0'.repeat(60)}`);
    writeFileSync(stale, Buffer.alloc(500));
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    const r = en(['verify', '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/orphan file .*\.incoming-999999-1-abc/);
    expect(r.stdout).toMatch(/orphan file .*abcd0000/);
    const repaired = en(['verify', '--store', store, '--repair']);
    expect(repaired.code, repaired.stdout).toBe(0);
    expect(repaired.stdout).toMatch(/removed/);
    expect(existsSync(stale)).toBe(false);
    verifies(store);
  }, 60_000);

  it('export --out refuses a dangling symlink and a missing parent unless --parents', () => {
    const store = join(dir, 'c11.db');
    expect(en(['scan', 'fixtures/demo', '--store', store]).code).toBe(0);
    const link = join(dir, 'dangling.zip');
    symlinkSync(join(dir, 'nowhere', 'target.zip'), link);
    const viaLink = en(['export', '--store', store, '--out', link]);
    expect(viaLink.code).toBe(2);
    expect(oneClearLine(viaLink)).toMatch(/symbolic link/);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const deep = join(dir, 'a', 'b', 'bundle.zip');
    const noParent = en(['export', '--store', store, '--out', deep]);
    expect(noParent.code).toBe(2);
    expect(oneClearLine(noParent)).toMatch(/parent folder .* does not exist.*--parents/);
    expect(existsSync(join(dir, 'a'))).toBe(false);
    expect(en(['export', '--store', store, '--out', deep, '--parents']).code).toBe(0);
    verifies(store);
  }, 60_000);
});
