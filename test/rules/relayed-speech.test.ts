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

// What a forward's act is (stop 46, decision in fixtures/eval/forms-s46.md): the SKB (Lampiran II
// A4/B6) names "share" among the prohibited interactions and RUBRIC 6 names "an appeal … to vote"
// aimed at colleagues, so a call to vote a member forwards into an office group is the forwarder's
// own spreading of it (6, promoting the pair) even with no word of their own — the engine's rule
// for a quoted call. What is only told in the block (a verdict, a news report, a neutrality
// circular) stays its author's: news shared without comment is clean (RUBRIC "News"), and a
// verdict passed on with no word of the forwarder's is left to the analyst.
describe('a forward into an office group', () => {
  const OFFICE = { kind: 'group' as const, name: 'Staf TU Dinas Pendidikan Sukamaju' };
  const officeMessage = (text: string, kind: 'message' | 'share' = 'message') =>
    makeItem({ platform: kind === 'share' ? 'telegram' : 'whatsapp', kind, text, time: '2024-02-01T03:00:00Z', actor: { name: 'Hendra' }, context: OFFICE, source: { captureId: 'test', path: 'chat.txt', pointer: `line:${++n}` } });
  const found = (text: string, kind: 'message' | 'share' = 'message') =>
    evaluate(pack, officeMessage(text, kind), { region: '3299' }).map((f) => `${f.prohibition}:${f.candidates.map((c) => `${c.pair}:${c.stance ?? 'mention'}`).join(',')}`);

  it('passes on a call to vote with no word of the forwarder\'s: the office form, promoting the pair', () => {
    for (const header of ['Forwarded', 'Diteruskan', 'Pesan terusan:']) {
      expect(found(`${header}\nAyo coblos 02 tanggal 14, Prabowo-Gibran satu putaran!`), header).toEqual(['6:pilpres-2024-02:support']);
    }
  });

  it('passes on no verdict, news report or neutrality circular of the forwarder\'s', () => {
    expect(found('Forwarded\nAnies pembohong, janji2nya cuma omon-omon, jangan percaya!')).toEqual([]);
    expect(found('Forwarded\nKPU: pemungutan suara 14 Februari, tiga paslon Anies-Muhaimin, Prabowo-Gibran, Ganjar-Mahfud')).toEqual([]);
    expect(found('Diteruskan\nSurat edaran BKPSDM: ASN dilarang mengajak memilih paslon 01, 02 atau 03, termasuk di grup kantor')).toEqual([]);
  });
});
