// A real schema-5 store, written by the netral of schema 5 (fixtures/store/schema5.db.gz: the demo
// exports and two row files kept as flagged rows, a subject, three reviews, an export), opened by
// today's code: it migrates without loss (every finding, item, review and flagged row reads back
// as the schema-5 code read it, fixtures/store/schema5.expected.json), verifies, keeps verifying
// after new writes, and `evidence show` says the same in both languages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { recordDecision } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { runCli } from '../cli/run-cli.js';
import { OLD_STORES as FIXTURE, dumpStore as dump, useOldStore } from './old-store.js';

const store5 = useOldStore(5);

describe('a schema-5 store written by the schema-5 netral', () => {
  it('is at schema 5 as found and verifies as it is', async () => {
    const raw = new Database(store5.path(), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(5);
    raw.close();
    const asFound = await verifyStore(store5.path());
    expect(asFound.checks.filter((c) => c.status === 'fail' && c.name !== 'schema')).toEqual([]);
  });

  it('migrates without loss and verifies; new writes keep verifying', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'schema5.expected.json'), 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(20);
    const store = openStore(store5.path());
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    expect(JSON.parse(JSON.stringify(dump(store5.path())))).toEqual(expected);
    const report = await verifyStore(store5.path());
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);

    // a decision made after the migration is chained and verifies with the old rows
    const writer = openStore(store5.path());
    const first = (expected[0] as { row: { finding_id: string } }).row.finding_id;
    recordDecision(writer, { finding: first, decision: 'confirm', reviewer: 'Rina (Bawaslu)' });
    writer.close();
    expect((await verifyStore(store5.path())).ok).toBe(true);
  });

  it('evidence show says the same after the migration, in Indonesian and in English', () => {
    const id = runCli(['evidence', 'show', '1775de86a28b0a467bd9f0608c2f2f09d8b3e1c649e62196782c81370ca93bc9', '--store', store5.path()]);
    expect(id.code).toBe(0);
    expect(id.stdout).toBe(readFileSync(join(FIXTURE, 'schema5.show-id.txt'), 'utf8'));
    const en = runCli(['--lang', 'en', 'evidence', 'show', '29c09a20556c861f70ade5e86b6d0d73e6b2175ba9396eb5c36cac7a8b2fafa2', '--store', store5.path()]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(readFileSync(join(FIXTURE, 'schema5.show-en.txt'), 'utf8'));
  });

  it('tampering with a migrated finding fails verification', async () => {
    openStore(store5.path()).close();
    const raw = new Database(store5.path());
    raw.exec('DROP TRIGGER findings_no_update');
    raw.prepare("UPDATE findings SET confidence = 0.99 WHERE id = '1775de86a28b0a467bd9f0608c2f2f09d8b3e1c649e62196782c81370ca93bc9'").run();
    raw.close();
    const report = await verifyStore(store5.path());
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'rows')!.problems.map((p) => p.code)).toContain('vRowMismatch');
  });
});
