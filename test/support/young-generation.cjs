// Preloaded with `node --require` by test/cli/young-generation.test.ts: on exit, writes the largest
// size the main thread's young generation (V8's new space) reached to $NETRAL_YOUNG_LOG, in bytes.
// Sampled after every garbage collection, when V8 decides whether to grow it.
const { writeFileSync } = require('node:fs');
const { PerformanceObserver } = require('node:perf_hooks');
const { getHeapSpaceStatistics } = require('node:v8');

// NETRAL_YOUNG_DEFAULT=1: the CLI's semi-space growth factor is ignored (V8's own growth), the
// control that shows the bound is what keeps the young generation small
if (process.env.NETRAL_YOUNG_DEFAULT === '1') {
  const v8 = require('node:v8');
  const set = v8.setFlagsFromString;
  v8.setFlagsFromString = (flags) => (flags.includes('semi-space-growth-factor') ? undefined : set(flags));
  require('node:module').syncBuiltinESMExports();
}

// NETRAL_YOUNG_BEFORE_MODULES_LOG=<file>: the young generation's size when the CLI turns concurrent
// marking off (markOnOwnThread, the last setting main() makes before it imports the command's modules)
const before = process.env.NETRAL_YOUNG_BEFORE_MODULES_LOG;
if (before) {
  const v8 = require('node:v8');
  const set = v8.setFlagsFromString;
  v8.setFlagsFromString = (flags) => {
    if (flags === '--no-concurrent-marking') writeFileSync(before, String(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0));
    return set(flags);
  };
  require('node:module').syncBuiltinESMExports();
}

const file = process.env.NETRAL_YOUNG_LOG;
if (file) {
  let largest = 0;
  const sample = () => {
    const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (space && space.space_size > largest) largest = space.space_size;
  };
  const observer = new PerformanceObserver(sample);
  observer.observe({ entryTypes: ['gc'] });
  observer.unref?.();
  process.on('exit', () => {
    sample();
    writeFileSync(file, String(largest));
  });
}
