// Lists every file of one input — a loose file, a folder (recursively) or a zip, and zips found
// inside a folder — as Members. Listing reads metadata only; bytes are read later through
// Member.open(), so a 5 GB export is never held in memory and media can be looked up by path.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open as openFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { NetralError } from '../errors.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import type { Member } from './types.js';
import { DEFAULT_LIMITS, LimitError } from '../limits.js';
import { t } from '../i18n/index.js';
import { limitMessages } from '../i18n/ingest.js';

/** A zip archive met while walking: the zip input itself or a zip inside a folder input. */
export interface ZipContainer {
  /** file system path of the zip */
  file: string;
  /** path relative to the folder input ('/'-separated); absent when the zip is the input */
  memberPath?: string;
  size: number;
  mtime: Date;
}

export interface InputListing {
  /** the input as the user named it */
  input: string;
  kind: 'file' | 'folder' | 'zip';
  /** every member, zips replaced by their entries; sorted by path within each container */
  members: Member[];
  zips: ZipContainer[];
  /** releases the open zip files; call once reading is done */
  close(): Promise<void>;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** List the members of one input. Throws NetralError (exit 2) for a missing path or a broken zip. */
export async function walkInput(input: string, maxMembers: number = DEFAULT_LIMITS.maxMembers): Promise<InputListing> {
  const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw new NetralError(msg.pathNotFound, { path: input });
    throw new NetralError(msg.pathUnreadable, { path: input, detail: err.code ?? err.message });
  });
  const zips: OpenZip[] = [];
  const close = async (): Promise<void> => {
    for (const z of zips) z.zipfile.close();
    zips.length = 0;
  };
  try {
    if (info.isDirectory()) {
      const members: Member[] = [];
      for await (const rel of walkFolder(input, '')) {
        const abs = path.join(input, ...rel.split('/'));
        const st = await stat(abs);
        if (members.length > maxMembers) throw tooManyMembers(input, maxMembers);
        if (/\.zip$/i.test(rel)) {
          const zip = await openZip(abs, { file: abs, memberPath: rel, size: st.size, mtime: st.mtime }, maxMembers);
          zips.push(zip);
          for (const m of zipMembers(input, zip)) members.push(m);
        } else {
          members.push(fileMember(input, rel, abs, st.size, st.mtime));
        }
      }
      return { input, kind: 'folder', members, zips: zips.map((z) => z.container), close };
    }
    if (/\.zip$/i.test(input) || (await startsWith(input, ZIP_MAGIC))) {
      const zip = await openZip(input, { file: input, size: info.size, mtime: info.mtime }, maxMembers);
      zips.push(zip);
      return { input, kind: 'zip', members: zipMembers(input, zip), zips: [zip.container], close };
    }
    return { input, kind: 'file', members: [fileMember(input, path.basename(input), input, info.size, info.mtime)], zips: [], close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** OS and archiver junk that is never part of an export. */
export function isJunkPath(p: string): boolean {
  const parts = p.split('/');
  const base = parts[parts.length - 1] ?? '';
  return parts.includes('__MACOSX') || base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini' || base.startsWith('._');
}

/** Relative '/'-separated paths of the regular files under a folder, depth-first, sorted by code point. */
async function* walkFolder(root: string, rel: string): AsyncGenerator<string> {
  const entries = await readdir(path.join(root, ...rel.split('/').filter(Boolean)), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (isJunkPath(child)) continue;
    if (entry.isDirectory()) yield* walkFolder(root, child);
    else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(path.join(root, child))))) yield child;
    // Symlinked folders are not followed (no loops); a symlinked file is read like a file.
  }
}

async function isFile(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isFile(),
    () => false,
  );
}

function fileMember(input: string, rel: string, abs: string, size: number, mtime: Date): Member {
  return { input, path: rel, size, mtime, file: abs, open: async () => createReadStream(abs) };
}

interface OpenZip {
  container: ZipContainer;
  zipfile: yauzl.ZipFile;
  entries: yauzl.Entry[];
}

/** Open a zip and read its central directory (entry metadata only). */
function tooManyMembers(input: string, limit: number): NetralError {
  return new NetralError(msg.pathUnreadable, { path: input, detail: t(limitMessages.maxMembers, { limit }) });
}

async function openZip(file: string, container: ZipContainer, maxMembers: number): Promise<OpenZip> {
  const fail = (err: unknown): NetralError =>
    new NetralError(msg.badZip, { file, detail: err instanceof Error ? err.message : String(err) }, 2, { cause: err });
  // imported here, not at load: a scan of plain files needs no zip reader (~25 ms of start-up)
  const { default: zip } = await import('yauzl');
  const zipfile = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    zip.open(file, { lazyEntries: true, autoClose: false }, (err, zf) => {
      if (err || !zf) reject(fail(err));
      else resolve(zf);
    });
  });
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zipfile.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      if (entries.length > maxMembers) {
        zipfile.close();
        reject(tooManyMembers(file, maxMembers));
        return;
      }
      zipfile.readEntry();
    });
    zipfile.once('end', () => resolve());
    zipfile.once('error', (err: unknown) => {
      zipfile.close();
      reject(fail(err));
    });
    zipfile.readEntry();
  });
  return { container, zipfile, entries };
}

function zipMembers(input: string, zip: OpenZip): Member[] {
  const members: Member[] = [];
  for (const entry of zip.entries) {
    // Zips made on Windows may use backslashes; some tools write a leading './' or '/'.
    const name = entry.fileName.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
    if (name.endsWith('/') || !name || isJunkPath(name)) continue;
    members.push({
      input,
      path: name,
      zip: zip.container.file,
      size: entry.uncompressedSize,
      compressedSize: entry.compressedSize,
      mtime: entry.getLastModDate(),
      open: () =>
        new Promise<Readable>((resolve, reject) => {
          zip.zipfile.openReadStream(entry, (err, stream) => {
            if (err || !stream) reject(err ?? new Error(`cannot open ${name}`));
            else resolve(stream);
          });
        }),
    });
  }
  return members.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function startsWith(file: string, magic: Buffer): Promise<boolean> {
  const fh = await openFile(file, 'r');
  try {
    const buf = Buffer.alloc(magic.length);
    const { bytesRead } = await fh.read(buf, 0, magic.length, 0);
    return bytesRead === magic.length && buf.equals(magic);
  } finally {
    await fh.close();
  }
}

/** The first bytes of a member (at most `max`), for format detection. */
export async function readHead(member: Member, max = 4096): Promise<Buffer> {
  const stream = await member.open();
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      chunks.push(buf);
      length += buf.length;
      if (length >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/** All bytes of a stream (for members adapters read as a whole); a LimitError past `max` bytes. */
export async function readAll(stream: Readable, max: number = Number.MAX_SAFE_INTEGER): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    length += buf.length;
    if (length > max) {
      stream.destroy();
      throw new LimitError('maxDocumentBytes', max, 'document too large');
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** SHA-256 and length of a stream in one pass. */
export async function hashStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    hash.update(buf);
    bytes += buf.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

const MEDIA_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.jsonl': 'application/jsonl',
  '.ndjson': 'application/jsonl',
  '.txt': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.heic': 'image/heic',
  '.mp4': 'video/mp4',
};

/** `{ mediaType }` from a file extension, or nothing when the extension is not a known one. */
export function mediaTypeOf(p: string): { mediaType?: string } {
  const type = MEDIA_TYPES[path.extname(p).toLowerCase()];
  return type ? { mediaType: type } : {};
}
