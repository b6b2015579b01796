// When to try again and how long to wait: 429 and passing server errors, exponential backoff, and
// the server's own Retry-After (seconds or an HTTP date) when it sends one — always capped.

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

/** Milliseconds a Retry-After header asks for, or undefined when absent/unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

export interface BackoffPolicy {
  backoffBaseMs: number;
  maxRetryWaitMs: number;
}

/** Wait before retry number `attempt` (0 = first retry). */
export function retryDelay(attempt: number, retryAfterMs: number | undefined, policy: BackoffPolicy, random: () => number): number {
  const backoff = policy.backoffBaseMs * 2 ** attempt;
  // a little jitter on our own backoff so many clients do not come back in step; none on Retry-After
  const wait = retryAfterMs ?? backoff + Math.floor(random() * policy.backoffBaseMs * 0.25);
  return Math.min(wait, policy.maxRetryWaitMs);
}
