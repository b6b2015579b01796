import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonlWriter, openSink } from '../../src/report/output.js';

describe('openSink buffered (scan output)', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('writes every record, in order, in fewer writes, and the rest on close', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'netral-sink-'));
    const file = path.join(dir, 'out.jsonl');
    const sink = openSink(file, { buffered: true });
    const writer = jsonlWriter<{ n: number; text: string }>(sink);
    const records = Array.from({ length: 3000 }, (_, n) => ({ n, text: `rekaman ${n} 🙏 `.repeat(3) }));
    writer.begin();
    for (const r of records.slice(0, 10)) writer.write(r);
    // under the chunk size nothing is written yet
    expect(readFileSync(file, 'utf8')).toBe('');
    for (const r of records.slice(10)) writer.write(r);
    // past it, whole chunks are on disk before the close
    const before = readFileSync(file, 'utf8');
    expect(before.length).toBeGreaterThan(0);
    expect(before.endsWith('\n')).toBe(true);
    writer.end();
    sink.close();
    sink.close(); // a second close (an interrupted scan closes it again) writes nothing twice
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l))).toEqual(records);
    expect(sink.toStdout).toBe(false);
  });

  it('unbuffered by default: each record is on disk once written', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'netral-sink-'));
    const file = path.join(dir, 'out.jsonl');
    const sink = openSink(file);
    sink.write('a\n');
    expect(readFileSync(file, 'utf8')).toBe('a\n');
    sink.close();
  });
});
