import type RE2 from 're2';

/**
 * A text as RE2 reads it: its UTF-8 bytes, made once, and the UTF-16 offset of each byte offset a
 * code point starts at (absent for an ASCII text, whose offsets are the same; -1 inside a code
 * point). node-re2 turns a string argument into a new Buffer on every `exec` (with weak handles to
 * both), which was most of a regex matcher's cost: a field read by a dozen regex matchers paid it a
 * dozen times.
 */
export interface Utf8Text {
  readonly text: string;
  readonly bytes: Buffer;
  readonly toUtf16: Int32Array | undefined;
}

export function utf8Text(text: string): Utf8Text {
  const bytes = Buffer.from(text, 'utf8');
  // every unit above U+007F takes two or more bytes, so equal lengths mean ASCII only
  if (bytes.length === text.length) return { text, bytes, toUtf16: undefined };
  const toUtf16 = new Int32Array(bytes.length + 1).fill(-1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    toUtf16[b] = i;
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (isPairAt(text, i)) {
      b += 4;
      i++;
    } else b += 3; // a BMP character, or a lone surrogate written as U+FFFD (three bytes)
  }
  // bytes and units out of step (not expected): no map, so every regex reads the string itself
  if (b !== bytes.length) return { text, bytes, toUtf16: new Int32Array(0) };
  toUtf16[b] = text.length;
  return { text, bytes, toUtf16 };
}

/**
 * Every non-empty match of a global RE2 in the text, in order, as [start, end) pairs of UTF-16
 * offsets (flat: start, end, start, end …): an empty match is skipped by one code point, as a
 * unicode regex's own loop steps. Read from the UTF-8 bytes; the string (stringSpans) for a
 * non-global or sticky regex, or a text whose bytes and units are out of step.
 */
export function regexSpans(re: RE2, t: Utf8Text): number[] {
  if (!re.global || re.sticky || (t.toUtf16 !== undefined && t.toUtf16.length === 0)) return stringSpans(re, t.text);
  const map = t.toUtf16;
  const out: number[] = [];
  re.lastIndex = 0;
  for (;;) {
    const r = re.exec(t.bytes);
    if (r === null) break;
    const from = r.index;
    const to = from + r[0].length;
    if (to === from) {
      // the next code point's first byte (past the end at the end: the next exec ends the loop)
      re.lastIndex = from + utf8Width(t.bytes, from);
      continue;
    }
    const start = map === undefined ? from : (map[from] as number);
    const end = map === undefined ? to : (map[to] as number);
    if (start < 0 || end < 0) return stringSpans(re, t.text);
    out.push(start, end);
  }
  re.lastIndex = 0;
  return out;
}

/**
 * The same read from the string (node-re2 converting it per call), for what regexSpans does not
 * read from bytes. An empty match is skipped by one code point, never one unit: node-re2 (1.24)
 * turns a lastIndex inside a surrogate pair into the byte offset after the pair, so every later
 * match came back one unit early per pair so stepped into, and the byte offset could run past the
 * text's end (bench/NOTES-s53-speed.md).
 */
export function stringSpans(re: RE2, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  let r: RegExpExecArray | null;
  while ((r = re.exec(text)) !== null) {
    if (r[0].length === 0) {
      re.lastIndex = r.index + (isPairAt(text, r.index) ? 2 : 1);
      continue;
    }
    out.push(r.index, r.index + r[0].length);
  }
  re.lastIndex = 0;
  return out;
}

/** a high surrogate at i followed by a low one: one code point in two units, four bytes */
function isPairAt(text: string, i: number): boolean {
  return (text.charCodeAt(i) & 0xfc00) === 0xd800 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** the bytes of the UTF-8 code point starting at byte i (1 at the end) */
function utf8Width(bytes: Buffer, i: number): number {
  const c = bytes[i] ?? 0;
  return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}
