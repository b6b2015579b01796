// Reviewer decisions: kept forever, a later decision supersedes (never erases) an earlier one.
// Decisions are keyed by finding id, which is a content hash, so they survive re-scans. Reading
// them back (without zod) is in ./review-history.ts.
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';
import { contentId } from '../model/hash.js';
import { appendCustody } from './custody.js';
import { resolveFindingId } from './finding-ref.js';
import { byId, byIdPrefix, hexId, idArgs, prefixArgs } from './ids.js';
import { rowSha256 } from './rowhash.js';
import type { Store } from './store.js';
import * as H from './review-history.js';
import { DECISIONS, REASON_CODES, toRecord, type ReviewRecord } from './review-history.js';

export * from './review-history.js';

export const Decision = z.enum(DECISIONS);
export type Decision = H.Decision;

export const ReasonCode = z.enum(REASON_CODES);
export type ReasonCode = H.ReasonCode;

export const DecisionInput = z
  .object({
    /** finding id or an unambiguous prefix */
    finding: z.string().min(1),
    decision: Decision,
    reason: ReasonCode.optional(),
    comment: z.string().trim().min(1).optional(),
    reviewer: z.string().trim().min(1),
    /** ISO 8601 UTC; default now */
    at: z.string().optional(),
  })
  .refine((d) => d.decision !== 'dismiss' || d.reason !== undefined, { message: 'dismiss needs a reason', path: ['reason'] })
  .refine((d) => d.decision !== 'note' || d.comment !== undefined, { message: 'note needs a comment', path: ['comment'] });
export type DecisionInput = z.input<typeof DecisionInput>;

/** Record one decision (custody entry `review.add`); returns the stored review. */
export function recordDecision(store: Store, input: DecisionInput): ReviewRecord {
  const parsed = DecisionInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NetralError(issue?.path[0] === 'reason' ? m.reviewNeedsReason : issue?.path[0] === 'comment' ? m.reviewNeedsComment : m.reviewInputBad, { detail: issue?.message ?? '', reasons: REASON_CODES.join(', ') });
  }
  const d = parsed.data;
  const findingId = resolveFindingId(store, d.finding);
  return store.write(() => {
    const db = store.db;
    const previous = db.prepare(`SELECT id FROM reviews WHERE ${byId('finding_id')} ORDER BY pk DESC LIMIT 1`).pluck().get(...idArgs(findingId)) as string | undefined;
    // the review refers to the finding as its row stores the id (schema 12: 32 bytes); its hash covers the hex
    const findingKey = db.prepare(`SELECT id FROM findings WHERE ${byId('id')}`).pluck().get(...idArgs(findingId)) as string | Buffer;
    const row = {
      finding_id: findingId,
      decision: d.decision,
      reason_code: d.reason ?? null,
      comment: d.comment ?? null,
      reviewer: d.reviewer,
      decided_at: d.at ?? new Date().toISOString(),
      supersedes_id: previous ?? null,
    };
    const id = contentId('review', row);
    const full = { id, ...row };
    const rowSha = rowSha256(full);
    db.prepare(
      `INSERT INTO reviews (id, finding_id, decision, reason_code, comment, reviewer, decided_at, supersedes_id, row_sha256)
       VALUES (@id, @finding_id, @decision, @reason_code, @comment, @reviewer, @decided_at, @supersedes_id, @row_sha256)`,
    ).run({ ...full, finding_id: findingKey, row_sha256: rowSha });
    appendCustody(db, { actor: d.reviewer, action: 'review.add', objectType: 'review', objectId: id, objectSha256: rowSha, runId: null, payload: { finding_id: findingId, decision: d.decision, reason_code: d.reason ?? null } });
    return toRecord(full);
  });
}

export const BatchDecisionInput = z.object({
  /** finding ids or unambiguous prefixes */
  findings: z.array(z.string().min(1)).default([]),
  /** every finding of this item (id or unambiguous prefix) */
  allOfItem: z.string().min(1).optional(),
  decision: Decision,
  reason: ReasonCode.optional(),
  comment: z.string().trim().min(1).optional(),
  reviewer: z.string().trim().min(1),
  at: z.string().optional(),
});
export type BatchDecisionInput = z.input<typeof BatchDecisionInput>;

/**
 * Record one decision on several findings (ids, prefixes and/or every finding of one item) in one
 * transaction: every reference is resolved first, so a bad or ambiguous one records nothing.
 * A finding named twice is decided once.
 */
export function recordDecisions(store: Store, input: BatchDecisionInput): ReviewRecord[] {
  const b = BatchDecisionInput.parse(input);
  const ids = new Set(b.findings.map((ref) => resolveFindingId(store, ref)));
  if (b.allOfItem) for (const id of findingsOfItem(store, b.allOfItem)) ids.add(id);
  if (ids.size === 0) throw new NetralError(m.reviewNoFindings, {});
  const at = b.at ?? new Date().toISOString();
  return store.write(() => [...ids].map((id) => recordDecision(store, { finding: id, decision: b.decision, reason: b.reason, comment: b.comment, reviewer: b.reviewer, at })));
}

/** Ids of every finding on one item, given the item id or an unambiguous prefix of it. */
export function findingsOfItem(store: Store, ref: string): string[] {
  const prefix = ref.trim().toLowerCase();
  if (!/^[0-9a-f]{6,64}$/.test(prefix)) throw new NetralError(m.itemRefInvalid, { ref });
  const items = store.db.prepare(`SELECT id FROM items WHERE ${byIdPrefix('id')} LIMIT 2`).pluck().all(...prefixArgs(prefix)) as unknown[];
  if (items.length === 0) throw new NetralError(m.itemNotFound, { ref });
  if (items.length > 1) throw new NetralError(m.itemAmbiguous, { ref });
  // a finding refers to its item as the item row stores its id
  const ids = (store.db.prepare('SELECT id FROM findings WHERE item_id = ? ORDER BY pk').pluck().all(items[0]) as unknown[]).map(hexId);
  if (ids.length === 0) throw new NetralError(m.itemNoFindings, { ref });
  return ids;
}
