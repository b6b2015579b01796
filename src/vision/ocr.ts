// Text in photos: tesseract.js (WebAssembly, from npm) with the Indonesian LSTM model shipped in
// @tesseract.js-data/ind. Every word keeps its box, and its offsets in the text the rules read,
// so a matched span maps back to where it is printed.
import path from 'node:path';
import sharp from 'sharp';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { boxFromCorners, type Box } from './box.js';
import { greyPixels, type Photo } from './image.js';
import { skewOf, textRegions } from './text-regions.js';
import { packageStatus } from './packages.js';
import type { ModelInfo } from './model-info.js';

export interface OcrWord {
  text: string;
  /** offsets into OcrReading.text */
  start: number;
  end: number;
  box: Box;
  /** tesseract's word confidence, 0..1 */
  score: number;
}

export interface OcrReading {
  /** the words kept, one printed line per text line */
  text: string;
  words: OcrWord[];
}

// Words tesseract itself doubts are mostly texture read as letters (leaves, fabric, tiles).
const MIN_WORD_SCORE = 0.6;
// Small text is read better when scaled up to about this width first.
const READ_WIDTH = 1200;
const LANG_DATA = '4.0.0_best_int';
// Close looks (pass 3): regions found on a copy this wide, at most this many per photo (the
// per-photo time budget: each costs one block read, about 30–80 ms here), scaled so a
// letter is about LINE_HEIGHT pixels tall, never more than MAX_ZOOM times.
const REGION_SIDE = 640;
const MAX_REGIONS = 6;
const LINE_HEIGHT = 40;
const MAX_ZOOM = 4;

interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}
interface TesseractBlock {
  paragraphs: Array<{ lines: Array<{ words: TesseractWord[] }> }>;
}

export class OcrEngine {
  private constructor(
    private readonly worker: Worker,
    readonly model: ModelInfo,
  ) {}

  /** Start one tesseract worker with the Indonesian model from its npm package (no download). */
  static async open(): Promise<OcrEngine> {
    const engine = packageStatus('tesseract');
    const lang = packageStatus('langInd');
    if (!engine.dir || !lang.dir) throw new Error('tesseract.js or @tesseract.js-data/ind is not installed');
    const worker = await createWorker('ind', 1, {
      langPath: path.join(lang.dir, LANG_DATA),
      cacheMethod: 'none',
      gzip: true,
      // tesseract.js logs to the console by default
      logger: () => undefined,
      errorHandler: () => undefined,
    });
    return new OcrEngine(worker, {
      name: 'tesseract.js',
      version: engine.version ?? '?',
      weights: `${lang.name}@${lang.version ?? '?'} ind ${LANG_DATA}`,
    });
  }

  /** Read the printed text of a photo: words above the confidence floor, with boxes in photo pixels. */
  async read(photo: Photo): Promise<OcrReading> {
    const scale = photo.width < READ_WIDTH ? READ_WIDTH / photo.width : 1;
    const input = scale === 1 ? photo.png : await sharp(photo.png).resize({ width: Math.round(photo.width * scale) }).png({ compressionLevel: 1 }).toBuffer();
    // Pass 1: tesseract's page layout with one global (Otsu) threshold: posters, banners.
    // Pass 2: sparse text with a local (Sauvola) threshold: light print on a mid-tone shirt, where
    // one threshold for the whole photo puts the print and the wall on the same side.
    // Lines of pass 2 that pass 1 did not cover are added.
    await this.worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, thresholding_method: '0' });
    const lines = await this.lines(input);
    await this.worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, thresholding_method: '2' });
    for (const line of await this.lines(input)) if (!lines.some((l) => overlaps(l, line))) lines.push(line);
    // Pass 3: a close look at each place that looks like a printed line (text-regions.ts) and
    // where the passes above read nothing, cut out and scaled so its letters are about
    // LINE_HEIGHT pixels tall: small print on a sticker or a distant shirt.
    // A close look replaces the lines it overlaps when it reads more (letters × confidence).
    await this.worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK, thresholding_method: '0' });
    for (const line of await this.closeLook(photo, scale)) {
      const over = lines.filter((l) => overlaps(l, line));
      if (over.reduce((a, l) => a + quality(l), 0) >= quality(line)) continue;
      for (const l of over) lines.splice(lines.indexOf(l), 1);
      lines.push(line);
    }
    lines.sort((a, b) => top(a) - top(b));
    return layOut(lines, scale, photo);
  }

  /** Lines read in the candidate text regions, levelled; boxes in the scaled input's pixels. */
  private async closeLook(photo: Photo, scale: number): Promise<TesseractWord[][]> {
    const grey = await greyPixels(photo.png, REGION_SIDE);
    const k = photo.width / grey.width;
    const out: TesseractWord[][] = [];
    for (const r of textRegions(grey, MAX_REGIONS)) {
      const x = Math.round(r.x * k);
      const y = Math.round(r.y * k);
      const w = Math.min(photo.width - x, Math.round(r.w * k));
      const h = Math.min(photo.height - y, Math.round(r.h * k));
      if (w < 8 || h < 8) continue;
      const skew = skewOf(grey, r);
      // the region's band is about half its box (a margin of half a line on each side); a
      // slanted line's box is taller than its letters by the rise across it
      const rise = Math.abs(Math.tan((skew * Math.PI) / 180)) * w;
      const zoom = Math.min(MAX_ZOOM, Math.max(1, LINE_HEIGHT / Math.max(4, (h - rise) / 2)));
      let img = sharp(photo.png).extract({ left: x, top: y, width: w, height: h }).resize({ width: Math.round(w * zoom) });
      // levelled: rotated back about the crop's centre, so a word's box is mapped back through the same turn
      if (skew !== 0) img = sharp(await img.png({ compressionLevel: 1 }).toBuffer()).rotate(-skew, { background: '#808080' });
      const { data: crop, info } = await img.greyscale().normalise().png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
      const turn = unturn(skew, w * zoom, (h * zoom), info.width, info.height);
      for (const line of await this.lines(crop)) {
        out.push(
          line.map((word) => {
            const corners = [turn(word.bbox.x0, word.bbox.y0), turn(word.bbox.x1, word.bbox.y0), turn(word.bbox.x0, word.bbox.y1), turn(word.bbox.x1, word.bbox.y1)];
            const xs = corners.map((c) => x + c[0] / zoom);
            const ys = corners.map((c) => y + c[1] / zoom);
            // a slanted word's upright box is taller than its letters by its rise: keep the band
            // its letters cross at its middle
            const rise = Math.min((Math.max(...ys) - Math.min(...ys)) * (2 / 3), Math.abs(Math.tan((skew * Math.PI) / 180)) * ((word.bbox.x1 - word.bbox.x0) / zoom));
            const y0 = Math.max(y, Math.min(...ys) + rise / 2);
            const y1 = Math.min(y + h, Math.max(...ys) - rise / 2);
            return { ...word, bbox: { x0: Math.max(x, Math.min(...xs)) * scale, y0: y0 * scale, x1: Math.min(x + w, Math.max(...xs)) * scale, y1: y1 * scale } };
          }),
        );
      }
    }
    return out;
  }

  private async lines(input: Buffer): Promise<TesseractWord[][]> {
    const result = await this.worker.recognize(input, {}, { text: false, blocks: true });
    const blocks = (result.data.blocks ?? []) as unknown as TesseractBlock[];
    const lines: TesseractWord[][] = [];
    for (const block of blocks) for (const p of block.paragraphs) for (const l of p.lines) lines.push(l.words.filter(isWord));
    return lines.filter((l) => l.length > 0);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

function top(line: TesseractWord[]): number {
  return Math.min(...line.map((w) => w.bbox.y0));
}

/** Two lines share a word area (intersection over the smaller word at least a third). */
function overlaps(a: TesseractWord[], b: TesseractWord[]): boolean {
  return a.some((x) =>
    b.some((y) => {
      const w = Math.min(x.bbox.x1, y.bbox.x1) - Math.max(x.bbox.x0, y.bbox.x0);
      const h = Math.min(x.bbox.y1, y.bbox.y1) - Math.max(x.bbox.y0, y.bbox.y0);
      if (w <= 0 || h <= 0) return false;
      const area = (q: TesseractWord) => (q.bbox.x1 - q.bbox.x0) * (q.bbox.y1 - q.bbox.y0);
      return (w * h) / Math.max(1, Math.min(area(x), area(y))) >= 1 / 3;
    }),
  );
}

/** What a line read is worth: its letters and digits, weighted by confidence. */
function quality(line: TesseractWord[]): number {
  return line.reduce((a, w) => a + (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) * (w.confidence / 100), 0);
}

/**
 * Maps a point of a crop turned by `skew` degrees (sharp's rotate: clockwise, canvas grown to
 * fit, centre kept) back into the unturned crop (w × h); `tw` × `th` is the turned canvas.
 */
function unturn(skew: number, w: number, h: number, tw: number, th: number): (x: number, y: number) => [number, number] {
  if (skew === 0) return (x, y) => [x, y];
  // the crop was turned by -skew; turning back is +skew about the centres
  const a = (skew * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return (x, y) => {
    const dx = x - tw / 2;
    const dy = y - th / 2;
    return [w / 2 + dx * cos - dy * sin, h / 2 + dx * sin + dy * cos];
  };
}

function isWord(w: TesseractWord): boolean {
  return w.confidence / 100 >= MIN_WORD_SCORE && /[\p{L}\p{N}]/u.test(w.text);
}

/** Words joined by spaces, lines by newlines; each word remembers its offsets and box. */
export function layOut(lines: TesseractWord[][], scale: number, photo: { width: number; height: number }): OcrReading {
  let text = '';
  const words: OcrWord[] = [];
  for (const line of lines) {
    if (text) text += '\n';
    line.forEach((w, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += w.text;
      words.push({
        text: w.text,
        start,
        end: text.length,
        box: boxFromCorners(w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1, scale, photo.width, photo.height),
        score: Math.round(w.confidence) / 100,
      });
    });
  }
  return { text, words };
}

/** The words a span [start, end) of the reading covers. */
export function wordsIn(reading: OcrReading, start: number, end: number): OcrWord[] {
  return reading.words.filter((w) => w.start < end && w.end > start);
}
