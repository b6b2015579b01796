// npm run bench:evidence: the evidence store sized by what was found, and the commands that run on
// it after a scan. Two parts, numbers printed as tables (nothing here is a pass/fail test):
//  1. Store size for a large row input with few findings: a generated JSONL (BENCH_EVIDENCE_ROWS,
//     default 200,000 rows, clean ≈ 0.5 % violating) scanned by the CLI into a fresh store, by
//     default and with --keep-originals: store bytes (SQLite file + WAL + blob folder) and bytes
//     per finding.
//  2. A store with BENCH_FINDINGS (default 100,000) findings, built through the real store API
//     from the findings a scan of a small heavy input produced (each copied with its own item,
//     row and finding id), then timed by the CLI under /usr/bin/time (wall and CPU seconds, peak
//     RSS): review list and evidence list --limit 50, verify, export (and its largest report page); plus the store's
//     bytes per finding. BENCH_KEEP=1 keeps the temporary folder. BENCH_STORE=<file> keeps the
//     100,000-finding store there and reuses it on the next run (building it takes minutes); the
//     timed commands only read it, except export, which adds one custody entry.
// NETRAL_ROOT=<checkout> runs another build (e.g. main, for before/after numbers); its dist/ must be built.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateJsonl } from './generate-table.js';
import { replayFindings } from './replay-findings.js';

const ROOT = path.resolve(process.env.NETRAL_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
const BIN = path.join(ROOT, 'bin', 'netral.js');
const rows = Number(process.env.BENCH_EVIDENCE_ROWS ?? 200_000);
const target = Number(process.env.BENCH_FINDINGS ?? 100_000);
const parts = (process.env.BENCH_PARTS ?? 'size,post').split(',');
const MB = 1e6;

const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-evidence-'));
try {
  if (parts.includes('size')) await sizePart();
  if (parts.includes('post')) await postScanPart();
} finally {
  if (process.env.BENCH_KEEP) console.log(`(kept ${dir})`);
  else rmSync(dir, { recursive: true, force: true });
}

/**
 * Run the CLI under /usr/bin/time: wall seconds, CPU seconds (user + system: the figure that holds
 * on a machine shared with other work) and peak RSS (MB).
 */
function cli(args, { allowFail = false } = {}) {
  const timeFile = path.join(dir, `time-${process.hrtime.bigint()}`);
  const child = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, process.execPath, BIN, ...args], { env: { ...process.env, NETRAL_LANG: 'en' }, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0 && !allowFail) throw new Error(`netral ${args.join(' ')} exited ${child.status}:\n${child.stderr}`);
  const [wall, user, sys, rssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { seconds: wall, cpu: user + sys, rssMb: (rssKb * 1024) / MB, stdout: child.stdout, stderr: child.stderr, status: child.status };
}

/** SQLite file + WAL + the blob folder beside it. */
function storeBytes(db) {
  let total = 0;
  for (const f of [db, `${db}-wal`]) if (existsSync(f)) total += statSync(f).size;
  const blobs = `${db}.blobs`;
  if (existsSync(blobs)) for (const e of readdirSync(blobs, { recursive: true, withFileTypes: true })) if (e.isFile()) total += statSync(path.join(e.parentPath, e.name)).size;
  return total;
}

async function sizePart() {
  const input = path.join(dir, 'rows.jsonl');
  await generateJsonl(input, rows, 'clean');
  const inputBytes = statSync(input).size;
  const table = [];
  for (const [label, extra] of [['default', []], ['--keep-originals', ['--keep-originals']]]) {
    const db = path.join(dir, `size-${table.length}.db`);
    // a shared machine can take longer than the default per-file budget for 200,000 rows
    const run = cli(['scan', input, '--store', db, '-q', '--format', 'json', '-o', path.join(dir, 'scan.json'), '--limit', 'file-time=7200s', ...extra], { allowFail: true });
    if (run.status !== 0 && run.status !== 1) {
      // a build without --keep-originals: nothing to compare
      table.push({ mode: label, note: `exit ${run.status}: ${run.stderr.split('\n')[0]}` });
      continue;
    }
    const findings = JSON.parse(readFileSync(path.join(dir, 'scan.json'), 'utf8')).findings?.length ?? NaN;
    const bytes = storeBytes(db);
    table.push({ mode: label, 'input MB': (inputBytes / MB).toFixed(1), rows, findings, 'store MB': (bytes / MB).toFixed(2), 'KB/finding': (bytes / findings / 1000).toFixed(1), 'scan s': run.seconds.toFixed(1), 'scan CPU s': run.cpu.toFixed(1) });
  }
  console.log(`\nStore size: ${rows} JSONL rows, clean profile (${ROOT})`);
  console.table(table);
}

async function postScanPart() {
  const reuse = process.env.BENCH_STORE ? path.resolve(process.env.BENCH_STORE) : undefined;
  if (reuse && existsSync(reuse)) return timePostScan(reuse, 'reused');
  const dist = (p) => import(path.join(ROOT, 'dist', p));
  const { loadRulePack, ruleRecord } = await dist('rules/pack.js');
  const { runScan } = await dist('pipeline/scan.js');
  const { openStore } = await dist('store/store.js');
  const { makeItem, findingId } = await dist('model/index.js');

  // the template: real findings of a small heavy input (≈ 30 % of rows violate)
  const input = path.join(dir, 'heavy.jsonl');
  await generateJsonl(input, 3000, 'heavy');
  const pack = await loadRulePack({});
  const template = openStore(path.join(dir, 'template.db'));
  const found = (await runScan({ inputs: [input], pack, store: template, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'bench', command: 'bench' })).findings;
  template.close();
  const rules = new Map(pack.rules.map((r) => [r.def.id, ruleRecord(r)]));

  // the big store: each copy gets its own item (text suffix), row and finding id
  const db = reuse ?? path.join(dir, 'big.db');
  const store = openStore(db);
  const t0 = performance.now();
  const run = store.beginRun({ command: 'bench', actor: 'bench' });
  const capture = found[0].capture;
  const bigBytes = 400 * target;
  const hash = createHash('sha256');
  for await (const chunk of zeros(bigBytes)) hash.update(chunk);
  const bigCapture = { ...capture, id: capture.id.replace(/^./, 'f'), sha256: hash.digest('hex'), bytes: bigBytes };
  // rows mode when this build has it: the row file is not stored whole
  if (run.putRow) await run.putCapture(bigCapture, Buffer.alloc(0), 'rows');
  else await run.putCapture(bigCapture, () => Promise.resolve(zeros(bigBytes)));
  replayFindings(run, { found, rules, capture: bigCapture, target, makeItem, findingId });
  run.finish();
  store.close();
  const buildSeconds = (performance.now() - t0) / 1000;
  return timePostScan(db, `${found.length} real findings copied; store built in ${buildSeconds.toFixed(1)} s`);
}

/** Time the commands that run after a scan on the store `db`. */
function timePostScan(db, note) {
  // checkpointed, as a store is after its writer closes
  const bytes = storeBytes(db);
  const sqlite = new Database(db, { readonly: true });
  const n = sqlite.prepare('SELECT count(*) FROM findings').pluck().get();
  sqlite.close();

  console.log(`\nAfter the scan: ${n} findings (${note}) (${ROOT}, store ${db})`);
  // each line as soon as it is measured: a slow command does not hide the others
  const line = (measure, value, goal) => console.log(`  ${measure.padEnd(28)} ${value.padEnd(48)} target ${goal}`);
  const rowBytes = hitRowBytes(db);
  line('store bytes per finding', `${(bytes / n).toFixed(0)} B: ${((bytes - rowBytes) / n).toFixed(0)} B + ${(rowBytes / n).toFixed(0)} B hit rows`, '≤ 1,500 B + compressed hit rows');
  const list = cli(['review', 'list', '--store', db, '--limit', '50']);
  const start = cli(['--version']);
  line('review list --limit 50', `${(list.seconds * 1000).toFixed(0)} ms wall, ${(list.cpu * 1000).toFixed(0)} ms CPU (netral --version: ${(start.cpu * 1000).toFixed(0)} ms CPU)`, '≤ 200 ms');
  const evidenceList = cli(['evidence', 'list', '--store', db, '--limit', '50']);
  line('evidence list --limit 50', `${(evidenceList.seconds * 1000).toFixed(0)} ms wall, ${(evidenceList.cpu * 1000).toFixed(0)} ms CPU`, '≤ 200 ms');
  const ver = cli(['verify', '--store', db], { allowFail: true });
  line('verify', `${ver.seconds.toFixed(1)} s wall, ${ver.cpu.toFixed(1)} s CPU, ${ver.rssMb.toFixed(0)} MB RSS${ver.status ? ` (exit ${ver.status})` : ''}`, '≤ 10 s');
  const out = path.join(dir, 'bundle');
  const exp = cli(['export', '--store', db, '--out', out, '--profile', 'full']);
  line('export --profile full', `${exp.seconds.toFixed(1)} s wall, ${exp.cpu.toFixed(1)} s CPU, ${exp.rssMb.toFixed(0)} MB RSS`, '≤ 30 s, ≤ 400 MB');
  let largest = { name: '-', bytes: 0 };
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.html')) {
      const size = statSync(path.join(e.parentPath, e.name)).size;
      if (size > largest.bytes) largest = { name: path.relative(out, path.join(e.parentPath, e.name)), bytes: size };
    }
  }
  line('largest report page', `${(largest.bytes / MB).toFixed(2)} MB (${largest.name})`, '≤ 10 MB');
}

/** Bytes of the flagged rows (capture_rows, flagged_rows since schema 11, and their indexes) in the SQLite file, by SQLite's dbstat. */
function hitRowBytes(db) {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.prepare("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name IN ('capture_rows', 'flagged_rows'))").pluck().get();
  } catch {
    return 0;
  } finally {
    sqlite.close();
  }
}

async function* zeros(total) {
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let left = total; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
}
