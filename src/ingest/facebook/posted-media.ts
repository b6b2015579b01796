// The uploads a Facebook export already reads elsewhere. An album file (formats.md §1.9) lists
// every photo of the album, and most of them are also the media of a post in the owner's posts
// file (same uri, same creation_timestamp) or, for the profile-picture album, of an entry of
// profile_update_history.json. Both are one act of the owner: the post (or profile change) is
// read there, with its own text, so the album's copy must not become a second item and a second
// finding. Item ids cannot merge them (a post and an album photo differ in kind and text).
import type { AdapterContext, Member } from '../types.js';
import { parseJsonMember } from '../json.js';
import { readAll } from '../walk.js';

/** A media uri and its creation time (unix seconds; absent when the file has none). */
export type PostedMedia = ReadonlyMap<string, number | undefined>;

/** Is this upload (uri, creation time) one the posts or profile-update files already read? */
export function alreadyPosted(posted: PostedMedia, uri: string, seconds: number | undefined): boolean {
  const key = normaliseUri(uri);
  if (!posted.has(key)) return false;
  const known = posted.get(key);
  // the same file re-used at another time (a photo shared again) is another act
  return known === undefined || seconds === undefined || known === seconds;
}

// Every posts-file name of every era (facebook.ts EXPORT_FILES), numbered files probed upwards from 1.
const SINGLE_FILES = ['posts/your_posts.json', 'posts/your_posts__check_ins__photos_and_videos.json', 'profile_update_history.json'];
const NUMBERED_FILES = ['posts/your_posts_', 'posts/your_posts__check_ins__photos_and_videos_', 'posts/profile_posts_'];
const MAX_PARTS = 1000;

/** The uploads of the posts and profile-update files of the export `ctx.member` belongs to (never a neighbouring export's). */
export async function postedMedia(ctx: AdapterContext): Promise<PostedMedia> {
  const members = new Set<Member>();
  for (const suffix of SINGLE_FILES) {
    const m = ctx.findExportFile(suffix);
    if (m) members.add(m);
  }
  for (const prefix of NUMBERED_FILES) {
    for (let n = 1; n <= MAX_PARTS; n++) {
      const m = ctx.findExportFile(`${prefix}${n}.json`);
      if (!m) break;
      members.add(m);
    }
  }
  const all = new Map<string, number | undefined>();
  for (const m of members) for (const [uri, seconds] of await mediaOf(m, ctx)) if (!all.has(uri) || all.get(uri) === undefined) all.set(uri, seconds);
  return all;
}

// Each posts file is read once for all the album files of an export.
const cache = new WeakMap<Member, Promise<PostedMedia>>();

function mediaOf(member: Member, ctx: AdapterContext): Promise<PostedMedia> {
  let found = cache.get(member);
  if (!found) {
    found = member
      .open()
      .then((s) => readAll(s, ctx.options.limits?.maxDocumentBytes))
      .then((bytes) => {
        const out = new Map<string, number | undefined>();
        collect(parseJsonMember(bytes, member.path, ctx.options.limits?.maxJsonDepth), out);
        return out;
      })
      .catch(() => new Map()); // a broken posts file is reported when it is read as a member
    cache.set(member, found);
  }
  return found;
}

/** Every `media: {uri, creation_timestamp}` object of a posts document, however deep. */
function collect(node: unknown, out: Map<string, number | undefined>): void {
  if (Array.isArray(node)) {
    for (const v of node) collect(v, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'media' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const { uri, creation_timestamp: seconds } = value as { uri?: unknown; creation_timestamp?: unknown };
      if (typeof uri === 'string' && uri.trim() !== '') out.set(normaliseUri(uri), typeof seconds === 'number' ? seconds : undefined);
    }
    collect(value, out);
  }
}

/** Uris are relative to the archive root; an export unpacked with a leading './' or '/' is the same. */
function normaliseUri(uri: string): string {
  return uri.trim().replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}
