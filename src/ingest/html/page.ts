// What every page parser shares: the context it writes items with, the parser shape, and small
// readers for dates, text with line breaks and site-relative URLs.
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { DEFAULT_LIMITS, LimitError, type Limits } from '../../limits.js';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { ItemDraft, Platform } from '../../model/index.js';
import type { ParsedItem } from '../types.js';

/** A selection of DOM nodes (cheerio does not re-export its node type). */
export type Nodes = Cheerio<Parameters<CheerioAPI['contains']>[0]>;

/** Where the items of one page come from. */
export interface PageContext {
  /** capture id of the page's bytes */
  captureId: string;
  /** source path of the items: the member path of a saved file, or the URL of a fetched page */
  path: string;
  warn(message: string): void;
  /** HTML bounds (src/limits.ts); DEFAULT_LIMITS when absent */
  limits?: Pick<Limits, 'maxHtmlDepth' | 'maxHtmlNodes'>;
}

/** A page as a parser sees it: decoded HTML, its DOM, and the URL it was served from (if known). */
export interface PageInput {
  html: string;
  $: CheerioAPI;
  /** the page's own URL: the fetched final URL, or the original URL recovered from a saved file */
  url: string | undefined;
  /** facts about the page kept in every item's raw fragment (saved-page markers) */
  about: PageAbout;
  /** the saving browser's UTC offset in minutes, when the save date names one (saved-page.ts) */
  savedOffset?: number;
}

export interface PageAbout {
  url?: string;
  savedAt?: string;
  savedWith?: string;
}

/**
 * One site's page parser. Item pointers are `html:<css selector>` naming the element (or embedded
 * JSON + JSON pointer, `html:ytInitialData/contents/…`); `html:<selector>@N` = its N-th match (0-based).
 */
export interface PageParser {
  id: string;
  platform: Platform;
  label: string;
  /** the page is this site's, judging by its URL */
  matchesUrl(url: URL): boolean;
  /** the page is this site's, judging by its markup (for pages whose URL is unknown) */
  matchesMarkup(html: string): boolean;
  parse(page: PageInput, ctx: PageContext): Iterable<ParsedItem>;
}

// cheerio (with parse5, htmlparser2 and undici behind it) is loaded on the first page parsed, not
// by every scan: a scan of exports and tables never needs it, and loading it took a fifth of start-up
const requireModule = createRequire(import.meta.url);
let cheerioModule: typeof import('cheerio') | undefined;

export function loadHtml(html: string, limits: Pick<Limits, 'maxHtmlDepth' | 'maxHtmlNodes'> = DEFAULT_LIMITS): CheerioAPI {
  checkHtmlBounds(html, limits);
  cheerioModule ??= requireModule('cheerio') as typeof import('cheerio');
  return cheerioModule.load(html);
}

// elements whose end tag may be left out or that have none: they never deepen the nesting
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'rt', 'rp', 'optgroup', 'tbody', 'thead', 'tfoot', 'colgroup']);

/**
 * Count elements and nesting with one linear pass over the tags, before a DOM is built: a page
 * nested 100,000 deep overflows every recursive walk over its tree (and the parser's own time
 * grows with depth). Throws LimitError past either bound.
 */
export function checkHtmlBounds(html: string, limits: Pick<Limits, 'maxHtmlDepth' | 'maxHtmlNodes'>): void {
  let depth = 0;
  let nodes = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(\/?)>|<!--/g;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase();
    // comments, scripts and styles are skipped with one indexOf each: their text holds no elements
    const skipTo = name === undefined ? '-->' : !m[1] && (name === 'script' || name === 'style') ? `</${name}` : undefined;
    if (skipTo) {
      const close = html.indexOf(skipTo, tag.lastIndex);
      if (close < 0) return;
      tag.lastIndex = close + skipTo.length;
      if (name === undefined) continue;
    }
    if (name === undefined) continue;
    if (m[1]) {
      if (!NO_DEPTH.has(name) && depth > 0) depth--;
      continue;
    }
    if (++nodes > limits.maxHtmlNodes) throw new LimitError('maxHtmlNodes', limits.maxHtmlNodes, 'too many HTML elements');
    if (m[3] || NO_DEPTH.has(name) || skipTo) continue;
    if (++depth > limits.maxHtmlDepth) throw new LimitError('maxHtmlDepth', limits.maxHtmlDepth, 'HTML nested too deep');
  }
}

/** ISO 8601 UTC from an ISO string with offset, epoch seconds, or a Date-parsable string. */
export function isoUtc(value: string | number | undefined | null): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const ms = typeof value === 'number' || /^\d{9,11}$/.test(value) ? Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Text of an element with <br> and block ends kept as line breaks, whitespace tidied. */
export function textWithBreaks($: CheerioAPI, el: Nodes): string {
  const copy = el.clone();
  copy.find('br').replaceWith('\n');
  copy.find('p, div, li').each((_, node) => {
    $(node).append('\n');
  });
  return tidy(copy.text());
}

export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/**
 * Where a page's image/video is: an address on the web (`url`), or — in a page saved with "Webpage,
 * Complete" — a file saved beside it (`uri`, relative to the input root, e.g. `page_files/x.jpg`).
 * SingleFile's inlined data: URIs are not addresses worth keeping: neither is set.
 */
export function mediaRef(src: string | undefined, page: PageInput, ctx: PageContext): { url?: string; uri?: string } {
  if (!src || /^data:/i.test(src)) return {};
  if (/^(https?:)?\/\//i.test(src) || !page.about.savedWith) {
    const url = absoluteUrl(src, page.url);
    return url && /^https?:/i.test(url) ? { url } : {};
  }
  const dir = ctx.path.includes('/') ? ctx.path.slice(0, ctx.path.lastIndexOf('/') + 1) : '';
  return { uri: posix.normalize(dir + safeDecode(src.replace(/[?#].*$/, ''))) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Values in order, later case-insensitive duplicates dropped (tags from two sources). */
export function uniqueCaseless(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && Boolean(seen.add(v.toLowerCase())));
}

/** `url('…')` out of an inline style (Telegram and others put images in background-image). */
export function backgroundImageUrl(style: string | undefined): string | undefined {
  const m = /background-image\s*:\s*url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(style ?? '');
  return m?.[2] || undefined;
}

/** Count strings as sites abbreviate them: "1.2K", "3M", "12 345", "1,2 rb". */
export function parseCount(text: string | undefined): number | undefined {
  const m = /^([\d.,\s]+)\s*([KkMmBb]|rb|jt)?/.exec((text ?? '').trim());
  if (!m?.[1]) return undefined;
  const suffix = m[2]?.toLowerCase();
  const factor = suffix === 'k' || suffix === 'rb' ? 1e3 : suffix === 'm' || suffix === 'jt' ? 1e6 : suffix === 'b' ? 1e9 : 1;
  const digits = factor === 1 ? m[1].replace(/[\s.,]/g, '') : m[1].replace(/\s/g, '').replace(',', '.');
  const n = Number(digits);
  return Number.isFinite(n) ? Math.round(n * factor) : undefined;
}

/** Build a ParsedItem whose raw fragment also says which page it came from. */
export function pageItem(draft: ItemDraft, raw: Record<string, unknown>, page: PageInput): ParsedItem {
  return { draft, raw: { ...raw, page: page.about } };
}

/** Drop undefined members, so optional Item fields stay absent rather than `undefined`. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
