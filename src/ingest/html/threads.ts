// Threads post pages (formats.md §7): the thread sits in `<script type="application/json" data-sjs>`
// blobs ("ScheduledServerJS" … `thread_items[]`, each with post{code, caption.text, taken_at,
// user{username, pk}}). The page is one account's post: its author is the page URL's @user (else the
// first thread item's user). Their own items of the thread (the post, their own continuations) are
// read; replies by anyone else are other people's words and never become items. A page saved
// without its scripts keeps only the OG tags: the post text, with the URL's @user as its author.
import type { CheerioAPI } from 'cheerio';
import { z } from 'zod';
import type { ItemDraft, Ref } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import { jsonPointer } from '../json.js';
import { findKeyed } from './embedded-json.js';
import { compact, isoUtc, pageItem, tidy, type PageContext, type PageInput, type PageParser } from './page.js';

const ThreadPost = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  pk: z.union([z.string(), z.number()]).optional(),
  code: z.string(),
  caption: z.object({ text: z.string().optional() }).nullable().optional(),
  taken_at: z.union([z.number(), z.string()]).optional(),
  user: z.object({ username: z.string(), pk: z.union([z.string(), z.number()]).optional(), full_name: z.string().optional() }),
  image_versions2: z.object({ candidates: z.array(z.object({ url: z.string() })).optional() }).nullable().optional(),
});
type ThreadPost = z.infer<typeof ThreadPost>;

const ThreadItem = z.object({ post: ThreadPost });

const POST_URL = /^\/@([A-Za-z0-9_.]{1,30})\/post\/([A-Za-z0-9_-]+)/;

export const threadsParser: PageParser = {
  id: 'html-threads',
  // a Threads account is its Instagram account (same username): the subject's Instagram handle names it
  platform: 'instagram',
  label: 'Threads post page',
  matchesUrl: (url) => /(^|\.)threads\.(net|com)$/i.test(url.hostname),
  matchesMarkup: (html) => html.includes('"thread_items"') || /<meta[^>]+content=["']https:\/\/www\.threads\.(net|com)\//i.test(html),
  parse: parseThreadsPage,
};

function* parseThreadsPage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const { $ } = page;
  const fromUrl = page.url ? POST_URL.exec(new URL(page.url).pathname) : null;
  const posts = threadPosts($);
  // whose page this is: the URL's @user, else the author of the thread's first post
  const owner = (fromUrl?.[1] ?? posts[0]?.post.user.username)?.toLowerCase();
  let count = 0;
  for (const { post, pointer } of posts) {
    if (post.user.username.toLowerCase() !== owner) continue;
    const text = post.caption?.text || undefined;
    const image = post.image_versions2?.candidates?.[0]?.url;
    const draft: ItemDraft = compact({
      platform: 'instagram' as const,
      kind: 'post' as const,
      actor: userRef(post.user.username, post.user.full_name, post.user.pk),
      text,
      time: isoUtc(post.taken_at),
      timeRaw: post.taken_at === undefined ? undefined : String(post.taken_at),
      media: image ? [{ url: image, mediaType: 'image/jpeg' }] : [],
      hashtags: extractHashtags(text),
      mentions: extractMentions(text),
      permalink: `https://www.threads.net/@${post.user.username}/post/${post.code}`,
      source: { captureId: ctx.captureId, path: ctx.path, pointer },
    });
    count++;
    yield pageItem(draft, { threadPost: post }, page);
  }
  if (count > 0 || posts.length > 0) return;
  // no thread data (scripts removed): the OG tags describe the page's own post
  const meta = (key: string) => tidy($(`meta[property="${key}"], meta[name="${key}"]`).first().attr('content') ?? '') || undefined;
  const text = meta('og:description') ?? meta('description');
  if (!text || !fromUrl?.[1] || !fromUrl[2]) return;
  // the post's own time is the one inside its permalink (a reply's time sits in the reply's link)
  const timeRaw = $(`a[href*="/post/${fromUrl[2]}"] time[datetime]`).first().attr('datetime');
  yield pageItem(
    compact({
      platform: 'instagram' as const,
      kind: 'post' as const,
      actor: userRef(fromUrl[1], ogName(meta('og:title'), fromUrl[1])),
      text,
      time: isoUtc(timeRaw),
      timeRaw,
      hashtags: extractHashtags(text),
      mentions: extractMentions(text),
      permalink: `https://www.threads.net/@${fromUrl[1]}/post/${fromUrl[2]}`,
      source: { captureId: ctx.captureId, path: ctx.path, pointer: 'html:head > meta[property="og:description"]' },
    }),
    { title: meta('og:title') },
    page,
  );
}

/** Every thread item's post in the page's data-sjs blobs, in document order, each once. */
function threadPosts($: CheerioAPI): Array<{ post: ThreadPost; pointer: string }> {
  const out: Array<{ post: ThreadPost; pointer: string }> = [];
  const seen = new Set<string>();
  for (const [n, el] of $('script[type="application/json"]').toArray().entries()) {
    const body = $(el).text();
    if (!body.includes('thread_items')) continue;
    let data: unknown;
    try {
      data = JSON.parse(body) as unknown;
    } catch {
      continue;
    }
    for (const { value, path } of findKeyed(data, 'thread_items')) {
      if (!Array.isArray(value)) continue;
      for (const [i, entry] of value.entries()) {
        const item = ThreadItem.safeParse(entry);
        if (!item.success || seen.has(item.data.post.code)) continue;
        seen.add(item.data.post.code);
        out.push({ post: item.data.post, pointer: `html:script[type="application/json"]@${n}${jsonPointer(...path, i, 'post')}` });
      }
    }
  }
  return out;
}

function userRef(username: string, name: string | undefined, pk?: string | number): Ref {
  return compact({ kind: 'account' as const, handle: username, name, id: pk === undefined ? undefined : String(pk), url: `https://www.threads.net/@${username}` });
}

/** "Budi Santoso (@budi.asn) on Threads" / "… di Threads" → "Budi Santoso" (only when it names the same @user). */
function ogName(title: string | undefined, username: string): string | undefined {
  const m = /^(.*?)\s*\(@([A-Za-z0-9_.]+)\)/.exec(title ?? '');
  return m?.[1] && m[2]?.toLowerCase() === username.toLowerCase() ? m[1] : undefined;
}
