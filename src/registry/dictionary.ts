// The one owner of the dictionary's root words (Sastrawi's KBBI-derived list, everyday-words.ts):
// the set is built on first use, not at start-up (a `netral --version` never reads it), and every
// caller asks isEverydayWord instead of holding a copy of its own.

import { SASTRAWI_ROOTS } from './everyday-words.js';

/**
 * Root words that are mainly people's names in use, though the dictionary lists them ("agus" is a
 * month to few, a name to everyone): they keep pointing to a person on their own.
 */
const MAINLY_NAMES: ReadonlySet<string> = new Set([
  'agus', 'ganjar', 'hendra', 'rahmat', 'wahyu', 'bayu', 'dewi', 'ratna', 'yusuf', 'ismail', 'ibrahim', 'sulaiman',
  'rahman', 'rahim', 'hamid', 'hakim', 'arif', 'hidayat', 'amir', 'amin', 'nasir', 'yunus', 'harun', 'musa',
  // Arabic given names and Javanese/Sundanese name words the dictionary lists as loanwords
  'abidin', 'ahsan', 'akmal', 'ananda', 'ansar', 'aulia', 'bahri', 'burhan', 'candra', 'darwis', 'efendi',
  'endang', 'fatimah', 'firdaus', 'hafiz', 'halim', 'hambali', 'hamzah', 'hanif', 'haris', 'ikhwan', 'ilham', 'jabir',
  'jalil', 'jauhari', 'johari', 'kahar', 'kamil', 'karim', 'kasim', 'latif', 'mahdi', 'mahmud', 'malik', 'maliki',
  'maulana', 'muharam', 'mukhlis', 'murad', 'muslih', 'mustakim', 'muzamil', 'rasyid', 'rijal', 'sadik', 'saleh',
  'salim', 'syamsir', 'syarifah', 'tahir', 'taslim', 'taufik', 'wahid', 'suryani', 'permana', 'nugraha', 'raharja',
  'pradana', 'satria', 'pandu', 'guntur', 'totok', 'ujang', 'sumirat', 'khalilullah', 'mukadis', 'lawalata', 'pontoh',
]);

let roots: ReadonlySet<string> | undefined;

/**
 * Is `word` (lower case) an everyday Indonesian word: one of the dictionary's root words. A
 * candidate's name word that is one ("Minggu", "Tahun", "Bulan", "Pribadi") names a day, a year
 * or a thing far more often than the person, so alone it needs election context. A root word that
 * is mainly a name ("agus", "ganjar") is not one, unless `evenAName`: where the question is
 * whether a token is a word at all (the misspelled-name lookup: a dictionary word, or a form of
 * one, is never a misspelled name), every root word counts.
 */
export function isEverydayWord(word: string, options?: { evenAName?: boolean }): boolean {
  roots ??= new Set(SASTRAWI_ROOTS.split(' '));
  return roots.has(word) && (options?.evenAName === true || !MAINLY_NAMES.has(word));
}
