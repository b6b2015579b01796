// Counts the report shows, derived from the cards alone (the exporter passes no totals to trust).
import type { CardFacts, ReviewStatus } from '../report-data.js';

/** The stats read only a card's facts (a full card has them too). */
type ReportCard = Pick<CardFacts, 'prohibition' | 'severity' | 'review' | 'subject' | 'item'>;
import { isoWeek, type TimeZone, ZONES } from '../../model/region-time.js';
import { weeksBetween } from './time.js';

export type StatusCounts = Record<ReviewStatus, number> & { total: number };

export interface Bucket {
  /** grouping key (prohibition number, agency, region, ISO week) */
  key: string;
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return { open: 0, confirmed: 0, dismissed: 0, total: 0 };
}

function add(counts: StatusCounts, card: ReportCard): void {
  counts[card.review.status] += 1;
  counts.total += 1;
}

/** Cards grouped by a key, in first-seen order; cards without a key go under `missing`. */
export function groupCounts<C extends ReportCard>(cards: readonly C[], keyOf: (c: C) => string | undefined, missing: string): Bucket[] {
  const map = new Map<string, StatusCounts>();
  for (const card of cards) {
    const key = keyOf(card) ?? missing;
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = emptyCounts()));
    add(counts, card);
  }
  return [...map].map(([key, counts]) => ({ key, counts }));
}

/**
 * Largest first, the `unknown` bucket last; past `limit`, the smallest are folded into one
 * "others" bucket so a chart stays readable.
 */
export function topBuckets(buckets: readonly Bucket[], limit: number, othersKey: (n: number) => string, unknown: string): Bucket[] {
  const known = buckets.filter((b) => b.key !== unknown);
  const missing = buckets.filter((b) => b.key === unknown);
  const sorted = [...known].sort((a, b) => b.counts.total - a.counts.total || a.key.localeCompare(b.key));
  if (sorted.length + missing.length <= limit) return [...sorted, ...missing];
  const keep = limit - 1 - missing.length;
  const rest = sorted.slice(keep);
  const others = emptyCounts();
  for (const b of rest) {
    for (const k of ['open', 'confirmed', 'dismissed', 'total'] as const) others[k] += b.counts[k];
  }
  return [...sorted.slice(0, keep), { key: othersKey(rest.length), counts: others }, ...missing];
}

export const PROHIBITION_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', 'other'] as const;

/** All nine prohibitions in order, zero counts included: the "8 tidak" are always shown whole. */
export function prohibitionBuckets(cards: readonly ReportCard[]): Bucket[] {
  const found = new Map(groupCounts(cards, (c) => String(c.prohibition), 'other').map((b) => [b.key, b.counts]));
  return PROHIBITION_KEYS.map((key) => ({ key, counts: found.get(key) ?? emptyCounts() }));
}

/**
 * ISO weeks (Monday start) of each card's local date, in calendar order, empty weeks between the
 * first and last included (up to two years). The store's subject_activity view counts the same weeks.
 */
export function weekBuckets<C extends ReportCard>(cards: readonly C[], zoneOf: (c: C) => TimeZone = () => ZONES.WIB): Bucket[] {
  const found = groupCounts(cards, (c) => (c.item.time ? isoWeek(c.item.time, zoneOf(c)) : undefined), '');
  const byWeek = new Map(found.filter((b) => b.key !== '').map((b) => [b.key, b.counts]));
  const weeks = [...byWeek.keys()].sort();
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (first === undefined || last === undefined) return [];
  const span = weeksBetween(first, last);
  const keys = span.length <= 104 ? span : weeks;
  return keys.map((key) => ({ key, counts: byWeek.get(key) ?? emptyCounts() }));
}

export function regionOf(card: ReportCard): string | undefined {
  return card.subject?.regionName ?? card.subject?.regionCode;
}

export function subjectKey(card: ReportCard): string | undefined {
  return card.subject ? (card.subject.nip ?? card.subject.name) : undefined;
}

export interface Tally {
  counts: StatusCounts;
  /** distinct civil servants (by NIP, else name) */
  subjects: number;
  /** findings of high severity */
  high: number;
}

export function tally(cards: readonly ReportCard[]): Tally {
  const counts = emptyCounts();
  for (const card of cards) add(counts, card);
  return { counts, subjects: distinct(cards.map(subjectKey)), high: cards.filter((c) => c.severity === 'high').length };
}

export interface ComparisonRow extends Tally {
  region: string;
  agency: string;
}

/** One row per region × agency pair, grouped by region; regions and agencies by count, unknown last. */
export function comparisonRows(cards: readonly ReportCard[], unknownRegion: string, unknownAgency: string): ComparisonRow[] {
  const groups = new Map<string, { region: string; agency: string; cards: ReportCard[] }>();
  for (const card of cards) {
    const region = regionOf(card) ?? unknownRegion;
    const agency = card.subject?.agency ?? unknownAgency;
    const key = JSON.stringify([region, agency]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { region, agency, cards: [] }));
    group.cards.push(card);
  }
  const regionTotal = new Map<string, number>();
  for (const g of groups.values()) regionTotal.set(g.region, (regionTotal.get(g.region) ?? 0) + g.cards.length);
  return [...groups.values()]
    .map((g) => ({ region: g.region, agency: g.agency, ...tally(g.cards) }))
    .sort(
      (a, b) =>
        Number(a.region === unknownRegion) - Number(b.region === unknownRegion) ||
        (regionTotal.get(b.region) ?? 0) - (regionTotal.get(a.region) ?? 0) ||
        a.region.localeCompare(b.region) ||
        Number(a.agency === unknownAgency) - Number(b.agency === unknownAgency) ||
        b.counts.total - a.counts.total ||
        a.agency.localeCompare(b.agency),
    );
}

/** Distinct non-empty values. */
export function distinct(values: Iterable<string | undefined>): number {
  const set = new Set<string>();
  for (const v of values) if (v) set.add(v);
  return set.size;
}
