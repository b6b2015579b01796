import { describe, expect, it } from 'vitest';
import { canonicalJson, contentId } from '../../src/model/hash.js';

/** The definition canonicalJson must keep: JSON.stringify of a copy with sorted keys, undefined members dropped. */
function sortedCopyJson(value: unknown): string {
  const sortDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : sortDeep(x)));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[key];
        if (x !== undefined) out[key] = sortDeep(x);
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(sortDeep(value));
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"z":1}]},"b":1}');
  });

  it('writes exactly what JSON.stringify of the sorted copy writes, quirks included (ids of stored items depend on it)', () => {
    const values: unknown[] = [
      { '10': 'ten', '2': 'two', '01': 'zero-one', b: [undefined, null, -0, NaN, Infinity, 1e21, 1.5e-7], a: 'é "quoted" \\ \n \u2028' },
      { nested: { '0': [{ k: true, j: false }], s: Symbol('s'), f: () => 1, d: new Date(0) } },
      [[], {}, [undefined], 'text', 0],
      { id: 'x', source: { pointer: 'line:1', path: 'a.jsonl', captureId: 'c' }, hashtags: ['AMIN'], media: [] },
    ];
    for (const v of values) expect(canonicalJson(v)).toBe(sortedCopyJson(v));
    expect(canonicalJson('plain')).toBe('"plain"');
    expect(canonicalJson(null)).toBe('null');
  });

  it('gives the same content id whatever order the keys were written in', () => {
    expect(contentId('item', { a: 1, b: { c: 2, d: 3 } })).toBe(contentId('item', { b: { d: 3, c: 2 }, a: 1 }));
  });
});
