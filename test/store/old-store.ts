// Shared by the migration tests: a real store written by an older netral (fixtures/store/
// schema<N>.db.gz), unpacked into a temp dir per test, and what that older code read from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { findingFromStore, itemFromStore, listFindings } from '../../src/store/evidence.js';
import { reviewHistory } from '../../src/store/review.js';
import { openStore } from '../../src/store/store.js';
import { REPO } from '../cli/run-cli.js';
import { tempDir } from './sample.js';

export const OLD_STORES = join(REPO, 'fixtures', 'store');

/** A fresh copy of `schema<version>.db.gz` for every test; `path()` is the current copy. */
export function useOldStore(version: number): { path: () => string; dir: () => string } {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let path = '';
  beforeEach(() => {
    tmp = tempDir();
    path = join(tmp.dir, 'netral.db');
    writeFileSync(path, gunzipSync(readFileSync(join(OLD_STORES, `schema${version}.db.gz`))), { mode: 0o600 });
  });
  afterEach(() => tmp?.cleanup());
  return { path: () => path, dir: () => tmp!.dir };
}

/** What the store's code reads from it (the shape of schema<N>.expected.json). */
export function dumpStore(storePath: string): unknown {
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

/** Rows of one SQL query on the file itself, read-only, past every netral API. */
export function rawRows(storePath: string, sql: string): unknown[] {
  const db = new Database(storePath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/**
 * Items rows read after a migration to schema 10, without its added `raw_is_utc` column: an old
 * row has it NULL (ALTER TABLE ADD COLUMN rewrites no row), and is otherwise as it was.
 */
export function withoutRawIsUtc(rows: unknown[]): unknown[] {
  return rows.map((r) => {
    const { raw_is_utc: flag, ...rest } = r as Record<string, unknown>;
    if (flag !== undefined && flag !== null) throw new Error(`an old row has raw_is_utc = ${String(flag)}`);
    return rest;
  });
}
