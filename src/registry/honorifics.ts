// The honorifics residents put before a candidate's name ("Mas Yoyok", "Kang Encus", "Uda …",
// "Daeng …"), by province: import-kpu makes "honorific + alias" forms of every region's candidates
// from these (kpu.ts residentForms: only before a nickname KPU prints, never before a given name).
// KPU data has no gender, so a province's male and female forms are both listed: the one that does
// not fit the person is simply never written.
//
// The words themselves are the lexicon rules/lexicons/kata-sapaan.yml (the address words the rules
// read) and, for the titles a nickname starts with, rules/lexicons/gelar-julukan.yml: this module
// keeps only which address words each province uses, and refuses a word the lexicon lacks.
//
// Kept short on purpose: each honorific multiplies the terms of every candidate of the province
// (all 545 regions load into one pack), and an honorific that is also a name part ("Andi", "Ida")
// or an everyday word would make a form of the wrong thing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** everywhere: Pak / Bapak / Bu / Ibu */
const NATIONAL = ['pak', 'bapak', 'bu', 'ibu'];

const JAVANESE = ['mas', 'mbak', 'gus'];
const EAST_JAVANESE = [...JAVANESE, 'cak', 'ning'];
const SUNDANESE = ['kang', 'teh'];
const MALAY = ['bang', 'kak'];

/** province code → its regional honorifics (besides NATIONAL) */
const REGIONAL: Readonly<Record<string, readonly string[]>> = {
  '11': MALAY, // Aceh
  '12': [...MALAY, 'ito'], // Sumatera Utara
  '13': ['uda', 'uni'], // Sumatera Barat
  '14': [...MALAY, 'datuk'], // Riau
  '15': MALAY, // Jambi
  '16': [...MALAY, 'kakak'], // Sumatera Selatan
  '17': MALAY, // Bengkulu
  '18': [...MALAY, 'mas', 'mbak'], // Lampung (many Javanese)
  '19': MALAY, // Bangka Belitung
  '21': MALAY, // Kepulauan Riau
  '31': ['bang', 'mpok'], // DKI Jakarta
  '32': SUNDANESE, // Jawa Barat
  '33': JAVANESE, // Jawa Tengah
  '34': JAVANESE, // DI Yogyakarta
  '35': EAST_JAVANESE, // Jawa Timur
  '36': [...SUNDANESE, 'bang'], // Banten
  '51': ['bli', 'gung'], // Bali
  '52': ['mamiq', 'bang'], // Nusa Tenggara Barat
  '53': ['kaka', 'bapa'], // Nusa Tenggara Timur
  '61': MALAY, // Kalimantan Barat
  '62': MALAY, // Kalimantan Tengah
  '63': ['bang', 'kak', 'julak'], // Kalimantan Selatan
  '64': MALAY, // Kalimantan Timur
  '65': MALAY, // Kalimantan Utara
  '71': ['om', 'bung', 'tanta'], // Sulawesi Utara
  '72': MALAY, // Sulawesi Tengah
  '73': ['daeng', 'puang', 'kak'], // Sulawesi Selatan
  '74': MALAY, // Sulawesi Tenggara
  '75': MALAY, // Gorontalo
  '76': ['daeng', 'puang', 'kak'], // Sulawesi Barat
  '81': ['bung', 'usi'], // Maluku
  '82': ['bung', 'kak'], // Maluku Utara
  '91': ['bapa', 'kaka'], // Papua
  '92': ['bapa', 'kaka'],
  '93': ['bapa', 'kaka'],
  '94': ['bapa', 'kaka'],
  '95': ['bapa', 'kaka'],
  '96': ['bapa', 'kaka'],
};

/** The terms of a lexicon file of the built-in rules (one term a line, as the rules read them). */
const LexiconTerms = z.object({ id: z.string(), terms: z.array(z.string().min(1)).min(1) });

/** rules/lexicons/<id>.yml beside dist/ (the modules) and dist/bundle/ (the bundle): two levels up either way */
function lexiconTerms(id: string): ReadonlySet<string> {
  const file = fileURLToPath(new URL(`../../rules/lexicons/${id}.yml`, import.meta.url));
  const lexicon = LexiconTerms.parse(parse(readFileSync(file, 'utf8')));
  return new Set(lexicon.terms.map((t) => t.toLowerCase()));
}

let addressWords: ReadonlySet<string> | undefined;
/** The address words (lexicon kata-sapaan), checked once against every word the provinces pick. */
function addressLexicon(): ReadonlySet<string> {
  if (addressWords) return addressWords;
  const words = lexiconTerms('kata-sapaan');
  const missing = [...NATIONAL, ...Object.values(REGIONAL).flat()].filter((w) => !words.has(w));
  if (missing.length > 0) throw new Error(`honorifics.ts picks address words that rules/lexicons/kata-sapaan.yml lacks: ${[...new Set(missing)].join(', ')}`);
  addressWords = words;
  return words;
}

/** Honorifics residents of a region (2- or 4-digit code) put before a candidate's call name. */
export function regionHonorifics(regionCode: string): string[] {
  const words = addressLexicon();
  return [...new Set([...NATIONAL, ...(REGIONAL[regionCode.slice(0, 2)] ?? [])])].filter((w) => words.has(w));
}

let allHonorifics: ReadonlySet<string> | undefined;
/**
 * Every honorific of every province and the kinship and religious titles a nickname in KPU's data
 * may start with (lexicon gelar-julukan: "AYAH PANYANG", "NEK …", "ABU …", "BUYA …", "GUS HANS"):
 * like an honorific, the word before the name, never a call name itself. Not every address word
 * of kata-sapaan: a Balinese birth-order name ("MADE …") is the name a person is called by.
 */
export function allHonorificWords(): ReadonlySet<string> {
  const address = addressLexicon();
  allHonorifics ??= new Set([...[...NATIONAL, ...Object.values(REGIONAL).flat()].filter((w) => address.has(w)), ...lexiconTerms('gelar-julukan')]);
  return allHonorifics;
}
