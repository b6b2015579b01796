// A real schema-7 store, written by the netral of schema 7 (fixtures/store/schema7.db.gz, made at
// 3311dd5 the way schema6.db.gz was: `subjects import fixtures/subjects/demo-rina-marlina.csv`,
// `scan fixtures/demo`, `scan fixtures/table/tweets-scraped.jsonl fixtures/table/postingan-asn-bom-crlf.csv
// --limit row-evidence=100`, a confirm, a dismiss and a note by "tester", `export --profile full`),
// opened by today's code (schema 8: a finding's spans keep offsets into its item's text and
// matcher keys instead of the words and names). It migrates without loss (every finding, item,
// review and flagged row reads back as the schema-7 code read it, fixtures/store/schema7.expected.json),
// verifies, keeps verifying after new schema-8 writes beside the old rows, says the same in
// `evidence show`, and an edit of what a schema-8 finding's hash now reads from elsewhere (the
// item's text, a matcher name) fails verify for that finding.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { findingFromStore } from '../../src/store/evidence.js';
import { recordDecision } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore, type VerifyReport } from '../../src/store/verify.js';
import { REPO, runCli } from '../cli/run-cli.js';
import { OLD_STORES as FIXTURE, dumpStore as dump, rawRows, useOldStore, withoutRawIsUtc } from './old-store.js';

const store7 = useOldStore(7);
const raw = (sql: string): unknown[] => rawRows(store7.path(), sql);
const rowProblems = (report: VerifyReport): string[] => report.checks.find((c) => c.name === 'rows')!.problems.map((p) => `${p.code} ${String(p.params.table ?? '')}`);

/** Scan the demo telegram export into the migrated store; the findings it printed. */
function scanAfterMigration(): Array<{ id: string; spans: Array<{ field: string; index: number; start: number; end: number; text: string; matcher: string }> }> {
  openStore(store7.path()).close();
  const out = join(store7.dir(), 'scan.json');
  const scan = runCli(['scan', join(REPO, 'fixtures/telegram'), join(REPO, 'fixtures/tiktok'), '--store', store7.path(), '-q', '-o', out, '--format', 'json']);
  expect([0, 1]).toContain(scan.code);
  return (JSON.parse(readFileSync(out, 'utf8')) as { findings: Array<{ id: string; spans: Array<{ field: string; index: number; start: number; end: number; text: string; matcher: string }> }> }).findings;
}

describe('a schema-7 store written by the schema-7 netral', () => {
  it('is at schema 7 as found and verifies as it is', async () => {
    expect(raw('PRAGMA user_version')).toEqual([{ user_version: 7 }]);
    const asFound = await verifyStore(store7.path());
    expect(asFound.checks.filter((c) => c.status === 'fail' && c.name !== 'schema')).toEqual([]);
  });

  it('migrates to schema 8 without loss and verifies; old rows are not rewritten', async () => {
    const items = raw('SELECT * FROM items ORDER BY pk');
    const findings = raw('SELECT * FROM findings ORDER BY pk');
    const flagged = raw('SELECT * FROM capture_rows ORDER BY pk');
    const chain = raw('SELECT * FROM custody_log ORDER BY seq');
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'schema7.expected.json'), 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(20);
    const store = openStore(store7.path());
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(12);
    store.close();
    expect(JSON.parse(JSON.stringify(dump(store7.path())))).toEqual(expected);
    // the evidence rows as schema 7 wrote them, byte for byte; the chain only grew by the migration's entry
    expect(withoutRawIsUtc(raw('SELECT * FROM items ORDER BY pk'))).toEqual(items);
    expect(raw('SELECT * FROM findings ORDER BY pk')).toEqual(findings);
    expect(raw('SELECT * FROM capture_rows ORDER BY pk')).toEqual(flagged);
    const after = raw('SELECT * FROM custody_log ORDER BY seq');
    expect(after.slice(0, chain.length)).toEqual(chain);
    expect(after.slice(chain.length)).toEqual([
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":7,"to":8}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":8,"to":9}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":9,"to":10}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":10,"to":11}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":11,"to":12}' }),
    ]);
    expect((await verifyStore(store7.path())).checks.filter((c) => c.status !== 'ok')).toEqual([]);

    // a decision made after the migration is chained and verifies with the old rows
    const writer = openStore(store7.path());
    const first = (expected[3] as { row: { finding_id: string } }).row.finding_id;
    recordDecision(writer, { finding: first, decision: 'confirm', reviewer: 'Rina (Bawaslu)' });
    writer.close();
    expect((await verifyStore(store7.path())).ok).toBe(true);
  });

  it('a scan after the migration writes schema-8 findings beside the old ones: they read back as scanned, verify and export', async () => {
    const oldSpans = raw('SELECT spans FROM findings ORDER BY pk') as Array<{ spans: string }>;
    const printed = scanAfterMigration();
    expect(printed.length).toBeGreaterThan(0);
    const store = openStore(store7.path(), { readonly: true });
    try {
      for (const f of printed) expect(findingFromStore(store, f.id).spans).toEqual(f.spans);
    } finally {
      store.close();
    }
    // the new rows: a flat array of numbers (offsets and matcher keys), far shorter than the old tuples
    // (schema 11: a column of numbers only is their varints, a BLOB)
    const newSpans = (raw('SELECT spans FROM findings ORDER BY pk') as Array<{ spans: string | Buffer }>).slice(oldSpans.length).map((r) => r.spans);
    expect(newSpans.length).toBe(printed.length);
    const keyed = (s: string | Buffer): boolean => Buffer.isBuffer(s) || (JSON.parse(s) as unknown[]).every((e) => typeof e === 'number' || (Array.isArray(e) && typeof e[e.length - 1] === 'number'));
    expect(newSpans.every(keyed)).toBe(true);
    expect(newSpans.some((s) => Buffer.isBuffer(s))).toBe(true);
    // their row hashes as 32 bytes; the old rows keep their hex text
    expect(raw("SELECT count(*) AS n FROM findings WHERE typeof(row_sha256) = 'blob' AND length(row_sha256) = 32")).toEqual([{ n: printed.length }]);
    expect(raw(`SELECT count(*) AS n FROM findings WHERE typeof(row_sha256) = 'text' AND length(row_sha256) = 64`)).toEqual([{ n: oldSpans.length }]);
    const names = raw('SELECT name FROM span_matchers ORDER BY pk') as Array<{ name: string }>;
    expect(new Set(names.map((n) => n.name))).toEqual(new Set(printed.flatMap((f) => f.spans.map((s) => s.matcher))));
    expect((await verifyStore(store7.path())).checks.filter((c) => c.status !== 'ok')).toEqual([]);
    const out = join(store7.dir(), 'bundle');
    expect(runCli(['export', '--store', store7.path(), '--out', out, '--profile', 'full', '--as', 'tester']).code).toBe(0);
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('evidence show says the same after the migration, in Indonesian and in English', () => {
    const id = runCli(['evidence', 'show', '087a82991fce5ebcacb380b014b412faaf484fc2898074fd87a27328e6230acc', '--store', store7.path()]);
    expect(id.code).toBe(0);
    expect(id.stdout).toBe(readFileSync(join(FIXTURE, 'schema7.show-id.txt'), 'utf8'));
    const en = runCli(['--lang', 'en', 'evidence', 'show', '03bea5fdf91add5b9c65d8e13efc8b8954ec41757f2c60c3917ec32603a97f5d', '--store', store7.path()]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(readFileSync(join(FIXTURE, 'schema7.show-en.txt'), 'utf8'));
  });

  it('an edit of what a schema-8 finding reads from elsewhere (its item text, a matcher name) fails verify for the finding; so does an edited old one', async () => {
    const printed = scanAfterMigration();
    const target = printed.find((f) => f.spans.some((s) => s.field === 'text'))!;
    const edit = (sql: string, ...params: unknown[]): Promise<VerifyReport> => {
      const db = new Database(store7.path());
      try {
        for (const t of ['items_no_update', 'span_matchers_no_update', 'findings_no_update']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
      return verifyStore(store7.path());
    };
    // the item's text, same length: the offsets still fit, the words they point at differ
    const text = (raw(`SELECT i.text FROM items i JOIN findings f ON f.item_id = i.id WHERE f.id = unhex('${target.id}')`) as Array<{ text: string }>)[0]!.text;
    const span = target.spans.find((s) => s.field === 'text')!;
    const changed = text.slice(0, span.start) + 'x'.repeat(span.end - span.start) + text.slice(span.end);
    let report = await edit("UPDATE items SET text = ? WHERE id = (SELECT item_id FROM findings WHERE id = unhex(?))", changed, target.id);
    expect(report.ok).toBe(false);
    expect(rowProblems(report)).toEqual(expect.arrayContaining(['vRowMismatch findings', 'vRowMismatch items']));
    // (the dropped triggers stay a schema problem; the rows are whole again)
    expect(rowProblems(await edit("UPDATE items SET text = ? WHERE id = (SELECT item_id FROM findings WHERE id = unhex(?))", text, target.id))).toEqual([]);

    // a matcher name every finding using it hashes
    report = await edit("UPDATE span_matchers SET name = name || '_' WHERE name = ?", span.matcher);
    expect(rowProblems(report)).toContain('vRowMismatch findings');
    expect(rowProblems(report)).not.toContain('vRowMismatch items');
    expect(rowProblems(await edit("UPDATE span_matchers SET name = ? WHERE name = ?", span.matcher, `${span.matcher}_`))).toEqual([]);

    // a finding written by schema 7, edited
    report = await edit("UPDATE findings SET confidence = 0.01 WHERE id = '087a82991fce5ebcacb380b014b412faaf484fc2898074fd87a27328e6230acc'");
    expect(rowProblems(report)).toContain('vRowMismatch findings');
  });
});
