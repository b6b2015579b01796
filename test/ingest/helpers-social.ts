// Test plumbing for the Instagram / X / TikTok adapters: a real input (folder or zip) read into
// memory, an AdapterContext built by hand, and the adapter's items validated through makeItem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { captureId, makeItem, sha256Hex, type Capture, type Item } from '../../src/model/index.js';
import { DEFAULT_INGEST_OPTIONS, type Adapter, type AdapterContext, type Member, type ParsedItem } from '../../src/ingest/types.js';
import { sameExport } from '../../src/ingest/export-root.js';

export interface TestInput {
  members: Member[];
  bytes(path: string): Buffer;
}

/** Every file under a fixture folder, with '/'-separated paths relative to it. */
export function folderInput(root: string): TestInput {
  const files = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(root, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(root);
  return memoryInput(root, files);
}

/** Every file entry of a zip (read with yauzl, as the real walker does). */
export function zipInput(zipPath: string): Promise<TestInput> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${zipPath}`));
      const files = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(memoryInput(zipPath, files, zipPath)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function memoryInput(input: string, files: Map<string, Buffer>, zip?: string): TestInput {
  const members = [...files].map(
    ([path, data]): Member => ({ input, path, zip, size: data.length, open: async () => Readable.from([data]) }),
  );
  return {
    members,
    bytes(path) {
      const data = files.get(path);
      if (!data) throw new Error(`no member ${path} in ${input}`);
      return data;
    },
  };
}

/** Members an adapter claims, judged the way detection sees them: path + first 4 KiB. */
export function claimed(adapter: Adapter, input: TestInput): string[] {
  return input.members.filter((m) => adapter.detect(m.path, input.bytes(m.path).subarray(0, 4096))).map((m) => m.path);
}

export interface ReadResult {
  items: Item[];
  parsed: ParsedItem[];
  warnings: string[];
}

/** Run `adapter.read` on one member with a hand-built context; every draft must be a valid Item. */
export async function readMember(adapter: Adapter, input: TestInput, path: string): Promise<ReadResult> {
  const data = input.bytes(path);
  const member = input.members.find((m) => m.path === path);
  if (!member) throw new Error(`no member ${path}`);
  const sha256 = sha256Hex(data);
  const capture: Capture = {
    id: captureId({ sha256, memberPath: path, origin: member.input, originKind: 'zip-member' }),
    originKind: 'zip-member',
    origin: member.input,
    memberPath: path,
    method: 'export-file',
    sha256,
    bytes: data.length,
    capturedAt: '2026-01-01T00:00:00.000Z',
  };
  const warnings: string[] = [];
  const ctx: AdapterContext = {
    capture,
    member,
    options: DEFAULT_INGEST_OPTIONS,
    warn: (message) => warnings.push(message),
    findMember: (suffix) => input.members.find((m) => m.path === suffix || m.path.endsWith(`/${suffix}`)),
    findExportFile: (suffix) => input.members.find((m) => (m.path === suffix || m.path.endsWith(`/${suffix}`)) && sameExport(m, member)),
  };
  const parsed: ParsedItem[] = [];
  for await (const p of adapter.read(adapter.input === 'buffer' ? data : Readable.from([data]), ctx)) parsed.push(p);
  return { items: parsed.map((p) => makeItem(p.draft)), parsed, warnings };
}
