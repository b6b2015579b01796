// Messages of the evaluation harness (npm run eval). Kept beside the harness because it is a
// developer tool; move to src/i18n/eval.ts if it ever becomes a user command.
import { defineMessages } from '../i18n/index.js';

export const evalMessages = defineMessages({
  badLabelFile: {
    id: '{file}: baris {line} tidak valid ({detail}) — perbaiki label sesuai fixtures/eval/RUBRIC.md',
    en: '{file}: line {line} is not valid ({detail}) — fix the label as fixtures/eval/RUBRIC.md describes',
  },
  unreadableFile: {
    id: '{file}: tidak dapat dibaca ({detail}) — periksa path-nya',
    en: '{file}: cannot be read ({detail}) — check the path',
  },
  unknownCorpus: {
    id: '{file}: baris {line} menyebut korpus "{corpus}" yang tidak dikenal — korpus yang dikenal: {known}',
    en: '{file}: line {line} names an unknown corpus "{corpus}" — known corpora: {known}',
  },
  unexpectedHeader: {
    id: '{file}: header "{header}" tidak sesuai harapan ("{expected}") — korpus berubah? periksa SOURCE.md',
    en: '{file}: header "{header}" is not the expected "{expected}" — has the corpus changed? check its SOURCE.md',
  },
  noKpuRace: {
    id: '{dir}: tidak ada Pilkada 2024 di daftar paslon KPU yang mencakup wilayah {region} — periksa kode wilayah set itu (KPU_SET_REGIONS)',
    en: '{dir}: no Pilkada 2024 race in KPU\'s pair lists covers region {region} — check the set\'s region code (KPU_SET_REGIONS)',
  },
  badOption: {
    id: 'netral eval: {detail} — lihat `npm run eval -- --help`',
    en: 'netral eval: {detail} — see `npm run eval -- --help`',
  },
});
