// Reading an X archive file's records one at a time (tweets.js can be hundreds of MB).
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { ytdRecords } from '../../src/ingest/x-archive.js';

// the details are user-facing text: checked in English here, in Indonesian (the default) once below
setLang('en');

async function elements(chunks: Array<string | Buffer>): Promise<unknown[]> {
  const out: unknown[] = [];
  const stream = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  for await (const e of ytdRecords(stream, 'data/tweets.js')) out.push(e.value);
  return out;
}

/** The bytes of `text` cut into chunks of `size` bytes (multi-byte characters get split). */
function bytesIn(text: string, size: number): Buffer[] {
  const all = Buffer.from(text);
  const out: Buffer[] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.subarray(i, i + size));
  return out;
}

describe('ytdRecords', () => {
  const doc = [
    { tweet: { full_text: 'Coblos 02 ✌️ [bukan] {kurung}, "kutip" \\ garis', id_str: '1' } },
    [1, [2, [3]]],
    'teks, dengan ] kurung',
    42,
    true,
    null,
    { kosong: {} },
  ];
  const text = `\uFEFFwindow.YTD.tweets.part0 = ${JSON.stringify(doc, null, 2)};\n`;

  it('gives exactly what JSON.parse gives, however the bytes are chunked', async () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      expect(await elements(bytesIn(text, size))).toEqual(doc);
    }
  });

  it('reads a bare array and an empty one', async () => {
    expect(await elements(['[1, 2 ,3]'])).toEqual([1, 2, 3]);
    expect(await elements(['  [ ]  '])).toEqual([]);
  });

  it('hands out the first element before the rest of the file has arrived', async () => {
    const stream = new PassThrough();
    const it = ytdRecords(stream, 'data/tweets.js');
    stream.write('[{"a": 1}, {"b"');
    const first = await it.next();
    expect(first.value).toEqual({ index: 0, value: { a: 1 } });
    stream.end(': 2}]');
    expect((await it.next()).value).toEqual({ index: 1, value: { b: 2 } });
    expect((await it.next()).done).toBe(true);
  });

  it('names the line and column of a broken element in the whole file', async () => {
    await expect(elements(['window.YTD.tweets.part0 = [\n  {"a": 1},\n  {"b" 2}\n]'])).rejects.toThrow(/data\/tweets\.js: not valid JSON \(line 3, column 8\)/);
    // where V8 gives no position, the record that broke is named instead
    await expect(elements(['[\n  {"a": 1},\n  {"b": ,}\n]'])).rejects.toThrow(/not valid JSON \(record starting at line 3, column 3: unexpected ','\)/);
  });

  it('refuses what is not one array: another prefix, an object, a cut-off file, trailing text', async () => {
    await expect(elements(['var x = [1]'])).rejects.toThrow(/data\/tweets\.js: not an X archive data file/);
    await expect(elements(['window.YTD.tweets.part0 = {"a": [1]}'])).rejects.toThrow(/not an X archive data file/);
    await expect(elements(['[{"a": 1}, {"b": '])).rejects.toThrow(/not valid JSON/);
    await expect(elements(['[1, 2'])).rejects.toThrow(/not valid JSON \(unexpected end of file\)/);
    await expect(elements(['[1] [2]'])).rejects.toThrow(/not valid JSON \(line 1, column 5\)/);
  });

  it('speaks Indonesian by default', async () => {
    setLang('id');
    try {
      await expect(elements(['[\n  {"b" 2}\n]'])).rejects.toThrow(/data\/tweets\.js: bukan JSON yang valid \(baris 2, kolom 8\)/);
      await expect(elements(['[1, 2'])).rejects.toThrow(/bukan JSON yang valid \(berkas terpotong\)/);
    } finally {
      setLang('en');
    }
  });
});
