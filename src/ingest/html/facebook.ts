// Facebook pages saved from a logged-in browser (formats.md §7: post-render DOM, obfuscated class
// names). Read by role and data attributes only: each top-level [role=article] is a post, its text
// in [data-ad-comet-preview=message] (or the older data-ad-preview), the author in the heading
// link, the permalink the first /posts/, /permalink/, story_fbid, /videos/ or /photo link.
//
// A share holds the shared post inside the sharer's: either as an [role=article] of its own, or
// (as Facebook renders an attached post) after a second author heading. Everything from that point
// on is the original author's: their words are the share's text only when the sharer wrote none,
// and the item is then the sharer's share of their post, never the sharer's own post.
import type { CheerioAPI } from 'cheerio';
import type { ItemDraft } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import { absoluteUrl, compact, isoUtc, pageItem, textWithBreaks, tidy, type PageContext, type PageInput, type PageParser } from './page.js';
import { visibleDate } from './visible-date.js';

/** one DOM node (cheerio does not re-export its node type) */
type Node = Parameters<CheerioAPI['contains']>[0];

const PERMALINK = /\/posts\/|\/permalink\/|[?&]story_fbid=|\/videos\/|\/photo(?:s\/|\/?\?)|\/reel\//;
/** aria-label of a comment's [role=article] in the languages seen or expected (en, id) */
const COMMENT_LABEL = /^(comment|reply|komentar|balasan)\b/i;
/** query members Facebook adds for tracking; dropped so the same post has one permalink */
const TRACKING = ['__cft__[0]', '__tn__', '__xts__[0]', 'comment_id', 'ref', 'mibextid'];
const MESSAGE = '[data-ad-comet-preview="message"], [data-ad-preview="message"]';
const AUTHOR_LINK = 'h2 a[href], h3 a[href], h4 a[href], strong a[href], a[href] strong';
/** "Budi membagikan kiriman." / "Budi shared a post." (a shared link is the sharer's own post: not a share) */
const SHARED_HEADER = /\b(membagikan|shared)\b[^.]{0,40}\b(kiriman|postingan|unggahan|post|video|foto|photo|reel|memori|memory|kenangan|status)\b/i;

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
    const parts = splitPost($, node);
    const ownMessage = parts.own(MESSAGE).find((el) => $(el).parents(MESSAGE).length === 0);
    const ownText = ownMessage ? textWithBreaks($, $(ownMessage)) || undefined : undefined;
    const shared = parts.shared ? sharedPost($, parts.shared, parts.inComment, page) : undefined;
    // the header says "shared a post" but nothing after it names another author: the one message is the shared one
    const headerShare = !parts.shared && SHARED_HEADER.test(headerText($, node, parts.ownerLink));
    const text = ownText ?? shared?.text;
    if (!text) continue;
    const authorLink = parts.ownerLink ? $(parts.ownerLink) : undefined;
    const author = authorLink ? tidy(authorLink.text()) || undefined : undefined;
    const link = parts.own('a[href]').find((a) => PERMALINK.test($(a).attr('href') ?? ''));
    // the visible post time: old pages had abbr[data-utime]; the permalink's own text (or aria-label,
    // or a hover title) otherwise ("5 Januari pukul 19.20"), read in the saved page's zone
    const abbr = parts.own('abbr[data-utime]')[0];
    const utime = abbr ? $(abbr).attr('data-utime') : undefined;
    const linkText = link ? visibleText($, link) : undefined;
    const kind = shared || headerShare ? ('share' as const) : ('post' as const);
    const draft: ItemDraft = compact({
      platform: 'facebook' as const,
      kind,
      actor: author ? compact({ kind: 'account' as const, name: author, url: cleanUrl(absoluteUrl(authorLink?.attr('href'), page.url)) }) : undefined,
      target: shared ? compact({ kind: 'post' as const, name: shared.author, url: shared.permalink ?? shared.authorUrl }) : headerShare ? { kind: 'post' as const } : undefined,
      text,
      time: isoUtc(utime) ?? visibleDate(linkText, page.about.savedAt, page.savedOffset).time,
      timeRaw: utime ?? linkText,
      hashtags: extractHashtags(text),
      mentions: extractMentions(text),
      permalink: cleanUrl(absoluteUrl(link ? $(link).attr('href') : undefined, page.url)),
      source: { captureId: ctx.captureId, path: ctx.path, pointer: `html:[role="article"]@${index}` },
    });
    // the shared post's own words, author and link stay in the raw fragment beside the sharer's words
    yield pageItem(draft, { html: $.html(post), ...(shared && ownText && { shared }) }, page);
  }
}

interface PostParts {
  /** the post author's heading link */
  ownerLink: Node | undefined;
  /** matches of `selector` in the sharer's part (not the shared post, not comments) */
  own(selector: string): Node[];
  /** the shared post's nodes, each one (not only roots), in document order: an embedded article, or what follows a second author's heading */
  shared: Node[] | undefined;
  /** the node is (in) a comment under the post */
  inComment(el: Node): boolean;
}

/**
 * The given roots and all their descendants, out of `all` (a post's nodes in document order): a
 * root's descendants are the nodes after it up to the first one outside it (its parent chain ends
 * at a node already known to be in).
 */
function subtrees(all: Node[], roots: Node[]): Set<Node> {
  const set = new Set<Node>(roots);
  if (roots.length === 0) return set;
  for (const el of all) {
    if (set.has(el)) continue;
    const parent = el.parent;
    if (parent && set.has(parent)) set.add(el);
  }
  return set;
}

/** Divide a post into the author's part, the shared post's part and comments (dropped). */
function splitPost($: CheerioAPI, node: Node): PostParts {
  // one search under the post, then filters over its nodes: each cheerio find() under an element with
  // many children costs time quadratic in their number (css-select's removeSubsets)
  const all = $(node).find('*').toArray();
  const within = $(all);
  const inner = within.filter('[role="article"]').toArray();
  const comments = inner.filter((a) => COMMENT_LABEL.test($(a).attr('aria-label') ?? ''));
  // membership by set, built once: a per-node walk up the tree is quadratic on a deep saved page
  const commentNodes = subtrees(all, comments);
  const embedded = inner.find((a) => !commentNodes.has(a));
  const embeddedNodes = subtrees(all, embedded ? [embedded] : []);
  const inComment = (el: Node) => commentNodes.has(el);
  const inEmbedded = (el: Node) => embeddedNodes.has(el);
  const order = new Map<Node, number>(all.map((el, i) => [el, i]));
  const outside = (el: Node) => !inComment(el) && !inEmbedded(el) && $(el).closest(MESSAGE).length === 0;
  const authorLinks = within.filter(AUTHOR_LINK).toArray().map((el) => ($(el).is('strong') ? ($(el).closest('a[href]')[0] ?? el) : el)).filter(outside);
  const ownerLink = authorLinks[0];
  // a second author heading (not the owner's heading: "Budi bersama Ani" names two people in one)
  // to another profile starts the attached post
  const ownerHeading = ownerLink ? $(ownerLink).closest('h2, h3, h4, strong').first()[0] : undefined;
  const ownerPath = ownerLink ? profileKey($(ownerLink).attr('href')) : undefined;
  const second = embedded
    ? undefined
    : authorLinks.find((a) => {
        const key = profileKey($(a).attr('href'));
        return a !== ownerLink && key !== undefined && key !== ownerPath && $(a).closest('h2, h3, h4, strong').first()[0] !== ownerHeading;
      });
  const cut = second ? (order.get(second) ?? Infinity) : Infinity;
  const shared = embedded ? all.filter(inEmbedded) : second ? all.filter((el) => (order.get(el) ?? 0) >= cut) : undefined;
  return {
    ownerLink,
    inComment,
    own: (selector) => within
      .filter(selector)
      .toArray()
      .filter((el) => !inComment(el) && !inEmbedded(el) && (order.get(el) ?? 0) < cut),
    shared,
  };
}

interface SharedPost {
  author?: string;
  authorUrl?: string;
  permalink?: string;
  text?: string;
}

/** The shared post's author, link and text (its message, else its own plain text blocks). */
function sharedPost($: CheerioAPI, nodes: Node[], inComment: (el: Node) => boolean, page: PageInput): SharedPost {
  // `nodes` lists every node of the shared part: a filter, never a search under each (quadratic on a deep page);
  // comments under the share are nobody's shared words
  const pick = (selector: string) => $(nodes).filter(selector).toArray().filter((el) => !inComment(el));
  const authorLink = pick(AUTHOR_LINK).map((el) => ($(el).is('strong') ? ($(el).closest('a[href]')[0] ?? el) : el))[0];
  const message = pick(MESSAGE)[0];
  // without a message marker, the shared post's outermost text blocks (not its headings, links or buttons)
  const blocks = message ? [message] : pick('div[dir="auto"], span[dir="auto"]').slice(0, 200).filter((el) => $(el).parents('[dir="auto"], a, h2, h3, h4, strong, [role="button"]').length === 0);
  const text = blocks.map((el) => textWithBreaks($, $(el))).filter(Boolean).join('\n') || undefined;
  const link = pick('a[href]').find((a) => PERMALINK.test($(a).attr('href') ?? ''));
  return compact({
    author: authorLink ? tidy($(authorLink).text()) || undefined : undefined,
    authorUrl: authorLink ? cleanUrl(absoluteUrl($(authorLink).attr('href'), page.url)) : undefined,
    permalink: link ? cleanUrl(absoluteUrl($(link).attr('href'), page.url)) : undefined,
    text,
  });
}

/** The owner's heading line ("Budi Santoso membagikan kiriman."), where Facebook says what kind of post it is. */
function headerText($: CheerioAPI, node: Node, ownerLink: Node | undefined): string {
  const heading = ownerLink ? $(ownerLink).closest('h2, h3, h4').first() : $(node).find('h2, h3, h4').first();
  if (heading.length) return tidy(heading.text());
  return ownerLink ? tidy($(ownerLink).text()) : '';
}

/** What a time link shows: its text, else its aria-label or title (hover text). */
function visibleText($: CheerioAPI, link: Node): string | undefined {
  const a = $(link);
  const text = tidy(a.text());
  const candidate = text || tidy(a.attr('aria-label') ?? '') || tidy(a.attr('title') ?? '');
  return candidate && candidate.length <= 40 ? candidate : undefined;
}

/** Facebook paths that are no person's or page's profile (a link card, a hashtag, a post or media link). */
const NOT_PROFILE = /^\/(l\.php|hashtag|events|watch|photo|photos|story\.php|permalink\.php|share|sharer|reel|stories|marketplace|gaming)\b/i;

/** A profile link's identity (its path, or profile.php id); undefined for a link to no Facebook profile. */
function profileKey(href: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const u = new URL(href, 'https://www.facebook.com/');
    if (!/^(www\.|m\.|web\.)?facebook\.com$/i.test(u.hostname) || NOT_PROFILE.test(u.pathname) || PERMALINK.test(u.pathname + u.search)) return undefined;
    return u.pathname === '/profile.php' ? `id:${u.searchParams.get('id') ?? ''}` : u.pathname.replace(/\/+$/, '').toLowerCase();
  } catch {
    return undefined;
  }
}

function cleanUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = new URL(url);
  for (const key of TRACKING) u.searchParams.delete(key);
  return u.href;
}
