// A scan keeps its young generation at the size it starts with (src/cli/heap-growth.ts): V8 would
// grow each thread's semi-spaces to 16 MB within the first batches, also after a worker starts. A scan
// with no worker thread (--jobs 1) lets its one thread grow to 8 MB semi-spaces and no further
// (src/pipeline/young-generation.ts): the growth factor is the ratio to 8 MB, so no synchronous
// stretch can step past it. Other commands keep V8's default growth. Measured in the real binary, through a preload that records the largest new space.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateJsonl } from '../../bench/generate-table.js';
import { BIN, REPO } from './run-cli.js';
import { SINGLE_THREAD_SEMI_SPACE_MB } from '../../src/pipeline/young-generation.js';

const PRELOAD = fileURLToPath(new URL('../support/young-generation.cjs', import.meta.url));
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-young-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The largest new space (bytes) of the main thread while running `netral <args>`. */
function largestYoung(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const log = path.join(dir, `young-${Math.random().toString(16).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--require', PRELOAD, BIN, ...args], {
    cwd: REPO,
    env: { ...process.env, NETRAL_YOUNG_LOG: log, NO_COLOR: '1', LANG: 'C', ...env },
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect([0, 1], r.stderr).toContain(r.status);
  return Number(readFileSync(log, 'utf8'));
}

it('a scan with --jobs 1 grows its young generation to 8 MB semi-spaces and no further; the default growth would reach 16 MB', async () => {
  const input = path.join(dir, 'posts.jsonl');
  await generateJsonl(input, 3000, 'clean');
  const scan = ['scan', input, '--store', path.join(dir, 'a.db'), '--region', '3273', '--format', 'jsonl', '-q', '--jobs', '1'];
  const bounded = largestYoung(scan);
  expect(bounded).toBeGreaterThan(0);
  expect(bounded).toBeLessThanOrEqual(SINGLE_THREAD_SEMI_SPACE_MB * MB);
  // the same scan without the bound (the preload drops the flag): V8 grows the young generation further
  const grown = largestYoung(['scan', input, '--store', path.join(dir, 'b.db'), ...scan.slice(4)], { NETRAL_YOUNG_DEFAULT: '1' });
  expect(grown).toBeGreaterThan(bounded);
}, 600_000);

it('a one-item scan with --jobs 1 has its 8 MB semi-spaces from the pack\'s restore on, and no more', () => {
  // grown in one step once the modules are loaded (src/cli/heap-growth.ts): one item alone never grows them
  const input = path.join(dir, 'one.jsonl');
  writeFileSync(input, '{"text":"Selamat pagi, rapat koordinasi jam sembilan di aula kantor."}\n');
  const young = largestYoung(['scan', input, '--store', path.join(dir, 'one.db'), '--region', '3273', '--format', 'jsonl', '-q', '--jobs', '1']);
  expect(young).toBe(SINGLE_THREAD_SEMI_SPACE_MB * MB);
  // with worker threads the bound holds from the start, as before
  const parallel = largestYoung(['scan', input, '--store', path.join(dir, 'one-2.db'), '--region', '3273', '--format', 'jsonl', '-q', '--jobs', '2']);
  expect(parallel).toBeLessThanOrEqual(4 * MB);
}, 600_000);

it('an in-process scan has its 8 MB semi-spaces before its modules load', () => {
  // the modules (~15 MB) and the pack (~40 MB) all stay alive: through 1–2 MB semi-spaces a one-item
  // scan made ~20 more scavenges while its modules loaded (stop 55)
  const input = path.join(dir, 'early.jsonl');
  writeFileSync(input, '{"text":"Selamat pagi, rapat koordinasi jam sembilan di aula kantor."}\n');
  const atModules = (jobs: string): number => {
    const log = path.join(dir, `before-${jobs}.txt`);
    largestYoung(['scan', input, '--store', path.join(dir, `early-${jobs}.db`), '--region', '3273', '--format', 'jsonl', '-q', '--jobs', jobs], { NETRAL_YOUNG_BEFORE_MODULES_LOG: log });
    return Number(readFileSync(log, 'utf8'));
  };
  expect(atModules('1')).toBe(SINGLE_THREAD_SEMI_SPACE_MB * MB);
  // with worker threads the semi-spaces keep the size they start with
  expect(atModules('2')).toBeLessThanOrEqual(2 * MB);
}, 600_000);

it('with a worker thread too: starting one does not undo the main thread\'s bound', async () => {
  const input = path.join(dir, 'posts-jobs.jsonl');
  await generateJsonl(input, 3000, 'clean');
  // 3,000 posts fill batches, so the worker starts; V8 raises the growth factor when it makes the
  // worker's heap, which let the main thread's young generation reach 16–32 MB before the worker set
  // the bound again first thing. The main thread now waits for that (eval-pool.ts): it keeps the
  // size it starts with, as a scan too small to start a worker does.
  const young = largestYoung(['scan', input, '--store', path.join(dir, 'c.db'), '--region', '3273', '--format', 'jsonl', '-q', '--jobs', '2']);
  expect(young).toBeGreaterThan(0);
  // (1 MB semi-spaces: a new space of ~2 MB; it reached 17–34 MB on 100,000 posts before)
  expect(young).toBeLessThanOrEqual(4 * MB);
}, 600_000);
