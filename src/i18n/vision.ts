// Messages of the optional vision capability (netral scan --vision, netral vision doctor).
import { defineMessages } from './index.js';

export const visionMessages = defineMessages({
  notInstalled: {
    id: '--vision memerlukan paket yang belum terpasang ({missing}) — pasang dengan: {install}',
    en: '--vision needs packages that are not installed ({missing}) — install them with: {install}',
  },
  cmdVision: { id: 'Kemampuan membaca foto (OCR, gambar kampanye yang dikenal, pose tangan)', en: 'The photo-reading capability (OCR, known campaign imagery, hand poses)' },
  cmdDoctor: { id: 'Tampilkan paket penglihatan yang tersedia beserta versinya, lalu uji modelnya', en: 'Show which vision packages are available, with versions, and try their models' },
  optVision: { id: 'baca juga foto: teks pada kaos/stiker/poster (OCR), gambar kampanye dari registri, pose nomor tangan', en: 'also read photos: text on shirts/stickers/posters (OCR), campaign imagery from the registry, number hand poses' },
  doctorHeader: { id: 'Paket penglihatan (opsional):', en: 'Vision packages (optional):' },
  doctorMissing: { id: 'tidak terpasang', en: 'not installed' },
  doctorSignal: { id: 'sinyal', en: 'signal' },
  doctorProbe: { id: 'Uji model:', en: 'Model check:' },
  doctorProbeOk: { id: '{signal}: jalan ({model}, {ms} ms)', en: '{signal}: runs ({model}, {ms} ms)' },
  doctorProbeFail: { id: '{signal}: gagal — {detail}', en: '{signal}: fails — {detail}' },
  doctorProbeSkipped: { id: '{signal}: dilewati (paket belum terpasang)', en: '{signal}: skipped (packages not installed)' },
  doctorInstall: { id: 'Pasang semuanya dengan: {install}', en: 'Install them all with: {install}' },
  doctorRegistryImages: { id: 'Gambar acuan di registri: {count}', en: 'Reference images in the registry: {count}' },
  badReferenceImage: {
    id: '{file}: gambar acuan {image} tidak dapat dibaca ({detail}) — periksa daftar images: di registri',
    en: '{file}: reference image {image} cannot be read ({detail}) — check the images: list of the registry',
  },
  photoUnreadable: { id: '{path}: foto tidak dapat dibaca untuk --vision ({detail}); dilewati', en: '{path}: photo cannot be read for --vision ({detail}); skipped' },
  offlineRefused: { id: 'model meminta unduhan {url}; netral tidak mengunduh apa pun saat berjalan', en: 'a model asked to download {url}; netral downloads nothing at run time' },
  // the vision rules' titles and explanations
  titleOcr: { id: 'Teks kampanye terbaca pada foto', en: 'Campaign text read in a photo' },
  titleImage: { id: 'Gambar kampanye yang dikenal pada foto', en: 'Known campaign imagery in a photo' },
  titlePose: { id: 'Pose jari yang cocok dengan nomor urut pasangan calon', en: 'A finger pose matching a pair\'s ballot number' },
  titleOcrShirt: { id: 'Teks kampanye tercetak pada kaos di foto', en: 'Campaign text printed on a shirt in a photo' },
  titleOcrSticker: { id: 'Teks kampanye pada stiker kendaraan di foto', en: 'Campaign text on a vehicle sticker in a photo' },
  explainPrinted: {
    id: 'Teks tercetak pada foto menyebut pasangan calon {pair} ({words}; kotak x={x} y={y} w={w} h={h}; {model}). Bentuk: {form} Dasar: {legal}.',
    en: 'Printed text in the photo names candidate pair {pair} ({words}; box x={x} y={y} w={w} h={h}; {model}). Form: {form} Basis: {legal}.',
  },
  // why a form (form.ts) was chosen; {detail} is the caption word or the face box
  form_captionGarment: { id: 'dipakai — keterangannya menyebut “{detail}” (larangan nomor 4).', en: 'worn — the caption says “{detail}” (item 4).' },
  form_captionVehicle: { id: 'stiker kendaraan — keterangannya menyebut “{detail}” (larangan nomor 7).', en: 'a vehicle sticker — the caption says “{detail}” (item 7).' },
  form_captionMaterial: { id: 'alat peraga — keterangannya menyebut “{detail}” (larangan nomor 3).', en: 'campaign material — the caption says “{detail}” (item 3).' },
  form_torso: { id: 'dipakai — teks berada di dada, tepat di bawah wajah pada {detail} (larangan nomor 4).', en: 'worn — the text is on a chest, right below a face at {detail} (item 4).' },
  form_plate: { id: 'kemungkinan stiker kendaraan — di foto yang sama terbaca pelat nomor kendaraan ({detail}); periksa fotonya (larangan nomor 7).', en: 'probably a vehicle sticker — a licence plate is read in the same photo ({detail}); check the photo (item 7).' },
  form_wheels: { id: 'kemungkinan stiker kendaraan — teks berada pada badan kendaraan di atas dua rodanya ({detail}); periksa fotonya (larangan nomor 7).', en: 'probably a vehicle sticker — the text is on the body of a vehicle above its two wheels ({detail}); check the photo (item 7).' },
  form_vehicleObject: { id: 'kemungkinan stiker kendaraan — model objek melihat kendaraan di sekitar teks ({detail}); periksa fotonya (larangan nomor 7).', en: 'probably a vehicle sticker — an object model sees a vehicle around the text ({detail}); check the photo (item 7).' },
  form_personObject: { id: 'kemungkinan kaos yang dipakai — model objek melihat orang, dan teks berada di dadanya ({detail}); periksa fotonya (larangan nomor 4).', en: 'probably a worn shirt — an object model sees a person, and the text is on their chest ({detail}); check the photo (item 4).' },
  form_stickerPatch: { id: 'kemungkinan stiker kendaraan — teks tercetak pada tempelan kecil yang berbeda warna dari sekelilingnya; dari bentuk permukaannya, periksa fotonya (larangan nomor 7).', en: 'probably a vehicle sticker — the text is printed on a small patch set off from what is around it; from the surface, check the photo (item 7).' },
  form_garmentSurface: { id: 'kemungkinan kaos — teks di tengah permukaan kain yang lebar dan tidak persegi, berlanjut di bawah teks; dari bentuk permukaannya, periksa fotonya (larangan nomor 4).', en: 'probably a shirt — the text sits across the middle of a wide, non-rectangular surface that runs on below it; from the surface, check the photo (item 4).' },
  form_sheetSurface: { id: 'alat peraga — teks pada lembaran persegi (poster, spanduk); dari bentuk permukaannya (larangan nomor 3).', en: 'campaign material — the text is on a rectangular sheet (poster, banner); from the surface (item 3).' },
  form_stickerLayout: { id: 'kemungkinan stiker kendaraan — satu-dua baris lebar di bagian bawah foto mendatar; hanya dari tata letak, periksa fotonya (larangan nomor 7).', en: 'probably a vehicle sticker — one or two wide lines low in a landscape photo; from the layout alone, check the photo (item 7).' },
  form_uprightStrip: { id: 'kemungkinan stiker kendaraan — satu-dua baris teks memanjang tegak (miring {detail}), seperti stiker di pilar mobil atau garpu motor; hanya dari tata letak, periksa fotonya (larangan nomor 7).', en: 'probably a vehicle sticker — one or two lines of text in an upright strip (turned {detail}), like a sticker up a car pillar or down a scooter fork; from the layout alone, check the photo (item 7).' },
  form_shirtLayout: { id: 'kemungkinan kaos — blok teks di tengah, mulai di bawah 40% tinggi foto seperti cetakan di dada; hanya dari tata letak, periksa fotonya (larangan nomor 4).', en: 'probably a shirt — a centred text block starting below 40% of the height, like a chest print; from the layout alone, check the photo (item 4).' },
  form_none: { id: 'tidak terbaca dari foto (bukan kaos atau kendaraan yang terlihat): alat peraga kampanye umum, dinilai peninjau (larangan nomor 3).', en: 'not readable from the photo (no visible shirt or vehicle): general campaign material, for the reviewer to judge (item 3).' },
  explainImage: {
    id: 'Foto memuat gambar yang mirip "{label}" ({pair}) dari registri (jarak hash {distance} dari 64 bit, kotak x={x} y={y} w={w} h={h}; {model}). Dasar: {legal}.',
    en: 'The photo contains an image close to "{label}" ({pair}) from the registry (hash distance {distance} of 64 bits, box x={x} y={y} w={w} h={h}; {model}). Basis: {legal}.',
  },
  explainPose: {
    id: 'Tangan dengan {fingers} jari terangkat ({shape}) pada foto, sama dengan nomor urut {pair}{context} (skor {score}, kotak x={x} y={y} w={w} h={h}; {model}). Dasar: {legal}.',
    en: 'A hand with {fingers} raised finger(s) ({shape}) in the photo, the ballot number of {pair}{context} (score {score}, box x={x} y={y} w={w} h={h}; {model}). Basis: {legal}.',
  },
  poseContext: { id: '; foto yang sama juga menyebut paslon ini', en: '; the same photo also names this pair' },
  poseAlone: { id: '; tanpa konteks kampanye lain: hanya petunjuk lemah', en: '; with no other campaign context: only a weak hint' },
});
