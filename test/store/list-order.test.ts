// `review list --limit N` reads findings newest first from indexes (schema 5) instead of sorting
// the whole view: the page must be exactly the first N rows of the full, sorted list.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findingId, makeItem, type Finding } from '../../src/model/index.js';
import { listFindings, newestFirstSql } from '../../src/store/evidence.js';
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

it('a limited page walks indexes: no scan of findings or items, no sort of every finding', () => {
  const plan = (sql: string, ...params: unknown[]): string[] => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  const sql = newestFirstSql(store.schemaVersion);
  // timed items newest first by items_time, their findings by findings_item; only ties of one time are sorted
  const timed = plan(sql.timed);
  expect(timed.some((d) => /^SEARCH i USING INDEX items_time\b/.test(d)), timed.join('\n')).toBe(true);
  expect(timed.some((d) => /^SEARCH f USING (COVERING )?INDEX findings_item\b/.test(d)), timed.join('\n')).toBe(true);
  expect(timed.filter((d) => /^SCAN |USE TEMP B-TREE FOR ORDER BY/.test(d)), timed.join('\n')).toEqual([]);
  // the items without a time through their partial index only
  const untimed = plan(sql.untimed);
  expect(untimed.some((d) => /^SCAN i USING INDEX items_untimed\b/.test(d)), untimed.join('\n')).toBe(true);
  expect(untimed.filter((d) => /^SCAN (?!i USING INDEX items_untimed)/.test(d)), untimed.join('\n')).toEqual([]);
  // each shown row: every branch of the view reached by the finding's id, no table scanned
  const one = plan('SELECT * FROM findings_overview WHERE finding_id = ?', 'x');
  expect(one.filter((d) => /^SCAN (?!findings_overview$)/.test(d)), one.join('\n')).toEqual([]);
  expect(one.filter((d) => /USE TEMP B-TREE/.test(d)), one.join('\n')).toEqual([]);
});
