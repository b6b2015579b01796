// Generates large, realistic row-based inputs for the batch benchmark and the speed acceptance
// test: JSONL and CSV of one civil servant's posts, and a Facebook export split over several zips
// the way Meta splits a large one. Indonesian text with emoji, slang and hashtags; a known share of
// rows take sides in the 2024 presidential election (clean ≈ 0.5 %, heavy ≈ 30 %). Deterministic:
// the same (count, profile, seed) always gives the same bytes and the same violating rows.
//   node bench/generate-table.js <out.jsonl|out.csv|out-dir/> [items=200000] [clean|heavy]
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import { prng } from './generate-export.js';

export const PROFILES = { clean: 0.005, heavy: 0.3 };

// Everyday posts of an office worker: none of these may produce a finding. Some carry words that
// rules also look for (program, kampanye, nomor, coblos in a duty sense, ✌️) so the benchmark pays
// for the near misses a real account produces, not only for empty text.
const OPENERS = ['', '', 'Alhamdulillah, ', 'Selamat pagi semua 🙏 ', 'Info penting: ', 'Bismillah. ', 'Wkwk ', 'Mantap! '];
const EVERYDAY = [
  'rapat koordinasi di {place} berjalan lancar, terima kasih rekan-rekan',
  'semangat bekerja untuk pelayanan masyarakat {place}',
  'anak-anak kelas {n} belajar menanam sayur di kebun sekolah 🌱',
  'rapat warga RT 0{n}/RW 0{m} besok jam {n} siang di balai desa',
  'semoga sehat selalu untuk keluarga besar kami di {place}',
  'macet parah di jalan provinsi pagi ini, hati-hati di jalan ya gaes 🚗',
  'resep sayur asem ala ibu, enak bangettt 😋',
  'liburan ke pantai bareng keluarga ✌️😄',
  'jadwal posyandu bulan ini tanggal 1{n}, jangan lupa bawa buku KIA',
  'apel pagi di halaman kantor, ingat ASN wajib netral dalam pemilu #NetralitasASN',
  'program imunisasi campak di puskesmas {place} dimulai minggu depan 💉',
  'kampanye cuci tangan pakai sabun bersama siswa SD {n} {place}',
  'pelatihan aplikasi SRIKANDI untuk pegawai kecamatan, peserta {n}0 orang',
  'harga cabai di pasar {place} naik lagi, sudah Rp{n}0 ribu per kilo 🌶️',
  'turut berduka cita atas wafatnya ayahanda rekan kami, semoga husnul khatimah',
  'selamat ulang tahun ke-{n}{m} untuk Ibu Kepala Dinas, panjang umur 🎂',
  'kerja bakti membersihkan selokan di lingkungan {place} bersama warga 💪',
  'gotong royong renovasi mushola sudah {n}0 persen, terima kasih donaturnya',
  'nonton bola bareng bapak-bapak komplek, skor {n}-{m} 😂',
  'lomba 17 Agustus di kantor: tarik tambang, makan kerupuk, balap karung 🇮🇩',
  'sosialisasi netralitas ASN: pegawai dilarang ikut kampanye dan dilarang berpose jari, mari jaga netralitas',
  'KPPS di TPS 0{n} sudah siap bertugas, semoga pemilu berjalan jujur dan adil',
];
const PLACES = ['Kecamatan Cibeunying', 'Desa Sukamaju', 'Kelurahan Sumur Batu', 'Kabupaten Garut', 'Kota Bandung', 'Dinas Pendidikan', 'Bapperida', 'RSUD Soreang'];
const CLOSERS = ['', '', ' 🙏', ' #semangatpagi', ' #ASNBerAKHLAK', ' 😊😊', ' cc @dinkes_kab', ' (foto: dok. pribadi)'];

// Posts that take sides for a 2024 presidential pair: each of these gives at least one finding.
const PAIRS = [
  { n: '01', name: 'Anies Baswedan', pair: 'Anies-Muhaimin', tag: '#AMIN' },
  { n: '02', name: 'Prabowo', pair: 'Prabowo-Gibran', tag: '#PrabowoGibran2024' },
  { n: '03', name: 'Ganjar Pranowo', pair: 'Ganjar-Mahfud', tag: '#GanjarMahfud2024' },
];
const CAMPAIGN = [
  'Ayo coblos {n} tanggal 14 Februari, {pair} menang satu putaran! {tag}',
  'Sudah mantap pilih {pair}, jangan lupa coblos nomor {n} ya bapak ibu {tag} 🔥',
  'Hadir langsung di kampanye akbar {pair} di GBK, merinding lautan massa! {tag}',
  'Kaos baru dari relawan {pair} sudah sampai, mantap dipakai ke kantor besok {tag}',
  'Mari kita dukung {name} jadi presiden 2024, demi Indonesia maju! {tag}',
  'Bapak ibu rekan kantor, ayo menangkan {pair} nomor urut {n}, sudah waktunya berubah {tag}',
];

/**
 * The rows, one object each: `violating` tells whether the row was written to take sides.
 * Times run from the start of the presidential campaign to the vote, ten minutes apart, so every
 * row falls inside the Pilpres 2024 watch window.
 */
export function* tableRows(count, profile = 'clean', seed = 20240214) {
  const share = PROFILES[profile];
  if (share === undefined) throw new Error(`unknown profile ${profile} (clean, heavy)`);
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const start = Date.parse('2023-11-28T01:00:00Z');
  const step = Math.max(1, Math.floor((Date.parse('2024-02-13T12:00:00Z') - start) / Math.max(1, count)));
  for (let i = 0; i < count; i++) {
    const violating = rand() < share;
    const fill = (s, pair) =>
      s
        .replace(/\{place\}/g, () => pick(PLACES))
        .replace(/\{n\}/g, () => String(1 + Math.floor(rand() * 9)))
        .replace(/\{m\}/g, () => String(1 + Math.floor(rand() * 9)))
        .replace(/\{pair\}/g, pair?.pair ?? '')
        .replace(/\{name\}/g, pair?.name ?? '')
        .replace(/\{tag\}/g, pair?.tag ?? '');
    let text;
    if (violating) {
      const pair = pick(PAIRS);
      text = fill(pick(CAMPAIGN).replace('{n}', pair.n), pair);
    } else {
      text = `${pick(OPENERS)}${fill(pick(EVERYDAY))}${pick(CLOSERS)}`;
      // a longer post now and then: two everyday sentences
      if (rand() < 0.3) text += `. ${fill(pick(EVERYDAY))}`;
    }
    yield {
      violating,
      row: {
        id: `bench-${i}`,
        created_at: new Date(start + i * step).toISOString(),
        username: 'budisantoso_',
        author: 'Budi Santoso',
        text,
        url: `https://x.com/budisantoso_/status/${1720000000000000000n + BigInt(i)}`,
      },
    };
  }
}

/** Writes lines to a file with back-pressure; resolves once the file is closed. */
async function writeLines(file, lines) {
  const out = createWriteStream(file);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

function csvField(v) {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** JSONL, one row per line; returns the 0-based indexes of the violating rows. */
export async function generateJsonl(file, count, profile = 'clean') {
  const violating = [];
  await writeLines(
    file,
    (function* () {
      let i = 0;
      for (const { violating: v, row } of tableRows(count, profile)) {
        if (v) violating.push(i);
        i++;
        yield `${JSON.stringify(row)}\n`;
      }
    })(),
  );
  return violating;
}

/** CSV with a header line; returns the 0-based indexes of the violating rows. */
export async function generateCsv(file, count, profile = 'clean') {
  const violating = [];
  await writeLines(
    file,
    (function* () {
      yield 'id,created_at,username,author,text,url\n';
      let i = 0;
      for (const { violating: v, row } of tableRows(count, profile)) {
        if (v) violating.push(i);
        i++;
        yield `${Object.values(row).map(csvField).join(',')}\n`;
      }
    })(),
  );
  return violating;
}

/** Meta's export escapes every UTF-8 byte of non-ASCII text as \u00XX (the mojibake netral repairs). */
function metaJson(value) {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `\\u00${b.toString(16).padStart(2, '0')}`).join(''),
  );
}

/**
 * A Facebook export (2024+ layout) split the way Meta splits a large one: several zips
 * (facebook-<user>-<date>-<part>.zip), each holding some your_posts__…_N.json members of at most
 * `perMember` posts. Returns the violating rows' 0-based indexes over all posts.
 */
export async function generateFacebookSplit(dir, count, profile = 'clean', { perMember = 10_000, membersPerZip = 3 } = {}) {
  mkdirSync(dir, { recursive: true });
  const violating = [];
  const rows = tableRows(count, profile);
  const MTIME = new Date('2024-12-01T00:00:00Z');
  let i = 0;
  let member = 0;
  for (let part = 1; i < count; part++) {
    const zip = new yazl.ZipFile();
    if (part === 1) zip.addBuffer(Buffer.from(metaJson({ profile_v2: { name: { full_name: 'Budi Santoso' } } })), 'personal_information/profile_information/profile_information.json', { mtime: MTIME });
    for (let k = 0; k < membersPerZip && i < count; k++) {
      member++;
      const body = new PassThrough();
      zip.addReadStream(body, `your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_${member}.json`, { mtime: MTIME });
      const posts = [];
      for (let j = 0; j < perMember && i < count; j++, i++) {
        const { violating: v, row } = rows.next().value;
        if (v) violating.push(i);
        posts.push(metaJson({ timestamp: Math.floor(Date.parse(row.created_at) / 1000), data: [{ post: row.text }], title: 'Budi Santoso updated his status.' }));
      }
      body.end(`[${posts.join(',')}]`);
    }
    zip.end();
    await once(zip.outputStream.pipe(createWriteStream(path.join(dir, `facebook-budisantoso-20241201-${part}.zip`))), 'close');
  }
  return violating;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, items = '200000', profile = 'clean'] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/generate-table.js <out.jsonl|out.csv|out-dir/> [items] [clean|heavy]');
    process.exit(2);
  }
  const gen = out.endsWith('.jsonl') ? generateJsonl : out.endsWith('.csv') ? generateCsv : generateFacebookSplit;
  const violating = await gen(out, Number(items), profile);
  console.log(`wrote ${out}: ${items} items, ${violating.length} violating`);
}
