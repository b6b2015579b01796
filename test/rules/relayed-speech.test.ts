// Relayed speech (issue 11): a forwarded block and a hearsay clause are their author's words. A
// forward with no word of the forwarder's is no verdict of the writer's; the forwarder's own comment
// before or after it still is.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const FAMILY = { kind: 'group' as const, name: 'Keluarga Besar Haji Naim' };
let n = 0;
const message = (text: string) =>
  makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-01-20T05:00:00Z', actor: { name: 'Hendra' }, context: FAMILY, source: { captureId: 'test', path: 'chat.txt', pointer: `line:${++n}` } });
const sides = (text: string) => evaluate(pack, message(text), { region: '3299' }).flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance ?? 'mention'}`));

describe('a forwarded message', () => {
  const VERDICT = 'Anies pembohong, janji2nya cuma omon-omon, jangan percaya!';

  it('with no word of the forwarder\'s gives no stance of the writer\'s', () => {
    expect(sides(VERDICT)).toContain('pilpres-2024-01:attack');
    for (const header of ['Forwarded', 'Diteruskan', '*Forwarded*', 'Forwarded from Relawan Perubahan', 'Pesan terusan:']) {
      expect(sides(`${header}\n${VERDICT}`), header).toEqual([]);
    }
  });

  it('with the forwarder\'s own verdict before the block, or after its closing line, is the writer\'s', () => {
    expect(sides(`Setuju banget, Anies pembohong!\n\nForwarded\n${VERDICT}`)).toContain('pilpres-2024-01:attack');
    expect(sides(`Setuju banget, pilih 02!\n\nForwarded\nPrabowo-Gibran pemimpin tegas`)).toContain('pilpres-2024-02:support');
    expect(sides(`Forwarded\nJadwal posyandu Sabtu jam 8 di balai desa\n-----\nAnies pembohong, liat aja nanti`)).toContain('pilpres-2024-01:attack');
  });
});

describe('a hearsay clause', () => {
  it('"… cenah", "jare …" is what others say; the writer\'s own verdict beside it still counts', () => {
    expect(sides('Anies pembohong cenah, kumaha nya')).toEqual([]);
    expect(sides('Jarene Anies pembohong, aku ra ngerti')).not.toContain('pilpres-2024-01:attack');
    expect(sides('Anies pembohong cenah, abdi mah satuju, Anies memang pembohong')).toContain('pilpres-2024-01:attack');
  });
});
