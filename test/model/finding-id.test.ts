// findingId sorts the spans by a key made once per span; the id must stay the one every stored
// finding was made with: spans sorted by String(tuple).localeCompare, then contentId.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentId, findingId } from '../../src/model/index.js';
import type { Span } from '../../src/model/index.js';

function referenceId(f: { itemId: string; ruleId: string; ruleVersion: number; spans: Span[] }): string {
  const spans = f.spans.map((s) => [s.field, s.index, s.start, s.end]).sort((a, b) => String(a).localeCompare(String(b)));
  return contentId('finding', { item: f.itemId, rule: f.ruleId, version: f.ruleVersion, spans });
}

const span = fc.record({
  field: fc.constantFrom('text', 'media.caption', 'hashtags', 'context', 'link', 'thread'),
  index: fc.nat(12),
  start: fc.nat(400),
  end: fc.nat(400),
  text: fc.constant('x'),
  matcher: fc.constant('m'),
}) as fc.Arbitrary<Span>;

describe('findingId', () => {
  it('orders spans as localeCompare of the joined tuple did (numbers compare as text: 10 before 9)', () => {
    const spans = [
      { field: 'text', index: 0, start: 9, end: 12, text: 'a', matcher: 'm' },
      { field: 'text', index: 0, start: 10, end: 14, text: 'b', matcher: 'm' },
      { field: 'media.caption', index: 1, start: 2, end: 5, text: 'c', matcher: 'm' },
    ] as Span[];
    const f = { itemId: 'i1', ruleId: 'r1', ruleVersion: 2, spans };
    expect(findingId(f)).toBe(referenceId(f));
    expect(findingId({ ...f, spans: [...spans].reverse() })).toBe(findingId(f));
  });

  it('equals the reference for any spans', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (spans) => {
        const f = { itemId: 'item', ruleId: 'rule', ruleVersion: 1, spans };
        expect(findingId(f)).toBe(referenceId(f));
      }),
      { numRuns: 300 },
    );
  });
});
