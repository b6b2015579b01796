// Telegram public channel preview (https://t.me/s/<channel>, formats.md §5.2): server-rendered
// `tgme_widget_message` blocks. Table: data-post → permalink, owner name → actor, time[datetime] →
// time, js-message_text → text, photo/video wraps → media, forwarded_from → share target.
import type { CheerioAPI } from 'cheerio';
import type { ItemDraft, Media, Ref } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import type { ParsedItem } from '../types.js';
import {
  absoluteUrl,
  backgroundImageUrl,
  compact,
  mediaRef,
  isoUtc,
  pageItem,
  parseCount,
  textWithBreaks,
  tidy,
  type Nodes,
  type PageContext,
  type PageInput,
  type PageParser,
} from './page.js';

export const telegramParser: PageParser = {
  id: 'html-telegram',
  platform: 'telegram',
  label: 'Telegram channel page (t.me/s)',
  matchesUrl: (url) => /(^|\.)(t\.me|telegram\.me)$/i.test(url.hostname),
  matchesMarkup: (html) => html.includes('tgme_widget_message') || html.includes('tgme_channel_info'),
  parse: parseTelegramPage,
};

function* parseTelegramPage(page: PageInput, ctx: PageContext): Iterable<ParsedItem> {
  const { $ } = page;
  const info = $('.tgme_channel_info').first();
  if (info.length) {
    const profile = channelProfile($, info);
    if (profile) yield pageItem({ ...profile, source: { captureId: ctx.captureId, path: ctx.path, pointer: 'html:.tgme_channel_info' } }, { html: $.html(info) }, page);
  }
  // service messages ("Channel created", "pinned a photo") are not something the channel said
  for (const node of $('.tgme_widget_message[data-post]:not(.service_message)').toArray()) {
    const msg = $(node);
    const dataPost = msg.attr('data-post') ?? '';
    const draft = messageDraft($, msg, dataPost, page, ctx);
    if (!draft) {
      ctx.warn(`${ctx.path}: Telegram message ${dataPost} has no date — skipped`);
      continue;
    }
    const views = parseCount(msg.find('.tgme_widget_message_views').first().text());
    const item: ItemDraft = { ...draft, source: { captureId: ctx.captureId, path: ctx.path, pointer: `html:[data-post="${dataPost}"]` } };
    yield pageItem(item, { html: $.html(msg), views }, page);
  }
}

function messageDraft($: CheerioAPI, msg: Nodes, dataPost: string, page: PageInput, ctx: PageContext): Omit<ItemDraft, 'source'> | undefined {
  const pageUrl = page.url;
  const [handle = ''] = dataPost.split('/');
  const timeRaw = msg.find('.tgme_widget_message_date time[datetime]').first().attr('datetime');
  const time = isoUtc(timeRaw);
  if (!time) return undefined;
  // the reply preview re-uses the text class; the message's own text is the one outside it
  const textEl = msg.find('.tgme_widget_message_text').filter((_, el) => $(el).closest('.tgme_widget_message_reply').length === 0).first();
  const text = textEl.length ? textWithBreaks($, textEl) : undefined;
  const ownerName = tidy(msg.find('.tgme_widget_message_owner_name').first().text());
  const actor: Ref = compact({ kind: 'channel' as const, name: ownerName || undefined, handle: handle || undefined, url: handle ? `https://t.me/${handle}` : undefined });
  // a forward from a hidden account names it in plain text, with no _name element: still a share, never the channel's own post
  const forwardedLine = msg.find('.tgme_widget_message_forwarded_from').first();
  const forwardedName = forwardedLine.find('.tgme_widget_message_forwarded_from_name').first();
  const forwarded = forwardedName.length ? forwardedName : forwardedLine;
  const forwardedFrom = forwardedName.length ? tidy(forwardedName.text()) : tidy(forwardedLine.text()).replace(/^(forwarded from|diteruskan dari)\s*/i, '');
  const reply = msg.find('a.tgme_widget_message_reply').first().attr('href');
  const preview = msg.find('a.tgme_widget_message_link_preview').first();
  const target: Ref | undefined = forwarded.length
    ? compact({ kind: 'channel' as const, name: forwardedFrom || undefined, url: absoluteUrl(forwarded.attr('href'), pageUrl), handle: tmeHandle(forwarded.attr('href')) })
    : reply
      ? { kind: 'post', url: absoluteUrl(reply, pageUrl) }
      : undefined;
  return compact({
    platform: 'telegram' as const,
    kind: forwarded.length ? ('share' as const) : ('post' as const),
    actor,
    target,
    text: text || undefined,
    time,
    timeRaw,
    media: messageMedia($, msg, page, ctx),
    link: preview.length
      ? compact({ url: absoluteUrl(preview.attr('href'), pageUrl), title: tidy(preview.find('.link_preview_title').text()) || undefined })
      : undefined,
    context: compact({ kind: 'channel' as const, handle: handle || undefined, name: ownerName || undefined }),
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
    permalink: `https://t.me/${dataPost}`,
  });
}

function messageMedia($: CheerioAPI, msg: Nodes, page: PageInput, ctx: PageContext): Media[] {
  // Telegram serves photos as JPEG and videos as MP4. A SingleFile save inlines them as data: URIs,
  // so the entry stays (a photo was there) without an address.
  const media: Media[] = [];
  msg.find('.tgme_widget_message_photo_wrap').each((_, el) => {
    media.push({ ...mediaRef(backgroundImageUrl($(el).attr('style')), page, ctx), mediaType: 'image/jpeg' });
  });
  msg.find('video.tgme_widget_message_video, video.tgme_widget_message_roundvideo').each((_, el) => {
    media.push({ ...mediaRef($(el).attr('src'), page, ctx), mediaType: 'video/mp4' });
  });
  msg.find('.tgme_widget_message_document_title').each((_, el) => {
    // a document's file name is often all that says what it is ("Surat_dukungan_02.pdf")
    const caption = tidy($(el).text());
    if (caption) media.push({ caption });
  });
  return media;
}

function channelProfile($: CheerioAPI, info: Nodes): Omit<ItemDraft, 'source'> | undefined {
  const name = tidy(info.find('.tgme_channel_info_header_title').first().text());
  const handle = tidy(info.find('.tgme_channel_info_header_username').first().text()).replace(/^@/, '');
  const description = textWithBreaks($, info.find('.tgme_channel_info_description').first());
  if (!name && !handle) return undefined;
  return compact({
    platform: 'telegram' as const,
    kind: 'profile' as const,
    actor: compact({ kind: 'channel' as const, name: name || undefined, handle: handle || undefined, url: handle ? `https://t.me/${handle}` : undefined }),
    text: description || undefined,
    hashtags: extractHashtags(description),
    mentions: extractMentions(description),
    permalink: handle ? `https://t.me/s/${handle}` : undefined,
  });
}

function tmeHandle(href: string | undefined): string | undefined {
  const m = /^https?:\/\/t\.me\/(?:s\/)?([A-Za-z0-9_]{4,})(?:\/|$|\?)/.exec(href ?? '');
  return m?.[1] && m[1] !== 'c' ? m[1] : undefined;
}

/** The older page of a channel preview (`a.tme_messages_more[data-before]`), resolved against the page URL. */
export function telegramNextPage($: CheerioAPI, pageUrl: string): string | undefined {
  return absoluteUrl($('a.tme_messages_more[data-before]').first().attr('href'), pageUrl);
}

/** `https://t.me/<channel>` (the landing page, no messages) → its preview `https://t.me/s/<channel>`. */
export function telegramPreviewUrl(url: string): string {
  const m = /^https?:\/\/(?:t|telegram)\.me\/([A-Za-z0-9_]{4,})\/?$/i.exec(url);
  return m?.[1] && m[1] !== 's' ? `https://t.me/s/${m[1]}` : url;
}
