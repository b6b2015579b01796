// A real schema-5 store, written by the netral of schema 5 (fixtures/store/schema5.db.gz: the demo
// exports and two row files kept as flagged rows, a subject, three reviews, an export), opened by
// today's code: it migrates without loss (every finding, item, review and flagged row reads back
// as the schema-5 code read it, fixtures/store/schema5.expected.json), verifies, keeps verifying
// after new writes, and `evidence show` says the same in both languages.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingFromStore, itemFromStore, listFindings } from '../../src/store/evidence.js';
import { recordDecision, reviewHistory } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { REPO, runCli } from '../cli/run-cli.js';
import { tempDir } from './sample.js';

const FIXTURE = join(REPO, 'fixtures', 'store');

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  tmp = tempDir();
  path = join(tmp.dir, 'netral.db');
  writeFileSync(path, gunzipSync(readFileSync(join(FIXTURE, 'schema5.db.gz'))), { mode: 0o600 });
});
afterEach(() => tmp.cleanup());

/** What the schema-5 code read from the store (the same shape as schema5.expected.json). */
function dump(storePath: string): unknown {
  const store = openStore(storePath, { readonly: true });
  try {
    return [...listFindings(store)].map((row) => {
      const item = itemFromStore(store, row.item_id);
      return {
        row,
        finding: findingFromStore(store, row.finding_id),
        item,
        reviews: reviewHistory(store, row.finding_id).map(({ id, decision, reason, comment, reviewer }) => ({ id, decision, reason, comment, reviewer })),
        flagged: store.flaggedRow(row.capture_id, item.item.source.pointer)?.sha256 ?? null,
      };
    });
  } finally {
    store.close();
  }
}

describe('a schema-5 store written by the schema-5 netral', () => {
  it('is at schema 5 as found and verifies as it is', async () => {
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(5);
    raw.close();
    const asFound = await verifyStore(path);
    expect(asFound.checks.filter((c) => c.status === 'fail' && c.name !== 'schema')).toEqual([]);
  });

  it('migrates without loss and verifies; new writes keep verifying', async () => {
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'schema5.expected.json'), 'utf8')) as unknown[];
    expect(expected.length).toBeGreaterThan(20);
    const store = openStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    store.close();
    expect(JSON.parse(JSON.stringify(dump(path)))).toEqual(expected);
    const report = await verifyStore(path);
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);

    // a decision made after the migration is chained and verifies with the old rows
    const writer = openStore(path);
    const first = (expected[0] as { row: { finding_id: string } }).row.finding_id;
    recordDecision(writer, { finding: first, decision: 'confirm', reviewer: 'Rina (Bawaslu)' });
    writer.close();
    expect((await verifyStore(path)).ok).toBe(true);
  });

  it('evidence show says the same after the migration, in Indonesian and in English', () => {
    const id = runCli(['evidence', 'show', '1775de86a28b0a467bd9f0608c2f2f09d8b3e1c649e62196782c81370ca93bc9', '--store', path]);
    expect(id.code).toBe(0);
    expect(id.stdout).toBe(readFileSync(join(FIXTURE, 'schema5.show-id.txt'), 'utf8'));
    const en = runCli(['--lang', 'en', 'evidence', 'show', '29c09a20556c861f70ade5e86b6d0d73e6b2175ba9396eb5c36cac7a8b2fafa2', '--store', path]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(readFileSync(join(FIXTURE, 'schema5.show-en.txt'), 'utf8'));
  });

  it('tampering with a migrated finding fails verification', async () => {
    openStore(path).close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER findings_no_update');
    raw.prepare("UPDATE findings SET confidence = 0.99 WHERE id = '1775de86a28b0a467bd9f0608c2f2f09d8b3e1c649e62196782c81370ca93bc9'").run();
    raw.close();
    const report = await verifyStore(path);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'rows')!.problems.map((p) => p.code)).toContain('vRowMismatch');
  });
});
