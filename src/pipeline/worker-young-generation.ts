// The scan's worker thread starts here: it sets the scan's young-generation bound again
// (src/cli/heap-growth.ts), then loads the worker itself (eval-worker.ts). V8 raises the semi-space
// growth factor to at least 2 whenever it configures a new heap, and the flag is process-wide, so
// starting a worker thread undid the main thread's bound (its young generation grew to 16 MB
// semi-spaces after all) and the worker's own heap grew while it loaded the rule code. Only
// node:v8 is loaded before the flag is set: a static import of the worker would parse its whole
// module graph first. The main thread waits for that (eval-pool.ts, YoungBound): while this thread's
// heap is made and Node boots it, the main thread allocates nothing, so its own young generation
// cannot grow in that window (it used to: 16–32 MB semi-spaces on a busy machine).
import { setFlagsFromString } from 'node:v8';
import { workerData } from 'node:worker_threads';

setFlagsFromString('--semi-space-growth-factor=1');
const bound = (workerData as { youngBound?: Int32Array } | undefined)?.youngBound;
if (bound) {
  Atomics.store(bound, 0, 1);
  Atomics.notify(bound, 0);
}
await import('./eval-worker.js');
