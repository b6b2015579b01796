// The texts of an item that rules read and reports show, one per field. Its own module so the
// report and review commands show an item without loading the rule engine.
import type { SpanField } from './finding.js';
import type { Item } from './item.js';

/** The strings of an item that rules can look at, each with its field name and list index. */
export function fieldTexts(item: Item): Array<{ field: SpanField; index: number; text: string }> {
  const out: Array<{ field: SpanField; index: number; text: string }> = [];
  const add = (field: SpanField, text: string | undefined, index = 0) => {
    if (text && text.trim()) out.push({ field, index, text });
  };
  add('text', item.text);
  if (item.target) add('target', targetString(item.target));
  if (item.place) add('place', [item.place.name, item.place.address].filter(Boolean).join(' | '));
  if (item.event) add('event', item.event.name);
  item.media.forEach((m, i) => add('media.caption', m.caption, i));
  if (item.context) add('context', item.context.name);
  if (item.link) add('link', [item.link.title, item.link.url].filter(Boolean).join(' | '));
  // hashtags an export lists separately from the text (so they are not matched twice)
  if (item.hashtags.length) {
    const inText = textHashtags((item.text ?? '').toLowerCase());
    const extra = item.hashtags.filter((h) => !inText.has(`#${h.toLowerCase()}`));
    if (extra.length) add('hashtags', extra.map((h) => `#${h}`).join(' '));
  }
  return out;
}

/**
 * The set of what /#[\p{L}\p{N}_]+/gu matches in `lower`, found by a walk from each '#' (speed
 * only: the regex and its match array ran on every row with a tag, and most texts have one or two).
 */
export function textHashtags(lower: string): Set<string> {
  const out = new Set<string>();
  for (let p = lower.indexOf('#'); p >= 0; p = lower.indexOf('#', p)) {
    let q = p + 1;
    while (q < lower.length) {
      const c = lower.charCodeAt(q);
      if (c < 0x80) {
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || (c >= 0x41 && c <= 0x5a))) break;
        q++;
        continue;
      }
      const cp = lower.codePointAt(q) as number;
      if (!TAG_CHAR.test(String.fromCodePoint(cp))) break;
      q += cp > 0xffff ? 2 : 1;
    }
    if (q > p + 1) out.add(lower.slice(p, q));
    p = q > p + 1 ? q : p + 1;
  }
  return out;
}
const TAG_CHAR = /^[\p{L}\p{N}_]$/u;

/**
 * The target as one string: "name | @handle | url-form | handle words" — spans point into this
 * string. A target known by its handle only (a follow, a like on Instagram) is also given as the
 * words its handle is made of, so the rules read "timnas.amin" as "timnas amin" and
 * "relawanbude.sukamaju" as "relawan bude sukamaju".
 */
export function targetString(t: NonNullable<Item['target']>): string {
  const url = t.url ? t.url.replace(/^[a-z]+:\/\//i, '').replace(/^(www\.|m\.|mobile\.|web\.)/i, '') : undefined;
  const handle = t.handle?.replace(/^@/, '');
  return [t.name, handle ? `@${handle}` : undefined, url, handle && !t.name ? handleWords(handle) : undefined].filter(Boolean).join(' | ');
}

/**
 * The words a campaign team's or its volunteers' account name opens with, glued to the pair's name
 * in a handle ("relawanbude", "timsesfauzi"): the team words of the office and membership rules
 * (relawan, timnas, timses, sahabat, laskar, barisan, posko, pendukung, simpatisan, loyalis), longest
 * first. Bare "tim" is left out: too many words start with it ("timur").
 */
const HANDLE_TEAM_WORDS = ['simpatisan', 'pendukung', 'relawan', 'sahabat', 'barisan', 'loyalis', 'timnas', 'timses', 'laskar', 'posko'];

/** A handle's words: split at its separators (. _ -), a team word split off the front of a part; undefined when nothing splits. */
export function handleWords(handle: string): string | undefined {
  const words = handle
    .toLowerCase()
    .split(/[._-]+/u)
    .filter(Boolean)
    .flatMap((part) => {
      const team = HANDLE_TEAM_WORDS.find((w) => part.length >= w.length + 3 && part.startsWith(w));
      return team ? [team, part.slice(team.length)] : [part];
    });
  const joined = words.join(' ');
  return words.length > 1 ? joined : undefined;
}
