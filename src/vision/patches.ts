// Printed patches: a sticker, a label or a notice is a flat four-sided patch of one colour with
// letters cut out of it. Found without a model — regions of near-even colour, not touching the
// photo's edge, whose outline is close to a quadrilateral and whose holes are several small
// marks (letters), not one large one (a window in a car body) — and then rectified: the patch's
// four corners are mapped onto an upright rectangle (a homography), so a sticker seen turned, in
// steep perspective or small reads as level print of a known letter height. Used by OCR
// (ocr.ts) for a close look of its own at each patch.
// Pure (pixels in, quads and pixels out), so it is tested without the optional packages.
import { floodFill } from './flood.js';

export interface Rgb {
  data: Uint8Array;
  width: number;
  height: number;
}

export type Point = [number, number];

export interface Patch {
  /** corners clockwise from top-left, in the pixels of the image it was found in */
  corners: [Point, Point, Point, Point];
  /** the patch's length along its line and its height, in the same pixels (mean of opposite sides) */
  along: number;
  across: number;
  /** the patch's own colour (mean RGB of its even part) */
  colour: [number, number, number];
  /** small marks (letter-like holes) inside it */
  marks: number;
}

// Neighbouring pixels of one patch differ by at most this (sum over RGB) ...
const STEP = 30;
// ... and from the colour where the region started by at most this (a gradient does not leak).
const DRIFT = 90;
// A patch covers at least this many pixels of the image searched and at most this share of it.
const MIN_AREA = 120;
const MAX_SHARE = 0.08;
// Its even part fills this share of its quadrilateral (the rest: letters and their edges) ...
const MIN_FILL = 0.45;
const MAX_FILL = 0.94;
// Holes within this many pixels of the outline are its blurred rim, not letters.
const RIM = 1.5;
// ... its holes hold at least MIN_MARKS marks, none larger than MAX_MARK of the quadrilateral,
// together at least MIN_INK of it.
const MIN_MARKS = 2;
const MAX_MARK = 0.45;
const MIN_INK = 0.04;
// A line of print: longer than tall by this, at least this tall.
const MIN_ASPECT = 1.6;
const MIN_ACROSS = 6;
// Its outline is a quadrilateral: opposite sides at least this alike (perspective shortens one).
const MIN_SIDES = 0.45;

/**
 * Flat patches with letters in an RGB image (ideally lightly blurred: sensor noise and JPEG
 * blocks break an even colour), most marks first, at most `max`.
 */
export function printPatches(rgb: Rgb, max = 3): Patch[] {
  const { data, width: w, height: h } = rgb;
  const n = w * h;
  const seen = new Uint8Array(n);
  const diff = (a: number, b: number) => Math.abs(data[a * 3]! - data[b * 3]!) + Math.abs(data[a * 3 + 1]! - data[b * 3 + 1]!) + Math.abs(data[a * 3 + 2]! - data[b * 3 + 2]!);
  const out: Patch[] = [];
  const region = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    if (seen[start]) continue;
    const members: number[] = [];
    let edge = false;
    floodFill(w, h, [start], seen, (from, to) => diff(from, to) <= STEP && diff(start, to) <= DRIFT, (i, x, y) => {
      members.push(i);
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) edge = true;
    });
    if (edge || members.length < MIN_AREA || members.length > MAX_SHARE * n) continue;
    const patch = asPatch(members, rgb, region);
    if (patch) out.push(patch);
  }
  return out.sort((a, b) => b.marks - a.marks).slice(0, max);
}

/** A region (pixel indices) as a patch, or undefined when it is no flat four-sided patch with letters. */
function asPatch(members: readonly number[], rgb: Rgb, region: Uint8Array): Patch | undefined {
  const { data, width: w } = rgb;
  // corners: the members furthest along the four diagonals
  let tl = members[0]!;
  let tr = tl;
  let br = tl;
  let bl = tl;
  const xy = (i: number): Point => [i % w, Math.floor(i / w)];
  for (const i of members) {
    const [x, y] = xy(i);
    const [a, b] = xy(tl);
    if (x + y < a + b) tl = i;
    const [c, d] = xy(br);
    if (x + y > c + d) br = i;
    const [e, f] = xy(tr);
    if (x - y > e - f) tr = i;
    const [g, k] = xy(bl);
    if (y - x > k - g) bl = i;
  }
  const corners: [Point, Point, Point, Point] = [xy(tl), xy(tr), xy(br), xy(bl)];
  const len = (p: Point, q: Point) => Math.hypot(p[0] - q[0], p[1] - q[1]);
  const top = len(corners[0], corners[1]);
  const bottom = len(corners[3], corners[2]);
  const left = len(corners[0], corners[3]);
  const right = len(corners[1], corners[2]);
  const along = (top + bottom) / 2;
  const across = (left + right) / 2;
  if (across < MIN_ACROSS || along < MIN_ASPECT * across) return undefined;
  if (Math.min(top, bottom) < MIN_SIDES * Math.max(top, bottom) || Math.min(left, right) < MIN_SIDES * Math.max(left, right)) return undefined;
  const area = quadArea(corners);
  const fill = members.length / Math.max(1, area);
  if (fill < MIN_FILL || fill > MAX_FILL) return undefined;
  // the holes: pixels inside the quadrilateral that are not the patch, grouped into marks
  for (const i of members) region[i] = 1;
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const hole = new Uint8Array(bw * bh);
  const taken = new Uint8Array(bw * bh);
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (!region[y * w + x] && inQuad(corners, x, y, RIM)) hole[(y - y0) * bw + (x - x0)] = 1;
  let marks = 0;
  let ink = 0;
  let largest = 0;
  for (let j = 0; j < bw * bh; j++) {
    if (!hole[j] || taken[j]) continue;
    let size = 0;
    floodFill(bw, bh, [j], taken, (_, to) => hole[to] === 1, () => size++);
    ink += size;
    largest = Math.max(largest, size);
    if (size >= 3) marks++;
  }
  let r = 0;
  let g = 0;
  let b = 0;
  for (const i of members) {
    region[i] = 0;
    r += data[i * 3]!;
    g += data[i * 3 + 1]!;
    b += data[i * 3 + 2]!;
  }
  if (marks < MIN_MARKS || largest > MAX_MARK * area || ink < MIN_INK * area) return undefined;
  const m = members.length;
  return { corners, along, across, colour: [Math.round(r / m), Math.round(g / m), Math.round(b / m)], marks };
}

/** The area of a quadrilateral (shoelace). */
export function quadArea(q: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < q.length; i++) {
    const [x0, y0] = q[i]!;
    const [x1, y1] = q[(i + 1) % q.length]!;
    s += x0 * y1 - x1 * y0;
  }
  return Math.abs(s) / 2;
}

/** A point inside a convex quadrilateral given clockwise (in image coordinates, y down), at least `margin` pixels from its edges. */
export function inQuad(q: readonly Point[], x: number, y: number, margin = 0): boolean {
  for (let i = 0; i < 4; i++) {
    const [ax, ay] = q[i]!;
    const [bx, by] = q[(i + 1) % 4]!;
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < (margin - 0.5) * Math.hypot(bx - ax, by - ay)) return false;
  }
  return true;
}

/** The 3×3 homography (row-major, last entry 1) taking the four points `from` to `to`. */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  // Gauss–Jordan elimination with partial pivoting
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 8; k++) a[r]![k]! -= f * a[c]![k]!;
      b[r]! -= f * b[c]!;
    }
  }
  return [...b.map((v, i) => v / a[i]![i]!), 1];
}

/** A point through a homography. */
export function project(m: readonly number[], x: number, y: number): Point {
  const d = m[6]! * x + m[7]! * y + m[8]!;
  return [(m[0]! * x + m[1]! * y + m[2]!) / d, (m[3]! * x + m[4]! * y + m[5]!) / d];
}

/**
 * The quadrilateral `quad` of an RGB image resampled (bilinear) onto an upright `width` × `height`
 * rectangle: what the patch looks like seen square on. Returns the RGB pixels and the map from
 * the rectangle back into the image.
 */
export function rectify(rgb: Rgb, quad: readonly Point[], width: number, height: number): { pixels: Rgb; back: number[] } {
  const back = homography([[0, 0], [width, 0], [width, height], [0, height]], quad);
  const out = new Uint8Array(width * height * 3);
  const { data, width: w, height: h } = rgb;
  for (let v = 0; v < height; v++)
    for (let u = 0; u < width; u++) {
      const [x, y] = project(back, u + 0.5, v + 0.5);
      const fx = Math.max(0, Math.min(w - 1.001, x - 0.5));
      const fy = Math.max(0, Math.min(h - 1.001, y - 0.5));
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const ax = fx - x0;
      const ay = fy - y0;
      for (let c = 0; c < 3; c++) {
        const at = (xx: number, yy: number) => data[(yy * w + xx) * 3 + c]!;
        const top = at(x0, y0) * (1 - ax) + at(x0 + 1, y0) * ax;
        const bottom = at(x0, y0 + 1) * (1 - ax) + at(x0 + 1, y0 + 1) * ax;
        out[(v * width + u) * 3 + c] = Math.round(top * (1 - ay) + bottom * ay);
      }
    }
  return { pixels: { data: out, width, height }, back };
}
