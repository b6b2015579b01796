import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
// How many cases each property runs: a few in `npm test`, many under `npm run fuzz`
// (FUZZ_RUNS per property, FUZZ_SECONDS for the whole run's time budget).
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) > 0 ? Number(process.env.FUZZ_RUNS) : 60;
export const FUZZ_SECONDS = Number(process.env.FUZZ_SECONDS) > 0 ? Number(process.env.FUZZ_SECONDS) : 0;

/** Cases run so far, per property (written to FUZZ_REPORT at the end of `npm run fuzz`). */
export const fuzzCounts = new Map<string, number>();

export function countCase(name: string): void {
  fuzzCounts.set(name, (fuzzCounts.get(name) ?? 0) + 1);
}

/** Under `npm run fuzz`: this test file's counts, into the FUZZ_REPORT folder (one file per test file). */
export function writeFuzzReport(file: string): void {
  if (process.env.FUZZ_REPORT) writeFileSync(join(process.env.FUZZ_REPORT, `${file}.json`), JSON.stringify(Object.fromEntries(fuzzCounts)));
}
