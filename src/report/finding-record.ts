// The one machine shape of a finding, "netral.finding/2": the same record from `scan`,
// `evidence list|show`, `review` and the export's findings.jsonl. camelCase, numbers as numbers,
// no JSON inside strings. Additive changes keep the version; renaming or removing a field bumps
// it (and schemas/ is regenerated: `npm run schemas`). The types and the record builder, without
// zod (`review list` must not pay zod's start-up); the zod schemas are in ./finding-json.ts.
import { activityTime, type Item, type Platform } from '../model/item-types.js';
import type { CandidateRef, Finding, Prohibition, ReviewStatus, Severity, Span, Track } from '../model/finding-types.js';
import type { Capture } from '../model/capture.js';
import type { Lang } from '../i18n/index.js';
import { canonicalJson, quotedKey } from '../model/hash.js';

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

/**
 * canonicalJson(findingRecord(f, lang)), written directly: the export writes one per finding
 * (100,000 in a large case file), and building the record object only to walk it again and sort
 * its keys cost about twice the writing. The record's own keys are listed here in canonical
 * (code-unit) order; the values that are not the record's own shape (candidates, review, subject,
 * evidence with the item and its raw fragment) still go through canonicalJson. An undefined value
 * leaves its key out, as canonicalJson does. test/report/finding-record-json.test.ts compares
 * both on real findings.
 */
export function canonicalFindingRecord(f: FindingSource, lang: Lang): string {
  const { finding, item } = f;
  const subjects = f.subjects ?? (f.subject ? [f.subject] : []);
  let spans = '[';
  for (let i = 0; i < finding.spans.length; i++) {
    const s = finding.spans[i]!;
    spans += `${i ? ',' : ''}${new CanonicalObject().add('end', s.end).add('field', s.field).add('index', s.index).add('matcher', s.matcher).add('start', s.start).add('text', s.text).end()}`;
  }
  let subjectList = '[';
  for (let i = 0; i < subjects.length; i++) {
    const x = subjects[i]!;
    subjectList += `${i ? ',' : ''}${new CanonicalObject().add('attribution', x.attribution ?? null).add('id', x.id).add('name', x.name).end()}`;
  }
  const author = item.actor ? new CanonicalObject().add('handle', item.actor.handle ?? null).add('id', item.actor.id ?? null).add('name', item.actor.name ?? null).end() : 'null';
  const source = new CanonicalObject().add('captureId', item.source.captureId).add('captureSha256', f.capture.sha256).add('path', item.source.path).add('pointer', item.source.pointer).end();
  const itemJson = new CanonicalObject()
    .add('actor', item.actor?.name ?? item.actor?.handle ?? null)
    .raw('author', author)
    .add('context', item.context?.name ?? null)
    .add('event', item.event?.name ?? null)
    .add('id', item.id)
    .add('kind', item.kind)
    .add('place', item.place?.name ?? null)
    .add('platform', item.platform)
    .raw('source', source)
    .add('target', item.target?.name ?? item.target?.handle ?? item.target?.url ?? null)
    .add('text', item.text ?? null)
    .add('time', activityTime(item) ?? null)
    .add('url', item.permalink ?? item.target?.url ?? item.link?.url ?? null)
    .end();
  const record = new CanonicalObject().add('candidates', finding.candidates).add('confidence', finding.confidence);
  if (f.evidence) record.add('evidence', f.evidence);
  return record
    .add('explanation', finding.explanation[lang])
    .add('id', finding.id)
    .raw('item', itemJson)
    .add('legalBasis', finding.legalBasis)
    .add('loweredBy', finding.lowered)
    .add('new', f.isNew ?? null)
    .add('prohibition', finding.prohibition)
    .add('review', f.review ?? null)
    .raw('rule', new CanonicalObject().add('id', finding.ruleId).add('title', finding.title[lang]).add('version', finding.ruleVersion).end())
    .add('schema', FINDING_SCHEMA)
    .add('severity', finding.severity)
    .add('skbForm', finding.skbForm ?? null)
    .raw('spans', `${spans}]`)
    .add('status', f.status)
    .add('subject', f.subject ?? null)
    .raw('subjects', `${subjectList}]`)
    .add('track', finding.track)
    .end();
}

/** A JSON object written member by member, its keys given in canonical order by the caller. */
class CanonicalObject {
  private text = '{';
  add(key: string, value: unknown): this {
    // canonicalJson(undefined) is undefined at run time (JSON.stringify's), whatever its type says
    const json = canonicalJson(value) as string | undefined;
    return json === undefined ? this : this.raw(key, json);
  }
  raw(key: string, json: string): this {
    this.text += `${this.text.length === 1 ? '' : ','}${quotedKey(key)}${json}`;
    return this;
  }
  end(): string {
    return `${this.text}}`;
  }
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
