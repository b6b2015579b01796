// The custody chain: every write that matters appends an entry hashing the previous one
// (evidence.md §10.4). Editing, deleting or inserting an entry breaks every hash after it.
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../model/hash.js';

export const GENESIS_HASH = '0'.repeat(64);
/** A bundle file listing every entry hash (`<seq> <entry_hash>`) beside a subject's partial custody.jsonl. */
export const CUSTODY_CHAIN = 'custody-chain.txt';
const DOMAIN = 'netral-custody-v1';

export type CustodyAction =
  | 'store.init'
  | 'schema.migrate'
  | 'run.start'
  | 'run.finish'
  | 'capture.add'
  | 'finding.add'
  | 'review.add'
  | 'subject.import'
  | 'subject.put'
  | 'export.create'
  | 'anchor.add'
  | 'blob.keep';

export interface CustodyInput {
  actor: string;
  action: CustodyAction;
  objectType?: string | null;
  objectId?: string | null;
  objectSha256?: string | null;
  runId: string | null;
  payload: Record<string, unknown>;
  at?: string;
}

/** One stored entry, as read back (snake_case = the column names). */
export interface CustodyRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string | null;
  object_id: string | null;
  object_sha256: string | null;
  run_id: string | null;
  payload: string;
  prev_hash: string;
  entry_hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * entry_hash = SHA-256("netral-custody-v1\n" + prev_hash + "\n" + canonical entry without hashes).
 * `payload`: the row's payload already parsed (verify parses it once for the roots it carries).
 */
export function entryHash(row: Omit<CustodyRow, 'entry_hash'>, payload: unknown = JSON.parse(row.payload)): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    object_sha256: row.object_sha256,
    run_id: row.run_id,
    payload,
  });
  return sha256Hex(`${DOMAIN}\n${row.prev_hash}\n${body}`);
}

export function chainHead(db: Database.Database): ChainHead {
  const row = db.prepare('SELECT seq, entry_hash FROM custody_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_hash: string } | undefined;
  return row ? { seq: row.seq, hash: row.entry_hash } : { seq: 0, hash: GENESIS_HASH };
}

/** Append one entry; call inside the write transaction that made the change it records. */
export function appendCustody(db: Database.Database, input: CustodyInput): ChainHead {
  return appendAt(db, chainHead(db), input);
}

/**
 * Appends for one write transaction that holds the write lock (a scan run: BEGIN IMMEDIATE), so no
 * other writer can move the chain head meanwhile: the head is read once and then kept in memory,
 * and the insert statement is prepared once (a heavy scan appends one entry per finding).
 */
export class CustodyWriter {
  private head: ChainHead;
  constructor(private readonly db: Database.Database) {
    this.head = chainHead(db);
  }
  append(input: CustodyInput): ChainHead {
    this.head = appendAt(this.db, this.head, input);
    return this.head;
  }
}

const insertStatements = new WeakMap<Database.Database, Database.Statement>();

function appendAt(db: Database.Database, head: ChainHead, input: CustodyInput): ChainHead {
  const row: Omit<CustodyRow, 'entry_hash'> = {
    seq: head.seq + 1,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    action: input.action,
    object_type: input.objectType ?? null,
    object_id: input.objectId ?? null,
    object_sha256: input.objectSha256 ?? null,
    run_id: input.runId,
    payload: canonicalJson(input.payload),
    prev_hash: head.hash,
  };
  const hash = entryHash(row);
  let insert = insertStatements.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO custody_log (seq, at, actor, action, object_type, object_id, object_sha256, run_id, payload, prev_hash, entry_hash)
       VALUES (@seq, @at, @actor, @action, @object_type, @object_id, @object_sha256, @run_id, @payload, @prev_hash, @entry_hash)`,
    );
    insertStatements.set(db, insert);
  }
  insert.run({ ...row, entry_hash: hash });
  return { seq: row.seq, hash };
}

/** Entries in seq order, streamed. */
export function custodyEntries(db: Database.Database): IterableIterator<CustodyRow> {
  return db.prepare('SELECT * FROM custody_log ORDER BY seq').iterate() as IterableIterator<CustodyRow>;
}
