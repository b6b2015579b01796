// The export's evidence.db snapshot in a worker thread (./snapshot.ts startSnapshot): on two
// cores the copy of a large store (and the read that hashes it) no longer adds to the export's
// time. Its own read-only connection; the routine is the one the in-process copy runs.
import { parentPort, workerData } from 'node:worker_threads';
import { type SnapshotReply, type SnapshotRequest, writeSnapshotOf } from './snapshot.js';

if (parentPort && workerData && typeof (workerData as SnapshotRequest).out === 'string') {
  const { store, out } = workerData as SnapshotRequest;
  let reply: SnapshotReply;
  try {
    reply = writeSnapshotOf(store, out);
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort.postMessage(reply);
}
