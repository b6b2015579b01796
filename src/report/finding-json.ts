// The one machine shape of a finding, "netral.finding/2": the same record from `scan`,
// `evidence list|show`, `review` and the export's findings.jsonl. camelCase, numbers as numbers,
// no JSON inside strings. Additive changes keep the version; renaming or removing a field bumps
// it (and schemas/ is regenerated: `npm run schemas`). The zod schemas; the types and the record
// builder are in ./finding-record.ts (checked below to match).
import { z } from 'zod';
import { CandidateRef, Platform, Prohibition, ReviewStatus, Severity, SpanField, Track } from '../model/index.js';
import * as R from './finding-record.js';
import { FINDING_LIST_SCHEMA, FINDING_SCHEMA } from './finding-record.js';

export * from './finding-record.js';

const SpanRecord = z.object({
  field: SpanField,
  index: z.number().int().nonnegative(),
  /** UTF-16 offsets into the original field text */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  matcher: z.string(),
});

export const ReviewRecordJson = z.object({
  decision: z.enum(['confirm', 'dismiss', 'reopen', 'note']),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  reviewer: z.string(),
  decidedAt: z.string(),
});

export const SubjectRef = z.object({
  id: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  agency: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  /** how this finding is tied to the subject: `account` (its author is one of theirs) or `export-owner` (their own export's activity) */
  attribution: z.string().nullable(),
});

/** One subject a finding is filed under. */
export const FiledUnderRef = z.object({ id: z.string(), name: z.string(), attribution: z.string().nullable() });
export type FiledUnderRef = R.FiledUnderRef;

/** What only `evidence show` and the export carry: the full case behind one finding. */
export const FindingEvidence = z.object({
  /** the stored item in full (the netral Item model) */
  item: z.record(z.string(), z.unknown()),
  /** the raw fragment of the export the item was read from */
  raw: z.unknown().optional(),
  rule: z.object({ sha256: z.string(), yaml: z.string().optional() }).optional(),
  capture: z.object({
    id: z.string(),
    sha256: z.string(),
    origin: z.string().nullable(),
    memberPath: z.string().nullable(),
    capturedAt: z.string(),
    /** the capture's file inside an export bundle */
    file: z.string().nullable().optional(),
    parents: z.array(z.object({ id: z.string(), sha256: z.string(), origin: z.string() })).optional(),
  }),
  mediaCaptures: z.array(z.object({ captureId: z.string(), file: z.string().nullable() })).optional(),
  reviews: z.array(ReviewRecordJson.extend({ id: z.string(), supersedesId: z.string().nullable() })),
  /** decisions on other versions of the same rule for the same item: a hint, never applied */
  earlierDecisions: z.array(ReviewRecordJson.extend({ ruleVersion: z.number().int() })).optional(),
});

export const FindingRecord = z.object({
  schema: z.literal(FINDING_SCHEMA),
  /** content hash of item + rule version + spans: the same input scanned again gives the same id */
  id: z.string(),
  rule: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
  prohibition: Prohibition,
  severity: Severity,
  confidence: z.number().min(0).max(1),
  track: Track,
  skbForm: z.string().nullable(),
  candidates: z.array(CandidateRef),
  spans: z.array(SpanRecord),
  explanation: z.string(),
  legalBasis: z.array(z.string()),
  loweredBy: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** open | confirmed | dismissed: the reviewers' latest decision */
  status: ReviewStatus,
  /** the latest decision, null when nobody reviewed the finding */
  review: ReviewRecordJson.nullable(),
  /** true when this scan stored it first; null outside a scan */
  new: z.boolean().nullable(),
  /** the civil servant (terlapor) this record is filed under, or null */
  subject: SubjectRef.nullable(),
  /** every subject the finding is filed under; empty when its author is no known subject */
  subjects: z.array(FiledUnderRef),
  item: z.object({
    id: z.string(),
    platform: Platform,
    kind: z.string(),
    time: z.string().nullable(),
    text: z.string().nullable(),
    url: z.string().nullable(),
    actor: z.string().nullable(),
    /** who did it: the export owner, the sender in a chat, the author of a page */
    author: z.object({ name: z.string().nullable(), handle: z.string().nullable(), id: z.string().nullable() }).nullable(),
    target: z.string().nullable(),
    place: z.string().nullable(),
    event: z.string().nullable(),
    context: z.string().nullable(),
    source: z.object({ captureId: z.string(), captureSha256: z.string(), path: z.string(), pointer: z.string() }),
  }),
  evidence: FindingEvidence.optional(),
});
export type FindingRecord = R.FindingRecord;
export type ReviewRecordJson = R.ReviewRecordJson;
export type SubjectRef = R.SubjectRef;
export type FindingEvidence = R.FindingEvidence;

// the hand-written types are exactly what the schemas parse to (a drift fails `tsc`)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [Same<z.infer<typeof FindingRecord>, R.FindingRecord>, Same<z.infer<typeof FindingEvidence>, R.FindingEvidence>, Same<z.infer<typeof SubjectRef>, R.SubjectRef>, Same<z.infer<typeof ReviewRecordJson>, R.ReviewRecordJson>] = [true, true, true, true];
void sameTypes;

export const SCAN_SCHEMA = 'netral.scan/2';
/** `scan --format json`: the findings of one run (only the new ones with --baseline). */
export const ScanReport = z.object({
  schema: z.literal(SCAN_SCHEMA),
  store: z.string(),
  /** the --baseline the findings were compared with, null without one */
  baseline: z.string().nullable(),
  findings: z.array(FindingRecord),
  runId: z.string(),
  summary: z.object({
    items: z.number().int(),
    captures: z.number().int(),
    /** findings this scan produced (before --baseline) */
    findings: z.number().int(),
    /** of those, the ones the store did not hold before */
    newFindings: z.number().int(),
    /** findings reported above (after --baseline) */
    reported: z.number().int(),
    /** reported findings a reviewer dismissed earlier (never counted by --fail-on) */
    dismissed: z.number().int(),
  }),
});

/** `evidence list` and `review` with --format json. */
export const FindingList = z.object({
  schema: z.literal(FINDING_LIST_SCHEMA),
  store: z.string(),
  findings: z.array(FindingRecord),
  count: z.number().int(),
});
