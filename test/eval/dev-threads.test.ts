// The development chat threads (fixtures/eval/dev-threads/): every label ties to an item the real
// adapters read, and every reply labelled in context names an earlier message of its chat that
// the chat context actually gives it (the explicit reply, or one of the ≤ 3 messages of the last
// 30 minutes), labelled partisan with the same pair when the reply is partisan.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { blindProblems, loadBlindSet, parseBlindLabels, type BlindSet } from '../../src/eval/blind.js';
import { readTextFile } from '../../src/eval/labels.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import type { Item } from '../../src/model/item.js';

const DIR = fileURLToPath(new URL('../../fixtures/eval/dev-threads/', import.meta.url));

/** The `context` reference of an item: `id:<n>` for a Telegram message, `line:<n>` for a chat text line. */
function refOf(item: Item): string | undefined {
  if (item.thread?.messageId) return `id:${item.thread.messageId}`;
  return item.source.pointer.startsWith('line:') ? item.source.pointer : undefined;
}

describe('fixtures/eval/dev-threads', () => {
  let set: BlindSet;
  let contextOf: Map<number, string>;
  beforeAll(async () => {
    set = await loadBlindSet(DIR, ALL_ADAPTERS);
    const file = path.join(DIR, 'labels.csv');
    contextOf = new Map(parseBlindLabels(await readTextFile(file), file).flatMap((l) => (l.context ? [[l.line, l.context] as const] : [])));
  });

  it('every label is matched to one item an adapter read, and every item is labelled', () => {
    expect(blindProblems(set)).toEqual([]);
    expect(set.inputs.map((i) => i.unlabelledItems)).toEqual(set.inputs.map(() => 0));
    expect(set.records.length).toBe(165);
  });

  it('holds at least 40 partisan replies in context and 40 clean replies', () => {
    const inContext = set.records.filter((r) => contextOf.has(Number(r.id.split(':')[1])));
    expect(inContext.filter((r) => r.truth.label === 'partisan').length).toBeGreaterThanOrEqual(40);
    expect(inContext.filter((r) => r.truth.label === 'clean').length).toBeGreaterThanOrEqual(40);
  });

  it('a reply in context names a message its chat context gives it, partisan with the same pair when the reply is', () => {
    let checked = 0;
    for (const r of set.records) {
      const ref = contextOf.get(Number(r.id.split(':')[1]));
      if (!ref) continue;
      const leaned = (r.thread ?? []).find((t) => refOf(t.item) === ref);
      expect(leaned, `${r.set} ${r.id} → ${ref}`).toBeDefined();
      const earlier = set.records.find((o) => o.set === r.set && o.item.id === leaned!.item.id);
      expect(earlier, `${r.set} ${r.id}: ${ref} is labelled`).toBeDefined();
      if (r.truth.label === 'partisan') {
        expect(earlier!.truth.label).toBe('partisan');
        expect(earlier!.truth.label === 'partisan' && earlier!.truth.pair).toBe(r.truth.pair);
      }
      checked++;
    }
    expect(checked).toBe(96);
  });
});
