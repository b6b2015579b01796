// Matched spans → <mark> (ranges merged by text/ranges.ts).
import { highlightRanges, type Range } from '../../text/ranges.js';
import { escapeHtml } from './escape.js';

/** The text, escaped, with every range wrapped in <mark>. */
export function highlightHtml(text: string, ranges: readonly Range[]): string {
  return highlightRanges(text, ranges, (s) => `<mark>${escapeHtml(s)}</mark>`, escapeHtml);
}
