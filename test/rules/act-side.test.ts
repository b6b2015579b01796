// The side an act takes by its nature (schema.ts act_side, stop 41): a shirt, a rally, a pose, a
// sticker, a volunteer page or a KTP drive names its one pair as supported, unless the item reads
// otherwise. None of this changes whether a finding is made. The examples are written for this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string) =>
  makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** the findings of one rule on the text, and every stance they show on the pair */
const sides = (text: string, rule: string, pair: string) => {
  const found = evaluate(pack, post(text)).filter((f) => f.ruleId === rule);
  expect(found.length, text).toBeGreaterThan(0);
  return found.flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));
};

describe('an act that supports its pair by nature', () => {
  it('declares act_side on the forms whose act is support', () => {
    for (const id of ['t2-hadir-kampanye-paslon', 't4-kaos-atribut-kampanye', 't5-pose-nomor-paslon', 't7-stiker-kendaraan', 't8-hadir-debat-pendukung', 'sk-kumpul-ktp-perseorangan', 'sk-tim-pemenangan-perayaan', 'sk-gabung-grup-paslon']) {
      expect(pack.rules.find((r) => r.def.id === id)?.def.act_side, id).toBe('support');
    }
    // a comment on a pair's page or a live debate says no side by itself
    expect(pack.rules.find((r) => r.def.id === 't1-suka-halaman-paslon')?.def.act_side).toBeUndefined();
    expect(pack.rules.find((r) => r.def.id === 't8-hadir-debat-langsung')?.def.act_side).toBeUndefined();
  });

  it('names the one pair of a shirt as supported', () => {
    expect(sides('Kaos Ganjar-Mahfud baru datang, langsung dipakai', 't4-kaos-atribut-kampanye', 'pilpres-2024-03')).toEqual(['support']);
  });

  it('leaves the pair a mention where the item reads otherwise', () => {
    const t4 = (text: string) => sides(text, 't4-kaos-atribut-kampanye', 'pilpres-2024-03');
    // negation
    expect(t4('Kaos Ganjar-Mahfud baru datang, tidak dipakai')).toEqual(['mention']);
    // act_when: sold or merely named, the shirt is not worn: no side by its nature
    expect(t4('Jual kaos Ganjar-Mahfud bekas, harga nego')).toEqual(['mention']);
    // an attack verdict on the pair
    expect(t4('Kaos Ganjar-Mahfud baru datang, Ganjar pembohong')).not.toContain('support');
    // irony: never support by its nature (the status words read the eye-roll at the pair as a jab,
    // a side the kept shirt finding takes from them since stop 46)
    expect(t4('Kaos Ganjar-Mahfud baru datang 🙄')).not.toContain('support');
    // several pairs at once
    expect(t4('Ini foto kaos 01, 02 dan 03 yang dipakai warga')).toEqual(['mention']);
    // an official duty
    expect(t4('Bertugas pengamanan kampanye akbar Ganjar-Mahfud di lapangan kota, kaosnya dibagi')).toEqual(['mention']);
  });
});

describe('a reaction on a volunteer page (sk-suka-halaman-relawan)', () => {
  const react = (reaction: string) =>
    evaluate(pack, makeItem({ platform: 'facebook', kind: 'reaction', reaction, time: '2024-10-20T05:00:00Z', target: { kind: 'page', name: 'Relawan Budi Hartono Kecamatan Sukaresmi' }, source: { captureId: 'test', path: 'test', pointer: '1' } }))
      .flatMap((f) => f.candidates.filter((c) => c.pair === 'pilkada-2024-3299-02').map((c) => c.stance));
  it('names a like as support and an angry reaction as attack', () => {
    expect(react('Like')).toContain('support');
    expect(react('Like')).not.toContain('attack');
    expect(react('Angry')).not.toContain('support');
  });
});
