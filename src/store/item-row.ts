// How an item is kept in its `items` row. Since schema 7 the item's JSON is not stored a second
// time beside the columns that already hold most of it: `item_extra` keeps only what no column
// holds (media, mentions, hashtags as written, target, event …) and `item_json` stays empty. The
// item is rebuilt from both, exactly: a write checks the round trip and falls back to the whole
// JSON in `item_json` when it would not give the same canonical JSON.
import { canonicalJson } from '../model/hash.js';
import type { Item } from '../model/item-types.js';

/** The columns an item's fields are kept in (schema 1), and how they map back. */
export interface ItemColumns {
  id: string;
  capture_id: string;
  source_path: string;
  pointer: string;
  platform: string;
  kind: string;
  actor_name: string | null;
  actor_handle: string | null;
  actor_url: string | null;
  text: string | null;
  created_at_utc: string | null;
  created_at_raw: string | null;
  permalink: string | null;
  lang: string | null;
  /** `#tag #tag` (schema 1, for full-text search) */
  hashtags: string | null;
  /** schema 10: 1 when the raw time is created_at_utc (created_at_raw is then NULL) */
  raw_is_utc?: number | null;
}

/** Lists every item has (the model's defaults): left out of item_extra when empty. */
const LISTS = ['media', 'mentions', 'hashtags'] as const;

/** The columns to select to rebuild an item (schema 7). */
export const ITEM_ROW_COLUMNS = 'id, capture_id, source_path, pointer, platform, kind, actor_name, actor_handle, actor_url, text, hashtags, created_at_utc, created_at_raw, permalink, lang, item_json, item_extra';

/** The columns to select to rebuild an item at a schema version (schema 10 adds raw_is_utc). */
export const itemRowColumns = (schemaVersion: number): string => (schemaVersion >= 10 ? `${ITEM_ROW_COLUMNS}, raw_is_utc` : ITEM_ROW_COLUMNS);

/** Stored form of the item's JSON: whole (before schema 7, or when the split does not round-trip) or the rest beside the columns. */
export interface ItemJsonColumns {
  item_json: string;
  item_extra: string | null;
}

/**
 * What of the item the columns do not hold. `actor`/`source` keep their other keys (an empty
 * `actor` object stays, so an item with an actor without name, handle or url reads back the same).
 */
function itemExtra(item: Item): Record<string, unknown> {
  const { id: _id, platform: _p, kind: _k, text: _t, time: _tm, timeRaw: _tr, permalink: _pl, lang: _l, actor, source, ...rest } = item;
  const extra: Record<string, unknown> = { ...rest };
  // the usual empty lists are left out (read back as empty); hashtags come from their column
  for (const key of LISTS) if (Array.isArray(extra[key]) && (extra[key] as unknown[]).length === 0) delete extra[key];
  delete extra.hashtags;
  if (actor) {
    const { name: _n, handle: _h, url: _u, ...actorRest } = actor;
    extra.actor = actorRest;
  }
  const { captureId: _c, path: _pa, pointer: _po, ...sourceRest } = source;
  if (Object.keys(sourceRest).length > 0) extra.source = sourceRest;
  return extra;
}

/**
 * The item rebuilt from its columns and `item_extra` (schema 7 rows). Built key by key into one
 * object literal: spreading the parsed JSON and adding keys to the copy cost ~20 µs per item on
 * Node 20 (an export reads 100,000 of them), this ~3 µs; the same canonical JSON either way.
 */
export function itemFromColumns(cols: ItemColumns, extraJson: string): Record<string, unknown> {
  const extra = JSON.parse(extraJson) as Record<string, unknown>;
  const item: Record<string, unknown> = { id: cols.id, platform: cols.platform, kind: cols.kind, media: [], mentions: [], hashtags: [] };
  for (const key in extra) {
    if (key === 'actor' || key === 'source' || key === 'id' || key === 'platform' || key === 'kind') continue;
    // an own "__proto__" key of the JSON stays a plain key, as a spread would keep it
    if (key === '__proto__') Object.defineProperty(item, key, { value: extra[key], enumerable: true, writable: true, configurable: true });
    else item[key] = extra[key];
  }
  // a list the JSON holds as null reads back empty, as before
  item.media ??= [];
  item.mentions ??= [];
  item.hashtags ??= [];
  // the hashtags column: each tag as #tag, space-separated (a tag that would not read back so stays in item_extra)
  if (extra.hashtags === undefined) item.hashtags = cols.hashtags ? cols.hashtags.split(' ').map((h) => h.slice(1)) : [];
  if (cols.text !== null) item.text = cols.text;
  if (cols.created_at_utc !== null) item.time = cols.created_at_utc;
  if (cols.created_at_raw !== null) item.timeRaw = cols.created_at_raw;
  else if (cols.raw_is_utc === 1 && cols.created_at_utc !== null) item.timeRaw = cols.created_at_utc;
  if (cols.permalink !== null) item.permalink = cols.permalink;
  if (cols.lang !== null) item.lang = cols.lang;
  if (extra.actor !== undefined || cols.actor_name !== null || cols.actor_handle !== null || cols.actor_url !== null) {
    const actor: Record<string, unknown> = { ...(extra.actor as Record<string, unknown> | undefined) };
    if (cols.actor_name !== null) actor.name = cols.actor_name;
    if (cols.actor_handle !== null) actor.handle = cols.actor_handle;
    if (cols.actor_url !== null) actor.url = cols.actor_url;
    item.actor = actor;
  }
  item.source = { ...(extra.source as Record<string, unknown> | undefined), captureId: cols.capture_id, path: cols.source_path, pointer: cols.pointer };
  return item;
}

/**
 * `split`: schema 7 and later. The rest beside the columns when rebuilding gives exactly the
 * item's canonical JSON, else (and before schema 7) the whole JSON as before.
 */
export function itemJsonColumns(item: Item, cols: ItemColumns, split: boolean): ItemJsonColumns {
  const whole = canonicalJson(item);
  if (!split) return { item_json: whole, item_extra: null };
  const rest = itemExtra(item);
  let extra = canonicalJson(rest);
  if (canonicalJson(itemFromColumns(cols, extra)) === whole) return { item_json: '', item_extra: extra };
  // hashtags the column does not give back exactly (a space or # inside a tag) stay as they are
  extra = canonicalJson({ ...rest, hashtags: item.hashtags });
  if (canonicalJson(itemFromColumns(cols, extra)) === whole) return { item_json: '', item_extra: extra };
  return { item_json: whole, item_extra: null };
}
