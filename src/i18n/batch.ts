// Messages of batch scans (`netral scan --subjects|--manifest`).
import { defineMessages } from './index.js';

export const batchMessages = defineMessages({
  optSubjects: { id: 'CSV subjek dengan kolom inputs (berkas ekspor tiap subjek): pindai semuanya', en: 'subjects CSV with an inputs column (each subject’s export files): scan them all' },
  optManifest: { id: 'manifes subjek → berkas (CSV atau JSON): pindai semuanya', en: 'manifest subject → inputs (CSV or JSON): scan them all' },
  optRescan: { id: 'pindai lagi berkas yang sudah dipindai dengan isi dan paket aturan yang sama', en: 'scan again inputs already scanned with the same bytes and rule pack' },
  batchWithInputs: { id: '--subjects/--manifest membaca berkas dari manifes — jangan beri berkas lain', en: '--subjects/--manifest reads the inputs from the manifest — give no other inputs' },
  batchBothFiles: { id: 'pilih salah satu: --subjects atau --manifest', en: 'give one of --subjects or --manifest' },
  manifestNoInputs: { id: '{file}: baris {line}: subjek {subject} tanpa berkas (kolom inputs kosong) — isi jalur ekspornya', en: '{file}: line {line}: subject {subject} has no inputs (empty inputs column) — fill in the export paths' },
  manifestBad: { id: '{file}: entri {entry}: {detail} — perbaiki manifes lalu ulangi', en: '{file}: entry {entry}: {detail} — fix the manifest and run again' },
  inputFailed: { id: 'gagal: {subject}: {input}: {detail}', en: 'failed: {subject}: {input}: {detail}' },
  inputFailedNamed: { id: 'gagal: {subject}: {detail}', en: 'failed: {subject}: {detail}' },
  summaryHeader: { id: 'Ringkasan per subjek', en: 'Summary per subject' },
  summaryRow: {
    id: '{subject}: {inputs} berkas ({scanned} dipindai, {skipped} dilewati, {errors} gagal) · {items} item · temuan: {findings} · temuan akun lain: {other}',
    en: '{subject}: {inputs} inputs ({scanned} scanned, {skipped} skipped, {errors} failed) · {items} items · findings: {findings} · other authors’ findings: {other}',
  },
  summaryNoFindings: { id: 'tidak ada', en: 'none' },
  partial: {
    id: 'Sebagian gagal: {failed} dari {total} berkas tidak dipindai (kode keluar 3). Perbaiki berkas itu lalu jalankan lagi perintah yang sama — yang sudah dipindai akan dilewati.',
    en: 'Partial: {failed} of {total} inputs were not scanned (exit code 3). Fix those files and run the same command again — inputs already scanned are skipped.',
  },
});
