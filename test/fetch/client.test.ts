import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { PageFetcher, fetchPage } from '../../src/fetch/client.js';
import type { FetchOptionsInput } from '../../src/fetch/options.js';
import { fetchMessages as M } from '../../src/i18n/fetch.js';
import type { StoredCapture } from '../../src/store/types.js';
import { fakeClock, html, robots, startServer, type TestServer } from './server.js';
import { rejectionOf } from '../rejection.js';

const TELEGRAM = readFileSync('fixtures/html/telegram-channel-relawan.html');

/** Options for tests: our own server may be private, caps small, no waiting unless a test wants it. */
const LOCAL: FetchOptionsInput = {
  allowPrivate: ['127.0.0.1'],
  perHostIntervalMs: 0,
  jitterMs: 0,
  backoffBaseMs: 10,
  connectTimeoutMs: 1000,
  totalTimeoutMs: 2000,
  contact: 'pemantau@lsm-netral.example',
};

let server: TestServer;
let fetchers: PageFetcher[] = [];

beforeEach(async () => {
  server = await startServer();
  server.route('/robots.txt', robots('User-agent: *\nAllow: /\n'));
});
afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  fetchers = [];
  await server.close();
});

function fetcher(options: FetchOptionsInput = {}, deps: ConstructorParameters<typeof PageFetcher>[1] = {}): PageFetcher {
  const f = new PageFetcher({ ...LOCAL, ...options }, deps);
  fetchers.push(f);
  return f;
}

const failure = (promise: Promise<unknown>) => rejectionOf(promise, NetralError);

describe('a fetched page becomes a capture', () => {
  it('records URL, status, headers, body bytes, SHA-256 and fetch time, and the body hashes to the recorded SHA-256', async () => {
    server.route('/s/relawansejahtera', html(TELEGRAM, { 'set-cookie': 'stel_ssid=abc; path=/' }));
    const before = Date.now();
    const { capture, body, reused } = await fetcher().fetchPage(`${server.origin}/s/relawansejahtera#top`);
    expect(reused).toBe(false);
    expect(body.equals(TELEGRAM)).toBe(true);
    expect(capture.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(capture).toMatchObject({
      originKind: 'url',
      method: 'http-get',
      origin: `${server.origin}/s/relawansejahtera`,
      bytes: TELEGRAM.length,
      mediaType: 'text/html',
      http: { url: `${server.origin}/s/relawansejahtera`, finalUrl: `${server.origin}/s/relawansejahtera`, status: 200, redirects: [] },
    });
    expect(capture.id).toMatch(/^[0-9a-f]{64}$/);
    expect(capture.http?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(capture.http?.headers['set-cookie']).toBeUndefined();
    expect(Date.parse(capture.capturedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('identifies itself with a User-Agent naming netral and the contact the user set', async () => {
    server.route('/page', html('<p>halo</p>'));
    await fetcher().fetchPage(`${server.origin}/page`);
    const ua = server.requests.find((r) => r.path === '/page')?.userAgent ?? '';
    expect(ua).toMatch(/^netral\/\d+\.\d+\.\d+ /);
    expect(ua).toContain('contact: pemantau@lsm-netral.example');
  });

  it('a non-2xx answer is still evidence: kept as a capture with its status', async () => {
    server.route('/hilang', (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Halaman tidak ditemukan</h1>');
    });
    const { capture } = await fetcher().fetchPage(`${server.origin}/hilang`);
    expect(capture.http?.status).toBe(404);
  });

  it('refuses a URL that is not http(s) with one line and exit 2', async () => {
    const err = await failure(fetcher().fetchPage('file:///etc/passwd'));
    expect(err.userMessage).toBe(M.badScheme);
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('file:///etc/passwd: only http and https URLs can be fetched');
  });
});

describe('robots.txt', () => {
  it('a disallowed URL is not fetched: one clear line naming the URL and robots.txt', async () => {
    server.route('/robots.txt', robots('User-agent: *\nAllow: /\n\nUser-agent: netral\nDisallow: /private/\n'));
    server.route('/private/profil', html('<p>rahasia</p>'));
    const err = await failure(fetcher().fetchPage(`${server.origin}/private/profil`));
    expect(err.userMessage).toBe(M.robotsDisallowed);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(`${server.origin}/private/profil: not fetched`);
    expect(err.message).toContain('robots.txt disallows it for "netral"');
    expect(server.hits('/private/profil')).toBe(0);
  });

  it('is fetched once per origin and its allow rules are honoured', async () => {
    server.route('/robots.txt', robots('User-agent: netral\nDisallow: /private/\n'));
    server.route('/a', html('<p>a</p>'));
    server.route('/b', html('<p>b</p>'));
    const f = fetcher();
    await f.fetchPage(`${server.origin}/a`);
    await f.fetchPage(`${server.origin}/b`);
    expect(server.hits('/robots.txt')).toBe(1);
    expect(server.hits('/a')).toBe(1);
  });

  it('a robots.txt answering 5xx means "do not crawl"; a missing one (404) allows everything', async () => {
    server.route('/robots.txt', (_req, res) => {
      res.writeHead(500);
      res.end();
    });
    server.route('/page', html('<p>x</p>'));
    const err = await failure(fetcher({ retries: 0 }).fetchPage(`${server.origin}/page`));
    expect(err.userMessage).toBe(M.robotsDisallowed);
    expect(server.hits('/page')).toBe(0);

    server.route('/robots.txt', (_req, res) => {
      res.writeHead(404);
      res.end();
    });
    const ok = await fetcher({ retries: 0 }).fetchPage(`${server.origin}/page`);
    expect(ok.capture.http?.status).toBe(200);
  });

  it('a Crawl-delay longer than our interval spaces requests to that host', async () => {
    server.route('/robots.txt', robots('User-agent: netral\nCrawl-delay: 5\n'));
    server.route('/a', html('a'));
    const clock = fakeClock();
    const f = fetcher({ perHostIntervalMs: 1000 }, { clock, random: () => 0 });
    await f.fetchPage(`${server.origin}/a`);
    await f.fetchPage(`${server.origin}/a`);
    // robots.txt, then /a 5 s after it, then /a again 5 s later
    expect(clock.sleeps).toEqual([5000, 5000]);
  });
});

describe('politeness: one request per host per interval', () => {
  it('waits the interval plus jitter between requests to the same host (injected clock)', async () => {
    server.route('/a', html('a'));
    server.route('/b', html('b'));
    const clock = fakeClock();
    const f = fetcher({ perHostIntervalMs: 1000, jitterMs: 400, robots: false }, { clock, random: () => 0.5 });
    await f.fetchPage(`${server.origin}/a`);
    await f.fetchPage(`${server.origin}/b`);
    await f.fetchPage(`${server.origin}/a`);
    expect(clock.sleeps).toEqual([1200, 1200]);
  });
});

describe('retries', () => {
  it('429 with Retry-After: waits what the server asked, then takes the 200', async () => {
    let calls = 0;
    server.route('/sibuk', (_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(429, { 'retry-after': '3' });
        res.end('slow down');
      } else html('<p>ok</p>')(_req, res);
    });
    const clock = fakeClock();
    const { capture } = await fetcher({ robots: false }, { clock }).fetchPage(`${server.origin}/sibuk`);
    expect(capture.http?.status).toBe(200);
    expect(server.hits('/sibuk')).toBe(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('503 is retried with exponential backoff and gives up after the retry limit, keeping the last answer', async () => {
    server.route('/down', (_req, res) => {
      res.writeHead(503);
      res.end('maintenance');
    });
    const clock = fakeClock();
    const { capture } = await fetcher({ robots: false, retries: 2, backoffBaseMs: 100 }, { clock, random: () => 0 }).fetchPage(`${server.origin}/down`);
    expect(server.hits('/down')).toBe(3);
    expect(clock.sleeps).toEqual([100, 200]);
    expect(capture.http?.status).toBe(503);
  });

  it('a Retry-After longer than the cap is cut to the cap', async () => {
    let calls = 0;
    server.route('/lama', (req, res) => {
      if (++calls === 1) {
        res.writeHead(503, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() });
        res.end();
      } else html('ok')(req, res);
    });
    const clock = fakeClock();
    await fetcher({ robots: false, maxRetryWaitMs: 2000 }, { clock }).fetchPage(`${server.origin}/lama`);
    expect(clock.sleeps).toEqual([2000]);
  });
});

describe('caps', () => {
  it('stops at the total timeout when a server is slow', async () => {
    server.route('/lambat', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>awal');
      // never ends the body
    });
    const started = Date.now();
    const err = await failure(fetcher({ robots: false, totalTimeoutMs: 300 }).fetchPage(`${server.origin}/lambat`));
    expect(err.userMessage).toBe(M.timeout);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses a body whose declared length is over the cap, before reading it', async () => {
    server.route('/besar', html(Buffer.alloc(5000, 'a')));
    const err = await failure(fetcher({ robots: false, maxBodyBytes: 1000 }).fetchPage(`${server.origin}/besar`));
    expect(err.userMessage).toBe(M.tooLarge);
    expect(err.message).toContain('larger than 1000 bytes');
  });

  it('stops reading a streamed body (no Content-Length) once it passes the cap', async () => {
    server.route('/aliran', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024, 'b');
      let sent = 0;
      const timer = setInterval(() => {
        if (res.destroyed || sent > 200) {
          clearInterval(timer);
          res.end();
          return;
        }
        res.write(chunk);
        sent++;
      }, 1);
    });
    const err = await failure(fetcher({ robots: false, maxBodyBytes: 4096 }).fetchPage(`${server.origin}/aliran`));
    expect(err.userMessage).toBe(M.tooLarge);
  });

  it('follows redirects by hand and records every hop', async () => {
    server.route('/r1', (_req, res) => {
      res.writeHead(301, { location: '/r2' });
      res.end();
    });
    server.route('/r2', (_req, res) => {
      res.writeHead(302, { location: `${server.origin}/akhir` });
      res.end();
    });
    server.route('/akhir', html('<p>akhir</p>'));
    const { capture } = await fetcher({ robots: false }).fetchPage(`${server.origin}/r1`);
    expect(capture.http).toMatchObject({ url: `${server.origin}/r1`, finalUrl: `${server.origin}/akhir`, redirects: [`${server.origin}/r1`, `${server.origin}/r2`] });
    expect(capture.origin).toBe(`${server.origin}/r1`);
  });

  it('stops after the maximum number of redirects', async () => {
    for (let i = 0; i < 5; i++) {
      server.route(`/loop${i}`, (_req, res) => {
        res.writeHead(302, { location: `/loop${i + 1}` });
        res.end();
      });
    }
    const err = await failure(fetcher({ robots: false, maxRedirects: 3 }).fetchPage(`${server.origin}/loop0`));
    expect(err.userMessage).toBe(M.tooManyRedirects);
    expect(server.hits('/loop3')).toBe(1);
    expect(server.hits('/loop4')).toBe(0);
  });
});

describe('private-address guard', () => {
  it('refuses 127.0.0.1 without --allow-private, and never connects', async () => {
    server.route('/page', html('<p>x</p>'));
    const err = await failure(fetchPage(`${server.origin}/page`, { ...LOCAL, allowPrivate: false }));
    expect(err.userMessage).toBe(M.blockedAddress);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('points to a loopback address (127.0.0.1)');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host name that resolves to a private address (checked in the socket lookup)', async () => {
    const err = await failure(fetchPage(`http://localhost:${new URL(server.origin).port}/page`, { ...LOCAL, allowPrivate: false }));
    expect(err.userMessage).toBe(M.blockedAddress);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a host when any of its DNS answers is private (no rebinding through a mixed answer)', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 as const },
      { address: '127.0.0.1', family: 4 as const },
    ];
    const err = await failure(fetchPage('http://kanal-berita.example/', { ...LOCAL, allowPrivate: false, robots: false }, { resolve }));
    expect(err.userMessage).toBe(M.blockedAddress);
    expect(err.message).toContain('127.0.0.1');
  });

  it('refuses a redirect to a link-local address (cloud metadata) even when the first host is allowed', async () => {
    server.route('/ke-metadata', (_req, res) => {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    const err = await failure(fetcher({ robots: false }).fetchPage(`${server.origin}/ke-metadata`));
    expect(err.userMessage).toBe(M.blockedAddress);
    expect(err.message).toContain('a link-local address (169.254.169.254)');
  });

  it('--allow-private lets a test server on 127.0.0.1 be fetched', async () => {
    server.route('/page', html('<p>x</p>'));
    const { capture } = await fetchPage(`${server.origin}/page`, { ...LOCAL, allowPrivate: true });
    expect(capture.http?.status).toBe(200);
  });
});

describe('re-use of stored captures (--offline / cache)', () => {
  async function stored(): Promise<StoredCapture> {
    server.route('/s/relawansejahtera', html(TELEGRAM));
    const page = await fetcher({ robots: false }).fetchPage(`${server.origin}/s/relawansejahtera`);
    server.requests.length = 0;
    return { capture: page.capture, body: page.body };
  }

  it('offline: returns the stored capture and makes no request', async () => {
    const saved = await stored();
    const store = { latestCaptureForUrl: (url: string) => (url === saved.capture.origin ? saved : undefined) };
    const page = await fetcher({ reuse: 'offline' }, { store }).fetchPage(saved.capture.origin);
    expect(page.reused).toBe(true);
    expect(page.capture).toEqual(saved.capture);
    expect(server.requests).toHaveLength(0);
  });

  it('offline without a stored capture: one line saying to fetch it first', async () => {
    const store = { latestCaptureForUrl: () => undefined };
    const err = await failure(fetcher({ reuse: 'offline' }, { store }).fetchPage(`${server.origin}/baru`));
    expect(err.userMessage).toBe(M.offlineMissing);
    expect(server.requests).toHaveLength(0);
  });

  it('cached: fetches when nothing is stored', async () => {
    server.route('/baru', html('<p>baru</p>'));
    const page = await fetcher({ reuse: 'cached', robots: false }, { store: { latestCaptureForUrl: () => undefined } }).fetchPage(`${server.origin}/baru`);
    expect(page.reused).toBe(false);
    expect(server.hits('/baru')).toBe(1);
  });

  it('a stored capture whose bytes no longer hash to its SHA-256 is refused', async () => {
    const saved = await stored();
    const tampered = { capture: saved.capture, body: Buffer.concat([saved.body, Buffer.from(' ')]) };
    const err = await failure(fetcher({ reuse: 'offline' }, { store: { latestCaptureForUrl: () => tampered } }).fetchPage(saved.capture.origin));
    expect(err.userMessage).toBe(M.storedHashMismatch);
  });
});
