// WhatsApp "Export chat" text files: Android `WhatsApp Chat with <name>.txt` / `Chat WhatsApp
// dengan <name>.txt`, iOS `_chat.txt` inside `WhatsApp Chat - <name>.zip`.
//
// | line                                               | Item                                   |
// | -------------------------------------------------- | -------------------------------------- |
// | `20/08/24 14.30 - Budi: Halo` (Android)            | kind message, actor Budi, text Halo    |
// | `[20/08/24 14.30.15] Budi: Halo` (iOS)             | same; seconds kept                     |
// | date + time prefix (phone's wall clock, no zone)   | time via --timezone; prefix → timeRaw  |
// | following lines without a prefix                   | joined to the message with "\n"        |
// | "<who> bergabung menggunakan tautan …", "<who> membuat grup "…"" | membership of <who>, target the group |
// | no `Sender:`; encryption banners; leaves/adds      | skipped (system lines)                 |
// | `<Media tidak disertakan>`, `X.jpg (file terlampir)`, `<terlampir: X.jpg>` | media entry (uri when named), not text |
// | `Pesan ini telah dihapus` / `This message was deleted` | skipped                            |
// | chat name from the file / zip name                 | context {kind chat, name}              |
//
// The day/month order is decided per file: the first date with a part above 12 settles it, and
// messages are held back (not parsed into times) until then; a file where no date settles it is
// read day-first (the Indonesian order) unless its dates change more often in the second part.
import { posix } from 'node:path';
import { boundedLineSpans } from './lines.js';
import type { Readable } from 'node:stream';
import type { ItemDraft, Media, Place, Ref } from '../model/index.js';
import { t } from '../i18n/index.js';
import { chatMessages } from '../i18n/platforms-chat.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { mediaTypeOfPath } from './media.js';
import { localToUtc } from './time.js';
import type { Adapter, AdapterContext, Member, ParsedItem } from './types.js';

// Direction marks and invisible formatting WhatsApp sprinkles over lines (iOS: U+200E before
// attachments and system lines); narrow/no-break spaces (before AM/PM on newer phones) become spaces.
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const ODD_SPACE = /[\u00a0\u202f\u2007]/g;

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})`;
const TIME = String.raw`(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?(?: ?([AaPp])\.? ?[Mm]\.?)?`;
/** iOS: `[20/08/24 14.30.15] rest` (comma after the date optional) */
const IOS_HEADER = new RegExp(String.raw`^\[${DATE},? ${TIME}\] (.*)$`);
/** Android: `20/08/24 14.30 - rest` */
const ANDROID_HEADER = new RegExp(String.raw`^${DATE},? ${TIME} [-–] (.*)$`);

const CHAT_TITLE = /^(?:WhatsApp Chat with|Chat WhatsApp dengan|WhatsApp Chat dengan|WhatsApp Chat -)\s+(.+?)(?:\s\(\d+\))?$/i;

const ENCRYPTION_BANNER =
  /terenkripsi secara end-to-end|diamankan dengan enkripsi end-to-end|are end-to-end encrypted|secured with end-to-end encryption/i;
// A "sender" holding one of these verbs is a system event that happens to contain ": ".
const SYSTEM_VERB =
  /\s(?:mengubah|menambahkan|mengeluarkan|membuat|menyematkan|bergabung|keluar|changed|added|removed|created|pinned|joined|left)\b/i;
// iOS group events are written as "<group name>: ‎<event>"; with the mark, these words give them away
const MARKED_EVENT =
  /\s(?:menambahkan|mengeluarkan|mengubah|membuat grup|keluar|bergabung|added|removed|changed|created group|left|joined)\b/i;
const CALL_NOTICE = /^(?:missed (?:voice|video) call|panggilan (?:suara|video) tak terjawab|(?:voice|video) call|panggilan (?:suara|video))\b/i;
const DELETED =
  /^(?:pesan ini telah dihapus|pesan ini dihapus|anda telah menghapus pesan ini|anda menghapus pesan ini|this message was deleted|you deleted this message)\.?$/i;
const EDITED_SUFFIX = /\s*<(?:this message was edited|pesan ini telah diedit|pesan ini diedit)>\s*$/i;
const MEDIA_OMITTED = /^<(?:media tidak disertakan|media omitted)>$/i;
// iOS per-kind placeholders (English confirmed in parsers; Indonesian seen in parser code only)
const IOS_OMITTED = /^(?:(?:image|video|audio|sticker|gif|document|contact card) omitted|(?:gambar|video|audio|stiker|gif|dokumen|kartu kontak) tidak disertakan)$/i;
const ANDROID_ATTACHED = /^(.+?\.[A-Za-z0-9]{1,5}) \((?:file terlampir|file attached)\)$/i;
const IOS_ATTACHED = /<(?:terlampir|attached|lampiran): ([^>]+)>/i;
const LOCATION = /^(?:lokasi|location): (https?:\/\/\S+)/i;

interface Header {
  parts: [string, string, string];
  hh: number;
  mm: number;
  ss: number;
  ampm?: 'a' | 'p';
  prefix: string;
  rest: string;
}

/** One message as read from the file, before its date order is known. */
interface RawMessage {
  line: number;
  header: Header;
  /** the first line's text after the sender began with U+200E (iOS system/attachment marker) */
  markedText: boolean;
  continuation: string[];
  raw: string[];
  /** bytes of the message's lines in the file: from its header line's start to its last line's end */
  offset: number;
  end: number;
}

type DateOrder = 'dmy' | 'mdy' | 'ymd';

function clean(line: string): string {
  return line.replace(INVISIBLE, '').replace(ODD_SPACE, ' ');
}

function parseHeader(rawLine: string): Header | undefined {
  const line = clean(rawLine).trimEnd();
  const m = IOS_HEADER.exec(line) ?? ANDROID_HEADER.exec(line);
  if (!m) return undefined;
  const rest = m[9] ?? '';
  const prefix = line.slice(0, line.length - rest.length).replace(/\s*[-–]\s*$/, '').trim();
  const header: Header = {
    parts: [m[1]!, m[3]!, m[4]!],
    hh: Number(m[5]),
    mm: Number(m[6]),
    ss: Number(m[7] ?? 0),
    prefix,
    rest,
  };
  if (m[8]) header.ampm = m[8].toLowerCase() === 'p' ? 'p' : 'a';
  return header;
}

/** A 4-digit first part means Y-M-D; a first part above 12 means D/M/Y; a second above 12, M/D/Y. */
function decisiveOrder(parts: Header['parts']): DateOrder | undefined {
  if (parts[0].length === 4) return 'ymd';
  if (Number(parts[0]) > 12) return 'dmy';
  if (Number(parts[1]) > 12) return 'mdy';
  return undefined;
}

/** No decisive date: in a chronological chat the day changes more often than the month. */
function guessOrder(messages: RawMessage[]): DateOrder {
  let firstChanges = 0;
  let secondChanges = 0;
  for (let i = 1; i < messages.length; i++) {
    const a = messages[i - 1]!.header.parts;
    const b = messages[i]!.header.parts;
    if (a[0] !== b[0]) firstChanges++;
    if (a[1] !== b[1]) secondChanges++;
  }
  return secondChanges > firstChanges ? 'mdy' : 'dmy';
}

function chatNameOf(member: Member): string | undefined {
  const candidates = [
    posix.basename(member.path).replace(/\.txt$/i, ''),
    ...posix.dirname(member.path).split('/').reverse(),
    member.zip,
    member.input,
  ];
  for (const c of candidates) {
    if (!c) continue;
    const base = c.split(/[\\/]/).pop()?.replace(/\.(zip|txt)$/i, '') ?? '';
    const m = CHAT_TITLE.exec(base.trim());
    if (m?.[1]) return m[1].trim();
  }
  return undefined;
}

export const whatsappAdapter: Adapter = {
  id: 'whatsapp',
  platform: 'whatsapp',
  label: 'WhatsApp chat export (.txt, Android and iOS)',
  input: 'stream',
  authorship: 'per-item',
  detect(path: string, head: Buffer): boolean {
    if (!/\.txt$/i.test(path)) return false;
    const first = head
      .toString('utf8')
      .split(/\r?\n/)
      .find((l) => clean(l).trim() !== '');
    return first !== undefined && parseHeader(first) !== undefined;
  },
  async *read(source, ctx: AdapterContext): AsyncIterable<ParsedItem> {
    if (Buffer.isBuffer(source)) throw new TypeError('whatsapp adapter reads a stream');
    const chatName = chatNameOf(ctx.member);
    let order: DateOrder | undefined;
    const held: RawMessage[] = [];
    let current: RawMessage | undefined;
    let lineNo = 0;
    for await (const span of boundedLineSpans(source as Readable, ctx.options.limits?.maxLineBytes)) {
      const rawLine = span.line;
      lineNo++;
      const header = parseHeader(rawLine);
      if (!header) {
        // text before the first dated line (should not happen) has no message to belong to
        if (current) {
          current.continuation.push(clean(rawLine));
          current.raw.push(rawLine);
          current.end = span.offset + span.length;
        }
        continue;
      }
      if (current) held.push(current);
      current = { line: lineNo, header, markedText: markedAfterSender(rawLine), continuation: [], raw: [rawLine], offset: span.offset, end: span.offset + span.length };
      order ??= decisiveOrder(header.parts);
      if (order) {
        for (const msg of held.splice(0)) {
          const item = messageItem(msg, order, chatName, ctx);
          if (item) yield item;
        }
      }
    }
    if (current) held.push(current);
    const finalOrder = order ?? guessOrder(held);
    for (const msg of held) {
      const item = messageItem(msg, finalOrder, chatName, ctx);
      if (item) yield item;
    }
  },
};

/** The first ": " of a raw line ends the sender (times use ":" without a space); is it followed by U+200E? */
function markedAfterSender(rawLine: string): boolean {
  const at = rawLine.indexOf(': ');
  return at >= 0 && rawLine[at + 2] === '\u200e';
}

function messageItem(msg: RawMessage, order: DateOrder, chatName: string | undefined, ctx: AdapterContext): ParsedItem | undefined {
  const { rest } = msg.header;
  if (ENCRYPTION_BANNER.test(rest)) return undefined;
  const joined = membershipItem(msg, order, chatName, ctx);
  if (joined) return joined;
  let colon = rest.indexOf(': ');
  // "Budi:" alone on the line: the message starts on the next line
  if (colon < 0 && rest.endsWith(':') && msg.continuation.length > 0) colon = rest.length - 1;
  if (colon <= 0) return undefined; // system line: no "Sender: "
  const sender = rest.slice(0, colon).trim();
  if (SYSTEM_VERB.test(sender)) return undefined;
  const firstText = rest.slice(colon + 2);
  if (msg.markedText && ((chatName !== undefined && sender === chatName) || MARKED_EVENT.test(` ${firstText}`))) return undefined;
  let text = [firstText, ...msg.continuation].join('\n').replace(EDITED_SUFFIX, '').trim();
  if (DELETED.test(text) || CALL_NOTICE.test(text)) return undefined;

  const memberDir = posix.dirname(ctx.member.path);
  const media: Media[] = [];
  const attachment = (name: string): void => {
    const file = name.trim();
    const uri = memberDir === '.' ? file : posix.join(memberDir, file);
    const mediaType = mediaTypeOfPath(file);
    media.push(mediaType ? { uri, mediaType } : { uri });
  };
  const [firstLine = '', ...otherLines] = text.split('\n');
  const android = ANDROID_ATTACHED.exec(firstLine.trim());
  const ios = IOS_ATTACHED.exec(text);
  if (MEDIA_OMITTED.test(text) || IOS_OMITTED.test(text)) {
    media.push({});
    text = '';
  } else if (android?.[1]) {
    attachment(android[1]);
    text = otherLines.join('\n').trim();
  } else if (ios?.[1]) {
    attachment(ios[1]);
    text = text.replace(ios[0], '').trim();
  }
  if (!text && media.length === 0) return undefined;
  if (text && media[0]) media[0].caption = text;

  const time = wallClockTime(msg.header, order, ctx.options.timezone);
  if (!time) {
    ctx.warn(t(chatMessages.whatsappBadDate, { path: ctx.member.path, line: msg.line, raw: msg.header.prefix }));
    return undefined;
  }
  const draft: ItemDraft = {
    platform: 'whatsapp',
    kind: 'message',
    actor: senderRef(sender),
    time,
    timeRaw: msg.header.prefix,
    media,
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
    source: { captureId: ctx.capture.id, path: ctx.member.path, pointer: `line:${msg.line}` },
  };
  if (text) draft.text = text;
  if (chatName !== undefined) draft.context = { kind: 'chat', name: chatName };
  const place = locationOf(text);
  if (place) draft.place = place;
  return { draft, raw: msg.raw.join('\n'), span: { offset: msg.offset, length: msg.end - msg.offset }, ...(OWNER_SENDER.test(sender) && { byOwner: true }) };
}

// A person's own joining of the group, as the group's system line tells it (Android: no sender;
// iOS: "<group>: ‎<event>"). Being added by someone else ("Budi menambahkan Anda") is the adder's act.
const JOINED = /^(.+?) (?:telah )?(?:bergabung menggunakan tautan undangan grup ini|joined using this group['’]s invite link)\.?$/i;
const CREATED = /^(.+?) (?:membuat grup|created group) ["“](.+?)["”]\.?$/i;

/** "Anda bergabung menggunakan tautan undangan grup ini" → a membership item of the joiner, target the group. */
function membershipItem(msg: RawMessage, order: DateOrder, chatName: string | undefined, ctx: AdapterContext): ParsedItem | undefined {
  const { rest } = msg.header;
  const colon = rest.indexOf(': ');
  const event = colon <= 0 ? rest : msg.markedText && chatName !== undefined && rest.slice(0, colon).trim() === chatName ? rest.slice(colon + 2) : undefined;
  const line = event?.replace(/^\u200e/, '').trim();
  const joined = line ? JOINED.exec(line) : null;
  const created = line && !joined ? CREATED.exec(line) : null;
  const who = (joined ?? created)?.[1]?.trim();
  if (!who || msg.continuation.length > 0) return undefined;
  const group = created?.[2] ?? chatName;
  const time = wallClockTime(msg.header, order, ctx.options.timezone);
  if (!time) return undefined;
  const draft: ItemDraft = {
    platform: 'whatsapp',
    kind: 'membership',
    actor: senderRef(who),
    target: { kind: 'group', ...(group && { name: group }) },
    time,
    timeRaw: msg.header.prefix,
    source: { captureId: ctx.capture.id, path: ctx.member.path, pointer: `line:${msg.line}` },
  };
  if (chatName !== undefined) draft.context = { kind: 'chat', name: chatName };
  return { draft, raw: msg.raw.join('\n'), span: { offset: msg.offset, length: msg.end - msg.offset }, ...(OWNER_SENDER.test(who) && { byOwner: true }) };
}

/** Some WhatsApp versions write the exporting phone's own messages as from "You" / "Anda". */
const OWNER_SENDER = /^(you|anda|kamu)$/i;

function wallClockTime(h: Header, order: DateOrder, timeZone: string): string | undefined {
  const [a, b, c] = h.parts.map(Number) as [number, number, number];
  const [y, m, d] = order === 'ymd' ? [a, b, c] : order === 'dmy' ? [c, b, a] : [c, a, b];
  let hh = h.hh;
  if (h.ampm) hh = (hh % 12) + (h.ampm === 'p' ? 12 : 0);
  try {
    return localToUtc({ y: y < 100 ? 2000 + y : y, m, d, hh, mm: h.mm, ss: h.ss }, timeZone);
  } catch {
    return undefined;
  }
}

function senderRef(sender: string): Ref {
  const ref: Ref = { kind: 'account', name: sender };
  // a sender not in the phone's contacts appears as a number: keep it in one comparable form
  if (/^\+?[\d\s\-().]{7,}$/.test(sender)) ref.id = (sender.trim().startsWith('+') ? '+' : '') + sender.replace(/\D/g, '');
  return ref;
}

/** `lokasi: https://maps.google.com/?q=-6.2,106.8` → a place with coordinates. */
function locationOf(text: string): Place | undefined {
  const url = LOCATION.exec(text)?.[1];
  if (!url) return undefined;
  const place: Place = { url };
  const q = /[?&]q=(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/.exec(url);
  if (q) {
    place.lat = Number(q[1]);
    place.lon = Number(q[2]);
  }
  return place;
}
