// Labels of the HTML report (report.html in an export bundle). Indonesian first, English with lang=en.
import { defineMessages, type Message } from './index.js';
import type { ItemKind, Platform } from '../model/item.js';
import type { Prohibition, Severity, Track } from '../model/finding.js';
import type { ReportProfile, ReviewStatus } from '../report/report-data.js';

export const reportText = defineMessages({
  docKind: { id: 'Berkas temuan netralitas ASN', en: 'ASN neutrality case file' },
  generatedAt: { id: 'Dibuat', en: 'Generated' },
  storeUuid: { id: 'Penyimpanan bukti', en: 'Evidence store' },
  profile: { id: 'Profil ekspor', en: 'Export profile' },
  filters: { id: 'Filter', en: 'Filters' },
  noFilters: { id: 'tanpa filter', en: 'none' },
  software: { id: 'Perangkat lunak', en: 'Software' },
  chainHead: { id: 'Kepala rantai kustodi', en: 'Custody chain head' },
  chainSeq: { id: 'urutan #{seq}', en: 'entry #{seq}' },
  verifyTitle: { id: 'Cara memeriksa keaslian', en: 'How to verify' },
  verifySums: {
    id: 'Di folder bundel, periksa hash setiap berkas:',
    en: 'In the bundle folder, check the hash of every file:',
  },
  verifyNetral: {
    id: 'Periksa manifest, rantai kustodi, dan kaitan setiap temuan dengan berkas buktinya:',
    en: 'Check the manifest, the custody chain and that every finding refers to its capture:',
  },
  verifyHead: {
    id: 'Kepala rantai di atas harus sama dengan yang tercatat di manifest.json dan di surat laporan (Bawaslu) atau pengaduan (BKN).',
    en: 'The chain head above must equal the one in manifest.json and in the complaint letter.',
  },
  inertNote: {
    id: 'Halaman ini berdiri sendiri: tidak memuat apa pun dari jaringan. Tautan ke unggahan asli ditampilkan sebagai teks, tidak dapat diklik.',
    en: 'This page is self-contained: it loads nothing from the network. Links to original posts are shown as text and are not clickable.',
  },
  summaryTitle: { id: 'Ringkasan', en: 'Summary' },
  totalFindings: { id: 'Temuan', en: 'Findings' },
  subjects: { id: 'ASN', en: 'Civil servants' },
  agencies: { id: 'Instansi', en: 'Agencies' },
  regions: { id: 'Wilayah', en: 'Regions' },
  period: { id: 'Periode aktivitas', en: 'Activity period' },
  byStatus: { id: 'Menurut status tinjauan', en: 'By review status' },
  bySeverity: { id: 'Menurut tingkat', en: 'By severity' },
  chartsTitle: { id: 'Sebaran temuan', en: 'Distribution of findings' },
  chartProhibition: { id: 'Menurut larangan ("8 tidak")', en: 'By prohibition (the "8 tidak")' },
  chartAgency: { id: 'Menurut instansi', en: 'By agency' },
  chartRegion: { id: 'Menurut wilayah', en: 'By region' },
  chartWeek: { id: 'Menurut minggu (ISO, Senin–Minggu, waktu setempat)', en: 'By week (ISO, Monday–Sunday, local time)' },
  eventDate: { id: 'Tanggal acara', en: 'Event date' },
  indexTitle: { id: 'Indeks per ASN', en: 'Index by civil servant' },
  indexNote: {
    id: 'Satu baris per ASN: temuan menurut larangan, status review dan periode aktivitas (waktu setempat). Kartu bukti ada di halaman yang ditautkan; setiap halaman bisa dicetak sendiri.',
    en: 'One row per civil servant: findings by prohibition, review status and activity period (local time). The evidence cards are on the linked pages; each page prints on its own.',
  },
  colSubject: { id: 'ASN', en: 'Civil servant' },
  colPages: { id: 'Halaman', en: 'Pages' },
  colZone: { id: 'Zona', en: 'Zone' },
  noSubjectGroup: { id: 'Pelaku bukan ASN terdaftar', en: 'Authors who are no listed civil servant' },
  pageOf: { id: 'halaman {n} dari {total}', en: 'page {n} of {total}' },
  backToIndex: { id: '← Indeks', en: '← Index' },
  prevPage: { id: '‹ sebelumnya', en: '‹ previous' },
  nextPage: { id: 'berikutnya ›', en: 'next ›' },
  groupTitle: { id: '{n} temuan pada item yang sama, larangan {prohibition}', en: '{n} findings on the same item, prohibition {prohibition}' },
  attestTitle: { id: 'Pernyataan ekspor', en: 'Export attestation' },
  attestBy: { id: 'Diekspor oleh', en: 'Exported by' },
  attestAt: { id: 'Waktu ekspor', en: 'Exported at' },
  attestCase: { id: 'Nomor berkas', en: 'Case id' },
  attestEvidence: { id: 'Hash bukti (SHA-256 atas SHA256SUMS tanpa laporan dan manifest)', en: 'Evidence hash (SHA-256 over SHA256SUMS without the report and the manifest)' },
  attestEvidenceCheck: { id: 'Cek ulang:', en: 'Recompute:' },
  attestBundle: {
    id: 'Hash bundel = isi manifest.sha256 (dicetak oleh `netral export` dan tercatat di rantai kustodi sebagai export.create). Tulis di sini dan paraf:',
    en: 'Bundle hash = the content of manifest.sha256 (printed by `netral export` and recorded in the custody chain as export.create). Write it here and initial:',
  },
  attestUnknown: { id: '(tidak dicatat)', en: '(not recorded)' },
  printCase: { id: 'Berkas', en: 'Case' },
  printPage: { id: 'Hal.', en: 'Page' },
  chartOthers: { id: 'Lainnya ({n})', en: 'Others ({n})' },
  unknownAgency: { id: '(instansi tidak diketahui)', en: '(agency unknown)' },
  unknownRegion: { id: '(wilayah tidak diketahui)', en: '(region unknown)' },
  unknownTime: { id: '(waktu tidak diketahui)', en: '(time unknown)' },
  compareTitle: { id: 'Perbandingan wilayah dan instansi', en: 'Regions and agencies compared' },
  colRegion: { id: 'Wilayah', en: 'Region' },
  colAgency: { id: 'Instansi', en: 'Agency' },
  colFindings: { id: 'Temuan', en: 'Findings' },
  colSubjects: { id: 'ASN', en: 'Civil servants' },
  colHigh: { id: 'Tinggi', en: 'High' },
  colConfirmedShare: { id: 'Porsi dikonfirmasi', en: 'Confirmed share' },
  subtotal: { id: 'Subtotal', en: 'Subtotal' },
  total: { id: 'Total', en: 'Total' },
  cardsTitle: { id: 'Kartu bukti', en: 'Evidence cards' },
  noFindings: { id: 'Tidak ada temuan dalam ekspor ini.', en: 'This export contains no findings.' },
  cardNo: { id: 'Temuan {n} dari {total}', en: 'Finding {n} of {total}' },
  prohibitionNo: { id: 'Larangan {n}', en: 'Prohibition {n}' },
  subject: { id: 'ASN', en: 'Civil servant' },
  author: { id: 'Pelaku (akun)', en: 'Author (account)' },
  nip: { id: 'NIP', en: 'NIP' },
  noSubject: { id: '(belum dikaitkan dengan ASN)', en: '(not linked to a civil servant)' },
  time: { id: 'Waktu', en: 'Time' },
  platform: { id: 'Platform', en: 'Platform' },
  target: { id: 'Sasaran', en: 'Target' },
  context: { id: 'Grup / obrolan', en: 'Group / chat' },
  place: { id: 'Tempat', en: 'Place' },
  event: { id: 'Acara', en: 'Event' },
  caption: { id: 'Keterangan media', en: 'Media caption' },
  url: { id: 'Tautan asli (teks)', en: 'Original link (text)' },
  noText: { id: '(tanpa teks)', en: '(no text)' },
  matchedTerms: { id: 'Kata yang cocok', en: 'Matched words' },
  photo: { id: 'Foto terlampir', en: 'Attached photo' },
  rule: { id: 'Aturan', en: 'Rule' },
  legalBasis: { id: 'Dasar hukum', en: 'Legal basis' },
  sanction: { id: 'Potensi sanksi', en: 'Potential sanction' },
  candidates: { id: 'Pasangan calon', en: 'Candidate pair' },
  candidateNo: { id: 'No. {number}', en: 'No. {number}' },
  explanation: { id: 'Penjelasan', en: 'Explanation' },
  confidence: { id: 'Keyakinan', en: 'Confidence' },
  review: { id: 'Status tinjauan', en: 'Review status' },
  reviewBy: { id: 'oleh {reviewer}', en: 'by {reviewer}' },
  capture: { id: 'Berkas bukti (SHA-256)', en: 'Capture (SHA-256)' },
  origin: { id: 'Asal', en: 'Origin' },
  findingId: { id: 'ID temuan', en: 'Finding id' },
  footer: {
    id: 'Dibuat oleh netral {version}. Temuan adalah indikasi otomatis yang harus diperiksa manusia sebelum ditindaklanjuti.',
    en: 'Generated by netral {version}. Findings are automated indications that a person must review before acting on them.',
  },
});

const prohibitionLabels = defineMessages({
  '1': { id: 'Tidak like/dislike laman calon', en: "No liking a candidate's page" },
  '2': { id: 'Tidak menghadiri kampanye', en: 'No attending a campaign' },
  '3': { id: 'Tidak membuat status program calon', en: "No status about a candidate's programme" },
  '4': { id: 'Tidak memakai kaos kampanye', en: 'No campaign T-shirt' },
  '5': { id: 'Tidak berpose simbol nomor calon', en: 'No candidate-number hand sign' },
  '6': { id: 'Tidak berdiskusi politik di kantor', en: 'No politics talk at the office' },
  '7': { id: 'Tidak memasang stiker calon di kendaraan', en: 'No candidate sticker on a vehicle' },
  '8': { id: 'Tidak menghadiri debat', en: 'No attending a debate' },
  other: { id: 'Lainnya (SKB 2/2022)', en: 'Other (SKB 2/2022)' },
});

/** Short label of one of the "8 tidak" (or the SKB forms they do not cover). */
export function prohibitionLabel(p: Prohibition | string): Message {
  const key = String(p);
  return key in prohibitionLabels ? prohibitionLabels[key as keyof typeof prohibitionLabels] : prohibitionLabels.other;
}

export const statusLabels: Record<ReviewStatus, Message> = defineMessages({
  open: { id: 'terbuka', en: 'open' },
  confirmed: { id: 'dikonfirmasi', en: 'confirmed' },
  dismissed: { id: 'ditolak', en: 'dismissed' },
});

export const severityLabels: Record<Severity, Message> = defineMessages({
  info: { id: 'info', en: 'info' },
  low: { id: 'rendah', en: 'low' },
  medium: { id: 'sedang', en: 'medium' },
  high: { id: 'tinggi', en: 'high' },
});

export const trackLabels: Record<Track, Message> = defineMessages({
  etik: { id: 'jalur kode etik', en: 'code-of-ethics track' },
  disiplin: { id: 'jalur disiplin', en: 'discipline track' },
  unknown: { id: 'jalur belum diketahui', en: 'track not known' },
});

/** Default sanction text per track, used when the exporter gives none. */
export const sanctionLabels: Record<Track, Message> = defineMessages({
  etik: { id: 'sanksi moral (PP 42/2004 Pasal 15)', en: 'moral sanction (PP 42/2004 Article 15)' },
  disiplin: {
    id: 'hukuman disiplin sedang/berat (PP 94/2021)',
    en: 'moderate/severe disciplinary punishment (PP 94/2021)',
  },
  unknown: {
    id: 'belum dapat ditentukan: tahap pencalonan (bakal calon/calon) tidak diketahui',
    en: 'cannot be determined: the nomination phase (prospective/official candidate) is not known',
  },
});

export const profileLabels: Record<ReportProfile, Message> = defineMessages({
  full: { id: 'lengkap', en: 'full' },
  bawaslu: { id: 'Bawaslu (temuan dikonfirmasi)', en: 'Bawaslu (confirmed findings)' },
  public: { id: 'publik (data pribadi dikurangi)', en: 'public (personal data reduced)' },
});

export const platformLabels: Record<Platform, Message> = defineMessages({
  facebook: { id: 'Facebook', en: 'Facebook' },
  instagram: { id: 'Instagram', en: 'Instagram' },
  x: { id: 'X (Twitter)', en: 'X (Twitter)' },
  tiktok: { id: 'TikTok', en: 'TikTok' },
  telegram: { id: 'Telegram', en: 'Telegram' },
  whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
  youtube: { id: 'YouTube', en: 'YouTube' },
  web: { id: 'Halaman web', en: 'Web page' },
  table: { id: 'Tabel impor', en: 'Imported table' },
  photo: { id: 'Foto', en: 'Photo' },
});

export const kindLabels: Record<ItemKind, Message> = defineMessages({
  post: { id: 'unggahan', en: 'post' },
  comment: { id: 'komentar', en: 'comment' },
  share: { id: 'bagikan ulang', en: 'share' },
  reaction: { id: 'reaksi', en: 'reaction' },
  follow: { id: 'mengikuti', en: 'follow' },
  membership: { id: 'keanggotaan grup', en: 'group membership' },
  checkin: { id: 'check-in', en: 'check-in' },
  event: { id: 'acara', en: 'event' },
  message: { id: 'pesan', en: 'message' },
  media: { id: 'media', en: 'media' },
  profile: { id: 'profil', en: 'profile' },
});
