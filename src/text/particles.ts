// Chat particles and bare punctuation: they set the tone of a sentence ("pilih 02 ya!", "kok
// gitu sih") but name nothing. A rule may use them as a register cue, yet they are never shown or
// counted as a matched word of a finding: an analyst reads "Matched words: ya, !" as noise.

/** Discourse particles of Indonesian chat, Jakarta slang, Sundanese and Javanese. */
const PARTICLES: ReadonlySet<string> = new Set([
  // Indonesian and Jakarta chat
  'ya', 'yaa', 'yaaa', 'yah', 'iya', 'dong', 'donk', 'deh', 'sih', 'si', 'nih', 'tuh', 'kok', 'lho', 'loh', 'kan', 'toh', 'lah', 'kah', 'pun',
  'ah', 'eh', 'oh', 'ih', 'hm', 'hmm', 'gaes', 'guys', 'gan', 'sis', 'bro',
  // Sundanese
  'mah', 'teh', 'atuh', 'euy', 'wae', 'da', 'geuning', 'nya',
  // Javanese
  'je', 'ae', 'to', 'lho', 'kok', 'ta', 'tho', 'po', 'ki',
]);

/** The span text is only punctuation (and spaces) or one chat particle: a tone cue, not a matched word. */
export function isToneCue(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === '') return true;
  if (/^[\p{P}\s]+$/u.test(t)) return true;
  return PARTICLES.has(t.replace(/[\p{P}\s]+/gu, ''));
}
