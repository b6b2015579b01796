// The polite page fetcher: robots.txt, per-host rate limit, retries with backoff, caps on time,
// size and redirects, the private-address guard on every hop — and every response kept as a Capture.
import { createRequire } from 'node:module';
import { Agent, request } from 'undici';
import { captureId, sha256Hex, type Capture } from '../model/index.js';
import type { EvidenceStore } from '../store/types.js';
import { boundedText, errorText, NetralError } from '../errors.js';
import { pipeline, type Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createUnzip } from 'node:zlib';
import { DEFAULT_LIMITS } from '../limits.js';
import { fetchMessages as M } from '../i18n/fetch.js';
import { BlockedAddressError, guardedLookup, resolveAllowed, systemResolver, type Resolver } from './address-guard.js';
import { FetchOptionsSchema, ROBOTS_TOKEN, type FetchOptions, type FetchOptionsInput } from './options.js';
import { HostRateLimiter, systemClock, type Clock } from './rate-limit.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from './retry.js';
import { RobotsCache, type RobotsResponse } from './robots.js';

/**
 * The body as the page's bytes: gzip, deflate and br are decoded while streaming, with the same
 * caps as zip members — at most `maxBytes` decoded and at most DEFAULT_LIMITS.maxCompressionRatio
 * decoded bytes per received byte (a gzip bomb stops after a few MB, not after filling memory).
 */
async function readDecoded(raw: Readable, encoding: string | undefined, url: string, maxBytes: number): Promise<Buffer> {
  const codings = (encoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity');
  let received = 0;
  const decoders: Transform[] = [];
  let stream: Readable = raw;
  if (codings.length > 0) {
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        done(null, chunk);
      },
    });
    decoders.push(counter);
  }
  // listed in the order applied: decode in reverse
  for (const coding of [...codings].reverse()) {
    const decoder = coding === 'gzip' || coding === 'x-gzip' ? createGunzip() : coding === 'deflate' ? createUnzip() : coding === 'br' ? createBrotliDecompress() : undefined;
    if (!decoder) {
      raw.on('error', () => undefined).destroy(); // the abort it causes is this error, not another
      throw new NetralError(M.badEncoding, { url, detail: boundedText(coding, 40) });
    }
    decoders.push(decoder);
  }
  // pipeline, not pipe: an error anywhere (bad gzip, reset connection) reaches the reader below
  if (decoders.length > 0) stream = pipeline([raw, ...decoders] as unknown as [Readable, Transform], () => undefined) as unknown as Readable;
  const stop = (): void => {
    raw.on('error', () => undefined).destroy();
    for (const d of decoders) d.on('error', () => undefined).destroy();
  };
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) {
        stop();
        throw new NetralError(M.tooLarge, { url, max: maxBytes });
      }
      if (decoders.length > 0 && total > 1_000_000 && total > Math.max(1, received) * DEFAULT_LIMITS.maxCompressionRatio) {
        stop();
        throw new NetralError(M.compressionBomb, { url, ratio: DEFAULT_LIMITS.maxCompressionRatio });
      }
      chunks.push(buf);
    }
  } catch (err) {
    stop();
    if (err instanceof NetralError) throw err;
    if (decoders.length > 0 && !(err instanceof Error && err.name === 'AbortError')) throw new NetralError(M.badEncoding, { url, detail: errorText(err, 120) }, 2, { cause: err });
    throw err;
  }
  return Buffer.concat(chunks);
}

/** A page as netral received it: the capture (provenance + hash) and the exact body bytes. */
export interface FetchedPage {
  capture: Capture;
  body: Buffer;
  /** true when the page came from the evidence store (--offline / cache), not the network */
  reused: boolean;
}

export interface FetcherDeps {
  clock?: Clock;
  random?: () => number;
  resolve?: Resolver;
  /** where stored captures are looked up for reuse 'cached' / 'offline' */
  store?: Pick<EvidenceStore, 'latestCaptureForUrl'>;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ROBOTS_MAX_BYTES = 512 * 1024;
/** headers that identify a session, not the page: left out of the evidence */
const DROPPED_HEADERS = new Set(['set-cookie']);

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** `netral/0.1.0 (+public-page monitor; contact: ngo@example.org)` */
export function userAgent(contact: string | undefined): string {
  return `${ROBOTS_TOKEN}/${VERSION} (+election-neutrality monitor of public pages${contact ? `; contact: ${contact}` : ''})`;
}

interface Response {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Holds what must outlive one request: robots.txt per origin, per-host timing, the connection pool. */
export class PageFetcher {
  readonly options: FetchOptions;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limiter: HostRateLimiter;
  private readonly robots: RobotsCache;
  private readonly agent: Agent;
  private readonly resolve: Resolver;

  constructor(
    options: FetchOptionsInput = {},
    private readonly deps: FetcherDeps = {},
  ) {
    this.options = FetchOptionsSchema.parse(options);
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    this.resolve = deps.resolve ?? systemResolver;
    this.limiter = new HostRateLimiter({
      intervalMs: this.options.perHostIntervalMs,
      jitterMs: this.options.jitterMs,
      clock: this.clock,
      random: this.random,
    });
    this.robots = new RobotsCache((robotsUrl) => this.loadRobots(robotsUrl));
    this.agent = new Agent({
      connect: { timeout: this.options.connectTimeoutMs, lookup: guardedLookup(this.options.allowPrivate, this.resolve) },
      headersTimeout: this.options.totalTimeoutMs,
      bodyTimeout: this.options.totalTimeoutMs,
    });
  }

  /** Fetch one URL (or re-use its stored capture) and return it as evidence. Throws NetralError (exit 2). */
  async fetchPage(url: string): Promise<FetchedPage> {
    const parsed = parseHttpUrl(url);
    if (this.options.reuse !== 'never') {
      const stored = this.reusable(parsed.href);
      if (stored) return stored;
      if (this.options.reuse === 'offline') throw new NetralError(M.offlineMissing, { url });
    }
    const res = await this.follow(parsed.href, { robots: this.options.robots, maxBytes: this.options.maxBodyBytes });
    const sha256 = sha256Hex(res.response.body);
    const capture: Capture = {
      id: captureId({ sha256, origin: parsed.href, originKind: 'url' }),
      originKind: 'url',
      origin: parsed.href,
      method: 'http-get',
      sha256,
      bytes: res.response.body.length,
      mediaType: res.response.headers['content-type']?.split(';')[0]?.trim() || undefined,
      capturedAt: new Date().toISOString(),
      http: {
        url: parsed.href,
        finalUrl: res.response.url,
        status: res.response.status,
        headers: res.response.headers,
        redirects: res.redirects,
      },
    };
    return { capture, body: res.response.body, reused: false };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private reusable(url: string): FetchedPage | undefined {
    const stored = this.deps.store?.latestCaptureForUrl(url);
    if (!stored) return undefined;
    // a stored capture is only evidence if its bytes still hash to what was recorded
    if (sha256Hex(stored.body) !== stored.capture.sha256) {
      throw new NetralError(M.storedHashMismatch, { url, id: stored.capture.id.slice(0, 12) });
    }
    return { capture: stored.capture, body: stored.body, reused: true };
  }

  /** Follow redirects by hand, so every hop is checked (scheme, address, robots.txt) and counted. */
  private async follow(url: string, opts: { robots: boolean; maxBytes: number }): Promise<{ response: Response; redirects: string[] }> {
    const redirects: string[] = [];
    let current = url;
    for (;;) {
      const response = await this.hop(current, opts);
      const location = response.headers['location'];
      if (!REDIRECT_STATUSES.has(response.status) || !location) return { response, redirects };
      if (redirects.length >= this.options.maxRedirects) {
        throw new NetralError(M.tooManyRedirects, { url, max: this.options.maxRedirects });
      }
      redirects.push(current);
      current = parseHttpUrl(new URL(location, current).href).href;
    }
  }

  /** One URL, with robots.txt, the rate limit and retries on 429/5xx. */
  private async hop(url: string, opts: { robots: boolean; maxBytes: number }): Promise<Response> {
    const { hostname, host } = new URL(url);
    // an IP literal never goes through DNS, so the socket's lookup cannot check it: check it here
    await this.guard(url, hostname);
    if (opts.robots) {
      const verdict = await this.robots.check(url);
      if (!verdict.allowed) throw new NetralError(M.robotsDisallowed, { url, reason: verdict.reason ?? '' });
      // honoured up to the longest wait we accept at all, so a huge Crawl-delay cannot stall a run
      if (verdict.crawlDelayMs) this.limiter.setMinInterval(host, Math.min(verdict.crawlDelayMs, this.options.maxRetryWaitMs));
    }
    for (let attempt = 0; ; attempt++) {
      await this.limiter.wait(host);
      const response = await this.once(url, opts.maxBytes);
      if (!isRetryableStatus(response.status) || attempt >= this.options.retries) return response;
      const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
      await this.clock.sleep(retryDelay(attempt, retryAfter, this.options, this.random));
    }
  }

  private async guard(url: string, hostname: string): Promise<void> {
    const bare = hostname.replace(/^\[|\]$/g, '');
    if (!/^[\d.]+$|:/.test(bare)) return;
    try {
      await resolveAllowed(bare, this.options.allowPrivate, this.resolve);
    } catch (err) {
      throw this.toNetralError(url, err);
    }
  }

  private async once(url: string, maxBytes: number): Promise<Response> {
    const signal = AbortSignal.timeout(this.options.totalTimeoutMs);
    try {
      const res = await request(url, {
        method: 'GET',
        dispatcher: this.agent,
        signal,
        headers: {
          'user-agent': userAgent(this.options.contact),
          accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8',
          'accept-language': 'id,en;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
      const headers = flattenHeaders(res.headers);
      const declared = Number(headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        throw new NetralError(M.tooLarge, { url, max: maxBytes });
      }
      const body = await readDecoded(res.body, headers['content-encoding'], url, maxBytes);
      return { url, status: res.statusCode, headers, body };
    } catch (err) {
      if (signal.aborted && !(err instanceof NetralError)) throw new NetralError(M.timeout, { url, ms: this.options.totalTimeoutMs });
      throw this.toNetralError(url, err);
    }
  }

  private async loadRobots(robotsUrl: string): Promise<RobotsResponse> {
    try {
      const { response } = await this.follow(robotsUrl, { robots: false, maxBytes: ROBOTS_MAX_BYTES });
      return { status: response.status, body: response.body.toString('utf8') };
    } catch (err) {
      // a refused address must say so, not hide behind "robots.txt unreadable"
      if (err instanceof NetralError && err.userMessage === M.blockedAddress) throw err;
      return { unreachable: err instanceof Error ? err.message : String(err) };
    }
  }

  private toNetralError(url: string, err: unknown): NetralError {
    if (err instanceof NetralError) return err;
    const blocked = findCause(err, (e): e is BlockedAddressError => e instanceof BlockedAddressError);
    if (blocked) {
      return new NetralError(M.blockedAddress, { url, host: blocked.hostname, address: blocked.address, reason: blocked.reason }, 2, { cause: err });
    }
    const code = (err as { code?: string }).code ?? '';
    if (/TIMEOUT/.test(code)) {
      const ms = code === 'UND_ERR_CONNECT_TIMEOUT' ? this.options.connectTimeoutMs : this.options.totalTimeoutMs;
      return new NetralError(M.timeout, { url, ms }, 2, { cause: err });
    }
    const detail = err instanceof Error ? `${code ? code + ': ' : ''}${err.message}` : String(err);
    return new NetralError(M.network, { url, detail }, 2, { cause: err });
  }
}

/** Fetch a single page with a fetcher of its own (no shared robots/rate-limit state). */
export async function fetchPage(url: string, options: FetchOptionsInput = {}, deps: FetcherDeps = {}): Promise<FetchedPage> {
  const fetcher = new PageFetcher(options, deps);
  try {
    return await fetcher.fetchPage(url);
  } finally {
    await fetcher.close();
  }
}

export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NetralError(M.badUrl, { url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new NetralError(M.badScheme, { url });
  parsed.hash = '';
  return parsed;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (value === undefined || DROPPED_HEADERS.has(key)) continue;
    out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function findCause<T>(err: unknown, test: (e: unknown) => e is T): T | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (test(e)) return e;
  }
  return undefined;
}
