// A worker thread of `netral scan --jobs N`: loads the same rule pack as the main thread (restored
// from the main thread's cache image when it sent one, else compiled from the files), then
// answers batches of items with their verdicts (pipeline/item-verdict.ts). It never touches the
// store: the main thread is the single writer and keeps the findings in input order.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRulePack, type LoadOptions } from '../rules/pack.js';
import { itemVerdict } from './item-verdict.js';
import { rowsVerdict } from './row-verdict.js';
import { setLang } from '../i18n/index.js';
import { decodeBatch, type WorkerInit, type WorkerReply, type WorkerRequest } from './eval-pool.js';

const port = parentPort;
if (!port) throw new Error('eval-worker runs only as a worker thread');
const init = workerData as WorkerInit;
setLang(init.lang);

try {
  const options: LoadOptions = { ...init.source, ...(init.image ? { image: init.image } : {}), ...(init.shared ? { shared: init.shared } : {}) };
  const pack = await loadRulePack(options);
  // The restored pack holds its own copies (v8.deserialize): the image (~11 MB with every Pilkada
  // region) must not stay reachable, from workerData or from the options the pack's closures keep.
  delete init.image;
  delete options.image;
  // the rule files changed on disk since the main thread loaded them: not the same pack, so no answers from it
  if (pack.sha256 !== init.sha256) throw new Error('rule pack changed on disk while the scan started');
  port.on('message', (req: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = 'rows' in req ? { id: req.id, rows: rowsVerdict(pack, req.rows, init.options) } : { id: req.id, verdicts: decodeBatch(req).map((r) => itemVerdict(pack, r, init.options)) };
    } catch (err) {
      reply = { id: req.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
} catch (err) {
  port.postMessage({ ready: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
}
