// A chat reply that takes a side only through the message it answers (issue 11, stop 50): an amen or
// a thanksgiving opening the reply ("Aamiin, sekali putaran bu", "Alhamdulillah, …") seals the wish
// or celebrates the win of a partisan message; a yes said by echoing the question's own word ("Masih
// Rin, …" to "… masih ada?", "Mau bu, …" to "… kalian mau?") answers an ask or offer of a pair's
// goods. The finding is the replier's, leaning on the message answered; turning the wish to the
// common good, asking, forbidding, an attack or a message that takes no side borrow nothing.
// Read through the real adapters (WhatsApp Android and iOS, Telegram reply_to) as `netral scan`
// reads a chat, and through evaluate() directly for the comment-thread shape.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlindSet } from '../../src/eval/blind.js';
import type { EvalRecord } from '../../src/eval/dataset.js';
import { makeItem, type Item } from '../../src/model/item.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluate, type ThreadMessage } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { readLabelledChats, recordFindings } from './labelled-chats.js';
import { telegramGroup, telegramMessage } from './telegram-group.js';

let pack: RulePack;
let set: BlindSet;

const HEADER = 'input,locator,label,prohibition,stance,pair,clean_reason';
const ANDROID = 'Chat WhatsApp dengan Guru SDN 3 Sukamaju.txt';
const IOS = 'WhatsApp Chat - Staf TU Dinkes Sukamaju';
const TELEGRAM = 'telegram-alumni';

// every text is invented for this test
const ANDROID_CHAT = [
  '20/11/24 07.00 - Hendra: Tanggal 27 nanti nomor 2 sekali putaran ya bapak ibu ✌️',
  '20/11/24 07.02 - Sari: Aamiin, sekali putaran bu ✌️',
  '20/11/24 07.03 - Yanti: Aamiin, semoga yang terbaik buat Sukamaju 🤲',
  '20/11/24 09.00 - Hendra: Fauzi gagal total lima taun, jangan pilih lagi',
  '20/11/24 09.02 - Dodi: Aamiin 🤲',
  '20/11/24 11.00 - Kepala Sekolah: Besok nyoblos, jangan lupa bawa undangan 🙏',
  '20/11/24 11.01 - Sari: Aamiin 🙏',
  '20/11/24 13.00 - Hendra: Stiker Budi-Dewi masih ada? Aku mau satu buat motor',
  '20/11/24 13.02 - Rina: Masih Hen, ambil aja di laci mejaku 👍',
  '20/11/24 15.00 - Yanti: Stiker Budi-Dewi masih ada? Aku mau satu buat motor',
  '20/11/24 15.02 - Rina: Masih Yan, tapi jangan ditempel di motor dinas ya',
  '20/11/24 17.00 - Kepala Sekolah: Rapat koordinasi jam 9 besok masih ada?',
  '20/11/24 17.01 - Sari: Masih pak',
].join('\n');

const IOS_CHAT = [
  '[27/11/24, 16.00.00] Pak Asep: Quick count Budi-Dewi unggul 54% 🎉',
  '[27/11/24, 16.01.00] Bu Euis: Alhamdulillah 🤲',
  '[27/11/24, 17.00.00] Pak Asep: Hasil hitung cepat: Budi-Dewi 54%, Fauzi-Siti 46%',
  '[27/11/24, 17.01.00] Pak Dadang: Alhamdulillah 🙏',
  '[27/11/24, 19.00.00] Pak Asep: Budi-Dewi menang quick count! 🎉',
  '[27/11/24, 19.02.00] Bu Euis: Alhamdulillah, syukuran di rumahku nanti malam',
  '[27/11/24, 19.03.00] Pak Dadang: Alhamdulillah, yang penting damai, siapapun bupatinya',
  '[28/11/24, 08.00.00] Pak Asep: Kaos Budi-Dewi ada 2 dus di gudang, kalian mau?',
  '[28/11/24, 08.02.00] Bu Euis: Mau pak, nanti kuambil 2 ya',
  '[28/11/24, 10.00.00] Pak Asep: Kaos Budi-Dewi ada 2 dus di gudang, kalian mau?',
  '[28/11/24, 10.02.00] Pak Dadang: Mau ga ya, takut ditegur',
].join('\n');

/** a Telegram Desktop export whose answers name the message they reply to */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, minute: number, replyTo?: number) => telegramMessage(id, from, text, `2024-11-27T20:${String(minute).padStart(2, '0')}:00`, replyTo, `user${from.length}${id}`);
  return telegramGroup('Alumni Kesmas 2005', 5550001, [
    msg(1, 'Andi', 'Semoga nomor 2 Budi-Dewi menang tanggal 27, kawan-kawan 🙏', 0),
    msg(2, 'Rahmi', 'Info: posyandu tutup Sabtu ini', 1),
    // the amen answers message 1 by its reply id, with another message between
    msg(3, 'Daeng Baso', 'Aamiin ya Allah 🤲', 2, 1),
    msg(4, 'Rahmi', 'Alhamdulillah, yang penting Sukamaju aman', 3, 1),
  ]);
}

const LABELS = [
  HEADER,
  `${ANDROID},"Aamiin, sekali putaran bu ✌️",partisan,6,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Aamiin, semoga yang terbaik buat Sukamaju 🤲",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},Aamiin 🤲,clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},Aamiin 🙏,clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"Masih Hen, ambil aja di laci mejaku 👍",partisan,6,promote,pilkada-2024-3299-02,-`,
  `${ANDROID},"Masih Yan, tapi jangan ditempel di motor dinas ya",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},Masih pak,clean,-,-,-,prayer-or-everyday`,
  `${IOS},Alhamdulillah 🤲,partisan,6,support,pilkada-2024-3299-02,-`,
  `${IOS},Alhamdulillah 🙏,clean,-,-,-,prayer-or-everyday`,
  `${IOS},"Alhamdulillah, syukuran di rumahku nanti malam",partisan,6,support,pilkada-2024-3299-02,-`,
  `${IOS},"Alhamdulillah, yang penting damai, siapapun bupatinya",clean,-,-,-,prayer-or-everyday`,
  `${IOS},"Mau pak, nanti kuambil 2 ya",partisan,6,support,pilkada-2024-3299-02,-`,
  `${IOS},"Mau ga ya, takut ditegur",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},Aamiin ya Allah 🤲,partisan,6,support,pilkada-2024-3299-02,-`,
  `${TELEGRAM},"Alhamdulillah, yang penting Sukamaju aman",clean,-,-,-,prayer-or-everyday`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  set = await readLabelledChats({ android: { name: ANDROID, text: ANDROID_CHAT }, ios: { name: IOS, text: IOS_CHAT }, telegram: { name: TELEGRAM, json: telegramExport() }, labels: LABELS }, pack);
});

/** the findings of the labelled reply whose text is `text`, read with its chat as scan reads it */
function findingsOf(text: string): { record: EvalRecord; findings: Finding[] } {
  return recordFindings(set, pack, text);
}

describe('every label of the chats is read', () => {
  it('matches each label to one item of its export', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });
});

describe('an amen or a thanksgiving takes the side of the message it answers', () => {
  it('WhatsApp Android: "Aamiin, sekali putaran" after a call for pair 2 is the replier\'s finding, leaning on that call', () => {
    const { record, findings } = findingsOf('Aamiin, sekali putaran bu ✌️');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      // the replier's own item, never the caller's
      expect(f.itemId).toBe(record.item.id);
      expect(f.candidates.map((c) => c.pair)).toContain('pilkada-2024-3299-02');
      // its words: the amen in the reply, the call in field 'thread'
      expect(f.spans.some((s) => s.field === 'text' && s.text === 'Aamiin')).toBe(true);
      expect(f.explanation.en).toContain('The reply takes its side');
      expect(f.explanation.en).toContain('Hendra');
    }
  });

  it('WhatsApp iOS: a thanksgiving after a pair\'s win told is the replier\'s; one that says "what matters is peace, whoever wins" is not', () => {
    const { record, findings } = findingsOf('Alhamdulillah, syukuran di rumahku nanti malam');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.itemId === record.item.id && f.explanation.en.includes('Pak Asep'))).toBe(true);
    expect(findingsOf('Alhamdulillah, yang penting damai, siapapun bupatinya').findings).toEqual([]);
  });

  it('WhatsApp iOS: thanks for a pair\'s lead told as news takes its side; thanks after a tally of every pair does not', () => {
    const { record, findings } = findingsOf('Alhamdulillah 🤲');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.itemId === record.item.id && f.candidates.some((c) => c.pair === 'pilkada-2024-3299-02' && c.stance === 'support'))).toBe(true);
    expect(findingsOf('Alhamdulillah 🙏').findings).toEqual([]);
  });

  it('Telegram: the amen answers the wish it replies to (reply_to), past another message', () => {
    const { record, findings } = findingsOf('Aamiin ya Allah 🤲');
    expect(record.thread?.[0]?.via).toBe('reply');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.explanation.en.includes('Andi') && f.candidates.some((c) => c.pair === 'pilkada-2024-3299-02'))).toBe(true);
    expect(findingsOf('Alhamdulillah, yang penting Sukamaju aman').findings).toEqual([]);
  });

  it('a wish turned to the common good, an amen to an attack or to a duty notice borrow nothing', () => {
    expect(findingsOf('Aamiin, semoga yang terbaik buat Sukamaju 🤲').findings).toEqual([]);
    // the amen after the attack (Dodi) and the one after the notice (Sari)
    expect(findingsOf('Aamiin 🤲').findings).toEqual([]);
    expect(findingsOf('Aamiin 🙏').findings).toEqual([]);
  });
});

describe('a yes said by echoing the question answers an ask or offer of a pair\'s goods', () => {
  it('"Masih Hen, ambil aja di laci mejaku" to "Stiker Budi-Dewi masih ada?" is the holder\'s finding, not the asker\'s', () => {
    const { record, findings } = findingsOf('Masih Hen, ambil aja di laci mejaku 👍');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.itemId).toBe(record.item.id);
      expect(f.spans.some((s) => s.field === 'text' && s.text === 'Masih')).toBe(true);
      expect(f.explanation.en).toContain('Hendra');
    }
  });

  it('"Mau pak, nanti kuambil 2" to a shirt offer takes it up; "Mau ga ya" asks and does not', () => {
    expect(findingsOf('Mau pak, nanti kuambil 2 ya').findings.length).toBeGreaterThan(0);
    expect(findingsOf('Mau ga ya, takut ditegur').findings).toEqual([]);
  });

  it('an echo that forbids, or answers a question about a work meeting, borrows nothing', () => {
    expect(findingsOf('Masih Yan, tapi jangan ditempel di motor dinas ya').findings).toEqual([]);
    expect(findingsOf('Masih pak').findings).toEqual([]);
  });
});

describe('the comment-thread shape (a reply naming the comment it answers)', () => {
  let minute = 0;
  const comment = (text: string, who: string): Item =>
    makeItem({ platform: 'facebook', kind: 'comment', text, time: new Date(Date.parse('2024-11-20T12:00:00Z') + minute++ * 60_000).toISOString(), actor: { name: who }, source: { captureId: 'test', path: 'comments.json', pointer: `/comments/${minute}` } });
  const answer = (reply: Item, answered: Item) => evaluate(pack, reply, { region: '3299', thread: [{ item: answered, via: 'reply' } satisfies ThreadMessage] });

  it('an amen under a comment backing a pair takes its side; under a neutral wish it does not', () => {
    const call = comment('Semoga nomor 2 Budi-Dewi menang tanggal 27, amanahkan ke yang muda 🙏', 'Hendra');
    expect(evaluate(pack, call, { region: '3299' }).length).toBeGreaterThan(0);
    expect(answer(comment('Aamiin 🤲', 'Sari'), call).length).toBeGreaterThan(0);
    const neutral = comment('Semoga pilkada Sukamaju lancar dan damai 🙏', 'Hendra');
    expect(answer(comment('Aamiin 🤲', 'Sari'), neutral)).toEqual([]);
  });
});
