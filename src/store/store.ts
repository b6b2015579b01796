// The evidence store: one SQLite file (WAL, foreign keys on, user_version migrations) plus
// content-addressed blobs beside it. Only src/store/ touches SQLite.
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants as fsConstants, openSync, readSync, statSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { errorText, NetralError } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';
import { canonicalJson, sha256Hex } from '../model/hash.js';
import type { Capture, Finding, Item, ReviewStatus } from '../model/index.js';
import { accountFromProfileUrl, normHandle } from './accounts.js';
import { type BlobKept, type BlobRow, decodeStored, discardStaged, encodeInline, encodeRow, readBlob, stageBlob, type StagedBlob } from './blobs.js';
import { CustodyWriter } from './custody.js';
import { byId, idArgs, storedId } from './ids.js';
import { createPrivateFile, ensurePrivateDir } from './files.js';
import { attributionsRoot, captureRowSha256, FindingRowHasher, findingsRootOfRun, hashColumn, itemsRootOfRun, maxPk, rowSha256, rowsRootOfRun, spansColumn, storedHash, type SpanRow } from './rowhash.js';
import { itemJsonColumns } from './item-row.js';
import { FINDING_TEXT_COLUMNS, migrate, SCHEMA_VERSION, StoreTooNewError } from './schema.js';
import type { EvidenceStore, ItemAuthorKnown, RuleRecord, RunCounts, RunMeta, StoreRun, StoredCapture } from './types.js';

export const DEFAULT_STORE_PATH = 'netral.db';

/** --store, else $NETRAL_STORE, else ./netral.db */
export function resolveStorePath(option?: string): string {
  return resolve(option ?? process.env.NETRAL_STORE ?? DEFAULT_STORE_PATH);
}

// the version lives in its own module so --version loads no store code; re-exported for callers here
import { TOOL_VERSION } from '../version.js';
import { prepared } from './statements.js';
export { TOOL_VERSION };

export function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * PRAGMA application_id of every netral store: "NTRL" in ASCII (0x4E54524C). Set when a store is
 * created or migrated; a SQLite file with another id, or with none and no netral tables, is not
 * ours and is refused untouched (no tables added, journal mode left as it is).
 */
export const NETRAL_APPLICATION_ID = 0x4e54524c;

/** Tables only a netral store has: an old store without the application id is recognised by them. */
const NETRAL_TABLES = ['store_info', 'custody_log', 'captures', 'findings'];

/** How long a writer waits for another process's write transaction before trying again (ms). */
const BUSY_TIMEOUT_MS = 15_000;

/** Platforms whose accounts are handles: one handle is one account, so another handle is another account. */
const HANDLE_PLATFORMS: ReadonlySet<string> = new Set(['x', 'instagram', 'tiktok']);

/** How long in all a write waits for the store (several analysts scanning at once), ms. */
export const LOCK_WAIT_MS = Number(process.env.NETRAL_LOCK_WAIT_MS) > 0 ? Number(process.env.NETRAL_LOCK_WAIT_MS) : 10 * 60_000;

export interface OpenStoreOptions {
  /** create the store when the path does not exist (default for writers; the CLI allows it for scan, fetch, subjects import only) */
  create?: boolean;
  /** read only; a store at an older schema is first upgraded (once, writable) unless `asIs` */
  readonly?: boolean;
  /** open exactly as found, without upgrading an older schema (verify must not change the file) */
  asIs?: boolean;
  /** who is acting (recorded in migrations' custody entries); default: the OS user */
  actor?: string;
  /** stop migrating at this schema version (tests of old stores only) */
  schemaVersion?: number;
}

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const store = new Store(resolve(path), options);
  if (!store.readonly || options.asIs || store.schemaVersion >= SCHEMA_VERSION) return store;
  // a store written by an older netral: upgrade it once, then read it as asked
  const from = store.schemaVersion;
  store.close();
  try {
    new Store(resolve(path), { ...options, readonly: false }).close();
  } catch (err) {
    // an old schema that cannot be upgraded here (read-only file or folder): say both things
    if (err instanceof NetralError && (err.userMessage === m.storeReadOnly || err.userMessage === m.storeReadOnlyFolder)) {
      throw new NetralError(m.storeOldSchemaReadOnly, { path: resolve(path), version: from, supported: SCHEMA_VERSION }, 2, { cause: err });
    }
    throw err;
  }
  return new Store(resolve(path), options);
}

type RunKind = 'scan' | 'fetch';

export class Store implements EvidenceStore {
  readonly db: Database.Database;
  readonly readonly: boolean;
  readonly schemaVersion: number;
  private activeRun: SqliteRun | undefined;

  constructor(
    readonly path: string,
    options: OpenStoreOptions,
  ) {
    this.readonly = options.readonly ?? false;
    const fresh = checkStorePath(path, { create: (options.create ?? true) && !this.readonly });
    if (!this.readonly) {
      ensurePrivateDir(dirname(path));
      createPrivateFile(path);
    }
    this.db = openDatabase(path, this.readonly);
    try {
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = FULL');
      }
      this.db.pragma('foreign_keys = ON');
      if (!this.readonly) {
        migrate(this.db, { actor: options.actor ?? defaultActor(), toolVersion: TOOL_VERSION }, options.schemaVersion);
        // created or migrated (or an old netral store adopted): marked as netral's from now on
        if (this.db.pragma('application_id', { simple: true }) !== NETRAL_APPLICATION_ID) this.db.pragma(`application_id = ${NETRAL_APPLICATION_ID}`);
      }
      this.schemaVersion = this.db.pragma('user_version', { simple: true }) as number;
      if (this.schemaVersion > SCHEMA_VERSION) throw new StoreTooNewError(this.schemaVersion);
    } catch (err) {
      this.db.close();
      throw storeOpenError(path, err, fresh);
    }
  }

  info(key: string): string | undefined {
    return (prepared(this.db, 'SELECT value FROM store_info WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  beginRun(meta: RunMeta, kind: RunKind = 'scan'): SqliteRun {
    this.assertWritable();
    if (this.activeRun || this.db.inTransaction) throw new Error('a run is already open on this store connection');
    const subjectId = meta.subjectId ? this.requireSubject(meta.subjectId) : undefined;
    withWriteLock(this.db, this.path, () => this.db.exec('BEGIN IMMEDIATE'));
    try {
      this.activeRun = new SqliteRun(this, meta, kind, subjectId, () => (this.activeRun = undefined));
      return this.activeRun;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /**
   * Begin one read transaction for a command that reads many rows one statement at a time (export,
   * verify): one snapshot, and SQLite's implicit per-statement transaction (open a WAL snapshot,
   * check the file, close it) paid once: 100,000 lookups by id took 0.82 s CPU outside one, 0.15 s
   * inside. Returns the end; a caller already inside a transaction keeps it, and the end leaves it
   * alone. Writes come after the end.
   */
  beginRead(): () => void {
    if (this.db.inTransaction) return () => undefined;
    this.db.exec('BEGIN');
    // a read ends with ROLLBACK: nothing was written, and unlike COMMIT it does not fail again on a
    // corrupt file after a read has already reported the corruption (verify's corrupt-store report)
    return () => {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    };
  }

  /** Run `fn` in one IMMEDIATE transaction (reviews, subject imports, export records). */
  write<T>(fn: () => T): T {
    this.assertWritable();
    if (this.activeRun) throw new Error('a run is open on this store connection');
    const tx = this.db.transaction(fn);
    return withWriteLock(this.db, this.path, () => tx.immediate());
  }

  latestCaptureForUrl(url: string): StoredCapture | undefined {
    const row = this.db
      .prepare(
        `SELECT c.* FROM captures c LEFT JOIN capture_sightings s ON s.capture_id = c.id
         WHERE c.origin_kind = 'url' AND (c.origin = ? OR c.final_url = ?)
         GROUP BY c.id ORDER BY max(coalesce(s.seen_at, c.first_seen_at)) DESC, c.captured_at DESC LIMIT 1`,
      )
      .get(url, url) as CaptureRow | undefined;
    if (!row) return undefined;
    const body = this.blobBytes(row.blob_sha256);
    return body ? { capture: captureFromRow(row), body } : undefined;
  }

  capture(id: string): Capture | undefined {
    const row = prepared(this.db, 'SELECT * FROM captures WHERE id = ?').get(id) as CaptureRow | undefined;
    return row ? captureFromRow(row) : undefined;
  }

  /** Review status of a finding: the latest decision (open when there is none). */
  findingStatus(findingId: string): ReviewStatus {
    // asked once per finding after a scan: prepared once
    this.statusStmt ??= this.db.prepare(`SELECT status FROM finding_status WHERE ${byId('finding_id')}`);
    const row = this.statusStmt.get(...idArgs(findingId)) as { status: ReviewStatus } | undefined;
    return row?.status ?? 'open';
  }
  private statusStmt: Database.Statement | undefined;

  /** The first capture of these bytes: how an item's media entry (which carries a sha256) finds its evidence. */
  captureOfBytes(sha256: string): Capture | undefined {
    const row = prepared(this.db, 'SELECT * FROM captures WHERE blob_sha256 = ? ORDER BY first_seen_at, id LIMIT 1').get(sha256) as CaptureRow | undefined;
    return row ? captureFromRow(row) : undefined;
  }

  /** The stored bytes of a flagged row (capture_rows), by the item's capture and pointer. */
  flaggedRow(captureId: string, pointer: string): { offset: number; length: number; sha256: string; bytes: Buffer } | undefined {
    if (this.schemaVersion < 5) return undefined;
    // an export asks for a finding's row twice (its item's raw JSON, the bundle's rows file): the last one is kept
    if (this.lastFlagged?.captureId === captureId && this.lastFlagged.pointer === pointer) return this.lastFlagged.row;
    this.rowStmt ??= this.db.prepare('SELECT byte_offset, byte_length, sha256, encoding, content FROM capture_rows WHERE capture_id = ? AND pointer = ? LIMIT 1');
    // schema 11: rows written since are in flagged_rows, by the capture's key
    if (this.schemaVersion >= 11) this.flaggedStmt ??= this.db.prepare('SELECT byte_offset, byte_length, sha256, encoding, content FROM flagged_rows WHERE capture_pk = (SELECT pk FROM captures WHERE id = ?) AND pointer = ?');
    const r = (this.flaggedStmt?.get(captureId, pointer) ?? this.rowStmt.get(captureId, pointer)) as { byte_offset: number; byte_length: number; sha256: string | Buffer; encoding: string | null; content: Buffer } | undefined;
    const row = r ? { offset: r.byte_offset, length: r.byte_length, sha256: storedHash(r.sha256), bytes: decodeStored(r.content, r.encoding) } : undefined;
    // rows are append-only: a row once read does not change under this connection
    if (row) this.lastFlagged = { captureId, pointer, row };
    return row;
  }
  private rowStmt: Database.Statement | undefined;
  private flaggedStmt: Database.Statement | undefined;
  private lastFlagged: { captureId: string; pointer: string; row: { offset: number; length: number; sha256: string; bytes: Buffer } } | undefined;

  blobRow(sha256: string): BlobRow | undefined {
    return prepared(this.db, 'SELECT * FROM blobs WHERE sha256 = ?').get(sha256) as BlobRow | undefined;
  }

  /** The preserved bytes of a blob; undefined when purged or missing. */
  blobBytes(sha256: string): Buffer | undefined {
    const row = this.blobRow(sha256);
    return row ? readBlob(this.path, row) : undefined;
  }

  /** Subject id for an id, an id prefix (≥ 6 chars) or a NIP; NetralError when none or ambiguous. */
  requireSubject(ref: string): string {
    if (this.schemaVersion < 2) throw new NetralError(m.subjectNotFound, { ref });
    const rows = this.db
      .prepare('SELECT id FROM subjects WHERE id = ? OR nip = ? OR (length(?) >= 6 AND id LIKE ? || \'%\') LIMIT 2')
      .all(ref, ref.replace(/\s+/g, ''), ref, ref) as Array<{ id: string }>;
    if (rows.length === 0) throw new NetralError(m.subjectNotFound, { ref });
    if (rows.length > 1) throw new NetralError(m.subjectAmbiguous, { ref });
    return rows[0]!.id;
  }

  close(): void {
    if (this.activeRun) this.activeRun.abort('store closed');
    this.db.close();
  }

  private assertWritable(): void {
    if (this.readonly) throw new Error('store opened read-only');
  }
}

/**
 * Before SQLite touches the path: it must be a regular file we can read that is a netral store (or
 * nothing yet, when the command may create one). Returns true when the store is new (missing or
 * empty). Reading the identity opens the file read-only, so a foreign file stays byte-identical.
 */
function checkStorePath(path: string, options: { create: boolean }): boolean {
  let info;
  try {
    info = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (options.create) return true;
      throw new NetralError(m.storeMissing, { path });
    }
    if (code === 'ENOTDIR') throw new NetralError(m.storeMissing, { path });
    throw new NetralError(m.storeUnreadable, { path, detail: code ?? String(err) }, 2, { cause: err });
  }
  if (info.isDirectory()) throw new NetralError(m.storeIsFolder, { path });
  if (!info.isFile()) throw new NetralError(m.storeNotFile, { path });
  try {
    accessSync(path, fsConstants.R_OK);
  } catch (err) {
    throw new NetralError(m.storeUnreadable, { path, detail: (err as NodeJS.ErrnoException).code ?? String(err) }, 2, { cause: err });
  }
  if (info.size === 0) return true;
  const identity = readStoreIdentity(path);
  if (identity === 'netral') return false;
  throw new NetralError(identity === 'not-sqlite' ? m.storeNotSqlite : m.storeForeign, { path });
}

/** netral's (by application id, or an older store by its tables), another SQLite file, or not SQLite at all. */
function readStoreIdentity(path: string): 'netral' | 'foreign' | 'not-sqlite' {
  const head = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || head.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') return 'not-sqlite';
  const applicationId = head.readUInt32BE(68);
  if (applicationId === NETRAL_APPLICATION_ID) return 'netral';
  if (applicationId !== 0) return 'foreign';
  // no id in the header: a store written before netral set one, or a store whose first
  // transactions are still in its WAL. Its tables tell (read-only: nothing is written).
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    if (db.pragma('application_id', { simple: true }) === NETRAL_APPLICATION_ID) return 'netral';
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    if (tables.size === 0) return 'netral';
    if (NETRAL_TABLES.every((t) => tables.has(t))) return 'netral';
    // another netral process may be between two of its first migrations (schema 1 committed, the
    // custody log not yet): schema 1 already wrote who created the store
    if (!tables.has('store_info')) return 'foreign';
    const createdBy = db.prepare("SELECT value FROM store_info WHERE key = 'created_by'").pluck().get();
    return typeof createdBy === 'string' && createdBy.startsWith('netral ') ? 'netral' : 'foreign';
  } catch (err) {
    // a WAL store in a read-only folder cannot even be read here; the real open says why
    if (err instanceof Database.SqliteError && (err.code === 'SQLITE_CANTOPEN' || err.code.startsWith('SQLITE_READONLY'))) return 'netral';
    if (err instanceof Database.SqliteError && (err.code === 'SQLITE_NOTADB' || err.code === 'SQLITE_CORRUPT')) return 'not-sqlite';
    throw err;
  } finally {
    db?.close();
  }
}

let addonPath: string | null | undefined;
/**
 * better-sqlite3's compiled addon where its own build puts it, or null (then better-sqlite3 finds
 * it itself): its finder, the `bindings` package, reads a stack trace and tries a dozen paths on
 * every start, about half of opening a store (~10 ms CPU of a 0.3 s `review list`).
 */
function sqliteAddon(): string | null {
  if (addonPath === undefined) {
    addonPath = null;
    try {
      const file = fileURLToPath(new URL('../build/Release/better_sqlite3.node', import.meta.resolve('better-sqlite3')));
      if (statSync(file, { throwIfNoEntry: false })?.isFile()) addonPath = file;
    } catch {
      // a loader without import.meta.resolve (a test runner): better-sqlite3's own search
    }
  }
  return addonPath;
}

function openDatabase(path: string, readonly: boolean): Database.Database {
  try {
    const nativeBinding = sqliteAddon();
    return new Database(path, { readonly, fileMustExist: readonly, timeout: BUSY_TIMEOUT_MS, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    throw storeOpenError(path, err, false);
  }
}

/** SQLite's failure to open or set up a store → one line saying which of the known cases it is. */
function storeOpenError(path: string, err: unknown, fresh: boolean): unknown {
  if (err instanceof NetralError) return err;
  if (err instanceof StoreTooNewError) return new NetralError(m.storeTooNew, { path, version: err.version, supported: SCHEMA_VERSION });
  if (!(err instanceof Database.SqliteError)) return err;
  if (err.code === 'SQLITE_NOTADB') return new NetralError(m.storeNotSqlite, { path }, 2, { cause: err });
  if (err.code === 'SQLITE_CORRUPT') return new NetralError(m.storeCorrupt, { path, detail: errorText(err) }, 2, { cause: err });
  if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') return new NetralError(m.storeBusy, { path }, 2, { cause: err });
  // a read-only file or folder: opening for reading failed (WAL index) or a write was needed
  if (err.code.startsWith('SQLITE_READONLY') || err.code === 'SQLITE_CANTOPEN') {
    return new NetralError(fresh ? m.storeReadOnly : m.storeReadOnlyFolder, { path }, 2, { cause: err });
  }
  return new NetralError(m.storeUnreadable, { path, detail: errorText(err) }, 2, { cause: err });
}

/**
 * Run a write transaction, waiting for other processes' writers: SQLite's busy timeout covers one
 * wait; past it the BEGIN IMMEDIATE is tried again until LOCK_WAIT_MS. Several analysts can scan,
 * review and export into one store at once; each write simply waits its turn.
 */
export function withWriteLock<T>(db: Database.Database, path: string, begin: () => T): T {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return begin();
    } catch (err) {
      const busy = err instanceof Database.SqliteError && (err.code === 'SQLITE_BUSY' || err.code.startsWith('SQLITE_BUSY') || err.code === 'SQLITE_LOCKED');
      if (!busy || db.inTransaction) throw err;
      if (Date.now() > deadline) throw new NetralError(m.storeBusy, { path }, 2, { cause: err });
    }
  }
}

interface CaptureRow {
  id: string;
  blob_sha256: string;
  parent_capture_id: string | null;
  origin_kind: Capture['originKind'];
  origin: string;
  member_path: string | null;
  method: Capture['method'];
  bytes: number;
  media_type: string | null;
  captured_at: string;
  source_mtime: string | null;
  http_json: string | null;
}

export function captureFromRow(r: CaptureRow): Capture {
  const c: Capture = { id: r.id, originKind: r.origin_kind, origin: r.origin, method: r.method, sha256: r.blob_sha256, bytes: r.bytes, capturedAt: r.captured_at };
  if (r.member_path !== null) c.memberPath = r.member_path;
  if (r.parent_capture_id !== null) c.parentId = r.parent_capture_id;
  if (r.media_type !== null) c.mediaType = r.media_type;
  if (r.source_mtime !== null) c.sourceMtime = r.source_mtime;
  if (r.http_json !== null) c.http = JSON.parse(r.http_json) as Capture['http'];
  return c;
}

function newRunId(): string {
  // time-ordered like a ULID: sorting run ids sorts runs by start time
  return `${new Date().toISOString().replace(/[-:.]/g, '')}-${randomBytes(4).toString('hex')}`;
}

/** One run = one transaction (BEGIN IMMEDIATE … COMMIT/ROLLBACK). */
export class SqliteRun implements StoreRun {
  readonly id = newRunId();
  private readonly db: Database.Database;
  private readonly actor: string;
  private readonly counts: RunCounts = { captures: 0, items: 0, findings: 0, newCaptures: 0, newItems: 0, newFindings: 0 };
  private readonly createdFiles: StagedBlob[] = [];
  private open = true;
  private readonly stmt;
  private readonly chained: boolean;
  private readonly startPks: { items: number; findings: number; captureRows: number };
  /** the chain head stays in memory for the run: it holds the write lock (BEGIN IMMEDIATE) */
  private readonly custodyWriter: CustodyWriter | undefined;
  private readonly linkStmt: Database.Statement | undefined;
  private readonly attributeStmt: Database.Statement | undefined;
  private readonly accountCache = new Map<string, ReadonlyArray<{ subject: string; norm: string }>>();

  constructor(
    private readonly store: Store,
    meta: RunMeta,
    kind: RunKind,
    readonly subjectId: string | undefined,
    private readonly onClose: () => void,
  ) {
    this.db = store.db;
    this.actor = meta.actor;
    const db = this.db;
    this.stmt = {
      captureExists: db.prepare('SELECT 1 FROM captures WHERE id = ?').pluck(),
      blobKept: db.prepare(store.schemaVersion >= 5 ? 'SELECT kept FROM blobs WHERE sha256 = ?' : "SELECT 'whole' FROM blobs WHERE sha256 = ?").pluck(),
      insertBlob: db.prepare(
        store.schemaVersion >= 5
          ? `INSERT INTO blobs (sha256, bytes, media_type, storage, content, rel_path, created_at, encoding, stored_bytes, kept)
             VALUES (@sha256, @bytes, @media_type, @storage, @content, @rel_path, @created_at, @encoding, @stored_bytes, @kept) ON CONFLICT (sha256) DO NOTHING`
          : `INSERT INTO blobs (sha256, bytes, media_type, storage, content, rel_path, created_at)
             VALUES (@sha256, @bytes, @media_type, @storage, @content, @rel_path, @created_at) ON CONFLICT (sha256) DO NOTHING`,
      ),
      fillBlob: store.schemaVersion >= 5
        ? db.prepare("UPDATE blobs SET storage = @storage, content = @content, rel_path = @rel_path, encoding = @encoding, stored_bytes = @stored_bytes, kept = 'whole' WHERE sha256 = @sha256 AND kept <> 'whole'")
        : undefined,
      insertRow: store.schemaVersion >= 11
        ? db.prepare(
            // schema 11: the capture and run by their integer keys (the capture is stored before its rows)
            `INSERT INTO flagged_rows (capture_pk, pointer, byte_offset, byte_length, sha256, encoding, content, run_pk, row_sha256)
             VALUES ((SELECT pk FROM captures WHERE id = @capture_id), @pointer, @byte_offset, @byte_length, @sha256, @encoding, @content,
               (SELECT pk FROM runs WHERE id = @first_run_id), @row_sha256) ON CONFLICT DO NOTHING`,
          )
        : store.schemaVersion >= 5
        ? db.prepare(
            `INSERT INTO capture_rows (capture_id, pointer, byte_offset, byte_length, sha256, encoding, content, first_run_id, row_sha256)
             VALUES (@capture_id, @pointer, @byte_offset, @byte_length, @sha256, @encoding, @content, @first_run_id, @row_sha256) ON CONFLICT DO NOTHING`,
          )
        : undefined,
      insertCapture: db.prepare(
        `INSERT INTO captures (id, blob_sha256, parent_capture_id, origin_kind, origin, member_path, method, bytes, media_type,
           captured_at, source_mtime, http_status, final_url, http_json, visual_capture, first_run_id, first_seen_at, row_sha256)
         VALUES (@id, @blob_sha256, @parent_capture_id, @origin_kind, @origin, @member_path, @method, @bytes, @media_type,
           @captured_at, @source_mtime, @http_status, @final_url, @http_json, @visual_capture, @first_run_id, @first_seen_at, @row_sha256)
         ON CONFLICT (id) DO NOTHING`,
      ),
      sighting: db.prepare('INSERT INTO capture_sightings (run_id, capture_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      // schema 12: an item's or finding's id as it is stored (32 bytes, or hex written before)
      itemKey: db.prepare(`SELECT id FROM items WHERE ${byId('id')}`).pluck(),
      insertItem: db.prepare(
        `INSERT INTO items (id, capture_id, source_path, pointer, platform, kind, actor_name, actor_handle, actor_url,
           actor_handle_norm, actor_name_norm, text, hashtags, created_at_utc, created_at_raw, permalink, lang, item_json,
           raw_json, first_run_id, first_seen_at, row_sha256${store.schemaVersion >= 7 ? ', item_extra, raw_from_row' : ''}${store.schemaVersion >= 10 ? ', raw_is_utc' : ''})
         VALUES (@id, @capture_id, @source_path, @pointer, @platform, @kind, @actor_name, @actor_handle, @actor_url,
           @actor_handle_norm, @actor_name_norm, @text, @hashtags, @created_at_utc, @created_at_raw, @permalink, @lang, @item_json,
           @raw_json, @first_run_id, @first_seen_at, @row_sha256${store.schemaVersion >= 7 ? ', @item_extra, @raw_from_row' : ''}${store.schemaVersion >= 10 ? ', @raw_is_utc' : ''}) ON CONFLICT (id) DO NOTHING`,
      ),
      ruleSha: db.prepare('SELECT rule_sha256 FROM rules WHERE rule_id = ? AND version = ?').pluck(),
      insertRule: db.prepare(
        `INSERT INTO rules (rule_id, version, title, prohibition, severity, legal_basis, rule_sha256, rule_yaml, first_run_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, version) DO NOTHING`,
      ),
      findingExists: db.prepare(`SELECT 1 FROM findings WHERE ${byId('id')}`).pluck(),
      itemText: db.prepare(`SELECT text FROM items WHERE ${byId('id')}`).pluck(),
      insertMatcher: store.schemaVersion >= 8 ? db.prepare('INSERT INTO span_matchers (name) VALUES (?) ON CONFLICT (name) DO NOTHING') : undefined,
      matcherKey: store.schemaVersion >= 8 ? db.prepare('SELECT pk FROM span_matchers WHERE name = ?').pluck() : undefined,
      textsPk: store.schemaVersion >= 6 ? db.prepare('SELECT pk FROM finding_texts WHERE sha256 = ?').pluck() : undefined,
      insertTexts: store.schemaVersion >= 6
        ? db.prepare(
            `INSERT INTO finding_texts (sha256, title_id, title_en, explanation_id, explanation_en, legal_basis, candidates)
             VALUES (@sha256, @title_id, @title_en, @explanation_id, @explanation_en, @legal_basis, @candidates)`,
          )
        : undefined,
      insertFinding: db.prepare(
        store.schemaVersion >= 6
          ? `INSERT INTO findings (id, item_id, rule_id, rule_version, prohibition, severity, confidence, track, skb_form, candidates,
               title_id, title_en, explanation_id, explanation_en, legal_basis, lowered, first_run_id, created_at, row_sha256, spans, texts)
             VALUES (@id, @item_id, @rule_id, @rule_version, @prohibition, @severity, @confidence, @track, @skb_form, @candidates,
               @title_id, @title_en, @explanation_id, @explanation_en, @legal_basis, @lowered, @first_run_id, @created_at, @row_sha256, @spans, @texts)
             ON CONFLICT (id) DO NOTHING`
          : store.schemaVersion >= 5
          ? `INSERT INTO findings (id, item_id, rule_id, rule_version, prohibition, severity, confidence, track, skb_form, candidates,
               title_id, title_en, explanation_id, explanation_en, legal_basis, lowered, first_run_id, created_at, row_sha256, spans)
             VALUES (@id, @item_id, @rule_id, @rule_version, @prohibition, @severity, @confidence, @track, @skb_form, @candidates,
               @title_id, @title_en, @explanation_id, @explanation_en, @legal_basis, @lowered, @first_run_id, @created_at, @row_sha256, @spans)
             ON CONFLICT (id) DO NOTHING`
          : `INSERT INTO findings (id, item_id, rule_id, rule_version, prohibition, severity, confidence, track, skb_form, candidates,
               title_id, title_en, explanation_id, explanation_en, legal_basis, lowered, first_run_id, created_at, row_sha256)
             VALUES (@id, @item_id, @rule_id, @rule_version, @prohibition, @severity, @confidence, @track, @skb_form, @candidates,
               @title_id, @title_en, @explanation_id, @explanation_en, @legal_basis, @lowered, @first_run_id, @created_at, @row_sha256)
             ON CONFLICT (id) DO NOTHING`,
      ),
      insertSpan: db.prepare(
        `INSERT INTO finding_spans (finding_id, ord, field, field_index, start, "end", text, matcher)
         VALUES (@finding_id, @ord, @field, @field_index, @start, @end, @text, @matcher) ON CONFLICT DO NOTHING`,
      ),
    };
    // the run holds the write lock: the rows it adds are the pks above these
    this.startPks = { items: maxPk(db, 'items'), findings: maxPk(db, 'findings'), captureRows: store.schemaVersion >= 11 ? maxPk(db, 'flagged_rows') : store.schemaVersion >= 5 ? maxPk(db, 'capture_rows') : 0 };
    // schema-1 stores (opened with schemaVersion: 1 in tests) have no subjects and no chain
    this.chained = store.schemaVersion >= 2;
    this.custodyWriter = this.chained ? new CustodyWriter(db) : undefined;
    this.linkStmt = subjectId
      ? db.prepare(
          `INSERT INTO subject_links (subject_id, object_type, object_id, method, run_id, asserted_by, at)
           VALUES (?, 'capture', ?, 'scan --subject', ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
      : undefined;
    this.attributeStmt = subjectId && store.schemaVersion >= 3
      ? db.prepare(
          `INSERT INTO item_attributions (item_id, subject_id, method, capture_id, run_id, asserted_by, at)
           VALUES (?, ?, 'export-owner', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        )
      : undefined;
    db.prepare(
      `INSERT INTO runs (id, kind, command, operator, host, tool_version, rulepack_sha256, subject_id, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(this.id, kind, meta.command, meta.actor, hostname(), TOOL_VERSION, meta.rulePackSha256 ?? null, subjectId ?? null, now());
    this.custody('run.start', { objectType: 'run', objectId: this.id }, { kind, command: meta.command, rulepack_sha256: meta.rulePackSha256 ?? null, subject_id: subjectId ?? null });
  }

  /**
   * `keep`: what of the bytes to store — 'whole' (default), 'rows' (a large row file: its flagged
   * rows come with putRow), 'none' (a zip whose members are stored). Bytes kept earlier as rows or
   * hash only are filled in when a later run keeps them whole (scan --keep-originals).
   */
  async putCapture(capture: Capture, content: Buffer | (() => Promise<Readable>), keep: BlobKept = 'whole'): Promise<boolean> {
    this.assertOpen();
    this.counts.captures++;
    let isNew = false;
    const kept = this.stmt.blobKept.get(capture.sha256) as BlobKept | undefined;
    if (this.store.schemaVersion < 5) keep = 'whole';
    if (kept === undefined) await this.putBlob(capture, content, keep);
    else if (kept !== 'whole' && keep === 'whole') await this.putBlob(capture, content, keep, true);
    if (!this.stmt.captureExists.get(capture.id)) {
      this.assertOpen();
      const row = {
        id: capture.id,
        blob_sha256: capture.sha256,
        parent_capture_id: capture.parentId ?? null,
        origin_kind: capture.originKind,
        origin: capture.origin,
        member_path: capture.memberPath ?? null,
        method: capture.method,
        bytes: capture.bytes,
        media_type: capture.mediaType ?? null,
        captured_at: capture.capturedAt,
        source_mtime: capture.sourceMtime ?? null,
        http_status: capture.http?.status ?? null,
        final_url: capture.http?.finalUrl ?? null,
        http_json: capture.http ? canonicalJson(capture.http) : null,
        visual_capture: 'none',
        first_run_id: this.id,
        first_seen_at: now(),
      };
      const rowSha = rowSha256(row);
      if (this.stmt.insertCapture.run({ ...row, row_sha256: rowSha }).changes === 1) {
        isNew = true;
        this.counts.newCaptures++;
        // what of the bytes is kept is in the chain too: a whole copy cannot silently become rows
        const evidence = this.store.schemaVersion >= 5 ? { kept: keep === 'whole' || kept === 'whole' ? 'whole' : keep } : {};
        this.custody('capture.add', { objectType: 'capture', objectId: capture.id, objectSha256: rowSha }, { blob_sha256: capture.sha256, bytes: capture.bytes, origin_kind: capture.originKind, member_path: capture.memberPath ?? null, ...evidence });
      }
    }
    this.stmt.sighting.run(this.id, capture.id, now());
    // the file is the subject's export; which of its items are theirs is decided per item
    this.linkStmt?.run(this.subjectId, capture.id, this.id, this.actor, now());
    return isNew;
  }

  private async putBlob(capture: Capture, content: Buffer | (() => Promise<Readable>), keep: BlobKept, fill = false): Promise<void> {
    const v5 = this.store.schemaVersion >= 5;
    if (keep !== 'whole') {
      // the bytes stay where they are: their hash and size were taken while they were read
      this.stmt.insertBlob.run({ sha256: capture.sha256, bytes: capture.bytes, media_type: capture.mediaType ?? null, storage: 'db', content: null, rel_path: null, created_at: now(), encoding: null, stored_bytes: 0, kept: keep });
      return;
    }
    const staged = await stageBlob(this.store.path, capture.bytes, content);
    if (!this.open || staged.sha256 !== capture.sha256) {
      discardStaged(this.store.path, staged);
      this.assertOpen();
      throw new NetralError(m.captureHashMismatch, { origin: capture.memberPath ?? capture.origin, expected: capture.sha256, actual: staged.sha256 });
    }
    const inline = staged.kind === 'db';
    const stored = inline && v5 ? encodeInline(staged.content, capture.mediaType) : { content: inline ? staged.content : null, encoding: null };
    const row = {
      sha256: staged.sha256,
      bytes: inline ? staged.content.length : staged.bytes,
      media_type: capture.mediaType ?? null,
      storage: staged.kind,
      content: stored.content,
      rel_path: inline ? null : staged.relPath,
      created_at: now(),
      encoding: stored.encoding,
      stored_bytes: stored.content ? stored.content.length : staged.kind === 'file' ? staged.bytes : 0,
      kept: 'whole',
    };
    const changed = fill && this.stmt.fillBlob ? this.stmt.fillBlob.run(row).changes : this.stmt.insertBlob.run(row).changes;
    if (changed === 1 && !inline) this.createdFiles.push(staged);
    if (changed === 1 && fill) this.custodyWriter?.append({ actor: this.actor, action: 'blob.keep', objectType: 'blob', objectId: staged.sha256, runId: this.id, payload: { bytes: row.bytes } });
  }

  /**
   * A flagged row of a capture kept as rows: its bytes (compressed), where they sit in the original
   * and their SHA-256. Covered by the run's rows root in the chain. False when already stored.
   */
  putRow(captureId: string, pointer: string, span: { offset: number; length: number }, bytes: Buffer): boolean {
    this.assertOpen();
    if (!this.stmt.insertRow) return false;
    const stored = encodeRow(bytes);
    this.lastRow = { captureId, pointer, bytes };
    const row = { capture_id: captureId, pointer, byte_offset: span.offset, byte_length: span.length, sha256: sha256Hex(bytes), first_run_id: this.id };
    // schema 10: the row's SHA-256 as its 32 bytes; its row hash covers the hex as before
    const sha256 = this.store.schemaVersion >= 10 ? Buffer.from(row.sha256, 'hex') : row.sha256;
    return this.stmt.insertRow.run({ ...row, sha256, encoding: stored.encoding, content: stored.content, row_sha256: hashColumn(captureRowSha256(row), this.store.schemaVersion) }).changes === 1;
  }

  /** the flagged row stored last: the item read from it comes next (its raw JSON may be that row) */
  private lastRow: { captureId: string; pointer: string; bytes: Buffer } | undefined;

  /**
   * Schema 7: an item's raw JSON that is exactly its flagged row parsed (a JSONL line) is not
   * stored a second time: `raw_from_row` says to read it from capture_rows, which keeps the bytes.
   */
  private rawIsRow(item: Item, rawJson: string): boolean {
    const r = this.lastRow;
    if (this.store.schemaVersion < 7 || !r || r.captureId !== item.source.captureId || r.pointer !== item.source.pointer) return false;
    try {
      return canonicalJson(JSON.parse(r.bytes.toString('utf8'))) === rawJson;
    } catch {
      return false;
    }
  }

  /**
   * `byOwner`: the export's owner did this item (own activity in a personal export, "You" in a
   * chat). Only then does a run with a subject file the item under that subject; any other
   * author is filed by their own accounts, or under nobody.
   * An author's display name files the item (actor_name_norm) only where a name is how a person
   * is known: never a `namesake` of the export's owner (another account showing the owner's name),
   * nor that of an `otherAccount` that is the name of the subject the export was scanned as (he is
   * its owner; this account is not), nor, on X/Instagram/TikTok, a display name beside a handle
   * (anyone may take a name there; the handle is the one account).
   */
  putItem(item: Item, raw: unknown, byOwner = false, by: ItemAuthorKnown = {}): boolean {
    this.assertOpen();
    this.counts.items++;
    let isNew = false;
    // its findings come next: their spans point into its text (schema 8)
    const known = this.stmt.itemKey.get(...idArgs(item.id)) as string | Buffer | undefined;
    const key = known ?? storedId(item.id, this.store.schemaVersion);
    this.lastItem = { id: item.id, key, text: item.text ?? null };
    const fromUrl = item.actor?.url ? accountFromProfileUrl(item.actor.url)?.handle : undefined;
    const actorHandleNorm = item.actor?.handle ? normHandle(item.actor.handle) : (fromUrl ?? null);
    const nameNorm = item.actor?.name && !by.namesake && !(actorHandleNorm !== null && HANDLE_PLATFORMS.has(item.platform)) ? normHandle(item.actor.name) : null;
    const actorNameNorm = nameNorm !== null && by.otherAccount && this.subjectsOwnName(item.platform, nameNorm, actorHandleNorm) ? null : nameNorm;
    if (known === undefined) {
      const rawIsUtc = this.store.schemaVersion >= 10 && item.time !== undefined && item.timeRaw === item.time;
      const row = {
        id: item.id,
        capture_id: item.source.captureId,
        source_path: item.source.path,
        pointer: item.source.pointer,
        platform: item.platform,
        kind: item.kind,
        actor_name: item.actor?.name ?? null,
        actor_handle: item.actor?.handle ?? null,
        actor_url: item.actor?.url ?? null,
        actor_handle_norm: actorHandleNorm,
        actor_name_norm: actorNameNorm,
        text: item.text ?? null,
        hashtags: item.hashtags.length > 0 ? item.hashtags.map((h) => `#${h.replace(/^#/, '')}`).join(' ') : null,
        created_at_utc: item.time ?? null,
        // schema 10: a raw time that is the UTC time is kept once (raw_is_utc)
        created_at_raw: item.timeRaw === undefined || (rawIsUtc && item.timeRaw === item.time) ? null : item.timeRaw,
        permalink: item.permalink ?? null,
        lang: item.lang ?? null,
        raw_json: raw === undefined ? null : canonicalJson(raw),
        first_run_id: this.id,
        first_seen_at: now(),
        ...(this.store.schemaVersion >= 10 ? { raw_is_utc: rawIsUtc ? 1 : null } : {}),
      };
      // schema 7: the item's JSON beside its columns holds only what they do not (item-row.ts),
      // and a raw JSON that is its flagged row is read from the row
      const json = itemJsonColumns(item, row, this.store.schemaVersion >= 7);
      const fromRow = row.raw_json !== null && this.rawIsRow(item, row.raw_json);
      const stored = this.store.schemaVersion >= 7
        ? { ...row, ...json, ...(fromRow ? { raw_json: null, raw_from_row: 1 } : { raw_from_row: null }) }
        : { ...row, item_json: json.item_json };
      // the row hash covers the hex id; schema 12 stores its 32 bytes
      if (this.stmt.insertItem.run({ ...stored, id: key, row_sha256: hashColumn(rowSha256(stored), this.store.schemaVersion) }).changes === 1) {
        isNew = true;
        this.counts.newItems++;
      }
    }
    if (byOwner && this.attributeStmt && !this.anotherPersonsAccount(item.platform, actorHandleNorm, actorNameNorm)) {
      this.attributeStmt.run(key, this.subjectId, item.source.captureId, this.id, this.actor, now());
    }
    return isNew;
  }

  /**
   * An item its adapter calls the export owner's, whose author the store knows is not the run's
   * subject: one input can hold several people's exports (a folder of downloads, a zip with two
   * archives), each owner's items naming that owner. It is never filed under the subject as
   * export-owner when its author is another subject's account, or when it is a handle (X,
   * Instagram, TikTok: a handle names one account) on a platform where the subject has accounts
   * and it is none of them. Names (Facebook, chats) vary in spelling, so only another subject's
   * name excludes. The item still reaches its author's subject by account; the scan counts it
   * among the items not filed under the subject.
   */
  private anotherPersonsAccount(platform: string, handle: string | null, name: string | null): boolean {
    if (handle === null && name === null) return false;
    const accounts = this.accountsOn(platform);
    const his = accounts.filter((a) => a.subject === this.subjectId);
    if (his.some((a) => a.norm === handle || a.norm === name)) return false;
    if (accounts.some((a) => a.subject !== this.subjectId && (a.norm === handle || a.norm === name))) return true;
    return HANDLE_PLATFORMS.has(platform) && handle !== null && his.length > 0;
  }

  /** Whether `name` is one of the run's subject's accounts on the platform and `handle` (if any) none of them. */
  private subjectsOwnName(platform: string, name: string, handle: string | null): boolean {
    if (!this.attributeStmt) return false;
    const his = this.accountsOn(platform).filter((a) => a.subject === this.subjectId);
    return his.some((a) => a.norm === name) && !his.some((a) => a.norm === handle);
  }

  /** The subjects' accounts on one platform, read once per run (a scan imports no subjects). */
  private accountsOn(platform: string): ReadonlyArray<{ subject: string; norm: string }> {
    let list = this.accountCache.get(platform);
    if (!list) {
      list = (this.db.prepare('SELECT subject_id AS subject, handle_norm AS norm FROM subject_accounts WHERE platform = ?').all(platform) as Array<{ subject: string; norm: string }>);
      this.accountCache.set(platform, list);
    }
    return list;
  }

  putRule(rule: RuleRecord): void {
    this.assertOpen();
    const stored = this.stmt.ruleSha.get(rule.id, rule.version) as string | undefined;
    if (stored !== undefined && stored !== rule.sha256) throw new NetralError(m.ruleChangedWithoutVersion, { rule: rule.id, version: rule.version });
    if (stored === undefined) this.stmt.insertRule.run(rule.id, rule.version, rule.title, String(rule.prohibition), rule.severity, canonicalJson(rule.legalBasis), rule.sha256, rule.source, this.id);
    this.storedRules.add(`${rule.id}\u0000${rule.version}`);
  }
  /** rule id and version of every rule this run knows the store holds (rules rows are never deleted): putFinding asks SQLite once per rule, not per finding */
  private readonly storedRules = new Set<string>();
  /** the run's findings rows all have the same columns: their hash's key order is worked out once */
  private readonly findingHasher = new FindingRowHasher();

  putFinding(finding: Finding): boolean {
    this.assertOpen();
    this.counts.findings++;
    if (this.stmt.findingExists.get(...idArgs(finding.id))) return false;
    const ruleKey = `${finding.ruleId}\u0000${finding.ruleVersion}`;
    if (!this.storedRules.has(ruleKey)) {
      if (this.stmt.ruleSha.get(finding.ruleId, finding.ruleVersion) === undefined) {
        throw new Error(`putFinding: rule ${finding.ruleId} v${finding.ruleVersion} was not stored with putRule first`);
      }
      this.storedRules.add(ruleKey);
    }
    const row = {
      id: finding.id,
      item_id: finding.itemId,
      rule_id: finding.ruleId,
      rule_version: finding.ruleVersion,
      prohibition: String(finding.prohibition),
      severity: finding.severity,
      confidence: finding.confidence,
      track: finding.track,
      skb_form: finding.skbForm ?? null,
      candidates: canonicalJson(finding.candidates),
      title_id: finding.title.id,
      title_en: finding.title.en,
      explanation_id: finding.explanation.id,
      explanation_en: finding.explanation.en,
      legal_basis: canonicalJson(finding.legalBasis),
      lowered: canonicalJson(finding.lowered),
      first_run_id: this.id,
      created_at: now(),
    };
    const spans: SpanRow[] = finding.spans.map((s, ord) => ({ ord, field: s.field, field_index: s.index, start: s.start, end: s.end, text: s.text, matcher: s.matcher }));
    const rowSha = this.findingHasher.sha256(row, spans);
    // schema 5: the spans in one column of the finding (same hash), not a row each
    const v5 = this.store.schemaVersion >= 5;
    // schema 6: the texts once for every finding that says the same (same hash: it covers the texts)
    const stored = this.stmt.insertTexts ? { ...row, ...EMPTY_TEXTS, texts: this.textsPk(row) } : row;
    // schema 8: words of the item's own text as offsets, matcher names as keys (same hash)
    const keys = this.stmt.insertMatcher ? { itemText: this.itemText(finding.itemId), keyOf: (name: string) => this.matcherKey(name) } : undefined;
    // schema 12: the finding's id as its 32 bytes, its item as the item row stores its id (the hash covers both as hex)
    const ids = { id: storedId(finding.id, this.store.schemaVersion), item_id: this.itemKey(finding.itemId) };
    if (this.stmt.insertFinding.run({ ...stored, ...ids, row_sha256: hashColumn(rowSha, this.store.schemaVersion), ...(v5 ? { spans: spansColumn(spans, this.store.schemaVersion >= 7, keys, this.store.schemaVersion >= 11) } : {}) }).changes !== 1) return false;
    if (!v5) for (const s of spans) this.stmt.insertSpan.run({ finding_id: finding.id, ...s });
    this.counts.newFindings++;
    // schema 7: no entry per finding; the run's findings_root in run.finish covers its row hash
    if (this.store.schemaVersion >= 7) return true;
    // schema 6: the entry binds the finding by its row hash, which covers item, rule and version; they are not repeated in every entry
    const about = this.stmt.insertTexts ? {} : { item_id: finding.itemId, rule_id: finding.ruleId, rule_version: finding.ruleVersion };
    this.custody('finding.add', { objectType: 'finding', objectId: finding.id, objectSha256: rowSha }, about);
    return true;
  }

  /** The text of a stored item (the one stored last, else read back): a schema-8 finding's spans point into it. */
  private itemText(itemId: string): string | null {
    if (this.lastItem?.id === itemId) return this.lastItem.text;
    return (this.stmt.itemText.get(...idArgs(itemId)) as string | null | undefined) ?? null;
  }
  /** An item's id as its row stores it (schema 12: 32 bytes; hex when written before, or not stored). */
  private itemKey(itemId: string): string | Buffer {
    if (this.lastItem?.id === itemId) return this.lastItem.key;
    return (this.stmt.itemKey.get(...idArgs(itemId)) as string | Buffer | undefined) ?? itemId;
  }
  private lastItem: { id: string; key: string | Buffer; text: string | null } | undefined;

  /** The span_matchers key of a matcher name, added when new (a run names the same few dozen matchers many times: remembered). */
  private matcherKey(name: string): number {
    let key = this.matcherKeys.get(name);
    if (key === undefined) {
      this.stmt.insertMatcher!.run(name);
      key = this.stmt.matcherKey!.get(name) as number;
      this.matcherKeys.set(name, key);
    }
    return key;
  }
  private readonly matcherKeys = new Map<string, number>();

  /** The finding_texts row of these texts, added when they are new (a run says the same texts many times: remembered). */
  private textsPk(row: Record<(typeof FINDING_TEXT_COLUMNS)[number], string>): number {
    // the texts a run met last, by their own words: a heavy scan says the same texts thousands of
    // times, and their canonical JSON and SHA-256 were made again for each finding
    const said = JSON.stringify([row.title_id, row.title_en, row.explanation_id, row.explanation_en, row.legal_basis, row.candidates]);
    const known = this.textsBySaid.get(said);
    if (known !== undefined) return known;
    const texts = Object.fromEntries(FINDING_TEXT_COLUMNS.map((c) => [c, row[c]]));
    const sha256 = sha256Hex(canonicalJson(texts));
    let pk = this.textsByHash.get(sha256) ?? (this.stmt.textsPk!.get(sha256) as number | undefined);
    if (pk === undefined) pk = Number(this.stmt.insertTexts!.run({ sha256, ...texts }).lastInsertRowid);
    this.textsByHash.set(sha256, pk);
    // bounded: a run with many distinct texts keeps only the first few thousand by their words
    if (this.textsBySaid.size < TEXTS_REMEMBERED) this.textsBySaid.set(said, pk);
    return pk;
  }
  private readonly textsByHash = new Map<string, number>();
  private readonly textsBySaid = new Map<string, number>();

  finish(): RunCounts {
    this.assertOpen();
    const v7 = this.store.schemaVersion >= 7;
    const itemsRoot = itemsRootOfRun(this.db, this.id, false, v7 ? this.startPks.items : undefined);
    this.db.prepare("UPDATE runs SET finished_at = ?, status = 'finished', counts = ?, items_root = ? WHERE id = ?").run(now(), canonicalJson(this.counts), itemsRoot, this.id);
    // which items this run filed under its subject: in the chain, so re-filing a finding shows
    const attributions = this.store.schemaVersion >= 3 ? { attributions_root: attributionsRoot(this.db, this.id) } : {};
    // the flagged rows of large row files this run kept, rolled up like the items
    const rows = this.store.schemaVersion >= 5 ? { rows_root: rowsRootOfRun(this.db, this.id, this.startPks.captureRows, this.store.schemaVersion >= 11) } : {};
    // schema 7: the findings this run added, rolled up like the items (no entry per finding)
    const findings = v7 ? { findings_root: findingsRootOfRun(this.db, this.id, this.startPks.findings) } : {};
    this.custody('run.finish', { objectType: 'run', objectId: this.id }, { counts: { ...this.counts }, items_root: itemsRoot, ...attributions, ...rows, ...findings });
    const violations = this.db.pragma('foreign_key_check') as Array<{ table: string; parent: string }>;
    if (violations.length > 0) {
      const first = violations[0]!;
      this.abort('foreign key violation');
      throw new Error(`run ${this.id}: ${first.table} row refers to a missing ${first.parent} row (store each capture before its items, each item and rule before its findings)`);
    }
    this.db.exec('COMMIT');
    this.close();
    return { ...this.counts };
  }

  abort(_reason: string): void {
    if (!this.open) return;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    for (const staged of this.createdFiles) discardStaged(this.store.path, staged);
    this.close();
  }

  private custody(action: 'run.start' | 'run.finish' | 'capture.add' | 'finding.add', object: { objectType: string; objectId: string; objectSha256?: string }, payload: Record<string, unknown>): void {
    this.custodyWriter?.append({ actor: this.actor, action, ...object, runId: this.id, payload });
  }

  private close(): void {
    this.open = false;
    this.onClose();
  }

  private assertOpen(): void {
    if (!this.open) throw new Error(`run ${this.id} is already finished or aborted`);
  }
}

/** Distinct finding texts a run remembers by their words (textsPk): each a few hundred bytes. */
const TEXTS_REMEMBERED = 4096;

/** A finding's own text columns when its texts are in finding_texts (the columns are NOT NULL since schema 1). */
const EMPTY_TEXTS = Object.fromEntries(FINDING_TEXT_COLUMNS.map((c) => [c, ''])) as Record<(typeof FINDING_TEXT_COLUMNS)[number], string>;

/**
 * The current time as ISO text. A heavy scan stamps each flagged item and finding (first seen,
 * sighting, attribution) several times within the same millisecond: the text is made once per
 * millisecond, the same string new Date().toISOString() gives.
 */
function now(): string {
  const ms = Date.now();
  if (ms !== nowMs) {
    nowMs = ms;
    nowIso = new Date(ms).toISOString();
  }
  return nowIso;
}
let nowMs = Number.NaN;
let nowIso = '';
