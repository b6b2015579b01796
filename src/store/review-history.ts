// Reading reviewer decisions back, without zod (`review list` must not pay zod's start-up);
// recording them, with their input checks, is in ./review.ts.
import type { Store } from './store.js';
import { byId, hexId, idArgs } from './ids.js';
import { prepared } from './statements.js';

export const DECISIONS = ['confirm', 'dismiss', 'reopen', 'note'] as const;
export type Decision = (typeof DECISIONS)[number];

export const REASON_CODES = ['false_positive', 'duty_context', 'out_of_period', 'not_subject', 'duplicate', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface ReviewRecord {
  id: string;
  findingId: string;
  decision: Decision;
  reason: ReasonCode | null;
  comment: string | null;
  reviewer: string;
  decidedAt: string;
  supersedesId: string | null;
}

/**
 * Rows of one item under one prohibition belong together (one post matched by several rules, or
 * filed under several subjects): grouped in first-seen order, so a reviewer decides them at once.
 */
export function groupByItemAndProhibition<R extends { item_id: string; prohibition: string }>(rows: Iterable<R>): R[][] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const key = `${r.item_id}\u0000${r.prohibition}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.values()];
}

/** Every decision on a finding, oldest first. */
export function reviewHistory(store: Store, findingId: string): ReviewRecord[] {
  const rows = prepared(store.db, `SELECT * FROM reviews WHERE ${byId('finding_id')} ORDER BY pk`).all(...idArgs(findingId)) as Array<Parameters<typeof toRecord>[0]>;
  return rows.map(toRecord);
}

/** A reviews row as a record. */
export function toRecord(r: { id: string; finding_id: string | Buffer; decision: string; reason_code: string | null; comment: string | null; reviewer: string; decided_at: string; supersedes_id: string | null }): ReviewRecord {
  return {
    id: r.id,
    // schema 12: the finding's id as its row stores it (32 bytes), shown as hex
    findingId: hexId(r.finding_id),
    decision: r.decision as Decision,
    reason: r.reason_code as ReasonCode | null,
    comment: r.comment,
    reviewer: r.reviewer,
    decidedAt: r.decided_at,
    supersedesId: r.supersedes_id,
  };
}
