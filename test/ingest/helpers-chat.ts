// Test helpers for the chat/photo adapters: real files and real zips turned into Members, and a
// hand-built AdapterContext (the ingest core's walker is not needed to test an adapter).
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { captureId, makeItem, sha256Hex, type Capture, type Item } from '../../src/model/index.js';
import { DEFAULT_INGEST_OPTIONS, type Adapter, type AdapterContext, type IngestOptions, type Member, type ParsedItem } from '../../src/ingest/types.js';
import { sameExport } from '../../src/ingest/export-root.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Every file under `root` as a Member with a '/'-separated path relative to `root`. */
export function membersOfFolder(root: string): Member[] {
  const out: Member[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        out.push({
          input: root,
          path: relative(root, full).split(sep).join('/'),
          size: statSync(full).size,
          open: async () => createReadStream(full),
        });
      }
    }
  };
  walk(root);
  return out;
}

/** Every entry of a real zip as a Member (bytes read once with yauzl, streamed on each open()). */
export function membersOfZip(zipPath: string): Promise<Member[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: Member[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks);
            out.push({ input: zipPath, zip: zipPath, path: entry.fileName, size: bytes.length, open: async () => Readable.from([bytes]) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export async function bytesOf(member: Member): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await member.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface TestContext extends AdapterContext {
  warnings: string[];
}

export async function contextFor(member: Member, all: Member[], options: Partial<IngestOptions> = {}): Promise<TestContext> {
  const bytes = await bytesOf(member);
  const sha256 = sha256Hex(bytes);
  const originKind = member.zip ? 'zip-member' : 'file';
  const capture: Capture = {
    id: captureId({ sha256, memberPath: member.path, origin: member.input, originKind }),
    originKind,
    origin: member.input,
    memberPath: member.path,
    method: 'export-file',
    sha256,
    bytes: bytes.length,
    capturedAt: '2026-01-01T00:00:00.000Z',
  };
  const warnings: string[] = [];
  return {
    capture,
    member,
    options: { ...DEFAULT_INGEST_OPTIONS, ...options },
    warnings,
    warn: (message) => warnings.push(message),
    findMember: (suffix) => all.find((m) => m.path === suffix || m.path.endsWith('/' + suffix)),
    findExportFile: (suffix) => all.find((m) => (m.path === suffix || m.path.endsWith('/' + suffix)) && sameExport(m, member)),
  };
}

/** Run an adapter over one member the way the ingest core will: buffer or fresh stream. */
export async function readItems(adapter: Adapter, member: Member, ctx: AdapterContext): Promise<ParsedItem[]> {
  const source = adapter.input === 'buffer' ? await bytesOf(member) : await member.open();
  const out: ParsedItem[] = [];
  for await (const parsed of adapter.read(source, ctx)) out.push(parsed);
  return out;
}

/** Items validated by the model (makeItem throws on a malformed draft). */
export function asItems(parsed: ParsedItem[]): Item[] {
  return parsed.map((p) => makeItem(p.draft));
}

export async function headOf(member: Member): Promise<Buffer> {
  return (await bytesOf(member)).subarray(0, 4096);
}
