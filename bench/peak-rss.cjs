// Preloaded into every benchmarked Node process (node --require): on exit, writes the kernel's
// peak resident set size of this process (getrusage maxRSS, KB on Linux) and its CPU seconds
// (user + system, every thread) to $BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file)
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1e6}`);
  });
