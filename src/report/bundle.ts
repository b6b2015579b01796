// Export bundle files: a folder or a reproducible zip (sorted entries, fixed mtimes, STORE for
// already-compressed media), with a WACZ-like manifest and a `sha256sum -c`-compatible SHA256SUMS.
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { z } from 'zod';
import { DIR_MODE, FILE_MODE, ensurePrivateDir, writePrivateFile } from '../store/files.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_DIGEST = 'manifest.sha256';
export const SUMS = 'SHA256SUMS';
/** zip entries carry this time so the same content gives the same zip bytes */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');
const STORED_TYPES = /^(image\/(jpeg|png|webp|gif)|video\/|audio\/|application\/(zip|gzip|x-7z-compressed))/;

/** Locale-independent order, so the same bundle has the same layout on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `sha256`: already computed for these bytes (the exporter hashes files once for the report's attestation). */
/** `owned`: a temporary file of this export, which a folder bundle takes by renaming instead of copying. */
export type BundleFile = { path: string; mediaType: string; role: string; derivedFrom?: string; sha256?: string } & ({ data: Buffer } | { file: string; owned?: boolean });

const Sha256Ref = z.string().regex(/^sha256:[0-9a-f]{64}$/);

export const ManifestResource = z.object({
  path: z.string(),
  sha256: Sha256Ref,
  bytes: z.number().int().nonnegative(),
  media_type: z.string(),
  role: z.string(),
  derived_from: Sha256Ref.optional(),
});
export type ManifestResource = z.infer<typeof ManifestResource>;

export const BundleManifest = z.object({
  format: z.literal('netral-export'),
  format_version: z.literal(1),
  profile: z.enum(['full', 'bawaslu', 'public']),
  created: z.string(),
  software: z.string(),
  store_uuid: z.string(),
  filters: z.record(z.string(), z.unknown()),
  chain_head: z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  findings: z.number().int().nonnegative(),
  resources: z.array(ManifestResource),
});
export type BundleManifest = z.infer<typeof BundleManifest>;

export async function sha256OfFile(file: BundleFile): Promise<{ sha256: string; bytes: number }> {
  if (file.sha256 && 'file' in file) return { sha256: file.sha256, bytes: statSync(file.file).size };
  if ('data' in file) return { sha256: createHash('sha256').update(file.data).digest('hex'), bytes: file.data.length };
  return hashStream(createReadStream(file.file));
}

async function hashStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Add manifest.json (every file with its hash), manifest.sha256 (digest of the manifest) and
 * SHA256SUMS (every file, coreutils format). Returns the complete file list and the manifest digest.
 */
export async function sealBundle(files: BundleFile[], meta: Omit<BundleManifest, 'resources' | 'format' | 'format_version'>): Promise<{ files: BundleFile[]; manifestSha256: string }> {
  const sorted = [...files].sort((a, b) => byCodePoint(a.path, b.path));
  const resources: ManifestResource[] = [];
  const sums: string[] = [];
  for (const f of sorted) {
    const { sha256, bytes } = await sha256OfFile(f);
    resources.push({ path: f.path, sha256: `sha256:${sha256}`, bytes, media_type: f.mediaType, role: f.role, ...(f.derivedFrom ? { derived_from: `sha256:${f.derivedFrom}` } : {}) });
    sums.push(`${sha256}  ${f.path}`);
  }
  const manifest: BundleManifest = { format: 'netral-export', format_version: 1, ...meta, resources };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');
  const digest = Buffer.from(`${manifestSha256}  ${MANIFEST}\n`);
  sums.push(`${manifestSha256}  ${MANIFEST}`, `${createHash('sha256').update(digest).digest('hex')}  ${MANIFEST_DIGEST}`);
  sums.sort((a, b) => byCodePoint(a.slice(66), b.slice(66)));
  return {
    manifestSha256,
    files: [
      ...sorted,
      { path: MANIFEST, mediaType: 'application/json', role: 'manifest', data: manifestBytes },
      { path: MANIFEST_DIGEST, mediaType: 'text/plain', role: 'manifest-digest', data: digest },
      { path: SUMS, mediaType: 'text/plain', role: 'checksums', data: Buffer.from(`${sums.join('\n')}\n`) },
    ].sort((a, b) => byCodePoint(a.path, b.path)),
  };
}

/** Write a bundle to `out`: a .zip file, or else a folder (created 0700, files 0600). */
export async function writeBundle(out: string, files: BundleFile[]): Promise<void> {
  if (out.toLowerCase().endsWith('.zip')) return writeZip(out, files);
  ensurePrivateDir(out);
  chmodSync(out, DIR_MODE);
  for (const f of files) {
    const target = join(out, ...f.path.split('/'));
    ensurePrivateDir(dirname(target));
    if ('data' in f) writePrivateFile(target, f.data);
    else {
      if (!f.owned || !moved(f.file, target)) copyFileSync(f.file, target);
      chmodSync(target, FILE_MODE);
    }
  }
}

/** Rename a temporary file into the bundle; false when it lives on another file system. */
function moved(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EXDEV') return false;
    throw err;
  }
}

async function writeZip(out: string, files: BundleFile[]): Promise<void> {
  ensurePrivateDir(dirname(out));
  const zip = new yazl.ZipFile();
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    const options = { mtime: FIXED_MTIME, mode: 0o100600, compress: !STORED_TYPES.test(f.mediaType) };
    if ('data' in f) zip.addBuffer(f.data, f.path, options);
    else zip.addFile(f.file, f.path, options);
  }
  zip.end();
  await pipeline(zip.outputStream as Readable, createWriteStream(out, { mode: FILE_MODE }));
  chmodSync(out, FILE_MODE);
}

/** Read access to a bundle folder or zip, for verify. */
export interface BundleReader {
  readonly paths: string[];
  read(path: string): Promise<Buffer>;
  hash(path: string): Promise<{ sha256: string; bytes: number }>;
  close(): void;
}

export async function openBundle(path: string): Promise<BundleReader> {
  if (!existsSync(path)) throw new Error(`ENOENT: ${path}`);
  if (statSync(path).isDirectory()) return openDirBundle(path);
  return openZipBundle(path);
}

function openDirBundle(root: string): BundleReader {
  const paths: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) paths.push(relative(root, abs).split(sep).join('/'));
    }
  };
  walk(root);
  const abs = (p: string) => join(root, ...p.split('/'));
  return {
    paths: paths.sort(byCodePoint),
    read: async (p) => readFileSync(abs(p)),
    hash: (p) => hashStream(createReadStream(abs(p))),
    close: () => undefined,
  };
}

async function openZipBundle(file: string): Promise<BundleReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z))));
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!e.fileName.endsWith('/')) entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  const open = (p: string) =>
    new Promise<Readable>((resolve, reject) => {
      const entry = entries.get(p);
      if (!entry) return reject(new Error(`no ${p} in ${file}`));
      zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream)));
    });
  return {
    paths: [...entries.keys()].sort(byCodePoint),
    read: async (p) => {
      const chunks: Buffer[] = [];
      for await (const c of await open(p)) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    hash: async (p) => hashStream(await open(p)),
    close: () => zip.close(),
  };
}
