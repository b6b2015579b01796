// The real binary in the terminals people run it in: a pseudo-terminal (util-linux `script`) that
// reports 0 columns, Ctrl-C and kill in the middle of a scan, a pipe that closes early.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, runCli } from './run-cli.js';

const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let dir: string;
/** a CSV big enough that a scan is still running when the test interrupts it */
let bigCsv: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-terminal-'));
  bigCsv = path.join(dir, 'posts.csv');
  const rows = ['text,created_at'];
  for (let i = 0; i < 20000; i++) rows.push(`"Ayo dukung Prabowo Gibran nomor 2 di TPS nanti, pesan ${i}",2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`);
  writeFileSync(bigCsv, `${rows.join('\n')}\n`);
});

/** A store holding the demo scan; returns its row counts. */
function seededStore(name: string): { store: string; counts: () => Record<string, number> } {
  const store = path.join(dir, name);
  expect(runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '-q', '--format', 'jsonl']).code).toBe(0);
  const counts = () => {
    const db = new Database(store, { readonly: true });
    try {
      return Object.fromEntries(['runs', 'findings', 'items', 'captures', 'custody_log'].map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    } finally {
      db.close();
    }
  };
  return { store, counts };
}

/**
 * Run the binary under `script` (a real pseudo-terminal). `stty` sets its size first; `onOutput`
 * sees everything the terminal shows and may type into it.
 */
function underPty(args: string[], options: { columns: number; onOutput?: (all: string, type: (s: string) => void) => void }): Promise<{ code: number | null; output: string }> {
  const command = `stty cols ${options.columns} rows 24; exec ${sh(process.execPath)} ${sh(BIN)} ${args.map(sh).join(' ')}`;
  // a person's terminal, not a CI job: ora draws no progress at all when CI is set (.ci/run sets it)
  const { CI: _ci, ...env } = process.env;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO, env: { ...env, TERM: 'xterm', LANG: 'C', NO_COLOR: '' } });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    output += d;
    options.onOutput?.(output, (s) => child.stdin.write(s));
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe.skipIf(!HAS_SCRIPT)('under a pseudo-terminal', { timeout: 120_000 }, () => {
  it('a terminal that reports 0 columns gets no spinner, and the scan finishes', async () => {
    const store = path.join(dir, 'zero.db');
    const r = await underPty(['scan', 'fixtures/demo', '--region', '3299', '--store', store], { columns: 0 });
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/58 butir dibaca dari 20 berkas/);
    // no spinner frames or cursor-clearing codes
    expect(r.output).not.toMatch(/\u001b\[\d*K|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    expect(r.output.length).toBeLessThan(200_000);
  });

  it('Ctrl-C in the middle of a scan rolls it back: exit 130, the store unchanged, no report file', async () => {
    const { store, counts } = seededStore('ctrl-c.db');
    const before = counts();
    const report = path.join(dir, 'ctrl-c.jsonl');
    let typed = false;
    // the report goes to a file: the terminal shows only the progress line the test waits for
    const r = await underPty(['scan', bigCsv, '--store', store, '--format', 'jsonl', '--output', report], {
      columns: 100,
      onOutput: (all, type) => {
        // the spinner shows items read: the scan is under way, its run open
        if (!typed && /[1-9]\d* butir dibaca/.test(all.slice(-400))) {
          typed = true;
          type('\u0003');
        }
      },
    });
    expect(typed).toBe(true);
    expect(r.code).toBe(130);
    expect(r.output).toContain('dihentikan (SIGINT)');
    expect(r.output).not.toMatch(/at .*\.js:\d+/);
    expect(counts()).toEqual(before);
    expect(existsSync(report)).toBe(false);
  });
});

describe('off a terminal', { timeout: 120_000 }, () => {
  it('SIGTERM in the middle of a scan rolls it back: exit 143, the store unchanged', async () => {
    const { store, counts } = seededStore('sigterm.db');
    const before = counts();
    const child = spawn(process.execPath, [BIN, 'scan', bigCsv, '--store', store, '--verbose', '--format', 'jsonl'], { cwd: REPO, env: { ...process.env, LANG: 'C' } });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      // --verbose says when the run has started
      if (!killed && /pemindaian dimulai/.test(stderr)) {
        killed = true;
        child.kill('SIGTERM');
      }
    });
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(143);
    expect(stderr).toContain('dihentikan (SIGTERM)');
    expect(counts()).toEqual(before);
  });

  it('| head -1 ends quietly with exit 0, no stack trace', () => {
    const store = path.join(dir, 'pipe.db');
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${sh(process.execPath)} ${sh(BIN)} scan fixtures/demo --region 3299 --store ${sh(store)} --format jsonl -q | head -1`], { cwd: REPO, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout) as { schema: string }).toMatchObject({ schema: 'netral.finding/2' });
    expect(r.stderr).not.toMatch(/EPIPE|Error|at .*:\d+:\d+/);
  });
});
