// What a civil servant does for a named pair's campaign team, told in text (issue 11, stop 54): money or goods
// given to the team's posko (sk-kegiatan-tim-paslon v2), the pair escorted to register at KPU (t2 v32), being
// recorded at the team's posko in an analyst's sheet (sk-kegiatan-tim-paslon v2), and the pair's sticker on a
// scooter called by its model (t7 v16) — each beside the traps of the same form (a flood posko, a refusal, an
// escort on duty, a dealer's sticker). Registries: the invented KPU governor lists of fixtures/kpu/coinages
// (Central Java: Randika Sumarno – Hendrianto Wibisono, "RanHen"; Budiman Santoso – Lestiani Purbasari).
// Every text is invented; the items come through the real WhatsApp, Facebook and sheet adapters.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS } from '../../src/ingest/adapters.js';
import { evaluate } from '../../src/rules/evaluate.js';
import type { Item } from '../../src/model/item.js';
import { collect, tempDir } from '../ingest/helpers-core.js';
import { kpuSample } from './kpu-sample.js';
import { facebookPosts, whatsappChat, writeAt } from './export-writers.js';

const SEMARANG = '3374';
const RANHEN = 'pilkada-2024-33-01';
const BUDIMAN = 'pilkada-2024-33-02';

/** a WhatsApp (Android, Indonesian locale) chat export of the given lines, by one sender */
const chat = (name: string, sender: string, lines: string[]): string => whatsappChat(name, sender, lines, (i) => `${String(8 + i).padStart(2, '0')}.15`);

/** a Facebook (2025 layout) export whose timeline holds the given posts, around the pairs' registration */
const timeline = (posts: string[]): string => facebookPosts(posts, 1724745600);

/** an analyst's sheet (the Bawaslu layout of dev-relawan) with the given rows: [kind, target, text] */
function sheet(rows: [string, string, string][]): string {
  const root = tempDir();
  const lines = ['no,tanggal,nama_asn,jabatan,unit_kerja,platform,akun,jenis,target,isi_postingan,link']
    .concat(rows.map(([kind, target, text], i) => `${i + 1},15/10/2024 20:0${i},Sri Wahyuni,Pengadministrasi Umum,Kecamatan Tembalang,X,sri_tembalang,${kind},${target},"${text}",`));
  writeAt(root, 'lembar-analis-bawaslu.csv', `\ufeff${lines.join('\r\n')}\r\n`);
  return join(root, 'lembar-analis-bawaslu.csv');
}

describe('a named pair\'s team helped, told in text, through the real adapters', () => {
  const { pack } = kpuSample('coinages');
  const read = async (input: string): Promise<Item[]> => (await collect([input], {}, ALL_ADAPTERS)).items;
  const judged = (items: Item[]) =>
    items.map((item) => {
      const fs = evaluate(pack(), item, { region: SEMARANG });
      return { text: item.text ?? '', forms: fs.map((f) => f.prohibition), findings: fs, pairs: [...new Set(fs.flatMap((f) => f.candidates.map((c) => c.pair)))] };
    });

  it('WhatsApp: rice, money and coffee given to a pair\'s posko are the team form; a flood posko and a refusal are not', async () => {
    const found = judged(await read(chat('Guru SMPN 3 Tembalang', 'Sri Wahyuni', [
      'Tiang sudah nyumbang beras 2 karung ke posko relawan Randika-Hendrianto Banyumanik 🙏',
      'Saya sudah transfer 300rb untuk konsumsi posko Budiman-Lestiani Tembalang, bukti transfernya di bawah',
      'Siapa yang mau nyumbang kopi buat relawan posko Randika-Hendrianto? Saya sudah bawa 3 termos ☕',
      'Saya sudah nyumbang beras ke posko banjir Genuk, Pak Randika Sumarno juga meninjau ke sana',
      'Maaf saya tidak mau nyumbang ke posko relawan RanHen, ASN harus netral',
    ])));
    // the donor's own gift told in the office chat keeps the team form; the call to colleagues to give is
    // talk to them, the office form (dev-relawan's labelling: asking colleagues to donate is 6)
    expect(found.map((f) => f.forms.includes('other'))).toEqual([true, true, false, false, false]);
    expect(found[2]?.forms).toEqual([6]);
    expect(found.slice(0, 3).map((f) => f.pairs)).toEqual([[RANHEN], [BUDIMAN], [RANHEN]]);
    // the finding says what was given
    const gift = found[0]?.findings.find((f) => f.ruleId === 'sk-kegiatan-tim-paslon');
    expect(gift?.explanation.id).toContain('nyumbang');
    expect(gift?.candidates.map((c) => [c.pair, c.stance])).toEqual([[RANHEN, 'support']]);
  });

  it('Facebook posts: a pair escorted to register at KPU is attending its event; an escort on duty and news are not', async () => {
    const found = judged(await read(timeline([
      'Besok saya ikut ngantar Pak Randika dan Pak Hendrianto daftar ke KPU Provinsi Jawa Tengah, kumpul di Simpang Lima jam 8',
      'Mengawal Budiman-Lestiani daftar ke KPU Provinsi Jawa Tengah, rame pisan 👊',
      'Regu 3 besok tugas pengamanan, mengawal Randika-Hendrianto daftar ke KPU Provinsi, apel jam 6',
      'Ratusan pendukung mengantar Budiman-Lestiani mendaftar ke KPU Provinsi Jawa Tengah, Rabu (28/8)',
    ])));
    expect(found.map((f) => [f.forms.includes(2), f.pairs])).toEqual([
      [true, [RANHEN]],
      [true, [BUDIMAN]],
      [false, []],
      [false, []],
    ]);
  });

  it('an analyst\'s sheet: a "hadir" row\'s target is the check-in\'s place, so the subject at a pair\'s posko attended its campaign', async () => {
    const items = await read(sheet([
      ['hadir', 'Posko Pemenangan Randika-Hendrianto Banyumanik', 'Rapat koordinasi relawan tingkat kelurahan 💪'],
      ['hadir', 'Posko Banjir Genuk', 'Rapat koordinasi relawan, kami siap bantu'],
    ]));
    expect(items.map((i) => [i.kind, i.place?.name])).toEqual([
      ['checkin', 'Posko Pemenangan Randika-Hendrianto Banyumanik'],
      ['checkin', 'Posko Banjir Genuk'],
    ]);
    const found = judged(items);
    expect(found.map((f) => [f.forms.includes(2), f.pairs])).toEqual([
      [true, [RANHEN]],
      [false, []],
    ]);
  });

  it('a pair\'s sticker on a scooter called by its model is the sticker form; a dealer\'s is not', async () => {
    const found = judged(await read(timeline([
      'Stiker RanHen sudah nempel di Vario, siap keliling Tembalang 🛵',
      'Vario baru sudah ditempel stiker dealer Honda, gratis helm juga 😁',
    ])));
    expect(found.map((f) => [f.forms.includes(7), f.pairs])).toEqual([
      [true, [RANHEN]],
      [false, []],
    ]);
  });
});
