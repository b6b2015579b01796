// Matched spans as ranges of the original text, for every kind of highlighting (terminal, HTML,
// evidence show/search). Offsets are UTF-16 code units (what JS strings index), so slicing is
// exact; ranges are clamped, widened to whole surrogate pairs, and merged.

export interface Range {
  start: number;
  end: number;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Clamp ranges to the text, never cut an emoji (surrogate pair) in half, drop empty ones, and
 * merge ranges that overlap or touch, so each highlighted stretch is one piece.
 */
export function mergeRanges(text: string, ranges: readonly Range[]): Range[] {
  const cleaned: Range[] = [];
  for (const r of ranges) {
    if (r.end <= r.start) continue;
    let start = Math.max(0, Math.min(r.start, text.length));
    let end = Math.max(0, Math.min(r.end, text.length));
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start -= 1;
    if (end > 0 && end < text.length && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end += 1;
    if (end > start) cleaned.push({ start, end });
  }
  cleaned.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const r of cleaned) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Text split into plain and matched segments, in order. */
export function markSpans(text: string, ranges: readonly Range[]): Array<{ text: string; hit: boolean }> {
  const out: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const r of mergeRanges(text, ranges)) {
    if (r.start > at) out.push({ text: text.slice(at, r.start), hit: false });
    out.push({ text: text.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** The text with every matched segment passed through `mark` (a colour, an HTML <mark> …). */
export function highlightRanges(text: string, ranges: readonly Range[], mark: (s: string) => string, plain: (s: string) => string = (s) => s): string {
  return markSpans(text, ranges)
    .map((p) => (p.hit ? mark(p.text) : plain(p.text)))
    .join('');
}
