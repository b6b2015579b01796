import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex, type ItemDraft } from '../../src/model/index.js';
import { mediaTypeOfPath, resolveMedia, sniffMediaType } from '../../src/ingest/media.js';
import { telegramAdapter } from '../../src/ingest/telegram.js';
import { whatsappAdapter } from '../../src/ingest/whatsapp.js';
import { bytesOf, contextFor, FIXTURES, membersOfFolder, membersOfZip, readItems } from './helpers-chat.js';

describe('resolveMedia', () => {
  it('hashes a WhatsApp attachment found in the same zip and reads its EXIF (offset from the photo)', async () => {
    const zip = join(FIXTURES, 'whatsapp', 'ios-id-brackets-lrm', 'WhatsApp Chat - Rapat Wali Kelas.zip');
    const members = await membersOfZip(zip);
    const chat = members.find((m) => m.path === '_chat.txt')!;
    const ctx = await contextFor(chat, members);
    const withPhoto = (await readItems(whatsappAdapter, chat, ctx)).find((p) => p.draft.media?.[0]?.uri)!;
    const photo = members.find((m) => m.path === '00000009-PHOTO-2024-11-21-10-02-33.jpg')!;
    const bytes = await bytesOf(photo);

    const { draft, members: found } = await resolveMedia(withPhoto.draft, ctx);
    expect(found).toEqual([photo]);
    expect(draft.media).toEqual([
      {
        uri: '00000009-PHOTO-2024-11-21-10-02-33.jpg',
        mediaType: 'image/jpeg',
        sha256: sha256Hex(bytes),
        bytes: bytes.length,
        takenAt: '2024-11-21T03:01:58.000Z',
        gps: { lat: -6.5971, lon: 106.806 },
        device: 'Apple iPhone 11',
      },
    ]);
    expect(withPhoto.draft.media?.[0]?.sha256).toBeUndefined(); // the input draft is not mutated
  });

  it('keeps the caption from the export and reads a zone-less EXIF time in the options zone', async () => {
    const root = join(FIXTURES, 'whatsapp', 'android-id-dot-time');
    const members = membersOfFolder(root);
    const chat = members.find((m) => m.path.endsWith('.txt'))!;
    const ctx = await contextFor(chat, members, { timezone: 'Asia/Makassar' });
    const withPhoto = (await readItems(whatsappAdapter, chat, ctx)).find((p) => p.draft.media?.[0]?.uri)!;
    const { draft, members: found } = await resolveMedia(withPhoto.draft, ctx);
    expect(found.map((m) => m.path)).toEqual(['IMG-20241120-WA0003.jpg']);
    expect(draft.media?.[0]).toMatchObject({
      caption: 'Foto apel pagi tadi 📸',
      takenAt: '2024-11-19T23:12:40.000Z', // 07:12:40 WITA
      device: 'OPPO CPH2269',
      sha256: sha256Hex(readFileSync(join(root, 'IMG-20241120-WA0003.jpg'))),
    });
  });

  it('finds a Telegram photo by its path under the export folder', async () => {
    const root = join(FIXTURES, 'telegram', 'single-chat');
    const members = membersOfFolder(root);
    const json = members.find((m) => m.path.endsWith('result.json'))!;
    const ctx = await contextFor(json, members);
    const withPhoto = (await readItems(telegramAdapter, json, ctx)).find((p) => p.draft.media?.[0]?.uri)!;
    const { draft, members: found } = await resolveMedia(withPhoto.draft, ctx);
    expect(found.map((m) => m.path)).toEqual(['ChatExport_2024-11-22/photos/photo_1@21-11-2024_19-20-30.jpg']);
    expect(draft.media?.[0]).toMatchObject({
      caption: 'Dokumentasi kerja bakti gugus 📸',
      takenAt: '2024-11-21T12:18:02.000Z',
      gps: { lat: -6.9175, lon: 107.6191 },
      device: 'Xiaomi Redmi Note 11',
    });
  });

  it('leaves entries whose file is missing, and entries without uri, as they are', async () => {
    const members = membersOfFolder(join(FIXTURES, 'whatsapp', 'android-en-12h'));
    const ctx = await contextFor(members[0]!, members);
    const draft: ItemDraft = {
      platform: 'whatsapp',
      kind: 'message',
      media: [{ uri: 'DOC-20241122-WA0001.pdf', mediaType: 'application/pdf' }, {}],
      source: { captureId: ctx.capture.id, path: members[0]!.path, pointer: 'line:6' },
    };
    const result = await resolveMedia(draft, ctx);
    expect(result.members).toEqual([]);
    expect(result.draft.media).toEqual([{ uri: 'DOC-20241122-WA0001.pdf', mediaType: 'application/pdf' }, {}]);
  });
});

describe('media types', () => {
  it('are sniffed from magic bytes and guessed from extensions', () => {
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe1]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffMediaType(Buffer.from('\0\0\0\x18ftypheic', 'latin1'))).toBe('image/heic');
    expect(sniffMediaType(Buffer.from('\0\0\0\x18ftypisom', 'latin1'))).toBe('video/mp4');
    expect(sniffMediaType(Buffer.from('hello'))).toBeUndefined();
    expect(mediaTypeOfPath('PTT-20241120-WA0001.opus')).toBe('audio/ogg');
    expect(mediaTypeOfPath('VID-20241120-WA0002.MP4')).toBe('video/mp4');
    expect(mediaTypeOfPath('tanpa-ekstensi')).toBeUndefined();
  });
});
