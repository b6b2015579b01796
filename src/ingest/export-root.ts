// Which export a member belongs to. An input (a folder, a zip) can hold several people's exports
// side by side (an NGO's folder of downloads, a zip with two exports): a file that names the
// export's owner (Facebook profile_information.json, Instagram personal_information.json, X
// account.js) may only name the owner of the export it sits in, never of a neighbouring one.
import path from 'node:path';
import type { AdapterContext, Member } from './types.js';

/**
 * Top-level folders of the platforms' own export layouts (formats.md §1–§4, every era). The export
 * root of a member is the part of its path before the first of them; a loose file's root is its folder.
 */
const EXPORT_FOLDERS = new Set([
  // Facebook, all eras and Page-style profiles
  'your_facebook_activity', 'personal_information', "this_profile's_activity_across_facebook", 'your_activity_across_facebook',
  'logged_information', 'security_and_login_information', 'apps_and_websites_off_of_facebook', 'preferences', 'ads_information',
  'connections', 'posts', 'comments', 'comments_and_reactions', 'likes_and_reactions', 'groups', 'events', 'pages',
  'profile_information', 'photos_and_videos', 'following_and_followers', 'friends_and_followers', 'friends', 'messages',
  // Instagram
  'your_instagram_activity', 'account_information', 'content', 'media', 'likes', 'followers_and_following', 'story_interactions', 'story_sticker_interactions',
  // X
  'data',
]);

/** The folder an export starts at ('' for an export at the input's or the zip's root), ending in '/'. */
export function exportRoot(memberPath: string): string {
  const segments = memberPath.split('/');
  const folders = segments.slice(0, -1);
  const first = folders.findIndex((s) => EXPORT_FOLDERS.has(s.toLowerCase()));
  const kept = first === -1 ? folders : folders.slice(0, first);
  return kept.length > 0 ? kept.join('/') + '/' : '';
}

/**
 * A zip's name without what differs between the parts of one split download: the date and random
 * tail of `facebook-<user>-<YYYY-MM-DD>-<random>.zip`, or a part number ("-2", "_part2", " (2)").
 */
export function zipStem(zip: string): string {
  const base = path.basename(zip).replace(/\.zip$/i, '').toLowerCase();
  const dated = /^(.+?)[-_]\d{4}-\d{2}-\d{2}(?:[-_].*)?$/.exec(base);
  return (dated?.[1] ?? base).replace(/(?:[-_ ]?(?:part)?\d+|\s*\(\d+\))$/, '');
}

/**
 * Do two members belong to the same export? The same export root, and the same zip (or two zips
 * of one split download, by their names, even when named as two inputs) or the same folder input.
 * When in doubt, no: the owner stays unknown.
 */
export function sameExport(a: Member, b: Member): boolean {
  if (exportRoot(a.path) !== exportRoot(b.path)) return false;
  if (a.zip === undefined && b.zip === undefined) return a.input === b.input;
  return a.zip === b.zip || (a.zip !== undefined && b.zip !== undefined && zipStem(a.zip) === zipStem(b.zip));
}

/**
 * The input holds another export whose owner file (`suffix`) names its owner, and this member's
 * export has none: the input is several people's downloads, and nothing says this one is the
 * subject's. Its items are then nobody's own (byOwner false) rather than the subject's by default;
 * an item that names its author still reaches that author's subject through their account.
 */
export function ownerFileOnlyElsewhere(ctx: AdapterContext, suffix: string): boolean {
  return ctx.findExportFile(suffix) === undefined && ctx.findMember(suffix) !== undefined;
}
