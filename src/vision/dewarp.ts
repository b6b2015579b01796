// Print on draped cloth, straightened before reading: a drape moves each letter of a shirt's print
// up or down on its own (and bends it within itself), so tesseract's line finder sees no line and
// its recogniser sees letters at many heights. Here the print's letters are found as connected
// ink components, pieces of one letter (a stroke broken by a fold) are joined, letters are chained
// left to right into lines along their own drifting centre (a curved or slanted baseline), and
// each line is redrawn level: every letter's centre moved onto one row, its pixels unchanged.
import type { Box } from './box.js';

export interface Grey {
  data: Uint8Array;
  width: number;
  height: number;
}

/** A line redrawn level: black ink on white, and where each letter came from. */
export interface LevelLine {
  /** greyscale pixels, 0 ink / 255 ground */
  data: Uint8Array;
  width: number;
  height: number;
  /** the median letter height, in pixels of the input */
  letterHeight: number;
  /** per letter: its x-range in the redrawn line and its box in the input */
  letters: Array<{ x0: number; x1: number; from: Box }>;
}

interface Component {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number[];
}

interface Glyph {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  parts: Component[];
}

// a letter is at least this many pixels tall and holds this many ink pixels (noise, dust)
const MIN_LETTER = 10;
const MIN_INK = 30;
// a line has at least this many letters (two names, a tag, "NOMOR 2" all have more)
const MIN_LETTERS = 4;
// chaining: the next letter's centre within this share of a letter height of the line's drift,
// and its gap at most this many letter heights
const CHAIN_DRIFT = 0.6;
const CHAIN_GAP = 1.6;
const MAX_LINES = 3;
// the local threshold: the square's half side (pixels, at ~900 px cut width) and the share of the cut's contrast
const LOCAL_RADIUS = 30;
const LOCAL_DELTA = 0.15;
// bridges between letters worn away before they are told apart (pixels, at ~900 px cut width)
const ERODE = 2;
// a component this many typical letter heights tall is letters of two lines touching
const SPLIT_TALL = 1.5;

/**
 * The ink mask by a local threshold: a pixel is ink when it is darker (`dark`) or lighter than the
 * mean of the square around it by a share of the cut's contrast. A fold's soft shadow is close to
 * its own surround and stays ground; a letter's stroke, sharp-edged, stands out of it.
 */
export function inkMask(g: Grey, dark: boolean): Uint8Array {
  const { width, height, data } = g;
  const sat = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x]!;
      sat[(y + 1) * (width + 1) + x + 1] = sat[y * (width + 1) + x + 1]! + row;
    }
  }
  const sorted = Uint8Array.from(data).sort();
  const contrast = sorted[Math.floor(sorted.length * 0.98)]! - sorted[Math.floor(sorted.length * 0.02)]!;
  const delta = Math.max(10, LOCAL_DELTA * contrast);
  const r = LOCAL_RADIUS;
  const ink = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - r);
    const y1 = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width, x + r + 1);
      const mean = (sat[y1 * (width + 1) + x1]! - sat[y0 * (width + 1) + x1]! - sat[y1 * (width + 1) + x0]! + sat[y0 * (width + 1) + x0]!) / ((y1 - y0) * (x1 - x0));
      const v = data[y * width + x]!;
      ink[y * width + x] = (dark ? v < mean - delta : v > mean + delta) ? 1 : 0;
    }
  }
  return ink;
}

/** 8-connected components of the ink mask that do not touch the cut's edge (the shirt's outline, the wall). */
function components(ink: Uint8Array, width: number, height: number): Component[] {
  const seen = new Uint8Array(ink.length);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let i = 0; i < ink.length; i++) {
    if (!ink[i] || seen[i]) continue;
    const c: Component = { x0: width, y0: height, x1: 0, y1: 0, pixels: [] };
    let edge = false;
    seen[i] = 1;
    stack.push(i);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      c.pixels.push(p);
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) edge = true;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const qx = x + dx;
          const qy = y + dy;
          if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
          const q = qy * width + qx;
          if (ink[q] && !seen[q]) {
            seen[q] = 1;
            stack.push(q);
          }
        }
    }
    if (!edge) out.push(c);
  }
  return out;
}

/**
 * The ink mask worn away by r pixels on every side: letters of neighbouring lines, or of one word,
 * that a drape pushed into each other touch by thin bridges, which this breaks (the letters are
 * drawn back as thick as they were in redraw()).
 */
function eroded(ink: Uint8Array, width: number, height: number, r: number): Uint8Array {
  let cur = ink;
  for (let k = 0; k < r; k++) {
    const next = new Uint8Array(cur.length);
    for (let y = 1; y < height - 1; y++)
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        next[i] = cur[i] && cur[i - 1] && cur[i + 1] && cur[i - width] && cur[i + width] ? 1 : 0;
      }
    cur = next;
  }
  return cur;
}

/**
 * A component much taller than a letter is two letters of neighbouring lines touching (a leg of R
 * on the G below it): cut at its thinnest row in the middle and split into what stays connected.
 */
function split(c: Component, width: number, letter: number, depth = 0): Component[] {
  const h = c.y1 - c.y0 + 1;
  if (h <= SPLIT_TALL * letter || depth > 2) return [c];
  const rows = new Array<number>(h).fill(0);
  for (const p of c.pixels) rows[Math.floor(p / width) - c.y0]!++;
  let cut = -1;
  for (let r = Math.floor(h * 0.25); r <= Math.ceil(h * 0.75); r++) if (cut < 0 || rows[r]! < rows[cut]!) cut = r;
  const keep = new Set(c.pixels.filter((p) => Math.floor(p / width) - c.y0 !== cut));
  const out: Component[] = [];
  const seen = new Set<number>();
  for (const start of keep) {
    if (seen.has(start)) continue;
    const part: Component = { x0: Infinity, y0: Infinity, x1: -1, y1: -1, pixels: [] };
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      const x = p % width;
      const y = (p - x) / width;
      part.pixels.push(p);
      part.x0 = Math.min(part.x0, x);
      part.x1 = Math.max(part.x1, x);
      part.y0 = Math.min(part.y0, y);
      part.y1 = Math.max(part.y1, y);
      for (const q of [p - 1, p + 1, p - width, p + width, p - width - 1, p - width + 1, p + width - 1, p + width + 1])
        if (keep.has(q) && !seen.has(q)) {
          seen.add(q);
          stack.push(q);
        }
    }
    out.push(...split(part, width, letter, depth + 1));
  }
  return out;
}

/** Pieces that share most of their width and nearly touch up and down are one letter (a stroke cut by a fold, the dot of a tag's i), unless together they are taller than a letter. */
function glyphsOf(parts: Component[], letter: number): Glyph[] {
  const glyphs: Glyph[] = [];
  for (const c of [...parts].sort((a, b) => a.x0 - b.x0)) {
    const g = glyphs.find((g) => Math.min(g.x1, c.x1) - Math.max(g.x0, c.x0) > 0.5 * Math.min(g.x1 - g.x0, c.x1 - c.x0) && Math.max(g.y0, c.y0) - Math.min(g.y1, c.y1) < 0.5 * Math.max(g.y1 - g.y0, c.y1 - c.y0) && Math.max(g.y1, c.y1) - Math.min(g.y0, c.y0) <= SPLIT_TALL * letter);
    if (g) {
      g.x0 = Math.min(g.x0, c.x0);
      g.x1 = Math.max(g.x1, c.x1);
      g.y0 = Math.min(g.y0, c.y0);
      g.y1 = Math.max(g.y1, c.y1);
      g.parts.push(c);
    } else glyphs.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, parts: [c] });
  }
  return glyphs;
}

const mid = (g: Glyph) => (g.y0 + g.y1) / 2;
const tall = (g: Glyph) => g.y1 - g.y0 + 1;

/** Letters chained left to right: each joins the line whose drift (the last two letters' centres, extended) it is nearest. */
function chains(glyphs: Glyph[]): Glyph[][] {
  const lines: Glyph[][] = [];
  for (const g of [...glyphs].sort((a, b) => a.x0 - b.x0)) {
    let best: Glyph[] | undefined;
    let bestD = Infinity;
    for (const line of lines) {
      const last = line[line.length - 1]!;
      const prev = line.length > 1 ? line[line.length - 2]! : undefined;
      const size = Math.max(tall(last), tall(g));
      const gap = g.x0 - last.x1;
      if (gap > CHAIN_GAP * size || gap < -0.3 * size) continue;
      // where the line's centre is expected at this letter: the last letter's, moved along the
      // drift of the last two (capped: one bent letter must not throw the line off)
      const step = prev ? Math.max(-0.3 * size, Math.min(0.3 * size, mid(last) - mid(prev))) : 0;
      const d = Math.min(Math.abs(mid(g) - mid(last)), Math.abs(mid(g) - (mid(last) + step)));
      if (d < CHAIN_DRIFT * size && d < bestD) {
        bestD = d;
        best = line;
      }
    }
    if (best) best.push(g);
    else lines.push([g]);
  }
  return lines;
}

/**
 * The lines of print in a greyscale cut (`dark`: ink darker than its ground), each redrawn level,
 * longest first, at most MAX_LINES. Letters are at most `maxLetter` of the cut's height tall.
 */
export function levelLines(g: Grey, dark: boolean, maxLetter = 0.5): LevelLine[] {
  const ink = inkMask(g, dark);
  const found = components(eroded(ink, g.width, g.height, ERODE), g.width, g.height).filter((c) => c.pixels.length >= MIN_INK && c.x1 - c.x0 < g.width * 0.35 && c.y1 - c.y0 < g.height * maxLetter);
  // the typical letter height: the median of the components of letter size
  const heights = found.map((c) => c.y1 - c.y0 + 1).filter((h) => h >= MIN_LETTER).sort((a, b) => a - b);
  if (heights.length < MIN_LETTERS) return [];
  const letter = heights[heights.length >> 1]!;
  const parts = found.flatMap((c) => split(c, g.width, letter)).filter((c) => c.pixels.length >= MIN_INK);
  const glyphs = glyphsOf(parts, letter).filter((x) => tall(x) >= MIN_LETTER);
  const lines = chains(glyphs)
    .filter((l) => l.length >= MIN_LETTERS)
    .map((l) => {
      // letters far from the line's median height are not print of this line (a fold's shadow, a button)
      const heights = l.map(tall).sort((a, b) => a - b);
      const median = heights[heights.length >> 1]!;
      return { letters: l.filter((x) => tall(x) >= 0.5 * median && tall(x) <= 1.8 * median), median };
    })
    .filter((l) => l.letters.length >= MIN_LETTERS)
    .sort((a, b) => b.letters.length - a.letters.length)
    .slice(0, MAX_LINES);
  return lines.map(({ letters, median }) => redraw(g.width, letters, median));
}

/** One line redrawn: each letter's pixels moved so its centre is on the line's middle row. */
function redraw(cutWidth: number, letters: Glyph[], median: number): LevelLine {
  const pad = Math.round(median * 0.6);
  const tallest = Math.max(...letters.map(tall));
  const x0 = letters[0]!.x0;
  const width = letters[letters.length - 1]!.x1 - x0 + 1 + 2 * pad;
  const height = tallest + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (const l of letters) {
    const dy = Math.round(height / 2 - mid(l));
    for (const c of l.parts)
      for (const p of c.pixels) {
        const px = p % cutWidth;
        const x = px - x0 + pad;
        const y = (p - px) / cutWidth + dy;
        // drawn back ERODE pixels thicker on every side (what eroded() wore away)
        for (let yy = y - ERODE; yy <= y + ERODE; yy++)
          for (let xx = x - ERODE; xx <= x + ERODE; xx++) if (xx >= 0 && yy >= 0 && xx < width && yy < height) data[yy * width + xx] = 0;
      }
  }
  return { data, width, height, letterHeight: median, letters: letters.map((l) => ({ x0: l.x0 - x0 + pad, x1: l.x1 - x0 + pad, from: { x: l.x0, y: l.y0, w: l.x1 - l.x0 + 1, h: l.y1 - l.y0 + 1 } })) };
}

/** The box, in the input's pixels, of the letters whose middle falls in [x0, x1] of a redrawn line. */
export function sourceBox(line: LevelLine, x0: number, x1: number): Box | undefined {
  const hit = line.letters.filter((l) => (l.x0 + l.x1) / 2 >= x0 && (l.x0 + l.x1) / 2 <= x1);
  if (hit.length === 0) return undefined;
  const bx0 = Math.min(...hit.map((l) => l.from.x));
  const by0 = Math.min(...hit.map((l) => l.from.y));
  const bx1 = Math.max(...hit.map((l) => l.from.x + l.from.w));
  const by1 = Math.max(...hit.map((l) => l.from.y + l.from.h));
  return { x: bx0, y: by0, w: bx1 - bx0, h: by1 - by0 };
}
