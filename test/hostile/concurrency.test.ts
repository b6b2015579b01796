// Several analysts on one store at once (case 7): four scans in four real processes, plus an
// export while they run. Every finding is stored exactly once, the export is in the custody log,
// and verify passes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliAsync } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'netral-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEMO = 'fixtures/demo';
const inputs = readdirSync(DEMO).filter((f) => f.endsWith('.zip')).map((f) => join(DEMO, f));

function findingIds(store: string): string[] {
  const db = new Database(store, { readonly: true });
  try {
    // schema 12: a new id is stored as its 32 bytes; compared as hex
    return (db.prepare('SELECT lower(hex(id)) FROM findings ORDER BY id').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

let reference: string[] | undefined;
/** What one process scanning every input stores: the expected set of finding ids. */
function referenceIds(): string[] {
  if (!reference) {
    const store = join(dir, 'reference.db');
    expect(runCli(['scan', ...inputs, '--store', store, '--region', '3299', '-q']).code).toBe(0);
    reference = findingIds(store);
  }
  return reference;
}

describe('concurrent analysts on one store', () => {
  it('4 scans at once into one store: all succeed, every finding exactly once, an export during them is recorded, verify passes', async () => {
    expect(inputs).toHaveLength(4);
    const expected = referenceIds();
    expect(expected.length).toBeGreaterThan(10);

    const shared = join(dir, 'shared.db');
    // seed the store so the export has something to bundle, then race four scans and an export
    expect(runCli(['scan', inputs[0] as string, '--store', shared, '--region', '3299', '-q']).code).toBe(0);
    const runs = inputs.map((input) => runCliAsync(['scan', input, '--store', shared, '--region', '3299', '-q', '--format', 'json']));
    const exported = runCliAsync(['export', '--store', shared, '--out', join(dir, 'during.zip')]);
    const results = await Promise.all([...runs, exported]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);

    const stored = findingIds(shared);
    expect(stored).toEqual(expected);
    expect(new Set(stored).size).toBe(stored.length);

    const db = new Database(shared, { readonly: true });
    const exports = db.prepare("SELECT count(*) FROM custody_log WHERE action = 'export.create'").pluck().get();
    const runsFinished = db.prepare("SELECT count(*) FROM runs WHERE status = 'finished'").pluck().get();
    db.close();
    expect(exports).toBe(1);
    expect(runsFinished).toBe(5);

    const v = runCli(['verify', '--store', shared]);
    expect(v.code, v.stdout).toBe(0);
  }, 300_000);

  it('4 scans creating the same store at once migrate it once and lose nothing', async () => {
    const fresh = join(dir, 'fresh.db');
    const results = await Promise.all(inputs.map((input) => runCliAsync(['scan', input, '--store', fresh, '--region', '3299', '-q'])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expect(findingIds(fresh)).toEqual(referenceIds());
    const db = new Database(fresh, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM custody_log WHERE action = 'store.init'").pluck().get()).toBe(1);
    db.close();
    expect(runCli(['verify', '--store', fresh]).code).toBe(0);
  }, 300_000);
});
