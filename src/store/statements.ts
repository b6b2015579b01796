// Statements prepared once per connection: readers that run once per finding (export, verify,
// evidence list) must not pay SQLite's prepare for every row.
import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The statement for `sql` on this connection, prepared on first use; `pluck` returns the first column. */
export function prepared(db: Database.Database, sql: string, pluck = false): Database.Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  const key = pluck ? `pluck\n${sql}` : sql;
  let stmt = byText.get(key);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (pluck) stmt.pluck();
    byText.set(key, stmt);
  }
  return stmt;
}
