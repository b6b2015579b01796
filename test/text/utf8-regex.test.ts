// A regex matcher reads a field's UTF-8 bytes made once (regexSpans) instead of handing node-re2 the
// string on every call: the matches must be the ones the string gives (stringSpans, the old loop),
// offsets in UTF-16 units, on hard texts (emoji, astral letters, lone surrogates, combining marks)
// and with every regex matcher of the shipped rules on every text of their fixtures; and both must
// give the offsets the bytes' matches really have (a reference that decodes each match's prefix),
// on many generated texts (emoji, variation selectors, joiners, combining marks, Indonesian words).
import RE2 from 're2';
import { beforeAll, describe, expect, it } from 'vitest';
import { regexSpans, stringSpans, utf8Text } from '../../src/text/utf8-regex.js';
import { loadRulePack, matcherRegex, type CompiledMatcher, type RulePack } from '../../src/rules/pack.js';
import { testItem } from '../../src/rules/fixtures.js';
import { fieldTexts } from '../../src/model/field-texts.js';
import { normalise } from '../../src/text/normalise.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 240_000);

const HARD = [
  '',
  'ascii only, coblos 02 ya',
  'Café résumé naïve — “kutip” … 02!',
  '😂😂 wkwk 😂 🙏🏽 ✌️ 2️⃣ coblos 02',
  '𝐏𝐫𝐚𝐛𝐨𝐰𝐨 menang 🤣',
  'lone \ud800 high, lone \udc00 low, end \ud83d',
  '\udc00\ud800 reversed pair 😀',
  'e\u0301 combining, ﷽ ligature, ＰＲＡＢＯＷＯ',
  'نص عربي مع 02 و 😂',
];
const PATTERNS: Array<[string, string]> = [
  ['\\p{L}+', 'gu'],
  ['[😂🤣🙏]', 'gu'],
  ['.', 'gu'],
  ['\\b0[1-9]\\b', 'gu'],
  ['\\W+', 'giu'],
  ['x*', 'gu'], // empty matches: the string's own loop
  ['a|', 'gu'],
  ['\\b', 'gu'],
  ['coblos\\s+0?[1-9]', 'giu'],
];

/**
 * The reference: RE2's matches on the bytes, each bound's UTF-16 offset the length of the decoded
 * prefix (a bound is a code point's first byte, and a lone surrogate is one unit either way), an
 * empty match skipped by one code point.
 */
function referenceSpans(re: RE2, text: string): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const out: number[] = [];
  re.lastIndex = 0;
  for (;;) {
    const r = re.exec(bytes);
    if (r === null) break;
    const from = r.index;
    const to = from + r[0].length;
    if (to === from) {
      const c = bytes[from] ?? 0;
      re.lastIndex = from + (c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4);
      continue;
    }
    out.push(bytes.subarray(0, from).toString('utf8').length, bytes.subarray(0, to).toString('utf8').length);
  }
  re.lastIndex = 0;
  return out;
}

function sameSpans(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const PIECES = [
  'coblos', 'Prabowo', 'pilih', 'jangan', 'nomor', 'Bupati', 'ASN', 'paslon', 'kepala dinas', ' ', ' ', '  ', '02', '1', '#', '@',
  '.', ',', '!', '?', '\n', '\t', '😂', '🙏🏽', '✌️', '2️⃣', '👨‍👩‍👧', '❤️', '☝', '🇮🇩', '𝐏𝐫𝐚𝐛𝐨𝐰𝐨', 'e\u0301', 'a\u0308\u0301', 'é', 'ñ', '’', '“',
  '…', '—', '\u200b', '\u200d', '\ufe0f', '\u0301', '\ud800', '\udc00', '\ud83d', '\ufffd', '\uffff', 'ﷺ', 'ﬁ', 'Ｐ', 'نص', '中文', 'İ', 'ı',
  'ß', 'ſ', 'K', 'Å', 'ǅ', 'ΐ', '\u2028',
];
const RANDOM_PATTERNS: Array<[string, string]> = [
  ...PATTERNS,
  ['(?:a|)', 'gu'], // an empty match wherever no "a" starts: the empty-match step on every kind of character
  ['(?:|a)', 'giu'],
  ['\\B', 'gu'],
  ['[😂🙏]?', 'gu'],
  ['.', 'gsu'],
  ['\\w+', 'giu'],
  ['\\S+$', 'gu'],
  ['^\\S+', 'gmu'],
  ['\\p{M}+', 'gu'],
  ['[\\x{1F300}-\\x{1FAFF}]+', 'gu'],
  ['prabowo|k|s|i', 'giu'],
];
/** a seeded generator, so a failure names its text and comes back */
function generatedTexts(seed: number, n: number): string[] {
  let s = seed;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
  const out: string[] = [];
  for (let t = 0; t < n; t++) {
    let text = '';
    const pieces = 1 + Math.floor(rnd() * 40);
    for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(rnd() * PIECES.length)] as string;
    out.push(text);
  }
  return out;
}

describe('an empty match before a surrogate pair (the one-unit difference of stop 52)', () => {
  it('node-re2 stepping one unit into a pair reports every later match early (the old loop, wrong)', () => {
    // The old loop skipped an empty match with lastIndex++; inside "😂" (units 0–1) node-re2 takes
    // lastIndex 1 for the byte after the whole pair, so "a" (unit 2) came back at 1.
    const re = new RE2('(?:a|)', 'gu');
    const found: number[] = [];
    let r: RegExpExecArray | null;
    while ((r = re.exec('😂a')) !== null) {
      if (r[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      found.push(r.index);
    }
    expect(found).toEqual([1]);
  });

  it('both reads give the true offsets: the pair is stepped over whole', () => {
    const re = new RE2('(?:a|)', 'gu');
    expect(referenceSpans(re, '😂a')).toEqual([2, 3]);
    expect(stringSpans(re, '😂a')).toEqual([2, 3]);
    expect(regexSpans(re, utf8Text('😂a'))).toEqual([2, 3]);
    // a field ending in a pair, a lone surrogate, joiners and a variation selector
    for (const text of ['x😂', 'a😂a\ud800a', '👨‍👩‍👧a✌️a', 'e\u0301a😂\ufe0fa']) {
      expect(regexSpans(re, utf8Text(text)), text).toEqual(referenceSpans(re, text));
      expect(stringSpans(re, text), text).toEqual(referenceSpans(re, text));
    }
  });
});

describe('regexSpans', () => {
  it('finds what exec over the string finds, on hard texts', () => {
    for (const text of HARD) {
      const u = utf8Text(text);
      for (const [p, f] of PATTERNS) {
        const re = new RE2(p, f);
        expect(regexSpans(re, u), `${p} on ${JSON.stringify(text)}`).toEqual(stringSpans(re, text));
        // the regex is left as the old loop left it, ready for the next caller
        expect(re.lastIndex).toBe(0);
      }
    }
  });

  it('gives the reference offsets on generated texts, raw and normalised (randomized differential)', () => {
    const regexes = RANDOM_PATTERNS.map(([p, f]) => new RE2(p, f));
    const differ: string[] = [];
    let compared = 0;
    let matched = 0;
    for (const raw of generatedTexts(53, 1500)) {
      for (const text of [raw, normalise(raw).text]) {
        const u = utf8Text(text);
        for (const re of regexes) {
          const want = referenceSpans(re, text);
          const bytes = regexSpans(re, u);
          const string = stringSpans(re, text);
          if (!sameSpans(bytes, want) || !sameSpans(string, want)) differ.push(`${re.source} on ${JSON.stringify(text)}: ${bytes} / ${string} / ${want}`);
          compared++;
          if (want.length > 0) matched++;
        }
      }
    }
    expect(differ).toEqual([]);
    expect(compared).toBe(1500 * 2 * RANDOM_PATTERNS.length);
    expect(matched).toBeGreaterThan(compared / 4);
  }, 120_000);

  it('maps byte offsets to UTF-16 ones (ASCII texts keep no map)', () => {
    expect(utf8Text('abc').toUtf16).toBeUndefined();
    const re = new RE2('[😂b]', 'gu');
    // 'a' 0, '😂' 1–3, 'b' 3
    expect(regexSpans(re, utf8Text('a😂b'))).toEqual([1, 3, 3, 4]);
    expect(regexSpans(new RE2('b', 'gu'), utf8Text('\ud800b'))).toEqual([1, 2]);
  });

  it('finds what the string finds with every regex matcher of the rules, on every fixture text', () => {
    const regexes = new Map<string, RE2>();
    const collect = (ms: ReadonlyMap<string, CompiledMatcher>): void => {
      for (const m of ms.values()) if (m.type === 'regex' && m.regexSource) regexes.set(`${m.regexSource.flags}/${m.regexSource.pattern}`, matcherRegex(m));
    };
    for (const r of pack.rules) collect(r.matchers);
    for (const e of pack.exceptions) collect(e.matchers);
    expect(regexes.size).toBeGreaterThan(50);
    let texts = 0;
    let matched = 0;
    for (const rule of pack.rules) {
      rule.def.tests.forEach((test, index) => {
        for (const { text } of fieldTexts(testItem(test.item, rule, index))) {
          // what the matchers read: the normalised text
          {
            const t = normalise(text).text;
            const u = utf8Text(t);
            for (const re of regexes.values()) {
              const spans = regexSpans(re, u);
              expect(spans, `${re.source} on ${JSON.stringify(t)}`).toEqual(stringSpans(re, t));
              if (spans.length > 0) matched++;
            }
            texts++;
          }
        }
      });
    }
    expect(texts).toBeGreaterThan(500);
    expect(matched).toBeGreaterThan(100);
    // and on generated texts, against the reference too
    const differ: string[] = [];
    for (const raw of generatedTexts(1399, 400)) {
      const t = normalise(raw).text;
      const u = utf8Text(t);
      for (const re of regexes.values()) {
        const want = referenceSpans(re, t);
        if (!sameSpans(regexSpans(re, u), want) || !sameSpans(stringSpans(re, t), want)) differ.push(`${re.source} on ${JSON.stringify(t)}`);
      }
    }
    expect(differ).toEqual([]);
  }, 600_000);
});
