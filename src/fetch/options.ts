// What a fetch may do, validated once at the boundary. Defaults are the polite ones.
import { z } from 'zod';

export const FetchOptionsSchema = z.object({
  /** an e-mail or URL a site operator can reach the person running netral at; goes into the User-Agent */
  contact: z.string().trim().min(3).max(200).optional(),
  /** minimum time between two requests to the same host */
  perHostIntervalMs: z.number().int().min(0).default(1000),
  /** random extra wait added to each per-host interval (0..jitterMs), so requests do not tick */
  jitterMs: z.number().int().min(0).default(250),
  connectTimeoutMs: z.number().int().positive().default(10_000),
  /** whole exchange: connect + headers + body */
  totalTimeoutMs: z.number().int().positive().default(30_000),
  maxBodyBytes: z.number().int().positive().default(10 * 1024 * 1024),
  maxRedirects: z.number().int().min(0).max(20).default(5),
  /** retries after 429 / 5xx (not counting the first attempt) */
  retries: z.number().int().min(0).max(10).default(3),
  /** first backoff; doubles each retry */
  backoffBaseMs: z.number().int().min(0).default(1000),
  /** longest single wait, also for a server's Retry-After */
  maxRetryWaitMs: z.number().int().min(0).default(60_000),
  /** true, or a list of addresses/host names that may be private (tests, a local mirror) */
  allowPrivate: z.union([z.boolean(), z.array(z.string())]).default(false),
  /** never: always fetch; cached: re-use a stored capture of the URL when there is one; offline: only re-use */
  reuse: z.enum(['never', 'cached', 'offline']).default('never'),
  /** obey robots.txt (only tests of the fetcher itself turn this off) */
  robots: z.boolean().default(true),
});

export type FetchOptionsInput = z.input<typeof FetchOptionsSchema>;
export type FetchOptions = z.output<typeof FetchOptionsSchema>;

/** The token robots.txt rules are matched against, and the start of the User-Agent. */
export const ROBOTS_TOKEN = 'netral';
