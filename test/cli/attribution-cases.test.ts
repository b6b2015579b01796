// "The right person", end to end: every input layout where someone else's partisan words sit in a
// subject's export or page (fixtures/attribution/README.md lists the cases). Each input goes
// through the real binary (`netral scan --subject`) into a real SQLite store; the test then asks
// the store whom each flagged item is filed under, and the JSONL report who did it and how.
// Every partisan text ends with a case code in parentheses, e.g. "(fb-friend-wall)".
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const FIX = 'fixtures/attribution';
const WAHYU = '198607142010011005';

interface Line {
  subjects: Array<{ name: string; attribution: string }>;
  item: { kind: string; text: string | null; author: { name: string | null; handle: string | null } | null; target: string | null; url: string | null };
}

/** What the store and the report say about one case code. */
interface Case {
  kind: string;
  author: string;
  target: string | null;
  /** subject name → method, from the store's item_subject view */
  filed: Record<string, string>;
}

const CODE = /\(([a-z0-9-]+)\)/;

// a caption-only item (an Instagram grid photo) has no text in the report: known by its permalink
const BY_URL: Record<string, string> = { 'https://www.instagram.com/p/AAA111/': 'html-ig-own-grid', 'https://www.instagram.com/p/BBB222/': 'html-ig-tagged-grid' };

function codeOf(l: Line): string | undefined {
  return CODE.exec(l.item.text ?? '')?.[1] ?? BY_URL[l.item.url ?? ''];
}

/** Scan `inputs` (each its own run) into `db`; the cases of every flagged item, by code. */
function scanCases(db: string, inputs: string[], subject: string, cases: Map<string, Case>): string {
  // one run over all the inputs (the rule pack is loaded once), scanned as the subject's
  const r = runCli(['scan', ...inputs.map((i) => path.join(FIX, i)), '--subject', subject, '--store', db, '--format', 'jsonl']);
  expect(r.code, r.stderr).toBe(0);
  {
    for (const raw of r.stdout.trim().split('\n').filter(Boolean)) {
      const l = JSON.parse(raw) as Line;
      const code = codeOf(l);
      if (!code) continue;
      cases.set(code, { kind: l.item.kind, author: l.item.author?.handle ?? l.item.author?.name ?? '', target: l.item.target, filed: {} });
    }
  }
  fileCases(db, cases);
  return r.stderr;
}

/** Whom the store files each case under (the item_subject view): subject name → method. */
function fileCases(db: string, cases: Map<string, Case>): void {
  const store = new Database(db, { readonly: true });
  try {
    const rows = store
      .prepare(
        `SELECT i.text AS text, coalesce(i.item_json, '') || ' ' || coalesce(i.item_extra, '') AS json, s.name AS name, x.method AS method
         FROM items i JOIN item_subject x ON x.item_id = i.id JOIN subjects s ON s.id = x.subject_id`,
      )
      .all() as Array<{ text: string | null; json: string; name: string; method: string }>;
    for (const row of rows) {
      // the item's own text first; a caption-only item (an Instagram grid photo) by its media caption
      const code = CODE.exec(row.text ?? '')?.[1] ?? CODE.exec(row.json)?.[1];
      const c = code ? cases.get(code) : undefined;
      if (c) c.filed[row.name] = row.method;
    }
  } finally {
    store.close();
  }
}

describe('the right person: whose file each finding lands in', { timeout: 300_000 }, () => {
  const cases = new Map<string, Case>();
  const unknownOwner = new Map<string, Case>();
  let unknownOwnerStderr = '';
  const batch = new Map<string, Case>();
  let batchOut = '';
  // a folder of several people's exports scanned as Wahyu's (fixtures/attribution/folder-of-exports)
  const folder = new Map<string, Case>();
  let folderDb = '';
  let folderDir = '';

  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-attr-cases-'));
    const db = path.join(dir, 'netral.db');
    expect(runCli(['subjects', 'import', path.join(FIX, 'subjects.csv'), '--store', db]).code).toBe(0);
    const udb = path.join(dir, 'unknown-owner.db');
    expect(runCli(['subjects', 'import', path.join(FIX, 'subjects.csv'), '--store', udb]).code).toBe(0);
    unknownOwnerStderr = scanCases(udb, ['whatsapp-ios-unknown'], WAHYU, unknownOwner);
    folderDir = dir;
    folderDb = path.join(dir, 'folder.db');
    expect(runCli(['subjects', 'import', path.join(FIX, 'subjects.csv'), '--store', folderDb]).code).toBe(0);
    scanCases(folderDb, ['folder-of-exports'], WAHYU, folder);
    scanCases(
      db,
      [
        'facebook-wahyu-hidayat',
        'facebook-no-profile',
        'x-wahyuhdyt',
        'tiktok-wahyu',
        'whatsapp-android-named',
        'whatsapp-ios-anda',
        'whatsapp-ios-you',
        'whatsapp-ios-unknown',
        'telegram-full',
        'telegram-chat',
        'sheet',
        'jsonl-scrape',
        'pages',
      ],
      WAHYU,
      cases,
    );
    // a batch of two subjects: Wahyu's chat mentions Lina, Lina's chat mentions Wahyu and holds his message
    const bdb = path.join(dir, 'batch.db');
    const r = runCli(['scan', '--subjects', path.join(FIX, 'subjects-batch.csv'), '--store', bdb, '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    batchOut = r.stdout;
    // a batch prints a summary per subject: the flagged items are read from the store
    const bstore = new Database(bdb, { readonly: true });
    const flagged = bstore.prepare('SELECT i.text AS text, i.kind AS kind, coalesce(i.actor_handle, i.actor_name, \'\') AS author FROM items i WHERE EXISTS (SELECT 1 FROM findings f WHERE f.item_id = i.id)').all() as Array<{ text: string | null; kind: string; author: string }>;
    bstore.close();
    for (const row of flagged) {
      const code = CODE.exec(row.text ?? '')?.[1];
      if (code) batch.set(code, { kind: row.kind, author: row.author, target: null, filed: {} });
    }
    fileCases(bdb, batch);
  }, 300_000);

  const get = (code: string, from = cases): Case => {
    const c = from.get(code);
    expect(c, `case ${code} was flagged`).toBeDefined();
    return c!;
  };
  /** flagged, done by `author`, filed under exactly `filed` */
  const expectCase = (code: string, author: string, filed: Record<string, string>, from = cases) => {
    const c = get(code, from);
    expect(c.author, code).toBe(author);
    expect(c.filed, code).toEqual(filed);
    return c;
  };
  const mine = { 'Wahyu Hidayat': 'account' };
  const owner = { 'Wahyu Hidayat': 'export-owner' };

  it('Facebook export: the owner’s own posts, comments and group posts are his', () => {
    expectCase('fb-own-post', 'Wahyu Hidayat', mine);
    expectCase('fb-own-on-friend-wall', 'Wahyu Hidayat', mine);
    expectCase('fb-own-comment', 'Wahyu Hidayat', mine);
    expectCase('fb-own-group-post', 'Wahyu Hidayat', mine);
  });

  it('Facebook export: a friend’s post on his timeline, a photo he is tagged in, a reply to him and another member’s group post are theirs', () => {
    expectCase('fb-friend-wall', 'Yanti Susanti', {});
    expectCase('fb-wall-file', 'Bambang Triyono', {});
    expectCase('fb-tag-photo', 'Joko Purnomo', {});
    expectCase('fb-other-comment', 'Rudi Hermawan', {});
    expectCase('fb-nonsubject-group-post', 'Yanti Susanti', {});
    // another subject's group post is filed under her, by her account, not under the export's owner
    expectCase('fb-member-group-post', 'Lina Marpaung', { 'Lina Marpaung': 'account' });
  });

  it('Facebook export without profile_information.json: a file naming several people files none of them as the owner', () => {
    expectCase('fbnp-friend-wall', 'Yanti Susanti', {});
    // his own post still reaches him through his account, never through the export
    expectCase('fbnp-own-post', 'Wahyu Hidayat', mine);
  });

  it('X archive: a retweet is his share with the original author kept; a reply is his own words', () => {
    const rt = expectCase('x-retweet', 'wahyuhdyt', mine);
    expect(rt.kind).toBe('share');
    expect(rt.target).toBe('joko_purnomo');
    const reply = expectCase('x-reply', 'wahyuhdyt', mine);
    expect(reply.kind).toBe('comment');
    expect(reply.target).toBe('rudi_hrm');
    expectCase('x-own-tweet', 'wahyuhdyt', mine);
  });

  it('TikTok export: his comment is his; a saved page of someone else’s video is theirs', () => {
    expectCase('tt-own-comment', 'wahyu.hdyt', mine);
    expectCase('html-tt-other-video', 'joko.purnomo', {});
  });

  it('WhatsApp: his messages by name, "Anda" or "You"; every other member’s are not his', () => {
    expectCase('wa-and-own', 'Wahyu Hidayat', mine);
    expectCase('wa-and-mention', 'Wahyu Hidayat', mine); // names Lina: still his alone
    expectCase('wa-and-member', 'Joko Purnomo', {});
    expectCase('wa-and-lina', '+62 813-2222-3333', { 'Lina Marpaung': 'account' });
    expectCase('wa-ios-anda-own', 'Anda', owner);
    expectCase('wa-ios-anda-member', 'Joko Purnomo', {});
    expectCase('wa-ios-you-own', 'You', owner);
    expectCase('wa-ios-you-member', 'Yanti Susanti', {});
  });

  it('WhatsApp without the owner’s name: nothing is guessed to be his, and the scan says so', () => {
    expectCase('wa-ios-unknown-a', 'Pak Wahyu Dinkes', {});
    expectCase('wa-ios-unknown-b', 'Joko Purnomo', {});
    expectCase('wa-ios-unknown-a', 'Pak Wahyu Dinkes', {}, unknownOwner);
    expect(unknownOwnerStderr).toMatch(/2 butir bertemuan tidak diajukan atas nama terlapor/);
  });

  it('Telegram: the owner by from_id, his forward is his share; other members’ messages and forwards are theirs', () => {
    expectCase('tg-own', 'Wahyu H', owner);
    const fwd = expectCase('tg-own-forward', 'Wahyu H', owner);
    expect(fwd.kind).toBe('share');
    expect(fwd.target).toBe('Relawan Budi-Dewi');
    expectCase('tg-member', 'Joko Purnomo', {});
    // Joko forwarding words that came from Wahyu: Joko's act, not Wahyu's
    expectCase('tg-member-forward', 'Joko Purnomo', {});
    // a single-chat export records no owner: only his account name files his message
    expectCase('tgc-named-subject', 'Wahyu Hidayat', mine);
    expectCase('tgc-member', 'Joko Purnomo', {});
  });

  it('analyst sheet with an author column: each row is its author’s; a row without one is nobody’s', () => {
    expectCase('csv-wahyu', 'Wahyu Hidayat', mine);
    expectCase('csv-joko', 'Joko Purnomo', {});
    expectCase('csv-lina', 'linamarpaung', { 'Lina Marpaung': 'account' });
    expectCase('csv-noauthor', '', {});
  });

  it('JSONL scrape whose first record names its author: each line is its author’s; a line without one is nobody’s', () => {
    expectCase('jsonl-joko', 'joko_purnomo', {});
    expectCase('jsonl-noauthor', '', {});
  });

  it('saved pages: posts belong to their authors; an embedded or quoted post is never the page author’s own words', () => {
    const shared = expectCase('html-fb-embedded', 'Wahyu Hidayat', mine);
    expect(shared.kind).toBe('share');
    expect(shared.target).toBe('Joko Purnomo');
    expectCase('html-fb-friend-wall', 'Yanti Susanti', {});
    // a comment ([role=article] "Komentar dari …") under his photo-only post is neither his post nor his share
    expect(cases.has('html-fb-comment')).toBe(false);
    expectCase('html-x-reply-other', 'rudi_hrm', {});
    expect(cases.has('html-x-quoted')).toBe(false);
    expect(cases.has('html-x-quoted-photo')).toBe(false);
    // his blog embeds Joko's tweet and holds Yanti's comment: the tweet is Joko's item, the comment
    // is nobody's text, and his own neutral page text is not flagged with their words
    expectCase('html-blog-embedded-tweet', 'joko_purnomo', {});
    expect(cases.has('html-blog-own')).toBe(false);
    expect(cases.has('html-blog-comment')).toBe(false);
    expectCase('html-ig-own-grid', 'wahyu.hidayat.dinkes', mine);
    expectCase('html-ig-tagged-grid', 'joko.purnomo', {});
  });

  it('batch of two subjects: a mention of another subject never files the item under them', () => {
    expectCase('wa-and-mention', 'Wahyu Hidayat', mine, batch);
    expectCase('wa-lina-anda-mentions-wahyu', 'Anda', { 'Lina Marpaung': 'export-owner' }, batch);
    // Wahyu's message inside Lina's chat is his (his account), not hers
    expectCase('wa-lina-chat-wahyu', 'Wahyu Hidayat', mine, batch);
    expectCase('wa-lina-chat-member', 'Yanti Susanti', {}, batch);
    expect(batchOut).toContain('Lina Marpaung');
  });

  it('a folder of several people’s exports scanned as his: only his own export is filed under him', () => {
    expectCase('dir-fb-wahyu', 'Wahyu Hidayat', mine, folder);
    expectCase('dir-x-wahyu', 'wahyuhdyt', mine, folder);
    // Lina's archive (her account.js) is hers alone, never his as the export's owner
    expectCase('dir-x-lina', 'linamarpaung', { 'Lina Marpaung': 'account' }, folder);
    // Joko's archive: a handle that is none of his X accounts is not his export
    expectCase('dir-x-joko', 'joko_purnomo', {}, folder);
    // exports without an owner file beside others that have one: nobody's, never his name
    expectCase('dir-fb-yanti', '', {}, folder);
    expectCase('dir-x-noaccount', '', {}, folder);
    // the complaint bundle for him holds his two findings only; evidence show names Lina for hers
    const out = path.join(folderDir, 'bundle-wahyu');
    expect(runCli(['export', '--subject', WAHYU, '--store', folderDb, '--out', out]).code).toBe(0);
    const csv = readFileSync(path.join(out, 'findings.csv'), 'utf8');
    expect([...csv.matchAll(/\((dir-[a-z-]+)\)/g)].map((m) => m[1]).sort()).toEqual(['dir-fb-wahyu', 'dir-x-wahyu']);
    const store = new Database(folderDb, { readonly: true });
    const linaFinding = store.prepare("SELECT CASE typeof(f.id) WHEN 'blob' THEN lower(hex(f.id)) ELSE f.id END AS id FROM findings f JOIN items i ON i.id = f.item_id WHERE i.text LIKE '%(dir-x-lina)%'").pluck().get() as string;
    store.close();
    const show = runCli(['evidence', 'show', linaFinding.slice(0, 12), '--store', folderDb]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Subjek: Lina Marpaung/);
    expect(show.stdout).not.toMatch(/Wahyu Hidayat/);
  });

  it('Telegram and WhatsApp: his joining a relawan group is his; another member joining or creating a team group is theirs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-attr-joins-'));
    const db = path.join(dir, 'joins.db');
    expect(runCli(['subjects', 'import', path.join(FIX, 'subjects.csv'), '--store', db]).code).toBe(0);
    const r = runCli(['scan', path.join(FIX, 'telegram-joins'), path.join(FIX, 'whatsapp-joins'), '--subject', WAHYU, '--store', db, '--format', 'jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const flagged = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    const filed = flagged.map((l) => [l.item.kind, l.item.author?.name ?? '', l.subjects.map((s) => `${s.name}/${s.attribution}`).join(',')]);
    expect(filed).toContainEqual(['membership', 'Wahyu H', 'Wahyu Hidayat/export-owner']);
    expect(filed).toContainEqual(['membership', 'Anda', 'Wahyu Hidayat/export-owner']);
    const others = filed.filter(([, author]) => author !== 'Wahyu H' && author !== 'Anda');
    expect(others.map(([, author]) => author).sort()).toEqual(['Joko Purnomo', 'Joko Purnomo', 'Joko Purnomo', 'Yanti Susanti']);
    for (const [, author, subjects] of others) expect(subjects, author).toBe('');
  });

  it('nothing another person wrote is filed under the subject', () => {
    const others = [...cases.entries()].filter(([, c]) => c.author !== 'Wahyu Hidayat' && c.author !== 'wahyuhdyt' && c.author !== 'wahyu.hdyt' && c.author !== 'wahyu.hidayat.dinkes' && c.author !== 'Anda' && c.author !== 'You' && c.author !== 'Wahyu H');
    expect(others.length).toBeGreaterThan(10);
    for (const [code, c] of others) expect(c.filed['Wahyu Hidayat'], code).toBeUndefined();
    // the case file of each subject: another's finding never appears in it
    for (const [code, c] of cases) if (c.filed['Lina Marpaung']) expect(['fb-member-group-post', 'wa-and-lina', 'csv-lina'], code).toContain(code);
  });
});
