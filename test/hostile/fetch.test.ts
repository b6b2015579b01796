// Compressed responses (case 2 and 9): gzip, deflate and br are decoded while streaming, a gzip
// bomb stops at the ratio bound, a broken or unknown coding is one line.
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { PageFetcher } from '../../src/fetch/client.js';
import { rejectionOf } from '../rejection.js';
import { startServer, type TestServer } from '../fetch/server.js';
import { gzipBomb } from './generators.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const PAGE = '<html><head><title>Relawan</title></head><body><p>Ayo coblos nomor 2 prabowo gibran</p></body></html>';

function serve(path: string, body: Buffer, encoding: string): void {
  server.route(path, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding });
    res.end(body);
  });
}

const fetcher = () => new PageFetcher({ allowPrivate: ['127.0.0.1'], perHostIntervalMs: 0, jitterMs: 0, robots: false, reuse: 'never' });

describe('compressed responses', () => {
  it.each([
    ['gzip', gzipSync(PAGE)],
    ['deflate', deflateSync(PAGE)],
    ['br', brotliCompressSync(PAGE)],
  ])('a %s body is stored and parsed as the page itself', async (encoding, body) => {
    serve(`/${encoding}`, body, encoding);
    const f = fetcher();
    const page = await f.fetchPage(`${server.origin}/${encoding}`);
    await f.close();
    expect(page.body.toString('utf8')).toBe(PAGE);
    expect(page.capture.bytes).toBe(Buffer.byteLength(PAGE));
  });

  it('a gzip bomb stops at the compression-ratio bound, in bounded memory', async () => {
    serve('/bomb', gzipBomb(), 'gzip');
    const f = fetcher();
    const err = await rejectionOf(f.fetchPage(`${server.origin}/bomb`), NetralError);
    await f.close();
    expect(err.message).toMatch(/compression bomb|larger than/);
  }, 60_000);

  it('broken gzip data and an unknown coding are one line each', async () => {
    serve('/broken', Buffer.from('this is not gzip at all'), 'gzip');
    serve('/zstd', Buffer.from(PAGE), 'zstd');
    const f = fetcher();
    expect((await rejectionOf(f.fetchPage(`${server.origin}/broken`), NetralError)).message).toMatch(/cannot be decoded/);
    expect((await rejectionOf(f.fetchPage(`${server.origin}/zstd`), NetralError)).message).toMatch(/cannot be decoded \(zstd\)/);
    await f.close();
  });
});
