// TermMatcher.find checks each word-start match as the automaton finds it (no match object per
// match) and sorts only when a later word start's hit ends before an earlier one's. It must give
// exactly what wordStartMatches followed by find's checks gives: the same hits in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../src/text/aho-corasick.js';
import { TermMatcher, wordStartMatches, allSet } from '../../src/text/matcher.js';
import { endsWord, normalise } from '../../src/text/normalise.js';

// nested and overlapping terms (a long one that ends after a shorter one starting later), a term
// that may stand before a clitic, and a domain that may match inside a URL
const TERMS = ['asn netral pilih', 'netral', 'asn', 'pilih', 'pilih 02', '02', 'budi', 'budi dewi', 'dewi', 'kampanye', 'kompas.com', 'dukung budi dewi', 'dukung'];
const WORDS = [...TERMS, 'nya', 'lah', 'x', '✌️', '#budidewi', 'https://kompas.com/budi-dewi', 'ya', '!', 'dewinya', 'pilihlah'];

function reference(m: TermMatcher<string>, text: string, inUrl: Uint8Array, inHashtag: Uint8Array, inQuote: Uint8Array): string[] {
  // find's automaton holds m.patterns in this order (data = pattern index)
  const ac = new AhoCorasick(m.patterns.map((pattern, data) => ({ pattern, data })));
  const out: string[] = [];
  for (const { start, end, pattern } of wordStartMatches(ac, text)) {
    const beforeClitic = pattern.length >= 4 && /\p{L}$/u.test(pattern) && /^(?:nya|lah|kah)(?![\p{L}\p{N}])/u.test(text.slice(end, end + 4));
    if (!(endsWord(text, end) || beforeClitic)) continue;
    if (inUrl[start] === 1 && !/[./]/.test(pattern)) continue;
    out.push(`${start}-${end}:${allSet(inHashtag, start, end)}:${inQuote[start] === 1}`);
  }
  return out;
}

describe('TermMatcher.find', () => {
  it('gives the checked word-start matches in their order', () => {
    const m = new TermMatcher(TERMS.map((term) => ({ term, owner: term })));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 25 }), fc.array(fc.constantFrom(' ', ' ', '', ', ', '"'), { minLength: 25, maxLength: 25 }), (words, gaps) => {
        const n = normalise(words.map((w, i) => w + (gaps[i] ?? ' ')).join(''));
        const got = m.find(n).map((h) => `${h.start}-${h.end}:${h.inHashtag}:${h.inQuote}`);
        expect(got).toEqual(reference(m, n.text, n.inUrl, n.inHashtag, n.inQuote));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts nested hits as the word-start walk does', () => {
    const m = new TermMatcher(TERMS.map((term) => ({ term, owner: term })));
    const n = normalise('asn netral pilih budi');
    const hits = m.find(n).map((h) => n.text.slice(h.start, h.end));
    // "netral" (ends at 10) comes before "asn netral pilih" (ends at 16) although it starts later
    expect(hits).toEqual(['asn', 'netral', 'asn netral pilih', 'pilih', 'budi']);
  });
});
