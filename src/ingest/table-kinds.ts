// The activity kind an analyst writes in a sheet's kind/jenis column, in Indonesian or English,
// → the item kind. Cells are compared without case, spaces and punctuation ("Check-in" = "checkin").
// A cell no entry knows is read as a post and counted (table.ts warns once per file).
import { z } from 'zod';
import { ITEM_KINDS, ItemKind } from '../model/index.js';

const KIND_WORDS: Record<ItemKind, readonly string[]> = {
  // an Instagram/WhatsApp story is published to followers like a post (instagram.ts reads it so)
  post: ['posting', 'postingan', 'unggahan', 'unggah', 'status', 'tweet', 'twit', 'cuitan', 'kiriman', 'cerita', 'story', 'stories', 'caption', 'foto', 'photo', 'video', 'reel', 'reels'],
  comment: ['komentar', 'komen', 'reply', 'balasan', 'balas', 'comments'],
  share: ['bagikan', 'berbagi', 'membagikan', 'dibagikan', 'repost', 'retweet', 'rt', 'teruskan', 'diteruskan', 'forward'],
  reaction: ['like', 'likes', 'liked', 'suka', 'menyukai', 'reaksi', 'react', 'love', 'favorit', 'favorite', 'favourite'],
  follow: ['ikuti', 'mengikuti', 'following', 'subscribe', 'berlangganan', 'langganan', 'sukahalaman', 'likepage', 'pagelike'],
  membership: ['gabung', 'bergabung', 'join', 'joined', 'anggota', 'keanggotaan', 'gabunggrup', 'joingroup'],
  checkin: ['hadir', 'kehadiran', 'lokasi', 'location', 'tempat', 'place'],
  event: ['acara', 'agenda', 'events'],
  message: ['pesan', 'chat', 'obrolan', 'dm'],
  media: ['album'],
  profile: ['profil', 'bio'],
};

/** "Check-in" → "checkin": the form cells and table entries are compared in. */
export function kindKey(cell: string): string {
  return cell.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

// Checked once when the module loads: every key is already in its compared form and names one
// kind only, and every kind's own name maps to itself.
const KindTable = z
  .array(z.tuple([z.string().regex(/^[\p{Ll}\p{N}]+$/u), ItemKind]))
  .superRefine((pairs, ctx) => {
    const seen = new Map<string, string>();
    for (const [word, kind] of pairs) {
      const other = seen.get(word);
      if (other !== undefined && other !== kind) ctx.addIssue({ code: 'custom', message: `"${word}" names both ${other} and ${kind}` });
      seen.set(word, kind);
    }
  });

const TABLE: ReadonlyMap<string, ItemKind> = new Map(
  KindTable.parse([...ITEM_KINDS.map((k) => [k, k] as [string, ItemKind]), ...Object.entries(KIND_WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind] as [string, ItemKind]))]),
);

/** The item kind a kind cell names, or undefined when no entry knows it. */
export function tableKind(cell: string): ItemKind | undefined {
  return TABLE.get(kindKey(cell));
}
