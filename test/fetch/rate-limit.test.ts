import { describe, expect, it } from 'vitest';
import { HostRateLimiter } from '../../src/fetch/rate-limit.js';
import { isRetryableStatus, parseRetryAfter, retryDelay } from '../../src/fetch/retry.js';
import { fakeClock } from './server.js';

describe('HostRateLimiter', () => {
  it('lets the first request to a host through at once and spaces the next by interval + jitter', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter({ intervalMs: 1000, jitterMs: 500, clock, random: () => 0.2 });
    await limiter.wait('t.me');
    await limiter.wait('t.me');
    expect(clock.sleeps).toEqual([1100]);
  });

  it('keeps hosts apart: a request to another host does not wait', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter({ intervalMs: 1000, jitterMs: 0, clock });
    await limiter.wait('t.me');
    await limiter.wait('www.youtube.com');
    expect(clock.sleeps).toEqual([]);
  });

  it('waits only for what is left of the interval when time has already passed', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter({ intervalMs: 1000, jitterMs: 0, clock });
    await limiter.wait('t.me');
    await clock.sleep(700); // other work
    await limiter.wait('t.me');
    expect(clock.sleeps).toEqual([700, 300]);
  });

  it('concurrent callers for one host are queued, never let through together', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter({ intervalMs: 1000, jitterMs: 0, clock });
    await Promise.all([limiter.wait('t.me'), limiter.wait('t.me'), limiter.wait('t.me')]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('a crawl delay raises the interval for its host only', async () => {
    const clock = fakeClock();
    const limiter = new HostRateLimiter({ intervalMs: 1000, jitterMs: 0, clock });
    limiter.setMinInterval('lambat.example', 3000);
    await limiter.wait('lambat.example');
    await limiter.wait('lambat.example');
    await limiter.wait('t.me');
    await limiter.wait('t.me');
    expect(clock.sleeps).toEqual([3000, 1000]);
  });
});

describe('retry policy', () => {
  it('retries 429 and passing server errors, not client errors', () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 403, 404, 501].some(isRetryableStatus)).toBe(false);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-01-05T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 05 Jan 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Fri, 05 Jan 2024 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially, honours Retry-After, and never waits past the cap', () => {
    const policy = { backoffBaseMs: 1000, maxRetryWaitMs: 10_000 };
    expect([0, 1, 2].map((a) => retryDelay(a, undefined, policy, () => 0))).toEqual([1000, 2000, 4000]);
    expect(retryDelay(0, 5000, policy, () => 0.9)).toBe(5000);
    expect(retryDelay(5, undefined, policy, () => 0)).toBe(10_000);
    expect(retryDelay(0, 3_600_000, policy, () => 0)).toBe(10_000);
  });
});
