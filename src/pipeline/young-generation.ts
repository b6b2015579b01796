// The young generation of a scan that evaluates every item in its one thread (`--jobs 1`).
// src/cli/heap-growth.ts keeps a scan's semi-spaces at the size they start with (1 MB): with worker
// threads every thread would otherwise carry ~48 MB of young generation. In one thread that bound
// made a clean scan of 100,000 posts take ~1,440 scavenges, each promoting the rows of the chunk
// being evaluated, and garbage collection ~19 % of its CPU; with 8 MB semi-spaces, ~170 scavenges.
// The young generation is then 3 × 8 MB in the one thread that holds it.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Semi-space size of an in-process scan, in MB. */
export const SINGLE_THREAD_SEMI_SPACE_MB = 8;

let grown: boolean | undefined;

/**
 * Lets this thread's semi-spaces grow (V8 doubles them while scavenges find many survivors, as a
 * scan's first chunks do) until they reach `mb`, then keeps them there. Called between chunks:
 * `--max-semi-space-size` is read only when a heap is made, the growth factor at every growth.
 * The flag is process-wide: only for a scan with no worker threads.
 */
export function growYoungGeneration(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): void {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young) return;
  const reached = young.space_size >= mb * 1024 * 1024;
  if (reached === grown) return;
  grown = reached;
  setFlagsFromString(`--semi-space-growth-factor=${reached ? 1 : 2}`);
}

/**
 * growYoungGeneration from the start of an in-process scan (src/cli/heap-growth.ts): checked after
 * every collection until the young generation has reached its size. Loading the modules reads
 * their files asynchronously, so the check runs between the collections of the start-up; the pack's
 * restore is synchronous, and main.ts checks once more before it (`growYoungGeneration()`).
 */
export function growYoungGenerationFromStart(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): void {
  growYoungGeneration(mb);
  if (grown) return;
  const observer = new PerformanceObserver(() => {
    growYoungGeneration(mb);
    if (grown) observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
