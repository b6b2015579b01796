// The item's author as one label, without the terminal's colours (lists and the export use it:
// they must not load chalk, src/cli/colour.ts).
import type { Item } from '../model/item-types.js';

/** The item's author as one short label: name (@handle), or the id a chat shows for an unknown number. */
export function authorLabel(item: Pick<Item, 'actor'>): string | null {
  const a = item.actor;
  if (!a) return null;
  const handle = a.handle ? `@${a.handle.replace(/^@/, '')}` : undefined;
  if (a.name && handle) return `${a.name} (${handle})`;
  return a.name ?? handle ?? a.id ?? null;
}
