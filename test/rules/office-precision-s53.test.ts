// Politics at the office without false accusations (issue 11, stop 53, fixtures/eval/office-s53.md):
// a prohibition-6 finding says a civil servant campaigned at work, so each guard here keeps one kind
// of message that is not that out of the office rules, and the same shapes at the office stay found.
// - what the group is: a neighbourhood association's or a congregation's chat, read as a workplace
//   from its members' talk of their jobs, and a Batak family association ("Keluarga Besar Op. …"),
//   are neighbours, worshippers and relatives (lexicons grup-warga, grup-bukan-kantor);
// - who reads it: a kelurahan's broadcast channel speaks to the residents it serves, not to its staff;
//   a school's channel speaks to pupils' parents and stays an office's (RUBRIC 6);
// - whether it takes a side: a vote verb asking "whom" or "which" calls for no one.
// Read through the real adapters (WhatsApp Android, WhatsApp iOS, Telegram Desktop, a saved t.me/s
// page) as `netral scan` reads them. Every text is invented for this test.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBlindSet, type BlindSet } from '../../src/eval/blind.js';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import type { Finding } from '../../src/model/finding.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { recordFindings } from './labelled-chats.js';

let pack: RulePack;
let set: BlindSet;

const HEADER = 'input,locator,label,prohibition,stance,pair,clean_reason';

/** a neighbourhood association's chat whose members talk of their civil-service jobs (WhatsApp Android) */
const RT = 'Chat WhatsApp dengan Warga RT 04 RW 02 Perumahan Sukamaju Indah.txt';
const RT_CHAT = [
  '09/11/24 07.00 - Pak Harun: Besok kerja bakti jam 7 ya bapak2, bawa cangkul',
  '09/11/24 07.05 - Bu Sari: Maaf pak, saya apel pagi di kantor, ASN wajib hadir',
  '09/11/24 07.06 - Pak Dedi: Saya juga ada laporan bulanan ke kadis, nyusul siang ya',
  '09/11/24 07.10 - Bu Sari: Pokoknya nomor 2 Budi-Dewi paling cocok buat Sukamaju, programnya jelas',
].join('\n');

/** the same talk and the same message in an office's staff chat (WhatsApp iOS) */
const OFFICE = 'WhatsApp Chat - Staf Dinas PUPR Sukamaju';
const OFFICE_CHAT = [
  '[10/11/24, 07.00.00] Pak Kabid: Apel pagi jam 7.30, laporan bulanan dikumpul ke kadis',
  '[10/11/24, 07.05.00] Bu Sari: Siap pak',
  '[10/11/24, 07.10.00] Bu Sari: Pokoknya nomor 2 Budi-Dewi paling cocok buat Sukamaju, programnya jelas',
  '[10/11/24, 07.20.00] Mas Dani: Bapak ibu, tanggal 27 pilih nomor 2 Budi-Dewi ya',
  '[10/11/24, 07.25.00] Mbak Rini: Aku isih bingung, Fauzi wis kerja, Yusuf isih enom. Mbuh milih sing endi',
  '[10/11/24, 07.26.00] Mbak Rini: Mas Dani milih sapa? 😁',
].join('\n');

/** a congregation's cell whose members are nurses and clerks (Telegram Desktop) */
const JEMAAT = 'telegram-kolom-jemaat';
function jemaatExport(): string {
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
    name: 'Kolom 7 Jemaat GMIM Eben Haezer',
    type: 'private_supergroup',
    id: 5550053,
    messages: [
      msg(1, 'Om Fredy', 'Ibadah kolom Jumat di rumah Tante Lusye, Om so pulang dari rapat dinkes', 0),
      msg(2, 'Tante Lusye', 'Iyo Om, kita lagi lembur laporan puskesmas, nanti datang', 1),
      msg(3, 'Om Fredy', 'Ganjar-Mahfud tetap pemimpin terbaik, 03 satu putaran 🙏', 2),
    ],
  });
}

/** a kelurahan's and a school's public Telegram channel, saved from t.me/s */
function channelPage(handle: string, title: string, posts: Array<{ id: number; text: string; time: string }>): string {
  const post = (p: { id: number; text: string; time: string }) =>
    `<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="${handle}/${p.id}">` +
    `<div class="tgme_widget_message_bubble"><div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/${handle}"><span dir="auto">${title}</span></a></div>` +
    `<div class="tgme_widget_message_text js-message_text" dir="auto">${p.text}</div>` +
    `<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info"><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/${handle}/${p.id}"><time datetime="${p.time}" class="time">10:00</time></a></span></div></div></div></div></div>`;
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title} – Telegram</title><meta property="og:title" content="${title}"></head><body class="widget_frame_base">` +
    `<section class="tgme_channel_history js-message_history"><div class="tgme_channel_info"><div class="tgme_channel_info_header"><div class="tgme_channel_info_header_title"><span dir="auto">${title}</span></div>` +
    `<div class="tgme_channel_info_header_username"><a href="https://t.me/${handle}">@${handle}</a></div></div></div>` +
    posts.map(post).join('\n') +
    '</section></body></html>'
  );
}
const KELURAHAN = 't.me-s-kelcikaret.html';
const KELURAHAN_POST = 'Warga Cikaret, program Budi-Dewi paling jelas untuk kampung kita. Tanggal 27 coblos nomor 2!';
const SCHOOL = 't.me-s-sdn9sukamaju.html';
const SCHOOL_POST = 'Bapak ibu wali murid, seragam gratis itu program Budi-Dewi. Tanggal 27 coblos nomor 2 ya!';

const LABELS = [
  HEADER,
  `${RT},"Pokoknya nomor 2 Budi-Dewi paling cocok buat Sukamaju, programnya jelas",partisan,3,support,pilkada-2024-3299-02,-`,
  `${OFFICE},"Pokoknya nomor 2 Budi-Dewi paling cocok buat Sukamaju, programnya jelas",partisan,6,support,pilkada-2024-3299-02,-`,
  `${OFFICE},"Bapak ibu, tanggal 27 pilih nomor 2 Budi-Dewi ya",partisan,6,promote,pilkada-2024-3299-02,-`,
  `${OFFICE},"Aku isih bingung, Fauzi wis kerja, Yusuf isih enom. Mbuh milih sing endi",clean,-,-,-,neutral-discussion`,
  `${OFFICE},Mas Dani milih sapa? 😁,clean,-,-,-,neutral-discussion`,
  `${JEMAAT},"Ganjar-Mahfud tetap pemimpin terbaik, 03 satu putaran 🙏",partisan,3,support,pilpres-2024-03,-`,
  `${KELURAHAN},"${KELURAHAN_POST}",partisan,3,promote,pilkada-2024-3299-02,-`,
  `${SCHOOL},"${SCHOOL_POST}",partisan,6,promote,pilkada-2024-3299-02,-`,
].join('\n');

beforeAll(async () => {
  pack = await loadRulePack();
  const dir = await mkdtemp(path.join(tmpdir(), 'netral-office-s53-'));
  try {
    await writeFile(path.join(dir, RT), RT_CHAT);
    await mkdir(path.join(dir, OFFICE));
    await writeFile(path.join(dir, OFFICE, '_chat.txt'), OFFICE_CHAT);
    await mkdir(path.join(dir, JEMAAT));
    await writeFile(path.join(dir, JEMAAT, 'result.json'), jemaatExport());
    await writeFile(path.join(dir, KELURAHAN), channelPage('kelcikaret', 'Kelurahan Cikaret', [{ id: 40, text: KELURAHAN_POST, time: '2024-11-20T03:00:00+00:00' }]));
    await writeFile(path.join(dir, SCHOOL), channelPage('sdn9sukamaju', 'SDN 9 Sukamaju', [{ id: 41, text: SCHOOL_POST, time: '2024-11-20T03:00:00+00:00' }]));
    await writeFile(path.join(dir, 'labels.csv'), LABELS);
    set = await loadBlindSet(dir, ALL_ADAPTERS, pack);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // (the pack compiles in the hook: slow on a loaded machine)
}, 120_000);

function findingsIn(input: string, text: string): Finding[] {
  const record = set.records.find((r) => r.set === input && r.item.text === text);
  if (!record) throw new Error(`no record for ${text} in ${input}`);
  return recordFindings({ ...set, records: [record] }, pack, text).findings;
}
const prohibitions = (fs: Finding[]) => [...new Set(fs.map((f) => f.prohibition))];
const office = (fs: Finding[]) => fs.find((f) => f.prohibition === 6);

describe('every label is read', () => {
  it('matches each label to one item of its input', () => {
    expect(set.unmatched).toEqual([]);
    expect(set.records).toHaveLength(LABELS.split('\n').length - 1);
  });
});

describe('what the group is: neighbours, worshippers and relatives are not colleagues', () => {
  it('WhatsApp Android: a residents\' association chat read as a workplace from its members\' jobs gives the status, not the office form', () => {
    const text = 'Pokoknya nomor 2 Budi-Dewi paling cocok buat Sukamaju, programnya jelas';
    const rt = set.records.find((r) => r.set === RT && r.item.text === text);
    // the chat is still read as a workplace from its talk: the name is what says otherwise
    expect(rt?.workplace).toBeDefined();
    const fs = findingsIn(RT, text);
    expect(office(fs)).toBeUndefined();
    expect(prohibitions(fs)).toEqual([3]);
  });

  it('WhatsApp iOS: the same message in an office\'s staff chat is politics at the office', () => {
    const f = office(findingsIn(OFFICE, 'Pokoknya nomor 2 Budi-Dewi paling cocok buat Sukamaju, programnya jelas'));
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  it('Telegram Desktop: a congregation\'s cell of nurses and clerks gives the status, not the office form', () => {
    const fs = findingsIn(JEMAAT, 'Ganjar-Mahfud tetap pemimpin terbaik, 03 satu putaran 🙏');
    expect(fs.length).toBeGreaterThan(0);
    expect(office(fs)).toBeUndefined();
  });
});

describe('who reads it: a kelurahan\'s channel speaks to residents, a school\'s to pupils\' parents', () => {
  it('t.me/s: a kelurahan\'s channel post for a pair is a status, not politics at the office', () => {
    const fs = findingsIn(KELURAHAN, KELURAHAN_POST);
    expect(fs.length).toBeGreaterThan(0);
    expect(office(fs)).toBeUndefined();
  });

  it('t.me/s: a school\'s channel post asking the parents to vote for a pair is politics at the office', () => {
    const f = office(findingsIn(SCHOOL, SCHOOL_POST));
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });
});

describe('whether it takes a side: a vote verb asking whom calls for no one', () => {
  it('WhatsApp iOS: "milih sing endi", "milih sapa?" in the office chat make no finding', () => {
    expect(findingsIn(OFFICE, 'Aku isih bingung, Fauzi wis kerja, Yusuf isih enom. Mbuh milih sing endi')).toEqual([]);
    expect(findingsIn(OFFICE, 'Mas Dani milih sapa? 😁')).toEqual([]);
  });

  it('WhatsApp iOS: a call to vote for a pair in the same chat is still found', () => {
    const f = office(findingsIn(OFFICE, 'Bapak ibu, tanggal 27 pilih nomor 2 Budi-Dewi ya'));
    expect(f?.ruleId).toBe('t6-ajakan-politik-kantor');
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });
});
