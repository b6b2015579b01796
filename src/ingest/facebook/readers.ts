// One reader per kind of Facebook export file: each walks the (mojibake-repaired) JSON document and
// yields one ParsedItem per array element. The element shape is the same in every era; the eras
// differ in file paths (facebook.ts) and in the wrapper key (`page_likes` → `page_likes_v2` …).
import { z } from 'zod';
import type { EventInfo, ItemDraft, ItemKind, Media, Place, Ref } from '../../model/index.js';
import { extractHashtags, extractMentions } from '../../text/tags.js';
import { jsonPointer } from '../json.js';
import type { ParsedItem } from '../types.js';
import { mediaTypeOf } from '../walk.js';
import { alreadyPosted, type PostedMedia } from './posted-media.js';
import { byLabel, isTextEntry, isUrl, LabelValueSchema, leaves, parseCoordinates, type LabelValue } from './labels.js';
import { parseTitle, type TitleParts } from './titles.js';

/** What a reader knows besides the document. */
export interface ReaderEnv {
  /** member path, for source refs */
  path: string;
  captureId: string;
  /** the export owner's name, from profile_information.json, when known */
  owner?: string;
  /** the file holds other people's activity only (posts others wrote on the owner's timeline) */
  othersOnly?: boolean;
  /** an element of an unexpected shape was left out (counted, reported once per file) */
  skip(pointer: string): void;
  /** album files only: the uploads the export's posts and profile-update files already read */
  posted?: PostedMedia;
}

export type Reader = (doc: unknown, env: ReaderEnv) => Generator<ParsedItem>;

/** Thrown when a document has none of the wrapper keys a reader knows; becomes a MemberFormatError. */
export class UnexpectedShape extends Error {}

type Segment = string | number;

// ---- shared schemas -------------------------------------------------------------------------

const Singleton = z.record(z.string(), z.unknown());
const Exif = z.object({
  taken_timestamp: z.number().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});
const MediaSchema = z.object({
  uri: z.string().optional(),
  creation_timestamp: z.number().optional(),
  description: z.string().optional(),
  media_metadata: z
    .object({
      photo_metadata: z.object({ exif_data: z.array(Exif).optional() }).optional(),
      video_metadata: z.object({ exif_data: z.array(Exif).optional() }).optional(),
    })
    .optional(),
});
const PlaceSchema = z.object({
  name: z.string().optional(),
  coordinate: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  address: z.string().nullish(),
  url: z.string().nullish(),
});
const ExternalSchema = z.object({ name: z.string().optional(), url: z.string().nullish() });
const EventSchema = z.object({
  name: z.string(),
  start_timestamp: z.number().optional(),
  end_timestamp: z.number().optional(),
  place: PlaceSchema.optional(),
});
const Attachments = z.array(z.object({ data: z.array(Singleton).optional() })).optional();

const PostSchema = z.object({
  timestamp: z.number().optional(),
  title: z.string().optional(),
  data: z.array(Singleton).optional(),
  attachments: Attachments,
  tags: z.array(z.union([z.string(), z.object({ name: z.string() })])).optional(),
});

// ---- helpers --------------------------------------------------------------------------------

/** Unix seconds → ISO 8601 UTC; 0 / missing means "unknown". */
export function fromUnix(seconds: number | undefined): string | undefined {
  return seconds && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined;
}

/** The arrays of a document: a bare array, or the values of the wrapper keys matching `keys`. */
function* arrays(doc: unknown, keys: RegExp): Generator<{ at: Segment[]; key: string; list: unknown[] }> {
  if (Array.isArray(doc)) {
    yield { at: [], key: '', list: doc };
    return;
  }
  if (!isRecord(doc)) throw new UnexpectedShape();
  let found = false;
  for (const [key, value] of Object.entries(doc)) {
    if (keys.test(key) && Array.isArray(value)) {
      found = true;
      yield { at: [key], key, list: value };
    }
  }
  if (!found) throw new UnexpectedShape();
}

/** Each element of the arrays, validated; elements of another shape are reported to env.skip. */
function* elements<T>(doc: unknown, keys: RegExp, schema: z.ZodType<T>, env: ReaderEnv): Generator<{ el: T; raw: unknown; at: Segment[]; key: string }> {
  for (const { at, key, list } of arrays(doc, keys)) {
    for (let i = 0; i < list.length; i++) {
      const parsed = schema.safeParse(list[i]);
      if (parsed.success) yield { el: parsed.data, raw: list[i], at: [...at, i], key };
      else env.skip(jsonPointer(...at, i));
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nonEmpty(s: string | null | undefined): string | undefined {
  const v = s?.trim();
  return v ? s! : undefined;
}

function actorRef(name: string | undefined): Ref | undefined {
  return name ? { kind: 'account', name } : undefined;
}

interface DraftFields {
  kind: ItemKind;
  actor?: string;
  target?: Ref;
  text?: string;
  reaction?: string;
  time?: string;
  place?: Place;
  event?: EventInfo;
  media?: Media[];
  link?: { url?: string; title?: string };
  context?: Ref;
  mentions?: string[];
  /** a title sentence parseTitle could not read ("Joko is with Wahyu."): who did it is unknown */
  unreadTitle?: string;
}

/** The ParsedItem for one element: the common Facebook fields + hashtags/mentions from the text. */
function item(env: ReaderEnv, at: Segment[], raw: unknown, f: DraftFields): ParsedItem {
  const captions = (f.media ?? []).map((m) => m.caption ?? '').join('\n');
  const hashtags = extractHashtags([f.text ?? '', captions].join('\n'));
  const mentions = [...new Set([...extractMentions(f.text), ...(f.mentions ?? [])])];
  // The element names who did it (the title's actor, a comment's author, a reaction's actor). When
  // that is someone other than the export owner — a friend's post on the owner's timeline, a tag of
  // the owner in someone else's photo, another member's group post — it is theirs, never the owner's.
  // A title netral cannot read that names the owner, but not first, tells of him ("Joko Purnomo is
  // with Wahyu.", "Joko tagged Wahyu in a post."): someone else's act, never guessed to be his.
  const someoneElse =
    env.othersOnly === true ||
    (f.actor !== undefined && env.owner !== undefined && !sameName(f.actor, env.owner)) ||
    (f.unreadTitle !== undefined && env.owner !== undefined && namesLater(f.unreadTitle, env.owner));
  const actor = actorRef(someoneElse ? f.actor : (env.owner ?? f.actor));
  const draft: ItemDraft = {
    platform: 'facebook',
    kind: f.kind,
    ...(actor && { actor }),
    ...(f.target && { target: f.target }),
    ...(f.text !== undefined && { text: f.text }),
    ...(f.reaction && { reaction: f.reaction }),
    ...(f.time && { time: f.time }),
    ...(f.place && { place: f.place }),
    ...(f.event && { event: f.event }),
    media: f.media ?? [],
    ...(f.link && { link: f.link }),
    ...(f.context && { context: f.context }),
    hashtags,
    mentions,
    source: { captureId: env.captureId, path: env.path, pointer: jsonPointer(...at) },
  };
  return { draft, raw, ...(someoneElse && { byOwner: false }) };
}

/** Two spellings of one person's name: case, spacing, accents and a bracketed other name ("Wahyu Hidayat (Yayu)") aside. */
export function sameName(a: string, b: string): boolean {
  return nameNorm(a) === nameNorm(b);
}

function nameNorm(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Whether `text` names `name` somewhere after its start (as sameName compares names). */
function namesLater(text: string, name: string): boolean {
  const n = nameNorm(name);
  return n !== '' && nameNorm(text).indexOf(n) > 0;
}

function toPlace(p: z.infer<typeof PlaceSchema>): Place {
  return {
    ...(p.name && { name: p.name }),
    ...(p.address && { address: p.address }),
    ...(p.coordinate && { lat: p.coordinate.latitude, lon: p.coordinate.longitude }),
    ...(p.url && { url: p.url }),
  };
}

function toMedia(m: z.infer<typeof MediaSchema>): Media {
  const exif = [...(m.media_metadata?.photo_metadata?.exif_data ?? []), ...(m.media_metadata?.video_metadata?.exif_data ?? [])];
  const taken = fromUnix(exif.find((e) => e.taken_timestamp)?.taken_timestamp);
  const gps = exif.find((e) => e.latitude !== undefined && e.longitude !== undefined);
  return {
    ...(m.uri && (isUrl(m.uri) ? { url: m.uri } : { uri: m.uri, ...mediaTypeOf(m.uri) })),
    ...(nonEmpty(m.description) && { caption: m.description }),
    ...(taken && { takenAt: taken }),
    ...(gps && { gps: { lat: gps.latitude!, lon: gps.longitude! } }),
  };
}

function toEvent(e: z.infer<typeof EventSchema>, response: EventInfo['response']): EventInfo {
  const start = fromUnix(e.start_timestamp);
  const end = fromUnix(e.end_timestamp);
  return {
    name: e.name,
    ...(response && { response }),
    ...(start && { start }),
    ...(end && { end }),
    ...(e.place && { place: toPlace(e.place) }),
  };
}

/** What a post's attachments hold: media, place (entries differing only in url are merged), link, event. */
function readAttachments(attachments: z.infer<typeof Attachments>): { media: Media[]; place?: Place; link?: { url?: string; title?: string }; event?: EventInfo } {
  const media: Media[] = [];
  let place: Place | undefined;
  let link: { url?: string; title?: string } | undefined;
  let event: EventInfo | undefined;
  for (const attachment of attachments ?? []) {
    for (const entry of attachment.data ?? []) {
      const m = MediaSchema.safeParse(entry.media);
      if (entry.media !== undefined && m.success) media.push(toMedia(m.data));
      const p = PlaceSchema.safeParse(entry.place);
      if (entry.place !== undefined && p.success) place = { ...toPlace(p.data), ...place, ...(p.data.url && !place?.url && { url: p.data.url }) };
      const x = ExternalSchema.safeParse(entry.external_context);
      if (entry.external_context !== undefined && x.success && (x.data.url || x.data.name)) {
        link = { ...(x.data.url && { url: x.data.url }), ...(x.data.name && { title: x.data.name }) };
      }
      const e = EventSchema.safeParse(entry.event);
      if (entry.event !== undefined && e.success) event = toEvent(e.data, 'attached');
    }
  }
  return { media, ...(place && { place }), ...(link && { link }), ...(event && { event }) };
}

function firstString(data: Array<Record<string, unknown>> | undefined, key: string): string | undefined {
  for (const d of data ?? []) {
    const v = d[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

function objectRef(parts: TitleParts | undefined): Ref | undefined {
  if (!parts?.owner && !parts?.object) return undefined;
  const kind = parts.object === 'link' ? 'post' : (parts.object ?? 'unknown');
  return { kind, ...(parts.owner && { name: parts.owner }) };
}

// ---- posts ----------------------------------------------------------------------------------

const POST_KEYS = /^(status_updates|group_posts(_v\d+)?|posts(_v\d+)?)$/;

/** Own posts (and group posts): text, media with captions, place, link, attached event. */
export const readPosts: Reader = function* (doc, env) {
  for (const { el, raw, at, key } of elements(doc, POST_KEYS, PostSchema, env)) {
    const p = postFields(el, key.startsWith('group_posts'));
    if (p) yield item(env, at, raw, p);
  }
};

/**
 * `posts/other_people's_posts_to_your_timeline.json` → `wall_posts_sent_to_you(_v2)` →
 * `activity_log_data`: posts friends wrote on the owner's timeline. Each is its writer's (the
 * title's actor), never the owner's; a post whose writer the title does not name is nobody's.
 */
export const readWallPosts: Reader = function* (doc, env) {
  const key = isRecord(doc) ? Object.keys(doc).find((k) => /^wall_posts_sent_to_you(_v\d+)?$/.test(k)) : undefined;
  const inner = key ? (doc as Record<string, unknown>)[key] : doc;
  const list = isRecord(inner) && Array.isArray(inner.activity_log_data) ? inner.activity_log_data : inner;
  const prefix: Segment[] = key ? (isRecord(inner) && Array.isArray(inner.activity_log_data) ? [key, 'activity_log_data'] : [key]) : [];
  if (!Array.isArray(list)) throw new UnexpectedShape();
  const others = { ...env, othersOnly: true };
  for (let i = 0; i < list.length; i++) {
    const parsed = PostSchema.safeParse(list[i]);
    const p = parsed.success ? postFields(parsed.data, false) : undefined;
    if (p) yield item(others, [...prefix, i], list[i], { ...p, ...(env.owner && { target: { kind: 'account', name: env.owner } }) });
    else if (!parsed.success) env.skip(jsonPointer(...prefix, i));
  }
};

function postFields(el: z.infer<typeof PostSchema>, inGroup: boolean): DraftFields | undefined {
  const text = firstString(el.data, 'post');
  const { media, place, link, event } = readAttachments(el.attachments);
  const title = parseTitle(el.title);
  // "X shared Y's post." / "X shared a post." is a share ("X shared a link." is the person's own
  // post with a link); "X wrote on Y's timeline." a post on someone else's wall; "X posted in
  // <group>." a group post. A post with a place stays a post with `place` set.
  const shared = title?.verb === 'share' && !title.own && title.object !== 'link';
  const target = (shared || title?.verb === 'wrote-on') && title?.owner ? objectRef(title) : undefined;
  const context: Ref | undefined = title?.verb === 'posted-in' && title.owner ? { kind: 'group', name: title.owner } : inGroup ? { kind: 'group' } : undefined;
  if (!text && media.length === 0 && !place && !link && !event && !target) return undefined;
  const tags = (el.tags ?? []).map((t) => (typeof t === 'string' ? t : t.name)).filter(Boolean);
  const time = fromUnix(el.timestamp);
  return {
    kind: shared ? 'share' : 'post',
    ...(title?.actor && { actor: title.actor }),
    ...(target && { target }),
    ...(text !== undefined && { text }),
    ...(time && { time }),
    ...(place && { place }),
    ...(event && { event }),
    media,
    ...(link && { link }),
    ...(context && { context }),
    mentions: tags,
    ...(el.title?.trim() && !title && { unreadTitle: el.title }),
  };
}

// ---- check-ins (2024+ label_values) -------------------------------------------------------------

const CheckinSchema = z.object({ timestamp: z.number().optional(), label_values: z.array(LabelValueSchema) });

/** `check-ins.json`: one check-in per element (or a single object when there is only one). */
export const readCheckins: Reader = function* (doc, env) {
  const single = isRecord(doc) && Array.isArray(doc.label_values);
  const source = single ? [doc] : doc;
  for (const { el, raw, at } of elements(source, /^(check_ins?(_v\d+)?|checkins?(_v\d+)?)$/, CheckinSchema, env)) {
    const lvs = el.label_values;
    const message = byLabel(lvs, 'message') ?? lvs.find(isTextEntry);
    const placeEntry = byLabel(lvs, 'placeTags') ?? lvs.find((lv) => lv.dict || lv.vec);
    const place = placeEntry ? placeFromLabels(placeEntry) : undefined;
    const time = fromUnix(el.timestamp);
    yield item(env, single ? [] : at, raw, {
      kind: 'checkin',
      ...(message?.value && { text: message.value }),
      ...(time && { time }),
      ...(place && { place }),
    });
  }
};

/**
 * `places_you_have_been_tagged_in.json` (2024+, label_values: `Place name`, `Visit time` as
 * `timestamp_value`, `Name of application used to tag this place`): places where SOMEONE ELSE
 * tagged the owner. A tag is the tagger's act, not the owner's: the item is a check-in that
 * names the owner as its target (the person tagged), has no actor (the file does not say who
 * tagged) and is never the owner's own (byOwner false), so a rule never files a friend's tag
 * under the subject. The application name stays in the raw fragment kept as evidence.
 */
export const readTaggedPlaces: Reader = function* (doc, env) {
  const single = isRecord(doc) && Array.isArray(doc.label_values);
  const source = single ? [doc] : doc;
  const others = { ...env, othersOnly: true };
  for (const { el, raw, at } of elements(source, /^(places?_you_have_been_tagged_in|tagged_places)(_v\d+)?$/, CheckinSchema, env)) {
    const lvs = el.label_values;
    const app = byLabel(lvs, 'taggingApp');
    const name = (byLabel(lvs, 'placeName') ?? lvs.find((lv) => lv !== app && isTextEntry(lv)))?.value;
    const visit = byLabel(lvs, 'visitTime') ?? lvs.find((lv) => lv.timestamp_value !== undefined);
    const time = fromUnix(visit?.timestamp_value ?? el.timestamp);
    if (!name) {
      env.skip(jsonPointer(...(single ? [] : at)));
      continue;
    }
    yield item(others, single ? [] : at, raw, {
      kind: 'checkin',
      ...(env.owner && { target: { kind: 'account', name: env.owner } }),
      ...(time && { time }),
      place: { name },
    });
  }
};

function placeFromLabels(entry: LabelValue): Place | undefined {
  const all = leaves(entry);
  const coords = all.map((lv) => parseCoordinates(lv.value)).find(Boolean);
  const texts = all.filter((lv) => isTextEntry(lv) && !parseCoordinates(lv.value));
  const name = byLabel(all, 'name')?.value ?? texts[0]?.value;
  const address = byLabel(all, 'address')?.value ?? texts.find((lv) => lv.value !== name)?.value;
  const url = all.find((lv) => isUrl(lv.value) || isUrl(lv.href));
  if (!name && !coords) return undefined;
  return {
    ...(name && { name }),
    ...(address && { address }),
    ...(coords && { lat: coords.lat, lon: coords.lon }),
    ...(url && { url: (isUrl(url.value) ? url.value : url.href)! }),
  };
}

// ---- likes and reactions ------------------------------------------------------------------------

const OldReactionSchema = z.object({
  timestamp: z.number().optional(),
  title: z.string().optional(),
  data: z.array(z.object({ reaction: z.object({ reaction: z.string(), actor: z.string().optional() }).optional() })).optional(),
});
const NewReactionSchema = z.object({ timestamp: z.number().optional(), label_values: z.array(LabelValueSchema) });
const ReactionSchema = z.union([NewReactionSchema, OldReactionSchema]);

// Localized reaction words of the label_values shape → the upper-case values of the old shape.
// Indonesian words are guesses.
const REACTION_WORDS: Record<string, string> = { suka: 'LIKE', super: 'LOVE', peduli: 'CARE', sedih: 'SAD', marah: 'ANGRY' };

function normaliseReaction(value: string): string {
  const v = value.trim();
  if (/^[a-z]+$/i.test(v)) return REACTION_WORDS[v.toLowerCase()] ?? v.toUpperCase();
  return v;
}

/** Likes and reactions, old shape (target only in the title) and 2024 label_values (URL + owner). */
export const readReactions: Reader = function* (doc, env) {
  // your_facebook_activity/groups/likes_and_reactions(_N).json (2026): reactions to posts in groups
  const inGroups = /(^|\/)groups\//.test(env.path);
  for (const { el, raw, at } of elements(doc, /^reactions(_v\d+)?$/, ReactionSchema, env)) {
    const time = fromUnix(el.timestamp);
    if ('label_values' in el) {
      const lvs = el.label_values;
      const reaction = byLabel(lvs, 'reaction')?.value ?? lvs.find(isTextEntry)?.value;
      const urlEntry = byLabel(lvs, 'url') ?? lvs.find((lv) => isUrl(lv.value) || isUrl(lv.href));
      const url = isUrl(urlEntry?.value) ? urlEntry.value : isUrl(urlEntry?.href) ? urlEntry.href : undefined;
      const { owner, group } = reactionOwner(lvs, inGroups);
      const target: Ref = { kind: 'post', ...(owner && { name: owner }), ...(url && { url }) };
      const context: Ref | undefined = group !== undefined ? { kind: 'group', ...(group && { name: group }) } : undefined;
      yield item(env, at, raw, { kind: 'reaction', target, ...(reaction && { reaction: normaliseReaction(reaction) }), ...(time && { time }), ...(context && { context }) });
    } else {
      const r = el.data?.find((d) => d.reaction)?.reaction;
      const parts = parseTitle(el.title);
      const target = objectRef(parts) ?? (el.title ? { kind: 'unknown' as const, name: el.title } : undefined);
      yield item(env, at, raw, {
        kind: 'reaction',
        ...((r?.actor ?? parts?.actor) && { actor: r?.actor ?? parts?.actor }),
        ...(target && { target }),
        ...(r && { reaction: normaliseReaction(r.reaction) }),
        ...(time && { time }),
      });
    }
  }
};

/**
 * Whose post a label_values reaction was on, and the group it sits in. Outside groups: the `Owner`
 * entry (or the one entry holding a dict). In a reactions-in-groups file each element holds two
 * dicts, the group and the post's author (`Nhóm` and `Tác giả` in the one real export seen): the
 * group is the context, the author the target. When their labels are not known, nothing says which
 * dict is which: the item keeps the URL and the fact that it sits in a group, and names neither.
 * `group`: undefined outside groups, '' when the group's name is unknown.
 */
function reactionOwner(lvs: readonly LabelValue[], inGroups: boolean): { owner?: string; group?: string } {
  const nameOf = (entry: LabelValue | undefined): string | undefined => {
    const ls = entry ? leaves(entry) : [];
    return byLabel(ls, 'name')?.value ?? ls.find(isTextEntry)?.value;
  };
  const groupEntry = byLabel(lvs, 'group');
  const named = byLabel(lvs, 'owner') ?? byLabel(lvs, 'author');
  const dicts = lvs.filter((lv) => lv.dict || lv.vec);
  if (!inGroups && !groupEntry) return { owner: nameOf(named ?? dicts[0]) };
  const group = nameOf(groupEntry) ?? '';
  const ownerEntry = named ?? (groupEntry && dicts.length === 2 ? dicts.find((d) => d !== groupEntry) : undefined);
  const owner = nameOf(ownerEntry);
  return { ...(owner && { owner }), group };
}

// ---- pages liked / followed -------------------------------------------------------------------

const NamedSchema = z.object({
  name: z.string().optional(),
  title: z.string().optional(),
  url: z.string().nullish(),
  uri: z.string().nullish(),
  timestamp: z.number().optional(),
  data: z.array(z.object({ name: z.string().optional(), uri: z.string().nullish(), url: z.string().nullish() })).optional(),
  attachments: z.array(z.object({ data: z.array(z.object({ name: z.string().optional() })).optional() })).optional(),
  label_values: z.array(LabelValueSchema).optional(),
});
type Named = z.infer<typeof NamedSchema>;

/** The name and URL of a liked/followed page or joined group, whichever of the known places holds them. */
function nameAndUrl(el: Named): { name?: string; url?: string } {
  const lvs = el.label_values ?? [];
  const name =
    nonEmpty(el.name) ??
    el.data?.map((d) => nonEmpty(d.name)).find(Boolean) ??
    el.attachments?.flatMap((a) => a.data ?? []).map((d) => nonEmpty(d.name)).find(Boolean) ??
    (byLabel(lvs, 'name') ?? lvs.find(isTextEntry))?.value;
  const url =
    [el.url, el.uri, ...(el.data ?? []).flatMap((d) => [d.url, d.uri])].find(isUrl) ??
    lvs.map((lv) => (isUrl(lv.value) ? lv.value : isUrl(lv.href) ? lv.href : undefined)).find(Boolean);
  return { ...(name && { name }), ...(url && { url }) };
}

/** Pages liked (`page_likes`, `page_likes_v2`): kind follow, target page. */
export const readPagesLiked: Reader = function* (doc, env) {
  for (const { el, raw, at } of elements(doc, /^page_likes(_v\d+)?$/, NamedSchema, env)) {
    yield* named(env, at, raw, el, 'follow', 'page');
  }
};

/** Pages followed (`pages_followed_v2`) and people followed (`following`, `following_v2/v3`). */
export const readFollows: Reader = function* (doc, env) {
  for (const { el, raw, at, key } of elements(doc, /^(pages_followed|following)(_v\d+)?$/, NamedSchema, env)) {
    yield* named(env, at, raw, el, 'follow', key.startsWith('pages') ? 'page' : 'account');
  }
};

/** Groups joined: kind membership, target group (name from data, old attachments, or the title). */
export const readGroups: Reader = function* (doc, env) {
  for (const { el, raw, at } of elements(doc, /^groups_joined(_v\d+)?$/, NamedSchema, env)) {
    const fallback = parseTitle(el.title);
    const withTitle: Named = fallback?.verb === 'joined' && fallback.owner && !el.name ? { ...el, name: fallback.owner } : el;
    yield* named(env, at, raw, withTitle, 'membership', 'group', fallback?.actor);
  }
};

function* named(env: ReaderEnv, at: Segment[], raw: unknown, el: Named, kind: ItemKind, targetKind: NonNullable<Ref['kind']>, actor?: string): Generator<ParsedItem> {
  const { name, url } = nameAndUrl(el);
  if (!name && !url) {
    env.skip(jsonPointer(...at));
    return;
  }
  const time = fromUnix(el.timestamp);
  yield item(env, at, raw, { kind, ...(actor && { actor }), target: { kind: targetKind, ...(name && { name }), ...(url && { url }) }, ...(time && { time }) });
}

// ---- comments ---------------------------------------------------------------------------------

const CommentSchema = z.object({
  timestamp: z.number().optional(),
  title: z.string().optional(),
  data: z
    .array(
      z.object({
        comment: z.object({ timestamp: z.number().optional(), comment: z.string().optional(), author: z.string().optional(), group: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  attachments: Attachments,
});

/** Comments (`comments`, `comments_v2`, `group_comments_v2`): text, group → context, target from the title. */
export const readComments: Reader = function* (doc, env) {
  for (const { el, raw, at, key } of elements(doc, /^(group_)?comments(_v\d+)?$/, CommentSchema, env)) {
    yield commentItem(env, at, raw, el, key.startsWith('group_'));
  }
};

/**
 * One comment. `inGroup`: the file lists comments made in groups (your_comments_in_groups.json,
 * group_posts_and_comments.json), so a comment whose `group` is missing (a reply, in some exports)
 * was still made in a group: its context says so, without a name the export does not give.
 */
function commentItem(env: ReaderEnv, at: Segment[], raw: unknown, el: z.infer<typeof CommentSchema>, inGroup = false): ParsedItem {
  const c = el.data?.find((d) => d.comment)?.comment;
  const parts = parseTitle(el.title);
  const target = objectRef(parts) ?? (el.title ? { kind: 'unknown' as const, name: el.title } : undefined);
  const { media, link } = readAttachments(el.attachments);
  const time = fromUnix(el.timestamp ?? c?.timestamp);
  return item(env, at, raw, {
    kind: 'comment',
    ...((c?.author ?? parts?.actor) && { actor: c?.author ?? parts?.actor }),
    ...(target && { target }),
    ...(c?.comment !== undefined && { text: c.comment }),
    ...(time && { time }),
    media,
    ...(link && { link }),
    ...(nonEmpty(c?.group) ? { context: { kind: 'group', name: c!.group! } } : inGroup && { context: { kind: 'group' } }),
  });
}

/** `group_posts_and_comments.json` (2024) mixes both; an element with a `comment` is a comment. */
export const readGroupActivity: Reader = function* (doc, env) {
  for (const { raw, at } of elements(doc, /^(group_posts|group_comments|group_posts_and_comments)(_v\d+)?$/, Singleton, env)) {
    const comment = CommentSchema.safeParse(raw);
    const post = PostSchema.safeParse(raw);
    if (comment.success && comment.data.data?.some((d) => d.comment)) yield commentItem(env, at, raw, comment.data, true);
    else if (post.success) {
      const p = postFields(post.data, true);
      if (p) yield item(env, at, raw, p);
    } else env.skip(jsonPointer(...at));
  }
};

// ---- events -----------------------------------------------------------------------------------

const RESPONSE_KEYS: Record<string, EventInfo['response']> = {
  events_joined: 'joined',
  events_interested: 'interested',
  events_declined: 'declined',
  events_invited: 'invited',
  events_hosted: 'hosted',
};
const EventResponseSchema = EventSchema.extend({ timestamp: z.number().optional() });

/** Event responses (`event_responses(_v2)` → joined/interested/declined) and invitations (`events_invited(_v2)`). */
export const readEvents: Reader = function* (doc, env) {
  if (!isRecord(doc)) throw new UnexpectedShape();
  const responseKey = Object.keys(doc).find((k) => /^event_responses(_v\d+)?$/.test(k));
  const groups = responseKey ? doc[responseKey] : doc;
  if (!isRecord(groups)) throw new UnexpectedShape();
  const prefix: Segment[] = responseKey ? [responseKey] : [];
  let found = false;
  for (const [key, list] of Object.entries(groups)) {
    const response = RESPONSE_KEYS[key.replace(/_v\d+$/, '')];
    if (!response || !Array.isArray(list)) continue;
    found = true;
    for (let i = 0; i < list.length; i++) {
      const at = [...prefix, key, i];
      const parsed = EventResponseSchema.safeParse(list[i]);
      if (!parsed.success) {
        env.skip(jsonPointer(...at));
        continue;
      }
      const event = toEvent(parsed.data, response);
      // The export records no response time (formats.md §1.7); a `timestamp` is used when present.
      const time = fromUnix(parsed.data.timestamp);
      const parsedItem = item(env, at, list[i], { kind: 'event', target: { kind: 'event', name: event.name }, event, ...(time && { time }) });
      // an invitation is the inviter's act (the file does not say who): the owner only received it
      yield response === 'invited' ? { ...parsedItem, byOwner: false } : parsedItem;
    }
  }
  if (!found) throw new UnexpectedShape();
};

// ---- photos outside posts ---------------------------------------------------------------------

const LoosePhotoSchema = MediaSchema.extend({ title: z.string().optional() });

/**
 * `your_uncategorized_photos.json` → `other_photos_v2` (Page-style profiles: `uncategorized_photos.json`):
 * photos the owner uploaded outside any post or album, so they are in no posts file. Each is a
 * kind 'media' item: the photo, its description as text and caption (a pose or a campaign shirt is
 * shown here as in a post).
 */
export const readLoosePhotos: Reader = function* (doc, env) {
  for (const { el, raw, at } of elements(doc, /^(other_photos|uncategorized_photos)(_v\d+)?$/, LoosePhotoSchema, env)) {
    if (!el.uri) {
      env.skip(jsonPointer(...at));
      continue;
    }
    const media = toMedia(el);
    const time = fromUnix(el.creation_timestamp);
    yield item(env, at, raw, { kind: 'media', ...(media.caption !== undefined && { text: media.caption }), ...(time && { time }), media: [media] });
  }
};

// ---- profile-photo changes ------------------------------------------------------------------

/**
 * `profile_update_history.json` → `profile_updates_v2`: profile changes, with the new profile
 * picture as an attachment (a campaign "twibbon" frame shows here). Each is the owner's own act,
 * shown to their friends like a post: a kind 'post' with the picture, its description and any
 * attachment text. The title sentence is localized boilerplate ("… updated his profile
 * picture."); it is the text only when the entry has no other.
 */
export const readProfileUpdates: Reader = function* (doc, env) {
  for (const { el, raw, at } of elements(doc, /^profile_updates(_v\d+)?$/, PostSchema, env)) {
    const { media, link } = readAttachments(el.attachments);
    const attached = (el.attachments ?? []).flatMap((a) => a.data ?? []).map((d) => d.text).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    const text = firstString(el.data, 'post') ?? (attached.length > 0 ? attached.join('\n') : nonEmpty(el.title));
    const time = fromUnix(el.timestamp);
    if (!text && media.length === 0) {
      env.skip(jsonPointer(...at));
      continue;
    }
    yield item(env, at, raw, { kind: 'post', ...(text !== undefined && { text }), ...(time && { time }), media, ...(link && { link }) });
  }
};

// ---- albums -----------------------------------------------------------------------------------

const AlbumSchema = z.object({
  name: z.string().optional(),
  photos: z.array(z.unknown()),
  description: z.string().optional(),
  cover_photo: z.unknown().optional(),
  last_modified_timestamp: z.number().optional(),
});

/**
 * The albums whose photos are profile changes, by their localized names: English "Profile
 * Pictures" / "Cover Photos" (formats.md §1.9, S1, S7); the Indonesian "Foto Profil" / "Foto
 * Sampul" are the names Facebook's Indonesian interface shows, unconfirmed in a real export.
 */
const PROFILE_ALBUM = /^(profile pictures|cover photos|foto profil|foto sampul)$/i;

/**
 * An album file (`photos_and_videos/album/<n>.json` ≤2020, `posts/album/<n>.json` 2020–23,
 * `your_facebook_activity/posts/album/<n>.json` 2024+): `{name, photos[{uri, creation_timestamp,
 * description, …}], cover_photo, last_modified_timestamp, description}` (formats.md §1.9). Each
 * photo's description is the owner's caption: a kind 'media' item like an uncategorized photo
 * (a profile-picture or cover album's photo is a profile change, kind 'post' like
 * profile_update_history.json), with the album's name as context. A photo the posts or
 * profile-update files already read (env.posted) is that post: it is left out here. The album's
 * own description is one item; the file records no time for it, so it carries the album's last
 * change, the latest it can have been written.
 */
export const readAlbum: Reader = function* (doc, env) {
  const parsed = AlbumSchema.safeParse(doc);
  if (!parsed.success) throw new UnexpectedShape();
  const album = parsed.data;
  const name = nonEmpty(album.name)?.trim();
  const context: Ref | undefined = name ? { kind: 'unknown', name } : undefined;
  const description = nonEmpty(album.description);
  if (description !== undefined) {
    const cover = LoosePhotoSchema.safeParse(album.cover_photo);
    // the cover is one of the album's photos: its caption is read with that photo, not twice
    const { description: _caption, ...coverPhoto } = cover.success ? cover.data : {};
    const media = coverPhoto.uri ? [toMedia(coverPhoto)] : [];
    const time = fromUnix(album.last_modified_timestamp);
    yield item(env, ['description'], description, { kind: 'media', text: description, ...(time && { time }), media, ...(context && { context }) });
  }
  const kind: ItemKind = name !== undefined && PROFILE_ALBUM.test(name) ? 'post' : 'media';
  for (let i = 0; i < album.photos.length; i++) {
    const raw = album.photos[i];
    const photo = LoosePhotoSchema.safeParse(raw);
    if (!photo.success || !photo.data.uri) {
      env.skip(jsonPointer('photos', i));
      continue;
    }
    if (env.posted && alreadyPosted(env.posted, photo.data.uri, photo.data.creation_timestamp)) continue;
    const media = toMedia(photo.data);
    const time = fromUnix(photo.data.creation_timestamp);
    yield item(env, ['photos', i], raw, { kind, ...(media.caption !== undefined && { text: media.caption }), ...(time && { time }), media: [media], ...(context && { context }) });
  }
};

// ---- profile ----------------------------------------------------------------------------------

const ProfileSchema = z.object({
  name: z.object({ full_name: z.string().optional() }).optional(),
  username: z.string().optional(),
  profile_uri: z.string().optional(),
  registration_timestamp: z.number().optional(),
});

/** The `profile` / `profile_v2` object of profile_information.json and its key. */
function profileOf(doc: unknown): { key: string; profile: z.infer<typeof ProfileSchema> } | undefined {
  if (!isRecord(doc)) return undefined;
  const key = Object.keys(doc).find((k) => /^profile(_v\d+)?$/.test(k));
  const parsed = key ? ProfileSchema.safeParse(doc[key]) : undefined;
  return key && parsed?.success ? { key, profile: parsed.data } : undefined;
}

/** `profile_information.json` → one 'profile' item naming the account owner. */
export const readProfile: Reader = function* (doc, env) {
  const found = profileOf(doc);
  if (!found) throw new UnexpectedShape();
  const { key, profile: p } = found;
  const actor: Ref = {
    kind: 'account',
    ...(p.name?.full_name && { name: p.name.full_name }),
    ...(p.username && { handle: p.username }),
    ...(p.profile_uri && { url: p.profile_uri }),
  };
  const time = fromUnix(p.registration_timestamp);
  const { draft, raw } = item(env, [key], (doc as Record<string, unknown>)[key], { kind: 'profile', ...(time && { time }) });
  yield { draft: { ...draft, actor }, raw };
};

/** The owner's full name from a parsed profile_information.json, if it has one. */
export function profileOwnerName(doc: unknown): string | undefined {
  return nonEmpty(profileOf(doc)?.profile.name?.full_name);
}
