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
  // a single file given as the input: the member is the input itself, so it is not named twice
  badFile: {
    id: '{input}: {detail} — unduh ulang ekspornya, atau lewati dengan --skip-bad',
    en: '{input}: this file is {detail} — re-download the export, or skip it with --skip-bad',
  },
  badFileSkipped: {
    id: '{input}: {detail} — dilewati',
    en: '{input}: this file is {detail} — skipped',
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
  jsonUnexpectedToken: {
    id: 'ada {token} yang tidak semestinya',
    en: 'unexpected {token}',
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
  tableKindsUnknown: {
    id: '{path}: {count} baris dengan jenis aktivitas yang tidak dikenal dibaca sebagai unggahan (contoh: "{example}")',
    en: '{path}: {count} rows with an activity kind netral does not know were read as posts (e.g. "{example}")',
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

/** One per limit of src/limits.ts: what was too big, and the flag that raises the bound. */
export const limitMessages = defineMessages({
  maxLineBytes: {
    id: 'satu baris/sel/rekaman lebih panjang dari {limit} bita{at} — naikkan dengan --limit max-line=<ukuran>',
    en: 'one line/cell/record is longer than {limit} bytes{at} — raise it with --limit max-line=<size>',
  },
  maxDocumentBytes: {
    id: 'berkas {size} bita, lebih besar dari batas {limit} bita untuk dokumen yang dibaca utuh — naikkan dengan --limit max-document=<ukuran>',
    en: 'a {size}-byte file, larger than the {limit}-byte limit for documents read whole — raise it with --limit max-document=<size>',
  },
  maxJsonDepth: {
    id: 'JSON bersarang lebih dalam dari {limit} tingkat{at} — naikkan dengan --limit max-json-depth=<n>',
    en: 'JSON nested deeper than {limit} levels{at} — raise it with --limit max-json-depth=<n>',
  },
  maxHtmlDepth: {
    id: 'HTML bersarang lebih dalam dari {limit} tingkat — naikkan dengan --limit max-html-depth=<n>',
    en: 'HTML nested deeper than {limit} levels — raise it with --limit max-html-depth=<n>',
  },
  maxHtmlNodes: {
    id: 'HTML dengan lebih dari {limit} elemen — naikkan dengan --limit max-html-nodes=<n>',
    en: 'HTML with more than {limit} elements — raise it with --limit max-html-nodes=<n>',
  },
  maxDecompressedBytes: {
    id: 'isi terurai lebih dari {limit} bita{at} — naikkan dengan --limit max-decompressed=<ukuran>',
    en: 'decompresses to more than {limit} bytes{at} — raise it with --limit max-decompressed=<size>',
  },
  maxCompressionRatio: {
    id: 'rasio kompresi lebih dari {limit}:1 (bom zip?){at} — naikkan dengan --limit max-ratio=<n>',
    en: 'compression ratio above {limit}:1 (a zip bomb?){at} — raise it with --limit max-ratio=<n>',
  },
  maxMembers: {
    id: 'lebih dari {limit} berkas di dalamnya — naikkan dengan --limit max-members=<n>',
    en: 'more than {limit} files inside — raise it with --limit max-members=<n>',
  },
  fileTimeMs: {
    id: 'pembacaan melewati batas waktu {limit} md per berkas — naikkan dengan --limit file-time=<detik>s',
    en: 'reading took longer than the {limit} ms per-file budget — raise it with --limit file-time=<seconds>s',
  },
  textWindow: {
    id: '{path}: teks sepanjang {length} karakter dicocokkan per jendela {window} karakter yang saling tumpang tindih',
    en: '{path}: a {length}-character text was matched in overlapping windows of {window} characters',
  },
  textWindowOverlap: {
    id: 'tumpang tindih jendela teks {limit}',
    en: 'text window overlap {limit}',
  },
  rowEvidenceBytes: {
    id: 'berkas baris di atas {limit} byte menyimpan baris yang ditandai saja',
    en: 'row files over {limit} bytes keep only their flagged rows',
  },
  badLimit: {
    id: '--limit {spec}: harus {expected}',
    en: '--limit {spec}: expected {expected}',
  },
  mediaUnreadable: {
    id: '{input}: berkas media {path} tidak terbaca ({detail}) — butir tetap dibaca tanpa hash medianya',
    en: '{input}: media file {path} is unreadable ({detail}) — the item is read without its media hash',
  },
});
