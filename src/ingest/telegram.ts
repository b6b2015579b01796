// Telegram Desktop "Export chat history" / "Export Telegram data" in JSON (`result.json`).
//
// | result.json                              | Item                                              |
// | ---------------------------------------- | ------------------------------------------------- |
// | messages[] (single chat) / chats.list[] / left_chats.list[] .messages[] (whole account)    |
// | type "message"                           | kind message; `share` when forwarded_from is set |
// | type "service": a person joined / created | kind membership of that person, target the group  |
// | other service events (pins, calls, adds)  | skipped: no words of the person, only an event    |
// | date_unixtime (epoch seconds, a string)  | time (UTC); `date` (local, no zone) → timeRaw     |
// | from / from_id ("user…", "channel…")     | actor                                             |
// | forwarded_from                           | target (name of the forwarded chat/person)        |
// | text (string | [string | {type,text}])  | text (flattened); hashtags/mentions from entities |
// | text_link href / link                    | link.url (first one)                              |
// | photo / file (path or skip sentence)     | media (uri relative to the export root), caption  |
// | location_information, place_name         | place                                             |
// | poll.question + answers                  | appended to text                                  |
// | chat name / type / id                    | context {kind chat|group|channel}                 |
// | id, reply_to_message_id                  | thread {messageId, replyTo} (not in the item id)  |
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { ItemDraft, Media, Place, Ref } from '../model/index.js';
import { t } from '../i18n/index.js';
import { chatMessages } from '../i18n/platforms-chat.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { jsonPointer } from './json.js';
import { JsonCursor } from './json-tokens.js';
import type { Limits } from '../limits.js';
import { mediaTypeOfPath } from './media.js';
import { localToUtc } from './time.js';
import { MemberFormatError, type Adapter, type AdapterContext, type ParsedItem } from './types.js';

const Entity = z.object({ type: z.string(), text: z.string(), href: z.string().optional() });
type Entity = z.infer<typeof Entity>;
const TextValue = z.union([z.string(), z.array(z.union([z.string(), Entity]))]);
type TextValue = z.infer<typeof TextValue>;

// id, type, date and text decide whether a message can be read at all; a side field of an
// unexpected shape (newer export versions change them) is dropped on its own.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const TelegramMessage = z.object({
  id: z.number(),
  type: z.string(),
  date: z.string().optional(),
  date_unixtime: z.string().optional(),
  from: optional(z.string().nullable()),
  from_id: optional(z.string()),
  forwarded_from: optional(z.string().nullable()),
  photo: optional(z.string()),
  file: optional(z.string()),
  mime_type: optional(z.string()),
  location_information: optional(z.object({ latitude: z.number(), longitude: z.number() }).nullable()),
  place_name: optional(z.string()),
  address: optional(z.string()),
  // newer versions write poll questions/answers as entity arrays too
  poll: optional(z.object({ question: TextValue, answers: z.array(z.object({ text: TextValue })).default([]) })),
  text: TextValue.optional(),
  text_entities: optional(z.array(Entity)),
  reply_to_message_id: optional(z.number()),
  // service events: who did what (a join, a group created)
  actor: optional(z.string().nullable()),
  actor_id: optional(z.string()),
  action: optional(z.string()),
  title: optional(z.string()),
});
type TelegramMessage = z.infer<typeof TelegramMessage>;

// a chat's own fields; Telegram writes them before its messages array
const ChatInfo = z.object({
  name: z.string().nullable().optional().catch(undefined),
  type: z.string().optional().catch(undefined),
  id: z.union([z.number(), z.string()]).optional().catch(undefined),
});
type ChatInfo = z.infer<typeof ChatInfo>;

/** The sentences Telegram writes instead of a path when a file was not downloaded. */
const SKIPPED_FILE = /\((?:File|Photo) (?:not included|exceeds maximum size|unavailable)[^)]*\)\s*$/;

export const telegramAdapter: Adapter = {
  id: 'telegram',
  platform: 'telegram',
  label: 'Telegram Desktop export (result.json)',
  // a whole-account export holds every chat in one file: read it message by message
  input: 'stream',
  authorship: 'per-item',
  detect(path: string, head: Buffer): boolean {
    if (posix.basename(path) !== 'result.json') return false;
    const text = head.toString('utf8');
    return /^\s*(?:\ufeff)?\s*\{/.test(text) && /"(?:messages|chats|left_chats|personal_information|date_unixtime)"\s*:/.test(text);
  },
  async *read(source, ctx: AdapterContext): AsyncGenerator<ParsedItem> {
    const owner: AccountOwner = {};
    for await (const { context, at, index, raw } of messagesOf(source, ctx.member.path, owner, ctx.options.limits)) {
      const pointer = jsonPointer(...at, 'messages', index);
      const parsed = TelegramMessage.safeParse(raw);
      if (!parsed.success) {
        ctx.warn(t(chatMessages.telegramMessageSkipped, { path: ctx.member.path, pointer, detail: parsed.error.issues[0]?.message ?? 'invalid' }));
        continue;
      }
      if (parsed.data.type === 'service') {
        // joining or creating the chat is its actor's own act (a relawan group): the one service event read
        const joined = membershipDraft(parsed.data, context, pointer, ctx);
        const byOwner = owner.fromId !== undefined ? parsed.data.actor_id === owner.fromId : undefined;
        if (joined) yield { draft: joined, raw, ...(byOwner !== undefined && { byOwner }), ...otherAccount(byOwner, parsed.data.actor, owner) };
        continue;
      }
      if (parsed.data.type !== 'message') continue; // "unsupported" stubs
      // a whole-account export names its owner (personal_information.user_id): their messages are from "user<id>"
      const byOwner = owner.fromId !== undefined ? parsed.data.from_id === owner.fromId : undefined;
      yield { draft: messageDraft(parsed.data, context, pointer, ctx), raw, ...(byOwner !== undefined && { byOwner }), ...otherAccount(byOwner, parsed.data.from, owner) };
    }
  },
};

interface ChatMessage {
  context: Ref;
  at: Array<string | number>;
  index: number;
  raw: unknown;
}

/**
 * Every message of the export with its chat. Single-chat export: the root is the chat
 * ({name, type, id, messages}). Whole-account export: chats.list[] and left_chats.list[].
 */
/** The account owner of a whole-account export, as its messages' from_id names them. */
interface AccountOwner {
  fromId?: string;
  /** the owner's profile name ("first last"), compared as isNamesake does */
  name?: string;
}

const PersonalInformation = z
  .object({ user_id: z.union([z.number(), z.string()]).optional(), first_name: z.string().optional(), last_name: z.string().optional() })
  .passthrough();

/** Names compared without case, width, spacing or the marks a display name carries around it. */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Another account (its from_id is not the owner's) showing the owner's own profile name: a
 * namesake in a big group, whose words must never reach the owner's file by that shared name.
 */
function isNamesake(from: string | null | undefined, owner: AccountOwner): boolean {
  return !!from && owner.name !== undefined && nameKey(from) === owner.name;
}

/** A message or event of an export that names its owner, by another account: flagged so, and a namesake when it is one. */
function otherAccount(byOwner: boolean | undefined, from: string | null | undefined, owner: AccountOwner): Pick<ParsedItem, 'otherAccount' | 'namesake'> {
  if (byOwner !== false) return {};
  return { otherAccount: true, ...(isNamesake(from, owner) && { namesake: true }) };
}

async function* messagesOf(source: Readable | Buffer, memberPath: string, owner: AccountOwner, limits?: Limits): AsyncGenerator<ChatMessage> {
  const doc = new JsonCursor(source, memberPath, limits);
  const notExport = () => new MemberFormatError(memberPath, t(chatMessages.telegramNotExport));
  if ((await doc.kind()) !== 'object') throw notExport();
  const seen = { export: false };
  yield* chatObject(doc, [], seen, (key) => (key === 'personal_information' ? personalInformation(doc, owner) : accountChats(doc, key, seen)));
  await doc.end();
  if (!seen.export) throw notExport();
}

/** One chat object: name, type and id (written before the messages), then each message; other keys go to `other` or are skipped. */
async function* chatObject(
  doc: JsonCursor,
  at: Array<string | number>,
  seen: { export: boolean },
  other?: (key: string) => AsyncGenerator<ChatMessage>,
): AsyncGenerator<ChatMessage> {
  const fields: Record<string, unknown> = {};
  for await (const key of doc.keys()) {
    if (key === 'messages' && (await doc.kind()) === 'array') {
      seen.export = true;
      const context = chatRef(ChatInfo.parse(fields));
      for await (const index of doc.elements()) yield { context, at, index, raw: await doc.value() };
    } else if (key === 'name' || key === 'type' || key === 'id') fields[key] = await doc.value();
    else if (other) yield* other(key);
    else await doc.skip();
  }
}

/** personal_information of a whole-account export: read for the owner's user id; yields no message. */
async function* personalInformation(doc: JsonCursor, owner: AccountOwner): AsyncGenerator<ChatMessage> {
  const info = PersonalInformation.safeParse(await doc.value());
  if (info.success && info.data.user_id !== undefined) owner.fromId = `user${info.data.user_id}`;
  const name = info.success ? nameKey([info.data.first_name, info.data.last_name].filter(Boolean).join(' ')) : '';
  if (name) owner.name = name;
}

/** `chats` / `left_chats` of a whole-account export: their `list` of chat objects. */
async function* accountChats(doc: JsonCursor, key: string, seen: { export: boolean }): AsyncGenerator<ChatMessage> {
  if ((key !== 'chats' && key !== 'left_chats') || (await doc.kind()) !== 'object') {
    await doc.skip();
    return;
  }
  for await (const listKey of doc.keys()) {
    if (listKey !== 'list' || (await doc.kind()) !== 'array') {
      await doc.skip();
      continue;
    }
    seen.export = true;
    for await (const c of doc.elements()) {
      if ((await doc.kind()) === 'object') yield* chatObject(doc, [key, 'list', c], seen);
      else await doc.skip();
    }
  }
}

function chatRef(chat: ChatInfo): Ref {
  const ref: Ref = { kind: chatKind(chat.type) };
  if (chat.name) ref.name = chat.name;
  else if (chat.type === 'saved_messages') ref.name = 'Saved Messages';
  if (chat.id !== undefined) ref.id = String(chat.id);
  return ref;
}

function chatKind(type: string | undefined): Ref['kind'] {
  if (!type) return 'chat';
  if (type.endsWith('_channel')) return 'channel';
  if (type.endsWith('_group') || type.endsWith('_supergroup')) return 'group';
  return 'chat'; // personal_chat, bot_chat, saved_messages, replies
}

function messageDraft(msg: TelegramMessage, context: Ref, pointer: string, ctx: AdapterContext): ItemDraft {
  const { text, entities } = flattenText(msg.text, msg.text_entities);
  const pollText = msg.poll ? [plain(msg.poll.question), ...msg.poll.answers.map((a) => `- ${plain(a.text)}`)].join('\n') : '';
  const fullText = [text, pollText].filter(Boolean).join('\n');
  const draft: ItemDraft = {
    platform: 'telegram',
    kind: msg.forwarded_from ? 'share' : 'message',
    context,
    media: mediaOf(msg, ctx.member.path),
    hashtags: entities ? entityValues(entities, 'hashtag', '#') : extractHashtags(fullText),
    mentions: entities ? entityValues(entities, 'mention', '@') : extractMentions(fullText),
    source: { captureId: ctx.capture.id, path: ctx.member.path, pointer },
  };
  const actor = actorOf(msg);
  if (actor) draft.actor = actor;
  if (msg.forwarded_from) draft.target = { name: msg.forwarded_from };
  if (fullText) draft.text = fullText;
  // the message text is the caption of the photo/file it carries
  if (text && draft.media?.[0]) draft.media[0].caption = text;
  const time = timeOf(msg, ctx.options.timezone);
  if (time) draft.time = time;
  if (msg.date) draft.timeRaw = msg.date;
  const url = entities?.find((e) => e.type === 'text_link' || e.type === 'link');
  if (url) draft.link = { url: url.href ?? url.text };
  const place = placeOf(msg);
  if (place) draft.place = place;
  // the conversation: a reply borrows the topic of the message it answers (rules/evaluate.ts)
  draft.thread = { messageId: String(msg.id), ...(msg.reply_to_message_id !== undefined ? { replyTo: String(msg.reply_to_message_id) } : {}) };
  return draft;
}

/**
 * Service actions that are a person's own joining of a group. Being added by someone else
 * (invite_members) is the inviter's act, not the member's, and is not read; a channel's creation
 * names the channel itself as its actor, not a person.
 */
const MEMBERSHIP_ACTIONS = new Set(['join_group_by_link', 'join_group_by_request', 'create_group']);

/** A person's join or creation of the group → a membership item of that person, target the group. */
function membershipDraft(msg: TelegramMessage, context: Ref, pointer: string, ctx: AdapterContext): ItemDraft | undefined {
  if (!msg.action || !MEMBERSHIP_ACTIONS.has(msg.action) || !msg.actor_id?.startsWith('user')) return undefined;
  const actor = actorOf({ ...msg, from: msg.actor, from_id: msg.actor_id });
  const name = msg.title ?? context.name;
  const draft: ItemDraft = {
    platform: 'telegram',
    kind: 'membership',
    context,
    target: { kind: context.kind === 'channel' ? 'channel' : 'group', ...(name && { name }), ...(context.id && { id: context.id }) },
    source: { captureId: ctx.capture.id, path: ctx.member.path, pointer },
    thread: { messageId: String(msg.id) },
  };
  if (actor) draft.actor = actor;
  const time = timeOf(msg, ctx.options.timezone);
  if (time) draft.time = time;
  if (msg.date) draft.timeRaw = msg.date;
  return draft;
}

/** `text` is a plain string, or an array mixing strings and entity objects; both become one string. */
function flattenText(text: TextValue | undefined, textEntities: Entity[] | undefined): { text: string; entities?: Entity[] } {
  if (text === undefined) return { text: '' };
  if (typeof text === 'string') {
    // a plain string has no entities, unless text_entities lists some (it always mirrors `text`)
    const listed = textEntities?.filter((e) => e.type !== 'plain');
    return listed && listed.length > 0 ? { text, entities: listed } : { text };
  }
  const entities = text.filter((p): p is Entity => typeof p !== 'string');
  return { text: plain(text), entities };
}

function plain(value: TextValue): string {
  return typeof value === 'string' ? value : value.map((p) => (typeof p === 'string' ? p : p.text)).join('');
}

function entityValues(entities: Entity[], type: string, prefix: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of entities) {
    if (e.type !== type) continue;
    const value = e.text.startsWith(prefix) ? e.text.slice(prefix.length) : e.text;
    if (value && !seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}

function actorOf(msg: TelegramMessage): Ref | undefined {
  if (!msg.from && !msg.from_id) return undefined;
  const ref: Ref = { kind: msg.from_id?.startsWith('channel') ? 'channel' : msg.from_id?.startsWith('chat') ? 'group' : 'account' };
  if (msg.from) ref.name = msg.from;
  if (msg.from_id) ref.id = msg.from_id;
  return ref;
}

/** date_unixtime is exact; `date` is the exporting computer's local time without a zone. */
function timeOf(msg: TelegramMessage, timeZone: string): string | undefined {
  if (msg.date_unixtime && /^\d+$/.test(msg.date_unixtime)) {
    // a damaged export can hold any digits: beyond JavaScript's date range the time is unknown, not a crash
    const at = new Date(Number(msg.date_unixtime) * 1000);
    if (!Number.isNaN(at.getTime())) return at.toISOString();
  }
  const m = msg.date && /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(msg.date);
  if (!m) return undefined;
  try {
    return localToUtc({ y: +m[1]!, m: +m[2]!, d: +m[3]!, hh: +m[4]!, mm: +m[5]!, ss: +m[6]! }, timeZone);
  } catch {
    return undefined;
  }
}

/** photo/file paths are relative to the folder holding result.json; skip sentences are not paths. */
function mediaOf(msg: TelegramMessage, memberPath: string): Media[] {
  const media: Media[] = [];
  const base = posix.dirname(memberPath);
  const add = (value: string | undefined, fallbackType: string | undefined): void => {
    if (value === undefined) return;
    const entry: Media = {};
    if (!SKIPPED_FILE.test(value) && value.trim()) entry.uri = base === '.' ? value : posix.join(base, value);
    const mediaType = msg.mime_type ?? (entry.uri ? mediaTypeOfPath(entry.uri) : undefined) ?? fallbackType;
    if (mediaType) entry.mediaType = mediaType;
    media.push(entry);
  };
  add(msg.photo, 'image/jpeg');
  add(msg.file, undefined);
  return media;
}

function placeOf(msg: TelegramMessage): Place | undefined {
  const loc = msg.location_information;
  if (!loc && !msg.place_name && !msg.address) return undefined;
  const place: Place = {};
  if (msg.place_name) place.name = msg.place_name;
  if (msg.address) place.address = msg.address;
  if (loc) {
    place.lat = loc.latitude;
    place.lon = loc.longitude;
  }
  return place;
}
