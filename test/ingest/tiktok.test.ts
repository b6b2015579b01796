import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { socialMessages } from '../../src/i18n/platforms-social.js';
import { parseTikTokDate, tiktokAdapter } from '../../src/ingest/tiktok.js';
import { join } from 'node:path';
import { collect, tempDir, zipFolder } from './helpers-core.js';
import { claimed, folderInput, readMember, type TestInput } from './helpers-social.js';

const older = () => folderInput('fixtures/tiktok/2022-user-data-activity');
const newer = () => folderInput('fixtures/tiktok/2024-user-data-tiktok');

describe('tiktok detection', () => {
  it('claims user_data.json and user_data_tiktok.json (also inside a folder)', () => {
    expect(claimed(tiktokAdapter, older())).toEqual(['user_data.json']);
    expect(claimed(tiktokAdapter, newer())).toEqual(['TikTok/user_data_tiktok.json']);
  });

  it('rejects other files named user_data.json and other platforms\' files', () => {
    expect(tiktokAdapter.detect('app/user_data.json', Buffer.from('{ "id": 1, "name": "x" }'))).toBe(false);
    expect(tiktokAdapter.detect('your_instagram_activity/content/posts_1.json', Buffer.from('{ "Activity": {} }'))).toBe(false);
    expect(tiktokAdapter.detect('data/like.js', Buffer.from('window.YTD.like.part0 = ['))).toBe(false);
  });
});

describe('tiktok 2024+ user_data_tiktok.json (Your Activity / Post roots)', () => {
  it('reads posted videos with description, place, link and the export owner as actor', async () => {
    const { items } = await readMember(tiktokAdapter, newer(), 'TikTok/user_data_tiktok.json');
    const posts = items.filter((i) => i.kind === 'post');
    expect(posts).toHaveLength(2);
    expect(posts[0]).toMatchObject({
      platform: 'tiktok',
      actor: { kind: 'account', handle: 'dedi.kurnia', url: 'https://www.tiktok.com/@dedi.kurnia' },
      text: 'Kegiatan literasi pagi di kelas 4 📚✨ #GuruPenggerak #Sukamaju',
      time: '2024-01-10T08:15:00.000Z',
      timeRaw: '2024-01-10 08:15:00',
      permalink: 'https://www.tiktokv.com/share/video/7322000000000000001/',
      hashtags: ['GuruPenggerak', 'Sukamaju'],
      source: { path: 'TikTok/user_data_tiktok.json', pointer: '/Post/Posts/VideoList/0' },
    });
    expect(posts[0]?.place).toBeUndefined(); // "N/A"
    expect(posts[1]?.place).toEqual({ name: 'Desa Cibiru, Sukamaju' });
  });

  it('reads the lower-case like list, favourites, comments, following and shares', async () => {
    const { items } = await readMember(tiktokAdapter, newer(), 'TikTok/user_data_tiktok.json');
    const byKind = (kind: string) => items.filter((i) => i.kind === kind);
    const [like, favourite] = byKind('reaction');
    expect(like).toMatchObject({
      reaction: 'LIKE',
      target: { kind: 'video', id: '7364000000000000001', url: 'https://www.tiktokv.com/share/video/7364000000000000001/' },
      time: '2024-05-02T10:00:00.000Z',
      timeRaw: '2024-05-02 10:00:00',
      source: { pointer: '/Your Activity/Like List/ItemFavoriteList/0' },
    });
    expect(favourite).toMatchObject({ reaction: 'FAVORITE', target: { id: '7364000000000000002' }, time: '2024-05-01T10:00:00.000Z' });
    const [comment] = byKind('comment');
    expect(comment).toMatchObject({
      text: 'Setuju 👍 semoga amanah @budidewi.official #BudiDewi2024',
      time: '2024-10-11T09:00:00.000Z',
      hashtags: ['BudiDewi2024'],
      mentions: ['budidewi.official'],
      media: [],
      source: { pointer: '/Comment/Comments/CommentsList/0' },
    });
    expect(comment?.target).toBeUndefined(); // empty url
    expect(byKind('follow')[0]).toMatchObject({
      target: { kind: 'account', handle: 'budidewi.official', url: 'https://www.tiktok.com/@budidewi.official' },
      time: '2024-04-20T09:30:00.000Z',
      source: { pointer: '/Your Activity/Following/Following/0' },
    });
    expect(byKind('share')[0]).toMatchObject({
      target: { kind: 'video', id: '7364000000000000003' },
      context: { name: 'chat_merge' },
      time: '2024-05-03T11:00:00.000Z',
    });
    // watch history, followers and login history are not the account's own activity
    expect(items).toHaveLength(7);
  });
});

describe('tiktok ≈2022 user_data.json (Activity / Video roots)', () => {
  it('reads the older key paths, VideoLink links and a video without description', async () => {
    const { items } = await readMember(tiktokAdapter, older(), 'user_data.json');
    expect(items.map((i) => [i.kind, i.reaction, i.target?.handle ?? i.target?.id, i.time, i.source.pointer])).toEqual([
      ['post', undefined, undefined, '2022-06-05T10:00:00.000Z', '/Video/Videos/VideoList/0'],
      ['reaction', 'LIKE', '7104000000000000002', '2022-06-02T20:45:10.000Z', '/Activity/Like List/ItemFavoriteList/0'],
      ['reaction', 'FAVORITE', '7104000000000000001', '2022-06-01T13:20:00.000Z', '/Activity/Favorite Videos/FavoriteVideoList/0'],
      ['comment', undefined, undefined, '2022-06-04T19:00:00.000Z', '/Comment/CommentsList/0'],
      ['follow', undefined, 'ridwankamil', '2022-05-10T08:00:00.000Z', '/Activity/Following List/Following/0'],
      ['share', undefined, '7104000000000000003', '2022-06-03T07:00:00.000Z', '/Activity/Share History/ShareHistoryList/0'],
    ]);
    expect(items[0]?.text).toBeUndefined();
    expect(items[3]?.text).toBe('Mantap bu guru 👏 #GuruHebat');
    expect(items.every((i) => i.actor?.handle === 'dedi.kurnia')).toBe(true);
  });
});

describe('tiktok quirks', () => {
  it('reads "YYYY-MM-DD HH:MM:SS" as UTC and rejects other shapes', () => {
    expect(parseTikTokDate('2024-05-02 10:00:00')).toBe('2024-05-02T10:00:00.000Z');
    expect(parseTikTokDate('02/05/2024 10:00')).toBeUndefined();
  });

  it("a like or favourite whose link is a web link names the video's author as the target's handle; a share link names none", async () => {
    const list = { ItemFavoriteList: [{ date: '2024-05-02 10:00:00', link: 'https://www.tiktok.com/@budidewi.official/video/7364000000000000009' }, { date: '2024-05-03 10:00:00', link: 'https://www.tiktokv.com/share/video/7364000000000000001/' }] };
    const favourites = { FavoriteVideoList: [{ Date: '2024-05-04 10:00:00', Link: 'https://www.tiktok.com/@Rina.Guru/video/7364000000000000010?lang=id' }] };
    const input: TestInput = {
      members: [{ input: 'x', path: 'user_data_tiktok.json', size: 1, open: async () => { throw new Error('unused'); } }],
      bytes: () => Buffer.from(JSON.stringify({ 'Your Activity': { 'Like List': list, 'Favorite Videos': favourites } })),
    };
    const { items } = await readMember(tiktokAdapter, input, 'user_data_tiktok.json');
    expect(items.map((i) => [i.kind, i.reaction, i.target, i.time, i.source.pointer])).toEqual([
      ['reaction', 'LIKE', { kind: 'video', id: '7364000000000000009', url: 'https://www.tiktok.com/@budidewi.official/video/7364000000000000009', handle: 'budidewi.official' }, '2024-05-02T10:00:00.000Z', '/Your Activity/Like List/ItemFavoriteList/0'],
      ['reaction', 'LIKE', { kind: 'video', id: '7364000000000000001', url: 'https://www.tiktokv.com/share/video/7364000000000000001/' }, '2024-05-03T10:00:00.000Z', '/Your Activity/Like List/ItemFavoriteList/1'],
      ['reaction', 'FAVORITE', { kind: 'video', id: '7364000000000000010', url: 'https://www.tiktok.com/@Rina.Guru/video/7364000000000000010?lang=id', handle: 'Rina.Guru' }, '2024-05-04T10:00:00.000Z', '/Your Activity/Favorite Videos/FavoriteVideoList/0'],
    ]);
  });

  it('warns about an entry of unexpected shape and keeps the rest', async () => {
    const input: TestInput = {
      members: [{ input: 'x', path: 'user_data_tiktok.json', size: 1, open: async () => { throw new Error('unused'); } }],
      bytes: () =>
        Buffer.from(JSON.stringify({ 'Your Activity': { Following: { Following: [{ Date: '2024-01-01 00:00:00' }, { UserName: 'akun' }] } } })),
    };
    const { items, warnings } = await readMember(tiktokAdapter, input, 'user_data_tiktok.json');
    expect(items.map((i) => i.target?.handle)).toEqual(['akun']);
    expect(items[0]?.time).toBeUndefined();
    expect(warnings).toEqual([t(socialMessages.entrySkipped, { path: 'user_data_tiktok.json', pointer: '/Your Activity/Following/Following/0' })]);
  });
});

describe('tiktok newest exports: the profile and the follows under `Profile And Settings` (stop 48)', () => {
  const root = 'fixtures/tiktok/2025-profile-and-settings';
  const owner = { kind: 'account', handle: 'yuli.kecamatan', url: 'https://www.tiktok.com/@yuli.kecamatan' };

  it('names the owner by the handle of Profile And Settings → Profile Info (TikTok gives no display name), from the folder and from a zip', async () => {
    const { items, warnings } = await readMember(tiktokAdapter, folderInput(root), 'user_data_tiktok.json');
    expect(warnings).toEqual([]);
    expect(items.map((i) => i.kind).sort()).toEqual(['comment', 'follow', 'follow', 'post', 'reaction']);
    // the shop's Autofill name (a delivery address) is not the account's: the actor is the handle alone
    for (const item of items) expect(item.actor).toEqual(owner);
    const zip = await zipFolder(root, join(tempDir(), 'tiktok-data.zip'));
    const fromZip = (await collect([zip], {}, [tiktokAdapter])).items;
    expect(fromZip.map((i) => [i.kind, i.actor])).toEqual(items.map((i) => [i.kind, owner]));
  });

  it("reads the followed accounts of Profile And Settings → Following; the followers (others' acts) are not read", async () => {
    const { items } = await readMember(tiktokAdapter, folderInput(root), 'user_data_tiktok.json');
    expect(items.filter((i) => i.kind === 'follow').map((i) => [i.target?.handle, i.time, i.source.pointer])).toEqual([
      ['budidewi.official', '2024-10-20T12:00:00.000Z', '/Profile And Settings/Following/Following/0'],
      ['kpu_sukamaju', '2024-10-21T12:00:00.000Z', '/Profile And Settings/Following/Following/1'],
    ]);
    expect(items.some((i) => i.target?.handle === 'tetangga.yuli')).toBe(false);
  });
});
