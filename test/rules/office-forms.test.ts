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

describe('the town square is no offer to those who have not yet', () => {
  it('Javanese "nang Alun-alun" (at the square) after the sender\'s own rally keeps the rally (2), not Banjar/Minang "nang alun" (who has not yet)', () => {
    expect(forms(message('Mau bengi aku nang kampanye akbar Pak Ganjar nang Alun-alun Lor, rame tenan 🤘', OFFICE, '2024-01-28T03:00:00Z'))).toEqual([2]);
    expect(forms(message('Mau bengi aku nang kampanye akbar Pak Ganjar nang alun alun, rame tenan 🤘', OFFICE, '2024-01-28T03:00:00Z'))).toEqual([2]);
  });

  it('Banjar "nang alun baisi" (who has none yet) with a sticker offered is the office form (6)', () => {
    expect(forms(message('Stiker Ganjar-Mahfud masih banyak, nang alun baisi ambil di mejaku lah 🖤', OFFICE, '2024-01-28T03:00:00Z'))).toEqual([6]);
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

describe('a message aimed at the colleagues (RUBRIC, "a member\'s own act told in a workplace group")', () => {
  const PUSKESMAS = { kind: 'group' as const, name: 'Pegawai Puskesmas Sukamaju' };
  it('the group called on as a whole with a request is the office form (6), the shirt its content', () => {
    expect(forms(message('Bapak ibu, kaos Budi-Dewi masih ada 15 di lemari TU, ambil ya', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([6]);
    expect(forms(message('Konco-konco guru, mengko sore nang omahku ana kaos Budi-Dewi gratis, jupuk wae ya', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([6]);
    // a closing vocative with the verb of taking the offer
    expect(forms(message('Kalau kau mau kaos Budi-Dewi, aku bawa 20 lembar di meja, ambil bae sanak 💚', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([6]);
  });

  it('a vocative that asks nothing leaves the member\'s own act its form', () => {
    expect(forms(message('Baraya, wengi ieu abdi calik di tribun pendukung Budi-Dewi dina debat publik calon bupati, ramé pisan! 🔥', OFFICE, '2024-11-08T14:00:00Z'))).toEqual([8]);
  });

  it('colleagues named inside a clause (bareng kawan-kawan) are no vocative', () => {
    expect(forms(message('Wingi aku melu kampanye akbar Budi-Dewi bareng kawan-kawan, rame pol', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([2]);
  });

  it('a victory party or a pair\'s team the colleagues are asked to is the office form; the member\'s own stays "other"', () => {
    expect(forms(message('Alhamdulillah Budi-Dewi menang quick count. Nanti malam syukuran di rumah saya, teman-teman kantor datang semua ya 🎉', OFFICE, '2024-11-27T10:00:00Z'))).toEqual([6]);
    expect(forms(message('Yg mau gabung grup relawan Budi-Dewi dr guru2, sy masukin ya, tinggal bilang', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([6]);
    expect(forms(message('Aku wis ndaftar dadi relawan Budi-Dewi kecamatan wingi', OFFICE, '2024-11-12T03:00:00Z'))).toEqual(['other']);
  });

  it('a request opening the message, an offer to those who have none yet, a hortative with a gathering', () => {
    expect(forms(message('Tolong kumpuaan fotokopi KTP masiang-masiang ka meja ambo, untuak data relawan Budi-Dewi', PUSKESMAS, '2024-11-12T03:00:00Z'))).toEqual([6]);
    expect(forms(message('Sing durung duwe stiker Budi-Dewi nggo motor, aku isih duwe 30 neng laci meja, jupuken dhewe', PUSKESMAS, '2024-11-12T03:00:00Z'))).toEqual([6]);
    expect(forms(message('Bengi iki debat cabup, ayo nonton bareng neng omahku, dukung Budi-Dewi bareng-bareng', PUSKESMAS, '2024-11-08T05:00:00Z'))).toEqual([6]);
  });

  it('outside a workplace group the same words keep the act\'s form', () => {
    expect(forms(message('Bapak ibu, kaos Budi-Dewi masih ada 15 di lemari, ambil ya', { kind: 'group', name: 'Keluarga Besar Haji Naim' }, '2024-11-12T03:00:00Z'))).not.toContain(6);
  });
});

// stop 45 (t6-ajakan-politik-kantor v30, v31): a superior's instruction however it is relayed, and
// a pair's goods handed to the group, take the pair's side instead of a bare mention
const stances = (item: Item) => evaluate(pack, item, { region: '3299' }).flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance}`));

describe('a superior\'s instruction relayed to the group', () => {
  it('"pesen soko Bu Kabid" with a Javanese -no verb and "to" the number is the office form, for that pair', () => {
    const item = message('Rek, pesen soko Bu Kabid: kabeh staf bidang diarahno nang 02 yo, ojok rame-rame');
    expect(forms(item)).toEqual([6]);
    expect(stances(item)).toEqual(['pilpres-2024-02:support']);
  });

  it('"arahan ti luhur" with a verb of securing takes the pair\'s side', () => {
    expect(stances(message('Ieu mah arahan ti luhur, bapa ibu. Sadayana guru PNS diharepkeun ngiring ngamankeun nomer 2', OFFICE, '2024-11-20T03:00:00Z'))).toEqual(['pilkada-2024-3299-02:support']);
  });

  it('"to" a number without an instruction lends no side of its own ("pindah ka nomer hiji" after another pair)', () => {
    const item = message('Bu Rina masih keneh ngadukung nomer 3 😂 atuh pindah ka nomer hiji, sakantor tos kompak', OFFICE, '2024-11-20T03:00:00Z');
    expect(forms(item)).toEqual([6]);
    expect(stances(item)).not.toContain('pilkada-2024-3299-01:support');
  });
});

describe('a pair\'s campaign goods handed to the group', () => {
  it('the goods before the pair, or "from the team of" the pair, with a word of taking, support the pair', () => {
    expect(stances(message('Siapa mau kalender Budi-Dewi? Ada sedus di mobil, ambil aja di parkiran', OFFICE, '2024-11-20T03:00:00Z'))).toEqual(['pilkada-2024-3299-02:support']);
    expect(stances(message('Yang belum punya stiker, ada dari tim Budi-Dewi, gratis, ambil di meja saya', OFFICE, '2024-11-20T03:00:00Z'))).toEqual(['pilkada-2024-3299-02:support']);
  });

  it('without a word of taking the offer keeps its bare mention; a warning not to take them is no finding', () => {
    expect(stances(message('Siapa mau kalender Budi-Dewi? Ada sedus di mobil', OFFICE, '2024-11-20T03:00:00Z'))).toEqual(['pilkada-2024-3299-02:mention']);
    expect(forms(message('Pesan dari Pak Camat: kalender Budi-Dewi jangan diambil, ASN harus netral', OFFICE, '2024-11-20T03:00:00Z'))).toEqual([]);
  });
});

// stop 46 (t6-ajakan-politik-kantor v34, v35): "remember, number X" is the call "don't forget" is;
// an offer to explain one pair to the colleagues still undecided takes that pair's side
describe('a reminder of a ballot number', () => {
  it('"émut … nu nomer tilu" in a school staff group is the office form, for that pair', () => {
    const item = message('Émut nya baraya, nu nomer tilu 😉', { kind: 'group', name: 'Guru SMPN 4 Sukamaju' }, '2024-11-20T03:00:00Z');
    expect(forms(item)).toEqual([6]);
    expect(stances(item)).toEqual(['pilkada-2024-3299-03:support']);
  });

  it('a reminder of a neighbourhood meeting or of every pair\'s rights is none', () => {
    expect(forms(message('Inget ya bapak ibu, rapat RT 02 jam 8 malam di balai', OFFICE, '2024-11-20T03:00:00Z'))).toEqual([]);
    expect(forms(message('Ingat ya bapak ibu, paslon nomor 1, 2 dan 3 punya hak yang sama, kita layani semua', OFFICE, '2024-11-20T03:00:00Z'))).toEqual([]);
  });
});

describe('an offer to explain a pair to the undecided', () => {
  it('takes that pair\'s side, in krama and in Banyumasan', () => {
    expect(stances(message('Kagem Bapak Ibu ingkang dereng gadhah pilihan, mangke dalu pinarak griya kula. Kula badhe cariyos program Budi-Dewi', OFFICE, '2024-11-12T03:00:00Z'))).toEqual(['pilkada-2024-3299-02:support']);
    expect(stances(message('Sing durung mantep milih, mengko sore mampir ruangane nyong, tak jelasna program 03', OFFICE, '2024-01-20T03:00:00Z'))).toEqual(['pilpres-2024-03:support']);
  });

  it('an offer to explain every pair, or office work, is none', () => {
    expect(forms(message('Yang masih bingung, nanti saya jelaskan program paslon 1, 2 dan 3 biar adil', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([]);
    expect(forms(message('Yang belum menentukan jadwal cuti, nanti saya jelaskan aturannya di ruang rapat', OFFICE, '2024-11-12T03:00:00Z'))).toEqual([]);
  });
});
