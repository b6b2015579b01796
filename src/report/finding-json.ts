// The documented, versioned machine output of `netral scan --format json|jsonl|csv`.
// Schema "netral.finding/1" — see README "Finding schema". Additive changes keep the version;
// renaming or removing a field bumps it.
import { activityTime, type Capture, type Finding, type Item, type ReviewStatus } from '../model/index.js';
import type { Lang } from '../i18n/index.js';
import { csvLine } from './csv.js';

export const FINDING_SCHEMA = 'netral.finding/1';
export const SCAN_SCHEMA = 'netral.scan/1';

export interface FindingJson {
  schema: typeof FINDING_SCHEMA;
  id: string;
  rule: { id: string; version: number; title: string };
  prohibition: number | 'other';
  severity: Finding['severity'];
  confidence: number;
  track: Finding['track'];
  skb_form: string | null;
  candidates: Finding['candidates'];
  spans: Array<{ field: string; index: number; start: number; end: number; text: string; matcher: string }>;
  explanation: string;
  legal_basis: string[];
  lowered_by: Array<{ id: string; reason: string }>;
  new: boolean;
  /** open | confirmed | dismissed — the reviewers' latest decision */
  status: ReviewStatus;
  /** the subjects this finding is filed under (its author is one of their accounts, or their own export's activity) */
  subjects: Array<{ id: string; name: string; attribution: string }>;
  item: {
    id: string;
    platform: Item['platform'];
    kind: Item['kind'];
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
    source: { capture_id: string; capture_sha256: string; path: string; pointer: string };
  };
}

export function findingJson(
  f: { finding: Finding; item: Item; capture: Capture; isNew: boolean; status: FindingJson['status']; subjects?: FindingJson['subjects'] },
  lang: Lang,
): FindingJson {
  const { finding, item, capture } = f;
  return {
    schema: FINDING_SCHEMA,
    id: finding.id,
    rule: { id: finding.ruleId, version: finding.ruleVersion, title: finding.title[lang] },
    prohibition: finding.prohibition,
    severity: finding.severity,
    confidence: finding.confidence,
    track: finding.track,
    skb_form: finding.skbForm ?? null,
    candidates: finding.candidates,
    spans: finding.spans.map((s) => ({ field: s.field, index: s.index, start: s.start, end: s.end, text: s.text, matcher: s.matcher })),
    explanation: finding.explanation[lang],
    legal_basis: finding.legalBasis,
    lowered_by: finding.lowered,
    new: f.isNew,
    status: f.status,
    subjects: (f.subjects ?? []).map((s) => ({ id: s.id, name: s.name, attribution: s.attribution })),
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
      source: { capture_id: item.source.captureId, capture_sha256: capture.sha256, path: item.source.path, pointer: item.source.pointer },
    },
  };
}

export const SCAN_CSV_HEADER = [
  'finding_id',
  'rule_id',
  'rule_version',
  'prohibition',
  'severity',
  'confidence',
  'track',
  'candidates',
  'matched',
  'explanation',
  'legal_basis',
  'platform',
  'kind',
  'time',
  'text',
  'url',
  'target',
  'source_path',
  'source_pointer',
  'capture_sha256',
  'status',
  'author',
  'subjects',
] as const;

export function findingCsvLine(j: FindingJson): string {
  return csvLine([
    j.id,
    j.rule.id,
    j.rule.version,
    String(j.prohibition),
    j.severity,
    j.confidence,
    j.track,
    j.candidates.map((c) => `${c.election}#${String(c.number).padStart(2, '0')} ${c.name}`).join('; '),
    [...new Set(j.spans.map((s) => s.text))].join('; '),
    j.explanation,
    j.legal_basis.join('; '),
    j.item.platform,
    j.item.kind,
    j.item.time,
    j.item.text,
    j.item.url,
    j.item.target,
    j.item.source.path,
    j.item.source.pointer,
    j.item.source.capture_sha256,
    j.status,
    j.item.author ? (j.item.author.name ?? j.item.author.handle ?? j.item.author.id) : null,
    j.subjects.map((s) => s.name).join('; '),
  ]);
}
