// What a person's terminal (or a CI log, or a pipe) needs from every command: progress only where
// it can be drawn, chatter on stderr governed by --quiet/--verbose, clean stops on signals and on
// a closed pipe.
export type Verbosity = 'quiet' | 'normal' | 'verbose';

let verbosity: Verbosity = 'normal';

export function setVerbosity(v: Verbosity): void {
  verbosity = v;
}

export function getVerbosity(): Verbosity {
  return verbosity;
}

/** Summaries, hints and progress lines (stderr); --quiet silences them. */
export function notice(line: string): void {
  if (verbosity !== 'quiet') process.stderr.write(`${line}\n`);
}

/** Extra detail (stderr) only with --verbose. */
export function detail(line: string): void {
  if (verbosity === 'verbose') process.stderr.write(`${line}\n`);
}

export function canDrawProgress(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && (stream.columns ?? 0) > 0 && process.env.TERM !== 'dumb';
}

export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT;

/**
 * Until the returned function is called, SIGINT/SIGTERM run `stop` (which must undo the work in
 * progress, e.g. roll back a store run), print `message` and exit 130/143. Synchronous on purpose:
 * the rollback happens before the process ends.
 */
export function onInterrupt(stop: (signal: StopSignal) => void, message: (signal: StopSignal) => string): () => void {
  let stopping = false;
  const handler = (signal: StopSignal) => {
    // a second Ctrl-C while stopping must not kill the process half-way through the rollback
    if (stopping) return;
    stopping = true;
    try {
      stop(signal);
    } finally {
      process.stderr.write(`\n${message(signal)}\n`);
      process.exit(SIGNAL_EXIT[signal]);
    }
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
