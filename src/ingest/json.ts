// JSON members: parse with a precise, one-line error (line and column) naming the member.
import { MemberFormatError } from './types.js';

/** Parse a JSON member (BOM tolerated). Throws MemberFormatError "not valid JSON (line L, column C)". */
export function parseJsonMember(bytes: Buffer, memberPath: string): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new MemberFormatError(memberPath, `not valid JSON (${jsonErrorPosition(text, err)})`);
  }
}

/** "line 3, column 17" from V8's "… at position 42" / "(line 3 column 17)" messages. */
export function jsonErrorPosition(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const lc = /line (\d+) column (\d+)/.exec(msg);
  if (lc) return `line ${lc[1]}, column ${lc[2]}`;
  const pos = /position (\d+)/.exec(msg);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return `line ${line}, column ${column}`;
  }
  if (/Unexpected end/i.test(msg)) return 'unexpected end of file';
  return msg.split('\n')[0] ?? msg;
}

/** RFC 6901 JSON pointer from path segments: ['a', 0, 'b/c'] → '/a/0/b~1c'. */
export function jsonPointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
