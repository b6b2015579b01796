// robots.txt, fetched once per origin and matched with a maintained parser (robots-parser).
// RFC 9309: a 4xx robots.txt means "no rules"; a 5xx or an unreachable one means "do not crawl".
import { createRequire } from 'node:module';
import { ROBOTS_TOKEN } from './options.js';

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (`module.exports = fn`) and its typings do not describe that shape
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => RobotsRules;

export type RobotsResponse = { status: number; body: string } | { unreachable: string };

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our token, in ms, when the site sets one */
  crawlDelayMs?: number;
  /** one line saying why a URL is refused */
  reason?: string;
}

interface OriginRules {
  isAllowed(url: string): boolean;
  crawlDelayMs?: number;
  reason: string;
}

export class RobotsCache {
  private readonly origins = new Map<string, Promise<OriginRules>>();

  /** `load` fetches a robots.txt URL (through the same polite, guarded client). */
  constructor(private readonly load: (robotsUrl: string) => Promise<RobotsResponse>) {}

  async check(url: string): Promise<RobotsVerdict> {
    const origin = new URL(url).origin;
    let rules = this.origins.get(origin);
    if (!rules) {
      rules = this.fetchRules(`${origin}/robots.txt`);
      this.origins.set(origin, rules);
    }
    const r = await rules;
    const allowed = r.isAllowed(url);
    return { allowed, crawlDelayMs: r.crawlDelayMs, reason: allowed ? undefined : r.reason };
  }

  private async fetchRules(robotsUrl: string): Promise<OriginRules> {
    const res = await this.load(robotsUrl);
    if ('unreachable' in res) {
      return { isAllowed: () => false, reason: `${robotsUrl} could not be read (${res.unreachable})` };
    }
    if (res.status >= 500) return { isAllowed: () => false, reason: `${robotsUrl} answered ${res.status}` };
    if (res.status >= 400 || res.status < 200) return { isAllowed: () => true, reason: '' };
    const robots = robotsParser(robotsUrl, res.body);
    const delay = robots.getCrawlDelay(ROBOTS_TOKEN);
    return {
      // undefined = URL outside this robots.txt's origin; the cache keys by origin, so treat as allowed
      isAllowed: (url) => robots.isAllowed(url, ROBOTS_TOKEN) !== false,
      crawlDelayMs: delay !== undefined && delay > 0 ? delay * 1000 : undefined,
      reason: `${robotsUrl} disallows it for "${ROBOTS_TOKEN}"`,
    };
  }
}
