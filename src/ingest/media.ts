// Media files: their type, hash and the metadata a photo carries itself (EXIF/XMP/IPTC: when it
// was taken, where, with which device, its caption), and the files an export refers to (Telegram
// `photos/…`, WhatsApp `IMG-…jpg`, Meta `media/…`): found, hashed, described, and handed back so
// the scan can keep their bytes as evidence.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { sha256Hex, type ItemDraft, type Media } from '../model/index.js';
import { localToUtc, offsetLocalToUtc, type WallClock } from './time.js';
import type { AdapterContext, Member } from './types.js';
import { errorText } from '../errors.js';
import { t } from '../i18n/index.js';
import { limitMessages } from '../i18n/ingest.js';

// Bigger images are hashed but not parsed for EXIF (the whole file would have to sit in memory).
const MAX_EXIF_BYTES = 64 * 1024 * 1024;

const TYPE_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  oga: 'audio/ogg',
  aac: 'audio/aac',
  pdf: 'application/pdf',
  vcf: 'text/vcard',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  tgs: 'application/x-tgsticker',
};

/** Media type guessed from a file name's extension. */
export function mediaTypeOfPath(path: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? TYPE_BY_EXTENSION[ext] : undefined;
}

/** Media type from the first bytes (magic numbers) of the common photo/video formats. */
export function sniffMediaType(head: Uint8Array): string | undefined {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 6 && b.subarray(0, 3).toString('latin1') === 'GIF') return 'image/gif';
  if (b.length >= 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.length >= 12 && b.subarray(4, 8).toString('latin1') === 'ftyp') {
    const brand = b.subarray(8, 12).toString('latin1');
    if (/^(heic|heix|heim|heis|mif1|msf1)$/.test(brand)) return 'image/heic';
    if (brand === 'qt  ') return 'video/quicktime';
    return 'video/mp4';
  }
  return undefined;
}

/**
 * Fill the media entries of an item from the files they refer to. For each entry with a `uri`,
 * the member whose path ends with that uri is hashed (sha256, bytes), typed, and — for images —
 * read for EXIF/XMP (takenAt, gps, device; the export's own caption is kept, the photo's caption
 * only fills an empty one). Entries whose file is not in the input stay as they are.
 */
export async function resolveMedia(draft: ItemDraft, ctx: AdapterContext): Promise<{ draft: ItemDraft; members: Member[] }> {
  const entries = draft.media ?? [];
  if (!entries.some((m) => m.uri)) return { draft, members: [] };
  const members: Member[] = [];
  const media: Media[] = [];
  for (const entry of entries) {
    const member = entry.uri ? ctx.findMember(entry.uri) : undefined;
    if (!member) {
      media.push(entry);
      continue;
    }
    let described: Media;
    try {
      described = await describeMember(entry, member, ctx.options.timezone);
    } catch (err) {
      // a damaged photo (bad deflate data) costs its hash, not the post that shows it
      ctx.warn(t(limitMessages.mediaUnreadable, { input: member.input, path: member.path, detail: errorText(err) }));
      media.push(entry);
      continue;
    }
    if (!members.includes(member)) members.push(member);
    media.push(described);
  }
  return { draft: { ...draft, media }, members };
}

async function describeMember(entry: Media, member: Member, timeZone: string): Promise<Media> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let bytes = 0;
  let mediaType: string | undefined;
  for await (const chunk of await member.open()) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (bytes === 0) mediaType = sniffMediaType(buf) ?? mediaTypeOfPath(member.path) ?? entry.mediaType;
    hash.update(buf);
    bytes += buf.length;
    // only images are parsed for metadata, so only their bytes are held
    if (mediaType?.startsWith('image/') && bytes <= MAX_EXIF_BYTES) kept.push(buf);
  }
  const out: Media = { ...entry, sha256: hash.digest('hex'), bytes };
  if (mediaType) out.mediaType = mediaType;
  if (mediaType?.startsWith('image/') && bytes <= MAX_EXIF_BYTES) {
    const meta = await readPhotoMetadata(Buffer.concat(kept), timeZone);
    if (meta.takenAt) out.takenAt = meta.takenAt;
    if (meta.gps) out.gps = meta.gps;
    if (meta.device) out.device = meta.device;
    if (meta.caption && !out.caption) out.caption = meta.caption;
  }
  return out;
}

/** What a photo says about itself; every field optional (many photos carry none of it). */
export interface PhotoMetadata {
  takenAt?: string;
  gps?: { lat: number; lon: number };
  device?: string;
  caption?: string;
}

// exifr output after `reviveValues: false` (dates stay as the raw "YYYY:MM:DD HH:MM:SS" text, so
// no Date is built in the process's own zone). Only the fields used here; a field of an
// unexpected type is dropped on its own instead of failing the whole photo.
const optionalText = z.string().optional().catch(undefined);
const optionalNumber = z.number().optional().catch(undefined);
const LangAlt = z.union([z.string(), z.object({ value: z.string() }), z.array(z.object({ value: z.string() }))]);
const ExifOutput = z.object({
  DateTimeOriginal: optionalText,
  CreateDate: optionalText,
  OffsetTimeOriginal: optionalText,
  OffsetTimeDigitized: optionalText,
  OffsetTime: optionalText,
  latitude: optionalNumber,
  longitude: optionalNumber,
  Make: optionalText,
  Model: optionalText,
  ImageDescription: optionalText,
  description: LangAlt.optional().catch(undefined), // XMP dc:description
  Caption: optionalText, // IPTC Caption/Abstract
});
type ExifOutput = z.infer<typeof ExifOutput>;

// Placeholders cameras write into ImageDescription instead of a caption.
const CAMERA_PLACEHOLDER = /^(olympus digital camera|sony dsc|dcim|default|image|untitled|description)$/i;

/** Read EXIF/XMP/IPTC from image bytes. Unreadable or absent metadata gives `{}`, never an error. */
export async function readPhotoMetadata(bytes: Buffer, timeZone: string): Promise<PhotoMetadata> {
  let raw: unknown;
  // exifr is loaded by the first photo read, not by every scan
  const { default: exifr } = await import('exifr');
  try {
    raw = await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      xmp: true,
      iptc: true,
      ifd1: false,
      reviveValues: false,
      mergeOutput: true,
    });
  } catch {
    return {};
  }
  const parsed = ExifOutput.safeParse(raw ?? {});
  if (!parsed.success) return {};
  const exif = parsed.data;
  const meta: PhotoMetadata = {};
  const takenAt = takenAtOf(exif, timeZone);
  if (takenAt) meta.takenAt = takenAt;
  if (exif.latitude !== undefined && exif.longitude !== undefined && Number.isFinite(exif.latitude) && Number.isFinite(exif.longitude)) {
    meta.gps = { lat: round6(exif.latitude), lon: round6(exif.longitude) };
  }
  const device = deviceOf(exif.Make, exif.Model);
  if (device) meta.device = device;
  const caption = captionOf(exif);
  if (caption) meta.caption = caption;
  return meta;
}

/**
 * EXIF DateTimeOriginal has no zone: use OffsetTimeOriginal when the camera wrote it, else read
 * the wall clock in the user's zone (--timezone). XMP-style ISO values with an offset are honoured.
 */
function takenAtOf(exif: ExifOutput, timeZone: string): string | undefined {
  const value = exif.DateTimeOriginal ?? exif.CreateDate;
  if (!value) return undefined;
  const offset = exif.DateTimeOriginal ? (exif.OffsetTimeOriginal ?? exif.OffsetTime) : (exif.OffsetTimeDigitized ?? exif.OffsetTime);
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!m) return undefined;
  const wall: WallClock = { y: +m[1]!, m: +m[2]!, d: +m[3]!, hh: +m[4]!, mm: +m[5]!, ss: +(m[6] ?? 0) };
  if (wall.y === 0) return undefined; // "0000:00:00 00:00:00" = camera clock never set
  const written = m[7] === 'Z' ? '+00:00' : (m[7] ?? offset);
  try {
    return (written && offsetLocalToUtc(wall, written)) || localToUtc(wall, timeZone);
  } catch {
    return undefined;
  }
}

function deviceOf(make: string | undefined, model: string | undefined): string | undefined {
  const mk = make?.trim();
  const md = model?.trim();
  if (mk && md) return md.toLowerCase().startsWith(mk.toLowerCase()) ? md : `${mk} ${md}`;
  return md || mk || undefined;
}

function captionOf(exif: ExifOutput): string | undefined {
  const candidates = [langAltText(exif.description), exif.Caption, exif.ImageDescription];
  for (const c of candidates) {
    const text = c?.replace(/\0+$/, '').trim();
    if (text && !CAMERA_PLACEHOLDER.test(text)) return text;
  }
  return undefined;
}

function langAltText(value: z.infer<typeof LangAlt> | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value[0]?.value;
  return value.value;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The media entry for image bytes: hash, size, type, and the photo's own metadata. */
export async function describePhoto(bytes: Buffer, uri: string, timeZone: string): Promise<Media> {
  const meta = await readPhotoMetadata(bytes, timeZone);
  const mediaType = sniffMediaType(bytes) ?? mediaTypeOfPath(uri);
  return {
    uri,
    sha256: sha256Hex(bytes),
    bytes: bytes.length,
    ...(mediaType ? { mediaType } : {}),
    ...meta,
  };
}
