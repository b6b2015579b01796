// Runs once in vitest's main process: what the whole run needs to say out loud, and one temporary
// folder for the run. The workers (and the CLI processes tests spawn) inherit TMPDIR, so every
// mkdtemp under os.tmpdir() lands in it and is removed with it at the end, however a test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumRequired, findChromium, missingChromiumLine } from '../report/chromium.js';

export default function setup(): () => void {
  const runTmp = mkdtempSync(path.join(tmpdir(), 'netral-test-run-'));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = runTmp;
  const removeRunTmp = (): void => rmSync(runTmp, { recursive: true, force: true });

  const search = findChromium();
  if (search.path || chromiumRequired()) return removeRunTmp;
  const line = `\n*** SKIPPED: ${missingChromiumLine(search)} ***\n`;
  process.stderr.write(line);
  // again after the summary, where a reader of the run looks last
  return () => {
    removeRunTmp();
    process.stderr.write(line);
  };
}
