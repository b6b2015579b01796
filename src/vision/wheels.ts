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
    if (ring === 0 || hub === 0 || ringDark / ring < MIN_RING || hubLight / hub < MIN_HUB || outside / pixels.length > MAX_OUTSIDE) continue;
    out.push({ x: cx, y: cy, r });
  }
  return out;
}

/**
 * The body of a vehicle seen from the side: the space over two wheels alike in size (radii
 * within a factor 1.4), 2 to 10 radii apart, the line between them at most 17° off level (a
 * vehicle seen at a slant) — from
 * a radius beyond each wheel to five radii above them. The widest such pair; undefined if none.
 */
export function vehicleOver(wheels: readonly Wheel[], size: { width: number; height: number }): Box | undefined {
  let best: Box | undefined;
  for (const a of wheels)
    for (const b of wheels) {
      if (b.x <= a.x) continue;
      const r = Math.max(a.r, b.r);
      const apart = b.x - a.x;
      if (Math.max(a.r, b.r) > 1.4 * Math.min(a.r, b.r) || Math.abs(a.y - b.y) > 0.3 * (b.x - a.x) || apart < 2 * r || apart > 10 * r) continue;
      const x = Math.max(0, Math.floor(a.x - 2 * a.r));
      const y = Math.max(0, Math.floor(Math.min(a.y, b.y) - 5 * r));
      const box = { x, y, w: Math.min(size.width, Math.ceil(b.x + 2 * b.r)) - x, h: Math.min(size.height, Math.ceil(Math.max(a.y, b.y) + r)) - y };
      if (!best || box.w > best.w) best = box;
    }
  return best;
}
