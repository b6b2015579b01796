// Page parsers as ingest Adapters (saved .html/.htm/.mhtml/.mht files) and as a dispatcher for
// fetched responses. One path for both: unwrap saved-page markers → pick the site's parser → items;
// a site parser that finds nothing falls back to the page's own metadata (OpenGraph / JSON-LD).
import type { Adapter, AdapterContext, ParsedItem } from '../types.js';
import { MemberFormatError } from '../types.js';
import { articleItems, articleParser } from './article.js';
import { facebookParser } from './facebook.js';
import { instagramParser } from './instagram.js';
import { compact, loadHtml, type PageContext, type PageParser } from './page.js';
import { savedPageUrl, unwrapSavedPage } from './saved-page.js';
import { telegramParser } from './telegram.js';
import { threadsParser } from './threads.js';
import { tiktokParser } from './tiktok.js';
import { xParser } from './x.js';
import { youtubeParser } from './youtube.js';

/** An Adapter for saved pages that can also parse a fetched response body. */
export interface HtmlAdapter extends Adapter {
  input: 'buffer';
  parser: PageParser;
  /** Items of one page; `pageUrl` is the fetched final URL (saved files: recovered from their markers). */
  parsePage(body: Buffer, pageUrl: string | undefined, ctx: PageContext): Iterable<ParsedItem>;
}

/** Site parsers, most specific first; the generic article parser is the catch-all. */
const SITE_PARSERS: readonly PageParser[] = [telegramParser, youtubeParser, tiktokParser, threadsParser, facebookParser, instagramParser, xParser];

const SAVED_PAGE_FILE = /\.(html?|mhtml?|mht)$/i;

/** The parser for a page: by its URL's host when known, else by its markup, else the generic one. */
export function parserFor(url: string | undefined, html: string): PageParser {
  const parsed = safeUrl(url);
  const byUrl = parsed ? SITE_PARSERS.find((p) => p.matchesUrl(parsed)) : undefined;
  return byUrl ?? SITE_PARSERS.find((p) => p.matchesMarkup(html)) ?? articleParser;
}

/** Parse one page with a given parser (or the one its URL / markup calls for). */
export function* parseHtmlPage(body: Buffer, pageUrl: string | undefined, ctx: PageContext, parser?: PageParser): Generator<ParsedItem> {
  const saved = unwrapSavedPage(body);
  const $ = loadHtml(saved.html, ctx.limits);
  const url = safeUrl(pageUrl ?? saved.originalUrl ?? $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content'))?.href;
  const chosen = parser ?? parserFor(url, saved.html);
  const page = {
    html: saved.html,
    $,
    url,
    about: compact({ url, savedAt: saved.savedAt, savedWith: saved.format === 'html' ? undefined : saved.format }),
    ...(saved.savedOffset !== undefined && { savedOffset: saved.savedOffset }),
  };
  let count = 0;
  for (const item of chosen.parse(page, ctx)) {
    count++;
    yield item;
  }
  if (count === 0 && chosen !== articleParser) {
    ctx.warn(`${ctx.path}: no ${chosen.label} content found — read the page's own metadata instead`);
    yield* articleItems(page, ctx, chosen.platform);
  }
}

function toAdapter(parser: PageParser): HtmlAdapter {
  const catchAll = parser === articleParser;
  return {
    id: parser.id,
    platform: parser.platform,
    label: parser.label,
    input: 'buffer',
    // a page names its author per post; it is the subject's only through their accounts
    authorship: 'per-item',
    parser,
    // a saved page belongs to the site its markers name (or, without markers, whose markup its head shows)
    detect: (path, head) => SAVED_PAGE_FILE.test(path) && (catchAll || savedPageParser(head) === parser),
    // the catch-all looks at the whole page: a marker-less save may still be a known site's page
    parsePage: (body, pageUrl, ctx) => parseHtmlPage(body, pageUrl, ctx, catchAll ? undefined : parser),
    read(source, ctx: AdapterContext) {
      if (!Buffer.isBuffer(source)) throw new MemberFormatError(ctx.member.path, 'expected the whole file');
      return this.parsePage(source, undefined, { captureId: ctx.capture.id, path: ctx.member.path, warn: (m) => ctx.warn(m), ...(ctx.options.limits && { limits: ctx.options.limits }) });
    },
  };
}

/** HTML adapters for format detection: site adapters first, the generic `html-web` last (it claims any page). */
export const HTML_ADAPTERS: readonly HtmlAdapter[] = [...SITE_PARSERS, articleParser].map(toAdapter);

/** The adapter for a fetched response: by URL host, then markup, else the generic article adapter. */
export function htmlAdapterFor(url: string | undefined, body: Buffer): HtmlAdapter {
  const parser = parserFor(url, unwrapSavedPage(body).html);
  return HTML_ADAPTERS.find((a) => a.parser === parser) ?? (HTML_ADAPTERS.at(-1) as HtmlAdapter);
}

function savedPageParser(head: Buffer): PageParser {
  return parserFor(savedPageUrl(head), head.toString('utf8'));
}

function safeUrl(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u : undefined;
  } catch {
    return undefined;
  }
}
