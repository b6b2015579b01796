// The young generation of a scan that evaluates every item in its one thread (`--jobs 1`).
// src/cli/heap-growth.ts keeps a scan's semi-spaces at the size they start with (1 MB): with worker
// threads every thread would otherwise carry ~48 MB of young generation. In one thread that bound
// made a clean scan of 100,000 posts take ~1,440 scavenges, each promoting the rows of the chunk
// being evaluated, and garbage collection ~19 % of its CPU; with 8 MB semi-spaces, ~170 scavenges.
// The young generation is then 3 × 8 MB in the one thread that holds it; it grows there once the
// scan's first chunks are evaluated (scan.ts), not while the modules load (src/cli/heap-growth.ts).
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Semi-space size of an in-process scan, in MB. */
export const SINGLE_THREAD_SEMI_SPACE_MB = 8;

/** The growth factor this thread last set, or undefined before the first call. */
let factorSet: number | undefined;

/**
 * Lets this thread's semi-spaces grow to `mb` and no further. V8 multiplies the semi-spaces by the
 * growth factor at each growth (when a scavenge finds more survivors than they hold), and only
 * JavaScript can change the factor, between two pieces of synchronous work: a factor of 2 let a
 * synchronous stretch grow them 4 → 8 → 16 MB before the next check could stop it. So the factor is
 * the ratio to the target: the next growth lands on it exactly, and the check after that sets 1.
 * Called between chunks: `--max-semi-space-size` is read only when a heap is made, the growth factor
 * at every growth. The flag is process-wide: only for a scan with no worker threads.
 */
export function growYoungGeneration(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): void {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size <= 0) return;
  const target = mb * 1024 * 1024;
  const factor = young.space_size >= target ? 1 : Math.max(1, Math.floor(target / young.space_size));
  if (factor === factorSet) return;
  factorSet = factor;
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}
