// The export's report (report.html and report/sNNN-pK.html): each card rendered to its HTML as
// the export meets its finding and spooled (CardSpool), the pages written once every other file
// of the bundle is hashed (the attestation names that hash). One builder does it, in a worker
// thread (./report-worker.ts) while the main thread reads the store and writes the findings — on
// two cores the report no longer adds to the export's time — or in-process when there is no
// compiled worker (the tests run the TypeScript sources). Both ways write the same pages.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Lang, type Message, t } from '../i18n/index.js';
import { cardZone, renderCardParts } from '../report/html/cards.js';
import { type PageLimits, reportPagesFrom } from '../report/html.js';
import type { ReportCard, ReportMeta } from '../report/report-data.js';
import { CardSpool, LARGE_SPOOL_BUFFER, Spool } from './spool.js';
import { workerAnswer } from './worker-answer.js';

export interface ReportJob {
  /** the cards' spool */
  cardsFile: string;
  /** where the pages are written (report.html, report/…) */
  pagesDir: string;
  lang: Lang;
  /** the export's --timezone, else each card's subject's region zone */
  timezone?: 'WIB' | 'WITA' | 'WIT' | 'UTC' | undefined;
  limits: PageLimits;
}

/** A written page: its path in the bundle, its file and the SHA-256 taken as it was written. */
export interface ReportPageFile {
  path: string;
  file: string;
  sha256: string;
}

/** The report of one export: cards added in bundle order, then the pages. */
export class ReportBuilder {
  private readonly cards: CardSpool;
  constructor(private readonly job: ReportJob) {
    const tr = (msg: Message, params: Record<string, string | number> = {}): string => t(msg, params, job.lang);
    const zone = job.timezone ? { timezone: job.timezone } : {};
    this.cards = new CardSpool(job.cardsFile, (card) => renderCardParts(card, tr, job.lang, cardZone(card, zone)));
  }

  add(card: ReportCard): void {
    this.cards.add(card);
  }

  /** Every page, each written to disk as it is rendered (a large report is never held whole). */
  pages(meta: ReportMeta): ReportPageFile[] {
    this.cards.finish();
    try {
      const out: ReportPageFile[] = [];
      const buffer = Buffer.allocUnsafe(LARGE_SPOOL_BUFFER);
      for (const page of reportPagesFrom({ meta, facts: this.cards.facts, cardParts: (facts) => this.cards.cardParts(facts) }, this.job.limits)) {
        const file = join(this.job.pagesDir, ...page.path.split('/'));
        mkdirSync(dirname(file), { recursive: true });
        // part by part through the spool's buffer: a page is never one string of megabytes
        const spool = new Spool(file, '', buffer);
        for (const part of page.parts) {
          if (typeof part === 'string') spool.write(part);
          else spool.writeBytes(part);
        }
        spool.close();
        out.push({ path: page.path, file, sha256: spool.sha256 });
      }
      return out;
    } finally {
      this.cards.close();
    }
  }
}

/** The report under way: cards go in as they are met; `pages` once the evidence hash is known. */
export interface Report {
  add(card: ReportCard): void;
  pages(meta: ReportMeta): Promise<ReportPageFile[]>;
  /** ends a worker early (a failed export) */
  stop(): Promise<void>;
}

/** The compiled worker; absent when running from the TypeScript sources (tests). */
const REPORT_WORKER = fileURLToPath(new URL('./report-worker.js', import.meta.url));

/** The report built in a worker thread when the compiled worker is there, else in-process. */
export function startReport(job: ReportJob, worker = REPORT_WORKER): Report {
  if (existsSync(worker)) return reportInWorker(worker, job);
  const builder = new ReportBuilder(job);
  return {
    add: (card) => builder.add(card),
    pages: (meta) => new Promise((resolve) => resolve(builder.pages(meta))),
    stop: () => Promise.resolve(),
  };
}

/** Cards posted to the worker this many at a time (one message each). */
const BATCH = 256;
/**
 * Batches the worker may be behind before the main thread waits for it: the queue holds cards
 * cloned for the worker, and a loaded machine must not let it grow with the store.
 */
const AHEAD = 32;
/** Seconds without a rendered batch after which the main thread stops waiting and fails the export. */
const STALL_SECONDS = 120;
/** Slots of the shared counters: batches rendered, and whether the worker failed. */
const DONE = 0;
const FAILED = 1;

export type ReportRequest = { kind: 'cards'; cards: ReportCard[] } | { kind: 'pages'; meta: ReportMeta };
export type ReportReply = { kind: 'pages'; pages: ReportPageFile[] } | { kind: 'error'; error: string };
export interface ReportWorkerData {
  job: ReportJob;
  /** Int32Array over it: [batches rendered, failed] */
  progress: SharedArrayBuffer;
}

function reportInWorker(file: string, job: ReportJob): Report {
  const progress = new SharedArrayBuffer(8);
  const counters = new Int32Array(progress);
  const worker = new Worker(file, { workerData: { job, progress } satisfies ReportWorkerData });
  // the worker's one answer: its pages, or what failed (an error while adding a card is kept until then)
  const { answer, stop } = workerAnswer(worker, 'report', (reply: ReportReply) => (reply.kind === 'pages' ? reply.pages : new Error(`report: ${reply.error}`)));
  let batch: ReportCard[] = [];
  let sent = 0;
  const flush = (): void => {
    if (!batch.length) return;
    worker.postMessage({ kind: 'cards', cards: batch } satisfies ReportRequest);
    batch = [];
    sent++;
    // the worker renders faster than the store is read; on a loaded machine wait for it here
    // (the worker counts each batch it rendered and wakes this thread), a failed worker stops the wait
    let stalled = 0;
    for (let done; sent - (done = Atomics.load(counters, DONE)) > AHEAD && !Atomics.load(counters, FAILED); ) {
      // a worker that rendered nothing for minutes is gone (its exit cannot be heard while this thread waits)
      if (Atomics.wait(counters, DONE, done, 1000) === 'timed-out' && ++stalled >= STALL_SECONDS) throw new Error('report: the worker stopped rendering');
      if (Atomics.load(counters, DONE) !== done) stalled = 0;
    }
  };
  return {
    add: (card) => {
      batch.push(card);
      if (batch.length === BATCH) flush();
    },
    pages: (meta) => {
      flush();
      worker.postMessage({ kind: 'pages', meta } satisfies ReportRequest);
      return answer;
    },
    stop,
  };
}
