// "The right person", stop 45: inputs built to confuse attribution (fixtures/eval/person-s45.md).
// Each input is a real export layout; the real binary scans it into a real store, and the test asks
// the store (item_subject) whom each flagged item is filed under. Every partisan text ends with a
// case code in parentheses, as in attribution-cases.test.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FIX = 'fixtures/attribution';
const WAHYU = '198607142010011005';
const CODE = /\(([a-z0-9-]+)\)/;

interface Case {
  kind: string;
  author: string;
  target: string | null;
  /** subject name → method */
  filed: Record<string, string>;
}

interface Line {
  item: { kind: string; text: string | null; author: { name: string | null; handle: string | null } | null; target: string | null };
}

/** Scan `inputs` (one run, `--subject` when given) into a fresh store of `subjects`; each flagged case and whom it is filed under. */
function scan(inputs: string[], subjects: string, subject?: string, extra: string[] = []): Map<string, Case> {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-attr-adv-'));
  const db = path.join(dir, 'netral.db');
  expect(runCli(['subjects', 'import', path.join(FIX, subjects), '--store', db]).code).toBe(0);
  const r = runCli(['scan', ...inputs.map((i) => path.join(FIX, i)), ...(subject ? ['--subject', subject] : []), '--store', db, '--format', 'jsonl', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const cases = new Map<string, Case>();
  for (const raw of r.stdout.trim().split('\n').filter(Boolean)) {
    const l = JSON.parse(raw) as Line;
    const code = CODE.exec(l.item.text ?? '')?.[1];
    if (code) cases.set(code, { kind: l.item.kind, author: l.item.author?.handle ?? l.item.author?.name ?? '', target: l.item.target, filed: {} });
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
  return cases;
}

function expectCase(cases: Map<string, Case>, code: string, author: string, filed: Record<string, string>): Case {
  const c = cases.get(code);
  expect(c, `case ${code} was flagged`).toBeDefined();
  expect(c!.author, code).toBe(author);
  expect(c!.filed, code).toEqual(filed);
  return c!;
}

describe('the right person: inputs built to confuse attribution', { timeout: 300_000 }, () => {
  let asWahyu = new Map<string, Case>();
  let plain = new Map<string, Case>();
  let threaded = new Map<string, Case>();
  let sheet = new Map<string, Case>();

  beforeAll(() => {
    asWahyu = scan(['telegram-namesake', 'telegram-nickname', 'jsonl-mixed', 'facebook-tagged-titles'], 'subjects.csv', WAHYU);
    // no --subject: only accounts file anything
    plain = scan(['telegram-namesake', 'telegram-nickname'], 'subjects.csv');
    // the JSONL lines read as row chunks by a worker thread decide the same
    threaded = scan(['jsonl-mixed'], 'subjects.csv', WAHYU, ['--jobs', '2']);
    // Wahyu lists his Instagram display name beside his handle
    sheet = scan(['sheet-handles'], 'subjects-names.csv', WAHYU);
  }, 300_000);

  it('Telegram: another account showing the owner’s own profile name is never filed under him', () => {
    const owner = { 'Wahyu Hidayat': 'export-owner' };
    expectCase(asWahyu, 'tgn-own', 'Wahyu H', owner);
    // his forward is his act (a share), the words' author kept as the target
    const fwd = expectCase(asWahyu, 'tgn-own-forward', 'Wahyu H', owner);
    expect(fwd.kind).toBe('share');
    expect(fwd.target).toBe('Joko Purnomo');
    // user7009 "Wahyu Hidayat" and user7010 "wahyu  hidayat " are not user7001: namesakes in the group
    expectCase(asWahyu, 'tgn-namesake', 'Wahyu Hidayat', {});
    expectCase(asWahyu, 'tgn-namesake-case', 'wahyu  hidayat ', {});
    expectCase(plain, 'tgn-namesake', 'Wahyu Hidayat', {});
    expectCase(plain, 'tgn-namesake-case', 'wahyu  hidayat ', {});
    // without --subject the owner's own messages reach him only by account (his "Wahyu H" is none)
    expectCase(plain, 'tgn-own', 'Wahyu H', {});
  });

  it('Telegram scanned as his export: another account showing his listed name is not him; without --subject it is filed by that name', () => {
    // his profile says "Yayu"; user7020 shows "Wahyu Hidayat", his listed Telegram name
    expectCase(asWahyu, 'tgk-own', 'Yayu', { 'Wahyu Hidayat': 'export-owner' });
    expectCase(asWahyu, 'tgk-subject-name', 'Wahyu Hidayat', {});
    // nothing says whose export it is: the name is all there is (person-s45.md, left)
    expectCase(plain, 'tgk-subject-name', 'Wahyu Hidayat', { 'Wahyu Hidayat': 'account' });
  });

  it('JSONL scrape whose first line names nobody: once a line names its author, a later line without one is nobody’s', () => {
    for (const cases of [asWahyu, threaded]) {
      expectCase(cases, 'jsonlm-joko', 'joko_purnomo', {});
      expectCase(cases, 'jsonlm-later-noauthor', '', {});
      expectCase(cases, 'jsonlm-wahyu', 'wahyuhdyt', { 'Wahyu Hidayat': 'account' });
      // before any line named an author the file reads as the analyst's own: left as it was (person-s45.md)
      expectCase(cases, 'jsonlm-first-noauthor', '', { 'Wahyu Hidayat': 'export-owner' });
    }
  });

  it('analyst sheet: on Instagram a row’s handle decides, never the display name beside it', () => {
    expectCase(sheet, 'sheeth-name-other-handle', 'joko.purnomo', {});
    expectCase(sheet, 'sheeth-own-handle', 'wahyu.hidayat.dinkes', { 'Wahyu Hidayat': 'account' });
    // on Facebook a name is how a person is known: still filed by it
    expectCase(sheet, 'sheeth-fb-name', 'Wahyu Hidayat', { 'Wahyu Hidayat': 'account' });
  });

  it('Facebook: a title that names the owner but not first is someone else’s act, never his', () => {
    // "Joko Purnomo is with Wahyu Hidayat.", "Joko Purnomo tagged Wahyu Hidayat in a post.": titles
    // netral does not parse; the owner is their object, so the post is nobody's known act
    expectCase(asWahyu, 'fbt-with', '', {});
    expectCase(asWahyu, 'fbt-tagged', '', {});
    // his own post with a tag stays his
    expectCase(asWahyu, 'fbt-own-with', 'Wahyu Hidayat', { 'Wahyu Hidayat': 'account' });
    // a link a friend shared to his timeline is the friend's
    expectCase(asWahyu, 'fbt-friend-link', 'Joko Purnomo', {});
  });
});
