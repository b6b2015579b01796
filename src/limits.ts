// Every bound on hostile or broken input, stated once. An input that crosses one is a bad member
// (one line naming the file and the limit; skipped with --skip-bad), never a crash, a hang or an
// out-of-memory kill. `--limit name=value` raises (or lowers) any of them for one run.
import { z } from 'zod';
import { t } from './i18n/index.js';
import { limitMessages } from './i18n/ingest.js';

export interface Limits {
  /** longest line (JSONL, WhatsApp), CSV record or single JSON value read from a stream, bytes */
  maxLineBytes: number;
  /** largest JSON / HTML member that is parsed whole, bytes */
  maxDocumentBytes: number;
  /** deepest nesting of a JSON document ({ [ … ) */
  maxJsonDepth: number;
  /** deepest nesting of HTML elements */
  maxHtmlDepth: number;
  /** most HTML elements in one page */
  maxHtmlNodes: number;
  /** largest decompressed zip member or HTTP body, bytes */
  maxDecompressedBytes: number;
  /** highest decompressed : compressed ratio of a zip member or an HTTP body (zip bombs) */
  maxCompressionRatio: number;
  /** most members in one input (folder or zip) */
  maxMembers: number;
  /** wall-clock budget for reading one member, milliseconds */
  fileTimeMs: number;
  /** texts longer than this are matched in overlapping windows of this many UTF-16 units */
  textWindow: number;
  /** how far consecutive windows overlap (a phrase cut by one window is whole in the next) */
  textWindowOverlap: number;
  /**
   * row files (JSONL, CSV) larger than this keep only their flagged rows in the store, with the
   * whole file's SHA-256 and size (scan --keep-originals keeps the whole file), bytes
   */
  rowEvidenceBytes: number;
}

const MiB = 1024 * 1024;

/** The defaults: far above any real export's line, page or member, far below what hurts. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxLineBytes: 8 * MiB,
  maxDocumentBytes: 256 * MiB,
  maxJsonDepth: 512,
  maxHtmlDepth: 1024,
  maxHtmlNodes: 500_000,
  maxDecompressedBytes: 4 * 1024 * MiB,
  maxCompressionRatio: 1000,
  maxMembers: 200_000,
  fileTimeMs: 120_000,
  textWindow: 64 * 1024,
  textWindowOverlap: 1024,
  rowEvidenceBytes: 1 * MiB,
});

/** `--limit` names (kebab-case) → fields, with the unit their value is read in. */
const LIMIT_NAMES: Record<string, { key: keyof Limits; unit: 'bytes' | 'count' | 'ms' }> = {
  'max-line': { key: 'maxLineBytes', unit: 'bytes' },
  'max-document': { key: 'maxDocumentBytes', unit: 'bytes' },
  'max-json-depth': { key: 'maxJsonDepth', unit: 'count' },
  'max-html-depth': { key: 'maxHtmlDepth', unit: 'count' },
  'max-html-nodes': { key: 'maxHtmlNodes', unit: 'count' },
  'max-decompressed': { key: 'maxDecompressedBytes', unit: 'bytes' },
  'max-ratio': { key: 'maxCompressionRatio', unit: 'count' },
  'max-members': { key: 'maxMembers', unit: 'count' },
  'file-time': { key: 'fileTimeMs', unit: 'ms' },
  'text-window': { key: 'textWindow', unit: 'count' },
  'row-evidence': { key: 'rowEvidenceBytes', unit: 'bytes' },
};

export const LIMIT_NAMES_LIST: readonly string[] = Object.keys(LIMIT_NAMES);

const UNITS: Record<string, number> = { '': 1, k: 1e3, kb: 1e3, kib: 1024, m: 1e6, mb: 1e6, mib: MiB, g: 1e9, gb: 1e9, gib: 1024 * MiB };
const TIME_UNITS: Record<string, number> = { '': 1000, s: 1000, ms: 1, m: 60_000, min: 60_000 };

/** "64MiB", "2g", "30s", "512": a number with an optional unit; undefined when unreadable. */
function parseAmount(text: string, unit: 'bytes' | 'count' | 'ms'): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const factor = (unit === 'ms' ? TIME_UNITS : unit === 'bytes' ? UNITS : { '': 1, k: 1e3, m: 1e6 })[(m[2] ?? '').toLowerCase()];
  if (factor === undefined) return undefined;
  const value = Math.round(Number(m[1]) * factor);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** `--limit` values ("max-line=64MiB") over the defaults; throws a one-line Error naming the bad one. */
export function parseLimits(specs: readonly string[] = []): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const spec of specs) {
    const [name = '', value = ''] = spec.split('=', 2);
    const known = LIMIT_NAMES[name.trim()];
    if (!known) throw new LimitSpecError(spec, `one of ${LIMIT_NAMES_LIST.join(', ')}`);
    const amount = parseAmount(value, known.unit);
    if (amount === undefined) throw new LimitSpecError(spec, known.unit === 'bytes' ? 'a size like 64MiB' : known.unit === 'ms' ? 'a time like 30s' : 'a positive number');
    limits[known.key] = amount;
  }
  if (limits.textWindowOverlap * 4 > limits.textWindow) limits.textWindowOverlap = Math.floor(limits.textWindow / 4);
  return LimitsSchema.parse(limits);
}

export class LimitSpecError extends Error {
  constructor(
    readonly spec: string,
    readonly expected: string,
  ) {
    super(`--limit ${spec.slice(0, 60)}: expected ${expected}`);
  }
}

const positive = z.number().int().positive();
export const LimitsSchema = z.object({
  maxLineBytes: positive,
  maxDocumentBytes: positive,
  maxJsonDepth: positive,
  maxHtmlDepth: positive,
  maxHtmlNodes: positive,
  maxDecompressedBytes: positive,
  maxCompressionRatio: positive,
  maxMembers: positive,
  fileTimeMs: positive,
  textWindow: positive.min(256),
  textWindowOverlap: z.number().int().nonnegative(),
  rowEvidenceBytes: positive,
});

/** The `--limit` name of a field, for messages that tell the user which flag raises it. */
export function limitFlag(key: keyof Limits): string {
  return Object.entries(LIMIT_NAMES).find(([, v]) => v.key === key)?.[0] ?? key;
}

/** Windows [start, end) over a text of `length` units: whole when short, else overlapping. */
export function textWindows(length: number, limits: Pick<Limits, 'textWindow' | 'textWindowOverlap'> = DEFAULT_LIMITS): Array<[number, number]> {
  if (length <= limits.textWindow) return [[0, length]];
  const out: Array<[number, number]> = [];
  const step = limits.textWindow - limits.textWindowOverlap;
  for (let start = 0; start < length; start += step) {
    const end = Math.min(length, start + limits.textWindow);
    out.push([start, end]);
    if (end === length) break;
  }
  return out;
}

/** Thrown when an input crosses a limit: the reader's caller turns it into a bad member. */
export class LimitError extends Error {
  constructor(
    readonly key: keyof Limits,
    readonly limit: number,
    readonly detail: string,
    /** where in the member ("line 3"), shown after the limit */
    readonly at?: string,
  ) {
    super(`${detail} (limit ${limitFlag(key)}=${limit})`);
    this.name = 'LimitError';
  }

  /** One line in the user's language, naming the flag that raises the bound. */
  render(size?: number): string {
    return t(limitMessages[this.key], { limit: this.limit, at: this.at ? ` (${this.at})` : '', size: size ?? '' });
  }
}

/** Nesting depth of a JSON text, scanning bytes outside strings; stops as soon as `max` is passed. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
