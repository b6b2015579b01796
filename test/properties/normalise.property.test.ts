// Normalisation and matching on any text: never crash, every span lies inside the original, and
// offsets map back to the characters they came from.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { endsWord, normalise, startsWord, toOriginal } from '../../src/text/normalise.js';
import { TermMatcher } from '../../src/text/matcher.js';
import { countCase, FUZZ_RUNS, FUZZ_SECONDS, writeFuzzReport } from './fuzz-budget.js';

afterAll(() => writeFuzzReport('normalise'));

// texts of the kind netral reads: words, emoji, keycaps, hashtags, URLs, mojibake, RTL marks
const pieces = fc.constantFrom('Prabowo', 'gibran', ' ', '  ', '#PrabowoGibran2024', 'nomor dua', '2️⃣', '✌️', '👍🏽', 'https://x.id/a-b', 'kompas.com/read', 'Ã©', 'ðŸ˜‚', '"empat kata di sini ya"', 'p r a b o w o', 'g4nj4r', 'bangettt', 'yg', 'ꦥꦶꦭꦶꦃ', '\u202e', '\u200b', '\n', '-', '𝐏𝐫𝐚𝐛𝐨𝐰𝐨', 'é', 'é', ':thumbs_up:', '<Victory Hand>');
const text = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
const options = { numRuns: FUZZ_RUNS * 5, ...(FUZZ_SECONDS ? { interruptAfterTimeLimit: (FUZZ_SECONDS * 1000) / 6 } : {}) };

const matcher = new TermMatcher(['prabowo', 'gibran', 'prabowo gibran', 'nomor 2', '02', '✌', 'kompas.com', 'pilih'].map((term) => ({ term, owner: term })));

describe('normalise on any text', () => {
  it('maps every normalised character into the original, in range', () => {
    fc.assert(
      fc.property(text, (original) => {
        countCase('normalise');
        const n = normalise(original);
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const s = n.starts[i] ?? -1;
          const e = n.ends[i] ?? -1;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeGreaterThanOrEqual(s);
          expect(e).toBeLessThanOrEqual(original.length);
        }
      }),
      options,
    );
  });

  it('is deterministic and idempotent on its own output', () => {
    fc.assert(
      fc.property(text, (original) => {
        countCase('normalise-idempotent');
        const once = normalise(original).text;
        expect(normalise(original).text).toBe(once);
        expect(normalise(once).text).toBe(normalise(normalise(once).text).text);
      }),
      options,
    );
  });

  it('every term hit is a whole-word span that maps back inside the original', () => {
    fc.assert(
      fc.property(text, (original) => {
        countCase('matcher');
        const n = normalise(original);
        for (const hit of matcher.find(n)) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.end).toBeLessThanOrEqual(n.text.length);
          expect(startsWord(n.text, hit.start)).toBe(true);
          const back = toOriginal(n, hit.start, hit.end);
          expect(back.start).toBeGreaterThanOrEqual(0);
          expect(back.end).toBeLessThanOrEqual(original.length);
          expect(back.start).toBeLessThanOrEqual(back.end);
        }
      }),
      options,
    );
  });

  it('word boundaries hold at every offset without throwing', () => {
    fc.assert(
      fc.property(text, fc.nat(), (s, k) => {
        countCase('boundaries');
        const at = s.length === 0 ? 0 : k % (s.length + 1);
        expect(typeof startsWord(s, at)).toBe('boolean');
        expect(typeof endsWord(s, at)).toBe('boolean');
      }),
      options,
    );
  });
});
