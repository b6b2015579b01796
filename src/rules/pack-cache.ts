// A disk cache of compiled rule packs, so a warm start neither parses YAML nor compiles the
// registry nor builds the matcher (with every Pilkada region: seconds → a few hundred ms).
// The key is the SHA-256 of netral's version, of the code that compiles a pack (every module of
// rules/ and text/, and the text layer's data files rules/text/bilangan.json and slang.json), and of every source
// file of the pack by kind, path and content (rules, exceptions, lexicons, models, registries): any
// edit is simply a miss.
// A file is a one-line JSON header (validated with zod: format, key, body size and SHA-256) and
// the snapshot body (pack-snapshot.ts). A file that fails any check is ignored and rewritten;
// one that cannot be read or written costs only speed.
// Location: $NETRAL_CACHE_DIR, else $XDG_CACHE_HOME/netral, else ~/.cache/netral;
// NETRAL_CACHE_DIR=off turns it off.
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sha256Hex } from '../model/hash.js';
import { NUMBER_WORDS_FILE } from '../text/number-words.js';
import { SLANG_FILE } from '../text/slang.js';
import { TOOL_VERSION } from '../version.js';

// 4: the cue lists' sides and each matcher's sided and verdict words are made by the pack compile
// 5: the glosses are stored normalised (GlossTable.glosses), read back without normalising, and
// the term texts as one string with their ends, the matcher's owners as a column, and the
// ambiguous tag forms (registry.ts, ambiguousTagSources)
// 6: the lexicon terms' normalised texts (pack-snapshot.ts, lexiconTexts) and the edit index's deletion keys
// 7: a pair_stance matcher's cue terms carry a prefilter slot (TermOwner.slot, pack.ts pairStanceGate)
// 8: the term texts as a one-byte string, the terms with a wider code unit apart (pack-snapshot.ts, TermColumns.wide)
const FORMAT = 'netral-pack-cache/8';
/** cache files kept (one per distinct set of sources); the oldest beyond this are removed */
const KEEP_FILES = 8;

const Header = z
  .object({
    format: z.literal(FORMAT),
    key: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export function cacheDir(): string | undefined {
  const env = process.env.NETRAL_CACHE_DIR;
  if (env === 'off') return undefined;
  if (env) return env;
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'netral');
}

/**
 * The folders, relative to this module's, whose code decides what a compiled pack holds: rules/,
 * text/ (every term is normalised with it) and registry/ (the dictionary that keeps everyday words
 * from standing as candidates' names, and the name forms). test/rules/pack-cache-code.test.ts
 * checks that every module the compiler imports lies in one of them (types and the version aside).
 */
export const COMPILER_SOURCE_DIRS: readonly string[] = ['.', '../text', '../registry'];

let codeHash: string | undefined;
/** Every module that compiles a pack: the folders above (.js from dist/, .ts under vitest). */
function codeOfCompiler(): string {
  if (codeHash === undefined) {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const parts: string[] = [];
    for (const rel of COMPILER_SOURCE_DIRS) {
      const dir = path.resolve(here, rel);
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts')).sort();
      } catch {
        names = [];
      }
      for (const f of names) parts.push(`${rel}/${f}:${sha256Hex(readFileSync(path.join(dir, f)))}`);
    }
    // the text layer's own data: every term of a pack is normalised with it
    for (const [name, file] of [['bilangan.json', NUMBER_WORDS_FILE], ['slang.json', SLANG_FILE]] as const) {
      try {
        parts.push(`${name}:${sha256Hex(readFileSync(file))}`);
      } catch {
        parts.push(`${name}:-`);
      }
    }
    codeHash = sha256Hex(parts.join('\n'));
  }
  return codeHash;
}

/** One source file of a pack, as the key sees it. */
export interface PackSourceFile {
  kind: 'registry' | 'lexicon' | 'gloss' | 'model' | 'rule' | 'exception';
  path: string;
  sha256: string;
}

/** The cache key of a pack compiled from these files (in load order). */
export function packCacheKey(files: readonly PackSourceFile[]): string {
  return sha256Hex([FORMAT, TOOL_VERSION, process.versions.v8, codeOfCompiler(), ...files.map((f) => `${f.kind}\u0000${f.path}\u0000${f.sha256}`)].join('\n'));
}

function fileOf(key: string): string | undefined {
  const dir = cacheDir();
  return dir ? path.join(dir, `pack-${key.slice(0, 32)}.bin`) : undefined;
}

/** A cache image: header line + body. The same bytes are handed to scan workers. */
export function packImage(key: string, body: Uint8Array): Buffer {
  const header = JSON.stringify({ format: FORMAT, key, bytes: body.length, sha256: sha256Hex(body) } satisfies z.infer<typeof Header>);
  return Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), body]);
}

/** The body of an image made for this key, or undefined when it is another key's, damaged or not one at all. */
export function imageBody(key: string, image: Uint8Array): Uint8Array | undefined {
  const nl = image.subarray(0, 1024).indexOf(0x0a);
  if (nl < 0) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(image.buffer, image.byteOffset, nl).toString('utf8'));
  } catch {
    return undefined;
  }
  const header = Header.safeParse(json);
  if (!header.success || header.data.key !== key) return undefined;
  const body = image.subarray(nl + 1);
  if (body.length !== header.data.bytes || sha256Hex(body) !== header.data.sha256) return undefined;
  return body;
}

/**
 * glibc's malloc serves a block of 128 KB or more with a mapping of its own, and when such a block
 * is freed it raises that bound to the block's size (up to 32 MB) and keeps up to twice as much free
 * memory in the process instead of returning it. The pack's image (~16 MB with every Pilkada region)
 * was the largest block a scan freed: after it, every buffer below 16 MB (the workers' messages,
 * SQLite's pages, V8's compiler zones, the pack's arrays) came from the arenas, where freed memory
 * stays resident: ~70 MB more peak RSS with `--jobs 2` (bench/NOTES-s51-memory.md). A block above
 * 32 MB never moves the bound, and the pages past the file's end are never written, so never resident.
 */
const ABOVE_MMAP_BOUND = 32 * 1024 * 1024 + 4096;

/**
 * A file's bytes in a buffer of at least ABOVE_MMAP_BOUND bytes (see there), in a SharedArrayBuffer
 * when `shared` (handed to worker threads without a copy: a structured clone of the image was one
 * more ~16 MB block allocated and freed per worker).
 */
function readLargeFile(file: string, shared: boolean): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const room = Math.max(size, ABOVE_MMAP_BOUND);
    const bytes = shared ? new Uint8Array(new SharedArrayBuffer(room)) : Buffer.allocUnsafeSlow(room);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The cache file's bytes for a key, unchecked: for a caller that hands them to a thread which checks
 * them (loadRulePack's `image` option goes through imageBody), in shared memory. Undefined when there is no file.
 */
export function readPackImage(key: string): Uint8Array | undefined {
  const file = fileOf(key);
  if (!file) return undefined;
  try {
    return readLargeFile(file, true);
  } catch {
    return undefined;
  }
}

/** The cached image for a key, if a valid one is on disk. */
export function readPackCache(key: string): { image: Uint8Array; body: Uint8Array } | undefined {
  const file = fileOf(key);
  if (!file) return undefined;
  try {
    const image = readLargeFile(file, false);
    const body = imageBody(key, image);
    return body ? { image, body } : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: an unwritable cache folder only costs the next start its speed. */
export function writePackCache(key: string, image: Uint8Array): void {
  const file = fileOf(key);
  if (!file) return;
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, image, { mode: 0o600 });
    renameSync(tmp, file);
    pruneCache(dir, file);
  } catch {
    // ignore
  }
}

/** Keeps the newest KEEP_FILES pack files (and drops the format-1 files an older netral wrote). */
function pruneCache(dir: string, keep: string): void {
  const packs = readdirSync(dir)
    .filter((f) => /^pack-[0-9a-f]{32}\.(bin|json)$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => f !== keep)
    .map((f) => ({ f, at: statSync(f).mtimeMs, old: f.endsWith('.json') }))
    .sort((a, b) => b.at - a.at);
  packs.forEach((p, i) => {
    if (p.old || i >= KEEP_FILES - 1) rmSync(p.f, { force: true });
  });
}
