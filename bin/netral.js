#!/usr/bin/env node
// Launcher: the CLI lives in dist/ (built by `npm install` through the prepare script).
// `netral --version` alone is answered here: loading the CLI (commander, chalk, the message
// tables) was about half of its start-up, and it prints the same line commander would.
import { statSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const [{ TOOL_VERSION }, { endQuietlyOnClosedPipe }] = await Promise.all([import('../dist/version.js'), import('../dist/cli/closed-pipe.js')]);
  endQuietlyOnClosedPipe();
  process.stdout.write(`${TOOL_VERSION}\n`);
} else {
  // The bundle (scripts/bundle.js: a few chunks instead of ~260 modules, a third less start-up)
  // when it was built after the modules it was made from; otherwise, or with NETRAL_BUNDLE=off,
  // the modules themselves (a `tsc` without the bundle step must never run stale code).
  const bundle = new URL('../dist/bundle/main.js', import.meta.url);
  const modules = new URL('../dist/cli/main.js', import.meta.url);
  let useBundle = false;
  if (process.env.NETRAL_BUNDLE !== 'off') {
    try {
      useBundle = statSync(bundle).mtimeMs >= statSync(modules).mtimeMs;
    } catch {
      useBundle = false;
    }
  }
  if (args.includes('--debug')) {
    // stack traces name the dist/ modules' lines, bundled or not
    process.setSourceMapsEnabled(true);
    const from = useBundle ? 'dist/bundle/main.js (bundle)' : 'dist/cli/main.js (modules)';
    process.stderr.write(`netral: --debug: ${from}\n`);
  }
  const { main } = await import(useBundle ? bundle.href : modules.href);
  process.exitCode = await main(process.argv);
}
