// The words that open an Indonesian name before the one its bearer is called by, per naming
// tradition: birth-order names, caste and noble titles, Arabic theophoric and lineage words. KPU
// prints them as part of the ballot name ("I KADEK AGUS ARYA WIBAWA", "H. LALU MUHAMAD IQBAL",
// "LA ODE MUHAMMAD IHSAN …"); residents call the person by the name after them ("Arya", "Iqbal",
// "Ihsan"), or by a title kept or clipped before that name ("Gus Arya", "Lalu Iqbal", "De Gadjah"
// for a Made). person-name.ts reads this table: givenName skips a name's leading run of these
// words, and shortForms makes the "title + call name" forms.
//
// Sources (general descriptions of the naming systems, not lists of candidates):
// - Balinese: Wikipedia "Balinese name" / "Nama Bali" (birth-order names Wayan/Gede/Putu/Luh,
//   Made/Kadek/Nengah, Nyoman/Komang, Ketut; the I/Ni gender prefix; the triwangsa titles
//   I Gusti Ngurah/Ayu, Anak Agung, Ida Bagus/Ayu, Dewa/Desak, Cokorda, Ngakan, Sang) and the
//   clipped forms used in speech ("De" for Made/Gede, "Tu" for Putu, "Man"/"Mang" for
//   Nyoman/Komang, "Tut" for Ketut, "Dek" for Kadek, "Gus" for Bagus, "Gung" for Agung, "Cok" for
//   Cokorda, "Gek" for Ayu); in Bali "Agus" after a birth-order name is the same "Gus" title.
// - Sasak (Lombok): Wikipedia "Suku Sasak" — Lalu (men) and Baiq (women) of the nobility; "Lalu
//   X" is how the nobleman is named in speech ("Lalu Iqbal"); "Tuan Guru" a religious title.
// - Bugis-Makassar: Andi (nobility, kept in speech: "Andi Sudirman"), Daeng/Karaeng/Opu/Puang.
// - Butonese/Muna (Southeast Sulawesi): La Ode (men) and Wa Ode (women) of the nobility, La/Wa
//   before commoners' names.
// - Acehnese: Teuku (men), Cut (women), Tengku/Tgk (religious or noble).
// - Malay (Riau, Kepulauan Riau, Kalimantan): Raja, Tengku, Wan, Awang/Dayang, Encik; Banjar
//   and Kutai Gusti/Antung/Aji; Palembang Kemas/Masagus/Nyimas; Banten Ratu (kept in speech).
// - Sumba: Umbu (men) and Rambu (women) of the nobility, kept in speech ("Umbu Lili").
// - Arabic (everywhere): Muhammad and its spellings, Abdul, Nur, Al/El, the sayyid lineage words
//   Said/Sayid/Syarif/Habib, Syekh, bin/binti; and the Batak br (boru) of a woman's marga.
// Javanese Raden/R./Gusti Raden, Minang Datuk and the religious titles (H., K.H., Tgk., Ust.) are
// titles KPU prints with a dot and are dropped before the name is read (person-name.ts
// PREFIX_TITLES); Batak marga and other family names come last and need no entry here.

export interface NamingTradition {
  /** who names so */
  people: string;
  /** words that open a name before the call name, wherever they stand in its leading run */
  leading: readonly string[];
  /**
   * words that are name words elsewhere ("Agus", "Dewa", "Sang") but open a name of this tradition
   * when they stand next to one of its leading words ("Kadek Agus Arya", "Sang Nyoman Sedana")
   */
  leadingBeside?: readonly string[];
  /**
   * how residents say a leading word before the call name: a clipped form ("made" → "de",
   * "bagus" → "gus") or the word itself kept ("lalu" → "lalu"). Titles rank before birth-order
   * names: "Ida Bagus Gde Giri" is "Gus Giri".
   */
  spoken?: Readonly<Record<string, { say: string; rank: 'title' | 'birth-order' }>>;
}

export const NAMING_TRADITIONS: readonly NamingTradition[] = [
  {
    people: 'Balinese',
    leading: [
      'i', 'ni', 'wayan', 'gede', 'gde', 'putu', 'luh', 'kadek', 'made', 'nengah', 'nyoman', 'komang', 'ketut',
      'gusti', 'ngurah', 'anak', 'ida', 'cokorda', 'tjokorda', 'ngakan', 'desak',
    ],
    // given names in Java and elsewhere ("Agung Nugroho", "Bagus Santoso", "Ayu Lestari", "Agus
    // Harimurti"): titles only beside a Balinese word ("Anak Agung", "Ida Bagus", "Kadek Agus")
    leadingBeside: ['agung', 'bagus', 'ayu', 'agus', 'dewa', 'sang'],
    spoken: {
      wayan: { say: 'yan', rank: 'birth-order' },
      gede: { say: 'de', rank: 'birth-order' },
      gde: { say: 'de', rank: 'birth-order' },
      putu: { say: 'tu', rank: 'birth-order' },
      kadek: { say: 'dek', rank: 'birth-order' },
      made: { say: 'de', rank: 'birth-order' },
      nengah: { say: 'ngah', rank: 'birth-order' },
      nyoman: { say: 'man', rank: 'birth-order' },
      komang: { say: 'mang', rank: 'birth-order' },
      ketut: { say: 'tut', rank: 'birth-order' },
      bagus: { say: 'gus', rank: 'title' },
      agus: { say: 'gus', rank: 'title' },
      agung: { say: 'gung', rank: 'title' },
      ayu: { say: 'gek', rank: 'title' },
      cokorda: { say: 'cok', rank: 'title' },
      tjokorda: { say: 'cok', rank: 'title' },
    },
  },
  {
    people: 'Sasak',
    leading: ['lalu', 'baiq', 'tuan'],
    leadingBeside: ['guru'],
    spoken: { lalu: { say: 'lalu', rank: 'title' }, baiq: { say: 'baiq', rank: 'title' } },
  },
  {
    people: 'Bugis-Makassar',
    leading: ['andi', 'karaeng', 'opu'],
    leadingBeside: ['daeng', 'puang'],
    spoken: { andi: { say: 'andi', rank: 'title' } },
  },
  { people: 'Butonese and Muna', leading: ['ode'], leadingBeside: ['la', 'wa'] },
  { people: 'Acehnese', leading: ['teuku', 'tengku', 'cut'] },
  {
    people: 'Malay, Banjar, Kutai, Palembang and Banten nobility',
    leading: ['tengku', 'wan', 'awang', 'dayang', 'encik', 'antung', 'kemas', 'masagus', 'nyimas', 'pangeran', 'raja', 'ratu'],
    leadingBeside: ['aji'],
    spoken: { ratu: { say: 'ratu', rank: 'title' }, raja: { say: 'raja', rank: 'title' } },
  },
  { people: 'Sumbanese', leading: ['umbu', 'rambu'], spoken: { umbu: { say: 'umbu', rank: 'title' }, rambu: { say: 'rambu', rank: 'title' } } },
  {
    people: 'Arabic names and lineage words (everywhere), Batak boru',
    leading: [
      'muhammad', 'muhamad', 'mohammad', 'mohamad', 'mohammed', 'muhammmad', 'mochamad', 'mochammad',
      'mokhammad', 'muchamad', 'muchammad', 'mohamat', 'syarif', 'sayid', 'said', 'syech', 'syekh', 'abdul',
      'nur', 'al', 'el', 'bin', 'binti', 'br',
    ],
  },
];

/** every word that opens a name wherever it stands in the leading run */
export const LEADING_NAME_WORDS: ReadonlySet<string> = new Set(NAMING_TRADITIONS.flatMap((t) => t.leading));

/**
 * word → the leading words of its tradition it must stand beside to open a name (only those: two
 * such words side by side, "Agus Dewa", open no name)
 */
const BESIDE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  NAMING_TRADITIONS.flatMap((t) => (t.leadingBeside ?? []).map((w) => [w, new Set(t.leading)] as const)),
);

/** leading word → how residents say it before the call name */
const SPOKEN: ReadonlyMap<string, { say: string; rank: 'title' | 'birth-order' }> = new Map(
  NAMING_TRADITIONS.flatMap((t) => Object.entries(t.spoken ?? {})),
);

/** Every word a tradition lists (for guards: such a word is never a call name on its own). */
export const NAME_TRADITION_WORDS: ReadonlySet<string> = new Set(
  NAMING_TRADITIONS.flatMap((t) => [...t.leading, ...(t.leadingBeside ?? [])]),
);

/**
 * How many of a name's words (lower case, in order) open it before the call name: the leading
 * run of tradition words. A word of `leadingBeside` counts when its neighbour in the run is a word
 * of its tradition ("kadek agus arya" → 2, "ade agus hartanto" → 0, "ratu dewa" → 1 since Dewa
 * stands beside no Balinese word). A name made only of such words keeps its last word.
 */
export function leadingRunLength(words: readonly string[]): number {
  let n = 0;
  while (n < words.length - 1) {
    const w = words[n] ?? '';
    if (LEADING_NAME_WORDS.has(w)) {
      n++;
      continue;
    }
    const kin = BESIDE.get(w);
    const before = words[n - 1];
    const after = words[n + 1];
    if (kin !== undefined && ((before !== undefined && kin.has(before)) || (after !== undefined && kin.has(after)))) {
      n++;
      continue;
    }
    break;
  }
  return n;
}

/**
 * How residents say a name's leading run before its call name ("kadek agus" → gus, "made" → de,
 * "lalu" → lalu, kept rather than clipped): the spoken forms of its titles, or, with none, of its
 * birth-order names. Empty when the run has none.
 */
export function spokenLeads(run: readonly string[]): Array<{ say: string; clipped: boolean }> {
  const said = run.flatMap((w) => {
    const s = SPOKEN.get(w);
    return s === undefined ? [] : [{ ...s, clipped: s.say !== w }];
  });
  const titles = said.filter((s) => s.rank === 'title');
  const out = new Map<string, { say: string; clipped: boolean }>();
  for (const s of titles.length > 0 ? titles : said) if (!out.has(s.say)) out.set(s.say, { say: s.say, clipped: s.clipped });
  return [...out.values()];
}
