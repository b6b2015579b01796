// A disk cache for the expensive, deterministic half of loading a rule pack with big candidate
// registries (all 545 Pilkada 2024 regions: ~60,000 terms): the parsed registry files and the
// normalised form of every term. It is keyed by the SHA-256 of every registry file's content and
// of the normaliser's own source, so an edited registry or normaliser simply misses the cache.
// Rule files are always parsed afresh (their YAML positions feed error messages), and registries
// under 256 KB (the shipped ones) are not cached at all.
// Location: $NETRAL_CACHE_DIR, else $XDG_CACHE_HOME/netral, else ~/.cache/netral;
// NETRAL_CACHE_DIR=off disables it. A cache that cannot be read or written is ignored.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { sha256Hex } from '../model/hash.js';
import type { RegistryFile } from './registry-schema.js';

const FORMAT = 'netral-pack-cache/1';

/** The modules whose code decides what the cache holds (a change there must miss the cache). */
const CODE = ['../text/normalise', '../text/slang', '../text/term-text', './registry-schema', './yaml-file'];

const CacheFile = z.object({
  format: z.literal(FORMAT),
  key: z.string(),
  /** sha256 of JSON.stringify([registries, termTexts]): a damaged file is ignored */
  body_sha256: z.string(),
  registries: z.array(z.unknown()),
  // checked by isTermTexts: a zod tuple per entry costs more than the cache saves
  termTexts: z.array(z.unknown()),
});

export interface PackCacheEntry {
  registries: RegistryFile[];
  termTexts: Array<[string, string]>;
}

function cacheDir(): string | undefined {
  const env = process.env.NETRAL_CACHE_DIR;
  if (env === 'off') return undefined;
  if (env) return env;
  return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'netral');
}

let codeHash: string | undefined;
function sourceOfCode(): string {
  if (codeHash === undefined) {
    const here = fileURLToPath(import.meta.url);
    const ext = path.extname(here); // .js from dist/, .ts under vitest
    codeHash = sha256Hex(
      CODE.map((rel) => {
        try {
          return sha256Hex(readFileSync(path.resolve(path.dirname(here), `${rel}${ext}`)));
        } catch {
          return 'missing';
        }
      }).join('\n'),
    );
  }
  return codeHash;
}

/** The cache key of a set of registry file contents (in load order). */
export function packCacheKey(registryTexts: readonly string[]): string {
  return sha256Hex([FORMAT, sourceOfCode(), ...registryTexts.map((t) => sha256Hex(t))].join('\n'));
}

function fileOf(key: string): string | undefined {
  const dir = cacheDir();
  return dir ? path.join(dir, `pack-${key.slice(0, 32)}.json`) : undefined;
}

export function readPackCache(key: string): PackCacheEntry | undefined {
  const file = fileOf(key);
  if (!file) return undefined;
  try {
    const parsed = CacheFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success || parsed.data.key !== key) return undefined;
    const { registries, termTexts } = parsed.data;
    if (!isTermTexts(termTexts)) return undefined;
    if (sha256Hex(JSON.stringify([registries, termTexts])) !== parsed.data.body_sha256) return undefined;
    // written by writePackCache from zod-validated registry files, and sealed by body_sha256
    return { registries: registries as RegistryFile[], termTexts };
  } catch {
    return undefined;
  }
}

function isTermTexts(list: unknown[]): list is Array<[string, string]> {
  return list.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string');
}

/** Best effort: an unwritable cache folder only costs the next start its speed. */
export function writePackCache(key: string, entry: PackCacheEntry): void {
  const file = fileOf(key);
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const body_sha256 = sha256Hex(JSON.stringify([entry.registries, entry.termTexts]));
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, key, body_sha256, registries: entry.registries, termTexts: entry.termTexts }), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // ignore
  }
}
