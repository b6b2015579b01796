// `netral verify`: re-hash every preserved capture, recompute every evidence row's hash, walk the
// custody chain, check anchors (evidence.md §10.6); and the same for an export bundle.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { NetralError } from '../errors.js';
import { storeMessages as m, type VerifyCode } from '../i18n/store.js';
import { BundleManifest, MANIFEST, MANIFEST_DIGEST, openBundle, SUMS, type BundleReader } from '../report/bundle.js';
import { type BlobRow, orphanBlobFiles, rehashBlob, tryDecodeStored } from './blobs.js';
import Database from 'better-sqlite3';
import { errorText } from '../errors.js';
import { CUSTODY_CHAIN, type CustodyRow, entryHash, GENESIS_HASH } from './custody.js';
import { accountsOf, attributionLeaf, CAPTURE_ROW_HASHED, RowHasher, findingRowSha256, findingRowSha256FromColumn, MerkleRoot, type Row, spanContext, storedHash, type SpanContext, spansOf, subjectRowSha256 } from './rowhash.js';
import { expectedTriggers, FINDING_DECISION_SQL, FLAGGED_ROWS_SQL, findingRowsSql, ITEM_FILING_SQL, SCHEMA_VERSION, SPAN_ITEM_TEXT } from './schema.js';
import { hexId } from './ids.js';
import { openStore, type Store } from './store.js';

export type CheckStatus = 'ok' | 'fail' | 'skipped';
export type CheckName = 'integrity' | 'schema' | 'chain' | 'blobs' | 'orphans' | 'rows' | 'anchors' | 'manifest' | 'resources' | 'sums' | 'references' | 'custody' | 'database' | 'originals';

export interface VerifyProblem {
  code: VerifyCode;
  params: Record<string, string | number>;
}

export interface VerifyCheck {
  name: CheckName;
  status: CheckStatus;
  /** how many objects the check looked at */
  checked: number;
  problems: VerifyProblem[];
}

export interface VerifyReport {
  target: string;
  kind: 'store' | 'bundle';
  ok: boolean;
  checks: VerifyCheck[];
}

export interface VerifyStoreOptions {
  /** PRAGMA integrity_check instead of quick_check */
  deep?: boolean;
  /** a manifest.json, bundle folder or zip whose chain head must be in this store's chain */
  anchor?: string;
  /** a store copy without its blob folder (the evidence.db inside a bundle): skip file blobs */
  withoutBlobFiles?: boolean;
  /** remove orphan files from the blob folder (the only change verify ever makes) */
  repair?: boolean;
  /** original files or folders: re-hashed, and each flagged row checked at its offset in them */
  originals?: string[];
}

export function verifyExitCode(report: VerifyReport): 0 | 1 {
  return report.ok ? 0 : 1;
}

class Check {
  readonly problems: VerifyProblem[] = [];
  checked = 0;
  constructor(readonly name: CheckName) {}
  fail(code: VerifyCode, params: Record<string, string | number> = {}): void {
    this.problems.push({ code, params });
  }
  done(status?: CheckStatus): VerifyCheck {
    return { name: this.name, status: status ?? (this.problems.length ? 'fail' : 'ok'), checked: this.checked, problems: this.problems };
  }
}

function report(target: string, kind: VerifyReport['kind'], checks: VerifyCheck[]): VerifyReport {
  return { target, kind, ok: checks.every((c) => c.status !== 'fail'), checks };
}

const short = (id: string) => id.slice(0, 12);

/** What the chain says about each object: the latest entry's hash, and each run's items root. */
interface ChainIndex {
  objects: Map<string, { seq: number; sha256: string | null; action: string }>;
  itemsRoots: Map<string, string>;
  /** run id (or '' for the schema-3 migration's carry-over) → attributions root */
  attributionRoots: Map<string, string>;
  /** run id → rows root (schema 5: the flagged rows of large row files the run kept) */
  rowsRoots: Map<string, string>;
  /** run id → findings root (schema 7: the findings a run added have no entry each) */
  findingsRoots: Map<string, string>;
  hashes: Map<number, string>;
}

export async function verifyStore(path: string, options: VerifyStoreOptions = {}): Promise<VerifyReport> {
  let store: Store;
  try {
    store = openStore(path, { readonly: true, asIs: true });
  } catch (err) {
    // a store SQLite cannot read is the first thing verify must say, as a failed check
    if (err instanceof NetralError && (err.userMessage === m.storeCorrupt || err.userMessage === m.storeNotSqlite)) return corruptReport(path, err);
    throw err;
  }
  // one snapshot for every check, and no implicit transaction per lookup (Store.beginRead)
  const endRead = store.beginRead();
  try {
    return await verifyOpenStore(store, path, options);
  } catch (err) {
    if (err instanceof Database.SqliteError && (err.code === 'SQLITE_CORRUPT' || err.code === 'SQLITE_NOTADB')) return corruptReport(path, err);
    throw err;
  } finally {
    try {
      endRead();
    } finally {
      store.close();
    }
  }
}

function corruptReport(path: string, err: unknown): VerifyReport {
  const c = new Check('integrity');
  c.fail('vIntegrity', { detail: err instanceof NetralError ? err.render() : errorText(err) });
  return report(path, 'store', [c.done()]);
}

async function verifyOpenStore(store: Store, path: string, options: VerifyStoreOptions): Promise<VerifyReport> {
  {
    const checks: VerifyCheck[] = [checkIntegrity(store, options.deep ?? false)];
    const schema = checkSchema(store);
    checks.push(schema);
    if (store.schemaVersion < 2) {
      for (const name of ['chain', 'rows', 'anchors'] as const) checks.push(new Check(name).done('skipped'));
      checks.push(await checkBlobs(store, options.withoutBlobFiles ?? false));
      if (!options.withoutBlobFiles) checks.push(checkOrphans(store, options.repair ?? false));
      return report(path, 'store', checks);
    }
    const index: ChainIndex = { objects: new Map(), itemsRoots: new Map(), attributionRoots: new Map(), rowsRoots: new Map(), findingsRoots: new Map(), hashes: new Map() };
    checks.push(checkChain(store, index));
    checks.push(await checkBlobs(store, options.withoutBlobFiles ?? false));
    if (!options.withoutBlobFiles) checks.push(checkOrphans(store, options.repair ?? false));
    checks.push(checkRows(store, index));
    checks.push(await checkAnchors(store, index, options.anchor));
    if (options.originals?.length) checks.push(await checkOriginals(store, options.originals));
    return report(path, 'store', checks);
  }
}

/**
 * Files in the blob folder that no blob row refers to: spool files of a killed scan (.incoming-*)
 * and blobs renamed into place by a scan that never committed. A spool file of a live process and
 * a young unreferenced blob may belong to a scan still running, so they are left alone.
 */
function checkOrphans(store: Store, repair: boolean): VerifyCheck {
  const c = new Check('orphans');
  const referenced = new Set((store.db.prepare("SELECT rel_path FROM blobs WHERE storage = 'file' AND rel_path IS NOT NULL").pluck().all() as string[]).map((p) => p.split(sep).join('/')));
  for (const orphan of orphanBlobFiles(store.path, referenced)) {
    c.checked++;
    if (repair) {
      rmSync(orphan.abs, { force: true });
      c.fail('vOrphanRemoved', { path: orphan.rel, bytes: orphan.bytes });
    } else c.fail('vOrphanBlob', { path: orphan.rel, bytes: orphan.bytes });
  }
  // removed orphans are repaired, not a failure
  return c.done(repair && c.problems.length > 0 ? 'ok' : undefined);
}

function checkIntegrity(store: Store, deep: boolean): VerifyCheck {
  const c = new Check('integrity');
  const result = store.db.pragma(deep ? 'integrity_check' : 'quick_check', { simple: false }) as Array<Record<string, string>>;
  for (const row of result) {
    const msg = Object.values(row)[0] ?? '';
    if (msg !== 'ok') c.fail('vIntegrity', { detail: msg });
  }
  for (const v of store.db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>) {
    c.fail('vForeignKey', { table: v.table, rowid: v.rowid, parent: v.parent });
  }
  c.checked = 1;
  return c.done();
}

function checkSchema(store: Store): VerifyCheck {
  const c = new Check('schema');
  if (store.schemaVersion !== SCHEMA_VERSION) c.fail('vSchemaVersion', { version: store.schemaVersion, expected: SCHEMA_VERSION });
  if (store.schemaVersion >= 2) {
    const present = new Map((store.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string; sql: string }>).map((r) => [r.name, r.sql]));
    for (const [name, sql] of Object.entries(expectedTriggers(store.schemaVersion))) {
      c.checked++;
      const found = present.get(name);
      if (found === undefined) c.fail('vTriggerMissing', { name });
      else if (found !== sql) c.fail('vTriggerAltered', { name });
    }
  }
  if (store.schemaVersion >= 9) checkDerived(store, c);
  return c.done();
}

/**
 * Schema 9: the review status and subjects the overview reads are kept in derived tables; an edit
 * of them (a finding shown as dismissed that nobody dismissed) is caught by recomputing both from
 * the evidence rows (reviews, accounts, attributions), both ways.
 */
function checkDerived(store: Store, c: Check): void {
  const differs = (table: string, columns: string, expected: string): boolean => {
    const sql = `SELECT 1 FROM (SELECT ${columns} FROM ${table} EXCEPT SELECT ${columns} FROM (${expected}))
      UNION ALL SELECT 1 FROM (SELECT ${columns} FROM (${expected}) EXCEPT SELECT ${columns} FROM ${table}) LIMIT 1`;
    return store.db.prepare(sql).get() !== undefined;
  };
  for (const [table, columns, expected] of [
    ['finding_decision', 'finding_id, review_pk', FINDING_DECISION_SQL],
    ['item_filing', 'item_id, subject_id, attribution, rank', ITEM_FILING_SQL],
  ] as const) {
    c.checked++;
    if (differs(table, columns, expected)) c.fail('vDerivedStale', { table });
  }
}

/** Walk the chain in seq order; the first broken entry is named, later ones are unverifiable. */
function checkChain(store: Store, index: ChainIndex): VerifyCheck {
  const c = new Check('chain');
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let brokenAt: number | undefined;
  let last = 0;
  for (const e of store.db.prepare('SELECT * FROM custody_log ORDER BY seq').iterate() as Iterable<CustodyRow>) {
    c.checked++;
    last = e.seq;
    index.hashes.set(e.seq, e.entry_hash);
    if (e.object_type && e.object_id) index.objects.set(`${e.object_type}:${e.object_id}`, { seq: e.seq, sha256: e.object_sha256, action: e.action });
    // parsed once: for the roots it carries and for the entry's hash
    const parsed = safeJson(e.payload);
    if (e.action === 'run.finish' && e.object_id) {
      const payload = parsed as { items_root?: unknown; attributions_root?: unknown; rows_root?: unknown; findings_root?: unknown } | undefined;
      if (typeof payload?.items_root === 'string') index.itemsRoots.set(e.object_id, payload.items_root);
      if (typeof payload?.findings_root === 'string') index.findingsRoots.set(e.object_id, payload.findings_root);
      if (typeof payload?.rows_root === 'string') index.rowsRoots.set(e.object_id, payload.rows_root);
      if (typeof payload?.attributions_root === 'string') index.attributionRoots.set(e.object_id, payload.attributions_root);
    }
    if (e.action === 'schema.migrate') {
      const root = (parsed as { attributions_root?: unknown } | undefined)?.attributions_root;
      if (typeof root === 'string') index.attributionRoots.set('', root);
    }
    if (brokenAt !== undefined) continue;
    if (e.seq !== expectedSeq) {
      c.fail(e.seq > expectedSeq ? 'vChainGap' : 'vChainOrder', { seq: e.seq, expected: expectedSeq });
      brokenAt = e.seq;
    } else if (e.prev_hash !== prev) {
      c.fail('vChainPrev', { seq: e.seq });
      brokenAt = e.seq;
    } else if (parsed === undefined || entryHash(e, parsed) !== e.entry_hash) {
      c.fail('vChainHash', { seq: e.seq, action: e.action });
      brokenAt = e.seq;
    }
    prev = e.entry_hash;
    expectedSeq = e.seq + 1;
  }
  if (brokenAt !== undefined && last > brokenAt) c.fail('vChainUnverifiable', { from: brokenAt + 1, to: last });
  if (c.checked === 0) c.fail('vChainEmpty');
  return c.done();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function checkBlobs(store: Store, withoutFiles: boolean): Promise<VerifyCheck> {
  const c = new Check('blobs');
  const db = store.db;
  const v5 = store.schemaVersion >= 5 ? ', encoding, kept' : '';
  const blobs = db.prepare(`SELECT sha256, bytes, media_type, storage, rel_path, purged_at${v5} FROM blobs ORDER BY pk`).all() as Array<Omit<BlobRow, 'content'>>;
  const content = db.prepare('SELECT content FROM blobs WHERE sha256 = ?').pluck();
  const capturesOf = db.prepare('SELECT id FROM captures WHERE blob_sha256 = ? ORDER BY id').pluck();
  for (const b of blobs) {
    if (b.storage === 'file' && withoutFiles) continue;
    c.checked++;
    const row: BlobRow = { ...b, content: b.storage === 'db' ? (content.get(b.sha256) as Buffer | null) : null };
    // kept as rows or hash only: the bytes were never stored (the rows are checked with the rows)
    if (b.kept !== undefined && b.kept !== 'whole' && row.content === null) continue;
    const actual = await rehashBlob(store.path, row);
    const captures = (capturesOf.all(b.sha256) as string[]).map(short).join(', ') || '-';
    if (actual === undefined) {
      if (!b.purged_at) c.fail('vBlobMissing', { sha256: b.sha256, captures });
    } else if (actual !== b.sha256) c.fail('vBlobMismatch', { sha256: b.sha256, captures });
  }
  return c.done();
}

const CHAINED_TABLES: Array<{ table: string; type: string }> = [
  { table: 'captures', type: 'capture' },
  { table: 'findings', type: 'finding' },
  { table: 'reviews', type: 'review' },
  { table: 'subjects', type: 'subject' },
];

function checkRows(store: Store, index: ChainIndex): VerifyCheck {
  const c = new Check('rows');
  const db = store.db;
  const seen = new Set<string>();
  // schema 7: findings of a run whose run.finish carries findings_root roll up into it (pk order)
  const findingLeaves: Array<{ run: string; key: string; offset: number; hash: string }> = [];
  for (const { table, type } of CHAINED_TABLES) {
    // streamed: a store of 100,000 findings is not held in memory to be checked
    // findings with their texts in place (schema 6 stores shared texts once): the hash covers what the finding says
    const rows = table === 'findings' && store.schemaVersion >= 6 ? `${findingRowsSql(store.schemaVersion)} ORDER BY f.pk` : `SELECT * FROM ${table} ORDER BY pk`;
    const v8 = table === 'findings' && store.schemaVersion >= 8;
    const statement = db.prepare(rows);
    // each row's hash with the statement's columns ordered once (a finding's spans column is hashed as __spans)
    const columns = statement.columns().map((col) => col.name);
    const hasher = table === 'findings' ? new RowHasher(columns.filter((col) => col !== 'spans'), ['__spans']) : new RowHasher(columns);
    for (const row of statement.iterate() as Iterable<Row>) {
      c.checked++;
      // schema 8: the item's text beside the row, for its spans' words; not part of the row
      // (a NULL column is no part of a row's hash: set to NULL here rather than copying the row without it)
      let context: SpanContext | undefined;
      if (v8) {
        const itemText = row[SPAN_ITEM_TEXT];
        row[SPAN_ITEM_TEXT] = null;
        context = spanContext(db, typeof itemText === 'string' ? itemText : null);
      }
      // schema 12: the id as its 32 bytes; named and chained as hex
      const id = hexId(row.id);
      seen.add(`${type}:${id}`);
      const actual =
        table === 'findings'
          ? typeof row.spans === 'string' || Buffer.isBuffer(row.spans)
            ? findingRowSha256FromColumn(row, row.spans, context, hasher)
            : findingRowSha256(row, spansOf(db, id, row.spans ?? null))
          : table === 'subjects'
            ? subjectRowSha256(row, accountsOf(db, id))
            : hasher.sha256(row);
      const entry = index.objects.get(`${type}:${id}`);
      const rolledUp = table === 'findings' && !entry && index.findingsRoots.has(String(row.first_run_id));
      if (rolledUp) findingLeaves.push({ run: String(row.first_run_id), key: '', offset: Number(row.pk), hash: actual });
      // one problem per row: an edit that also rewrote row_sha256 still differs from the chain
      if (actual !== storedHash(row.row_sha256)) c.fail('vRowMismatch', { table, id: short(id) });
      else if (rolledUp) continue;
      else if (!entry) c.fail('vRowNoCustody', { table, id: short(id) });
      else if (entry.sha256 !== actual) c.fail('vRowCustody', { table, id: short(id), seq: entry.seq });
    }
  }
  // an edited, added or deleted finding of a schema-7 run changes its run's findings root
  const findingRoots = merkleRootsByRun(findingLeaves);
  const empty = new MerkleRoot().digest();
  for (const [run, expected] of index.findingsRoots) {
    if ((findingRoots.get(run)?.digest() ?? empty) !== expected) c.fail('vFindingsRoot', { run });
  }
  // a custody entry whose row is gone = a deleted row
  for (const [key, entry] of index.objects) {
    const [type, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const table = CHAINED_TABLES.find((t) => t.type === type)?.table;
    if (table && !seen.has(key)) c.fail('vRowDeleted', { table, id: short(id), seq: entry.seq });
  }
  // items carry no entry each: their hashes roll up into the run's items root
  // read in storage order (an index order would fetch each row at random) and rolled up in
  // item-id order per run afterwards: the hashes are small, the rows are not
  const leaves: Array<{ run: string; key: string; hash: string }> = [];
  const items = db.prepare('SELECT * FROM items ORDER BY pk');
  const itemHasher = new RowHasher(items.columns().map((col) => col.name));
  for (const row of items.iterate() as Iterable<Row>) {
    c.checked++;
    const actual = itemHasher.sha256(row);
    const id = hexId(row.id);
    if (actual !== storedHash(row.row_sha256)) c.fail('vRowMismatch', { table: 'items', id: short(id) });
    leaves.push({ run: String(row.first_run_id), key: id, hash: actual });
  }
  const roots = merkleRootsByRun(leaves);
  for (const [run, root] of roots) {
    const expected = index.itemsRoots.get(run);
    if (expected === undefined) c.fail('vItemsNoRoot', { run });
    else if (expected !== root.digest()) c.fail('vItemsRoot', { run });
  }
  for (const run of index.itemsRoots.keys()) {
    if (!roots.has(run) && index.itemsRoots.get(run) !== new MerkleRoot().digest()) c.fail('vItemsRoot', { run });
  }
  if (store.schemaVersion >= 3) checkAttributions(store, index, c);
  if (store.schemaVersion >= 5) checkFlaggedRows(store, index, c);
  return c.done();
}

/**
 * Per run, the Merkle root over its leaves in (key, offset) order — SQLite's ORDER BY on TEXT
 * (binary) and INTEGER columns, which the roots in the chain were built in.
 */
function merkleRootsByRun(leaves: Array<{ run: string; key: string; offset?: number; hash: string }>): Map<string, MerkleRoot> {
  const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  leaves.sort((a, b) => binary(a.run, b.run) || binary(a.key, b.key) || (a.offset ?? 0) - (b.offset ?? 0));
  const roots = new Map<string, MerkleRoot>();
  for (const leaf of leaves) {
    let root = roots.get(leaf.run);
    if (!root) roots.set(leaf.run, (root = new MerkleRoot()));
    root.add(leaf.hash);
  }
  return roots;
}

/**
 * Flagged rows of large row files: each row's bytes hash to its sha256, its row hash covers where
 * it sits, each run's rows roll up into the rows root in the chain, and every item read from a
 * file kept as rows has its row.
 */
/** The rows of each statement in turn, streamed. */
function* eachRow(db: Store['db'], sqls: string[]): Generator<Row> {
  for (const sql of sqls) yield* db.prepare(sql).iterate() as Iterable<Row>;
}

function checkFlaggedRows(store: Store, index: ChainIndex, c: Check): void {
  const db = store.db;
  const leaves: Array<{ run: string; key: string; offset: number; hash: string }> = [];
  const rowHasher = new RowHasher(CAPTURE_ROW_HASHED);
  // schema 11: rows written since are in flagged_rows, read with the ids their keys name
  const tables = store.schemaVersion >= 11 ? ['SELECT * FROM capture_rows ORDER BY pk', `${FLAGGED_ROWS_SQL} ORDER BY r.pk`] : ['SELECT * FROM capture_rows ORDER BY pk'];
  for (const row of eachRow(db, tables)) {
    c.checked++;
    // schema 10 keeps the row's SHA-256 as its 32 bytes; its row hash covers the hex
    row.sha256 = storedHash(row.sha256);
    const bytes = tryDecodeStored(row.content as Buffer, row.encoding as string | null);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== row.sha256 || bytes.length !== row.byte_length) {
      c.fail('vFlaggedRowBytes', { capture: short(String(row.capture_id)), pointer: String(row.pointer) });
    }
    // captureRowSha256(row), its six columns ordered once
    const actual = rowHasher.sha256(row);
    if (actual !== storedHash(row.row_sha256)) c.fail('vRowMismatch', { table: 'capture_rows', id: `${short(String(row.capture_id))}:${String(row.pointer)}` });
    leaves.push({ run: String(row.first_run_id), key: String(row.capture_id), offset: Number(row.byte_offset), hash: actual });
  }
  // rolled up per run in (capture, offset) order, as the run wrote its rows root
  const roots = merkleRootsByRun(leaves);
  const empty = new MerkleRoot().digest();
  for (const [run, root] of roots) if (index.rowsRoots.get(run) !== root.digest()) c.fail('vRowsRoot', { run });
  for (const [run, expected] of index.rowsRoots) if (!roots.has(run) && expected !== empty) c.fail('vRowsRoot', { run });
  const missing = db.prepare(
    `SELECT i.id, i.capture_id, i.pointer FROM items i JOIN captures c ON c.id = i.capture_id JOIN blobs b ON b.sha256 = c.blob_sha256
     WHERE b.kept = 'rows' AND NOT EXISTS (SELECT 1 FROM capture_rows r WHERE r.capture_id = i.capture_id AND r.pointer = i.pointer)${
       store.schemaVersion >= 11 ? ' AND NOT EXISTS (SELECT 1 FROM flagged_rows r WHERE r.capture_pk = c.pk AND r.pointer = i.pointer)' : ''}`,
  );
  for (const r of missing.iterate() as Iterable<{ id: string | Buffer; capture_id: string; pointer: string }>) c.fail('vFlaggedRowMissing', { item: short(hexId(r.id)), capture: short(r.capture_id), pointer: r.pointer });
}

/**
 * verify --originals: the files a large row capture was read from, when at hand. A file whose
 * SHA-256 is a capture's proves every flagged row at its offset; a file named like a capture's
 * origin that hashes differently was changed, and the rows that differ are named.
 */
async function checkOriginals(store: Store, paths: string[]): Promise<VerifyCheck> {
  const c = new Check('originals');
  if (store.schemaVersion < 5) return c.done('skipped');
  const captures = store.db
    .prepare("SELECT c.id, c.blob_sha256, c.bytes, c.origin FROM captures c JOIN blobs b ON b.sha256 = c.blob_sha256 WHERE b.kept = 'rows' ORDER BY c.id")
    .all() as Array<{ id: string; blob_sha256: string; bytes: number; origin: string }>;
  const rowsOf = store.db.prepare(
    store.schemaVersion >= 11
      ? `SELECT pointer, byte_offset, byte_length, sha256 FROM capture_rows WHERE capture_id = @id
         UNION ALL SELECT pointer, byte_offset, byte_length, sha256 FROM flagged_rows WHERE capture_pk = (SELECT pk FROM captures WHERE id = @id) ORDER BY byte_offset`
      : 'SELECT pointer, byte_offset, byte_length, sha256 FROM capture_rows WHERE capture_id = @id ORDER BY byte_offset',
  );
  const bySize = new Set(captures.map((k) => k.bytes));
  const byName = new Map(captures.map((k) => [basename(k.origin), k]));
  const proven = new Set<string>();
  for (const file of paths.flatMap(listFiles)) {
    const size = statSync(file).size;
    const named = byName.get(basename(file));
    if (!bySize.has(size) && !named) continue;
    const sha = await hashFile(file);
    const same = captures.filter((k) => k.blob_sha256 === sha);
    // a changed original: its rows are still compared, so the report names what differs
    const targets = same.length ? same : named ? [named] : [];
    if (!same.length && named) c.fail('vOriginalHash', { file, capture: short(named.id) });
    for (const k of targets) {
      proven.add(k.id);
      const fd = openSync(file, 'r');
      try {
        for (const r of rowsOf.iterate({ id: k.id }) as Iterable<{ pointer: string; byte_offset: number; byte_length: number; sha256: string | Buffer }>) {
          c.checked++;
          const buf = Buffer.alloc(r.byte_length);
          const n = readSync(fd, buf, 0, r.byte_length, r.byte_offset);
          if (n !== r.byte_length || createHash('sha256').update(buf).digest('hex') !== storedHash(r.sha256)) {
            c.fail('vOriginalRow', { file, pointer: r.pointer, offset: r.byte_offset, length: r.byte_length });
          }
        }
      } finally {
        closeSync(fd);
      }
    }
  }
  if (proven.size === 0) c.fail('vOriginalNone', { path: paths.join(', ') });
  return c.done();
}

/** Files named by --originals: a file, or every file under a folder. Exit 2 when one is unreadable. */
function listFiles(path: string): string[] {
  try {
    const info = statSync(path);
    if (!info.isDirectory()) return [path];
    return readdirSync(path, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch (err) {
    throw new NetralError(m.originalsUnreadable, { path, detail: (err as NodeJS.ErrnoException).code ?? errorText(err) }, 2, { cause: err });
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  } catch (err) {
    throw new NetralError(m.originalsUnreadable, { path: file, detail: (err as NodeJS.ErrnoException).code ?? errorText(err) }, 2, { cause: err });
  }
  return hash.digest('hex');
}

/** Which subject each item was filed under by its export's owner: rolled up per run like items. */
function checkAttributions(store: Store, index: ChainIndex, c: Check): void {
  const roots = new Map<string, MerkleRoot>();
  for (const row of store.db.prepare('SELECT item_id, subject_id, method, run_id FROM item_attributions ORDER BY item_id, subject_id').iterate() as Iterable<Row>) {
    c.checked++;
    // a row of a run whose finish entry carries no root was carried over by the migration
    const run = typeof row.run_id === 'string' && index.attributionRoots.has(row.run_id) ? row.run_id : '';
    let root = roots.get(run);
    if (!root) roots.set(run, (root = new MerkleRoot()));
    root.add(attributionLeaf(row));
  }
  const empty = new MerkleRoot().digest();
  for (const [run, expected] of index.attributionRoots) {
    if ((roots.get(run)?.digest() ?? empty) !== expected) c.fail('vAttributionsRoot', { run: run || 'schema 3' });
  }
  for (const run of roots.keys()) if (!index.attributionRoots.has(run)) c.fail('vAttributionsRoot', { run: run || 'schema 3' });
}

async function checkAnchors(store: Store, index: ChainIndex, external: string | undefined): Promise<VerifyCheck> {
  const c = new Check('anchors');
  for (const a of store.db.prepare('SELECT seq, head_hash, kind FROM anchors ORDER BY pk').all() as Array<{ seq: number; head_hash: string; kind: string }>) {
    c.checked++;
    if (index.hashes.get(a.seq) !== a.head_hash) c.fail('vAnchor', { seq: a.seq, kind: a.kind });
  }
  if (external) {
    c.checked++;
    const manifest = await readManifestFrom(external);
    const head = manifest.chain_head;
    if (index.hashes.get(head.seq) !== head.hash) c.fail('vAnchor', { seq: head.seq, kind: external });
  }
  return c.done();
}

async function readManifestFrom(path: string): Promise<BundleManifest> {
  let reader: BundleReader | undefined;
  try {
    const text = path.endsWith('.json') ? readFileSync(path, 'utf8') : (await (reader = await openBundle(path)).read(MANIFEST)).toString('utf8');
    return BundleManifest.parse(JSON.parse(text));
  } catch (err) {
    throw new NetralError(m.anchorUnreadable, { path }, 2, { cause: err });
  } finally {
    reader?.close();
  }
}

// ─── bundles ───────────────────────────────────────────────────────────────

export async function verifyBundle(path: string): Promise<VerifyReport> {
  let reader: BundleReader;
  try {
    reader = await openBundle(path);
  } catch (err) {
    throw new NetralError(m.bundleUnreadable, { path }, 2, { cause: err });
  }
  try {
    const checks: VerifyCheck[] = [];
    const mc = new Check('manifest');
    mc.checked = 1;
    let manifest: BundleManifest | undefined;
    if (!reader.paths.includes(MANIFEST)) mc.fail('vBundleMissing', { path: MANIFEST });
    else {
      const bytes = await reader.read(MANIFEST);
      const parsed = BundleManifest.safeParse(safeJson(bytes.toString('utf8')));
      if (!parsed.success) mc.fail('vManifestInvalid', { detail: parsed.error.issues[0]?.message ?? '' });
      else manifest = parsed.data;
      const digest = reader.paths.includes(MANIFEST_DIGEST) ? (await reader.read(MANIFEST_DIGEST)).toString('utf8').trim().split(/\s+/)[0] : undefined;
      if (digest !== createHash('sha256').update(bytes).digest('hex')) mc.fail('vManifestDigest');
    }
    checks.push(mc.done());
    if (!manifest) return report(path, 'bundle', checks);

    const rc = new Check('resources');
    const listed = new Set(manifest.resources.map((r) => r.path));
    const actual = new Map<string, { sha256: string; bytes: number }>();
    for (const p of reader.paths) actual.set(p, await reader.hash(p));
    for (const r of manifest.resources) {
      rc.checked++;
      const got = actual.get(r.path);
      if (got === undefined) rc.fail('vBundleMissing', { path: r.path });
      else if (`sha256:${got.sha256}` !== r.sha256 || got.bytes !== r.bytes) rc.fail('vBundleFile', { path: r.path });
    }
    for (const p of reader.paths) if (!listed.has(p) && ![MANIFEST, MANIFEST_DIGEST, SUMS].includes(p)) rc.fail('vBundleUnlisted', { path: p });
    checks.push(rc.done());

    const sc = new Check('sums');
    const sums = reader.paths.includes(SUMS) ? (await reader.read(SUMS)).toString('utf8') : undefined;
    if (sums === undefined) sc.fail('vBundleMissing', { path: SUMS });
    else {
      const covered = new Set<string>();
      for (const line of sums.split('\n').filter(Boolean)) {
        sc.checked++;
        const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
        if (!match) {
          sc.fail('vSumsLine', { line });
          continue;
        }
        covered.add(match[2]!);
        if (actual.get(match[2]!)?.sha256 !== match[1]) sc.fail('vBundleFile', { path: match[2]! });
      }
      for (const p of reader.paths) if (p !== SUMS && !covered.has(p)) sc.fail('vBundleUnlisted', { path: p });
    }
    checks.push(sc.done());

    checks.push(await checkReferences(reader, manifest, listed));
    checks.push(await checkBundleCustody(reader, manifest));
    checks.push(await checkBundleDatabase(reader, manifest));
    return report(path, 'bundle', checks);
  } finally {
    reader.close();
  }
}

/** Every finding cites a capture that is in the bundle (profiles that carry captures). */
async function checkReferences(reader: BundleReader, manifest: BundleManifest, listed: Set<string>): Promise<VerifyCheck> {
  const c = new Check('references');
  if (!reader.paths.includes('findings.jsonl')) {
    c.fail('vBundleMissing', { path: 'findings.jsonl' });
    return c.done();
  }
  const lines = (await reader.read('findings.jsonl')).toString('utf8').split('\n').filter(Boolean);
  for (const line of lines) {
    c.checked++;
    // netral.finding/2 records (id, evidence.capture.file); bundles before it: finding.id, capture.file
    const rec = safeJson(line) as { id?: string; evidence?: { capture?: { file?: string | null } }; finding?: { id?: string }; capture?: { file?: string | null } } | undefined;
    const id = rec?.id ?? rec?.finding?.id ?? '?';
    const file = rec?.evidence?.capture?.file ?? rec?.capture?.file;
    if (manifest.profile !== 'public' && (typeof file !== 'string' || !listed.has(file))) c.fail('vBundleCaptureMissing', { finding: short(id) });
  }
  if (lines.length !== manifest.findings) c.fail('vBundleCount', { expected: manifest.findings, found: lines.length });
  return c.done();
}

/**
 * The lines of a bundle's custody.jsonl as custody rows (payload back to the stored string, so
 * entryHash applies), read as the caller walks them; an unreadable line fails the check and ends them.
 */
function* custodyRows(jsonl: Buffer, c: Check): Generator<CustodyRow> {
  for (const line of jsonl.toString('utf8').split('\n').filter(Boolean)) {
    const e = safeJson(line) as (Omit<CustodyRow, 'payload'> & { payload: unknown }) | undefined;
    if (!e) {
      c.checked++;
      c.fail('vSumsLine', { line: line.slice(0, 60) });
      return;
    }
    yield { ...e, payload: JSON.stringify(e.payload) };
  }
}

/** The custody excerpt re-hashes and ends exactly at the chain head the manifest states. */
async function checkBundleCustody(reader: BundleReader, manifest: BundleManifest): Promise<VerifyCheck> {
  const c = new Check('custody');
  if (!reader.paths.includes('custody.jsonl')) return c.done('skipped');
  if (reader.paths.includes(CUSTODY_CHAIN)) return checkCustodySegment(reader, manifest, c);
  let prev = GENESIS_HASH;
  let last = { seq: 0, hash: GENESIS_HASH };
  for (const e of custodyRows(await reader.read('custody.jsonl'), c)) {
    c.checked++;
    if (e.prev_hash !== prev || entryHash(e) !== e.entry_hash || e.seq !== last.seq + 1) {
      c.fail('vChainHash', { seq: e.seq, action: e.action });
      break;
    }
    prev = e.entry_hash;
    last = { seq: e.seq, hash: e.entry_hash };
  }
  if (c.problems.length === 0 && (last.seq !== manifest.chain_head.seq || last.hash !== manifest.chain_head.hash)) c.fail('vBundleHead', { seq: manifest.chain_head.seq });
  return c.done();
}

/**
 * One subject's case file: custody.jsonl holds that subject's entries only, custody-chain.txt the
 * hash of every entry up to the head. Each listed entry re-hashes from the hash before it, the hash
 * list has no gap and ends at the manifest's head; so the entries sit at their place in the chain
 * the head anchors. (The left-out entries' hashes are checked against the store by `netral verify`
 * on the full store, or by comparing with another bundle's anchor.)
 */
async function checkCustodySegment(reader: BundleReader, manifest: BundleManifest, c: Check): Promise<VerifyCheck> {
  const hashes: string[] = [];
  for (const line of (await reader.read(CUSTODY_CHAIN)).toString('utf8').split('\n').filter(Boolean)) {
    c.checked++;
    const m = /^(\d+) ([0-9a-f]{64})$/.exec(line);
    if (!m || Number(m[1]) !== hashes.length + 1) {
      c.fail('vSumsLine', { line: line.slice(0, 60) });
      return c.done();
    }
    hashes.push(m[2]!);
  }
  for (const e of custodyRows(await reader.read('custody.jsonl'), c)) {
    c.checked++;
    const before = e.seq === 1 ? GENESIS_HASH : hashes[e.seq - 2];
    if (e.prev_hash !== before || entryHash(e) !== e.entry_hash || hashes[e.seq - 1] !== e.entry_hash) c.fail('vChainHash', { seq: e.seq, action: e.action });
  }
  if (c.problems.length === 0 && (hashes.length !== manifest.chain_head.seq || hashes.at(-1) !== manifest.chain_head.hash)) c.fail('vBundleHead', { seq: manifest.chain_head.seq });
  return c.done();
}

/** The evidence.db snapshot verifies as a store and its chain head is the manifest's. */
async function checkBundleDatabase(reader: BundleReader, manifest: BundleManifest): Promise<VerifyCheck> {
  const c = new Check('database');
  if (!reader.paths.includes('evidence.db')) return c.done('skipped');
  const dir = mkdtempSync(join(tmpdir(), 'netral-verify-'));
  try {
    const db = join(dir, 'evidence.db');
    writeFileSync(db, await reader.read('evidence.db'), { mode: 0o600 });
    const inner = await verifyStore(db, { withoutBlobFiles: true });
    for (const check of inner.checks) {
      c.checked += check.checked;
      for (const p of check.problems) c.fail(p.code, p.params);
    }
    const store = openStore(db, { readonly: true, asIs: true });
    try {
      const head = store.db.prepare('SELECT seq, entry_hash FROM custody_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_hash: string } | undefined;
      if (head?.seq !== manifest.chain_head.seq || head.entry_hash !== manifest.chain_head.hash) c.fail('vBundleHead', { seq: manifest.chain_head.seq });
    } finally {
      store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return c.done();
}
