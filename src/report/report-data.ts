// What the HTML report needs, as plain data: the exporter fills it from the store, the renderer
// only reads it. Everything the page shows is here, so the page itself never reaches anything else.
import { z } from 'zod';
import { CandidateRef, Localized, Prohibition, ReviewStatus, Severity, SpanField, Track } from '../model/finding.js';

export { ReviewStatus };
import { ItemKind, Platform } from '../model/item.js';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const ReportProfile = z.enum(['full', 'bawaslu', 'public']);
export type ReportProfile = z.infer<typeof ReportProfile>;

export const ReportMeta = z.object({
  title: z.string(),
  /** ISO 8601 UTC */
  generatedAt: z.string(),
  storeUuid: z.string(),
  profile: ReportProfile,
  /** custody chain head written into the bundle manifest */
  chainHead: z.object({ seq: z.number().int().nonnegative(), hash: Sha256Hex }),
  /** human-readable description of the export filters ("status=confirmed, 2024-01-01..2024-02-14") */
  filters: z.string().default(''),
  netralVersion: z.string(),
  lang: z.enum(['id', 'en']).default('id'),
  /** who made the export (a named person: --as, NETRAL_REVIEWER or the config) */
  exportedBy: z.string().optional(),
  /**
   * SHA-256 of the SHA256SUMS lines of every bundle file except the report pages and the manifest
   * (the report cannot hold the hash of a manifest that lists the report itself)
   */
  evidenceDigest: Sha256Hex.optional(),
  /** printed on every page; default derived from the store and the chain head */
  caseId: z.string().regex(/^[A-Za-z0-9._\/-]{1,64}$/).optional(),
  /** WIB | WITA | WIT | UTC: every time in this zone; absent = each subject's own region zone */
  timezone: z.enum(['WIB', 'WITA', 'WIT', 'UTC']).optional(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const ReportReview = z.object({
  status: ReviewStatus,
  reviewer: z.string().optional(),
  /** ISO 8601 UTC */
  decidedAt: z.string().optional(),
  /** reason code and/or comment of the latest decision */
  reason: z.string().optional(),
  /** every decision and note with a comment, oldest first (absent in the public profile) */
  notes: z.array(z.object({ decision: z.string(), reviewer: z.string(), at: z.string(), text: z.string() })).default([]),
});
export type ReportReview = z.infer<typeof ReportReview>;

export const ReportSubject = z.object({
  name: z.string(),
  /** absent in the public profile */
  nip: z.string().optional(),
  agency: z.string().optional(),
  regionCode: z.string().optional(),
  regionName: z.string().optional(),
});
export type ReportSubject = z.infer<typeof ReportSubject>;

export const ReportItem = z.object({
  platform: Platform,
  kind: ItemKind,
  /** who did it (the export owner, the sender in a chat, a page's author); masked in the public profile */
  author: z.string().optional(),
  /** ISO 8601 UTC: when the activity happened (its own time, else the event's start) */
  time: z.string().optional(),
  /** ISO 8601 UTC: the event the item responds to */
  eventStart: z.string().optional(),
  eventEnd: z.string().optional(),
  text: z.string().optional(),
  /** permalink or page URL; shown as plain text, never as a link */
  url: z.string().optional(),
  targetName: z.string().optional(),
  placeName: z.string().optional(),
  contextName: z.string().optional(),
  eventName: z.string().optional(),
  mediaCaptions: z.array(z.string()).default([]),
});
export type ReportItem = z.infer<typeof ReportItem>;

/**
 * A matched span; start/end are UTF-16 offsets into the ORIGINAL value of `field` (text → item.text,
 * target → targetName, place → placeName, context → contextName, event → eventName,
 * media.caption → mediaCaptions[index]). Spans on fields the report does not show are listed
 * as matched words.
 */
export const ReportSpan = z.object({
  field: SpanField,
  /** entry index for list fields (media captions); 0 otherwise */
  index: z.number().int().nonnegative().default(0),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type ReportSpan = z.infer<typeof ReportSpan>;

export const ReportCapture = z.object({
  sha256: Sha256Hex,
  origin: z.string(),
  memberPath: z.string().optional(),
});
export type ReportCapture = z.infer<typeof ReportCapture>;

/** A small image embedded in the page as a data: URI (raster types only: no SVG scripts). */
export const ReportThumbnail = z.object({
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']),
  dataBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** scan --vision: where in the photo the finding looked (photo pixels; width/height give the space) */
  regions: z
    .object({
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      boxes: z.array(z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number(), label: z.string() })),
    })
    .optional(),
});
export type ReportThumbnail = z.infer<typeof ReportThumbnail>;

export const ReportCard = z.object({
  findingId: Sha256Hex,
  /** findings of one item under one prohibition are shown as one group */
  itemId: Sha256Hex.optional(),
  ruleId: z.string(),
  ruleVersion: z.number().int().positive(),
  ruleTitle: Localized,
  prohibition: Prohibition,
  severity: Severity,
  confidence: z.number().min(0).max(1),
  track: Track,
  /** potential sanction text as decided by the exporter; the renderer has a default per track */
  sanction: z.string().optional(),
  legalBasis: z.array(z.string()).default([]),
  explanation: Localized,
  candidates: z.array(CandidateRef.pick({ election: true, number: true, name: true, stance: true, sideBy: true, byOffice: true })).default([]),
  review: ReportReview,
  subject: ReportSubject.optional(),
  item: ReportItem,
  spans: z.array(ReportSpan).default([]),
  capture: ReportCapture,
  thumbnail: ReportThumbnail.optional(),
});
export type ReportCard = z.infer<typeof ReportCard>;

export const ReportData = z.object({
  meta: ReportMeta,
  cards: z.array(ReportCard),
});
export type ReportData = z.infer<typeof ReportData>;
/** What the exporter may pass before defaults are applied (`ReportData.parse(input)`). */
export type ReportDataInput = z.input<typeof ReportData>;

/**
 * What the index page, the summary and the charts read of a card, and where the card is: a big
 * export keeps these in memory and each card page reads only its own cards (`ReportSource`).
 */
export interface CardFacts {
  /** the card's number in the source (its order in the export) */
  n: number;
  findingId: string;
  itemId?: string | undefined;
  prohibition: ReportCard['prohibition'];
  severity: ReportCard['severity'];
  review: { status: ReviewStatus };
  subject?: ReportSubject | undefined;
  item: { time?: string | undefined };
  /** bytes the card will take on its page (an estimate: text, lists and thumbnail) */
  bytes: number;
}

/** A report whose cards are read page by page: facts of every card, the cards themselves on demand. */
export interface ReportSource {
  meta: ReportMeta;
  facts: readonly CardFacts[];
  /** the whole cards behind these facts, in the same order */
  cards?(facts: readonly CardFacts[]): ReportCard[];
  /** or each card's HTML already rendered around its number (html/cards.ts renderCardParts), in the same order */
  cardParts?(facts: readonly CardFacts[]): Array<readonly [string | Uint8Array, string | Uint8Array]>;
}

/** Bytes a card will take on its page, estimated from what varies (text, thumbnail, lists). */
export function cardPageBytes(c: ReportCard): number {
  const text = (c.item.text?.length ?? 0) + c.item.mediaCaptions.reduce((n, x) => n + x.length, 0) + (c.item.url?.length ?? 0);
  const legal = c.explanation.id.length + c.explanation.en.length + c.legalBasis.reduce((n, x) => n + x.length, 0);
  // 6 KB of markup, up to 2× for escaped or multi-byte text, the thumbnail as it is
  return 6000 + 2 * (text + legal) + (c.thumbnail?.dataBase64.length ?? 0);
}

export function cardFacts(card: ReportCard, n: number): CardFacts {
  return {
    n,
    findingId: card.findingId,
    itemId: card.itemId,
    prohibition: card.prohibition,
    severity: card.severity,
    review: { status: card.review.status },
    subject: card.subject,
    item: { time: card.item.time },
    bytes: cardPageBytes(card),
  };
}
