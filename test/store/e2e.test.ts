// Issue 5 acceptance at library level: scan → subjects → review → rescan → export → verify bundle →
// tamper a capture byte and a store row → verify names each.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/store/export.js';
import { listFindings } from '../../src/store/evidence.js';
import { recordDecision } from '../../src/store/review.js';
import { EXPECTED_TRIGGERS, findingRowsSql, SCHEMA_VERSION, SPAN_ITEM_TEXT } from '../../src/store/schema.js';
import { findingRowSha256, spanContext, spansOf } from '../../src/store/rowhash.js';
import { openStore, type Store } from '../../src/store/store.js';
import { importSubjects } from '../../src/store/subjects.js';
import { verifyBundle, verifyStore, type VerifyReport } from '../../src/store/verify.js';
import { buildSample, scanSample, tableCounts, tempDir, type Sample } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let path: string;
let store: Store;
let sample: Sample;
const mode = (p: string) => statSync(p).mode & 0o777;
const problemsOf = (r: VerifyReport) => r.checks.flatMap((c) => c.problems.map((p) => ({ check: c.name, code: p.code, ...p.params })));

beforeAll(async () => {
  tmp = tempDir();
  path = join(tmp.dir, 'kasus-disdik', 'netral.db');
  store = openStore(path);
  sample = buildSample();
  await scanSample(store, sample);
  importSubjects(store, 'fixtures/subjects/bkd-kota-bandung.csv', 'admin-bkd');
  recordDecision(store, { finding: sample.findings[0]!.id, decision: 'confirm', comment: 'Akun dan NIP cocok', reviewer: 'Rina (Bawaslu Kota Bandung)' });
  recordDecision(store, { finding: sample.findings[1]!.id, decision: 'dismiss', reason: 'out_of_period', reviewer: 'Rina (Bawaslu Kota Bandung)' });
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('case file end to end', () => {
  it('a rescan keeps the dismissal and adds no duplicate', async () => {
    const before = tableCounts(store);
    const { counts } = await scanSample(store, buildSample('/home/relawan/Unduhan/salinan/facebook-budisantoso-2024-01-20.zip'));
    expect(counts).toMatchObject({ newCaptures: 0, newItems: 0, newFindings: 0 });
    expect(tableCounts(store)).toMatchObject({ captures: before.captures, items: before.items, findings: before.findings, reviews: before.reviews });
    expect([...listFindings(store)].map((f) => [f.finding_id, f.status])).toEqual([
      [sample.findings[1]!.id, 'dismissed'],
      [sample.findings[0]!.id, 'confirmed'],
    ]);
  });

  it('a full export is a folder readable by its owner only that sha256sum -c and verify accept', async () => {
    const out = join(tmp.dir, 'ekspor', 'full');
    const result = await exportBundle(store, { out, profile: 'full', actor: 'Rina' });
    expect(result).toMatchObject({ findings: 2, profile: 'full' });
    const files = readdirSync(out).sort();
    expect(files).toEqual(['README.txt', 'SHA256SUMS', 'captures', 'custody.jsonl', 'evidence.db', 'findings.csv', 'findings.jsonl', 'manifest.json', 'manifest.sha256', 'report', 'report.html', 'reviews.csv', 'subjects.csv']);
    // the report's attestation names the evidence hash a reader recomputes from SHA256SUMS with coreutils
    const evidenceHash = execFileSync('sh', ['-c', "grep -v -e '  report' -e '  manifest' SHA256SUMS | sha256sum"], { cwd: out, encoding: 'utf8' }).slice(0, 64);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(`<span class="mono">${evidenceHash}</span>`);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Rina');
    expect(readdirSync(join(out, 'report')).length).toBeGreaterThan(0);
    expect(readdirSync(join(out, 'captures')).sort()).toEqual([`${sample.photo.sha256}.jpg`, `${sample.posts.sha256}.json`].sort());
    expect(mode(out)).toBe(0o700);
    expect(mode(join(out, 'captures'))).toBe(0o700);
    for (const f of ['findings.csv', 'evidence.db', 'manifest.json', `captures/${sample.posts.sha256}.json`]) expect(mode(join(out, f))).toBe(0o600);

    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' })).toMatch(/findings\.csv: OK/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { chain_head: { seq: number; hash: string } };
    expect(manifest.chain_head).toEqual(result.head);
    const bundle = await verifyBundle(out);
    expect(problemsOf(bundle)).toEqual([]);
    expect(bundle.checks.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);

    // the export itself is in the chain, and its head anchors the store
    expect(store.db.prepare('SELECT action FROM custody_log ORDER BY seq DESC LIMIT 1').pluck().get()).toBe('export.create');
    expect((await verifyStore(path, { anchor: join(out, 'manifest.json') })).ok).toBe(true);
  });

  it('one CSV row per finding carries the complaint-form fields', async () => {
    const out = join(tmp.dir, 'ekspor', 'csv-check');
    await exportBundle(store, { out, profile: 'full', actor: 'Rina' });
    const csv = readFileSync(join(out, 'findings.csv'), 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(',').slice(0, 12)).toEqual(['nama_terlapor', 'nip', 'instansi', 'jabatan', 'kode_wilayah', 'wilayah', 'tanggal_kejadian', 'tautan', 'platform', 'akun', 'dasar_atribusi', 'bentuk_pelanggaran']);
    expect(rows).toHaveLength(2);
    const confirmed = rows.find((r) => r.includes(sample.findings[0]!.id))!;
    expect(confirmed).toContain('Budi Santoso,198503122010011004,Dinas Pendidikan Kota Bandung,Kepala Seksi Kurikulum,3273,Kota Bandung,2024-01-19T08:00:00.000Z');
    expect(confirmed).toContain('Larangan 3: Dukungan terbuka kepada pasangan calon');
    expect(confirmed).toContain(`${sample.posts.sha256},captures/${sample.posts.sha256}.json,confirmed,Rina (Bawaslu Kota Bandung)`);
  });

  it('a bawaslu zip holds only confirmed findings, is reproducible in layout and verifies', async () => {
    const zip = join(tmp.dir, 'ekspor', 'bawaslu.zip');
    const result = await exportBundle(store, { out: zip, profile: 'bawaslu', actor: 'Rina' });
    expect(result.findings).toBe(1);
    expect(mode(zip)).toBe(0o600);
    const names = await zipEntries(zip);
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('evidence.db');
    expect(names).toContain(`captures/${sample.posts.sha256}.json`);
    expect(problemsOf(await verifyBundle(zip))).toEqual([]);
  });

  it('a full zip carries the database snapshot, whose own chain ends at the manifest head', async () => {
    const zip = join(tmp.dir, 'ekspor', 'full.zip');
    await exportBundle(store, { out: zip, profile: 'full', actor: 'Rina' });
    const report = await verifyBundle(zip);
    expect(report.checks.find((c) => c.name === 'database')).toMatchObject({ status: 'ok' });
    expect(report.checks.find((c) => c.name === 'database')!.checked).toBeGreaterThan(10);
    expect(problemsOf(report)).toEqual([]);
  });

  it('a public export: confirmed only, no civil servant named, no raw captures, hashed third-party handles', async () => {
    const out = join(tmp.dir, 'ekspor', 'publik');
    const result = await exportBundle(store, { out, profile: 'public', actor: 'Rina' });
    expect(result.findings).toBe(1); // only the confirmed finding
    const files = readdirSync(out);
    expect(files).not.toContain('captures');
    expect(files).not.toContain('custody.jsonl');
    const all = ['findings.csv', 'findings.jsonl', 'report.html'].map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(all).not.toContain('198503122010011004');
    expect(all).not.toContain('relawan.bandung');
    expect(all).not.toContain('Budi Santoso');
    expect(all).toContain('ASN-1');
    expect(all).toContain('Prabowo-Gibran');
    const line = JSON.parse(readFileSync(join(out, 'findings.jsonl'), 'utf8').trim()) as { item: { text: string }; spans: Array<{ start: number; end: number; text: string }> };
    for (const s of line.spans) expect(line.item.text.slice(s.start, s.end)).toBe(s.text);
    expect(problemsOf(await verifyBundle(out))).toEqual([]);
  });

  it('verify names an altered file in a bundle', async () => {
    const out = join(tmp.dir, 'ekspor', 'diubah');
    await exportBundle(store, { out, profile: 'full', actor: 'Rina' });
    const target = join(out, 'captures', `${sample.posts.sha256}.json`);
    const bytes = readFileSync(target);
    bytes[10] = bytes[10]! ^ 0x01;
    writeFileSync(target, bytes);
    const report = await verifyBundle(out);
    expect(report.ok).toBe(false);
    expect(problemsOf(report).filter((p) => p.check !== 'database')).toEqual([
      { check: 'resources', code: 'vBundleFile', path: `captures/${sample.posts.sha256}.json` },
      { check: 'sums', code: 'vBundleFile', path: `captures/${sample.posts.sha256}.json` },
    ]);
    expect(() => execFileSync('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: out, stdio: 'pipe' })).toThrow();
  });

  it('after tampering with one capture byte and one row, verify names each and fails', async () => {
    expect((await verifyStore(path)).ok).toBe(true);
    store.close();
    const db = new Database(path);
    for (const name of Object.keys(EXPECTED_TRIGGERS)) db.exec(`DROP TRIGGER IF EXISTS ${name}`);
    const photo = db.prepare('SELECT content FROM blobs WHERE sha256 = ?').pluck().get(sample.photo.sha256) as Buffer;
    photo[20] = photo[20]! ^ 0xff;
    db.prepare('UPDATE blobs SET content = ? WHERE sha256 = ?').run(photo, sample.photo.sha256);
    // a careful forger also rewrites row_sha256: the chain (its run's findings root) still disagrees
    // (the finding as its hash sees it: its texts in place, wherever they are stored)
    // (schema 8: its spans' words read from its item's text, which is no column of the finding)
    const { [SPAN_ITEM_TEXT]: itemText, ...f } = db.prepare(`${findingRowsSql(SCHEMA_VERSION)} WHERE f.id = unhex(?)`).get(sample.findings[0]!.id) as Record<string, unknown>;
    const edited = { ...f, severity: 'low' };
    db.prepare('UPDATE findings SET severity = ?, row_sha256 = ? WHERE id = ?').run('low', findingRowSha256(edited, spansOf(db, sample.findings[0]!.id, undefined, spanContext(db, itemText as string))), f.id);
    db.prepare("UPDATE items SET text = 'Selamat pagi' WHERE id = unhex(?)").run(sample.items[2]!.id);
    db.close();

    const report = await verifyStore(path);
    expect(report.ok).toBe(false);
    const problems = problemsOf(report).filter((p) => p.check !== 'schema');
    expect(problems).toEqual([
      { check: 'blobs', code: 'vBlobMismatch', sha256: sample.photo.sha256, captures: sample.photo.id.slice(0, 12) },
      { check: 'rows', code: 'vFindingsRoot', run: expect.any(String) },
      { check: 'rows', code: 'vRowMismatch', table: 'items', id: sample.items[2]!.id.slice(0, 12) },
      { check: 'rows', code: 'vItemsRoot', run: expect.any(String) },
    ]);
    expect(problemsOf(report).filter((p) => p.check === 'schema').map((p) => p.code)).toContain('vTriggerMissing');
    store = openStore(path);
  });
});

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}
