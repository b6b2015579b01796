// Finding where a reference image sits in a photo: normalised cross-correlation of the reference
// (resampled to each window size) against every position of a small greyscale copy of the photo.
// A whole-picture hash cannot see a sticker that fills a tenth of a photo; correlation finds the
// place, and the perceptual hash of that place then says how close a copy it is.
import { Integral } from './dhash.js';

export interface Located {
  /** normalised cross-correlation, -1..1 */
  ncc: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

// Window widths as a fraction of the photo width (or height, for tall references).
const SCALES = [0.95, 0.8, 0.67, 0.56, 0.47, 0.4, 0.34, 0.29, 0.25, 0.21, 0.18];
// Templates smaller than this carry too little detail to tell one design from another.
const MIN_TEMPLATE = 10;

/** A reference resampled to w×h by box means, zero-mean, with its norm. */
function template(ref: Integral, w: number, h: number): { values: Float64Array; norm: number } {
  const values = new Float64Array(w * h);
  const cw = ref.width / w;
  const ch = ref.height / h;
  let sum = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = ref.mean(x * cw, y * ch, (x + 1) * cw, (y + 1) * ch);
      values[y * w + x] = v;
      sum += v;
    }
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] ?? 0) - mean;
    values[i] = d;
    sq += d * d;
  }
  return { values, norm: Math.sqrt(sq) };
}

function nccAt(photo: { data: Uint8Array; width: number }, integral: Integral, t: { values: Float64Array; norm: number }, w: number, h: number, x: number, y: number): number {
  const sd = integral.deviation(x, y, x + w, y + h);
  if (sd < 4 || t.norm === 0) return -1;
  let dot = 0;
  for (let j = 0; j < h; j++) {
    const row = (y + j) * photo.width + x;
    const trow = j * w;
    for (let i = 0; i < w; i++) dot += (photo.data[row + i] ?? 0) * (t.values[trow + i] ?? 0);
  }
  return dot / (Math.sqrt(w * h) * sd * t.norm);
}

/** The best-correlating window of the photo for a reference, over sizes and positions. */
export function locate(photo: { data: Uint8Array; width: number; height: number }, integral: Integral, ref: Integral): Located | undefined {
  const aspect = ref.width / ref.height;
  let best: Located | undefined;
  for (const s of SCALES) {
    let w = Math.round(photo.width * s);
    let h = Math.round(w / aspect);
    if (h > photo.height * 0.95) {
      h = Math.round(photo.height * s);
      w = Math.round(h * aspect);
    }
    if (w < MIN_TEMPLATE || h < MIN_TEMPLATE || w > photo.width || h > photo.height) continue;
    const t = template(ref, w, h);
    // every second position, then the neighbours of the best one
    let local: Located | undefined;
    for (let y = 0; y + h <= photo.height; y += 2)
      for (let x = 0; x + w <= photo.width; x += 2) {
        const ncc = nccAt(photo, integral, t, w, h, x, y);
        if (!local || ncc > local.ncc) local = { ncc, x, y, w, h };
      }
    if (!local) continue;
    const { x: bx, y: by } = local;
    for (let y = Math.max(0, by - 1); y <= Math.min(photo.height - h, by + 1); y++)
      for (let x = Math.max(0, bx - 1); x <= Math.min(photo.width - w, bx + 1); x++) {
        const ncc = nccAt(photo, integral, t, w, h, x, y);
        if (ncc > local.ncc) local = { ncc, x, y, w, h };
      }
    if (!best || local.ncc > best.ncc) best = local;
  }
  return best;
}
