// Messages of `netral fetch` and the page fetcher.
import { defineMessages } from './index.js';

export const fetchMessages = defineMessages({
  badUrl: {
    id: '{url}: bukan URL yang sah — tulis alamat lengkap, mis. https://t.me/s/namakanal',
    en: '{url}: not a valid URL — give the full address, e.g. https://t.me/s/channelname',
  },
  badScheme: {
    id: '{url}: hanya URL http dan https yang bisa diambil',
    en: '{url}: only http and https URLs can be fetched',
  },
  blockedAddress: {
    id: '{url}: ditolak — {host} mengarah ke alamat {reason} ({address}); netral hanya membaca situs publik (--allow-private untuk server uji lokal)',
    en: '{url}: refused — {host} points to a {reason} address ({address}); netral only reads public sites (--allow-private for a local test server)',
  },
  robotsDisallowed: {
    id: '{url}: tidak diambil — {reason}; simpan halamannya dengan peramban bila tetap diperlukan',
    en: '{url}: not fetched — {reason}; save the page with a browser if it is still needed',
  },
  timeout: {
    id: '{url}: tidak ada jawaban lengkap dalam {ms} md — coba lagi nanti',
    en: '{url}: no complete answer within {ms} ms — try again later',
  },
  badEncoding: {
    id: '{url}: isi terkompresi tidak bisa diurai ({detail})',
    en: '{url}: the compressed body cannot be decoded ({detail})',
  },
  compressionBomb: {
    id: '{url}: isi terurai lebih dari {ratio} kali ukuran kirimannya (bom kompresi?) — dihentikan',
    en: '{url}: the body decodes to more than {ratio} times its transferred size (a compression bomb?) — stopped',
  },
  tooLarge: {
    id: '{url}: isi halaman lebih dari {max} bita — pembacaan dihentikan',
    en: '{url}: page body larger than {max} bytes — stopped reading',
  },
  tooManyRedirects: {
    id: '{url}: lebih dari {max} pengalihan — dihentikan',
    en: '{url}: more than {max} redirects — stopped',
  },
  network: {
    id: '{url}: tidak bisa dihubungi ({detail}) — periksa alamat dan koneksi',
    en: '{url}: could not be reached ({detail}) — check the address and the connection',
  },
  offlineMissing: {
    id: '{url}: belum ada tangkapan tersimpan — ambil sekali tanpa --offline',
    en: '{url}: no stored capture — fetch it once without --offline',
  },
  storedHashMismatch: {
    id: '{url}: tangkapan tersimpan {id} tidak cocok dengan SHA-256 yang tercatat — jalankan netral verify',
    en: '{url}: stored capture {id} does not hash to its recorded SHA-256 — run netral verify',
  },
  urlsFileUnreadable: {
    id: '{file}: daftar URL tidak bisa dibaca ({detail})',
    en: '{file}: the URL list cannot be read ({detail})',
  },
  noUrls: {
    id: 'tidak ada URL — sebutkan URL atau --urls <berkas>',
    en: 'no URL given — name URLs or --urls <file>',
  },
  offlineWithCache: {
    id: '--offline dan --cache tidak bisa dipakai bersamaan — pilih salah satu',
    en: '--offline and --cache cannot be used together — choose one',
  },
  description: {
    id: 'Ambil halaman publik (kanal t.me/s, YouTube, TikTok, artikel) dengan sopan dan simpan sebagai bukti',
    en: 'Fetch public pages (t.me/s channels, YouTube, TikTok, articles) politely and keep them as evidence',
  },
  optUrls: { id: 'berkas berisi URL, satu per baris (# = komentar)', en: 'file listing URLs, one per line (# = comment)' },
  optContact: {
    id: 'e-mail/URL kontak yang dicantumkan di User-Agent (bawaan $NETRAL_CONTACT)',
    en: 'contact e-mail/URL put in the User-Agent (default $NETRAL_CONTACT)',
  },
  optAllowPrivate: { id: 'izinkan alamat privat/loopback (server uji lokal)', en: 'allow private/loopback addresses (local test server)' },
  optOffline: { id: 'jangan mengambil: pakai tangkapan tersimpan saja', en: 'do not fetch: only re-use stored captures' },
  optCache: { id: 'pakai tangkapan tersimpan bila ada, ambil bila belum', en: 're-use a stored capture when there is one, else fetch' },
  optMaxPages: { id: 'halaman kanal Telegram yang dibaca (bawaan {n})', en: 'Telegram channel pages to read (default {n})' },
  optRate: { id: 'jeda minimum antar-permintaan ke satu host, md (bawaan 1000)', en: 'minimum interval between requests to one host, ms (default 1000)' },
  optTimeout: { id: 'batas waktu satu permintaan, md (bawaan 30000)', en: 'time limit of one request, ms (default 30000)' },
  pageLine: {
    id: '{status}  {bytes}  sha256:{sha}  {items} item  {url}{note}',
    en: '{status}  {bytes}  sha256:{sha}  {items} items  {url}{note}',
  },
  reusedNote: {
    id: '  (dari tangkapan tersimpan {at})',
    en: '  (from stored capture {at})',
  },
  summary: {
    id: '{pages} halaman, {items} item, {failed} URL gagal',
    en: '{pages} pages, {items} items, {failed} URLs failed',
  },
});
