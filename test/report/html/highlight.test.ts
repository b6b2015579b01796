import { describe, expect, it } from 'vitest';
import { highlightHtml } from '../../../src/report/html/highlight.js';
import { mergeRanges } from '../../../src/text/ranges.js';

const at = (text: string, word: string): { start: number; end: number } => {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`${word} not in text`);
  return { start, end: start + word.length };
};

describe('highlightHtml', () => {
  it('marks spans given as UTF-16 offsets after emoji (surrogate pairs) exactly', () => {
    const text = 'Siap 👍👍 coblos nomor 2 ✌️ ya 🇮🇩 #Menang2024';
    const html = highlightHtml(text, [at(text, 'coblos nomor 2'), at(text, '#Menang2024'), at(text, '✌️')]);
    expect(html).toBe('Siap 👍👍 <mark>coblos nomor 2</mark> <mark>✌️</mark> ya 🇮🇩 <mark>#Menang2024</mark>');
  });

  it('never cuts an emoji in half when an offset lands inside a surrogate pair', () => {
    const text = 'salam 🤟 tiga jari';
    const emoji = text.indexOf('🤟');
    // start points at the low surrogate, end right after the high surrogate
    expect(mergeRanges(text, [{ start: emoji + 1, end: emoji + 1 }])).toEqual([]);
    expect(mergeRanges(text, [{ start: emoji + 1, end: emoji + 2 }])).toEqual([{ start: emoji, end: emoji + 2 }]);
    expect(highlightHtml(text, [{ start: emoji, end: emoji + 1 }])).toBe('salam <mark>🤟</mark> tiga jari');
  });

  it('merges overlapping and touching spans into one mark', () => {
    const text = 'pilih paslon nomor 2 sekarang';
    const html = highlightHtml(text, [at(text, 'paslon nomor'), at(text, 'nomor 2'), at(text, 'pilih '), at(text, 'sekarang')]);
    expect(html).toBe('<mark>pilih paslon nomor 2</mark> <mark>sekarang</mark>');
    expect(mergeRanges(text, [at(text, 'nomor 2'), at(text, 'paslon nomor 2'), at(text, 'paslon')])).toEqual([at(text, 'paslon nomor 2')]);
  });

  it('escapes markup inside and outside marks', () => {
    const text = 'a <b>"02"</b> & <script>x</script>';
    expect(highlightHtml(text, [at(text, '<b>"02"</b>')])).toBe(
      'a <mark>&lt;b&gt;&quot;02&quot;&lt;/b&gt;</mark> &amp; &lt;script&gt;x&lt;/script&gt;',
    );
  });

  it('clamps spans beyond the text and ignores empty or reversed ones', () => {
    expect(mergeRanges('nomor 2', [{ start: 6, end: 40 }, { start: 3, end: 3 }, { start: 5, end: 2 }])).toEqual([{ start: 6, end: 7 }]);
    expect(highlightHtml('', [{ start: 0, end: 4 }])).toBe('');
  });
});
