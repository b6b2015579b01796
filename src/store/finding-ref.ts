// A finding named by a person: its full id, or an unambiguous prefix. Shared by evidence reads and
// review writes, which is why it lives in neither (evidence.ts ↔ review.ts would be a cycle).
import { NetralError } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';
import { byIdPrefix, hexId, prefixArgs } from './ids.js';
import type { Store } from './store.js';

/** Full finding id for an id or an unambiguous prefix (≥ 6 hex characters). */
export function resolveFindingId(store: Store, ref: string): string {
  const prefix = ref.trim().toLowerCase();
  if (!/^[0-9a-f]{6,64}$/.test(prefix)) throw new NetralError(m.findingRefInvalid, { ref });
  // schema 12: an id may be stored as its 32 bytes
  const rows = (store.db.prepare(`SELECT id FROM findings WHERE ${byIdPrefix('id')} LIMIT 2`).pluck().all(...prefixArgs(prefix)) as unknown[]).map(hexId);
  if (rows.length === 0) throw new NetralError(m.findingNotFound, { ref });
  if (rows.length > 1) throw new NetralError(m.findingAmbiguous, { ref });
  return rows[0]!;
}
