// The zod schemas of a finding (trust boundaries: rule output checks, reports read back, unusual
// store rows). The types, constants and the fast stored-finding check live in ./finding-types.ts,
// which commands that only list findings import without paying for zod.
import { z } from 'zod';
import * as T from './finding-types.js';
import { CANDIDATE_STANCES, REVIEW_STATUSES, SEVERITIES, SPAN_FIELDS, TRACKS, useFindingSchema } from './finding-types.js';

export * from './finding-types.js';

export const Severity = z.enum(SEVERITIES);
export type Severity = T.Severity;

export const Prohibition = z.union([z.number().int().min(1).max(8), z.literal('other')]);
export type Prohibition = T.Prohibition;

export const Track = z.enum(TRACKS);
export type Track = T.Track;

export const Localized = z.object({ id: z.string(), en: z.string() });
export type Localized = T.Localized;

export const SpanField = z.enum(SPAN_FIELDS);
export type SpanField = T.SpanField;

export const Span = z.object({
  field: SpanField,
  index: z.number().int().nonnegative().default(0),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  matcher: z.string(),
});
export type Span = T.Span;

export const CandidateRef = z.object({
  election: z.string(),
  number: z.number().int().positive(),
  pair: z.string(),
  name: z.string(),
  stance: z.enum(CANDIDATE_STANCES).optional(),
  /** what decided a support or attack stance: the writer's words, or the act by its nature */
  sideBy: z.object({ words: z.array(z.string()), act: z.boolean().optional() }).optional(),
  /** the office words that alone named the pair ("bupati"): reached by the office its candidate holds */
  byOffice: z.array(z.string()).optional(),
});
export type CandidateRef = T.CandidateRef;
export const CandidateStance = z.enum(CANDIDATE_STANCES);
export type CandidateStance = T.CandidateStance;

export const Finding = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  itemId: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int().positive(),
  prohibition: Prohibition,
  severity: Severity,
  confidence: z.number().min(0).max(1),
  track: Track,
  skbForm: z.string().optional(),
  candidates: z.array(CandidateRef),
  spans: z.array(Span),
  title: Localized,
  explanation: Localized,
  legalBasis: z.array(z.string()),
  lowered: z.array(z.object({ id: z.string(), reason: z.string() })).default([]),
});
export type Finding = T.Finding;

export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = T.ReviewStatus;

useFindingSchema(Finding);

// the hand-written types are exactly what the schemas parse to (a drift fails `tsc`)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [Same<z.infer<typeof CandidateRef>, T.CandidateRef>, Same<z.infer<typeof Finding>, T.Finding>, Same<z.infer<typeof Span>, T.Span>, Same<z.infer<typeof Prohibition>, T.Prohibition>] = [true, true, true, true];
void sameTypes;
