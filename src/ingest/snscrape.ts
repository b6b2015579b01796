// snscrape's Twitter JSONL (`snscrape --jsonl twitter-search …`, formats.md; JustAnotherArchivist/
// snscrape snscrape/modules/twitter.py, the Tweet and User dataclasses): one Tweet per line, read by
// the generic table adapter (table.ts) for its text (`rawContent`, older `content`), `date`, `url`,
// `user{username, displayname}` and `hashtags` (a list of strings). This module reads the fields that
// carry what a reader of the tweet sees around it:
//   quotedTweet     → the quoted tweet is the context item the quoting post is read together with
//                     (quotedContext; pipeline/quote-context.ts), with its own author
//   retweetedTweet  → nothing to add: the row's text is snscrape's "RT @user: …" rendering of the
//                     original, read as the retweeter's post (its actor is the row's user)
//   mentionedUsers  → mentions
// The quoted author's text is never the subject's: the quoted tweet is not an item of the scan, only
// the message its quoting post is read together with.
import type { ItemDraft, Ref } from '../model/index.js';
import { extractHashtags } from '../text/tags.js';

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

function str(o: Obj, ...keys: string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v;
  }
  return undefined;
}

/** A status URL's account and id (ids are read from the URL: JSON numbers lose digits past 2^53). */
const STATUS_URL = /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)/;

/** A Tweet's id as written: its URL's, else a string id, else a number id only when it is exact. */
function tweetId(t: Obj): string | undefined {
  const url = str(t, 'url');
  const m = url ? STATUS_URL.exec(url) : null;
  if (m) return m[2];
  const id = t.id;
  if (typeof id === 'string' && /^\d+$/.test(id)) return id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
}

/** A User object → handle and display name. */
function userRef(v: unknown): Ref | undefined {
  const u = obj(v);
  if (!u) return undefined;
  const handle = str(u, 'username')?.replace(/^@/, '');
  const name = str(u, 'displayname', 'displayName');
  return handle || name ? { kind: 'account', ...(name && { name }), ...(handle && { handle }) } : undefined;
}

/**
 * Whether a row carries any field this module reads (cheap: most rows of most tables have none of
 * these keys, and snscrape writes them as null when empty), or is a Tweet (a user object beside
 * its url), whose platform the url tells.
 */
export function hasSnscrapeFields(row: Obj): boolean {
  return row.mentionedUsers != null || row.inReplyToUser != null || (typeof row.url === 'string' && obj(row.user) !== undefined);
}

/** Fill a row's draft from its snscrape fields (after table.ts built it from the usual columns). */
export function applySnscrapeFields(draft: Partial<ItemDraft>, row: Obj): void {
  // a Tweet line of a table without a platform column is an X post: its own URL says so
  if (draft.platform === 'table') {
    const url = str(row, 'url');
    if (url && STATUS_URL.test(url)) draft.platform = 'x';
  }
  // The kind and target are left as the table reader made them (a post by the row's user): a share
  // kind with the shared post as target (x.ts) changes what the rules read — field-texts.ts reads a
  // target's name and handle words ("Relawan Prabowo-Gibran" made a neutral quote a volunteer-page
  // share), and a retweet's text as a share lost its status finding — so it waits until measured.
  // The quote's context is given by quotedContext instead; a retweet's text is the original's.
  // a reply to another account (x.ts: in_reply_to_screen_name): a comment on that account's post,
  // the target by handle and id only, as x.ts gives it
  const repliedTo = userRef(row.inReplyToUser);
  const author = userRef(row.user);
  if (repliedTo?.handle && repliedTo.handle.toLowerCase() !== author?.handle?.toLowerCase()) {
    const replyId = row.inReplyToTweetId;
    const id = typeof replyId === 'string' && /^\d+$/.test(replyId) ? replyId : typeof replyId === 'number' && Number.isSafeInteger(replyId) ? String(replyId) : undefined;
    draft.kind = 'comment';
    draft.target = { kind: 'post', handle: repliedTo.handle, ...(id && { id }) };
  }
  if (Array.isArray(row.mentionedUsers)) {
    const listed = row.mentionedUsers.map((u) => userRef(u)?.handle).filter((h): h is string => h !== undefined);
    const seen = new Set<string>();
    draft.mentions = [...listed, ...(draft.mentions ?? [])].filter((h) => !seen.has(h.toLowerCase()) && seen.add(h.toLowerCase()));
  }
}

/**
 * The tweet a row quotes, as its own context item: its own author (the quoted tweet's user, not the row's), kind post,
 * its permalink and text, pointed at inside the row. Undefined for a row that quotes nothing or whose
 * quoted tweet has no text. A retweet has none: the row's text is the original's already.
 */
export function quotedContext(raw: unknown, source: { captureId: string; path: string; pointer: string }, platform: ItemDraft['platform']): ItemDraft | undefined {
  const row = obj(raw);
  const quoted = row && obj(row.quotedTweet);
  if (!quoted) return undefined;
  const text = str(quoted, 'rawContent', 'content', 'renderedContent');
  if (!text) return undefined;
  const actor = userRef(quoted.user);
  const url = str(quoted, 'url');
  const id = tweetId(quoted);
  const date = str(quoted, 'date');
  const time = date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : undefined;
  return {
    platform,
    kind: 'post',
    ...(actor && { actor }),
    text,
    ...(time && { time }),
    ...(date && { timeRaw: date }),
    ...(url && { permalink: url }),
    hashtags: extractHashtags(text),
    mentions: [],
    ...(id && { thread: { messageId: id } }),
    source: { ...source, pointer: `${source.pointer}/quotedTweet` },
  };
}
