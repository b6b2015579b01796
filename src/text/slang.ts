// Chat abbreviations and slang → standard form, applied token by token during normalisation
// (after lower-casing and elongation squashing, so "bangettt" is looked up as "banget").
//
// Written by hand for netral from everyday Indonesian chat usage; nothing is copied from the
// public slang lexicons (kamus-alay, IndoCollex, kbba.txt), which carry no licence we may ship.
//
// What goes in, and what stays out:
// - keys are single lower-case tokens as the normaliser sees them (letters/digits only: "org2"
//   is one token, "ma'ruf" is two); values are lower-case, one or more words, and contain no
//   word that is itself a key (normalising twice changes nothing);
// - abbreviations and spelling variants only, no stemming: "dicoblos", "mencoblos", "nyoblos"
//   keep their affixes because the affix carries meaning (a report vs. a call to action), and
//   election words (capres, cawapres, paslon, pilpres, pemilu, coblos, tps, golput) are already
//   standard;
// - no token whose other reading matters for matching: "amin"/"aamiin" (prayer vs. AMIN),
//   "maju", "lanjut", "gas", "gemoy", "sat set" words, party and agency acronyms (pks, pan, pd,
//   psi, kpu, bpn, tkn), single letters (initials in names), and short forms with a common
//   second meaning ("sma"/"smp" schools, "plh" acting official, "gua" cave, "kaya" rich,
//   "kek" grandfather, "kk" family card).
// Terms in rules and registries go through the same normaliser, so a mapping here never stops a
// term from matching itself; it only lets "no urut 2" meet "nomor urut 2".

/** lower-case token → replacement (one or more words, lower-case) */
export const SLANG: Readonly<Record<string, string>> = {
  // negation
  gk: 'tidak',
  ga: 'tidak',
  gak: 'tidak',
  gag: 'tidak',
  gx: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  enggak: 'tidak',
  engga: 'tidak',
  kagak: 'tidak',
  tdk: 'tidak',
  ndak: 'tidak',
  nda: 'tidak',
  ndk: 'tidak',
  bkn: 'bukan',
  bukn: 'bukan',
  blm: 'belum',
  blom: 'belum',
  belom: 'belum',
  jgn: 'jangan',
  jngn: 'jangan',
  // regional negators of office chats (none is an Indonesian word): Javanese "ora", "ojo";
  // Sundanese "teu"; Minang "indak" — so "ojo dipilih" meets "jangan dipilih"
  ora: 'tidak',
  teu: 'tidak',
  indak: 'tidak',
  ojo: 'jangan',
  // the everyday "not" of the Malay varieties outside the office chats, none an Indonesian word in
  // chat use: Palembang and Jambi "dak" (Aliana et al., "Kamus Bahasa Palembang–Indonesia", Pusat
  // Bahasa, 1985), Banjar "kada" (Hapip, "Kamus Banjar–Indonesia", 2006), Manado "nyanda"
  // (Sneddon, "Manado Malay", 2006); Ambon "seng" is left out (Javanese chat spells "sing" so)
  dak: 'tidak',
  kada: 'tidak',
  nyanda: 'tidak',
  gpp: 'tidak apa apa',
  gapapa: 'tidak apa apa',
  nggapapa: 'tidak apa apa',

  // conjunctions, prepositions, particles
  yg: 'yang',
  yng: 'yang',
  dgn: 'dengan',
  dng: 'dengan',
  dgan: 'dengan',
  tp: 'tapi',
  tpi: 'tapi',
  krn: 'karena',
  krna: 'karena',
  karna: 'karena',
  utk: 'untuk',
  untk: 'untuk',
  dr: 'dari',
  dri: 'dari',
  kpd: 'kepada',
  sm: 'sama',
  sbg: 'sebagai',
  thd: 'terhadap',
  thdp: 'terhadap',
  ttg: 'tentang',
  dlm: 'dalam',
  pdhl: 'padahal',
  pdahal: 'padahal',
  jd: 'jadi',
  jdi: 'jadi',
  klo: 'kalau',
  kalo: 'kalau',
  klu: 'kalau',
  kl: 'kalau',
  trs: 'terus',
  trus: 'terus',
  sblm: 'sebelum',
  sblum: 'sebelum',
  stlh: 'setelah',
  stelah: 'setelah',
  lg: 'lagi',
  lgi: 'lagi',
  aja: 'saja',
  aj: 'saja',
  ajah: 'saja',
  ajh: 'saja',
  cm: 'cuma',
  cuman: 'cuma',
  jg: 'juga',
  jga: 'juga',
  dll: 'dan lain lain',
  dsb: 'dan sebagainya',
  dst: 'dan seterusnya',
  spt: 'seperti',
  sprt: 'seperti',
  kyk: 'kayak',
  kyak: 'kayak',
  kyknya: 'sepertinya',
  kayaknya: 'sepertinya',
  kayanya: 'sepertinya',
  emg: 'memang',
  emang: 'memang',
  emng: 'memang',
  mmg: 'memang',
  gt: 'begitu',
  gitu: 'begitu',
  gtu: 'begitu',
  gini: 'begini',
  gni: 'begini',
  pst: 'pasti',
  mgkn: 'mungkin',
  mngkn: 'mungkin',
  mungkn: 'mungkin',
  sgt: 'sangat',
  sngt: 'sangat',
  bgt: 'banget',
  bngt: 'banget',
  bgtt: 'banget',
  bener: 'benar',
  bnr: 'benar',
  bnr2: 'benar benar',
  bener2: 'benar benar',
  btl: 'betul',
  lbh: 'lebih',
  lbih: 'lebih',
  krg: 'kurang',
  msh: 'masih',
  masi: 'masih',
  hrs: 'harus',
  hrus: 'harus',
  sdg: 'sedang',
  lgsg: 'langsung',
  lsg: 'langsung',
  lgsung: 'langsung',
  bbrp: 'beberapa',
  bnyk: 'banyak',
  byk: 'banyak',
  bnyak: 'banyak',
  smua: 'semua',
  smw: 'semua',
  sgala: 'segala',
  sll: 'selalu',
  sllu: 'selalu',
  slalu: 'selalu',
  slama: 'selama',
  prnh: 'pernah',
  sndiri: 'sendiri',
  sndri: 'sendiri',
  sbnrnya: 'sebenarnya',
  sebenernya: 'sebenarnya',
  trnyata: 'ternyata',
  sampe: 'sampai',
  ampe: 'sampai',

  // already / question words / time
  sdh: 'sudah',
  udh: 'sudah',
  udah: 'sudah',
  dah: 'sudah',
  gmn: 'bagaimana',
  gmna: 'bagaimana',
  gmana: 'bagaimana',
  gimana: 'bagaimana',
  bgmn: 'bagaimana',
  knp: 'kenapa',
  knapa: 'kenapa',
  dmn: 'di mana',
  dmna: 'di mana',
  kmn: 'ke mana',
  brp: 'berapa',
  brapa: 'berapa',
  kpn: 'kapan',
  skrg: 'sekarang',
  skrng: 'sekarang',
  skr: 'sekarang',
  skarang: 'sekarang',
  bsk: 'besok',
  bsok: 'besok',
  kmrn: 'kemarin',
  kmaren: 'kemarin',
  kemaren: 'kemarin',
  kmarin: 'kemarin',
  // Betawi (Jakarta Malay) writes the final open -a of these function words as -e and
  // "sudah" as "udeh" (Chaer, "Kamus Dialek Jakarta", 1976; Muhadjir, "Bahasa Betawi: Sejarah dan
  // Perkembangannya", 2000): a closed class, none an Indonesian word. "ape" (Suroboyoan "will"),
  // "kate" (a dwarf hen), "mane" and "die" stay out: they have other readings in the same chats.
  aje: 'saja',
  ame: 'sama',
  udeh: 'sudah',
  gimane: 'bagaimana',
  siape: 'siapa',
  laen: 'lain',
  taon: 'tahun',
  ntar: 'nanti',
  ntr: 'nanti',
  entar: 'nanti',
  tgl: 'tanggal',
  bln: 'bulan',
  thn: 'tahun',
  mgg: 'minggu',
  mggu: 'minggu',
  mlm: 'malam',
  pgi: 'pagi',

  // pronouns and people
  sy: 'saya',
  sya: 'saya',
  aq: 'aku',
  ak: 'aku',
  gw: 'gue',
  gwa: 'gue',
  km: 'kamu',
  kmu: 'kamu',
  klian: 'kalian',
  mrk: 'mereka',
  mreka: 'mereka',
  dy: 'dia',
  kt: 'kita',
  kta: 'kita',
  org: 'orang',
  orng: 'orang',
  org2: 'orang orang',
  bpk: 'bapak',
  bpak: 'bapak',
  bp: 'bapak',
  bapak2: 'bapak bapak',
  ibu2: 'ibu ibu',
  sdr: 'saudara',
  sodara: 'saudara',
  temen: 'teman',
  tmn: 'teman',
  temen2: 'teman teman',
  tmn2: 'teman teman',
  kawan2: 'kawan kawan',
  anak2: 'anak anak',
  yth: 'yang terhormat',

  // verbs and states
  bs: 'bisa',
  bsa: 'bisa',
  pgn: 'ingin',
  pngn: 'ingin',
  pengen: 'ingin',
  pengin: 'ingin',
  pingin: 'ingin',
  mo: 'mau',
  mw: 'mau',
  tw: 'tahu',
  tau: 'tahu',
  liat: 'lihat',
  lht: 'lihat',
  dngr: 'dengar',
  denger: 'dengar',
  ngmg: 'ngomong',
  blg: 'bilang',
  tlg: 'tolong',
  pls: 'tolong',
  plis: 'tolong',
  plz: 'tolong',
  dtg: 'datang',
  dateng: 'datang',
  ktmu: 'ketemu',
  mkn: 'makan',
  mkan: 'makan',
  mnm: 'minum',
  tdr: 'tidur',
  tdur: 'tidur',
  bkin: 'bikin',
  krm: 'kirim',
  kasi: 'kasih',
  ksh: 'kasih',
  ksih: 'kasih',
  dpt: 'dapat',
  dapet: 'dapat',
  blh: 'boleh',
  bole: 'boleh',
  tggu: 'tunggu',
  tgu: 'tunggu',
  gbung: 'gabung',
  ikt: 'ikut',
  mnng: 'menang',
  dkung: 'dukung',
  brsama: 'bersama',
  komen: 'komentar',
  koment: 'komentar',
  coment: 'komentar',
  poto: 'foto',
  fto: 'foto',
  vidio: 'video',
  vdo: 'video',
  grp: 'grup',
  ntn: 'nonton',
  nnton: 'nonton',

  // greetings, thanks, wishes
  mks: 'terima kasih',
  mksh: 'terima kasih',
  makasih: 'terima kasih',
  makasi: 'terima kasih',
  trims: 'terima kasih',
  trmksh: 'terima kasih',
  tks: 'terima kasih',
  thx: 'terima kasih',
  terimakasih: 'terima kasih',
  trimakasih: 'terima kasih',
  slmt: 'selamat',
  met: 'selamat',
  ultah: 'ulang tahun',
  aslm: 'assalamualaikum',
  asw: 'assalamualaikum',
  wslm: 'waalaikumsalam',
  insyallah: 'insyaallah',
  alhamdulilah: 'alhamdulillah',
  alhmdllh: 'alhamdulillah',
  moga: 'semoga',
  smoga: 'semoga',
  smga: 'semoga',
  moga2: 'semoga',
  mudah2an: 'mudah mudahan',
  sama2: 'sama sama',
  sm2: 'sama sama',
  hati2: 'hati hati',
  ati2: 'hati hati',
  apa2: 'apa apa',
  ok: 'oke',
  okey: 'oke',
  okay: 'oke',
  iy: 'iya',

  // places, offices, administration
  kntr: 'kantor',
  kntor: 'kantor',
  ktr: 'kantor',
  sklh: 'sekolah',
  jln: 'jalan',
  jl: 'jalan',
  kab: 'kabupaten',
  kec: 'kecamatan',
  prov: 'provinsi',
  tlp: 'telepon',
  telp: 'telepon',
  mslh: 'masalah',

  // election numbers and candidates ("no urut 2" → "nomor urut 2")
  no: 'nomor',
  nmr: 'nomor',
  nomer: 'nomor',
  nmor: 'nomor',
  nmer: 'nomor',
  urt: 'urut',
  pslon: 'paslon',
  cln: 'calon',
};

// ---- Javanese "aja" (don't) beside chat Indonesian "aja" (just) --------------------------------
// The same spelling is two words: chat Indonesian "aja" is "saja" (just) and follows what it limits
// ("02 aja", "nonton aja", "besok aja lah"); Javanese "aja" (ngoko; krama "sampun", Robson,
// "Javanese Grammar for Students", 2002, the imperative and prohibitive) and Buginese "aja'" are
// "don't" and stand before the verb or before "nganti" (let it come to): "aja nganti nomer siji
// menang", "aja dicoblos", "aja lali". Javanese says "just" with "wae"/"ae"/"bae", so in Javanese
// text "aja" is always the prohibitive; what tells the languages apart is where the word stands
// and what follows it. The normaliser writes "jangan" for the prohibitive (ajaProhibitive), and
// "saja" (SLANG) otherwise, so the stance reader meets the one "don't" it already reads.

/**
 * Words after "aja" that only Javanese puts there, so "aja" before them is "don't" wherever it
 * stands ("sesuk aja lali nyoblos", "pokoke aja kleru"): nganti/ngantos/ngantek/ngasi (until: "aja
 * nganti …" don't let it come to …), lali/kelalen (forget), kleru (mistaken), dumeh (be haughty),
 * melu (join), mung (only), nganggo (wear), gelem (be willing), wedi (be afraid), kesusu (hurry),
 * nesu (be angry), percoyo (believe). Everyday Javanese usage (Robson 2002 for the prohibitive
 * "aja" + verb); none is an Indonesian word.
 */
export const AJA_JAVANESE_NEXT: ReadonlySet<string> = new Set([
  'nganti', 'ngantos', 'ngantek', 'ngasi', 'lali', 'kelalen', 'kleru', 'dumeh', 'melu', 'mung', 'nganggo', 'gelem', 'wedi', 'kesusu', 'nesu', 'percoyo',
]);

/**
 * Words after a clause-opening "aja" that keep it chat Indonesian "saja": a reply's "Aja deh",
 * "aja yg murah", "aja gitu", a form of address ("aja mas"), a pronoun, a negator or a
 * conjunction. Hand-curated for netral (everyday chat Indonesian).
 */
export const AJA_SAJA_NEXT: ReadonlySet<string> = new Set([
  'yang', 'yg', 'lah', 'dulu', 'kok', 'sih', 'kali', 'gitu', 'gtu', 'begitu', 'udah', 'udh', 'sudah', 'dah', 'nih', 'tuh', 'kan', 'toh', 'ah',
  'loh', 'lho', 'kak', 'bro', 'sis', 'gan', 'min', 'say', 'sayang', 'gak', 'ga', 'nggak', 'tidak', 'enggak', 'ngga', 'kagak', 'terus', 'trus',
  'apa', 'ini', 'itu', 'kamu', 'gue', 'gua', 'gw', 'aku', 'lu', 'lo', 'elu', 'sama', 'dan', 'atau', 'tapi', 'kalau', 'kalo', 'klo', 'deh',
  'dong', 'ya', 'yah', 'mas', 'mbak', 'pak', 'bu', 'bang', 'om', 'tante', 'aja', 'saja', 'juga', 'jg', 'banget', 'bgt', 'kayak', 'kek',
]);

/**
 * Is this "aja" the Javanese prohibitive? `next` is the word right after it (lower-case, as the
 * character pass gives it), `gapAfter` what stands between them, `gapBefore` what stands between
 * the word before and it, `first` whether it is the text's first word. A Javanese-only word after
 * it (AJA_JAVANESE_NEXT) decides at once; otherwise only at the opening of a clause (the text's
 * start, or after a full stop, comma, colon, question or exclamation mark, a bracket, an opening
 * quote or an emoji: "Arahan wis jelas, aja dicoblos nomer 2"), before a word that is no chat
 * follower of "saja" (AJA_SAJA_NEXT), no clause tail and no number ("aja 3kg @18rb" is a price).
 */
export function ajaProhibitive(gapBefore: string, first: boolean, gapAfter: string, next: string | undefined, clauseTails: ReadonlySet<string>): boolean {
  if (next === undefined || !/^\s+$/u.test(gapAfter) || !/^\p{L}{2,}$/u.test(next)) return false;
  if (AJA_JAVANESE_NEXT.has(next)) return true;
  if (AJA_SAJA_NEXT.has(next) || clauseTails.has(next)) return false;
  return first || CLAUSE_OPENING.test(gapBefore);
}
// a clause break before the word, or an opening quote or bracket, or an emoji (a closing quote
// after a word, '"normal" aja', opens nothing)
const CLAUSE_OPENING = /[.!?,;:\n(…]|(?:^|\s)["“'‘]\s*$|\p{Extended_Pictographic}/u;
