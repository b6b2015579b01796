// A quote post's own words read as a reaction to the post it quotes (reply-act.ts readQuoteReaction):
// pointing words and bare reactions endorse, dismay and laughter are told apart, anything longer,
// a question or a denial is no reaction.
import { beforeAll, describe, expect, it } from 'vitest';
import { normalise } from '../../src/text/normalise.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { readQuoteReaction } from '../../src/rules/reply-act.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 60_000);

const mode = (text: string) => readQuoteReaction(normalise(text), [], pack.quoteDenials, pack.replyGrammar)?.mode;

describe('readQuoteReaction', () => {
  it('a pointing word that ends its clause or opens "ini yang …"/"ini dia" endorses', () => {
    expect(mode('Nah ini.')).toBe('endorses');
    expect(mode('MasyaAllah, ini yang saya maksud 👇')).toBe('endorses');
    expect(mode('ini dia')).toBe('endorses');
    expect(mode('Tah ieu nu ditunggu-tunggu')).toBe('endorses');
  });
  it('dismay, a denial of liking or laughter marks the reaction dismayed', () => {
    expect(mode('Lha iki sing marai aku ora sreg 🤦')).toBe('dismayed');
    expect(mode('Tah ieu, kitu geuning kalakuanana 🤦')).toBe('dismayed');
    expect(mode('wkwkwk')).toBe('dismayed');
    expect(mode('🙄')).toBe('dismayed');
  });
  it('derision of the quoted post (clown, vomiting, "halu", "ngimpi") mocks it', () => {
    expect(mode('🤡🤡')).toBe('mocks');
    expect(mode('halu 🤮')).toBe('mocks');
    expect(mode('ngimpi wkwk')).toBe('mocks');
  });
  it('a bare approving emoji endorses; any other emoji alone is no reaction', () => {
    expect(mode('🔥🔥')).toBe('endorses');
    expect(mode('🎂')).toBeUndefined();
  });
  it('a question, a hoax label, a noun after the pointing word or a long comment is no reaction', () => {
    expect(mode('Anyone bisa jelasin ini maksudnya gimana?')).toBeUndefined();
    expect(mode('Nah ini, hoaks lagi')).toBeUndefined();
    expect(mode('ini berita lama')).toBeUndefined();
    expect(mode('Hari ini saya piket di kelurahan, antrean panjang sekali sampai sore dan belum selesai juga')).toBeUndefined();
  });
});
