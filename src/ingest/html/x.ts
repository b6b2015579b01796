// X / Twitter pages saved from a logged-in browser (profile timelines are behind a login wall since
// mid-2023, formats.md §7). The rendered DOM marks its parts with stable data-testid attributes:
// article[data-testid=tweet] → tweetText, time[datetime] inside the status link, User-Name,
// socialContext ("reposted"), tweetPhoto; UserDescription is the profile bio.
import type { ItemDraft, Media } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import { compact, isoUtc, mediaRef, pageItem, textWithBreaks, tidy, type PageContext, type PageInput, type PageParser } from './page.js';

const NOT_PROFILES = new Set(['i', 'home', 'search', 'explore', 'notifications', 'messages', 'settings', 'hashtag', 'intent']);

export const xParser: PageParser = {
  id: 'html-x',
  platform: 'x',
  label: 'X / Twitter saved page',
  matchesUrl: (url) => /(^|\.)(x\.com|twitter\.com)$/i.test(url.hostname),
  matchesMarkup: (html) => html.includes('data-testid="tweet"'),
  parse: parseXPage,
};

function* parseXPage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const { $ } = page;
  const pageHandle = profileHandle(page.url);
  const bio = $('[data-testid="UserDescription"]').first();
  if (bio.length && pageHandle) {
    const text = textWithBreaks($, bio) || undefined;
    const name = tidy($('[data-testid="UserName"] span').first().text()) || undefined;
    yield pageItem(
      compact({
        platform: 'x' as const,
        kind: 'profile' as const,
        actor: compact({ kind: 'account' as const, handle: pageHandle, name, url: `https://x.com/${pageHandle}` }),
        text,
        hashtags: extractHashtags(text),
        mentions: extractMentions(text),
        permalink: `https://x.com/${pageHandle}`,
        source: { captureId: ctx.captureId, path: ctx.path, pointer: 'html:[data-testid="UserDescription"]' },
      }),
      { html: $.html(bio) },
      page,
    );
  }
  for (const node of $('article[data-testid="tweet"]').toArray()) {
    const tweet = $(node);
    const time = tweet.find('time[datetime]').first();
    const status = /\/([A-Za-z0-9_]{1,15})\/status\/(\d+)/.exec(time.closest('a').attr('href') ?? '');
    if (!status?.[1] || !status[2]) continue;
    const [, author, id] = status;
    // a quote tweet holds the quoted tweet (its own User-Name and tweetText) after the quoting one's:
    // text after the second User-Name is the quoted author's words, never the quoting author's
    let names = 0;
    let textEl: ReturnType<typeof $> | undefined;
    let quoted: string | undefined;
    for (const el of tweet.find('[data-testid="User-Name"], [data-testid="tweetText"]').toArray()) {
      const part = $(el);
      if (part.attr('data-testid') === 'User-Name') {
        if (++names === 2) quoted = /@([A-Za-z0-9_]{1,15})/.exec(part.text())?.[1] ?? 'i';
      } else if (names < 2 && !textEl) textEl = part;
    }
    const text = textEl?.length ? textWithBreaks($, textEl) || undefined : undefined;
    const name = tidy(tweet.find('[data-testid="User-Name"] span').first().text()) || undefined;
    const permalink = `https://x.com/${author}/status/${id}`;
    // on a profile timeline, a tweet by someone else under a "reposted" line is the profile's repost
    const reposted = tweet.find('[data-testid="socialContext"]').length > 0 && pageHandle !== undefined && author.toLowerCase() !== pageHandle.toLowerCase();
    if (!text && quoted && !reposted) continue;
    const media: Media[] = tweet
      .find('[data-testid="tweetPhoto"] img')
      .toArray()
      .map((img) => compact({ ...mediaRef($(img).attr('src'), page, ctx), caption: $(img).attr('alt') || undefined }));
    const draft: ItemDraft = compact({
      platform: 'x' as const,
      kind: reposted || quoted ? ('share' as const) : ('post' as const),
      actor: reposted
        ? { kind: 'account' as const, handle: pageHandle, url: `https://x.com/${pageHandle}` }
        : compact({ kind: 'account' as const, handle: author, name, url: `https://x.com/${author}` }),
      target: reposted ? compact({ kind: 'post' as const, handle: author, name, url: permalink }) : quoted ? compact({ kind: 'post' as const, handle: quoted === 'i' ? undefined : quoted }) : undefined,
      text,
      time: isoUtc(time.attr('datetime')),
      timeRaw: time.attr('datetime'),
      media,
      hashtags: extractHashtags(text),
      mentions: extractMentions(text),
      permalink,
      source: { captureId: ctx.captureId, path: ctx.path, pointer: `html:article[data-testid="tweet"]:has(a[href$="/status/${id}"])` },
    });
    yield pageItem(draft, { html: $.html(tweet) }, page);
  }
}

function profileHandle(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const first = new URL(url).pathname.split('/')[1];
  return first && /^[A-Za-z0-9_]{1,15}$/.test(first) && !NOT_PROFILES.has(first.toLowerCase()) ? first : undefined;
}
