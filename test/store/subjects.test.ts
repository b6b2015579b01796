import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { listFindings } from '../../src/store/evidence.js';
import { openStore, type Store } from '../../src/store/store.js';
import { importSubjects, listSubjects, subjectRegion } from '../../src/store/subjects.js';
import { verifyStore } from '../../src/store/verify.js';
import { buildSample, RULES, scanSample, tempDir } from './sample.js';

const BANDUNG = 'fixtures/subjects/bkd-kota-bandung.csv';
const BAD_NIP = 'fixtures/subjects/bad-nip-line-3.csv';
const ANDI_EXPORT = '/home/relawan/unduhan/facebook-andi.pratama.coblong-2024-01-20.zip';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = openStore(join(tmp.dir, 'netral.db'));
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

describe('subjects import', () => {
  it('reads an Excel-style semicolon CSV with Indonesian headers, NIPs with spaces and mixed account forms', () => {
    const result = importSubjects(store, BANDUNG, 'admin-bkd');
    expect(result).toMatchObject({ rows: 3, newSubjects: 3, updatedSubjects: 0, newAccounts: 5 });
    const subjects = listSubjects(store);
    expect(subjects.map((s) => [s.name, s.nip, s.regionCode])).toEqual([
      ['Andi "Ucok" Pratama', null, '3273'],
      ['Budi Santoso', '198503122010011004', '3273'],
      ['Siti Rahmawati', '198907252015032002', '3273'],
    ]);
    expect(subjects[1]!.accounts).toEqual([
      { platform: 'facebook', handle: 'Budi Santoso' },
      { platform: 'instagram', handle: 'budi.santoso85' },
    ]);
    expect(subjects[2]!.accounts).toEqual([
      { platform: 'tiktok', handle: '@siti.rahma' },
      { platform: 'x', handle: 'sitirahma_89' },
    ]);
  });

  it('importing the same file again changes nothing but records the import', () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const entries = store.db.prepare('SELECT count(*) FROM custody_log').pluck().get() as number;
    expect(importSubjects(store, BANDUNG, 'admin-bkd')).toMatchObject({ newSubjects: 0, updatedSubjects: 0, newAccounts: 0 });
    expect(store.db.prepare('SELECT action FROM custody_log WHERE seq > ?').pluck().all(entries)).toEqual(['subject.import']);
  });

  it('stops at a bad row with one line naming the file and the line', () => {
    let error: unknown;
    try {
      importSubjects(store, BAD_NIP, 'admin-bkd');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(NetralError);
    expect((error as NetralError).message).toMatch(/^fixtures\/subjects\/bad-nip-line-3\.csv: line 3: nip: .*18 digits/);
    expect((error as NetralError).message).not.toContain('\n');
    expect(listSubjects(store)).toEqual([]);
  });

  it('links items to a subject by the account that wrote them', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    await scanSample(store, buildSample());
    const rows = [...listFindings(store)];
    expect(rows.map((r) => [r.subject_name, r.nip, r.agency])).toEqual([
      ['Budi Santoso', '198503122010011004', 'Dinas Pendidikan Kota Bandung'],
      ['Budi Santoso', '198503122010011004', 'Dinas Pendidikan Kota Bandung'],
    ]);
    expect([...listFindings(store, { subject: '198503122010011004' })]).toHaveLength(2);
    expect([...listFindings(store, { subject: '198907252015032002' })]).toHaveLength(0);
  });

  it('scan --subject ties the run’s captures and items to the subject', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const andi = listSubjects(store).find((s) => s.name.startsWith('Andi'))!;
    // his own export: its profile gives his name, which is none of the subjects' accounts
    await scanSample(store, buildSample(ANDI_EXPORT, 'Andi Pratama'), { subjectId: andi.id.slice(0, 10) });
    // the captures are linked as the subject's export; the owner's items are attributed one by one
    const links = store.db.prepare('SELECT object_type, count(*) AS n FROM subject_links WHERE subject_id = ? GROUP BY object_type ORDER BY object_type').all(andi.id);
    expect(links).toEqual([{ object_type: 'capture', n: 3 }]);
    expect(store.db.prepare('SELECT count(*) FROM item_attributions WHERE subject_id = ? AND method = ?').pluck().get(andi.id, 'export-owner')).toBe(3);
    expect([...listFindings(store, { subject: andi.id })]).toHaveLength(2);
    expect(store.db.prepare('SELECT subject_id FROM runs').pluck().get()).toBe(andi.id);
    expect(() => store.beginRun({ command: 'scan', actor: 'x', subjectId: '199901012020121001' })).toThrow(/not found/);
  });

  it('an export whose owner is another subject is filed under that subject only, never under the subject it was scanned as', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const [andi, budi] = listSubjects(store);
    // Budi Santoso's export (its profile names him, his facebook account) scanned as Andi's
    await scanSample(store, buildSample(), { subjectId: andi!.id });
    expect(store.db.prepare('SELECT count(*) FROM item_attributions WHERE subject_id = ?').pluck().get(andi!.id)).toBe(0);
    expect([...listFindings(store, { subject: andi!.id })]).toHaveLength(0);
    expect([...listFindings(store, { subject: budi!.id })].map((r) => r.attribution)).toEqual(['account', 'account']);
  });

  it('identical items in two subjects’ exports stay a separate finding row for each subject', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const [andi, , siti] = listSubjects(store);
    // items whose author names no subject's account: each export's owner is the subject it was scanned as
    await scanSample(store, buildSample(ANDI_EXPORT, 'Pak Ucok'), { subjectId: andi!.id });
    await scanSample(store, buildSample(ANDI_EXPORT, 'Pak Ucok'), { subjectId: siti!.id });
    const rows = (id: string) => [...listFindings(store, { subject: id })].map((r) => [r.finding_id, r.subject_name, r.attribution]);
    const forAndi = rows(andi!.id);
    expect(forAndi).toHaveLength(2);
    expect(forAndi.every(([, name, how]) => name === andi!.name && how === 'export-owner')).toBe(true);
    expect(rows(siti!.id).map(([id]) => id)).toEqual(forAndi.map(([id]) => id));
    expect(store.db.prepare('SELECT count(*) FROM findings_overview').pluck().get()).toBe(4);
  });

  it('re-filing an attributed item under another subject is caught by verify', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const [andi, , siti] = listSubjects(store);
    await scanSample(store, buildSample(ANDI_EXPORT, 'Andi Pratama'), { subjectId: andi!.id });
    expect((await verifyStore(store.path)).ok).toBe(true);
    expect(() => store.db.prepare('UPDATE item_attributions SET subject_id = ?').run(siti!.id)).toThrow(/append-only/);
    store.db.exec('DROP TRIGGER item_attributions_no_update');
    store.db.prepare('UPDATE item_attributions SET subject_id = ?').run(siti!.id);
    const report = await verifyStore(store.path);
    const rows = report.checks.find((c) => c.name === 'rows')!;
    expect(rows.problems.map((p) => p.code)).toContain('vAttributionsRoot');
  });

  it('a message by someone else in the subject’s chat export is not filed under the subject', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const siti = listSubjects(store).find((s) => s.name.startsWith('Siti'))!;
    const sample = buildSample();
    const run = store.beginRun({ command: 'scan chat.txt', actor: 'pemantau-1', subjectId: siti.id });
    await run.putCapture(sample.zip, sample.zipBytes);
    await run.putCapture(sample.posts, sample.postsBytes);
    await run.putCapture(sample.photo, sample.photoBytes);
    // a chat: the sender (Budi Santoso) did it, not the export's owner
    sample.items.forEach((item, i) => run.putItem(item, sample.raws[i], false));
    for (const rule of RULES) run.putRule(rule);
    for (const f of sample.findings) run.putFinding(f);
    run.finish();
    expect([...listFindings(store, { subject: siti.id })]).toHaveLength(0);
    expect([...listFindings(store)].map((r) => r.subject_name)).toEqual(['Budi Santoso', 'Budi Santoso']);
  });

  it('gives the subject’s region for choosing the candidate registry', () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    expect(subjectRegion(store, '198907252015032002')).toEqual({ code: '3273', name: 'Kota Bandung' });
  });

  it('re-pointing an account to another subject is caught by verify', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    const [andi, budi] = listSubjects(store);
    store.db.prepare("UPDATE subject_accounts SET subject_id = ? WHERE handle = 'Budi Santoso'").run(andi!.id);
    const rows = (await verifyStore(store.path)).checks.find((c) => c.name === 'rows')!;
    expect(rows.problems.map((p) => [p.code, p.params.id]).sort()).toEqual([
      ['vRowMismatch', andi!.id.slice(0, 12)],
      ['vRowMismatch', budi!.id.slice(0, 12)],
    ].sort());
  });

  it('subject rows are covered by verify: an edited NIP is named', async () => {
    importSubjects(store, BANDUNG, 'admin-bkd');
    store.db.prepare("UPDATE subjects SET nip = '198503122010011999' WHERE name = 'Budi Santoso'").run();
    const report = await verifyStore(store.path);
    const rows = report.checks.find((c) => c.name === 'rows')!;
    expect(rows.problems.map((p) => p.code)).toEqual(['vRowMismatch']);
    expect(rows.problems[0]!.params.table).toBe('subjects');
  });
});
