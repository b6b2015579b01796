#!/usr/bin/env node
// Launcher: the CLI lives in dist/ (built by `npm install` through the prepare script).
// `netral --version` alone is answered here: loading the CLI (commander, chalk, the message
// tables) was about half of its start-up, and it prints the same line commander would.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const [{ TOOL_VERSION }, { endQuietlyOnClosedPipe }] = await Promise.all([import('../dist/version.js'), import('../dist/cli/closed-pipe.js')]);
  endQuietlyOnClosedPipe();
  process.stdout.write(`${TOOL_VERSION}\n`);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(process.argv);
}
