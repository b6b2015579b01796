// How far V8 lets a thread's heap grow before it collects the old generation again. By default
// the limit after a full collection is up to 4× what survived it, and the factor is chosen
// while the rule pack is compiled (little mutator time, so the largest): a scan's live heap
// stays at ~45 MB per thread whatever the input, but short-lived items that outlive two young
// collections (a batch held while a worker evaluates it, a row waiting for its verdict) pile up
// in the old generation until that limit, so peak RSS rose with the number of items read (20,000
// → 200,000 clean posts: 322 → 485 MB with two threads) long after the live set was flat.
// A 30 % margin keeps every thread's heap near its live set; a full collection of ~45 MB takes
// ~40 ms and comes every ~15 MB of survivors, so it costs little next to the scan itself.
// `export` leans on the same bound: it makes far more short-lived garbage (each finding's record,
// CSV row and card) than it keeps, 630 MB RSS at 100,000 findings under the default, ~310 MB here.
import { setFlagsFromString } from 'node:v8';

/** Old-generation headroom over the last full collection's survivors, in per cent. */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Applies the bound to this process: the flag is process-wide and read at every full collection,
 * so it holds for the main thread and for every worker thread started afterwards.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
