// Whether a scan evaluates in its own thread is read from argv before the options are parsed
// (src/cli/heap-growth.ts): such a scan lets its young generation grow from the start, up to the
// size it would reach anyway; any doubt counts as worker threads, the bounded case.
import { expect, it } from 'vitest';
import { scansInProcess } from '../../src/cli/heap-growth.js';

const argv = (...a: string[]) => ['node', 'netral', 'scan', 'posts.jsonl', ...a];

it('no --jobs: the default decides', () => {
  expect(scansInProcess(argv(), () => 1)).toBe(true);
  expect(scansInProcess(argv(), () => 4)).toBe(false);
});

it('--jobs 1 and --jobs=1 scan in process whatever the default; other counts and bad values do not', () => {
  expect(scansInProcess(argv('--jobs', '1'), () => 4)).toBe(true);
  expect(scansInProcess(argv('--jobs=1'), () => 4)).toBe(true);
  expect(scansInProcess(argv('--jobs', '2'), () => 1)).toBe(false);
  expect(scansInProcess(argv('--jobs=2'), () => 1)).toBe(false);
  for (const bad of ['', 'x', '0', '1.5']) expect(scansInProcess(argv('--jobs', bad), () => 1)).toBe(false);
  // commander keeps the last value
  expect(scansInProcess(argv('--jobs', '2', '--jobs', '1'), () => 4)).toBe(true);
  expect(scansInProcess(argv('--jobs', '1', '--jobs', '2'), () => 1)).toBe(false);
  // both spellings at once: counted as worker threads
  expect(scansInProcess(argv('--jobs=1', '--jobs', '1'), () => 1)).toBe(false);
});

it('--vision reads every item in process', () => {
  expect(scansInProcess(argv('--vision', '--jobs', '2'), () => 4)).toBe(true);
});
