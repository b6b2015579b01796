import { describe, expect, it } from 'vitest';
import { levelLines, sourceBox, type Grey } from '../../src/vision/dewarp.js';

const W = 600;
const H = 300;

function canvas(ground: number): Grey {
  return { data: new Uint8Array(W * H).fill(ground), width: W, height: H };
}

function rect(g: Grey, x: number, y: number, w: number, h: number, v: number): void {
  for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) if (xx >= 0 && yy >= 0 && xx < g.width && yy < g.height) g.data[yy * g.width + xx] = v;
}

/** A block "letter" 30 wide, 44 tall, with a 10-px stroke frame (an O), its top at y. */
function letter(g: Grey, x: number, y: number, ink: number): void {
  rect(g, x, y, 30, 10, ink);
  rect(g, x, y + 34, 30, 10, ink);
  rect(g, x, y, 10, 44, ink);
  rect(g, x + 20, y, 10, 44, ink);
}

/** Letters along a row whose centre drifts by `drift(i)` pixels per letter (a drape). */
function row(g: Grey, n: number, top: number, ink: number, drift: (i: number) => number): Array<{ x: number; y: number }> {
  const at: Array<{ x: number; y: number }> = [];
  for (let i = 0; i < n; i++) {
    const x = 60 + i * 42;
    const y = Math.round(top + drift(i));
    letter(g, x, y, ink);
    at.push({ x, y });
  }
  return at;
}

/** The row of the middle of each letter (its ink's vertical centre) in a redrawn line, by letter. */
function middles(line: { data: Uint8Array; width: number; height: number; letters: Array<{ x0: number; x1: number }> }): number[] {
  return line.letters.map((l) => {
    let top = -1;
    let bottom = -1;
    const x = Math.round((l.x0 + l.x1) / 2);
    for (let y = 0; y < line.height; y++)
      for (let xx = l.x0; xx <= l.x1; xx++)
        if (line.data[y * line.width + xx] === 0) {
          if (top < 0) top = y;
          bottom = y;
        }
    return x >= 0 ? (top + bottom) / 2 : -1;
  });
}

describe('print on draped cloth, redrawn level', () => {
  it('moves letters that a drape pushed up and down onto one row, and maps them back', () => {
    const g = canvas(235);
    const drift = (i: number) => [0, 10, -6, 12, 2, -8, 6, 0][i]!;
    const at = row(g, 8, 120, 30, drift);
    const lines = levelLines(g, true);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.letters).toHaveLength(8);
    expect(line.letterHeight).toBeGreaterThanOrEqual(40);
    expect(line.letterHeight).toBeLessThanOrEqual(48);
    const m = middles(line);
    expect(Math.max(...m) - Math.min(...m)).toBeLessThanOrEqual(1);
    // the third and fourth letters' box is where they were drawn
    const box = sourceBox(line, line.letters[2]!.x0, line.letters[3]!.x1)!;
    expect(Math.abs(box.x - at[2]!.x)).toBeLessThanOrEqual(3);
    expect(Math.abs(box.y - Math.min(at[2]!.y, at[3]!.y))).toBeLessThanOrEqual(3);
    expect(Math.abs(box.x + box.w - (at[3]!.x + 30))).toBeLessThanOrEqual(3);
  });

  it('follows a slanted line and keeps two lines apart even where their letters touch', () => {
    const g = canvas(240);
    row(g, 7, 40, 20, (i) => i * 6);
    row(g, 6, 110, 20, (i) => i * 6);
    // a bridge from the second letter of the top line down to the letter below it
    rect(g, 110, 96, 4, 30, 20);
    const lines = levelLines(g, true);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.letters).toHaveLength(7);
    expect(lines[1]!.letters).toHaveLength(6);
  });

  it('reads light print on a darker shirt, and leaves a soft fold shadow and a plain shirt alone', () => {
    const g = canvas(90);
    row(g, 6, 120, 220, (i) => (i % 2 ? 8 : -8));
    expect(levelLines(g, false)[0]?.letters).toHaveLength(6);
    expect(levelLines(g, true)).toHaveLength(0);
    const plain = canvas(200);
    // a fold: a broad shadow fading in and out over 60 px
    for (let x = 200; x < 260; x++) rect(plain, x, 0, 1, H, 200 - Math.round(40 * Math.sin(((x - 200) / 60) * Math.PI)));
    expect(levelLines(plain, true)).toHaveLength(0);
    expect(levelLines(plain, false)).toHaveLength(0);
  });
});
