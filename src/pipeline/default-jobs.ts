// The default of `netral scan --jobs`. Each evaluating thread pays its own start-up (the pack
// restored from its cache image, its own JIT warm-up) and, with worker threads, a young generation
// bounded to 1 MB semi-spaces so that peak RSS stays under 300 MB (src/cli/heap-growth.ts), where
// a scan in one thread grows its own to 8 MB (young-generation.ts). On a 2-core machine the one
// worker does not clearly pay for that: at the end of stop 42, warm and interleaved, the two
// counts' wall times were within this VM's run-to-run spread (heavy input ran faster with the
// worker in both full bench runs, level in the interleaved pairs), and the in-process scan used 35-40 % less CPU and ~80 MB less
// peak RSS in every pair (bench/HISTORY.md, stop 42; the earlier benches that seemed to favour
// one thread timed the first scan with a cold pack cache). So a machine with two cores or fewer
// scans in one thread by default; with more, one thread per core (not measured here: no such machine).
import { availableParallelism } from 'node:os';

/** Up to this many cores, `scan` evaluates in the main thread alone unless `--jobs` says otherwise. */
export const IN_PROCESS_UP_TO_CORES = 2;

export function defaultJobs(cores: number = availableParallelism()): number {
  return cores <= IN_PROCESS_UP_TO_CORES ? 1 : Math.min(64, cores);
}
