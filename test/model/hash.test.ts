// canonicalJson is written in one pass for speed; its output must stay byte-identical to the
// definition every stored hash was made with: JSON.stringify of a deep copy with sorted keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentId } from '../../src/model/index.js';

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : sortDeep(v)));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortDeep(v);
    }
    return out;
  }
  return value;
}
const reference = (value: unknown): string => JSON.stringify(sortDeep(value));

describe('canonicalJson', () => {
  it('equals JSON.stringify of the key-sorted deep copy for any value', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withDate: true, withSparseArray: true, withNullPrototype: true }), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders integer-like keys as JavaScript does, and writes model-shaped values the same', () => {
    for (const v of [{ b: 1, a: [undefined, () => 1, 'x'], '10': 0, '2': 1, __proto__x: 2 }, Buffer.from('ab'), { f: () => 1, s: Symbol('s'), u: undefined, n: NaN, z: -0 }, [{ y: { c: 1, b: [1, { a: null }] } }]]) {
      expect(canonicalJson(v)).toBe(reference(v));
    }
    expect(canonicalJson(undefined)).toBe(reference(undefined));
  });

  it('gives the same content id whatever order the keys were written in', () => {
    expect(contentId('item', { a: 1, b: { c: 2, d: 3 } })).toBe(contentId('item', { b: { d: 3, c: 2 }, a: 1 }));
    expect(contentId('item', { a: 1 })).not.toBe(contentId('finding', { a: 1 }));
  });
});
