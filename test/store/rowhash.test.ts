// The row hash is written key by key for speed: it must stay byte-identical to the canonical JSON
// of the row's columns (without pk, row_sha256 and NULLs) with the extra values, as stores hold it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/model/index.js';
import { canonicalRow, type Row } from '../../src/store/rowhash.js';

/** The definition, as rowSha256 computed it before. */
function reference(row: Row, extra: Row): string {
  const material: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'pk' || key === 'row_sha256' || value === null || value === undefined) continue;
    material[key] = value;
  }
  return canonicalJson({ ...material, ...extra });
}

const value = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: false }), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null))), fc.dictionary(fc.string(), fc.string()));
const row = fc.dictionary(fc.oneof(fc.constantFrom('pk', 'row_sha256', 'id', 'text', 'spans', 'é', 'Z', 'a b'), fc.string()), value);

describe('canonicalRow', () => {
  it('equals the canonical JSON of the row material and extra values', () => {
    fc.assert(fc.property(row, row, (r, extra) => {
      expect(canonicalRow(r, extra)).toBe(reference(r, extra));
    }), { numRuns: 500 });
  });
});
