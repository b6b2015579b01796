// The progress spinner, in its own module: only scan draws one, and ora costs every other command
// (review, evidence, verify) a noticeable share of its start-up.
import type { Ora } from 'ora';
import { canDrawProgress, getVerbosity } from './terminal.js';

/**
 * A spinner only on a terminal that says how wide it is: a pseudo-terminal reporting 0 columns
 * (`script`, some `docker -t` and CI set-ups) would make ora redraw for ever. stdin is left alone
 * so Ctrl-C stays a signal (ora's discardStdin turns it into a byte nobody reads).
 */
export async function startProgress(text: string, stream: NodeJS.WriteStream = process.stderr): Promise<Ora | undefined> {
  if (getVerbosity() === 'quiet' || !canDrawProgress(stream)) return undefined;
  // loaded only when a spinner is drawn: a scan with -q, or into a pipe, does not pay for ora
  const { default: ora } = await import('ora');
  return ora({ stream, text, discardStdin: false }).start();
}
