// Facebook "Download Your Information" (JSON): which export files we read, matched by path SUFFIX
// (the root folder changes between eras and when a user unpacks the zip), and the export owner.
// Eras and shapes: formats.md §1. The per-file translation lives in facebook/readers.ts.
import { t } from '../i18n/index.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import {
  readAlbum,
  readCheckins,
  readComments,
  readEvents,
  readFollows,
  readGroupActivity,
  readGroups,
  readPagesLiked,
  readPosts,
  readProfile,
  readProfileUpdates,
  readLoosePhotos,
  readTaggedPlaces,
  readReactions,
  readWallPosts,
  sameName,
  profileOwnerName,
  UnexpectedShape,
  type Reader,
} from './facebook/readers.js';
import { postedMedia } from './facebook/posted-media.js';
import { ownerFileOnlyElsewhere } from './export-root.js';
import { parseJsonMember } from './json.js';
import { repairDeep } from './mojibake.js';
import { MemberFormatError, type Adapter, type AdapterContext, type Member, type ParsedItem } from './types.js';
import { readAll } from './walk.js';

interface ExportFile {
  /** tested against the whole member path; anchored at a '/' boundary, never at the root */
  pattern: RegExp;
  /** what the file holds, for error messages */
  what: string;
  read: Reader;
  /** the reader needs the uploads the posts files already read (album files) */
  posted?: true;
}

// `'` in "pages_you've_liked" is sometimes written as `_` (pages_you_ve_liked.json).
const EXPORT_FILES: readonly ExportFile[] = [
  // 2018–19 posts/your_posts.json; 2020–23 posts/your_posts_1.json; 2024+ …/posts/your_posts__check_ins__photos_and_videos_1.json;
  // Page-style profiles …/posts/profile_posts_1.json
  { pattern: /(^|\/)posts\/(your_posts(_\d+)?|your_posts__check_ins__photos_and_videos(_\d+)?|profile_posts(_\d+)?)\.json$/, what: 'posts', read: readPosts },
  { pattern: /(^|\/)posts\/other_people(['’]|_)s_posts_to_your_timeline\.json$/, what: "others' posts on your timeline", read: readWallPosts },
  { pattern: /(^|\/)groups\/(your_posts_in_groups|group_posts_and_comments|your_group_posts_and_comments)\.json$/, what: 'group posts', read: readGroupActivity },
  { pattern: /(^|\/)posts\/check-ins\.json$/, what: 'check-ins', read: readCheckins },
  { pattern: /(^|\/)places_you_have_been_tagged_in\.json$/, what: 'places you were tagged in', read: readTaggedPlaces },
  // …/groups/likes_and_reactions(_N).json: reactions to posts in groups (a real 2026 export)
  { pattern: /(^|\/)(likes_and_reactions|comments_and_reactions)\/(posts_and_comments|likes_and_reactions(_\d+)?)\.json$/, what: 'reactions', read: readReactions },
  { pattern: /(^|\/)your_facebook_activity\/groups\/likes_and_reactions(_\d+)?\.json$/, what: 'reactions in groups', read: readReactions },
  { pattern: /(^|\/)(likes_and_reactions\/pages|pages\/pages_you(['’]|_)ve_liked)\.json$/, what: 'liked pages', read: readPagesLiked },
  {
    pattern: /(^|\/)(pages\/pages_and_profiles_you_follow|following_and_followers\/following|(friends_and_followers|connections\/followers)\/who_you(['’]|_)ve_followed)\.json$/,
    what: 'follows',
    read: readFollows,
  },
  { pattern: /(^|\/)(comments\/comments|comments_and_reactions\/comments|groups\/your_comments_in_groups)\.json$/, what: 'comments', read: readComments },
  { pattern: /(^|\/)events\/(your_event_responses|event_invitations)\.json$/, what: 'events', read: readEvents },
  { pattern: /(^|\/)groups\/(your_)?group_membership_activity\.json$/, what: 'groups', read: readGroups },
  { pattern: /(^|\/)profile_information\/profile_information\.json$/, what: 'profile', read: readProfile },
  { pattern: /(^|\/)(your_)?uncategorized_photos\.json$/, what: 'uncategorized photos', read: readLoosePhotos },
  { pattern: /(^|\/)profile_update_history\.json$/, what: 'profile updates', read: readProfileUpdates },
  // ≤2020 photos_and_videos/album/<n>.json; 2020–23 posts/album/<n>.json; 2024+ your_facebook_activity/posts/album/<n>.json
  { pattern: /(^|\/)(photos_and_videos|posts)\/album\/\d+\.json$/, what: 'album', read: readAlbum, posted: true },
];

const PROFILE_SUFFIX = 'profile_information/profile_information.json';

function exportFile(path: string): ExportFile | undefined {
  return EXPORT_FILES.find((f) => f.pattern.test(path));
}

export const facebookAdapter: Adapter = {
  id: 'facebook',
  platform: 'facebook',
  label: 'Facebook',
  input: 'buffer',
  authorship: 'owner',
  detect: (path) => exportFile(path) !== undefined,
  read: (source, ctx) => readFacebook(source as Buffer, ctx),
};

async function* readFacebook(bytes: Buffer, ctx: AdapterContext): AsyncGenerator<ParsedItem> {
  const file = exportFile(ctx.member.path);
  if (!file) return;
  const doc = repairDeep(parseJsonMember(bytes, ctx.member.path, ctx.options.limits?.maxJsonDepth));
  const owner = await exportOwner(ctx);
  const skipped: string[] = [];
  const posted = file.posted ? await postedMedia(ctx) : undefined;
  const env = { path: ctx.member.path, captureId: ctx.capture.id, ...(owner && { owner }), ...(posted && { posted }), skip: (p: string) => skipped.push(p) };
  const othersExport = !owner && ownerFileOnlyElsewhere(ctx, PROFILE_SUFFIX);
  try {
    const items = owner ? file.read(doc, env) : withoutMixedActors(file.read(doc, env));
    yield* othersExport ? notTheOwners(items) : items;
  } catch (err) {
    if (err instanceof UnexpectedShape) throw new MemberFormatError(ctx.member.path, t(msg.facebookUnexpectedShape, { what: file.what }));
    throw err;
  }
  if (skipped.length > 0) ctx.warn(t(msg.facebookEntriesSkipped, { path: ctx.member.path, count: skipped.length, pointer: skipped[0] ?? '' }));
}

/**
 * Without profile_information.json the owner's name is unknown. A file whose elements name one
 * person (every title "Siti Rahayu …") is theirs; a file that names several people mixes the
 * owner's activity with others' and nothing says which name is the owner's: its named items are
 * left out of the owner's file (byOwner false) rather than guessed. Items naming nobody stay the owner's.
 */
function* withoutMixedActors(items: Iterable<ParsedItem>): Generator<ParsedItem> {
  const all = [...items];
  const names: string[] = [];
  for (const p of all) {
    const name = p.byOwner === false ? undefined : p.draft.actor?.name;
    if (name && !names.some((n) => sameName(n, name))) names.push(name);
  }
  for (const p of all) yield names.length > 1 && p.draft.actor?.name ? { ...p, byOwner: false } : p;
}

/** Items of an export whose owner is unknown in an input that holds other people's exports. */
function* notTheOwners(items: Iterable<ParsedItem>): Generator<ParsedItem> {
  for (const p of items) yield { ...p, byOwner: false };
}

// The owner's name is read once per profile file (an export has one; a split export has it in one zip).
const owners = new WeakMap<Member, Promise<string | undefined>>();

/** The export owner's name from profile_information.json, wherever it sits in the input(s). */
function exportOwner(ctx: AdapterContext): Promise<string | undefined> {
  const profile = ctx.findExportFile(PROFILE_SUFFIX);
  if (!profile) return Promise.resolve(undefined);
  let owner = owners.get(profile);
  if (!owner) {
    owner = profile
      .open()
      .then(readAll)
      .then((b) => profileOwnerName(repairDeep(parseJsonMember(b, profile.path))))
      .catch(() => undefined); // a broken profile file is reported when it is read as a member
    owners.set(profile, owner);
  }
  return owner;
}

