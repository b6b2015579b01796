// Whom an item is filed under: read by scan, evidence and export for every flagged item. Its own
// module, so readers (review list, evidence show) load no subject-import code (csv-parse).
import type Database from 'better-sqlite3';
import { byId, idArgs } from './ids.js';
import type { Store } from './store.js';

export interface FiledUnder {
  id: string;
  name: string;
  /** account: the item's author is one of the subject's accounts; export-owner: their own export's activity */
  attribution: string;
  /** the subject's region code: their times are shown in its zone (WIB/WITA/WIT) */
  regionCode?: string | null;
}

/** The subjects an item is filed under (empty: its author is no known subject). */
export function subjectsOfItem(store: Store, itemId: string): FiledUnder[] {
  if (store.schemaVersion < 2) return [];
  // asked once per flagged item during a scan: the statement is compiled once per connection
  let stmt = subjectsOfItemStmt.get(store.db);
  if (!stmt) {
    // schema 9 keeps the view's rows in item_filing (triggers, checked by verify): one key lookup,
    // where the view's three branches took ~2.5 ms an item (half of `review list --limit 50`)
    const filing = store.schemaVersion >= 9 ? 'item_filing x JOIN subjects s ON s.id = x.subject_id' : 'item_subject x JOIN subjects s ON s.id = x.subject_id';
    const attribution = store.schemaVersion >= 9 ? 'x.attribution' : 'x.method';
    stmt = store.db.prepare(`SELECT s.id, s.name, ${attribution} AS attribution, s.region_code AS regionCode FROM ${filing} WHERE ${byId('x.item_id')} ORDER BY s.name, s.id`);
    subjectsOfItemStmt.set(store.db, stmt);
  }
  return stmt.all(...idArgs(itemId)) as FiledUnder[];
}
const subjectsOfItemStmt = new WeakMap<Store['db'], Database.Statement>();
