// A real schema-6 store, written by the netral of schema 6 (fixtures/store/schema6.db.gz, made at
// d977f80 the way schema5.db.gz was: `subjects import fixtures/subjects/demo-rina-marlina.csv`,
// `scan fixtures/demo`, `scan fixtures/table/tweets-scraped.jsonl fixtures/table/postingan-asn-bom-crlf.csv
// --limit row-evidence=100`, a confirm, a dismiss and a note by "tester", `export --profile full`),
// opened by today's code (schema 7: items keep only what their columns do not, findings roll up
// into their run's findings_root instead of an entry each). It migrates without loss (every
// finding, item, review and flagged row reads back as the schema-6 code read it,
// fixtures/store/schema6.expected.json), verifies, keeps verifying after new schema-7 writes
// beside the old rows, and `evidence show` says the same in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { REPO, runCli } from '../cli/run-cli.js';
import { OLD_STORES as FIXTURE, dumpStore as dump, rawRows, useOldStore } from './old-store.js';

const store6 = useOldStore(6);
const raw = (sql: string): unknown[] => rawRows(store6.path(), sql);

describe('a schema-6 store written by the schema-6 netral', () => {
  it('is at schema 6 as found and verifies as it is', async () => {
    expect(raw('PRAGMA user_version')).toEqual([{ user_version: 6 }]);
    const asFound = await verifyStore(store6.path());
    expect(asFound.checks.filter((c) => c.status === 'fail' && c.name !== 'schema')).toEqual([]);
  });

  it('migrates to schema 7 without loss and verifies; old rows are not rewritten', async () => {
    const before = raw('SELECT id, item_json, raw_json, row_sha256 FROM items ORDER BY pk');
    const findingsBefore = raw('SELECT id, spans, row_sha256 FROM findings ORDER BY pk');
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'schema6.expected.json'), 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(20);
    const store = openStore(store6.path());
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    expect(JSON.parse(JSON.stringify(dump(store6.path())))).toEqual(expected);
    // the rows as written by schema 6, byte for byte; their custody entries stay
    expect(raw('SELECT id, item_json, raw_json, row_sha256 FROM items ORDER BY pk')).toEqual(before);
    expect(raw('SELECT id, spans, row_sha256 FROM findings ORDER BY pk')).toEqual(findingsBefore);
    expect(raw("SELECT count(*) AS n FROM custody_log WHERE action = 'finding.add'")).toEqual([{ n: findingsBefore.length }]);
    expect(raw("SELECT payload FROM custody_log WHERE action = 'schema.migrate' ORDER BY seq DESC LIMIT 6")).toEqual([{ payload: '{"from":11,"to":12}' }, { payload: '{"from":10,"to":11}' }, { payload: '{"from":9,"to":10}' }, { payload: '{"from":8,"to":9}' }, { payload: '{"from":7,"to":8}' }, { payload: '{"from":6,"to":7}' }]);
    const report = await verifyStore(store6.path());
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);

    // a decision made after the migration is chained and verifies with the old rows
    const writer = openStore(store6.path());
    const first = (expected[0] as { row: { finding_id: string } }).row.finding_id;
    recordDecision(writer, { finding: first, decision: 'confirm', reviewer: 'Rina (Bawaslu)' });
    writer.close();
    expect((await verifyStore(store6.path())).ok).toBe(true);
  });

  it('a scan after the migration writes schema-7 rows beside the old ones, and all of it verifies and exports', { timeout: 60_000 }, async () => {
    openStore(store6.path()).close();
    const scan = runCli(['scan', 'fixtures/table/tweets-scraped.jsonl', '--limit', 'row-evidence=100', '--store', store6.path(), '-q', '-o', '/dev/null', '--format', 'json', '--region', '3273']);
    expect([0, 1]).toContain(scan.code);
    // new exports: schema-7 findings (no entry each, their run's findings_root) beside the old ones;
    // the row file again with --keep-originals: its whole bytes join the same store
    const scan2 = runCli(['scan', join(REPO, 'fixtures/telegram'), join(REPO, 'fixtures/tiktok'), join(REPO, 'fixtures/table/postingan-asn-bom-crlf.csv'), '--store', store6.path(), '-q', '-o', '/dev/null', '--format', 'json', '--keep-originals']);
    expect([0, 1]).toContain(scan2.code);
    const finish = raw("SELECT payload FROM custody_log WHERE action = 'run.finish' ORDER BY seq DESC LIMIT 1") as Array<{ payload: string }>;
    expect(JSON.parse(finish[0]!.payload)).toHaveProperty('findings_root');
    const unchained = raw("SELECT count(*) AS n FROM findings f WHERE NOT EXISTS (SELECT 1 FROM custody_log c WHERE c.object_type = 'finding' AND c.object_id = f.id)") as Array<{ n: number }>;
    expect(unchained[0]!.n).toBeGreaterThan(0);
    expect((raw("SELECT count(*) AS n FROM items WHERE item_extra IS NOT NULL AND item_json = ''") as Array<{ n: number }>)[0]!.n).toBeGreaterThan(0);
    expect((await verifyStore(store6.path())).checks.filter((c) => c.status !== 'ok')).toEqual([]);
    const out = join(store6.dir(), 'bundle');
    expect(runCli(['export', '--store', store6.path(), '--out', out, '--profile', 'full', '--as', 'tester']).code).toBe(0);
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('evidence show says the same after the migration, in Indonesian and in English', () => {
    const id = runCli(['evidence', 'show', '532e140d8ee38ac479977c123ec6e668bd72ec881d01b64c77058456ef5daf67', '--store', store6.path()]);
    expect(id.code).toBe(0);
    expect(id.stdout).toBe(readFileSync(join(FIXTURE, 'schema6.show-id.txt'), 'utf8'));
    const en = runCli(['--lang', 'en', 'evidence', 'show', '29c09a20556c861f70ade5e86b6d0d73e6b2175ba9396eb5c36cac7a8b2fafa2', '--store', store6.path()]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(readFileSync(join(FIXTURE, 'schema6.show-en.txt'), 'utf8'));
  });

  it('tampering with a migrated finding or a finding written after the migration fails verification', async () => {
    openStore(store6.path()).close();
    runCli(['scan', join(REPO, 'fixtures/telegram'), '--store', store6.path(), '-q', '-o', '/dev/null', '--format', 'json']);
    const db = new Database(store6.path());
    db.exec('DROP TRIGGER findings_no_update');
    db.prepare("UPDATE findings SET confidence = 0.99 WHERE id = '532e140d8ee38ac479977c123ec6e668bd72ec881d01b64c77058456ef5daf67'").run();
    // a schema-7 finding edited with its row hash rewritten: its run's findings root disagrees
    const { findingRowSha256FromColumn } = await import('../../src/store/rowhash.js');
    const { FINDING_ROWS_SQL } = await import('../../src/store/schema.js');
    const f = db.prepare(`${FINDING_ROWS_SQL} ORDER BY f.pk DESC LIMIT 1`).get() as Record<string, unknown>;
    db.prepare('UPDATE findings SET severity = ?, row_sha256 = ? WHERE id = ?').run('low', findingRowSha256FromColumn({ ...f, severity: 'low' }, String(f.spans)), f.id);
    db.close();
    const report = await verifyStore(store6.path());
    expect(report.ok).toBe(false);
    const codes = report.checks.find((c) => c.name === 'rows')!.problems.map((p) => p.code);
    expect(codes).toContain('vRowMismatch');
    expect(codes).toContain('vFindingsRoot');
  });
});
