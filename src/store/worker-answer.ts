// The export's worker threads (./snapshot.ts, ./report-builder.ts) each send one answer: this is
// how it is awaited, and how a failed export stops a worker before removing its folder.
import type { Worker } from 'node:worker_threads';

/**
 * `worker`'s one reply read by `read` (its value, or an Error for a reply that says what failed);
 * an error of the worker or its exit without a reply rejects it. `stop` ends the worker early.
 */
export function workerAnswer<R, T>(worker: Worker, what: string, read: (reply: R) => T | Error): { answer: Promise<T>; stop(): Promise<void> } {
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const answer = new Promise<T>((resolve, reject) => {
    worker.once('message', (reply: R) => {
      const value = read(reply);
      if (value instanceof Error) reject(value);
      else resolve(value);
    });
    worker.once('error', reject);
    void exit.then(() => reject(new Error(`${what}: the worker ended without an answer`)));
  });
  // awaited only when the bundle is sealed: a failure before then must not be an unhandled rejection
  answer.catch(() => undefined);
  return {
    answer,
    stop: async () => {
      if (!exited) await worker.terminate();
      await exit;
    },
  };
}
