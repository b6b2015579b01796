// X / Twitter archive (formats.md §3) → Items. Files read: data/tweets.js (older tweet.js, big
// archives tweets-part1.js …), like.js, following.js; account.js is consulted for the owner's handle.
//   tweet      → post; retweet / quote → share (target = original post and its author);
//                reply to another account → comment (target = the replied-to post)
//   like       → reaction LIKE (archives record no time for likes: time stays undefined)
//   following  → follow (account id + link only: archives hold no screen names here)
import { z } from 'zod';
import type { ItemDraft, Media, Place, Ref } from '../model/index.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { jsonPointer } from './json.js';
import { ownerFileOnlyElsewhere } from './export-root.js';
import { t } from '../i18n/index.js';
import { socialMessages as msg } from '../i18n/platforms-social.js';
import { MemberFormatError, type Adapter, type AdapterContext, type Member, type ParsedItem } from './types.js';
import { decodeHtmlEntities, parseTwitterDate, ytdRecords } from './x-archive.js';

type XFile = 'tweets' | 'likes' | 'following';

const FILE_NAMES: ReadonlyArray<[RegExp, XFile]> = [
  [/^tweets?(?:-part\d+)?\.js$/, 'tweets'],
  [/^like(?:-part\d+)?\.js$/, 'likes'],
  [/^following(?:-part\d+)?\.js$/, 'following'],
];

function xFileKind(path: string): XFile | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return FILE_NAMES.find(([pattern]) => pattern.test(base))?.[1];
}

/** Classify by base name; the `window.YTD.` assignment at the start proves it is an X archive file. */
export function classifyXFile(path: string, head: Buffer): XFile | undefined {
  const file = xFileKind(path);
  return file && /^(?:\uFEFF)?\s*window\.YTD\./.test(head.toString('utf8')) ? file : undefined;
}

// ---- shapes: every number is a string in archives; only fields that are read are checked ----

const IdLike = z.union([z.string(), z.number()]).transform(String);
const MediaEntity = z.looseObject({
  type: z.string().optional(),
  url: z.string().optional(),
  media_url: z.string().optional(),
  media_url_https: z.string().optional(),
});
type MediaEntity = z.infer<typeof MediaEntity>;
const UrlEntity = z.looseObject({ url: z.string().optional(), expanded_url: z.string().nullish() });
const Tweet = z.looseObject({
  id_str: z.string().optional(),
  id: IdLike.optional(),
  created_at: z.string().optional(),
  full_text: z.string().optional(),
  text: z.string().optional(),
  lang: z.string().optional(),
  in_reply_to_status_id_str: z.string().nullish(),
  in_reply_to_screen_name: z.string().nullish(),
  retweeted_status: z
    .looseObject({ id_str: z.string().optional(), user: z.looseObject({ screen_name: z.string().optional() }).optional() })
    .optional(),
  quoted_status_permalink: z.looseObject({ expanded: z.string().optional() }).optional(),
  entities: z
    .looseObject({
      hashtags: z.array(z.looseObject({ text: z.string() })).optional(),
      user_mentions: z.array(z.looseObject({ screen_name: z.string() })).optional(),
      urls: z.array(UrlEntity).optional(),
      media: z.array(MediaEntity).optional(),
    })
    .optional(),
  extended_entities: z.looseObject({ media: z.array(MediaEntity).optional() }).optional(),
  coordinates: z.looseObject({ coordinates: z.array(z.coerce.number()) }).nullish(),
  place: z.looseObject({ full_name: z.string().optional() }).nullish(),
});
type Tweet = z.infer<typeof Tweet>;
/** Archives since 2020 wrap each tweet as {"tweet": {…}}; 2019 and older list bare tweet objects. */
const TweetRecord = z.union([z.looseObject({ tweet: Tweet }), Tweet.transform((tweet) => ({ tweet }))]);
const LikeRecord = z.looseObject({
  like: z.looseObject({ tweetId: IdLike, fullText: z.string().optional(), expandedUrl: z.string().optional() }),
});
const FollowingRecord = z.looseObject({
  following: z.looseObject({ accountId: IdLike, userLink: z.string().optional() }),
});
const AccountRecord = z.looseObject({
  account: z.looseObject({
    accountId: IdLike.optional(),
    username: z.string().optional(),
    accountDisplayName: z.string().optional(),
  }),
});

export const xAdapter: Adapter = {
  id: 'x',
  platform: 'x',
  label: 'X / Twitter archive',
  // tweets.js of a long-lived account runs to hundreds of MB: read one record at a time
  input: 'stream',
  authorship: 'owner',
  detect: (path, head) => classifyXFile(path, head) !== undefined,
  read(source, ctx) {
    const file = xFileKind(ctx.member.path);
    if (file === undefined) throw new TypeError(`x adapter called for a file it does not claim: ${ctx.member.path}`);
    return readXFile(file, ytdRecords(source, ctx.member.path, ctx.options.limits), ctx);
  },
};

async function* readXFile(file: XFile, records: AsyncIterable<{ index: number; value: unknown }>, ctx: AdapterContext): AsyncGenerator<ParsedItem> {
  const owner = await readAccount(ctx);
  // an archive without account.js beside other people's archives: nothing says it is the subject's
  const othersArchive = owner === undefined && (ownerFileOnlyElsewhere(ctx, 'data/account.js') || ownerFileOnlyElsewhere(ctx, 'account.js'));
  for await (const { index, value: raw } of records) {
    const pointer = jsonPointer(index);
    const draft = mapRecord(file, raw, owner, ctx);
    if (draft === undefined) {
      ctx.warn(t(msg.entrySkipped, { path: ctx.member.path, pointer }));
      continue;
    }
    const source = { captureId: ctx.capture.id, path: ctx.member.path, pointer };
    yield { draft: { ...draft, platform: 'x', actor: owner, source }, raw, ...(othersArchive && { byOwner: false }) };
  }
}

type Draft = Omit<ItemDraft, 'platform' | 'source' | 'actor'>;

function mapRecord(file: XFile, raw: unknown, owner: Ref | undefined, ctx: AdapterContext): Draft | undefined {
  switch (file) {
    case 'tweets': {
      const parsed = TweetRecord.safeParse(raw);
      return parsed.success ? tweetDraft(parsed.data.tweet, owner, ctx) : undefined;
    }
    case 'likes': {
      const parsed = LikeRecord.safeParse(raw);
      return parsed.success ? likeDraft(parsed.data.like) : undefined;
    }
    case 'following': {
      const parsed = FollowingRecord.safeParse(raw);
      return parsed.success ? followingDraft(parsed.data.following) : undefined;
    }
  }
}

function tweetDraft(tweet: Tweet, owner: Ref | undefined, ctx: AdapterContext): Draft | undefined {
  const id = tweet.id_str ?? tweet.id;
  if (id === undefined) return undefined;
  const text = tweetText(tweet);
  const urls = (tweet.entities?.urls ?? []).map((u) => u.expanded_url ?? u.url ?? '').filter(Boolean);
  const shared = sharedPost(tweet, text, urls, owner?.handle);
  const repliedTo = tweet.in_reply_to_screen_name
    ? {
        kind: 'post' as const,
        handle: tweet.in_reply_to_screen_name,
        id: tweet.in_reply_to_status_id_str ?? undefined,
        url: tweet.in_reply_to_status_id_str ? statusUrl(tweet.in_reply_to_screen_name, tweet.in_reply_to_status_id_str) : undefined,
      }
    : undefined;
  const isReplyToOther = repliedTo !== undefined && !sameHandle(repliedTo.handle, owner?.handle);
  const link = urls.find((u) => !STATUS_URL.test(u));
  const hashtags = tweet.entities?.hashtags?.map((h) => h.text);
  const mentions = tweet.entities?.user_mentions?.map((m) => m.screen_name);
  return {
    kind: shared ? 'share' : isReplyToOther ? 'comment' : 'post',
    target: shared ?? repliedTo,
    text,
    time: tweet.created_at ? parseTwitterDate(tweet.created_at) : undefined,
    timeRaw: tweet.created_at,
    lang: tweet.lang === 'in' ? 'id' : tweet.lang === 'und' ? undefined : tweet.lang,
    media: (tweet.extended_entities?.media ?? tweet.entities?.media ?? []).map((m) => mediaOf(m, id, ctx)),
    link: link ? { url: link } : undefined,
    place: placeOf(tweet),
    hashtags: hashtags?.length ? hashtags : extractHashtags(text),
    mentions: mentions?.length ? mentions : extractMentions(text),
    permalink: statusUrl(owner?.handle, id),
  };
}

/** full_text (older: text), HTML entities decoded, t.co links replaced by the links that were written. */
function tweetText(tweet: Tweet): string | undefined {
  const raw = tweet.full_text ?? tweet.text;
  if (raw === undefined) return undefined;
  let text = decodeHtmlEntities(raw);
  for (const u of tweet.entities?.urls ?? []) if (u.url && u.expanded_url) text = text.split(u.url).join(u.expanded_url);
  return text;
}

const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)/;
const RETWEET_PREFIX = /^RT @([A-Za-z0-9_]{1,15}):/;

/**
 * The post a tweet shares: a retweet (`retweeted_status`, or the "RT @user:" text archives keep)
 * or a quote (`quoted_status_permalink`, or a link to another account's status).
 */
function sharedPost(tweet: Tweet, text: string | undefined, urls: string[], ownHandle: string | undefined): Ref | undefined {
  const rt = tweet.retweeted_status;
  const rtHandle = rt?.user?.screen_name ?? (text ? RETWEET_PREFIX.exec(text)?.[1] : undefined);
  if (rt || rtHandle) {
    return { kind: 'post', handle: rtHandle, id: rt?.id_str, url: rt?.id_str ? statusUrl(rtHandle, rt.id_str) : undefined };
  }
  for (const url of [tweet.quoted_status_permalink?.expanded, ...urls]) {
    const m = url ? STATUS_URL.exec(url) : null;
    if (m && m[1] !== 'i' && !sameHandle(m[1], ownHandle)) return { kind: 'post', handle: m[1], id: m[2], url: statusUrl(m[1], m[2] ?? '') };
  }
  return undefined;
}

/** Media of a tweet; the file itself is in data/tweets_media/ (older tweet_media/) as "<tweet id>-<name>". */
function mediaOf(m: MediaEntity, tweetId: string, ctx: AdapterContext): Media {
  const url = m.media_url_https ?? m.media_url;
  const name = url?.slice(url.lastIndexOf('/') + 1);
  const local = name ? findBeside(ctx, `tweets_media/${tweetId}-${name}`) ?? findBeside(ctx, `tweet_media/${tweetId}-${name}`) : undefined;
  return {
    uri: local?.path,
    url,
    mediaType: mediaTypeOf(m.type, name),
  };
}

/** Videos and GIFs are served as MP4; photos as JPEG unless the file name says PNG. */
function mediaTypeOf(type: string | undefined, name: string | undefined): string | undefined {
  if (type === 'video' || type === 'animated_gif') return 'video/mp4';
  if (type !== 'photo') return undefined;
  return /\.png$/i.test(name ?? '') ? 'image/png' : 'image/jpeg';
}

function placeOf(tweet: Tweet): Place | undefined {
  const [lon, lat] = tweet.coordinates?.coordinates ?? [];
  const name = tweet.place?.full_name;
  if (lat === undefined && lon === undefined && !name) return undefined;
  return { name, lat, lon };
}

/** like.js: the liked tweet's id, text and link; `text` holds the liked text so rules can read it. */
function likeDraft(like: z.infer<typeof LikeRecord>['like']): Draft {
  const text = like.fullText !== undefined ? decodeHtmlEntities(like.fullText) : undefined;
  const author = like.expandedUrl ? STATUS_URL.exec(like.expandedUrl)?.[1] : undefined;
  return {
    kind: 'reaction',
    reaction: 'LIKE',
    target: {
      kind: 'post',
      id: like.tweetId,
      handle: author && author !== 'i' ? author : undefined,
      url: like.expandedUrl ?? statusUrl(undefined, like.tweetId),
    },
    text,
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
  };
}

function followingDraft(f: z.infer<typeof FollowingRecord>['following']): Draft {
  return { kind: 'follow', target: { kind: 'account', id: f.accountId, url: f.userLink } };
}

/**
 * A file of the same archive: first next to the member being read (an input can hold several
 * archives), then anywhere in the input (split archives).
 */
function findBeside(ctx: AdapterContext, name: string): Member | undefined {
  const dir = ctx.member.path.slice(0, ctx.member.path.lastIndexOf('/') + 1);
  return (dir ? ctx.findMember(dir + name) : undefined) ?? ctx.findMember(`data/${name}`) ?? ctx.findMember(name);
}

function statusUrl(handle: string | undefined, id: string): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
}

function sameHandle(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/** The archive owner from data/account.js, when the input holds it (a missing/bad file only warns). */
async function readAccount(ctx: AdapterContext): Promise<Ref | undefined> {
  // the owner of this archive only: a neighbouring archive in the same folder is another person's
  const member = ctx.findExportFile('data/account.js') ?? ctx.findExportFile('account.js');
  if (!member) return undefined;
  try {
    let record: unknown;
    for await (const { index, value } of ytdRecords(await member.open(), member.path)) if (index === 0) record = value;
    const first = AccountRecord.safeParse(record);
    if (!first.success) throw new MemberFormatError(member.path, t(msg.unexpectedShape, { expected: '[{"account": {…}}]' }));
    const { username, accountId, accountDisplayName } = first.data.account;
    return { kind: 'account', handle: username, id: accountId, name: accountDisplayName, url: username ? `https://x.com/${username}` : undefined };
  } catch (err) {
    const detail = err instanceof MemberFormatError ? err.detail : err instanceof Error ? err.message : String(err);
    ctx.warn(t(msg.xAccountUnread, { path: member.path, detail }));
    return undefined;
  }
}
