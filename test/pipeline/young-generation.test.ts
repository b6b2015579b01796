// The young-generation pacer of an in-process scan (src/pipeline/young-generation.ts): it reads the
// new space every YOUNG_CHECK_EVERY items and sets V8's growth factor when the factor changes, and the
// same again every YOUNG_REASSERT_EVERY checks (setting a flag in a large process is not free, and a
// worker's heap made since may have raised it). V8 is replaced here by a new space of a given size
// and a record of the flags set.
import { beforeEach, expect, it, vi } from 'vitest';

const v8 = vi.hoisted(() => ({ size: 1024 * 1024, flags: [] as string[] }));
vi.mock('node:v8', () => ({
  getHeapSpaceStatistics: () => [{ space_name: 'new_space', space_size: v8.size }],
  setFlagsFromString: (flag: string) => {
    v8.flags.push(flag);
  },
}));

const { YOUNG_CHECK_EVERY, YOUNG_REASSERT_EVERY, youngGenerationPacer, growYoungGeneration } = await import('../../src/pipeline/young-generation.js');

beforeEach(() => {
  v8.size = 1024 * 1024;
  v8.flags.length = 0;
});

const MB = 1024 * 1024;

it('sets the factor at the first check, then only when it changes or every YOUNG_REASSERT_EVERY checks', () => {
  const pace = youngGenerationPacer(8);
  pace(); // the first call checks
  expect(v8.flags).toEqual(['--semi-space-growth-factor=2']);
  // below 8 MB the factor stays 2: not set again until the re-assertion
  for (let i = 0; i < YOUNG_CHECK_EVERY * (YOUNG_REASSERT_EVERY - 1); i++) pace();
  expect(v8.flags).toHaveLength(1);
  for (let i = 0; i < YOUNG_CHECK_EVERY; i++) pace();
  expect(v8.flags).toEqual(['--semi-space-growth-factor=2', '--semi-space-growth-factor=2']);
  // grown to 8 MB: the factor becomes 1 at the next check
  v8.size = 8 * MB;
  for (let i = 0; i < YOUNG_CHECK_EVERY; i++) pace();
  expect(v8.flags.at(-1)).toBe('--semi-space-growth-factor=1');
  expect(v8.flags).toHaveLength(3);
});

it('growYoungGeneration (one check) sets the factor each time it is asked', () => {
  growYoungGeneration(8);
  growYoungGeneration(8);
  v8.size = 4 * MB;
  growYoungGeneration(8);
  v8.size = 8 * MB;
  growYoungGeneration(8);
  expect(v8.flags).toEqual(['--semi-space-growth-factor=2', '--semi-space-growth-factor=2', '--semi-space-growth-factor=2', '--semi-space-growth-factor=1']);
});
