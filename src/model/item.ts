// The zod schemas of an item (trust boundary: what an adapter builds, unusual store rows). The
// types, constants and the fast plain-item path live in ./item-types.ts, which commands that only
// list findings import without paying for zod.
import { z } from 'zod';
import * as T from './item-types.js';
import { EVENT_RESPONSES, ITEM_KEYS, ITEM_KINDS, itemId, PLATFORMS, plainItem, REF_KINDS, useItemSchema } from './item-types.js';

export * from './item-types.js';

export const Platform = z.enum(PLATFORMS);
export type Platform = T.Platform;

export const ItemKind = z.enum(ITEM_KINDS);
export type ItemKind = T.ItemKind;

export const Ref = z.object({
  kind: z.enum(REF_KINDS).optional(),
  name: z.string().optional(),
  handle: z.string().optional(),
  id: z.string().optional(),
  url: z.string().optional(),
});
export type Ref = T.Ref;

export const Place = z.object({
  name: z.string().optional(),
  address: z.string().optional(),
  lat: z.number().optional(),
  lon: z.number().optional(),
  url: z.string().optional(),
});
export type Place = T.Place;

export const EventInfo = z.object({
  name: z.string(),
  response: z.enum(EVENT_RESPONSES).optional(),
  start: z.string().optional(),
  end: z.string().optional(),
  place: Place.optional(),
});
export type EventInfo = T.EventInfo;

export const Media = z.object({
  uri: z.string().optional(),
  url: z.string().optional(),
  caption: z.string().optional(),
  mediaType: z.string().optional(),
  sha256: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  takenAt: z.string().optional(),
  gps: z.object({ lat: z.number(), lon: z.number() }).optional(),
  device: z.string().optional(),
});
export type Media = T.Media;

export const SourceRef = z.object({
  captureId: z.string(),
  path: z.string(),
  pointer: z.string(),
});
export type SourceRef = T.SourceRef;

export const Item = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  platform: Platform,
  kind: ItemKind,
  actor: Ref.optional(),
  target: Ref.optional(),
  text: z.string().optional(),
  reaction: z.string().optional(),
  time: z.string().optional(),
  timeRaw: z.string().optional(),
  place: Place.optional(),
  event: EventInfo.optional(),
  media: z.array(Media).default([]),
  link: z.object({ url: z.string().optional(), title: z.string().optional() }).optional(),
  context: Ref.optional(),
  hashtags: z.array(z.string()).default([]),
  mentions: z.array(z.string()).default([]),
  permalink: z.string().optional(),
  lang: z.string().optional(),
  thread: z.object({ messageId: z.string().optional(), replyTo: z.string().optional() }).optional(),
  source: SourceRef,
});
export type Item = T.Item;

useItemSchema(Item);

// the hand-written types and key list are exactly the schema's (a drift fails `tsc`)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [Same<z.infer<typeof Item>, T.Item>, Same<keyof typeof Item.shape, (typeof ITEM_KEYS)[number]>] = [true, true];
void sameTypes;

/** What an adapter builds: an Item without its id (the id is derived from the content). */
export type ItemDraft = Omit<z.input<typeof Item>, 'id'>;

/**
 * Validate a draft and give it its id. Throws a ZodError on a malformed draft (adapter bug).
 * `deferId`: leave the id empty ('') for ensureItemId to fill in when it is needed. A scan reads
 * hundreds of thousands of items of which a few are flagged, and only a flagged item's id is ever
 * used (its finding and its stored row): hashing every item was a tenth of the reading thread.
 */
export function makeItem(draft: ItemDraft, { deferId = false }: { deferId?: boolean } = {}): Item {
  const plain = plainItem(draft);
  if (plain) {
    if (!deferId) plain.id = itemId(plain);
    return plain;
  }
  const parsed = Item.parse({ ...draft, id: '0'.repeat(64) });
  return { ...parsed, id: deferId ? '' : itemId(parsed) };
}

