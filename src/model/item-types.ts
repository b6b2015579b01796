// The one shape every platform adapter produces. A rule never sees a platform format, only Items.
// The types and the hand check of a plain item, without zod: listing findings must not pay zod's
// start-up. The zod schemas are in ./item.ts (test-checked to match).
import { createRequire } from 'node:module';
import { contentId } from './hash.js';

export const PLATFORMS = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'telegram',
  'whatsapp',
  'youtube',
  'web',
  'table',
  'photo',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ITEM_KINDS = [
  'post', // own status / caption / tweet / video description
  'comment', // a comment written by the actor
  'share', // a share / retweet / repost / forward of someone else's content
  'reaction', // like, love, dislike … on someone else's content
  'follow', // follows or likes a page/account (page like = follow-type interaction)
  'membership', // joined a group/channel
  'checkin', // was at a place
  'event', // responded to an event (joined/interested/…)
  'message', // a chat message (WhatsApp, Telegram)
  'media', // a photo/video on its own (album entry, loose photo)
  'profile', // profile information of the account
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const REF_KINDS = ['page', 'account', 'post', 'group', 'event', 'chat', 'channel', 'video', 'comment', 'unknown'] as const;

/** Who or what was acted on: a page, account, post, group, event, chat … */
export interface Ref {
  kind?: (typeof REF_KINDS)[number] | undefined;
  name?: string | undefined;
  handle?: string | undefined;
  id?: string | undefined;
  url?: string | undefined;
}

export interface Place {
  name?: string | undefined;
  address?: string | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  url?: string | undefined;
}

// 'recorded': an analyst's sheet lists the event among the subject's own activity on the platform
// without saying which response it was (table.ts); the rules accept it only where 'interested' is enough
export const EVENT_RESPONSES = ['joined', 'interested', 'declined', 'invited', 'hosted', 'attached', 'recorded'] as const;

export interface EventInfo {
  name: string;
  /** joined | interested | declined | invited | hosted | attached (event attached to a post) | recorded (an analyst's sheet, response not given) */
  response?: (typeof EVENT_RESPONSES)[number] | undefined;
  /** ISO 8601 UTC */
  start?: string | undefined;
  end?: string | undefined;
  place?: Place | undefined;
}

export interface Media {
  /** path of the file inside the export (relative to the archive root) */
  uri?: string | undefined;
  url?: string | undefined;
  caption?: string | undefined;
  /** image/jpeg, video/mp4 … */
  mediaType?: string | undefined;
  /** filled when the bytes were found and hashed */
  sha256?: string | undefined;
  bytes?: number | undefined;
  /** ISO 8601 UTC from EXIF/XMP or the export */
  takenAt?: string | undefined;
  gps?: { lat: number; lon: number } | undefined;
  device?: string | undefined;
}

/** Where an item came from: capture + path inside the input + pointer inside the file. */
export interface SourceRef {
  captureId: string;
  /** path of the file relative to the input (member path inside a zip, or path under a folder) */
  path: string;
  /** RFC 6901 JSON pointer (`/3/data/0/post`) or `line:N` for line-based formats, `html:<selector>` for pages */
  pointer: string;
}

export interface Item {
  id: string;
  platform: Platform;
  kind: ItemKind;
  /** the account that did the thing (the export owner for own activity) */
  actor?: Ref | undefined;
  /** what was acted on (liked page, commented post, joined group, followed account …) */
  target?: Ref | undefined;
  /** the text a person wrote or shared, exactly as written (after encoding repair only) */
  text?: string | undefined;
  /** reaction value for kind=reaction: LIKE, LOVE, HAHA, 👍 … */
  reaction?: string | undefined;
  /** ISO 8601 UTC */
  time?: string | undefined;
  /** the time value as it stood in the source (for local-time formats: WhatsApp, Telegram) */
  timeRaw?: string | undefined;
  place?: Place | undefined;
  event?: EventInfo | undefined;
  media: Media[];
  link?: { url?: string | undefined; title?: string | undefined } | undefined;
  /** group / chat / channel the item was posted in (WhatsApp group name, FB group …) */
  context?: Ref | undefined;
  hashtags: string[];
  mentions: string[];
  permalink?: string | undefined;
  lang?: string | undefined;
  /**
   * Where a chat message sits in its conversation: its own id in the chat and the id of the
   * message it replies to (Telegram reply_to_message_id). Not content: left out of the item id.
   */
  thread?: { messageId?: string | undefined; replyTo?: string | undefined } | undefined;
  source: SourceRef;
}

/**
 * The zod Item schema, loaded on first need only (an unusual stored item): ./item.ts hands it
 * over when something imported it, else it is required here (Node ≥ 20.19 loads an ES module
 * synchronously, the same instance an import would give).
 */
let schema: { parse(value: unknown): Item } | undefined;
export function useItemSchema(s: { parse(value: unknown): Item }): void {
  schema = s;
}
function itemSchema(): { parse(value: unknown): Item } {
  // importing ./item.js hands the schema over (useItemSchema)
  if (!schema) createRequire(import.meta.url)('./item.js');
  if (!schema) throw new Error('item schema not loaded');
  return schema;
}

/**
 * When the activity happened: the item's own time, else the date of the event it responds to
 * (Facebook records no time for event responses, but "joined the 10 Feb rally" places it).
 * Every output (store views, CLI, report, JSON) dates a finding by this.
 */
export function activityTime(item: Pick<Item, 'time' | 'event'>): string | undefined {
  return item.time ?? item.event?.start;
}

/**
 * An item id is a content hash: the same activity read twice (same export scanned again, or the
 * same export downloaded twice) yields the same id. The source location and the position in a
 * chat thread are left out on purpose.
 */
export function itemId(item: Omit<Item, 'id'> | Item): string {
  const { source: _source, id: _id, thread: _thread, ...content } = item as Item;
  return contentId('item', content);
}

/**
 * An item read back from our own store (after its schema version check): a plain item is checked
 * and copied by hand, exactly as Item.parse would return it; any other goes through Item.parse,
 * which also reports what is wrong. Export and the lists rebuild one item per finding.
 */
export function parseStoredItem(value: unknown): Item {
  const v = value as Record<string, unknown> | null;
  if (v !== null && typeof v === 'object' && typeof v.id === 'string' && ITEM_ID.test(v.id)) {
    const plain = plainItem(v, true);
    if (plain) {
      plain.id = v.id;
      return plain;
    }
  }
  return itemSchema().parse(value);
}

const ITEM_ID = /^[0-9a-f]{64}$/;

/** The item's id, computed now (from the same canonical content as makeItem would) if it was deferred. */
export function ensureItemId(item: Item): string {
  if (item.id === '') item.id = itemId(item);
  return item.id;
}

// ---- the plain draft's fast path ----------------------------------------------------------------
// A scan builds one item per row; Item.parse cost about as much as the item's hash (a tenth of
// the reading thread's time on a row file). Most drafts are plain: strings, a kind, accounts, tags
// and no media. Those are checked here and copied in the schema's key order, which is exactly
// what Item.parse returns for them (test/model/item.test.ts compares the two on every fixture);
// anything else (media, a place, an event, a link, a thread, an unknown key, a wrong type) goes
// through Item.parse, which also reports what is wrong.

/** every key of Item (./item.ts checks this list against the schema) */
export const ITEM_KEYS = ['id', 'platform', 'kind', 'actor', 'target', 'text', 'reaction', 'time', 'timeRaw', 'place', 'event', 'media', 'link', 'context', 'hashtags', 'mentions', 'permalink', 'lang', 'thread', 'source'] as const;
const ITEM_KEY_SET: ReadonlySet<string> = new Set(ITEM_KEYS);
const REF_KEYS = ['kind', 'name', 'handle', 'id', 'url'] as const;
const REF_KEY_SET: ReadonlySet<string> = new Set(REF_KEYS);
const REF_KIND_SET: ReadonlySet<string> = new Set(REF_KINDS);
const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);
const KIND_SET: ReadonlySet<string> = new Set(ITEM_KINDS);
/** keys this path copies; any other key present with a value sends the draft through Item.parse */
const PLAIN_KEYS: ReadonlySet<string> = new Set(['platform', 'kind', 'actor', 'target', 'text', 'reaction', 'time', 'timeRaw', 'media', 'context', 'hashtags', 'mentions', 'permalink', 'lang', 'source']);

/** The item Item.parse would return for a plain draft (id still a placeholder; `hasId`: the draft's own id is checked by the caller); undefined when the draft is not plain. */
export function plainItem(draft: object, hasId = false): Item | undefined {
  const d = draft as Record<string, unknown>;
  for (const key in d) {
    if (!Object.hasOwn(d, key)) return undefined;
    if (hasId && key === 'id') continue;
    if (!PLAIN_KEYS.has(key) && (d[key] !== undefined || !ITEM_KEY_SET.has(key))) return undefined;
  }
  if (Object.getPrototypeOf(d) !== Object.prototype) return undefined;
  if (typeof d.platform !== 'string' || !PLATFORM_SET.has(d.platform) || typeof d.kind !== 'string' || !KIND_SET.has(d.kind)) return undefined;
  const media = d.media;
  if (media !== undefined && !(Array.isArray(media) && media.length === 0)) return undefined;
  const hashtags = stringList(d.hashtags);
  const mentions = stringList(d.mentions);
  const source = plainSource(d.source);
  if (!hashtags || !mentions || !source) return undefined;
  const out: Record<string, unknown> = { id: '', platform: d.platform, kind: d.kind };
  if (!(copyRef(d, 'actor', out) && copyRef(d, 'target', out) && copyString(d, 'text', out) && copyString(d, 'reaction', out) && copyString(d, 'time', out) && copyString(d, 'timeRaw', out))) return undefined;
  if ('place' in d) out.place = undefined;
  if ('event' in d) out.event = undefined;
  out.media = [];
  if ('link' in d) out.link = undefined;
  if (!copyRef(d, 'context', out)) return undefined;
  out.hashtags = hashtags;
  out.mentions = mentions;
  if (!(copyString(d, 'permalink', out) && copyString(d, 'lang', out))) return undefined;
  if ('thread' in d) out.thread = undefined;
  out.source = source;
  return out as unknown as Item;
}

/** An optional string member, copied as zod copies it (a key present with undefined stays). */
function copyString(d: Record<string, unknown>, key: string, out: Record<string, unknown>): boolean {
  const v = d[key];
  if (v === undefined) {
    if (key in d) out[key] = undefined;
    return true;
  }
  if (typeof v !== 'string') return false;
  out[key] = v;
  return true;
}

/** An optional Ref member, rebuilt in Ref's key order. */
function copyRef(d: Record<string, unknown>, key: string, out: Record<string, unknown>): boolean {
  const v = d[key];
  if (v === undefined) {
    if (key in d) out[key] = undefined;
    return true;
  }
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const r = v as Record<string, unknown>;
  for (const k in r) if (!Object.hasOwn(r, k) || !REF_KEY_SET.has(k)) return false;
  if (r.kind !== undefined && (typeof r.kind !== 'string' || !REF_KIND_SET.has(r.kind))) return false;
  const ref: Record<string, unknown> = {};
  for (const k of REF_KEYS) {
    const x = r[k];
    if (x === undefined) {
      if (k in r) ref[k] = undefined;
    } else if (typeof x !== 'string') return false;
    else ref[k] = x;
  }
  out[key] = ref;
  return true;
}

/** A list of strings (absent: empty), copied. */
function stringList(v: unknown): string[] | undefined {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return undefined;
  const out = new Array<string>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'string') return undefined;
    out[i] = x;
  }
  return out;
}

function plainSource(v: unknown): SourceRef | undefined {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const s = v as Record<string, unknown>;
  for (const k in s) if (!Object.hasOwn(s, k) || (k !== 'captureId' && k !== 'path' && k !== 'pointer')) return undefined;
  if (typeof s.captureId !== 'string' || typeof s.path !== 'string' || typeof s.pointer !== 'string') return undefined;
  return { captureId: s.captureId, path: s.path, pointer: s.pointer };
}
