// Loose photos (.jpg/.jpeg/.png/.heic/.webp) handed over as evidence: one `media` item per file,
// with its hash and the metadata the photo carries itself (see describePhoto in media.ts).
import { extractHashtags, extractMentions } from '../text/tags.js';
import { describePhoto, sniffMediaType } from './media.js';
import type { Adapter, AdapterContext, ParsedItem } from './types.js';

const PHOTO_EXTENSION = /\.(jpe?g|png|heic|heif|webp)$/i;

export const photoAdapter: Adapter = {
  id: 'photo',
  platform: 'photo',
  label: 'Photo (JPEG/PNG/HEIC/WebP with EXIF/XMP)',
  input: 'buffer',
  authorship: 'owner',
  detect(path: string, head: Buffer): boolean {
    return PHOTO_EXTENSION.test(path) && sniffMediaType(head)?.startsWith('image/') === true;
  },
  async *read(source, ctx: AdapterContext): AsyncIterable<ParsedItem> {
    if (!Buffer.isBuffer(source)) throw new TypeError('photo adapter reads a buffer');
    const media = await describePhoto(source, ctx.member.path, ctx.options.timezone);
    yield {
      draft: {
        platform: 'photo',
        kind: 'media',
        ...(media.caption
          ? { text: media.caption, hashtags: extractHashtags(media.caption), mentions: extractMentions(media.caption) }
          : {}),
        ...(media.takenAt ? { time: media.takenAt } : {}),
        media: [media],
        // RFC 6901: the empty pointer designates the whole file
        source: { captureId: ctx.capture.id, path: ctx.member.path, pointer: '' },
      },
    };
  },
};
