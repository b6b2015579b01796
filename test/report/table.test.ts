import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { fitCell } from '../../src/report/table.js';

describe('fitCell', () => {
  it('pads a short cell to its display width, left or right', () => {
    expect(fitCell('abc', 6)).toBe('abc   ');
    expect(fitCell('12', 5, true)).toBe('   12');
  });

  it('cuts a long ASCII cell with an ellipsis to exactly the width', () => {
    const cell = fitCell('Dukung paslon nomor dua di pilkada', 12);
    expect(cell).toBe('Dukung pasl…');
    expect(stringWidth(cell)).toBe(12);
  });

  it('counts emoji and CJK as two columns and never cuts inside an emoji sequence', () => {
    const family = '👨‍👩‍👧';
    for (const text of [`✌️✌️ ${family} 02 menang 中文字`, `${family}${family}${family}${family}`, 'ab中文字cd']) {
      for (let width = 3; width <= 16; width++) {
        const cell = fitCell(text, width);
        expect(stringWidth(cell)).toBeLessThanOrEqual(width);
        expect(stringWidth(cell)).toBeGreaterThanOrEqual(width - 1);
        // no half of the ZWJ family left over
        expect(cell.replaceAll(family, '')).not.toMatch(/\u200d/);
      }
    }
    expect(fitCell('中文字中文字', 7)).toBe('中文字…');
    expect(fitCell('中文字中文字', 8)).toBe('中文字… ');
  });

  it('joins the lines of a multi-line cell', () => {
    expect(fitCell('satu\n  dua', 9)).toBe('satu dua ');
  });
});
