// Lines of a stream a chunk at a time (boundedLineSpanBatches, what a scan's row chunks and the
// JSONL reader take): the same lines, byte offsets and lengths as a plain reference split, however
// the stream is cut, and a line over the limit fails only after the lines before it were given.
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { boundedLineSpanBatches, type LineSpan } from '../../src/ingest/lines.js';
import { LimitError } from '../../src/limits.js';

/** \r\n, \r and \n each end a line; text after the last break is a line of its own. */
function reference(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let offset = 0;
  const re = /\r\n|\r|\n/g;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = text.slice(from, m.index);
    out.push({ line, offset, length: Buffer.byteLength(line) });
    offset += Buffer.byteLength(line) + m[0].length;
    from = m.index + m[0].length;
  }
  if (from < text.length) out.push({ line: text.slice(from), offset, length: Buffer.byteLength(text.slice(from)) });
  return out;
}

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunks(bytes: Buffer, random: () => number): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(random() * 12);
    parts.push(bytes.subarray(i, i + n));
    i += n;
  }
  return Readable.from(parts);
}

async function all(stream: Readable, max?: number): Promise<{ spans: LineSpan[]; batches: number; error?: unknown }> {
  const spans: LineSpan[] = [];
  let batches = 0;
  try {
    for await (const batch of boundedLineSpanBatches(stream, max)) {
      expect(batch.length).toBeGreaterThan(0);
      batches++;
      spans.push(...batch);
    }
  } catch (error) {
    return { spans, batches, error };
  }
  return { spans, batches };
}

describe('boundedLineSpanBatches', () => {
  it('gives the reference lines, offsets and lengths for random texts cut at random bytes (CR, CRLF split across chunks, UTF-8, emoji)', async () => {
    const random = rng(20261204);
    const alphabet = ['a', 'b', ' ', 'é', '😀', '\r', '\n', '\r\n', '{"t":1}'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = Math.floor(random() * 80);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const { spans, error } = await all(chunks(Buffer.from(text), random));
      expect(error).toBeUndefined();
      expect(spans, JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('a line over the limit fails after every line before it was given', async () => {
    const text = 'one\ntwo\n' + 'x'.repeat(50) + '\nfour\n';
    const { spans, error } = await all(Readable.from([Buffer.from(text)]), 20);
    expect(spans.map((s) => s.line)).toEqual(['one', 'two']);
    expect(error).toBeInstanceOf(LimitError);
  });
});
