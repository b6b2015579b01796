// The evidence store: one SQLite file (WAL, foreign keys on, user_version migrations) plus
// content-addressed blobs beside it. Only src/store/ touches SQLite.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import { NetralError } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';
import { canonicalJson, type Capture, type Finding, type Item, type ReviewStatus } from '../model/index.js';
import { accountFromProfileUrl, normHandle } from './accounts.js';
import { type BlobRow, discardStaged, readBlob, stageBlob, type StagedBlob } from './blobs.js';
import { appendCustody } from './custody.js';
import { createPrivateFile, ensurePrivateDir } from './files.js';
import { attributionsRoot, findingRowSha256, itemsRootOfRun, rowSha256, type SpanRow } from './rowhash.js';
import { migrate, SCHEMA_VERSION, StoreTooNewError } from './schema.js';
import type { EvidenceStore, RuleRecord, RunCounts, RunMeta, StoreRun, StoredCapture } from './types.js';

export const DEFAULT_STORE_PATH = 'netral.db';

/** --store, else $NETRAL_STORE, else ./netral.db */
export function resolveStorePath(option?: string): string {
  return resolve(option ?? process.env.NETRAL_STORE ?? DEFAULT_STORE_PATH);
}

export const TOOL_VERSION: string = readToolVersion();

function readToolVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export interface OpenStoreOptions {
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
  store.close();
  new Store(resolve(path), { ...options, readonly: false }).close();
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
    if (this.readonly && !existsSync(path)) throw new NetralError(m.storeMissing, { path });
    if (!this.readonly) {
      ensurePrivateDir(dirname(path));
      createPrivateFile(path);
    }
    this.db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly, timeout: 10_000 });
    try {
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = FULL');
      }
      this.db.pragma('foreign_keys = ON');
      if (!this.readonly) migrate(this.db, { actor: options.actor ?? defaultActor(), toolVersion: TOOL_VERSION }, options.schemaVersion);
      this.schemaVersion = this.db.pragma('user_version', { simple: true }) as number;
      if (this.schemaVersion > SCHEMA_VERSION) throw new StoreTooNewError(this.schemaVersion);
    } catch (err) {
      this.db.close();
      if (err instanceof StoreTooNewError) throw new NetralError(m.storeTooNew, { path, version: err.version, supported: SCHEMA_VERSION });
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_NOTADB') throw new NetralError(m.storeNotSqlite, { path }, 2, { cause: err });
      if (err instanceof Database.SqliteError && err.code.startsWith('SQLITE_READONLY')) throw new NetralError(m.storeReadOnly, { path }, 2, { cause: err });
      throw err;
    }
  }

  info(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM store_info WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  beginRun(meta: RunMeta, kind: RunKind = 'scan'): SqliteRun {
    this.assertWritable();
    if (this.activeRun || this.db.inTransaction) throw new Error('a run is already open on this store connection');
    const subjectId = meta.subjectId ? this.requireSubject(meta.subjectId) : undefined;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.activeRun = new SqliteRun(this, meta, kind, subjectId, () => (this.activeRun = undefined));
      return this.activeRun;
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Run `fn` in one IMMEDIATE transaction (reviews, subject imports, export records). */
  write<T>(fn: () => T): T {
    this.assertWritable();
    if (this.activeRun) throw new Error('a run is open on this store connection');
    return this.db.transaction(fn).immediate();
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
    const row = this.db.prepare('SELECT * FROM captures WHERE id = ?').get(id) as CaptureRow | undefined;
    return row ? captureFromRow(row) : undefined;
  }

  /** Review status of a finding: the latest decision (open when there is none). */
  findingStatus(findingId: string): ReviewStatus {
    // asked once per finding after a scan: prepared once
    this.statusStmt ??= this.db.prepare('SELECT status FROM finding_status WHERE finding_id = ?');
    const row = this.statusStmt.get(findingId) as { status: ReviewStatus } | undefined;
    return row?.status ?? 'open';
  }
  private statusStmt: Database.Statement | undefined;

  /** The first capture of these bytes: how an item's media entry (which carries a sha256) finds its evidence. */
  captureOfBytes(sha256: string): Capture | undefined {
    const row = this.db.prepare('SELECT * FROM captures WHERE blob_sha256 = ? ORDER BY first_seen_at, id LIMIT 1').get(sha256) as CaptureRow | undefined;
    return row ? captureFromRow(row) : undefined;
  }

  blobRow(sha256: string): BlobRow | undefined {
    return this.db.prepare('SELECT * FROM blobs WHERE sha256 = ?').get(sha256) as BlobRow | undefined;
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
  private readonly linkStmt: Database.Statement | undefined;
  private readonly attributeStmt: Database.Statement | undefined;

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
      blobExists: db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').pluck(),
      insertBlob: db.prepare(
        `INSERT INTO blobs (sha256, bytes, media_type, storage, content, rel_path, created_at)
         VALUES (@sha256, @bytes, @media_type, @storage, @content, @rel_path, @created_at) ON CONFLICT (sha256) DO NOTHING`,
      ),
      insertCapture: db.prepare(
        `INSERT INTO captures (id, blob_sha256, parent_capture_id, origin_kind, origin, member_path, method, bytes, media_type,
           captured_at, source_mtime, http_status, final_url, http_json, visual_capture, first_run_id, first_seen_at, row_sha256)
         VALUES (@id, @blob_sha256, @parent_capture_id, @origin_kind, @origin, @member_path, @method, @bytes, @media_type,
           @captured_at, @source_mtime, @http_status, @final_url, @http_json, @visual_capture, @first_run_id, @first_seen_at, @row_sha256)
         ON CONFLICT (id) DO NOTHING`,
      ),
      sighting: db.prepare('INSERT INTO capture_sightings (run_id, capture_id, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      itemExists: db.prepare('SELECT 1 FROM items WHERE id = ?').pluck(),
      insertItem: db.prepare(
        `INSERT INTO items (id, capture_id, source_path, pointer, platform, kind, actor_name, actor_handle, actor_url,
           actor_handle_norm, actor_name_norm, text, hashtags, created_at_utc, created_at_raw, permalink, lang, item_json,
           raw_json, first_run_id, first_seen_at, row_sha256)
         VALUES (@id, @capture_id, @source_path, @pointer, @platform, @kind, @actor_name, @actor_handle, @actor_url,
           @actor_handle_norm, @actor_name_norm, @text, @hashtags, @created_at_utc, @created_at_raw, @permalink, @lang, @item_json,
           @raw_json, @first_run_id, @first_seen_at, @row_sha256) ON CONFLICT (id) DO NOTHING`,
      ),
      ruleSha: db.prepare('SELECT rule_sha256 FROM rules WHERE rule_id = ? AND version = ?').pluck(),
      insertRule: db.prepare(
        `INSERT INTO rules (rule_id, version, title, prohibition, severity, legal_basis, rule_sha256, rule_yaml, first_run_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, version) DO NOTHING`,
      ),
      findingExists: db.prepare('SELECT 1 FROM findings WHERE id = ?').pluck(),
      insertFinding: db.prepare(
        `INSERT INTO findings (id, item_id, rule_id, rule_version, prohibition, severity, confidence, track, skb_form, candidates,
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
    // schema-1 stores (opened with schemaVersion: 1 in tests) have no subjects and no chain
    this.chained = store.schemaVersion >= 2;
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

  async putCapture(capture: Capture, content: Buffer | (() => Promise<Readable>)): Promise<boolean> {
    this.assertOpen();
    this.counts.captures++;
    let isNew = false;
    if (!this.stmt.captureExists.get(capture.id)) {
      if (!this.stmt.blobExists.get(capture.sha256)) await this.putBlob(capture, content);
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
        this.custody('capture.add', { objectType: 'capture', objectId: capture.id, objectSha256: rowSha }, { blob_sha256: capture.sha256, bytes: capture.bytes, origin_kind: capture.originKind, member_path: capture.memberPath ?? null });
      }
    }
    this.stmt.sighting.run(this.id, capture.id, now());
    // the file is the subject's export; which of its items are theirs is decided per item
    this.linkStmt?.run(this.subjectId, capture.id, this.id, this.actor, now());
    return isNew;
  }

  private async putBlob(capture: Capture, content: Buffer | (() => Promise<Readable>)): Promise<void> {
    const staged = await stageBlob(this.store.path, capture.bytes, content);
    if (!this.open || staged.sha256 !== capture.sha256) {
      discardStaged(this.store.path, staged);
      this.assertOpen();
      throw new NetralError(m.captureHashMismatch, { origin: capture.memberPath ?? capture.origin, expected: capture.sha256, actual: staged.sha256 });
    }
    const inline = staged.kind === 'db';
    const inserted = this.stmt.insertBlob.run({
      sha256: staged.sha256,
      bytes: inline ? staged.content.length : staged.bytes,
      media_type: capture.mediaType ?? null,
      storage: staged.kind,
      content: inline ? staged.content : null,
      rel_path: inline ? null : staged.relPath,
      created_at: now(),
    });
    if (inserted.changes === 1 && !inline) this.createdFiles.push(staged);
  }

  /**
   * `byOwner`: the export's owner did this item (own activity in a personal export, "You" in a
   * chat). Only then does a run with a subject file the item under that subject; any other
   * author is filed by their own accounts, or under nobody.
   */
  putItem(item: Item, raw: unknown, byOwner = false): boolean {
    this.assertOpen();
    this.counts.items++;
    let isNew = false;
    if (!this.stmt.itemExists.get(item.id)) {
      const fromUrl = item.actor?.url ? accountFromProfileUrl(item.actor.url)?.handle : undefined;
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
        actor_handle_norm: item.actor?.handle ? normHandle(item.actor.handle) : (fromUrl ?? null),
        actor_name_norm: item.actor?.name ? normHandle(item.actor.name) : null,
        text: item.text ?? null,
        hashtags: item.hashtags.length > 0 ? item.hashtags.map((h) => `#${h.replace(/^#/, '')}`).join(' ') : null,
        created_at_utc: item.time ?? null,
        created_at_raw: item.timeRaw ?? null,
        permalink: item.permalink ?? null,
        lang: item.lang ?? null,
        item_json: canonicalJson(item),
        raw_json: raw === undefined ? null : canonicalJson(raw),
        first_run_id: this.id,
        first_seen_at: now(),
      };
      if (this.stmt.insertItem.run({ ...row, row_sha256: rowSha256(row) }).changes === 1) {
        isNew = true;
        this.counts.newItems++;
      }
    }
    if (byOwner) this.attributeStmt?.run(item.id, this.subjectId, item.source.captureId, this.id, this.actor, now());
    return isNew;
  }

  putRule(rule: RuleRecord): void {
    this.assertOpen();
    const stored = this.stmt.ruleSha.get(rule.id, rule.version) as string | undefined;
    if (stored !== undefined && stored !== rule.sha256) throw new NetralError(m.ruleChangedWithoutVersion, { rule: rule.id, version: rule.version });
    if (stored !== undefined) return;
    this.stmt.insertRule.run(rule.id, rule.version, rule.title, String(rule.prohibition), rule.severity, canonicalJson(rule.legalBasis), rule.sha256, rule.source, this.id);
  }

  putFinding(finding: Finding): boolean {
    this.assertOpen();
    this.counts.findings++;
    if (this.stmt.findingExists.get(finding.id)) return false;
    if (this.stmt.ruleSha.get(finding.ruleId, finding.ruleVersion) === undefined) {
      throw new Error(`putFinding: rule ${finding.ruleId} v${finding.ruleVersion} was not stored with putRule first`);
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
    const rowSha = findingRowSha256(row, spans);
    if (this.stmt.insertFinding.run({ ...row, row_sha256: rowSha }).changes !== 1) return false;
    for (const s of spans) this.stmt.insertSpan.run({ finding_id: finding.id, ...s });
    this.counts.newFindings++;
    this.custody('finding.add', { objectType: 'finding', objectId: finding.id, objectSha256: rowSha }, { item_id: finding.itemId, rule_id: finding.ruleId, rule_version: finding.ruleVersion });
    return true;
  }

  finish(): RunCounts {
    this.assertOpen();
    const itemsRoot = itemsRootOfRun(this.db, this.id);
    this.db.prepare("UPDATE runs SET finished_at = ?, status = 'finished', counts = ?, items_root = ? WHERE id = ?").run(now(), canonicalJson(this.counts), itemsRoot, this.id);
    // which items this run filed under its subject: in the chain, so re-filing a finding shows
    const attributions = this.store.schemaVersion >= 3 ? { attributions_root: attributionsRoot(this.db, this.id) } : {};
    this.custody('run.finish', { objectType: 'run', objectId: this.id }, { counts: { ...this.counts }, items_root: itemsRoot, ...attributions });
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
    if (this.chained) appendCustody(this.db, { actor: this.actor, action, ...object, runId: this.id, payload });
  }

  private close(): void {
    this.open = false;
    this.onClose();
  }

  private assertOpen(): void {
    if (!this.open) throw new Error(`run ${this.id} is already finished or aborted`);
  }
}

function now(): string {
  return new Date().toISOString();
}
