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

// a heavy scan asks this of every span of every finding, and the same few hundred span texts (names,
// cue words, "!!!") recur: each answer is kept (bounded: span texts are anyone's words)
const TONE_CUE = new Map<string, boolean>();
const TONE_CUE_LIMIT = 4096;

/** The span text is only punctuation (and spaces) or one chat particle: a tone cue, not a matched word. */
export function isToneCue(text: string): boolean {
  let answer = TONE_CUE.get(text);
  if (answer === undefined) {
    answer = toneCue(text);
    if (TONE_CUE.size < TONE_CUE_LIMIT) TONE_CUE.set(text, answer);
  }
  return answer;
}

function toneCue(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === '') return true;
  if (/^[\p{P}\s]+$/u.test(t)) return true;
  return PARTICLES.has(t.replace(/[\p{P}\s]+/gu, ''));
}
