// The default of `scan --jobs` (src/pipeline/default-jobs.ts): on two cores or fewer a scan evaluates
// in one thread, which the quiet-machine benches measured faster there than one worker beside it.
import { availableParallelism } from 'node:os';
import { expect, it } from 'vitest';
import { defaultJobs, IN_PROCESS_UP_TO_CORES } from '../../src/pipeline/default-jobs.js';

it('a machine with two cores or fewer scans in-process; a larger one gets one thread per core, at most 64', () => {
  expect(IN_PROCESS_UP_TO_CORES).toBe(2);
  expect([1, 2].map((cores) => defaultJobs(cores))).toEqual([1, 1]);
  expect([3, 4, 16, 64, 128].map((cores) => defaultJobs(cores))).toEqual([3, 4, 16, 64, 64]);
  expect(defaultJobs()).toBe(defaultJobs(availableParallelism()));
});
