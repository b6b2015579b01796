import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.js';
import { ingestMessages } from '../../src/i18n/ingest.js';
import { parseTitle } from '../../src/ingest/facebook/titles.js';
import { facebookAdapter } from '../../src/ingest/facebook.js';
import { sha256Hex } from '../../src/model/index.js';
import { at, collect, FB, listFiles, tempDir, zipFolder } from './helpers-core.js';

const unix = (iso: string): string => new Date(iso).toISOString();

describe('Facebook 2019 layout (unversioned keys)', async () => {
  const { items } = await collect([`${FB}/2019-layout`]);

  test('a status update keeps its emoji after the mojibake repair, with time in UTC and the owner as actor', () => {
    const post = at(items, 'posts/your_posts.json', '/status_updates/0');
    expect(post).toMatchObject({
      platform: 'facebook',
      kind: 'post',
      actor: { kind: 'account', name: 'Budi Santoso' },
      text: 'Besok nyoblos jam 7 pagi, jangan lupa bawa KTP ya 🙏 #Pemilu2019',
      time: unix('2019-04-10T20:15:00+07:00'),
      hashtags: ['Pemilu2019'],
    });
  });

  test('"shared a link." stays the own post, with the link', () => {
    const post = at(items, 'posts/your_posts.json', '/status_updates/1');
    expect(post.kind).toBe('post');
    expect(post.link).toEqual({ url: 'https://www.kompas.com/edu/read/2019/03/01/jadwal-pppk', title: 'Jadwal seleksi PPPK 2019' });
  });

  test('a post on someone else\u2019s timeline names that person as target', () => {
    expect(at(items, 'posts/your_posts.json', '/status_updates/2').target).toEqual({ kind: 'account', name: 'Siti Aminah' });
  });

  test('old-shape likes take the target from the English title; an unknown language keeps the whole title', () => {
    const like = at(items, 'likes_and_reactions/posts_and_comments.json', '/reactions/0');
    expect(like).toMatchObject({ kind: 'reaction', reaction: 'LIKE', target: { kind: 'post', name: 'Joko Widodo' }, time: unix('2019-04-01T21:03:00+07:00') });
    expect(at(items, 'likes_and_reactions/posts_and_comments.json', '/reactions/1').target).toEqual({ kind: 'post', name: 'Budi Santoso' });
    expect(at(items, 'likes_and_reactions/posts_and_comments.json', '/reactions/2').target).toEqual({ kind: 'unknown', name: 'Budi Santoso kan lide Annes opslag.' });
  });

  test('page_likes become follows of pages, with é repaired', () => {
    expect(at(items, 'likes_and_reactions/pages.json', '/page_likes/0')).toMatchObject({ kind: 'follow', target: { kind: 'page', name: 'Café Kopi Kenangan Bandung' } });
  });

  test('following.json lists followed accounts', () => {
    expect(at(items, 'following_and_followers/following.json', '/following/0').target).toEqual({ kind: 'account', name: 'Sandiaga Salahuddin Uno' });
  });

  test('comments carry text, target from the title and the group as context', () => {
    expect(at(items, 'comments/comments.json', '/comments/1')).toMatchObject({
      kind: 'comment',
      text: 'Hadir pak',
      target: { kind: 'post', name: 'Dedi Mulyadi' },
      context: { kind: 'group', name: 'Guru Honorer Jawa Barat' },
    });
  });

  test('event responses keep the response and start; an end of 0 is left out', () => {
    const joined = at(items, 'events/your_event_responses.json', '/event_responses/events_joined/0');
    expect(joined).toMatchObject({ kind: 'event', target: { kind: 'event', name: 'Deklarasi Relawan Guru untuk Jokowi' } });
    expect(joined.event).toEqual({ name: 'Deklarasi Relawan Guru untuk Jokowi', response: 'joined', start: unix('2019-03-24T08:00:00+07:00'), end: unix('2019-03-24T12:00:00+07:00') });
    expect(at(items, 'events/your_event_responses.json', '/event_responses/events_declined/0').event).toEqual({
      name: 'Reuni Akbar SMA 3',
      response: 'declined',
      start: unix('2019-01-12T18:00:00+07:00'),
    });
  });

  test('the 2018 groups_joined shape reads the group name from its attachments', () => {
    expect(at(items, 'groups/your_group_membership_activity.json', '/groups_joined/0')).toMatchObject({ kind: 'membership', target: { kind: 'group', name: 'Relawan Jokowi-Amin Garut' } });
  });
});

describe('Facebook 2020–23 layout (_v2 keys)', async () => {
  const { items, skipped } = await collect([`${FB}/2022-layout-v2`]);
  const photo = 'posts/media/Mobileuploads_10158765432109876/277912345678901234_10158765432109876_n.jpg';

  test('a post with photo, place and tags: text with ’ é and emoji, media hashed, places merged, tags as mentions', () => {
    const post = at(items, 'posts/your_posts_1.json', '/0');
    expect(post.text).toBe('Upacara 17-an di kantor kecamatan 🇮🇩 Merdeka! Kopi di café depan kantor don’t miss it 😀');
    expect(post.media).toEqual([
      {
        uri: photo,
        caption: 'Upacara 17-an di kantor kecamatan 🇮🇩',
        mediaType: 'image/jpeg',
        takenAt: unix('2022-08-17T07:58:00+07:00'),
        sha256: sha256Hex(readFileSync(join(FB, '2022-layout-v2', photo))),
        bytes: readFileSync(join(FB, '2022-layout-v2', photo)).length,
      },
    ]);
    expect(post.place).toEqual({
      name: 'Kantor Kecamatan Cibiru',
      address: 'Jl. Raya Cinunuk No. 2, Bandung',
      lat: -6.9147,
      lon: 107.7181,
      url: 'https://www.facebook.com/pages/Kantor-Kecamatan-Cibiru/1234567',
    });
    expect(post.mentions).toEqual(['Dewi Lestari', 'Asep Saepudin']);
  });

  test('a share of someone\u2019s post (Indonesian title) is kind share with the owner as target', () => {
    expect(at(items, 'posts/your_posts_1.json', '/1')).toMatchObject({ kind: 'share', target: { kind: 'post', name: 'Ridwan Kamil' }, link: { url: 'https://www.facebook.com/ridwankamil/posts/pfbid02xyz' } });
  });

  test('a photo-only post keeps its caption and hashtags; a missing media file is not an error', () => {
    const post = at(items, 'posts/your_posts_1.json', '/2');
    expect(post.text).toBeUndefined();
    expect(post.media[0]).toMatchObject({ caption: 'Foto tanpa teks status #HariKebangkitanNasional' });
    expect(post.media[0]?.sha256).toBeUndefined();
    expect(post.hashtags).toEqual(['HariKebangkitanNasional']);
  });

  test('reactions_v2 with Indonesian titles name the post owner', () => {
    expect(at(items, 'comments_and_reactions/posts_and_comments.json', '/reactions_v2/0')).toMatchObject({ reaction: 'LOVE', target: { kind: 'post', name: 'Ridwan Kamil' } });
    expect(at(items, 'comments_and_reactions/posts_and_comments.json', '/reactions_v2/1')).toMatchObject({ reaction: 'CARE', target: { kind: 'post', name: 'Anies Baswedan' } });
  });

  test('page_likes_v2 keeps the url; pages_followed_v2 names the page', () => {
    expect(at(items, "pages/pages_you've_liked.json", '/page_likes_v2/0').target).toEqual({ kind: 'page', name: 'Ridwan Kamil', url: 'https://www.facebook.com/ridwankamil' });
    expect(at(items, 'pages/pages_and_profiles_you_follow.json', '/pages_followed_v2/0')).toMatchObject({ kind: 'follow', target: { kind: 'page', name: 'Ridwan Kamil' } });
  });

  test('comments_v2: group comment and a GIF-only reply to a comment', () => {
    expect(at(items, 'comments_and_reactions/comments.json', '/comments_v2/0')).toMatchObject({ text: 'Jabar juara! 💪', context: { kind: 'group', name: 'Relawan Kang Emil Bandung Timur' } });
    expect(at(items, 'comments_and_reactions/comments.json', '/comments_v2/1')).toMatchObject({
      text: '',
      target: { kind: 'comment', name: 'Dewi Lestari' },
      link: { url: 'https://media.giphy.com/media/abc/giphy.gif' },
    });
  });

  test('interested events and invitations', () => {
    expect(at(items, 'events/your_event_responses.json', '/event_responses_v2/events_interested/0').event?.response).toBe('interested');
    expect(at(items, 'events/event_invitations.json', '/events_invited_v2/0').event).toMatchObject({ name: 'Rapat Koordinasi Tim Pemenangan', response: 'invited' });
  });

  test('group memberships and group posts (group from the title)', () => {
    expect(at(items, 'groups/your_group_membership_activity.json', '/groups_joined_v2/0').target).toEqual({ kind: 'group', name: 'Relawan Kang Emil Bandung Timur' });
    expect(at(items, 'groups/your_posts_in_groups.json', '/group_posts_v2/0')).toMatchObject({
      kind: 'post',
      text: 'Siap kawal sampai menang! #JabarJuara',
      context: { kind: 'group', name: 'Relawan Kang Emil Bandung Timur' },
    });
  });

  test('the profile names the owner; files that are not activity are skipped silently', () => {
    expect(at(items, 'profile_information/profile_information.json', '/profile_v2')).toMatchObject({
      kind: 'profile',
      actor: { name: 'Siti Nurhaliza', handle: 'siti.nurhaliza.77', url: 'https://www.facebook.com/siti.nurhaliza.77' },
    });
    expect(skipped.map((s) => s.member.path).sort()).toEqual(['messages/inbox/README.txt', photo]);
    expect(skipped.every((s) => s.reason === 'unrecognised')).toBe(true);
  });
});

describe('Facebook 2024+ layout (your_facebook_activity/…)', async () => {
  const { items } = await collect([`${FB}/2025-layout`]);
  const posts = 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json';

  test('a post with several photos appears as separate items with the same time and different ids', () => {
    const [a, b] = [at(items, posts, '/0'), at(items, posts, '/1')];
    expect(a.time).toBe(b.time);
    expect(a.text).toBe('Syukuran pensiun pak kepala sekolah 🎉');
    expect(a.id).not.toBe(b.id);
    expect(a.media[0]?.sha256).not.toBe(b.media[0]?.sha256);
    expect(a.mentions).toEqual(['Agus Salim']);
  });

  test('an event attached to a post is kept with response "attached", and @mentions are read from the text', () => {
    const post = at(items, posts, '/2');
    expect(post.event).toEqual({ name: 'Kampanye Akbar Paslon 1 di Alun-alun', response: 'attached', start: unix('2025-02-11T09:00:00+07:00'), end: unix('2025-02-11T15:00:00+07:00') });
    expect(post.mentions).toEqual(['akun_paslon1']);
  });

  test('check-ins.json as a single object becomes one checkin with message and place', () => {
    expect(at(items, 'posts/check-ins.json', '')).toMatchObject({
      kind: 'checkin',
      actor: { name: 'Dewi Kartika' },
      text: 'Hadir di acara silaturahmi café rakyat 🙏',
      time: unix('2025-01-20T10:15:00+07:00'),
      place: { name: 'Alun-alun Sukamaju', address: 'Jl. Merdeka No. 1, Sukamaju', lat: -7.2575, lon: 112.7521 },
    });
  });

  test('both likes files are read: old shape from the title, label_values with URL and owner (English and Indonesian labels)', () => {
    expect(at(items, 'likes_and_reactions_1.json', '/0')).toMatchObject({ reaction: 'LIKE', target: { kind: 'post', name: 'Calon Bupati Sukamaju' } });
    expect(at(items, 'likes_and_reactions.json', '/0')).toMatchObject({
      reaction: 'LOVE',
      target: { kind: 'post', name: 'Calon Bupati Sukamaju', url: 'https://www.facebook.com/calonbupati/posts/pfbid0xyz' },
      time: unix('2025-01-06T21:00:00+07:00'),
    });
    expect(at(items, 'likes_and_reactions.json', '/1')).toMatchObject({
      reaction: 'LIKE',
      target: { kind: 'post', name: 'Dinas Kesehatan Sukamaju', url: 'https://www.facebook.com/dinkes.sukamaju/posts/pfbid0abc' },
    });
  });

  test('pages_you_ve_liked.json (apostrophe written as _) is read', () => {
    expect(at(items, 'pages/pages_you_ve_liked.json', '/page_likes_v2/0').target).toEqual({ kind: 'page', name: 'Calon Bupati Sukamaju', url: 'https://www.facebook.com/calonbupati' });
  });
});

describe('Facebook 2024+ places you were tagged in and profile-photo changes', async () => {
  const { items, events, warnings } = await collect([`${FB}/2025-layout`]);
  const tagged = 'posts/places_you_have_been_tagged_in.json';
  const updates = 'profile_information/profile_update_history.json';
  const byOwner = (item: { id: string }): boolean | undefined => events.flatMap((e) => (e.type === 'item' && e.item.id === item.id ? [e.byOwner] : []))[0];

  test("a place someone else tagged the owner in is a check-in with the owner as target, no actor, and never the owner's own act", () => {
    const place = at(items, tagged, '/0');
    expect(place).toMatchObject({ kind: 'checkin', target: { kind: 'account', name: 'Dewi Kartika' }, place: { name: 'Lapangan Merdeka Sukamaju' }, time: unix('2025-02-01T09:00:00+07:00') });
    expect(place.actor).toBeUndefined();
    expect(place.text).toBeUndefined();
    expect(byOwner(place)).toBe(false);
  });

  test('a tagged-place entry without a place name is skipped and reported once', () => {
    expect(items.filter((i) => i.source.path.endsWith(tagged))).toHaveLength(1);
    expect(warnings).toContain(t(ingestMessages.facebookEntriesSkipped, { path: `your_facebook_activity/${tagged}`, count: 1, pointer: '/1' }));
  });

  test("a profile-picture change (a twibbon frame) is the owner's own post: the picture, its description as text, the time", () => {
    const update = at(items, updates, '/profile_updates_v2/0');
    expect(update).toMatchObject({
      kind: 'post',
      actor: { kind: 'account', name: 'Dewi Kartika' },
      text: 'Dewi Kartika updated her profile picture.',
      time: unix('2025-01-11T11:00:00+07:00'),
      hashtags: ['Sukamaju2025'],
    });
    expect(update.media[0]).toMatchObject({ uri: 'your_facebook_activity/posts/media/ProfilePictures_10161234567890999/462345678901234567_10161234567890999_n.jpg', caption: 'Pasang twibbon dukung paslon nomor 1 ✌️ #Sukamaju2025' });
    expect(byOwner(update)).toBe(true);
    // an update without a picture keeps the title as its text; an element of another shape is skipped and reported
    expect(at(items, updates, '/profile_updates_v2/1')).toMatchObject({ kind: 'post', text: 'Dewi Kartika updated her profile picture.', media: [] });
    expect(warnings).toContain(t(ingestMessages.facebookEntriesSkipped, { path: `personal_information/${updates}`, count: 1, pointer: '/profile_updates_v2/2' }));
  });

  test("an uncategorized photo (uploaded outside any post) is the owner's media item with its description as text", () => {
    const photo = at(items, 'posts/your_uncategorized_photos.json', '/other_photos_v2/0');
    expect(photo).toMatchObject({
      kind: 'media',
      actor: { kind: 'account', name: 'Dewi Kartika' },
      text: 'Kaos relawan sudah dibagi 👕 #Sukamaju2025',
      time: unix('2025-01-16T11:00:00+07:00'),
      hashtags: ['Sukamaju2025'],
    });
    expect(photo.media[0]).toMatchObject({ uri: 'your_facebook_activity/posts/media/Uncategorizedphotos_10161234567890777/472345678901234567_10161234567890777_n.jpg', takenAt: new Date(1736990000 * 1000).toISOString() });
    expect(byOwner(photo)).toBe(true);
    expect(warnings).toContain(t(ingestMessages.facebookEntriesSkipped, { path: 'your_facebook_activity/posts/your_uncategorized_photos.json', count: 1, pointer: '/other_photos_v2/1' }));
  });

  test('a tagged-places or profile-updates file of another shape is a one-line error naming the file', async () => {
    const dir = tempDir();
    for (const [path, body] of [[`a/your_facebook_activity/posts/places_you_have_been_tagged_in.json`, '{"tags": 1}'], [`b/profile_information/profile_update_history.json`, '{"updates": []}']] as const) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), body);
      const err = await collect([join(dir, path.split('/')[0]!)]).then(() => undefined, (e: unknown) => e);
      expect(String(err)).toMatch(/bukan berkas (places you were tagged in|profile updates) Facebook yang dikenal/);
      expect(String(err)).not.toContain('\n');
    }
  });
});

describe('Facebook album files (photos_and_videos/album, posts/album, your_facebook_activity/posts/album)', async () => {
  const { items, events, warnings } = await collect([`${FB}/2025-albums`]);
  const album = 'your_facebook_activity/posts/album/0.json';
  const profileAlbum = 'your_facebook_activity/posts/album/1.json';
  const secs = (s: number): string => new Date(s * 1000).toISOString();
  const byOwner = (item: { id: string }): boolean | undefined => events.flatMap((e) => (e.type === 'item' && e.item.id === item.id ? [e.byOwner] : []))[0];
  const carrying = (caption: string) => items.filter((i) => i.text === caption || i.media.some((m) => m.caption === caption));

  test("an album photo's description is the owner's caption: a media item with the time, the picture, the album name as context and the photo's index as locator", () => {
    const photo = at(items, album, '/photos/1');
    expect(photo).toMatchObject({
      platform: 'facebook',
      kind: 'media',
      actor: { kind: 'account', name: 'Rahmat Hidayat' },
      text: 'Foto bareng tim pemenangan nomor 2 di garis finis ✌️ #MenangBersama',
      time: secs(1730513100),
      context: { kind: 'unknown', name: 'Jalan Sehat HUT Kabupaten' },
      hashtags: ['MenangBersama'],
    });
    expect(photo.source.path).toBe(album);
    expect(photo.media).toEqual([
      expect.objectContaining({ uri: 'your_facebook_activity/posts/media/JalanSehatHUTKabupaten_10162233445566001/561122334455660002_10162233445566001_n.jpg', caption: photo.text, takenAt: secs(1730512950) }),
    ]);
    expect(byOwner(photo)).toBe(true);
    // a photo without a description is still the owner's upload (a pose is shown, not written)
    expect(at(items, album, '/photos/2')).toMatchObject({ kind: 'media', time: secs(1730513200) });
    expect(at(items, album, '/photos/2').text).toBeUndefined();
  });

  test("the album's own description is one item, dated by the album's last change, with the cover picture but not the cover's caption again", () => {
    const description = at(items, album, '/description');
    expect(description).toMatchObject({ kind: 'media', text: 'Dokumentasi jalan sehat HUT Kabupaten Sukamaju ke-77 🎉', time: secs(1730520000), context: { name: 'Jalan Sehat HUT Kabupaten' } });
    expect(description.media.map((m) => [m.uri?.endsWith('561122334455660002_10162233445566001_n.jpg'), m.caption])).toEqual([[true, undefined]]);
    expect(carrying('Foto bareng tim pemenangan nomor 2 di garis finis ✌️ #MenangBersama')).toHaveLength(1);
  });

  test('an upload in both an album and the posts file is one act: the post, never a second album item', () => {
    const caption = 'Jalan sehat HUT Kabupaten, ramai sekali 🏃';
    expect(carrying(caption).map((i) => [i.kind, i.source.path])).toEqual([['post', 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json']]);
    expect(items.filter((i) => i.source.path === album && i.source.pointer === '/photos/0')).toEqual([]);
  });

  test('a photo of the profile-picture album ("Foto Profil") is a profile change, kind post; the one profile_update_history.json already has is read there only', () => {
    const twibbon = at(items, profileAlbum, '/photos/1');
    expect(twibbon).toMatchObject({
      kind: 'post',
      actor: { kind: 'account', name: 'Rahmat Hidayat' },
      text: 'Twibbon relawan Sukamaju Maju — coblos nomor 2! #SukamajuMaju',
      time: secs(1731200400),
      context: { kind: 'unknown', name: 'Foto Profil' },
      hashtags: ['SukamajuMaju'],
    });
    expect(carrying('Siap mengawal Pilkada Sukamaju 2024 🇮🇩').map((i) => [i.kind, i.source.pointer])).toEqual([['post', '/profile_updates_v2/0']]);
    // no description: no album item
    expect(items.filter((i) => i.source.path === profileAlbum).map((i) => i.source.pointer)).toEqual(['/photos/1']);
  });

  test('a photo entry without a uri is skipped and reported once', () => {
    expect(warnings).toContain(t(ingestMessages.facebookEntriesSkipped, { path: album, count: 1, pointer: '/photos/3' }));
  });

  test('the 2020–23 posts/album/<n>.json (English "Profile Pictures") and the ≤2020 photos_and_videos/album/<n>.json are read', async () => {
    const old = await collect([`${FB}/2022-albums`, `${FB}/2019-albums`]);
    expect(old.items.map((i) => [i.source.path, i.source.pointer, i.kind, i.text, i.time, i.context?.name])).toEqual([
      ['posts/album/3.json', '/photos/0', 'post', 'Selamat Hari Guru Nasional 2022 🙏', secs(1669343400), 'Profile Pictures'],
      ['photos_and_videos/album/0.json', '/photos/0', 'media', 'Café dekat TPS 05, habis nyoblos', secs(1555045200), 'Mobile Uploads'],
    ]);
    // no profile_information.json: the actor is unknown, the items are still the export owner's
    expect(old.items.every((i) => i.actor === undefined)).toBe(true);
  });

  test('read from a zip under another root folder, the album gives the same items (the posts file is found in the zip too)', async () => {
    const zip = await zipFolder(`${FB}/2025-albums`, join(tempDir(), 'facebook-rahmat-2025-01-05-Xy12.zip'), { root: 'Unduhan/facebook-rahmat' });
    const zipped = await collect([zip]);
    expect(zipped.items.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(at(zipped.items, album, '/photos/1').source.path).toBe(`Unduhan/facebook-rahmat/${album}`);
  });

  test('an album file of another shape is a one-line error naming the file', async () => {
    const dir = tempDir();
    const path = 'x/your_facebook_activity/posts/album/7.json';
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), '{"name": "Album", "photos": {"uri": "a.jpg"}}');
    const err = await collect([join(dir, 'x')]).then(() => undefined, (e: unknown) => e);
    expect(String(err)).toContain('your_facebook_activity/posts/album/7.json');
    expect(String(err)).toMatch(/bukan berkas album Facebook yang dikenal/);
    expect(String(err)).not.toContain('\n');
  });
});

describe('Facebook Page-style profile export', async () => {
  const { items } = await collect([`${FB}/page-profile-export`]);

  test("profile_posts_1.json and group_membership_activity.json under this_profile's_activity_across_facebook/ are read", () => {
    expect(items.map((i) => i.kind).sort()).toEqual(['membership', 'post', 'post']);
    expect(at(items, 'posts/profile_posts_1.json', '/1')).toMatchObject({ text: 'Dukung terus paslon nomor 1 ✌️', actor: { name: 'Kelurahan Sukamaju Kulon' } });
    expect(at(items, 'group_membership_activity.json', '/groups_joined_v2/0').target).toEqual({ kind: 'group', name: 'Info Warga Sukamaju' });
  });
});

describe('Facebook inputs in zips', () => {
  test('members are matched by path suffix under an unexpected root folder, media included', async () => {
    const zip = await zipFolder(`${FB}/2022-layout-v2`, join(tempDir(), 'facebook-siti-2022.zip'), { root: 'Unduhan/facebook-siti' });
    const { items } = await collect([zip]);
    const post = at(items, 'posts/your_posts_1.json', '/0');
    expect(post.source.path).toBe('Unduhan/facebook-siti/posts/your_posts_1.json');
    expect(post.media[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const fromFolder = await collect([`${FB}/2022-layout-v2`]);
    expect(items.map((i) => i.id).sort()).toEqual(fromFolder.items.map((i) => i.id).sort());
  });

  test('a split export (two zips in one folder) finds the owner and the media in the other zip', async () => {
    const dir = tempDir();
    const inSecond = (p: string): boolean => p.startsWith('personal_information/') || p.includes('/media/');
    await zipFolder(`${FB}/2025-layout`, join(dir, 'facebook-dewi-2025-03-02-part1.zip'), { keep: (p) => !inSecond(p) });
    await zipFolder(`${FB}/2025-layout`, join(dir, 'facebook-dewi-2025-03-02-part2.zip'), { keep: inSecond });
    const split = await collect([dir]);
    const whole = await collect([`${FB}/2025-layout`]);
    expect(split.items.map((i) => i.id).sort()).toEqual(whole.items.map((i) => i.id).sort());
    expect(at(split.items, 'posts/check-ins.json', '').actor?.name).toBe('Dewi Kartika');
    // the same, with the two zips named as two inputs
    const twoInputs = await collect([join(dir, 'facebook-dewi-2025-03-02-part1.zip'), join(dir, 'facebook-dewi-2025-03-02-part2.zip')]);
    expect(twoInputs.items.map((i) => i.id).sort()).toEqual(whole.items.map((i) => i.id).sort());
  });

  test('item ids are stable across two reads of the same export', async () => {
    const first = await collect([`${FB}/2019-layout`]);
    const second = await collect([`${FB}/2019-layout`]);
    expect(first.items.length).toBeGreaterThan(10);
    expect(second.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
  });

  test('an unpacked export copied under extra folders still matches by suffix', async () => {
    const dir = tempDir();
    for (const rel of listFiles(`${FB}/2019-layout`)) {
      const to = join(dir, 'Dokumen', 'facebook-budi', rel);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(FB, '2019-layout', rel), to);
    }
    const { items } = await collect([dir]);
    expect(at(items, 'posts/your_posts.json', '/status_updates/0').source.path).toBe('Dokumen/facebook-budi/posts/your_posts.json');
  });
});

describe('Facebook detection and titles', () => {
  test('detection is by path suffix, never by the root folder, and ignores files that are not activity', () => {
    const yes = [
      'posts/your_posts_1.json',
      'x/y/your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_2.json',
      "your_activity_across_facebook/pages/pages_you've_liked.json",
      'personal_information/profile_information/your_facebook_activity/comments_and_reactions/likes_and_reactions_3.json',
      'photos_and_videos/album/0.json',
      'posts/album/12.json',
      'facebook-x/your_facebook_activity/posts/album/3.json',
    ];
    const no = ['posts/album/cover.json', 'posts/media/album/0.jpg', 'posts/your_posts_1.html', 'your_instagram_activity/content/posts_1.json', 'messages/inbox/a/message_1.json', 'myposts/your_posts_1.json'];
    for (const p of yes) expect(facebookAdapter.detect(p, Buffer.alloc(0)), p).toBe(true);
    for (const p of no) expect(facebookAdapter.detect(p, Buffer.alloc(0)), p).toBe(false);
  });

  test('title sentences in English and (guessed) Indonesian; other languages yield nothing', () => {
    expect(parseTitle("Rina Marlina likes Prabowo Subianto's post.")).toEqual({ actor: 'Rina Marlina', verb: 'react', object: 'post', owner: 'Prabowo Subianto' });
    expect(parseTitle('Rina Marlina menyukai postingan Prabowo Subianto.')).toEqual({ actor: 'Rina Marlina', verb: 'react', object: 'post', owner: 'Prabowo Subianto' });
    expect(parseTitle("James Roberts' commented on Agnes' photo.")?.owner).toBe('Agnes');
    expect(parseTitle('Budi replied to his own comment.')).toMatchObject({ verb: 'comment', object: 'comment', own: true, owner: 'Budi' });
    expect(parseTitle('You became a member of Relawan X.')).toEqual({ verb: 'joined', object: 'group', owner: 'Relawan X' });
    expect(parseTitle('Budi Santoso kan lide Annes opslag.')).toBeUndefined();
    expect(parseTitle('ブディさんが投稿に「いいね！」しました。')).toBeUndefined();
  });
});

describe('Facebook 2024 group posts and comments', async () => {
  const { items } = await collect([`${FB}/2025-layout`]);
  const file = 'groups/group_posts_and_comments.json';

  test('group_posts_and_comments.json holds both: posts with the group from the title, comments with their group', () => {
    expect(at(items, file, '/group_posts_v2/0')).toMatchObject({ kind: 'post', text: 'Besok kumpul jam 7 di posko ya bu ibu 🙏', context: { kind: 'group', name: 'Relawan Paslon 1 Sukamaju' } });
    expect(at(items, file, '/group_posts_v2/1')).toMatchObject({
      kind: 'comment',
      text: 'Siap hadir!',
      target: { kind: 'post', name: 'Agus Salim' },
      context: { kind: 'group', name: 'Relawan Paslon 1 Sukamaju' },
    });
  });
});

describe('Facebook 2026 groups: comments and reactions in groups keep their group (stop 48)', async () => {
  const root = `${FB}/2026-groups`;
  const folder = (await collect([root])).items;
  const zip = (await collect([await zipFolder(root, join(tempDir(), 'facebook-agus.setiawan-2026-05-27-Ab12Cd.zip'))])).items;
  const comments = 'groups/your_comments_in_groups.json';
  const reactions = 'groups/likes_and_reactions.json';
  const owner = { kind: 'account', name: 'Agus Setiawan' };

  for (const [how, items] of [['folder', folder], ['zip', zip]] as const) {
    test(`${how}: a comment in a group keeps the group's name as context; a reply without one is still in a group`, () => {
      expect(at(items, comments, '/group_comments_v2/0')).toMatchObject({
        kind: 'comment',
        actor: owner,
        text: 'Siap, jam 8 kumpul di aula ya rekan-rekan 🙏',
        target: { kind: 'post', name: 'Rudi Hartono' },
        context: { kind: 'group', name: 'ASN Kecamatan Cibiru' },
      });
      const reply = at(items, comments, '/group_comments_v2/1');
      expect(reply).toMatchObject({ kind: 'comment', actor: owner, text: 'Betul pak, setuju' });
      expect(reply.context).toEqual({ kind: 'group' });
    });

    test(`${how}: groups/likes_and_reactions.json is read: the group is the context, the post's author the target`, () => {
      expect(at(items, reactions, '/0')).toMatchObject({
        kind: 'reaction',
        actor: owner,
        reaction: 'Thích', // a word of no known language is kept as written
        target: { kind: 'post', name: 'Rudi Hartono', url: 'https://www.facebook.com/groups/880000000000001/posts/990000000000001/' },
        context: { kind: 'group', name: 'Relawan Budi-Dewi Kecamatan Cibiru' },
      });
      // labels of no known language: nothing says which dict is the group and which the author,
      // so neither name is guessed; the link and the fact that it sits in a group remain
      const unknown = at(items, reactions, '/1');
      expect(unknown.target).toEqual({ kind: 'post', url: 'https://www.facebook.com/groups/880000000000002/posts/990000000000002/' });
      expect(unknown.context).toEqual({ kind: 'group' });
      expect(unknown.reaction).toBe('LIKE');
    });
  }

  test('a label_values reaction outside groups still takes its owner from the Owner entry (or the one dict), with no group', async () => {
    const { items } = await collect([`${FB}/2025-layout`]);
    const liked = items.filter((i) => i.kind === 'reaction' && i.source.path.endsWith('comments_and_reactions/likes_and_reactions.json'));
    expect(liked.length).toBeGreaterThan(0);
    for (const i of liked) expect(i.context).toBeUndefined();
  });
});
