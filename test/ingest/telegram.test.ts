import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { telegramAdapter } from '../../src/ingest/telegram.js';
import { MemberFormatError, type AdapterContext, type ParsedItem } from '../../src/ingest/types.js';
import { asItems, contextFor, FIXTURES, headOf, membersOfFolder, readItems } from './helpers-chat.js';

const SINGLE = join(FIXTURES, 'telegram', 'single-chat');
const ACCOUNT = join(FIXTURES, 'telegram', 'whole-account');

/** Everything the adapter yields for these bytes. */
async function readAll(bytes: Buffer, ctx: AdapterContext): Promise<ParsedItem[]> {
  const out: ParsedItem[] = [];
  for await (const parsed of telegramAdapter.read(bytes, ctx)) out.push(parsed);
  return out;
}

async function readFixture(root: string, path: string, timezone = 'Asia/Jakarta') {
  const members = membersOfFolder(root);
  const member = members.find((m) => m.path === path)!;
  const ctx = await contextFor(member, members, { timezone });
  const parsed = await readItems(telegramAdapter, member, ctx);
  return { parsed, items: asItems(parsed), ctx, members };
}

describe('telegram adapter: detection', () => {
  it('claims result.json exports by name and head, wherever the export folder sits', async () => {
    for (const [root, path] of [
      [SINGLE, 'ChatExport_2024-11-22/result.json'],
      [ACCOUNT, 'DataExport_2024-11-25/result.json'],
    ] as const) {
      const member = membersOfFolder(root).find((m) => m.path === path)!;
      expect(telegramAdapter.detect(`some/where/${path}`, await headOf(member))).toBe(true);
    }
  });

  it('leaves other JSON files and non-export result.json files alone', () => {
    const head = Buffer.from('{"name":"x","messages":[]}');
    expect(telegramAdapter.detect('ChatExport/messages.json', head)).toBe(false);
    expect(telegramAdapter.detect('build/result.json', Buffer.from('{"passed": 3, "failed": 0}'))).toBe(false);
  });
});

describe('telegram adapter: single-chat export', () => {
  it('yields one item per real message and skips service messages', async () => {
    const { items } = await readFixture(SINGLE, 'ChatExport_2024-11-22/result.json');
    expect(items.map((i) => i.source.pointer)).toEqual(['/messages/0', '/messages/2', '/messages/3', '/messages/4', '/messages/5']);
  });

  it('reads a plain-string text with its emoji, time from date_unixtime, and the chat as context', async () => {
    const { items } = await readFixture(SINGLE, 'ChatExport_2024-11-22/result.json');
    const first = items[0]!;
    expect(first.platform).toBe('telegram');
    expect(first.kind).toBe('message');
    expect(first.text).toBe('Selamat pagi bapak ibu 🙏 rapat KKG hari Sabtu jam 08.00 di SDN 3, mohon bawa RPP masing-masing');
    expect(first.time).toBe('2024-11-21T00:02:11.000Z');
    expect(first.timeRaw).toBe('2024-11-21T07:02:11');
    expect(first.actor).toEqual({ kind: 'account', name: 'Dedi Kurniawan', id: 'user5012345678' });
    expect(first.context).toEqual({ kind: 'group', name: 'Forum Guru Gugus 3 Sukamaju', id: '1987654321' });
    expect(first.media).toEqual([]);
    expect(first.source.path).toBe('ChatExport_2024-11-22/result.json');
  });

  it('flattens a mixed text array and takes hashtags, mentions and the link from its entities', async () => {
    const { items } = await readFixture(SINGLE, 'ChatExport_2024-11-22/result.json');
    const urging = items[1]!;
    expect(urging.text).toBe('Bapak ibu, tanggal 27 jangan lupa coblos nomor 2 ya 👍 #Pilkada2024 @relawan_budidewi\nInfo lengkap di sini');
    expect(urging.hashtags).toEqual(['Pilkada2024']);
    expect(urging.mentions).toEqual(['relawan_budidewi']);
    expect(urging.link).toEqual({ url: 'https://example.org/budi-dewi/program-guru' });
    expect(urging.actor?.name).toBe('Rina Marlina');
  });

  it('turns a forward into a share of the forwarded chat and does not take the skip sentence for a path', async () => {
    const { items } = await readFixture(SINGLE, 'ChatExport_2024-11-22/result.json');
    const forward = items[2]!;
    expect(forward.kind).toBe('share');
    expect(forward.target).toEqual({ name: 'Kanal Relawan Budi–Dewi' });
    expect(forward.text).toBe('Tunjangan guru naik kalau Budi–Dewi menang 💯 #BudiDewiLanjutkan');
    expect(forward.hashtags).toEqual(['BudiDewiLanjutkan']);
    expect(forward.media).toEqual([{ mediaType: 'image/jpeg', caption: forward.text }]);
  });

  it('gives a photo a uri relative to the export root, and a too-big video no uri', async () => {
    const { items } = await readFixture(SINGLE, 'ChatExport_2024-11-22/result.json');
    expect(items[3]!.media).toEqual([
      {
        uri: 'ChatExport_2024-11-22/photos/photo_1@21-11-2024_19-20-30.jpg',
        mediaType: 'image/jpeg',
        caption: 'Dokumentasi kerja bakti gugus 📸',
      },
    ]);
    expect(items[4]!.media).toEqual([{ mediaType: 'video/mp4' }]);
    expect(items[4]!.text).toBeUndefined();
  });

  it('falls back to the local `date` in the given zone when date_unixtime is missing', async () => {
    const members = membersOfFolder(SINGLE);
    const member = members[0]!;
    const ctx = await contextFor(member, members, { timezone: 'Asia/Makassar' });
    const json = JSON.stringify({
      name: 'Uji',
      type: 'personal_chat',
      id: 1,
      messages: [{ id: 1, type: 'message', date: '2024-11-21T07:02:11', from: 'A', from_id: 'user1', text: 'halo' }],
    });
    const [parsed] = await readAll(Buffer.from(json), ctx);
    expect(parsed?.draft.time).toBe('2024-11-20T23:02:11.000Z');
    expect(parsed?.draft.context).toEqual({ kind: 'chat', name: 'Uji', id: '1' });
  });

  it('reads a message whose side field changed shape, and skips one without id with a warning', async () => {
    const members = membersOfFolder(SINGLE);
    const ctx = await contextFor(members[0]!, members);
    const json = JSON.stringify({
      name: 'Uji',
      type: 'private_group',
      id: 2,
      messages: [
        { id: 1, type: 'message', date_unixtime: '1732147331', from: 'A', location_information: { latitude: 'x' }, text: 'tetap terbaca' },
        { type: 'message', date_unixtime: '1732147331', from: 'B', text: 'tanpa id' },
      ],
    });
    const parsed = await readAll(Buffer.from(json), ctx);
    expect(parsed.map((p) => p.draft.text)).toEqual(['tetap terbaca']);
    expect(parsed[0]!.draft.place).toBeUndefined();
    expect(ctx.warnings).toHaveLength(1);
    expect(ctx.warnings[0]).toContain('/messages/1');
  });

  it('reads a message whose date_unixtime is beyond any date as one without a time (found by npm run fuzz)', async () => {
    const members = membersOfFolder(SINGLE);
    const ctx = await contextFor(members[0]!, members);
    const json = JSON.stringify({ name: 'Uji', type: 'private_group', id: 2, messages: [{ id: 1, type: 'message', date_unixtime: '99999999999999999', from: 'A', text: 'jam rusak' }] });
    const parsed = await readAll(Buffer.from(json), ctx);
    expect(parsed.map((p) => p.draft.text)).toEqual(['jam rusak']);
    expect(parsed[0]!.draft.time).toBeUndefined();
  });

  it('rejects JSON that is neither a chat nor an account export', async () => {
    const members = membersOfFolder(SINGLE);
    const ctx = await contextFor(members[0]!, members);
    await expect(readAll(Buffer.from('{"about": "x"}'), ctx)).rejects.toThrow(MemberFormatError);
    // a broken file names the line and column where it broke
    await expect(readAll(Buffer.from('{"name": "Uji",\n "messages": [ {"id": 1,, "type": "message"} ]}'), ctx)).rejects.toThrow(/bukan JSON yang valid \(baris 2, kolom \d+\)/);
  });
});

describe('telegram adapter: whole-account export', () => {
  it('reads chats.list and left_chats.list with their own context and pointers', async () => {
    const { items } = await readFixture(ACCOUNT, 'DataExport_2024-11-25/result.json');
    expect(items.map((i) => [i.source.pointer, i.context?.kind, i.context?.name])).toEqual([
      ['/chats/list/0/messages/0', 'chat', 'Saved Messages'],
      ['/chats/list/1/messages/1', 'channel', 'Info Guru Sukamaju'],
      ['/left_chats/list/0/messages/0', 'group', 'Relawan Budi–Dewi Kec. Sukamaju'],
      ['/left_chats/list/0/messages/1', 'group', 'Relawan Budi–Dewi Kec. Sukamaju'],
    ]);
  });

  it('keeps a channel post by the owner as a message from the channel', async () => {
    const { items } = await readFixture(ACCOUNT, 'DataExport_2024-11-25/result.json');
    const post = items[1]!;
    expect(post.kind).toBe('message');
    expect(post.actor).toEqual({ kind: 'channel', name: 'Info Guru Sukamaju', id: 'channel1876543210' });
    expect(post.text).toBe('Guru sejahtera bersama pasangan nomor 2 ✌️ #GuruSejahtera');
    expect(post.hashtags).toEqual(['GuruSejahtera']);
    expect(post.time).toBe('2024-11-23T14:10:05.000Z');
    expect(post.media[0]?.uri).toBe('DataExport_2024-11-25/chats/chat_002/photos/photo_2@23-11-2024_21-10-05.jpg');
  });

  it('turns a shared location into a place', async () => {
    const { items } = await readFixture(ACCOUNT, 'DataExport_2024-11-25/result.json');
    expect(items[3]!.place).toEqual({
      name: 'Posko Relawan Budi–Dewi',
      address: 'Jl. Merdeka No. 12, Sukamaju',
      lat: -6.914744,
      lon: 107.60981,
    });
    expect(items[3]!.text).toBeUndefined();
  });
});

describe('telegram adapter: conversation', () => {
  it('keeps each message id and the id it replies to as thread, outside the item id', async () => {
    const { items } = await readFixture(join(FIXTURES, 'telegram', 'reply-thread-sundanese'), 'ChatExport_2024-11-06/result.json');
    expect(items.map((i) => i.thread)).toEqual([
      { messageId: '501' },
      { messageId: '502', replyTo: '501' },
      { messageId: '503' },
      { messageId: '504', replyTo: '501' },
      { messageId: '505', replyTo: '503' },
    ]);
    const { itemId } = await import('../../src/model/item.js');
    const reply = items[1]!;
    expect(itemId({ ...reply, thread: undefined })).toBe(reply.id);
  });
});
