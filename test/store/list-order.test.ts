// `review list --limit N` reads findings newest first from indexes (schema 5) instead of sorting
// the whole view: the page must be exactly the first N rows of the full, sorted list.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findingId, makeItem, type Finding } from '../../src/model/index.js';
import { listFindings } from '../../src/store/evidence.js';
import { openStore, type Store } from '../../src/store/store.js';
import { buildSample, RULES, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;

beforeAll(async () => {
  tmp = tempDir();
  store = openStore(join(tmp.dir, 'netral.db'));
  const sample = buildSample();
  const run = store.beginRun({ command: 'test', actor: 'test' });
  await run.putCapture(sample.zip, sample.zipBytes);
  await run.putCapture(sample.posts, sample.postsBytes);
  run.putRule(RULES[0]!);
  const template = sample.findings[0]!;
  for (let i = 0; i < 120; i++) {
    // many share a time, some have none: then the start of the event they respond to orders them
    // (a Facebook event response carries no time of its own), else the finding's own time
    const time = i % 7 === 0 ? undefined : new Date(Date.UTC(2024, 0, 1 + (i % 11))).toISOString();
    const event = i % 14 === 0 ? { name: `Kampanye akbar ${i}`, response: 'joined' as const, start: new Date(Date.UTC(2023, 11, 1 + (i % 5))).toISOString() } : undefined;
    const { id: _id, time: _time, ...draft } = sample.items[0]!;
    const item = makeItem({ ...draft, text: `${draft.text} ${i}`, ...(time ? { time } : {}), ...(event ? { event } : {}), source: { ...draft.source, pointer: `/${i}` } });
    run.putItem(item, null);
    const base: Finding = { ...template, itemId: item.id };
    run.putFinding({ ...base, id: findingId(base) });
  }
  run.finish();
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

it('a limited page is the head of the full sorted list', () => {
  const all = [...listFindings(store)].map((r) => r.finding_id);
  expect(all).toHaveLength(120);
  for (const limit of [1, 17, 50, 119, 500]) {
    expect([...listFindings(store, { limit })].map((r) => r.finding_id)).toEqual(all.slice(0, limit));
  }
});
