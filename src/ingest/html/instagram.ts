// Instagram pages saved from a logged-in browser (anonymous profile pages redirect to a login,
// formats.md §7). Class names are obfuscated, so only structure is read: a post page's caption <h1>
// and time[datetime] under <article>/<main>; a profile's bio (header <h1>) and its grid of /p/ and
// /reel/ links, whose image alt text Instagram writes itself ("Foto oleh … pada …", often with the
// text seen in the image).
import type { ItemDraft } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import { absoluteUrl, compact, isoUtc, mediaRef, pageItem, textWithBreaks, tidy, type PageContext, type PageInput, type PageParser } from './page.js';

const POST_PATH = /^\/(?:[A-Za-z0-9_.]+\/)?(p|reel)\/([A-Za-z0-9_-]+)/;
const NOT_PROFILES = new Set(['p', 'reel', 'reels', 'explore', 'accounts', 'stories', 'direct']);

export const instagramParser: PageParser = {
  id: 'html-instagram',
  platform: 'instagram',
  label: 'Instagram saved page',
  matchesUrl: (url) => /(^|\.)instagram\.com$/i.test(url.hostname),
  matchesMarkup: (html) => /<meta[^>]+content=["']instagram:\/\//i.test(html) || html.includes('static.cdninstagram.com'),
  parse: parseInstagramPage,
};

function* parseInstagramPage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const { $ } = page;
  const path = page.url ? new URL(page.url).pathname : '';
  const post = POST_PATH.exec(path);
  const source = (pointer: string) => ({ captureId: ctx.captureId, path: ctx.path, pointer });
  if (post) {
    // a single post: caption in the first <h1>, the owner as the first profile link in the header
    const root = $('article').first().length ? $('article').first() : $('main').first();
    const caption = root.find('h1').first();
    const text = caption.length ? textWithBreaks($, caption) || undefined : undefined;
    const timeRaw = root.find('time[datetime]').first().attr('datetime');
    const owner = root
      .find('header a[href], a[role="link"][href]')
      .toArray()
      .map((a) => profileOf($(a).attr('href')))
      .find((h): h is string => Boolean(h));
    if (!text && !timeRaw) return;
    const draft: ItemDraft = compact({
      platform: 'instagram' as const,
      kind: 'post' as const,
      actor: owner ? { kind: 'account' as const, handle: owner, url: `https://www.instagram.com/${owner}/` } : undefined,
      text,
      time: isoUtc(timeRaw),
      timeRaw,
      media: root
        .find('img[alt]')
        .toArray()
        .map((img) => compact({ ...mediaRef($(img).attr('src'), page, ctx), caption: $(img).attr('alt') || undefined }))
        .filter((m) => m.caption),
      hashtags: extractHashtags(text),
      mentions: extractMentions(text),
      permalink: `https://www.instagram.com/${post[1]}/${post[2]}/`,
      source: source(caption.length ? 'html:article h1' : 'html:article time[datetime]'),
    });
    yield pageItem(draft, { html: $.html(caption.length ? caption : root.find('time').first()) }, page);
    return;
  }
  const handle = profileOf(path);
  const bio = $('header h1').first();
  if (handle && bio.length) {
    // a profile's bio is the <h1> of its header (the display name is the span before it)
    const text = textWithBreaks($, bio) || undefined;
    const name = tidy(bio.prev('span').text()) || undefined;
    yield pageItem(
      compact({
        platform: 'instagram' as const,
        kind: 'profile' as const,
        actor: compact({ kind: 'account' as const, handle, name, url: `https://www.instagram.com/${handle}/` }),
        text,
        hashtags: extractHashtags(text),
        mentions: extractMentions(text),
        permalink: `https://www.instagram.com/${handle}/`,
        source: source('html:header h1'),
      }),
      { html: $.html(bio.parent()) },
      page,
    );
  }
  const seen = new Set<string>();
  for (const node of $('a[href]').toArray()) {
    const link = $(node);
    const href = absoluteUrl(link.attr('href'), page.url ?? 'https://www.instagram.com/');
    const m = href ? POST_PATH.exec(new URL(href).pathname) : null;
    if (!m || seen.has(m[2] ?? '')) continue;
    seen.add(m[2] ?? '');
    const alt = tidy(link.find('img[alt]').first().attr('alt') ?? '') || undefined;
    if (!alt) continue;
    // a link that names its post's owner (/<owner>/p/<code>/: a tagged or collab post in the grid) is that owner's
    const linkOwner = href ? /^\/([A-Za-z0-9_.]+)\/(?:p|reel)\//.exec(new URL(href).pathname)?.[1] : undefined;
    const by = linkOwner && !NOT_PROFILES.has(linkOwner) ? linkOwner : handle;
    const draft: ItemDraft = compact({
      platform: 'instagram' as const,
      kind: 'post' as const,
      actor: by ? { kind: 'account' as const, handle: by, url: `https://www.instagram.com/${by}/` } : undefined,
      media: [{ ...mediaRef(link.find('img').first().attr('src'), page, ctx), caption: alt }],
      hashtags: extractHashtags(alt),
      mentions: [],
      permalink: `https://www.instagram.com/${m[1]}/${m[2]}/`,
      source: source(`html:a[href*="/${m[1]}/${m[2]}/"]`),
    });
    yield pageItem(draft, { html: $.html(link) }, page);
  }
}

function profileOf(href: string | undefined): string | undefined {
  const first = /^(?:https?:\/\/(?:www\.)?instagram\.com)?\/([A-Za-z0-9_.]{1,30})\/?$/.exec(href ?? '')?.[1];
  return first && !NOT_PROFILES.has(first) ? first : undefined;
}
