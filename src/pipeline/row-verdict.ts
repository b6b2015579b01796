// A chunk of a row file's rows (JSONL lines, CSV records), made into items and evaluated in one step: what a worker thread answers for
// the lines it is handed (pipeline/eval-pool.ts), or the main thread when every worker is busy.
// Only what the main thread needs crosses back: each item's longest text, and the items that were
// flagged with their rows and findings; the rest of the items never leave the thread that read them.
import type { Finding, Item } from '../model/index.js';
import { makeItem } from '../model/item.js';
import { CsvRows, JsonlRows, type RowProblemCounts } from '../ingest/table.js';
import { memberFailure } from '../ingest/member-failure.js';
import { rowCount, type IngestOptions, type ParsedItem, type RowChunk, type RowSpan } from '../ingest/types.js';
import { NetralError } from '../errors.js';
import type { RulePack } from '../rules/pack.js';
import { itemVerdict, type VerdictOptions } from './item-verdict.js';
import { inChat } from './chat-context.js';
import { withQuote } from './quote-context.js';

/** A row chunk with the ingest options its lines are read with. */
export interface RowRequest {
  rows: RowChunk;
  options: Pick<IngestOptions, 'timezone' | 'textColumn' | 'timeColumn' | 'limits'>;
}

export interface FlaggedRow {
  /** the item's place among the chunk's items (RowsVerdict.longest) */
  at: number;
  item: Item;
  raw: unknown;
  byOwner: boolean;
  span: RowSpan;
  findings: Finding[];
}

export interface RowsVerdict {
  /** one entry per item the lines gave, in order: its longest field text */
  longest: number[];
  /** the items with findings, in order */
  flagged: FlaggedRow[];
  /** empty rows and unreadable times among these lines */
  problems: RowProblemCounts;
  /** the member failed at a line of this chunk (after the items above): the reason, one line */
  failure?: string;
  /**
   * The row at this index is a chat message (chat-context.ts inChat): it and the rows after it were not
   * evaluated, the main thread reads and evaluates them with their chat context.
   */
  chatFrom?: number;
}

/** A chunk's rows as the adapter reads them: row i → its parsed item (JSONL: the line parsed; CSV: the record). */
export function rowReader(req: RowRequest, first: boolean = req.rows.kind === 'jsonl' && req.rows.first): { read: (i: number) => ParsedItem | undefined; problems: RowProblemCounts } {
  const { rows } = req;
  const ctx = { capture: { id: rows.captureId }, member: { path: rows.path }, options: req.options };
  if (rows.kind === 'jsonl') {
    const jsonl = new JsonlRows(ctx, first, rows.authored);
    return { read: (i) => jsonl.row(rows.lines[i] as string, rows.startLine + i), problems: jsonl.problems };
  }
  const csv = new CsvRows(ctx, rows.header);
  return { read: (i) => csv.row(rows.records[i] as Record<string, unknown>, rows.pointers[i] as string), problems: csv.problems };
}

/** A row's item as the ingest stage makes it (a row has no media to resolve). */
export function rowItem(captureId: string, parsed: ParsedItem): Item {
  const { draft } = parsed;
  // a reader made for this capture (rowReader) already names it: no copy of the draft per row
  return makeItem(draft.source.captureId === captureId ? draft : { ...draft, source: { ...draft.source, captureId } }, { deferId: true });
}

export function rowsVerdict(pack: RulePack, req: RowRequest, options: VerdictOptions, afterRow?: () => void): RowsVerdict {
  const { rows } = req;
  const reader = rowReader(req);
  const longest: number[] = [];
  const flagged: FlaggedRow[] = [];
  let failure: string | undefined;
  let chatFrom: number | undefined;
  const count = rowCount(rows);
  for (let i = 0; i < count; i++) {
    let item: Item;
    let raw: unknown;
    let byOwner: boolean;
    try {
      const parsed = reader.read(i);
      if (!parsed) continue;
      item = rowItem(rows.captureId, parsed);
      raw = parsed.raw;
      byOwner = parsed.byOwner ?? false;
    } catch (err) {
      if (err instanceof NetralError) throw err;
      failure = memberFailure(err);
      break;
    }
    if (inChat(item)) {
      // this row and the rest of the chunk are the main thread's (it reads them again)
      chatFrom = i;
      break;
    }
    // a quote post leans on the tweet it quotes (quote-context.ts); no other row has a thread here
    const verdict = itemVerdict(pack, { item, thread: withQuote(item, raw, []) }, options);
    if (verdict.findings.length > 0) flagged.push({ at: longest.length, item, raw, byOwner, span: { offset: rows.offsets[i] as number, length: rows.lengths[i] as number }, findings: verdict.findings });
    longest.push(verdict.longest);
    afterRow?.();
  }
  const { empty, badTimes, badTimeExample, unknownKinds, unknownKindExample } = reader.problems;
  // the chat row's own problems (none: it was read) are counted again by the main thread: not here
  return { longest, flagged, problems: { empty, badTimes, badTimeExample, unknownKinds, unknownKindExample }, ...(failure !== undefined ? { failure } : {}), ...(chatFrom !== undefined ? { chatFrom } : {}) };
}
