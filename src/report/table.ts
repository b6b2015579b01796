// Aligned text tables with a header that fit the terminal (80 columns when not a terminal):
// fixed columns keep their width, the one flexible column takes what is left and is cut with "…".
// Widths are display widths (emoji and CJK count double), so rows stay aligned.
import { createRequire } from 'node:module';
import type { RecordWriter, Sink } from './output.js';

export interface TableColumn<R> {
  header: string;
  /** display width, or 'flex' for the column that takes the rest (at most one) */
  width: number | 'flex';
  get: (record: R) => string;
  /** right-align (counts) */
  right?: boolean;
  /** style a cell after it was cut and padded (bold ids, colours) */
  style?: (cell: string) => string;
}

const GAP = '  ';

/** The width a table may use: the terminal's, else 80. */
export function tableWidth(stream: NodeJS.WriteStream = process.stdout): number {
  const columns = stream.isTTY ? stream.columns : undefined;
  return columns && columns > 0 ? columns : 80;
}

// printable ASCII is one column per character: no need to ask string-width (most cells are)
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// string-width and a grapheme segmenter are loaded on the first cell that is not printable ASCII:
// both build ICU segmenters and Unicode tables (~40 ms of a `review list` that prints ASCII only).
// require() of the ES module is synchronous (Node ≥ 20.19), as a table row is written.
let stringWidth: ((s: string) => number) | undefined;
let graphemes: Intl.Segmenter | undefined;

function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  stringWidth ??= (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default;
  return stringWidth(s);
}

export function fitCell(text: string, width: number, right = false): string {
  let s = text.replace(/\s*\n\s*/g, ' ');
  const ascii = PRINTABLE_ASCII.test(s);
  let w = ascii ? s.length : displayWidth(s);
  if (w > width && ascii) {
    // one column per character: the cut is the text's start
    s = `${s.slice(0, Math.max(0, width - 1))}…`;
    w = Math.max(0, width - 1) + 1;
  } else if (w > width) {
    // cut whole graphemes (an emoji sequence is one) and add up their widths: linear in the cut
    let cut = '';
    let cutWidth = 0;
    graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const { segment } of graphemes.segment(s)) {
      const g = displayWidth(segment);
      if (cutWidth + g > width - 1) break;
      cut += segment;
      cutWidth += g;
    }
    s = `${cut}…`;
    w = cutWidth + 1;
  }
  const pad = ' '.repeat(Math.max(0, width - w));
  return right ? pad + s : s + pad;
}

export function tableWriter<R>(sink: Sink, columns: ReadonlyArray<TableColumn<R>>, options: { width?: number; empty?: string; header?: (line: string) => string; before?: (record: R) => string | undefined } = {}): RecordWriter<R> {
  const total = options.width ?? 80;
  const fixed = columns.reduce((n, c) => n + (c.width === 'flex' ? 0 : c.width), 0) + GAP.length * (columns.length - 1);
  const flex = Math.max(8, total - fixed);
  const widths = columns.map((c) => (c.width === 'flex' ? flex : c.width));
  const line = (cells: string[]) => cells.join(GAP).trimEnd();
  let n = 0;
  return {
    begin: () => {},
    write: (record) => {
      if (n++ === 0) {
        const head = line(columns.map((c, i) => fitCell(c.header, widths[i]!, c.right)));
        sink.write(`${options.header ? options.header(head) : head}\n`);
      }
      // a line of its own above a row (a group heading), under the column header
      const before = options.before?.(record);
      if (before) sink.write(`${before}\n`);
      sink.write(`${line(columns.map((c, i) => {
        const cell = fitCell(c.get(record), widths[i]!, c.right);
        return c.style ? c.style(cell) : cell;
      }))}\n`);
    },
    end: () => {
      if (n === 0 && options.empty) sink.write(`${options.empty}\n`);
    },
  };
}
