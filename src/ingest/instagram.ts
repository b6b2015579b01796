// Instagram "Download your information" (JSON) → Items. Layouts of every era (formats.md §2):
//   ≤2020      media.json, likes.json, comments.json, connections.json at the archive root
//   2021–2023  content/posts_1.json, likes/liked_posts.json, comments/post_comments*.json,
//              followers_and_following/following.json
//   2024       the same under your_instagram_activity/ and connections/
//   2025+      your_instagram_activity/media/posts_1.json (content/ renamed to media/)
// Meta writes text as mojibake (each UTF-8 byte escaped as its own \u00XX), keys included, so the
// whole document goes through repairDeep before anything is read (ParsedItem.raw is the repaired
// element; the capture keeps the original bytes).
import { z } from 'zod';
import type { ItemDraft, Media, Place, Ref, SourceRef } from '../model/index.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { exportRoot, ownerFileOnlyElsewhere } from './export-root.js';
import { jsonPointer, parseJsonMember } from './json.js';
import { repairDeep } from './mojibake.js';
import { resolveStringMap, StringMapEntry } from './instagram-labels.js';
import { t } from '../i18n/index.js';
import { socialMessages as msg } from '../i18n/platforms-social.js';
import { MemberFormatError, type Adapter, type AdapterContext, type Member, type ParsedItem } from './types.js';
import { readAll } from './walk.js';

/** Which Instagram file a member is; decides the mapping. */
export type InstagramFile =
  | 'posts'
  | 'stories'
  | 'reels'
  | 'profile-photos'
  | 'liked-posts'
  | 'liked-comments'
  | 'story-likes'
  | 'story-stickers'
  | 'comments'
  | 'following'
  | 'following-hashtags'
  | 'legacy-media'
  | 'legacy-likes'
  | 'legacy-comments'
  | 'legacy-connections';

const PATH_RULES: ReadonlyArray<[RegExp, InstagramFile]> = [
  [/(?:^|\/)(?:content|media)\/posts_\d+\.json$/, 'posts'],
  [/(?:^|\/)(?:content|media)\/stories\.json$/, 'stories'],
  [/(?:^|\/)(?:content|media)\/reels\.json$/, 'reels'],
  [/(?:^|\/)(?:content|media)\/profile_photos\.json$/, 'profile-photos'],
  [/(?:^|\/)likes\/liked_posts\.json$/, 'liked-posts'],
  [/(?:^|\/)likes\/liked_comments\.json$/, 'liked-comments'],
  // story_interactions/ (2024+) was story_sticker_interactions/ in 2021–23 exports
  [/(?:^|\/)story_(?:sticker_)?interactions\/story_likes\.json$/, 'story-likes'],
  [/(?:^|\/)story_(?:sticker_)?interactions\/(?:polls|emoji_sliders|quizzes|questions)\.json$/, 'story-stickers'],
  [/(?:^|\/)comments\/(?:post_comments(?:_\d+)?|reels_comments)\.json$/, 'comments'],
  [/(?:^|\/)followers_and_following\/following\.json$/, 'following'],
  [/(?:^|\/)followers_and_following\/following_hashtags\.json$/, 'following-hashtags'],
];

// The ≤2020 files have generic names (FB 2018 also has a comments.json), so their top-level keys decide.
const LEGACY_RULES: ReadonlyArray<[string, RegExp, InstagramFile]> = [
  ['media.json', /"(?:photos|videos|stories)"\s*:/, 'legacy-media'],
  ['likes.json', /"(?:media_likes|comment_likes)"\s*:/, 'legacy-likes'],
  ['comments.json', /"(?:media_comments|live_comments)"\s*:/, 'legacy-comments'],
  ['connections.json', /"(?:following|followers|following_hashtags|follow_requests_sent|close_friends|blocked_users)"\s*:/, 'legacy-connections'],
];

/** Classify a member by its path suffix (and, for the generic ≤2020 names, its first bytes). */
export function classifyInstagramFile(path: string, head: Buffer): InstagramFile | undefined {
  if (!path.endsWith('.json') || /your_facebook_activity\/|_across_facebook\//.test(path)) return undefined;
  for (const [pattern, file] of PATH_RULES) if (pattern.test(path)) return file;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const text = head.toString('utf8');
  for (const [name, keys, file] of LEGACY_RULES) if (base === name && keys.test(text)) return file;
  return undefined;
}

// ---- shapes (loose: Instagram adds fields over time; only what is read is checked) ----

const Exif = z.looseObject({ latitude: z.number().optional(), longitude: z.number().optional() });
const ExifHolder = z.looseObject({ exif_data: z.array(Exif).optional() });
const IgMedia = z.looseObject({
  uri: z.string().optional(),
  creation_timestamp: z.number().optional(),
  title: z.string().optional(),
  media_metadata: z
    .looseObject({ photo_metadata: ExifHolder.optional(), video_metadata: ExifHolder.optional() })
    .optional(),
});
type IgMedia = z.infer<typeof IgMedia>;
const IgPost = z.looseObject({
  title: z.string().optional(),
  creation_timestamp: z.number().optional(),
  media: z.array(IgMedia).default([]),
});
type IgPost = z.infer<typeof IgPost>;
const IgListEntry = z.looseObject({
  title: z.string().optional(),
  string_list_data: z.array(StringMapEntry).optional(),
  string_map_data: z.record(z.string(), z.unknown()).optional(),
});
type IgListEntry = z.infer<typeof IgListEntry>;
const LegacyMedia = z.looseObject({
  caption: z.string().optional(),
  taken_at: z.string().optional(),
  path: z.string().optional(),
  location: z.string().optional(),
});
const LegacyTuple = z.array(z.string());

type Segment = string | number;

export const instagramAdapter: Adapter = {
  id: 'instagram',
  platform: 'instagram',
  label: 'Instagram (Download your information, JSON)',
  input: 'buffer',
  authorship: 'owner',
  detect: (path, head) => classifyInstagramFile(path, head) !== undefined,
  async *read(source, ctx) {
    if (!Buffer.isBuffer(source)) throw new TypeError('the instagram adapter reads whole files (input: buffer)');
    const file = classifyInstagramFile(ctx.member.path, source.subarray(0, 4096));
    if (file === undefined) throw new TypeError(`instagram adapter called for a file it does not claim: ${ctx.member.path}`);
    const doc = repairDeep(parseJsonMember(source, ctx.member.path, ctx.options.limits?.maxJsonDepth));
    // the export's own profile file names the owner even when the user renamed the zip
    const owner = exportOwner(await profileOf(ctx), ctx);
    const items = readInstagramFile(file, doc, ctx, owner);
    // an export naming no owner beside another that does: nothing says it is the subject's
    if (owner === undefined && ownerFileOnlyElsewhere(ctx, PERSONAL_INFO_SUFFIX)) for (const p of items) yield { ...p, byOwner: false };
    else yield* items;
  },
};

const PERSONAL_INFO_SUFFIX = 'personal_information.json';
/** The username label of personal_information.json in the export languages seen (en, id, and a few more). */
const USERNAME_LABEL = /^(username|nama pengguna|nombre de usuario|nom d.utilisateur|nome utente|nome de usu.rio|benutzername)$/i;
/**
 * The display-name label of the same file: English `Name` is what parsers of real exports read
 * (`profile_user[0].string_map_data.Name.value`); the others are the same word in the languages of
 * USERNAME_LABEL (Indonesian `Nama` a GUESS, no Indonesian export seen). An unknown label gives no name.
 */
const NAME_LABEL = /^(name|nama|nombre|nom|nome|naam|navn)$/i;
const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
const PersonalInformation = z.looseObject({ profile_user: z.array(z.looseObject({ string_map_data: z.record(z.string(), StringMapEntry).optional() })).optional() });

/** What personal_information.json says of the account: its handle and its display name. */
interface ProfileFields {
  handle?: string;
  name?: string;
}
const profiles = new WeakMap<Member, Promise<ProfileFields>>();

/** The account owner's handle and display name from personal_information.json (profile_user[0]), read once per export. */
function profileOf(ctx: AdapterContext): Promise<ProfileFields> {
  const member = ctx.findExportFile(PERSONAL_INFO_SUFFIX);
  if (!member) return Promise.resolve({});
  let fields = profiles.get(member);
  if (!fields) {
    fields = member
      .open()
      .then(readAll)
      .then((bytes): ProfileFields => {
        const parsed = PersonalInformation.safeParse(repairDeep(parseJsonMember(bytes, member.path)));
        const entries = Object.entries((parsed.success ? parsed.data.profile_user?.[0]?.string_map_data : undefined) ?? {});
        const handle = entries.find(([label, e]) => USERNAME_LABEL.test(label.trim()) && HANDLE.test(e.value ?? ''))?.[1].value;
        const name = entries.find(([label, e]) => NAME_LABEL.test(label.trim()) && nonEmpty(e.value) !== undefined)?.[1].value?.trim();
        return { ...(handle && { handle }), ...(name && { name }) };
      })
      .catch((): ProfileFields => ({}));
    profiles.set(member, fields);
  }
  return fields;
}

/**
 * The export owner: the handle from the profile file, else from the download's name; the display
 * name only beside a handle (on Instagram a name is anyone's to take, the handle is the one account,
 * so a name alone never stands for the owner).
 */
function exportOwner(profile: ProfileFields, ctx: AdapterContext): Ref | undefined {
  const handle = profile.handle ?? (ownerFromExportName(ctx.member.zip ?? ctx.member.input) ?? ownerFromExportFolder(ctx.member.path))?.handle;
  if (!handle) return undefined;
  return { kind: 'account', handle, ...(profile.name && { name: profile.name }), url: `https://www.instagram.com/${handle}` };
}

const EXPORT_NAME = /^instagram-([A-Za-z0-9._]{1,30})-\d{4}-\d{2}-\d{2}-[A-Za-z0-9]+(?:\.zip)?$/;

/**
 * The export owner. Instagram's files never name the account (the profile file's labels are
 * localized), but the download is named `instagram-<username>-<YYYY-MM-DD>-<random>.zip`, and an
 * unpacked folder usually keeps that name. Usernames cannot contain '-', so the match is exact.
 */
/** The owner from the export's folder inside the input (a folder of several unpacked downloads). */
function ownerFromExportFolder(memberPath: string): Ref | undefined {
  const root = exportRoot(memberPath);
  return root ? ownerFromExportName(root) : undefined;
}

export function ownerFromExportName(zipOrFolder: string): Ref | undefined {
  const base = zipOrFolder.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  const handle = EXPORT_NAME.exec(base)?.[1];
  return handle ? { kind: 'account', handle, url: `https://www.instagram.com/${handle}` } : undefined;
}

function* readInstagramFile(file: InstagramFile, doc: unknown, ctx: AdapterContext, owner: Ref | undefined): Generator<ParsedItem> {
  const reader = new Reader(ctx, owner);
  switch (file) {
    case 'posts':
      for (const [el, at] of reader.list(doc, undefined)) yield* reader.one(IgPost, el, at, postDraft);
      return;
    case 'stories':
      // A story is published to the account's followers like a post, so it is a kind 'post' item
      // (rules on own posts apply); its one media file carries the caption.
      for (const [el, at] of reader.list(doc, 'ig_stories'))
        yield* reader.one(IgMedia, el, at, (m) => postDraft({ title: m.title, creation_timestamp: m.creation_timestamp, media: [m] }));
      return;
    case 'profile-photos':
      // `{"ig_profile_picture": [{uri, creation_timestamp, title, cross_post_source, media_metadata}]}`
      // (formats.md §9 had the keys unconfirmed; found in public export parsers: a data-donation
      // port's profile_photos_df reads `$.ig_profile_picture` with exactly those fields, a JS export
      // extractor reads `$.ig_profile_picture[*]` {uri, creation_timestamp, title}, one 2025 parser
      // names your_instagram_activity/media/profile_photos.json and a 2021–23 file tree
      // content/profile_photos.json). A new profile photo (a campaign twibbon frame) is shown to
      // the account's followers: the owner's kind 'post', as a Facebook profile-picture change.
      for (const [el, at] of reader.list(doc, 'ig_profile_picture'))
        yield* reader.one(IgMedia, el, at, (m) => postDraft({ title: m.title, creation_timestamp: m.creation_timestamp, media: [m] }));
      return;
    case 'reels':
      for (const [el, at] of reader.list(doc, 'ig_reels_media')) yield* reader.one(IgPost, el, at, postDraft);
      return;
    case 'liked-posts':
      for (const [el, at] of reader.list(doc, 'likes_media_likes')) yield* reader.one(IgListEntry, el, at, (e) => likeDraft(e, 'post'));
      return;
    case 'liked-comments':
      for (const [el, at] of reader.list(doc, 'likes_comment_likes')) yield* reader.one(IgListEntry, el, at, (e) => likeDraft(e, 'comment'));
      return;
    case 'story-likes':
      // A like of someone's story is a like like any other: `title` names the story's account.
      for (const [el, at] of reader.list(doc, 'story_activities_story_likes')) yield* reader.one(IgListEntry, el, at, storyLikeDraft);
      return;
    case 'story-stickers':
      // A vote in a story's poll, a move of its emoji slider, an answer to its quiz or question: the
      // owner's act on the story's account, read like a story like (below, STORY_STICKERS).
      {
        const act = stickerAct(doc);
        for (const [el, at] of reader.list(doc, STORY_STICKER_KEYS)) yield* reader.one(IgListEntry, el, at, (e) => storyStickerDraft(e, act));
      }
      return;
    case 'comments':
      for (const [el, at] of reader.list(doc, ['comments_media_comments', 'comments_reels_comments']))
        yield* reader.one(IgListEntry, el, at, commentDraft);
      return;
    case 'following':
      for (const [el, at] of reader.list(doc, 'relationships_following')) yield* reader.one(IgListEntry, el, at, followDraft);
      return;
    case 'following-hashtags':
      for (const [el, at] of reader.list(doc, 'relationships_following_hashtags'))
        yield* reader.one(IgListEntry, el, at, followHashtagDraft);
      return;
    case 'legacy-media':
      for (const section of ['photos', 'videos', 'stories'])
        for (const [el, at] of reader.list(doc, section, true)) yield* reader.one(LegacyMedia, el, at, legacyMediaDraft);
      return;
    case 'legacy-likes':
      for (const [section, kind] of [['media_likes', 'post'], ['comment_likes', 'comment']] as const)
        for (const [el, at] of reader.list(doc, section, true))
          yield* reader.one(LegacyTuple, el, at, ([time, owner]) => ({
            kind: 'reaction',
            reaction: 'LIKE',
            target: owner ? { kind, handle: owner } : undefined,
            ...legacyTime(time),
          }));
      return;
    case 'legacy-comments':
      for (const section of ['media_comments', 'live_comments'])
        for (const [el, at] of reader.list(doc, section, true))
          yield* reader.one(LegacyTuple, el, at, ([time, text, owner]) => ({
            kind: 'comment',
            text,
            target: owner ? { kind: 'post', handle: owner } : undefined,
            ...legacyTime(time),
            ...tagsOf(text),
          }));
      return;
    case 'legacy-connections':
      yield* reader.legacyFollowing(doc);
      return;
  }
}

/** Shared plumbing: finding the list in a file, validating each element, building the SourceRef. */
class Reader {
  constructor(
    private readonly ctx: AdapterContext,
    private readonly actor: Ref | undefined,
  ) {}

  /**
   * Elements of the list stored under one of `keys` (or of the bare top-level array), with their
   * pointer segments. `optional` lists may be missing (sections of the ≤2020 files).
   */
  *list(doc: unknown, keys: string | string[] | undefined, optional = false): Generator<[unknown, Segment[]]> {
    if (Array.isArray(doc) && !optional) {
      for (let i = 0; i < doc.length; i++) yield [doc[i], [i]];
      return;
    }
    const candidates = keys === undefined ? [] : Array.isArray(keys) ? keys : [keys];
    if (isRecord(doc)) {
      for (const key of candidates) {
        const list = doc[key];
        if (Array.isArray(list)) {
          for (let i = 0; i < list.length; i++) yield [list[i], [key, i]];
          return;
        }
      }
    }
    if (!optional) {
      const expected = candidates.length ? `[…] / {"${candidates.join('" | "')}": […]}` : '[…]';
      throw new MemberFormatError(this.ctx.member.path, t(msg.unexpectedShape, { expected }));
    }
  }

  /** Validate one element and map it; a malformed element is reported and skipped, not fatal. */
  *one<S extends z.ZodType>(
    schema: S,
    el: unknown,
    at: Segment[],
    map: (value: z.output<S>) => Draft | undefined,
  ): Generator<ParsedItem> {
    const parsed = schema.safeParse(el);
    const pointer = jsonPointer(...at);
    if (!parsed.success) {
      this.ctx.warn(t(msg.entrySkipped, { path: this.ctx.member.path, pointer }));
      return;
    }
    const draft = map(parsed.data);
    if (draft) yield { draft: { ...draft, platform: 'instagram', actor: this.actor, source: this.source(pointer) }, raw: el };
  }

  /** connections.json (≤2020): `{"following": {"<username>": "<time>"}, "following_hashtags": {…}}`. */
  *legacyFollowing(doc: unknown): Generator<ParsedItem> {
    if (!isRecord(doc)) throw new MemberFormatError(this.ctx.member.path, t(msg.unexpectedShape, { expected: '{…}' }));
    for (const section of ['following', 'following_hashtags'] as const) {
      const map = doc[section];
      if (!isRecord(map)) continue;
      for (const [name, time] of Object.entries(map)) {
        const target: Ref =
          section === 'following'
            ? { kind: 'account', handle: name, url: `https://www.instagram.com/${name}` }
            : { kind: 'unknown', name: `#${name}` };
        yield {
          draft: {
            platform: 'instagram',
            actor: this.actor,
            kind: 'follow',
            target,
            hashtags: section === 'following_hashtags' ? [name] : [],
            ...(typeof time === 'string' ? legacyTime(time) : {}),
            source: this.source(jsonPointer(section, name)),
          },
          raw: { [name]: time },
        };
      }
    }
  }

  private source(pointer: string): SourceRef {
    return { captureId: this.ctx.capture.id, path: this.ctx.member.path, pointer };
  }
}

// ---- mappings: export fields → Item fields ----

type Draft = Omit<ItemDraft, 'platform' | 'source' | 'actor'>;

/** posts_1.json / stories / reels: single-media posts keep the caption in media[0].title only. */
function postDraft(post: IgPost): Draft {
  const text = nonEmpty(post.title) ?? post.media.map((m) => nonEmpty(m.title)).find((t) => t !== undefined);
  const seconds = post.creation_timestamp ?? post.media.find((m) => m.creation_timestamp !== undefined)?.creation_timestamp;
  return {
    kind: 'post',
    text,
    time: epochSeconds(seconds),
    media: post.media.map(mediaOf),
    place: post.media.map(placeOf).find((p) => p !== undefined),
    ...tagsOf(text),
  };
}

function mediaOf(m: IgMedia): Media {
  return { uri: nonEmpty(m.uri), caption: nonEmpty(m.title), takenAt: epochSeconds(m.creation_timestamp) };
}

/** Photo/video EXIF coordinates, when the export kept them (0/0 means "not recorded"). */
function placeOf(m: IgMedia): Place | undefined {
  const meta = m.media_metadata;
  const exif = [...(meta?.photo_metadata?.exif_data ?? []), ...(meta?.video_metadata?.exif_data ?? [])].find(
    (e) => e.latitude !== undefined && e.longitude !== undefined && (e.latitude !== 0 || e.longitude !== 0),
  );
  return exif ? { lat: exif.latitude, lon: exif.longitude } : undefined;
}

/**
 * liked_posts.json / liked_comments.json: `title` = owner of the liked post, `string_list_data[0]` =
 * {href of the post, value = reaction emoji, timestamp}. A file in `string_map_data` form (reported
 * for late-2025 exports, shape unconfirmed) is read by structure: the entry with an href and the one
 * with a timestamp.
 */
function likeDraft(entry: IgListEntry, targetKind: 'post' | 'comment'): Draft {
  const values = [...(entry.string_list_data ?? []), ...mapEntries(entry.string_map_data)];
  const href = values.find((v) => v.href)?.href;
  const reaction = nonEmpty(entry.string_list_data?.[0]?.value);
  return {
    kind: 'reaction',
    reaction: reaction ?? 'LIKE',
    target: { kind: targetKind, handle: nonEmpty(entry.title), url: nonEmpty(href) },
    time: epochSeconds(values.find((v) => v.timestamp !== undefined)?.timestamp),
  };
}

/**
 * story_likes.json → `story_activities_story_likes`: `title` = the story's account, and
 * `string_list_data[0]` holds only the time (a story expires: no href, no reaction value).
 */
function storyLikeDraft(entry: IgListEntry): Draft {
  const like = likeDraft(entry, 'post');
  const handle = like.target?.handle;
  return { ...like, target: { ...like.target, url: like.target?.url ?? (handle ? `https://www.instagram.com/${handle}` : undefined) } };
}

/**
 * story_interactions/{polls,emoji_sliders,quizzes,questions}.json (story_sticker_interactions/ in
 * 2021–23): `{"story_activities_<sticker>": [{title, string_list_data: [{value?, href?, timestamp}]}]}`.
 * The layout is that of donated real exports (a data-donation port's key trees, a Danish export's
 * emoji_sliders.json): `title` is the story's account, as in story_likes.json. What `value` holds
 * (the option chosen? the answer typed?) no real sample shows — the one seen is empty — so it is
 * neither the owner's words nor the story's: the item carries the act and the account only, and the
 * value stays in the raw fragment kept as evidence.
 */
const STORY_STICKERS: Record<string, string> = {
  story_activities_polls: 'POLL_VOTE',
  story_activities_emoji_sliders: 'EMOJI_SLIDER',
  story_activities_quizzes: 'QUIZ_ANSWER',
  story_activities_questions: 'QUESTION_ANSWER',
};
const STORY_STICKER_KEYS = Object.keys(STORY_STICKERS);

/** The act a sticker file records, named by its wrapper key. */
function stickerAct(doc: unknown): string {
  const key = isRecord(doc) ? STORY_STICKER_KEYS.find((k) => Array.isArray(doc[k])) : undefined;
  return (key && STORY_STICKERS[key]) ?? 'STORY_STICKER';
}

/** One sticker answer: the act on the story's account (`title`), at its time; `value` is left out (above). */
function storyStickerDraft(entry: IgListEntry, act: string): Draft {
  const handle = nonEmpty(entry.title);
  return {
    kind: 'reaction',
    reaction: act,
    target: { kind: 'post', handle, url: handle ? `https://www.instagram.com/${handle}` : undefined },
    time: epochSeconds(entry.string_list_data?.find((v) => v.timestamp !== undefined)?.timestamp),
  };
}

/** post_comments*.json: old `{title: owner, string_list_data:[{value, timestamp}]}`, new `string_map_data`. */
function commentDraft(entry: IgListEntry): Draft {
  let text: string | undefined;
  let owner: string | undefined;
  let seconds: number | undefined;
  if (entry.string_map_data) {
    const resolved = resolveStringMap(entry.string_map_data);
    text = resolved.comment?.value;
    owner = resolved.owner?.value;
    seconds = resolved.time?.timestamp;
  } else {
    const first = entry.string_list_data?.[0];
    text = first?.value;
    owner = entry.title;
    seconds = first?.timestamp;
  }
  return {
    kind: 'comment',
    text,
    target: nonEmpty(owner) ? { kind: 'post', handle: nonEmpty(owner) } : undefined,
    time: epochSeconds(seconds),
    ...tagsOf(text),
  };
}

/** following.json: the username sits in `value` (older) or only in `title` (newer); href as last resort. */
function followDraft(entry: IgListEntry): Draft {
  const first = entry.string_list_data?.[0];
  const handle = nonEmpty(entry.title) ?? nonEmpty(first?.value) ?? lastPathSegment(first?.href);
  return {
    kind: 'follow',
    target: { kind: 'account', handle, url: nonEmpty(first?.href) ?? (handle ? `https://www.instagram.com/${handle}` : undefined) },
    time: epochSeconds(first?.timestamp),
  };
}

/** following_hashtags.json: the hashtag name is the value (or the title). */
function followHashtagDraft(entry: IgListEntry): Draft {
  const first = entry.string_list_data?.[0];
  const tag = (nonEmpty(first?.value) ?? nonEmpty(entry.title))?.replace(/^#/, '');
  return {
    kind: 'follow',
    target: { kind: 'unknown', name: tag ? `#${tag}` : undefined, url: nonEmpty(first?.href) },
    hashtags: tag ? [tag] : [],
    time: epochSeconds(first?.timestamp),
  };
}

/** media.json (≤2020): `{photos|videos|stories: [{caption, taken_at, path, location}]}`. */
function legacyMediaDraft(m: z.infer<typeof LegacyMedia>): Draft {
  const text = nonEmpty(m.caption);
  const time = m.taken_at ? legacyTime(m.taken_at) : {};
  return {
    kind: 'post',
    text,
    ...time,
    media: [{ uri: nonEmpty(m.path), caption: text, takenAt: time.time }],
    place: nonEmpty(m.location) ? { name: m.location } : undefined,
    ...tagsOf(text),
  };
}

// ---- small helpers (each quirk in one place) ----

function epochSeconds(seconds: number | undefined): string | undefined {
  // beyond JavaScript's date range (a damaged file) the time is unknown, not a crash
  return seconds === undefined || !Number.isFinite(seconds) || seconds <= 0 || seconds > 8.64e9 ? undefined : new Date(seconds * 1000).toISOString();
}

/**
 * ≤2020 files write times as text ("2018-12-31T08:05:13", sometimes with an offset). Without an
 * offset the zone is not documented anywhere; it is read as UTC (the zone of every later IG
 * timestamp) and the original text is kept in timeRaw.
 */
function legacyTime(raw: string | undefined): { time?: string; timeRaw?: string } {
  if (!raw) return {};
  const hasZone = /(?:Z|[+-]\d\d:?\d\d)$/.test(raw);
  const ms = Date.parse(hasZone ? raw : `${raw}Z`);
  return Number.isNaN(ms) ? { timeRaw: raw } : { time: new Date(ms).toISOString(), timeRaw: raw };
}

function tagsOf(text: string | undefined): { hashtags: string[]; mentions: string[] } {
  return { hashtags: extractHashtags(text), mentions: extractMentions(text) };
}

function mapEntries(map: Record<string, unknown> | undefined): StringMapEntry[] {
  return Object.values(map ?? {}).flatMap((v) => {
    const parsed = StringMapEntry.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

function lastPathSegment(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parts = url.replace(/[?#].*$/, '').split('/').filter(Boolean);
  return parts[parts.length - 1];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
