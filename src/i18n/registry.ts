// Messages of the candidate-registry commands (netral registry …) and the KPU importer.
import { defineMessages } from './index.js';

export const registryMessages = defineMessages({
  unreadable: {
    id: '{file}: tidak dapat dibaca ({detail}) — periksa path-nya',
    en: '{file}: cannot be read ({detail}) — check the path',
  },
  notJson: {
    id: '{file}: bukan JSON yang valid ({detail}) — unduh ulang berkas KPU',
    en: '{file}: is not valid JSON ({detail}) — download the KPU file again',
  },
  badPairList: {
    id: '{file}: {where}: {detail} — diharapkan daftar paslon KPU Sirekap (pkwkp.json / pkwkk.json)',
    en: '{file}: {where}: {detail} — expected a KPU Sirekap pair list (pkwkp.json / pkwkk.json)',
  },
  badDistrictList: {
    id: '{file}: {where}: {detail} — diharapkan daftar kabupaten/kota KPU (district/<prov>/<prov>.json)',
    en: '{file}: {where}: {detail} — expected a KPU district list (district/<prov>/<prov>.json)',
  },
  duplicateRegion: {
    id: '{file}: wilayah {code} juga ada di {other} — berikan setiap wilayah sekali saja',
    en: '{file}: region {code} also appears in {other} — pass each region once',
  },
  duplicateNumber: {
    id: '{file}: wilayah {code}, paslon {pair}: nomor urut {number} juga dipakai paslon {other} — periksa berkasnya',
    en: '{file}: region {code}, pair {pair}: ballot number {number} is also used by pair {other} — check the file',
  },
  badPairName: {
    id: '{file}: wilayah {code}, paslon {pair}: nama "{name}" tidak berbentuk "CALON - WAKIL" — perbaiki entri ini',
    en: '{file}: region {code}, pair {pair}: name "{name}" is not "CANDIDATE - RUNNING MATE" — fix this entry',
  },
  noPairs: {
    id: '{file}: wilayah {code} tidak memiliki paslon (hanya kolom kosong) — periksa berkasnya',
    en: '{file}: region {code} has no pair (only kolom kosong) — check the file',
  },
  unknownProvince: {
    id: '{file}: kode provinsi {code} tidak dikenal — periksa berkasnya',
    en: '{file}: province code {code} is unknown — check the file',
  },
  districtsNeeded: {
    id: '{file}: wilayah {code} adalah kabupaten/kota — berikan folder daftar wilayah KPU dengan --districts',
    en: '{file}: region {code} is a regency/city — give the KPU district folder with --districts',
  },
  unknownDistrict: {
    id: '{file}: wilayah {code} tidak ada di {dir} — periksa folder --districts',
    en: '{file}: region {code} is not in {dir} — check the --districts folder',
  },
  outputExists: {
    id: '{file}: sudah ada — hapus dulu atau timpa dengan --force',
    en: '{file}: already exists — remove it first or overwrite with --force',
  },
  unwritable: {
    id: '{file}: tidak dapat ditulis ({detail}) — periksa folder --out',
    en: '{file}: cannot be written ({detail}) — check the --out folder',
  },
  registryCommand: {
    id: 'Kelola registri paslon (rules/registry)',
    en: 'Manage candidate registries (rules/registry)',
  },
  importKpuCommand: {
    id: 'ubah daftar paslon Pilkada KPU Sirekap (pkwkp.json, pkwkk.json) menjadi berkas registri, satu per wilayah',
    en: 'turn KPU Sirekap Pilkada pair lists (pkwkp.json, pkwkk.json) into registry files, one per region',
  },
  filesArgument: {
    id: 'berkas pkwkp.json / pkwkk.json',
    en: 'pkwkp.json / pkwkk.json files',
  },
  districtsOption: {
    id: 'folder daftar kabupaten/kota KPU (district/<prov>/<prov>.json), wajib untuk pkwkk.json',
    en: 'folder of KPU district lists (district/<prov>/<prov>.json), needed for pkwkk.json',
  },
  outOption: {
    id: 'folder tujuan berkas registri (pilkada-2024-<kode>.yml)',
    en: 'folder for the registry files (pilkada-2024-<code>.yml)',
  },
  forceOption: {
    id: 'timpa berkas registri yang sudah ada',
    en: 'overwrite existing registry files',
  },
  additionUnknownPair: {
    id: '{key}: pasangan ini tidak ada di registri yang dimuat — periksa id-nya (pilkada-2024-<kode>-<nomor urut 2 digit>) dan muat registrinya dengan --registry',
    en: '{key}: no loaded registry has this pair — check its id (pilkada-2024-<code>-<2-digit ballot number>) and load its registry with --registry',
  },
  additionUnknownField: {
    id: '{key}: kolom ini tidak dikenal di berkas tambahan nama — yang boleh: {allowed}',
    en: '{key}: this field is not allowed in a names file — allowed: {allowed}',
  },
  additionInvalid: {
    id: '{key}: nilai tidak valid ({detail}) — periksa berkas tambahan nama',
    en: '{key}: invalid value ({detail}) — check the names file',
  },
  additionInconsistent: {
    id: 'registri {election} tidak konsisten setelah tambahan nama: {detail}',
    en: 'registry {election} is inconsistent after the added names: {detail}',
  },
  importKpuNamesHelp: {
    id: `
Nama yang tidak ada di data KPU (slogan, akronim, julukan, tim pemenangan, tagar): tulis di
berkas <out>/pilkada-2024-<kode>.local.yml di samping berkas yang dibuat, per id paslon:

  schema: 1
  pairs:
    pilkada-2024-<kode>-01:
      pair_names: [nama panggilan paslon]
      ambiguous_pair_names: [nama yang juga kata biasa]
      hashtags: [TagarKampanye]
      slogans: [slogan kampanye]
      teams: [nama tim pemenangan]
      supporter_nicknames: [sebutan pendukung]

Kolom yang boleh: pair_names, ambiguous_pair_names, hashtags, attack_hashtags, slogans, parties,
hand_sign_phrases, teams, supporter_nicknames, accounts. Berkas itu dimuat bersama registri
(--registry <out>) dan tidak disentuh saat impor ulang (--force).`,
    en: `
Names KPU data does not hold (slogans, acronyms, nicknames, campaign teams, hashtags): write them in
<out>/pilkada-2024-<code>.local.yml beside the generated file, by pair id:

  schema: 1
  pairs:
    pilkada-2024-<code>-01:
      pair_names: [the pair's nickname]
      ambiguous_pair_names: [a name that is also an ordinary word]
      hashtags: [CampaignTag]
      slogans: [campaign slogan]
      teams: [campaign team name]
      supporter_nicknames: [what rivals call its supporters]

Allowed fields: pair_names, ambiguous_pair_names, hashtags, attack_hashtags, slogans, parties,
hand_sign_phrases, teams, supporter_nicknames, accounts. The file is loaded with the registry
(--registry <out>) and left alone by a re-import (--force).`,
  },
  imported: {
    id: '{pairs} paslon di {regions} wilayah ditulis ke {out}',
    en: '{pairs} pairs in {regions} regions written to {out}',
  },
});
