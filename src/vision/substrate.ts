// What printed words are printed on: the surface around the print, grown outward from a ring
// just outside it across pixels of gently changing colour (cloth shading and folds change
// slowly; the edge of a shirt, a sticker or a sheet of paper is a sudden step). Its extent and
// shape tell a shirt (a large irregular surface that runs on below the print, the print in its
// middle) from a sticker (a small rectangle hugging the print) and a poster (a large rectangle).
// Pure (pixels in, measures out), so it is tested without the optional packages.
import type { Box } from './box.js';
import { floodFill } from './flood.js';

export interface Rgb {
  /** 3 bytes per pixel, rows top to bottom */
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Substrate {
  /** the surface's bounding box, in the pixels of the image given */
  box: Box;
  /** share of the bounding box the surface (with the print) fills: a rectangle is near 1 */
  fill: number;
  /**
   * how evenly wide the surface is, row by row (its leftmost to its rightmost pixel, so other
   * printed lines on it are no holes: mean over longest span) or column by column, whichever is
   * more: a sheet or a sticker, even one seen at a slant, is near 1; a shirt with neck and
   * sleeves well below
   */
  rect: number;
  /** the surface's area over the print's */
  areaRatio: number;
  /** share of the image the surface covers */
  share: number;
  /** the surface reaches the bottom edge of the photo */
  touchesBottom: boolean;
  /** where the print's centre sits across the surface (0 left edge, 0.5 middle, 1 right edge) */
  across: number;
  /** how far the surface runs on below the print, in print heights */
  below: number;
  /** the mean span of the surface's top quarter of rows over its widest row's: a crown narrows to it */
  crown: number;
  /** where its widest row is, from its top (0) to its bottom (1): a dome's is at its rim */
  widestAt: number;
  /**
   * share of skin-toned pixels in the band under the surface (half its height deep, across the
   * middle 60 % of its width): a face under a cap's crown, not a table under a helmet's shell
   */
  skinBelow: number;
}

// Neighbouring pixels belong to one surface when their colours differ by at most this (sum of
// the three channel differences): shading and folds pass, a printed or cut edge does not.
const STEP = 36;
// A shell's faint edge against a pale wall (a white helmet on a cream wall, blurred and noisy)
// is a run of steps under STEP: the surface leaks into the wall. Finer steps, tried in turn, keep
// it apart (the helmet on a shelf of scenes-r23/check leaks at a half step, not at a third).
export const FAINT_STEPS = [STEP / 2, STEP / 3, STEP / 4];
// ... and when each is within this of the ring's colour (a slow drift across a whole photo is
// not one surface).
const DRIFT = 150;

/**
 * The surface a print box (in the image's pixels) sits on, or undefined when the ring around it
 * has no one colour. `angle`: the direction the printed line runs, degrees clockwise from level.
 */
export function substrateOf(img: Rgb, print: Box, angle = 0, step = STEP): Substrate | undefined {
  const { data, width: w, height: h } = img;
  const x0 = Math.max(0, print.x);
  const y0 = Math.max(0, print.y);
  const x1 = Math.min(w - 1, print.x + print.w - 1);
  const y1 = Math.min(h - 1, print.y + print.h - 1);
  if (x1 <= x0 || y1 <= y0) return undefined;
  // the ring: rows a fifth of the print's height above and below it — above and below the
  // words only: a line often runs to the very ends of a sticker, so its sides may already be the
  // paint around the sticker. Print running up or down (`angle` beyond 45°: a sticker on an
  // upright fairing) has its ring along both long sides of the line itself, which its upright
  // box does not follow, and the line (not the box) counts as printed surface.
  const ring: number[] = [];
  const line = Math.abs(angle) > 45 ? upright(w, h, { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 }, angle) : undefined;
  if (line) ring.push(...line.ring);
  else {
    const m = Math.max(1, Math.round((y1 - y0) * 0.2));
    const ry0 = Math.max(0, y0 - m);
    const ry1 = Math.min(h - 1, y1 + m);
    for (let x = x0; x <= x1; x++) ring.push(ry0 * w + x, ry1 * w + x);
  }
  // the ring's colour: per-channel median
  const median = [0, 1, 2].map((c) => {
    const v = ring.map((i) => data[i * 3 + c]!).sort((a, b) => a - b);
    return v[v.length >> 1]!;
  });
  const diff = (i: number, c: readonly number[]) => Math.abs(data[i * 3]! - c[0]!) + Math.abs(data[i * 3 + 1]! - c[1]!) + Math.abs(data[i * 3 + 2]! - c[2]!);
  const seeds = ring.filter((i) => diff(i, median) <= step);
  // most of the ring must be the one colour: print over a busy scene has no one surface
  if (seeds.length < ring.length * 0.5) return undefined;
  const inside = new Uint8Array(w * h);
  // the print itself counts as surface (its letters are printed on it)
  let area = 0;
  if (line)
    for (const i of line.band) {
      if (!inside[i]) area++;
      inside[i] = 1;
    }
  else {
    for (let y = y0; y <= y1; y++) inside.fill(1, y * w + x0, y * w + x1 + 1);
    area = (x1 - x0 + 1) * (y1 - y0 + 1);
  }
  return grow(img, { x0, y0, x1, y1 }, inside, area, seeds, median, false, step);
}

/**
 * The patch a print is printed on, grown from inside the print's own box: from the colour most of
 * the box shows between its letters (the sticker's or the sheet's own paper). For print whose
 * ring outside it is no one colour because the patch ends right at the words — a tight sticker
 * half over the paint round it — the ring finds nothing; the paper between the letters is still
 * one colour. Undefined when the box shows no one colour (print over a busy scene) or is too
 * small to tell paper from letters.
 */
export function patchUnder(img: Rgb, print: Box): Substrate | undefined {
  const { data, width: w, height: h } = img;
  const x0 = Math.max(0, print.x);
  const y0 = Math.max(0, print.y);
  const x1 = Math.min(w - 1, print.x + print.w - 1);
  const y1 = Math.min(h - 1, print.y + print.h - 1);
  if (x1 - x0 < 3 || y1 - y0 < 2) return undefined;
  const box: number[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) box.push(y * w + x);
  // the paper's colour: the commonest coarse colour in the box (blurred letters pull a median
  // off the paper), averaged over its pixels
  const bin = (i: number) => ((data[i * 3]! >> 5) << 6) | ((data[i * 3 + 1]! >> 5) << 3) | (data[i * 3 + 2]! >> 5);
  const counts = new Map<number, number>();
  for (const i of box) counts.set(bin(i), (counts.get(bin(i)) ?? 0) + 1);
  const mode = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const inMode = box.filter((i) => bin(i) === mode);
  const median = [0, 1, 2].map((c) => inMode.reduce((sum, i) => sum + data[i * 3 + c]!, 0) / inMode.length);
  const near = (i: number) => Math.abs(data[i * 3]! - median[0]!) + Math.abs(data[i * 3 + 1]! - median[1]!) + Math.abs(data[i * 3 + 2]! - median[2]!) <= STEP;
  const seeds = box.filter(near);
  // the paper must be most of the box: letters are strokes on it
  if (seeds.length < box.length * PAPER_SHARE) return undefined;
  const inside = new Uint8Array(w * h);
  const patch = grow(img, { x0, y0, x1, y1 }, inside, 0, seeds, median, true, STEP);
  // a patch no larger than the box is the letters themselves (ink filling half the box), not paper
  return patch.areaRatio >= PAPER_BEYOND ? patch : undefined;
}

// Share of a print's box its paper must show between the letters for patchUnder to grow from it:
// bold capitals blurred at the surface copy's scale cover up to three quarters of their box (a
// helmet's or a shield's sticker, 6–8 px tall there, shows 27–33 % paper); ink grown from is no
// larger than the box, which PAPER_BEYOND turns away.
const PAPER_SHARE = 0.25;
// ... and how much larger than the box the patch grown from it must be (a sticker's margin).
const PAPER_BEYOND = 1.05;

/**
 * The surface grown from `seeds` across gentle steps (within DRIFT of `median`), `inside` holding
 * what already counts as surface (`area` pixels), then measured round the print box; `letters`:
 * the print box's pixels the flood did not take count as surface too (grown from inside it).
 */
function grow(img: Rgb, p: { x0: number; y0: number; x1: number; y1: number }, inside: Uint8Array, area: number, seeds: readonly number[], median: readonly number[], letters: boolean, step: number): Substrate {
  const { data, width: w, height: h } = img;
  const { x0, y0, x1, y1 } = p;
  const diff = (i: number, c: readonly number[]) => Math.abs(data[i * 3]! - c[0]!) + Math.abs(data[i * 3 + 1]! - c[1]!) + Math.abs(data[i * 3 + 2]! - c[2]!);
  let bx0 = x0;
  let by0 = y0;
  let bx1 = x1;
  let by1 = y1;
  const gentle = (from: number, to: number) => {
    let change = 0;
    for (let c = 0; c < 3; c++) change += Math.abs(data[to * 3 + c]! - data[from * 3 + c]!);
    return change <= step && diff(to, median) <= DRIFT;
  };
  floodFill(w, h, seeds, inside, gentle, (_, x, y) => {
    area++;
    if (x < bx0) bx0 = x;
    if (x > bx1) bx1 = x;
    if (y < by0) by0 = y;
    if (y > by1) by1 = y;
  });
  // the print's letters count as surface too (grown from inside its box they are not yet in it)
  if (letters)
    for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++)
      if (!inside[y * w + x]) {
        inside[y * w + x] = 1;
        area++;
      }
  const bw = bx1 - bx0 + 1;
  const bh = by1 - by0 + 1;
  // row by row, and column by column (a sticker seen at a slant is a parallelogram: its rows or
  // its columns are still all as long)
  const spanShare = (outer0: number, outer1: number, inner0: number, inner1: number, at: (o: number, i: number) => number) => {
    let sum = 0;
    let longest = 0;
    let n = 0;
    for (let o = outer0; o <= outer1; o++) {
      let first = -1;
      let last = -1;
      for (let i = inner0; i <= inner1; i++)
        if (inside[at(o, i)]) {
          if (first < 0) first = i;
          last = i;
        }
      if (first < 0) continue;
      const span = last - first + 1;
      sum += span;
      longest = Math.max(longest, span);
      n++;
    }
    return n && longest ? sum / n / longest : 0;
  };
  const rows = spanShare(by0, by1, bx0, bx1, (y, x) => y * w + x);
  const { crown, widestAt } = rowProfile(inside, w, { x: bx0, y: by0, w: bw, h: bh });
  const columns = spanShare(bx0, bx1, by0, by1, (x, y) => y * w + x);
  const printArea = (x1 - x0 + 1) * (y1 - y0 + 1);
  return {
    box: { x: bx0, y: by0, w: bw, h: bh },
    fill: Math.min(1, area / (bw * bh)),
    rect: Math.max(rows, columns),
    areaRatio: area / printArea,
    share: area / (w * h),
    touchesBottom: by1 >= h - 1,
    across: ((x0 + x1) / 2 - bx0) / Math.max(1, bw - 1),
    below: (by1 - y1) / (y1 - y0 + 1),
    crown,
    widestAt,
    skinBelow: skinShare(img, { x: bx0 + Math.round(bw * 0.2), y: by1 + 1, w: Math.max(1, Math.round(bw * 0.6)), h: Math.max(1, Math.round(bh / 2)) }),
  };
}

/** The surface's row spans: how narrow its top quarter is beside its widest row, and where that row is. */
function rowProfile(inside: Uint8Array, w: number, box: Box): { crown: number; widestAt: number } {
  const spans: number[] = [];
  for (let y = box.y; y < box.y + box.h; y++) {
    let first = -1;
    let last = -1;
    for (let x = box.x; x < box.x + box.w; x++)
      if (inside[y * w + x]) {
        if (first < 0) first = x;
        last = x;
      }
    spans.push(first < 0 ? 0 : last - first + 1);
  }
  const widest = Math.max(1, ...spans);
  // the last of the widest rows (within a pixel): a rim's rows are all about as wide
  let at = 0;
  spans.forEach((v, i) => {
    if (v >= widest - 1) at = i;
  });
  const top = spans.slice(0, Math.max(1, Math.round(spans.length / 4)));
  return { crown: top.reduce((a, b) => a + b, 0) / top.length / widest, widestAt: spans.length > 1 ? at / (spans.length - 1) : 0 };
}

/**
 * How busy what lies just above and just below a box is (a patch: a sticker, a sewn band): in a
 * band as wide as the box and as tall (at least three rows), a row clear of it on each side, the
 * share of neighbouring pixel pairs (across and down) whose colours are more than a step apart —
 * the lesser of the two bands. A patterned cloth (batik) changes colour at every other pixel on
 * both sides; a vehicle's paint round a sticker is even, crossed at most by a seam or a wheel on
 * one side. 0 when a band lies outside the image.
 */
export function patternAround(img: Rgb, box: Box): number {
  const { data, width: w, height: h } = img;
  const d = Math.max(3, box.h);
  const x0 = Math.max(0, box.x);
  const x1 = Math.min(w - 2, box.x + box.w - 1);
  const diff = (i: number, j: number) => Math.abs(data[i * 3]! - data[j * 3]!) + Math.abs(data[i * 3 + 1]! - data[j * 3 + 1]!) + Math.abs(data[i * 3 + 2]! - data[j * 3 + 2]!);
  const busy = (y0: number, y1: number): number => {
    let pairs = 0;
    let steps = 0;
    for (let y = Math.max(0, y0); y <= Math.min(h - 2, y1); y++)
      for (let x = x0; x <= x1; x++) {
        const i = y * w + x;
        pairs += 2;
        if (diff(i, i + 1) > STEP) steps++;
        if (diff(i, i + w) > STEP) steps++;
      }
    return pairs ? steps / pairs : 0;
  };
  return Math.min(busy(box.y - 1 - d, box.y - 2), busy(box.y + box.h + 1, box.y + box.h + d));
}

/**
 * A bag's handles over a surface (`box`, an even rectangle: a tote's body): right above its top
 * edge (past a seam or a hem of at most HANDLE_GAP rows), a band of rows, at least HANDLE_RISE of
 * the body's height, in which the body's own colour (within a step) shows only as one or two narrow runs (each at
 * most HANDLE_WIDTH of the body's width, inside its span across) — two straps rising from the top
 * edge, at least HANDLE_APART of the width apart, that close into one loop or draw together above
 * — and nothing of that colour wider anywhere in the band. A poster's or a banner's top edge has
 * the wall above it; a vehicle's panel has more paint, glass or sky; a shirt is no rectangle.
 */
export function handlesAbove(img: Rgb, box: Box): boolean {
  const { data, width: w } = img;
  if (box.w < 12 || box.h < 12 || box.y < 4) return false;
  // the body's colour: the median of a few rows just inside its top edge, across its middle
  const top: number[] = [];
  const ix0 = box.x + Math.round(box.w * 0.2);
  const ix1 = box.x + Math.round(box.w * 0.8);
  for (let y = box.y + 2; y <= box.y + Math.max(3, Math.round(box.h * 0.08)); y++) for (let x = ix0; x <= ix1; x++) top.push(y * w + x);
  const colour = [0, 1, 2].map((c) => {
    const v = top.map((i) => data[i * 3 + c]!).sort((a, b) => a - b);
    return v[v.length >> 1]!;
  });
  const near = (x: number, y: number) => {
    const i = (y * w + x) * 3;
    return Math.abs(data[i]! - colour[0]!) + Math.abs(data[i + 1]! - colour[1]!) + Math.abs(data[i + 2]! - colour[2]!) <= STEP;
  };
  const margin = Math.round(box.w * 0.1);
  const x0 = Math.max(0, box.x - margin);
  const x1 = Math.min(w - 1, box.x + box.w - 1 + margin);
  /** the runs of the body's colour in row y: [start, end] pairs */
  const runs = (y: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let start = -1;
    for (let x = x0; x <= x1 + 1; x++) {
      const on = x <= x1 && near(x, y);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        out.push([start, x - 1]);
        start = -1;
      }
    }
    return out;
  };
  const narrow = Math.max(2, box.w * HANDLE_WIDTH);
  const rows: Array<Array<[number, number]>> = [];
  let y = box.y - 1;
  // past a seam or a hem (rows with none of the body's colour, or the body's own edge)
  for (let gap = 0; gap < HANDLE_GAP && y >= 0; gap++, y--) {
    const r = runs(y);
    if (r.length >= 1 && r.length <= 2 && r.every(([a, b]) => b - a + 1 <= narrow)) break;
  }
  for (; y >= Math.max(0, box.y - box.h); y--) {
    const r = runs(y);
    if (r.length === 0) break;
    // the loop's crown: one run across the straps below it (no wider than they are apart), the top
    const below = rows[rows.length - 1];
    if (below?.length === 2 && r.length === 1 && r[0]![0] >= below[0]![0] - narrow && r[0]![1] <= below[1]![1] + narrow) {
      rows.push(r);
      break;
    }
    if (r.length > 2 || r.some(([a, b]) => b - a + 1 > narrow || a < box.x || b > box.x + box.w - 1)) return false;
    rows.push(r);
  }
  if (rows.length < Math.max(3, box.h * HANDLE_RISE)) return false;
  // two straps at the foot of the band, apart; drawn together or one loop at its top
  const gapOf = (r: Array<[number, number]>) => (r.length === 2 ? r[1]![0] - r[0]![1] : 0);
  const foot = rows.slice(0, 2);
  if (!foot.every((r) => r.length === 2 && gapOf(r) >= box.w * HANDLE_APART)) return false;
  const head = rows.slice(-2);
  return head.every((r) => r.length === 1 || gapOf(r) <= gapOf(foot[0]!) * 0.7);
}

// How far above a bag's body its straps may start (a seam, a hem, the body's outline), in rows
// of the surface copy; how long they must rise, how narrow each strap is and how far apart two
// are where they leave the body (shares of its height and width).
const HANDLE_GAP = 4;
const HANDLE_RISE = 0.1;
const HANDLE_WIDTH = 0.15;
const HANDLE_APART = 0.2;

/**
 * Share of skin-toned pixels in a box (clipped; 0 when it is outside the image): the usual RGB
 * skin rule (red above 95, green above 40, blue above 20, red over green by more than 15 and over
 * blue, some colour), which takes light to brown skin and leaves grey, white, black and dark wood
 * out; yellow and orange paint pass it too, so their gaps are capped (skin's red stays within 90
 * of its green and its green within 70 of its blue).
 */
export function skinShare(img: Rgb, box: Box): number {
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(img.width - 1, box.x + box.w - 1);
  const y1 = Math.min(img.height - 1, box.y + box.h - 1);
  if (x1 < x0 || y1 < y0) return 0;
  let skin = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) {
      const i = (y * img.width + x) * 3;
      const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
      if (r > 95 && g > 40 && b > 20 && r - g > 15 && r - g < 90 && g - b < 70 && r > b && Math.max(r, g, b) - Math.min(r, g, b) > 15) skin++;
    }
  return skin / ((x1 - x0 + 1) * (y1 - y0 + 1));
}

/**
 * A line of print running at `angle` (beyond 45°: mostly up or down) through its upright box:
 * the pixels of the line's own band, and a ring along both its long sides a fifth of its
 * thickness out.
 */
function upright(w: number, h: number, box: Box, angle: number): { band: number[]; ring: number[] } {
  const a = (angle * Math.PI) / 180;
  const d = [Math.cos(a), Math.sin(a)];
  const n = [-d[1]!, d[0]!];
  // the box is the line's length along the image's height plus its thickness across: the
  // horizontal run of the line (its length × cos) takes up the rest of the box's width
  const length = box.h / Math.max(0.1, Math.abs(d[1]!));
  const thick = Math.max(2, box.w - length * Math.abs(d[0]!));
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const at = (s: number, t: number) => {
    const x = Math.round(cx + s * d[0]! + t * n[0]!);
    const y = Math.round(cy + s * d[1]! + t * n[1]!);
    return x >= 0 && y >= 0 && x < w && y < h ? y * w + x : -1;
  };
  const band: number[] = [];
  for (let s = -length / 2; s <= length / 2; s += 0.5) for (let t = -thick / 2; t <= thick / 2; t += 0.5) band.push(at(s, t));
  const out = thick / 2 + Math.max(1, thick * 0.2);
  const ring: number[] = [];
  for (let s = -length / 2; s <= length / 2; s += 1) ring.push(at(s, -out), at(s, out));
  return { band: band.filter((i) => i >= 0), ring: [...new Set(ring.filter((i) => i >= 0))] };
}
