// YouTube channel and watch pages (formats.md §7): the data sits in `ytInitialPlayerResponse`
// (watch page: videoDetails + microformat) and `ytInitialData` (channel: channelMetadataRenderer,
// videoRenderer / lockupViewModel grid items, backstagePostRenderer community posts).
import { z } from 'zod';
import type { ItemDraft, Ref } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import { jsonPointer } from '../json.js';
import type { ParsedItem } from '../types.js';
import { assignedJson, findKeyed } from './embedded-json.js';
import { visibleDate } from './visible-date.js';
import { absoluteUrl, compact, isoUtc, pageItem, parseCount, textWithBreaks, tidy, type PageContext, type PageInput, type PageParser } from './page.js';

const Text = z.object({
  simpleText: z.string().optional(),
  runs: z.array(z.object({ text: z.string() })).optional(),
  content: z.string().optional(),
});
type Text = z.infer<typeof Text>;

const PlayerResponse = z.object({
  videoDetails: z
    .object({
      videoId: z.string(),
      title: z.string().optional(),
      shortDescription: z.string().optional(),
      channelId: z.string().optional(),
      author: z.string().optional(),
      viewCount: z.string().optional(),
      keywords: z.array(z.string()).optional(),
    })
    .optional(),
  microformat: z
    .object({
      playerMicroformatRenderer: z
        .object({ publishDate: z.string().optional(), uploadDate: z.string().optional(), ownerProfileUrl: z.string().optional() })
        .optional(),
    })
    .optional(),
});

const ChannelMetadata = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  externalId: z.string().optional(),
  vanityChannelUrl: z.string().optional(),
  channelUrl: z.string().optional(),
});

const VideoRenderer = z.object({
  videoId: z.string(),
  title: Text.optional(),
  descriptionSnippet: Text.optional(),
  publishedTimeText: Text.optional(),
  viewCountText: Text.optional(),
});

const LockupViewModel = z.object({
  contentId: z.string(),
  metadata: z.object({
    lockupMetadataViewModel: z.object({
      title: Text,
      metadata: z
        .object({
          contentMetadataViewModel: z
            .object({ metadataRows: z.array(z.object({ metadataParts: z.array(z.object({ text: Text })).optional() })).optional() })
            .optional(),
        })
        .optional(),
    }),
  }),
});

const BackstagePost = z.object({
  postId: z.string(),
  contentText: Text.optional(),
  publishedTimeText: Text.optional(),
  authorText: Text.optional(),
});

/** A community post sharing another channel's post: the sharer's words in `content`, the original under `originalPost`. */
const SharedPost = z.object({
  postId: z.string(),
  content: Text.optional(),
  publishedTimeText: Text.optional(),
  originalPost: z.object({ backstagePostRenderer: BackstagePost }).optional(),
});

export const youtubeParser: PageParser = {
  id: 'html-youtube',
  platform: 'youtube',
  label: 'YouTube channel / video page',
  matchesUrl: (url) => /(^|\.)(youtube\.com|youtu\.be)$/i.test(url.hostname),
  // a page saved without its scripts keeps YouTube's own elements (ytd-app) and the player's og:video
  matchesMarkup: (html) => /\bytInitial(Data|PlayerResponse)\s*=/.test(html) || /<ytd-app\b/.test(html),
  parse: parseYoutubePage,
};

function* parseYoutubePage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const source = (pointer: string) => ({ captureId: ctx.captureId, path: ctx.path, pointer });
  const player = PlayerResponse.safeParse(assignedJson(page.html, 'ytInitialPlayerResponse'));
  const details = player.success ? player.data.videoDetails : undefined;
  if (details && player.success) {
    // a watch page: the one video. Its ytInitialData holds other people's recommended videos, not read.
    // Uploader keywords are not written tags: kept in the raw fragment (videoDetails), not as hashtags.
    const micro = player.data.microformat?.playerMicroformatRenderer;
    const draft = youtubeDraft({
      kind: 'post',
      actor: compact({
        kind: 'account' as const,
        name: details.author,
        id: details.channelId,
        url: micro?.ownerProfileUrl ?? (details.channelId ? `https://www.youtube.com/channel/${details.channelId}` : undefined),
      }),
      text: joinText(details.title, details.shortDescription),
      time: publishTime(micro?.publishDate ?? micro?.uploadDate),
      timeRaw: micro?.publishDate ?? micro?.uploadDate,
      ...video(details.videoId),
      source: source('html:ytInitialPlayerResponse/videoDetails'),
    });
    yield pageItem(draft, { videoDetails: details, microformat: micro, views: parseCount(details.viewCount) }, page);
    return;
  }

  const data = assignedJson(page.html, 'ytInitialData');
  if (data === undefined) {
    // a watch page saved without its scripts (SingleFile) still has the video's microdata and DOM
    const watch = watchPageDom(page, ctx);
    if (watch) {
      yield watch;
      return;
    }
    ctx.warn(`${ctx.path}: YouTube page without ytInitialData (saved without scripts?) — only page metadata read`);
    return;
  }
  const channel = firstValid(data, 'channelMetadataRenderer', ChannelMetadata);
  const actor: Ref | undefined = channel
    ? compact({ kind: 'account' as const, name: channel.value.title, id: channel.value.externalId, url: channel.value.vanityChannelUrl ?? channel.value.channelUrl })
    : undefined;
  if (channel) {
    yield pageItem(
      youtubeDraft({ kind: 'profile', actor, text: channel.value.description || undefined, permalink: actor?.url, source: source(`html:ytInitialData${jsonPointer(...channel.path)}`) }),
      { channelMetadataRenderer: channel.value },
      page,
    );
  }
  const seen = new Set<string>();
  for (const key of ['videoRenderer', 'gridVideoRenderer']) {
    for (const { value, path } of findKeyed(data, key)) {
      const v = VideoRenderer.safeParse(value);
      if (!v.success || seen.has(v.data.videoId)) continue;
      seen.add(v.data.videoId);
      const text = joinText(textOf(v.data.title), textOf(v.data.descriptionSnippet));
      yield pageItem(
        videoDraft(v.data.videoId, text, textOf(v.data.publishedTimeText), actor, source(`html:ytInitialData${jsonPointer(...path)}`)),
        { [key]: value, views: parseCount(textOf(v.data.viewCountText)) },
        page,
      );
    }
  }
  for (const { value, path } of findKeyed(data, 'lockupViewModel')) {
    const v = LockupViewModel.safeParse(value);
    if (!v.success || seen.has(v.data.contentId)) continue;
    seen.add(v.data.contentId);
    const meta = v.data.metadata.lockupMetadataViewModel;
    const parts = (meta.metadata?.contentMetadataViewModel?.metadataRows ?? []).flatMap((r) => r.metadataParts ?? []).map((p) => textOf(p.text) ?? '');
    // metadata parts read like ["1,2 rb x ditonton", "2 hari yang lalu"]: the last is the relative date
    yield pageItem(
      videoDraft(v.data.contentId, textOf(meta.title), parts.at(-1) || undefined, actor, source(`html:ytInitialData${jsonPointer(...path)}`)),
      { lockupViewModel: value },
      page,
    );
  }
  for (const { value, path } of findKeyed(data, 'backstagePostRenderer')) {
    const p = BackstagePost.safeParse(value);
    // a post inside a share is the original channel's words: read with its share below
    if (!p.success || path.includes('sharedPostRenderer')) continue;
    yield pageItem(
      youtubeDraft({ kind: 'post', actor, text: textOf(p.data.contentText), ...communityPost(p.data, source(`html:ytInitialData${jsonPointer(...path)}`)) }),
      { backstagePostRenderer: value },
      page,
    );
  }
  for (const { value, path } of findKeyed(data, 'sharedPostRenderer')) {
    const p = SharedPost.safeParse(value);
    if (!p.success) continue;
    const original = p.data.originalPost?.backstagePostRenderer;
    const own = textOf(p.data.content)?.trim() || undefined;
    // the original's words are the share's text only when the channel wrote none (as for a Facebook share)
    const text = own ?? textOf(original?.contentText);
    if (!text) continue;
    yield pageItem(
      youtubeDraft({
        kind: 'share',
        actor,
        target: original ? compact({ kind: 'post' as const, name: textOf(original.authorText), url: postUrl(original.postId) }) : { kind: 'post' as const },
        text,
        ...communityPost(p.data, source(`html:ytInitialData${jsonPointer(...path)}`)),
      }),
      { sharedPostRenderer: value },
      page,
    );
  }
}

/**
 * A watch page whose scripts were removed: the VideoObject microdata YouTube writes into the page
 * (`meta[itemprop=uploadDate]`, `span[itemprop=author] > link[itemprop=name|url]`), the rendered
 * title, description and channel link, then the OG tags. Comments under the video are other
 * people's words and are never read; an uploader the page does not name leaves the item without one.
 */
function watchPageDom(page: PageInput, ctx: PageContext): ParsedItem | undefined {
  const { $ } = page;
  const meta = (selector: string) => tidy($(selector).first().attr('content') ?? '') || undefined;
  const videoId = watchVideoId(page.url) ?? meta('meta[itemprop="videoId"], meta[itemprop="identifier"]') ?? watchVideoId(meta('meta[property="og:url"]'));
  const videoObject = $('[itemtype$="schema.org/VideoObject"]').first();
  if (!videoId || (!videoObject.length && !$('ytd-watch-metadata, ytd-watch-flexy').length)) return undefined;
  const title =
    tidy($('ytd-watch-metadata h1, #title h1').first().text()) || (tidy(videoObject.children('meta[itemprop="name"]').first().attr('content') ?? '') || undefined) || meta('meta[property="og:title"]') || meta('meta[name="title"]');
  const rendered = $('ytd-watch-metadata #description-inline-expander, ytd-text-inline-expander, #description #description-inline-expander, ytd-expander#description').first();
  // the view count and date line above the description is YouTube's, not the uploader's words
  const info = rendered.find('#info-container, ytd-watch-info-text').toArray();
  const shown = rendered.clone();
  shown.find('#info-container, ytd-watch-info-text').remove();
  const description = (rendered.length ? textWithBreaks($, shown) : '') || meta('meta[itemprop="description"]') || meta('meta[property="og:description"]') || meta('meta[name="description"]');
  const author = $('[itemprop="author"]').first();
  const channelLink = $('ytd-video-owner-renderer ytd-channel-name a[href], #owner ytd-channel-name a[href], #upload-info ytd-channel-name a[href]').first();
  const name = tidy(author.find('[itemprop="name"]').first().attr('content') ?? '') || tidy(channelLink.text()) || undefined;
  const channelUrl = absoluteUrl(author.find('link[itemprop="url"]').first().attr('href') ?? channelLink.attr('href'), page.url ?? 'https://www.youtube.com/');
  const channelId = meta('meta[itemprop="channelId"]') ?? /\/channel\/(UC[\w-]{22})/.exec(channelUrl ?? '')?.[1];
  // the visible date ("6 Feb 2024") only when the microdata has none, in the saved page's zone
  const shownDate = $(info)
    .find('span')
    .toArray()
    .map((el) => tidy($(el).text()))
    .find((t) => visibleDate(t, page.about.savedAt, page.savedOffset).time);
  const timeRaw = meta('meta[itemprop="uploadDate"]') ?? meta('meta[itemprop="datePublished"]') ?? shownDate;
  const text = joinText(title, description);
  if (!text) return undefined;
  return pageItem(
    youtubeDraft({
      kind: 'post',
      actor: name || channelUrl ? compact({ kind: 'account' as const, name, id: channelId, url: channelUrl }) : undefined,
      text,
      time: timeRaw === shownDate ? visibleDate(shownDate, page.about.savedAt, page.savedOffset).time : publishTime(timeRaw),
      timeRaw,
      ...video(videoId),
      source: { captureId: ctx.captureId, path: ctx.path, pointer: videoObject.length ? 'html:[itemtype$="schema.org/VideoObject"]' : 'html:ytd-watch-metadata' },
    }),
    { title, description, uploader: compact({ name, url: channelUrl }), uploadDate: timeRaw },
    page,
  );
}

function watchVideoId(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (!/(^|\.)(youtube\.com|youtu\.be)$/i.test(u.hostname)) return undefined;
    const id = u.hostname.endsWith('youtu.be') ? u.pathname.slice(1) : u.pathname === '/watch' ? u.searchParams.get('v') : /^\/(?:shorts|live)\/([\w-]{11})/.exec(u.pathname)?.[1];
    return id && /^[\w-]{11}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A grid video. YouTube shows only a relative date here ("2 hari yang lalu", localised), kept as
 * timeRaw; the absolute date is on the video's own page.
 */
function videoDraft(videoId: string, text: string | undefined, timeRaw: string | undefined, actor: Ref | undefined, source: ItemDraft['source']): ItemDraft {
  return youtubeDraft({ kind: 'post', actor, text, timeRaw, ...video(videoId), source });
}

/** What a YouTube page reader gives of one item; the platform and the text's tags are the same for all. */
type YoutubeFields = Pick<ItemDraft, 'kind' | 'actor' | 'target' | 'text' | 'time' | 'timeRaw' | 'media' | 'permalink' | 'source'>;

/** One item of a YouTube page: the reader's fields, with the hashtags and mentions its text carries. */
function youtubeDraft(f: YoutubeFields): ItemDraft {
  // the members in the order every reader wrote them, absent ones left out (compact)
  return compact({
    platform: 'youtube' as const,
    kind: f.kind,
    actor: f.actor,
    target: f.target,
    text: f.text,
    time: f.time,
    timeRaw: f.timeRaw,
    media: f.media,
    hashtags: extractHashtags(f.text),
    mentions: extractMentions(f.text),
    permalink: f.permalink,
    source: f.source,
  });
}

/** A video's own page: its permalink, and the video as the item's media. */
function video(videoId: string): Pick<ItemDraft, 'media' | 'permalink'> {
  const permalink = `https://www.youtube.com/watch?v=${videoId}`;
  return { media: [{ url: permalink, mediaType: 'video/*' }], permalink };
}

/** A community post (its own or a share): the relative date YouTube shows, its permalink, where it was read. */
function communityPost(post: { postId: string; publishedTimeText?: Text | undefined }, source: ItemDraft['source']): Pick<ItemDraft, 'timeRaw' | 'permalink' | 'source'> {
  return { timeRaw: textOf(post.publishedTimeText), permalink: postUrl(post.postId), source };
}

function postUrl(postId: string): string {
  return `https://www.youtube.com/post/${postId}`;
}

/**
 * publishDate is ISO with offset on current pages ("2024-01-04T20:00:03-08:00"); older pages give a
 * bare date, which yt-dlp notes is a US/Pacific day: taken as that day's start in PST (08:00 UTC).
 */
function publishTime(value: string | undefined): string | undefined {
  if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T08:00:00.000Z`;
  return isoUtc(value);
}

function firstValid<T>(root: unknown, key: string, schema: z.ZodType<T>): { value: T; path: Array<string | number> } | undefined {
  for (const { value, path } of findKeyed(root, key)) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { value: parsed.data, path };
  }
  return undefined;
}

function textOf(t: Text | undefined): string | undefined {
  return t?.simpleText ?? t?.content ?? (t?.runs ? t.runs.map((r) => r.text).join('') : undefined);
}

function joinText(...parts: Array<string | undefined>): string | undefined {
  return parts.filter((p): p is string => Boolean(p?.trim())).join('\n\n') || undefined;
}
