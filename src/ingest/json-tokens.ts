// A streaming JSON reader for export files too big to parse whole: X archives' tweets.js (one
// huge array behind a JavaScript assignment) and Telegram's result.json (chats.list[].messages[]
// inside objects). The caller walks the document
// with `JsonCursor`: it reads object keys one by one, takes small values whole (`value()`), skips
// others, and steps into arrays element by element — only the current element is in memory.
// Values are handed to JSON.parse, so they are exactly what JSON.parse gives.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { t } from '../i18n/index.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import { invalidJson, jsonErrorWhere, type JsonErrorWhere } from './json.js';
import { MemberFormatError } from './types.js';
import { DEFAULT_LIMITS, LimitError, type Limits } from '../limits.js';

const SPACE = /\s/;

export class JsonCursor {
  private readonly decoder = new StringDecoder('utf8');
  private readonly chunks: AsyncIterator<Buffer | string>;
  private text = '';
  private at = 0;
  private started = false;
  private line = 1;
  private column = 0;

  /** `source`: a stream, or the whole file already in memory (tests, small members) */
  constructor(
    source: Readable | Buffer,
    private readonly memberPath: string,
    private readonly limits: Pick<Limits, 'maxLineBytes' | 'maxJsonDepth'> = DEFAULT_LIMITS,
  ) {
    const stream = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  }

  /** Make sure an unread character is buffered; false at the end of the stream. */
  private async fill(): Promise<boolean> {
    while (this.at >= this.text.length) {
      const next = await this.chunks.next();
      this.text = next.done ? this.decoder.end() : this.decoder.write(Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value));
      this.at = 0;
      if (!this.started && this.text) {
        this.started = true;
        if (this.text.charCodeAt(0) === 0xfeff) this.at = 1;
      }
      if (next.done && this.at >= this.text.length) return false;
    }
    return true;
  }

  private advance(ch: string): void {
    this.at++;
    if (ch === '\n') {
      this.line++;
      this.column = 0;
    } else this.column++;
  }

  /** A MemberFormatError at the given place (by default the next character), or at the end of the file. */
  private fail(where: JsonErrorWhere | string = { line: this.line, column: this.column + 1 }): never {
    throw new MemberFormatError(this.memberPath, invalidJson(where));
  }

  /** The next non-space character, not consumed (undefined at the end). */
  private async peek(): Promise<string | undefined> {
    while (await this.fill()) {
      const ch = this.text[this.at] as string;
      if (!SPACE.test(ch)) return ch;
      this.advance(ch);
    }
    return undefined;
  }

  /** Consume the next non-space character, which must be one of `allowed`. */
  private async take(allowed: string): Promise<string> {
    const ch = await this.peek();
    if (ch === undefined) return this.fail({ end: true });
    if (!allowed.includes(ch)) return this.fail();
    this.advance(ch);
    return ch;
  }

  /**
   * Text before the document itself, up to its first "[" or "{" (an X archive's
   * `window.YTD.tweets.part0 = `): consumed and returned, at most 4 KiB.
   */
  async prefix(): Promise<string> {
    let out = '';
    while (await this.fill()) {
      const ch = this.text[this.at] as string;
      if (ch === '[' || ch === '{' || out.length > 4096) break;
      out += ch;
      this.advance(ch);
    }
    return out;
  }

  /** What comes next. */
  async kind(): Promise<'object' | 'array' | 'scalar' | 'end'> {
    const ch = await this.peek();
    return ch === undefined ? 'end' : ch === '{' ? 'object' : ch === '[' ? 'array' : 'scalar';
  }

  /** The next value, whole (objects and arrays included). */
  async value(): Promise<unknown> {
    await this.peek();
    const start = { line: this.line, column: this.column + 1 };
    const text = await this.scanValue(true);
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      const where = jsonErrorWhere(text, err);
      // positions inside the value, moved to where the value starts in the file
      if ('line' in where) this.fail({ line: start.line + where.line - 1, column: where.line === 1 ? start.column + where.column - 1 : where.column });
      // V8 gives no position for some errors ("Unexpected token ','"): name the value that broke
      if ('reason' in where) this.fail(t(msg.jsonRecordAt, { line: start.line, column: start.column, reason: where.reason }));
      return this.fail(where);
    }
  }

  /** Skip the next value without building it. */
  async skip(): Promise<void> {
    await this.scanValue(false);
  }

  /** Consume the next value, returning its source text when `keep` (strings and nesting tracked). */
  private async scanValue(keep: boolean): Promise<string> {
    if ((await this.peek()) === undefined) this.fail({ end: true });
    const parts: string[] = [];
    let depth = 0;
    let inString = false;
    let escaped = false;
    let read = 0;
    let kept = 0;
    while (await this.fill()) {
      const from = this.at;
      while (this.at < this.text.length) {
        const ch = this.text[this.at] as string;
        if (inString) {
          this.advance(ch);
          read++;
          if (escaped) escaped = false;
          else if (ch === '\\') escaped = true;
          else if (ch === '"') {
            inString = false;
            if (depth === 0) return done(this.text.slice(from, this.at));
          }
          continue;
        }
        if (read > 0 && depth === 0 && (ch === ',' || ch === '}' || ch === ']' || ch === ':' || SPACE.test(ch))) return done(this.text.slice(from, this.at));
        this.advance(ch);
        read++;
        if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') {
          if (++depth > this.limits.maxJsonDepth) throw new LimitError('maxJsonDepth', this.limits.maxJsonDepth, `JSON nested deeper than ${this.limits.maxJsonDepth} levels at line ${this.line}`, `line:${this.line}`);
        } else if (ch === '}' || ch === ']') {
          depth--;
          if (depth < 0) this.fail();
          if (depth === 0) return done(this.text.slice(from, this.at));
        }
      }
      if (keep) {
        parts.push(this.text.slice(from));
        // one record is held whole: a record the size of the file is not a record
        kept += this.text.length - from;
        if (kept > this.limits.maxLineBytes) throw new LimitError('maxLineBytes', this.limits.maxLineBytes, `one JSON record longer than ${this.limits.maxLineBytes} characters at line ${this.line}`, `line:${this.line}`);
      }
    }
    if (depth === 0 && !inString && read > 0) return parts.join('');
    return this.fail({ end: true });

    function done(last: string): string {
      if (keep) parts.push(last);
      return parts.join('');
    }
  }

  /** The keys of the object that comes next; the caller reads or skips each key's value. */
  async *keys(): AsyncGenerator<string> {
    await this.take('{');
    if ((await this.peek()) === '}') {
      await this.take('}');
      return;
    }
    for (;;) {
      if ((await this.peek()) !== '"') this.fail();
      const key = (await this.value()) as string;
      await this.take(':');
      yield key;
      if ((await this.take(',}')) === '}') return;
    }
  }

  /** Steps into the array that comes next; the caller reads or skips each element. */
  async *elements(): AsyncGenerator<number> {
    await this.take('[');
    if ((await this.peek()) === ']') {
      await this.take(']');
      return;
    }
    for (let i = 0; ; i++) {
      yield i;
      if ((await this.take(',]')) === ']') return;
    }
  }

  /** The `;` that ends a JavaScript assignment, if there is one. */
  async skipSemicolon(): Promise<void> {
    if ((await this.peek()) === ';') await this.take(';');
  }

  /** Nothing but white space may follow the document. */
  async end(): Promise<void> {
    if ((await this.peek()) !== undefined) this.fail();
  }
}
