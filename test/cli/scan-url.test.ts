import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer, type TestServer } from '../fetch/server.js';
import { REPO, runCliAsync } from './run-cli.js';

const PAGE = readFileSync(path.join(REPO, 'fixtures/html/telegram-channel-relawan.html'));

describe('netral scan <url>', { timeout: 60_000 }, () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    server.route('/s/relawansukamaju', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
  });
  afterAll(() => server.close());

  it('refuses a loopback URL without --allow-private: one line, exit 2', async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'netral-url-')), 'netral.db');
    const r = await runCliAsync(['scan', `${server.origin}/s/relawansukamaju`, '--store', db]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('127.0.0.1');
    expect(server.hits('/s/relawansukamaju')).toBe(0);
  });

  it('fetches the page, flags its posts and keeps the page bytes as the capture they point to', async () => {
    const db = path.join(mkdtempSync(path.join(tmpdir(), 'netral-url-')), 'netral.db');
    const r = await runCliAsync(['scan', `${server.origin}/s/relawansukamaju`, '--store', db, '--allow-private', '--max-pages', '1', '--region', '3299', '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const findings = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { item: { platform: string; source: { captureId: string; captureSha256: string } } });
    expect(findings.length).toBeGreaterThan(0);
    const conn = new Database(db, { readonly: true });
    try {
      for (const f of findings) {
        const row = conn.prepare('SELECT c.blob_sha256 AS sha, c.origin_kind AS kind, b.content AS content, b.encoding FROM captures c JOIN blobs b ON b.sha256 = c.blob_sha256 WHERE c.id = ?').get(f.item.source.captureId) as { sha: string; kind: string; content: Buffer; encoding: string | null };
        expect(row.kind).toBe('url');
        expect(row.sha).toBe(f.item.source.captureSha256);
        // kept gzip-compressed when that saves space; the hash names the page's own bytes
        const bytes = row.encoding === 'gzip' ? gunzipSync(row.content) : row.content;
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha);
        expect(bytes.equals(PAGE)).toBe(true);
      }
    } finally {
      conn.close();
    }
  });
});
