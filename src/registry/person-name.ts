// Candidate names as KPU writes them ("Dr. H. MARTEN A. TAHA, S.E., M.Ec.Dev.") → the name people
// actually type ("marten taha"), plus the shorter forms a matcher can look for.
//
// Reading a KPU name:
// - everything after the first comma is post-nominal (degrees, Minang adat titles "Dt. …",
//   "ASEAN Eng") and is dropped;
// - a parenthesised part is a nickname ("(SI DOEL)", "(CUDY)") unless it is a title marker
//   ("(Purn.)", "(H.C)", "(K)", "(Hons)"); "ALIAS HENDI" and "GUS HANS" are nicknames too;
// - before the comma, tokens are split at dots ("Ir.H.JAYA" → Ir. H. JAYA), then
//   religious/honorific, academic, military and noble titles are dropped, single letters are
//   initials, and dotted pieces of ≤ 4 letters are abbreviated names ("MOH.", "ABD.") — both
//   stay in the display name but not in the searchable words.

import { isEverydayWord } from './dictionary.js';
import { leadingRunLength, NAME_TRADITION_WORDS, spokenLeads } from './name-traditions.js';

export interface PersonName {
  /** display name with titles stripped and initials kept: "Marten A. Taha" */
  display: string;
  /** searchable name words, lower-case, no initials or abbreviations: ["marten", "taha"] */
  words: string[];
  /** nicknames given in the data, lower-case words joined by spaces: ["si doel"] */
  nicknames: string[];
}

/** Titles that precede a name (compared lower-case, dots removed). */
const PREFIX_TITLES = new Set([
  // religious / honorific
  'h', 'hj', 'hi', 'haji', 'hajjah', 'kh', 'tgk', 'tgh', 'ust', 'ustadz', 'ustaz', 'habib', 'pdt', 'pnt', 'pt',
  'dt', 'datuk', 'datuak',
  // academic / professional
  'dr', 'drg', 'drh', 'ir', 'drs', 'dra', 'prof', 'apt', 'ns', 'capt', 'ars',
  // military / police
  'jenderal', 'jend', 'letjen', 'mayjen', 'brigjen', 'komjen', 'irjen', 'brigjend', 'laksamana', 'laksdya',
  'laksda', 'marsekal', 'marsdya', 'marsda', 'kol', 'kolonel', 'letkol', 'mayor', 'kapten', 'tni', 'pol',
  'polri', 'purn', 'ckm',
  // noble (the name people use follows the title)
  'raden', 'rd', 'gra', 'kab',
  // degrees, in case a name comes without the comma before them
  'se', 'sh', 'mm', 'mh', 'msi', 'spd', 'ssos', 'sip', 'skm', 'mpd', 'map', 'mba', 'phd', 'lc', 'mag', 'mkes',
  'sag', 'spdi', 'shi', 'sstp', 'ssi', 'shut', 'skom', 'sked', 'spog', 'mt', 'mkn',
]);

/** Parenthesised markers that are not nicknames: "(Purn.)", "(Hons)", "(Acc)", "(Han)". */
const PAREN_TITLES = new Set(['purn', 'hons', 'acc', 'han']);

/**
 * Name words too common (frequent given/family names, or ordinary words) to point to one
 * person on their own: such a last name or nickname goes to ambiguous_forms.
 */
const COMMON_NAME_WORDS = new Set([
  // frequent given names
  'ahmad', 'achmad', 'budi', 'agus', 'andi', 'dedi', 'hendra', 'hendri', 'hendi', 'rudi', 'rudy', 'joko', 'bambang',
  'slamet', 'sri', 'siti', 'dewi', 'ratna', 'yusuf', 'ali', 'umar', 'usman', 'hasan', 'husein', 'ismail',
  'ibrahim', 'idris', 'ilyas', 'yunus', 'musa', 'harun', 'sulaiman', 'abdullah', 'rahman', 'rahim', 'hamid',
  'hakim', 'arifin', 'arif', 'hidayat', 'rahmat', 'syukri', 'zainal', 'anwar', 'amir', 'amin', 'aminah',
  'fauzi', 'hasanuddin', 'nasir', 'rusli', 'ridwan', 'sudirman', 'sutrisno', 'suharto', 'supriadi',
  'irwan', 'irawan', 'yanto', 'iwan', 'wawan', 'eko', 'dwi', 'tri', 'adi', 'ade', 'yudi',
  'herman', 'hermanto', 'hariyanto', 'haryanto', 'suryadi', 'syahrial', 'darmawan', 'firmansyah',
  // frequent family names / name endings
  'putra', 'putri', 'saputra', 'syahputra', 'pratama', 'wijaya', 'kusuma', 'setiawan', 'kurniawan',
  'gunawan', 'santoso', 'susanto', 'wibowo', 'nugroho', 'prasetyo', 'prabowo', 'utomo', 'hartono', 'lestari',
  'sari', 'rahayu', 'wati', 'yani', 'harahap', 'nasution', 'siregar', 'lubis', 'pasaribu', 'simanjuntak',
  'sitompul', 'ginting', 'tarigan', 'sembiring', 'sinaga', 'simatupang', 'hutapea', 'panjaitan', 'situmorang',
  'gulo', 'lase', 'laoli', 'zebua', 'telaumbanua', 'manurung', 'hasibuan', 'daulay', 'batubara', 'tanjung',
  'sitepu', 'bukit', 'silalahi', 'purba', 'saragih', 'damanik',
  // ordinary words that are also names
  'jaya', 'perkasa', 'mulia', 'bangun', 'sejahtera', 'harapan', 'abadi', 'setia', 'budiman', 'bakti',
  'indah', 'cahaya', 'damai', 'permata', 'mawar', 'kencana', 'manis', 'utama', 'mandiri', 'bintang',
  'bulan', 'surya', 'intan', 'mutiara', 'rajo', 'raja', 'sultan', 'karya', 'agung', 'sakti', 'bayu',
  'dharma', 'darma', 'wahyu', 'rizki', 'rezeki', 'berkah', 'ikhlas', 'iman', 'amanah', 'nur', 'cinta',
  'gemilang', 'pahlawan', 'merdeka', 'kasih', 'sayang', 'bumi', 'tegar', 'hebat', 'sehat', 'sabar',
  'syukur', 'bahagia', 'sentosa', 'makmur', 'lancar', 'pandai', 'cerdas', 'tenang', 'terang', 'kuasa',
]);

const LETTER = /\p{L}/u;

/** Split "CALON - WAKIL" (the KPU `nama`) into the two persons. */
export function splitKpuPairName(nama: string): string[] {
  return nama
    .replace(/\u00a0/g, ' ')
    .split(/\s+-\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function parseKpuPersonName(raw: string): PersonName {
  const nicknames: string[] = [];
  let text = raw.replace(/\u00a0/g, ' ');
  // Parenthesised parts: nickname or title marker. An unclosed "(" runs to the end.
  text = text.replace(/\(([^)]*)\)?/g, (_whole, inner: string) => {
    const key = lettersOnly(inner);
    if (key.length > 2 && !PAREN_TITLES.has(key)) nicknames.push(...nicknameWords(inner));
    return ' ';
  });
  const beforeComma = text.split(',')[0] ?? '';
  // "HENDRAR PRIHADI ALIAS HENDI", but "H. ALIAS WELLO" is a person called Alias.
  const [namePart = '', aliasPart] = beforeComma.split(/(?<=\p{L}{2})\s+alias\s+/iu);
  if (aliasPart !== undefined) nicknames.push(...nicknameWords(aliasPart));

  const display: string[] = [];
  const words: string[] = [];
  for (const token of namePart.split(/\s+/)) {
    if (PREFIX_TITLES.has(lettersOnly(token))) continue; // "K.H." as a whole
    for (const piece of token.match(/[^.]+\.?/g) ?? []) {
      const dotted = piece.endsWith('.');
      const core = dotted ? piece.slice(0, -1) : piece;
      const key = lettersOnly(core);
      if (key === '' || PREFIX_TITLES.has(key)) continue;
      if (key.length === 1 || (dotted && key.length <= 4)) {
        display.push(`${titleCase(core)}.`); // initial or abbreviated name: shown, not searched
        continue;
      }
      display.push(titleCase(core));
      words.push(...searchWords(core));
    }
  }
  // "ZAHRUL AZHAR ASUMTA GUS HANS": "Gus" (a kiai's son) + a name inside the ballot name is the
  // name people use; it becomes a nickname and leaves the searchable words.
  const gus = words.indexOf('gus');
  const called = words[gus + 1];
  if (gus >= 0 && called !== undefined && words.length > 2) {
    nicknames.push(`gus ${called}`);
    words.splice(gus, 2);
  }
  return { display: display.join(' '), words, nicknames: unique(nicknames) };
}

export interface NameForms {
  /** forms that on their own point to this person */
  forms: string[];
  /** forms that need election context */
  ambiguous: string[];
}

/**
 * Searchable forms of one person:
 * - the full name without titles and initials ("marten taha"), and given + last name when
 *   the name has three or more words ("bobby nasution");
 * - the last name alone if it is distinctive (≥ 5 letters, not a common name or word),
 *   otherwise as ambiguous; a one-word name is treated the same way;
 * - the given name alone (first word after particles like "muhammad", "andi", "i gusti"):
 *   always ambiguous, since given names repeat;
 * - nicknames from the data: several words → form, one word → as the last name;
 * - the title or clipped birth-order name residents say before the given name ("gus arya",
 *   "lalu iqbal": shortForms), ambiguous unless a title kept whole before a plain name;
 * - a form with an apostrophe ("mas'ud") also without it ("masud").
 * No "pak"/"bu" forms: KPU data has no gender, and rules can treat an honorific before an
 * ambiguous form as context.
 */
export function personForms(name: PersonName): NameForms {
  const forms: string[] = [];
  const ambiguous: string[] = [];
  const single = (word: string): void => {
    (isDistinctive(word) ? forms : ambiguous).push(word);
  };
  const { words } = name;
  // One- and two-letter words ("MIRWAN MS", "UU") stay in the full name but are too short to
  // search for on their own.
  const last = lastName(words);
  const given = givenName(words);
  if (words.length >= 2) forms.push(words.join(' '));
  if (given !== undefined && last !== undefined && given !== last && words.length >= 3) {
    forms.push(`${given} ${last}`);
  }
  if (last !== undefined) single(last);
  if (given !== undefined && given !== last) ambiguous.push(given);
  for (const nick of name.nicknames) {
    if (nick.includes(' ')) forms.push(nick);
    else single(nick);
  }
  for (const short of shortForms(words)) (short.firm ? forms : ambiguous).push(short.form);
  const sure = unique(withApostropheVariants(forms));
  const formSet = new Set(sure);
  return { forms: sure, ambiguous: unique(withApostropheVariants(ambiguous)).filter((a) => !formSet.has(a)) };
}

/** The last name word long enough to search for on its own (≥ 3 letters). */
export function lastName(words: readonly string[]): string | undefined {
  return words.filter((w) => w.length >= 3).at(-1);
}

/**
 * The word people call someone by: the first name word (≥ 3 letters) after the name's leading run
 * of birth-order names, titles and particles (name-traditions.ts: "kadek agus arya wibawa" →
 * arya, "lalu muhamad iqbal" → iqbal, "muhammad bobby afif nasution" → bobby).
 */
export function givenName(words: readonly string[]): string | undefined {
  const long = words.filter((w) => w.length >= 3);
  const rest = words.slice(leadingRunLength(words)).filter((w) => w.length >= 3);
  return rest[0] ?? long[0];
}

/**
 * The titles or clipped birth-order names residents keep before the call name, with it: "I KADEK
 * AGUS ARYA WIBAWA" → "gus arya", "MADE MULIAWAN ARYA" → "de muliawan", "LALU MUHAMAD IQBAL" →
 * "lalu iqbal" (name-traditions.ts spokenLeads). None when the form is the name itself, and none
 * when a title kept as it is and the call name are both everyday words: "lalu jaya", "raja
 * sayang" are phrases before they are names (a clipped title, "gus", "de", is no phrase).
 * `firm`: a title kept whole before a call name that is neither a common name nor a word ("lalu
 * iqbal", "umbu ndata") names the noble as given + last name does; a clipped birth-order name or
 * title ("de ambara", "gus arya") is what every Made or Bagus of that name is called too.
 */
export function shortForms(words: readonly string[]): Array<{ form: string; firm: boolean }> {
  const given = givenName(words);
  if (given === undefined) return [];
  const run = words.slice(0, leadingRunLength(words));
  const name = words.join(' ');
  const plainName = !COMMON_NAME_WORDS.has(given) && !isEverydayWord(given);
  return spokenLeads(run)
    .filter((s) => s.clipped || !(isEverydayWord(s.say) && isEverydayWord(given)))
    .map((s) => ({ form: `${s.say} ${given}`, firm: !s.clipped && plainName }))
    .filter((f) => f.form !== name);
}

/**
 * The word after a first name too common to call one person by: "SITTI ROHMI DJALILAH" is Ummi
 * Rohmi, "SRI MULYANI INDRAWATI" Bu Mulyani, "AHMAD DHANI PRASETYO" Dhani, as often as by the
 * first name. Only in a name of three words or more (of two, the second is the last name and a form
 * already), when the first name (past the leading run) is a common name word and the next word is a
 * plain name of four letters or more: neither common, nor a word, nor a title. Undefined otherwise.
 */
export function secondCallName(words: readonly string[]): string | undefined {
  const given = givenName(words);
  const at = given === undefined ? -1 : words.indexOf(given);
  const next = words[at + 1];
  // a doubled consonant is a spelling of the same name ("sitti" is siti)
  const common = given !== undefined && (COMMON_NAME_WORDS.has(given) || COMMON_NAME_WORDS.has(given.replace(/([^aeiou])\1/g, '$1')));
  if (!common || next === undefined || words.length - at < 3) return undefined;
  return next.length >= 4 && !COMMON_NAME_WORDS.has(next) && !NAME_TRADITION_WORDS.has(next) && !isEverydayWord(next) ? next : undefined;
}

/** the articles Indonesian puts before a nickname ("Si Doel", "Sang Jenderal"): not the name */
const NICKNAME_ARTICLES: ReadonlySet<string> = new Set(['si', 'sang']);

/**
 * The single words a person is called by, for "honorific + name" forms and pair names: the given
 * name, and the first word of each nickname the data gives ("ALIAS HENDI" → hendi, "(YOYOK SUKAWI)"
 * → yoyok; "(SI DOEL)" → doel, past the article) unless that word is itself an honorific ("GUS HANS")
 * or a particle. Words of ≥ 3 letters.
 */
export function callNames(name: PersonName, honorifics: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const given = givenName(name.words);
  if (given !== undefined) out.push(given);
  const second = secondCallName(name.words);
  if (second !== undefined) out.push(second);
  for (const nick of name.nicknames) {
    // an article before a nickname is no name ("SI DOEL" → doel, as "Bang Doel" says it)
    const words = nick.split(' ');
    const first = (words.length > 1 && NICKNAME_ARTICLES.has(words[0] ?? '') ? words[1] : words[0]) ?? '';
    if (first.length >= 3 && !honorifics.has(first) && !NAME_TRADITION_WORDS.has(first) && !isEverydayWord(first)) out.push(first);
  }
  return unique(out);
}

/**
 * The two leading words of a name of three or more ("agustina wilujeng pramestuti" → "agustina
 * wilujeng"): how a person with two given names is often called, and the handle they take
 * ("agustinawilujeng"). None when either word is a particle, a common name word ("tri", "putra",
 * "sri") or an everyday word, or shorter than four letters: "Hironimus mau …", "Dolly putra …" are
 * sentences as often as names.
 */
export function leadingNames(name: PersonName): string | undefined {
  const [a, b] = name.words;
  if (name.words.length < 3 || a === undefined || b === undefined) return undefined;
  const plain = (w: string) => w.length >= 4 && !NAME_TRADITION_WORDS.has(w) && !COMMON_NAME_WORDS.has(w) && !isEverydayWord(w);
  if (!plain(a) || !plain(b)) return undefined;
  return `${a} ${b}`;
}

/** Is this word a frequent given or family name ("rahman", "siti", "putra"): no one's own short form. */
export function isCommonNameWord(word: string): boolean {
  return COMMON_NAME_WORDS.has(word);
}

/** Can this word point to one person on its own (≥ 5 letters, not a common name, particle or everyday word)? */
export function isDistinctive(word: string): boolean {
  return word.length >= 5 && !COMMON_NAME_WORDS.has(word) && !NAME_TRADITION_WORDS.has(word) && !isEverydayWord(word);
}

/** "MAS'UD" → "Mas'ud"; mixed-case input ("Muchamad") is kept as written. */
function titleCase(word: string): string {
  if (word !== word.toUpperCase()) return word;
  return word.toLowerCase().replace(/(^|[-\s])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Lower-case words for matching: apostrophes unified to ' ("RIFA’I" → "rifa'i"), hyphens split. */
function searchWords(word: string): string[] {
  return word
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .split(/-+/)
    .filter((w) => LETTER.test(w));
}

/** People write "Mas'ud" and "Masud": a form with an apostrophe also comes without it. */
export function withApostropheVariants(forms: readonly string[]): string[] {
  return forms.flatMap((f) => (f.includes("'") ? [f, f.replace(/'/g, '')] : [f]));
}

function nicknameWords(text: string): string[] {
  const words = text
    .split(/[\s.]+/)
    .flatMap(searchWords)
    .filter((w) => w.length > 0);
  return words.length > 0 ? [words.join(' ')] : [];
}

function lettersOnly(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]/gu, '');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
