// Whose words are they (evaluate.ts speakerOwned): a post for or against a pair is the writer's
// only when some cue it rests on is the writer's. Cues that all lie in someone else's reported
// words (a quotation, a "Speaker:" lead, a third person's verb of saying) are the speaker's; the
// writer's own cue or campaign tag outside them keeps the finding.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** the rule ids of the findings on a post, for prohibitions 3 and 6 */
const words = (text: string, time?: string) =>
  evaluate(pack, post(text, time))
    .filter((f) => String(f.prohibition) === '3' || String(f.prohibition) === '6')
    .map((f) => f.ruleId);

describe('cues in someone else\'s words', () => {
  it('reads a citizen\'s quoted question as the citizen\'s, not a call', () => {
    expect(words('Yang ditanya pasien di puskesmas tadi: "Sus, nanti nyoblos Ganjar di mana?" Kujawab di TPS lah pak, tanya ke RT 😅')).toEqual([]);
  });

  it('reads candidates\' quoted debate lines as theirs', () => {
    expect(words('Anies: "Kami tidak menjanjikan yang tidak bisa dikerjakan." Ganjar: "Kerja nyata, bukan kata-kata." Dua kutipan dari kampanye kemarin.')).toEqual([]);
  });

  it('reads a third person\'s reported question at the office as theirs', () => {
    expect(words('Warga tanya ke kantor desa, apa benar kalau tidak pilih 02 bansos PKH dicabut? Tidak benar pak, PKH tidak terkait pemilu. Jangan percaya')).toEqual([]);
  });

  it('keeps the writer\'s own call or campaign tag beside the quotation', () => {
    expect(words('Yang ditanya pasien di puskesmas tadi: "Sus, nanti nyoblos Ganjar di mana?" Saya jawab: pokoknya coblos Ganjar!').length).toBeGreaterThan(0);
    expect(words('Sandi: Ingin harga pangan terjangkau, tusuk Prabowo-Sandi #TusukPrabowoSandi', '2019-03-01T00:00:00Z').length).toBeGreaterThan(0);
  });

  it('keeps a vote call passed on after a speaker unless it is asked', () => {
    expect(words('Gibran: pemimpin muda harapan bangsa, coblos 02!').length).toBeGreaterThan(0);
  });

  it('keeps a writer\'s own call with no reported words at all', () => {
    expect(words('Pokoknya 14 Februari coblos Ganjar, yang lain lewat').length).toBeGreaterThan(0);
  });
});
