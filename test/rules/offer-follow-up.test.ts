// The offerer carries the exchange on (RUBRIC, replies; prohibition 6): a member offers the group a
// pair's goods, recruits for a pair or invites to a pair's event, a colleague takes it up, and the
// one who offered answers with the arrangements. That answer is the offer's second half.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { evaluate, type ThreadMessage } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const OFFICE = { kind: 'group' as const, name: 'Staf Puskesmas Sukamaju' };
let minute = 0;
function message(text: string, who: string): Item {
  return makeItem({ platform: 'whatsapp', kind: 'message', text, time: new Date(Date.parse('2024-10-05T12:00:00Z') + minute++ * 60_000).toISOString(), actor: { name: who }, context: OFFICE, source: { captureId: 'test', path: 'chat.txt', pointer: `line:${minute}` } });
}
/** the chat in order (oldest first); the last message is evaluated with the others before it, the one it answers marked 'reply' */
function last(chat: [string, string][]) {
  const items = chat.map(([who, text]) => message(text, who));
  const reply = items.pop()!;
  const thread: ThreadMessage[] = items.reverse().map((item, i) => ({ item, via: i === 0 ? 'reply' : 'window' }));
  return evaluate(pack, reply, { region: '3299', thread });
}

const RECRUIT = 'Rekan2, yg mau gabung relawan Budi-Dewi tenaga kesehatan, daftar lewat saya. Nanti dapet kaos & ID card 👍';
const NOBAR = 'Rekan2 yg mau nonton debat cabup malam ini, ada nobar di posko Budi-Dewi, ada makan gratis 😄 Yuk!';

describe('the offerer carries an offer on', () => {
  it('registering or meeting the colleague who took the offer up is the offer, 6, with its pair', () => {
    for (const [offer, taker, follow] of [
      [RECRUIT, 'Aku ikut Mas Dimas, ukuran M ya 😄', 'Siap Rini, aku daftarin 👍'],
      [NOBAR, 'Aku ikut Mas 🙋‍♀️ jam berapa?', 'Jam 7 bu, ketemu di depan pasar ya'],
    ] as const) {
      const found = last([['Dimas', offer], ['Rini', taker], ['Dimas', follow]]);
      expect(found.map((f) => f.prohibition), follow).toContain(6);
      expect(found.flatMap((f) => f.candidates.map((c) => c.pair)), follow).toContain('pilkada-2024-3299-02');
    }
  });

  it('an explicit reply (Telegram) finds the offer among the chat\'s earlier messages, within half an hour of the taker', () => {
    const [offer, taker, follow] = [message(RECRUIT, 'Dimas'), message('Aku ikut Mas Dimas, ukuran M ya 😄', 'Rini'), message('Siap Rini, aku daftarin 👍', 'Dimas')];
    const found = evaluate(pack, follow, { region: '3299', thread: [{ item: taker, via: 'reply' }, { item: offer, via: 'chat' }] });
    expect(found.map((f) => f.prohibition)).toContain(6);
    const old: Item = { ...offer, time: new Date(Date.parse(taker.time ?? '') - 3 * 3600_000).toISOString() };
    expect(evaluate(pack, follow, { region: '3299', thread: [{ item: taker, via: 'reply' }, { item: old, via: 'chat' }] })).toEqual([]);
  });

  it('a request for a share in the regional verbs of asking takes the offer up; the offerer handing it over carries it on', () => {
    const found = last([
      ['Asep', 'Baraya kantor, nu hoyong stiker Budi-Dewi kanggo motor, abdi gaduh sakardus di laci 😁 gratis'],
      ['Ujang', 'abdi nyuhunkeun 2 kang, kanggo motor sareng mobil'],
      ['Asep', 'Sok kang candak wae. Abdi mah tos dipasang di Supra'],
    ]);
    expect(found.map((f) => f.prohibition)).toContain(6);
  });

  it('a courtesy to the colleague who took the offer up carries nothing on: thanks, ok, noted, greetings, emoji, "baik pak"', () => {
    for (const courtesy of [
      'Baik pak, terima kasih 🙏',
      'Oke Rini, makasih ya 😄',
      'Nggih, matur nuwun mbak Rini',
      'Sama-sama Rini, santai aja',
      'Noted mbak, siap 👍',
      'Assalamualaikum, selamat pagi semua',
      'wkwkwk oke mbak Rini 😂',
      '🙏🙏🙏',
    ]) {
      expect(last([['Dimas', RECRUIT], ['Rini', 'Aku ikut Mas Dimas, ukuran M ya 😄'], ['Dimas', courtesy]]), courtesy).toEqual([]);
    }
  });

  it('a thank-you after a colleague agreed with the sender\'s own call to vote is no second finding (test/cli/attribution.test.ts)', () => {
    const call = 'Bapak ibu guru, tanggal 27 kita kompak pilih nomor 2 ya, Budi–Dewi sudah janji tunjangan guru naik 👍';
    const agree = 'Setuju bu Rina Marlina, tanggal 27 kita kompak pilih nomor 2 ya, Budi–Dewi sudah janji sertifikasi guru cair 👍';
    expect(last([['Rina Marlina', call], ['Dedi Kurniawan', agree], ['Rina Marlina', 'Baik pak, terima kasih 🙏']])).toEqual([]);
    // the same sender going on with the arrangements is the call's second half, and hers alone
    const found = last([['Rina Marlina', call], ['Dedi Kurniawan', agree], ['Rina Marlina', 'Siap pak, brosurnya saya bagikan besok di ruang guru']]);
    expect(found.map((f) => f.prohibition)).toContain(6);
  });

  it('the carried-on finding is the replier\'s alone: its item, its own words, the offer it leans on is the replier\'s own, the taker is not named', () => {
    const items = [message(RECRUIT, 'Dimas'), message('Aku ikut Mas Dimas, ukuran M ya 😄', 'Rini'), message('Siap Rini, aku daftarin 👍', 'Dimas')];
    const reply = items[2]!;
    const found = evaluate(pack, reply, { region: '3299', thread: [{ item: items[1]!, via: 'reply' }, { item: items[0]!, via: 'window' }] });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.itemId).toBe(reply.id);
      // the reply's own spans point into its own text; the others are the offer's words, field 'thread'
      for (const sp of f.spans) {
        if (sp.field === 'text') expect(reply.text!.slice(sp.start, sp.end)).toBe(sp.text);
        if (sp.field === 'thread') expect(RECRUIT).toContain(sp.text);
      }
      expect(f.spans.some((sp) => sp.field === 'thread' && 'Aku ikut Mas Dimas, ukuran M ya 😄'.includes(sp.text) && !RECRUIT.includes(sp.text))).toBe(false);
      expect(f.explanation.id).toContain('Dimas');
      expect(f.explanation.id).not.toContain('Rini,');
    }
  });

  it('a colleague\'s plain yes with words of its own takes the offer up (lexicon jawaban-ya); a yes with thanks only does not', () => {
    const follow = 'Oke, nanti aku kabari lagi jadwalnya';
    expect(last([['Dimas', RECRUIT], ['Rini', 'Iya mas Dimas, catat namaku ya'], ['Dimas', follow]]).map((f) => f.prohibition)).toContain(6);
    expect(last([['Dimas', RECRUIT], ['Rini', 'Iya, makasih infonya mas'], ['Dimas', follow]])).toEqual([]);
    expect(last([['Dimas', RECRUIT], ['Rini', 'Iya mas, makasih banyak ya'], ['Dimas', follow]])).toEqual([]);
  });

  it('not after a colleague who declined, not a bare thanks, not from someone else, not after a work notice', () => {
    expect(last([['Dimas', RECRUIT], ['Yoga', 'Maaf, saya pass. Netral aja 🙏'], ['Dimas', 'Oke gpp Yoga, santai aja']])).toEqual([]);
    expect(last([['Dimas', RECRUIT], ['Rini', 'Aku ikut Mas Dimas'], ['Dimas', 'Oke 👍']])).toEqual([]);
    expect(last([['Dimas', RECRUIT], ['Rini', 'Aku ikut Mas Dimas'], ['Sari', 'Jam 7 bu, ketemu di depan pasar ya']])).toEqual([]);
    expect(last([['Dimas', 'Rekan2, posyandu lansia Rabu dipindah ke RW 04, yg mau bantu daftar lewat saya'], ['Rini', 'Aku ikut Mas'], ['Dimas', 'Siap Rini, aku daftarin 👍']])).toEqual([]);
  });
});
