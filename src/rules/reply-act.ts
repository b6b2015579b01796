// What a short chat reply does with the message it answers: takes its side or acts on it
// ("setuju pak", "abdi oge", "siap, meluncur", "pesen 2 ya"), only answers ("ok", "siap bu"), or
// declines, apologises or warns ("maaf", "teu tiasa ngiring", "jangan kampanye di grup"). The
// words come from the engine lexicons (pack.ts ENGINE_LEXICONS), found by the one matcher pass.
import type { NormalisedText } from '../text/normalise.js';
import type { TermHit } from '../text/matcher.js';
import { ENGINE_LEXICONS, type TermOwner } from './pack.js';
import { PROHIBITIVES, wordBefore } from './stance.js';

export interface ReplyReading {
  /** the reply carries a reply word (penanda-tanggapan), or opens with a side-taking one: it answers something */
  answers: boolean;
  /** the first word taking the side of the earlier message or acting on it, in normalised offsets */
  sides?: { start: number; end: number };
  /** it declines, apologises, warns or asks: nothing is borrowed from the thread */
  declines: boolean;
  /** a reply word stands among its first words: it answers the message before ("Abdi teu tiasa ngiring", "Siap bu, maaf") */
  opens: boolean;
  /** it calls the others to follow ("Ayo sing liyane nyusul", "yang lain ikut juga"): the act is urged on the colleagues */
  urges?: boolean;
}

/**
 * A side-taking reply says so first ("Setuju pak, …", "Abdi oge tos …", "Pesen 2 ya"): a reply
 * word further on belongs to a sentence of its own ("kemarin aku ikut rapat RT").
 */
const SIDE_WITHIN_WORDS = 4;

/**
 * Words right before a reply word that turn it around ("nggak ikut", "ora melu", "teu ngiring",
 * "indak ikuik", "kada umpat"): Indonesian (slang ga/gak/nggak/kagak/ndak normalise to "tidak"),
 * Javanese, Sundanese, Minang, Banjar, Acehnese. Javanese "tak" ("tak pasang": I put) and "sing"
 * (who) are not negators.
 */
const NEGATORS: ReadonlySet<string> = new Set(['tidak', 'bukan', 'belum', 'ogah', 'ora', 'durung', 'teu', 'henteu', 'moal', 'acan', 'indak', 'nda', 'kada', 'hana']);

function ownerLexicons(hit: TermHit<TermOwner>): Set<string> {
  const out = new Set<string>();
  for (const o of hit.owners) if (o.type === 'cue') out.add(o.lexicon);
  return out;
}

/** Word number (0-based) of a normalised offset. */
function wordNumber(text: string, offset: number): number {
  const before = text.slice(0, offset).trim();
  return before === '' ? 0 : before.split(/\s+/u).length;
}

/**
 * A reply word denied ("nggak ikut") or forbidden ("Kaosnya jangan dipake ke kantor", "ulah
 * dipasang", "ojo melu"): the prohibitives are stance.ts PROHIBITIVES, the standard "don't" of
 * each language's grammar (sources there). A reply that forbids the act warns the colleague; it
 * does not take the act up.
 */
function negatedBefore(text: string, start: number): boolean {
  const word = wordBefore(text, start, 16);
  if (word === undefined) return false;
  if (NEGATORS.has(word) || PROHIBITIVES.has(word)) return true;
  // the negator may govern a modal before the reply word ("teu kenging ngiring", "ora oleh melu",
  // "tidak boleh ikut"): may not, cannot, will not join is no joining either
  if (!MODALS.has(word)) return false;
  const before = wordBefore(text, text.slice(0, start).trimEnd().length - word.length, 16);
  return before !== undefined && (NEGATORS.has(before) || PROHIBITIVES.has(before));
}

/**
 * Modal and aspect words a negator may stand before, right before a reply word: Indonesian "boleh,
 * bisa, mau, jadi, sempat, pernah, perlu, akan, bakal" (KBBI, adverbia modalitas/aspek), Sundanese
 * "kenging, tiasa" (may, can), Javanese "oleh, iso, isa" (may, can).
 */
const MODALS: ReadonlySet<string> = new Set(['boleh', 'bisa', 'mau', 'jadi', 'sempat', 'pernah', 'perlu', 'akan', 'bakal', 'kenging', 'tiasa', 'oleh', 'iso', 'isa']);

/** The hit's word is written twice in a row ("sami-sami", "sama sama"): Indonesian and regional reduplication. */
function reduplicated(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/\s/u.test(word)) return false;
  const n = word.length;
  // the repeat must be a whole word too ("sama samaku" is not one word twice); plain string
  // comparisons, not two regexes compiled per reply hit
  if (end + n + 1 <= text.length && !/[\p{L}\p{N}]/u.test(text[end + n + 1] ?? '') && REPEAT_JOIN.test(text[end] as string) && text.startsWith(word, end + 1)) return true;
  return start >= n + 1 && REPEAT_JOIN.test(text[start - 1] as string) && text.startsWith(word, start - n - 1);
}
/** what joins a word to its repeat: a space or a hyphen */
const REPEAT_JOIN = /^[\s-]$/u;

/**
 * The last words of the refusals that mean "the other one" (lexicon tanggapan-menolak: "yang lain",
 * "nan lain", "sing liyane", "nu sanes"): Indonesian, Minang, Javanese and Sundanese "other". Said
 * as the subject of a joining or coming word of lexicon tanggapan-memihak a few words on ("Ayo sing
 * liyane nyusul", "Sing liyane mbok ya pada nyusul gabung", "yang lain ikut juga"), the others are
 * the colleagues called to follow: the reply urges the act on, it does not pick another side.
 */
const OTHERS: ReadonlySet<string> = new Set(['lain', 'liyane', 'sanes']);
/** how many words on the joining word may stand after "the others" */
const OTHERS_ACT_WITHIN = 4;

/** Read one reply (its text field, normalised, with its matcher hits). */
export function readReply(norm: NormalisedText, hits: readonly TermHit<TermOwner>[]): ReplyReading {
  let answers = false;
  let declines = false;
  const others: TermHit<TermOwner>[] = [];
  const acts: number[] = [];
  let opens = false;
  let sides: { start: number; end: number } | undefined;
  for (const h of hits) {
    const lexicons = ownerLexicons(h);
    if (lexicons.size === 0) continue;
    // a reduplicated word is another word: "sama-sama"/"sami-sami" (you're welcome, all alike),
    // "siap-siap" (getting ready), not "same"/"ready" said to the message before
    if (reduplicated(norm.text, h.start, h.end)) continue;
    const isSide = lexicons.has(ENGINE_LEXICONS.replySides);
    if (lexicons.has(ENGINE_LEXICONS.replyDeclines)) {
      if (OTHERS.has(norm.text.slice(h.start, h.end).split(/\s+/u).pop() ?? '') && !isSide) others.push(h);
      else declines = true;
    }
    if (isSide && !negatedBefore(norm.text, h.start)) acts.push(wordNumber(norm.text, h.start));
    const isCue = lexicons.has(ENGINE_LEXICONS.replyCues);
    if ((isSide || isCue) && negatedBefore(norm.text, h.start)) declines = true;
    const opening = wordNumber(norm.text, h.start) < SIDE_WITHIN_WORDS;
    if (isCue || (isSide && opening)) answers = true;
    if ((isCue || isSide) && opening) opens = true;
    if (isSide && opening && !sides) sides = { start: h.start, end: h.end };
  }
  // "the others" decline unless a joining word follows them: "pilih sing liyane" picks another side,
  // "sing liyane nyusul" calls the others to follow
  let urges = false;
  for (const h of others) {
    const at = wordNumber(norm.text, h.start) + norm.text.slice(h.start, h.end).split(/\s+/u).length - 1;
    if (acts.some((w) => w > at && w - at <= OTHERS_ACT_WITHIN)) urges = true;
    else declines = true;
  }
  // a question asks, it does not accept ("ikut ga?", "siapa yang ikut?")
  if (norm.original.includes('?')) declines = true;
  return { answers, declines, opens, ...(sides ? { sides } : {}), ...(urges ? { urges } : {}) };
}
