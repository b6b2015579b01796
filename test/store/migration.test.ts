import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFindings, searchItems } from '../../src/store/evidence.js';
import { recordDecision } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { buildSample, scanSample, tableCounts, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

describe('migrations', () => {
  it('a store written at schema 1 opens with the current code, keeps its data and verifies', async () => {
    const path = join(tmp.dir, 'netral.db');
    const v1 = openStore(path, { schemaVersion: 1 });
    expect(v1.schemaVersion).toBe(1);
    const sample = buildSample();
    await scanSample(v1, sample);
    expect(v1.db.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(2);
    v1.close();

    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'custody_log'").pluck().get()).toBe(0);
    raw.close();

    const store = openStore(path);
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(tableCounts(store)).toMatchObject({ captures: 3, items: 3, findings: 2, finding_spans: 4, rules: 2, runs: 1 });
    expect([...listFindings(store)].map((f) => [f.finding_id, f.status])).toEqual(
      expect.arrayContaining(sample.findings.map((f) => [f.id, 'open'])),
    );
    // issue-5 features work on the old rows: FTS over items written before the index existed, reviews
    expect(searchItems(store, 'kampanye').map((h) => h.itemId)).toEqual([sample.items[1]!.id]);
    recordDecision(store, { finding: sample.findings[0]!.id, decision: 'confirm', reviewer: 'Rina (Bawaslu Kota Bandung)' });
    const actions = store.db.prepare('SELECT action FROM custody_log ORDER BY seq').pluck().all();
    expect(actions.slice(0, 2)).toEqual(['store.init', 'schema.migrate']);
    store.close();

    const report = await verifyStore(path);
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);
  });

  it('schema 3 keeps what an old scan --subject filed only where the export owner did it', async () => {
    const path = join(tmp.dir, 'netral.db');
    const v2 = openStore(path, { schemaVersion: 2 });
    v2.db.prepare("INSERT INTO subjects (id, name, imported_at, row_sha256) VALUES ('s1', 'Rina Marlina', '2024-12-01T00:00:00Z', 'x')").run();
    const sample = buildSample();
    await scanSample(v2, sample, { subjectId: 's1' });
    // schema-2 code linked every item of the run; a chat message by another member is rewritten as one here
    const chatItem = sample.items[0]!.id;
    v2.db.exec('DROP TRIGGER items_no_update');
    v2.db.prepare("UPDATE items SET platform = 'whatsapp' WHERE id = ?").run(chatItem);
    const link = v2.db.prepare("INSERT INTO subject_links (subject_id, object_type, object_id, method, asserted_by, at) VALUES ('s1', 'item', ?, 'scan --subject', 'x', '2024-12-01T00:00:00Z')");
    for (const item of sample.items) link.run(item.id);
    v2.close();

    const store = openStore(path);
    const filed = store.db.prepare("SELECT item_id FROM item_subject WHERE subject_id = 's1' ORDER BY item_id").pluck().all();
    expect(filed).toEqual(sample.items.map((i) => i.id).filter((id) => id !== chatItem).sort());
    // schema 4 (times), 5, 6, 7, 8, 10, 11 and 12 (evidence sized by what was found) and 9 (derived status and filing) follow schema 3
    const [last12, last11, last10, last9, last8, last7, last6, last5, last, entry] = store.db.prepare('SELECT action, payload FROM custody_log ORDER BY seq DESC LIMIT 10').all() as Array<{ action: string; payload: string }>;
    expect(last12).toEqual({ action: 'schema.migrate', payload: '{"from":11,"to":12}' });
    expect(last11).toEqual({ action: 'schema.migrate', payload: '{"from":10,"to":11}' });
    expect(last10).toEqual({ action: 'schema.migrate', payload: '{"from":9,"to":10}' });
    expect(last9).toEqual({ action: 'schema.migrate', payload: '{"from":8,"to":9}' });
    expect(last8).toEqual({ action: 'schema.migrate', payload: '{"from":7,"to":8}' });
    expect(last7).toEqual({ action: 'schema.migrate', payload: '{"from":6,"to":7}' });
    expect(last6).toEqual({ action: 'schema.migrate', payload: '{"from":5,"to":6}' });
    expect(last5).toEqual({ action: 'schema.migrate', payload: '{"from":4,"to":5}' });
    expect(last).toEqual({ action: 'schema.migrate', payload: '{"from":3,"to":4}' });
    expect(entry!.action).toBe('schema.migrate');
    expect(JSON.parse(entry!.payload)).toMatchObject({ from: 2, to: 3, attributions_root: expect.stringMatching(/^[0-9a-f]{64}$/) });
    store.close();
    // the carried-over attributions are covered by the migration entry's root
    const rows = (await verifyStore(path)).checks.find((c) => c.name === 'rows')!;
    expect(rows.problems.map((p) => p.code)).not.toContain('vAttributionsRoot');
  });

  it('a read-only open upgrades an old store first; verify reads it as found', async () => {
    const path = join(tmp.dir, 'netral.db');
    const v1 = openStore(path, { schemaVersion: 1 });
    await scanSample(v1, buildSample());
    v1.close();
    const asFound = await verifyStore(path);
    expect(asFound.checks.find((c) => c.name === 'schema')!.problems).toEqual([{ code: 'vSchemaVersion', params: { version: 1, expected: SCHEMA_VERSION } }]);
    expect(asFound.checks.find((c) => c.name === 'chain')!.status).toBe('skipped');
    const reader = openStore(path, { readonly: true });
    expect(reader.schemaVersion).toBe(SCHEMA_VERSION);
    expect([...listFindings(reader, { status: ['open'] })]).toHaveLength(2);
    reader.close();
  });

  it('refuses a store from a newer netral', () => {
    const path = join(tmp.dir, 'netral.db');
    openStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this netral/);
  });
});
