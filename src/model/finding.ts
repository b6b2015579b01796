// Why an item was flagged: the rule, the words that matched, the candidate, the law.
import { z } from 'zod';
import { contentId } from './hash.js';

export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** 1–8 = the "8 tidak"; other = SKB 2/2022 social-media forms the 8 do not cover. */
export const Prohibition = z.union([z.number().int().min(1).max(8), z.literal('other')]);
export type Prohibition = z.infer<typeof Prohibition>;

/** Code-of-ethics track before official determination (bakal calon), discipline after (calon). */
export const Track = z.enum(['etik', 'disiplin', 'unknown']);
export type Track = z.infer<typeof Track>;

export const Localized = z.object({ id: z.string(), en: z.string() });
export type Localized = z.infer<typeof Localized>;

/**
 * Which item field a span points into. Offsets are UTF-16 code units into the ORIGINAL string.
 * 'thread' points into the text of the earlier chat message the finding leaned on (the message
 * replied to, or the one just before); the span's `text` keeps those words.
 */
export const SpanField = z.enum(['text', 'target', 'place', 'event', 'media.caption', 'context', 'link', 'hashtags', 'thread']);
export type SpanField = z.infer<typeof SpanField>;

export const Span = z.object({
  field: SpanField,
  /** index of the entry when the field is a list (media captions); 0 otherwise */
  index: z.number().int().nonnegative().default(0),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** the original text between start and end */
  text: z.string(),
  /** the matcher name in the rule that produced the span */
  matcher: z.string(),
});
export type Span = z.infer<typeof Span>;

export const CandidateRef = z.object({
  /** registry election id, e.g. pilpres-2024, pilkada-2024-3273 */
  election: z.string(),
  /** pair number on the ballot */
  number: z.number().int().positive(),
  /** registry pair id, e.g. pilpres-2024-02 */
  pair: z.string(),
  /** display name, e.g. "Prabowo Subianto – Gibran Rakabuming Raka" */
  name: z.string(),
});
export type CandidateRef = z.infer<typeof CandidateRef>;

export const Finding = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  itemId: z.string(),
  ruleId: z.string(),
  ruleVersion: z.number().int().positive(),
  prohibition: Prohibition,
  severity: Severity,
  /** 0..1: how strongly the combined evidence says this is a real violation */
  confidence: z.number().min(0).max(1),
  track: Track,
  /** SKB 2/2022 Lampiran II form code for the track (A4, B6 …) */
  skbForm: z.string().optional(),
  candidates: z.array(CandidateRef),
  spans: z.array(Span),
  title: Localized,
  explanation: Localized,
  legalBasis: z.array(z.string()),
  /** exceptions that were checked and lowered the confidence (id + reason), for transparency */
  lowered: z.array(z.object({ id: z.string(), reason: z.string() })).default([]),
});
export type Finding = z.infer<typeof Finding>;

/** A finding id is fixed by item + rule version + what matched: re-scans add nothing. */
export function findingId(f: Pick<Finding, 'itemId' | 'ruleId' | 'ruleVersion' | 'spans'>): string {
  const spans = f.spans
    .map((s) => [s.field, s.index, s.start, s.end])
    .sort((a, b) => String(a).localeCompare(String(b)));
  return contentId('finding', { item: f.itemId, rule: f.ruleId, version: f.ruleVersion, spans });
}

/** A reviewer's latest decision on a finding (open until someone decides). */
export const ReviewStatus = z.enum(['open', 'confirmed', 'dismissed']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;
