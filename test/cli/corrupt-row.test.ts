// A stored row edited by hand so it no longer reads (a bad severity, broken JSON in a finding's
// spans or an item's extra fields): every command that reads it says so in one line, in the
// user's language, naming the store and the row, with exit 2 and no stack trace.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { tempDir } from '../store/sample.js';
import { REPO, runCli } from './run-cli.js';

let tmp: ReturnType<typeof tempDir>;
let db = '';
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, 'netral.db');
  writeFileSync(db, gunzipSync(readFileSync(join(REPO, 'fixtures/store/schema8.db.gz'))), { mode: 0o600 });
  openStore(db).close();
});
afterEach(() => tmp.cleanup());

/** Edit the third finding (or its item) past the append-only triggers; its id. */
function corrupt(sql: string): string {
  const d = new Database(db);
  try {
    for (const t of ['findings_no_update', 'items_no_update']) d.exec(`DROP TRIGGER IF EXISTS ${t}`);
    d.prepare(sql).run();
    return d.prepare('SELECT id FROM findings WHERE pk = 3').pluck().get() as string;
  } finally {
    d.close();
  }
}

function expectOneLine(args: string[], id: RegExp, en: RegExp): void {
  for (const [lang, wanted] of [['id', id], ['en', en]] as const) {
    const r = runCli(['--lang', lang, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(wanted);
    expect(r.stderr).not.toMatch(/\n\s+at |ZodError|SyntaxError|SqliteError/);
  }
}

describe('a corrupt stored row', () => {
  it('a finding whose severity is no severity: review list, evidence list, evidence show, export', () => {
    const id = corrupt("UPDATE findings SET severity = 'huge' WHERE pk = 3");
    const short = id.slice(0, 16);
    const idMsg = new RegExp(`^netral: .*netral\\.db: baris findings ${short}… di penyimpanan rusak \\(severity tidak terbaca\\) — jalankan \`netral verify\``);
    const enMsg = new RegExp(`^netral: .*netral\\.db: stored findings row ${short}… is corrupt \\(severity cannot be read\\) — run \`netral verify\``);
    expectOneLine(['review', 'list', '--store', db], idMsg, enMsg);
    expectOneLine(['evidence', 'list', '--store', db], idMsg, enMsg);
    expectOneLine(['evidence', 'show', id, '--store', db], idMsg, enMsg);
    expectOneLine(['export', '--store', db, '--out', join(tmp.dir, 'out')], idMsg, enMsg);
  });

  it("broken JSON in a finding's spans", () => {
    corrupt("UPDATE findings SET spans = '[1,2' WHERE pk = 3");
    expectOneLine(['review', 'list', '--store', db], /baris findings \S+ di penyimpanan rusak \(JSON tidak terbaca\)/, /stored findings row \S+ is corrupt \(JSON cannot be read\)/);
  });

  it("broken JSON in an item's extra fields", () => {
    corrupt("UPDATE items SET item_extra = '{bad' WHERE pk = (SELECT i.pk FROM items i JOIN findings f ON f.item_id = i.id WHERE f.pk = 3)");
    // the list's statement meets it (SQLite does not say which row)
    expectOneLine(['evidence', 'list', '--store', db], /sebuah baris items di penyimpanan rusak \(JSON tidak terbaca\)/, /a stored items row is corrupt \(JSON cannot be read\)/);
  });
});
