import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerFetchCommand } from '../../src/cli/fetch.js';
import { setLang } from '../../src/i18n/index.js';
import { openStore } from '../../src/store/store.js';
import { html, robots, startServer, type TestServer } from './server.js';

const PAGE1 = readFileSync('fixtures/html/telegram-channel-relawan.html');
const PAGE2 = readFileSync('fixtures/html/telegram-channel-relawan-before-1214.html');

let server: TestServer;
let dir: string;
let out: string[];
let err: string[];

beforeEach(async () => {
  setLang('en');
  server = await startServer();
  server.route('/robots.txt', robots('User-agent: *\nAllow: /\n'));
  server.route('/s/relawansejahtera', (req, res) => html(req.url?.includes('before=1214') ? PAGE2 : PAGE1)(req, res));
  dir = mkdtempSync(join(tmpdir(), 'netral-fetch-'));
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  process.exitCode = undefined;
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  setLang('id');
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

async function run(...args: string[]): Promise<void> {
  const program = new Command().exitOverride().option('--lang <lang>').option('--quiet');
  registerFetchCommand(program);
  await program.parseAsync(['node', 'netral', 'fetch', ...args]);
}

describe('netral fetch', () => {
  it('fetches a channel (2 pages), prints one line per page, and keeps captures whose bytes hash to their SHA-256', async () => {
    const db = join(dir, 'netral.db');
    await run(`${server.origin}/s/relawansejahtera`, '--store', db, '--allow-private', '--rate', '0', '--max-pages', '2', '--contact', 'tim@lsm.example');
    expect(process.exitCode).toBe(0);
    const sha = createHash('sha256').update(PAGE1).digest('hex');
    expect(out[0]).toBe(`200  ${(PAGE1.length / 1024).toFixed(1)} KiB  sha256:${sha.slice(0, 12)}  4 items  ${server.origin}/s/relawansejahtera\n`);
    expect(out[1]).toContain('?before=1214');
    // the summary is chatter, on stderr: stdout holds one line per page only
    expect(err.at(-1)).toBe('2 pages, 6 items, 0 URLs failed\n');

    const store = openStore(db);
    try {
      const stored = store.latestCaptureForUrl(`${server.origin}/s/relawansejahtera`);
      expect(stored?.capture.sha256).toBe(sha);
      expect(createHash('sha256').update(stored!.body).digest('hex')).toBe(stored?.capture.sha256);
    } finally {
      store.close();
    }
  });

  it('--offline re-reads the stored page without a request', async () => {
    const db = join(dir, 'netral.db');
    await run(`${server.origin}/s/relawansejahtera`, '--store', db, '--allow-private', '--rate', '0', '--max-pages', '1');
    server.requests.length = 0;
    out.length = 0;
    await run(`${server.origin}/s/relawansejahtera`, '--store', db, '--offline', '--max-pages', '1');
    expect(server.requests).toHaveLength(0);
    expect(out[0]).toContain('4 items');
    expect(out[0]).toContain('(from stored capture');
  });

  it('a URL that cannot be read is one line on stderr and exit 2; the rest of the list is still fetched', async () => {
    server.route('/robots.txt', robots('User-agent: netral\nDisallow: /private/\n'));
    const list = join(dir, 'akun.txt');
    writeFileSync(list, `# akun yang dipantau\n${server.origin}/private/profil\n\n${server.origin}/s/relawansejahtera\n`);
    await run('--urls', list, '--store', join(dir, 'netral.db'), '--allow-private', '--rate', '0', '--max-pages', '1');
    expect(err).toEqual([
      `netral: ${server.origin}/private/profil: not fetched — ${server.origin}/robots.txt disallows it for "netral"; save the page with a browser if it is still needed\n`,
      '1 pages, 4 items, 1 URLs failed\n',
    ]);
    expect(out[0]).toContain(`4 items  ${server.origin}/s/relawansejahtera`);
    expect(process.exitCode).toBe(2);
  });
});
