// Lines of a stream, each at most `maxLineBytes` long: readline holds a line whole however long it
// grows (a 2 GiB line ends in V8's string limit), this stops at the limit with a LimitError.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_LIMITS, LimitError } from '../limits.js';

/** Lines without their \n or \r\n (a lone \r also ends a line, as readline's crlfDelay: Infinity did). */
export async function* boundedLines(stream: Readable, maxLineBytes: number = DEFAULT_LIMITS.maxLineBytes): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  let pendingLength = 0;
  let lastWasCR = false;
  let lineNo = 1;
  const tooLong = (): LimitError => new LimitError('maxLineBytes', maxLineBytes, `line ${lineNo} is longer than ${maxLineBytes} bytes`, `line:${lineNo}`);
  const take = (piece: string): void => {
    pendingLength += Buffer.byteLength(piece);
    if (pendingLength > maxLineBytes) throw tooLong();
    pending.push(piece);
  };
  const flush = (): string => {
    const line = pending.join('');
    pending = [];
    pendingLength = 0;
    lineNo++;
    return line;
  };
  for await (const chunk of stream) {
    const text = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      if (c === 0x0a && lastWasCR && i === from && pending.length === 0) {
        // the \n of a \r\n split across chunks (or right after \r): not a line of its own
        lastWasCR = false;
        from = i + 1;
        continue;
      }
      take(text.slice(from, i));
      yield flush();
      // a \r whose \n is in the same chunk is consumed here; one at the chunk's end is remembered
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lastWasCR = c === 0x0d && i === text.length - 1;
      from = i + 1;
    }
    if (from < text.length) {
      take(text.slice(from));
      lastWasCR = false;
    }
  }
  const rest = decoder.end();
  if (rest) take(rest);
  if (pending.length > 0) yield flush();
}
