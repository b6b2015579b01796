// Export parts written to temporary files as they are made, so an export of 100,000 findings is
// never held in memory: plain text (CSV, JSONL) and the report's cards (read back page by page).
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { type CardFacts, cardFacts, type ReportCard } from '../report/report-data.js';
import type { CardParts } from '../report/html/cards.js';

/**
 * Bytes a spool collects before one write(2): 64 KiB by default (an export may hold a spool open
 * per original file kept as rows, hundreds in a batch store), 1 MiB for the few large parts.
 */
const SPOOL_BUFFER = 1 << 16;
export const LARGE_SPOOL_BUFFER = 1 << 20;

/**
 * A file written through one reused buffer (an export part that must not be held in memory): each
 * text is encoded into the buffer as it comes and dies at once, and a full buffer is one write.
 * Joining the texts into a string first cost more than all else of a 100,000-finding export
 * (a joined 64 K-character chunk of non-ASCII text is a large V8 object: 1.4 ms a join, 12 s).
 */
export class Spool {
  private readonly fd: number;
  private readonly buffer: Buffer;
  private used = 0;
  // the bundle lists every file's SHA-256: hashed as written, not read back
  private readonly hash: Hash | undefined;
  private digest: string | undefined;
  /**
   * `buffer`: one to reuse (spools written one after another, e.g. the report's pages);
   * `hashed`: false for a spool that is no file of the bundle (the report's cards, read back into
   * its pages: hashing them cost ~1.5 s of CPU for 100,000 cards)
   */
  constructor(
    readonly path: string,
    head = '',
    buffer?: Buffer,
    hashed = true,
  ) {
    this.hash = hashed ? createHash('sha256') : undefined;
    this.fd = openSync(path, 'w', 0o600);
    this.buffer = buffer ?? Buffer.allocUnsafe(SPOOL_BUFFER);
    if (head) this.write(head);
  }
  /** Appends `text` (UTF-8); returns its length in bytes. */
  write(text: string): number {
    // a UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair: 4 for 2)
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        const bytes = Buffer.from(text, 'utf8');
        this.out(bytes);
        return bytes.length;
      }
    }
    const n = this.buffer.write(text, this.used, 'utf8');
    this.used += n;
    return n;
  }
  /** Appends bytes as they are. */
  writeBytes(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) {
      this.flush();
      if (bytes.length > this.buffer.length) return this.out(bytes);
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }
  private flush(): void {
    if (this.used) this.out(this.buffer.subarray(0, this.used));
    this.used = 0;
  }
  private out(bytes: Uint8Array): void {
    this.hash?.update(bytes);
    writeAll(this.fd, bytes);
  }
  /** Flushes and closes; returns the path. */
  close(): string {
    this.flush();
    closeSync(this.fd);
    this.digest = this.hash?.digest('hex');
    return this.path;
  }
  /** SHA-256 (hex) of every byte written; known once closed. */
  get sha256(): string {
    if (this.digest === undefined) throw new Error(`Spool ${this.path}: ${this.hash ? 'close() before its hash' : 'not hashed'}`);
    return this.digest;
  }
}

/** write(2) until every byte is written (a regular file may take fewer than asked). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * The report's cards, each rendered to its HTML once as it is added (around its number, which is
 * known only when every card is: html/cards.ts renderCardParts) and spooled as that text, with
 * its facts (status, subject, time, size) kept in memory for the index and the charts; a card
 * page reads its own cards' HTML back by their offsets. No card is kept, serialised or parsed again.
 */
const STATUS: Record<CardFacts['review']['status'], CardFacts['review']> = { open: { status: 'open' }, confirmed: { status: 'confirmed' }, dismissed: { status: 'dismissed' } };

export class CardSpool {
  readonly facts: CardFacts[] = [];
  private readonly spool: Spool;
  private offsets: number[] = [];
  /** bytes of each card's head part, then of its tail part */
  private heads: number[] = [];
  private tails: number[] = [];
  private written = 0;
  private readonly subjects = new Map<string, NonNullable<CardFacts['subject']>>();
  private fd: number | undefined;

  constructor(
    path: string,
    private readonly render: (card: ReportCard) => CardParts,
  ) {
    this.spool = new Spool(path, '', Buffer.allocUnsafe(LARGE_SPOOL_BUFFER), false);
  }

  /** `card`: already validated (ReportCard.parse) */
  add(card: ReportCard): void {
    const [head, tail] = this.render(card);
    const headBytes = this.spool.write(head);
    const tailBytes = this.spool.write(tail);
    this.offsets.push(this.written);
    this.heads.push(headBytes);
    this.tails.push(tailBytes);
    this.written += headBytes + tailBytes;
    // 100,000 facts stay in memory until the pages are written: one object per subject and
    // status, not one per card
    const facts = cardFacts(card, this.facts.length);
    if (facts.subject) {
      const key = JSON.stringify(facts.subject);
      const shared = this.subjects.get(key);
      if (shared) facts.subject = shared;
      else this.subjects.set(key, facts.subject);
    }
    facts.review = STATUS[facts.review.status];
    this.facts.push(facts);
  }

  /** Done writing: cards are read from here on. */
  finish(): void {
    this.fd = openSync(this.spool.close(), 'r');
  }

  /** The HTML parts of these cards, in the same order, as the UTF-8 bytes they were spooled as. */
  cardParts(facts: readonly CardFacts[]): Array<readonly [Uint8Array, Uint8Array]> {
    if (this.fd === undefined) throw new Error('CardSpool: finish() before reading');
    const fd = this.fd;
    // one read per page: its cards lie in runs of neighbours in the spool
    const parts: Array<readonly [Uint8Array, Uint8Array]> = [];
    for (let i = 0; i < facts.length; ) {
      let j = i + 1;
      while (j < facts.length && facts[j]!.n === facts[j - 1]!.n + 1) j++;
      const first = facts[i]!.n;
      const last = facts[j - 1]!.n;
      const start = this.offsets[first]!;
      const buf = Buffer.allocUnsafe(this.offsets[last]! + this.heads[last]! + this.tails[last]! - start);
      for (let at = 0; at < buf.length; ) {
        const n = readSync(fd, buf, at, buf.length - at, start + at);
        if (n === 0) throw new Error('CardSpool: the spool ended early');
        at += n;
      }
      for (let k = i; k < j; k++) {
        const n = facts[k]!.n;
        const head = this.offsets[n]! - start;
        const tail = head + this.heads[n]!;
        parts.push([buf.subarray(head, tail), buf.subarray(tail, tail + this.tails[n]!)]);
      }
      i = j;
    }
    return parts;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
