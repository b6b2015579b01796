// Content-addressed bytes: ≤ 8 MiB inline in `blobs.content`, larger ones as files
// `<store>.blobs/ab/cd/<sha256>` beside the store (evidence.md §10.1).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Transform } from 'node:stream';
import { FILE_MODE, ensurePrivateDir } from './files.js';

export const INLINE_LIMIT = 8 * 1024 * 1024;

export interface BlobRow {
  sha256: string;
  bytes: number;
  media_type: string | null;
  storage: 'db' | 'file';
  content: Buffer | null;
  rel_path: string | null;
  purged_at: string | null;
}

const blobFolderName = (storePath: string) => `${basename(storePath)}.blobs`;

/** Blob file path relative to the store's folder (so a moved case folder keeps working). */
function blobRelPath(storePath: string, sha256: string): string {
  return join(blobFolderName(storePath), sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export function blobAbsPath(storePath: string, relPath: string): string {
  return join(dirname(storePath), relPath);
}

/** Bytes to be stored: read fully (small) or spooled to their final file (large), hashed on the way. */
export type StagedBlob = { kind: 'db'; content: Buffer; sha256: string } | { kind: 'file'; relPath: string; sha256: string; bytes: number; created: boolean };

export async function stageBlob(storePath: string, expectedBytes: number, content: Buffer | (() => Promise<Readable>)): Promise<StagedBlob> {
  if (Buffer.isBuffer(content)) {
    if (content.length <= INLINE_LIMIT) return { kind: 'db', content, sha256: createHash('sha256').update(content).digest('hex') };
    return spoolToFile(storePath, async () => Readable.from([content]));
  }
  if (expectedBytes <= INLINE_LIMIT) {
    const chunks: Buffer[] = [];
    for await (const chunk of await content()) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    const buf = Buffer.concat(chunks);
    if (buf.length <= INLINE_LIMIT) return { kind: 'db', content: buf, sha256: createHash('sha256').update(buf).digest('hex') };
    return spoolToFile(storePath, async () => Readable.from([buf]));
  }
  return spoolToFile(storePath, content);
}

async function spoolToFile(storePath: string, open: () => Promise<Readable>): Promise<StagedBlob> {
  const root = join(dirname(storePath), blobFolderName(storePath));
  ensurePrivateDir(root);
  const tmp = join(root, `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  try {
    await pipeline(await open(), tap, createWriteStream(tmp, { mode: FILE_MODE }));
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const sha256 = hash.digest('hex');
  const relPath = blobRelPath(storePath, sha256);
  const abs = blobAbsPath(storePath, relPath);
  ensurePrivateDir(dirname(abs));
  const created = !existsSync(abs);
  if (created) renameSync(tmp, abs);
  else rmSync(tmp, { force: true });
  return { kind: 'file', relPath, sha256, bytes, created };
}

/** Throw away a staged file that did not end up referenced (run aborted, hash mismatch). */
export function discardStaged(storePath: string, staged: StagedBlob): void {
  if (staged.kind === 'file' && staged.created) rmSync(blobAbsPath(storePath, staged.relPath), { force: true });
}

export function readBlob(storePath: string, row: BlobRow): Buffer | undefined {
  if (row.storage === 'db') return row.content ?? undefined;
  if (!row.rel_path) return undefined;
  const abs = blobAbsPath(storePath, row.rel_path);
  return existsSync(abs) ? readFileSync(abs) : undefined;
}

/** Re-hash a blob as stored: file blobs are streamed. undefined = bytes gone (purged or missing). */
export async function rehashBlob(storePath: string, row: BlobRow): Promise<string | undefined> {
  if (row.storage === 'db') return row.content ? createHash('sha256').update(row.content).digest('hex') : undefined;
  if (!row.rel_path) return undefined;
  const abs = blobAbsPath(storePath, row.rel_path);
  if (!existsSync(abs)) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(abs, { highWaterMark: 16 * 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
