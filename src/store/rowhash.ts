// Row hashes: what `row_sha256` covers, and the Merkle root over a run's new items.
// Verify recomputes both from the stored columns, so an edit made with any SQLite tool shows.
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
// quotedKey: column names recur in every row verify hashes, so each is quoted once
import { canonicalJson, quotedKey, sha256Hex } from '../model/hash.js';

export type Row = Record<string, unknown>;

/**
 * SHA-256 over the canonical JSON of a row's columns, leaving out the surrogate `pk`, the hash
 * itself and NULLs (so a column added by a later migration does not change old rows' hashes).
 */
export function rowSha256(row: Row, extra: Row = {}): string {
  return sha256Hex(canonicalRow(row, extra));
}

/**
 * canonicalJson({ ...row without pk, row_sha256 and NULLs, ...extra }), written key by key:
 * verify runs this for every row of the store, and a row's values are mostly strings and numbers
 * (JSON.stringify of those is what canonicalJson writes; objects still go through it).
 */
const INDEX_KEY = /^(0|[1-9]\d*)$/;

/**
 * A column value as the row hash writes it. A BLOB (Buffer) is hashed as its hex: since schema 12
 * an item's or finding's id (and a reference to one) is stored as its 32 bytes, and the row hash
 * covers the hex id, as it did when the column held the hex (the general path, canonicalJson of
 * the whole row, is only taken for odd column names and sees no id BLOB).
 */
function valueJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  return Buffer.isBuffer(value) ? `"${value.toString('hex')}"` : canonicalJson(value);
}

export function canonicalRow(row: Row, extra: Row = {}): string {
  const keys: string[] = [];
  for (const key of Object.keys(row)) {
    if (key === 'pk' || key === 'row_sha256' || Object.hasOwn(extra, key)) continue;
    const value = row[key];
    if (value !== null && value !== undefined) keys.push(key);
  }
  for (const key of Object.keys(extra)) if (extra[key] !== undefined) keys.push(key);
  // a JS object lists integer-like keys first, and __proto__ is no member: such a key (never a column name) takes the general path
  if (keys.some((k) => INDEX_KEY.test(k) || k === '__proto__')) return canonicalJson(Object.fromEntries(keys.map((k) => [k, Object.hasOwn(extra, k) ? extra[k] : row[k]])));
  keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = Object.hasOwn(extra, key) ? extra[key] : row[key];
    out += `${i ? ',' : ''}${quotedKey(key)}${valueJson(value)}`;
  }
  return `${out}}`;
}

/**
 * rowSha256 for the rows of one statement: its columns are known once, so their canonical order
 * and quoted names are worked out once, not per row (verify hashes every item, finding and flagged
 * row of the store; the per-row key list, filter and sort were about a tenth of it). Gives exactly
 * rowSha256(row, extra) when `row` has no other column than `columns` holds (more are ignored:
 * a caller hashing a subset, like captureRowSha256, names it) and `extra` no other key than
 * `extraKeys`. A column named like an array index takes rowSha256's general path.
 */
export class RowHasher {
  private readonly order: ReadonlyArray<{ key: string; quoted: string; fromExtra: boolean }>;
  private readonly general: boolean;
  constructor(
    private readonly columns: readonly string[],
    extraKeys: readonly string[] = [],
  ) {
    const keys = [...new Set([...columns.filter((k) => k !== 'pk' && k !== 'row_sha256' && !extraKeys.includes(k)), ...extraKeys])];
    this.general = keys.some((k) => INDEX_KEY.test(k) || k === '__proto__');
    keys.sort();
    this.order = keys.map((key) => ({ key, quoted: quotedKey(key), fromExtra: extraKeys.includes(key) }));
  }
  sha256(row: Row, extra: Row = {}): string {
    if (this.general) return rowSha256(Object.fromEntries(this.columns.map((k) => [k, row[k]])), extra);
    let out = '{';
    for (const { key, quoted, fromExtra } of this.order) {
      const value = fromExtra ? extra[key] : row[key];
      // a row's NULL is no member; an extra value is left out only when undefined (canonicalRow)
      if (value === undefined || (value === null && !fromExtra)) continue;
      out += `${out.length === 1 ? '' : ','}${quoted}${valueJson(value)}`;
    }
    return sha256Hex(`${out}}`);
  }
}

/** The columns captureRowSha256 covers. */
export const CAPTURE_ROW_HASHED = ['capture_id', 'pointer', 'byte_offset', 'byte_length', 'sha256', 'first_run_id'] as const;

/**
 * A stored row hash as hex: schema 8 stores the row hashes of items, findings and flagged rows as
 * their 32 bytes (a BLOB, half the size of the 64 hex characters); earlier rows hold the hex text.
 */
export function storedHash(value: unknown): string {
  return typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('hex') : String(value);
}

/** How a row hash is written: its 32 bytes since schema 8, hex text before. */
export function hashColumn(hex: string, schemaVersion: number): string | Buffer {
  return schemaVersion >= 8 ? Buffer.from(hex, 'hex') : hex;
}

export interface SpanRow {
  ord: number;
  field: string;
  field_index: number;
  start: number;
  end: number;
  text: string;
  matcher: string;
}

/**
 * A finding's hash covers its spans too: moving a highlighted word is an edit of the finding. The
 * spans are hashed the same way whether they sit in finding_spans rows or in the `spans` column.
 */
export function findingRowSha256(row: Row, spans: SpanRow[]): string {
  return rowSha256({ ...row, spans: null }, { __spans: spanTuples(spans) });
}

/**
 * findingRowSha256 for the rows a run writes, whose columns are always the same (a heavy scan hashes
 * one per finding): their order and quoted names worked out once, from the first row's columns, and
 * a row with other columns takes findingRowSha256 (the same hash either way).
 */
export class FindingRowHasher {
  private columns: string | undefined;
  private hasher: RowHasher | undefined;
  sha256(row: Row, spans: SpanRow[]): string {
    const keys = Object.keys(row);
    const columns = keys.join('\u0000');
    if (this.columns === undefined && !keys.includes('spans') && !keys.includes('__spans')) {
      this.columns = columns;
      this.hasher = new RowHasher(keys, ['__spans']);
    }
    if (columns !== this.columns || this.hasher === undefined) return findingRowSha256(row, spans);
    return this.hasher.sha256(row, { __spans: spanTuples(spans) });
  }
}

/**
 * The same hash from the stored `spans` column, without building span objects (verify runs this
 * once per finding): each tuple's seven values in ord order, exactly as spansOf + spanTuples give them.
 * `context`: what a schema-8 column leaves out (the item's text, the matcher names by key).
 */
/** `hasher`: a RowHasher of the statement's columns without `spans`, with the extra key `__spans` (verify). */
export function findingRowSha256FromColumn(row: Row, spansJson: string | Buffer, context?: SpanContext, hasher?: RowHasher): string {
  const tuples = tuplesOfColumn(spansJson, context);
  tuples.sort((a, b) => (a[0] as number) - (b[0] as number));
  return hasher ? hasher.sha256(row, { __spans: tuples }) : rowSha256({ ...row, spans: null }, { __spans: tuples });
}

/**
 * What a schema-8 `spans` column does not repeat: the words a span covers in the item's own text
 * (read back from that text by their offsets) and its matcher's name (a key into span_matchers).
 */
export interface SpanContext {
  /** the finding's item text (items.text), null when the item has none or is missing */
  itemText: string | null;
  /** the matcher name of a span_matchers key; undefined when there is no such key */
  matcherName(key: number): string | undefined;
}

/**
 * The seven-value tuples [ord, field, field_index, start, end, text, matcher] of a `spans` column.
 * Schema 5 and 6 wrote them whole; since schema 7 a span whose ord is its place in the array
 * leaves the ord out, and one in the item's own text (field `text`, index 0) leaves those out too:
 * [start, end, text, matcher] or [field, field_index, start, end, text, matcher].
 * Schema 8 (a flat array, its first element a number): a span in the item's own text whose words
 * are that text at its offsets is three numbers, start, end and its matcher's key; any other span
 * is [field, field_index, start, end, text, matcher key]. A column this cannot read back (no
 * context, a key or text that is not there) gives tuples that fail the finding's row hash.
 */
function tuplesOfColumn(spansJson: string | Buffer, context?: SpanContext): unknown[][] {
  // schema 11: a flat column of numbers only, as unsigned LEB128 varints (spansColumn)
  if (typeof spansJson !== 'string') return tuplesOfFlatColumn(varintsOf(spansJson), context);
  const parsed = JSON.parse(spansJson) as unknown[];
  // schema 8: a number first, or a tuple that ends in a matcher key (earlier tuples end in its name)
  const first = parsed[0];
  if (first !== undefined && (!Array.isArray(first) || typeof first[first.length - 1] === 'number')) return tuplesOfFlatColumn(parsed, context);
  return (parsed as unknown[][]).map((t, i) =>
    t.length === 4 ? [i, 'text', 0, t[0], t[1], t[2], t[3]] : t.length === 6 ? [i, t[0], t[1], t[2], t[3], t[4], t[5]] : [t[0], t[1], t[2], t[3], t[4], t[5], t[6]],
  );
}

/**
 * Schema 11: a flat spans column whose values are all numbers (every span in the item's own text:
 * start, end, matcher key) is stored as their unsigned LEB128 varints, a BLOB: a byte for most
 * values instead of two to four characters of JSON. The row hash is unchanged (it covers the
 * seven values of every span). A truncated varint or a value past 2^35 reads back as NaN,
 * which fails the finding's row hash.
 */
export function varintColumn(values: number[]): Buffer {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Buffer.from(out);
}

function varintsOf(buf: Buffer): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (const byte of buf) {
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
      if (scale > 2 ** 35) return [...out, NaN];
    } else {
      out.push(value);
      value = 0;
      scale = 1;
    }
  }
  return scale === 1 ? out : [...out, NaN];
}

/** Schema 8's flat `spans` column back to seven-value tuples (tuplesOfColumn). */
function tuplesOfFlatColumn(flat: unknown[], context: SpanContext | undefined): unknown[][] {
  const name = (key: unknown): string | null => (typeof key === 'number' ? context?.matcherName(key) ?? null : null);
  const out: unknown[][] = [];
  for (let i = 0; i < flat.length; ) {
    const ord = out.length;
    const e = flat[i];
    if (Array.isArray(e)) {
      out.push([ord, e[0], e[1], e[2], e[3], e[4], name(e[5])]);
      i++;
    } else {
      const [start, end, key] = [e, flat[i + 1], flat[i + 2]];
      const text = typeof start === 'number' && typeof end === 'number' && typeof context?.itemText === 'string' ? context.itemText.slice(start, end) : null;
      out.push([ord, 'text', 0, start, end, text, name(key)]);
      i += 3;
    }
  }
  return out;
}

function spanTuples(spans: SpanRow[]): unknown[][] {
  return [...spans].sort((a, b) => a.ord - b.ord).map((s) => [s.ord, s.field, s.field_index, s.start, s.end, s.text, s.matcher]);
}

/** How a schema-8 writer shortens spans: the item's text, and the key of a matcher name (added when new). */
export interface SpanKeys {
  itemText: string | null;
  keyOf(matcher: string): number;
}

/**
 * The `findings.spans` column (schema 5): the spans as one compact JSON array of tuples;
 * `compact` (schema 7): without what the place in the array and the usual field say (tuplesOfColumn);
 * `keys` (schema 8): one flat array, offsets only for words of the item's own text and matcher keys.
 */
export function spansColumn(spans: SpanRow[], compact = false, keys?: SpanKeys, varints = false): string | Buffer {
  const tuples = spanTuples(spans);
  if (keys && tuples.length > 0) {
    const flat: unknown[] = [];
    let numbers = varints;
    for (const [, field, index, start, end, text, matcher] of tuples as Array<[number, string, number, number, number, string, string]>) {
      const key = keys.keyOf(matcher);
      if (field === 'text' && index === 0 && keys.itemText !== null && keys.itemText.slice(start, end) === text) flat.push(start, end, key);
      else {
        flat.push([field, index, start, end, text, key]);
        numbers = false;
      }
    }
    // `varints` (schema 11): a column of numbers only as varints (varintColumn)
    if (numbers && flat.every((v) => Number.isSafeInteger(v) && (v as number) >= 0)) return varintColumn(flat as number[]);
    return JSON.stringify(flat);
  }
  if (!compact) return JSON.stringify(tuples);
  return JSON.stringify(tuples.map((t, i) => (t[0] !== i ? t : t[1] === 'text' && t[2] === 0 ? t.slice(3) : t.slice(1))));
}

// verify and subject import call these once per row: each database prepares them once
const statements = new WeakMap<Database.Database, { spans: Database.Statement; accounts: Database.Statement }>();

function statementsOf(db: Database.Database): { spans: Database.Statement; accounts: Database.Statement } {
  let s = statements.get(db);
  if (!s) {
    s = {
      spans: db.prepare('SELECT ord, field, field_index, start, "end", text, matcher FROM finding_spans WHERE finding_id = ? ORDER BY ord'),
      accounts: db.prepare('SELECT platform, handle, handle_norm, profile_url FROM subject_accounts WHERE subject_id = ? ORDER BY platform, handle_norm'),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * A finding's spans: from its `spans` column (schema 5) when `stored` is given or found, else its
 * finding_spans rows. `context`: what a schema-8 column leaves out (spanContext).
 */
export function spansOf(db: Database.Database, findingId: string, stored?: unknown, context?: SpanContext): SpanRow[] {
  const column = stored !== undefined ? stored : spansColumnOf(db, findingId);
  if (typeof column === 'string' || Buffer.isBuffer(column)) {
    const tuples = tuplesOfColumn(column, context) as Array<[number, string, number, number, number, string, string]>;
    return tuples.map(([ord, field, field_index, start, end, text, matcher]) => ({ ord, field, field_index, start, end, text, matcher }));
  }
  return statementsOf(db).spans.all(findingId) as SpanRow[];
}

const spansColumnStatements = new WeakMap<Database.Database, Database.Statement | null>();

function spansColumnOf(db: Database.Database, findingId: string): unknown {
  let stmt = spansColumnStatements.get(db);
  if (stmt === undefined) {
    const has = (db.prepare("SELECT 1 FROM pragma_table_info('findings') WHERE name = 'spans'").get() as unknown) !== undefined;
    // schema 12: the id stored as its 32 bytes, or hex
    stmt = has ? db.prepare("SELECT spans FROM findings WHERE id IN (?, unhex(?))").pluck() : null;
    spansColumnStatements.set(db, stmt);
  }
  return stmt ? stmt.get(findingId, findingId) : null;
}

export interface AccountRow {
  platform: string;
  handle: string;
  handle_norm: string;
  profile_url: string | null;
}

/** A subject's hash covers its accounts: re-pointing a handle changes whom items are linked to. */
export function subjectRowSha256(row: Row, accounts: AccountRow[]): string {
  const ordered = accounts.map((a) => [a.platform, a.handle_norm, a.handle, a.profile_url]).sort((x, y) => (`${x[0]}\n${x[1]}` < `${y[0]}\n${y[1]}` ? -1 : 1));
  return rowSha256(row, { __accounts: ordered });
}

export function accountsOf(db: Database.Database, subjectId: string): AccountRow[] {
  return statementsOf(db).accounts.all(subjectId) as AccountRow[];
}

/**
 * RFC 6962 Merkle tree hash (leaf = H(0x00‖data), node = H(0x01‖left‖right)), built incrementally
 * so a run with millions of items needs no array of them.
 */
export class MerkleRoot {
  private stack: Array<{ size: number; hash: Buffer }> = [];

  add(leafHex: string): void {
    let node = { size: 1, hash: leafHash(leafHex) };
    let top = this.stack[this.stack.length - 1];
    while (top && top.size === node.size) {
      this.stack.pop();
      node = { size: top.size * 2, hash: h(NODE, top.hash, node.hash) };
      top = this.stack[this.stack.length - 1];
    }
    this.stack.push(node);
  }

  digest(): string {
    if (this.stack.length === 0) return sha256Hex('');
    let right = this.stack[this.stack.length - 1]!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) right = h(NODE, this.stack[i]!.hash, right);
    return right.toString('hex');
  }
}

const NODE = Buffer.from([1]);

/** H(0x00 ‖ leaf): one buffer, one one-shot hash (a Merkle root over 100,000 rows adds each leaf). */
function leafHash(leafHex: string): Buffer {
  const input = Buffer.alloc(1 + (leafHex.length >>> 1));
  // as Buffer.from(hex): decoding stops at the first character that is not hex
  const written = input.write(leafHex, 1, 'hex');
  return hash('sha256', input.subarray(0, 1 + written), 'buffer');
}

function h(...parts: Buffer[]): Buffer {
  return hash('sha256', Buffer.concat(parts), 'buffer');
}

/**
 * Merkle root over the row hashes of the items a run added, in item-id order. `afterPk`: the
 * largest items pk before the run began (a run holds the write lock, so its rows are the pks
 * above it): the rows are found by their pk range, with no index on the run id (schema 7).
 */
export function itemsRootOfRun(db: Database.Database, runId: string, recompute = false, afterPk?: number): string {
  const root = new MerkleRoot();
  const range = afterPk === undefined ? '' : ' AND pk > ?';
  const stmt = db.prepare(recompute ? `SELECT * FROM items WHERE first_run_id = ?${range} ORDER BY id` : `SELECT row_sha256 FROM items WHERE first_run_id = ?${range} ORDER BY id`);
  for (const row of (afterPk === undefined ? stmt.iterate(runId) : stmt.iterate(runId, afterPk)) as Iterable<Row>) {
    root.add(recompute ? rowSha256(row) : storedHash(row.row_sha256));
  }
  return root.digest();
}

/**
 * Merkle root over the row hashes of the findings a run added, in pk (insertion) order (schema 7:
 * a finding has no custody entry of its own; the run.finish entry carries this root).
 */
export function findingsRootOfRun(db: Database.Database, runId: string, afterPk: number): string {
  const root = new MerkleRoot();
  for (const sha of db.prepare('SELECT row_sha256 FROM findings WHERE pk > ? AND first_run_id = ? ORDER BY pk').pluck().iterate(afterPk, runId) as Iterable<unknown>) root.add(storedHash(sha));
  return root.digest();
}

/** The largest pk of a table (0 when empty): where a run's rows begin. */
export function maxPk(db: Database.Database, table: 'items' | 'findings' | 'capture_rows' | 'flagged_rows'): number {
  return (db.prepare(`SELECT coalesce(max(pk), 0) FROM ${table}`).pluck().get() as number);
}

/** What a flagged row's hash covers: where it sits in which capture, and its bytes' SHA-256. */
export function captureRowSha256(row: Row): string {
  return rowSha256({ capture_id: row.capture_id, pointer: row.pointer, byte_offset: row.byte_offset, byte_length: row.byte_length, sha256: row.sha256, first_run_id: row.first_run_id });
}

/**
 * Merkle root over the flagged rows a run added, in (capture id, offset) order: capture_rows rows
 * before schema 11, flagged_rows rows (`keyed`, pks above afterPk) since.
 */
export function rowsRootOfRun(db: Database.Database, runId: string, afterPk = 0, keyed = false): string {
  const root = new MerkleRoot();
  const sql = keyed
    ? 'SELECT r.row_sha256 FROM flagged_rows r JOIN captures c ON c.pk = r.capture_pk WHERE r.pk > ? AND r.run_pk = (SELECT pk FROM runs WHERE id = ?) ORDER BY c.id, r.byte_offset'
    : 'SELECT row_sha256 FROM capture_rows WHERE pk > ? AND first_run_id = ? ORDER BY capture_id, byte_offset';
  for (const sha of db.prepare(sql).pluck().iterate(afterPk, runId) as Iterable<unknown>) root.add(storedHash(sha));
  return root.digest();
}

/**
 * Merkle root over the item attributions (item_attributions rows) a run made — or, with run
 * `null`, the rows no run root covers (carried over by migration 3) — in (item, subject) order.
 * Each leaf covers item, subject and method, so re-filing a finding under someone else shows.
 */
export function attributionsRoot(db: Database.Database, runId: string | null): string {
  const root = new MerkleRoot();
  const stmt = runId === null
    ? db.prepare("SELECT item_id, subject_id, method FROM item_attributions WHERE run_id IS NULL OR run_id NOT IN (SELECT object_id FROM custody_log WHERE action = 'run.finish' AND json_extract(payload, '$.attributions_root') IS NOT NULL) ORDER BY item_id, subject_id")
    : db.prepare('SELECT item_id, subject_id, method FROM item_attributions WHERE run_id = ? ORDER BY item_id, subject_id');
  for (const row of (runId === null ? stmt.iterate() : stmt.iterate(runId)) as Iterable<Row>) root.add(attributionLeaf(row));
  return root.digest();
}

export function attributionLeaf(row: Row): string {
  // schema 12: the item as its row stores its id (32 bytes); the leaf covers the hex
  return sha256Hex(canonicalJson({ item_id: Buffer.isBuffer(row.item_id) ? row.item_id.toString('hex') : row.item_id, subject_id: row.subject_id, method: row.method }));
}

// matcher names by span_matchers key, read once per connection (again when a key is new to it)
const matcherNames = new WeakMap<Database.Database, Map<number, string>>();

function matcherName(db: Database.Database, key: number): string | undefined {
  let names = matcherNames.get(db);
  if (!names?.has(key)) {
    try {
      names = new Map(db.prepare('SELECT pk, name FROM span_matchers').raw().all() as Array<[number, string]>);
    } catch {
      // a store before schema 8 has no such table: a key there reads back as nothing
      names = new Map();
    }
    matcherNames.set(db, names);
  }
  return names.get(key);
}

/**
 * What a reader needs to read a schema-8 spans column back, for a finding whose item has this
 * text; a function gives the text only when a span needs it (older columns never do).
 */
export function spanContext(db: Database.Database, itemText: string | null | (() => string | null)): SpanContext {
  if (typeof itemText !== 'function') return { itemText, matcherName: (key) => matcherName(db, key) };
  let text: string | null | undefined;
  return {
    get itemText() {
      return text === undefined ? (text = itemText()) : text;
    },
    matcherName: (key) => matcherName(db, key),
  };
}
