// Where printed lines may be in a photo, found without a model: text is a band of dense,
// short, strong edges (letter strokes) about as tall as one letter. Used to give OCR a second,
// close look at small print — a sticker on a car door, a name on a shirt seen from afar — that
// a whole-page read misses because the letters are small next to the photo or sit on a patch
// whose colour one page-wide threshold merges with the paint around it.
// Pure (pixels in, boxes out), so it is tested without the optional packages.
import type { Box } from './box.js';
import { floodFill } from './flood.js';

export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

// A pixel is on an edge when the brightness changes by this much across it (0..510).
const EDGE = 60;
// Letters of a word are joined across gaps up to this share of the image width ...
const JOIN_X = 1 / 60;
// ... and the rows of one letter across gaps of this many pixels.
const JOIN_Y = 1;
// A line is at least this tall (pixels of the grey copy) and at most this share of the image height.
const MIN_LINE = 6;
const MAX_LINE = 1 / 4;
// Letters fill their band with edges: a car's outline or a table's edge does not.
const MIN_DENSITY = 0.18;
const MAX_DENSITY = 0.75;
// An edge running straight longer than this share of the image width is an outline, not a letter.
const MAX_STROKE = 0.07;
// A word is wider than tall.
const MIN_ASPECT = 1.6;
// A path of edges a little off level (upright lines only) is an outline when this many times
// longer than a straight run may be (MAX_STROKE): a sticker's border runs its whole length, while
// a far sticker's blurred word, its letters run into one path, stays shorter (scenes-r17/check's
// far fork sticker is found as before).
const SLANTED_LONG = 2;

/**
 * Candidate text lines in a greyscale image, widest first, at most `max`; boxes in the image's
 * own pixels, with a margin of half a line height. `maxLine`: the tallest line, as a share of
 * the image's height (a cut around one line is mostly that line); `joinX`: the widest gap joined
 * within a line, as a share of the image's width (in a cut around one line, the words' spaces).
 */
export function textRegions(grey: Grey, max = 8, { maxLine = MAX_LINE, joinX = JOIN_X, slanted = false } = {}): Box[] {
  const { data, width: w, height: h } = grey;
  const edge = new Uint8Array(w * h);
  for (let y = 1; y < h - 1; y++)
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const g = Math.abs(data[i + 1]! - data[i - 1]!) + Math.abs(data[i + w]! - data[i - w]!);
      if (g >= EDGE) edge[i] = 1;
    }
  // straight edges longer than a letter is tall are outlines (a sticker's border, a car's roof):
  // dropped, so the letters inside a sticker do not join its border and the car around it
  const long = Math.max(12, Math.round(w * MAX_STROKE));
  dropRuns(edge, w, h, 1, w, long);
  dropRuns(edge, w, h, w, 1, long);
  if (slanted) dropSlantedRuns(edge, w, h, SLANTED_LONG * long);
  // join the letters of a line: close short horizontal gaps, then one-pixel vertical ones
  const join = Math.max(3, Math.round(w * joinX));
  const mask = new Uint8Array(edge);
  for (let y = 0; y < h; y++) {
    let last = -1;
    for (let x = 0; x < w; x++) {
      if (!edge[y * w + x]) continue;
      if (last >= 0 && x - last > 1 && x - last <= join) mask.fill(1, y * w + last + 1, y * w + x);
      last = x;
    }
  }
  for (let x = 0; x < w; x++) {
    let last = -1;
    for (let y = 0; y < h; y++) {
      if (!mask[y * w + x]) continue;
      if (last >= 0 && y - last > 1 && y - last <= JOIN_Y + 1) for (let k = last + 1; k < y; k++) mask[k * w + x] = 1;
      last = y;
    }
  }
  // connected bands
  const seen = new Uint8Array(w * h);
  const out: Array<Box & { area: number }> = [];
  for (let start = 0; start < w * h; start++) {
    if (!mask[start] || seen[start]) continue;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    let edges = 0;
    floodFill(w, h, [start], seen, (_, j) => mask[j] === 1, (i, x, y) => {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      edges += edge[i]!;
    });
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    const density = edges / (bw * bh);
    if (bh < MIN_LINE || bh > h * maxLine || bw < bh * MIN_ASPECT || density < MIN_DENSITY || density > MAX_DENSITY) continue;
    const m = Math.round(bh / 2);
    const x = Math.max(0, x0 - m);
    const y = Math.max(0, y0 - m);
    out.push({ x, y, w: Math.min(w, x1 + m + 1) - x, h: Math.min(h, y1 + m + 1) - y, area: bw * bh });
  }
  return out
    .sort((a, b) => b.w - a.w)
    .slice(0, max)
    .map(({ x, y, w: bw, h: bh }) => ({ x, y, w: bw, h: bh }));
}

/** The image mirrored about its diagonal (x and y swapped): a vertical line of print becomes a level one. */
export function transpose(grey: Grey): Grey {
  const { data, width: w, height: h } = grey;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[x * h + y] = data[y * w + x]!;
  return { data: out, width: h, height: w };
}

/** A box of the transposed image in the image's own pixels (and back: the swap is its own inverse). */
export function transposeBox(b: Box): Box {
  return { x: b.y, y: b.x, w: b.h, h: b.w };
}

/**
 * Candidate lines of print running up or down the image (a sticker on a scooter's upright
 * fairing, a name down a banner's side): the level lines of the transposed image, boxes given
 * in the transposed image's pixels (for skewOf there) — transposeBox maps them back.
 */
export function uprightTextRegions(transposed: Grey, max = 2): Box[] {
  const plain = textRegions(transposed, max);
  if (plain.length >= max) return plain;
  // a sticker up a pillar or a fork is seldom stuck quite upright: its long borders step a pixel
  // every few dozen and, kept in pieces, join its letters to the body around it in one thin band
  // that is no line (scenes-r18/check's C-pillar, two degrees off upright, read nothing). Where
  // fewer lines than asked were found, the search is made again with such slanted outlines
  // dropped too, and what it adds comes after them: dropping them also breaks up the large
  // turned places a sticker at a steep slant is read in (scenes-r2/tune's slanted scooter sticker)
  const more = textRegions(transposed, max, { slanted: true }).filter((b) => !plain.some((p) => p.x < b.x + b.w && b.x < p.x + p.w && p.y < b.y + b.h && b.y < p.y + p.h));
  return [...plain, ...more].slice(0, max);
}

/**
 * Clear the edge pixels on any path running along the rows longer than `long` that steps at most
 * one row up or down per column: a straight outline a little off level (a sticker's border turned
 * a few degrees), which dropRuns, counting runs within one row, keeps in pieces. A letter's edges
 * end at the gap before the next letter, so no such path runs through a word.
 */
function dropSlantedRuns(edge: Uint8Array, w: number, h: number, long: number): void {
  const fwd = new Uint16Array(w * h);
  const bwd = new Uint16Array(w * h);
  const best = (len: Uint16Array, x: number, y: number) => Math.max(len[y * w + x]!, y > 0 ? len[(y - 1) * w + x]! : 0, y < h - 1 ? len[(y + 1) * w + x]! : 0);
  for (let x = 0; x < w; x++) for (let y = 0; y < h; y++) if (edge[y * w + x]) fwd[y * w + x] = 1 + (x > 0 ? best(fwd, x - 1, y) : 0);
  for (let x = w - 1; x >= 0; x--) for (let y = 0; y < h; y++) if (edge[y * w + x]) bwd[y * w + x] = 1 + (x < w - 1 ? best(bwd, x + 1, y) : 0);
  for (let i = 0; i < w * h; i++) if (edge[i] && fwd[i]! + bwd[i]! - 1 > long) edge[i] = 0;
}

/** Clear every run of edge pixels longer than `long` along one direction (step) of each line (stride apart). */
function dropRuns(edge: Uint8Array, w: number, h: number, step: number, stride: number, long: number): void {
  const lines = step === 1 ? h : w;
  const length = step === 1 ? w : h;
  for (let l = 0; l < lines; l++) {
    const base = l * stride;
    let run = 0;
    for (let k = 0; k <= length; k++) {
      if (k < length && edge[base + k * step]) {
        run++;
        continue;
      }
      if (run > long) for (let r = k - run; r < k; r++) edge[base + r * step] = 0;
      run = 0;
    }
  }
}

// Skews tried for a line (degrees either way) and the step between them.
const MAX_SKEW = 12;
const SKEW_STEP = 2;

/**
 * The slant of the printed line in a box of a grey image, in degrees clockwise (positive: the
 * line runs down to the right): the angle at which the row sums of its edge pixels are most
 * uneven, where the letters' tops and bottoms line up. 0 unless a slant is clearly better (5 %).
 */
export function skewOf(grey: Grey, box: Box): number {
  const { data, width: w } = grey;
  const points: Array<[number, number]> = [];
  for (let y = Math.max(1, box.y); y < Math.min(grey.height - 1, box.y + box.h); y++)
    for (let x = Math.max(1, box.x); x < Math.min(w - 1, box.x + box.w); x++) {
      const i = y * w + x;
      if (Math.abs(data[i + w]! - data[i - w]!) >= EDGE) points.push([x - box.x, y - box.y]);
    }
  if (points.length < 20) return 0;
  const score = (a: number) => {
    const t = Math.tan((a * Math.PI) / 180);
    const rows = new Map<number, number>();
    for (const [x, y] of points) {
      const r = Math.round(y - x * t);
      rows.set(r, (rows.get(r) ?? 0) + 1);
    }
    let sum = 0;
    for (const n of rows.values()) sum += n * n;
    return sum;
  };
  const level = score(0);
  let best = 0;
  let bestScore = level * 1.05;
  for (let a = -MAX_SKEW; a <= MAX_SKEW; a += SKEW_STEP) {
    if (a === 0) continue;
    const sc = score(a);
    if (sc > bestScore) {
      bestScore = sc;
      best = a;
    }
  }
  return best;
}

/** A candidate line running at a steep slant: its upright box in the image's pixels, the turn that levels it (degrees clockwise from level) and its band's thickness across the line. */
export interface SlantedRegion {
  box: Box;
  turn: number;
  across: number;
}

// The turns of the copies searched for steep lines: an eighth of a turn each way. A line within
// about 12° of level or upright is found by textRegions or uprightTextRegions (skewOf's reach).
const STEEP_TURNS = [-45, 45];
// A steep line is a run of several letters: its band at least this many times as long as it is
// thick (a level line need only be a word, MIN_ASPECT; at a slant, a hand's or a cloth pattern's
// edges make short bands, and a pair's name is a long one).
const STEEP_ASPECT = 3;
// ... and at least this share of the image's width long (a hand's or a sleeve's edges at a slant
// make short dense bands; a pair's name on a sticker or a sash is a long one).
const STEEP_LENGTH = 1 / 8;

/**
 * Candidate lines of print running across the image at a steep slant, between level and upright
 * (a sticker along a bicycle's down tube, a sash worn across a chest): the level lines of copies of
 * the image turned an eighth of a turn each way, each mapped back to the upright box round it in
 * the image, with the turn that levels it (the copy's turn plus the line's own skew there), widest
 * first, at most `max`. A copy's corners, outside the image, repeat its nearest edge pixel, so the
 * image's border makes no edge; a line found mostly outside the image is dropped.
 */
export function steepTextRegions(grey: Grey, max = 2): SlantedRegion[] {
  const out: Array<SlantedRegion & { width: number }> = [];
  for (const t of STEEP_TURNS) {
    const copy = turned(grey, t);
    for (const r of textRegions(copy.grey, max)) {
      // a line still a little off level in the copy has a box thicker than its band by the rise across it
      const skew = skewOf(copy.grey, r);
      const rise = Math.abs(Math.tan((skew * Math.PI) / 180)) * r.w;
      if (r.w < STEEP_ASPECT * Math.max(1, r.h - rise) || r.w < STEEP_LENGTH * grey.width) continue;
      const corners = [
        [r.x, r.y],
        [r.x + r.w, r.y],
        [r.x + r.w, r.y + r.h],
        [r.x, r.y + r.h],
      ].map(([u, v]) => copy.back(u!, v!));
      const [cx, cy] = copy.back(r.x + r.w / 2, r.y + r.h / 2);
      if (cx < 0 || cy < 0 || cx >= grey.width || cy >= grey.height) continue;
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const x0 = Math.max(0, Math.floor(Math.min(...xs)));
      const y0 = Math.max(0, Math.floor(Math.min(...ys)));
      const x1 = Math.min(grey.width, Math.ceil(Math.max(...xs)));
      const y1 = Math.min(grey.height, Math.ceil(Math.max(...ys)));
      if (x1 - x0 < 8 || y1 - y0 < 8) continue;
      out.push({ box: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }, turn: t + skew, across: Math.max(1, r.h - rise), width: r.w });
    }
  }
  return out
    .sort((a, b) => b.width - a.width)
    .slice(0, max)
    .map(({ box, turn, across }) => ({ box, turn, across }));
}

/**
 * The image turned `deg` degrees anticlockwise about its centre onto a canvas that holds all of
 * it (bilinear; outside the image, its nearest edge pixel): a line running `deg` degrees clockwise
 * from level in the image is level in the copy. `back` maps a copy pixel to the image's.
 */
export function turned(grey: Grey, deg: number): { grey: Grey; back: (u: number, v: number) => [number, number] } {
  const { data, width: w, height: h } = grey;
  const a = (deg * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const W = Math.ceil(w * Math.abs(cos) + h * Math.abs(sin));
  const H = Math.ceil(w * Math.abs(sin) + h * Math.abs(cos));
  const back = (u: number, v: number): [number, number] => {
    const du = u - W / 2;
    const dv = v - H / 2;
    return [du * cos - dv * sin + w / 2, du * sin + dv * cos + h / 2];
  };
  const out = new Uint8Array(W * H);
  for (let v = 0; v < H; v++)
    for (let u = 0; u < W; u++) {
      const [x, y] = back(u + 0.5, v + 0.5);
      const fx = Math.min(w - 1, Math.max(0, x - 0.5));
      const fy = Math.min(h - 1, Math.max(0, y - 0.5));
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(w - 1, x0 + 1);
      const y1 = Math.min(h - 1, y0 + 1);
      const ax = fx - x0;
      const ay = fy - y0;
      const top = data[y0 * w + x0]! * (1 - ax) + data[y0 * w + x1]! * ax;
      const bottom = data[y1 * w + x0]! * (1 - ax) + data[y1 * w + x1]! * ax;
      out[v * W + u] = Math.round(top * (1 - ay) + bottom * ay);
    }
  return { grey: { data: out, width: W, height: H }, back };
}
