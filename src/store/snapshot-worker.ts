// The export's database snapshot (`VACUUM INTO`) and its SHA-256, made in a worker thread while
// the main thread writes the findings: on two cores the copy of a large store (and the read that
// hashes it) no longer adds to the export's time. Its own read-only connection: the snapshot is
// taken as the export starts reading, as the main thread's own copy would be after it read.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

export interface SnapshotRequest {
  store: string;
  out: string;
}
export type SnapshotReply = { sha256: string; bytes: number } | { error: string };

/** VACUUM INTO `out` from a read-only connection to `store`; the copy's SHA-256 and size. */
export function writeSnapshot(store: string, out: string): { sha256: string; bytes: number } {
  const db = new Database(store, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(out);
  } finally {
    db.close();
  }
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

if (parentPort && workerData && typeof (workerData as SnapshotRequest).out === 'string') {
  const { store, out } = workerData as SnapshotRequest;
  let reply: SnapshotReply;
  try {
    reply = writeSnapshot(store, out);
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort.postMessage(reply);
}
