// A real schema-8 store, written by the netral of schema 8 (fixtures/store/schema8.db.gz, made at
// 812906e: `scan fixtures/demo`, then `subjects import fixtures/subjects/demo-rina-marlina.csv`
// (the demo's items were filed at read time), `scan fixtures/demo`, `scan
// fixtures/table/tweets-scraped.jsonl fixtures/table/postingan-asn-bom-crlf.csv --limit
// row-evidence=100`, a confirm, a dismiss, a note, a confirm then reopen by "tester", a second
// subject (Agus, one WhatsApp account) whose scan of the demo chat and Instagram export files three
// items under him as export owner (so three findings are filed under two subjects), `export
// --profile full`), opened by today's code (schema 9: the review status and subject filing the
// overview computed per read are kept in derived tables). It migrates without loss (every
// overview row, finding, item, review and flagged row reads back as the schema-8 code read it,
// in the same order; fixtures/store/schema8.expected.json), exports findings.jsonl and
// findings.csv byte-identical to the schema-8 code's bundle of the same store
// (schema8.findings.*), verifies, keeps the derived tables in step with later writes, and an edit
// of a derived table fails verify.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateJsonl } from '../../bench/generate-table.js';
import { itemFromStore, listFindings } from '../../src/store/evidence.js';
import { recordDecision } from '../../src/store/review.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore, type VerifyReport } from '../../src/store/verify.js';
import { REPO, runCli } from '../cli/run-cli.js';
import { OLD_STORES as FIXTURE, dumpStore as dump, rawRows, useOldStore, withoutRawIsUtc } from './old-store.js';

const store8 = useOldStore(8);
const raw = (sql: string): unknown[] => rawRows(store8.path(), sql);
const schemaProblems = (report: VerifyReport): string[] => report.checks.find((c) => c.name === 'schema')!.problems.map((p) => `${p.code} ${JSON.stringify(p.params)}`);
const TWICE = '2aefa28e9405ea3abae81649493c2b5729fe6702dce002f486f492f6e22eff29';
const RINA = 'd6feb6d9095b1428418bbadcb927a64084560f778865e539f90a9ed09bb5410e';
const AGUS = '61621ace653f5fae86bff2a758a5b85023719f9a1a660baeb88cee9f7cdf83a4';

function overviewOf(id: string): Array<{ status: string; subject_id: string | null; attribution: string | null }> {
  const store = openStore(store8.path(), { readonly: true });
  try {
    return (store.db.prepare('SELECT status, subject_id, attribution FROM findings_overview WHERE finding_id = ?').all(id) as Array<{ status: string; subject_id: string | null; attribution: string | null }>);
  } finally {
    store.close();
  }
}

describe('a schema-8 store written by the schema-8 netral', () => {
  it('is at schema 8 as found and verifies as it is', async () => {
    expect(raw('PRAGMA user_version')).toEqual([{ user_version: 8 }]);
    const asFound = await verifyStore(store8.path());
    expect(asFound.checks.filter((c) => c.status === 'fail' && c.name !== 'schema')).toEqual([]);
  });

  it('migrates to schema 9 without loss, in the same order, and verifies; evidence rows are not rewritten', async () => {
    const tables = ['items', 'findings', 'capture_rows', 'reviews', 'subjects', 'subject_accounts', 'item_attributions'];
    const before = Object.fromEntries(tables.map((t) => [t, raw(`SELECT * FROM ${t} ORDER BY pk`)]));
    const chain = raw('SELECT * FROM custody_log ORDER BY seq');
    const expected = JSON.parse(readFileSync(join(FIXTURE, 'schema8.expected.json'), 'utf8')) as Array<{ row: { finding_id: string; subject_id: string | null } }>;
    // the fixture holds what the derived tables must carry: decisions and findings filed under two subjects
    expect(expected.filter((e) => e.row.finding_id === TWICE).map((e) => e.row.subject_id)).toEqual([RINA, AGUS]);
    const store = openStore(store8.path());
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(12);
    store.close();
    expect(JSON.parse(JSON.stringify(dump(store8.path())))).toEqual(expected);
    for (const t of tables) expect(withoutRawIsUtc(raw(`SELECT * FROM ${t} ORDER BY pk`))).toEqual(before[t]);
    const after = raw('SELECT * FROM custody_log ORDER BY seq');
    expect(after.slice(0, chain.length)).toEqual(chain);
    expect(after.slice(chain.length)).toEqual([
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":8,"to":9}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":9,"to":10}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":10,"to":11}' }),
      expect.objectContaining({ action: 'schema.migrate', payload: '{"from":11,"to":12}' }),
    ]);
    expect(raw('SELECT count(*) AS n FROM finding_decision')).toEqual([{ n: 3 }]);
    expect(raw(`SELECT count(*) AS n FROM item_filing WHERE attribution = 'export-owner'`)).toEqual([{ n: 3 }]);
    expect((await verifyStore(store8.path())).checks.filter((c) => c.status !== 'ok')).toEqual([]);
  });

  it('exports findings.jsonl and findings.csv byte-identical to the schema-8 code, and the bundle verifies', () => {
    const out = join(store8.dir(), 'bundle');
    expect(runCli(['export', '--store', store8.path(), '--out', out, '--profile', 'full', '--as', 'tester', '-q']).code).toBe(0);
    for (const f of ['findings.jsonl', 'findings.csv']) expect(readFileSync(join(out, f)).equals(readFileSync(join(FIXTURE, `schema8.${f}`)))).toBe(true);
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('evidence show says the same after the migration, in Indonesian and in English', () => {
    const id = runCli(['evidence', 'show', TWICE, '--store', store8.path()]);
    expect(id.code).toBe(0);
    expect(id.stdout).toBe(readFileSync(join(FIXTURE, 'schema8.show-id.txt'), 'utf8'));
    const en = runCli(['--lang', 'en', 'evidence', 'show', 'e2f84f5c32ad02fa40435c9d9f9390e19ddf408a75ab652671e09f941bd792c4', '--store', store8.path()]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(readFileSync(join(FIXTURE, 'schema8.show-en.txt'), 'utf8'));
  });

  it('keeps status and filing in step with later reviews, accounts and scans; verify agrees', async () => {
    openStore(store8.path()).close();
    // a dismiss, then a note (a note decides nothing), then a reopen
    const writer = openStore(store8.path());
    recordDecision(writer, { finding: TWICE, decision: 'dismiss', reason: 'false_positive', reviewer: 'Rina (Bawaslu)' });
    writer.close();
    expect(overviewOf(TWICE).map((r) => r.status)).toEqual(['dismissed', 'dismissed']);
    const again = openStore(store8.path());
    recordDecision(again, { finding: TWICE, decision: 'note', comment: 'cek', reviewer: 'Rina (Bawaslu)' });
    expect(overviewOf(TWICE).map((r) => r.status)).toEqual(['dismissed', 'dismissed']);
    recordDecision(again, { finding: TWICE, decision: 'reopen', reviewer: 'Rina (Bawaslu)' });
    again.close();
    expect(overviewOf(TWICE).map((r) => r.status)).toEqual(['open', 'open']);

    // a subject whose account is the author of an item nobody was filed under yet
    const yanto = (raw(`SELECT f.id FROM findings f JOIN items i ON i.id = f.item_id WHERE i.actor_name_norm = 'yanto prasetyo'`) as Array<{ id: string }>)[0]!.id;
    expect(overviewOf(yanto)).toEqual([{ status: 'open', subject_id: null, attribution: null }]);
    const csv = join(store8.dir(), 'yanto.csv');
    writeFileSync(csv, 'nama,nip,instansi,jabatan,kode_wilayah,wilayah,akun\nYanto Prasetyo,199001012015011001,Dinas Pendidikan,Guru,3299,Kabupaten Sukamaju (fiktif),whatsapp:Yanto Prasetyo\n');
    expect(runCli(['subjects', 'import', csv, '--store', store8.path(), '-q']).code).toBe(0);
    expect(overviewOf(yanto)).toEqual([{ status: 'open', subject_id: expect.stringMatching(/^[0-9a-f]{64}$/), attribution: 'account' }]);

    // new items scanned after the migration are filed as they are written
    const scan = runCli(['scan', join(REPO, 'fixtures/demo/twitter-2024-12-01-5c0f7e3a9b1d.zip'), join(REPO, 'fixtures/telegram'), '--store', store8.path(), '-q', '-o', join(store8.dir(), 'scan.json'), '--format', 'json']);
    expect([0, 1]).toContain(scan.code);
    // every derived row equals what the schema-8 view computes from the evidence rows
    const store = openStore(store8.path(), { readonly: true });
    try {
      const rows = [...listFindings(store, {}, ['finding_id', 'status', 'subject_id', 'attribution'])];
      expect(rows.length).toBeGreaterThan(expected8Rows());
    } finally {
      store.close();
    }
    expect((await verifyStore(store8.path())).checks.filter((c) => c.status !== 'ok')).toEqual([]);
  });

  it('schema 11: new flagged rows go to flagged_rows by key, the old ones stay in capture_rows and are not stored again; all verify, --originals proves both', async () => {
    const oldRows = raw('SELECT * FROM capture_rows ORDER BY pk');
    expect(oldRows.length).toBe(2);
    const jsonl = join(store8.dir(), 'heavy.jsonl');
    await generateJsonl(jsonl, 200, 'heavy');
    const table = join(REPO, 'fixtures/table/tweets-scraped.jsonl');
    // the fixture's row file again (its rows are in capture_rows), and a new one
    const scan = runCli(['scan', table, jsonl, '--limit', 'row-evidence=100', '--store', store8.path(), '-q', '-o', '/dev/null', '--format', 'json', '--region', '3273']);
    expect([0, 1]).toContain(scan.code);
    expect(raw('SELECT * FROM capture_rows ORDER BY pk')).toEqual(oldRows);
    const keyed = raw('SELECT c.origin, count(*) AS n FROM flagged_rows r JOIN captures c ON c.pk = r.capture_pk GROUP BY c.origin') as Array<{ origin: string; n: number }>;
    expect(keyed).toEqual([{ origin: jsonl, n: expect.any(Number) }]);
    expect(keyed[0]!.n).toBeGreaterThan(20);
    expect((await verifyStore(store8.path())).checks.filter((c) => c.status !== 'ok')).toEqual([]);
    const proven = runCli(['verify', '--store', store8.path(), '--originals', table, '--originals', jsonl, '--lang', 'en']);
    expect(proven.code).toBe(0);
    expect(proven.stdout).toMatch(new RegExp(`ok +originals \\(${keyed[0]!.n + 1} checked\\)`));
    // a new finding shows its flagged row as an old one does
    const item = (raw(`SELECT lower(hex(f.id)) AS id, lower(hex(i.id)) AS item_id, i.capture_id, i.pointer, i.raw_from_row FROM findings f JOIN items i ON i.id = f.item_id JOIN captures c ON c.id = i.capture_id WHERE c.origin = '${jsonl}' LIMIT 1`) as Array<{ id: string; item_id: string; capture_id: string; pointer: string; raw_from_row: number }>)[0]!;
    expect(runCli(['--lang', 'en', 'evidence', 'show', item.id, '--store', store8.path()]).code).toBe(0);
    const store = openStore(store8.path(), { readonly: true });
    try {
      const row = store.flaggedRow(item.capture_id, item.pointer)!;
      expect(row.sha256).toBe(createHash('sha256').update(row.bytes).digest('hex'));
      // the item's raw JSON is that row (raw_from_row), read back from flagged_rows
      expect(item.raw_from_row).toBe(1);
      expect(itemFromStore(store, item.item_id).raw).toEqual(JSON.parse(row.bytes.toString('utf8')));
    } finally {
      store.close();
    }
  });

  it('an edit of a derived table fails verify', async () => {
    openStore(store8.path()).close();
    const edit = (sql: string): Promise<VerifyReport> => {
      const db = new Database(store8.path());
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
      return verifyStore(store8.path());
    };
    // the reopened finding shown as confirmed again (its earlier confirm's pk)
    const confirm = (raw(`SELECT pk FROM reviews WHERE decision = 'confirm' AND finding_id = (SELECT finding_id FROM reviews WHERE decision = 'reopen')`) as Array<{ pk: number }>)[0]!.pk;
    let report = await edit(`UPDATE finding_decision SET review_pk = ${confirm} WHERE finding_id = (SELECT finding_id FROM reviews WHERE decision = 'reopen')`);
    expect(report.ok).toBe(false);
    expect(schemaProblems(report)).toEqual(['vDerivedStale {"table":"finding_decision"}']);
    report = await edit(`DELETE FROM finding_decision; DELETE FROM item_filing WHERE subject_id = '${AGUS}'`);
    expect(schemaProblems(report)).toEqual(['vDerivedStale {"table":"finding_decision"}', 'vDerivedStale {"table":"item_filing"}']);
  });
});

/** Overview rows the fixture had. */
function expected8Rows(): number {
  return (JSON.parse(readFileSync(join(FIXTURE, 'schema8.expected.json'), 'utf8')) as unknown[]).length;
}
