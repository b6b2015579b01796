// The row hash is written key by key for speed: it must stay byte-identical to the canonical JSON
// of the row's columns (without pk, row_sha256 and NULLs) with the extra values, as stores hold it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/model/index.js';
import { CAPTURE_ROW_HASHED, canonicalRow, captureRowSha256, FindingRowHasher, findingRowSha256, type Row, RowHasher, rowSha256, type SpanRow } from '../../src/store/rowhash.js';

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

describe('RowHasher', () => {
  it('gives rowSha256 for rows of its columns: NULLs, extra keys (null kept), objects, index-like names, a subset', () => {
    const rows: Row[] = [
      { pk: 1, id: 'a', text: 'héllo "x"\n', n: 3.5, gone: null, row_sha256: Buffer.alloc(32), obj: { b: 1, a: [1, null] } },
      { pk: 2, id: 'b', text: null, n: 0, gone: 'here', row_sha256: 'ff', obj: null },
      { pk: 3, id: 'c', text: '', n: -1, gone: undefined, row_sha256: null, obj: [] },
    ];
    const columns = ['pk', 'id', 'text', 'n', 'gone', 'row_sha256', 'obj'];
    const plain = new RowHasher(columns);
    const withExtra = new RowHasher(columns.filter((c) => c !== 'obj'), ['__spans', 'zz']);
    for (const row of rows) {
      expect(plain.sha256(row)).toBe(rowSha256(row));
      for (const extra of [{ __spans: [[0, 'text', 0, 1, 2, 'x', 'm']] }, { __spans: null, zz: 1 }, { __spans: [], zz: undefined }]) {
        expect(withExtra.sha256(row, extra)).toBe(rowSha256({ ...row, obj: null }, extra));
      }
    }
    // a column named like an index: the general path, same hash
    const odd = new RowHasher(['0', 'id', '__proto__']);
    const row = JSON.parse('{"0": "zero", "id": "x", "__proto__": "p"}') as Row;
    expect(odd.sha256(row)).toBe(rowSha256(row));
    // a subset: only its columns count (captureRowSha256's six)
    const flagged = { pk: 9, capture_id: 'c1', pointer: 'line:3', byte_offset: 10, byte_length: 5, sha256: 'ab', first_run_id: 'r', content: Buffer.from('x'), encoding: null, row_sha256: 'x' };
    expect(new RowHasher(CAPTURE_ROW_HASHED).sha256(flagged)).toBe(captureRowSha256(flagged));
  });
});

describe('FindingRowHasher', () => {
  const span = (ord: number, text: string): SpanRow => ({ ord, field: 'text', field_index: 0, start: ord, end: ord + text.length, text, matcher: 'm' });
  it('gives findingRowSha256 for every row: the run\'s columns, NULLs, and rows with other columns', () => {
    const hasher = new FindingRowHasher();
    const rows: Array<[Row, SpanRow[]]> = [
      [{ id: 'f1', item_id: 'i1', rule_id: 'r', rule_version: 2, skb_form: null, confidence: 0.8, candidates: '[]', explanation_id: 'kata “x”\n' }, [span(0, 'a'), span(3, 'bc')]],
      [{ id: 'f2', item_id: 'i1', rule_id: 'r', rule_version: 2, skb_form: 'A4', confidence: 1, candidates: '[{"pair":"p"}]', explanation_id: '' }, []],
      // other columns (and a column the first row did not have): the general path, the same hash
      [{ id: 'f3', rule_id: 'r', extra_col: 'x', spans: 'ignored', rule_version: 1 }, [span(1, 'z')]],
      [{ item_id: 'i2', id: 'f4', rule_id: 'r', rule_version: 2, skb_form: null, confidence: 0.5, candidates: '[]', explanation_id: 'y' }, [span(2, 'q')]],
    ];
    for (const [row, spans] of rows) expect(hasher.sha256(row, spans)).toBe(findingRowSha256(row, spans));
  });
});
