// Matching cost grows with the text, not faster: 1 MB of non-ASCII text (past the 65,536-unit
// point where grapheme segmentation went super-linear) normalises and matches in linear time.
import { describe, expect, it } from 'vitest';
import { TermMatcher } from '../../src/text/matcher.js';
import { normalise } from '../../src/text/normalise.js';

const MIXED = 'ꦥꦶꦭꦶꦃ coblos ☝️ нет 選挙 prabowo نعم ';

function timeScan(chars: number, matcher: TermMatcher<string>): number {
  const text = MIXED.repeat(Math.ceil(chars / MIXED.length)).slice(0, chars);
  const started = performance.now();
  const hits = matcher.find(normalise(text));
  expect(hits.length).toBeGreaterThan(0);
  return performance.now() - started;
}

describe('matching long non-ASCII text', () => {
  it('scans 1 MB in linear time (1 MB costs about twice 0.5 MB, well under 2 s)', () => {
    const matcher = new TermMatcher(['coblos', 'prabowo', '選挙', 'нет'].map((term) => ({ term, owner: term })));
    timeScan(50_000, matcher); // warm up
    const half = Math.min(timeScan(500_000, matcher), timeScan(500_000, matcher));
    const full = Math.min(timeScan(1_000_000, matcher), timeScan(1_000_000, matcher));
    // linear: ~2x; quadratic would be ~4x. Generous for a shared, busy machine.
    expect(full / half).toBeLessThan(3.2);
    expect(full).toBeLessThan(2000 * 3);
  }, 60_000);
});
