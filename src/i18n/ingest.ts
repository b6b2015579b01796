// Messages of the ingest stage: walking inputs, recognising formats, reading members.
import { defineMessages } from './index.js';

export const ingestMessages = defineMessages({
  pathNotFound: {
    id: '{path}: berkas atau folder tidak ditemukan — periksa nama path-nya',
    en: '{path}: no such file or folder — check the path',
  },
  pathUnreadable: {
    id: '{path}: tidak bisa dibaca ({detail})',
    en: '{path}: cannot be read ({detail})',
  },
  badZip: {
    id: '{file}: bukan arsip zip yang bisa dibaca ({detail}) — unduh ulang berkasnya',
    en: '{file}: is not a readable zip archive ({detail}) — re-download it',
  },
  badMember: {
    id: '{input}: anggota {path} bermasalah ({detail}) — unduh ulang ekspornya, atau lewati dengan --skip-bad',
    en: '{input}: member {path} is {detail} — re-download the export, or skip it with --skip-bad',
  },
  badMemberSkipped: {
    id: '{input}: anggota {path} bermasalah ({detail}) — dilewati',
    en: '{input}: member {path}: {detail} — skipped',
  },
  unknownFormat: {
    id: '{file}: format tidak dikenal — netral membaca ekspor {formats}; lihat netral scan --list-formats',
    en: '{file}: unknown format — netral reads {formats} exports; see netral scan --list-formats',
  },
  noKnownMembers: {
    id: '{input}: tidak ada berkas berformat yang dikenal di dalamnya ({count} berkas diperiksa) — netral membaca ekspor {formats}; lihat netral scan --list-formats',
    en: '{input}: contains no file in a known format ({count} files looked at) — netral reads {formats} exports; see netral scan --list-formats',
  },
  facebookHtmlExport: {
    id: '{input}: ini ekspor Facebook berformat HTML — minta ulang "Download Your Information" dengan format JSON',
    en: '{input}: this is a Facebook export in HTML format — request "Download Your Information" again in JSON format',
  },
  // Details of a broken JSON / CSV member (they complete "member <path> is …")
  jsonInvalid: {
    id: 'bukan JSON yang valid ({where})',
    en: 'not valid JSON ({where})',
  },
  jsonAt: {
    id: 'baris {line}, kolom {column}',
    en: 'line {line}, column {column}',
  },
  jsonColumn: {
    id: 'kolom {column}',
    en: 'column {column}',
  },
  jsonEnd: {
    id: 'berkas terpotong',
    en: 'unexpected end of file',
  },
  jsonRecordAt: {
    id: 'rekaman yang mulai di baris {line}, kolom {column}: {reason}',
    en: 'record starting at line {line}, column {column}: {reason}',
  },
  csvUnreadable: {
    id: 'bukan CSV yang terbaca ({detail})',
    en: 'not a readable CSV ({detail})',
  },
  memberUnreadable: {
    id: 'tidak terbaca ({detail})',
    en: 'not readable ({detail})',
  },
  // Table (CSV / JSONL) adapter
  // Details of a MemberFormatError complete "member <path> is …"
  tableNoTextColumn: {
    id: 'tidak ada kolom teks yang dikenali; kolom yang ada: {columns}; sebutkan kolomnya dengan --text-column',
    en: 'without a text column netral recognises (columns found: {columns}); name it with --text-column',
  },
  tableColumnMissing: {
    id: 'kolom "{column}" tidak ada; kolom yang ada: {columns}',
    en: 'missing the column "{column}" (columns found: {columns})',
  },
  tableRowsWithoutText: {
    id: '{path}: {count} baris tanpa teks maupun target dilewati',
    en: '{path}: {count} rows without text or target were skipped',
  },
  tableTimesUnreadable: {
    id: '{path}: {count} nilai waktu tidak terbaca dan dibiarkan kosong (contoh: "{example}")',
    en: '{path}: {count} time values could not be read and were left empty (e.g. "{example}")',
  },
  jsonlNotObject: {
    id: 'baris {line} bukan objek JSON',
    en: 'not a JSON object at line {line}',
  },
  jsonlBadLine: {
    id: 'bukan JSON yang valid (baris {line}, {detail})',
    en: 'not valid JSON (line {line}, {detail})',
  },
  // Facebook adapter
  facebookUnexpectedShape: {
    id: 'bukan berkas {what} Facebook yang dikenal, bentuk JSON tidak sesuai',
    en: 'not a Facebook {what} file netral knows (unexpected JSON shape)',
  },
  facebookEntriesSkipped: {
    id: '{path}: {count} entri dengan bentuk tak dikenal dilewati (pertama di {pointer})',
    en: '{path}: {count} entries of an unknown shape were skipped (first at {pointer})',
  },
});
