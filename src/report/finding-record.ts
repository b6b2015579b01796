// The one machine shape of a finding, "netral.finding/2": the same record from `scan`,
// `evidence list|show`, `review` and the export's findings.jsonl. camelCase, numbers as numbers,
// no JSON inside strings. Additive changes keep the version; renaming or removing a field bumps
// it (and schemas/ is regenerated: `npm run schemas`). The types and the record builder, without
// zod (`review list` must not pay zod's start-up); the zod schemas are in ./finding-json.ts.
import { activityTime, type Item, type Platform } from '../model/item-types.js';
import type { CandidateRef, Finding, Prohibition, ReviewStatus, Severity, Span, Track } from '../model/finding-types.js';
import type { Capture } from '../model/capture.js';
import type { Lang } from '../i18n/index.js';

export const FINDING_SCHEMA = 'netral.finding/2';
export const FINDING_LIST_SCHEMA = 'netral.finding-list/1';

/** A span as the record carries it: the finding's own span (UTF-16 offsets into the original field text). */
export type SpanRecord = Span;

export type ReviewRecordJson = {
  decision: 'confirm' | 'dismiss' | 'reopen' | 'note';
  reason: string | null;
  comment: string | null;
  reviewer: string;
  decidedAt: string;
};

export type SubjectRef = {
  id: string;
  name: string;
  nip: string | null;
  agency: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** how this finding is tied to the subject: `account` (its author is one of theirs) or `export-owner` (their own export's activity) */
  attribution: string | null;
};

/** One subject a finding is filed under. */
export type FiledUnderRef = {
  id: string;
  name: string;
  attribution: string | null;
};

/** What only `evidence show` and the export carry: the full case behind one finding. */
export type FindingEvidence = {
  /** the stored item in full (the netral Item model) */
  item: Record<string, unknown>;
  /** the raw fragment of the export the item was read from */
  raw?: unknown;
  rule?: { sha256: string; yaml?: string | undefined } | undefined;
  capture: {
    id: string;
    sha256: string;
    origin: string | null;
    memberPath: string | null;
    capturedAt: string;
    /** the capture's file inside an export bundle */
    file?: string | null | undefined;
    parents?: Array<{ id: string; sha256: string; origin: string }> | undefined;
  };
  mediaCaptures?: Array<{ captureId: string; file: string | null }> | undefined;
  reviews: Array<ReviewRecordJson & { id: string; supersedesId: string | null }>;
  /** decisions on other versions of the same rule for the same item: a hint, never applied */
  earlierDecisions?: Array<ReviewRecordJson & { ruleVersion: number }> | undefined;
};

export type FindingRecord = {
  schema: typeof FINDING_SCHEMA;
  /** content hash of item + rule version + spans: the same input scanned again gives the same id */
  id: string;
  rule: { id: string; version: number; title: string };
  prohibition: Prohibition;
  severity: Severity;
  confidence: number;
  track: Track;
  skbForm: string | null;
  candidates: CandidateRef[];
  spans: SpanRecord[];
  explanation: string;
  legalBasis: string[];
  loweredBy: Array<{ id: string; reason: string }>;
  /** open | confirmed | dismissed: the reviewers' latest decision */
  status: ReviewStatus;
  /** the latest decision, null when nobody reviewed the finding */
  review: ReviewRecordJson | null;
  /** true when this scan stored it first; null outside a scan */
  new: boolean | null;
  /** the civil servant (terlapor) this record is filed under, or null */
  subject: SubjectRef | null;
  /** every subject the finding is filed under; empty when its author is no known subject */
  subjects: FiledUnderRef[];
  item: {
    id: string;
    platform: Platform;
    kind: string;
    time: string | null;
    text: string | null;
    url: string | null;
    actor: string | null;
    /** who did it: the export owner, the sender in a chat, the author of a page */
    author: { name: string | null; handle: string | null; id: string | null } | null;
    target: string | null;
    place: string | null;
    event: string | null;
    context: string | null;
    source: { captureId: string; captureSha256: string; path: string; pointer: string };
  };
  evidence?: FindingEvidence | undefined;
};

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
