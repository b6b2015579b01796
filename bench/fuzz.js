// npm run fuzz [-- <seconds>]: the property tests of test/properties with many more cases, inside a
// time budget (default 300 s). Prints the number of cases run per property and in all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seconds = Number(process.argv[2] ?? process.env.FUZZ_SECONDS ?? 300);
const report = mkdtempSync(join(tmpdir(), 'netral-fuzz-'));
const env = { ...process.env, FUZZ_SECONDS: String(seconds), FUZZ_RUNS: process.env.FUZZ_RUNS ?? '1000000', FUZZ_REPORT: report };
const r = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/properties', '--testTimeout', String((seconds + 120) * 1000), '--no-file-parallelism'], { env, stdio: 'inherit' });
const counts = {};
for (const f of readdirSync(report)) Object.assign(counts, JSON.parse(readFileSync(join(report, f), 'utf8')));
const total = Object.values(counts).reduce((n, c) => n + c, 0);
for (const [name, n] of Object.entries(counts)) console.log(`${String(n).padStart(9)}  ${name}`);
console.log(`${String(total).padStart(9)}  cases in all (${seconds} s budget), exit ${r.status}`);
process.exit(r.status ?? 1);
