// The output contract every listing command follows: --format table|json|jsonl|csv|sarif and
// --output <file>. Records are written one at a time (begin → write… → end), so a command can
// stream them as they are produced instead of holding them all.
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvLine } from './csv.js';

export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Where a command's report goes: a file (--output) or stdout. */
export interface Sink {
  write(text: string): void;
  close(): void;
  /** true when the report goes to stdout (then summaries belong on stderr) */
  readonly toStdout: boolean;
}

/** What a buffered sink holds before it writes (see openSink). */
const SINK_BUFFER_CHARS = 64 * 1024;

/**
 * `buffered`: records are gathered and written in chunks of about 64 K characters (and whatever
 * is left on close), not one write(2) per record: a heavy scan writes tens of thousands of
 * findings, and a synchronous write each was ~2 % of its CPU. A terminal is always written at
 * once (the reader watches findings appear); a file or pipe sees them a chunk at a time, complete
 * once the command closes the sink.
 */
export function openSink(path?: string, { buffered = false }: { buffered?: boolean } = {}): Sink {
  if (!path || path === '-') {
    const out = (text: string): void => void process.stdout.write(text);
    if (!buffered || process.stdout.isTTY) return { write: out, close: () => {}, toStdout: true };
    return { ...bufferedWrites(out, () => {}), toStdout: true };
  }
  const fd = openSync(path, 'w');
  const out = (text: string): void => void writeSync(fd, text);
  const close = (): void => closeSync(fd);
  return buffered ? { ...bufferedWrites(out, close), toStdout: false } : { write: out, close, toStdout: false };
}

/** write/close over `out` that gather texts up to SINK_BUFFER_CHARS; close writes the rest (once), then `end`. */
function bufferedWrites(out: (text: string) => void, end: () => void): Pick<Sink, 'write' | 'close'> {
  let pending: string[] = [];
  let chars = 0;
  let closed = false;
  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.length === 1 ? (pending[0] as string) : pending.join('');
    pending = [];
    chars = 0;
    out(text);
  };
  return {
    write: (text) => {
      pending.push(text);
      chars += text.length;
      if (chars >= SINK_BUFFER_CHARS) flush();
    },
    close: () => {
      if (closed) return;
      closed = true;
      try {
        flush();
      } finally {
        end();
      }
    },
  };
}

/** begin once, write each record, end once (with what is only known at the end). */
export interface RecordWriter<R> {
  begin(): void;
  write(record: R): void;
  end(trailer?: Record<string, unknown>): void;
}

/**
 * One JSON document: `{"schema": …, …head, "<listKey>": [records…], …trailer}`, the records
 * written as they arrive and the trailer (summary, counts) after them.
 */
export function jsonWriter<R>(sink: Sink, head: { schema: string } & Record<string, unknown>, listKey: string): RecordWriter<R> {
  let n = 0;
  const field = (key: string, value: unknown) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
  return {
    begin: () => sink.write(`{\n${Object.entries(head).map(([k, v]) => `${field(k, v)},\n`).join('')}  ${JSON.stringify(listKey)}: [`),
    write: (record) => sink.write(`${n++ ? ',' : ''}\n    ${JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')}`),
    end: (trailer = {}) => sink.write(`${n ? '\n  ' : ''}]${Object.entries(trailer).map(([k, v]) => `,\n${field(k, v)}`).join('')}\n}\n`),
  };
}

/** One JSON record per line; each record carries its own schema tag. */
export function jsonlWriter<R>(sink: Sink): RecordWriter<R> {
  return { begin: () => {}, write: (record) => sink.write(`${JSON.stringify(record)}\n`), end: () => {} };
}

export type CsvColumn<R> = readonly [string, (record: R) => string | number | null];

/** UTF-8 with BOM (spreadsheets read Indonesian text and emoji right), header, one row per record. */
export function csvWriter<R>(sink: Sink, columns: ReadonlyArray<CsvColumn<R>>): RecordWriter<R> {
  return {
    begin: () => sink.write(`\uFEFF${csvLine(columns.map(([name]) => name))}`),
    write: (record) => sink.write(csvLine(columns.map(([, get]) => get(record)))),
    end: () => {},
  };
}

/** A whole JSON document at once (reports that are one object, not a list). */
export function writeJsonDocument(sink: Sink, doc: { schema: string } & Record<string, unknown>): void {
  sink.write(`${JSON.stringify(doc, null, 2)}\n`);
}
