// The elements of a top-level JSON array, one at a time, from a stream: an export file of any size
// is read with only one element in memory (an X archive's tweets.js can be hundreds of MB).
// Only the array's own brackets, commas and strings are tracked; each element is handed to
// JSON.parse whole, so values are exactly what JSON.parse would give.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { t } from '../i18n/index.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import { invalidJson, jsonErrorWhere } from './json.js';
import { MemberFormatError } from './types.js';

export interface ArrayElement {
  index: number;
  value: unknown;
}

export interface ArrayStreamOptions {
  /** text allowed before the opening "[" (X archives: `window.YTD.tweets.part0 = `) */
  prefix?: RegExp;
  /** the detail of the error when the text before "[" is not the prefix */
  notAnArray: string;
}

type Phase = 'before' | 'between' | 'element' | 'after';

/** Yields each element of the top-level array; malformed JSON is a MemberFormatError with line and column. */
export async function* jsonArrayElements(stream: Readable, memberPath: string, options: ArrayStreamOptions): AsyncGenerator<ArrayElement> {
  const decoder = new StringDecoder('utf8');
  let phase: Phase = 'before';
  let before = '';
  let element: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  // position of the current character, and of the current element's first character (1-based)
  let line = 1;
  let column = 0;
  let startLine = 1;
  let startColumn = 1;
  let first = true;

  const fail = (detail: string): never => {
    throw new MemberFormatError(memberPath, detail);
  };
  const parseElement = (text: string): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      const where = jsonErrorWhere(text, err);
      if ('line' in where) {
        // positions inside the element, moved to where the element starts in the file
        return fail(invalidJson({ line: startLine + where.line - 1, column: where.line === 1 ? startColumn + where.column - 1 : where.column }));
      }
      // V8 gives no position for some errors ("Unexpected token ','"): name the record that broke
      if ('reason' in where) return fail(invalidJson(t(msg.jsonRecordAt, { line: startLine, column: startColumn, reason: where.reason })));
      return fail(invalidJson(where));
    }
  };

  for await (const chunk of stream) {
    let text = decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    if (first && text.length > 0) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let from = 0; // start of the part of `text` that belongs to the current element
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (ch === '\n') {
        line++;
        column = 0;
      } else column++;

      if (phase === 'element') {
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === '\\') escaped = true;
          else if (ch === '"') inString = false;
          continue;
        }
        if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          if (depth === 0) {
            // the array closes right after a bare element (number, true, …)
            element.push(text.slice(from, i));
            yield { index: index++, value: parseElement(element.join('')) };
            element = [];
            phase = 'after';
            continue;
          }
          depth--;
        } else if (ch === ',' && depth === 0) {
          element.push(text.slice(from, i));
          yield { index: index++, value: parseElement(element.join('')) };
          element = [];
          phase = 'between';
        }
        continue;
      }
      if (phase === 'before') {
        if (ch === '[') {
          if (options.prefix ? !options.prefix.test(before) : before.trim() !== '') fail(options.notAnArray);
          phase = 'between';
        } else {
          before += ch;
          if (before.length > 4096) fail(options.notAnArray);
        }
        continue;
      }
      if (phase === 'between') {
        if (/\s/.test(ch) || ch === ',') continue;
        if (ch === ']') {
          phase = 'after';
          continue;
        }
        phase = 'element';
        startLine = line;
        startColumn = column;
        from = i;
        depth = 0;
        if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth = 1;
        continue;
      }
      // after the closing "]": whitespace and a closing semicolon only
      if (!/\s/.test(ch) && ch !== ';') fail(invalidJson({ line, column }));
    }
    if (phase === 'element') element.push(text.slice(from));
  }
  if (phase === 'before') fail(options.notAnArray);
  // an element left open: JSON.parse names the first character that broke it, when one did
  if (phase === 'element') parseElement(element.join(''));
  if ((phase as Phase) !== 'after') fail(invalidJson({ end: true }));
}
