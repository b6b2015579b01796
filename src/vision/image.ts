// Decoding photos with sharp: upright pixels, a greyscale copy for hashing, and crops for the
// reviewer. sharp is an optional package: this module is only imported once --vision is checked.
import sharp from 'sharp';
import type { Box } from './box.js';

export interface Photo {
  /** the decoded, EXIF-rotated image as PNG (what OCR and the pose model read) */
  png: Buffer;
  width: number;
  height: number;
}

// Larger photos are shrunk before reading: OCR and the hand model gain nothing above this and
// the time grows with the pixel count.
const MAX_SIDE = 1600;

/** Decode any image sharp reads, apply its EXIF orientation and cap its size. */
export async function decodePhoto(bytes: Buffer): Promise<Photo> {
  const img = sharp(bytes, { failOn: 'error' }).rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  const { data, info } = await img.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/** A photo framed by a mid-grey border `pad` pixels wide on every side. */
export async function framedPhoto(photo: Photo, pad: number): Promise<Photo> {
  const { data, info } = await sharp(photo.png).extend({ top: pad, bottom: pad, left: pad, right: pad, background: '#808080' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/** A photo turned a quarter: `clockwise` 90° clockwise, otherwise 90° counter-clockwise. */
export async function quarterTurned(photo: Photo, clockwise: boolean): Promise<Photo> {
  const { data, info } = await sharp(photo.png).rotate(clockwise ? 90 : -90).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height };
}

/** A box of a photo turned a quarter (quarterTurned), in the unturned photo's pixels. */
export function quarterBack(box: { x: number; y: number; w: number; h: number }, clockwise: boolean, photo: { width: number; height: number }): { x: number; y: number; w: number; h: number } {
  // clockwise, (x, y) went to (height - y, x); counter-clockwise, to (y, width - x)
  return clockwise ? { x: box.y, y: photo.height - box.x - box.w, w: box.h, h: box.w } : { x: photo.width - box.y - box.h, y: box.x, w: box.h, h: box.w };
}

/**
 * Greyscale pixels, at most `side` pixels on the longer side, for perceptual hashing and finding
 * text; `equalise`: contrast stretched locally (CLAHE), so faint print shows its edges too.
 */
export async function greyPixels(image: Buffer, side = 256, { equalise = false } = {}): Promise<{ data: Uint8Array; width: number; height: number }> {
  // transparent parts (a sticker's rounded corners) become mid-grey; one channel, no alpha
  let img = sharp(image)
    .rotate()
    .flatten({ background: '#808080' })
    .greyscale()
    .resize({ width: side, height: side, fit: 'inside' });
  if (equalise) img = sharp(await img.png({ compressionLevel: 1 }).toBuffer()).clahe({ width: 32, height: 32, maxSlope: 3 });
  const { data, info } = await img
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** RGB pixels of a decoded photo (the hand model's input). */
export async function rgbPixels(photo: Photo): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(photo.png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** RGB pixels of a decoded photo scaled to `width` (the surface measures of substrate.ts). */
export async function smallRgb(photo: Photo, width: number): Promise<{ data: Uint8Array; width: number; height: number }> {
  const { data, info } = await sharp(photo.png).removeAlpha().resize({ width: Math.min(width, photo.width) }).raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** A JPEG thumbnail of a region with a margin, for the reviewer (at most 320 px wide). */
export async function cropThumbnail(photo: Photo, box: Box): Promise<Buffer> {
  const margin = Math.round(Math.max(box.w, box.h) * 0.15);
  const left = Math.max(0, box.x - margin);
  const top = Math.max(0, box.y - margin);
  const width = Math.min(photo.width - left, box.w + 2 * margin);
  const height = Math.min(photo.height - top, box.h + 2 * margin);
  return sharp(photo.png).extract({ left, top, width, height }).resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
}
