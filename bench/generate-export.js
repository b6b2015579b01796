// Generates a large, realistic Facebook "Download Your Information" export (2024+ layout) for
// benchmarks: posts, likes and page likes of one account, mostly everyday Indonesian text with a
// few percent of campaign content. Deterministic (seeded), written as a zip with yazl.
//   node bench/generate-export.js <out.zip> [posts=50000] [reactions=20000]
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import yazl from 'yazl';
import { prng } from '../dist/eval/random.js';

const EVERYDAY = [
  'Alhamdulillah hari ini rapat koordinasi berjalan lancar, terima kasih rekan-rekan',
  'Selamat pagi, semangat bekerja untuk pelayanan masyarakat',
  'Anak-anak kelas 2 belajar menanam sayur di kebun sekolah 🌱',
  'Rapat warga RT 01/RW 02 besok jam 2 siang di balai desa',
  'Aamiin ya Allah, semoga sehat selalu untuk keluarga',
  'Macet parah di jalan provinsi pagi ini, hati-hati di jalan',
  'Resep sayur asem ala ibu, enak bangettt',
  'Liburan ke pantai bareng keluarga ✌️😄',
  'Jadwal posyandu bulan ini tanggal 12, jangan lupa bawa buku KIA',
  'Apel pagi di halaman kantor, ingat ASN wajib netral dalam pemilu #NetralitasASN',
];
const CAMPAIGN = [
  'Ayo coblos 02 tanggal 14 Februari ✌️ #PrabowoGibran2024',
  'Program makan siang gratis dari Prabowo-Gibran pasti bikin anak sehat!',
  'Jangan lupa coblos nomor 3, Ganjar–Mahfud sat set! 🤟 #GanjarMahfud2024',
  'Hadir langsung di kampanye akbar AMIN, merinding! #AMIN',
  'Kaos baru dari relawan, kaos Ganjar-Mahfud mantap',
];

/** Ends the zip and resolves once it is on disk. */
function writeZip(zip, out) {
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject);
  });
}

/** mulberry32, the one seeded PRNG of the repository (src/eval/random.ts): every run generates the same export */
export { prng };

/** Meta's export escapes every UTF-8 byte of non-ASCII text as \u00XX (the mojibake netral repairs). */
function metaJson(value) {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((b) => `\\u00${b.toString(16).padStart(2, '0')}`).join(''),
  );
}

/** Seeded choices, and a post text: mostly everyday, a few percent campaign content. */
function sampler(seed) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return { rand, pick, postText: (i) => (rand() < 0.03 ? pick(CAMPAIGN) : `${pick(EVERYDAY)} (${i})`) };
}

/**
 * A zip member holding a JSON array of `count` records, written as it is generated (so the
 * generator stays small however big the file): `head` + records joined by `separator` + `tail`.
 */
function addStreamedArray(zip, path, { head, count, record, separator, tail }) {
  const body = new PassThrough();
  zip.addReadStream(body, path, { mtime: MTIME });
  (async () => {
    body.write(head);
    for (let i = 0; i < count; i++) {
      if (!body.write(`${i ? separator : ''}${record(i)}`)) await new Promise((resolve) => body.once('drain', resolve));
    }
    body.end(tail);
  })();
}

const MTIME = new Date('2024-12-01T00:00:00Z');

export function generateExport(out, posts = 50_000, reactions = 20_000) {
  const { rand, pick, postText } = sampler(20240214);
  const start = Date.parse('2023-11-01T00:00:00Z') / 1000;
  const postList = [];
  for (let i = 0; i < posts; i++) {
    postList.push({ timestamp: Math.floor(start + i * 600), data: [{ post: postText(i) }], title: 'Budi Santoso updated his status.' });
  }
  const likes = [];
  for (let i = 0; i < reactions; i++) {
    const owner = rand() < 0.02 ? pick(['Prabowo Subianto', 'Ganjar Pranowo', 'Anies Baswedan']) : pick(['Dinas Pendidikan', 'Resep Nusantara', 'Teman Kantor', 'Berita Daerah']);
    likes.push({
      timestamp: Math.floor(start + i * 900),
      label_values: [
        { label: 'Reaction', value: 'Like' },
        { label: 'URL', value: `https://www.facebook.com/posts/${i}` },
        { title: 'Owner', dict: [{ title: '', dict: [{ label: 'Name', value: owner }] }] },
      ],
    });
  }
  const zip = new yazl.ZipFile();
  const add = (path, json) => zip.addBuffer(Buffer.from(metaJson(json)), `facebook-budisantoso-bench/${path}`, { mtime: MTIME });
  add('personal_information/profile_information/profile_information.json', { profile_v2: { name: { full_name: 'Budi Santoso' } } });
  add('your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json', postList);
  add('your_facebook_activity/comments_and_reactions/likes_and_reactions.json', likes);
  return writeZip(zip, out);
}

/**
 * An X archive whose data/tweets.js holds `tweets` tweets (a long-lived account's file runs to
 * hundreds of MB), streamed into the zip so the generator itself stays small.
 */
export function generateXArchive(out, tweets = 200_000) {
  const { postText } = sampler(20240215);
  const start = Date.parse('2023-11-01T00:00:00Z');
  const zip = new yazl.ZipFile();
  const account = [{ account: { username: 'budisantoso_', accountId: '1400000000000000999', accountDisplayName: 'Budi Santoso' } }];
  zip.addBuffer(Buffer.from(`window.YTD.account.part0 = ${JSON.stringify(account, null, 2)}`), 'data/account.js', { mtime: MTIME });
  addStreamedArray(zip, 'data/tweets.js', {
    head: 'window.YTD.tweets.part0 = [ ',
    count: tweets,
    separator: ', ',
    tail: ' ]',
    record: (i) => {
      const created = new Date(start + i * 300_000).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 +0000 $4');
      const tweet = { id_str: String(1720000000000000000n + BigInt(i)), created_at: created, full_text: postText(i), lang: 'in', entities: { hashtags: [], user_mentions: [], urls: [] } };
      return JSON.stringify({ tweet }, null, 2);
    },
  });
  return writeZip(zip, out);
}

/** A Telegram Desktop single-chat export (ChatExport_…/result.json) of `messages` messages. */
export function generateTelegramExport(out, messages = 200_000) {
  const { postText } = sampler(20240216);
  const start = Date.parse('2023-11-01T00:00:00Z') / 1000;
  const zip = new yazl.ZipFile();
  addStreamedArray(zip, 'ChatExport_2024-12-01/result.json', {
    head: '{\n "name": "Grup Kantor Dinas Sukamaju",\n "type": "private_group",\n "id": 4000000001,\n "messages": [\n  ',
    count: messages,
    separator: ',\n  ',
    tail: '\n ]\n}\n',
    record: (i) => {
      const text = postText(i);
      const at = start + i * 300;
      return JSON.stringify({ id: i + 1, type: 'message', date: new Date((at + 7 * 3600) * 1000).toISOString().slice(0, 19), date_unixtime: String(at), from: 'Budi Santoso', from_id: 'user5000000001', text, text_entities: [{ type: 'plain', text }] });
    },
  });
  return writeZip(zip, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, posts, reactions] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node bench/generate-export.js <out.zip> [posts] [reactions]');
    process.exit(2);
  }
  await generateExport(out, Number(posts ?? 50_000), Number(reactions ?? 20_000));
  console.log(`wrote ${out}`);
}
