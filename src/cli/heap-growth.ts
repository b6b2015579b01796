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
//
// A scan's young generation is capped the same way: V8 doubles a thread's semi-spaces (1 → 16 MB
// each, 3 × that reserved) whenever a scavenge finds more survivors than they hold, which a scan
// does within its first batches, so every thread carried ~48 MB of young generation for items that
// live one batch. `--max-semi-space-size` cannot change once a heap exists (it is read when the
// isolate is made, so only `node --max-semi-space-size=4` on the command line reached the main
// thread), but the growth factor is read at each growth: at 1 the semi-spaces stay at the size they
// start with. It is set before the scan's modules load (nothing has grown yet); V8 raises the
// factor again whenever a worker thread's heap is made, so each scan worker sets it once more
// (its entry, src/pipeline/worker-young-generation.ts). 100,000 clean posts, `--jobs 2`: peak RSS 313–355 → 265–277 MB
// at the same CPU (bench/HISTORY.md).
import { setFlagsFromString } from 'node:v8';
import { growYoungGenerationNow } from '../pipeline/young-generation.js';

/** Old-generation headroom over the last full collection's survivors, in per cent. */
export const HEAP_GROWING_PERCENT = 30;

/**
 * The headroom while a scan that evaluates every item in this thread starts (its modules and the
 * pack's restore, until `boundHeapGrowth()` after loadRulePack): everything it allocates then
 * stays alive, so a tight bound only buys full collections that free nothing. With every Pilkada
 * region a one-item scan made three (heap 17 → 37 → 53 MB, each finding ~90 % alive), the last
 * one after the restore; at 100 % it makes two, and the scan's first full collection comes at
 * ~2 × the restored heap instead of ~1.3 × before the 30 % bound holds again.
 */
export const START_HEAP_GROWING_PERCENT = 100;

/**
 * Applies the bound to this process: the flag is process-wide and read at every full collection,
 * so it holds for the main thread and for every worker thread started afterwards.
 */
export function boundHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Commands whose young generation keeps the size it starts with: those that scan inputs. */
const YOUNG_BOUNDED = new Set(['scan']);

/**
 * Keeps the semi-spaces at their initial size for `command` (see above): call before the
 * command's modules are imported. Other commands (export, verify) keep V8's default growth.
 * A scan that evaluates every item in this thread (`inProcess`) scans with 8 MB semi-spaces
 * (src/pipeline/young-generation.ts): it grows them to that size here, in one step
 * (growYoungGenerationNow), and no further, before its modules load and its pack is restored.
 * Both only allocate what stays alive (~15 MB of modules, ~40 MB of pack), and through 1–2 MB
 * semi-spaces every scavenge copied survivors and walked the old generation's pointers into the
 * young one: a one-item scan with every Pilkada region made ~43 scavenges, ~20 of them while the
 * modules loaded; grown here, ~26 (bench/NOTES-s55-speed.md). Until stop 55 the growth waited until
 * the modules were loaded (stop 49): a factor left to V8 while they load grew the semi-spaces twice
 * in one synchronous stretch, past the size (4 → 8 → 16 MB); one step at a point of our choosing
 * cannot, and the factor is 1 again before anything else runs. The size is the one the scan keeps
 * anyway: a one-item scan peaks ~4 MB higher (148 → 152 MB), a scan of many rows within its spread.
 */
export function boundYoungGeneration(command: string | undefined, inProcess = false): void {
  if (command === undefined || !YOUNG_BOUNDED.has(command)) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  if (inProcess) growYoungGenerationNow();
}

/**
 * Will this scan evaluate every item in this thread? Read from argv before the options are
 * parsed (their checks come with the command's modules): `--jobs 1`, or no `--jobs` where the
 * default is 1, or `--vision` (read in-process). Any other value, a bad one included, counts as
 * worker threads, the bounded case; the option check then reports a bad value as before.
 */
export function scansInProcess(argv: readonly string[], defaultJobs: () => number): boolean {
  if (argv.includes('--vision')) return true;
  const at = argv.lastIndexOf('--jobs');
  const eq = argv.findLast((a) => a.startsWith('--jobs='));
  // commander takes the last occurrence; a --jobs=n after --jobs n (or before) is rare enough to count as parallel
  if (at >= 0 && eq !== undefined) return false;
  const value = eq !== undefined ? eq.slice('--jobs='.length) : at >= 0 ? argv[at + 1] : undefined;
  if (value === undefined) return at < 0 && defaultJobs() === 1;
  return value.trim() !== '' && Number(value) === 1;
}

/**
 * Marks the old generation on the thread that owns it, not on V8's helper threads, for `command`
 * when it scans (called before the command's modules are imported, as above: no marking has started
 * yet, and a worker thread's heap is made with the flag already set). Each helper thread that marks
 * takes memory from its own malloc arena, which glibc keeps: 100,000 clean posts with `--jobs 2`
 * peaked at 306–318 MB with concurrent marking and ~291 MB without, at the same CPU
 * (bench/HISTORY.md). `--single-threaded-gc` cannot be set once the heap exists (V8 aborts in its C++
 * heap's marker), and parallel scavenging alone changes nothing.
 */
export function markOnOwnThread(command: string | undefined): void {
  if (command !== undefined && YOUNG_BOUNDED.has(command)) setFlagsFromString('--no-concurrent-marking');
}
