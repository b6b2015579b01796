// Kept apart from terminal.ts (which loads ora): main() installs it before anything else is loaded,
// and `netral --version` should load nothing it does not need.

/**
 * `netral … | head -1`: the reader went away, which is not an error. End quietly with 0 instead of
 * an EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}
