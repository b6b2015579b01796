// Lines of a stream, each at most `maxLineBytes` long: readline holds a line whole however long it
// grows (a 2 GiB line ends in V8's string limit), this stops at the limit with a LimitError.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_LIMITS, LimitError } from '../limits.js';

/** A line and where its bytes sit in the stream (without the line break), for row evidence. */
export interface LineSpan {
  line: string;
  /** byte offset of the line's first byte in the stream */
  offset: number;
  /** the line's length in bytes, without its \n, \r\n or \r */
  length: number;
}

/** Lines without their \n or \r\n (a lone \r also ends a line, as readline's crlfDelay: Infinity did). */
export async function* boundedLines(stream: Readable, maxLineBytes: number = DEFAULT_LIMITS.maxLineBytes): AsyncGenerator<string> {
  for await (const span of boundedLineSpans(stream, maxLineBytes)) yield span.line;
}

/**
 * The same lines with their byte offset and length in the stream: counted while the line is read
 * (the byte length of each piece is needed for the limit anyway), so it costs no second read.
 */
export async function* boundedLineSpans(stream: Readable, maxLineBytes: number = DEFAULT_LIMITS.maxLineBytes): AsyncGenerator<LineSpan> {
  for await (const spans of boundedLineSpanBatches(stream, maxLineBytes)) yield* spans;
}

/**
 * The same lines, as many at a time as one chunk of the stream ends (one step per chunk, not per
 * line: the scan hands a row file's lines on unparsed, so stepping is most of what reading costs).
 * A line over the limit fails after the lines before it have been given.
 */
export async function* boundedLineSpanBatches(stream: Readable, maxLineBytes: number = DEFAULT_LIMITS.maxLineBytes): AsyncGenerator<LineSpan[]> {
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  let pendingLength = 0;
  let lastWasCR = false;
  let lineNo = 1;
  // bytes of the stream before the current line
  let lineStart = 0;
  const tooLong = (): LimitError => new LimitError('maxLineBytes', maxLineBytes, `line ${lineNo} is longer than ${maxLineBytes} bytes`, `line:${lineNo}`);
  const take = (piece: string): void => {
    pendingLength += Buffer.byteLength(piece);
    if (pendingLength > maxLineBytes) throw tooLong();
    pending.push(piece);
  };
  const flush = (breakBytes: number): LineSpan => {
    const span = { line: pending.length === 1 ? pending[0]! : pending.join(''), offset: lineStart, length: pendingLength };
    lineStart += pendingLength + breakBytes;
    pending = [];
    pendingLength = 0;
    lineNo++;
    return span;
  };
  for await (const chunk of stream) {
    const text = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    const spans: LineSpan[] = [];
    let from = 0;
    try {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 0x0a && c !== 0x0d) continue;
        if (c === 0x0a && lastWasCR && i === from && pending.length === 0) {
          // the \n of a \r\n split across chunks (or right after \r): not a line of its own
          lastWasCR = false;
          lineStart++;
          from = i + 1;
          continue;
        }
        take(text.slice(from, i));
        // a \r whose \n is in the same chunk is consumed here; one at the chunk's end is remembered
        const crlf = c === 0x0d && text.charCodeAt(i + 1) === 0x0a;
        spans.push(flush(crlf ? 2 : 1));
        if (crlf) i++;
        // (a \r\n that ends the chunk is whole: the next chunk's \n is a line of its own)
        lastWasCR = !crlf && c === 0x0d && i === text.length - 1;
        from = i + 1;
      }
      if (from < text.length) {
        take(text.slice(from));
        lastWasCR = false;
      }
    } catch (err) {
      if (spans.length) yield spans;
      throw err;
    }
    if (spans.length) yield spans;
  }
  const rest = decoder.end();
  if (rest) take(rest);
  if (pending.length > 0) yield [flush(0)];
}
