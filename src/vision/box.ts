// A rectangle in the photo's own pixels (after EXIF rotation): where a vision finding looked.
import { z } from 'zod';

export const Box = z.object({ x: z.number().int().nonnegative(), y: z.number().int().nonnegative(), w: z.number().int().positive(), h: z.number().int().positive() });
export type Box = z.infer<typeof Box>;

/** The smallest box holding all the given boxes. */
export function unionBox(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: Math.max(1, x1 - x0), h: Math.max(1, y1 - y0) };
}

/** A box from float corners, scaled back to the original image and clipped to it. */
export function boxFromCorners(x0: number, y0: number, x1: number, y1: number, scale: number, width: number, height: number): Box {
  const cx0 = Math.max(0, Math.min(width - 1, Math.round(x0 / scale)));
  const cy0 = Math.max(0, Math.min(height - 1, Math.round(y0 / scale)));
  const cx1 = Math.max(cx0 + 1, Math.min(width, Math.round(x1 / scale)));
  const cy1 = Math.max(cy0 + 1, Math.min(height, Math.round(y1 / scale)));
  return { x: cx0, y: cy0, w: cx1 - cx0, h: cy1 - cy0 };
}

/**
 * Maps a point of a crop turned by `skew` degrees (sharp's rotate: clockwise, canvas grown to
 * fit, centre kept) back into the unturned crop (w × h); `tw` × `th` is the turned canvas.
 */
export function unturn(skew: number, w: number, h: number, tw: number, th: number): (x: number, y: number) => [number, number] {
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

/**
 * How many bands the given line boxes occupy across their run (x when the lines run up or down,
 * y when level): boxes that overlap across by at least half the narrower one are one band. One
 * printed line read by two passes (as a whole and word by word, level and turned) is one band.
 */
export function bandsAcross(boxes: readonly Box[], upright: boolean): number {
  const spans = boxes.map((b) => (upright ? [b.x, b.x + b.w] : [b.y, b.y + b.h]) as [number, number]).sort((a, b) => a[0] - b[0]);
  const bands: Array<[number, number]> = [];
  for (const [a0, a1] of spans) {
    const same = bands.find(([b0, b1]) => Math.min(a1, b1) - Math.max(a0, b0) >= 0.5 * Math.min(a1 - a0, b1 - b0));
    if (same) {
      same[0] = Math.min(same[0], a0);
      same[1] = Math.max(same[1], a1);
    } else bands.push([a0, a1]);
  }
  return bands.length;
}

export function boxText(b: Box): string {
  return `x=${b.x} y=${b.y} w=${b.w} h=${b.h}`;
}
