// The export's worker threads and their in-process fallbacks make the same files: the compiled
// build (dist/, where the workers are) and the TypeScript sources (no compiled worker: the same
// routines in-process) export copies of one store at one fixed time, byte for byte.
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/model/index.js';
import { exportBundle } from '../../src/store/export.js';
import { recordDecision } from '../../src/store/review.js';
import { startReport } from '../../src/store/report-builder.js';
import { startSnapshot } from '../../src/store/snapshot.js';
import { DEFAULT_PAGE_LIMITS } from '../../src/report/html.js';
import type { ReportCard, ReportMeta } from '../../src/report/report-data.js';
import { openStore, type Store } from '../../src/store/store.js';
import { importSubjects } from '../../src/store/subjects.js';
import { verifyBundle } from '../../src/store/verify.js';
import { buildSample, scanSample, tempDir } from './sample.js';

const DIST = fileURLToPath(new URL('../../dist/store/', import.meta.url));
type ExportFn = typeof exportBundle;

let tmp: ReturnType<typeof tempDir>;
let original: string;

beforeAll(async () => {
  tmp = tempDir();
  original = join(tmp.dir, 'asal.db');
  const store = openStore(original);
  const sample = buildSample();
  await scanSample(store, sample);
  importSubjects(store, 'fixtures/subjects/bkd-kota-bandung.csv', 'admin-bkd');
  recordDecision(store, { finding: sample.findings[0]!.id, decision: 'confirm', comment: 'Akun dan NIP cocok', reviewer: 'Rina' });
  // a public bundle's pseudonyms are salted with the store's salt, made by its first public export
  await exportBundle(store, { out: join(tmp.dir, 'first-public'), profile: 'public', actor: 'Rina' });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
});
afterAll(() => tmp.cleanup());

/** A fresh copy of the sample store (each export adds its own custody entry). */
function copyOfStore(name: string): Store {
  const path = join(tmp.dir, `${name}.db`);
  copyFileSync(original, path);
  return openStore(path);
}

function filesOf(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), sha256Hex(readFileSync(join(e.parentPath, e.name))));
  }
  return out;
}

describe('export threads', () => {
  it('the evidence.db snapshot: the worker and the in-process routine write the same file', async () => {
    expect(existsSync(join(DIST, 'snapshot-worker.js'))).toBe(true);
    const store = copyOfStore('snap');
    try {
      const inWorker = startSnapshot(store, join(tmp.dir, 'worker.db'), join(DIST, 'snapshot-worker.js'));
      const inProcess = startSnapshot(store, join(tmp.dir, 'process.db'), join(tmp.dir, 'no-worker.js'));
      const [a, b] = [await inWorker.result(), await inProcess.result()];
      await inWorker.stop();
      expect(a).toEqual(b);
      expect(sha256Hex(readFileSync(join(tmp.dir, 'worker.db')))).toBe(a.sha256);
      const copy = new Database(join(tmp.dir, 'process.db'), { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).not.toBe('wal');
      expect(copy.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(2);
      copy.close();
    } finally {
      store.close();
    }
  });

  it('a card the report worker cannot render fails the export with the reason, in the worker as in-process', async () => {
    for (const worker of [join(DIST, 'report-worker.js'), join(tmp.dir, 'no-worker.js')]) {
      const report = startReport({ cardsFile: join(tmp.dir, `cards-${worker.length}.html`), pagesDir: join(tmp.dir, `pages-${worker.length}`), lang: 'id', limits: DEFAULT_PAGE_LIMITS }, worker);
      let failed: unknown;
      try {
        // a card without its item: rendering it throws (in the worker: when the batch arrives)
        report.add({ findingId: 'f'.repeat(64) } as unknown as ReportCard);
        await report.pages({} as ReportMeta);
      } catch (err) {
        failed = err;
      } finally {
        await report.stop();
      }
      expect(String(failed)).toMatch(worker.endsWith('report-worker.js') ? /report: .*TypeError/ : /TypeError/);
    }
  });

  for (const profile of ['full', 'bawaslu', 'public'] as const) {
    it(`a ${profile} export: the compiled build with its workers and the sources in-process give the same bundle`, async () => {
      const compiled = (await import(join(DIST, 'export.js'))) as { exportBundle: ExportFn };
      const bundles: Array<Map<string, string>> = [];
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-02-01T08:00:00Z') });
      try {
        for (const [name, run] of [['dist', compiled.exportBundle], ['src', exportBundle]] as const) {
          const store = copyOfStore(`${profile}-${name}`);
          const out = join(tmp.dir, `bundle-${profile}-${name}`);
          try {
            await run(store, { out, profile, actor: 'Rina' });
          } finally {
            store.close();
          }
          expect((await verifyBundle(out)).checks.flatMap((c) => c.problems)).toEqual([]);
          bundles.push(filesOf(out));
        }
      } finally {
        vi.useRealTimers();
      }
      expect(bundles[0]!.size).toBeGreaterThan(5);
      expect(bundles[0]).toEqual(bundles[1]);
    });
  }
});
