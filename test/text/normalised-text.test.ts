// normalisedText is normalise(…).text made without offsets and masks (the clean-item gate reads
// it for every item): the two must agree on every text, the hard cases of normalisation and every
// text of the shipped rules' fixtures.
import { beforeAll, describe, expect, it } from 'vitest';
import { normalise, normalisedText } from '../../src/text/normalise.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { testItem } from '../../src/rules/fixtures.js';
import { fieldTexts } from '../../src/model/field-texts.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const HARD = [
  '𝐏𝐫𝐚𝐛𝐨𝐰𝐨 Café',
  'ＰＲＡＢＯＷＯ',
  '#PrabowoGibran2024 #01IndonesiaMaju #ASNNetral lihat #pilpres #a_b',
  'coblos✌️ no 2️⃣ dan 3⃣ ✌🏽 👍🏻',
  'p r a b o w o menang, g4nj4r, pr4b0w0, bangettt, aamiin, amiiin',
  'yg penting nomor dua, no.3, nomer due, urut tilu',
  'nu pangpinterna, pang tandesna',
  'Prabowo-Gibran Budi–Dewi \u200bpe\u00admilu\u200d x\u2060y',
  'ðŸ˜‚ Ã©lu â€œkatanyaâ€\u009d <Victory Hand> :thumbsup: :v:',
  '  spasi   di\tawal\n\ndan akhir  - ',
  'https://kompas.com/read/prabowo-sandi www.x.id "empat kata di dalam kutipan ini"',
  'Şükrü İstanbul ß ﬁ ① ² ™ №5',
  '',
  // the one-pass walk: astral letters and emoji inside and between words, lone surrogates, a folded
  // character that writes many units before an ASCII run, words the rewrites and cues read
  '𝐀𝐁c d😀e 😀abc a😀b \ud800x x\udc00 \ud83d',
  '﷽﷽ ABC DEF ghi',
  'Coblos TELU wae, coblos dua-duanya, coblos hiji, nomor urut tilu, no. 3, nomer 2, nu pangasakna, pang gedena',
  'yg gpp tdk bgt, a b c d e, x y z, s e m a n g a t!',
  'P R A B O W O 2️⃣ 01',
];

describe('normalisedText', () => {
  it('is normalise(text).text on the hard cases', () => {
    for (const t of HARD) {
      const n = normalisedText(t);
      if (n !== undefined) expect(n, JSON.stringify(t)).toBe(normalise(t).text);
    }
    // a substitution (mojibake, an emoji by name) is left to normalise
    expect(normalisedText('ðŸ˜‚')).toBeUndefined();
    expect(normalisedText('<Victory Hand>')).toBeUndefined();
    expect(normalisedText('coblos 2️⃣ ya')).toBe(normalise('coblos 2️⃣ ya').text);
  });

  it('is normalise(text).text on every text of the rule fixtures', () => {
    let texts = 0;
    for (const rule of pack.rules) {
      rule.def.tests.forEach((test, index) => {
        for (const { text } of fieldTexts(testItem(test.item, rule, index))) {
          const n = normalisedText(text);
          if (n === undefined) continue;
          expect(n, JSON.stringify(text)).toBe(normalise(text).text);
          texts++;
        }
      });
    }
    expect(texts).toBeGreaterThan(500);
  });
});
