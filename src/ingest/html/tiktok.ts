// TikTok profile and video pages (formats.md §7): `<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">`
// → __DEFAULT_SCOPE__["webapp.video-detail"].itemInfo.itemStruct (video) and
// ["webapp.user-detail"].userInfo (profile, sometimes with itemList); older pages use SIGI_STATE.
import { z } from 'zod';
import type { ItemDraft } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import { jsonPointer } from '../json.js';
import type { ParsedItem } from '../types.js';
import { scriptJson } from './embedded-json.js';
import { compact, isoUtc, pageItem, uniqueCaseless, type PageContext, type PageInput, type PageParser } from './page.js';

const Author = z.object({ uniqueId: z.string(), nickname: z.string().optional(), id: z.string().optional(), signature: z.string().optional() });

const ItemStruct = z.object({
  id: z.string(),
  desc: z.string().optional(),
  createTime: z.union([z.string(), z.number()]).optional(),
  author: z.union([Author, z.string()]).optional(),
  video: z.object({ cover: z.string().optional() }).optional(),
  textExtra: z.array(z.object({ hashtagName: z.string().optional(), userUniqueId: z.string().optional() })).optional(),
  stats: z.record(z.string(), z.unknown()).optional(),
});
type ItemStruct = z.infer<typeof ItemStruct>;

const Universal = z.object({
  __DEFAULT_SCOPE__: z.object({
    'webapp.video-detail': z.object({ statusCode: z.number().optional(), itemInfo: z.object({ itemStruct: z.unknown() }).optional() }).optional(),
    'webapp.user-detail': z
      .object({
        statusCode: z.number().optional(),
        userInfo: z.object({ user: z.unknown().optional(), itemList: z.array(z.unknown()).optional() }).optional(),
      })
      .optional(),
  }),
});

const Sigi = z.object({
  ItemModule: z.record(z.string(), z.unknown()).optional(),
  UserModule: z.object({ users: z.record(z.string(), z.unknown()) }).optional(),
});

/** statusCode values yt-dlp documents; anything else non-zero is reported as is */
const STATUS: Record<number, string> = { 10204: 'not found', 10216: 'private post', 10222: 'private account' };

export const tiktokParser: PageParser = {
  id: 'html-tiktok',
  platform: 'tiktok',
  label: 'TikTok profile / video page',
  matchesUrl: (url) => /(^|\.)tiktok\.com$/i.test(url.hostname),
  matchesMarkup: (html) => html.includes('__UNIVERSAL_DATA_FOR_REHYDRATION__') || html.includes('id="SIGI_STATE"'),
  parse: parseTiktokPage,
};

function* parseTiktokPage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const universal = Universal.safeParse(scriptJson(page.$, '__UNIVERSAL_DATA_FOR_REHYDRATION__'));
  if (universal.success) {
    const scope = universal.data.__DEFAULT_SCOPE__;
    const base = 'html:#__UNIVERSAL_DATA_FOR_REHYDRATION__';
    for (const [key, detail] of [['webapp.video-detail', scope['webapp.video-detail']], ['webapp.user-detail', scope['webapp.user-detail']]] as const) {
      if (detail?.statusCode) ctx.warn(`${ctx.path}: TikTok ${key} says ${STATUS[detail.statusCode] ?? `status ${detail.statusCode}`}`);
    }
    const video = scope['webapp.video-detail']?.itemInfo?.itemStruct;
    if (video !== undefined) yield* videoItems(video, `${base}${jsonPointer('__DEFAULT_SCOPE__', 'webapp.video-detail', 'itemInfo', 'itemStruct')}`, page, ctx);
    const userInfo = scope['webapp.user-detail']?.userInfo;
    if (userInfo?.user !== undefined) yield* profileItems(userInfo.user, `${base}${jsonPointer('__DEFAULT_SCOPE__', 'webapp.user-detail', 'userInfo', 'user')}`, page, ctx);
    for (const [i, item] of (userInfo?.itemList ?? []).entries()) {
      yield* videoItems(item, `${base}${jsonPointer('__DEFAULT_SCOPE__', 'webapp.user-detail', 'userInfo', 'itemList', i)}`, page, ctx);
    }
    return;
  }
  const sigi = Sigi.safeParse(scriptJson(page.$, 'SIGI_STATE'));
  if (sigi.success) {
    for (const [id, user] of Object.entries(sigi.data.UserModule?.users ?? {})) {
      yield* profileItems(user, `html:#SIGI_STATE${jsonPointer('UserModule', 'users', id)}`, page, ctx);
    }
    for (const [id, item] of Object.entries(sigi.data.ItemModule ?? {})) {
      yield* videoItems(item, `html:#SIGI_STATE${jsonPointer('ItemModule', id)}`, page, ctx);
    }
  }
}

function* videoItems(value: unknown, pointer: string, page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const parsed = ItemStruct.safeParse(value);
  if (!parsed.success) {
    ctx.warn(`${ctx.path}: TikTok video at ${pointer} has an unexpected shape — skipped`);
    return;
  }
  const v: ItemStruct = parsed.data;
  const author = typeof v.author === 'string' ? { uniqueId: v.author } : v.author;
  const text = v.desc || undefined;
  const tags = (v.textExtra ?? []).map((t) => t.hashtagName).filter((t): t is string => Boolean(t));
  const draft: ItemDraft = compact({
    platform: 'tiktok' as const,
    kind: 'post' as const,
    actor: author ? compact({ kind: 'account' as const, handle: author.uniqueId, name: author.nickname, id: author.id, url: `https://www.tiktok.com/@${author.uniqueId}` }) : undefined,
    text,
    time: isoUtc(v.createTime),
    timeRaw: v.createTime === undefined ? undefined : String(v.createTime),
    media: v.video?.cover ? [{ url: v.video.cover, mediaType: 'image/jpeg' }] : [],
    hashtags: uniqueCaseless([...tags, ...extractHashtags(text)]),
    mentions: extractMentions(text),
    permalink: author ? `https://www.tiktok.com/@${author.uniqueId}/video/${v.id}` : undefined,
    source: { captureId: ctx.captureId, path: ctx.path, pointer },
  });
  // stats (plays, likes …) are counters: kept in the raw fragment only
  yield pageItem(draft, { itemStruct: value }, page);
}

function* profileItems(value: unknown, pointer: string, page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const user = Author.safeParse(value);
  if (!user.success) return;
  const text = user.data.signature || undefined;
  const draft: ItemDraft = compact({
    platform: 'tiktok' as const,
    kind: 'profile' as const,
    actor: compact({ kind: 'account' as const, handle: user.data.uniqueId, name: user.data.nickname, id: user.data.id, url: `https://www.tiktok.com/@${user.data.uniqueId}` }),
    text,
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
    permalink: `https://www.tiktok.com/@${user.data.uniqueId}`,
    source: { captureId: ctx.captureId, path: ctx.path, pointer },
  });
  yield pageItem(draft, { user: value }, page);
}
