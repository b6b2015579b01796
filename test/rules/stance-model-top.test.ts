// A stance score's strongest features are kept in place (insertTop), not sorted again after every
// scored n-gram: the list must be exactly what the stable sort after each change gave.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertTop } from '../../src/rules/stance-model.js';

type Top = Array<{ start: number; end: number; weight: number }>;

/** The definition, as insertTop computed it before: the change made, then a stable sort by weight. */
function reference(top: Top, f: Top[number], k: number): void {
  const same = top.find((t) => t.start === f.start && t.end === f.end);
  if (same) {
    same.weight = Math.max(same.weight, f.weight);
    top.sort((a, b) => b.weight - a.weight);
    return;
  }
  if (top.length === k && (top[k - 1] as Top[number]).weight >= f.weight) return;
  top.push(f);
  top.sort((a, b) => b.weight - a.weight);
  if (top.length > k) top.pop();
}

// few places and few weights, so the same n-gram and equal weights come up often
const feature = fc.record({ start: fc.integer({ min: 0, max: 5 }), end: fc.integer({ min: 6, max: 8 }), weight: fc.integer({ min: 1, max: 6 }).map((w) => w / 4) });

describe('insertTop', () => {
  it('keeps the same list, in the same order, as a stable sort after each insert', () => {
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 40 }), fc.integer({ min: 1, max: 5 }), (features, k) => {
        const kept: Top = [];
        const expected: Top = [];
        for (const f of features) {
          insertTop(kept, { ...f }, k);
          reference(expected, { ...f }, k);
          expect(kept).toEqual(expected);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('moves a repeated n-gram up past lighter entries only, after those of its new weight', () => {
    const top: Top = [
      { start: 0, end: 1, weight: 3 },
      { start: 2, end: 3, weight: 2 },
      { start: 4, end: 5, weight: 1 },
    ];
    insertTop(top, { start: 4, end: 5, weight: 2 }, 3);
    expect(top.map((t) => t.start)).toEqual([0, 2, 4]);
    insertTop(top, { start: 4, end: 5, weight: 2.5 }, 3);
    expect(top.map((t) => t.start)).toEqual([0, 4, 2]);
    insertTop(top, { start: 6, end: 7, weight: 3 }, 3);
    expect(top.map((t) => [t.start, t.weight])).toEqual([[0, 3], [6, 3], [4, 2.5]]);
  });
});
