// The young generation of a scan that evaluates every item in its one thread (`--jobs 1`).
// src/cli/heap-growth.ts keeps a scan's semi-spaces at the size they start with (1 MB): with worker
// threads every thread would otherwise carry ~48 MB of young generation. In one thread that bound
// made a clean scan of 100,000 posts take ~1,440 scavenges, each promoting the rows of the chunk
// being evaluated, and garbage collection ~19 % of its CPU; with 8 MB semi-spaces, ~170 scavenges.
// The young generation is then 3 × 8 MB in the one thread that holds it; it grows there once the
// scan evaluates (eval-pool.ts), not while the modules load (src/cli/heap-growth.ts).
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Semi-space size of an in-process scan, in MB. */
export const SINGLE_THREAD_SEMI_SPACE_MB = 8;

/** Items or rows evaluated in this thread between two checks (a check costs ~4 µs). */
export const YOUNG_CHECK_EVERY = 16;

/**
 * Lets this thread's semi-spaces grow to `mb` and no further. V8 multiplies the semi-spaces by the
 * growth factor at each growth (when a scavenge, or a full collection, finds more survivors than they
 * hold since the last growth), and only JavaScript can change the factor, between two pieces of
 * synchronous work. Two growths between checks overshot: 4 → 8 → 16 MB while the bundle loaded, and
 * 2 → 8 → 32 MB in a cold scan's first chunk (factor 4, then a full collection grew it again). So the
 * factor only doubles, never past `mb`, and it is checked every few items (`youngGenerationPacer`),
 * where two growths would need ~14 MB of survivors. It is set at every check, not only when it
 * changes: V8 raises it whenever a worker thread's heap is made (the pack compiler, OCR).
 * `--max-semi-space-size` is read only when a heap is made. The flag is process-wide: only for a
 * scan with no worker threads that evaluate.
 */
export function growYoungGeneration(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): void {
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size <= 0) return;
  const target = mb * 1024 * 1024;
  const factor = young.space_size * 2 <= target ? 2 : 1;
  setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** A function to call after each item or row this thread evaluates: growYoungGeneration every YOUNG_CHECK_EVERY calls. */
export function youngGenerationPacer(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): () => void {
  let since = YOUNG_CHECK_EVERY - 1; // the first call checks
  return () => {
    if (++since < YOUNG_CHECK_EVERY) return;
    since = 0;
    growYoungGeneration(mb);
  };
}
