// Test plumbing for the ingest core: real zips built with yazl from fixture folders, a temp dir,
// and ingest() run to completion with its events sorted by type.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';
import { CORE_ADAPTERS } from '../../src/ingest/detect.js';
import { ingest, type IngestEvent } from '../../src/ingest/ingest.js';
import { DEFAULT_INGEST_OPTIONS, type Adapter, type IngestOptions } from '../../src/ingest/types.js';
import type { Item } from '../../src/model/index.js';

export const FB = 'fixtures/facebook';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'netral-ingest-'));
}

/** Files under a folder, '/'-separated and sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(dir, name)).isDirectory() ? listFiles(join(dir, name), rel) : [rel];
    });
}

/** Zip (deflated, like Facebook's) the files of `dir` whose path passes `keep`, under an optional root folder. */
export async function zipFolder(dir: string, out: string, opts: { root?: string; keep?: (path: string) => boolean; extra?: Record<string, Buffer> } = {}): Promise<string> {
  const zip = new ZipFile();
  for (const rel of listFiles(dir)) {
    if (opts.keep && !opts.keep(rel)) continue;
    zip.addBuffer(readFileSync(join(dir, rel)), opts.root ? `${opts.root}/${rel}` : rel, { compress: true });
  }
  for (const [name, data] of Object.entries(opts.extra ?? {})) zip.addBuffer(data, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(out, Buffer.concat(chunks));
  return out;
}

export interface Collected {
  events: IngestEvent[];
  items: Item[];
  warnings: string[];
  captures: Extract<IngestEvent, { type: 'capture' }>[];
  skipped: Extract<IngestEvent, { type: 'skipped' }>[];
}

export async function collect(inputs: string[], options: Partial<IngestOptions> = {}, adapters: readonly Adapter[] = CORE_ADAPTERS): Promise<Collected> {
  const events: IngestEvent[] = [];
  for await (const ev of ingest(inputs, { ...DEFAULT_INGEST_OPTIONS, ...options }, adapters)) events.push(ev);
  return {
    events,
    items: events.flatMap((e) => (e.type === 'item' ? [e.item] : [])),
    warnings: events.flatMap((e) => (e.type === 'warning' ? [e.message] : [])),
    captures: events.filter((e): e is Extract<IngestEvent, { type: 'capture' }> => e.type === 'capture'),
    skipped: events.filter((e): e is Extract<IngestEvent, { type: 'skipped' }> => e.type === 'skipped'),
  };
}

/** The one item whose source path ends with `file` and whose pointer is `pointer`. */
export function at(items: Item[], file: string, pointer: string): Item {
  const found = items.filter((i) => i.source.path.endsWith(file) && i.source.pointer === pointer);
  if (found.length !== 1) throw new Error(`expected one item at ${file}#${pointer}, found ${found.length}`);
  return found[0]!;
}
