// The export's database snapshot: `VACUUM INTO` a file and that file's SHA-256. One routine
// (writeSnapshot) makes it, run in a worker thread (./snapshot-worker.ts) beside the main thread
// that writes the findings, or in-process when there is no compiled worker (the tests run the
// TypeScript sources) — both ways give the same file.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { workerAnswer } from './worker-answer.js';

export interface SnapshotResult {
  sha256: string;
  bytes: number;
}
export interface SnapshotRequest {
  store: string;
  out: string;
}
export type SnapshotReply = SnapshotResult | { error: string };

/**
 * VACUUM INTO `out` from `db` (outside any transaction of that connection): a copy that is one
 * non-WAL file, so it opens read-only from a USB stick; returns its SHA-256 and size.
 */
export function writeSnapshot(db: Database.Database, out: string): SnapshotResult {
  db.prepare('VACUUM INTO ?').run(out);
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(out, 'r');
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; bytes += n) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** writeSnapshot from a read-only connection of its own to the store file `store` (the worker's). */
export function writeSnapshotOf(store: string, out: string): SnapshotResult {
  const db = new Database(store, { readonly: true, fileMustExist: true });
  try {
    return writeSnapshot(db, out);
  } finally {
    db.close();
  }
}

/** A snapshot under way: `result` when the copy is wanted, `stop` to end it early (a failed export). */
export interface Snapshot {
  /** the in-process copy is made on the first call: after the export's read has ended */
  result(): Promise<SnapshotResult>;
  stop(): Promise<void>;
}

/** The compiled worker; absent when running from the TypeScript sources (tests). */
const SNAPSHOT_WORKER = fileURLToPath(new URL('./snapshot-worker.js', import.meta.url));

/**
 * The snapshot of `store` into `out`: begun now in a worker thread with its own read-only
 * connection (taken as the export starts reading, as the main thread's own copy would be after
 * it read), or, without a compiled worker or store file, made in-process on the store's own
 * connection when `result` is first awaited.
 */
export function startSnapshot(store: { path: string; db: Database.Database }, out: string, worker = SNAPSHOT_WORKER): Snapshot {
  if (existsSync(worker) && existsSync(store.path)) return snapshotInWorker(worker, store.path, out);
  let made: Promise<SnapshotResult> | undefined;
  return {
    result: () => (made ??= new Promise((resolve) => resolve(writeSnapshot(store.db, out)))),
    stop: () => Promise.resolve(),
  };
}

function snapshotInWorker(file: string, store: string, out: string): Snapshot {
  const worker = new Worker(file, { workerData: { store, out } satisfies SnapshotRequest });
  const { answer, stop } = workerAnswer(worker, 'evidence.db snapshot', (reply: SnapshotReply) => ('error' in reply ? new Error(`evidence.db snapshot: ${reply.error}`) : reply));
  return { result: () => answer, stop };
}
