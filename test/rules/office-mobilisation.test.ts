// The office getting its staff to a pair's event, and the staff's votes counted for a pair (issue 11,
// stop 52, fixtures/eval/kantor-s52.md): t6-undangan-rekan-kantor v4 reads the event and the logistics
// the sender organises (the office's bus or car and where it leaves from, a sign-up with the sender,
// money for coming, attendance asked in the directive mood); t6-ajakan-politik-kantor v44 reads a count
// of people or votes beside the pair and a target handed down with "diupayakan"; the registry reads
// "01, 2 orang belum" as a ballot number followed by a count, not as a decimal or a list, and a number
// drawn in a contest named in its sentence ("Lomba cerdas cermat …, tim GTK dapek nomor urut 1") as the contest's.
// Read through the real adapters (WhatsApp Android, WhatsApp iOS, Telegram Desktop) as `netral scan`
// reads a chat. Every text is invented for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlindSet } from '../../src/eval/blind.js';
import type { Finding } from '../../src/model/finding.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { plausibleBallotNumber } from '../../src/rules/registry.js';
import { readLabelledChats, recordFindings } from './labelled-chats.js';

let pack: RulePack;
let set: BlindSet;

const HEADER = 'input,locator,label,prohibition,stance,pair,clean_reason';
const ANDROID = 'Chat WhatsApp dengan Staf Dinas Pertanian Sukamaju.txt';
const IOS = 'WhatsApp Chat - Pegawai Bappeda Sukamaju';
const TELEGRAM = 'telegram-pupr';

const ANDROID_CHAT = [
  '09/11/24 07.00 - Pak Kadis: Apel pagi jam 7.30, mohon hadir semua',
  '09/11/24 07.05 - Hendra: Sabtu kampanye akbar Yusuf-Ratna di stadion, bus berangkat dari halaman kantor jam 7',
  '09/11/24 07.06 - Rina: Siap pak',
  '09/11/24 08.00 - Hendra: Info, Sabtu kampanye akbar Yusuf-Ratna di stadion, jalan depan kantor ditutup, bus jemputan berangkat dari terminal',
  '09/11/24 09.00 - Hendra: Rekan2, usahakan datang ke acara Yusuf-Ratna Sabtu malam, ini perintah pimpinan',
  '09/11/24 10.00 - Hendra: Regu 2 piket pengamanan kampanye akbar Yusuf-Ratna, berangkat dari kantor jam 6',
  '09/11/24 11.00 - Hendra: Hitungan di seksi kita: 9 orang sudah 03, 3 orang belum, tolong diajak',
  '09/11/24 12.00 - Hendra: Rapat seksi diikuti 12 orang di ruang 2 jam 9, laporan kegiatan dikumpul',
].join('\n');

const IOS_CHAT = [
  '[10/11/24, 08.00.00] Bu Kaban: Laporan RKPD dikumpul Senin ya',
  '[10/11/24, 08.10.00] Mas Joko: Malem Minggu ana silaturahmi karo Budi-Dewi ning omah makan, mengko dijemput mobil kantor jam 7',
  '[10/11/24, 08.12.00] Mas Joko: Kalau ada amplop di kampanye akbar Budi-Dewi, tolak dan laporkan ke Bawaslu ya',
  '[10/11/24, 08.15.00] Mas Joko: Kalau ada amplop di kampanye akbar Budi-Dewi, ambil aja ya',
  '[10/11/24, 08.20.00] Mas Joko: Dinten Minggu aya pangaosan akbar sareng Budi-Dewi di masjid agung, nu bade ngiring daptar ka abdi',
  '[10/11/24, 08.30.00] Mas Joko: Jadwal kampanye akbar: 01 di alun-alun, 02 di stadion, 03 di GOR. Bus kota berangkat dari terminal',
].join('\n');

/** a Telegram Desktop export of a public-works division (Pilpres 2024, Banjar) */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, minute: number) => ({
    id,
    type: 'message',
    date: `2024-01-20T08:${String(minute).padStart(2, '0')}:00`,
    from,
    from_id: `user${from.length}${id}`,
    text,
    text_entities: [{ type: 'plain', text }],
  });
  return JSON.stringify({
    name: 'Bidang Bina Marga PUPR',
    type: 'private_supergroup',
    id: 5550052,
    messages: [
      msg(1, 'Kabid Rahmadi', 'Bubuhan, laporan fisik jembatan dikirim sebelum apel pagi', 0),
      msg(2, 'Kabid Rahmadi', 'Isuk ada kampanye Ganjar-Mahfud di lapangan, bubuhan staf tulak basamaan matan kantor jam 7', 1),
      msg(3, 'Kabid Rahmadi', 'Suara 03 matan seksi Jembatan masih 10 haja. Kurang 15, tolong diupayakan', 2),
      msg(4, 'Kabid Rahmadi', 'Hasil rapat: anggaran jembatan 2 paket, 3 orang pengawas berangkat dari kantor jam 7', 3),
    ],
  });
}

const LABELS = [
  HEADER,
  `${ANDROID},"Sabtu kampanye akbar Yusuf-Ratna di stadion, bus berangkat dari halaman kantor jam 7",partisan,6,promote,pilkada-2024-3299-03,-`,
  `${ANDROID},"Info, Sabtu kampanye akbar Yusuf-Ratna di stadion, jalan depan kantor ditutup, bus jemputan berangkat dari terminal",clean,-,-,-,official-duty`,
  `${ANDROID},"Rekan2, usahakan datang ke acara Yusuf-Ratna Sabtu malam, ini perintah pimpinan",partisan,6,promote,pilkada-2024-3299-03,-`,
  `${ANDROID},"Regu 2 piket pengamanan kampanye akbar Yusuf-Ratna, berangkat dari kantor jam 6",clean,-,-,-,official-duty`,
  `${ANDROID},"Hitungan di seksi kita: 9 orang sudah 03, 3 orang belum, tolong diajak",partisan,6,promote,pilkada-2024-3299-03,-`,
  `${ANDROID},"Rapat seksi diikuti 12 orang di ruang 2 jam 9, laporan kegiatan dikumpul",clean,-,-,-,official-duty`,
  `${IOS},"Malem Minggu ana silaturahmi karo Budi-Dewi ning omah makan, mengko dijemput mobil kantor jam 7",partisan,6,promote,pilkada-2024-3299-02,-`,
  `${IOS},"Kalau ada amplop di kampanye akbar Budi-Dewi, tolak dan laporkan ke Bawaslu ya",clean,-,-,-,socialisation`,
  `${IOS},"Kalau ada amplop di kampanye akbar Budi-Dewi, ambil aja ya",partisan,6,promote,pilkada-2024-3299-02,-`,
  `${IOS},"Dinten Minggu aya pangaosan akbar sareng Budi-Dewi di masjid agung, nu bade ngiring daptar ka abdi",partisan,6,promote,pilkada-2024-3299-02,-`,
  `${IOS},"Jadwal kampanye akbar: 01 di alun-alun, 02 di stadion, 03 di GOR. Bus kota berangkat dari terminal",clean,-,-,-,voter-education`,
  `${TELEGRAM},"Isuk ada kampanye Ganjar-Mahfud di lapangan, bubuhan staf tulak basamaan matan kantor jam 7",partisan,6,promote,pilpres-2024-03,-`,
  `${TELEGRAM},"Suara 03 matan seksi Jembatan masih 10 haja. Kurang 15, tolong diupayakan",partisan,6,promote,pilpres-2024-03,-`,
  `${TELEGRAM},"Hasil rapat: anggaran jembatan 2 paket, 3 orang pengawas berangkat dari kantor jam 7",clean,-,-,-,official-duty`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  set = await readLabelledChats({ android: { name: ANDROID, text: ANDROID_CHAT }, ios: { name: IOS, text: IOS_CHAT }, telegram: { name: TELEGRAM, json: telegramExport() }, labels: LABELS }, pack);
  // (the pack compiles in the hook: slow on a loaded machine)
}, 120_000);

/** the findings of the labelled message whose text is `text`, read with its chat as scan reads it */
function findingsOf(text: string): Finding[] {
  return recordFindings(set, pack, text).findings;
}

/** the office finding's rule and pair, or undefined when the message has no finding */
function officeFinding(text: string): { rule: string; pairs: string[] } | undefined {
  const f = findingsOf(text).find((x) => x.prohibition === 6);
  return f && { rule: f.ruleId, pairs: f.candidates.map((c) => c.pair) };
}

describe('every label of the chats is read', () => {
  it('matches each label to one item of its export', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });
});

describe('the office getting its staff to a pair\'s event (t6-undangan-rekan-kantor v4)', () => {
  it('WhatsApp Android: the office bus to a pair\'s rally and attendance asked in the directive mood are found', () => {
    expect(officeFinding('Sabtu kampanye akbar Yusuf-Ratna di stadion, bus berangkat dari halaman kantor jam 7')).toEqual({ rule: 't6-undangan-rekan-kantor', pairs: ['pilkada-2024-3299-03'] });
    expect(officeFinding('Rekan2, usahakan datang ke acara Yusuf-Ratna Sabtu malam, ini perintah pimpinan')?.pairs).toEqual(['pilkada-2024-3299-03']);
  });

  it('WhatsApp Android: a traffic notice and a duty roster around the same rally are not', () => {
    expect(findingsOf('Info, Sabtu kampanye akbar Yusuf-Ratna di stadion, jalan depan kantor ditutup, bus jemputan berangkat dari terminal')).toEqual([]);
    expect(findingsOf('Regu 2 piket pengamanan kampanye akbar Yusuf-Ratna, berangkat dari kantor jam 6')).toEqual([]);
  });

  it('WhatsApp iOS: a gathering with the pair, with the office car or a sign-up with the sender, is found (Javanese, Sundanese)', () => {
    expect(officeFinding('Malem Minggu ana silaturahmi karo Budi-Dewi ning omah makan, mengko dijemput mobil kantor jam 7')).toEqual({ rule: 't6-undangan-rekan-kantor', pairs: ['pilkada-2024-3299-02'] });
    expect(officeFinding('Dinten Minggu aya pangaosan akbar sareng Budi-Dewi di masjid agung, nu bade ngiring daptar ka abdi')?.pairs).toEqual(['pilkada-2024-3299-02']);
  });

  it('WhatsApp iOS: envelopes at a pair\'s rally offered are found; the same envelopes to be refused and reported, and every pair\'s rally listed, are not', () => {
    expect(officeFinding('Kalau ada amplop di kampanye akbar Budi-Dewi, ambil aja ya')?.pairs).toEqual(['pilkada-2024-3299-02']);
    expect(findingsOf('Kalau ada amplop di kampanye akbar Budi-Dewi, tolak dan laporkan ke Bawaslu ya')).toEqual([]);
    expect(findingsOf('Jadwal kampanye akbar: 01 di alun-alun, 02 di stadion, 03 di GOR. Bus kota berangkat dari terminal')).toEqual([]);
  });

  it('Telegram: the staff setting out together from the office to a pair\'s rally (Banjar) is found; a work trip from the office is not', () => {
    expect(officeFinding('Isuk ada kampanye Ganjar-Mahfud di lapangan, bubuhan staf tulak basamaan matan kantor jam 7')).toEqual({ rule: 't6-undangan-rekan-kantor', pairs: ['pilpres-2024-03'] });
    expect(findingsOf('Hasil rapat: anggaran jembatan 2 paket, 3 orang pengawas berangkat dari kantor jam 7')).toEqual([]);
  });
});

describe('the staff\'s votes counted or wanted for a pair (t6-ajakan-politik-kantor v44)', () => {
  it('WhatsApp Android: a head count of colleagues for a pair is found; a head count of a meeting is not', () => {
    expect(officeFinding('Hitungan di seksi kita: 9 orang sudah 03, 3 orang belum, tolong diajak')).toEqual({ rule: 't6-ajakan-politik-kantor', pairs: ['pilkada-2024-3299-03'] });
    expect(findingsOf('Rapat seksi diikuti 12 orang di ruang 2 jam 9, laporan kegiatan dikumpul')).toEqual([]);
  });

  it('Telegram: a unit\'s vote target handed down with "diupayakan" is found', () => {
    expect(officeFinding('Suara 03 matan seksi Jembatan masih 10 haja. Kurang 15, tolong diupayakan')).toEqual({ rule: 't6-ajakan-politik-kantor', pairs: ['pilpres-2024-03'] });
  });
});

describe('a ballot number before a comma (registry plausibleBallotNumber)', () => {
  const at = (text: string, num: string) => {
    const start = text.indexOf(num);
    return plausibleBallotNumber(text, start, start + num.length);
  };
  it('a number followed by a comma and a count of people stands alone', () => {
    expect(at('8 orang sudah 01, 2 orang belum', '01')).toBe(true);
  });
  it('a number in a list, a decimal or a date is still not a ballot number', () => {
    expect(at('paslon nomor 1, 2 dan 3 punya hak yang sama', 'nomor 1')).toBe(false);
    expect(at('inflasi 02,5 persen', '02')).toBe(false);
    expect(at('rapat 02/12 jam 9', '02')).toBe(false);
  });
  it('a number drawn in a contest named in the same sentence is the contest\'s; the next sentence is not read with it', () => {
    expect(at('Lomba cerdas cermat guru tingkat kota, tim GTK dapat nomor urut 1. Doakan ya', 'nomor urut 1')).toBe(false);
    expect(at('Kaos tim voli sudah dipesan, nomor punggung 3 buat aku', '3')).toBe(false);
    expect(at('Lomba voli antar dinas sudah selesai. Tanggal 27 coblos nomor urut 1 ya', 'nomor urut 1')).toBe(true);
  });
});
