// Export parts written to temporary files as they are made, so an export of 100,000 findings is
// never held in memory: plain text (CSV, JSONL) and the report's cards (read back page by page).
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { type CardFacts, cardFacts, type ReportCard } from '../report/report-data.js';
import type { CardParts } from '../report/html/cards.js';

/**
 * A file written in 64 KB chunks (an export part that must not be held in memory). Small chunks
 * let each finding's strings die young: strings held for a whole megabyte outlive the young
 * generation, and the old generation they are promoted to grows the process by hundreds of MB.
 */
export class Spool {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  constructor(
    readonly path: string,
    head = '',
  ) {
    this.fd = openSync(path, 'w', 0o600);
    if (head) this.write(head);
  }
  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= 1 << 16) this.flush();
  }
  private flush(): void {
    if (this.chunks.length) writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  /** Flushes and closes; returns the path. */
  close(): string {
    this.flush();
    closeSync(this.fd);
    return this.path;
  }
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
    this.spool = new Spool(path);
  }

  /** `card`: already validated (ReportCard.parse) */
  add(card: ReportCard): void {
    const [head, tail] = this.render(card);
    const headBytes = Buffer.byteLength(head, 'utf8');
    const tailBytes = Buffer.byteLength(tail, 'utf8');
    this.offsets.push(this.written);
    this.heads.push(headBytes);
    this.tails.push(tailBytes);
    this.written += headBytes + tailBytes;
    this.spool.write(head);
    this.spool.write(tail);
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

  /** The HTML parts of these cards, in the same order. */
  cardParts(facts: readonly CardFacts[]): CardParts[] {
    if (this.fd === undefined) throw new Error('CardSpool: finish() before reading');
    const fd = this.fd;
    return facts.map((f) => {
      const head = this.heads[f.n]!;
      const buf = Buffer.allocUnsafe(head + this.tails[f.n]!);
      readSync(fd, buf, 0, buf.length, this.offsets[f.n]!);
      return [buf.toString('utf8', 0, head), buf.toString('utf8', head)] as const;
    });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
