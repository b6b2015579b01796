// Stop 48: an Instagram export's personal_information.json gives the owner's display name beside
// the handle. The case file shows both, but on Instagram only the handle files an item: a
// neighbouring export whose owner shows the subject's listed display name is not his.
// fixtures/attribution/instagram-display-name holds two renamed downloads (no owner in their names).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FIX = 'fixtures/attribution';
const WAHYU = '198607142010011005';
const CODE = /\(([a-z0-9-]+)\)/;

interface Flagged {
  author: { name: string | null; handle: string | null } | null;
  filed: Record<string, string>;
}

/** Scan the two exports into a fresh store of subjects-names.csv (Wahyu lists `instagram:Wahyu Hidayat` beside his handle). */
function scan(subject?: string): { cases: Map<string, Flagged>; db: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-ig-name-'));
  const db = path.join(dir, 'netral.db');
  expect(runCli(['subjects', 'import', path.join(FIX, 'subjects-names.csv'), '--store', db]).code).toBe(0);
  const r = runCli(['scan', path.join(FIX, 'instagram-display-name'), ...(subject ? ['--subject', subject] : []), '--store', db, '--format', 'jsonl']);
  expect(r.code, r.stderr).toBe(0);
  const cases = new Map<string, Flagged>();
  for (const raw of r.stdout.trim().split('\n').filter(Boolean)) {
    const l = JSON.parse(raw) as { item: { text: string | null; author: Flagged['author'] } };
    const code = CODE.exec(l.item.text ?? '')?.[1];
    if (code) cases.set(code, { author: l.item.author ? { name: l.item.author.name, handle: l.item.author.handle } : null, filed: {} });
  }
  const store = new Database(db, { readonly: true });
  try {
    const rows = store.prepare('SELECT i.text AS text, s.name AS name, x.method AS method FROM items i JOIN item_subject x ON x.item_id = i.id JOIN subjects s ON s.id = x.subject_id').all() as Array<{ text: string | null; name: string; method: string }>;
    for (const row of rows) {
      const c = cases.get(CODE.exec(row.text ?? '')?.[1] ?? '');
      if (c) c.filed[row.name] = row.method;
    }
  } finally {
    store.close();
  }
  return { cases, db };
}

describe('Instagram: the owner’s display name from personal_information.json', { timeout: 300_000 }, () => {
  let asWahyu: ReturnType<typeof scan>;
  let plain: ReturnType<typeof scan>;
  beforeAll(() => {
    asWahyu = scan(WAHYU);
    plain = scan();
  }, 300_000);

  it('gives the author both handle and display name, and files his own post by his handle', () => {
    for (const { cases } of [asWahyu, plain]) {
      expect(cases.get('igd-own')?.author).toEqual({ name: 'Wahyu Hidayat', handle: 'wahyu.hidayat.dinkes' });
      expect(cases.get('igd-own')?.filed).toEqual({ 'Wahyu Hidayat': 'account' });
    }
  });

  it('never files another account by a display name it shares with the subject, with or without --subject', () => {
    for (const { cases } of [asWahyu, plain]) {
      expect(cases.get('igd-namesake')?.author).toEqual({ name: 'Wahyu Hidayat', handle: 'joko.purnomo.pkm' });
      expect(cases.get('igd-namesake')?.filed).toEqual({});
    }
  });

  it("the subject's case file names the author by display name and handle, and holds only his own post", () => {
    const out = path.join(path.dirname(asWahyu.db), 'kasus');
    const r = runCli(['export', '--subject', WAHYU, '--out', out, '--store', asWahyu.db]);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(path.join(out, 'findings.csv'), 'utf8');
    expect(csv).toContain('Wahyu Hidayat (@wahyu.hidayat.dinkes)');
    expect(csv).toContain('(igd-own)');
    expect(csv).not.toContain('igd-namesake');
    expect(csv).not.toContain('joko.purnomo.pkm');
  });
});
