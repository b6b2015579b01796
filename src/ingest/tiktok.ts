// TikTok "Download your data" (JSON: user_data.json, 2024+ user_data_tiktok.json) → Items
// (formats.md §4). Top-level keys were renamed over time (`Activity` → `Your Activity`, `Video`
// → `Post`, …); every list is looked up under its newer path first, then the older ones.
import { z } from 'zod';
import type { ItemDraft, Ref } from '../model/index.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { jsonPointer, parseJsonMember } from './json.js';
import { t } from '../i18n/index.js';
import { socialMessages as msg } from '../i18n/platforms-social.js';
import { MemberFormatError, type Adapter, type AdapterContext, type ParsedItem } from './types.js';

const FILE_NAME = /(?:^|\/)user_data(?:_tiktok)?\.json$/;
const TOP_KEY = /"(?:Activity|Your Activity|Video|Post|Comment|Profile|Profile And Settings|App Settings|Direct Messages?|Likes and Favorites|Tiktok Live|Ads and data)"\s*:/;

export function isTikTokFile(path: string, head: Buffer): boolean {
  return FILE_NAME.test(path) && TOP_KEY.test(head.toString('utf8'));
}

// ---- shapes: every value is a string ("N/A" when empty); key case differs between lists ----

const Entry = z.looseObject({
  Date: z.string().optional(),
  date: z.string().optional(),
  Link: z.string().optional(),
  link: z.string().optional(),
  VideoLink: z.string().optional(),
});
const VideoEntry = Entry.extend({ Title: z.string().optional(), Location: z.string().optional() });
const CommentEntry = Entry.extend({
  comment: z.string().optional(),
  Comment: z.string().optional(),
  url: z.string().optional(),
  photo: z.string().optional(),
});
const FollowingEntry = Entry.extend({ UserName: z.string() });
const ShareEntry = Entry.extend({ SharedContent: z.string().optional(), Method: z.string().optional() });

type Draft = Omit<ItemDraft, 'platform' | 'source' | 'actor'>;

interface ListSpec<S extends z.ZodType> {
  /** key paths, newest export generation first */
  paths: string[][];
  schema: S;
  map: (entry: z.output<S>) => Draft;
}

const ACTIVITY_ROOTS = ['Your Activity', 'Likes and Favorites', 'Activity'];
const underActivity = (...rest: string[]): string[][] => ACTIVITY_ROOTS.map((root) => [root, ...rest]);

function spec<S extends z.ZodType>(s: ListSpec<S>): ListSpec<S> {
  return s;
}

const LISTS = [
  spec({
    paths: [['Post', 'Posts', 'VideoList'], ['Video', 'Videos', 'VideoList']],
    schema: VideoEntry,
    map: (e) => {
      const text = present(e.Title);
      return {
        kind: 'post',
        text,
        ...tikTokTime(e),
        permalink: present(linkOf(e)),
        place: present(e.Location) ? { name: e.Location } : undefined,
        hashtags: extractHashtags(text),
        mentions: extractMentions(text),
      };
    },
  }),
  spec({
    paths: underActivity('Like List', 'ItemFavoriteList'),
    schema: Entry,
    map: (e) => ({ kind: 'reaction', reaction: 'LIKE', target: videoRef(linkOf(e)), ...tikTokTime(e) }),
  }),
  spec({
    paths: underActivity('Favorite Videos', 'FavoriteVideoList'),
    schema: Entry,
    map: (e) => ({ kind: 'reaction', reaction: 'FAVORITE', target: videoRef(linkOf(e)), ...tikTokTime(e) }),
  }),
  spec({
    paths: [['Comment', 'Comments', 'CommentsList'], ['Comment', 'CommentsList']],
    schema: CommentEntry,
    map: (e) => {
      const text = e.comment ?? e.Comment;
      const photo = present(e.photo);
      return {
        kind: 'comment',
        text,
        // Whether `url` is the commented video is unconfirmed (formats.md §4); kept as the target link.
        target: present(e.url) ? videoRef(e.url) : undefined,
        ...tikTokTime(e),
        media: photo ? [{ url: photo }] : [],
        hashtags: extractHashtags(text),
        mentions: extractMentions(text),
      };
    },
  }),
  spec({
    // newest exports keep the lists of accounts under `Profile And Settings` → `Following` (seen in an
    // anonymiser written against a real 2025 export, which reads every list there; the list's own key
    // is not shown, so any list under it is read)
    paths: [...underActivity('Following', 'Following'), ...underActivity('Following List', 'Following'), ['Profile And Settings', 'Following', '*']],
    schema: FollowingEntry,
    map: (e) => ({
      kind: 'follow',
      target: { kind: 'account', handle: e.UserName, url: `https://www.tiktok.com/@${e.UserName}` },
      ...tikTokTime(e),
    }),
  }),
  spec({
    paths: underActivity('Share History', 'ShareHistoryList'),
    schema: ShareEntry,
    map: (e) => ({
      kind: 'share',
      target: videoRef(linkOf(e)) ?? { kind: 'unknown', name: present(e.SharedContent) },
      context: present(e.Method) ? { kind: 'unknown', name: e.Method } : undefined,
      ...tikTokTime(e),
    }),
  }),
];

export const tiktokAdapter: Adapter = {
  id: 'tiktok',
  platform: 'tiktok',
  label: 'TikTok (Download your data, JSON)',
  input: 'buffer',
  authorship: 'owner',
  detect: isTikTokFile,
  read(source, ctx) {
    if (!Buffer.isBuffer(source)) throw new TypeError('the tiktok adapter reads whole files (input: buffer)');
    const doc = parseJsonMember(source, ctx.member.path, ctx.options.limits?.maxJsonDepth);
    if (!isRecord(doc)) throw new MemberFormatError(ctx.member.path, t(msg.unexpectedShape, { expected: '{…}' }));
    return readTikTok(doc, ctx);
  },
};

function* readTikTok(doc: Record<string, unknown>, ctx: AdapterContext): Generator<ParsedItem> {
  const actor = profileOf(doc);
  for (const list of LISTS) {
    const found = firstList(doc, list.paths);
    if (!found) continue;
    for (let i = 0; i < found.items.length; i++) {
      const raw = found.items[i];
      const pointer = jsonPointer(...found.path, i);
      const parsed = list.schema.safeParse(raw);
      if (!parsed.success) {
        ctx.warn(t(msg.entrySkipped, { path: ctx.member.path, pointer }));
        continue;
      }
      const draft = (list.map as (e: unknown) => Draft)(parsed.data);
      yield {
        draft: { ...draft, platform: 'tiktok', actor, source: { captureId: ctx.capture.id, path: ctx.member.path, pointer } },
        raw,
      };
    }
  }
}

/** The list at the first path that holds one; a `*` step takes the first key holding a list. */
function firstList(doc: Record<string, unknown>, paths: string[][]): { path: string[]; items: unknown[] } | undefined {
  for (const path of paths) {
    let node: unknown = doc;
    const found: string[] = [];
    for (const key of path) {
      const step = key === '*' && isRecord(node) ? Object.keys(node).find((k) => Array.isArray((node as Record<string, unknown>)[k])) : key;
      node = step !== undefined && isRecord(node) ? node[step] : undefined;
      if (step !== undefined) found.push(step);
    }
    if (Array.isArray(node)) return { path: found, items: node };
  }
  return undefined;
}

/**
 * The export owner from Profile → Profile Info (older: Profile Information; newest exports: the
 * section `Profile And Settings`) → ProfileMap.userName. The handle is all TikTok gives: ProfileMap
 * holds no display name in any real layout found (userName, bioDescription, birthDate, emailAddress,
 * telephoneNumber, likesReceived, profilePhoto, profileVideo, PlatformInfo), and the shop's
 * Autofill name is a delivery address, not the account's.
 */
function profileOf(doc: Record<string, unknown>): Ref | undefined {
  const profile = doc['Profile'] ?? doc['Profile And Settings'];
  const info = isRecord(profile) ? (profile['Profile Info'] ?? profile['Profile Information']) : undefined;
  const map = isRecord(info) ? info['ProfileMap'] : undefined;
  const userName = isRecord(map) && typeof map['userName'] === 'string' ? present(map['userName']) : undefined;
  return userName ? { kind: 'account', handle: userName, url: `https://www.tiktok.com/@${userName}` } : undefined;
}

/**
 * "2024-05-02 10:00:00": TikTok writes no zone and none is documented. It is read as UTC (what
 * parsers of real exports assume; unconfirmed, formats.md §0.2) and the text is kept in timeRaw.
 */
export function parseTikTokDate(raw: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The like list writes `date`/`link` in lower case while its sibling lists use `Date`/`Link`. */
function tikTokTime(e: z.infer<typeof Entry>): { time?: string; timeRaw?: string } {
  const raw = present(e.Date ?? e.date);
  return raw ? { time: parseTikTokDate(raw), timeRaw: raw } : {};
}

/** `Link`; lower-case `link` in newer like lists; `VideoLink` in older (≈2021–22) exports. */
function linkOf(e: z.infer<typeof Entry>): string | undefined {
  return present(e.Link ?? e.link ?? e.VideoLink);
}

/**
 * The export's share links (`tiktokv.com/share/video/<id>/`) name only the video; a web link
 * (`tiktok.com/@<user>/video/<id>`) also names its author, who is then the target's handle.
 */
function videoRef(url: string | undefined): Ref | undefined {
  if (!url) return undefined;
  const handle = /tiktok\.com\/@([A-Za-z0-9._]{1,24})\/video\//i.exec(url)?.[1];
  return { kind: 'video', id: /\/video\/(\d+)/.exec(url)?.[1], url, ...(handle && { handle }) };
}

/** TikTok writes "N/A" (or "") for an empty field. */
function present(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' && s.trim() !== 'N/A' ? s : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
