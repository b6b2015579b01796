// Conversation context for comments and for a candidate named firmly earlier in the chat (issue 11,
// stop 54). A comment of a conversation — an analyst sheet's row of a group chat — that goes along
// with the invitation it answers is read by the attending rule as a chat message is ("Aku melok
// Mbak" under "… kampanye AMIN …, ado yang nak melok?"); and the writer's own "Saya datang" after "…
// makan malam dengan Pak Fauzi …, ada yang mau datang?" stays the writer's going when an earlier
// message of the chat made "Fauzi" a firm name (t2 v32: the candidate's coming is said in one
// sentence); and a reply saying the very verb the question asked who would do ("Tiang bareng Bli"
// to "… kampanye akbar AMIN …, siapa mau bareng?") goes along. Guards: a comment that declines, asks or warns borrows nothing; a comment outside a
// conversation (an Instagram comment) is read as before; news of the candidate's coming answered
// with a plain acknowledgement is no one's attendance.
// Read through the real adapters (analyst sheet CSV, WhatsApp Android, Telegram, Instagram) as the eval reads
// a labelled folder. Every text is invented for this test.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBlindSet, type BlindSet } from '../../src/eval/blind.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { expectLeansOn, recordFindings } from './labelled-chats.js';
import { telegramGroup, telegramMessage } from './telegram-group.js';

let pack: RulePack;
let set: BlindSet;

const SHEET = 'lembar-analis-grup-warga.csv';
const ANDROID = 'Chat WhatsApp dengan Guru SDN 2 Sukamaju.txt';
const INSTAGRAM = 'instagram-ocha.plaju';
const TELEGRAM = 'telegram-regu-3-satpol';

const SHEET_ROWS = [
  'tanggal,nama,instansi,sumber,grup,isi_pesan',
  // Palembang: a pair's rally, "who's coming along?", going along, declining, asking
  '2024-01-14 19:00,Mbak Rina,,whatsapp,Arisan Wong Kito Plaju,"Minggu ado kampanye AMIN di Benteng Kuto Besak, ado yang nak melok?"',
  '2024-01-14 19:05,Ocha Meilinda,Disdukcapil Kota Palembang,whatsapp,Arisan Wong Kito Plaju,"Aku melok Mbak, jemput aku di simpang jam 7 yo"',
  '2024-01-14 19:09,Yanti Oktaviani,Dinas Pendidikan Kota Palembang,whatsapp,Arisan Wong Kito Plaju,"Aku dak melok Mbak, jago cucu"',
  '2024-01-21 19:00,Mbak Rina,,whatsapp,Arisan Wong Kito Plaju,"Minggu ado kampanye AMIN di Benteng Kuto Besak, ado yang nak melok?"',
  '2024-01-21 19:06,Ocha Meilinda,Disdukcapil Kota Palembang,whatsapp,Arisan Wong Kito Plaju,"Jam berapo Mbak?"',
  // Sukamaju: a gathering with the candidate named, going along; a warning after the same invitation
  '2024-10-23 19:10,Bu Neng,,whatsapp,Warga RT 04 Sukamaju,"Ibu-ibu, Kamis malam ada silaturahmi dengan Pak Budi di balai RW, siapa mau datang?"',
  '2024-10-23 19:15,Lina Marlina,Puskesmas Sukamaju,whatsapp,Warga RT 04 Sukamaju,"Saya datang Bu Neng, bareng dari puskesmas jam 6"',
  '2024-10-30 19:10,Bu Neng,,whatsapp,Warga RT 04 Sukamaju,"Ibu-ibu, Kamis malam ada silaturahmi dengan Pak Budi di balai RW, siapa mau datang?"',
  '2024-10-30 19:16,Lina Marlina,Puskesmas Sukamaju,whatsapp,Warga RT 04 Sukamaju,"Jangan datang Bu, kita ASN harus netral"',
].join('\n');

const ANDROID_CHAT = [
  // an earlier message of the chat names the pair firmly (a colleague's, weeks before)
  '10/10/24 16.28 - Bu Wati: Bu Siti Rahmawati itu peduli guru honorer, nomor 1 katanya mau naikkan insentif',
  '10/10/24 16.35 - Pak Kepsek: Bu Wati, grup sekolah bukan tempat kampanye ya',
  // a dinner with the candidate by his short name, "who comes?", the writer comes
  '23/10/24 19.10 - Bu Neng: Bu, ada undangan makan malam dengan Pak Fauzi untuk guru-guru Kamis nanti, ada yang mau datang?',
  '23/10/24 19.15 - Bu Lina: Saya datang Bu, nanti bareng dari sekolah jam 6',
  // news of the candidate's own coming, acknowledged
  '30/10/24 07.00 - Bu Neng: Info, Pak Fauzi besok datang ke pasar Sukamaju',
  '30/10/24 07.04 - Bu Lina: Oh iya Bu, makasih infonya',
].join('\n');

/** a Telegram Desktop export: a question that asks who goes along with its own verb ("siapa mau bareng?"), answered by reply_to */
function telegramExport(): string {
  const msg = (id: number, from: string, text: string, day: number, minute: number, replyTo?: number) => telegramMessage(id, from, text, `2024-01-${String(day).padStart(2, '0')}T20:${String(minute).padStart(2, '0')}:00`, replyTo);
  return telegramGroup('Regu 3 Satpol PP', 5550054, [
    // a pair's rally: the writer says the question's own verb
    msg(1, 'Made Sugiarta', 'Kampanye akbar AMIN hari Sabtu di stadion, siapa mau bareng?', 8, 0),
    msg(2, 'Putu Ardana', 'Tiang bareng Bli, bawa motor masing-masing', 8, 6, 1),
    // the same words to a PKK walk: no pair's event
    msg(3, 'Made Sugiarta', 'Jalan sehat PKK hari Minggu di lapangan, siapa mau bareng?', 9, 0),
    msg(4, 'Putu Ardana', 'Tiang bareng Bli, bawa motor masing-masing 🏍️', 9, 6, 3),
    // the rally again: the writer says the verb, but another member's going
    msg(5, 'Made Sugiarta', 'Kampanye akbar AMIN hari Sabtu di stadion, siapa mau bareng?', 10, 0),
    msg(6, 'Putu Ardana', 'Komang bareng Bli, tiang jaga pos', 10, 6, 5),
  ]);
}

/** an Instagram export's comments: one that goes along, alone (no conversation: a comment on a friend's post) */
const INSTAGRAM_COMMENTS = JSON.stringify([
  { media_list_data: [{ uri: '' }], string_map_data: { Comment: { value: 'Aku melok Mbak, jemput aku yo' }, 'Media Owner': { value: 'rina.plaju' }, Time: { timestamp: 1705233600 } } },
]);

const LABELS = [
  'input,locator,label,prohibition,stance,pair,clean_reason',
  `${SHEET},"Aku melok Mbak, jemput aku di simpang jam 7 yo",partisan,2,support,pilpres-2024-01,-`,
  `${SHEET},"Aku dak melok Mbak, jago cucu",clean,-,-,-,prayer-or-everyday`,
  `${SHEET},Jam berapo Mbak?,clean,-,-,-,unclear`,
  `${SHEET},"Saya datang Bu Neng, bareng dari puskesmas jam 6",partisan,2,support,pilkada-2024-3299-02,-`,
  `${SHEET},"Jangan datang Bu, kita ASN harus netral",clean,-,-,-,socialisation`,
  `${ANDROID},"Saya datang Bu, nanti bareng dari sekolah jam 6",partisan,2,support,pilkada-2024-3299-01,-`,
  `${ANDROID},"Oh iya Bu, makasih infonya",clean,-,-,-,prayer-or-everyday`,
  `${INSTAGRAM},"Aku melok Mbak, jemput aku yo",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},"Tiang bareng Bli, bawa motor masing-masing",partisan,2,support,pilpres-2024-01,-`,
  `${TELEGRAM},"Tiang bareng Bli, bawa motor masing-masing 🏍️",clean,-,-,-,prayer-or-everyday`,
  `${TELEGRAM},"Komang bareng Bli, tiang jaga pos",clean,-,-,-,prayer-or-everyday`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  const dir = await mkdtemp(path.join(tmpdir(), 'netral-comment-context-'));
  try {
    await writeFile(path.join(dir, SHEET), SHEET_ROWS);
    await writeFile(path.join(dir, ANDROID), ANDROID_CHAT);
    await mkdir(path.join(dir, INSTAGRAM, 'your_instagram_activity', 'comments'), { recursive: true });
    await writeFile(path.join(dir, INSTAGRAM, 'your_instagram_activity', 'comments', 'post_comments_1.json'), INSTAGRAM_COMMENTS);
    await mkdir(path.join(dir, TELEGRAM));
    await writeFile(path.join(dir, TELEGRAM, 'result.json'), telegramExport());
    await writeFile(path.join(dir, 'labels.csv'), LABELS);
    set = await loadBlindSet(dir, ALL_ADAPTERS, pack);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('every label is read through its adapter', () => {
  it('matches each label to one item, the sheet rows as comments of their group', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
    const row = set.records.find((r) => r.item.text?.startsWith('Aku melok Mbak, jemput aku di simpang'));
    expect(row?.item.kind).toBe('comment');
    expect(row?.thread?.length).toBeGreaterThan(0);
  });
});

describe('a comment of a conversation that goes along is the writer\'s attendance', () => {
  it('analyst sheet: Palembang "aku melok" under a pair\'s rally invitation (prohibition 2, leaning on the invitation)', () => {
    const findings = expectLeansOn(set, pack, 'Aku melok Mbak, jemput aku di simpang jam 7 yo', 'pilpres-2024-01', 'Mbak Rina');
    expect(findings.map((f) => f.ruleId)).toContain('t2-hadir-kampanye-paslon');
    expect(findings.every((f) => f.itemId === findings[0]!.itemId)).toBe(true);
  });

  it('analyst sheet: "saya datang" to a gathering the candidate holds', () => {
    const findings = expectLeansOn(set, pack, 'Saya datang Bu Neng, bareng dari puskesmas jam 6', 'pilkada-2024-3299-02', 'Bu Neng');
    expect(findings.map((f) => f.prohibition)).toContain(2);
  });

  it('WhatsApp Android: "saya datang" to a dinner with the candidate an earlier message named firmly', () => {
    const findings = expectLeansOn(set, pack, 'Saya datang Bu, nanti bareng dari sekolah jam 6', 'pilkada-2024-3299-01', 'Bu Neng');
    // the office chat may route the act to the office form; the writer's going is what is read
    expect(findings.some((f) => f.spans.some((s) => s.field === 'text' && s.text === 'datang'))).toBe(true);
  });
});

describe('a reply that says the verb the question asked who would do goes along', () => {
  it('Telegram: "Tiang bareng Bli" to "… kampanye akbar AMIN …, siapa mau bareng?" (reply_to)', () => {
    const findings = expectLeansOn(set, pack, 'Tiang bareng Bli, bawa motor masing-masing', 'pilpres-2024-01', 'Made Sugiarta');
    expect(findings.map((f) => f.prohibition)).toContain(2);
  });

  it('Telegram: the same answer to a PKK walk borrows nothing', () => {
    expect(recordFindings(set, pack, 'Tiang bareng Bli, bawa motor masing-masing 🏍️').findings).toEqual([]);
  });

  it('Telegram: another member named before the verb is not the writer going', () => {
    expect(recordFindings(set, pack, 'Komang bareng Bli, tiang jaga pos').findings).toEqual([]);
  });
});

describe('a comment that does not go along borrows nothing', () => {
  it('analyst sheet: Palembang "aku dak melok" declines', () => {
    expect(recordFindings(set, pack, 'Aku dak melok Mbak, jago cucu').findings).toEqual([]);
  });

  it('analyst sheet: a question about the time', () => {
    expect(recordFindings(set, pack, 'Jam berapo Mbak?').findings).toEqual([]);
  });

  it('analyst sheet: a warning not to go', () => {
    expect(recordFindings(set, pack, 'Jangan datang Bu, kita ASN harus netral').findings).toEqual([]);
  });

  it('WhatsApp Android: news of the candidate\'s coming acknowledged', () => {
    expect(recordFindings(set, pack, 'Oh iya Bu, makasih infonya').findings).toEqual([]);
  });

  it('Instagram: the same words as a comment outside any conversation', () => {
    const { record, findings } = recordFindings(set, pack, 'Aku melok Mbak, jemput aku yo');
    expect(record.item.kind).toBe('comment');
    expect(findings).toEqual([]);
  });
});
