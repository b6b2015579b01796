// The one machine shape of a finding, "netral.finding/2": the same record from `scan`,
// `evidence list|show`, `review` and the export's findings.jsonl. camelCase, numbers as numbers,
// no JSON inside strings. Additive changes keep the version; renaming or removing a field bumps
// it (and schemas/ is regenerated: `npm run schemas`).
import { z } from 'zod';
import { activityTime, CandidateRef, Item, Platform, Prohibition, ReviewStatus, Severity, SpanField, Track, type Capture, type Finding } from '../model/index.js';
import type { Lang } from '../i18n/index.js';

export const FINDING_SCHEMA = 'netral.finding/2';

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
export type FiledUnderRef = z.infer<typeof FiledUnderRef>;

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
export type FindingRecord = z.infer<typeof FindingRecord>;
export type ReviewRecordJson = z.infer<typeof ReviewRecordJson>;
export type SubjectRef = z.infer<typeof SubjectRef>;
export type FindingEvidence = z.infer<typeof FindingEvidence>;

/** Everything a finding record is made from, whether it comes from a scan or from the store. */
export interface FindingSource {
  finding: Finding;
  item: Item;
  capture: Pick<Capture, 'sha256'>;
  status: ReviewStatus;
  isNew?: boolean;
  review?: ReviewRecordJson | null;
  subject?: SubjectRef | null;
  /** every subject the finding is filed under (a scan knows them all); default: `subject` alone */
  subjects?: ReadonlyArray<FiledUnderRef & { regionCode?: string | null }>;
  evidence?: FindingEvidence;
}

export function findingRecord(f: FindingSource, lang: Lang): FindingRecord {
  const { finding, item } = f;
  return {
    schema: FINDING_SCHEMA,
    id: finding.id,
    rule: { id: finding.ruleId, version: finding.ruleVersion, title: finding.title[lang] },
    prohibition: finding.prohibition,
    severity: finding.severity,
    confidence: finding.confidence,
    track: finding.track,
    skbForm: finding.skbForm ?? null,
    candidates: finding.candidates,
    spans: finding.spans.map((s) => ({ field: s.field, index: s.index, start: s.start, end: s.end, text: s.text, matcher: s.matcher })),
    explanation: finding.explanation[lang],
    legalBasis: finding.legalBasis,
    loweredBy: finding.lowered,
    status: f.status,
    review: f.review ?? null,
    new: f.isNew ?? null,
    subject: f.subject ?? null,
    subjects: (f.subjects ?? (f.subject ? [f.subject] : [])).map((x) => ({ id: x.id, name: x.name, attribution: x.attribution ?? null })),
    item: {
      id: item.id,
      platform: item.platform,
      kind: item.kind,
      time: activityTime(item) ?? null,
      text: item.text ?? null,
      url: item.permalink ?? item.target?.url ?? item.link?.url ?? null,
      actor: item.actor?.name ?? item.actor?.handle ?? null,
      author: item.actor ? { name: item.actor.name ?? null, handle: item.actor.handle ?? null, id: item.actor.id ?? null } : null,
      target: item.target?.name ?? item.target?.handle ?? item.target?.url ?? null,
      place: item.place?.name ?? null,
      event: item.event?.name ?? null,
      context: item.context?.name ?? null,
      source: { captureId: item.source.captureId, captureSha256: f.capture.sha256, path: item.source.path, pointer: item.source.pointer },
    },
    ...(f.evidence ? { evidence: f.evidence } : {}),
  };
}

/** The CSV of findings (scan, evidence list, review): one row per record, the same header everywhere. */
export const FINDING_CSV_COLUMNS: ReadonlyArray<[string, (r: FindingRecord) => string | number | null]> = [
  ['id', (r) => r.id],
  ['status', (r) => r.status],
  ['rule_id', (r) => r.rule.id],
  ['rule_version', (r) => r.rule.version],
  ['prohibition', (r) => String(r.prohibition)],
  ['severity', (r) => r.severity],
  ['confidence', (r) => r.confidence],
  ['track', (r) => r.track],
  ['skb_form', (r) => r.skbForm],
  ['candidates', (r) => r.candidates.map((c) => `${c.election}#${String(c.number).padStart(2, '0')} ${c.name}`).join('; ')],
  ['matched', (r) => [...new Set(r.spans.map((s) => s.text))].join('; ')],
  ['explanation', (r) => r.explanation],
  ['legal_basis', (r) => r.legalBasis.join('; ')],
  ['subject', (r) => r.subject?.name ?? null],
  ['nip', (r) => r.subject?.nip ?? null],
  ['subjects', (r) => r.subjects.map((x) => x.name).join('; ')],
  ['author', (r) => (r.item.author ? (r.item.author.name ?? r.item.author.handle ?? r.item.author.id) : null)],
  ['platform', (r) => r.item.platform],
  ['kind', (r) => r.item.kind],
  ['time', (r) => r.item.time],
  ['actor', (r) => r.item.actor],
  ['text', (r) => r.item.text],
  ['url', (r) => r.item.url],
  ['target', (r) => r.item.target],
  ['source_path', (r) => r.item.source.path],
  ['source_pointer', (r) => r.item.source.pointer],
  ['capture_sha256', (r) => r.item.source.captureSha256],
];

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

export const FINDING_LIST_SCHEMA = 'netral.finding-list/1';
/** `evidence list` and `review` with --format json. */
export const FindingList = z.object({
  schema: z.literal(FINDING_LIST_SCHEMA),
  store: z.string(),
  findings: z.array(FindingRecord),
  count: z.number().int(),
});
