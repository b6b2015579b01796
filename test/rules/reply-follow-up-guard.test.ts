// The guard on the sender's own follow-up (issue 11, stop 52): a member's answer carries their own
// partisan act on only when it is about the SAME object. A colleague's joke about a football club's
// sticker answered with that club's sticker, a question about the office futsal team's shirts, a
// work item, or an answer after the talk turned to something else borrow nothing from the member's
// campaign sticker, shirts or KTP collection before it; the same exchanges about the act's own
// object do, and the finding is the replier's, naming the message it leaned on.
// Read through the real adapters (WhatsApp Android and iOS, Telegram reply_to) as `netral scan`
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
const ANDROID = 'Chat WhatsApp dengan Sekretariat Dinas Kominfo.txt';
const IOS = 'WhatsApp Chat - Guru SMPN 4 Sukamaju';
const TELEGRAM = 'telegram-posko-linmas';

const ANDROID_CHAT = [
  // the same object: the club-sticker exchange's twin, about the campaign stickers themselves
  '04/11/24 09.00 - Ros: Stiker Budi-Dewi ada sekardus di mejaku, yang mau pasang di motor ambil aja ya, gratis',
  '04/11/24 09.04 - Hendra: Bu, stikernya ada yang kecil?',
  '04/11/24 09.06 - Ros: Ada pak, yang kecil besok kubawa 5',
  // another object: a football club's sticker
  '05/11/24 09.00 - Ros: Stiker Budi-Dewi ada sekardus di mejaku, yang mau pasang di motor ambil aja ya, gratis',
  '05/11/24 09.04 - Hendra: Bu, aku stiker klub Persiraja aja 😂',
  '05/11/24 09.06 - Ros: Wkwk stiker Persiraja aku juga punya, besok kubawa',
  // the same, written all in lower case: the club's name right after the act's own word
  '06/11/24 09.00 - Ros: Stiker Budi-Dewi ada sekardus di mejaku, yang mau pasang di motor ambil aja ya, gratis',
  '06/11/24 09.04 - Hendra: bu aku stiker persiraja aja 😂',
  '06/11/24 09.06 - Ros: wkwk stiker persiraja aku punya, besok kubawa',
  // another object: the office futsal team's shirts
  '07/11/24 09.00 - Ros: Kaos Budi-Dewi sudah kubagikan ke staf bidang, masih sisa 10 di mejaku',
  '07/11/24 09.04 - Hendra: Bu, kaos tim futsal kantor kapan jadi?',
  '07/11/24 09.06 - Ros: Minggu depan pak, nanti kuambil di konveksi',
].join('\n');

const IOS_CHAT = [
  // the colleague's excuse names another event; the answer comes back to the act's own event
  '[10/11/24, 08.00.00] Pak Darto: Minggu pagi ada jalan sehat bareng relawan Budi-Dewi di alun-alun, semua guru wajib datang ya, nanti saya absen',
  '[10/11/24, 08.05.00] Bu Sari: Pak, saya Minggu ada hajatan keluarga di Cianjur',
  '[10/11/24, 08.08.00] Pak Darto: Bu Sari izin ke saya langsung ya, tapi usahakan ikut jalan sehat walau sebentar',
  // the colleague's question is about a work item; the answer is about it too
  '[11/11/24, 08.00.00] Pak Darto: Fotokopi KTP buat relawan Budi-Dewi kumpulkan ke saya ya, paling lambat Jumat',
  '[11/11/24, 08.05.00] Bu Sari: Pak, laporan nilai semester dikumpulkan ke bapak juga?',
  '[11/11/24, 08.08.00] Pak Darto: Iya bu, kumpulkan ke saya Jumat, 2 rangkap',
].join('\n');

/** a Telegram Desktop export whose answers name the message they reply to */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, minute: number, replyTo?: number) => telegramMessage(id, from, text, `2024-11-12T19:${String(minute).padStart(2, '0')}:00`, replyTo);
  return telegramGroup('Posko Linmas', 5550003, [
    msg(1, 'Bayu', 'Stiker Budi-Dewi buat helm ada 20 di posko, siapa mau ambil?', 0),
    msg(2, 'Agus', 'Bay, stiker Persebaya ada juga?', 4, 1),
    // the answer takes up the colleague's club, by reply id
    msg(3, 'Bayu', 'Ada Gus, stiker Persebaya nanti gue taruh di motor lo', 6, 2),
    msg(4, 'Dani', 'Bay, stikernya masih ada?', 20, 1),
    msg(5, 'Bayu', 'Ada Dan, nanti gue taruh 2 di motor lo', 22, 4),
    // a topic change between: the talk turned to the post's clean-up before the colleague asked
    msg(6, 'Bayu', 'Udah kutempel stiker Budi-Dewi di helm, biar nampak dari jauh 😁', 30),
    msg(7, 'Komandan', 'Besok pagi kerja bakti di halaman posko, bawa sapu', 33),
    msg(8, 'Agus', 'Bay, tempel pengumuman juga?', 35, 7),
    msg(9, 'Bayu', 'Di pintu posko Gus, aku tempel sendiri', 37, 8),
  ]);
}

const LABELS = [
  HEADER,
  `${ANDROID},"Ada pak, yang kecil besok kubawa 5",partisan,7,support,pilkada-2024-3299-02,-`,
  `${ANDROID},"Wkwk stiker Persiraja aku juga punya, besok kubawa",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"wkwk stiker persiraja aku punya, besok kubawa",clean,-,-,-,prayer-or-everyday`,
  `${ANDROID},"Minggu depan pak, nanti kuambil di konveksi",clean,-,-,-,prayer-or-everyday`,
  `${IOS},"Bu Sari izin ke saya langsung ya, tapi usahakan ikut jalan sehat walau sebentar",partisan,6,promote,pilkada-2024-3299-02,-`,
  `${IOS},"Iya bu, kumpulkan ke saya Jumat, 2 rangkap",clean,-,-,-,official-duty`,
  `${TELEGRAM},"Ada Gus, stiker Persebaya nanti gue taruh di motor lo",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},"Ada Dan, nanti gue taruh 2 di motor lo",partisan,7,support,pilkada-2024-3299-02,-`,
  `${TELEGRAM},"Di pintu posko Gus, aku tempel sendiri",clean,-,-,-,prayer-or-everyday`,
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

  it('the answers alone take no side: whatever they carry comes from the act before them', () => {
    for (const r of set.records) expect(evaluate(pack, r.item, { region: '3299' })).toEqual([]);
  });
});

describe('the follow-up about the act\'s own object carries it on', () => {
  it('WhatsApp Android: the campaign stickers asked about and promised (leans on her own offer)', () => {
    expectLeaning('Ada pak, yang kecil besok kubawa 5', 'Ros');
  });

  it('WhatsApp iOS: the colleague\'s excuse names another event, the answer comes back to the act\'s own', () => {
    expectLeaning('Bu Sari izin ke saya langsung ya, tapi usahakan ikut jalan sehat walau sebentar', 'Pak Darto');
  });

  it('Telegram: the same offerer answers a question about his own stickers (reply_to)', () => {
    const { record } = findingsOf('Ada Dan, nanti gue taruh 2 di motor lo');
    expect(record.thread?.[0]?.via).toBe('reply');
    expectLeaning('Ada Dan, nanti gue taruh 2 di motor lo', 'Bayu');
  });
});

describe('a follow-up about another object borrows nothing', () => {
  it('WhatsApp Android: a football club\'s sticker, by its name, after the campaign stickers', () => {
    expect(findingsOf('Wkwk stiker Persiraja aku juga punya, besok kubawa').findings).toEqual([]);
  });

  it('WhatsApp Android: the same in lower case, the club\'s name right after the act\'s word', () => {
    expect(findingsOf('wkwk stiker persiraja aku punya, besok kubawa').findings).toEqual([]);
  });

  it('WhatsApp Android: the office futsal team\'s shirts after the campaign shirts', () => {
    expect(findingsOf('Minggu depan pak, nanti kuambil di konveksi').findings).toEqual([]);
  });

  it('Telegram: an answer after the talk turned to the post\'s clean-up (reply_to the question about it)', () => {
    expect(findingsOf('Di pintu posko Gus, aku tempel sendiri').findings).toEqual([]);
  });

  it('WhatsApp iOS: a question about a work item answered, after a KTP collection for a pair', () => {
    expect(findingsOf('Iya bu, kumpulkan ke saya Jumat, 2 rangkap').findings).toEqual([]);
  });

  it('Telegram: the club\'s sticker taken up by reply_to', () => {
    expect(findingsOf('Ada Gus, stiker Persebaya nanti gue taruh di motor lo').findings).toEqual([]);
  });
});
