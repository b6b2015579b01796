// A chat whose name says nothing is read as a workplace group from what its members talk about.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { ChatWorkplace, WorkplaceLookahead } from '../../src/pipeline/chat-workplace.js';
import { runScan } from '../../src/pipeline/scan.js';
import { openStore } from '../../src/store/store.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

let n = 0;
const msg = (chat: string, sender: string, text: string): Item =>
  makeItem({ platform: 'whatsapp', kind: 'message', text, time: `2024-11-10T0${Math.min(9, n++ % 10)}:00:00Z`, actor: { name: sender }, context: { kind: 'chat', name: chat }, source: { captureId: 'test', path: 'chat.txt', pointer: `/${n}` } });

/** the chat's messages read in order, then the last one evaluated as a scan would */
function read(chat: string, lines: Array<[string, string]>): { findings: ReturnType<typeof evaluate>; reading: ReturnType<ChatWorkplace['readingFor']> } {
  const workplace = new ChatWorkplace(pack);
  let last: Item | undefined;
  for (const [sender, text] of lines) {
    last = msg(chat, sender, text);
    workplace.observe(last);
  }
  const reading = workplace.readingFor(last as Item);
  return { reading, findings: evaluate(pack, last as Item, { region: '3299', ...(reading ? { workplaceChat: reading } : {}) }) };
}

const office: Array<[string, string]> = [
  ['Bu Rina', 'Assalamualaikum, apel pagi jam 07.30, mohon semua hadir'],
  ['Pak Dodi', 'Siap bu'],
  ['Pak Dodi', 'Laporan SPJ bulan Oktober sudah saya kirim ke pak kabid'],
];
const partisan: [string, string] = ['Mas Yoga', 'Budi-Dewi paling pantas jadi bupati, programnya jelas 👍'];

describe('a workplace group read from its messages', () => {
  it('roll call and reports from two members make a nameless group an office: a partisan message there is 6, and the finding says why', () => {
    const { reading, findings } = read('Grup Ceria 2024', [...office, partisan]);
    expect(reading?.cues).toEqual(['apel pagi', 'laporan']);
    expect(findings.map((f) => f.prohibition)).toEqual([6]);
    expect(findings[0]?.explanation.en).toContain('read as a workplace group from its messages');
    expect(findings[0]?.explanation.en).toContain('“apel pagi”');
  });

  it('a group whose name names the office does not claim to be read from its messages, though they are office talk too', () => {
    const { reading, findings } = read('Staf Dinas Pendidikan Sukamaju', [...office, partisan]);
    expect(reading).toBeDefined();
    expect(findings.map((f) => f.prohibition)).toEqual([6]);
    expect(findings[0]?.explanation.en).not.toContain('read as a workplace group');
    expect(findings[0]?.explanation.en).not.toContain('names no office');
  });

  it('one member talking about work is not enough, nor is a chat without work talk', () => {
    const alone = read('Grup Ceria 2024', [['Bu Rina', 'Apel pagi jam 07.30'], ['Bu Rina', 'Laporan SPJ ditunggu'], partisan]);
    expect(alone.reading).toBeUndefined();
    expect(alone.findings.map((f) => f.prohibition)).toEqual([3]);
    const family = read('Grup Ceria 2024', [['Mama', 'Nanti malam makan di rumah nenek ya'], ['Dek Sari', 'Siap ma, aku bawa kue'], partisan]);
    expect(family.reading).toBeUndefined();
    expect(family.findings.map((f) => f.prohibition)).toEqual([3]);
  });

  it('a family or alumni name wins over the work talk', () => {
    const { reading, findings } = read('Alumni SMAN 1 Sukamaju Angkatan 98', [...office, partisan]);
    expect(reading).toBeDefined();
    expect(findings.map((f) => f.prohibition)).toEqual([3]);
  });

  it('a regional family name (the family noun before an elder\'s title) wins over the work talk; the family noun before a unit is the office', () => {
    // relatives who are civil servants speak of meetings and reports in the family chat
    for (const chat of ['Kulawarga Aki Oyo 🏡', 'Kulawarga Ki Sanusi', 'Keluarga Eyang Harjo', 'Keluarga Mbah Karto', 'Kaluarga Gadang Inyiak Datuak', 'Kulawarga Ageung Aki Oyo']) {
      const { reading, findings } = read(chat, [...office, partisan]);
      expect(reading, chat).toBeDefined();
      expect(findings.map((f) => f.prohibition), chat).toEqual([3]);
    }
    for (const chat of ['Keluarga Besar Disdik Kab. Sukamaju', 'Keluarga Gadang Dinkes Saiyo Sakato', 'Keluarga Besar SDN Karangrejo 1', 'Keluarga Besar SDN 3 Sukamaju']) {
      expect(read(chat, [...office, partisan]).findings.map((f) => f.prohibition), chat).toEqual([6]);
    }
  });

  it('the reading of a message rests on the messages before it, never on its own words', () => {
    const { reading } = read('Grup Ceria 2024', [...office, partisan]);
    expect(reading?.cueMessages).toBe(2);
    expect(reading?.messages).toBe(3);
    // one roll call and a member's own "ASN" in the partisan message itself: not yet an office
    const own = read('Grup Ceria 2024', [office[0]!, office[1]!, ['Pak Dodi', 'Kita ASN pilih Budi-Dewi saja, programnya jelas']]);
    expect(own.reading).toBeUndefined();
  });

  it('a short answer to a work message by another member takes part in the work talk; a long unrelated one does not', () => {
    const answered = read('Grup Ceria 2024', [['Bu Rina', 'Apel pagi jam 07.30'], ['Pak Dodi', 'Nggih bu, siap'], ['Bu Rina', 'Laporan SPJ ditunggu'], partisan]);
    expect(answered.reading?.cues).toEqual(['apel pagi', 'laporan']);
    const chatter = read('Grup Ceria 2024', [['Bu Rina', 'Apel pagi jam 07.30'], ['Pak Dodi', 'Wah besok pagi aku mau ke rumah mertua dulu di kampung sebelah'], ['Bu Rina', 'Laporan SPJ ditunggu'], partisan]);
    expect(chatter.reading).toBeUndefined();
  });

  it('members named by office title are evidence, and a titled head running the work talk alone is enough', () => {
    const titled = read('Grup Ceria 2024', [['Bu Sri Kepsek', 'Rapat persiapan PTS jam 13.00'], ['Pak Bambang', 'Mas, pulang nanti mampir beli gorengan di pertigaan depan ya'], ['Bu Endang', 'Rapor kelas 5 sudah saya kumpulkan'], partisan]);
    expect(titled.reading?.titled).toBe(1);
    expect(titled.reading?.cues).toEqual(['kepsek', 'rapat', 'rapor']);
    expect(titled.findings.map((f) => f.prohibition)).toEqual([6]);
    expect(titled.findings[0]?.explanation.en).toContain('1 member(s) go by an office title');
    const head = (n: number) => read('Grup Ceria 2024', ([
      ['Hendra Danru', 'Regu B, apel isuk jam 06.30 di pendopo'],
      ['Hendra Danru', 'Rapat kerja Senen jam 09.00'],
      ['Hendra Danru', 'Jadwal penertiban APK Kemis wengi'],
    ].slice(0, n) as Array<[string, string]>).concat([partisan])).reading;
    expect(head(3)).toBeDefined();
    expect(head(2)).toBeUndefined();
    // the titled sender whose name tips the chat over reads their own message in the office: the
    // name is known before the message, its words are not what made the office
    const tipped = read('Sedulur Ceria', [['Pak Camat Slamet', 'Lare-lare, apel isuk dino Senen jam 7.30 ya, ojo telat'], ['Mbak Rini Kasi Pem', 'Budi-Dewi paling pantas jadi bupati, programnya jelas 👍']]);
    expect(tipped.reading?.titled).toBe(2);
    expect(tipped.findings.map((f) => f.prohibition)).toEqual([6]);
    // …but a partisan message does not make its own chat an office by its words
    expect(read('Sedulur Ceria', [['Pak Slamet', 'Lare-lare, apel isuk dino Senen jam 7.30 ya'], ['Mbak Rini', 'ASN kudu milih Budi-Dewi, laporan rapat wis tak kirim']]).reading).toBeUndefined();
    // the planning cycle of a regional agency (Permendagri 86/2017) and its head by title are work talk
    expect(read('Geng Lantai 5', [['Mpok Ani', 'Pagi geng, rapat Musrenbang diundur Kamis'], ['Bang Udin', 'Siap mpok, ntar Pak Kaban nanya'], ['Mpok Ani', 'Bahan RKPD kudu kelar Rabu'], partisan]).reading?.cues).toEqual(['rapat', 'pak kaban', 'rkpd']);
    // a title in the message text is work talk; a kinship title in a name is not an office title
    expect(read('Grup Ceria 2024', [['Tante Ani', 'Besok kumpul di rumah Mbah ya'], ['Om Syamsu', 'Siap tante, bawa kue'], partisan]).reading).toBeUndefined();
  });

  it('Sundanese "lembur" (home village) is not overtime: a family chat going home to the village is no office; Indonesian overtime still is work talk', () => {
    const village: Array<[string, string]> = [
      ['Teh Euis', 'Abdi badé mulih ka lembur heula minggu payun'],
      ['Kang Ujang', 'Sami abdi ogé, di lembur aya hajatan'],
      ['Teh Euis', 'Hayu atuh urang babarengan ti lembur ka kota'],
      ['Mang Dadan', 'Di lembur mah tos panen, pisan seueur'],
    ];
    expect(read('Grup Ceria 2024', [...village, partisan]).reading).toBeUndefined();
    // the same word in Indonesian office talk by two members counts
    const overtime = read('Grup Ceria 2024', [['Bu Rina', 'Malam ini lembur input data sampai jam 9'], ['Pak Dodi', 'Uang lembur bulan lalu sudah cair belum?'], partisan]);
    expect(overtime.reading?.cues).toEqual(['lembur']);
    expect(overtime.findings.map((f) => f.prohibition)).toEqual([6]);
    // a preposition of direction or origin before it makes it a place even in a mixed message
    const towards = read('Grup Ceria 2024', [['Bu Rina', 'Besok pulang ka lembur dulu'], ['Pak Dodi', 'Aku juga balik ti lembur Senin'], partisan]);
    expect(towards.reading).toBeUndefined();
  });

  it('a reunion or alumni chat that mentions a meeting, a hall and a civil servant is not read as an office', () => {
    const alumni = read('Grup Ceria 2024', [
      ['Fahrul 98', 'Reuni angkatan 98 jadi tanggal 6 di aula sekolah'],
      ['Norhayati', 'Siap, rapat panitia reuni besok malam ya'],
      ['Sari', 'Aku PNS tapi reuni tetap datang, kangen kalian'],
      partisan,
    ]);
    expect(alumni.reading).toBeUndefined();
    expect(alumni.findings.map((f) => f.prohibition)).toEqual([3]);
  });
});

describe('a chat\'s first messages wait until its work talk is in (WorkplaceLookahead)', () => {
  it('a partisan message sent before the roll call and the reports is read in the workplace the chat turns out to be', () => {
    const lookahead = new WorkplaceLookahead<string>(new ChatWorkplace(pack));
    const out: Array<{ value: string; read: boolean }> = [];
    const push = (sender: string, text: string, tag: string) => out.push(...lookahead.push(msg('Grup Ceria', sender, text), tag).map((r) => ({ value: r.value, read: r.reading !== undefined })));
    push(partisan[0], partisan[1], 'partisan');
    expect(out).toEqual([]);
    push('Bu Rina', 'Apel pagi jam 07.30, mohon semua hadir', 'apel');
    push('Pak Dodi', 'Siap bu', 'siap');
    push('Pak Dodi', 'Laporan SPJ sudah saya kirim', 'laporan');
    // the chat is read as a workplace once the report is in: everything held goes out, in order, read so
    expect(out.map((o) => o.value)).toEqual(['partisan', 'apel', 'siap', 'laporan']);
    expect(out.slice(0, 3).every((o) => o.read)).toBe(true);
    push('Mas Yoga', 'Coblos nomor 2 ya', 'later');
    expect(out.at(-1)).toEqual({ value: 'later', read: true });
  });

  it('a chat never read as a workplace lets its messages go unread: at the window, at another chat, at release', () => {
    const lookahead = new WorkplaceLookahead<number>(new ChatWorkplace(pack), 3);
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push(...lookahead.push(msg('Keluarga', i % 2 ? 'Mama' : 'Dek Sari', `makan malam di rumah nenek ${i}`), i).filter((r) => r.reading === undefined).map((r) => r.value));
    expect(got).toEqual([0, 1, 2]);
    got.push(...lookahead.push(msg('Lain', 'Budi', 'halo'), 9).map((r) => r.value));
    expect(got).toEqual([0, 1, 2, 3]);
    expect(lookahead.release().map((r) => r.value)).toEqual([9]);
  });
});

describe('the evidence a workplace group is read by', () => {
  it('members going by village office titles alone make the chat an office: no work word is needed to outweigh a reunion it never mentions', () => {
    const { reading, findings } = read('Grup Desa Kita', [
      ['Pak Sekdes Lapili', 'Tabe, bapak ibu. Hari ini penyaluran bantuan di balai mulai jam 9'],
      ['Ibu Kaur Keu Wa Ode', 'Iye pak, daftar penerima sudah sa print'],
      ['Pak Kades Ruslan', 'Budi-Dewi paling pantas jadi bupati, programnya jelas 👍'],
    ]);
    expect(reading?.titled).toBeGreaterThanOrEqual(2);
    expect(findings.map((f) => f.prohibition)).toEqual([6]);
  });

  it('members named after an office section or a title of the regions that name their units otherwise (Yogyakarta pamong, DKI suku dinas) make the chat an office', () => {
    // a Yogyakarta kalurahan: the carik runs the talk, the jagabaya asks in krama
    const pamong = read('Grup Ceria', [
      ['Suparno Carik', 'Sugeng enjing bapak ibu, benjing Rebo kempal wonten pendapa'],
      ['Pak Jagabaya Tris', 'Inggih pak, kula tindak'],
      ['Suparno Carik', 'Budi-Dewi paling pantas jadi bupati, programnya jelas 👍'],
    ]);
    expect(pamong.reading?.titled).toBe(2);
    expect(pamong.findings.map((f) => f.prohibition)).toEqual([6]);
    // a Jakarta suku dinas: its members go by their secretariat's sections
    const sudin = read('Grup Ceria', [
      ['Rizky', 'Guys reminder ya, laporan kinerja bulanan deadline jumat'],
      ['Bang Jali Sarpras', 'Siap riz'],
      ['Mbak Sekar Perencanaan', 'Ntar gue kirim'],
      partisan,
    ]);
    expect(sudin.reading?.cues).toEqual(['laporan', 'sarpras', 'perencanaan']);
    // a hamlet in a name is not a title: "dukuh" is left out
    expect(read('Grup Ceria', [['Joko Dukuh Karang', 'Mangga sami pinarak'], ['Sri Dukuh Ngasem', 'Inggih mas'], partisan]).reading).toBeUndefined();
  });

  it('titled members in a chat that speaks of itself as a family reunion are still not an office', () => {
    const { reading } = read('Grup Ceria', [
      ['Pak Sekdes Lapili', 'Reuni keluarga besar tahun ini di rumah Mbah ya'],
      ['Ibu Kaur Keu Wa Ode', 'Siap, arisan keluarga sekalian'],
      ['Pak Kades Ruslan', 'Budi-Dewi paling pantas jadi bupati'],
    ]);
    expect(reading).toBeUndefined();
  });

  it("a Facebook group's posts are read for work talk as a chat's messages are, by the group's id", () => {
    const workplace = new ChatWorkplace(pack);
    const post = (sender: string, text: string, i: number): Item =>
      makeItem({ platform: 'facebook', kind: 'post', text, time: `2023-12-0${i}T07:00:00Z`, actor: { name: sender }, context: { kind: 'group', id: '771234' }, source: { captureId: 'test', path: 'scrape.jsonl', pointer: `/${i}` } });
    const lines: Array<[string, string]> = [['Grace', 'Selamat pagi bapak ibu guru, jadwal ulangan semester so ada, tolong cek jo'], ['Ronald', 'Rapat dewan guru besok jam 7'], ['Grace', 'Budi-Dewi paling pantas jadi bupati']];
    let last: Item | undefined;
    lines.forEach(([who, text], i) => {
      last = post(who, text, i + 1);
      workplace.observe(last);
    });
    expect(workplace.readingFor(last as Item)).toBeDefined();
    // a post outside any group is in no workplace
    const alone = makeItem({ platform: 'facebook', kind: 'post', text: 'Rapat dewan guru besok', time: '2023-12-05T07:00:00Z', actor: { name: 'Grace' }, source: { captureId: 'test', path: 'scrape.jsonl', pointer: '/9' } });
    workplace.observe(alone);
    expect(workplace.readingFor(alone)).toBeUndefined();
  });
});

describe('netral scan reads a nameless chat as a workplace from all its first messages (real file, real SQLite)', () => {
  let dir: string;
  let store: ReturnType<typeof openStore>;
  const chat = (lines: string[]) => ['01/10/24 07.00 - Pesan dan panggilan terenkripsi secara end-to-end.', ...lines].join('\n') + '\n';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'netral-workplace-'));
    store = openStore(path.join(dir, 'netral.db'));
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const scan = async (name: string, lines: string[]) => {
    const sub = mkdtempSync(path.join(dir, 'in-'));
    writeFileSync(path.join(sub, `Chat WhatsApp dengan ${name}.txt`), chat(lines));
    return runScan({ inputs: [sub], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'test', command: 'test', region: '3299' });
  };

  it('the partisan message before the work talk is prohibition 6, and the finding says the group was read from its messages', async () => {
    const result = await scan('Grup Ceria', [
      '02/10/24 20.00 - Mas Yoga: Budi-Dewi paling pantas jadi bupati, programnya jelas 👍',
      '03/10/24 07.00 - Bu Sri Kepsek: Rapat persiapan PTS jam 13.00 di ruang guru',
      '03/10/24 07.05 - Pak Bambang: Nggih bu, siap',
      '04/10/24 07.00 - Bu Sri Kepsek: Rapor kelas 5 dikumpulkan hari Jumat',
    ]);
    const yoga = result.findings.filter((f) => f.item.actor?.name === 'Mas Yoga');
    expect(yoga.map((f) => f.finding.prohibition)).toEqual([6]);
    expect(yoga[0]!.finding.explanation.id).toContain('dibaca sebagai grup kerja dari isi pesannya');
  });

  it('a skipped line inside a chat still held back is told after the messages before it, in file order', async () => {
    const sub = mkdtempSync(path.join(dir, 'in-'));
    writeFileSync(
      path.join(sub, 'Chat WhatsApp dengan Grup Ceria.txt'),
      chat([
        '02/10/24 20.00 - Mas Yoga: Budi-Dewi paling pantas jadi bupati, programnya jelas 👍',
        // 31 February: no such date, the message is skipped with a warning
        '31/02/24 20.05 - Mama: Nanti malam makan di rumah nenek ya',
        '03/10/24 07.05 - Dek Sari: Coblos Budi-Dewi nomor 2 ya',
      ]),
    );
    const told: string[] = [];
    await runScan({
      inputs: [sub],
      pack,
      store,
      ingest: { timezone: 'Asia/Jakarta', skipBad: false },
      actor: 'test',
      command: 'test',
      region: '3299',
      onFinding: (f) => told.push(`finding ${f.item.actor?.name ?? ''}`),
      onWarning: (m) => told.push(m.includes('31/02/24') ? 'warning 31/02' : `warning ${m}`),
    });
    expect(told).toEqual(['finding Mas Yoga', 'warning 31/02', 'finding Dek Sari']);
  });

  it('the same message in a family chat is not 6', async () => {
    const result = await scan('Grup Ceria', [
      '02/10/24 20.00 - Mas Yoga: Budi-Dewi paling pantas jadi bupati, programnya jelas 👍',
      '03/10/24 07.00 - Mama: Nanti malam makan di rumah nenek ya',
      '03/10/24 07.05 - Dek Sari: Siap ma, aku bawa kue',
    ]);
    expect(result.findings.filter((f) => f.item.actor?.name === 'Mas Yoga').map((f) => f.finding.prohibition)).toEqual([3]);
  });
});
