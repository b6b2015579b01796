// The young generation of a scan that evaluates every item in its one thread (`--jobs 1`).
// src/cli/heap-growth.ts keeps a scan's semi-spaces at the size they start with (1 MB): with worker
// threads every thread would otherwise carry ~48 MB of young generation. In one thread that bound
// made a clean scan of 100,000 posts take ~1,440 scavenges, each promoting the rows of the chunk
// being evaluated, and garbage collection ~19 % of its CPU; with 8 MB semi-spaces, ~170 scavenges.
// The young generation is then 3 × 8 MB in the one thread that holds it; it grows there in one
// step as soon as the command is known, before the modules load (src/cli/heap-growth.ts), and the
// pacer (eval-pool.ts) keeps it from growing further.
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
 * where two growths would need ~14 MB of survivors. V8 raises it whenever a worker thread's heap
 * is made (the pack compiler, OCR), so the pacer sets it again now and then (YOUNG_REASSERT_EVERY).
 * `--max-semi-space-size` is read only when a heap is made. The flag is process-wide: only for a
 * scan with no worker threads that evaluate.
 */
export function growYoungGeneration(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): void {
  const factor = youngGrowthFactor(mb);
  if (factor !== undefined) setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** The growth factor growYoungGeneration sets now (undefined: no young generation to read). */
function youngGrowthFactor(mb: number): number | undefined {
  const size = newSpaceSize();
  if (size <= 0) return undefined;
  return size * 2 <= mb * 1024 * 1024 ? 2 : 1;
}

/** This thread's semi-space size in bytes (0: no young generation to read). */
function newSpaceSize(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Checks between two settings of an unchanged factor. Setting a V8 flag in a scan's process costs
 * ~0.3 ms of CPU (~5 µs in a fresh one): set at every check (every 16 items) it was ~10 % of a
 * 20,000-row clean scan's CPU. The factor is set when it changes, and the same again every
 * REASSERT_EVERY checks (512 items), for a worker's heap made since (the OCR engine's) that raised it.
 */
export const YOUNG_REASSERT_EVERY = 32;

/**
 * Grows this thread's semi-spaces to `mb` now, in one step, and no further. V8 grows them only at a
 * young collection that finds more survivors since the last growth than they hold, by the growth
 * factor: so the factor is set to the ratio, a few MB of small objects are held until a collection has
 * grown them (or ~4 × their size was made), and the factor is set back to 1 before any other work runs.
 * Returns the semi-space size reached, in bytes.
 */
export function growYoungGenerationNow(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): number {
  const from = newSpaceSize();
  const target = mb * 1024 * 1024;
  const factor = from > 0 ? Math.floor(target / from) : 1;
  if (factor >= 2) {
    setFlagsFromString(`--semi-space-growth-factor=${factor}`);
    try {
      let held: number[][] | undefined = [];
      // ~32 bytes each (a one-element array and its store); a check every ~0.5 MB
      for (let made = 0; made < 4 * from && newSpaceSize() === from; made += 16_384 * 32) for (let i = 0; i < 16_384; i++) held.push([i]);
      held = undefined;
    } finally {
      setFlagsFromString('--semi-space-growth-factor=1');
    }
  } else setFlagsFromString('--semi-space-growth-factor=1');
  return newSpaceSize();
}

/** A function to call after each item or row this thread evaluates: growYoungGeneration every YOUNG_CHECK_EVERY calls. */
export function youngGenerationPacer(mb: number = SINGLE_THREAD_SEMI_SPACE_MB): () => void {
  let since = YOUNG_CHECK_EVERY - 1; // the first call checks
  let set: number | undefined;
  let unchanged = 0;
  return () => {
    if (++since < YOUNG_CHECK_EVERY) return;
    since = 0;
    const factor = youngGrowthFactor(mb);
    if (factor === undefined || (factor === set && ++unchanged < YOUNG_REASSERT_EVERY)) return;
    setFlagsFromString(`--semi-space-growth-factor=${factor}`);
    set = factor;
    unchanged = 0;
  };
}
