import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageFetcher } from '../../src/fetch/client.js';
import { fetchChannelPages, readUrl, type PageRead } from '../../src/fetch/pages.js';
import { HTML_ADAPTERS } from '../../src/ingest/html/adapters.js';
import { DEFAULT_INGEST_OPTIONS, type AdapterContext, type Member } from '../../src/ingest/types.js';
import { makeItem, type Capture, type Item } from '../../src/model/index.js';
import { html, robots, startServer, type TestServer } from './server.js';

const PAGE1 = readFileSync('fixtures/html/telegram-channel-relawan.html');
const PAGE2 = readFileSync('fixtures/html/telegram-channel-relawan-before-1214.html');

let server: TestServer;
let fetcher: PageFetcher;

beforeEach(async () => {
  server = await startServer();
  server.route('/robots.txt', robots('User-agent: *\nDisallow: /s/*?q=\n'));
  server.route('/s/relawansejahtera', (req, res) => html(req.url?.includes('before=1214') ? PAGE2 : PAGE1)(req, res));
  fetcher = new PageFetcher({ allowPrivate: ['127.0.0.1'], perHostIntervalMs: 0, jitterMs: 0 });
});
afterEach(async () => {
  await fetcher.close();
  await server.close();
});

async function collect(url: string, maxPages?: number): Promise<PageRead[]> {
  const reads: PageRead[] = [];
  for await (const read of readUrl(fetcher, url, { maxPages })) reads.push(read);
  return reads;
}

/** Read a saved file the way the scan walker will: detect among the HTML adapters, then read. */
function readSaved(path: string): Item[] {
  const bytes = readFileSync(path);
  const name = path.split('/').pop() ?? path;
  const adapter = HTML_ADAPTERS.find((a) => a.detect(name, bytes.subarray(0, 4096)));
  if (!adapter) throw new Error(`no adapter for ${path}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const capture: Capture = { id: sha256, originKind: 'saved-html', origin: path, method: 'saved-html', sha256, bytes: bytes.length, capturedAt: new Date().toISOString() };
  const member: Member = { input: path, path: name, size: statSync(path).size, open: async () => { throw new Error('buffer adapter'); } };
  const ctx: AdapterContext = { capture, member, options: DEFAULT_INGEST_OPTIONS, warn: () => undefined, findMember: () => undefined, findExportFile: () => undefined };
  return [...(adapter.read(bytes, ctx) as Iterable<{ draft: Parameters<typeof makeItem>[0] }>)].map((p) => makeItem(p.draft));
}

const withoutSource = (item: Item) => ({ ...item, source: undefined });

describe('reading a Telegram channel over HTTP', () => {
  it('parses the fetched page into items that point back to its capture, whose bytes hash to the recorded SHA-256', async () => {
    const [read] = await collect(`${server.origin}/s/relawansejahtera`, 1);
    expect(read?.adapter).toBe('html-telegram');
    const { capture, body } = read!.page;
    expect(createHash('sha256').update(body).digest('hex')).toBe(capture.sha256);
    expect(read!.items.map((i) => i.draft.permalink)).toEqual([
      'https://t.me/s/relawansejahtera',
      'https://t.me/relawansejahtera/1214',
      'https://t.me/relawansejahtera/1215',
      'https://t.me/relawansejahtera/1216',
    ]);
    for (const { draft } of read!.items) {
      expect(draft.source).toMatchObject({ captureId: capture.id, path: capture.origin });
      expect(draft.source.pointer).toMatch(/^html:/);
    }
  });

  it('pages back with ?before= up to --max-pages', async () => {
    const reads = await collect(`${server.origin}/s/relawansejahtera`, 2);
    expect(reads.map((r) => r.page.capture.origin)).toEqual([
      `${server.origin}/s/relawansejahtera`,
      `${server.origin}/s/relawansejahtera?before=1214`,
    ]);
    expect(reads[1]?.items.map((i) => i.draft.permalink)).toContain('https://t.me/relawansejahtera/1213');
    // page 2 links on to ?before=1212, which --max-pages 2 leaves alone
    expect(server.requests.some((r) => r.path.includes('before=1212'))).toBe(false);
  });

  it('fetchChannelPages stops at the last page when there is no older link', async () => {
    server.route('/s/kosong', html('<section class="tgme_channel_history js-message_history"></section>'));
    const pages = [];
    for await (const page of fetchChannelPages(fetcher, `${server.origin}/s/kosong`, 10)) pages.push(page);
    expect(pages).toHaveLength(1);
  });
});

describe('a fetched page and the same page saved as a file yield the same items', () => {
  it('Chrome MHTML (quoted-printable): identical items, source aside', async () => {
    const [read] = await collect(`${server.origin}/s/relawansejahtera`, 1);
    const fetched = read!.items.map((p) => makeItem(p.draft));
    const saved = readSaved('fixtures/html/telegram-channel-relawan-chrome.mhtml');
    expect(saved.map(withoutSource)).toEqual(fetched.map(withoutSource));
    // item ids leave the source out, so the same post read both ways is one item in the store
    expect(saved.map((i) => i.id)).toEqual(fetched.map((i) => i.id));
  });

  it('SingleFile: identical items except the media addresses SingleFile inlined as data: URIs', async () => {
    const [read] = await collect(`${server.origin}/s/relawansejahtera`, 1);
    const fetched = read!.items.map((p) => makeItem(p.draft));
    const saved = readSaved('fixtures/html/telegram-channel-relawan-singlefile.html');
    const noMediaUrl = (i: Item) => ({ ...withoutSource(i), id: undefined, media: i.media.map(({ url: _url, ...m }) => m) });
    expect(saved.map(noMediaUrl)).toEqual(fetched.map(noMediaUrl));
  });
});
