// `netral scan` as a library function: ingest → rules → evidence store, in one transaction.
// The CLI only parses options and renders what this returns.
import type { Readable } from 'node:stream';
import type { Capture, Finding, Item, ReviewStatus } from '../model/index.js';
import { severityRank, type Severity } from '../model/finding.js';
import { badMember, ingest, readsRowChunks, type IngestEvent, type IngestHooks } from '../ingest/ingest.js';
import { RowProblems } from '../ingest/table.js';
import type { Member } from '../ingest/types.js';
import { rowItem, rowReader, type FlaggedRow, type RowsVerdict } from './row-verdict.js';
import { memberFailure } from '../ingest/member-failure.js';
import { NetralError } from '../errors.js';
import { ensureItemId, makeItem } from '../model/item.js';
import type { FetchOptionsInput } from '../fetch/options.js';
import type { PageRead } from '../fetch/pages.js';
import { ALL_ADAPTERS } from '../ingest/adapters.js';
import { rowCount, type IngestOptions, type ParsedItem } from '../ingest/types.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { t } from '../i18n/index.js';
import { limitMessages } from '../i18n/ingest.js';
import { ChatContext } from './chat-context.js';
import { ChatWorkplace, WorkplaceLookahead } from './chat-workplace.js';
import { ruleRecord, type RulePack } from '../rules/pack.js';
import type { RunCounts } from '../store/types.js';
import type { Store } from '../store/store.js';
import { type FiledUnder, subjectsOfItem } from '../store/subjects.js';
import type { VisionReader } from '../vision/reader.js';
import { isVisionItem } from '../vision/event.js';
import { BATCH_ITEMS, EvalPool } from './eval-pool.js';
import { itemVerdict, longestText, type ItemVerdict, type VerdictOptions, type VerdictRequest } from './item-verdict.js';
import type { BlobKept } from '../store/blobs.js';
import type { RowSpan } from '../ingest/types.js';
import { withQuote } from './quote-context.js';
import { closeSync, openSync, readSync } from 'node:fs';

export interface ScanRequest {
  inputs: string[];
  pack: RulePack;
  store: Store;
  ingest: IngestOptions;
  actor: string;
  /** the command line, recorded with the run */
  command: string;
  /** subject region code (from --region or the subject's record) */
  region?: string;
  subjectId?: string;
  /** chat/group names that are the subject's workplace groups (--workplace-group) */
  workplaceGroups?: string[];
  minConfidence?: number;
  /** how URL inputs are fetched (politeness, caps, --allow-private, --offline) */
  fetch?: FetchOptionsInput;
  /** pages of a Telegram channel preview to follow back */
  maxPages?: number;
  /** called for every item read (progress display) */
  onItem?: (stats: ScanStats) => void;
  onWarning?: (message: string) => void;
  /**
   * Called with each finding as soon as it is stored (inside the run's transaction). When given,
   * the findings are streamed, not held: ScanResult.findings stays empty and a scan's memory
   * does not grow with what it finds. Without it, ScanResult.findings collects them (library use).
   */
  onFinding?: (finding: ScanFinding) => void;
  /** scan --vision: reads the photos items show (OCR, known imagery, hands) */
  vision?: VisionReader;
  /**
   * Threads that evaluate items, the calling one included (scan --jobs; default 1: all
   * in-process). Findings are the same and come in the same order whatever the number.
   */
  jobs?: number;
  /**
   * Store every file behind a finding whole (scan --keep-originals). Without it a large row file
   * (over limits.rowEvidenceBytes) keeps only its flagged rows and its SHA-256, and a zip keeps
   * its flagged members and only its own SHA-256 (README "Evidence versus disk").
   */
  keepOriginals?: boolean;
}

export interface ScanStats {
  items: number;
  findings: number;
  captures: number;
}

export interface ScanFinding {
  finding: Finding;
  item: Item;
  capture: Capture;
  /** false when the store already held this finding from an earlier scan */
  isNew: boolean;
  /** the reviewers' latest decision: a dismissed finding stays dismissed when scanned again */
  status: ReviewStatus;
  /** the subjects the finding is filed under: its author's, never merely the file's */
  subjects: FiledUnder[];
}

export interface ScanResult {
  runId: string;
  /** every finding, unless ScanRequest.onFinding took them one by one (then empty) */
  findings: ScanFinding[];
  /** the highest severity found (for --fail-on when the findings were streamed) */
  maxSeverity?: Severity;
  stats: ScanStats;
  counts: RunCounts;
  warnings: string[];
  skippedMembers: number;
  /** items evaluated by worker threads (scan --jobs): the others by the calling thread */
  workerItems: number;
}

type Content = Buffer | (() => Promise<Readable>);
type ItemEvent = Extract<IngestEvent, { type: 'item' }>;
type RowsEvent = Extract<IngestEvent, { type: 'rows' }>;
/** an item's verdict, or a row chunk's (IngestEvent 'rows') */
type Verdict = ItemVerdict | RowsVerdict;
const NO_PROBLEMS = { empty: 0, badTimes: 0, badTimeExample: '', unknownKinds: 0, unknownKindExample: '' };

/** A flagged row as the item event the ingest stage would have made of it. */
function rowEvent(event: RowsEvent, row: FlaggedRow): ItemEvent {
  return { type: 'item', item: row.item, raw: row.raw, capture: event.capture, member: event.member, adapter: event.rows.kind, mediaCaptures: [], byOwner: row.byOwner, span: row.span };
}

/** Batches evaluated ahead of the one being stored, at most (bounds the memory a fast reader holds). */
const MAX_QUEUED_BATCHES = 8;

/**
 * Scan inputs and store what is flagged. Everything is written in one store run: if reading or
 * parsing fails (exit 2), the run is rolled back and the store is exactly as before.
 */
export async function runScan(req: ScanRequest): Promise<ScanResult> {
  const urls = req.inputs.filter(isUrlInput);
  const files = req.inputs.filter((i) => !isUrlInput(i));
  // pages are fetched before the store run starts: network time never holds the write lock
  const pages = urls.length ? await fetchPages(urls, req) : [];
  const run = req.store.beginRun({
    command: req.command,
    actor: req.actor,
    rulePackSha256: req.pack.sha256,
    ...(req.subjectId ? { subjectId: req.subjectId } : {}),
  });
  const stats: ScanStats = { items: 0, findings: 0, captures: 0 };
  const findings: ScanFinding[] = [];
  let maxSeverity: Severity | undefined;
  const warnings: string[] = [];
  let skippedMembers = 0;
  // captures seen so far; only those behind a finding are stored. A buffered member's bytes are
  // kept only while its items are read, then replaced by a way to read them again.
  const captures = new Map<string, { capture: Capture; content: Content; reopen?: Content; stored: boolean; file?: string }>();
  const limits = req.ingest.limits ?? DEFAULT_LIMITS;
  let current: string | undefined;
  const windowed = new Set<string>();
  const storedRules = new Set<string>();
  const ruleById = new Map(req.pack.rules.map((r) => [r.def.id, r]));
  // the few messages before each chat message (or the one it replies to), for replies that lean on them
  const chats = new ChatContext();
  // …and each chat read as a workplace group from its members' messages when its name says nothing
  const workplace = new ChatWorkplace(req.pack);
  // (a chat's first messages wait until its work talk is in: chat-workplace.ts WorkplaceLookahead)
  // (`after`: warnings met while the entry was the last held, handled right after it in file order)
  const lookahead = new WorkplaceLookahead<{ event: ItemEvent; thread: ReturnType<ChatContext['threadFor']>; after?: IngestEvent[] }>(workplace);
  // row files read back for flagged rows (evidence sized by what was found), one descriptor each
  const rowFiles = new RowFiles();

  // a zip is proven by its SHA-256 (kept) and its members' own bytes: not stored twice
  const keepOf = (capture: Capture): BlobKept => (!req.keepOriginals && capture.mediaType === 'application/zip' ? 'none' : 'whole');
  const storeCapture = async (id: string | undefined, keep?: BlobKept): Promise<void> => {
    const entry = id ? captures.get(id) : undefined;
    if (!entry || entry.stored) return;
    await storeCapture(entry.capture.parentId);
    await run.putCapture(entry.capture, entry.content, keep ?? keepOf(entry.capture));
    entry.stored = true;
  };
  /** A flagged row of a large row file: its own bytes, read at its offset (no second pass over the file). */
  const storeRow = async (item: Item, span: RowSpan): Promise<boolean> => {
    const entry = captures.get(item.source.captureId);
    if (req.keepOriginals || !entry?.file || entry.capture.bytes <= limits.rowEvidenceBytes) return false;
    await storeCapture(entry.capture.id, 'rows');
    run.putRow(entry.capture.id, item.source.pointer, span, rowFiles.read(entry.file, span));
    return true;
  };

  // a row file read in chunks (IngestEvent 'rows'): its problems counted as its chunks are handled, and the members that failed
  const rowProblems = new Map<Member, RowProblems>();
  const rowProblemsOf = (member: Member): RowProblems => {
    let problems = rowProblems.get(member);
    if (!problems) rowProblems.set(member, (problems = new RowProblems()));
    return problems;
  };
  const failedRows = new Set<Member>();
  const rowOptions = { timezone: req.ingest.timezone, ...(req.ingest.textColumn !== undefined ? { textColumn: req.ingest.textColumn } : {}), ...(req.ingest.timeColumn !== undefined ? { timeColumn: req.ingest.timeColumn } : {}) };

  // vision items are read in-process, one by one, as they come
  const verdictOptions: VerdictOptions = { ...(req.region ? { region: req.region } : {}), limits: { textWindow: limits.textWindow, textWindowOverlap: limits.textWindowOverlap }, ...(req.workplaceGroups?.length ? { workplaceGroups: req.workplaceGroups } : {}) };
  const pool = new EvalPool(req.pack, verdictOptions, req.vision ? 1 : (req.jobs ?? 1));
  try {
    // one event, in input order, with its item's verdict (for an item). Most items are not flagged
    // and need nothing asynchronous: those are handled in the same turn (a promise only when the
    // item is flagged, or every 256 items to let the event loop turn), not one async call per item.
    const handle = (event: IngestEvent, verdict: Verdict | undefined): Promise<void> | undefined => {
      if (event.type === 'rows') return handleRows(event, verdict as RowsVerdict, 0, 0);
      if (event.type !== 'item') return handleOther(event);
      const itemVerdict = verdict as ItemVerdict | undefined;
      // a vision item arrives with its findings (the same rules, plus the image and pose signals)
      const all = isVisionItem(event) ? event.findings : itemVerdict?.findings;
      return handleItem(event.capture, event.item.source.path, itemVerdict?.longest ?? longestText(event.item), all, () => event);
    };
    const handleItem = (capture: Capture, path: string, longest: number, all: Finding[] | undefined, eventOf: () => ItemEvent): Promise<void> | undefined => {
      stats.items++;
      if (longest > limits.textWindow && !windowed.has(capture.id)) {
        // said once per file: the text was matched whole, in overlapping windows, not skipped
        windowed.add(capture.id);
        const message = t(limitMessages.textWindow, { path, length: longest, window: limits.textWindow });
        warnings.push(message);
        req.onWarning?.(message);
      }
      const flagged = all === undefined || all.length === 0 ? [] : all.filter((f) => req.minConfidence === undefined || f.confidence >= req.minConfidence);
      if (flagged.length > 0) return storeFlagged(eventOf(), flagged);
      return afterItem();
    };
    // a chunk of a row file's lines, parsed and evaluated elsewhere: its items in order from `from`
    // (`next`: the first of `verdict.flagged` not yet handled), then the member's failure, if any
    const handleRows = (event: RowsEvent, verdict: RowsVerdict, from: number, next: number): Promise<void> | undefined => {
      if (failedRows.has(event.member)) return undefined;
      rowProblemsOf(event.member).add(verdict.problems);
      for (let i = from; i < verdict.longest.length; i++) {
        const row = verdict.flagged[next]?.at === i ? verdict.flagged[next++] : undefined;
        const pending = handleItem(event.capture, event.rows.path, verdict.longest[i] as number, row?.findings, () => rowEvent(event, row as FlaggedRow));
        if (pending) {
          const resume = next;
          return pending.then(() => handleRows(event, { ...verdict, problems: NO_PROBLEMS }, i + 1, resume));
        }
      }
      if (verdict.chatFrom !== undefined) return chatRows(event, verdict.chatFrom);
      if (verdict.failure === undefined) return undefined;
      return rowsFailed(event.member, verdict.failure);
    };
    // rows from the first chat message on (chat-context.ts inChat), from `from` to the chunk's end: read
    // and evaluated here, in file order, each with the messages before it, as without worker threads
    const chatRows = async (event: RowsEvent, from: number): Promise<void> => {
      const reader = rowReader({ rows: event.rows, options: rowOptions }, false);
      const count = rowCount(event.rows);
      for (let i = from; i < count; i++) {
        let parsed: ParsedItem | undefined;
        try {
          parsed = reader.read(i);
        } catch (err) {
          if (err instanceof NetralError) throw err;
          rowsFailed(event.member, memberFailure(err));
          return;
        }
        if (!parsed) continue;
        const item = rowItem(event.rows.captureId, parsed);
        const thread = withQuote(item, parsed.raw, chats.threadFor(item));
        chats.remember(item);
        const reading = lookahead.read(item);
        const verdict = itemVerdict(req.pack, { item, thread, ...(reading ? { workplace: reading } : {}) }, verdictOptions);
        const { raw } = parsed;
        const byOwner = parsed.byOwner ?? false;
        const span = { offset: event.rows.offsets[i] as number, length: event.rows.lengths[i] as number };
        const eventOf = (): ItemEvent => ({ type: 'item', item, raw, capture: event.capture, member: event.member, adapter: event.rows.kind, mediaCaptures: [], byOwner, span });
        const pending = handleItem(event.capture, event.rows.path, verdict.longest, verdict.findings, eventOf);
        if (pending) await pending;
      }
      rowProblemsOf(event.member).add(reader.problems);
    };
    /** The member failed: exit 2, or (--skip-bad) its warning and skipped event, nothing more of it. */
    const rowsFailed = (member: Member, detail: string): undefined => {
      failedRows.add(member);
      rowProblems.delete(member);
      for (const e of badMember(member, detail, req.ingest)) handleOther(e as Exclude<IngestEvent, { type: 'item' | 'rows' }>);
      return undefined;
    };
    // after each item: progress, and a turn of the event loop now and then (a signal — Ctrl-C, kill —
    // or a spinner frame is handled only between macrotasks, and a file read from memory never yields by itself)
    const afterItem = (): Promise<void> | undefined => {
      req.onItem?.(stats);
      return stats.items % 256 === 0 ? new Promise((resolve) => setImmediate(resolve)) : undefined;
    };
    const storeFlagged = async (event: Extract<IngestEvent, { type: 'item' }>, flagged: Finding[]): Promise<void> => {
      if (!(event.span && (await storeRow(event.item, event.span)))) await storeCapture(event.capture.id);
      // the photos and videos a flagged item shows are evidence too
      for (const media of event.mediaCaptures) {
        await storeCapture(media.capture.parentId);
        await run.putCapture(media.capture, media.content);
      }
      // a scan's items come without their id (only a flagged one needs it): hashed now
      ensureItemId(event.item);
      run.putItem(event.item, event.raw, event.byOwner, { namesake: event.namesake === true, otherAccount: event.otherAccount === true });
      let subjects: FiledUnder[] | undefined;
      for (const f of flagged) {
        const rule = ruleById.get(f.ruleId);
        const record = rule ? ruleRecord(rule) : isVisionItem(event) ? event.rules.find((r) => r.id === f.ruleId) : undefined;
        if (record && !storedRules.has(record.id)) {
          run.putRule(record);
          storedRules.add(record.id);
        }
        const isNew = run.putFinding(f);
        // a dismissed finding stays dismissed when scanned again: its status is read now; the
        // item's attributions were written by putItem, so whom it is filed under is known now too
        subjects ??= subjectsOfItem(req.store, event.item.id);
        const found: ScanFinding = { finding: f, item: event.item, capture: event.capture, isNew, status: isNew ? 'open' : req.store.findingStatus(f.id), subjects };
        if (req.onFinding) req.onFinding(found);
        else findings.push(found);
        if (maxSeverity === undefined || severityRank(f.severity) > severityRank(maxSeverity)) maxSeverity = f.severity;
        stats.findings++;
      }
      await afterItem();
    };
    const handleOther = (event: Exclude<IngestEvent, { type: 'item' | 'rows' }>): Promise<void> | undefined => {
      switch (event.type) {
        case 'rows-end': {
          const problems = rowProblems.get(event.member);
          rowProblems.delete(event.member);
          if (!failedRows.has(event.member)) problems?.report({ member: event.member, warn: (message) => handleOther({ type: 'warning', message }) });
          break;
        }
        case 'rows-failed':
          if (!failedRows.has(event.member)) rowsFailed(event.member, event.detail);
          break;
        case 'capture': {
          stats.captures++;
          if (current) {
            const prev = captures.get(current);
            if (prev?.reopen) prev.content = prev.reopen;
          }
          const member = event.member;
          captures.set(event.capture.id, {
            capture: event.capture,
            content: event.content,
            ...(Buffer.isBuffer(event.content) && member ? { reopen: () => member.open() } : {}),
            ...(member?.file ? { file: member.file } : {}),
            stored: captures.get(event.capture.id)?.stored ?? false,
          });
          current = event.capture.id;
          break;
        }
        case 'warning':
          warnings.push(event.message);
          req.onWarning?.(event.message);
          break;
        case 'skipped':
          skippedMembers++;
          break;
      }
      return undefined;
    };

    // Items are evaluated ahead, in batches (by worker threads with --jobs), and handled strictly
    // in input order: the queue holds every event whose turn has not come yet, with its verdicts
    // once known. Each chat message's context is taken here, in order, and travels with the item.
    type Queued = { events: IngestEvent[]; verdicts: Verdict[] | undefined; answer?: Promise<void> };
    const queue: Queued[] = [];
    const batchSize = pool.parallel ? BATCH_ITEMS : 1;
    let batch: IngestEvent[] = [];
    let requests: VerdictRequest[] = [];
    // flush and drain answer a promise only when they had to wait (a worker's answer, a flagged
    // item's storing, a turn of the event loop), so an item that needs none costs no async step
    const flush = (): Promise<void> | undefined => {
      if (batch.length === 0) return undefined;
      // the workers' answers are read only between macrotasks: read them before deciding that every
      // worker is busy and this thread must evaluate the batch itself (it kept a worker starved)
      if (pool.saturated) return new Promise<void>((resolve) => setImmediate(resolve)).then(flushNow);
      flushNow();
      return undefined;
    };
    const flushNow = (): void => {
      if (batch.length === 0) return;
      const events = batch;
      const answer = pool.evaluate(requests);
      batch = [];
      requests = [];
      if (Array.isArray(answer)) queue.push({ events, verdicts: answer });
      else {
        const queued: Queued = { events, verdicts: undefined };
        queued.answer = answer.then((v) => {
          queued.verdicts = v;
        });
        // a failure is raised when its turn comes (drain), not as an unhandled rejection before
        queued.answer.catch(() => undefined);
        queue.push(queued);
      }
    };
    /** Handles the events whose verdicts are in; with `all`, waits for every one. */
    const drain = (all: boolean): Promise<void> | undefined => {
      while (queue.length > 0) {
        const head = queue[0] as Queued;
        if (!head.verdicts) {
          // keep reading (and evaluating in this thread) while the workers are busy, up to a bound on what is held
          if (!all && queue.length <= MAX_QUEUED_BATCHES) return undefined;
          return drainWaiting(all);
        }
        queue.shift();
        const verdicts = head.verdicts;
        for (let i = 0; i < head.events.length; i++) {
          const pending = handle(head.events[i] as IngestEvent, verdicts[i]);
          if (pending) return drainWaiting(all, pending, head, i + 1);
        }
      }
      return undefined;
    };
    /** drain, from where it had to wait: `pending` first, then the rest of `head`'s events, then the queue. */
    const drainWaiting = async (all: boolean, pending?: Promise<void>, head?: Queued, from = 0): Promise<void> => {
      if (pending) await pending;
      if (head) {
        const verdicts = head.verdicts ?? [];
        for (let i = from; i < head.events.length; i++) {
          const next = handle(head.events[i] as IngestEvent, verdicts[i]);
          if (next) await next;
        }
      }
      while (queue.length > 0) {
        const first = queue[0] as Queued;
        if (!first.verdicts) {
          if (!all && queue.length <= MAX_QUEUED_BATCHES) return;
          await first.answer;
        }
        queue.shift();
        const verdicts = first.verdicts ?? [];
        for (let i = 0; i < first.events.length; i++) {
          const next = handle(first.events[i] as IngestEvent, verdicts[i]);
          if (next) await next;
        }
      }
    };
    /** the chat messages still held by the look-ahead join the batch, in order, with no workplace reading */
    const releaseHeld = (): void => {
      for (const ready of lookahead.release()) enqueue(ready);
    };
    /** A chat entry the look-ahead let go joins the batch; warnings met after it follow it, in file order. */
    const enqueue = (ready: ReturnType<typeof lookahead.release>[number]): void => {
      batch.push(ready.value.event);
      requests.push({ item: ready.item, thread: ready.value.thread, ...(ready.reading ? { workplace: ready.reading } : {}) });
      if (ready.value.after) {
        flushNow();
        queue.push({ events: ready.value.after, verdicts: [] });
      }
    };
    const hooks: IngestHooks = {
      beforeClose: async () => {
        releaseHeld();
        await flush();
        await drain(true);
      },
    };
    // with worker threads a row file's lines are parsed by the thread that evaluates them
    // a row file's lines are parsed by the thread that evaluates them, in chunks, with or without
    // worker threads: an item per row through the ingest generator, the chat context and the
    // evaluation queue cost a clean scan more than the rows' own evaluation (the vision reader
    // works on whole items, so it gets them as before)
    const events = scanEvents(files, pages, req.vision ? req : { ...req, ingest: { ...req.ingest, rowChunks: BATCH_ITEMS } }, hooks);
    for await (const event of req.vision ? req.vision.expand(events, req.region ? { region: req.region } : {}) : events) {
      if (event.type === 'rows') {
        // a row file's lines go to be parsed where they are evaluated, in order after the items before them
        releaseHeld();
        await flush();
        const answer = pool.evaluateRows({ rows: event.rows, options: rowOptions });
        if (answer instanceof Promise) {
          const queued: Queued = { events: [event], verdicts: undefined };
          queued.answer = answer.then((v) => {
            queued.verdicts = [v];
          });
          queued.answer.catch(() => undefined);
          queue.push(queued);
        } else queue.push({ events: [event], verdicts: [answer] });
      } else if (event.type === 'item' && !isVisionItem(event)) {
        // a post of an export's own adapter also leans on the same account's other posts (timelineFor);
        // a row of a JSONL or CSV file does not, as worker threads read it
        const thread = readsRowChunks(event.adapter) ? withQuote(event.item, event.raw, chats.threadFor(event.item)) : [...chats.threadFor(event.item), ...chats.timelineFor(event.item)];
        chats.remember(event.item);
        // a row of a JSONL or CSV file is read as with worker threads (chatRows): no look-ahead
        for (const ready of readsRowChunks(event.adapter) ? lookahead.pass(event.item, { event, thread }) : lookahead.push(event.item, { event, thread })) {
          enqueue(ready);
          if (batch.length >= batchSize) {
            const flushing = flush();
            if (flushing) await flushing;
          }
        }
      } else if (event.type === 'warning') {
        // a skipped line inside a chat does not end its look-ahead (the evaluation reads items only);
        // its warning waits behind the messages held before it, so it is told in file order
        const held = lookahead.lastHeld;
        if (held) (held.after ??= []).push(event);
        else {
          await flush();
          queue.push({ events: [event], verdicts: [] });
        }
      } else {
        releaseHeld();
        if (event.type === 'item') {
          chats.remember(event.item);
          workplace.observe(event.item);
        }
        await flush();
        queue.push({ events: [event], verdicts: [] });
      }
      const draining = drain(false);
      if (draining) await draining;
    }
    releaseHeld();
    await flush();
    await drain(true);
  } catch (err) {
    run.abort(err instanceof Error ? err.message : String(err));
    throw err;
  } finally {
    rowFiles.close();
    await pool.close();
  }
  const counts = run.finish();
  return { runId: run.id, findings, ...(maxSeverity ? { maxSeverity } : {}), stats, counts, warnings, skippedMembers, workerItems: pool.workerItems };
}

/**
 * Reads flagged rows back from their row files at their byte offsets: one descriptor per file for
 * the whole scan (a heavy input flags a third of its rows), closed when the scan ends.
 */
class RowFiles {
  private readonly open = new Map<string, number>();

  /** The bytes [offset, offset + length) of a file. */
  read(file: string, span: RowSpan): Buffer {
    let fd = this.open.get(file);
    if (fd === undefined) {
      fd = openSync(file, 'r');
      this.open.set(file, fd);
    }
    const buf = Buffer.alloc(span.length);
    let done = 0;
    while (done < span.length) {
      const n = readSync(fd, buf, done, span.length - done, span.offset + done);
      if (n === 0) break;
      done += n;
    }
    return done === span.length ? buf : buf.subarray(0, done);
  }

  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }
}

/** An input that names a web page rather than a file: http(s)://…, or t.me/… written without a scheme. */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input) || /^t\.me\//i.test(input);
}

async function fetchPages(urls: string[], req: ScanRequest): Promise<PageRead[]> {
  // the HTTP client is loaded only by a scan that fetches (start-up of every other scan)
  const [{ PageFetcher }, { readUrl }] = await Promise.all([import('../fetch/client.js'), import('../fetch/pages.js')]);
  const fetcher = new PageFetcher(req.fetch ?? {}, { store: req.store });
  const reads: PageRead[] = [];
  try {
    for (const url of urls) {
      const full = /^https?:\/\//i.test(url) ? url : `https://${url}`;
      for await (const read of readUrl(fetcher, full, { ...(req.maxPages ? { maxPages: req.maxPages } : {}), warn: (m) => req.onWarning?.(m) })) reads.push(read);
    }
  } finally {
    await fetcher.close();
  }
  return reads;
}

/** Files and folders through the ingest stage, then the fetched pages, as one stream of events. */
async function* scanEvents(files: string[], pages: PageRead[], req: ScanRequest, hooks: IngestHooks): AsyncGenerator<IngestEvent> {
  // ids are hashed only for flagged items; the vision reader works on whole items, so it gets them as before
  if (files.length) yield* ingest(files, req.vision ? req.ingest : { ...req.ingest, deferItemIds: true }, ALL_ADAPTERS, hooks);
  for (const { page, items } of pages) {
    yield { type: 'capture', capture: page.capture, content: page.body };
    for (const { draft, raw } of items) {
      // a fetched page's posts are their authors': the subject's only through their accounts
      yield { type: 'item', item: makeItem(draft), raw, capture: page.capture, adapter: 'html', mediaCaptures: [], byOwner: false };
    }
  }
}
