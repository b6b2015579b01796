// Words that change meaning by language (stop 52, issue 11): Javanese "aja" (don't) beside chat
// Indonesian "aja" (just), ordinals and ordinal markers as ballot numbers, and the writer's own
// reaction closing a post after a pair's reported words. Invented texts, read both ways.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

const PILKADA = { time: '2024-11-20T03:00:00Z', region: '3299' };
const PILPRES = { time: '2024-01-20T03:00:00Z', region: undefined };

/** pair id → the side the item's t3/t6 findings show on it */
function sides(text: string, at: { time: string; region: string | undefined }): Record<string, string> {
  const item = makeItem({ platform: 'facebook', kind: 'post', source: { captureId: 'c', path: 'p', pointer: '/0' }, text, time: at.time });
  const out: Record<string, string> = {};
  for (const f of evaluate(pack, item, at.region ? { region: at.region } : {})) {
    if (f.prohibition !== 3 && f.prohibition !== 6) continue;
    for (const c of f.candidates) if (c.pair && c.stance && c.stance !== 'mention') out[c.pair] = c.stance;
  }
  return out;
}

describe('Javanese "aja" before a verb or "nganti" is a prohibitive', () => {
  it('turns the win it forbids into an attack on that pair ("aja nganti nomer siji menang maning")', () => {
    expect(sides('Arahan wis jelas, aja nganti nomer siji menang maning', PILKADA)).toEqual({ 'pilkada-2024-3299-01': 'attack' });
    // the same with "ojo", and Sundanese "ulah nepi ka"
    expect(sides('Ojo nganti nomer siji menang maning', PILKADA)).toEqual({ 'pilkada-2024-3299-01': 'attack' });
    expect(sides('Ulah nepi ka nomer 1 meunang deui', PILKADA)).toEqual({ 'pilkada-2024-3299-01': 'attack' });
  });

  it('reads one pair backed and the other forbidden as partisan, not as balanced coverage', () => {
    const got = sides('Mengko tanggal 27 kabeh pada milih nomer loro ya. Arahan wis jelas, aja nganti nomer siji menang maning', PILKADA);
    expect(got['pilkada-2024-3299-02']).toBe('support');
    expect(got['pilkada-2024-3299-01']).toBe('attack');
  });

  it('keeps "aja" after what it limits as "just": the choice stands', () => {
    expect(sides('Pilih nomor 2 aja, ora usah ragu', PILKADA)).toEqual({ 'pilkada-2024-3299-02': 'support' });
    expect(sides('Nomer siji aja menang, wis jelas', PILKADA)['pilkada-2024-3299-01']).not.toBe('attack');
  });
});

describe('ordinals and ordinal markers name the ballot number after a number cue', () => {
  it('reads "paslon kedua", "nomor ke-2", "nomer kaping pindho", Sundanese "paslon kahiji"', () => {
    expect(sides('Sesuk milih paslon kedua ya lur', PILKADA)).toEqual({ 'pilkada-2024-3299-02': 'support' });
    expect(sides('Coblos nomor ke-2 ya', PILKADA)).toEqual({ 'pilkada-2024-3299-02': 'support' });
    expect(sides('Nomer kaping pindho, pokoke', PILKADA)).toEqual({ 'pilkada-2024-3299-02': 'support' });
    expect(sides('Ayo coblos paslon kahiji', PILKADA)).toEqual({ 'pilkada-2024-3299-01': 'support' });
  });

  it('leaves the debate count, a room and "for the second time" alone', () => {
    expect(sides('Nonton debat capres ketiga 🎫 bareng keluarga', PILPRES)).toEqual({});
    expect(sides('Rapat di ruang nomor ke-2 dari kiri, jam 9', PILKADA)).toEqual({});
    expect(sides('Pak Budi maju paslon kedua kalinya di Sukamaju', PILKADA)).toEqual({});
  });
});

describe('the writer\'s reaction after a pair\'s reported words is the writer\'s stance', () => {
  it('reads a refusal or a scoff closing the post as an attack on the pair whose words it answers', () => {
    expect(sides('Prabowo bilang makan siang gratis buat semua anak, no thanks', PILPRES)).toEqual({ 'pilpres-2024-02': 'attack' });
    expect(sides('Katanya Anies mau bikin kota kolaborasi, ogah', PILPRES)).toEqual({ 'pilpres-2024-01': 'attack' });
    expect(sides('Kata paslon 2 harga beras bakal turun, preeet 🤣', PILKADA)).toEqual({ 'pilkada-2024-3299-02': 'attack' });
  });

  it('reads agreement closing the post as support', () => {
    expect(sides('Kata Ganjar gaji guru bakal naik, setuju!', PILPRES)).toEqual({ 'pilpres-2024-03': 'support' });
  });

  it('gives the writer no side when the report stands alone or the reaction goes on', () => {
    expect(sides('Prabowo bilang makan siang gratis buat semua anak', PILPRES)).toEqual({});
    expect(sides('Kata Ganjar gaji guru honorer bakal naik, setuju kalau anggarannya ada, tapi masih nunggu hitungan', PILPRES)).toEqual({});
    expect(sides('Rekan ASN, jangan posting sindiran ke paslon mana pun, termasuk yang bilang no thanks ke salah satu calon', PILPRES)).toEqual({});
  });
});
