// Perceptual "difference hash" (dHash, 64 bits): the sign of the brightness step between
// neighbouring cells of a 9×8 grid. Robust to scaling, recompression and brightness; a few bits
// change under small shifts. Computed on an integral image, so any window of a photo (the place
// locate.ts found) is hashed in O(1) per cell.

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Summed-area table with one row/column of zeros in front. */
export class Integral {
  readonly sums: Float64Array;
  readonly squares: Float64Array;
  readonly width: number;
  readonly height: number;

  constructor(img: GreyImage) {
    this.width = img.width;
    this.height = img.height;
    const w1 = img.width + 1;
    this.sums = new Float64Array(w1 * (img.height + 1));
    this.squares = new Float64Array(w1 * (img.height + 1));
    for (let y = 0; y < img.height; y++) {
      let row = 0;
      let rowSq = 0;
      for (let x = 0; x < img.width; x++) {
        const v = img.data[y * img.width + x] ?? 0;
        row += v;
        rowSq += v * v;
        this.sums[(y + 1) * w1 + x + 1] = (this.sums[y * w1 + x + 1] ?? 0) + row;
        this.squares[(y + 1) * w1 + x + 1] = (this.squares[y * w1 + x + 1] ?? 0) + rowSq;
      }
    }
  }

  private rect(table: Float64Array, x0: number, y0: number, x1: number, y1: number): number {
    const w1 = this.width + 1;
    return (table[y1 * w1 + x1] ?? 0) - (table[y0 * w1 + x1] ?? 0) - (table[y1 * w1 + x0] ?? 0) + (table[y0 * w1 + x0] ?? 0);
  }

  /** Mean brightness of [x0,x1)×[y0,y1) (fractional edges rounded to pixels). */
  mean(x0: number, y0: number, x1: number, y1: number): number {
    const a = Math.min(this.width - 1, Math.round(x0));
    const b = Math.min(this.height - 1, Math.round(y0));
    const c = Math.min(this.width, Math.max(a + 1, Math.round(x1)));
    const d = Math.min(this.height, Math.max(b + 1, Math.round(y1)));
    return this.rect(this.sums, a, b, c, d) / ((c - a) * (d - b));
  }

  /** Standard deviation of the brightness in a window: flat windows carry no hash. */
  deviation(x0: number, y0: number, x1: number, y1: number): number {
    const a = Math.min(this.width - 1, Math.round(x0));
    const b = Math.min(this.height - 1, Math.round(y0));
    const c = Math.min(this.width, Math.max(a + 1, Math.round(x1)));
    const d = Math.min(this.height, Math.max(b + 1, Math.round(y1)));
    const n = (c - a) * (d - b);
    const mean = this.rect(this.sums, a, b, c, d) / n;
    return Math.sqrt(Math.max(0, this.rect(this.squares, a, b, c, d) / n - mean * mean));
  }
}

/** dHash of a window: 8 rows × 8 comparisons of 9 cell means, as a 64-bit bigint. */
export function dHashWindow(img: Integral, x: number, y: number, w: number, h: number): bigint {
  return hashWithMask(img, x, y, w, h, 0).bits;
}

/**
 * The hash and a mask of its reliable bits: a comparison between two cells of nearly the same
 * brightness (a flat blue sticker background) flips with any recompression, so a reference only
 * counts the bits whose step is at least `minStep` grey levels.
 */
export function hashWithMask(img: Integral, x: number, y: number, w: number, h: number, minStep: number): { bits: bigint; mask: bigint } {
  const cw = w / 9;
  const ch = h / 8;
  let bits = 0n;
  let mask = 0n;
  for (let r = 0; r < 8; r++) {
    let prev = img.mean(x, y + r * ch, x + cw, y + (r + 1) * ch);
    for (let c = 1; c < 9; c++) {
      const cur = img.mean(x + c * cw, y + r * ch, x + (c + 1) * cw, y + (r + 1) * ch);
      bits = (bits << 1n) | (cur > prev ? 1n : 0n);
      mask = (mask << 1n) | (Math.abs(cur - prev) >= minStep ? 1n : 0n);
      prev = cur;
    }
  }
  return { bits, mask };
}

/** dHash of a whole image. */
export function dHash(img: GreyImage): bigint {
  return dHashWindow(new Integral(img), 0, 0, img.width, img.height);
}

/** A reference's hash with its reliable-bit mask. */
export interface MaskedHash {
  bits: bigint;
  mask: bigint;
  /** number of reliable bits */
  count: number;
}

export function maskedHash(img: GreyImage, minStep = 6): MaskedHash {
  const { bits, mask } = hashWithMask(new Integral(img), 0, 0, img.width, img.height, minStep);
  return { bits, mask, count: popcount(mask) };
}

/** Differing reliable bits, scaled to 64 bits so distances of all references compare. */
export function maskedDistance(ref: MaskedHash, bits: bigint): number {
  return Math.round((popcount((ref.bits ^ bits) & ref.mask) * 64) / Math.max(1, ref.count));
}

function popcount(x: bigint): number {
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
