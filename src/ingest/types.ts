// Contracts between the input walker, format detection and the platform adapters.
import type { Readable } from 'node:stream';
import type { Capture, ItemDraft, Platform } from '../model/index.js';
import type { Limits } from '../limits.js';

/** One file found in an input: a loose file, a file under a folder, or a member of a zip. */
export interface Member {
  /** the input the user named (file, folder or zip path, as given) */
  input: string;
  /** '/'-separated path relative to the input root; for a single file, its base name */
  path: string;
  /** the zip this member was read from (absent for plain files) */
  zip?: string;
  size: number;
  /** zip members: bytes as stored in the archive (for the compression-ratio bound) */
  compressedSize?: number;
  mtime?: Date;
  /** opens a fresh stream of the member's bytes; may be called more than once */
  open(): Promise<Readable>;
  /** the file on disk (plain files only, not zip members): flagged rows are read from it by offset */
  file?: string;
}

export interface IngestOptions {
  /** IANA zone for formats that record local wall-clock time (WhatsApp, Telegram `date`) */
  timezone: string;
  /** CSV/JSONL: column holding the text / time when the usual names are not used */
  textColumn?: string;
  timeColumn?: string;
  /** keep going past a corrupt member (one warning line each) instead of failing with exit 2 */
  skipBad: boolean;
  /** bounds on hostile input (src/limits.ts); DEFAULT_LIMITS when absent */
  limits?: Limits;
  /**
   * Items come with an empty id, hashed only when needed (model/item.ts ensureItemId): a scan
   * sets it, since only its flagged items' ids are ever used.
   */
  deferItemIds?: boolean;
  /**
   * JSONL and CSV files are read as chunks of this many rows, not made into items (IngestEvent
   * 'rows'): a scan with worker threads sets it, so the rows become items in the thread that
   * evaluates them.
   */
  rowChunks?: number;
}

/** Rows of a row file in file order, not yet made into items, with where each sits in the file. */
export type RowChunk = JsonlChunk | CsvChunk;

interface RowChunkBase {
  captureId: string;
  /** the member's path (the items' source path) */
  path: string;
  /** each row's byte offset and length in the file (a JSONL line without its line break) */
  offsets: number[];
  lengths: number[];
}

/** JSONL lines, unparsed. */
export interface JsonlChunk extends RowChunkBase {
  kind: 'jsonl';
  /** the first line's number in the file (1-based) */
  startLine: number;
  /** no line with content comes before this chunk */
  first: boolean;
  /**
   * The file's first record, or a line before this chunk, names its author (jsonlLineNamesAuthor),
   * so a line without one is nobody's; unset until the first record is read (a chunk of blank
   * lines only). False: the chunk's reader still turns at its first line that names one.
   */
  authored?: boolean;
  lines: string[];
}

/**
 * CSV records as csv-parse gave them (the main thread splits the records: a quoted value may span
 * lines), with the file's header and each record's pointer ("line:N").
 */
export interface CsvChunk extends RowChunkBase {
  kind: 'csv';
  header: string[];
  records: Array<Record<string, unknown>>;
  pointers: string[];
}

/** How many rows a chunk holds. */
export function rowCount(chunk: RowChunk): number {
  return chunk.kind === 'jsonl' ? chunk.lines.length : chunk.records.length;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = { timezone: 'Asia/Jakarta', skipBad: false };

/** An item as an adapter emits it: the draft plus the raw fragment it was read from (for evidence). */
export interface ParsedItem {
  draft: ItemDraft;
  /** the JSON fragment / CSV row / text line the item came from, kept with flagged items */
  raw?: unknown;
  /**
   * The adapter knows the export's owner did this (a chat's "You"/"Anda" sender, the Telegram
   * account owner's own messages). Unset: the adapter's `authorship` decides.
   */
  byOwner?: boolean;
  /**
   * The actor shows the export owner's own name but is another account (a Telegram member whose
   * from_id is not the owner's): the item is never filed under a subject by that name, only by a
   * handle. Names are shared; an export that knows its owner's id knows this one is someone else.
   */
  namesake?: boolean;
  /**
   * The export names its owner's account and this item is another account's (a Telegram member
   * whose from_id is not the owner's). Scanned as a subject's export, such an item is never filed
   * under that same subject by a name it shares with him: he is the export's owner, and this is not.
   */
  otherAccount?: boolean;
  /**
   * Where the row's bytes sit in the member (row formats: JSONL lines, CSV records). A flagged row
   * of a large file is kept as these bytes instead of the whole file (README "Evidence versus disk").
   */
  span?: RowSpan;
}

/** A row's byte range in the member it was read from. */
export interface RowSpan {
  offset: number;
  length: number;
}

/**
 * Who did the items an adapter reads. 'owner': a personal data export, every item is the
 * export owner's own activity (Facebook, Instagram, X, TikTok, loose photos). 'per-item': each
 * item's actor did it (chat senders, page authors, a table's author column); such an item is the
 * owner's only when the adapter says so (`byOwner`) or its actor is one of the owner's accounts.
 */
export type Authorship = 'owner' | 'per-item';

export interface AdapterContext {
  capture: Capture;
  member: Member;
  options: IngestOptions;
  /** report a recoverable problem (one line, already specific: what and where) */
  warn(message: string): void;
  /** another member of the same input whose path ends with `suffix` (media referenced by an export) */
  findMember(suffix: string): Member | undefined;
  /**
   * Like findMember, but only a member of the member's own export (export-root.ts sameExport): the
   * file that names the export's owner. A neighbouring export in the same folder or zip is another
   * person's, and its owner is never this export's.
   */
  findExportFile(suffix: string): Member | undefined;
}

/**
 * A platform adapter: a pure translation from one export file to Items. It knows nothing about
 * rules, the store or other adapters.
 */
export interface Adapter {
  /** format id shown to users: facebook, instagram, x, tiktok, telegram, whatsapp, csv, jsonl, photo, html-… */
  id: string;
  platform: Platform;
  /** human name for --list-formats */
  label: string;
  /**
   * Does this member belong to this adapter? `path` is '/'-separated and relative to the input
   * root; match by suffix, never by a fixed root folder. `head` holds the first bytes (≤ 4 KiB).
   */
  detect(path: string, head: Buffer): boolean;
  /**
   * 'buffer': the adapter receives the whole member (JSON documents); 'stream': a fresh stream
   * (line formats that can be large: CSV, JSONL, WhatsApp).
   */
  input: 'buffer' | 'stream';
  authorship: Authorship;
  read(source: Buffer | Readable, ctx: AdapterContext): AsyncIterable<ParsedItem> | Iterable<ParsedItem>;
}

/** Thrown by an adapter when a member it claimed is not what it should be (bad JSON, wrong shape). */
export class MemberFormatError extends Error {
  constructor(
    readonly memberPath: string,
    readonly detail: string,
  ) {
    super(`${memberPath}: ${detail}`);
    this.name = 'MemberFormatError';
  }
}
