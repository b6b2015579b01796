import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/model/index.js';
import { photoAdapter } from '../../src/ingest/photo.js';
import { readPhotoMetadata } from '../../src/ingest/media.js';
import { asItems, contextFor, FIXTURES, headOf, membersOfFolder, readItems } from './helpers-chat.js';

const PHOTOS = join(FIXTURES, 'photos');

async function readPhoto(path: string, timezone = 'Asia/Jakarta') {
  const members = membersOfFolder(PHOTOS);
  const member = members.find((m) => m.path === path)!;
  const ctx = await contextFor(member, members, { timezone });
  const items = asItems(await readItems(photoAdapter, member, ctx));
  return { items, bytes: readFileSync(join(PHOTOS, path)) };
}

describe('photo adapter: detection', () => {
  it('claims JPEG and PNG files by extension and magic bytes', async () => {
    for (const member of membersOfFolder(PHOTOS).filter((m) => /\.(jpg|png)$/.test(m.path))) {
      expect(photoAdapter.detect(`bukti/${member.path}`, await headOf(member))).toBe(true);
    }
  });

  it('refuses a photo name whose bytes are not an image, and images with other extensions', () => {
    expect(photoAdapter.detect('foto.jpg', Buffer.from('<html>not a photo</html>'))).toBe(false);
    expect(photoAdapter.detect('foto.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false);
  });
});

describe('photo adapter: metadata the photo carries', () => {
  it('reads time with its own offset, GPS, device and the XMP caption with emoji', async () => {
    const { items, bytes } = await readPhoto('kampanye-exif-offset-gps-xmp.jpg');
    expect(items).toHaveLength(1);
    const item = items[0]!;
    expect(item.platform).toBe('photo');
    expect(item.kind).toBe('media');
    expect(item.text).toBe('Hadir di kampanye akbar paslon nomor 2 🙏 #Pilkada2024');
    expect(item.hashtags).toEqual(['Pilkada2024']);
    // 15:45:10 at +08:00 (OffsetTimeOriginal) — the --timezone option does not apply
    expect(item.time).toBe('2024-11-20T07:45:10.000Z');
    expect(item.media).toEqual([
      {
        uri: 'kampanye-exif-offset-gps-xmp.jpg',
        sha256: sha256Hex(bytes),
        bytes: bytes.length,
        mediaType: 'image/jpeg',
        takenAt: '2024-11-20T07:45:10.000Z',
        gps: { lat: -5.1477, lon: 119.4327 },
        device: 'samsung SM-A525F',
        caption: 'Hadir di kampanye akbar paslon nomor 2 🙏 #Pilkada2024',
      },
    ]);
    expect(item.source).toMatchObject({ path: 'kampanye-exif-offset-gps-xmp.jpg', pointer: '' });
  });

  it('reads a time without offset in the zone given in the options', async () => {
    const jakarta = (await readPhoto('rapat-exif-tanpa-offset.jpg')).items[0]!;
    expect(jakarta.media[0]?.takenAt).toBe('2024-11-18T01:05:00.000Z');
    expect(jakarta.media[0]?.device).toBe('Apple iPhone 12');
    expect(jakarta.text).toBe('Rapat koordinasi guru');
    const jayapura = (await readPhoto('rapat-exif-tanpa-offset.jpg', 'Asia/Jayapura')).items[0]!;
    expect(jayapura.media[0]?.takenAt).toBe('2024-11-17T23:05:00.000Z');
  });

  it('still records a photo without any metadata by its hash', async () => {
    const { items, bytes } = await readPhoto('tanpa-metadata.png');
    expect(items[0]!.media).toEqual([{ uri: 'tanpa-metadata.png', sha256: sha256Hex(bytes), bytes: bytes.length, mediaType: 'image/png' }]);
    expect(items[0]!.text).toBeUndefined();
    expect(items[0]!.time).toBeUndefined();
  });

  it('gives empty metadata for bytes exifr cannot read', async () => {
    expect(await readPhotoMetadata(Buffer.from('bukan foto'), 'Asia/Jakarta')).toEqual({});
  });
});
