// A target known by its handle only (an Instagram follow or like) is also read as the words the
// handle is made of: "timnas.amin" is the Anies-Muhaimin national team, "dewi.lestari.official" the
// candidate's own account.
import { beforeAll, describe, expect, it } from 'vitest';
import { handleWords, targetString, textHashtags } from '../../src/model/field-texts.js';
import { makeItem } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

describe('handleWords', () => {
  it('splits a handle at its separators and a team word off the front of a part', () => {
    expect(handleWords('timnas.amin')).toBe('timnas amin');
    expect(handleWords('gibran_rakabuming')).toBe('gibran rakabuming');
    expect(handleWords('relawanbude.sukamaju')).toBe('relawan bude sukamaju');
    expect(handleWords('TimsesFauzi')).toBe('timses fauzi');
  });

  it('gives nothing for a handle that does not split, and keeps bare "tim" glued ("timurjaya")', () => {
    expect(handleWords('prabowo')).toBeUndefined();
    expect(handleWords('timurjaya')).toBeUndefined();
  });

  it('adds the words to the target string only when the target has no name', () => {
    expect(targetString({ kind: 'account', handle: 'timnas.amin' })).toBe('@timnas.amin | timnas amin');
    expect(targetString({ kind: 'page', name: 'Timnas AMIN', handle: 'timnas.amin' })).toBe('Timnas AMIN | @timnas.amin');
  });
});

describe('a follow of an account known by its handle', () => {
  const follow = (handle: string) =>
    evaluate(pack, makeItem({ platform: 'instagram', kind: 'follow', target: { kind: 'account', handle, url: `https://www.instagram.com/${handle}` }, time: '2024-01-10T05:00:00Z', source: { captureId: 'test', path: 'following.json', pointer: '/0' } }), {});

  it('reads the team the handle names', () => {
    const fs = follow('timnas.amin');
    expect(fs.map((f) => f.ruleId)).toContain('t1-suka-halaman-paslon');
    expect(fs.flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilpres-2024-01');
  });

  it('a handle of unrelated words stays clean', () => {
    expect(follow('kuliner.makassar')).toEqual([]);
  });

  it("reads a pair's blend glued behind a team word in a handle as the pair's volunteers", () => {
    const followIn = (handle: string) =>
      evaluate(pack, makeItem({ platform: 'instagram', kind: 'follow', target: { kind: 'account', handle }, time: '2024-10-10T05:00:00Z', source: { captureId: 'test', path: 'following.json', pointer: '/0' } }), { region: '3299' });
    expect(followIn('relawanbude.sukamaju').flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilkada-2024-3299-02');
    expect(followIn('bude.sukamaju.kuliner')).toEqual([]);
  });
});

describe('textHashtags', () => {
  it('finds what /#[\\p{L}\\p{N}_]+/gu finds', () => {
    const alphabet = ['#', '#', '#', 'a', 'Z', '9', '_', ' ', '-', '&', 'é', 'İ', 'ß', '٣', '😀', '𝐀', '\u0301', '\ud83d', '\u200d', '.', '#'];
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const texts = ['', '#', '##a', 'a#b', '#Prabowo02 dan #AMIN!', '#semangatpagi', '#İstanbul #ß #٣٣', '#😀 #a😀b #𝐀𝐀'];
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: 1 + next(14) }, () => alphabet[next(alphabet.length)]).join(''));
    for (const text of texts) {
      const lower = text.toLowerCase();
      expect([...textHashtags(lower)], JSON.stringify(text)).toEqual([...new Set(lower.match(/#[\p{L}\p{N}_]+/gu) ?? [])]);
    }
  });
});
