// Where a headless Chromium is on this machine, looked for the way users have one:
// $NETRAL_CHROMIUM alone when it is set, else Debian/Ubuntu's package, then Playwright's browser
// cache. NETRAL_CHROMIUM=none (or any path that does not exist) checks the skip path.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ChromiumSearch {
  /** the executable found, if any */
  path?: string;
  /** every place looked at, in order (for the message when none is found) */
  looked: string[];
}

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Executables inside Playwright's cache (PLAYWRIGHT_BROWSERS_PATH or ~/.cache/ms-playwright), newest first. */
function playwrightExecutables(env: NodeJS.ProcessEnv): string[] {
  const root = env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0' ? env.PLAYWRIGHT_BROWSERS_PATH : join(homedir(), '.cache', 'ms-playwright');
  let dirs: string[];
  try {
    dirs = readdirSync(root).filter((d) => /^chromium/.test(d));
  } catch {
    return [join(root, 'chromium-*')];
  }
  const revision = (d: string) => Number(/-(\d+)$/.exec(d)?.[1] ?? 0);
  return dirs
    .sort((a, b) => revision(b) - revision(a))
    .flatMap((d) => [
      join(root, d, 'chrome-linux', 'chrome'),
      join(root, d, 'chrome-linux64', 'chrome'),
      join(root, d, 'chrome-linux', 'headless_shell'),
      join(root, d, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    ]);
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumSearch {
  const wanted = env.NETRAL_CHROMIUM;
  if (wanted === 'none') return { looked: ['NETRAL_CHROMIUM=none'] };
  // a path the user named is the only one looked at: a wrong one must show, not fall back silently
  const candidates = wanted ? [wanted] : [...SYSTEM_PATHS, ...playwrightExecutables(env)];
  const path = candidates.find((c) => !c.includes('*') && existsSync(c));
  return path ? { path, looked: candidates } : { looked: candidates };
}

/** Required under CI=true (the browser test may not silently disappear there). */
export function chromiumRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === 'true' || env.CI === '1';
}

export function missingChromiumLine(search: ChromiumSearch): string {
  return (
    `no headless Chromium found (looked at ${search.looked.join(', ')}): the report.html browser test ` +
    `(test/report/html-browser.test.ts) did NOT run. Install Debian's "chromium" package, or ` +
    `"npx playwright-core install chromium", or set NETRAL_CHROMIUM=/path/to/chrome.`
  );
}
