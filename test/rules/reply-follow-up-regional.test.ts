// Replies that take a side only with the message they answer (issue 11, stop 51): the sender's own
// follow-up that carries their partisan act on past a colleague's question or warning ("Siji bae
// cukup mbak, sekalian KK ne" after "Fotokopi KTPnya 1 lembar aja mas?"), and the regional first
// persons and yeses of a reply that accepts or carries out the message it answers ("Siap bu, nahu
// bawa istri dan anak2", "kamek pun nak coblos die", "Enggi Ke, engkok kumpulagi KTP"). The finding
// is the replier's, naming the message it leaned on; a retraction, a courtesy, a question, a decline,
// an exchange about something else and a message that takes no side borrow nothing.
// Read through the real adapters (WhatsApp Android and iOS, Telegram reply_to) as `netral scan`
// reads a chat.
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
const ANDROID = 'Chat WhatsApp dengan Staf Umum Bappeda.txt';
const IOS = 'WhatsApp Chat - Nakes Puskesmas Sape';
const TELEGRAM = 'telegram-linmas-regu1';

// every text is invented for this test
const ANDROID_CHAT = [
  '21/10/24 09.00 - Wahyu: Bapak ibu, fotokopi KTP tulung dikumpulna ning aku paling lambat Jumat, kanggo data relawan Budi-Dewi',
  '21/10/24 09.05 - Tutik: Fotokopi KTPnya 1 lembar aja mas?',
  '21/10/24 09.07 - Wahyu: Siji bae cukup mbak, sekalian KK ne',
  '22/10/24 10.00 - Ros: Udah kutempel stiker Budi-Dewi di motorku, biar nampak dari jauh 😁',
  '22/10/24 10.03 - Hendra: Hati-hati bu, nanti difoto Bawaslu',
  '22/10/24 10.05 - Ros: Biarlah pak, itu motor pribadi, tetap kupasang',
  '23/10/24 10.00 - Dodi: Udah kutempel stiker Budi-Dewi di motorku 😁',
  '23/10/24 10.03 - Hendra: Hati-hati pak, nanti difoto Bawaslu',
  '23/10/24 10.05 - Dodi: Iya pak, stikernya udah kucopot',
  '24/10/24 08.00 - Rina: Aku sudah pasang stiker Budi-Dewi di helm 😁',
  '24/10/24 08.10 - Kepala Bidang: Bu Rina, rapat evaluasi jam 2 ya',
  '24/10/24 08.12 - Rina: Baik pak, saya siapkan bahan presentasinya',
  '25/10/24 07.00 - Kepala Bidang: Besok apel jam 7, pakai seragam lengkap',
  '25/10/24 07.02 - Rina: Seragam yang mana pak?',
  '25/10/24 07.03 - Kepala Bidang: Seragam coklat bu, jangan telat',
  '26/10/24 10.00 - Ros: Stiker Budi-Dewi sudah kutempel di kaca mobilku juga 😁',
  '26/10/24 10.03 - Hendra: Itu mobil dinas bu? Nanti ditegur',
  '26/10/24 10.05 - Ros: Mobil pribadi pak, bukan mobil dinas, aman',
  '27/10/24 10.00 - Dodi: Aku sudah pasang stiker Budi-Dewi di helm 😁',
  '27/10/24 10.02 - Kepala Bidang: Ingat ya, ASN wajib netral',
  '27/10/24 10.03 - Dodi: Wkwkwk siap pak 😂',
].join('\n');

const IOS_CHAT = [
  '[20/10/24, 14.30.00] Bu Nurhayati: Hari Minggu ada jalan sehat bareng relawan Budi-Dewi di alun-alun, ajak keluarga ya 🙏',
  '[20/10/24, 14.41.00] Rahman: Siap bu, nahu bawa istri dan anak2',
  '[20/10/24, 14.42.00] Dina: Siap bu, nahu tidak bisa, jaga IGD',
  '[20/10/24, 14.43.00] Yusuf: Siap bu, nahu bawa apa?',
  '[21/10/24, 13.10.00] Rahman: Nahu su ganti foto profil pake twibbon Budi-Dewi 😎',
  '[21/10/24, 13.15.00] Dina: Keren bang, nahu juga mau',
  '[22/10/24, 14.01.00] Fitriani: Tadi kamek foto same Bu Dewi pas kampanye di pasar, angkat dua jari ✌️',
  '[22/10/24, 14.05.00] Dayang: Cantik fotonye, kamek pun nak coblos die',
  '[23/10/24, 13.00.00] Ke Sahar: Laila, tolong kumpulkan KTP guru untuk tim Budi-Dewi ya',
  '[23/10/24, 13.08.00] Laila: Enggi Ke, engkok kumpulagi KTP kanca2 guru',
  '[24/10/24, 09.00.00] Ke Sahar: Besok posyandu buka jam 8, bawa buku KIA',
  '[24/10/24, 09.05.00] Laila: Enggi Ke, engkok bawa buku KIA',
  '[25/10/24, 09.00.00] Ke Sahar: Rilis KPU: nomor urut 1 Fauzi-Siti, nomor urut 2 Budi-Dewi',
  '[25/10/24, 09.05.00] Laila: Enggi Ke, engkok catet',
  '[26/10/24, 13.00.00] Mang Odin: Ayeuna tos aya grup WA relawan Budi-Dewi sakecamatan, bade dilebetkeun?',
  '[26/10/24, 13.04.00] Euis: Mangga Mang, lebetkeun abdi 🙏',
  '[27/10/24, 08.00.00] Mang Odin: Grup WA kader posyandu nu anyar tos aya, bade dilebetkeun?',
  '[27/10/24, 08.03.00] Euis: Mangga Mang, lebetkeun abdi nya',
].join('\n');

/** a Telegram Desktop export whose answers name the message they reply to */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, minute: number, replyTo?: number) => telegramMessage(id, from, text, `2024-11-06T19:${String(minute).padStart(2, '0')}:00`, replyTo);
  return telegramGroup('Linmas Regu 1', 5550002, [
    msg(1, 'Bayu', 'Stiker Budi-Dewi buat helm ada 20 di posko, siapa mau ambil?', 0),
    msg(2, 'Agus', 'Bay, stikernya ada yang ukuran kecil?', 4, 1),
    // the offerer answers the colleague's question by its reply id
    msg(3, 'Bayu', 'Ada Gus, yang kecil nanti gue taruh di motor lo', 6, 2),
    msg(4, 'Agus', 'Bay, stiker itu jangan dibagi di kantor ya', 10, 1),
    msg(5, 'Bayu', 'Oke Gus, maaf, nanti kuhapus postingannya', 12, 4),
  ]);
}

const LABELS = [
  HEADER,
  `${ANDROID},"Siji bae cukup mbak, sekalian KK ne",partisan,6,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Biarlah pak, itu motor pribadi, tetap kupasang",partisan,7,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Iya pak, stikernya udah kucopot",clean,-,-,-,neutral-discussion`,
  `${ANDROID},"Baik pak, saya siapkan bahan presentasinya",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"Seragam coklat bu, jangan telat",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"Mobil pribadi pak, bukan mobil dinas, aman",clean,-,-,-,neutral-discussion`,
  `${ANDROID},Wkwkwk siap pak 😂,clean,-,-,-,neutral-discussion`,
  `${IOS},"Siap bu, nahu bawa istri dan anak2",partisan,2,support,pilkada-2024-3299-02,-`,
  `${IOS},"Siap bu, nahu tidak bisa, jaga IGD",clean,-,-,-,neutral-discussion`,
  `${IOS},"Siap bu, nahu bawa apa?",clean,-,-,-,neutral-discussion`,
  `${IOS},"Keren bang, nahu juga mau",partisan,6,support,pilkada-2024-3299-02,-`,
  `${IOS},"Cantik fotonye, kamek pun nak coblos die",partisan,6,support,pilkada-2024-3299-02,-`,
  `${IOS},"Enggi Ke, engkok kumpulagi KTP kanca2 guru",partisan,other,support,pilkada-2024-3299-02,-`,
  `${IOS},"Enggi Ke, engkok bawa buku KIA",clean,-,-,-,prayer-or-everyday`,
  `${IOS},"Enggi Ke, engkok catet",clean,-,-,-,news`,
  `${IOS},"Mangga Mang, lebetkeun abdi 🙏",partisan,other,support,pilkada-2024-3299-02,-`,
  `${IOS},"Mangga Mang, lebetkeun abdi nya",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},"Ada Gus, yang kecil nanti gue taruh di motor lo",partisan,6,support,pilkada-2024-3299-02,-`,
  `${TELEGRAM},"Oke Gus, maaf, nanti kuhapus postingannya",clean,-,-,-,neutral-discussion`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  set = await readLabelledChats(
    {
      android: { name: ANDROID, text: ANDROID_CHAT },
      ios: { name: IOS, text: IOS_CHAT },
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

/** the reply's own finding, naming the pair and the message it leaned on by its sender */
function expectLeaning(text: string, sender: string): void {
  expectLeansOn(set, pack, text, 'pilkada-2024-3299-02', sender);
}

describe('every label of the chats is read', () => {
  it('matches each label to one item of its export', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });

  it('the acts the follow-ups lean on take a side on their own, the notices do not', () => {
    const alone = (text: string) => evaluate(pack, set.records[0]!.item.text === text ? set.records[0]!.item : { ...set.records[0]!.item, text }, { region: '3299' });
    expect(alone('Bapak ibu, fotokopi KTP tulung dikumpulna ning aku paling lambat Jumat, kanggo data relawan Budi-Dewi').length).toBeGreaterThan(0);
    expect(alone('Besok apel jam 7, pakai seragam lengkap')).toEqual([]);
  });
});

describe("the sender's own follow-up carries the partisan act on", () => {
  it('WhatsApp Android: the collector answers the question about the KTP copies (the finding leans on her own collection)', () => {
    expectLeaning('Siji bae cukup mbak, sekalian KK ne', 'Wahyu');
  });

  it('WhatsApp Android: the sticker kept on after a warning is hers; the one taken off after it is not', () => {
    expectLeaning('Biarlah pak, itu motor pribadi, tetap kupasang', 'Ros');
    expect(findingsOf('Iya pak, stikernya udah kucopot').findings).toEqual([]);
  });

  it('WhatsApp Android: a defence after a warning ("private car, not the office\'s") does not do the act again', () => {
    expect(findingsOf('Mobil pribadi pak, bukan mobil dinas, aman').findings).toEqual([]);
  });

  it('WhatsApp Android: laughter after a neutrality reminder to an own sticker post carries nothing on', () => {
    expect(findingsOf('Wkwkwk siap pak 😂').findings).toEqual([]);
  });

  it('WhatsApp Android: a work answer after an own sticker post, and a duty notice answered, borrow nothing', () => {
    expect(findingsOf('Baik pak, saya siapkan bahan presentasinya').findings).toEqual([]);
    expect(findingsOf('Seragam coklat bu, jangan telat').findings).toEqual([]);
  });

  it('Telegram: the offerer answers a question about the stickers (reply_to); an apology after a warning borrows nothing', () => {
    const { record } = findingsOf('Ada Gus, yang kecil nanti gue taruh di motor lo');
    expect(record.thread?.[0]?.via).toBe('reply');
    expectLeaning('Ada Gus, yang kecil nanti gue taruh di motor lo', 'Bayu');
    expect(findingsOf('Oke Gus, maaf, nanti kuhapus postingannya').findings).toEqual([]);
  });
});

describe('regional first persons and yeses accept or carry out the message answered', () => {
  it('WhatsApp iOS: "Siap bu, nahu bawa istri" (Bima "I") carries out an invitation to a pair\'s event; a decline and a question do not', () => {
    expectLeaning('Siap bu, nahu bawa istri dan anak2', 'Bu Nurhayati');
    expect(findingsOf('Siap bu, nahu tidak bisa, jaga IGD').findings).toEqual([]);
    expect(findingsOf('Siap bu, nahu bawa apa?').findings).toEqual([]);
  });

  it('WhatsApp iOS: "nahu juga" and Pontianak "kamek pun" say "me too" to a partisan message', () => {
    expectLeaning('Keren bang, nahu juga mau', 'Rahman');
    expectLeaning('Cantik fotonye, kamek pun nak coblos die', 'Fitriani');
  });

  it('WhatsApp iOS: Madurese "Enggi …, engkok …" takes up a KTP collection for a pair\'s team; the same yes to a posyandu notice borrows nothing', () => {
    expectLeaning('Enggi Ke, engkok kumpulagi KTP kanca2 guru', 'Ke Sahar');
    expect(findingsOf('Enggi Ke, engkok bawa buku KIA').findings).toEqual([]);
    // the ballot numbers told as news take no side: the yes to them borrows none
    expect(findingsOf('Enggi Ke, engkok catet').findings).toEqual([]);
  });

  it('WhatsApp iOS: "Mangga Mang, lebetkeun abdi" (put me in) joins a pair\'s volunteer group; the same words to a posyandu group borrow nothing', () => {
    expectLeaning('Mangga Mang, lebetkeun abdi 🙏', 'Mang Odin');
    expect(findingsOf('Mangga Mang, lebetkeun abdi nya').findings).toEqual([]);
  });
});
