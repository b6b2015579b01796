// Units of measure, time and quantity written after a number ("45 km", "2 jam", "3 orang"): a
// number followed by one of them counts something and is never a ballot number.
export const UNITS: ReadonlySet<string> = new Set([
  // money and amounts
  'jt', 'juta', 'rb', 'ribu', 'k', 'm', 'miliar', 'triliun', 'rupiah', 'rp', 'persen', 'x',
  // distance, weight, volume, area
  'km', 'kilo', 'kilometer', 'meter', 'mtr', 'cm', 'mm', 'kg', 'gram', 'gr', 'ons', 'ton', 'liter', 'ltr', 'ml', 'ha', 'hektar',
  // time
  'jam', 'menit', 'mnt', 'detik', 'hari', 'minggu', 'pekan', 'bulan', 'bln', 'tahun', 'thn', 'th', 'abad',
  // counts
  'orang', 'org', 'jiwa', 'unit', 'buah', 'bh', 'lembar', 'lbr', 'porsi', 'paket', 'pcs', 'dus', 'karung', 'ekor', 'batang', 'botol', 'gelas',
  // the numeral classifiers (kata penggolong) of Tata Bahasa Baku Bahasa Indonesia (Alwi et al.,
  // §6 numeralia) not above, and "kali" (times: "coblos 1 kali saja"; "kali ini" is "this time")
  'biji', 'butir', 'helai', 'kuntum', 'tangkai', 'pucuk', 'potong', 'carik', 'bidang', 'utas', 'keping', 'kali',
  // regional: Sundanese/Javanese time and counts
  'dinten', 'dino', 'sasih', 'taun', 'siki', 'iji',
]);

// The months (KBBI, with their usual short forms; the English names of dated posts): a number
// right before one is a day of that month ("mulai 02 Januari", "14 Feb"), never a ballot number
// ("agus" is not Agustus here: it is a candidate's name, "coblos 1 Agus").
const MONTHS: ReadonlySet<string> = new Set([
  'januari', 'jan', 'februari', 'pebruari', 'feb', 'peb', 'maret', 'mar', 'april', 'apr', 'mei', 'juni', 'jun', 'juli', 'jul',
  'agustus', 'agu', 'agt', 'agst', 'september', 'sep', 'sept', 'oktober', 'okt', 'oct', 'november', 'nov', 'nop',
  'desember', 'des', 'dec', 'january', 'february', 'march', 'may', 'june', 'july', 'august', 'october', 'december',
]);

/** The word right after a number, if it is a unit or a month: "45 km", "2 jam lewat tol", "02 Januari". */
export function followedByUnit(after: string): boolean {
  const m = /^\s*([\p{L}%]+)(\s+\p{L}+)?/u.exec(after);
  const word = m?.[1];
  if (word === 'kali' && /^\s+(?:ini|ni|iki|ieu)$/iu.test(m?.[2] ?? '')) return false; // "02 kali ini menang": this time
  return word !== undefined && (word === '%' || UNITS.has(word) || MONTHS.has(word.toLowerCase()));
}
