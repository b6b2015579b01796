// Vehicles seen from the side, found without a model: two wheels — dark rings (tyres) round a
// lighter hub, alike in size, side by side at one height — and the body above them. Printed
// words inside that body are on a vehicle (form.ts): a sticker on a car door or along a scooter's
// panel, whatever the surface around the words looks like. A car seen from behind shows no
// wheels; its licence plate (plateIn) says vehicle there.
// Pure (pixels in, boxes out), so it is tested without the optional packages.
import type { Box } from './box.js';
import { floodFill } from './flood.js';
import type { Grey } from './text-regions.js';

export interface Wheel {
  /** centre and radius, in the grey image's pixels */
  x: number;
  y: number;
  r: number;
  /** a thin tyre round an open wheel (a bicycle's): the whole circle seen, light inside */
  thin?: boolean;
}

// A tyre pixel is at most this bright (0..255): tyres are darker than dark paint.
const DARK = 50;
// A wheel is at least this share of the image's shorter side across, and at most this.
const MIN_DIAMETER = 0.08;
const MAX_DIAMETER = 0.6;
// The lower half of a wheel is measured (a body or a mudguard often hides the upper half): the
// dark ring fills at least this share of its annulus between RIM and 1 radius ...
const RIM = 0.65;
const MIN_RING = 0.7;
// ... its hub (inside HUB radii) is at least this share not dark ...
const HUB = 0.35;
const MIN_HUB = 0.6;
// ... and at most this share of the dark blob lies outside the circle (a tyre, not a dark shape
// with a light spot in it).
const MAX_OUTSIDE = 0.25;

/** Dark rings round a lighter hub in a greyscale image. */
export function wheelsIn(grey: Grey): Wheel[] {
  const { data, width: w, height: h } = grey;
  const dark = (i: number) => data[i]! <= DARK;
  const seen = new Uint8Array(w * h);
  const side = Math.min(w, h);
  const out: Wheel[] = [];
  for (let start = 0; start < w * h; start++) {
    if (seen[start] || !dark(start)) continue;
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    const pixels: number[] = [];
    floodFill(w, h, [start], seen, (_, j) => dark(j), (i, x, y) => {
      pixels.push(i);
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    });
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    // the tyre's circle: as wide as the blob (its top may be hidden by the body, but not its
    // sides); centred across, its bottom where the blob's is
    const r = bw / 2;
    if (bw < MIN_DIAMETER * side || bw > MAX_DIAMETER * side || bh < 0.5 * bw) continue;
    const cx = x0 + r - 0.5;
    const cy = y1 - r + 0.5;
    let ring = 0;
    let ringDark = 0;
    let hub = 0;
    let hubLight = 0;
    for (let y = Math.max(0, Math.ceil(cy)); y <= Math.min(h - 1, Math.ceil(cy + r)); y++)
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x - cx, y - cy) / r;
        const i = y * w + x;
        if (d <= HUB) {
          hub++;
          if (!dark(i)) hubLight++;
        } else if (d >= RIM && d <= 1) {
          ring++;
          if (dark(i)) ringDark++;
        }
      }
    let outside = 0;
    for (const i of pixels) if (Math.floor(i / w) >= cy && Math.hypot((i % w) - cx, Math.floor(i / w) - cy) > r * 1.1) outside++;
    if (ring === 0 || hub === 0 || ringDark / ring < MIN_RING || hubLight / hub < MIN_HUB || outside / pixels.length > MAX_OUTSIDE) {
      const thin = thinTyre(grey, pixels, { x0, y0, x1, y1 });
      if (thin) out.push(thin);
      continue;
    }
    out.push({ x: cx, y: cy, r });
  }
  return out;
}

// A bicycle's (or a light motorbike's) wheel is a thin dark tyre round an open wheel: its blob is
// about as tall as wide (THIN_ROUND), nearly all of it within THIN_BAND of the circle, dark at
// THIN_AROUND of the angles round it, its tyre at most THIN_WIDTH of a radius thick on average (a
// bold "O" in print is two or three times thicker), the wheel's inside (within THIN_OPEN radii)
// nearly all light (spokes are thin). Round printed letters, a disc, a plate's frame fail one of these.
const THIN_ROUND = 0.15;
const THIN_BAND = [0.75, 1.15] as const;
const THIN_IN_BAND = 0.9;
const THIN_AROUND = 0.8;
const THIN_WIDTH = 0.25;
const THIN_OPEN = 0.6;
const THIN_LIGHT = 0.9;
// how far above a bicycle's hubs its frame reaches, in radii (the saddle and the handlebars)
const THIN_ABOVE = 2.5;

/** A thin tyre round an open wheel, from a dark blob (its pixels and bounds), or undefined. */
function thinTyre(grey: Grey, pixels: readonly number[], b: { x0: number; y0: number; x1: number; y1: number }): Wheel | undefined {
  const { data, width: w } = grey;
  const bw = b.x1 - b.x0 + 1;
  const bh = b.y1 - b.y0 + 1;
  if (Math.abs(bh / bw - 1) > THIN_ROUND) return undefined;
  const r = (bw + bh) / 4;
  const cx = (b.x0 + b.x1) / 2;
  const cy = (b.y0 + b.y1) / 2;
  // thin: the tyre's area over its circumference
  if (pixels.length / (2 * Math.PI * r) > THIN_WIDTH * r) return undefined;
  let inBand = 0;
  const around = new Set<number>();
  for (const i of pixels) {
    const dx = (i % w) - cx;
    const dy = Math.floor(i / w) - cy;
    const d = Math.hypot(dx, dy) / r;
    if (d < THIN_BAND[0] || d > THIN_BAND[1]) continue;
    inBand++;
    around.add(Math.floor(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 36) % 36);
  }
  if (inBand < THIN_IN_BAND * pixels.length || around.size < THIN_AROUND * 36) return undefined;
  let inner = 0;
  let light = 0;
  for (let y = Math.ceil(cy - THIN_OPEN * r); y <= Math.floor(cy + THIN_OPEN * r); y++)
    for (let x = Math.ceil(cx - THIN_OPEN * r); x <= Math.floor(cx + THIN_OPEN * r); x++) {
      if (Math.hypot(x - cx, y - cy) > THIN_OPEN * r) continue;
      inner++;
      if (data[y * w + x]! > DARK) light++;
    }
  if (inner === 0 || light < THIN_LIGHT * inner) return undefined;
  return { x: cx, y: cy, r, thin: true };
}

/**
 * The body of a vehicle seen from the side: the space over two wheels alike in size (radii
 * within a factor 1.4), 2 to 10 radii apart, the line between them at most 17° off level (a
 * vehicle seen at a slant) — from
 * two radii beyond each wheel to five radii above them (for two thin tyres, a bicycle: one radius
 * beyond and two and a half above). The widest such pair; undefined if none.
 */
export function vehicleOver(wheels: readonly Wheel[], size: { width: number; height: number }): Box | undefined {
  let best: Box | undefined;
  for (const a of wheels)
    for (const b of wheels) {
      if (b.x <= a.x) continue;
      const r = Math.max(a.r, b.r);
      const apart = b.x - a.x;
      if (Math.max(a.r, b.r) > 1.4 * Math.min(a.r, b.r) || Math.abs(a.y - b.y) > 0.3 * (b.x - a.x) || apart < 2 * r || apart > 10 * r) continue;
      // two thin tyres are a bicycle's (or a light motorbike's), whose frame rises a little over two
      // radii above its hubs and ends about a radius beyond them; a thin tyre and a car's are no pair
      if (!!a.thin !== !!b.thin) continue;
      const [beyond, above] = a.thin ? [1, THIN_ABOVE] : [2, 5];
      const x = Math.max(0, Math.floor(a.x - beyond * a.r));
      const y = Math.max(0, Math.floor(Math.min(a.y, b.y) - above * r));
      const box = { x, y, w: Math.min(size.width, Math.ceil(b.x + beyond * b.r)) - x, h: Math.min(size.height, Math.ceil(Math.max(a.y, b.y) + r)) - y };
      if (!best || box.w > best.w) best = box;
    }
  return best;
}
