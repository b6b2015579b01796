// Why an item was flagged: the rule, the words that matched, the candidate, the law. The types and
// the hand check of a stored finding, without zod: listing findings (`review`, `evidence list`)
// must not pay zod's start-up. The zod schemas are in ./finding.ts (test-checked to match).
import { createRequire } from 'node:module';
import { contentId } from './hash.js';

export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** 1–8 = the "8 tidak"; other = SKB 2/2022 social-media forms the 8 do not cover. */
export type Prohibition = number | 'other';

/** Code-of-ethics track before official determination (bakal calon), discipline after (calon). */
export const TRACKS = ['etik', 'disiplin', 'unknown'] as const;
export type Track = (typeof TRACKS)[number];

export interface Localized {
  id: string;
  en: string;
}

/**
 * Which item field a span points into. Offsets are UTF-16 code units into the ORIGINAL string.
 * 'thread' points into the text of the earlier chat message the finding leaned on (the message
 * replied to, or the one just before); the span's `text` keeps those words.
 */
export const SPAN_FIELDS = ['text', 'target', 'place', 'event', 'media.caption', 'context', 'link', 'hashtags', 'thread'] as const;
export type SpanField = (typeof SPAN_FIELDS)[number];

export interface Span {
  field: SpanField;
  /** index of the entry when the field is a list (media captions); 0 otherwise */
  index: number;
  start: number;
  end: number;
  /** the original text between start and end */
  text: string;
  /** the matcher name in the rule that produced the span */
  matcher: string;
}

/**
 * Which way the writer leans on one pair, as the rule's evidence shows it: 'support' and 'attack'
 * when the cue words the finding rests on attach to that pair (a praise or a call beside its name,
 * a mocking nickname, the pair ranked below another after "daripada"), 'mention' when the rule
 * cannot tell (named only, or praised and attacked alike). Findings stored before stop 33 carry
 * none.
 */
export const CANDIDATE_STANCES = ['support', 'attack', 'mention'] as const;
export type CandidateStance = (typeof CANDIDATE_STANCES)[number];

export interface CandidateRef {
  /** registry election id, e.g. pilpres-2024, pilkada-2024-3273 */
  election: string;
  /** pair number on the ballot */
  number: number;
  /** registry pair id, e.g. pilpres-2024-02 */
  pair: string;
  /** display name, e.g. "Prabowo Subianto – Gibran Rakabuming Raka" */
  name: string;
  /** the writer's stance on this pair (absent in findings stored before it was recorded) */
  stance?: CandidateStance | undefined;
  /** why the stance is support or attack: the writer's words that decided it, or the act by its nature (absent before stop 42 and on a mention) */
  sideBy?: SideBy | undefined;
  /**
   * the office words, as written, that alone named this pair ("bupati", "presiden"): the finding
   * reached the pair through the office its candidate holds, not by a name, number or sign (absent
   * when a name named it, and on findings stored before stop 43)
   */
  byOffice?: string[] | undefined;
}

/**
 * What decided a pair's side (issue 11, "the right person"): the writer's words, in text order, as
 * they stand in the item ("coblos", "milih nomor tiga", "tetep bersamamu"), and `act` when the act
 * itself decided it by its nature (a shirt worn, a rally attended, a page liked: the rule's act_side
 * or a sided reaction), with its words when the act has some.
 */
export interface SideBy {
  words: string[];
  act?: boolean | undefined;
}

export interface Finding {
  id: string;
  itemId: string;
  ruleId: string;
  ruleVersion: number;
  prohibition: Prohibition;
  severity: Severity;
  /** 0..1: how strongly the combined evidence says this is a real violation */
  confidence: number;
  track: Track;
  /** SKB 2/2022 Lampiran II form code for the track (A4, B6 …) */
  skbForm?: string | undefined;
  candidates: CandidateRef[];
  spans: Span[];
  title: Localized;
  explanation: Localized;
  legalBasis: string[];
  /** exceptions that were checked and lowered the confidence (id + reason), for transparency */
  lowered: Array<{ id: string; reason: string }>;
}

/** A reviewer's latest decision on a finding (open until someone decides). */
export const REVIEW_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * The zod Finding schema, loaded on first need only (an unusual stored finding): ./finding.ts
 * hands it over when something imported it, else it is required here (Node ≥ 20.19 loads an ES
 * module synchronously, the same instance an import would give).
 */
let schema: { parse(value: unknown): Finding } | undefined;
export function useFindingSchema(s: { parse(value: unknown): Finding }): void {
  schema = s;
}
function findingSchema(): { parse(value: unknown): Finding } {
  // importing ./finding.js hands the schema over (useFindingSchema)
  if (!schema) createRequire(import.meta.url)('./finding.js');
  if (!schema) throw new Error('finding schema not loaded');
  return schema;
}

// ---- a finding read back from our own store --------------------------------------------------
// Export and the lists rebuild one finding per row; Finding.parse cost ~10 µs of each. A store we
// wrote (and whose schema version was checked) holds well-formed findings: they are checked and
// copied here in the schema's key order, exactly what Finding.parse returns for them
// (test/model/finding.test.ts compares the two); anything unusual goes through Finding.parse.

const FINDING_ID = /^[0-9a-f]{64}$/;
const SEVERITY_SET: ReadonlySet<unknown> = new Set(SEVERITIES);
const TRACK_SET: ReadonlySet<unknown> = new Set(TRACKS);
const SPAN_FIELD_SET: ReadonlySet<unknown> = new Set(SPAN_FIELDS);
const STANCE_SET: ReadonlySet<unknown> = new Set(CANDIDATE_STANCES);
const FINDING_KEYS = ['id', 'itemId', 'ruleId', 'ruleVersion', 'prohibition', 'severity', 'confidence', 'track', 'skbForm', 'candidates', 'spans', 'title', 'explanation', 'legalBasis', 'lowered'];

/** A finding as Finding.parse would return it: hand-checked when plain, else through zod (which throws on a malformed one). */
export function parseStoredFinding(value: unknown): Finding {
  return plainFinding(value) ?? findingSchema().parse(value);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/** Only the listed own keys (a key present as undefined counts as present). */
function onlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const k in o) if (!Object.hasOwn(o, k) || !keys.includes(k)) return false;
  return true;
}

const isInt = (v: unknown, min: number): v is number => Number.isSafeInteger(v) && (v as number) >= min;

function plainFinding(value: unknown): Finding | undefined {
  if (!isObject(value) || !onlyKeys(value, FINDING_KEYS)) return undefined;
  const v = value;
  if (typeof v.id !== 'string' || !FINDING_ID.test(v.id) || typeof v.itemId !== 'string' || typeof v.ruleId !== 'string' || !isInt(v.ruleVersion, 1)) return undefined;
  const p = v.prohibition;
  if (p !== 'other' && !(isInt(p, 1) && p <= 8)) return undefined;
  if (!SEVERITY_SET.has(v.severity) || !TRACK_SET.has(v.track)) return undefined;
  const c = v.confidence;
  if (typeof c !== 'number' || !Number.isFinite(c) || c < 0 || c > 1) return undefined;
  if ('skbForm' in v && typeof v.skbForm !== 'string') return undefined;
  const candidates = listOf(v.candidates, plainCandidate);
  const spans = listOf(v.spans, plainSpan);
  const title = localized(v.title);
  const explanation = localized(v.explanation);
  const legalBasis = listOf(v.legalBasis, (x) => (typeof x === 'string' ? x : undefined));
  const lowered = v.lowered === undefined ? [] : listOf(v.lowered, plainLowered);
  if (!candidates || !spans || !title || !explanation || !legalBasis || !lowered) return undefined;
  return {
    id: v.id,
    itemId: v.itemId,
    ruleId: v.ruleId,
    ruleVersion: v.ruleVersion,
    prohibition: p,
    severity: v.severity as Severity,
    confidence: c,
    track: v.track as Track,
    ...('skbForm' in v ? { skbForm: v.skbForm as string } : {}),
    candidates,
    spans,
    title,
    explanation,
    legalBasis,
    lowered,
  };
}

function listOf<T>(v: unknown, one: (x: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = one(v[i]);
    if (x === undefined) return undefined;
    out[i] = x;
  }
  return out;
}

function plainCandidate(x: unknown): CandidateRef | undefined {
  if (!isObject(x) || !onlyKeys(x, ['election', 'number', 'pair', 'name', 'stance', 'sideBy', 'byOffice'])) return undefined;
  if (typeof x.election !== 'string' || !isInt(x.number, 1) || typeof x.pair !== 'string' || typeof x.name !== 'string') return undefined;
  // an old finding has no stance: it stays without one (its stored JSON, and so its hash, unchanged)
  if ('stance' in x && !STANCE_SET.has(x.stance)) return undefined;
  const sideBy = 'sideBy' in x ? plainSideBy(x.sideBy) : undefined;
  if ('sideBy' in x && !sideBy) return undefined;
  if ('byOffice' in x && !(Array.isArray(x.byOffice) && x.byOffice.every((w) => typeof w === 'string'))) return undefined;
  const byOffice = 'byOffice' in x ? [...(x.byOffice as string[])] : undefined;
  return { election: x.election, number: x.number, pair: x.pair, name: x.name, ...('stance' in x ? { stance: x.stance as CandidateStance } : {}), ...(sideBy ? { sideBy } : {}), ...(byOffice ? { byOffice } : {}) };
}

function plainSideBy(x: unknown): SideBy | undefined {
  if (!isObject(x) || !onlyKeys(x, ['words', 'act']) || !Array.isArray(x.words) || !x.words.every((w) => typeof w === 'string')) return undefined;
  if ('act' in x && typeof x.act !== 'boolean') return undefined;
  return { words: [...(x.words as string[])], ...('act' in x ? { act: x.act as boolean } : {}) };
}

function plainSpan(x: unknown): Span | undefined {
  if (!isObject(x) || !onlyKeys(x, ['field', 'index', 'start', 'end', 'text', 'matcher'])) return undefined;
  if (!SPAN_FIELD_SET.has(x.field) || !isInt(x.index, 0) || !isInt(x.start, 0) || !isInt(x.end, 0) || typeof x.text !== 'string' || typeof x.matcher !== 'string') return undefined;
  return { field: x.field as SpanField, index: x.index, start: x.start, end: x.end, text: x.text, matcher: x.matcher };
}

function localized(x: unknown): Localized | undefined {
  if (!isObject(x) || !onlyKeys(x, ['id', 'en']) || typeof x.id !== 'string' || typeof x.en !== 'string') return undefined;
  return { id: x.id, en: x.en };
}

function plainLowered(x: unknown): { id: string; reason: string } | undefined {
  if (!isObject(x) || !onlyKeys(x, ['id', 'reason']) || typeof x.id !== 'string' || typeof x.reason !== 'string') return undefined;
  return { id: x.id, reason: x.reason };
}

// made on first use: building a collator costs ~11 ms of ICU set-up, and the list commands,
// which import this module, never make a finding id
let spanOrder: Intl.Collator | undefined;

/** A finding id is fixed by item + rule version + what matched: re-scans add nothing. */
export function findingId(f: Pick<Finding, 'itemId' | 'ruleId' | 'ruleVersion' | 'spans'>): string {
  // each span's sort key made once (the comparator joined both arrays on every comparison);
  // one collator is what localeCompare uses: the same order
  const keyed = f.spans.map((s) => {
    const tuple = [s.field, s.index, s.start, s.end];
    return { tuple, key: String(tuple) };
  });
  const order = (spanOrder ??= new Intl.Collator());
  keyed.sort((a, b) => order.compare(a.key, b.key));
  const spans = keyed.map((k) => k.tuple);
  return contentId('finding', { item: f.itemId, rule: f.ruleId, version: f.ruleVersion, spans });
}
