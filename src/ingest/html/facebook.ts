// Facebook pages saved from a logged-in browser (formats.md §7: post-render DOM, obfuscated class
// names). Read by role and data attributes only: each top-level [role=article] is a post, its text
// in [data-ad-comet-preview=message] (or the older data-ad-preview), the author in the heading
// link, the permalink the first /posts/, /permalink/, story_fbid, /videos/ or /photo link.
import type { ItemDraft } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import { absoluteUrl, compact, isoUtc, pageItem, textWithBreaks, tidy, type PageContext, type PageInput, type PageParser } from './page.js';

const PERMALINK = /\/posts\/|\/permalink\/|[?&]story_fbid=|\/videos\/|\/photo(?:s\/|\/?\?)|\/reel\//;
/** query members Facebook adds for tracking; dropped so the same post has one permalink */
/** aria-label of a comment's [role=article] in the languages seen or expected (en, id) */
const COMMENT_LABEL = /^(comment|reply|komentar|balasan)\b/i;
const TRACKING = ['__cft__[0]', '__tn__', '__xts__[0]', 'comment_id', 'ref', 'mibextid'];

export const facebookParser: PageParser = {
  id: 'html-facebook',
  platform: 'facebook',
  label: 'Facebook saved page',
  matchesUrl: (url) => /(^|\.)(facebook\.com|fb\.com)$/i.test(url.hostname),
  matchesMarkup: (html) => html.includes('data-ad-comet-preview') || html.includes('static.xx.fbcdn.net'),
  parse: parseFacebookPage,
};

function* parseFacebookPage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const { $ } = page;
  const posts = $('[role="article"]')
    .toArray()
    .filter((el) => $(el).parents('[role="article"]').length === 0);
  for (const [index, node] of posts.entries()) {
    const post = $(node);
    // a post that embeds someone else's post (a share, a comment thread) holds [role=article]s of its
    // own: their text is their authors', never this post's author's own words
    const own = (el: Parameters<typeof $>[0]) => $(el).parents('[role="article"]').first().is(node);
    const messages = post.find('[data-ad-comet-preview="message"], [data-ad-preview="message"]').toArray();
    const ownMessage = messages.find(own);
    // a comment under the post is an [role=article] too ("Comment by …" / "Komentar dari …"): never shared by the post's author
    const embedded = ownMessage
      ? undefined
      : messages.map((el) => $(el).parents('[role="article"]').first()).find((a) => a.length > 0 && !a.is(node) && !COMMENT_LABEL.test(a.attr('aria-label') ?? ''));
    const message = ownMessage ? $(ownMessage) : embedded ? embedded.find('[data-ad-comet-preview="message"], [data-ad-preview="message"]').first() : undefined;
    const text = message?.length ? textWithBreaks($, message) || undefined : undefined;
    if (!text) continue;
    const authorLink = $(post.find('h2 a[href], h3 a[href], h4 a[href], strong a[href]').toArray().find(own) ?? post.find('h2 a[href], h3 a[href], h4 a[href], strong a[href]').first());
    const author = tidy(authorLink.text()) || undefined;
    // the embedded post's author, when the text is theirs (this post shares it)
    const sharedLink = embedded?.find('h2 a[href], h3 a[href], h4 a[href], strong a[href]').first();
    const sharedAuthor = sharedLink?.length ? tidy(sharedLink.text()) || undefined : undefined;
    const link = post
      .find('a[href]')
      .toArray()
      .map((a) => $(a))
      .find((a) => PERMALINK.test(a.attr('href') ?? ''));
    // the visible post time is the permalink's own text ("5 Januari pukul 19.20"); old pages had abbr[data-utime]
    const utime = post.find('abbr[data-utime]').first().attr('data-utime');
    const linkText = tidy(link?.text() ?? '');
    const draft: ItemDraft = compact({
      platform: 'facebook' as const,
      kind: embedded ? ('share' as const) : ('post' as const),
      actor: author ? compact({ kind: 'account' as const, name: author, url: cleanUrl(absoluteUrl(authorLink.attr('href'), page.url)) }) : undefined,
      target: embedded ? compact({ kind: 'post' as const, name: sharedAuthor, url: sharedLink?.length ? cleanUrl(absoluteUrl(sharedLink.attr('href'), page.url)) : undefined }) : undefined,
      text,
      time: isoUtc(utime),
      timeRaw: utime ?? (linkText && linkText.length <= 40 ? linkText : undefined),
      hashtags: extractHashtags(text),
      mentions: extractMentions(text),
      permalink: cleanUrl(absoluteUrl(link?.attr('href'), page.url)),
      source: { captureId: ctx.captureId, path: ctx.path, pointer: `html:[role="article"]@${index}` },
    });
    yield pageItem(draft, { html: $.html(post) }, page);
  }
}

function cleanUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = new URL(url);
  for (const key of TRACKING) u.searchParams.delete(key);
  return u.href;
}
