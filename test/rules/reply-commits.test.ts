// What a reply does with the message it answers (issue 11, stop 53): it is read as that message's
// act only when it commits its writer to THAT act — going along to the rally or the gathering with
// a candidate the message invites to, taking the shirt it offers — never when it declines, answers
// another member's excuse, goes along to an event no pair holds, promises a thing the question
// brought in, or defends the writer after a reproach.
// Read through the real adapters (WhatsApp Android, Telegram with reply_to) as `netral scan`
// reads a chat. Every text is invented for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlindSet } from '../../src/eval/blind.js';
import type { EvalRecord } from '../../src/eval/dataset.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { expectLeansOn, readLabelledChats, recordFindings } from './labelled-chats.js';
import { telegramGroup, telegramMessage } from './telegram-group.js';

let pack: RulePack;
let set: BlindSet;

const HEADER = 'input,locator,label,prohibition,stance,pair,clean_reason';
const ANDROID = 'Chat WhatsApp dengan Warga RT 07 Perum Sukamaju Indah.txt';
const TELEGRAM = 'telegram-arisan-dan-pengajian';

const ANDROID_CHAT = [
  // another member's excuse stands between the invitation and the reply that goes along
  '10/11/24 19.00 - Joko: Kampanye akbar Budi-Dewi di stadion Minggu jam 1, siapa mau ikut?',
  '10/11/24 19.04 - Rina: Aku ga bisa, kerja shift',
  '10/11/24 19.08 - Darto: Aku ikut Jok, bawa motor sendiri',
  // the same shape, a PKK walk: no pair's event
  '11/11/24 08.00 - Joko: Jalan sehat PKK Minggu pagi di lapangan, siapa mau ikut?',
  '11/11/24 08.03 - Rina: Aku ga bisa, jaga anak',
  '11/11/24 08.06 - Darto: Aku ikut Jok',
  // the invitation declined
  '12/11/24 19.00 - Joko: Kampanye akbar Budi-Dewi di stadion Minggu jam 1, siapa mau ikut?',
  '12/11/24 19.05 - Darto: Aku ga ikut Jok, ASN kudu netral',
  // a gathering with the candidate named, answered by a bare verb of going along
  '13/11/24 19.00 - Joko: Kamis malam Pak Budi silaturahmi karo warga nang balai RW, melu ora?',
  '13/11/24 19.06 - Darto: Melu Jok, tak gowo kopi sisan',
  // the same gathering with the RT's own head: no candidate
  '14/11/24 19.00 - Joko: Kamis malam Pak RT silaturahmi karo warga nang balai RW, melu ora?',
  '14/11/24 19.06 - Darto: Melu Jok, tak gowo kopi sisan 😁',
  // a defence after a reproach, right after the writer's own partisan message
  '15/11/24 07.46 - Maria: Anggaran ada pak, pokoknya Yusuf-Ratna paling peduli pendidikan',
  '15/11/24 08.10 - Doni: Bu Maria guru kan? kok kampanye',
  '15/11/24 08.16 - Maria: Saya cuma berpendapat pak, sebagai warga',
].join('\n');

/** a Telegram Desktop export whose answers name the message they reply to (Pilpres 2024 campaign) */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, day: number, minute: number, replyTo?: number) => telegramMessage(id, from, text, `2024-01-${String(day).padStart(2, '0')}T19:${String(minute).padStart(2, '0')}:00`, replyTo);
  return telegramGroup('Arisan dan Pengajian Plaju', 5550053, [
    // Minang: a shirt offered, two taken ("ambiak duo")
    msg(1, 'Uda Fadil', 'Kaos AMIN ado 20 di rumah ambo. Sia nio?', 8, 0),
    msg(2, 'Ustadz Amri', 'Ambo ambiak duo Da', 8, 5, 1),
    // Palembang: "who's coming along?" answered "I'm coming along" ("aku melok"), and "I'm not"
    msg(3, 'Mbak Rina', 'Minggu ado kampanye AMIN di Benteng Kuto Besak, ado yang nak melok?', 9, 0),
    msg(4, 'Ocha', 'Aku melok Mbak, jemput aku di simpang jam 7 yo', 9, 5, 3),
    msg(5, 'Cek Yanti', 'Aku dak melok Mbak, jago cucu', 9, 8, 3),
    // the writer's own partisan message, a question about a photo of it, a photo promised
    msg(6, 'Ustadz Amri', 'Alhamdulillah rami bana tadi, Pak Anies bicaro soal keadilan, tasantuang hati ambo. Ayo pilih AMIN', 10, 0),
    msg(7, 'Etek Nur', 'Masya Allah ustadz, fotonyo ado?', 10, 4),
    msg(8, 'Ustadz Amri', 'Ado tek, bisuak ambo kirim yo', 10, 8),
  ]);
}

const LABELS = [
  HEADER,
  `${ANDROID},"Aku ikut Jok, bawa motor sendiri",partisan,2,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Aku ikut Jok",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"Aku ga ikut Jok, ASN kudu netral",clean,-,-,-,socialisation`,
  `${ANDROID},"Melu Jok, tak gowo kopi sisan",partisan,2,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Melu Jok, tak gowo kopi sisan 😁",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"Saya cuma berpendapat pak, sebagai warga",clean,-,-,-,unclear`,
  `${TELEGRAM},"Ambo ambiak duo Da",partisan,4,support,pilpres-2024-01,-`,
  `${TELEGRAM},"Aku melok Mbak, jemput aku di simpang jam 7 yo",partisan,2,support,pilpres-2024-01,-`,
  `${TELEGRAM},"Aku dak melok Mbak, jago cucu",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},"Ado tek, bisuak ambo kirim yo",clean,-,-,-,prayer-or-everyday`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  set = await readLabelledChats(
    {
      android: { name: ANDROID, text: ANDROID_CHAT },
      telegram: { name: TELEGRAM, json: telegramExport() },
      labels: LABELS,
    },
    pack,
  );
});

/** the findings of the labelled reply whose text is `text`, read with its chat as scan reads it */
function findingsOf(text: string): { record: EvalRecord; findings: Finding[] } {
  return recordFindings(set, pack, text);
}

/** the reply's own finding of `prohibition`, naming `pair` and the message it leaned on by its sender */
function expectCommitted(text: string, pair: string, sender: string, prohibition: Finding['prohibition']): void {
  expect(expectLeansOn(set, pack, text, pair, sender).map((f) => f.prohibition)).toContain(prohibition);
}

describe('every label of the chats is read', () => {
  it('matches each label to one item of its export', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });

  it('the replies alone take no side: whatever they carry comes from the message they answer', () => {
    for (const r of set.records) if (r.item.text !== 'Saya cuma berpendapat pak, sebagai warga') expect(evaluate(pack, r.item, { region: '3299' })).toEqual([]);
  });
});

describe('a reply that commits its writer to the act of the message it answers is that act', () => {
  it('WhatsApp Android: going along to a pair\'s rally past another member\'s excuse', () => {
    expectCommitted('Aku ikut Jok, bawa motor sendiri', 'pilkada-2024-3299-02', 'Joko', 2);
  });

  it('WhatsApp Android: a bare "melu" to a gathering the candidate holds', () => {
    expectCommitted('Melu Jok, tak gowo kopi sisan', 'pilkada-2024-3299-02', 'Joko', 2);
  });

  it('Telegram: Palembang "aku melok" answers "ado yang nak melok?" about a pair\'s rally (reply_to)', () => {
    const { record } = findingsOf('Aku melok Mbak, jemput aku di simpang jam 7 yo');
    expect(record.thread?.[0]?.via).toBe('reply');
    expectCommitted('Aku melok Mbak, jemput aku di simpang jam 7 yo', 'pilpres-2024-01', 'Mbak Rina', 2);
  });

  it('Telegram: Minang "ambiak duo" takes two of the pair\'s shirts offered (reply_to)', () => {
    expectCommitted('Ambo ambiak duo Da', 'pilpres-2024-01', 'Uda Fadil', 4);
  });
});

describe('a reply that does not commit its writer to that act borrows nothing', () => {
  it('WhatsApp Android: going along to a PKK walk past an excuse (no pair\'s event)', () => {
    expect(findingsOf('Aku ikut Jok').findings).toEqual([]);
  });

  it('WhatsApp Android: the invitation declined', () => {
    expect(findingsOf('Aku ga ikut Jok, ASN kudu netral').findings).toEqual([]);
  });

  it('WhatsApp Android: a gathering of the RT\'s own head, no candidate', () => {
    expect(findingsOf('Melu Jok, tak gowo kopi sisan 😁').findings).toEqual([]);
  });

  it('WhatsApp Android: a defence after a reproach does not carry the writer\'s own act on', () => {
    expect(findingsOf('Saya cuma berpendapat pak, sebagai warga').findings).toEqual([]);
  });

  it('Telegram: Palembang "aku dak melok" declines', () => {
    expect(findingsOf('Aku dak melok Mbak, jago cucu').findings).toEqual([]);
  });

  it('Telegram: a photo promised after a question about it is not the writer\'s act carried on', () => {
    expect(findingsOf('Ado tek, bisuak ambo kirim yo').findings).toEqual([]);
  });
});
