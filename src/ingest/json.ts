// JSON members: parse with a precise, one-line error (line and column) naming the member.
import { t } from '../i18n/index.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import { MemberFormatError } from './types.js';
import { DEFAULT_LIMITS, jsonDepthExceeds, LimitError } from '../limits.js';

/** Parse a JSON member (BOM tolerated). Throws MemberFormatError "not valid JSON (line L, column C)". */
export function parseJsonMember(bytes: Buffer, memberPath: string, maxDepth: number = DEFAULT_LIMITS.maxJsonDepth): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // JSON.parse copes with any depth, but every walk over the result recurses: refuse it here
  if (jsonDepthExceeds(text, maxDepth)) throw new LimitError('maxJsonDepth', maxDepth, `JSON nested deeper than ${maxDepth} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new MemberFormatError(memberPath, invalidJson(jsonErrorWhere(text, err)));
  }
}

/** Where JSON.parse gave up: a position, the end of the text, or only V8's reason. */
export type JsonErrorWhere = { line: number; column: number } | { end: true } | { reason: string };

/** From V8's "… at position 42" / "(line 3 column 17)" / "Unexpected end of JSON input" messages. */
export function jsonErrorWhere(text: string, err: unknown): JsonErrorWhere {
  const message = err instanceof Error ? err.message : String(err);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  }
  if (/Unexpected end/i.test(message)) return { end: true };
  // "Unexpected token ',', "…" is not valid JSON" (V8 gives no position): the token, in the user's language
  const token = /^Unexpected token (.+?), "/.exec(message);
  if (token) return { reason: t(msg.jsonUnexpectedToken, { token: token[1] ?? '' }) };
  return { reason: message.split(/, "|\n/)[0] ?? message };
}

/** "line 3, column 17" / "baris 3, kolom 17", "unexpected end of file", or V8's reason. */
export function describeJsonError(where: JsonErrorWhere): string {
  if ('line' in where) return t(msg.jsonAt, { line: where.line, column: where.column });
  if ('end' in where) return t(msg.jsonEnd);
  return where.reason;
}

/** The detail of a MemberFormatError for broken JSON: "not valid JSON (line 3, column 17)". */
export function invalidJson(where: JsonErrorWhere | string): string {
  return t(msg.jsonInvalid, { where: typeof where === 'string' ? where : describeJsonError(where) });
}

/** RFC 6901 JSON pointer from path segments: ['a', 0, 'b/c'] → '/a/0/b~1c'. */
export function jsonPointer(...segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
