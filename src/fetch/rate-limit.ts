// At most one request per host per interval (plus jitter). Clock and randomness are injected so
// tests measure the waits without depending on wall-clock speed.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimitOptions {
  intervalMs: number;
  jitterMs: number;
  clock?: Clock;
  /** 0 ≤ random() < 1 */
  random?: () => number;
}

export class HostRateLimiter {
  private readonly clock: Clock;
  private readonly random: () => number;
  /** when the last request to the host was let through */
  private readonly last = new Map<string, number>();
  /** robots.txt Crawl-delay may ask for a longer interval than ours */
  private readonly minInterval = new Map<string, number>();
  /** callers for one host queue behind each other, so concurrent fetches still space out */
  private readonly queue = new Map<string, Promise<void>>();

  constructor(private readonly options: RateLimitOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  /** Raise the interval for one host (never lowers it below the configured one). */
  setMinInterval(host: string, ms: number): void {
    this.minInterval.set(host, Math.max(ms, this.minInterval.get(host) ?? 0));
  }

  /** Resolves when a request to `host` may start. */
  wait(host: string): Promise<void> {
    const previous = this.queue.get(host) ?? Promise.resolve();
    const turn = previous.then(() => this.take(host));
    this.queue.set(host, turn.catch(() => undefined));
    return turn;
  }

  private async take(host: string): Promise<void> {
    const last = this.last.get(host);
    if (last !== undefined) {
      const interval = Math.max(this.options.intervalMs, this.minInterval.get(host) ?? 0);
      const due = last + interval + Math.floor(this.random() * this.options.jitterMs);
      const delay = due - this.clock.now();
      if (delay > 0) await this.clock.sleep(delay);
    }
    this.last.set(host, this.clock.now());
  }
}
