// Worker threads for `netral scan --jobs N`: N threads evaluate items (normalise, match, rules),
// the main thread among them. The main thread reads and parses the input, computes each chat
// message's context (sequential by nature) and stays the single SQLite writer; it hands batches of
// items to idle workers and evaluates a batch itself when every worker is busy, so a worker that is
// still loading the rule pack never holds the scan up. Workers do not compile the pack: they get
// the main thread's compiled pack as a cache image (rules/pack-cache.ts) and only restore it.
// Workers start only once an input has a full batch of items: a small scan pays nothing.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Item } from '../model/item.js';
import type { PackSource, RulePack } from '../rules/pack.js';
import type { SharedPackArrays } from '../rules/pack-snapshot.js';
import type { ThreadMessage } from '../rules/evaluate.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';
import { itemVerdict, type ItemVerdict, type VerdictOptions, type VerdictRequest } from './item-verdict.js';
import { rowsVerdict, type RowRequest, type RowsVerdict } from './row-verdict.js';
import { getLang, type Lang } from '../i18n/index.js';
import { rowCount } from '../ingest/types.js';
import { youngGenerationPacer } from './young-generation.js';

export interface WorkerInit {
  source: PackSource;
  /** the main thread's pack as a cache image: the worker restores it instead of compiling the rules again */
  image?: Uint8Array;
  /** the main thread's pack arrays in SharedArrayBuffers (RulePack.sharedArrays): shared, not copied, by every worker */
  shared?: SharedPackArrays;
  sha256: string;
  options: VerdictOptions;
  /** the main thread's language: a row's reading failure is said in it */
  lang: Lang;
  /** set to 1 by the worker once the young-generation bound holds again (worker-young-generation.ts) */
  youngBound?: Int32Array;
}
/**
 * A batch as sent to a worker: every message once (the batch's items and the earlier messages their
 * threads lean on), each request referring to them by index. Sent as VerdictRequest[], each item
 * carried its whole thread (up to ~23 entries) again.
 */
export interface ItemBatch {
  id: number;
  messages: Item[];
  /** per item: its index in messages, and its thread as index * 3 + via (VIAS) */
  items: Array<{ item: number; thread: number[]; workplace?: WorkplaceReading }>;
}
/** Parsed items to evaluate, or a row file's lines to parse and evaluate (row-verdict.ts). */
export type WorkerRequest = ItemBatch | { id: number; rows: RowRequest };

const VIAS: readonly ThreadMessage['via'][] = ['reply', 'window', 'chat'];

/** The batch with each message once, referred to by index. */
export function encodeBatch(id: number, requests: readonly VerdictRequest[]): ItemBatch {
  const messages: Item[] = [];
  const index = new Map<Item, number>();
  const at = (item: Item): number => {
    let i = index.get(item);
    if (i === undefined) {
      i = messages.push(item) - 1;
      index.set(item, i);
    }
    return i;
  };
  const items = requests.map((r) => ({ item: at(r.item), thread: r.thread.map((m) => at(m.item) * 3 + VIAS.indexOf(m.via)), ...(r.workplace ? { workplace: r.workplace } : {}) }));
  return { id, messages, items };
}

/** The requests again, the thread entries of one message shared between the items that lean on it. */
export function decodeBatch(req: ItemBatch): VerdictRequest[] {
  const entries = new Map<number, ThreadMessage>();
  const entry = (code: number): ThreadMessage => {
    let m = entries.get(code);
    if (!m) entries.set(code, (m = { item: req.messages[Math.floor(code / 3)] as Item, via: VIAS[code % 3] as ThreadMessage['via'] }));
    return m;
  };
  return req.items.map((r) => ({ item: req.messages[r.item] as Item, thread: r.thread.map(entry), ...(r.workplace ? { workplace: r.workplace } : {}) }));
}
export type WorkerReply = { id: number; verdicts: ItemVerdict[] } | { id: number; rows: RowsVerdict } | { id: number; error: string } | { ready: true } | { ready: false; error: string };

/** Items per message: enough to amortise a postMessage, few enough to keep every thread busy. */
export const BATCH_ITEMS = 256;
/**
 * Batches a worker may hold at once (one being evaluated, the others waiting), so it never idles
 * while the calling thread reads, stores or evaluates a batch itself (with two, a worker on two
 * cores sat idle a third of the time).
 */
const QUEUED_PER_WORKER = 3;
/** The longest the main thread waits for a starting worker to restore the young-generation bound. */
const YOUNG_BOUND_WAIT_MS = 5000;

interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, { resolve: (v: ItemVerdict[] | RowsVerdict) => void; reject: (e: Error) => void }>;
}

/** The compiled worker script; absent when running from the TypeScript sources (tests): then all in-process. */
// the worker's entry sets the young-generation bound again before it loads eval-worker.js
const WORKER_SCRIPT = fileURLToPath(new URL('./worker-young-generation.js', import.meta.url));

export class EvalPool {
  private readonly slots: Slot[] = [];
  private started = false;
  private nextId = 0;
  private failure: Error | undefined;
  /** items whose verdicts came from a worker thread (the rest were evaluated in the calling thread) */
  workerItems = 0;

  /** jobs: evaluating threads including the main one (1 = all in-process). */
  constructor(
    private readonly pack: RulePack,
    private readonly options: VerdictOptions,
    private readonly jobs: number,
  ) {
    // one thread evaluates every item: its young generation may grow, checked every few items (young-generation.ts)
    this.afterEach = this.parallel ? undefined : youngGenerationPacer();
  }

  /** Called after each item or row this thread evaluates, in a scan with no worker threads. */
  private readonly afterEach: (() => void) | undefined;

  /** Whether batches should be gathered at all (more than the main thread may evaluate them). */
  get parallel(): boolean {
    return this.jobs > 1 && this.pack.source !== undefined && existsSync(WORKER_SCRIPT);
  }

  /**
   * The verdicts of a batch: computed now (in-process) when no worker can take it, else a promise
   * of the worker's answer. A failed worker fails the scan (the run is rolled back).
   */
  evaluate(items: VerdictRequest[]): ItemVerdict[] | Promise<ItemVerdict[]> {
    if (this.failure) throw this.failure;
    if (this.parallel && items.length >= BATCH_ITEMS && !this.started) this.start();
    const slot = this.freeSlot();
    if (!slot) {
      const afterEach = this.afterEach;
      return items.map((r) => {
        const verdict = itemVerdict(this.pack, r, this.options);
        afterEach?.();
        return verdict;
      });
    }
    return this.send(slot, encodeBatch(this.nextId++, items)) as Promise<ItemVerdict[]>;
  }

  /** The same for a chunk of a row file's lines: parsed where they are evaluated, only findings come back. */
  evaluateRows(req: RowRequest): RowsVerdict | Promise<RowsVerdict> {
    if (this.failure) throw this.failure;
    if (this.parallel && rowCount(req.rows) >= BATCH_ITEMS && !this.started) this.start();
    const slot = this.freeSlot();
    if (!slot) return rowsVerdict(this.pack, req, this.options, this.afterEach);
    return this.send(slot, { id: this.nextId++, rows: req }) as Promise<RowsVerdict>;
  }

  private send(slot: Slot, req: WorkerRequest): Promise<ItemVerdict[] | RowsVerdict> {
    return new Promise((resolve, reject) => {
      slot.pending.set(req.id, { resolve, reject });
      slot.worker.postMessage(req);
    });
  }

  /**
   * Whether every started worker is loaded up (or still loading): the next batch would be
   * evaluated by the calling thread. Answers that arrived but were not yet read count as still
   * pending, so a caller that yields to the event loop first (pipeline/scan.ts) sees the truth.
   */
  get saturated(): boolean {
    return this.started && this.slots.some((s) => s.ready) && this.freeSlot() === undefined;
  }

  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.ready && s.pending.size < QUEUED_PER_WORKER && (!best || s.pending.size < best.pending.size)) best = s;
    return best;
  }

  private start(): void {
    this.started = true;
    const image = this.pack.image?.();
    const shared = this.pack.sharedArrays;
    const init: WorkerInit = { source: this.pack.source ?? {}, ...(image?.length ? { image, ...(shared ? { shared } : {}) } : {}), sha256: this.pack.sha256, options: this.options, lang: getLang() };
    for (let i = 1; i < this.jobs; i++) {
      const youngBound = new Int32Array(new SharedArrayBuffer(4));
      const slot: Slot = { worker: new Worker(WORKER_SCRIPT, { workerData: { ...init, youngBound } }), ready: false, pending: new Map() };
      // V8 raises the process-wide semi-space growth factor while it makes the worker's heap, until
      // the worker sets it back first thing: this thread allocates nothing meanwhile (tens of ms
      // once per worker; bounded, so a worker that never starts fails later as before)
      Atomics.wait(youngBound, 0, 0, YOUNG_BOUND_WAIT_MS);
      slot.worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          if (reply.ready) slot.ready = true;
          else this.fail(slot, new Error(reply.error));
          return;
        }
        const waiting = slot.pending.get(reply.id);
        slot.pending.delete(reply.id);
        if ('error' in reply) waiting?.reject(new Error(reply.error));
        else if ('rows' in reply) {
          this.workerItems += reply.rows.longest.length;
          waiting?.resolve(reply.rows);
        } else {
          this.workerItems += reply.verdicts.length;
          waiting?.resolve(reply.verdicts);
        }
      });
      slot.worker.on('error', (err) => this.fail(slot, err));
      slot.worker.on('exit', (code) => {
        if (slot.pending.size || !slot.ready) this.fail(slot, new Error(`evaluation worker stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  /** A worker that cannot load the pack or dies: what it held fails the scan; it takes no more. */
  private fail(slot: Slot, err: Error): void {
    slot.ready = false;
    if (slot.pending.size) this.failure ??= err;
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  }

  /** Ends every worker (after the scan, or when it failed or was interrupted). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
