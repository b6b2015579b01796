// Reading evidence back: filtered finding lists, one finding in full, full-text search over items.
import { NetralError, boundedText, errorText } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';
import { canonicalJson } from '../model/hash.js';
import { parseStoredFinding, type Finding, type Prohibition, REVIEW_STATUSES, type ReviewStatus, SEVERITIES, type Severity, type Span } from '../model/finding-types.js';
import { parseStoredItem, type Item } from '../model/item-types.js';
import { spanContext, spansOf, storedHash } from './rowhash.js';
import { reviewHistory, type ReviewRecord } from './review-history.js';
import { resolveFindingId } from './finding-ref.js';
import type { Store } from './store.js';
import { subjectsOfItem } from './filed-under.js';
import type { FindingEvidence, FindingSource, ReviewRecordJson, SubjectRef } from '../report/finding-json.js';
import { byId, hexId, idArgs } from './ids.js';
import { prepared } from './statements.js';
import { FINDING_ROWS_SQL, itemJsonSql } from './schema.js';
import { type ItemColumns, itemFromColumns, itemRowColumns } from './item-row.js';
import { decodeStored } from './blobs.js';

export { resolveFindingId };

/**
 * A stored row that no longer reads (edited by hand, a bad disk): one line in the user's
 * language naming the row and what in it failed, exit 2 — not the parser's English message.
 * `id` undefined: a statement over many rows failed (SQLite does not say which).
 */
export function corruptRow(store: Store, table: string, id: string | undefined, err: unknown): NetralError {
  if (err instanceof NetralError) return err;
  const issues = err !== null && typeof err === 'object' && Array.isArray((err as { issues?: unknown }).issues) ? ((err as { issues: Array<{ path?: unknown[] }> }).issues) : undefined;
  // zod names the field; a JSON or SQLite error only says that the JSON is bad
  const detail = issues ? issues.map((i) => (i.path ?? []).join('.') || '(root)').slice(0, 3).join(', ') : err instanceof SyntaxError || /JSON/.test(errorText(err)) ? 'JSON' : errorText(err, 80);
  return id === undefined
    ? new NetralError(m.storeRowsCorrupt, { path: store.path, table, detail }, 2, { cause: err })
    : new NetralError(m.storeRowCorrupt, { path: store.path, table, id: boundedText(id, 16), detail }, 2, { cause: err });
}

/** Rows read by `read`; a malformed stored JSON that SQLite meets in the statement becomes corruptRow. */
function* guardedRows<T>(store: Store, table: string, rows: Iterable<T>): Generator<T> {
  try {
    yield* rows;
  } catch (err) {
    throw corruptRow(store, table, undefined, err);
  }
}


/** Filters shared by `evidence list`, `review` and `export` (their values checked at the CLI boundary: src/cli/filter-options.ts). */
export type FindingFilter = {
  subject?: string | undefined;
  agency?: string | undefined;
  region?: string | undefined;
  /** 1–8 or other; a digit string is read as its number */
  prohibition?: Prohibition | string | undefined;
  severity?: Severity[] | undefined;
  status?: ReviewStatus[] | undefined;
  /** item time (else finding time) on or after this day */
  from?: string | undefined;
  /** item time (else finding time) on or before this day */
  to?: string | undefined;
  limit?: number | undefined;
  /** findings whose confidence is at least this */
  minConfidence?: number | undefined;
};

/** A bare day, or a UTC time in the store's own form. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

const FILTER_KEYS = ['subject', 'agency', 'region', 'prohibition', 'severity', 'status', 'from', 'to', 'limit', 'minConfidence'] as const;

/**
 * The filter checked, its prohibition a number, its keys in one order (an export records it).
 * Hand-written, not zod: `review list` must not pay zod's start-up. A bad value is a caller's
 * bug, not a user's typo (the CLI checked the options), so a plain Error.
 */
export function checkedFilter(f: FindingFilter): FindingFilter & { prohibition?: Prohibition } {
  const bad = (key: string) => new Error(`invalid finding filter: ${key}`);
  for (const key of ['subject', 'agency', 'region'] as const) if (f[key] !== undefined && (typeof f[key] !== 'string' || f[key] === '')) throw bad(key);
  if (f.prohibition !== undefined) {
    const p = typeof f.prohibition === 'string' && /^[1-8]$/.test(f.prohibition) ? Number(f.prohibition) : f.prohibition;
    if (p !== 'other' && !(Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 8)) throw bad('prohibition');
  }
  if (f.severity !== undefined && !(Array.isArray(f.severity) && f.severity.every((x) => (SEVERITIES as readonly unknown[]).includes(x)))) throw bad('severity');
  if (f.status !== undefined && !(Array.isArray(f.status) && f.status.every((x) => (REVIEW_STATUSES as readonly unknown[]).includes(x)))) throw bad('status');
  for (const key of ['from', 'to'] as const) if (f[key] !== undefined && !(typeof f[key] === 'string' && ISO_DAY.test(f[key]))) throw bad(key);
  if (f.limit !== undefined && !(Number.isSafeInteger(f.limit) && f.limit > 0)) throw bad('limit');
  if (f.minConfidence !== undefined && !(typeof f.minConfidence === 'number' && f.minConfidence >= 0 && f.minConfidence <= 1)) throw bad('minConfidence');
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (key in f) out[key] = key === 'prohibition' && typeof f.prohibition === 'string' && f.prohibition !== 'other' ? Number(f.prohibition) : f[key];
  return out as FindingFilter & { prohibition?: Prohibition };
}

/** One row of the `findings_overview` view. */
export interface FindingOverview {
  finding_id: string;
  status: ReviewStatus;
  reviewer: string | null;
  decided_at: string | null;
  reason_code: string | null;
  review_comment: string | null;
  subject_id: string | null;
  subject_name: string | null;
  nip: string | null;
  agency: string | null;
  position: string | null;
  region_code: string | null;
  region_name: string | null;
  /** how the item is tied to the subject: account (its author is one of theirs) or export-owner */
  attribution: string | null;
  platform: string;
  item_kind: string;
  item_id: string;
  actor_name: string | null;
  actor_handle: string | null;
  item_time: string | null;
  permalink: string | null;
  text: string | null;
  prohibition: string;
  severity: Severity;
  confidence: number;
  track: string;
  skb_form: string | null;
  rule_id: string;
  rule_version: number;
  title_id: string;
  title_en: string;
  explanation_id: string;
  explanation_en: string;
  legal_basis: string;
  candidates: string;
  capture_id: string;
  capture_sha256: string;
  capture_origin: string;
  capture_member: string | null;
  captured_at: string;
  first_run_id: string;
  created_at: string;
}

/** Findings matching the filter, newest activity first; streamed. */
export function listFindings(store: Store, filter?: FindingFilter): Generator<FindingOverview>;
/**
 * Only these columns of each row: the view's other columns (the item's text, the finding's texts,
 * the event's times read out of the item's JSON) cost a quarter of reading 100,000 rows, and an
 * export reads them again with the finding.
 */
export function listFindings<K extends keyof FindingOverview>(store: Store, filter: FindingFilter, columns: readonly K[]): Generator<Pick<FindingOverview, K>>;
export function* listFindings(store: Store, filter: FindingFilter = {}, columns?: readonly (keyof FindingOverview)[]): Generator<Partial<FindingOverview>> {
  const f = checkedFilter(filter);
  const select = columns ? columns.join(', ') : '*';
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.subject) {
    // one overview row per subject a finding is filed under: the subject's own rows only
    where.push('subject_id = ?');
    params.push(store.requireSubject(f.subject));
  }
  if (f.agency) {
    where.push("agency LIKE '%' || ? || '%'");
    params.push(f.agency);
  }
  if (f.region) {
    where.push("(region_code = ? OR region_name LIKE '%' || ? || '%')");
    params.push(f.region, f.region);
  }
  if (f.prohibition !== undefined) {
    where.push('prohibition = ?');
    params.push(String(f.prohibition));
  }
  if (f.severity?.length) {
    where.push(`severity IN (${f.severity.map(() => '?').join(', ')})`);
    params.push(...f.severity);
  }
  if (f.status?.length) {
    where.push(`status IN (${f.status.map(() => '?').join(', ')})`);
    params.push(...f.status);
  }
  if (f.minConfidence !== undefined) {
    where.push('confidence >= ?');
    params.push(f.minConfidence);
  }
  if (f.from) {
    where.push('coalesce(item_time, created_at) >= ?');
    params.push(f.from);
  }
  if (f.to) {
    // a bare day includes the whole day
    where.push('coalesce(item_time, created_at) < ?');
    params.push(f.to.length === 10 ? `${f.to}T24` : f.to);
  }
  if (f.limit) {
    // `review list --limit 50` on a big store: the view computes status and subject per row, so
    // sorting the whole view costs seconds. Order the narrow findings ⋈ items first (the same
    // key), then look rows up one by one in the view with the filter until the page is full.
    const one = store.db.prepare(`SELECT ${select} FROM findings_overview WHERE finding_id = ?${where.length ? ` AND ${where.join(' AND ')}` : ''}`);
    let left = f.limit;
    // the ids as stored (schema 12: 32 bytes), looked up as they are
    for (const id of guardedRows(store, 'items', findingsNewestFirst(store))) {
      let row: Partial<FindingOverview> | undefined;
      try {
        row = one.get(id, ...params) as Partial<FindingOverview> | undefined;
      } catch (err) {
        throw corruptRow(store, 'findings', hexId(id), err);
      }
      if (!row) continue;
      yield hexIds(row);
      if (--left === 0) return;
    }
    return;
  }
  const sql = `SELECT ${select} FROM findings_overview ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY coalesce(item_time, created_at) DESC, finding_id`;
  for (const row of guardedRows(store, 'items', store.db.prepare(sql).iterate(...params) as Iterable<Partial<FindingOverview>>)) yield hexIds(row);
}

/** An overview row with its finding's and item's ids as hex (schema 12 stores them as 32 bytes). */
function hexIds<T extends Partial<Pick<FindingOverview, 'finding_id' | 'item_id'>>>(row: T): T {
  if (row.finding_id !== undefined) row.finding_id = hexId(row.finding_id);
  if (row.item_id !== undefined) row.item_id = hexId(row.item_id);
  return row;
}

/**
 * Finding ids by coalesce(item time, finding time) DESC, id — the list order — read in that order
 * from indexes (schema 5), so a page of 50 costs 50 lookups, not a sort of every finding: the
 * items with a time walk items_time backwards, the few without one are sorted by finding time,
 * and the two streams are merged.
 */
/**
 * The two statements of findingsNewestFirst (schema 5 and later; test/store/list-order.test.ts
 * checks their query plans): finding ids with their sort key, timed items by items_time, the
 * items without a time by items_untimed.
 */
export function newestFirstSql(schemaVersion: number): { timed: string; untimed: string } {
  return {
    timed: 'SELECT f.id, i.created_at_utc AS k FROM items i INDEXED BY items_time JOIN findings f ON f.item_id = i.id WHERE i.created_at_utc IS NOT NULL ORDER BY i.created_at_utc DESC, f.id',
    // CROSS JOIN keeps this order: the (few) items without a time first, not every finding by its
    // time; their key is the view's: the start of the event they respond to, else the finding's time
    untimed: `SELECT f.id, coalesce(json_extract(${itemJsonSql(schemaVersion)}, '$.event.start'), f.created_at) AS k
       FROM items i INDEXED BY items_untimed CROSS JOIN findings f ON f.item_id = i.id WHERE i.created_at_utc IS NULL ORDER BY k DESC, f.id`,
  };
}

function* findingsNewestFirst(store: Store): Generator<string | Buffer> {
  const db = store.db;
  if (store.schemaVersion < 5) {
    yield* db.prepare('SELECT f.id FROM findings f JOIN items i ON i.id = f.item_id ORDER BY coalesce(i.created_at_utc, f.created_at) DESC, f.id').pluck().iterate() as Iterable<string>;
    return;
  }
  type Keyed = { id: string | Buffer; k: string };
  // SQL's order of the ids: text (written before schema 12) before BLOB, each by its bytes
  const idBefore = (x: string | Buffer, y: string | Buffer): boolean =>
    typeof x === typeof y ? (typeof x === 'string' ? x < (y as string) : Buffer.compare(x, y as Buffer) < 0) : typeof x === 'string';
  const sql = newestFirstSql(store.schemaVersion);
  const timed = db.prepare(sql.timed).iterate() as IterableIterator<Keyed>;
  const untimed = db.prepare(sql.untimed).iterate() as IterableIterator<Keyed>;
  let a = timed.next();
  let b = untimed.next();
  try {
    while (!a.done || !b.done) {
      const takeA = b.done || (!a.done && (a.value.k > b.value.k || (a.value.k === b.value.k && idBefore(a.value.id, b.value.id))));
      if (takeA) {
        yield (a.value as Keyed).id;
        a = timed.next();
      } else {
        yield (b.value as Keyed).id;
        b = untimed.next();
      }
    }
  } finally {
    timed.return?.();
    untimed.return?.();
  }
}

export interface FindingDetail {
  overview: FindingOverview;
  finding: Finding;
  item: Item;
  /** the raw fragment the item was read from */
  raw: unknown;
  rule: { id: string; version: number; title: string; legalBasis: string[]; sha256: string; yaml: string };
  capture: { id: string; sha256: string; origin: string; memberPath: string | null; capturedAt: string; parents: Array<{ id: string; sha256: string; origin: string }> };
  reviews: ReviewRecord[];
  /** every subject the finding is filed under, with how the item is tied to them */
  subjects: Array<{ id: string; name: string; nip: string | null; agency: string | null; regionName: string | null; attribution: string }>;
  /** decisions on other versions of the same rule for the same item: a hint, never applied */
  earlierDecisions: Array<ReviewRecord & { ruleVersion: number }>;
}

interface FindingRow {
  id: string;
  item_id: string;
  rule_id: string;
  rule_version: number;
  prohibition: string;
  severity: string;
  confidence: number;
  track: string;
  skb_form: string | null;
  candidates: string;
  title_id: string;
  title_en: string;
  explanation_id: string;
  explanation_en: string;
  legal_basis: string;
  lowered: string;
  /** JSON text; schema 11: a column of numbers only may be their varints (rowhash.ts varintColumn) */
  spans?: string | Buffer | null;
}

interface RuleRow {
  rule_id: string;
  version: number;
  title: string;
  legal_basis: string;
  rule_sha256: string;
  rule_yaml: string;
}

/**
 * Rebuild the model Finding from its stored row and spans. `itemText`: its item's text when the
 * caller has read it (a schema-8 spans column points into it), else it is read when needed.
 */
export function findingFromStore(store: Store, id: string, itemText?: string | null): Finding {
  const r = prepared(store.db, store.schemaVersion >= 6 ? `${FINDING_ROWS_SQL} WHERE ${byId('f.id')}` : `SELECT * FROM findings WHERE ${byId('id')}`).get(...idArgs(id)) as FindingRow;
  return findingFromRow(store, r, itemText);
}

/** findingFromStore from its row, already read. */
function findingFromRow(store: Store, r: FindingRow, itemText?: string | null): Finding {
  try {
    return findingOfRow(store, r, itemText);
  } catch (err) {
    throw corruptRow(store, 'findings', hexId(r.id), err);
  }
}

function findingOfRow(store: Store, r: FindingRow, itemText?: string | null): Finding {
  // schema 8: the spans' words are read from the item's text, their matchers by key
  const text = (): string | null => (itemText !== undefined ? itemText : ((prepared(store.db, 'SELECT text FROM items WHERE id = ?', true).get(r.item_id) as string | null | undefined) ?? null));
  const context = store.schemaVersion >= 8 ? spanContext(store.db, text) : undefined;
  const spans: Span[] = spansOf(store.db, r.id, r.spans ?? null, context).map((s) => ({ field: s.field as Span['field'], index: s.field_index, start: s.start, end: s.end, text: s.text, matcher: s.matcher }));
  return parseStoredFinding({
    // schema 12: both ids as stored (32 bytes), the finding names them in hex
    id: hexId(r.id),
    itemId: hexId(r.item_id),
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    prohibition: r.prohibition === 'other' ? 'other' : Number(r.prohibition),
    severity: r.severity,
    confidence: r.confidence,
    track: r.track,
    ...(r.skb_form ? { skbForm: r.skb_form } : {}),
    candidates: JSON.parse(r.candidates),
    spans,
    title: { id: r.title_id, en: r.title_en },
    explanation: { id: r.explanation_id, en: r.explanation_en },
    legalBasis: JSON.parse(r.legal_basis),
    lowered: JSON.parse(r.lowered),
  });
}

/**
 * An item and its raw fragment. `rawOrder: 'any'`: the caller writes the raw value as canonical
 * JSON itself (export), so a fragment read from its flagged row is parsed once and its keys are
 * left in the row's order (canonical JSON of either is the same text).
 */
/**
 * An item as stored, and the raw fragment it was read from. `raw: false`: the item only (`raw` is
 * then undefined): the raw of a row kept as a flagged row is its bytes read, inflated and parsed,
 * which a finding list (storedFinding) never shows.
 */
export function itemFromStore(store: Store, id: string, options: ItemReadOptions = {}): { item: Item; raw: unknown } {
  try {
    return itemOfStore(store, id, options);
  } catch (err) {
    throw corruptRow(store, 'items', id, err);
  }
}

interface ItemReadOptions {
  rawOrder?: 'canonical' | 'any';
  /** false: leave the raw fragment unread (default true) */
  raw?: boolean;
}

function itemOfStore(store: Store, id: string, options: ItemReadOptions): { item: Item; raw: unknown } {
  if (store.schemaVersion < 7) {
    const r = prepared(store.db, `SELECT item_json, raw_json FROM items WHERE ${byId('id')}`).get(...idArgs(id)) as { item_json: string; raw_json: string | null };
    return { item: parseStoredItem(JSON.parse(r.item_json)), raw: r.raw_json === null ? undefined : (JSON.parse(r.raw_json) as unknown) };
  }
  // schema 7: the item is its columns plus item_extra (item_json holds it whole for older rows)
  const r = prepared(store.db, `SELECT ${itemRowColumns(store.schemaVersion)}, raw_json, raw_from_row FROM items WHERE ${byId('id')}`).get(...idArgs(id)) as StoredItemRow;
  // schema 12: the id as stored (32 bytes); the item names it in hex
  r.id = hexId(r.id);
  return itemFromRow(r, () => store.flaggedRow(r.capture_id, r.pointer), options);
}

type StoredItemRow = ItemColumns & { item_json: string; item_extra: string | null; raw_json: string | null; raw_from_row: number | null };

/** itemFromStore from its row (schema 7 and later), already read; `flagged` reads its flagged row. */
function itemFromRow(r: StoredItemRow, flagged: () => FlaggedRow | undefined, options: ItemReadOptions): { item: Item; raw: unknown } {
  const item = r.item_extra === null ? (JSON.parse(r.item_json) as unknown) : itemFromColumns(r, r.item_extra);
  if (options.raw === false) return { item: parseStoredItem(item), raw: undefined };
  // the raw JSON is the flagged row's bytes parsed (a JSONL line), kept once in capture_rows
  // (in canonical key order, as raw_json would have held it)
  const row = r.raw_from_row === 1 ? flagged()?.bytes.toString('utf8') : undefined;
  if (row !== undefined && options.rawOrder === 'any') return { item: parseStoredItem(item), raw: JSON.parse(row) as unknown };
  const rawText = row !== undefined ? canonicalJson(JSON.parse(row)) : r.raw_json;
  return { item: parseStoredItem(item), raw: rawText === null ? undefined : (JSON.parse(rawText) as unknown) };
}

/** A flagged row of a file kept as rows: its place in the original and its bytes. */
export interface FlaggedRow {
  offset: number;
  length: number;
  sha256: string;
  bytes: Buffer;
}

/**
 * A finding, its item and the item's flagged row, for an export that reads every finding: since
 * schema 8 one statement reads the finding's row, its texts, its item and the flagged row (four
 * lookups per finding were a third of a 100,000-finding export); the same objects as
 * findingFromStore, itemFromStore (raw in any key order) and Store.flaggedRow.
 */
export function findingWithItem(store: Store, id: string): { finding: Finding; item: Item; raw: unknown; flagged: FlaggedRow | undefined } {
  if (store.schemaVersion < 8) {
    const finding = findingFromStore(store, id);
    const { item, raw } = itemFromStore(store, finding.itemId, { rawOrder: 'any' });
    return { finding, item, raw, flagged: store.flaggedRow(item.source.captureId, item.source.pointer) };
  }
  const r = prepared(store.db, findingWithItemSql(store.schemaVersion)).get(...idArgs(id)) as (FindingRow & Omit<StoredItemRow, 'id'> & { cr_offset: number | null; cr_length: number; cr_sha256: string | Buffer; cr_encoding: string | null; cr_content: Buffer }) | undefined;
  if (!r) throw new NetralError(m.findingNotFound, { ref: id });
  const flagged: FlaggedRow | undefined = r.cr_offset === null ? undefined : { offset: r.cr_offset, length: r.cr_length, sha256: storedHash(r.cr_sha256), bytes: decodeStored(r.cr_content, r.cr_encoding) };
  const finding = findingFromRow(store, r, r.text);
  // the row is this call's own: as the item's columns its id is the item's (not a copy of 40 columns per finding)
  r.id = hexId(r.item_id);
  let read: { item: Item; raw: unknown };
  try {
    read = itemFromRow(r, () => flagged, { rawOrder: 'any' });
  } catch (err) {
    throw corruptRow(store, 'items', hexId(r.item_id), err);
  }
  return { finding, item: read.item, raw: read.raw, flagged };
}

// built once per schema version, not per finding: export reads every finding through it
const FINDING_WITH_ITEM_SQL = new Map<number, string>();
function findingWithItemSql(schemaVersion: number): string {
  let sql = FINDING_WITH_ITEM_SQL.get(schemaVersion);
  if (sql === undefined) FINDING_WITH_ITEM_SQL.set(schemaVersion, (sql = buildFindingWithItemSql(schemaVersion)));
  return sql;
}

// the item's flagged row: in capture_rows, or (schema 11) in flagged_rows by the capture's key
const flaggedColumn = (column: string, keyed: boolean): string => (keyed ? `CASE WHEN cr.pk IS NULL THEN fr.${column} ELSE cr.${column} END` : `cr.${column}`);
const buildFindingWithItemSql = (schemaVersion: number): string => {
  const keyed = schemaVersion >= 11;
  const row = (column: string, as: string): string => `${flaggedColumn(column, keyed)} AS ${as}`;
  return `${FINDING_ROWS_SQL.replace(/\nFROM /, `, ${itemRowColumns(schemaVersion).split(', ').filter((c) => c !== 'id').map((c) => `i.${c}`).join(', ')}, i.raw_json, i.raw_from_row,
  ${row('byte_offset', 'cr_offset')}, ${row('byte_length', 'cr_length')}, ${row('sha256', 'cr_sha256')}, ${row('encoding', 'cr_encoding')}, ${row('content', 'cr_content')}\nFROM `)}
JOIN items i ON i.id = f.item_id
LEFT JOIN capture_rows cr ON cr.capture_id = i.capture_id AND cr.pointer = i.pointer${keyed ? `
LEFT JOIN flagged_rows fr ON fr.capture_pk = (SELECT pk FROM captures WHERE id = i.capture_id) AND fr.pointer = i.pointer` : ''}
WHERE ${byId('f.id')}`;
};

export function showFinding(store: Store, ref: string): FindingDetail {
  const id = resolveFindingId(store, ref);
  const db = store.db;
  let overview: FindingOverview;
  try {
    overview = hexIds(db.prepare(`SELECT * FROM findings_overview WHERE ${byId('finding_id')}`).get(...idArgs(id)) as FindingOverview);
  } catch (err) {
    throw corruptRow(store, 'findings', id, err);
  }
  const finding = findingFromStore(store, id);
  const { item, raw } = itemFromStore(store, finding.itemId);
  const rule = db.prepare('SELECT rule_id, version, title, legal_basis, rule_sha256, rule_yaml FROM rules WHERE rule_id = ? AND version = ?').get(finding.ruleId, finding.ruleVersion) as RuleRow;
  const captureRow = (cid: string) => db.prepare('SELECT id, blob_sha256, origin, member_path, captured_at, parent_capture_id FROM captures WHERE id = ?').get(cid) as Record<string, string | null> | undefined;
  const cap = captureRow(overview.capture_id)!;
  const parents: FindingDetail['capture']['parents'] = [];
  for (let p = cap.parent_capture_id ? captureRow(cap.parent_capture_id) : undefined; p; p = p.parent_capture_id ? captureRow(p.parent_capture_id) : undefined) {
    parents.push({ id: p.id!, sha256: p.blob_sha256!, origin: p.origin! });
  }
  const siblings = (db.prepare(`SELECT id, rule_version FROM findings WHERE ${byId('item_id')} AND rule_id = ? AND NOT ${byId('id')}`).all(...idArgs(finding.itemId), finding.ruleId, ...idArgs(id)) as Array<{ id: string | Buffer; rule_version: number }>).map((s) => ({ id: hexId(s.id), rule_version: s.rule_version }));
  return {
    overview,
    finding,
    item,
    raw,
    rule: { id: rule.rule_id, version: rule.version, title: rule.title, legalBasis: JSON.parse(rule.legal_basis) as string[], sha256: rule.rule_sha256, yaml: rule.rule_yaml },
    capture: { id: cap.id!, sha256: cap.blob_sha256!, origin: cap.origin!, memberPath: cap.member_path ?? null, capturedAt: cap.captured_at!, parents },
    reviews: reviewHistory(store, id),
    subjects: (db.prepare(`SELECT subject_id, subject_name, nip, agency, region_name, attribution FROM findings_overview WHERE ${byId('finding_id')} AND subject_id IS NOT NULL ORDER BY subject_name`).all(...idArgs(id)) as Array<Record<string, string | null>>).map((r) => ({
      id: r.subject_id!,
      name: r.subject_name!,
      nip: r.nip ?? null,
      agency: r.agency ?? null,
      regionName: r.region_name ?? null,
      attribution: r.attribution ?? '',
    })),
    earlierDecisions: siblings.flatMap((s) => reviewHistory(store, s.id).map((r) => ({ ...r, ruleVersion: s.rule_version }))),
  };
}

export interface SearchHit {
  itemId: string;
  platform: string;
  kind: string;
  time: string | null;
  actor: string | null;
  text: string | null;
  /** [start, end) UTF-16 ranges of the matched terms in `text` */
  matches: Array<{ start: number; end: number }>;
  findings: number;
}

/**
 * Full-text search over stored items (FTS5, unicode61 without stemming — right for Indonesian).
 * Each word is searched as a literal prefix-free term unless `raw` (FTS5 syntax: AND, OR, NEAR, "…").
 */
export function searchItems(store: Store, query: string, options: { limit?: number; raw?: boolean } = {}): SearchHit[] {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const match = options.raw ? query : words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
  const limit = options.limit ?? 50;
  let rows: Array<Record<string, string | number | null>>;
  try {
    rows = store.db
      .prepare(
        `SELECT i.id, i.platform, i.kind, i.created_at_utc, coalesce(i.actor_handle, i.actor_name) AS actor, i.text,
           (SELECT count(*) FROM findings f WHERE f.item_id = i.id) AS findings
         FROM items_fts JOIN items i ON i.pk = items_fts.rowid WHERE items_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(match, limit) as Array<Record<string, string | number | null>>;
  } catch (err) {
    // the query is the user's own text, possibly pasted by the kilobyte: only its start is echoed
    throw new NetralError(m.searchQueryBad, { query: boundedText(query, 80), detail: errorText(err, 120) }, 2, { cause: err });
  }
  const needles = words.map((w) => w.replace(/^["(]+|[")*]+$/g, '')).filter((w) => !/^(AND|OR|NOT|NEAR)$/.test(w));
  return rows.map((r) => ({
    itemId: hexId(r.id),
    platform: r.platform as string,
    kind: r.kind as string,
    time: r.created_at_utc as string | null,
    actor: r.actor as string | null,
    text: r.text as string | null,
    matches: r.text ? termRanges(r.text as string, needles) : [],
    findings: r.findings as number,
  }));
}

/** Where the search terms occur in the text, ignoring case and diacritics like FTS5 does. */
function termRanges(text: string, terms: string[]): Array<{ start: number; end: number }> {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const out: Array<{ start: number; end: number }> = [];
  const wordRe = /[\p{L}\p{N}_]+/gu;
  const folded = new Set(terms.map(fold));
  for (const w of text.matchAll(wordRe)) {
    if (folded.has(fold(w[0]))) out.push({ start: w.index, end: w.index + w[0].length });
  }
  return out;
}

/** The latest decision that set a status (notes do not), in the record's shape. */
function latestDecision(reviews: ReviewRecord[]): ReviewRecordJson | null {
  const r = [...reviews].reverse().find((x) => x.decision !== 'note');
  return r ? { decision: r.decision, reason: r.reason, comment: r.comment, reviewer: r.reviewer, decidedAt: r.decidedAt } : null;
}

function subjectOf(row: Pick<FindingOverview, 'subject_id' | 'subject_name' | 'nip' | 'agency' | 'region_code' | 'region_name' | 'attribution'>): SubjectRef | null {
  return row.subject_id && row.subject_name
    ? { id: row.subject_id, name: row.subject_name, nip: row.nip, agency: row.agency, regionCode: row.region_code, regionName: row.region_name, attribution: row.attribution }
    : null;
}

/** A stored finding as the source of its netral.finding/2 record (evidence list, review). */
export function storedFinding(store: Store, row: FindingOverview): FindingSource {
  return { ...storedFindingFrom(row, findingFromStore(store, row.finding_id, row.text), itemFromStore(store, row.item_id, { raw: false }).item, reviewHistory(store, row.finding_id)), subjects: subjectsOfItem(store, row.item_id) };
}

/** The same, from parts already read (the export reads them anyway). */
export function storedFindingFrom(row: Pick<FindingOverview, 'capture_sha256' | 'status' | 'subject_id' | 'subject_name' | 'nip' | 'agency' | 'region_code' | 'region_name' | 'attribution'>, finding: Finding, item: Item, reviews: ReviewRecord[]): FindingSource {
  return { finding, item, capture: { sha256: row.capture_sha256 }, status: row.status, review: latestDecision(reviews), subject: subjectOf(row) };
}

/** One finding with its whole case (evidence show --format json). */
export function detailedFinding(d: FindingDetail): FindingSource {
  return {
    finding: d.finding,
    item: d.item,
    capture: { sha256: d.capture.sha256 },
    status: d.overview.status,
    review: latestDecision(d.reviews),
    subject: subjectOf(d.overview),
    evidence: {
      item: d.item as unknown as Record<string, unknown>,
      ...(d.raw === undefined ? {} : { raw: d.raw }),
      rule: { sha256: d.rule.sha256, yaml: d.rule.yaml },
      capture: { id: d.capture.id, sha256: d.capture.sha256, origin: d.capture.origin, memberPath: d.capture.memberPath, capturedAt: d.capture.capturedAt, parents: d.capture.parents },
      reviews: d.reviews.map(reviewJson),
      earlierDecisions: d.earlierDecisions.map((r) => ({ decision: r.decision, reason: r.reason, comment: r.comment, reviewer: r.reviewer, decidedAt: r.decidedAt, ruleVersion: r.ruleVersion })),
    },
  };
}

export function reviewJson(r: ReviewRecord): FindingEvidence['reviews'][number] {
  return { id: r.id, decision: r.decision, reason: r.reason, comment: r.comment, reviewer: r.reviewer, decidedAt: r.decidedAt, supersedesId: r.supersedesId };
}
