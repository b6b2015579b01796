// URLs in, evidence and items out: fetch each page politely, keep it as a capture, and parse it with
// the page parser its site calls for. Telegram channel previews are followed back `maxPages` pages.
import { htmlAdapterFor } from '../ingest/html/adapters.js';
import { loadHtml } from '../ingest/html/page.js';
import { unwrapSavedPage } from '../ingest/html/saved-page.js';
import { telegramNextPage, telegramParser, telegramPreviewUrl } from '../ingest/html/telegram.js';
import type { ParsedItem } from '../ingest/types.js';
import type { FetchedPage, PageFetcher } from './client.js';

export interface PageRead {
  page: FetchedPage;
  /** id of the page parser used (html-telegram, html-web …) */
  adapter: string;
  /** items of this page, each with source = {captureId, path: the URL, pointer: html:…}; none for non-2xx */
  items: ParsedItem[];
}

export interface ReadUrlOptions {
  /** pages of a Telegram channel preview to read, newest first (default 10) */
  maxPages?: number;
  warn?: (message: string) => void;
}

export const DEFAULT_MAX_PAGES = 10;

/** The pages of a t.me/s channel preview: the given page, then its `?before=` pages, up to maxPages in all. */
export async function* fetchChannelPages(fetcher: PageFetcher, url: string, maxPages = DEFAULT_MAX_PAGES): AsyncGenerator<FetchedPage> {
  const seen = new Set<string>();
  let next: string | undefined = url;
  for (let n = 0; next && n < maxPages && !seen.has(next); n++) {
    seen.add(next);
    const page = await fetcher.fetchPage(next);
    yield page;
    if (!isOk(page)) return;
    next = telegramNextPage(loadHtml(unwrapSavedPage(page.body).html), pageUrlOf(page));
  }
}

/**
 * Fetch (or re-use) one URL and parse it; a Telegram channel preview is followed back to `maxPages`
 * pages. Throws NetralError for a refused or unreachable URL.
 */
export async function* readUrl(fetcher: PageFetcher, url: string, options: ReadUrlOptions = {}): AsyncGenerator<PageRead> {
  const warn = options.warn ?? (() => undefined);
  const first = await fetcher.fetchPage(telegramPreviewUrl(url));
  const read = parseFetched(first, warn);
  yield read;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  if (read.adapter !== telegramParser.id || !isOk(first) || maxPages <= 1) return;
  const next = telegramNextPage(loadHtml(unwrapSavedPage(first.body).html), pageUrlOf(first));
  if (!next) return;
  for await (const page of fetchChannelPages(fetcher, next, maxPages - 1)) yield parseFetched(page, warn);
}

function parseFetched(page: FetchedPage, warn: (message: string) => void): PageRead {
  const pageUrl = pageUrlOf(page);
  const adapter = htmlAdapterFor(pageUrl, page.body);
  const items = isOk(page) ? [...adapter.parsePage(page.body, pageUrl, { captureId: page.capture.id, path: page.capture.origin, warn })] : [];
  return { page, adapter: adapter.id, items };
}

function pageUrlOf(page: FetchedPage): string {
  return page.capture.http?.finalUrl ?? page.capture.origin;
}

function isOk(page: FetchedPage): boolean {
  const status = page.capture.http?.status ?? 200;
  return status >= 200 && status < 300;
}
