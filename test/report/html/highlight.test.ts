import { describe, expect, it } from 'vitest';
import { highlightHtml } from '../../../src/report/html/highlight.js';
import { mergeRanges } from '../../../src/text/ranges.js';

/** A matched emoji's picture back to its alt text, to compare the marked text itself. */
const plain = (html: string): string => html.replace(/<img class="emoji" src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="([^"]+)">/g, '$1');

const at = (text: string, word: string): { start: number; end: number } => {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`${word} not in text`);
  return { start, end: start + word.length };
};

describe('highlightHtml', () => {
  it('marks spans given as UTF-16 offsets after emoji (surrogate pairs) exactly', () => {
    const text = 'Siap 👍👍 coblos nomor 2 ✌️ ya 🇮🇩 #Menang2024';
    const html = highlightHtml(text, [at(text, 'coblos nomor 2'), at(text, '#Menang2024'), at(text, '✌️')]);
    expect(plain(html)).toBe('Siap 👍👍 <mark>coblos nomor 2</mark> <mark>✌️</mark> ya 🇮🇩 <mark>#Menang2024</mark>');
  });

  it('never cuts an emoji in half when an offset lands inside a surrogate pair', () => {
    const text = 'salam 🤟 tiga jari';
    const emoji = text.indexOf('🤟');
    // start points at the low surrogate, end right after the high surrogate
    expect(mergeRanges(text, [{ start: emoji + 1, end: emoji + 1 }])).toEqual([]);
    expect(mergeRanges(text, [{ start: emoji + 1, end: emoji + 2 }])).toEqual([{ start: emoji, end: emoji + 2 }]);
    expect(plain(highlightHtml(text, [{ start: emoji, end: emoji + 1 }]))).toBe('salam <mark>🤟</mark> tiga jari');
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

describe('matched emoji', () => {
  it('a matched emoji is its embedded picture with the character as alt text; unmatched ones stay text', async () => {
    const { highlightHtml } = await import('../../../src/report/html/highlight.js');
    const text = 'Siap 👍🏽 dukung ✌️ pokoknya 😀';
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const html = highlightHtml(text, [at('👍🏽'), at('✌️')]);
    expect(html).toMatch(/^Siap <mark><img class="emoji" src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" alt="👍🏽"><\/mark> dukung <mark><img class="emoji" src="data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+" alt="✌️"><\/mark> pokoknya 😀$/);
  });

  it('every emoji a rule can match has a picture', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { EMOJI_PNG } = await import('../../../src/report/html/emoji-images.js');
    const missing: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) for (const m of readFileSync(p, 'utf8').matchAll(/\p{Extended_Pictographic}/gu)) if (!EMOJI_PNG[m[0].codePointAt(0)!.toString(16)]) missing.push(`${p}: ${m[0]}`);
      }
    };
    walk('rules');
    expect(missing, 'run node tools/emoji-images.mjs').toEqual([]);
  });
});
