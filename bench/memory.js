// npm run bench:memory [-- --items 100000] [--factor 4] [--profile clean|heavy] [--jobs 2,1]
//
// Is a scan's memory flat in input size? Generates the same kind of posts as `npm run bench`
// (bench/generate-table.js) at two sizes, N and factor × N, and scans each with the real binary
// into a fresh store, every Pilkada 2024 region plus Pilpres loaded, once per --jobs value, each
// in its own process. Prints peak RSS (the kernel's), CPU and wall seconds per size and the ratio
// of the large input's peak RSS to the small one's: flat memory is a ratio near 1 (the issue's
// bound: ±10 % between 1 M and 3 M items). Not a pass/fail test: the table is the result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateJsonl } from './generate-table.js';
import { BIN, kpuRegistry, kpuSnapshot, measure } from './harness.js';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    factor: { type: 'string', default: '4' },
    profile: { type: 'string', default: 'clean' },
    jobs: { type: 'string', default: '2,1' },
    region: { type: 'string', default: '3273' },
  },
});
const small = Number(args.items);
const large = Math.round(small * Number(args.factor));
const jobs = args.jobs.split(',').map(Number);
const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-memory-'));
try {
  const regDir = await kpuRegistry(dir);
  if (!regDir) console.log(`note: KPU snapshot not found at ${kpuSnapshot()}: scans use the shipped registry only`);
  const inputs = {};
  for (const n of [small, large]) {
    inputs[n] = path.join(dir, `${args.profile}-${n}.jsonl`);
    await generateJsonl(inputs[n], n, args.profile);
  }
  const rows = [];
  for (const j of jobs) {
    const peak = {};
    for (const n of [small, large]) {
      const db = path.join(dir, `scan-${n}-${j}.db`);
      const argv = [BIN, 'scan', inputs[n], '--store', db, '--region', args.region, '--format', 'jsonl', '-q', '--jobs', String(j), ...(regDir ? ['--registry', regDir] : [])];
      const r = measure('netral', argv, { dir, stdout: path.join(dir, `scan-${n}-${j}.jsonl`) });
      peak[n] = r.rss;
      rows.push({ scenario: `${args.profile} JSONL, --jobs ${j}`, items: n, 'wall s': +r.seconds.toFixed(1), 'CPU s': +r.cpu.toFixed(1), 'items/CPU s': Math.round(n / r.cpu), 'peak RSS MB': Math.round(r.rss) });
      rmSync(db, { force: true });
    }
    rows.push({ scenario: `${args.profile} JSONL, --jobs ${j}: peak RSS ${large} / ${small} items`, 'peak RSS MB': +(peak[large] / peak[small]).toFixed(2) });
  }
  console.table(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
