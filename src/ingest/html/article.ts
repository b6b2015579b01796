// Any other page — news article, blog post, or a social page whose own markup gave nothing — read
// as one item from what pages declare about themselves: JSON-LD, OpenGraph / article meta, then
// the main text of <article>/<main>.
import type { CheerioAPI } from 'cheerio';
import { z } from 'zod';
import type { ItemDraft, Platform } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import { absoluteUrl, compact, isoUtc, pageItem, textWithBreaks, tidy, type PageContext, type PageInput, type PageParser } from './page.js';

const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'BlogPosting', 'ReportageNews', 'OpinionNewsArticle', 'SocialMediaPosting', 'DiscussionForumPosting', 'WebPage']);

const Person = z.union([z.string(), z.object({ name: z.string().optional(), url: z.string().optional() })]);
const JsonLdArticle = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  headline: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  articleBody: z.string().optional(),
  text: z.string().optional(),
  datePublished: z.string().optional(),
  url: z.string().optional(),
  author: z.union([Person, z.array(Person)]).optional(),
  image: z.union([z.string(), z.object({ url: z.string() }), z.array(z.union([z.string(), z.object({ url: z.string() })]))]).optional(),
});
type JsonLdArticle = z.infer<typeof JsonLdArticle>;

export const articleParser: PageParser = {
  id: 'html-web',
  platform: 'web',
  label: 'Web page / article (OpenGraph, JSON-LD)',
  matchesUrl: () => true,
  matchesMarkup: () => true,
  parse: (page, ctx) => articleItems(page, ctx, 'web'),
};

/** One item for the page; `platform` lets a social parser fall back to this for its own site. */
export function* articleItems(page: PageInput, ctx: PageContext, platform: Platform): Iterable<ParsedItem> {
  const { $ } = page;
  const meta = (key: string) => tidy($(`meta[property="${key}"], meta[name="${key}"]`).first().attr('content') ?? '') || undefined;
  const ld = jsonLdArticle($);
  const title = ld?.headline ?? ld?.name ?? meta('og:title') ?? (tidy($('title').first().text()) || undefined);
  const described = ld?.description ?? meta('og:description') ?? meta('description');
  // a social page read here lost its own data: its body is the site's chrome and other people's
  // comments, its description the post's own words; an article's body is the article
  const body = ld?.articleBody ?? ld?.text ?? (platform === 'web' ? (mainText($) ?? described) : (described ?? mainText($)));
  const text = [title, body].filter((p): p is string => Boolean(p)).join('\n\n') || undefined;
  if (!text) return;
  const timeRaw = ld?.datePublished ?? meta('article:published_time') ?? $('time[datetime]').first().attr('datetime') ?? meta('date');
  // a social page whose own data is gone (scripts removed) still names its author in its URL (/@user/video/…)
  const author = personName(ld?.author) ?? meta('author') ?? meta('article:author');
  const urlAuthor = platform === 'web' || author ? undefined : EMBED_AUTHOR.exec(page.url ?? '')?.[2];
  const image = absoluteUrl(imageUrl(ld?.image) ?? meta('og:image'), page.url);
  const permalink = absoluteUrl(ld?.url ?? $('link[rel="canonical"]').attr('href') ?? meta('og:url'), page.url) ?? page.url;
  const site = meta('og:site_name');
  const draft: ItemDraft = compact({
    platform,
    kind: 'post' as const,
    actor: author ? { kind: 'account' as const, name: author } : urlAuthor ? { kind: 'account' as const, handle: urlAuthor } : undefined,
    context: site || permalink ? compact({ kind: 'page' as const, name: site, url: permalink ? new URL(permalink).origin : undefined }) : undefined,
    text,
    time: isoUtc(timeRaw),
    timeRaw,
    media: image ? [{ url: image }] : [],
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
    permalink,
    source: { captureId: ctx.captureId, path: ctx.path, pointer: ld ? 'html:script[type="application/ld+json"]' : 'html:head > meta' },
  });
  yield pageItem(draft, { title, author, published: timeRaw, jsonLd: ld }, page);
  // a post the page embeds (a tweet, an Instagram or TikTok post, a Facebook post) is its own
  // author's: its own item, never part of the page author's text
  for (const [index, node] of $(EMBEDDED_POSTS).toArray().entries()) {
    const embed = $(node);
    const embedText = textWithBreaks($, embed) || undefined;
    if (!embedText) continue;
    const url = [embed.attr('cite'), embed.attr('data-instgrm-permalink'), embed.attr('data-href'), ...embed.find('a[href]').toArray().map((a) => $(a).attr('href'))]
      .map((u) => absoluteUrl(u, page.url))
      .find((u) => u !== undefined && EMBED_AUTHOR.test(u));
    const m = url ? EMBED_AUTHOR.exec(url) : null;
    const embedPlatform: Platform = !m ? platform : /twitter|x\.com/.test(m[1] ?? '') ? 'x' : /instagram/.test(m[1] ?? '') ? 'instagram' : /tiktok/.test(m[1] ?? '') ? 'tiktok' : 'facebook';
    const handle = m?.[2];
    yield pageItem(
      compact({
        platform: embedPlatform,
        kind: 'post' as const,
        actor: handle ? { kind: 'account' as const, handle } : undefined,
        text: embedText,
        hashtags: extractHashtags(embedText),
        mentions: extractMentions(embedText),
        permalink: url,
        source: { captureId: ctx.captureId, path: ctx.path, pointer: `html:${EMBEDDED_POSTS}@${index}` },
      }),
      { html: $.html(embed) },
      page,
    );
  }
}

/** Embedded posts of other sites, as their embed codes write them. */
const EMBEDDED_POSTS = 'blockquote.twitter-tweet, blockquote.instagram-media, blockquote.tiktok-embed, .fb-post, blockquote.threads-embed';
/** A post permalink on a social site → the site and its author's handle (/<handle>/status|p|video|posts/…, TikTok /@handle/video/…). */
const EMBED_AUTHOR = /^https?:\/\/(?:www\.|mobile\.)?(twitter\.com|x\.com|instagram\.com|tiktok\.com|facebook\.com)\/@?([A-Za-z0-9_.]{1,40})\/(?:status|p|reel|video|posts)\//;
/** Comment threads under a page's post: other people's words, not the page author's. */
const COMMENT_THREADS =
  '#comments, .comments, .comment-list, .commentlist, [itemprop="comment"], .fb-comments, ytd-comments, ytd-comment-thread-renderer, [data-e2e*="comment"], [role="article"][aria-label^="Komentar"], [role="article"][aria-label^="Comment"]';

function jsonLdArticle($: CheerioAPI): JsonLdArticle | undefined {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      continue;
    }
    const nodes = Array.isArray(data) ? data : [data, ...graphOf(data)];
    for (const node of nodes) {
      const parsed = JsonLdArticle.safeParse(node);
      if (!parsed.success) continue;
      const types = ([] as string[]).concat(parsed.data['@type']);
      if (types.some((t) => ARTICLE_TYPES.has(t) && t !== 'WebPage')) return parsed.data;
    }
  }
  return undefined;
}

function graphOf(data: unknown): unknown[] {
  const graph = (data as { '@graph'?: unknown } | null)?.['@graph'];
  return Array.isArray(graph) ? graph : [];
}

/** Paragraph text of the page's main content, with chrome (nav, header, footer, aside) left out. */
function mainText($: CheerioAPI): string | undefined {
  const root = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]'].map((s) => $(s).first()).find((el) => el.length) ?? $('body');
  const copy = root.clone();
  copy.find('script, style, noscript, nav, header, footer, aside, form, figure figcaption').remove();
  // embedded posts and comment threads are other people's words (embeds are items of their own)
  copy.find(`${EMBEDDED_POSTS}, ${COMMENT_THREADS}`).remove();
  const paragraphs = copy
    .find('p, h2, h3, li, blockquote')
    .toArray()
    .map((p) => textWithBreaks($, $(p)))
    .filter((t) => t.length > 0);
  const text = paragraphs.length ? paragraphs.join('\n\n') : textWithBreaks($, copy);
  return text || undefined;
}

function personName(author: JsonLdArticle['author']): string | undefined {
  const first = Array.isArray(author) ? author[0] : author;
  return typeof first === 'string' ? first : first?.name;
}

function imageUrl(image: JsonLdArticle['image']): string | undefined {
  const first = Array.isArray(image) ? image[0] : image;
  return typeof first === 'string' ? first : first?.url;
}
