// TermMatcher walks the trie from word starts only (wordStartMatches): it must give exactly the
// matches the whole automaton's scan gives that start a word, in the scan's order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/text/aho-corasick.js';
import { wordStartMatches } from '../../src/text/matcher.js';
import { startsWord } from '../../src/text/normalise.js';

// letters, digits, spaces, punctuation, an emoji (a surrogate pair), lone surrogates, a non-ASCII letter
const UNITS = ['a', 'b', 'n', 'y', '0', '2', ' ', ' ', '-', '#', '.', '😀', '\ud83d', '\ude00', 'é', '✌'];
const piece = fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 5 }).map((a) => a.join(''));

describe('wordStartMatches', () => {
  it('gives the word-start matches of scan(), in its order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(piece, { minLength: 1, maxLength: 40 }), fc.array(piece, { maxLength: 30 }), (patterns, parts) => {
        const ac = new AhoCorasick(patterns.map((pattern, data) => ({ pattern, data })));
        // texts made of the patterns and the same units, so that matches overlap and nest
        const text = parts.join('') + patterns.slice(0, 5).join(' ') + parts.reverse().join('');
        const expected: string[] = [];
        ac.scan(text, (data, start, end) => {
          if (startsWord(text, start)) expected.push(`${data}@${start}-${end}`);
        });
        const got = wordStartMatches(ac, text).map((m) => `${m.data}@${m.start}-${m.end}`);
        expect(got).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('walks a real-sized text to the same matches', () => {
    const patterns = ['asn', 'asn netral', 'netral', 'pilih', 'pilih 02', '02', '✌', 'budi', 'budi dewi', 'dewi'];
    const ac = new AhoCorasick(patterns.map((pattern, data) => ({ pattern, data })));
    const text = 'asn netral ✌ pilih 02 budi dewi #budidewi asnnetral '.repeat(200);
    const expected: number[] = [];
    ac.scan(text, (data, start) => {
      if (startsWord(text, start)) expected.push(data);
    });
    expect(expected.length).toBeGreaterThan(2000);
    expect(wordStartMatches(ac, text).map((m) => m.data)).toEqual(expected);
  });
});
