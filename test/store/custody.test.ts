import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, entryHash, type CustodyRow } from '../../src/store/custody.js';
import { findingRowSha256FromColumn, spanContext } from '../../src/store/rowhash.js';
import { EXPECTED_TRIGGERS, findingRowsSql, SCHEMA_VERSION, SPAN_ITEM_TEXT } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore, type VerifyReport } from '../../src/store/verify.js';
import { buildSample, scanSample, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(async () => {
  tmp = tempDir();
  path = join(tmp.dir, 'netral.db');
  const store = openStore(path);
  await scanSample(store, buildSample());
  store.close();
});
afterEach(() => tmp.cleanup());

/** A second SQLite connection, as any SQLite tool would open the file. */
function tamper(fn: (db: Database.Database) => void, dropTriggers = true): void {
  const db = new Database(path);
  if (dropTriggers) for (const name of Object.keys(EXPECTED_TRIGGERS)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
  fn(db);
  db.close();
}

function problems(report: VerifyReport, check: string): string[] {
  return report.checks.find((c) => c.name === check)!.problems.map((p) => `${p.code} ${JSON.stringify(p.params)}`);
}

describe('custody chain', () => {
  it('starts at the genesis hash and links every entry to the previous one', () => {
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT * FROM custody_log ORDER BY seq').all() as CustodyRow[];
    db.close();
    expect(rows[0]).toMatchObject({ seq: 1, action: 'store.init', prev_hash: GENESIS_HASH });
    // schema 7: findings have no entry each; run.finish carries their Merkle root
    expect(rows.map((r) => r.action)).toEqual(['store.init', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'schema.migrate', 'run.start', 'capture.add', 'capture.add', 'capture.add', 'run.finish']);
    expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({ findings_root: expect.stringMatching(/^[0-9a-f]{64}$/) });
    rows.forEach((r, i) => {
      expect(entryHash(r)).toBe(r.entry_hash);
      if (i > 0) expect(r.prev_hash).toBe(rows[i - 1]!.entry_hash);
    });
  });

  it('verify passes on an untouched store', async () => {
    const report = await verifyStore(path);
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['integrity', 'ok'], ['schema', 'ok'], ['chain', 'ok'], ['blobs', 'ok'], ['orphans', 'ok'], ['rows', 'ok'], ['anchors', 'ok'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('blocks UPDATE and DELETE of entries while the triggers are in place', () => {
    const db = new Database(path);
    expect(() => db.prepare("UPDATE custody_log SET actor = 'orang lain' WHERE seq = 4").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM custody_log WHERE seq = 9').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE findings SET severity = 'low'").run()).toThrow(/append-only/);
    db.close();
  });

  it('blocks INSERT OR REPLACE over an existing entry or evidence row', () => {
    const db = new Database(path);
    const e = db.prepare('SELECT * FROM custody_log WHERE seq = 4').get() as CustodyRow;
    expect(() =>
      db.prepare('INSERT OR REPLACE INTO custody_log (seq, at, actor, action, payload, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(4, e.at, 'x', 'capture.add', '{}', 'a'.repeat(64), 'b'.repeat(64)),
    ).toThrow(/appended/);
    const f = db.prepare('SELECT id, severity, row_sha256 FROM findings LIMIT 1').get() as { id: string; severity: string; row_sha256: string };
    db.prepare(
      `INSERT OR REPLACE INTO findings (id, item_id, rule_id, rule_version, prohibition, severity, confidence, track, candidates, title_id, title_en, explanation_id, explanation_en, legal_basis, lowered, first_run_id, created_at, row_sha256)
       SELECT id, item_id, rule_id, rule_version, prohibition, 'low', 0.1, track, candidates, title_id, title_en, explanation_id, explanation_en, legal_basis, lowered, first_run_id, created_at, row_sha256 FROM findings WHERE id = ?`,
    ).run(f.id);
    expect(db.prepare('SELECT severity, row_sha256 FROM findings WHERE id = ?').get(f.id)).toEqual({ severity: f.severity, row_sha256: f.row_sha256 });
    db.close();
  });

  it('catches an edited entry even after the triggers were dropped', async () => {
    tamper((db) => db.prepare("UPDATE custody_log SET actor = 'orang lain' WHERE seq = 14").run());
    const report = await verifyStore(path);
    expect(report.ok).toBe(false);
    expect(problems(report, 'chain')).toEqual(['vChainHash {"seq":14,"action":"capture.add"}', 'vChainUnverifiable {"from":15,"to":17}']);
    expect(problems(report, 'schema')).toContain('vTriggerMissing {"name":"custody_log_no_update"}');
  });

  it('catches a deleted entry', async () => {
    tamper((db) => db.prepare('DELETE FROM custody_log WHERE seq = 5').run());
    expect(problems(await verifyStore(path), 'chain')[0]).toBe('vChainGap {"seq":6,"expected":5}');
  });

  it('catches an entry inserted in the middle, even with renumbered seqs and a valid own hash', async () => {
    tamper((db) => {
      // shift entries 5.. up by one and forge a new #5 that links correctly to #4
      db.exec('UPDATE custody_log SET seq = seq + 1000 WHERE seq >= 5; UPDATE custody_log SET seq = seq - 999 WHERE seq >= 1000');
      const prev = db.prepare('SELECT entry_hash FROM custody_log WHERE seq = 4').pluck().get() as string;
      const forged = { seq: 5, at: '2024-01-20T03:16:00.000Z', actor: 'penyusup', action: 'review.add', object_type: null, object_id: null, object_sha256: null, run_id: null, payload: '{}', prev_hash: prev };
      db.prepare('UPDATE custody_log SET prev_hash = ? WHERE seq = 6').run('f'.repeat(64)); // free the UNIQUE(prev_hash) slot
      db.prepare('INSERT INTO custody_log VALUES (@seq, @at, @actor, @action, @object_type, @object_id, @object_sha256, @run_id, @payload, @prev_hash, @entry_hash)').run({ ...forged, entry_hash: entryHash(forged) });
    });
    expect(problems(await verifyStore(path), 'chain')[0]).toBe('vChainPrev {"seq":6}');
  });

  it('catches a deleted finding through its run\'s findings root', async () => {
    tamper((db) => db.prepare('DELETE FROM findings WHERE pk = (SELECT max(pk) FROM findings)').run());
    expect(problems(await verifyStore(path), 'rows')).toEqual([expect.stringMatching(/^vFindingsRoot /)]);
  });

  it('catches a finding added under an existing run with a valid row hash', async () => {
    tamper((db) => {
      // schema 8: the item's text beside the row gives the spans' words (not a column of the row)
      const { [SPAN_ITEM_TEXT]: itemText, ...f } = db.prepare(`${findingRowsSql(SCHEMA_VERSION)} ORDER BY f.pk LIMIT 1`).get() as Record<string, unknown>;
      const forged = { ...f, pk: null, id: 'e'.repeat(64), confidence: 0.99 };
      const row = { ...forged, row_sha256: findingRowSha256FromColumn(forged, f.spans as string | Buffer, spanContext(db, itemText as string)), texts: null };
      const cols = Object.keys(row).filter((k) => k !== 'pk');
      db.prepare(`INSERT INTO findings (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(Object.fromEntries(cols.map((c) => [c, (row as Record<string, unknown>)[c]])));
    });
    expect(problems(await verifyStore(path), 'rows')).toEqual([expect.stringMatching(/^vFindingsRoot /)]);
  });

  it('UNIQUE(prev_hash) stops a second entry after the same head (no fork)', () => {
    const db = new Database(path);
    const head = db.prepare('SELECT seq, entry_hash FROM custody_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; entry_hash: string };
    const prevOfHead = db.prepare('SELECT prev_hash FROM custody_log WHERE seq = ?').pluck().get(head.seq) as string;
    expect(() =>
      db.prepare("INSERT INTO custody_log (seq, at, actor, action, payload, prev_hash, entry_hash) VALUES (?, 'now', 'x', 'run.start', '{}', ?, ?)").run(head.seq + 1, prevOfHead, 'c'.repeat(64)),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
