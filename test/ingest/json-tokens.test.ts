// Walking a JSON document from a stream: keys one by one, arrays element by element.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { JsonCursor } from '../../src/ingest/json-tokens.js';

setLang('en');

/** The bytes of `text` cut into chunks of `size` bytes (multi-byte characters get split). */
function streamOf(text: string, size = 1 << 16): Readable {
  const all = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < all.length; i += size) chunks.push(all.subarray(i, i + size));
  return Readable.from(chunks);
}

/** Rebuilds the document through the cursor: keys, elements and scalars, skipping "skip" keys. */
async function rebuild(cur: JsonCursor): Promise<unknown> {
  const kind = await cur.kind();
  if (kind === 'object') {
    const out: Record<string, unknown> = {};
    for await (const key of cur.keys()) {
      if (key === 'skip') await cur.skip();
      else out[key] = await rebuild(cur);
    }
    return out;
  }
  if (kind === 'array') {
    const out: unknown[] = [];
    for await (const _ of cur.elements()) out.push(await rebuild(cur));
    return out;
  }
  return cur.value();
}

describe('JsonCursor', () => {
  const doc = {
    name: 'Grup {Guru} [Sukamaju], "resmi" \\ ✌️',
    id: 12,
    skip: { deep: [[{ a: '}]' }], 'ekor }'], n: -1.5e3 },
    messages: [{ id: 1, text: ['Coblos ', { type: 'bold', text: '02' }], ok: true, none: null }, 'dua', 3, [], {}],
    empty: '',
  };
  const { skip: _skipped, ...expected } = doc;
  const text = `\uFEFF${JSON.stringify(doc, null, 2)}\n`;

  it('gives what JSON.parse gives, however the bytes are chunked, and skips what it is told to', async () => {
    for (const size of [1, 2, 3, 5, 64, 1 << 16]) {
      const cur = new JsonCursor(streamOf(text, size), 'result.json');
      expect(await rebuild(cur)).toEqual(expected);
      await cur.end();
    }
  });

  it('hands out an array element before the rest of the file has arrived', async () => {
    const stream = new PassThrough();
    const cur = new JsonCursor(stream, 'result.json');
    stream.write('{"messages": [{"id": 1}, {"id"');
    const keys = cur.keys();
    expect((await keys.next()).value).toBe('messages');
    const elements = cur.elements();
    await elements.next();
    expect(await cur.value()).toEqual({ id: 1 });
    stream.end(': 2}]}');
    await elements.next();
    expect(await cur.value()).toEqual({ id: 2 });
    expect((await elements.next()).done).toBe(true);
    expect((await keys.next()).done).toBe(true);
  });

  it('names the line and column where the document breaks', async () => {
    const broken = async (json: string) => rebuild(new JsonCursor(streamOf(json, 3), 'result.json'));
    await expect(broken('{\n  "messages": [ {"id": 1,, "x": 2} ]\n}')).rejects.toThrow(/result\.json: not valid JSON \(line 2, column 26\)/);
    await expect(broken('{"a": 1 "b": 2}')).rejects.toThrow(/not valid JSON \(line 1, column 9\)/);
    await expect(broken('{"a": [1, 2')).rejects.toThrow(/not valid JSON/);
    await expect(broken('{"a": "tidak selesai')).rejects.toThrow(/not valid JSON/);
  });

  it('refuses text after the document', async () => {
    const cur = new JsonCursor(streamOf('{"a": 1} {"b": 2}'), 'result.json');
    await rebuild(cur);
    await expect(cur.end()).rejects.toThrow(/not valid JSON \(line 1, column 10\)/);
  });
});
