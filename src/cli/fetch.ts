// netral fetch <url...> [--urls file] — read public pages politely and keep them as evidence.
import { Command } from 'commander';
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { fetchUrls, readUrlList } from '../fetch/fetch-urls.js';
import { DEFAULT_MAX_PAGES } from '../fetch/pages.js';
import type { FetchOptionsInput } from '../fetch/options.js';
import { t } from '../i18n/index.js';
import type { Capture } from '../model/index.js';
import { fetchMessages as M } from '../i18n/fetch.js';
import { defaultActor, openStore, resolveStorePath } from '../store/store.js';
import { applyGlobalOptions, parseOptions, storeOption } from './shared.js';
import { notice } from './terminal.js';

/** Options for reading web pages, shared by `fetch` and by `scan` when it is given URLs. */
export const PageOptions = z.object({
  urls: z.string().min(1).optional(),
  contact: z.string().trim().min(3).max(200).optional(),
  allowPrivate: z.boolean().optional(),
  offline: z.boolean().optional(),
  cache: z.boolean().optional(),
  maxPages: z.coerce.number().int().min(1).max(1000).default(DEFAULT_MAX_PAGES),
  rate: z.coerce.number().int().min(0).optional(),
  timeout: z.coerce.number().int().positive().optional(),
});
export type PageOptions = z.infer<typeof PageOptions>;

const FetchCliOptions = PageOptions.extend({ store: z.string().min(1).optional() });

export function addPageOptions(cmd: Command): Command {
  return cmd
    .option('--urls <file>', t(M.optUrls))
    .option('--contact <email>', t(M.optContact))
    .option('--allow-private', t(M.optAllowPrivate))
    .option('--offline', t(M.optOffline))
    .option('--cache', t(M.optCache))
    .option('--max-pages <n>', t(M.optMaxPages, { n: DEFAULT_MAX_PAGES }))
    .option('--rate <ms>', t(M.optRate))
    .option('--timeout <ms>', t(M.optTimeout));
}

/** The fetcher settings the page options ask for (contact falls back to $NETRAL_CONTACT). */
export function fetchSettings(opts: PageOptions): FetchOptionsInput {
  if (opts.offline && opts.cache) throw new NetralError(M.offlineWithCache);
  return {
    contact: opts.contact ?? process.env.NETRAL_CONTACT,
    allowPrivate: opts.allowPrivate ?? false,
    reuse: opts.offline ? 'offline' : opts.cache ? 'cached' : 'never',
    ...(opts.rate !== undefined ? { perHostIntervalMs: opts.rate } : {}),
    ...(opts.timeout !== undefined ? { totalTimeoutMs: opts.timeout } : {}),
  };
}

export function registerFetchCommand(program: Command): void {
  addPageOptions(program.command('fetch [url...]').description(t(M.description)).addOption(storeOption(true)))
    .action(async (args: string[], raw: Record<string, unknown>) => {
      const global = applyGlobalOptions(program);
      const opts = parseOptions(FetchCliOptions, raw);
      const settings = fetchSettings(opts);
      const urls = [...args, ...(opts.urls ? readUrlList(opts.urls) : [])];
      if (urls.length === 0) throw new NetralError(M.noUrls);
      const store = openStore(resolveStorePath(opts.store), { create: true });
      let failed = 0;
      let pages = 0;
      let items = 0;
      try {
        const outcomes = fetchUrls(urls, {
          actor: defaultActor(),
          store,
          maxPages: opts.maxPages,
          warn: (message) => void (global.quiet || process.stderr.write(`netral: ${message}\n`)),
          fetch: settings,
        });
        for await (const outcome of outcomes) {
          if (!outcome.ok) {
            failed++;
            process.stderr.write(`netral: ${outcome.error.render()}\n`);
            continue;
          }
          for (const { page, items: parsed } of outcome.reads) {
            pages++;
            items += parsed.length;
            process.stdout.write(`${pageLine(page.capture, parsed.length, page.reused)}\n`);
          }
        }
      } finally {
        store.close();
      }
      notice(t(M.summary, { pages, items, failed }));
      process.exitCode = failed > 0 ? 2 : 0;
    });
}

function pageLine(capture: Capture, items: number, reused: boolean): string {
  return t(M.pageLine, {
    status: capture.http?.status ?? '-',
    bytes: capture.bytes < 1024 ? `${capture.bytes} B` : `${(capture.bytes / 1024).toFixed(1)} KiB`,
    sha: capture.sha256.slice(0, 12),
    items,
    url: capture.http?.finalUrl ?? capture.origin,
    note: reused ? t(M.reusedNote, { at: capture.capturedAt }) : '',
  });
}
