// Runs once in vitest's main process: what the whole run needs to say out loud.
import { chromiumRequired, findChromium, missingChromiumLine } from '../report/chromium.js';

export default function setup(): () => void {
  const search = findChromium();
  if (search.path || chromiumRequired()) return () => {};
  const line = `\n*** SKIPPED: ${missingChromiumLine(search)} ***\n`;
  process.stderr.write(line);
  // again after the summary, where a reader of the run looks last
  return () => void process.stderr.write(line);
}
