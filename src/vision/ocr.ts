// Text in photos: tesseract.js (WebAssembly, from npm) with the Indonesian LSTM model shipped in
// @tesseract.js-data/ind. Every word keeps its box, and its offsets in the text the rules read,
// so a matched span maps back to where it is printed.
import path from 'node:path';
import sharp from 'sharp';
type Sharp = ReturnType<typeof sharp>;
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { boxFromCorners, unturn, type Box } from './box.js';
import { greyPixels, rgbPixels, type Photo } from './image.js';
import { printPatches, project, rectify, type Point } from './patches.js';
import { confusablesRepaired } from './confusables.js';
import { editDistance, fragmentsJoined, keptWords, numberedPairRepaired, pairRepaired } from './pair-words.js';
import { levelLines, sourceBox, type LevelLine } from './dewarp.js';
import { sameRow } from './rows.js';
import { skewOf, steepTextRegions, textRegions, transpose, transposeBox, uprightTextRegions } from './text-regions.js';
import { packageStatus } from './packages.js';
import type { ModelInfo } from './model-info.js';
import { openPaddle, type PaddleLine, type PaddleReader } from './paddle.js';

type GreyImage = Awaited<ReturnType<typeof greyPixels>>;

export interface OcrWord {
  text: string;
  /** offsets into OcrReading.text */
  start: number;
  end: number;
  box: Box;
  /** tesseract's word confidence, 0..1 */
  score: number;
  /** the direction its line runs, degrees clockwise from level, when read turned (a close look) */
  angle?: number;
}

export interface OcrReading {
  /** the words kept, one printed line per text line */
  text: string;
  words: OcrWord[];
  /** some of the words were read off the photo flipped left to right (mirrored print, pass 2e) */
  mirrored?: boolean;
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
// Regions found only on the contrast-stretched copy given a close look, at most.
const MAX_FAINT = 2;
// A close look that reads fewer (letters × confidence) than this is searched for its own lines
// (at most MAX_TIGHT, each at most TIGHT_MAX_LINE of the cut's height), read cut out tight.
const RETRY_BELOW = 4;
const MAX_TIGHT = 2;
// Reads beyond the first of each place, at most, per photo: a photo full of texture that looks
// like print (leaves, fabric, a hand) is not read over and over.
const EXTRA_READS = 12;
const TIGHT_MAX_LINE = 0.7;
// ... its words joined across gaps up to this share of the cut's width (a space between words).
const TIGHT_JOIN = 1 / 20;
// ... and one whose every word is this sure, spanning this share of the cut, is not read again
// with another contrast or turn.
const CLEAR_WORD = 0.85;
const CLEAR_SPAN = 0.55;
// Places where print is expected (pass 4) read, at most, each scaled to about this width.
const MAX_EXPECTED = 2;
const EXPECTED_WIDTH = 900;
// ... and, when the first read makes out something (at least EXPECTED_SOME), read again on warped
// copies (CHEST_WARPS, in order) until one makes out at least this much (letters × confidence: a pair's two names read fairly sure).
const EXPECTED_ENOUGH = 8;
const EXPECTED_SOME = 1;
// Lines that name part of a pair read again around them (pass 5), at most, per photo; cut to
// their band and then to the lines around (line heights up and down); at most this many reads each.
// A chest read weakly is read again with its print's lines redrawn level (dewarp.ts): at most
// LEVEL_LINES lines of each contrast stretch, each scaled to LEVEL_HEIGHT-pixel letters
const LEVEL_LINES = 2;
const LEVEL_HEIGHT = 44;
// ... on a cut grown up by this share of the chest's height (about half a face: to the chin)
const LEVEL_UP = 0.18;
// ... scaled to this width: a chest print's letters then about 40–60 px tall, the size dewarp.ts's
// local threshold and letter sizes are set for
const LEVEL_WIDTH = 600;
// ... keeping words read down to this confidence when both contrasts agree they are a name word
const LEVEL_FLOOR = 0.1;
const MAX_NEAR = 2;
const NEAR_BAND = 0.6;
const NEAR_TALL = 1.8;
const NEAR_VARIANTS = 6;
// A word read one letter off a name is taken as the name when another reading agrees (agreed()),
// for names of at least this many letters (shorter ones are everyday words a letter apart).
const NEAR_AGREE = 5;
// Flat printed patches (stickers, labels: patches.ts) found on a copy at most this wide, at most
// this many per photo, each rectified to an upright rectangle this tall (a sticker's letters are
// about a third to a half of its height: ~40-pixel letters), and read again this much taller
// when the first size reads (almost) nothing.
const PATCH_SIDE = 640;
const MAX_PATCHES = 4;
const PATCH_HEIGHT = 96;
const PATCH_RESCALE = 1.5;
// The line reader's close re-reads (rereadPlaces): places a photo, a detected line's letters
// scaled to about this height, a chest to this width, and never more than this zoom.
const REREAD_PLACES = 3;
// A line the line reader reads at least this surely (its mean character confidence) is read; a
// detected line with no such reading over it reads as nothing or as nonsense, and may be mirrored
// print (pass 2e). Print read right reads 0.9 and more; flipped letters, texture and bent print less.
const SURE_LINE = 0.8;
// ... and is read flipped only when one such line is at least this many times as wide as tall: a
// flipped line is kept only where it names two name words of four letters or more, and a word of
// four capitals is about twice its detected box's height across. The detector's unsure boxes on
// clean photos are mostly blobs (a plain shirt, a hand, texture: 1.0–1.5 times as wide as tall),
// and a whole-photo read costs as much as the first one.
const MIRROR_LINE = 2;
// ... and, beyond those, at most this many places that look like printed lines (text-regions.ts,
// on the plain and the locally contrast-stretched copy) where neither reader read anything: small
// print on a far sticker or shirt, which the line detector does not find at the photo's own size
// but reads once cut out and scaled up (each costs one read of a small cut, about 0.1 s here)
const REREAD_PROPOSED = 2;
const REREAD_LETTER = 32;
const REREAD_CHEST = 480;
const REREAD_MAX_ZOOM = 3;
// A proposed place is scaled to at least this width, up to this zoom: its box is as tall as the
// band its edges make, which on a small sticker is the sticker, twice its letters or more, so a
// zoom from the box's height alone leaves a far sticker's letters a dozen pixels tall; a line of
// a pair's two names is about this many letters, each then about 30 pixels wide.
const REREAD_PROPOSED_WIDTH = 400;
const REREAD_PROPOSED_ZOOM = 5;
// A place to be read covers a proposed one only when it is read at least this share as close as
// the proposal's letters ask, and is at most this many times its size: a chest or a whole scene
// read at about the photo's own size does not stand in for a close look at a small line inside it
// (a far car's sticker under a false face's "chest"; the line reader reads a small line cut out
// alone that it passes over in a cut many times its size).
const COVER_ZOOM = 0.6;
const COVER_AREA = 8;
// A proposed place already read is read again when its letters run together are at most this many
// edits off a pair's two names, and at least this many letters long (rereadPlaces).
const PART_OFF = 2;
const PART_LEAST = 5;
// Lines running up or down a photo given a close look, at most (each costs two turns).
const MAX_UPRIGHT = 2;
// Lines at a steep slant given a close look, at most (pass 2f), and the widest side their cut is
// scaled to, at most (a steep line's upright box is about as tall as it is wide).
const MAX_STEEP = 2;
const STEEP_WIDTH = 900;
// The contrasts a close look reads a cut with: a plain stretch of the cut's grey range, and a
// local one (CLAHE: contrast limited in tiles), which lifts print under glare or on a faded or
// low-contrast shirt where one stretch for the whole cut is spent on a bright reflection.
const CONTRASTS: ReadonlyArray<(img: Sharp) => Sharp> = [
  (img) => img.normalise(),
  (img) => img.clahe({ width: 24, height: 24, maxSlope: 4 }),
];

interface TesseractWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** set on words read turned: the turn that levelled them */
  angle?: number;
}
interface TesseractBlock {
  paragraphs: Array<{ lines: Array<{ words: TesseractWord[] }> }>;
}

export class OcrEngine {
  /** the name words of the photo being read (read()): words that are one of them but for OCR's confusable marks are read as it */
  private names: ReadonlySet<string> = new Set();
  /** the pair names of two words of the photo being read (read()): two neighbouring words near them are read as them */
  private pairs: ReadonlyArray<readonly [string, string]> = [];

  private constructor(
    private readonly worker: Worker,
    readonly model: ModelInfo,
    /** the optional second reader of text lines (paddle.ts), when its packages are installed */
    private readonly paddle: PaddleReader | undefined,
  ) {}

  /** The second reader's model, when it runs. */
  get lineModel(): ModelInfo | undefined {
    return this.paddle?.model;
  }

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
    const tesseract = { name: 'tesseract.js', version: engine.version ?? '?', weights: `${lang.name}@${lang.version ?? '?'} ind ${LANG_DATA}` };
    const paddle = await openPaddle();
    // a finding's words may come from either reader: its evidence names both when both ran
    const model = paddle
      ? { name: `${tesseract.name} + ${paddle.model.name}`, version: `${tesseract.version} + ${paddle.model.version}`, weights: `${tesseract.weights}; ${paddle.model.weights ?? ''}` }
      : tesseract;
    return new OcrEngine(worker, model, paddle);
  }

  /**
   * Read the printed text of a photo: words above the confidence floor, with boxes in photo
   * pixels. `expected`: places (photo pixels) where print is likely — a wearer's chest under a
   * face — given a close look of their own whatever the edges there say. `names`: the
   * candidates' and pairs' name words (upper case, letters only); a line read with one of them
   * alone, or a word one letter off one, is read again around it (nameLook). `pairs`: the pair
   * names of two words; two neighbouring words each a letter or two off them are read as them
   * (pair-words.ts). `numbers`: each pair name's ballot numbers (by its two words joined by a
   * space); a pair name read a little further off is read as it when its number is printed beside.
   */
  async read(photo: Photo, expected: readonly Box[] = [], names: ReadonlySet<string> = new Set(), pairs: ReadonlyArray<readonly [string, string]> = [], numbers: ReadonlyMap<string, readonly number[]> = new Map()): Promise<OcrReading> {
    this.names = names;
    this.pairs = pairs;
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
    // lines read off the photo flipped left to right (pass 2e)
    const mirroredLines = new Set<TesseractWord[]>();
    const better = (found: TesseractWord[][]) => {
      for (const line of found) {
        const over = lines.filter((l) => overlaps(l, line));
        // a line naming more name words than what it overlaps replaces it even when read less surely
        const named = namesIn([line], names);
        if (over.reduce((a, l) => a + quality(l), 0) >= quality(line) && named <= namesIn(over, names)) continue;
        // ... and one naming fewer never replaces it, however surely read ("BUDI Orw:" over BUDIDEWI)
        if (named < namesIn(over, names)) continue;
        for (const l of over) lines.splice(lines.indexOf(l), 1);
        lines.push(line);
      }
    };
    // Pass 2b: the lines a learned text detector finds and its recogniser reads (paddle.ts, when
    // installed): bent, small, glared or faint print that tesseract's own layout does not see
    // places that look like printed lines (text-regions.ts), on a plain grey copy and on a locally
    // contrast-stretched one (faint print): the line reader's close re-reads and pass 3 look there
    const grey = await greyPixels(photo.png, REGION_SIDE);
    const equalised = await greyPixels(photo.png, REGION_SIDE, { equalise: true });
    const transposed = transpose(grey);
    if (this.paddle) {
      const whole = await this.paddle.read(photo.png, photo.width, photo.height);
      better(this.repaired(paddleWords(whole, scale, names)));
      // detected level lines long enough for a name word that no sure reading covers: read as
      // nothing, or as nonsense (pass 2e)
      const unsure = this.paddle.lastDetected
        .map(cornersBox)
        .filter((b) => b.h >= 4 && b.w >= MIRROR_LINE * b.h && !whole.some((l) => l.score >= SURE_LINE && overlapShare(cornersBox(l.corners), b) >= 0.5)).length;
      // Pass 2c: the line reader again, close, on the few places where print is likely but it read
      // no pair: a chest under a face, and lines its detector found but its recogniser could not
      // read (faint or small print); each cut out, scaled up and contrast-stretched (paddle.ts)
      const k = photo.width / grey.width;
      const proposed = [...textRegions(grey, MAX_REGIONS), ...textRegions(equalised, MAX_FAINT)].map((r) => ({ x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k }));
      const paddle = this.paddle;
      const readPlace = async (box: Box, zoom: number, options: { local?: boolean; turn?: number } = {}) => this.repaired(paddleWords(await paddle.readPlace(photo.png, box, zoom, options), scale, names));
      for (const { box, zoom } of rereadPlaces(paddle.lastDetected, expected, lines, scale, photo, names, proposed, pairs)) {
        let found = await readPlace(box, zoom);
        // faint print (light ink on a shirt of its own hue): a place the plain stretch read nothing
        // in is read once more locally contrast-stretched (CLAHE, then the whole range); a chest's cut
        // grown up to the chin first (a print starts just under the collar, above the chest's box)
        if (found.length === 0) {
          const chest = expected.some((e) => overlapShare(e, box) >= 0.8);
          const up = chest ? Math.min(box.y, Math.round(LEVEL_UP * box.h)) : 0;
          found = await readPlace({ ...box, y: box.y - up, h: box.h + up }, zoom, { local: true });
        }
        better(found);
      }
      // Pass 2d: lines running up or down the photo (a sticker up a scooter's fork or a car's
      // pillar), which the line reader, reading level lines only, passes over: each cut out, turned
      // level (one way, then the other when that did not read a pair: which way it reads is not
      // known until it is read) and read close, unless what was read there already names a pair.
      // The place grows along its line by half its length each way: a word gap wider than the
      // region finder joins parts a sticker's line into words, and a pair's name is two of them
      const upright: Box[] = [];
      for (const r of uprightTextRegions(transposed, MAX_UPRIGHT)) {
        const s = skewOf(transposed, r);
        const t = transposeBox(r);
        const box = clipped({ x: (t.x - t.w / 4) * k, y: (t.y - t.h / 2) * k, w: 1.5 * t.w * k, h: 2 * t.h * k }, photo);
        if (!box || upright.some((u) => covered(u, box) >= 0.5)) continue;
        upright.push(box);
        if (namesIn(lines.filter((l) => overlapShare(lineBox(l, scale), box) > 0), names) >= 2) continue;
        const zoom = Math.min(REREAD_PROPOSED_ZOOM, Math.max(1, REREAD_LETTER / (box.w / 2), REREAD_PROPOSED_WIDTH / box.h));
        for (const turn of [90 - s, -90 - s]) {
          const found = await readPlace(box, zoom, { turn });
          better(found);
          if (namesIn(found, names) >= 2) break;
        }
      }
      // Pass 2f: lines running across the photo at a steep slant, neither level nor upright (a
      // sticker along a bicycle's down tube, a sash across a chest): the level finders join their
      // letters into no line, and the whole-photo detector, at the photo's own size, finds only
      // specks of them. Each is cut out round its upright box, turned level and read close, as
      // pass 2d reads upright lines, unless what was read there already names a pair.
      for (const d of steepTextRegions(grey, MAX_STEEP)) {
        const box = clipped({ x: d.box.x * k, y: d.box.y * k, w: d.box.w * k, h: d.box.h * k }, photo);
        if (!box || upright.some((u) => covered(u, box) >= 0.5)) continue;
        if (namesIn(lines.filter((l) => overlapShare(lineBox(l, scale), box) > 0), names) >= 2) continue;
        const zoom = Math.min(REREAD_PROPOSED_ZOOM, STEEP_WIDTH / Math.max(box.w, box.h), Math.max(1, REREAD_LETTER / ((d.across * k) / 2)));
        better(await readPlace(box, zoom, { turn: d.turn }));
      }
      // Pass 2e: mirrored print. A selfie taken in a mirror (or by a front camera that mirrors)
      // shows a shirt's words flipped left to right, and neither reader reads flipped letters: the
      // detector finds the lines, the recogniser reads them as nonsense or nothing. Where a line it
      // found, long enough for a name word (MIRROR_LINE), has no sure reading and nothing read names
      // a candidate, the line reader reads the photo once more flipped (as long as its first
      // whole-photo read: 0.2–1.5 s on this machine); a flipped
      // line is kept only where it names two name words (a pair's), or where it names one word of
      // a pair's name and the line right above or below it the other ("PRABOWO / GIBRAN" on a
      // poster held in a mirror), its boxes flipped back. Print that is not mirrored reads as
      // nonsense flipped, never as two of one registry's names.
      if (names.size > 0 && unsure > 0 && namesIn(lines, names) === 0) {
        const flopped = await sharp(photo.png).flop().png({ compressionLevel: 1 }).toBuffer();
        const side = photo.width * scale;
        const flipped = (w: TesseractWord): TesseractWord => ({ ...w, bbox: { ...w.bbox, x0: side - w.bbox.x1, x1: side - w.bbox.x0 }, ...(w.angle !== undefined ? { angle: -w.angle } : {}) });
        const read = this.repaired(paddleWords(await paddle.read(flopped, photo.width, photo.height), scale, names));
        const found = mirroredNames(read, names, pairs).map((l) => l.map(flipped));
        for (const l of found) mirroredLines.add(l);
        better(found);
      }
    }
    better(await this.closeLook(photo, scale, grey, equalised, transposed));
    // Pass 3b: each flat printed patch (a sticker seen turned, in perspective or small) squared
    // up and read as level print of a known size
    better(await this.patchLook(photo, scale));
    // Pass 4: where print is expected (a chest), read sparse and locally contrast-stretched: a
    // print on a draped or faded shirt has letter edges too weak or too bent for pass 3's regions
    await this.worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, thresholding_method: '0' });
    for (const place of expected.slice(0, MAX_EXPECTED)) better(await this.expectedLook(photo, scale, place));
    // Pass 5: a line that names one candidate alone, or reads a word one letter off a name, is
    // where a pair's name may be printed and read in part (a letter lost to glare, the second
    // name on a fold or the next line): read again around it on warped copies; the reading
    // replaces the lines it overlaps when it reads more of the names.
    if (names.size > 0) {
      const partial = lines.filter((l) => partName(l, names)).slice(0, MAX_NEAR);
      for (const line of partial) {
        const found = await this.nameLook(photo, scale, line, names);
        const over = lines.filter((l) => l === line || found.some((f) => overlaps(l, f)));
        if (found.length === 0 || namesIn(found, names) <= namesIn(over, names)) continue;
        for (const l of over) lines.splice(lines.indexOf(l), 1);
        lines.push(...found);
      }
    }
    // the whole reading in one frame: a pair name read further off beside its own number, wherever
    // each was read (the number is often a line of its own, read by another pass)
    const mirrored = lines.some((l) => mirroredLines.has(l));
    return { ...layOut(numberedPairRepaired(sameRow(lines), pairs, numbers), scale, photo), ...(mirrored ? { mirrored } : {}) };
  }

  /** Lines read in the candidate text regions, levelled; boxes in the scaled input's pixels. */
  private async closeLook(photo: Photo, scale: number, grey: GreyImage, equalised: GreyImage, transposed: GreyImage): Promise<TesseractWord[][]> {
    const k = photo.width / grey.width;
    // level lines, then lines running up or down the photo (found level in the transposed copy):
    // each with the turns that may level it — a level line its slant; an upright one its slant
    // plus a quarter turn either way (which way it reads is not known until it is read)
    const places: Array<{ box: Box; turns: number[] }> = textRegions(grey, MAX_REGIONS).map((r) => ({ box: r, turns: [skewOf(grey, r)] }));
    // faint print (light ink on a mid-tone shirt, a shadow across it) has too few strong edges:
    // the regions of a locally contrast-stretched copy are added where they are new
    for (const r of textRegions(equalised, MAX_REGIONS)) {
      if (places.length >= MAX_REGIONS + MAX_FAINT) break;
      if (!places.some((p) => overlapShare(p.box, r) >= 0.5)) places.push({ box: r, turns: [skewOf(equalised, r)] });
    }
    for (const r of uprightTextRegions(transposed, MAX_UPRIGHT)) {
      // a slant s in the transposed copy is a line at 90° − s (or −90° − s) in the photo
      const s = skewOf(transposed, r);
      places.push({ box: transposeBox(r), turns: [90 - s, -90 - s] });
    }
    const out: TesseractWord[][] = [];
    // reads beyond the first of each place (another contrast, another turn, tight re-cuts) spent so far
    let extra = 0;
    for (const { box: r, turns } of places) {
      const x = Math.round(r.x * k);
      const y = Math.round(r.y * k);
      const w = Math.min(photo.width - x, Math.round(r.w * k));
      const h = Math.min(photo.height - y, Math.round(r.h * k));
      if (w < 8 || h < 8) continue;
      // the line's thickness across it: the region's band is about half its box (a margin of half
      // a line on each side); a slanted line's box is thicker than its letters by the rise across it
      const along = Math.abs(turns[0]!) > 45 ? h : w;
      const across = Math.abs(turns[0]!) > 45 ? w : h;
      const upright = Math.abs(turns[0]!) > 45;
      const slant = upright ? 90 - Math.abs(turns[0]!) : turns[0]!;
      const rise = Math.abs(Math.tan((slant * Math.PI) / 180)) * along;
      const zoom = Math.min(MAX_ZOOM, Math.max(1, LINE_HEIGHT / Math.max(4, (across - rise) / 2)));
      // the cut is read with each contrast stretch, and at each turn, until a reading is clear;
      // the reading with the most (letters × confidence) is kept: glare, a low-contrast print or
      // a shadow across it defeats one contrast stretch but not the other
      let best: { lines: TesseractWord[][]; quality: number; clear: boolean } = { lines: [], quality: 0, clear: false };
      const consider = (lines: TesseractWord[][], turn: number, size: { width: number; height: number }) => {
        const q = lines.reduce((a, l) => a + quality(l), 0);
        if (q <= best.quality) return;
        const back = unturn(turn, w * zoom, h * zoom, size.width, size.height);
        best = { quality: q, clear: clear(lines, along * zoom), lines: lines.map((line) => line.map((word) => this.wordBack(word, back, { x, y, w, h, zoom, scale, slant, upright, turn }))) };
      };
      const cut = await sharp(photo.png).extract({ left: x, top: y, width: w, height: h }).resize({ width: Math.round(w * zoom) }).png({ compressionLevel: 1 }).toBuffer();
      const levelled: Array<{ turn: number; png: Buffer; size: { width: number; height: number } }> = [];
      for (const turn of turns) {
        if (best.clear) break;
        // levelled: rotated back about the crop's centre, so a word's box is mapped back through the same turn
        const { data: png, info: size } = turn === 0 ? { data: cut, info: { width: Math.round(w * zoom), height: (await sharp(cut).metadata()).height ?? h } } : await sharp(cut).rotate(-turn, { background: '#808080' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
        levelled.push({ turn, png, size });
        for (const contrast of CONTRASTS) {
          if (best.clear) break;
          // the first read of each place always; any more only within the photo's budget
          if (levelled.length > 1 || contrast !== CONTRASTS[0]) {
            if (extra >= EXTRA_READS) break;
            extra++;
          }
          consider(await this.lines(await contrast(sharp(png).greyscale()).png({ compressionLevel: 1 }).toBuffer()), turn, size);
        }
      }
      // a cut that reads (almost) nothing is searched for its own printed lines, each cut out
      // tight and scaled to its letters: the region's box overestimates the letters when it took
      // in what is around them (a sticker's edge, a fairing's outline), and light letters on a
      // dark sticker inside a light surround defeat tesseract's line finder unless cut out alone
      if (best.quality < RETRY_BELOW)
        for (const { turn, png, size } of levelled) {
          const { data, info } = await sharp(png).greyscale().normalise().extractChannel(0).raw().toBuffer({ resolveWithObject: true });
          const found: TesseractWord[][] = [];
          for (const line of textRegions({ data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height }, MAX_TIGHT, { maxLine: TIGHT_MAX_LINE, joinX: TIGHT_JOIN })) {
            const f = Math.min(MAX_ZOOM, Math.max(0.5, LINE_HEIGHT / Math.max(4, line.h / 2)));
            let lineBest: { lines: TesseractWord[][]; quality: number } = { lines: [], quality: 0 };
            // a line that is most of the cut was read with the cut
            if (line.w * line.h >= 0.8 * info.width * info.height) continue;
            for (const [i, contrast] of CONTRASTS.entries()) {
              if (extra >= EXTRA_READS || (i > 0 && (lineBest.quality === 0 || clear(lineBest.lines, line.w)))) break;
              extra++;
              const lines = await this.lines(await contrast(sharp(png).extract({ left: line.x, top: line.y, width: line.w, height: line.h }).resize({ width: Math.max(8, Math.round(line.w * f)) }).greyscale()).png({ compressionLevel: 1 }).toBuffer());
              const q = lines.reduce((a, l) => a + quality(l), 0);
              // words back into the levelled cut's pixels
              if (q > lineBest.quality) lineBest = { quality: q, lines: lines.map((l) => l.map((word) => ({ ...word, bbox: { x0: line.x + word.bbox.x0 / f, y0: line.y + word.bbox.y0 / f, x1: line.x + word.bbox.x1 / f, y1: line.y + word.bbox.y1 / f } }))) };
            }
            found.push(...lineBest.lines);
          }
          consider(found, turn, size);
        }
      out.push(...best.lines);
    }
    return out;
  }

  /**
   * Lines read on the flat printed patches of a photo (patches.ts): each patch's four corners
   * mapped onto an upright rectangle PATCH_HEIGHT pixels tall, framed in its own colour, read as
   * a block with each contrast stretch until one is clear, and at PATCH_RESCALE times the size
   * when both read (almost) nothing. Word boxes go back through the same homography; a patch
   * turned off level gives its words that turn (the surface under them is measured along it).
   */
  private async patchLook(photo: Photo, scale: number): Promise<TesseractWord[][]> {
    const side = Math.min(PATCH_SIDE, photo.width);
    const { data, info } = await sharp(photo.png).removeAlpha().resize({ width: side }).blur(0.6).raw().toBuffer({ resolveWithObject: true });
    const patches = printPatches({ data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height }, MAX_PATCHES);
    if (patches.length === 0) return [];
    const full = await rgbPixels(photo);
    const k = photo.width / info.width;
    const out: TesseractWord[][] = [];
    for (const p of patches) {
      const quad = p.corners.map(([x, y]): Point => [x * k, y * k]);
      const turn = Math.round((Math.atan2(quad[1]![1] - quad[0]![1], quad[1]![0] - quad[0]![0]) * 180) / Math.PI);
      let best: { quality: number; lines: TesseractWord[][] } = { quality: 0, lines: [] };
      for (const height of [PATCH_HEIGHT, Math.round(PATCH_HEIGHT * PATCH_RESCALE)]) {
        if (best.quality >= RETRY_BELOW) break;
        const width = Math.max(8, Math.round((height * p.along) / p.across));
        const { pixels, back } = rectify(full, quad, width, height);
        const pad = Math.round(height / 4);
        const framed = await sharp(Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length), { raw: { width, height, channels: 3 } })
          .extend({ top: pad, bottom: pad, left: pad, right: pad, background: { r: p.colour[0], g: p.colour[1], b: p.colour[2] } })
          // a resolution, or tesseract warns on the console for every read
          .withMetadata({ density: 300 })
          .greyscale()
          .png({ compressionLevel: 1 })
          .toBuffer();
        for (const contrast of CONTRASTS) {
          const lines = await this.lines(await contrast(sharp(framed)).png({ compressionLevel: 1 }).toBuffer());
          const q = lines.reduce((a, l) => a + quality(l), 0);
          if (q > best.quality)
            best = {
              quality: q,
              lines: lines.map((line) =>
                line.map((word) => {
                  const corners = [project(back, word.bbox.x0 - pad, word.bbox.y0 - pad), project(back, word.bbox.x1 - pad, word.bbox.y0 - pad), project(back, word.bbox.x0 - pad, word.bbox.y1 - pad), project(back, word.bbox.x1 - pad, word.bbox.y1 - pad)];
                  const xs = corners.map((c) => Math.max(0, Math.min(photo.width, c[0])) * scale);
                  const ys = corners.map((c) => Math.max(0, Math.min(photo.height, c[1])) * scale);
                  return { ...word, bbox: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) }, ...(Math.abs(turn) >= 3 ? { angle: turn } : {}) };
                }),
              ),
            };
          if (clear(lines, width)) break;
        }
      }
      out.push(...best.lines);
    }
    return out;
  }

  /**
   * Lines read in a place where print is expected, first with a local (CLAHE) contrast stretch:
   * it lifts light print on a mid-tone or shaded shirt, and one read keeps the cost of a photo
   * of a person without print to one block read per face. A read that makes out fewer than
   * EXPECTED_ENOUGH (letters × confidence), but something, is tried again on warped copies of the cut — turned
   * and sheared both ways (print on a draped, creased or angled shirt runs at a slant, or rises
   * across the chest with its letters still upright) —, at most once per CHEST_WARPS entry, and the
   * reading that makes out the most is kept.
   */
  private async expectedLook(photo: Photo, scale: number, place: Box): Promise<TesseractWord[][]> {
    const x = Math.max(0, Math.min(photo.width - 8, place.x));
    const y = Math.max(0, Math.min(photo.height - 8, place.y));
    const w = Math.min(photo.width - x, place.w);
    const h = Math.min(photo.height - y, place.h);
    if (w < 8 || h < 8) return [];
    const zoom = Math.min(MAX_ZOOM, Math.max(1, EXPECTED_WIDTH / w));
    const cut = await sharp(photo.png).extract({ left: x, top: y, width: w, height: h }).resize({ width: Math.round(w * zoom) }).greyscale().png({ compressionLevel: 1 }).toBuffer();
    const cw = Math.round(w * zoom);
    const ch = (await sharp(cut).metadata()).height ?? Math.round(h * zoom);
    const c = { x, y, w, h, zoom, scale, upright: false };
    let best = { quality: 0, lines: [] as TesseractWord[][] };
    for (const [i, v] of CHEST_WARPS.entries()) {
      // a chest that reads nothing at all (a plain shirt) is not read again: the warps repair a
      // print read in part, and each costs a read of a 900-pixel cut
      if (i > 0 && (best.quality >= EXPECTED_ENOUGH || best.quality < EXPECTED_SOME)) break;
      const { png, back, slant } = await warped(cut, cw, ch, v);
      const lines = await this.lines(await CONTRASTS[v.contrast]!(sharp(png)).png({ compressionLevel: 1 }).toBuffer());
      const q = lines.reduce((a, l) => a + quality(l), 0);
      if (q > best.quality) best = { quality: q, lines: lines.map((line) => line.map((word) => this.wordBack(word, back, { ...c, slant, turn: v.turn ?? 0 }))) };
    }
    if (best.quality >= EXPECTED_ENOUGH) return best.lines;
    // a print the drape moved letter by letter: its lines redrawn level and read one by one
    const level = await this.levelLook(photo, scale, place);
    // the level reading is kept when it reads more, or names more name words (its names are
    // read at a low confidence, but agreed by two reads)
    if (namesIn(level, this.names) > namesIn(best.lines, this.names)) return [...level, ...best.lines.filter((l) => !level.some((v) => overlaps(v, l)))];
    return level.reduce((a, l) => a + quality(l), 0) > best.quality ? level : best.lines;
  }

  /**
   * Lines read on a chest cut (grey PNG) with each line of its print redrawn level (dewarp.ts),
   * on the cut stretched with each contrast (the ink the stretch makes darker or lighter than the
   * shirt, whichever gives more letters in lines), read as one line each. A word one edit off a
   * name word is read as the name when the other contrast's reading of the same letters agrees
   * (agreed()): the redrawn letters are still bent within themselves, and two reads of them
   * rarely lose the same letter. Word boxes are the letters' boxes in the photo.
   */
  private async levelLook(photo: Photo, scale: number, place: Box): Promise<TesseractWord[][]> {
    // the chest grown up to the chin: a print's first line, pushed up by the drape, is often cut
    // by the chest's top, and a letter cut by the edge is not taken as a letter
    const up = Math.round(LEVEL_UP * place.h);
    const x = Math.max(0, Math.min(photo.width - 8, place.x));
    const y = Math.max(0, Math.min(photo.height - 8, place.y - up));
    const w = Math.min(photo.width - x, place.w);
    const h = Math.min(photo.height - y, place.h + up);
    if (w < 8 || h < 8) return [];
    const zoom = Math.min(MAX_ZOOM, LEVEL_WIDTH / w);
    const cut = await sharp(photo.png).extract({ left: x, top: y, width: w, height: h }).resize({ width: Math.round(w * zoom) }).greyscale().png({ compressionLevel: 1 }).toBuffer();
    const c = { x, y, zoom, scale };
    await this.worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE, thresholding_method: '0' });
    const readings: TesseractWord[][][] = [];
    for (const contrast of [CONTRASTS[1]!, CONTRASTS[0]!]) {
      const { data, info } = await contrast(sharp(cut)).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
      const grey = { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
      const count = (ls: LevelLine[]) => ls.reduce((a, l) => a + l.letters.length, 0);
      const dark = levelLines(grey, true);
      const light = levelLines(grey, false);
      const found: TesseractWord[][] = [];
      for (const line of (count(dark) >= count(light) ? dark : light).slice(0, LEVEL_LINES)) {
        const f = LEVEL_HEIGHT / line.letterHeight;
        const png = await sharp(Buffer.from(line.data.buffer, line.data.byteOffset, line.data.length), { raw: { width: line.width, height: line.height, channels: 1 } })
          .resize({ width: Math.max(8, Math.round(line.width * f)) })
          .blur(0.8)
          .withMetadata({ density: 300 })
          .png({ compressionLevel: 1 })
          .toBuffer();
        for (const read of await this.lines(png, LEVEL_FLOOR)) {
          const words = read.flatMap((word) => {
            const from = sourceBox(line, word.bbox.x0 / f, word.bbox.x1 / f);
            if (!from) return [];
            const x0 = c.x + from.x / c.zoom;
            const y0 = c.y + from.y / c.zoom;
            return [{ ...word, bbox: { x0: x0 * c.scale, y0: y0 * c.scale, x1: (x0 + from.w / c.zoom) * c.scale, y1: (y0 + from.h / c.zoom) * c.scale } }];
          });
          if (words.length > 0) found.push(words);
        }
      }
      readings.push(found);
    }
    // pass 4's mode again, for the next chest
    await this.worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, thresholding_method: '0' });
    const [first = [], second = []] = readings;
    const sure = (lines: TesseractWord[][]) => lines.reduce((a, l) => a + quality(l.filter((w) => isWord(w))), 0);
    const best = sure(first) >= sure(second) ? first : second;
    const other = best === first ? second : first;
    // a word read below the usual confidence floor is kept only as a name word both contrasts'
    // readings agree on (the same name, or each one edit off it, over the same letters)
    return agreed(best, [...first, ...second], this.names)
      .map((line) => line.filter((w) => isWord(w) || (this.names.has(letters(w)) && other.some((l) => l.some((o) => overlaps([o], [w]) && oneEdit(letters(o), letters(w)))))))
      .filter((l) => l.length > 0);
  }

  /**
   * Lines read around a line that names part of a pair (its box in scaled input pixels), scaled to
   * ~LINE_HEIGHT-pixel letters: first cut to the line's own band (NEAR_BAND line heights up and
   * down) and grown across by the line's width each way (a second name beside it), read as one
   * line, plain, with local contrast and turned both ways; then grown to the lines above and below (NEAR_TALL line
   * heights: a second name on the next line). At most NEAR_VARIANTS reads, until a reading names
   * two name words; the reading naming the most is kept.
   */
  private async nameLook(photo: Photo, scale: number, line: TesseractWord[], names: ReadonlySet<string>): Promise<TesseractWord[][]> {
    const x0 = Math.min(...line.map((w) => w.bbox.x0)) / scale;
    const x1 = Math.max(...line.map((w) => w.bbox.x1)) / scale;
    const y0 = Math.min(...line.map((w) => w.bbox.y0)) / scale;
    const y1 = Math.max(...line.map((w) => w.bbox.y1)) / scale;
    const lh = Math.max(4, y1 - y0);
    const across = Math.max(2 * lh, x1 - x0);
    const zoom = Math.min(MAX_ZOOM, Math.max(1, LINE_HEIGHT / lh));
    const plans: Array<{ grow: number; psm: PSM; warps: Warp[] }> = [
      { grow: NEAR_BAND, psm: PSM.SINGLE_LINE, warps: [{ contrast: 0 }, { contrast: 1 }, { turn: 7, contrast: 0 }, { turn: -7, contrast: 0 }] },
      { grow: NEAR_TALL, psm: PSM.SINGLE_BLOCK, warps: [{ contrast: 0 }, { contrast: 1 }] },
    ];
    let best = { named: 0, quality: 0, lines: [] as TesseractWord[][] };
    // every reading of the place (the first passes' line too), each a list of words in scaled input pixels
    const readings: TesseractWord[][] = [line];
    let reads = 0;
    for (const { grow, psm, warps } of plans) {
      await this.worker.setParameters({ tessedit_pageseg_mode: psm, thresholding_method: '0' });
      const x = Math.max(0, Math.round(x0 - across));
      const y = Math.max(0, Math.round(y0 - grow * lh));
      const w = Math.min(photo.width - x, Math.round(x1 + across) - x);
      const h = Math.min(photo.height - y, Math.round(y1 + grow * lh) - y);
      if (w < 8 || h < 8) continue;
      const cut = await sharp(photo.png).extract({ left: x, top: y, width: w, height: h }).resize({ width: Math.round(w * zoom) }).greyscale().png({ compressionLevel: 1 }).toBuffer();
      const cw = Math.round(w * zoom);
      const ch = (await sharp(cut).metadata()).height ?? Math.round(h * zoom);
      const c = { x, y, w, h, zoom, scale, upright: false };
      for (const v of warps) {
        if (best.named >= 2 || reads >= NEAR_VARIANTS) break;
        reads++;
        const { png, back, slant } = await warped(cut, cw, ch, v);
        const read = await this.lines(await CONTRASTS[v.contrast]!(sharp(png)).png({ compressionLevel: 1 }).toBuffer());
        const lines = read.map((l) => l.map((word) => this.wordBack(word, back, { ...c, slant, turn: v.turn ?? 0 })));
        readings.push(lines.flat());
        const named = namesIn(lines, names);
        const q = lines.reduce((a, l) => a + quality(l), 0);
        if (named > best.named || (named === best.named && q > best.quality)) best = { named, quality: q, lines };
      }
    }
    return best.named >= 2 ? best.lines : agreed(best.lines, readings, names);
  }

  /** A word read in a turned, zoomed cut, with its box in the scaled input's pixels. */
  private wordBack(word: TesseractWord, back: (x: number, y: number) => [number, number], c: { x: number; y: number; w: number; h: number; zoom: number; scale: number; slant: number; upright: boolean; turn: number }): TesseractWord {
    const corners = [back(word.bbox.x0, word.bbox.y0), back(word.bbox.x1, word.bbox.y0), back(word.bbox.x0, word.bbox.y1), back(word.bbox.x1, word.bbox.y1)];
    const xs = corners.map((p) => c.x + p[0] / c.zoom);
    const ys = corners.map((p) => c.y + p[1] / c.zoom);
    let x0 = Math.min(...xs);
    let x1 = Math.max(...xs);
    let y0 = Math.min(...ys);
    let y1 = Math.max(...ys);
    // a slanted word's upright box is thicker than its letters by its rise across it (taller for
    // a level line, wider for an upright one): keep the band its letters cross at its middle
    const along = (word.bbox.x1 - word.bbox.x0) / c.zoom;
    const rise = (extent: number) => Math.min(extent * (2 / 3), Math.abs(Math.tan((c.slant * Math.PI) / 180)) * along);
    if (c.upright) {
      const r = rise(x1 - x0);
      x0 += r / 2;
      x1 -= r / 2;
    } else {
      const r = rise(y1 - y0);
      y0 += r / 2;
      y1 -= r / 2;
    }
    x0 = Math.max(c.x, x0);
    x1 = Math.min(c.x + c.w, x1);
    y0 = Math.max(c.y, y0);
    y1 = Math.min(c.y + c.h, y1);
    return { ...word, bbox: { x0: x0 * c.scale, y0: y0 * c.scale, x1: x1 * c.scale, y1: y1 * c.scale }, ...(c.turn !== 0 ? { angle: c.turn } : {}) };
  }

  /** The lines tesseract reads in an image; `floor`: the least word confidence kept (0–1). */
  private async lines(input: Buffer, floor = MIN_WORD_SCORE): Promise<TesseractWord[][]> {
    const result = await this.worker.recognize(input, {}, { text: false, blocks: true });
    const blocks = (result.data.blocks ?? []) as unknown as TesseractBlock[];
    const lines: TesseractWord[][] = [];
    for (const block of blocks) for (const p of block.paragraphs) for (const l of p.lines) lines.push(l.words);
    return this.repaired(lines, floor);
  }

  /** Words read (by either reader) with a name's confusable marks and letters repaired (confusables.ts, pair-words.ts). */
  private repaired(read: TesseractWord[][], floor = MIN_WORD_SCORE): TesseractWord[][] {
    const lines = read.map((l) => l.filter((w) => isWord(w, 0)).map((w) => ({ ...w, text: confusablesRepaired(w.text, this.names) })));
    // words below the floor only as one of a pair name's two words beside the other (pair-words.ts)
    // a name word read in two halves is joined first (pair-words.ts)
    return pairRepaired(keptWords(fragmentsJoined(lines, this.names), this.pairs, floor * 100), this.pairs);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * A reading of a cut that needs no other contrast or turn: some letters, every word at least
 * CLEAR_WORD confident, and its words spanning at least CLEAR_SPAN of the cut's length (`length`,
 * in the levelled cut's pixels): one word read sure of itself beside a glared one is not clear.
 */
function clear(lines: TesseractWord[][], length: number): boolean {
  const words = lines.flat();
  if (words.length === 0 || lines.reduce((a, l) => a + quality(l), 0) < RETRY_BELOW || words.some((w) => w.confidence / 100 < CLEAR_WORD)) return false;
  return Math.max(...words.map((w) => w.bbox.x1)) - Math.min(...words.map((w) => w.bbox.x0)) >= CLEAR_SPAN * length;
}

/** The share of box b that box a covers. */
function covered(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / (b.w * b.h);
}

/** The share of the smaller box that two boxes have in common. */
function overlapShare(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w <= 0 || h <= 0 ? 0 : (w * h) / Math.min(a.w * a.h, b.w * b.h);
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

/**
 * The second reader's lines as words in the scaled input's pixels: each word's box cut from its
 * line's corners in proportion to where its letters stand in the line (the recogniser gives no
 * per-letter places), and a word that is two name words run together ("BUDIDEWI": the recogniser
 * often drops a space) split in two.
 */
export function paddleWords(found: readonly PaddleLine[], scale: number, names: ReadonlySet<string>): TesseractWord[][] {
  const out: TesseractWord[][] = [];
  for (const line of found) {
    const [tl, tr, br, bl] = line.corners as [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
    const at = (a: readonly [number, number], b: readonly [number, number], f: number): [number, number] => [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    const angle = (Math.atan2(tr[1] - tl[1], tr[0] - tl[0]) * 180) / Math.PI;
    const n = line.text.length;
    const words: TesseractWord[] = [];
    // a hyphen or slash between the names ("Fauzi-Siti") parts words as a space does, and so does
    // a middle dot or bullet, which the recogniser reads for a small far hyphen ("CANUAR·MAHPUD")
    // ... and a stop between two letters with no space ("FAUZ.SIT": a lost space or a hyphen on
    // a small draped print), same length, so each part keeps its letters' places
    const text = line.text.replace(/(?<=\p{L})\.(?=\p{L})/gu, '·');
    for (const m of text.matchAll(/[^\s\-–—/,·•]+/g)) {
      const start = m.index ?? 0;
      for (const part of splitNames(m[0], names)) {
        const s0 = start + part.at;
        const f0 = s0 / n;
        const f1 = (s0 + part.text.length) / n;
        const pts = [at(tl, tr, f0), at(tl, tr, f1), at(bl, br, f1), at(bl, br, f0)];
        const xs = pts.map((p) => p[0] * scale);
        const ys = pts.map((p) => p[1] * scale);
        words.push({
          text: part.text,
          confidence: line.score * 100,
          bbox: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
          ...(Math.abs(angle) >= 3 ? { angle } : {}),
        });
      }
    }
    if (words.length > 0) out.push(words);
  }
  return out;
}

/**
 * Where the line reader reads again, close (at most REREAD_PLACES): each expected place (a chest)
 * and each detected line no read line covers, unless the lines read there already name two name
 * words; a detected line grows by its height each way (its neighbours and lost letters), and is
 * scaled so its letters are about REREAD_LETTER pixels tall; a chest is scaled to REREAD_CHEST wide.
 */
export function rereadPlaces(
  detected: ReadonlyArray<ReadonlyArray<readonly [number, number]>>,
  expected: readonly Box[],
  lines: readonly TesseractWord[][],
  scale: number,
  photo: { width: number; height: number },
  names: ReadonlySet<string>,
  proposed: readonly Box[] = [],
  pairs: ReadonlyArray<readonly [string, string]> = [],
): Array<{ box: Box; zoom: number }> {
  const read = lines.map((l) => ({ box: lineBox(l, scale), line: l }));
  const named = (b: Box) => namesIn(read.filter((r) => overlapShare(r.box, b) > 0).map((r) => r.line), names) >= 2;
  const clip = (b: Box) => clipped(b, photo);
  const out: Array<{ box: Box; zoom: number }> = [];
  for (const chest of expected.slice(0, MAX_EXPECTED)) {
    const box = clip(chest);
    if (box && !named(box)) out.push({ box, zoom: Math.min(REREAD_MAX_ZOOM, Math.max(1, REREAD_CHEST / box.w)) });
  }
  const lost = detected
    .map((c) => {
      const xs = c.map((p) => p[0]);
      const ys = c.map((p) => p[1]);
      return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    })
    .filter((b) => b.h >= 4 && b.w >= b.h && !read.some((r) => overlapShare(r.box, b) >= 0.5))
    .sort((a, b) => b.w * b.h - a.w * a.h);
  for (const b of lost) {
    if (out.length >= REREAD_PLACES) break;
    const box = clip({ x: b.x - b.h, y: b.y - b.h, w: b.w + 2 * b.h, h: 3 * b.h });
    if (!box || out.some((o) => overlapShare(o.box, box) >= 0.5) || named(box)) continue;
    out.push({ box, zoom: Math.min(REREAD_MAX_ZOOM, Math.max(1, REREAD_LETTER / b.h)) });
  }
  const kept = out.slice(0, REREAD_PLACES);
  // a proposed place is about twice as tall as its line's letters (text-regions.ts: a margin of
  // half a line on each side); one already read, or already to be read, is left out — unless what
  // was read there is a pair's name read in part: one name word and not two, or its letters run
  // together a few letters off the pair's two names (a far sticker's "UDIDEW" for BUDI DEWI: small
  // print the line reader read at the photo's own size from a smeared line), read again close
  const inPart = (b: Box) => {
    const over = read.filter((r) => overlapShare(r.box, b) > 0).map((r) => r.line);
    const found = namesIn(over, names);
    if (found !== 0) return found === 1;
    const run = over.flat().map(letters).join('');
    return run.length >= PART_LEAST && pairs.some(([a, z]) => editDistance(run, a + z, PART_OFF) <= PART_OFF);
  };
  const letterZoom = (b: Box) => Math.min(REREAD_MAX_ZOOM, REREAD_LETTER / (b.h / 2));
  const zoomOf = (b: Box) => Math.min(REREAD_PROPOSED_ZOOM, Math.max(1, letterZoom(b), REREAD_PROPOSED_WIDTH / b.w));
  // what a place to be read stands in for: the proposals inside it it reads about as close as their
  // letters ask (a detected line's place is zoomed to its letters; a chest's to its width)
  const stands = (o: { box: Box; zoom: number }, b: Box) => covered(o.box, b) >= 0.5 && o.zoom >= COVER_ZOOM * letterZoom(b) && o.box.w * o.box.h <= COVER_AREA * b.w * b.h;
  let more = 0;
  for (const p of proposed) {
    if (more >= REREAD_PROPOSED) break;
    const box = clip(p);
    if (!box) continue;
    if (read.some((r) => overlapShare(r.box, box) > 0)) {
      // the whole line around the part read; a place to be read that is only a fragment of it
      // (a detected word of the line) does not take its place
      if (!inPart(box) || kept.some((o) => stands(o, box))) continue;
    } else if (kept.some((o) => stands(o, box))) continue;
    kept.push({ box, zoom: zoomOf(box) });
    more++;
  }
  return kept;
}

/** The upright box round a detected line's corners (photo pixels). */
function cornersBox(c: ReadonlyArray<readonly [number, number]>): Box {
  const xs = c.map((p) => p[0]);
  const ys = c.map((p) => p[1]);
  return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
}

/**
 * The lines of a reading of a flipped photo that are kept as mirrored print (pass 2e): each line
 * naming two name words, and two stacked lines that name the two words of one pair's name, one
 * each — the one above the other, overlapping across, at most a line's height apart.
 */
export function mirroredNames(read: readonly TesseractWord[][], names: ReadonlySet<string>, pairs: ReadonlyArray<readonly [string, string]>): TesseractWord[][] {
  const kept = read.filter((l) => namesIn([l], names) >= 2);
  const single = read.filter((l) => !kept.includes(l) && namesIn([l], names) === 1);
  const stacked = (a: TesseractWord[], b: TesseractWord[]) => {
    const [x, y] = [lineBox(a, 1), lineBox(b, 1)];
    const [top, below] = x.y <= y.y ? [x, y] : [y, x];
    const across = Math.min(x.x + x.w, y.x + y.w) - Math.max(x.x, y.x);
    return across > 0 && below.y - (top.y + top.h) <= Math.max(top.h, below.h);
  };
  for (const [first, second] of pairs)
    for (const a of single)
      for (const b of single)
        if (a !== b && namesIn([a], new Set([first])) === 1 && namesIn([b], new Set([second])) === 1 && stacked(a, b))
          kept.push(a, b);
  return read.filter((l) => kept.includes(l));
}

/** A line's box in photo pixels (its words are in the scaled input's). */
function lineBox(l: readonly TesseractWord[], scale: number): Box {
  const x0 = Math.min(...l.map((w) => w.bbox.x0)) / scale;
  const y0 = Math.min(...l.map((w) => w.bbox.y0)) / scale;
  return { x: x0, y: y0, w: Math.max(...l.map((w) => w.bbox.x1)) / scale - x0, h: Math.max(...l.map((w) => w.bbox.y1)) / scale - y0 };
}

/** A box rounded out to whole pixels and clipped to the photo; undefined when under 8 pixels either way. */
function clipped(b: Box, photo: { width: number; height: number }): Box | undefined {
  const x = Math.max(0, Math.floor(b.x));
  const y = Math.max(0, Math.floor(b.y));
  const w = Math.min(photo.width, Math.ceil(b.x + b.w)) - x;
  const h = Math.min(photo.height, Math.ceil(b.y + b.h)) - y;
  return w >= 8 && h >= 8 ? { x, y, w, h } : undefined;
}

/** A word that is two name words run together, split (with each part's offset in the word); else the word. */
function splitNames(word: string, names: ReadonlySet<string>): Array<{ text: string; at: number }> {
  if (!/^\p{L}+$/u.test(word)) return [{ text: word, at: 0 }];
  const up = word.toUpperCase();
  for (let i = 3; i <= up.length - 3; i++) {
    if (names.has(up.slice(0, i)) && names.has(up.slice(i))) return [{ text: word.slice(0, i), at: 0 }, { text: word.slice(i), at: i }];
  }
  return [{ text: word, at: 0 }];
}

/** What a line read is worth: its letters and digits, weighted by confidence. */
function quality(line: TesseractWord[]): number {
  return line.reduce((a, w) => a + (w.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) * (w.confidence / 100), 0);
}

/**
 * A copy of a cut to read: turned by `turn` degrees or sheared by `shear` (a line rising `shear`
 * pixels a pixel across, letters kept upright: print seen at an angle), read with contrast
 * `contrast` (CONTRASTS: 0 a plain stretch, 1 local).
 */
interface Warp {
  turn?: number;
  shear?: number;
  contrast: 0 | 1;
}
/** The copies a wearer's chest is read on (expectedLook): as cut, then turned and sheared both ways, all with local contrast. */
const CHEST_WARPS: readonly Warp[] = [
  { contrast: 1 },
  { turn: 7, contrast: 1 },
  { turn: -7, contrast: 1 },
  { shear: 0.15, contrast: 1 },
  { shear: -0.15, contrast: 1 },
];

/** A cut (w × h, grey PNG) warped, with the map from the warped pixels back into the cut's and the slant of a level line. */
async function warped(cut: Buffer, w: number, h: number, v: Warp): Promise<{ png: Buffer; back: (x: number, y: number) => [number, number]; slant: number }> {
  if (v.turn) {
    const { data, info } = await sharp(cut).rotate(-v.turn, { background: '#808080' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
    return { png: data, back: unturn(v.turn, w, h, info.width, info.height), slant: v.turn };
  }
  if (v.shear) {
    // sharp's affine puts the sheared cut at the top of a canvas grown by |shear| × w; a
    // negative shear moves it down by that growth
    const s = -v.shear;
    const { data, info } = await sharp(cut).affine([[1, 0], [s, 1]], { background: '#808080' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
    const off = s < 0 ? info.height - h : 0;
    return { png: data, back: (x, y) => [x, y - s * x - off], slant: (Math.atan(v.shear) * 180) / Math.PI };
  }
  return { png: cut, back: (x, y) => [x, y], slant: 0 };
}

/** A word's letters, upper case (what `names` holds). */
function letters(w: TesseractWord): string {
  return w.text.toUpperCase().replace(/[^\p{L}]/gu, '');
}

/** The distinct name words read in some lines. */
function namesIn(lines: readonly TesseractWord[][], names: ReadonlySet<string>): number {
  // two name words run together ("BUDIDEWI", as a close re-read repairs it) name both; a word with
  // digits or marks run in ("ANIESMUHAIMIN2024") names none, as the registry matching reads it
  const parts = (w: TesseractWord) => (/^\p{L}+$/u.test(w.text) ? splitNames(w.text, names).map((p) => p.text.toUpperCase()) : [letters(w)]);
  return new Set(
    lines
      .flat()
      .flatMap(parts)
      .filter((t) => names.has(t)),
  ).size;
}

/**
 * A line that names part of a pair: exactly one name word, or none and a word one edit away from
 * a name word of at least NEAR_AGREE letters (a letter lost, misread or added; shorter names are
 * a letter away from too many everyday words and texture read as letters).
 */
function partName(line: readonly TesseractWord[], names: ReadonlySet<string>): boolean {
  const found = namesIn([[...line]], names);
  if (found >= 2) return false;
  if (found === 1) return true;
  return line.some((w) => {
    const t = letters(w);
    if (t.length < NEAR_AGREE - 1) return false;
    for (const n of names) if (n.length >= NEAR_AGREE && Math.abs(n.length - t.length) <= 1 && oneEdit(t, n)) return true;
    return false;
  });
}

/**
 * The words of a reading with the name words the readings of its place agree on: a word of at
 * least NEAR_AGREE letters one edit off a name word is read as that name when another reading of
 * the same place (another warp or contrast, or the first passes) has a word over it that is that
 * name or also one edit off it: two reads of small or glared print rarely lose the same letter,
 * and a name is only taken where every reading is within a letter of it.
 */
function agreed(lines: TesseractWord[][], readings: readonly TesseractWord[][], names: ReadonlySet<string>): TesseractWord[][] {
  return lines.map((line) =>
    line.map((word) => {
      const t = letters(word);
      if (t.length < NEAR_AGREE || names.has(t)) return word;
      const name = [...names].find((n) => n.length >= NEAR_AGREE && Math.abs(n.length - t.length) <= 1 && oneEdit(t, n));
      if (!name) return word;
      const others = readings.filter((r) => !r.includes(word) && r.some((o) => o !== word && overlaps([o], [word]) && oneEdit(letters(o), name)));
      return others.length >= 1 ? { ...word, text: name } : word;
    }),
  );
}

/** Two strings at most one insertion, deletion or substitution apart. */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1);
}

function isWord(w: TesseractWord, floor = MIN_WORD_SCORE): boolean {
  return w.confidence / 100 >= floor && /[\p{L}\p{N}]/u.test(w.text);
}

/** Words joined by spaces, lines by newlines; each word remembers its offsets and box. */
export function layOut(lines: TesseractWord[][], scale: number, photo: { width: number; height: number }): OcrReading {
  let text = '';
  const words: OcrWord[] = [];
  for (const line of lines) {
    if (text) text += '\n';
    line.flatMap(numberParted).forEach((w, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += w.text;
      words.push({
        text: w.text,
        start,
        end: text.length,
        box: boxFromCorners(w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1, scale, photo.width, photo.height),
        score: Math.round(w.confidence) / 100,
        ...(w.angle !== undefined ? { angle: w.angle } : {}),
      });
    });
  }
  return { text, words };
}

// A word of letters run into a ballot number, or a ballot number run into letters, as OCR reads a
// number printed close beside a name or a label ('SITI01', 'Nomor3', '02PRABOWO'): at least this
// many letters, one or two digits.
const RUN_IN = /^(?:(\p{L}{3,})(\d{1,2})|(\d{1,2})(\p{L}{3,}))$/u;

/**
 * A word read as letters and a ballot number run together, parted into the two words it prints,
 * each with its share of the box by letters (the rules read 'SITI01' as no name and 'Nomor3' as no
 * number). A year or a plate's series (four digits) stays one word, as the registry matching reads
 * a pair's names run into a year.
 */
export function numberParted(w: TesseractWord): TesseractWord[] {
  const m = RUN_IN.exec(w.text);
  if (!m) return [w];
  const [first, second] = m[1] !== undefined ? [m[1], m[2] as string] : [m[3] as string, m[4] as string];
  const { x0, y0, x1, y1 } = w.bbox;
  const share = first.length / w.text.length;
  // a word read turned a quarter runs down the photo (clockwise) or up it
  if (w.angle !== undefined && Math.abs(w.angle) > 45) {
    const down = w.angle > 0;
    const cut = Math.round(down ? y0 + (y1 - y0) * share : y1 - (y1 - y0) * share);
    return down
      ? [{ ...w, text: first, bbox: { x0, y0, x1, y1: cut } }, { ...w, text: second, bbox: { x0, y0: cut, x1, y1 } }]
      : [{ ...w, text: first, bbox: { x0, y0: cut, x1, y1 } }, { ...w, text: second, bbox: { x0, y0, x1, y1: cut } }];
  }
  const cut = Math.round(x0 + (x1 - x0) * share);
  return [
    { ...w, text: first, bbox: { x0, y0, x1: cut, y1 } },
    { ...w, text: second, bbox: { x0: cut, y0, x1, y1 } },
  ];
}

/** The words a span [start, end) of the reading covers. */
export function wordsIn(reading: OcrReading, start: number, end: number): OcrWord[] {
  return reading.words.filter((w) => w.start < end && w.end > start);
}
