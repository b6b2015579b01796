// Generates a large WhatsApp group export (iOS `_chat.txt` layout, Indonesian locale) for the
// chat-reply benchmark: one office group of `members` civil servants talking in bursts (a few
// members at a time, a message every one to four minutes, hours between bursts), with replies that
// answer the message before them, and now and then a member's own partisan act (a sticker, a
// volunteer team, a rally) that a colleague asks about and the same member answers: the exchange
// the engine's reply readings (findingsInThread, offerCarriedOn, ownActCarriedOn) look back for.
// Deterministic: the same (count, members, seed) always gives the same bytes.
//   node bench/generate-whatsapp.js <out/_chat.txt> [messages=50000] [members=30]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng } from './generate-export.js';

const FIRST = ['Budi', 'Sri', 'Agus', 'Dewi', 'Rina', 'Hendra', 'Yusuf', 'Maria', 'Joko', 'Wati', 'Dimas', 'Nur', 'Rofiq', 'Endah', 'Fajar', 'Lina', 'Asep', 'Tuti', 'Bayu', 'Ratna'];
const ROLE = ['Kabid', 'Staf', 'PPL', 'Keu', 'Umum', 'Kasubag', 'Promkes', 'TU', 'Perencanaan', 'Kepegawaian'];
const TITLE = ['Pak', 'Bu', 'Mas', 'Mbak', 'Kang', 'Teh'];

const CHATTER = [
  'Assalamualaikum, selamat pagi rekan-rekan 🙏',
  'Apel pagi jam 07.30 di halaman kantor ya, mohon hadir semua',
  'Laporan realisasi anggaran triwulan {n} paling lambat tanggal 2{m}, terima kasih',
  'Siap pak, segera kami kirim',
  'Rapat koordinasi besok jam {n} di aula, bawa data masing-masing bidang',
  'Ada yang tahu password wifi ruang rapat yang baru?',
  'Izin pak, hari ini saya dinas luar ke Kecamatan Cibeunying',
  'Mohon doanya, ibu saya dirawat di RSUD 🙏',
  'Semoga lekas sembuh ibunya {t} 🤲',
  'Jadwal piket minggu ini: {a} dan {b}',
  'Makan siang di mana kita? soto depan kantor aja',
  'Wkwk siap, ikut 😂',
  'Berkas SPJ sudah saya taruh di meja {t}',
  'Terima kasih {t}, sudah diterima',
  'Pengumuman: absen finger wajib sebelum jam 07.30 mulai Senin',
  'Kapan pelatihan SRIKANDI gelombang {n}?',
  'Rabu depan {t}, pesertanya {n}0 orang',
  'Oke noted 👍',
  'Hati-hati di jalan, hujan deras di daerah Soreang',
  'Selamat ulang tahun {t}, panjang umur sehat selalu 🎂',
  'Aamiin, terima kasih semuanya 🙏😊',
  'Ingat ya rekan-rekan, ASN wajib netral dalam Pemilu 2024, jangan ikut kampanye',
  'Siap, laksanakan',
  'Data stunting desa binaan sudah masuk {n}0 persen',
  'Mantap, lanjutkan',
];
// a member's own act that takes a side, then the colleague's question and the member's answer
const ACTS = [
  ['Rekan-rekan, stiker Prabowo-Gibran nomor 02 ada di meja saya, ambil aja buat motor 😎', 'Stikernya masih ada {t}?', 'Masih, ambil aja dua sekalian buat mobil'],
  ['Yang mau ikut jalan sehat relawan Ganjar-Mahfud Minggu pagi daftar ke saya ya, kaos disiapkan', 'Kaosnya ukuran apa aja {t}?', 'Ada M sama L, nanti saya bawakan ke kantor'],
  ['Ayo coblos nomor 01 Anies-Muhaimin, kumpulkan KTP keluarga ke saya buat data relawan', 'KTP-nya fotokopi aja {t}?', 'Iya fotokopi satu lembar cukup, sekalian KK'],
  ['Saya sudah pasang spanduk 02 di depan rumah, mantap Prabowo-Gibran satu putaran 🔥', 'Nanti kena tegur Bawaslu lho {t}', 'Biarlah, itu rumah pribadi, tetap saya pasang'],
];

/** The export's lines for `count` messages; returns nothing, writes to `out`. */
export async function generateWhatsApp(out, count = 50_000, members = 30, seed = 20240214) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const people = Array.from({ length: members }, (_, i) => `${TITLE[i % TITLE.length]} ${FIRST[i % FIRST.length]}${i >= FIRST.length ? ` ${i}` : ''} ${ROLE[i % ROLE.length]}`);
  const file = createWriteStream(out);
  const write = async (s) => {
    if (!file.write(s)) await once(file, 'drain');
  };
  const stamp = (ms) => {
    const d = new Date(ms + 7 * 3600_000); // WIB, written as local time
    const p = (n) => String(n).padStart(2, '0');
    return `[${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${String(d.getUTCFullYear()).slice(2)} ${p(d.getUTCHours())}.${p(d.getUTCMinutes())}.${p(d.getUTCSeconds())}]`;
  };
  let t = Date.parse('2023-10-01T00:00:00Z');
  await write(`\u200e${stamp(t)} Grup Kantor Dinas: \u200ePesan dan panggilan terenkripsi secara end-to-end.\n`);
  let written = 0;
  while (written < count) {
    // a burst: 3–6 members, 10–40 messages, one to four minutes apart
    const active = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => pick(people));
    const len = 10 + Math.floor(rand() * 31);
    for (let k = 0; k < len && written < count; k++) {
      t += (60 + Math.floor(rand() * 180)) * 1000;
      const who = pick(active);
      const fill = (s) => s.replace(/\{n\}/g, () => String(1 + Math.floor(rand() * 9))).replace(/\{m\}/g, () => String(Math.floor(rand() * 9))).replace(/\{t\}/g, () => pick(people).split(' ').slice(0, 2).join(' ')).replace(/\{a\}/g, () => pick(people)).replace(/\{b\}/g, () => pick(people));
      if (rand() < 0.03 && written + 3 <= count) {
        const [act, ask, answer] = pick(ACTS);
        const other = pick(active.filter((p) => p !== who).concat(people.filter((p) => p !== who)));
        await write(`${stamp(t)} ${who}: ${fill(act)}\n`);
        t += (60 + Math.floor(rand() * 120)) * 1000;
        await write(`${stamp(t)} ${other}: ${fill(ask)}\n`);
        t += (60 + Math.floor(rand() * 120)) * 1000;
        await write(`${stamp(t)} ${who}: ${fill(answer)}\n`);
        written += 3;
        continue;
      }
      await write(`${stamp(t)} ${who}: ${fill(pick(CHATTER))}\n`);
      written++;
    }
    t += (30 + Math.floor(rand() * 150)) * 60_000; // half an hour to three hours: ~2,000 bursts fall between the campaign's start and the vote
  }
  file.end();
  await once(file, 'close');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, n = '50000', m = '30'] = process.argv.slice(2);
  if (!out) throw new Error('usage: node bench/generate-whatsapp.js <out/_chat.txt> [messages] [members]');
  await generateWhatsApp(out, Number(n), Number(m));
}
