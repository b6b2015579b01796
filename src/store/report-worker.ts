// The export's report in a worker thread (./report-builder.ts startReport): the cards arrive in
// batches as the main thread meets their findings and are rendered and spooled here; the pages
// are written when the main thread sends the report's meta (with the evidence hash).
import { parentPort, workerData } from 'node:worker_threads';
import { ReportBuilder, type ReportReply, type ReportRequest, type ReportWorkerData } from './report-builder.js';

const data = workerData as ReportWorkerData | undefined;
if (parentPort && data && typeof data === 'object' && data.progress instanceof SharedArrayBuffer && data.job) {
  const port = parentPort;
  const counters = new Int32Array(data.progress);
  const builder = new ReportBuilder(data.job);
  let failure: string | undefined;
  port.on('message', (request: ReportRequest) => {
    try {
      if (request.kind === 'cards') {
        // after a failure the rest is only counted: the main thread learns of it with the pages
        if (failure === undefined) for (const card of request.cards) builder.add(card);
      } else {
        const reply: ReportReply = failure === undefined ? { kind: 'pages', pages: builder.pages(request.meta) } : { kind: 'error', error: failure };
        port.postMessage(reply);
        port.close();
      }
    } catch (err) {
      failure = err instanceof Error ? (err.stack ?? err.message) : String(err);
      Atomics.store(counters, 1, 1);
      if (request.kind === 'pages') {
        port.postMessage({ kind: 'error', error: failure } satisfies ReportReply);
        port.close();
      }
    } finally {
      if (request.kind === 'cards') {
        Atomics.add(counters, 0, 1);
        Atomics.notify(counters, 0);
      }
    }
  });
}
