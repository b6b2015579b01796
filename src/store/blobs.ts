// Content-addressed bytes: ≤ 8 MiB inline in `blobs.content`, larger ones as files
// `<store>.blobs/ab/cd/<sha256>` beside the store (evidence.md §10.1). Inline bytes are kept
// gzip-compressed when that saves space (`encoding = 'gzip'`); sha256 and bytes always describe the
// original bytes, so compression changes nothing a verifier compares.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type * as Zlib from 'node:zlib';
import { FILE_MODE, ensurePrivateDir } from './files.js';

// zlib and the stream modules are loaded when bytes are first packed, unpacked or spooled: every
// command that opens a store imports this module, and `review list` / `evidence list` touch none
// of them (~10 ms of their start-up)
let zlibModule: typeof Zlib | undefined;
const zlib = (): typeof Zlib => (zlibModule ??= createRequire(import.meta.url)('node:zlib') as typeof Zlib);

export const INLINE_LIMIT = 8 * 1024 * 1024;

export interface BlobRow {
  sha256: string;
  bytes: number;
  media_type: string | null;
  storage: 'db' | 'file';
  content: Buffer | null;
  rel_path: string | null;
  purged_at: string | null;
  /** schema 5: how `content` is stored (null: as is; 'gzip') */
  encoding?: string | null;
  /** schema 5: 'whole' (the bytes are kept), 'rows' (only flagged rows, in capture_rows), 'none' (hash and size only) */
  kept?: BlobKept;
}

/** What a blob row keeps of the bytes it names. */
export type BlobKept = 'whole' | 'rows' | 'none';

/** Media that is compressed already: gzip would only cost time. */
const INCOMPRESSIBLE = /^(image\/(jpeg|png|gif|webp|avif|heic)|video\/|audio\/|application\/(zip|gzip|x-7z|pdf))/;

/** Inline bytes as stored: gzip when the media type is not compressed already and it saves ≥ 10 %. */
const ROW_DEFLATE_MIN = 256;

export function encodeInline(content: Buffer, mediaType: string | null | undefined): { content: Buffer; encoding: string | null } {
  if (content.length < 64 || (mediaType && INCOMPRESSIBLE.test(mediaType))) return { content, encoding: null };
  const packed = zlib().gzipSync(content, { level: 6 });
  return packed.length < content.length * 0.9 ? { content: packed, encoding: 'gzip' } : { content, encoding: null };
}

/**
 * A flagged row's bytes as stored: raw deflate (no header: rows are small) when it saves space.
 * A row under 256 bytes (a post, a chat line) is kept as it is: deflate saves it a few dozen
 * bytes, and inflating costs every reader (verify, export) ~20 µs per row, seconds per 100,000.
 */
export function encodeRow(bytes: Buffer): { content: Buffer; encoding: string | null } {
  if (bytes.length < ROW_DEFLATE_MIN) return { content: bytes, encoding: null };
  const { deflateRawSync, constants } = zlib();
  const packed = deflateRawSync(bytes, { level: 6, strategy: constants.Z_DEFAULT_STRATEGY });
  return packed.length < bytes.length ? { content: packed, encoding: 'deflate-raw' } : { content: bytes, encoding: null };
}

/** Stored bytes back to the original ones; throws on damaged compressed data. */
export function decodeStored(content: Buffer, encoding: string | null | undefined): Buffer {
  if (!encoding) return content;
  if (encoding === 'gzip') return zlib().gunzipSync(content);
  if (encoding === 'deflate-raw') return zlib().inflateRawSync(content);
  throw new Error(`unknown blob encoding ${encoding}`);
}

/** decodeStored, or undefined when the compressed data is damaged (verify reports it as a mismatch). */
export function tryDecodeStored(content: Buffer, encoding: string | null | undefined): Buffer | undefined {
  try {
    return decodeStored(content, encoding);
  } catch {
    return undefined;
  }
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
    const { Readable } = await import('node:stream');
    return spoolToFile(storePath, async () => Readable.from([content]));
  }
  if (expectedBytes <= INLINE_LIMIT) {
    const chunks: Buffer[] = [];
    for await (const chunk of await content()) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    const buf = Buffer.concat(chunks);
    if (buf.length <= INLINE_LIMIT) return { kind: 'db', content: buf, sha256: createHash('sha256').update(buf).digest('hex') };
    const { Readable } = await import('node:stream');
    return spoolToFile(storePath, async () => Readable.from([buf]));
  }
  return spoolToFile(storePath, content);
}

async function spoolToFile(storePath: string, open: () => Promise<Readable>): Promise<StagedBlob> {
  const root = join(dirname(storePath), blobFolderName(storePath));
  ensurePrivateDir(root);
  const tmp = join(root, `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(16).slice(2)}`);
  const [{ Transform }, { pipeline }] = await Promise.all([import('node:stream'), import('node:stream/promises')]);
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
  if (row.storage === 'db') return row.content ? decodeStored(row.content, row.encoding) : undefined;
  if (!row.rel_path) return undefined;
  const abs = blobAbsPath(storePath, row.rel_path);
  return existsSync(abs) ? readFileSync(abs) : undefined;
}

/** Re-hash a blob as stored: file blobs are streamed. undefined = bytes gone (purged or missing). */
export async function rehashBlob(storePath: string, row: BlobRow): Promise<string | undefined> {
  if (row.storage === 'db') {
    if (!row.content) return undefined;
    // damaged compressed bytes hash to nothing that could match
    const bytes = tryDecodeStored(row.content, row.encoding);
    return createHash('sha256').update(bytes ?? Buffer.from('undecodable')).digest('hex');
  }
  if (!row.rel_path) return undefined;
  const abs = blobAbsPath(storePath, row.rel_path);
  if (!existsSync(abs)) return undefined;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(abs, { highWaterMark: 16 * 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Unreferenced blobs younger than this may belong to a scan that has not committed yet. */
const ORPHAN_MIN_AGE_MS = 10 * 60_000;

/**
 * Files in the store's blob folder that no blob row names (`referenced`: rel paths, '/'-separated):
 * spool files of dead processes, and unreferenced blob files older than ORPHAN_MIN_AGE_MS.
 */
export function orphanBlobFiles(storePath: string, referenced: ReadonlySet<string>, now = Date.now()): Array<{ abs: string; rel: string; bytes: number }> {
  const folder = blobFolderName(storePath);
  const root = join(dirname(storePath), folder);
  if (!existsSync(root)) return [];
  const out: Array<{ abs: string; rel: string; bytes: number }> = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const r = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(abs, r);
      else if (entry.isFile()) {
        const info = statSync(abs);
        const spool = /^\.incoming-(\d+)-/.exec(entry.name);
        const orphan = spool ? !processAlive(Number(spool[1])) || now - info.mtimeMs > ORPHAN_MIN_AGE_MS * 6 : !referenced.has(r) && now - info.mtimeMs > ORPHAN_MIN_AGE_MS;
        if (orphan) out.push({ abs, rel: r, bytes: info.size });
      }
    }
  };
  walk(root, folder);
  return out;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
