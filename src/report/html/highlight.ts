// Matched spans → <mark> (ranges merged by text/ranges.ts). A matched emoji is shown as its
// picture (an embedded PNG, alt = the character), so it never prints as an empty box on a
// machine without an emoji font; the CSP already allows data: images and nothing else.
import { highlightRanges, type Range } from '../../text/ranges.js';
import { EMOJI_PNG } from './emoji-images.js';
import { escapeHtml } from './escape.js';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;

/** Escaped text in which every emoji with a bundled picture is an <img> (skin tones fall back to the base). */
export function emojiHtml(text: string): string {
  if (!PICTOGRAPHIC.test(text)) return escapeHtml(text);
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const png = PICTOGRAPHIC.test(segment) ? EMOJI_PNG[segment.codePointAt(0)!.toString(16)] : undefined;
    out += png ? `<img class="emoji" src="data:image/png;base64,${png}" alt="${escapeHtml(segment)}">` : escapeHtml(segment);
  }
  return out;
}

/** One matched word or phrase. */
export function markHtml(text: string): string {
  return `<mark>${emojiHtml(text)}</mark>`;
}

/** The text, escaped, with every range wrapped in <mark>. */
export function highlightHtml(text: string, ranges: readonly Range[]): string {
  return highlightRanges(text, ranges, markHtml, escapeHtml);
}
