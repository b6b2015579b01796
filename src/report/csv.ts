// Findings as CSV rows shaped like the BKN / Bawaslu complaint forms: who (name, NIP, agency,
// region), when, where (link), what (form of violation) and the evidence (capture hash).
// `nama_terlapor` is the subject the finding is filed under; `akun` is the item's author.

export interface FindingCsvInput {
  findingId: string;
  status: string;
  reviewer: string | null;
  decidedAt: string | null;
  reason: string | null;
  subjectName: string | null;
  nip: string | null;
  agency: string | null;
  position: string | null;
  regionCode: string | null;
  regionName: string | null;
  platform: string;
  itemKind: string;
  /** the item's author (name and @handle): who did it, which may differ from the file's owner */
  actor: string | null;
  /** how the finding is tied to the subject: account (the author is theirs) or export-owner */
  attribution: string | null;
  itemTime: string | null;
  permalink: string | null;
  /** "Larangan 3: …" — the prohibition and the rule's title in the export language */
  violation: string;
  prohibition: string;
  skbForm: string | null;
  track: string;
  severity: string;
  confidence: number;
  ruleId: string;
  ruleVersion: number;
  legalBasis: string[];
  candidates: string[];
  matchedWords: string[];
  excerpt: string | null;
  captureSha256: string;
  /** path of the preserved capture inside the bundle, when included */
  captureFile: string | null;
}

/** Column header → value. Form fields first (Indonesian names, as on the forms), then technical ones. */
const COLUMNS: Array<[string, (r: FindingCsvInput) => string | number | null]> = [
  ['nama_terlapor', (r) => r.subjectName],
  ['nip', (r) => r.nip],
  ['instansi', (r) => r.agency],
  ['jabatan', (r) => r.position],
  ['kode_wilayah', (r) => r.regionCode],
  ['wilayah', (r) => r.regionName],
  ['tanggal_kejadian', (r) => r.itemTime],
  ['tautan', (r) => r.permalink],
  ['platform', (r) => r.platform],
  ['akun', (r) => r.actor],
  ['dasar_atribusi', (r) => r.attribution],
  ['bentuk_pelanggaran', (r) => r.violation],
  ['larangan', (r) => r.prohibition],
  ['formulir_skb', (r) => r.skbForm],
  ['jalur', (r) => r.track],
  ['dasar_hukum', (r) => r.legalBasis.join('; ')],
  ['kutipan', (r) => r.excerpt],
  ['kata_cocok', (r) => r.matchedWords.join('; ')],
  ['paslon', (r) => r.candidates.join('; ')],
  ['bukti_sha256', (r) => r.captureSha256],
  ['bukti_berkas', (r) => r.captureFile],
  ['status', (r) => r.status],
  ['peninjau', (r) => r.reviewer],
  ['tanggal_keputusan', (r) => r.decidedAt],
  ['alasan', (r) => r.reason],
  ['tingkat', (r) => r.severity],
  ['keyakinan', (r) => r.confidence.toFixed(2)],
  ['aturan', (r) => `${r.ruleId}@${r.ruleVersion}`],
  ['jenis_aktivitas', (r) => r.itemKind],
  ['finding_id', (r) => r.findingId],
];

export const FINDINGS_CSV_HEADER = COLUMNS.map(([name]) => name);

/** RFC 4180 quoting; a cell starting with = + - @ is prefixed with ' so spreadsheets never run it. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: Array<string | number | null>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function findingsCsvRow(r: FindingCsvInput): string {
  return csvLine(COLUMNS.map(([, get]) => get(r)));
}

/** Whole file: UTF-8 BOM (Excel reads Indonesian text and emoji right), header, one row per finding. */
export function findingsCsv(rows: Iterable<FindingCsvInput>): string {
  let out = `\uFEFF${csvLine(FINDINGS_CSV_HEADER)}`;
  for (const r of rows) out += findingsCsvRow(r);
  return out;
}
