// Whose export an item comes from when one input holds several people's downloads (a folder of
// exports, a zip with two exports): the file that names an export's owner (Facebook
// profile_information.json, Instagram personal_information.json, X account.js) names the owner of
// its own export only. Fixtures: fixtures/attribution/folder-of-exports (README there).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { exportRoot, sameExport, zipStem } from '../../src/ingest/export-root.js';
import { ingest } from '../../src/ingest/ingest.js';
import { DEFAULT_INGEST_OPTIONS, type Member } from '../../src/ingest/types.js';
import { tempDir, zipFolder } from './helpers-core.js';

const FOLDER = 'fixtures/attribution/folder-of-exports';
const CODE = /\(([a-z0-9-]+)\)/;

interface Seen {
  actor: string | undefined;
  byOwner: boolean;
}

/** Each case code's item: its actor (handle or name) and whether the adapter calls it the owner's. */
async function byCode(inputs: string[]): Promise<Map<string, Seen>> {
  const out = new Map<string, Seen>();
  for await (const e of ingest(inputs, DEFAULT_INGEST_OPTIONS, ALL_ADAPTERS)) {
    if (e.type !== 'item') continue;
    const code = CODE.exec(e.item.text ?? e.item.event?.name ?? '')?.[1];
    if (code) out.set(code, { actor: e.item.actor?.handle ?? e.item.actor?.name, byOwner: e.byOwner });
  }
  return out;
}

const member = (path: string, zip?: string, input = 'in'): Member => ({ input, path, size: 0, ...(zip && { zip }), open: () => Promise.reject(new Error('not read')) });

describe('export roots', () => {
  it('an export starts before the first folder of the platform’s own layout', () => {
    expect(exportRoot('personal_information/profile_information/profile_information.json')).toBe('');
    expect(exportRoot('your_facebook_activity/posts/your_posts_1.json')).toBe('');
    // the 2024 nesting variant keeps the root at the top
    expect(exportRoot('personal_information/profile_information/your_facebook_activity/posts/x.json')).toBe('');
    expect(exportRoot('facebook-wahyu/your_facebook_activity/posts/x.json')).toBe('facebook-wahyu/');
    expect(exportRoot('arsip/x-lina/data/tweets.js')).toBe('arsip/x-lina/');
    expect(exportRoot('tweets.js')).toBe('');
  });

  it('the zips of one split download share a stem; two people’s downloads do not', () => {
    expect(zipStem('/d/facebook-wahyu.hidayat.3299-2024-11-20-Ab12Cd.zip')).toBe(zipStem('/d/facebook-wahyu.hidayat.3299-2024-11-20-Qr34St.zip'));
    expect(zipStem('/d/facebook-wahyu.hidayat.3299-2024-11-20-Ab12Cd.zip')).not.toBe(zipStem('/d/facebook-yanti.susanti-2024-11-21-Xy98Zw.zip'));
    expect(zipStem('arsip-part1.zip')).toBe(zipStem('arsip-part2.zip'));
    expect(zipStem('WhatsApp Chat - Guru (2).zip')).toBe(zipStem('WhatsApp Chat - Guru.zip'));
  });

  it('same export: same input, same root, same zip or one split download', () => {
    expect(sameExport(member('a/personal_information/p.json'), member('a/your_facebook_activity/posts/x.json'))).toBe(true);
    expect(sameExport(member('a/personal_information/p.json'), member('b/your_facebook_activity/posts/x.json'))).toBe(false);
    expect(sameExport(member('personal_information/p.json', 'facebook-w-2024-11-20-A.zip'), member('posts/x.json', 'facebook-w-2024-11-20-B.zip'))).toBe(true);
    expect(sameExport(member('personal_information/p.json', 'facebook-w-2024-11-20-A.zip'), member('posts/x.json', 'facebook-y-2024-11-21-C.zip'))).toBe(false);
    expect(sameExport(member('personal_information/p.json', 'w.zip'), member('posts/x.json'))).toBe(false);
    expect(sameExport(member('p.json', undefined, 'one'), member('x.json', undefined, 'two'))).toBe(false);
  });
});

describe('a folder of several people’s exports', () => {
  it('each export’s items name its own owner, never a neighbour’s', async () => {
    const seen = await byCode([FOLDER]);
    expect(seen.get('dir-fb-wahyu')).toEqual({ actor: 'Wahyu Hidayat', byOwner: true });
    expect(seen.get('dir-x-wahyu')).toEqual({ actor: 'wahyuhdyt', byOwner: true });
    // Lina's and Joko's archives name them (their own account.js): their items are theirs
    expect(seen.get('dir-x-lina')?.actor).toBe('linamarpaung');
    expect(seen.get('dir-x-joko')?.actor).toBe('joko_purnomo');
  });

  it('an export without its owner file beside others that have one is nobody’s own, and is never given a neighbour’s name', async () => {
    const seen = await byCode([FOLDER]);
    // before: Yanti's untitled post took Wahyu's name from his profile file in the next folder
    expect(seen.get('dir-fb-yanti')).toEqual({ actor: undefined, byOwner: false });
    // before: an archive without account.js took the first account.js of the folder
    expect(seen.get('dir-x-noaccount')).toEqual({ actor: undefined, byOwner: false });
  });

  it('a Facebook event invitation is the inviter’s act, not the owner’s', async () => {
    const seen = await byCode([FOLDER]);
    expect(seen.get('dir-fb-invited')?.byOwner).toBe(false);
  });

  it('a zip holding two people’s exports: the same, inside the zip', async () => {
    const zip = await zipFolder(FOLDER, join(tempDir(), 'dua-ekspor.zip'));
    const seen = await byCode([zip]);
    expect(seen.get('dir-fb-wahyu')).toEqual({ actor: 'Wahyu Hidayat', byOwner: true });
    expect(seen.get('dir-fb-yanti')).toEqual({ actor: undefined, byOwner: false });
    expect(seen.get('dir-x-noaccount')).toEqual({ actor: undefined, byOwner: false });
    expect(seen.get('dir-x-lina')?.actor).toBe('linamarpaung');
  });

  it('one export split over two zips still finds its owner in the other zip', async () => {
    const dir = tempDir();
    const src = join(FOLDER, 'facebook-wahyu.hidayat.3299-2024-11-20-Ab12Cd');
    await zipFolder(src, join(dir, 'facebook-wahyu.hidayat.3299-2024-11-20-Ab12Cd.zip'), { keep: (p) => p.startsWith('personal_information/') });
    await zipFolder(src, join(dir, 'facebook-wahyu.hidayat.3299-2024-11-20-Ef56Gh.zip'), { keep: (p) => p.startsWith('your_facebook_activity/') });
    const seen = await byCode([dir]);
    expect(seen.get('dir-fb-wahyu')).toEqual({ actor: 'Wahyu Hidayat', byOwner: true });
  });

  it('a single export without an owner file, alone in its input, stays its owner’s', async () => {
    const dir = tempDir();
    cpSync(join(FOLDER, 'x-tanpa-akun'), join(dir, 'x-tanpa-akun'), { recursive: true });
    mkdirSync(join(dir, 'catatan'), { recursive: true });
    writeFileSync(join(dir, 'catatan', 'README.txt'), 'arsip X tanpa account.js\n');
    const seen = await byCode([dir]);
    expect(seen.get('dir-x-noaccount')).toEqual({ actor: undefined, byOwner: true });
  });
});
