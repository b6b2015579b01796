import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { socialMessages } from '../../src/i18n/platforms-social.js';
import { instagramAdapter, ownerFromExportName } from '../../src/ingest/instagram.js';
import { resolveStringMap } from '../../src/ingest/instagram-labels.js';
import { collect, tempDir, zipFolder } from './helpers-core.js';
import { claimed, folderInput, readMember, zipInput } from './helpers-social.js';

const fixture = (name: string) => folderInput(`fixtures/instagram/${name}`);
const read = (name: string, path: string) => readMember(instagramAdapter, fixture(name), path);

describe('instagram detection', () => {
  it('claims the activity files of every era by path suffix, under any root folder', () => {
    expect(claimed(instagramAdapter, fixture('2019-root-layout'))).toEqual([
      'comments.json',
      'connections.json',
      'likes.json',
      'media.json',
    ]);
    expect(claimed(instagramAdapter, fixture('2024-your-instagram-activity'))).toEqual([
      'connections/followers_and_following/following.json',
      'connections/followers_and_following/following_hashtags.json',
      'your_instagram_activity/comments/post_comments_1.json',
      'your_instagram_activity/comments/reels_comments.json',
      'your_instagram_activity/content/posts_1.json',
      'your_instagram_activity/likes/liked_posts.json',
      'your_instagram_activity/story_interactions/story_likes.json',
    ]);
    const head = Buffer.from('[ { "media": [] } ]');
    expect(instagramAdapter.detect('instagram-rina-2025-01-01-abc/your_instagram_activity/media/posts_1.json', head)).toBe(true);
  });

  it("does not claim Facebook's or other platforms' files", () => {
    const json = Buffer.from('[ { "timestamp": 1703912400, "data": [] } ]');
    for (const path of [
      'posts/your_posts_1.json',
      'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json',
      'your_facebook_activity/posts/media/posts_1.json',
      'comments_and_reactions/comments.json',
      'following_and_followers/following.json',
      'likes_and_reactions/posts_and_comments.json',
      'data/like.js',
      'user_data_tiktok.json',
      'media/posts/202311/abc.jpg',
    ]) {
      expect(instagramAdapter.detect(path, json), path).toBe(false);
    }
    // FB 2018 has a comments.json too: the ≤2020 IG names are only claimed with their own keys.
    expect(instagramAdapter.detect('comments/comments.json', Buffer.from('{ "comments": [ {'))).toBe(false);
    expect(instagramAdapter.detect('comments.json', Buffer.from('{ "media_comments": [ ['))).toBe(true);
  });
});

describe('instagram ≤2020 root layout (media.json, likes.json, comments.json, connections.json)', () => {
  it('reads photos, videos and stories of media.json as posts with their file, caption, place and local time string', async () => {
    const { items } = await read('2019-root-layout', 'media.json');
    expect(items.map((i) => i.kind)).toEqual(['post', 'post', 'post']);
    const [photo, video, story] = items;
    expect(photo).toMatchObject({
      platform: 'instagram',
      text: 'Upacara 17 Agustus di SDN Sukamaju 02 🇮🇩 Dirgahayu RI ke-74! #HUTRI74 @sdn.sukamaju02',
      time: '2019-08-17T01:05:13.000Z',
      timeRaw: '2019-08-17T01:05:13',
      place: { name: 'SDN Sukamaju 02' },
      hashtags: ['HUTRI74'],
      mentions: ['sdn.sukamaju02'],
      media: [{ uri: 'photos/201908/3e02b2be0d7abbdb7c2bae1fee544665.jpg', takenAt: '2019-08-17T01:05:13.000Z' }],
      source: { path: 'media.json', pointer: '/photos/0' },
    });
    expect(video?.text).toBe('Lomba balap karung 😂');
    expect(video?.source.pointer).toBe('/videos/0');
    expect(story?.text).toBeUndefined();
    expect(story?.media[0]?.uri).toBe('stories/201908/0f9e8d7c6b5a49382716d5c4b3a29180.jpg');
  });

  it('reads likes, comments and followed accounts and hashtags from the old tuple and map shapes', async () => {
    const likes = (await read('2019-root-layout', 'likes.json')).items;
    expect(likes.map((i) => [i.kind, i.target?.kind, i.target?.handle, i.time])).toEqual([
      ['reaction', 'post', 'jokowi', '2019-03-01T10:00:00.000Z'],
      ['reaction', 'post', 'prabowo', '2019-03-02T11:30:00.000Z'],
      ['reaction', 'comment', 'teman.guru', '2019-03-03T12:00:00.000Z'],
    ]);
    expect(likes[1]?.source.pointer).toBe('/media_likes/1');

    const [comment] = (await read('2019-root-layout', 'comments.json')).items;
    expect(comment).toMatchObject({
      kind: 'comment',
      text: 'Semoga sukses pak! 👍 #Pemilu2019',
      target: { kind: 'post', handle: 'sandiuno' },
      time: '2019-04-10T12:30:00.000Z',
      hashtags: ['Pemilu2019'],
    });

    const follows = (await read('2019-root-layout', 'connections.json')).items;
    expect(follows.map((i) => [i.kind, i.target?.handle ?? i.target?.name, i.source.pointer])).toEqual([
      ['follow', 'prabowo', '/following/prabowo'],
      ['follow', 'jokowi', '/following/jokowi'],
      ['follow', '#pemilu2019', '/following_hashtags/pemilu2019'],
    ]);
  });
});

describe('instagram 2021–2023 content/ layout with Meta mojibake', () => {
  it('repairs mojibake in captions and reads single- and multi-media posts', async () => {
    const { items, parsed } = await read('2022-content-layout-mojibake', 'content/posts_1.json');
    expect(items).toHaveLength(2);
    const [single, multi] = items;
    expect(single).toMatchObject({
      kind: 'post',
      text: 'Hari pertama ujian sekolah, semangat anak-anak! 💪 Kantin café sekolah juga sudah buka lagi #SDNSukamaju02 @kepsek.sukamaju',
      time: '2022-03-14T02:15:00.000Z',
      place: { lat: -6.9175, lon: 107.6191 },
      hashtags: ['SDNSukamaju02'],
      mentions: ['kepsek.sukamaju'],
      source: { path: 'content/posts_1.json', pointer: '/0' },
    });
    expect(single?.timeRaw).toBeUndefined();
    expect(single?.media[0]?.caption).toBe(single?.text);
    expect(multi).toMatchObject({
      text: 'Study tour ke Museum Geologi 🦖 Anak-anak antusias banget, it’s a wonderful day #StudyTour',
      time: '2022-05-20T06:31:00.000Z',
      hashtags: ['StudyTour'],
    });
    expect(multi?.media.map((m) => m.uri)).toEqual([
      'media/posts/202205/281234567_1122334455667788_1_n_17999999999999991.webp',
      'media/posts/202205/281234568_1122334455667789_2_n_17999999999999992.webp',
    ]);
    expect(multi?.media[0]?.caption).toBeUndefined();
    expect(parsed[1]?.raw).toMatchObject({ title: multi?.text });
  });

  it('reads a story as a post; 0/0 coordinates are not a place', async () => {
    const [story] = (await read('2022-content-layout-mojibake', 'content/stories.json')).items;
    expect(story).toMatchObject({ kind: 'post', text: 'Selamat Hari Lahir Pancasila 🇮🇩', time: '2022-06-01T00:05:00.000Z' });
    expect(story?.place).toBeUndefined();
    expect(story?.source.pointer).toBe('/ig_stories/0');
  });

  it('reads a liked post with its owner, link and the repaired 👍 reaction', async () => {
    const [like] = (await read('2022-content-layout-mojibake', 'likes/liked_posts.json')).items;
    expect(like).toMatchObject({
      kind: 'reaction',
      reaction: '👍',
      target: { kind: 'post', handle: 'ganjarpranowo', url: 'https://www.instagram.com/p/CbX1a2B3c4D/' },
      time: '2022-03-20T13:45:00.000Z',
      source: { pointer: '/likes_media_likes/0' },
    });
  });

  it('reads old-shape comments (owner in title) and followed accounts from `value`', async () => {
    const [comment] = (await read('2022-content-layout-mojibake', 'comments/post_comments.json')).items;
    expect(comment).toMatchObject({
      kind: 'comment',
      text: 'Mantap pak, lanjutkan! 🙏 Salam dari guru di Sukamaju',
      target: { kind: 'post', handle: 'aniesbaswedan' },
      time: '2022-04-02T04:00:00.000Z',
    });
    const [follow] = (await read('2022-content-layout-mojibake', 'followers_and_following/following.json')).items;
    expect(follow).toMatchObject({
      kind: 'follow',
      target: { kind: 'account', handle: 'kemdikbud.ri', url: 'https://www.instagram.com/kemdikbud.ri' },
      time: '2021-11-25T01:00:00.000Z',
    });
  });
});

describe('instagram 2024 your_instagram_activity/ layout', () => {
  const name = '2024-your-instagram-activity';

  it('reads new-shape comments (string_map_data) from post and reels comment files', async () => {
    const [post] = (await read(name, 'your_instagram_activity/comments/post_comments_1.json')).items;
    expect(post).toMatchObject({
      kind: 'comment',
      text: 'Semoga amanah ya bu 🙏 #Sukamaju',
      target: { kind: 'post', handle: 'dewi.lestari.official' },
      time: '2024-10-05T07:15:00.000Z',
      hashtags: ['Sukamaju'],
      source: { pointer: '/0' },
    });
    const [reel] = (await read(name, 'your_instagram_activity/comments/reels_comments.json')).items;
    expect(reel).toMatchObject({ text: 'Keren pak Yusuf 👏👏', target: { handle: 'yusufratna2024' } });
    expect(reel?.source.pointer).toBe('/comments_reels_comments/0');
  });

  it('reads a post with a mention, emoji and an em dash, and a followed hashtag', async () => {
    const [post] = (await read(name, 'your_instagram_activity/content/posts_1.json')).items;
    expect(post?.text).toBe('Bimtek PPS Desa Cibiru bersama @kpu_sukamaju 📋 — rapat sampai sore, kopi ☕ jalan terus #Pilkada2024');
    expect(post?.mentions).toEqual(['kpu_sukamaju']);
    const [tag] = (await read(name, 'connections/followers_and_following/following_hashtags.json')).items;
    expect(tag).toMatchObject({ kind: 'follow', target: { name: '#budidewi2024' }, hashtags: ['budidewi2024'] });
  });
});

describe('instagram 2025+ media/ layout with localized labels', () => {
  const name = '2025-media-layout-localized';

  it('reads posts, stories and reels under your_instagram_activity/media/', async () => {
    const [post] = (await read(name, 'your_instagram_activity/media/posts_1.json')).items;
    expect(post).toMatchObject({ kind: 'post', text: 'Perpisahan kelas 6 😭❤️ Sukses terus ya nak, jangan lupa Bu Guru' });
    expect(post?.media[0]?.uri).toMatch(/\.heic$/);
    const [reel] = (await read(name, 'your_instagram_activity/media/reels.json')).items;
    expect(reel).toMatchObject({ text: 'Senam pagi bersama siswa 🤸‍♀️ #SehatBersama', hashtags: ['SehatBersama'], time: '2025-03-01T00:30:00.000Z' });
    expect(reel?.source.pointer).toBe('/ig_reels_media/0');
    const [story] = (await read(name, 'your_instagram_activity/media/stories.json')).items;
    expect(story).toMatchObject({ kind: 'post', time: '2025-02-11T23:00:00.000Z' });
    expect(story?.text).toBeUndefined();
  });

  it('maps Dutch labels by alias and unknown (mojibake) labels by structure', async () => {
    const items = (await read(name, 'your_instagram_activity/comments/post_comments_1.json')).items;
    expect(items.map((i) => [i.text, i.target?.handle, i.time])).toEqual([
      ['Terima kasih infonya 🙏', 'kpu_sukamaju', '2025-01-20T08:00:00.000Z'],
      ['Hadir pak! 🙋‍♀️', 'disdik.sukamaju', '2025-01-21T09:00:00.000Z'],
    ]);
  });

  it('reads the username of a title-only following entry', async () => {
    const [follow] = (await read(name, 'connections/followers_and_following/following.json')).items;
    expect(follow?.target).toEqual({ kind: 'account', handle: 'yusufratna2024', url: 'https://www.instagram.com/_u/yusufratna2024' });
  });
});

describe('instagram export owner', () => {
  it('is read from the download name instagram-<username>-<date>-<random>(.zip), not from other names', () => {
    expect(ownerFromExportName('/home/u/Unduhan/instagram-rina.marlina.guru-2024-12-01-Xk7pQ2aL.zip')?.handle).toBe('rina.marlina.guru');
    expect(ownerFromExportName('C:\\Users\\u\\instagram-budi_santoso-2025-01-31-AbC123\\')?.handle).toBe('budi_santoso');
    expect(ownerFromExportName('fixtures/instagram/2024-your-instagram-activity')).toBeUndefined();
    expect(ownerFromExportName('facebook-rinamarlina-2024-12-01-Xk7pQ2aL.zip')).toBeUndefined();
  });

  it('is left out when the input name does not carry it', async () => {
    const [post] = (await read('2024-your-instagram-activity', 'your_instagram_activity/content/posts_1.json')).items;
    expect(post?.actor).toBeUndefined();
  });

  it('is read from personal_information.json when the user renamed the export (localized label)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ig-renamed-'));
    try {
      execFileSync('cp', ['-r', 'fixtures/instagram/2024-your-instagram-activity/.', dir]);
      execFileSync('mkdir', ['-p', join(dir, 'personal_information/personal_information')]);
      const profile = { profile_user: [{ string_map_data: { Email: { value: 'budi@example.id' }, 'Nama pengguna': { value: 'budi_santoso85' }, Nama: { value: 'Budi Santoso' } } }] };
      writeFileSync(join(dir, 'personal_information/personal_information/personal_information.json'), JSON.stringify(profile));
      const [post] = (await readMember(instagramAdapter, folderInput(dir), 'your_instagram_activity/content/posts_1.json')).items;
      // 'Nama' (Indonesian, a guessed label) gives the display name beside the handle
      expect(post?.actor).toEqual({ kind: 'account', handle: 'budi_santoso85', name: 'Budi Santoso', url: 'https://www.instagram.com/budi_santoso85' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('string_map_data labels', () => {
  it('uses an alias wherever it stands and fills the rest by position', () => {
    expect(
      resolveStringMap({
        Waktu: { timestamp: 1700000000 },
        'Pemilik Media': { value: 'akun_calon' },
        Isi: { value: 'Mantap' },
      }),
    ).toEqual({
      time: { key: 'Waktu', timestamp: 1700000000 },
      owner: { key: 'Pemilik Media', value: 'akun_calon' },
      comment: { key: 'Isi', value: 'Mantap' },
    });
  });
});

describe('instagram story likes (your_instagram_activity/story_interactions/story_likes.json)', () => {
  it('reads each liked story as a LIKE reaction on the story account, with the time and the pointer', async () => {
    const { items, warnings } = await read('2024-your-instagram-activity', 'your_instagram_activity/story_interactions/story_likes.json');
    expect(warnings).toEqual([]);
    expect(items.map((i) => [i.kind, i.reaction, i.target, i.time, i.source.pointer])).toEqual([
      ['reaction', 'LIKE', { kind: 'post', handle: 'budidewi.official', url: 'https://www.instagram.com/budidewi.official' }, '2024-10-06T05:00:00.000Z', '/story_activities_story_likes/0'],
      ['reaction', 'LIKE', { kind: 'post', handle: 'dinkes.sukamaju', url: 'https://www.instagram.com/dinkes.sukamaju' }, '2024-10-07T05:00:00.000Z', '/story_activities_story_likes/1'],
    ]);
    // the export owner liked it (no profile file or export name here: the actor is unknown, the item is the owner's)
    expect(items[0]?.actor).toBeUndefined();
  });

  it('a story-likes file of another shape is a one-line error naming the file', async () => {
    const path = 'your_instagram_activity/story_interactions/story_likes.json';
    const input = { members: [{ input: 'x', path, size: 1, open: async () => { throw new Error('unused'); } }], bytes: () => Buffer.from('{"story_likes": {}}') };
    const err = await readMember(instagramAdapter, input, path).then(() => undefined, (e: unknown) => e);
    expect(String(err)).toMatch(/^MemberFormatError: your_instagram_activity\/story_interactions\/story_likes\.json: .*story_activities_story_likes/);
    expect(String(err)).not.toContain('\n');
  });
});

describe('instagram profile photos (your_instagram_activity/media/profile_photos.json, content/profile_photos.json)', () => {
  const path = 'your_instagram_activity/media/profile_photos.json';
  const secs = (s: number): string => new Date(s * 1000).toISOString();

  it("reads each profile photo (a twibbon frame) as the owner's post: the picture, its title as text, the time and the pointer", async () => {
    const { items, warnings } = await read('2025-profile-photos', path);
    expect(items.map((i) => [i.kind, i.text, i.time, i.source.pointer, i.hashtags])).toEqual([
      ['post', 'Twibbon relawan 🇮🇩 coblos nomor 2! #SukamajuMaju', secs(1731200400), '/ig_profile_picture/0', ['SukamajuMaju']],
      ['post', undefined, secs(1673000000), '/ig_profile_picture/1', []],
    ]);
    expect(items[0]?.media).toEqual([expect.objectContaining({ uri: 'media/profile/202411/561234567890123456_n.jpg', caption: 'Twibbon relawan 🇮🇩 coblos nomor 2! #SukamajuMaju' })]);
    // no profile file or export name here: the actor is unknown, the item is still the owner's
    expect(items[0]?.actor).toBeUndefined();
    expect(warnings).toEqual([t(socialMessages.entrySkipped, { path, pointer: '/ig_profile_picture/2' })]);
  });

  it('is claimed under media/ (2025+) and content/ (2021–24), from a folder and from a zip named after the owner', async () => {
    expect(claimed(instagramAdapter, fixture('2025-profile-photos'))).toEqual([path]);
    expect(instagramAdapter.detect('instagram-x-2023-01-01-abc/your_instagram_activity/content/profile_photos.json', Buffer.from('{}'))).toBe(true);
    expect(instagramAdapter.detect('content/profile_photos.json', Buffer.from('{}'))).toBe(true);
    expect(instagramAdapter.detect('your_facebook_activity/posts/media/profile_photos.json', Buffer.from('{}'))).toBe(false);
    const zip = await zipFolder('fixtures/instagram/2025-profile-photos', join(tempDir(), 'instagram-rahmat.hidayat.smk-2025-01-05-Xy12Ab.zip'));
    const { items } = await collect([zip], {}, [instagramAdapter]);
    expect(items.map((i) => [i.actor?.handle, i.source.path, i.source.pointer])).toEqual([
      ['rahmat.hidayat.smk', path, '/ig_profile_picture/0'],
      ['rahmat.hidayat.smk', path, '/ig_profile_picture/1'],
    ]);
  });

  it('a profile-photos file of another shape is a one-line error naming the file', async () => {
    const input = { members: [{ input: 'x', path, size: 1, open: async () => { throw new Error('unused'); } }], bytes: () => Buffer.from('{"profile_photos": {}}') };
    const err = await readMember(instagramAdapter, input, path).then(() => undefined, (e: unknown) => e);
    expect(String(err)).toMatch(/^MemberFormatError: your_instagram_activity\/media\/profile_photos\.json: .*ig_profile_picture/);
    expect(String(err)).not.toContain('\n');
  });
});

describe('instagram problems', () => {
  it('names the member and the position of invalid JSON', async () => {
    const input = {
      members: [{ input: 'x', path: 'content/posts_1.json', size: 5, open: async () => { throw new Error('unused'); } }],
      bytes: () => Buffer.from('[\n  {,'),
    };
    await expect(readMember(instagramAdapter, input, 'content/posts_1.json')).rejects.toThrow(
      /content\/posts_1\.json: bukan JSON yang valid \(baris 2, kolom 4\)/,
    );
  });

  it('warns about and skips an element of unexpected shape', async () => {
    const input = {
      members: [{ input: 'x', path: 'likes/liked_posts.json', size: 1, open: async () => { throw new Error('unused'); } }],
      bytes: () => Buffer.from('{"likes_media_likes": [ {"title": 42}, {"title": "akun", "string_list_data": []} ]}'),
    };
    const { items, warnings } = await readMember(instagramAdapter, input, 'likes/liked_posts.json');
    expect(items.map((i) => i.target?.handle)).toEqual(['akun']);
    expect(warnings).toEqual([t(socialMessages.entrySkipped, { path: 'likes/liked_posts.json', pointer: '/likes_media_likes/0' })]);
  });
});

describe('instagram demo export (Rina Marlina, rina.marlina.guru)', () => {
  const zip = 'fixtures/demo/instagram-rina.marlina.guru-2024-12-01-Xk7pQ2aL.zip';

  it('holds the campaign post, the like of @prabowo, the follow of budidewi.official and three clean posts', async () => {
    const input = await zipInput(zip);
    const paths = claimed(instagramAdapter, input);
    expect(paths).toEqual([
      'connections/followers_and_following/following.json',
      'your_instagram_activity/content/posts_1.json',
      'your_instagram_activity/likes/liked_posts.json',
    ]);
    const posts = (await readMember(instagramAdapter, input, 'your_instagram_activity/content/posts_1.json')).items;
    expect(posts.map((p) => [p.time?.slice(0, 10), p.hashtags])).toEqual([
      ['2024-11-25', ['HariGuruNasional']],
      ['2024-10-20', ['BudiDewi2024', 'Sukamaju']],
      ['2024-09-25', ['NetralitasASN']],
      ['2024-07-14', []],
    ]);
    expect(posts[1]?.text).toBe('Foto bareng tim pemenangan Budi–Dewi, salam dua jari ✌️ #BudiDewi2024 #Sukamaju');
    expect(posts[1]?.media).toHaveLength(2);
    const [like] = (await readMember(instagramAdapter, input, 'your_instagram_activity/likes/liked_posts.json')).items;
    expect(like).toMatchObject({ kind: 'reaction', reaction: '👍', target: { handle: 'prabowo' }, time: '2024-01-10T12:05:00.000Z' });
    expect(like?.actor).toEqual({ kind: 'account', handle: 'rina.marlina.guru', url: 'https://www.instagram.com/rina.marlina.guru' });
    const [follow] = (await readMember(instagramAdapter, input, 'connections/followers_and_following/following.json')).items;
    expect(follow).toMatchObject({ kind: 'follow', target: { handle: 'budidewi.official' }, time: '2024-10-01T03:00:00.000Z' });
  });

  it('the committed demo zips are exactly what build-social.mjs makes from demo-source/', () => {
    const out = mkdtempSync(join(tmpdir(), 'netral-demo-'));
    try {
      execFileSync(process.execPath, ['fixtures/demo-source/build-social.mjs', out]);
      for (const name of ['instagram-rina.marlina.guru-2024-12-01-Xk7pQ2aL.zip', 'twitter-2024-12-01-5c0f7e3a9b1d.zip']) {
        expect(readFileSync(join(out, 'demo', name)).equals(readFileSync(join('fixtures/demo', name))), name).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('instagram story stickers and the owner’s display name (2024 layout, stop 48)', () => {
  const root = 'fixtures/instagram/2024-story-stickers';
  const dir = 'your_instagram_activity/story_interactions';
  const secs = (s: number): string => new Date(s * 1000).toISOString();
  const owner = { kind: 'account', handle: 'siti.rahayu.bidan', name: 'Siti Rahayu 🌷 Bidan Desa', url: 'https://www.instagram.com/siti.rahayu.bidan' };
  const story = (handle: string) => ({ kind: 'post', handle, url: `https://www.instagram.com/${handle}` });

  it('claims the poll, emoji-slider, quiz and question files under story_interactions/ and the older story_sticker_interactions/', () => {
    expect(claimed(instagramAdapter, fixture('2024-story-stickers'))).toEqual([
      'your_instagram_activity/content/posts_1.json',
      `${dir}/emoji_sliders.json`,
      `${dir}/polls.json`,
      `${dir}/questions.json`,
      `${dir}/quizzes.json`,
      `${dir}/story_likes.json`,
    ]);
    const head = Buffer.from('{"story_activities_polls": []}');
    for (const name of ['polls', 'emoji_sliders', 'quizzes', 'questions', 'story_likes']) {
      expect(instagramAdapter.detect(`instagram-x-2022-05-01-abc/story_sticker_interactions/${name}.json`, head), name).toBe(true);
    }
    expect(instagramAdapter.detect(`${dir}/countdowns.json`, head)).toBe(false);
    expect(instagramAdapter.detect('your_facebook_activity/story_interactions/polls.json', head)).toBe(false);
  });

  it("reads each sticker answer as the owner's act on the story's account, never its value as anyone's words", async () => {
    const read2 = (name: string) => readMember(instagramAdapter, fixture('2024-story-stickers'), `${dir}/${name}.json`);
    const polls = await read2('polls');
    expect(polls.warnings).toEqual([]);
    expect(polls.items.map((i) => [i.kind, i.reaction, i.target, i.time, i.text, i.source.pointer])).toEqual([
      ['reaction', 'POLL_VOTE', story('budidewi.official'), secs(1728540000), undefined, '/story_activities_polls/0'],
      ['reaction', 'POLL_VOTE', story('kpu_sukamaju'), secs(1728543600), undefined, '/story_activities_polls/1'],
    ]);
    // the vote's value stays in the raw fragment kept as evidence
    expect(polls.parsed[1]?.raw).toEqual({ title: 'kpu_sukamaju', string_list_data: [{ value: 'Sudah 👍', timestamp: 1728543600 }] });
    const acts = await Promise.all(['emoji_sliders', 'quizzes', 'questions'].map(read2));
    expect(acts.map(({ items }) => items.map((i) => [i.reaction, i.target?.handle, i.time]))).toEqual([
      [['EMOJI_SLIDER', 'budidewi.official', secs(1728547200)]],
      [['QUIZ_ANSWER', 'dinkes.sukamaju', secs(1728550800)]],
      [['QUESTION_ANSWER', 'relawan.budidewi', secs(1728554400)]],
    ]);
    // the owner did it: handle and display name from personal_information.json
    for (const item of [...polls.items, ...acts.flatMap((a) => a.items)]) expect(item.actor).toEqual(owner);
  });

  it('gives every item the handle and the display name of personal_information.json, from the folder and from a renamed zip', async () => {
    const { items } = await collect([root], {}, [instagramAdapter]);
    expect(items.length).toBe(7);
    for (const item of items) expect(item.actor).toEqual(owner);
    const zip = await zipFolder(root, join(tempDir(), 'unduhan-ig-bu-siti.zip'));
    const fromZip = (await collect([zip], {}, [instagramAdapter])).items;
    expect(fromZip.map((i) => [i.kind, i.reaction ?? null, i.actor])).toEqual(items.map((i) => [i.kind, i.reaction ?? null, owner]));
  });

  it('a display name without a handle names no owner; a handle from the download name takes the profile’s display name', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'ig-name-only-'));
    try {
      execFileSync('cp', ['-r', `${root}/.`, dir2]);
      const profile = { profile_user: [{ string_map_data: { 'Nama panggilan': { value: 'siti.rahayu.bidan' }, Name: { value: 'Siti Rahayu' } } }] };
      writeFileSync(join(dir2, 'personal_information/personal_information/personal_information.json'), JSON.stringify(profile));
      const [post] = (await readMember(instagramAdapter, folderInput(dir2), 'your_instagram_activity/content/posts_1.json')).items;
      expect(post?.actor).toBeUndefined();
      const zip = await zipFolder(dir2, join(tempDir(), 'instagram-siti.rahayu.bidan-2024-11-30-Qw12Er.zip'));
      const fromZip = (await collect([zip], {}, [instagramAdapter])).items;
      expect(fromZip[0]?.actor).toEqual({ kind: 'account', handle: 'siti.rahayu.bidan', name: 'Siti Rahayu', url: 'https://www.instagram.com/siti.rahayu.bidan' });
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});
