// The default of `netral scan --jobs`. Each evaluating thread pays its own start-up (the pack
// restored from its cache image, its own JIT warm-up) and, with worker threads, a young generation
// bounded to 1 MB semi-spaces so that peak RSS stays under 300 MB (src/cli/heap-growth.ts), where
// a scan in one thread grows its own to 8 MB (young-generation.ts). On a 2-core machine the one
// worker did not make up for that: quiet-machine benches at the end of stops 40 and 41 had the
// in-process scan faster in wall time on clean JSONL (5.9× against 6.5×, 6.8× against 8.1× the
// floor) and clean CSV, level on heavy input (within 1 %), at ~40 % less CPU and ~70 MB less
// peak RSS (README, Performance, stop 42). So a machine with two cores or fewer scans in one
// thread by default; with more, one thread per core (not measured here: no such machine).
import { availableParallelism } from 'node:os';

/** Up to this many cores, `scan` evaluates in the main thread alone unless `--jobs` says otherwise. */
export const IN_PROCESS_UP_TO_CORES = 2;

export function defaultJobs(cores: number = availableParallelism()): number {
  return cores <= IN_PROCESS_UP_TO_CORES ? 1 : Math.min(64, cores);
}
