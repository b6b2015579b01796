// Preloaded into every benchmarked Node process (node --require): on exit, writes the kernel's
// peak resident set size of this process (getrusage maxRSS, KB on Linux) to $BENCH_RSS_FILE.
const { writeFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
