// Evidence sized by what was found (issue 15): a large row file keeps its SHA-256 and the bytes of
// its flagged rows at their offsets, not the whole file; verify proves each row against the store's
// chain and, with --originals, against the original file. Real files, real SQLite, the real binary.
import { copyFileSync, createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCsv, generateJsonl } from '../../bench/generate-table.js';
import { itemFromStore } from '../../src/store/evidence.js';
import { EXPECTED_TRIGGERS, FLAGGED_ROWS_SQL } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { runCli } from '../cli/run-cli.js';
import { buildSample, scanSample, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let jsonl: string;
let violating: number[];

interface RowRecord {
  capture_id: string;
  pointer: string;
  byte_offset: number;
  byte_length: number;
  sha256: string;
  encoding: string | null;
  content: Buffer;
}

const rowsOf = (db: string): RowRecord[] => {
  const d = new Database(db, { readonly: true });
  try {
    // rows written before schema 11 (capture_rows) and since (flagged_rows, with the ids their keys name)
    return d.prepare(`SELECT * FROM (SELECT pk, capture_id, pointer, byte_offset, byte_length, sha256, encoding, content, first_run_id, row_sha256 FROM capture_rows
      UNION ALL ${FLAGGED_ROWS_SQL}) ORDER BY byte_offset`).all() as RowRecord[];
  } finally {
    d.close();
  }
};
const blobsOf = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT sha256, bytes, kept, encoding, content IS NOT NULL AS has_content, media_type FROM blobs ORDER BY pk').all() as Array<{ sha256: string; bytes: number; kept: string; encoding: string | null; has_content: number; media_type: string | null }>;
  } finally {
    d.close();
  }
};
const decoded = (r: RowRecord): Buffer => (r.encoding === 'deflate-raw' ? inflateRawSync(r.content) : r.content);

/** Change rows of an evidence table the way someone with a SQLite tool would, triggers restored afterwards. */
function tamper(db: string, fn: (d: Database.Database) => void): void {
  const d = new Database(db);
  for (const name of Object.keys(EXPECTED_TRIGGERS)) d.exec(`DROP TRIGGER IF EXISTS ${name}`);
  fn(d);
  for (const sql of Object.values(EXPECTED_TRIGGERS)) d.exec(sql);
  d.close();
}

const scan = (input: string, db: string, ...extra: string[]) => runCli(['scan', input, '--store', db, '-q', '--format', 'json', '-o', join(tmp.dir, 'scan.json'), ...extra]);
const verify = (db: string, ...extra: string[]) => runCli(['verify', '--store', db, '--lang', 'en', ...extra]);

beforeAll(async () => {
  tmp = tempDir();
  jsonl = join(tmp.dir, 'posts.jsonl');
  // about 1.2 MB with a couple dozen violating rows; the threshold is lowered so the test stays small
  violating = await generateJsonl(jsonl, 4000, 'clean');
}, 60_000);
afterAll(() => tmp.cleanup());

describe('a large JSONL with few findings', () => {
  let db: string;
  beforeAll(() => {
    db = join(tmp.dir, 'rows.db');
    const r = scan(jsonl, db, '--limit', 'row-evidence=256KiB');
    expect(r.stderr).toBe('');
  });

  it('keeps the file’s SHA-256 and size and each flagged row’s own bytes at its offset, not the whole file', () => {
    const [blob] = blobsOf(db);
    const original = readFileSync(jsonl);
    expect(blob).toMatchObject({ bytes: original.length, kept: 'rows', has_content: 0 });
    const rows = rowsOf(db);
    expect(rows.length).toBe(violating.length);
    for (const r of rows) {
      const bytes = decoded(r);
      expect(bytes.equals(original.subarray(r.byte_offset, r.byte_offset + r.byte_length))).toBe(true);
      // a whole JSONL line, without its line break
      expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
    }
    // far less than the file: the rows compressed, plus the findings
    expect(statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0)).toBeLessThan(original.length);
  });

  it('keeps a flagged row’s SHA-256 as its 32 bytes and an item’s raw time once when it is its UTC time (schema 10); edits of either fail verify', async () => {
    for (const r of rowsOf(db)) expect((r.sha256 as unknown as Buffer).equals(createHash('sha256').update(decoded(r)).digest())).toBe(true);
    const d = new Database(db, { readonly: true });
    const items = d.prepare('SELECT id, pointer, created_at_utc, created_at_raw, raw_is_utc FROM items ORDER BY pk').all() as Array<{ id: string; pointer: string; created_at_utc: string | null; created_at_raw: string | null; raw_is_utc: number | null }>;
    d.close();
    expect(items.length).toBe(violating.length);
    expect(items.every((i) => i.created_at_utc !== null && i.created_at_raw === null && i.raw_is_utc === 1)).toBe(true);
    // the item reads back with its raw time, and the flagged row with its hex SHA-256
    const store = openStore(db, { readonly: true });
    try {
      expect(itemFromStore(store, items[0]!.id).item.timeRaw).toBe(items[0]!.created_at_utc);
      const row = store.flaggedRow(rowsOf(db)[0]!.capture_id, items[0]!.pointer)!;
      expect(row.sha256).toBe(createHash('sha256').update(row.bytes).digest('hex'));
    } finally {
      store.close();
    }
    const codesOf = async (name: string, sql: string, ...args: unknown[]) => {
      const copy = join(tmp.dir, name);
      copyStore(db, copy);
      tamper(copy, (t) => t.prepare(sql).run(...args));
      return (await verifyStore(copy)).checks.flatMap((c) => c.problems.map((p) => p.code));
    };
    expect(await codesOf('raw-flag.db', 'UPDATE items SET raw_is_utc = NULL WHERE pk = 1')).toContain('vRowMismatch');
    expect(await codesOf('raw-time.db', "UPDATE items SET created_at_raw = '2020-01-01T00:00:00Z' WHERE pk = 1")).toContain('vRowMismatch');
    expect(await codesOf('row-sha.db', 'UPDATE flagged_rows SET sha256 = ? WHERE pk = 1', Buffer.alloc(32))).toEqual(expect.arrayContaining(['vFlaggedRowBytes', 'vRowMismatch']));
  }, 60_000);

  it('keeps a flagged row’s capture and run by their keys and a finding’s spans as varints (schema 11); an edit of a key or a span fails verify', async () => {
    const d = new Database(db, { readonly: true });
    const count = (sql: string): number => d.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM flagged_rows')).toBe(violating.length);
    expect(count('SELECT count(*) FROM capture_rows')).toBe(0);
    const first = d.prepare('SELECT pk, spans FROM findings WHERE typeof(spans) = \'blob\' ORDER BY pk LIMIT 1').get() as { pk: number; spans: Buffer };
    d.close();
    // the rows read back with the capture's hex id and the run's id (FLAGGED_ROWS_SQL), as a capture_rows row did
    const rows = rowsOf(db);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.capture_id))).toBe(true);
    const codesOf = async (name: string, fn: (t: Database.Database) => void) => {
      const copy = join(tmp.dir, name);
      copyStore(db, copy);
      tamper(copy, (t) => {
        t.pragma('foreign_keys = OFF');
        fn(t);
      });
      return (await verifyStore(copy)).checks.flatMap((c) => c.problems.map((p) => p.code));
    };
    expect(await codesOf('row-capture-key.db', (t) => t.prepare('UPDATE flagged_rows SET capture_pk = capture_pk + 1 WHERE pk = 1').run())).toContain('vRowMismatch');
    expect(await codesOf('row-run-key.db', (t) => t.prepare('UPDATE flagged_rows SET run_pk = run_pk + 1 WHERE pk = 1').run())).toEqual(expect.arrayContaining(['vRowMismatch', 'vRowsRoot']));
    // a span moved by one character: the varints read back to other offsets
    const moved = Buffer.from(first.spans);
    moved[0] = moved[0]! ^ 1;
    expect(await codesOf('span-moved.db', (t) => t.prepare('UPDATE findings SET spans = ? WHERE pk = ?').run(moved, first.pk))).toContain('vRowMismatch');
    // cut short: the last value no longer reads
    expect(await codesOf('span-cut.db', (t) => t.prepare('UPDATE findings SET spans = ? WHERE pk = ?').run(Buffer.concat([first.spans, Buffer.from([0x80])]), first.pk))).toContain('vRowMismatch');
  }, 60_000);

  it('verifies, and with --originals proves every flagged row against the original file', () => {
    expect(verify(db).code).toBe(0);
    const r = verify(db, '--originals', jsonl);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`ok +originals \\(${violating.length} checked\\)`));
  });

  it('fails (exit 1) on an edited flagged row, naming the row', async () => {
    const copy = join(tmp.dir, 'rows-edited.db');
    copyStore(db, copy);
    const target = rowsOf(copy)[0]!;
    tamper(copy, (d) => d.prepare('UPDATE flagged_rows SET content = ?, encoding = NULL WHERE pointer = ?').run(Buffer.from('{"text":"diubah"}'), target.pointer));
    const r = verify(copy);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`flagged row ${target.pointer} of capture ${target.capture_id.slice(0, 12)} altered`);
    // the row hash and rows root still hold: only the bytes changed
    const report = await verifyStore(copy);
    expect(report.checks.flatMap((c) => c.problems.map((p) => p.code))).toEqual(['vFlaggedRowBytes']);
  });

  it('fails when a row’s place was moved (row hash and the run’s rows root in the chain)', async () => {
    const copy = join(tmp.dir, 'rows-moved.db');
    copyStore(db, copy);
    tamper(copy, (d) => d.prepare('UPDATE flagged_rows SET byte_offset = byte_offset + 1 WHERE pk = 1').run());
    const codes = (await verifyStore(copy)).checks.flatMap((c) => c.problems.map((p) => p.code));
    expect(codes).toContain('vRowMismatch');
    expect(codes).toContain('vRowsRoot');
  });

  it('fails when a flagged row was deleted: its item has no row', async () => {
    const copy = join(tmp.dir, 'rows-deleted.db');
    copyStore(db, copy);
    tamper(copy, (d) => d.prepare('DELETE FROM flagged_rows WHERE pk = 1').run());
    const codes = (await verifyStore(copy)).checks.flatMap((c) => c.problems.map((p) => p.code));
    expect(codes).toEqual(expect.arrayContaining(['vRowsRoot', 'vFlaggedRowMissing']));
  });

  it('with --originals fails (exit 1) when the original’s row differs, naming the file and the row', () => {
    const changed = join(tmp.dir, 'changed', 'posts.jsonl');
    const bytes = readFileSync(jsonl);
    const target = rowsOf(db)[1]!;
    // one byte inside the second flagged row
    bytes[target.byte_offset + 10] = bytes[target.byte_offset + 10] === 0x61 ? 0x62 : 0x61;
    writeFile(changed, bytes);
    const r = verify(db, '--originals', join(tmp.dir, 'changed'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${changed}: the original’s SHA-256 does not match capture`);
    expect(r.stdout).toContain(`${changed}: row ${target.pointer} (bytes ${target.byte_offset}+${target.byte_length}) differs from the stored flagged row`);
    // only that row
    expect(r.stdout.match(/differs from the stored flagged row/g)).toHaveLength(1);
  });

  it('--originals naming nothing readable is a usage error (exit 2, one line)', () => {
    const r = verify(db, '--originals', join(tmp.dir, 'no-such-file.jsonl'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('no-such-file.jsonl');
  });

  it('exports the flagged rows of the file as one rows file, derived from the original’s SHA-256', () => {
    const out = join(tmp.dir, 'bundle');
    expect(runCli(['export', '--store', db, '--out', out]).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { resources: Array<{ path: string; role: string; derived_from?: string }> };
    const sha = blobsOf(db)[0]!.sha256;
    const rowFiles = manifest.resources.filter((r) => r.role === 'capture-rows');
    expect(rowFiles).toEqual([expect.objectContaining({ path: `captures/${sha}.rows.jsonl`, derived_from: `sha256:${sha}` })]);
    const original = readFileSync(jsonl);
    const lines = readFileSync(join(out, rowFiles[0]!.path), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { pointer: string; offset: number; length: number; sha256: string; text: string });
    expect(lines).toHaveLength(violating.length);
    for (const l of lines) expect(original.subarray(l.offset, l.offset + l.length).toString('utf8')).toBe(l.text);
    // every finding cites that file, and its item's pointer names its line
    const findings = readFileSync(join(out, 'findings.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { evidence: { item: { source: { pointer: string } }; capture: { file: string } } });
    for (const f of findings) {
      expect(f.evidence.capture.file).toBe(rowFiles[0]!.path);
      expect(lines.some((l) => l.pointer === f.evidence.item.source.pointer)).toBe(true);
    }
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('--keep-originals later keeps the whole file (compressed) in the same store, and it still verifies', () => {
    const copy = join(tmp.dir, 'rows-then-whole.db');
    copyStore(db, copy);
    expect(scan(jsonl, copy, '--limit', 'row-evidence=256KiB', '--keep-originals').code).toBe(0);
    const [blob] = blobsOf(copy);
    expect(blob).toMatchObject({ kept: 'whole', has_content: 1, encoding: 'gzip' });
    expect(verify(copy).code).toBe(0);
    const d = new Database(copy, { readonly: true });
    expect(d.prepare("SELECT count(*) FROM custody_log WHERE action = 'blob.keep'").pluck().get()).toBe(1);
    d.close();
  });
});

it('below the threshold (or with --keep-originals) the whole file is kept, gzip-compressed', () => {
  const db = join(tmp.dir, 'whole.db');
  expect(scan(jsonl, db, '--keep-originals').code).toBe(0);
  const [blob] = blobsOf(db);
  expect(blob).toMatchObject({ kept: 'whole', has_content: 1, encoding: 'gzip' });
  expect(rowsOf(db)).toHaveLength(0);
  expect(verify(db).code).toBe(0);
  // a compressed blob whose bytes were changed fails like an uncompressed one
  tamper(db, (d) => d.prepare("UPDATE blobs SET content = zeroblob(100) WHERE kept = 'whole'").run());
  const r = verify(db);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/capture bytes [0-9a-f]{64} altered/);
});

it('a CSV with CRLF line ends: each record’s bytes are found at its offset in the original', async () => {
  const lf = join(tmp.dir, 'posts.csv');
  const violatingRows = await generateCsv(lf, 3000, 'clean');
  const crlf = join(tmp.dir, 'crlf', 'posts.csv');
  writeFile(crlf, Buffer.from(readFileSync(lf, 'utf8').replace(/\n/g, '\r\n')));
  const db = join(tmp.dir, 'csv.db');
  expect(scan(crlf, db, '--limit', 'row-evidence=64KiB').code).toBe(0);
  const rows = rowsOf(db);
  expect(rows.length).toBe(violatingRows.length);
  const original = readFileSync(crlf);
  for (const r of rows) {
    const bytes = decoded(r);
    expect(bytes.equals(original.subarray(r.byte_offset, r.byte_offset + r.byte_length))).toBe(true);
    // one whole record: its own line, ending with its CRLF
    expect(bytes.toString('utf8')).toMatch(/^bench-\d+,[^\r\n]*\r\n$/);
  }
  expect(verify(db, '--originals', crlf).code).toBe(0);
});

it('a zip is kept as its SHA-256, its flagged member whole (not both)', async () => {
  const zipPath = join(tmp.dir, 'export.zip');
  const zip = new yazl.ZipFile();
  zip.addFile(jsonl, 'data/posts.jsonl');
  const out = createWriteStream(zipPath);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, 'close');
  const db = join(tmp.dir, 'zip.db');
  expect(scan(zipPath, db, '--limit', 'row-evidence=256KiB').code).toBe(0);
  const blobs = blobsOf(db);
  const zipBlob = blobs.find((b) => b.media_type === 'application/zip')!;
  expect(zipBlob).toMatchObject({ bytes: statSync(zipPath).size, kept: 'none', has_content: 0 });
  // a zip member is read as a stream, not from disk by offset: kept whole (compressed)
  expect(blobs.find((b) => b !== zipBlob)).toMatchObject({ kept: 'whole', has_content: 1, encoding: 'gzip' });
  expect(verify(db).code).toBe(0);
  // --keep-originals keeps the zip too
  const kept = join(tmp.dir, 'zip-kept.db');
  expect(scan(zipPath, kept, '--keep-originals').code).toBe(0);
  expect(blobsOf(kept).find((b) => b.media_type === 'application/zip')).toMatchObject({ kept: 'whole', has_content: 1 });
}, 60_000); // two CLI scans: seconds on a loaded 2-core machine

it('a store written before schema 5 (whole, uncompressed blobs, finding_spans rows) is upgraded and still verifies', async () => {
  const db = join(tmp.dir, 'old.db');
  // schema 4, written as the previous netral wrote it
  const old = openStore(db, { schemaVersion: 4 });
  await scanSample(old, buildSample());
  old.close();
  const raw = new Database(db, { readonly: true });
  expect(raw.pragma('user_version', { simple: true })).toBe(4);
  expect(raw.prepare('SELECT count(*) FROM finding_spans').pluck().get()).toBeGreaterThan(0);
  raw.close();
  // any writer upgrades it to schema 5; its old rows verify unchanged
  openStore(db).close();
  expect((await verifyStore(db)).ok).toBe(true);
  // and new rows of today's kind sit beside the old ones
  expect(scan(jsonl, db, '--limit', 'row-evidence=256KiB').code).toBe(0);
  const r = verify(db);
  expect(r.stdout).toContain('all checks passed');
  expect(r.code).toBe(0);
});

function copyStore(from: string, to: string): void {
  // checkpoint so the copy holds everything
  const d = new Database(from);
  d.pragma('wal_checkpoint(TRUNCATE)');
  d.close();
  copyFileSync(from, to);
}

function writeFile(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

it('a WhatsApp chat .txt: each flagged message is kept as its lines’ bytes (header line to its last continuation line)', () => {
  const chat = join(tmp.dir, 'chat', 'Chat WhatsApp dengan Nakes Puskesmas Sukamaju Timur.txt');
  writeFile(chat, readFileSync('fixtures/eval/blind3/whatsapp-minang/Chat WhatsApp dengan Nakes Puskesmas Sukamaju Timur.txt'));
  const db = join(tmp.dir, 'chat.db');
  expect(scan(chat, db, '--limit', 'row-evidence=1k').code).toBe(0);
  const rows = rowsOf(db);
  expect(rows.length).toBeGreaterThan(0);
  const original = readFileSync(chat);
  for (const r of rows) {
    const bytes = decoded(r);
    expect(bytes.equals(original.subarray(r.byte_offset, r.byte_offset + r.byte_length))).toBe(true);
    // a message starts at its dated header line
    expect(bytes.toString('utf8')).toMatch(/^\d{2}\/\d{2}\/\d{2} \d{2}\.\d{2} - /);
  }
  expect(verify(db, '--originals', chat).code).toBe(0);
});
