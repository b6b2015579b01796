// The ingest stage: inputs in, a stream of events out — captures (what bytes were read, from where)
// and the Items the adapters found in them, plus warnings and skipped members.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { errorText, NetralError } from '../errors.js';
import { t } from '../i18n/index.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import { captureId, makeItem, type Capture, type Item } from '../model/index.js';
import { classifyMembers, type ClassifiedInput } from './detect.js';
import { type Adapter, type AdapterContext, type IngestOptions, type Member, type RowSpan } from './types.js';
import { hashStream, mediaTypeOf, readAll, walkInput, type ZipContainer } from './walk.js';
import { resolveMedia } from './media.js';
import { DEFAULT_LIMITS, LimitError, type Limits } from '../limits.js';
import { limitMessages } from '../i18n/ingest.js';
import { memberFailure } from './member-failure.js';
import { sameExport } from './export-root.js';
import { boundedLineSpanBatches, type LineSpan } from './lines.js';
import { csvAdapter, csvRecords, jsonlAdapter, jsonlLaterLineNamesAuthor, jsonlLineHasContent, jsonlLineNamesAuthor, type CsvRecord } from './table.js';
import { rowCount, type CsvChunk, type JsonlChunk, type RowChunk } from './types.js';

/** The bytes behind a capture: the buffer already read, or a way to stream them again. */

/** Whether an adapter's files are read as row chunks when a scan has worker threads (IngestOptions.rowChunks): JSONL and CSV. */
export function readsRowChunks(adapterId: string): boolean {
  return adapterId === jsonlAdapter.id || adapterId === csvAdapter.id;
}

export type CaptureContent = Buffer | (() => Promise<Readable>);

export interface MediaCapture {
  capture: Capture;
  content: CaptureContent;
}

export type IngestEvent =
  /** A file was read. A zip is a capture of its own (before its members); member/adapter are then absent. */
  | { type: 'capture'; capture: Capture; member?: Member; adapter?: string; content: CaptureContent }
  /** mediaCaptures: files the item's media entries point to, found in the input (evidence to keep with a flagged item) */
  | { type: 'item'; item: Item; raw: unknown; capture: Capture; member?: Member; adapter: string; mediaCaptures: MediaCapture[]; byOwner: boolean; namesake?: boolean; otherAccount?: boolean; span?: RowSpan }
  | { type: 'warning'; message: string }
  /**
   * Lines of a row file, not yet parsed (IngestOptions.rowChunks): the scan parses them where it
   * evaluates them (pipeline/row-verdict.ts). 'rows-end' follows the last chunk of a member read
   * through; 'rows-failed' ends one whose reading failed after the chunks before it.
   */
  | { type: 'rows'; rows: RowChunk; capture: Capture; member: Member }
  | { type: 'rows-end'; capture: Capture; member: Member }
  | { type: 'rows-failed'; member: Member; detail: string }
  /** unrecognised: no adapter claims the member (normal inside an export); bad: corrupt, skipped with --skip-bad */
  | { type: 'skipped'; member: Member; reason: 'unrecognised' | 'bad' };

export interface IngestHooks {
  /**
   * Called after the last event, while every member can still be read: a consumer that is behind
   * the events (scan --jobs evaluates items ahead of storing them) stores what it still holds.
   */
  beforeClose?: () => Promise<void>;
}

/**
 * Read every input with the given adapters. All inputs are listed and classified before the first
 * event, so an unknown input fails at once and `findMember` sees every member of every input
 * (media of a split export may sit in the other zip).
 * Throws NetralError (exit 2): missing path, unreadable zip, unknown format, corrupt member
 * (unless options.skipBad).
 */
export async function* ingest(inputs: readonly string[], options: IngestOptions, adapters: readonly Adapter[], hooks: IngestHooks = {}): AsyncGenerator<IngestEvent> {
  const classified: ClassifiedInput[] = [];
  try {
    for (const input of inputs) {
      const listing = await walkInput(input, options.limits?.maxMembers);
      const c = await classifyMembers(listing, adapters).catch(async (err: unknown) => {
        await listing.close();
        throw err;
      });
      classified.push(c);
      if (c.recognised.length === 0) throw unknownInputError(c, adapters);
    }
    const findMember = memberFinder(classified.flatMap((c) => c.listing.members));
    for (const c of classified) {
      const zipCaptures = new Map<string, Capture>();
      const recognisedSet = new Set(c.recognised.map((r) => r.member));
      for (const member of c.listing.members) {
        if (!recognisedSet.has(member)) yield { type: 'skipped', member, reason: 'unrecognised' };
      }
      for (const { member, adapter } of c.recognised) {
        let parentId: string | undefined;
        if (member.zip) {
          let zipCapture = zipCaptures.get(member.zip);
          if (!zipCapture) {
            const container = c.listing.zips.find((z) => z.file === member.zip);
            if (!container) throw new Error(`zip ${member.zip} missing from its listing`);
            zipCapture = await captureZip(c.listing.input, container);
            zipCaptures.set(member.zip, zipCapture);
            yield { type: 'capture', capture: zipCapture, content: () => Promise.resolve(createReadStream(container.file)) };
          }
          parentId = zipCapture.id;
        }
        yield* readMember(member, adapter, parentId, c.listing.kind === 'file', options, findMember);
      }
    }
    await hooks.beforeClose?.();
  } finally {
    for (const c of classified) await c.listing.close();
  }
}

async function* readMember(
  member: Member,
  adapter: Adapter,
  parentId: string | undefined,
  singleFile: boolean,
  options: IngestOptions,
  findNear: (suffix: string, near: Member, sameExportOnly?: boolean) => Member | undefined,
): AsyncGenerator<IngestEvent> {
  const findMember = (suffix: string): Member | undefined => findNear(suffix, member);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const oversize = memberOverLimits(member, adapter, limits);
  if (oversize) {
    yield* badMember(member, oversize, options);
    return;
  }
  let bytes: Buffer | undefined;
  let digest: { sha256: string; bytes: number };
  try {
    if (adapter.input === 'buffer') {
      bytes = await readAll(await member.open(), limits.maxDocumentBytes);
      digest = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
    } else {
      digest = await hashStream(await member.open());
    }
  } catch (err) {
    // A member whose bytes cannot be read (bad deflate data in a damaged zip) is a bad member.
    yield* badMember(member, err instanceof LimitError ? err.render(member.size) : t(msg.memberUnreadable, { detail: errorText(err) }), options);
    return;
  }
  const capture = memberCapture(member, digest, parentId, singleFile);
  const content: CaptureContent = bytes ?? (() => member.open());
  yield { type: 'capture', capture, member, adapter: adapter.id, content };

  if (options.rowChunks && adapter.id === jsonlAdapter.id) {
    yield* readRowChunks(member, capture, options.rowChunks, limits, readingBudgetMs(limits.fileTimeMs, digest.bytes));
    return;
  }
  if (options.rowChunks && adapter.id === csvAdapter.id) {
    yield* readCsvChunks(member, capture, options, options.rowChunks, readingBudgetMs(limits.fileTimeMs, digest.bytes));
    return;
  }
  const warnings: string[] = [];
  const ctx: AdapterContext = { capture, member, options, warn: (m) => warnings.push(m), findMember, findExportFile: (suffix) => findNear(suffix, member, true) };
  // The budget counts only time spent reading this member (not the rules and the store working on
  // its items while the reader waits), and grows with its size: a million-row export is not hostile.
  const budget = readingBudgetMs(limits.fileTimeMs, digest.bytes);
  let reading = 0;
  try {
    const source = bytes ?? (await member.open());
    const rows = iteratorOf(adapter.read(source, ctx));
    try {
      for (;;) {
        const started = Date.now();
        const step = await rows.next();
        reading += Date.now() - started;
        if (step.done) break;
        const parsed = step.value;
        // checked between items: a member that takes too long keeps what was read before the budget ran out
        if (reading > budget) throw new LimitError('fileTimeMs', budget, 'per-file time budget');
        for (const message of warnings.splice(0)) yield { type: 'warning', message };
        // media the item points to: hashed, EXIF read, and kept ready as captures of their own
        const { draft, members } = await resolveMedia(parsed.draft, ctx);
        // each found file is the member resolveMedia looked up for an entry: ask the same lookup again
        const mediaCaptures = members.flatMap((m): MediaCapture[] => {
          const entry = draft.media?.find((e) => e.uri !== undefined && e.sha256 !== undefined && findMember(e.uri) === m);
          if (!entry?.sha256) return [];
          return [{ capture: memberCapture(m, { sha256: entry.sha256, bytes: entry.bytes ?? m.size }, parentId, false), content: () => m.open() }];
        });
        // media entries are linked to their captures by sha256 (content address), so the item id
        // does not depend on whether the export was read from a zip or a folder
        const item = makeItem({ ...draft, source: { ...draft.source, captureId: capture.id } }, { deferId: options.deferItemIds === true });
        const byOwner = parsed.byOwner ?? adapter.authorship === 'owner';
        yield { type: 'item', item, raw: parsed.raw, capture, member, adapter: adapter.id, mediaCaptures, byOwner, ...(parsed.namesake && { namesake: true }), ...(parsed.otherAccount && { otherAccount: true }), ...(parsed.span && { span: parsed.span }) };
      }
    } finally {
      await rows.return?.();
    }
  } catch (err) {
    for (const message of warnings.splice(0)) yield { type: 'warning', message };
    // one failure policy: whatever breaks while reading a member (format, limit, a parser's own
    // RangeError or stack overflow) makes it a bad member; only the user's own errors pass through
    if (err instanceof NetralError) throw err;
    yield* badMember(member, memberFailure(err), options);
    return;
  }
  for (const message of warnings.splice(0)) yield { type: 'warning', message };
}

/**
 * A row file's lines in chunks of `size`, unparsed, with their byte spans: the same lines, limits
 * and reading budget as the JSONL adapter's own reading, which the rows' parsing completes.
 */
async function* readRowChunks(member: Member, capture: Capture, size: number, limits: Limits, budget: number): AsyncGenerator<IngestEvent> {
  let n = 0;
  // no line with content yet: the first one's keys decide whether the file is usable at all
  let first = true;
  let authored: boolean | undefined;
  yield* readChunks<LineSpan, JsonlChunk>(
    member,
    capture,
    async () => boundedLineSpanBatches(await member.open(), limits.maxLineBytes),
    (chunk, span) => {
      n++;
      chunk ??= { kind: 'jsonl', captureId: capture.id, path: member.path, startLine: n, first, ...(authored !== undefined && { authored }), lines: [], offsets: [], lengths: [] };
      chunk.lines.push(span.line);
      chunk.offsets.push(span.offset);
      chunk.lengths.push(span.length);
      if (first && jsonlLineHasContent(span.line, n)) {
        first = false;
        // the first record decides who wrote a line without an author, until a line names one
        chunk.authored = authored = jsonlLineNamesAuthor(span.line);
      } else if (authored === false && jsonlLaterLineNamesAuthor(span.line)) {
        // this chunk's reader turns at that line itself (JsonlRows.row); every later chunk starts turned
        authored = true;
      }
      return chunk;
    },
    size,
    budget,
  );
}

async function* readCsvChunks(member: Member, capture: Capture, options: IngestOptions, size: number, budget: number): AsyncGenerator<IngestEvent> {
  yield* readChunks<CsvRecord, CsvChunk>(
    member,
    capture,
    async () => csvRecords(await member.open(), { member, options }),
    (chunk, r) => {
      chunk ??= { kind: 'csv', captureId: capture.id, path: member.path, header: r.header, records: [], pointers: [], offsets: [], lengths: [] };
      chunk.records.push(r.record);
      chunk.pointers.push(r.pointer);
      chunk.offsets.push(r.span.offset);
      chunk.lengths.push(r.span.length);
      return chunk;
    },
    size,
    budget,
  );
}

/**
 * A row file's rows as chunks of `size` (IngestEvent 'rows'), the skeleton JSONL and CSV share:
 * `steps` gives rows one by one or in batches, `add` puts a row in the chunk (making it when
 * there is none yet). Only the time spent reading counts against the member's budget; a failure
 * comes after the chunk of the rows read before it, as the member's failure.
 */
async function* readChunks<R, C extends RowChunk>(member: Member, capture: Capture, steps: () => Promise<AsyncIterator<R | readonly R[]>>, add: (chunk: C | undefined, row: R) => C, size: number, budget: number): AsyncGenerator<IngestEvent> {
  let chunk: C | undefined;
  let reading = 0;
  try {
    const rows = await steps();
    for (;;) {
      const started = Date.now();
      const step = await rows.next();
      reading += Date.now() - started;
      if (step.done) break;
      const batch = step.value;
      for (const row of Array.isArray(batch) ? (batch as readonly R[]) : [batch as R]) {
        chunk = add(chunk, row);
        if (rowCount(chunk) >= size) {
          if (reading > budget) throw new LimitError('fileTimeMs', budget, 'per-file time budget');
          yield { type: 'rows', rows: chunk, capture, member };
          chunk = undefined;
        }
      }
    }
  } catch (err) {
    if (err instanceof NetralError) throw err;
    // the rows before the failure are read as they would have been; the failure comes after them
    if (chunk) yield { type: 'rows', rows: chunk, capture, member };
    yield { type: 'rows-failed', member, detail: memberFailure(err) };
    return;
  }
  if (chunk) yield { type: 'rows', rows: chunk, capture, member };
  yield { type: 'rows-end', capture, member };
}

/** A member that cannot be read: exit 2, or with --skip-bad one warning and a skipped member. */
export function* badMember(member: Member, detail: string, options: Pick<IngestOptions, 'skipBad'>): Generator<IngestEvent> {
  const params = { input: member.input, path: member.path, detail };
  // a file named on the command line is its own only member (walk.ts: file === input)
  const single = member.file !== undefined && member.file === member.input;
  if (!options.skipBad) throw new NetralError(single ? msg.badFile : msg.badMember, params);
  yield { type: 'warning', message: t(single ? msg.badFileSkipped : msg.badMemberSkipped, params) };
  yield { type: 'skipped', member, reason: 'bad' };
}

function memberCapture(member: Member, digest: { sha256: string; bytes: number }, parentId: string | undefined, singleFile: boolean): Capture {
  const originKind = member.zip ? 'zip-member' : 'file';
  const origin = member.zip ?? member.input;
  const memberPath = singleFile ? undefined : member.path;
  return {
    id: captureId({ sha256: digest.sha256, memberPath, origin, originKind }),
    originKind,
    origin,
    ...(memberPath !== undefined && { memberPath }),
    ...(parentId !== undefined && { parentId }),
    method: 'export-file',
    sha256: digest.sha256,
    bytes: digest.bytes,
    ...mediaTypeOf(member.path),
    capturedAt: new Date().toISOString(),
    ...(member.mtime && { sourceMtime: member.mtime.toISOString() }),
  };
}

async function captureZip(input: string, zip: ZipContainer): Promise<Capture> {
  let digest: { sha256: string; bytes: number };
  try {
    digest = await hashStream(createReadStream(zip.file));
  } catch (err) {
    throw new NetralError(msg.pathUnreadable, { path: zip.file, detail: errorText(err) }, 2, { cause: err });
  }
  const origin = zip.memberPath ? zip.file : input;
  return {
    id: captureId({ sha256: digest.sha256, memberPath: zip.memberPath, origin, originKind: 'file' }),
    originKind: 'file',
    origin,
    ...(zip.memberPath !== undefined && { memberPath: zip.memberPath }),
    method: 'export-file',
    sha256: digest.sha256,
    bytes: digest.bytes,
    mediaType: 'application/zip',
    capturedAt: new Date().toISOString(),
    sourceMtime: zip.mtime.toISOString(),
  };
}

function unknownInputError(c: ClassifiedInput, adapters: readonly Adapter[]): NetralError {
  const formats = formatList(adapters);
  const { listing } = c;
  if (listing.members.some((m) => /(^|\/)(your_posts(_\d+)?|your_posts__check_ins__photos_and_videos_\d+)\.html$/.test(m.path))) {
    return new NetralError(msg.facebookHtmlExport, { input: listing.input });
  }
  if (listing.kind === 'file') return new NetralError(msg.unknownFormat, { file: listing.input, formats });
  return new NetralError(msg.noKnownMembers, { input: listing.input, count: listing.members.length, formats });
}

/** "Facebook, Instagram, CSV and JSONL" from the adapters' labels, in list order. */
function formatList(adapters: readonly Adapter[]): string {
  const labels = [...new Set(adapters.map((a) => a.label))];
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} / ${labels[labels.length - 1]}` : (labels[0] ?? '');
}

/**
 * findMember for adapters: the member whose path ends with `suffix` (at a '/' boundary), preferring
 * one in the same zip/input as the member asking. Indexed by base name: an export has thousands of media.
 */
function memberFinder(members: readonly Member[]): (suffix: string, near: Member, sameExportOnly?: boolean) => Member | undefined {
  const byBase = new Map<string, Member[]>();
  for (const m of members) {
    const base = m.path.slice(m.path.lastIndexOf('/') + 1);
    const list = byBase.get(base);
    if (list) list.push(m);
    else byBase.set(base, [m]);
  }
  return (suffix, near, sameExportOnly = false) => {
    const clean = suffix.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
    const candidates = (byBase.get(clean.slice(clean.lastIndexOf('/') + 1)) ?? []).filter(
      (m) => (m.path === clean || m.path.endsWith('/' + clean)) && (!sameExportOnly || sameExport(m, near)),
    );
    const rank = (m: Member): number => (m.zip === near.zip && m.input === near.input ? 0 : m.input === near.input ? 1 : 2);
    return candidates.sort((a, b) => rank(a) - rank(b))[0];
  };
}


/** A member refused before a byte is read: declared too big, or compressed like a bomb. */
function memberOverLimits(member: Member, adapter: Adapter, limits: Limits): string | undefined {
  if (member.zip && member.size > limits.maxDecompressedBytes) return t(limitMessages.maxDecompressedBytes, { limit: limits.maxDecompressedBytes, at: '' });
  if (member.zip && member.compressedSize !== undefined && member.size > 1_000_000 && member.size > member.compressedSize * limits.maxCompressionRatio) {
    return t(limitMessages.maxCompressionRatio, { limit: limits.maxCompressionRatio, at: ` (${member.compressedSize} → ${member.size})` });
  }
  if (adapter.input === 'buffer' && member.size > limits.maxDocumentBytes) return t(limitMessages.maxDocumentBytes, { limit: limits.maxDocumentBytes, size: member.size });
  return undefined;
}

/** The per-member reading budget: the --limit file-time base plus 1 ms per KiB of the member (≈ 1 s per MiB). */
export function readingBudgetMs(baseMs: number, bytes: number): number {
  return baseMs + Math.floor(bytes / 1024);
}

function iteratorOf<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}
