import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { CORE_ADAPTERS, describeInputs } from '../../src/ingest/detect.js';
import { readAll, walkInput } from '../../src/ingest/walk.js';
import { setLang } from '../../src/i18n/index.js';
import { captureId, sha256Hex } from '../../src/model/index.js';
import { collect, FB, tempDir, zipFolder } from './helpers-core.js';
import { rejectionOf } from '../rejection.js';

// Messages are asserted in English; describe bodies run at collection time, so set it here.
setLang('en');

const rejection = (p: Promise<unknown>) => rejectionOf(p, NetralError);

describe('walkInput', () => {
  test('a folder is listed recursively in sorted order, without OS junk', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b', '__MACOSX'), { recursive: true });
    mkdirSync(join(dir, 'a'));
    for (const f of ['b/z.json', 'b/a.json', 'a/x.csv', '.DS_Store', 'b/__MACOSX/._a.json', 'Z.txt']) writeFileSync(join(dir, f), 'x');
    const listing = await walkInput(dir);
    expect(listing.kind).toBe('folder');
    expect(listing.members.map((m) => m.path)).toEqual(['Z.txt', 'a/x.csv', 'b/a.json', 'b/z.json']);
    await listing.close();
  });

  test('a zip is listed from its central directory; members can be opened more than once; directory and __MACOSX entries are skipped', async () => {
    const zip = await zipFolder(`${FB}/2019-layout`, join(tempDir(), 'export.zip'), { extra: { '__MACOSX/posts/._your_posts.json': Buffer.from('junk') } });
    const listing = await walkInput(zip);
    try {
      expect(listing.kind).toBe('zip');
      expect(listing.members.every((m) => m.zip === zip && !m.path.includes('__MACOSX'))).toBe(true);
      const member = listing.members.find((m) => m.path === 'posts/your_posts.json')!;
      const original = readFileSync(`${FB}/2019-layout/posts/your_posts.json`);
      expect(member.size).toBe(original.length);
      expect(await readAll(await member.open())).toEqual(original);
      expect(await readAll(await member.open())).toEqual(original);
    } finally {
      await listing.close();
    }
  });

  test('a path that does not exist fails with exit 2 naming it', async () => {
    const err = await rejection(walkInput('fixtures/facebook/tidak-ada.zip'));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('fixtures/facebook/tidak-ada.zip: no such file or folder — check the path');
  });

  test('a zip truncated at half its length is reported as unreadable, asking to re-download it', async () => {
    const dir = tempDir();
    const zip = await zipFolder(`${FB}/2022-layout-v2`, join(dir, 'full.zip'));
    const bytes = readFileSync(zip);
    const truncated = join(dir, 'facebook-siti-2022-08-20-Ab12.zip');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = await rejection(walkInput(truncated));
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(new RegExp(`^${truncated.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is not a readable zip archive \\(.+\\) — re-download it$`));
  });
});

describe('ingest', () => {
  test('a zip is a capture of its own, streamed and hashed, and is the parent of its member captures', async () => {
    const zip = await zipFolder(`${FB}/2019-layout`, join(tempDir(), 'facebook-budi.zip'));
    const { captures, items } = await collect([zip]);
    const [zipCapture, ...members] = captures;
    expect(zipCapture?.capture).toMatchObject({ originKind: 'file', origin: zip, method: 'export-file', sha256: sha256Hex(readFileSync(zip)), mediaType: 'application/zip' });
    expect(zipCapture?.member).toBeUndefined();
    expect(members.length).toBe(8);
    for (const c of members) {
      expect(c.capture).toMatchObject({ originKind: 'zip-member', origin: zip, parentId: zipCapture?.capture.id, method: 'export-file' });
      const original = readFileSync(join(FB, '2019-layout', c.capture.memberPath!));
      expect(c.capture.sha256).toBe(sha256Hex(original));
      expect(c.capture.bytes).toBe(original.length);
      expect(c.content).toEqual(original);
      expect(c.capture.id).toBe(captureId({ sha256: c.capture.sha256, memberPath: c.capture.memberPath, origin: zip, originKind: 'zip-member' }));
    }
    // every item points at the capture it was read from
    const ids = new Set(members.map((c) => c.capture.id));
    expect(items.every((i) => ids.has(i.source.captureId))).toBe(true);
  });

  test('a folder member is a file capture with its path under the folder; a single file has no member path', async () => {
    const folder = await collect([`${FB}/2019-layout`]);
    expect(folder.captures[0]?.capture).toMatchObject({ originKind: 'file', origin: `${FB}/2019-layout`, memberPath: 'comments/comments.json' });
    expect(folder.captures[0]?.capture.parentId).toBeUndefined();
    const single = await collect(['fixtures/table/tweets-scraped.jsonl']);
    expect(single.captures[0]?.capture).toMatchObject({ originKind: 'file', origin: 'fixtures/table/tweets-scraped.jsonl', mediaType: 'application/jsonl' });
    expect(single.captures[0]?.capture.memberPath).toBeUndefined();
    expect(typeof single.captures[0]?.content).toBe('function');
  });

  test('a member that is not valid JSON fails with one line naming input, member, line and column', async () => {
    const err = await rejection(collect([`${FB}/broken`]));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      `${FB}/broken: member your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json is not valid JSON (line 4, column 67) — re-download the export, or skip it with --skip-bad`,
    );
  });

  test('with --skip-bad the corrupt member is one warning and the rest is read', async () => {
    const { items, warnings, skipped } = await collect([`${FB}/broken`], { skipBad: true });
    expect(warnings).toEqual([
      `${FB}/broken: member your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json: not valid JSON (line 4, column 67) — skipped`,
    ]);
    expect(skipped.filter((s) => s.reason === 'bad').map((s) => s.member.path)).toEqual(['your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json']);
    expect(items.map((i) => i.target?.name)).toEqual(['Resep Masakan Nusantara']);
  });

  test('a JSON member of the wrong shape is a member error too', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'pages', "pages_you've_liked.json"), '{"something_else": 3}');
    const err = await rejection(collect([dir]));
    expect(err.message).toContain("member pages/pages_you've_liked.json is not a Facebook liked pages file netral knows (unexpected JSON shape)");
  });

  test('a single file in no known format fails with "unknown format" and points at --list-formats', async () => {
    const dir = tempDir();
    const file = join(dir, 'catatan.txt');
    writeFileSync(file, 'halo');
    const err = await rejection(collect([file]));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`${file}: unknown format — netral reads Facebook, CSV / JSONL exports; see netral scan --list-formats`);
  });

  test('a folder with no recognised member fails before any event', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'foto.jpg'), 'x');
    writeFileSync(join(dir, 'catatan.txt'), 'x');
    const err = await rejection(collect([dir]));
    expect(err.message).toMatch(/contains no file in a known format \(2 files looked at\)/);
  });

  test('an HTML Facebook export is recognised as such and the user is told to request JSON', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'posts', 'your_posts_1.html'), '<html></html>');
    const err = await rejection(collect([dir]));
    expect(err.message).toContain('Facebook export in HTML format');
  });
});

describe('describeInputs', () => {
  test('counts recognised members per adapter and unrecognised ones per input', async () => {
    const [fb, table] = await describeInputs([`${FB}/2022-layout-v2`, 'fixtures/table'], CORE_ADAPTERS);
    expect(fb).toEqual({ input: `${FB}/2022-layout-v2`, kind: 'folder', recognised: { facebook: 10 }, unrecognised: 2 });
    expect(table).toEqual({ input: 'fixtures/table', kind: 'folder', recognised: { csv: 3, jsonl: 1 }, unrecognised: 0 });
  });
});
