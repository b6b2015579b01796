// `netral fetch` as a library: read each URL (all pages of a channel), then keep its captures and
// items in the evidence store in one run per URL — network time never holds the store's write lock,
// and a URL that fails leaves nothing half-written.
import { readFileSync } from 'node:fs';
import { NetralError } from '../errors.js';
import { fetchMessages as M } from '../i18n/fetch.js';
import { makeItem } from '../model/index.js';
import type { EvidenceStore, RunMeta, StoreRun } from '../store/types.js';
import type { FetchOptionsInput } from './options.js';
import { readUrl, type PageRead, type ReadUrlOptions } from './pages.js';

/** The store as `fetch` uses it (src/store/store.ts `Store` fits: its beginRun takes a run kind). */
export interface FetchStore extends Pick<EvidenceStore, 'latestCaptureForUrl'> {
  beginRun(meta: RunMeta, kind: 'fetch'): StoreRun;
}

export interface FetchUrlsOptions extends ReadUrlOptions {
  fetch: FetchOptionsInput;
  /** where captures and items are kept (and looked up for --offline / --cache) */
  store: FetchStore;
  /** who runs the command, as recorded in the run */
  actor: string;
}

export type UrlOutcome =
  | { url: string; ok: true; reads: PageRead[] }
  | { url: string; ok: false; error: NetralError };

/** Fetch and keep URLs one after the other; a URL that cannot be read is reported and skipped. */
export async function* fetchUrls(urls: readonly string[], options: FetchUrlsOptions): AsyncGenerator<UrlOutcome> {
  // loaded here, not on import: `scan` reads URL lists through this module without fetching
  const { PageFetcher } = await import('./client.js');
  const fetcher = new PageFetcher(options.fetch, { store: options.store });
  try {
    for (const url of urls) {
      try {
        const reads: PageRead[] = [];
        for await (const read of readUrl(fetcher, url, options)) reads.push(read);
        await keep(options.store, url, reads, options.actor);
        yield { url, ok: true, reads };
      } catch (err) {
        if (!(err instanceof NetralError)) throw err;
        yield { url, ok: false, error: err };
      }
    }
  } finally {
    await fetcher.close();
  }
}

async function keep(store: FetchStore, url: string, reads: PageRead[], actor: string): Promise<void> {
  const run = store.beginRun({ command: `fetch ${url}`, actor }, 'fetch');
  try {
    for (const { page, items } of reads) {
      await run.putCapture(page.capture, page.body);
      for (const { draft, raw } of items) run.putItem(makeItem(draft), raw);
    }
    run.finish();
  } catch (err) {
    run.abort(err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/** A `--urls` file: one URL a line; blank lines and `#` comments skipped. */
export function readUrlList(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new NetralError(M.urlsFileUnreadable, { file: path, detail: (err as NodeJS.ErrnoException).code ?? String(err) }, 2, { cause: err });
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}
