// A real schema-11 store, written by the netral of schema 11 (fixtures/store/schema11.db.gz, made
// at 5650d96: `scan fixtures/demo`, `subjects import fixtures/subjects/demo-rina-marlina.csv`,
// `scan <120 generated heavy JSONL rows> fixtures/table/tweets-scraped.jsonl --limit
// row-evidence=100 --region 3273` (flagged rows in flagged_rows), a confirm, a dismiss, a note,
// a confirm then reopen by "tester"; schema11.expected.json is what that code's evidence reads
// returned, schema11.findings.* its export of a copy, schema11.show-*.txt its `evidence show`),
// opened by today's code (schema 12: new items and findings keep their ids as 32 bytes). It
// migrates without rewriting a row, reads back as the schema-11 code read it, exports the same
// findings.jsonl and findings.csv, verifies; rows written after the migration (BLOB ids) and
// before (hex) live side by side: reviews, a finding on an old item, a rescan and verify all
// work across both, and an edited BLOB id fails verify.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateJsonl } from '../../bench/generate-table.js';
import { findingFromStore, itemFromStore, listFindings, showFinding } from '../../src/store/evidence.js';
import { findingsOfItem, recordDecision } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { findingId } from '../../src/model/index.js';
import { runCli } from '../cli/run-cli.js';
import { OLD_STORES as FIXTURE, dumpStore as dump, rawRows, useOldStore } from './old-store.js';

const store11 = useOldStore(11);
const raw = (sql: string): unknown[] => rawRows(store11.path(), sql);
const CONFIRMED = '9b262b052d8e7b846f3068a0168e175f9cb581acdfc8f868457ff86001acccce';
const REOPENED = 'fd86db5d931039820b6e7ac0aefc5e7ac0470be23993684724984a9191639708';
const problems = async (): Promise<string[]> => (await verifyStore(store11.path())).checks.flatMap((c) => c.problems.map((p) => `${c.name} ${p.code}`));

describe('a schema-11 store written by the schema-11 netral', () => {
  it('migrates to schema 12 without rewriting a row, reads back as the schema-11 code read it, and verifies', async () => {
    expect(raw('PRAGMA user_version')).toEqual([{ user_version: 11 }]);
    const tables = ['items', 'findings', 'flagged_rows', 'reviews', 'subjects', 'subject_accounts', 'item_attributions', 'item_filing', 'finding_decision'];
    // the two derived tables have no rowid: ordered by their keys
    const all = (t: string): unknown[] => raw(`SELECT * FROM ${t} ORDER BY ${t === 'item_filing' || t === 'finding_decision' ? '1, 2, 3' : 'pk'}`.replace('1, 2, 3', t === 'item_filing' ? '1, 2, 3, 4' : '1, 2'));
    const before = Object.fromEntries(tables.map((t) => [t, all(t)]));
    const chain = raw('SELECT * FROM custody_log ORDER BY seq');
    openStore(store11.path()).close();
    expect(SCHEMA_VERSION).toBe(12);
    expect(raw('PRAGMA user_version')).toEqual([{ user_version: 12 }]);
    for (const t of tables) expect(all(t)).toEqual(before[t]);
    const after = raw('SELECT * FROM custody_log ORDER BY seq');
    expect(after.slice(0, chain.length)).toEqual(chain);
    expect(after.slice(chain.length)).toEqual([expect.objectContaining({ action: 'schema.migrate', payload: '{"from":11,"to":12}' })]);
    expect(JSON.parse(JSON.stringify(dump(store11.path())))).toEqual(JSON.parse(readFileSync(join(FIXTURE, 'schema11.expected.json'), 'utf8')));
    expect(await problems()).toEqual([]);
  });

  it('exports findings.jsonl and findings.csv byte-identical to the schema-11 code, evidence show says the same, and the bundle verifies', () => {
    const out = join(store11.dir(), 'bundle');
    expect(runCli(['export', '--store', store11.path(), '--out', out, '--profile', 'full', '--as', 'tester', '-q']).code).toBe(0);
    for (const f of ['findings.jsonl', 'findings.csv']) expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(FIXTURE, `schema11.${f}`), 'utf8'));
    expect(runCli(['verify', out]).code).toBe(0);
    const id = runCli(['evidence', 'show', CONFIRMED.slice(0, 10), '--store', store11.path()]);
    expect(id.stdout).toBe(readFileSync(join(FIXTURE, 'schema11.show-id.txt'), 'utf8'));
    const en = runCli(['--lang', 'en', 'evidence', 'show', REOPENED.slice(0, 10), '--store', store11.path()]);
    expect(en.stdout).toBe(readFileSync(join(FIXTURE, 'schema11.show-en.txt'), 'utf8'));
  });

  it('stores new ids as 32 bytes beside the old hex ones; reviews, a finding on an old item, a rescan and verify work across both', async () => {
    const jsonl = join(store11.dir(), 'heavy.jsonl');
    await generateJsonl(jsonl, 60, 'heavy');
    const scan = runCli(['scan', jsonl, '--store', store11.path(), '-q', '-o', '/dev/null', '--format', 'json', '--region', '3273']);
    expect([0, 1]).toContain(scan.code);
    const kinds = raw("SELECT typeof(f.id) AS f, typeof(f.item_id) AS i, count(*) AS n FROM findings f GROUP BY 1, 2 ORDER BY 1") as Array<{ f: string; i: string; n: number }>;
    // new findings are blobs, on new items (blob) or on items the old store already held (hex text,
    // when a rule newer than the store flags an old item); an old finding never points at a new item
    const pairs = kinds.map((k) => `${k.f}/${k.i}`);
    expect(pairs).toEqual(expect.arrayContaining(['blob/blob', 'text/text']));
    expect(pairs.every((p) => ['blob/blob', 'blob/text', 'text/text'].includes(p))).toBe(true);
    expect(raw("SELECT count(*) AS n FROM items WHERE typeof(id) = 'blob'")).toEqual(raw("SELECT count(DISTINCT item_id) AS n FROM findings WHERE typeof(item_id) = 'blob'"));
    // a rescan of the same rows stores nothing again
    const findings = raw('SELECT count(*) AS n FROM findings');
    expect([0, 1]).toContain(runCli(['scan', jsonl, '--store', store11.path(), '-q', '-o', '/dev/null', '--format', 'json', '--region', '3273']).code);
    expect(raw('SELECT count(*) AS n FROM findings')).toEqual(findings);

    const store = openStore(store11.path());
    try {
      const rows = [...listFindings(store, {}, ['finding_id', 'item_id'])];
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.finding_id) && /^[0-9a-f]{64}$/.test(r.item_id))).toBe(true);
      const fresh = (raw("SELECT hex(id) AS id FROM findings WHERE typeof(id) = 'blob' LIMIT 1") as Array<{ id: string }>)[0]!.id.toLowerCase();
      // a review of a new finding and of an old one; each refers to its finding as that row stores the id
      recordDecision(store, { finding: fresh.slice(0, 8), decision: 'confirm', reviewer: 'tester' });
      recordDecision(store, { finding: CONFIRMED, decision: 'dismiss', reason: 'false_positive', reviewer: 'tester' });
      expect(showFinding(store, fresh).overview.status).toBe('confirmed');
      expect(showFinding(store, fresh).reviews.map((r) => r.findingId)).toEqual([fresh]);
      expect(showFinding(store, CONFIRMED).overview.status).toBe('dismissed');
      expect(findingsOfItem(store, findingFromStore(store, fresh).itemId.slice(0, 8))).toContain(fresh);
      // a new finding (another rule version) on an item written before: it refers to the hex id
      const old = findingFromStore(store, REOPENED);
      const run = store.beginRun({ command: 'test', actor: 'tester' });
      const rule = raw(`SELECT rule_id, version, title, prohibition, severity, legal_basis, rule_sha256, rule_yaml FROM rules WHERE rule_id = '${old.ruleId}' AND version = ${old.ruleVersion}`)[0] as Record<string, string | number>;
      run.putRule({ id: old.ruleId, version: old.ruleVersion + 100, title: String(rule.title), prohibition: rule.prohibition as never, severity: rule.severity as never, legalBasis: JSON.parse(String(rule.legal_basis)), sha256: 'ab'.repeat(32), source: String(rule.rule_yaml) } as never);
      const draft = { ...old, ruleVersion: old.ruleVersion + 100 };
      const added = { ...draft, id: findingId(draft) };
      expect(run.putFinding(added)).toBe(true);
      run.finish();
      const row = raw(`SELECT typeof(id) AS id, typeof(item_id) AS item FROM findings WHERE id = X'${added.id}'`);
      expect(row).toEqual([{ id: 'blob', item: 'text' }]);
      expect(showFinding(store, added.id).earlierDecisions.map((d) => d.decision)).toEqual(['confirm', 'reopen']);
      expect(itemFromStore(store, old.itemId).item.id).toBe(old.itemId);
    } finally {
      store.close();
    }
    expect(await problems()).toEqual([]);
    const out = join(store11.dir(), 'bundle');
    expect(runCli(['export', '--store', store11.path(), '--out', out, '--profile', 'full', '--as', 'tester', '-q']).code).toBe(0);
    expect(readFileSync(join(out, 'findings.jsonl'), 'utf8')).not.toMatch(/"type":"Buffer"/);
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('an edit of a BLOB id or of a BLOB reference fails verify', async () => {
    const jsonl = join(store11.dir(), 'heavy.jsonl');
    await generateJsonl(jsonl, 30, 'heavy');
    expect([0, 1]).toContain(runCli(['scan', jsonl, '--store', store11.path(), '-q', '-o', '/dev/null', '--format', 'json', '--region', '3273']).code);
    const db = new Database(store11.path());
    try {
      db.pragma('foreign_keys = OFF');
      db.exec('DROP TRIGGER findings_no_update; DROP TRIGGER items_no_update');
      const [a, b] = db.prepare("SELECT pk FROM items WHERE typeof(id) = 'blob' ORDER BY pk LIMIT 2").pluck().all() as number[];
      // a finding moved to another item, and an item's id changed by one byte
      db.prepare(`UPDATE findings SET item_id = (SELECT id FROM items WHERE pk = ?) WHERE pk = (SELECT max(pk) FROM findings WHERE typeof(id) = 'blob')`).run(b);
      db.prepare("UPDATE items SET id = unhex('00' || substr(hex(id), 3)) WHERE pk = ?").run(a);
    } finally {
      db.close();
    }
    const found = await problems();
    expect(found).toContain('rows vRowMismatch');
    expect(found.filter((p) => p === 'rows vRowMismatch').length).toBeGreaterThanOrEqual(2);
  });
});
