import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { sha256Hex } from '../../src/model/index.js';
import { INLINE_LIMIT } from '../../src/store/blobs.js';
import { findingFromStore } from '../../src/store/evidence.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { buildSample, makeCapture, RULES, scanSample, tableCounts, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

const mode = (p: string) => statSync(p).mode & 0o777;

describe('openStore', () => {
  it('creates the store and its WAL side files readable by the owner only', async () => {
    const path = join(tmp.dir, 'kasus', 'netral.db');
    const store = openStore(path);
    await scanSample(store, buildSample());
    expect(mode(path)).toBe(0o600);
    for (const side of ['-wal', '-shm']) if (existsSync(path + side)) expect(mode(path + side)).toBe(0o600);
    expect(mode(join(tmp.dir, 'kasus'))).toBe(0o700);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('refuses a missing store when opened read-only', () => {
    expect(() => openStore(join(tmp.dir, 'tidak-ada.db'), { readonly: true })).toThrow(NetralError);
  });

  it('refuses a file that is not SQLite with a one-line error', async () => {
    const path = join(tmp.dir, 'catatan.db');
    writeFileSync(path, 'ini bukan basis data, hanya catatan rapat\n'.repeat(20));
    expect(() => openStore(path)).toThrow(/not an SQLite file/);
  });
});

describe('a scan run', () => {
  it('stores captures, flagged items and findings, and commits them together', async () => {
    const store = openStore(join(tmp.dir, 'netral.db'));
    const sample = buildSample();
    const { counts } = await scanSample(store, sample);
    expect(counts).toEqual({ captures: 3, items: 3, findings: 2, newCaptures: 3, newItems: 3, newFindings: 2 });
    const c = tableCounts(store);
    // schema 5: a finding's spans are one column of its row, not a finding_spans row each
    expect(c).toMatchObject({ runs: 1, blobs: 3, captures: 3, items: 3, rules: 2, findings: 2, finding_spans: 0 });
    // schema 8: a span in the item's own text is three numbers (start, end, matcher key); its words read back from the text
    // schema 11: a column of numbers only is stored as their varints (a BLOB, one byte each here)
    const spans = store.db.prepare('SELECT spans FROM findings').pluck().all() as Buffer[];
    expect(spans.every((s) => Buffer.isBuffer(s))).toBe(true);
    expect(spans.map((s) => s.length).reduce((a, b) => a + b, 0)).toBe(3 * 4);
    for (const f of sample.findings) expect(findingFromStore(store, f.id).spans).toEqual(f.spans);
    expect(store.db.prepare('SELECT name FROM span_matchers ORDER BY pk').pluck().all()).toEqual([...new Set(sample.findings.flatMap((f) => f.spans.map((sp) => sp.matcher)))]);
    // schema 12: the id stored as its 32 bytes
    const raw = store.db.prepare('SELECT raw_json FROM items WHERE id = unhex(?)').pluck().get(sample.items[0]!.id) as string;
    expect(JSON.parse(raw)).toEqual(sample.raws[0]);
    expect(store.capture(sample.posts.id)).toEqual(sample.posts);
    store.close();
  });

  it('a second scan of the same input adds only a run row and sightings', async () => {
    const store = openStore(join(tmp.dir, 'netral.db'));
    await scanSample(store, buildSample());
    const before = tableCounts(store);
    // same export, downloaded to another folder: same captures, items and findings
    const { counts } = await scanSample(store, buildSample('/media/usb/bukti/facebook-budisantoso-2024-01-20.zip'));
    expect(counts).toMatchObject({ newCaptures: 0, newItems: 0, newFindings: 0 });
    const after = tableCounts(store);
    expect(after).toEqual({ ...before, runs: 2, capture_sightings: before.capture_sightings! + 3, custody_log: before.custody_log! + 2 });
    store.close();
  });

  it('an aborted run leaves the store exactly as it was, blob files included', async () => {
    const path = join(tmp.dir, 'netral.db');
    const store = openStore(path);
    await scanSample(store, buildSample());
    const before = tableCounts(store);
    const run = store.beginRun({ command: 'scan video.zip', actor: 'pemantau-1' });
    const big = Buffer.alloc(INLINE_LIMIT + 1024, 0x5a);
    const video = makeCapture(big, { origin: 'video.zip', memberPath: 'media/kampanye.mp4', mediaType: 'video/mp4' });
    await run.putCapture(video, async () => Readable.from([big.subarray(0, 1000), big.subarray(1000)]));
    expect(existsSync(join(tmp.dir, 'netral.db.blobs', video.sha256.slice(0, 2), video.sha256.slice(2, 4), video.sha256))).toBe(true);
    run.abort('ingest failed');
    expect(tableCounts(store)).toEqual(before);
    expect(existsSync(join(tmp.dir, 'netral.db.blobs', video.sha256.slice(0, 2), video.sha256.slice(2, 4), video.sha256))).toBe(false);
    store.close();
  });

  it('keeps bytes over 8 MiB as a 0600 file in a 0700 blob folder and reads them back', async () => {
    const path = join(tmp.dir, 'netral.db');
    const store = openStore(path);
    const big = Buffer.alloc(INLINE_LIMIT + 10, 0x42);
    const page = makeCapture(big, { origin: 'https://www.facebook.com/budi.santoso/posts/123', originKind: 'url', mediaType: 'text/html' });
    page.http = { url: page.origin, finalUrl: 'https://m.facebook.com/budi.santoso/posts/123', status: 200, headers: { 'content-type': 'text/html' }, redirects: [page.origin] };
    const run = store.beginRun({ command: 'fetch', actor: 'pemantau-1' });
    expect(await run.putCapture(page, big)).toBe(true);
    run.finish();
    const blobRoot = join(tmp.dir, 'netral.db.blobs');
    const file = join(blobRoot, page.sha256.slice(0, 2), page.sha256.slice(2, 4), page.sha256);
    expect(mode(blobRoot)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(blobRoot).filter((n) => n.startsWith('.incoming'))).toEqual([]);
    const cached = store.latestCaptureForUrl('https://m.facebook.com/budi.santoso/posts/123');
    expect(cached?.capture).toEqual(page);
    expect(sha256Hex(cached!.body)).toBe(page.sha256);
    expect(store.latestCaptureForUrl('https://www.facebook.com/lain')).toBeUndefined();
    store.close();
    expect((await verifyStore(path)).ok).toBe(true);

    // one flipped byte in the blob file is named with the capture that holds it
    const bytes = readFileSync(file);
    bytes[4096] = bytes[4096]! ^ 0x01;
    writeFileSync(file, bytes);
    const report = await verifyStore(path);
    expect(report.checks.find((c) => c.name === 'blobs')!.problems).toEqual([{ code: 'vBlobMismatch', params: { sha256: page.sha256, captures: page.id.slice(0, 12) } }]);
    expect(report.ok).toBe(false);
  });

  it('rejects bytes whose hash is not the capture hash', async () => {
    const store = openStore(join(tmp.dir, 'netral.db'));
    const sample = buildSample();
    const run = store.beginRun({ command: 'scan', actor: 'pemantau-1' });
    await expect(run.putCapture(sample.posts, Buffer.from('isi lain'))).rejects.toThrow(NetralError);
    run.abort('bad capture');
    expect(tableCounts(store).captures).toBe(0);
    store.close();
  });

  it('refuses a changed rule text under an unchanged version', async () => {
    const store = openStore(join(tmp.dir, 'netral.db'));
    await scanSample(store, buildSample());
    const run = store.beginRun({ command: 'scan', actor: 'pemantau-1' });
    expect(() => run.putRule({ ...RULES[0]!, sha256: sha256Hex('edited'), source: 'id: t3-dukungan-paslon\nversion: 1\n# edited\n' })).toThrow(/bump `version`/);
    run.abort('rule error');
    store.close();
  });

  it('fails the commit and rolls back when a finding cites an item that was never stored', async () => {
    const store = openStore(join(tmp.dir, 'netral.db'));
    const sample = buildSample();
    const run = store.beginRun({ command: 'scan', actor: 'pemantau-1' });
    await run.putCapture(sample.posts, sample.postsBytes);
    for (const rule of RULES) run.putRule(rule);
    run.putFinding(sample.findings[0]!);
    expect(() => run.finish()).toThrow(/missing/);
    expect(tableCounts(store)).toMatchObject({ runs: 0, captures: 0, findings: 0 });
    store.close();
  });
});
