// The per-file time budget bounds a slow *reader*, not a slow consumer: a member whose items
// the rules and the store take long over is read whole; one whose parser crawls is a bad member.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { ingest, readingBudgetMs } from '../../src/ingest/ingest.js';
import { DEFAULT_INGEST_OPTIONS, type Adapter, type ParsedItem } from '../../src/ingest/types.js';
import type { ItemDraft } from '../../src/model/item.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { tempDir } from './helpers-core.js';

function busyWait(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // a parser stuck on its input
  }
}

/** A line adapter for `*.lines` files that spends `parseMs` of CPU on every line. */
function lineAdapter(parseMs: number): Adapter {
  return {
    id: 'lines-test',
    platform: 'table',
    label: 'test lines',
    detect: (path) => path.endsWith('.lines'),
    input: 'stream',
    authorship: 'owner',
    async *read(source, ctx): AsyncIterable<ParsedItem> {
      let n = 0;
      for await (const line of createInterface({ input: source as Readable })) {
        busyWait(parseMs);
        n++;
        const draft: ItemDraft = { platform: 'table', kind: 'post', text: line, media: [], hashtags: [], mentions: [], source: { captureId: ctx.capture.id, path: ctx.member.path, pointer: `line:${n}` } };
        yield { draft };
      }
    },
  };
}

async function readAll(file: string, adapter: Adapter, onItem: () => Promise<void> = async () => {}): Promise<number> {
  let items = 0;
  const limits = { ...DEFAULT_LIMITS, fileTimeMs: 60 };
  for await (const ev of ingest([file], { ...DEFAULT_INGEST_OPTIONS, limits }, [adapter])) {
    if (ev.type !== 'item') continue;
    items++;
    await onItem();
  }
  return items;
}

describe('the per-file reading budget', () => {
  const file = join(tempDir(), 'posts.lines');
  writeFileSync(file, ['satu', 'dua', 'tiga', 'empat', 'lima', 'enam'].join('\n'));

  it('does not count the time the consumer spends on each item', async () => {
    // 6 items × 40 ms of consumer time = 240 ms, four times the 60 ms budget
    const items = await readAll(file, lineAdapter(0), () => new Promise((resolve) => setTimeout(resolve, 40)));
    expect(items).toBe(6);
  });

  it('stops a parser that crawls, naming the file and the limit', async () => {
    await expect(readAll(file, lineAdapter(40))).rejects.toThrow(/posts\.lines.*file-time/s);
  });

  it('grows with the member size (1 s per MiB above the base)', () => {
    expect(readingBudgetMs(120_000, 0)).toBe(120_000);
    expect(readingBudgetMs(120_000, 300 * 1024 * 1024)).toBe(120_000 + 300 * 1024);
  });
});
