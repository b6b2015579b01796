// Matched spans → <mark>. Offsets are UTF-16 code units into the original text (what JS strings
// index), so slicing is exact; ranges are clamped, widened to whole surrogate pairs, and merged.
import { escapeHtml } from './escape.js';

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
 * merge ranges that overlap or touch, so each highlighted stretch is one <mark>.
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

/** The text, escaped, with every range wrapped in <mark>. */
export function highlightHtml(text: string, ranges: readonly Range[]): string {
  let out = '';
  let at = 0;
  for (const r of mergeRanges(text, ranges)) {
    out += escapeHtml(text.slice(at, r.start)) + '<mark>' + escapeHtml(text.slice(r.start, r.end)) + '</mark>';
    at = r.end;
  }
  return out + escapeHtml(text.slice(at));
}
