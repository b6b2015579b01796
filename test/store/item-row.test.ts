// Schema 7 keeps an item as its columns plus the rest (item_extra): every shape an adapter makes
// must read back exactly, through a real store file, and verify.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, type Item, makeItem } from '../../src/model/index.js';
import { itemFromStore } from '../../src/store/evidence.js';
import { itemFromColumns } from '../../src/store/item-row.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { makeCapture, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

const capture = makeCapture(Buffer.from('{"rows": []}'), { origin: 'export.json' });
const source = { captureId: capture.id, path: 'export.json', pointer: '/0' };

/** Items of every shape the columns touch: no actor, an actor with or without name/handle/url, empty texts, events, media, a target, a thread. */
const ITEMS: Item[] = [
  makeItem({ platform: 'x', kind: 'post', text: 'Ayo coblos nomor 2 🇮🇩 #02', hashtags: ['02'], mentions: ['relawan'], source, time: '2024-01-20T03:15:00.000Z', timeRaw: '20/01/2024 10.15', permalink: 'https://x.com/a/status/1', lang: 'id', actor: { kind: 'account', name: 'Rina', handle: 'rina_m', url: 'https://x.com/rina_m' } }),
  makeItem({ platform: 'facebook', kind: 'reaction', reaction: 'LIKE', source: { ...source, pointer: '/1' }, target: { kind: 'page', name: 'Relawan 02' } }),
  makeItem({ platform: 'facebook', kind: 'event', source: { ...source, pointer: '/2' }, event: { name: 'Kampanye akbar', response: 'joined', start: '2024-02-01T01:00:00.000Z', place: { name: 'JIS', lat: -6.12, lon: 106.8 } }, actor: {} }),
  makeItem({ platform: 'whatsapp', kind: 'message', text: '', source: { ...source, pointer: 'line:4' }, actor: { name: 'Budi' }, context: { kind: 'chat', name: 'Guru SDN 1' }, thread: { messageId: '7', replyTo: '3' } }),
  // tags the hashtags column would not give back (a space, a leading #) stay in item_extra
  makeItem({ platform: 'tiktok', kind: 'post', text: 'x', hashtags: ['dua kata', '#pagar', ''], source: { ...source, pointer: '/5' } }),
  makeItem({ platform: 'instagram', kind: 'post', text: 'foto', source: { ...source, pointer: '/4' }, actor: { handle: 'rina.guru', kind: 'account' }, media: [{ uri: 'media/1.jpg', mediaType: 'image/jpeg', sha256: 'a'.repeat(64), bytes: 10, gps: { lat: 1, lon: 2 } }], link: { url: 'https://example.org' } }),
];

describe('items at schema 7', () => {
  it('keep only what no column holds beside the columns, read back exactly, and verify', async () => {
    const path = join(tmp.dir, 'netral.db');
    const store = openStore(path);
    const run = store.beginRun({ command: 'test', actor: 'tester' });
    await run.putCapture(capture, Buffer.from('{"rows": []}'));
    for (const item of ITEMS) run.putItem(item, { raw: item.source.pointer });
    run.finish();
    for (const item of ITEMS) expect(canonicalJson(itemFromStore(store, item.id).item)).toBe(canonicalJson(item));
    store.close();

    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT item_json, item_extra FROM items').all() as Array<{ item_json: string; item_extra: string | null }>;
    db.close();
    for (const r of rows) {
      expect(r.item_json).toBe('');
      expect(r.item_extra).not.toBeNull();
      // nothing a column holds is repeated
      expect(JSON.parse(r.item_extra!)).not.toHaveProperty('text');
      expect(JSON.parse(r.item_extra!)).not.toHaveProperty('id');
    }
    expect((await verifyStore(path)).ok).toBe(true);
  });

  it('a raw JSON that is the flagged row parsed is read from the row, not stored twice', async () => {
    const path = join(tmp.dir, 'netral.db');
    const lines = ['{"id": 1, "text": "Ayo coblos 02", "user": {"screen_name": "rina_m"}}', '{"id": 2, "text": "Coblos 01"}'];
    const file = Buffer.from(`${lines.join('\n')}\n`);
    const rows = makeCapture(file, { origin: 'tweets.jsonl' });
    const store = openStore(path);
    const run = store.beginRun({ command: 'test', actor: 'tester' });
    await run.putCapture(rows, Buffer.alloc(0), 'rows');
    const items = lines.map((line, i) => makeItem({ platform: 'table', kind: 'post', text: (JSON.parse(line) as { text: string }).text, source: { captureId: rows.id, path: 'tweets.jsonl', pointer: `line:${i + 1}` } }));
    let offset = 0;
    for (const [i, line] of lines.entries()) {
      run.putRow(rows.id, `line:${i + 1}`, { offset, length: Buffer.byteLength(line) }, Buffer.from(line));
      offset += Buffer.byteLength(line) + 1;
      // the second item's raw is not its row: kept as it is
      run.putItem(items[i]!, i === 0 ? JSON.parse(line) : { text: 'lain' });
    }
    run.finish();
    expect(itemFromStore(store, items[0]!.id).raw).toEqual(JSON.parse(lines[0]!));
    expect(itemFromStore(store, items[1]!.id).raw).toEqual({ text: 'lain' });
    store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT raw_json, raw_from_row FROM items ORDER BY pointer').all()).toEqual([{ raw_json: null, raw_from_row: 1 }, { raw_json: '{"text":"lain"}', raw_from_row: null }]);
    db.close();
    expect((await verifyStore(path)).ok).toBe(true);
  });

  it('an edit of item_extra is caught by verify (the row hash covers it)', async () => {
    const path = join(tmp.dir, 'netral.db');
    const store = openStore(path);
    const run = store.beginRun({ command: 'test', actor: 'tester' });
    await run.putCapture(capture, Buffer.from('{"rows": []}'));
    run.putItem(ITEMS[5]!, undefined);
    run.finish();
    store.close();
    const db = new Database(path);
    db.exec('DROP TRIGGER items_no_update');
    db.prepare("UPDATE items SET item_extra = replace(item_extra, 'media/1.jpg', 'media/2.jpg')").run();
    db.close();
    const report = await verifyStore(path);
    expect(report.checks.find((c) => c.name === 'rows')!.problems.map((p) => p.code)).toEqual(['vRowMismatch', 'vItemsRoot']);
  });
});

describe('itemFromColumns (built key by key, not a spread of the JSON)', () => {
  const cols = { id: 'i1', capture_id: 'c1', source_path: 'p', pointer: '/0', platform: 'x', kind: 'post', actor_name: null, actor_handle: 'rina', actor_url: null, text: 't', hashtags: '#a #b', created_at_utc: null, created_at_raw: null, permalink: null, lang: 'id' };
  /** the definition it replaced: a spread of the JSON, then the columns */
  const spread = (extraJson: string): Record<string, unknown> => {
    const extra = JSON.parse(extraJson) as Record<string, unknown>;
    const item: Record<string, unknown> = { ...extra, id: cols.id, platform: cols.platform, kind: cols.kind };
    for (const key of ['media', 'mentions', 'hashtags']) item[key] ??= [];
    if (extra.hashtags === undefined) item.hashtags = ['a', 'b'];
    item.text = cols.text;
    item.lang = cols.lang;
    item.actor = { ...(extra.actor as Record<string, unknown> | undefined), handle: cols.actor_handle };
    item.source = { ...(extra.source as Record<string, unknown> | undefined), captureId: cols.capture_id, path: cols.source_path, pointer: cols.pointer };
    return item;
  };
  it.each([
    '{}',
    '{"actor":{"kind":"account"},"media":[{"uri":"m.jpg"}],"hashtags":["dua kata"]}',
    '{"media":null,"mentions":["x"],"source":{"line":3},"id":"other","kind":"other"}',
    '{"__proto__":{"polluted":true},"event":{"name":"e"}}',
  ])('gives what the spread gave for %s', (extraJson) => {
    const item = itemFromColumns(cols, extraJson);
    expect(canonicalJson(item)).toBe(canonicalJson(spread(extraJson)));
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
  });
});
