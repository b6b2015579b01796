// Small real exports written by the rule tests that read items through the adapters: a WhatsApp (Android,
// Indonesian locale) chat of one sender and a Facebook (2025 layout) timeline. Each test chooses the clock
// (the campaign phase its texts belong to).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../ingest/helpers-core.js';

/** Write `body` at `root/path`, making the folders on the way. */
export function writeAt(root: string, path: string, body: string): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), body);
}

/** A chat export "Chat WhatsApp dengan <name>.txt" of the lines, all sent by `sender` on 20/10/24 at the times `clock` gives ("08.15"). */
export function whatsappChat(name: string, sender: string, lines: string[], clock: (index: number) => string): string {
  const root = tempDir();
  const file = `Chat WhatsApp dengan ${name}.txt`;
  const body = ['20/10/24 07.58 - Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya. Ketuk untuk mempelajari selengkapnya.']
    .concat(lines.map((l, i) => `20/10/24 ${clock(i)} - ${sender}: ${l}`))
    .join('\n');
  writeAt(root, file, `${body}\n`);
  return join(root, file);
}

/** A Facebook export folder whose timeline holds the posts, an hour apart from `firstTimestamp` (Unix seconds). */
export function facebookPosts(posts: string[], firstTimestamp: number): string {
  const root = join(tempDir(), 'facebook-sri.guru-2024-12-01-Tm5Sq');
  writeAt(root, 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json', JSON.stringify(posts.map((post, i) => ({ timestamp: firstTimestamp + i * 3600, data: [{ post }] })), null, 2));
  return root;
}
