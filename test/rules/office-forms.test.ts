// Which form a workplace-group message or a post takes when two forms hold (RUBRIC, "which
// prohibition" and "a member's own act told in a workplace group"): the shirt or cap of a rally the
// writer attended is that attendance (2); a Malay offer to the group ("siape nak?") is the office
// form (6), not the sticker told with it (7). Real rule pack, real registry.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item, type ItemDraft } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const OFFICE = { kind: 'group' as const, name: 'Staf Dinas Pendidikan Sukamaju' };
let n = 0;
function message(text: string, context: Item['context'] = OFFICE, at = '2024-01-20T12:00:00Z'): Item {
  const draft: Omit<ItemDraft, 'source'> = { platform: 'whatsapp', kind: 'message', text, time: at, actor: { name: 'Hendra' }, ...(context ? { context } : {}) };
  return makeItem({ ...draft, source: { captureId: 'office-forms', path: 'chat.txt', pointer: `line:${++n}` } });
}
function post(text: string, at = '2024-01-20T12:00:00Z'): Item {
  return makeItem({ platform: 'facebook', kind: 'post', text, time: at, source: { captureId: 'office-forms', path: 'posts.json', pointer: `/${++n}` } });
}
const forms = (item: Item) => [...new Set(evaluate(pack, item, { region: '3299' }).map((f) => f.prohibition))];

describe('the shirt of the rally the writer attended', () => {
  it('is part of the attendance (2), in a post and in a family chat', () => {
    expect(forms(post('Tadi sore aku ke kampanye akbar Ganjar-Mahfud di alun-alun, pake kaos hitam putih 😆'))).toEqual([2]);
    expect(forms(post('Ikut jalan sehat bareng Kang Yusuf tadi pagi, dapet kaos Yusuf-Ratna 😁', '2024-11-10T03:00:00Z'))).toEqual([2]);
    expect(forms(message('Barusan pulang dari kampanye Yusuf-Ratna, dapat kaos tiga jari 🤙', { kind: 'group', name: 'Keluarga Besar Haji Naim' }, '2024-11-10T03:00:00Z'))).toEqual([2]);
  });

  it('a shirt worn without any rally stays the shirt (4); a shirt delivered is no arrival at a rally', () => {
    expect(forms(post('Hari ini pakai baju kotak-kotak nomor 2 dukung Prabowo Gibran'))).toEqual([4]);
    expect(forms(post('baju kotak2 hitam putih ala pak ganjar udah sampe 😎 siap kampanye'))).toEqual([4]);
  });
});

describe('joining a team at its declaration', () => {
  it('is the membership (other), the declaration attended part of it', () => {
    expect(forms(post('Alhamdulillah semalam ikut deklarasi relawan Budi-Dewi di kecamatan, resmi jadi anggota tim pemenangan 💪', '2024-10-03T13:00:00Z'))).toEqual(['other']);
    // the declaration alone stays the attendance
    expect(forms(post('Alhamdulillah semalam ikut deklarasi relawan Budi-Dewi di kecamatan, rame sekali', '2024-10-03T13:00:00Z'))).toEqual([2]);
  });
});

describe('a Malay offer to the office group', () => {
  it('"siape nak?" after the writer\'s own sticker is the office form (6)', () => {
    expect(forms(message('Kaos Budi-Dewi dah saye pakai semalam, ade lebih sepuluh helai, siape nak?', OFFICE, '2024-11-10T03:00:00Z'))).toEqual([6]);
  });

  it('the writer\'s own sticker alone stays the sticker (7)', () => {
    expect(forms(message('Stiker Budi-Dewi dah saye tempel kat motor saye 😁', OFFICE, '2024-11-10T03:00:00Z'))).toEqual([7]);
  });
});
