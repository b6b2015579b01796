// What a short chat reply does with the message it answers: takes its side or acts on it
// ("setuju pak", "abdi oge", "siap, meluncur", "pesen 2 ya"), only answers ("ok", "siap bu"), or
// declines, apologises or warns ("maaf", "teu tiasa ngiring", "jangan kampanye di grup"). The
// words come from the engine lexicons (pack.ts ENGINE_LEXICONS), found by the one matcher pass.
import { toOriginal, type NormalisedText } from '../text/normalise.js';
import type { TermHit } from '../text/matcher.js';
import { reduplicated } from '../text/reduplication.js';
import { wordsOf, type TextWord } from '../text/words.js';
import { ENGINE_LEXICONS, type HandingWords, type ReplyGrammar, type RulePack, type TermOwner } from './pack.js';
import { wordBefore } from './stance.js';

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
  /**
   * it hands the act on to others ("ajak guru-guru yang lain", "bagikan juga ke tetangga", "bawa
   * juga untuk anak-anak magang"): the reply grants or accepts what the message answered asks or
   * offers, and spreads it (extendsAct)
   */
  extends?: boolean;
  /**
   * the writer's own verb of going along, when the reply includes its writer in the outing it
   * answers (goesAlong: "Pergi kita bu", "Lon jak bang") or says yes with a verb of attendance that
   * closes its clause (answeredGoing: "Inggih tindak pak", "Siap hadir!", "Siap datang pak"), in
   * normalised offsets: the rules bind it to the event of the message answered (matcher reply_going)
   */
  goes?: { start: number; end: number };
}

/**
 * A side-taking reply says so first ("Setuju pak, …", "Abdi oge tos …", "Pesen 2 ya"): a reply
 * word further on belongs to a sentence of its own ("kemarin aku ikut rapat RT").
 */
const SIDE_WITHIN_WORDS = 4;


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
 * A reply word denied ("nggak ikut": the reply negators, lexicon penyangkal-tanggapan) or forbidden
 * ("Kaosnya jangan dipake ke kantor", "ulah dipasang", "ojo melu"): the prohibitives are lexicon
 * kata-larangan, the standard "don't" of each language's grammar (sources there). A reply that
 * forbids the act warns the colleague; it does not take the act up.
 */
function negatedBefore(text: string, start: number, grammar: ReplyGrammar): boolean {
  const word = wordBefore(text, start, 16);
  if (word === undefined) return false;
  if (grammar.negators.has(word) || grammar.prohibitives.has(word)) return true;
  // the negator may govern a modal (lexicon modal-tanggapan) before the reply word ("teu kenging
  // ngiring", "ora oleh melu", "tidak boleh ikut"): may not, cannot, will not join is no joining either
  if (!grammar.modals.has(word)) return false;
  const before = wordBefore(text, text.slice(0, start).trimEnd().length - word.length, 16);
  return before !== undefined && (grammar.negators.has(before) || grammar.prohibitives.has(before));
}



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

/**
 * The words an act is handed on to other people by come from lexicons (pack.ts HANDING_LEXICONS):
 * the inviting verbs (verba-mengajak: "ajak guru-guru yang lain") take the people as their object;
 * the bringing and sharing verbs (verba-meneruskan: "bagikan juga ke tetangga", "bawa juga untuk
 * anak-anak magang") take them after a word of recipient (kata-penerima): "bawa anak" is taking
 * one's child along, the replier's own going. The people are "the others" (OTHERS) and a member's
 * circle (orang-sekitar); shared out to them, one's own household (kerabat-penerima) too.
 */
/** how many words on the people may stand after the verb that hands the act on, or after the people's word before ("ajak juga anak-anak staf yang lain", "bagikan juga ke tetangga") */
const EXTEND_WITHIN = 4;

/**
 * The reply hands the act on: an inviting or a bringing/sharing verb (HandingWords), not denied or
 * forbidden ("jangan dibagikan ke tetangga"), with its people within EXTEND_WITHIN words after it
 * (for a bringing or sharing verb, after a word of recipient). Returns the verb's span and where the
 * people's words start (normalised offsets), so "yang lain" there is not read as another side.
 */
function extendsAct(text: string, handing: HandingWords, grammar: ReplyGrammar): { start: number; end: number; people: number[] } | undefined {
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const invites = handing.invite.has(w.word);
    if ((!invites && !handing.hand.has(w.word)) || negatedBefore(text, w.start, grammar)) continue;
    // the people may go on from one word of them to the next ("anak-anak staf yang lain")
    const people: number[] = [];
    let recipient = invites;
    for (let j = i + 1, last = i; j < words.length && j - last <= EXTEND_WITHIN; j++) {
      const word = words[j]!.word;
      if (handing.recipient.has(word)) recipient = true;
      if (!recipient || !(OTHERS.has(word) || (invites ? handing.circle : handing.recipients).has(word))) continue;
      people.push(words[j]!.start);
      last = j;
    }
    if (people.length > 0) return { start: w.start, end: w.end, people };
  }
  return undefined;
}

/**
 * The eastern Malay first person "sa" (Papuan, Kupang, Kendari, Luwu and Buton Malay: "sa pi",
 * "sa juga"). It is also "saja" in the same chats ("Fauzi sa"), so lexicon kata-ganti-penulis leaves
 * it out; right before an "also" particle it can only be the writer ("sa juga": nobody writes
 * "saja juga" for "only also").
 */
const EASTERN_I = 'sa';
/**
 * A count of what an offer hands round: a digit 1–9 or a spelled count one to five (lexicon
 * bilangan-bagian: Indonesian, Javanese, Sundanese, Minang) — "aku 2 ya, ukuran L", "titip satu
 * om". Bigger numbers are amounts, not one's share of stickers or shirts.
 */
const counts = (word: string, grammar: ReplyGrammar) => /^[1-9]$/u.test(word) || grammar.count.has(word);
/**
 * The verbs of taking one's share of an offer, said before the count ("titip satu", "ambil 2",
 * "nak satu", "pesen 2"): Indonesian ambil, titip (KBBI: titip, "menitipkan", to ask someone to get
 * something for you), pesan/pesen, minta, the regional verbs of asking for something (Sundanese menta,
 * and the polite nyuhunkeun/nyuhun; Javanese ngoko njaluk, krama nyuwun: Poerwadarminta 1939, njaluk
 * "minta", nyuwun "minta", krama), Minang ambiak "ambil" (Usman, "Kamus Umum Bahasa Minangkabau–Indonesia",
 * 2002: "ambo ambiak duo"), and the want verbs (lexicon verba-ingin: mau, pengen/pengin,
 * Malay nak/hendak, Banjar handak, Sundanese hoyong). A count after them is what the replier takes
 * ("abdi nyuhunkeun 2 kang", "njaluk siji mas").
 */
const TAKE_ONLY: ReadonlySet<string> = new Set(['ambil', 'ambiak', 'titip', 'pesan', 'pesen', 'minta', 'menta', 'nyuhunkeun', 'nyuhun', 'njaluk', 'nyuwun']);
const takes = (word: string, grammar: ReplyGrammar) => TAKE_ONLY.has(word) || grammar.want.has(word);

/**
 * The want verbs of accepting an offer ("sa mau pak", "ulun handak jua", "abdi hoyong"): the want
 * verbs of taking (lexicon verba-ingin) and Javanese gelem (Poerwadarminta, "Baoesastra Djawa",
 * 1939: gelem, "mau"). Said by the writer's own pronoun and ending its clause, the want answers the
 * offer before it.
 */
const wants = (word: string, grammar: ReplyGrammar) => grammar.want.has(word) || word === 'gelem';

/**
 * "I want one" closed by itself: the writer's pronoun (or eastern "sa"), an optional "also", a want
 * verb (WANT), and then nothing of its own: the clause ends, or only an "also", "dong" or an address
 * word follows ("Sa mau pak, …", "Saya mau Bu, masukkan saya", "Ulun handak jua kaosnya" stops at
 * the also). "Saya mau tanya", "aku mau pulang" want something else and are not read.
 */
function acceptedOffer(norm: NormalisedText, writerAt: ReadonlySet<number>, { addressWords, replyGrammar: grammar }: ReplyWords): { start: number; end: number } | undefined {
  // the pronoun among the first words, then at most "also", the want and the word after it
  const words = wordsOf(norm.text, SIDE_WITHIN_WORDS + 4);
  const joined = (a: TextWord, b: TextWord) => norm.text.slice(a.end, b.start).trim() === '';
  for (let i = 0; i + 1 < words.length && i < SIDE_WITHIN_WORDS; i++) {
    const w = words[i]!;
    const at = w.start;
    if (!writerAt.has(at) && w.word !== EASTERN_I) continue;
    let j = i + 1;
    if (grammar.also.has(words[j]!.word) && j + 1 < words.length && joined(words[j - 1]!, words[j]!)) j++;
    const want = words[j];
    if (want === undefined || !wants(want.word, grammar) || !joined(words[j - 1]!, want) || negatedBefore(norm.text, at, grammar)) continue;
    const next = words[j + 1];
    const ends = next === undefined || !joined(want, next) || grammar.also.has(next.word) || next.word === 'dong' || addressWords.has(next.word);
    if (ends) return { start: at, end: want.end };
  }
  return undefined;
}

/**
 * "Me too" and "one for me" composed from closed classes instead of listed phrase by phrase: the
 * writer's own pronoun (lexicon kata-ganti-penulis, or eastern "sa") right before an "also" particle
 * ("ambo pun sudah", "ulun gin sapandapat", "sa juga 2"), or the writer's pronoun or a taking verb
 * right before a count ("aku 2 ya", "titip satu om", "ambil 2"), among the first words. Returns the
 * span of the two words in normalised offsets.
 */
function composedSide(norm: NormalisedText, hits: readonly TermHit<TermOwner>[], replyWords: ReplyWords): { start: number; end: number } | undefined {
  const writerAt = new Set<number>();
  for (const h of hits) if (ownerLexicons(h).has(ENGINE_LEXICONS.writer) && !/\s/u.test(norm.text.slice(h.start, h.end))) writerAt.add(h.start);
  // only the first words are read: stop the scan there, not at the end of a long message
  const words = wordsOf(norm.text, SIDE_WITHIN_WORDS + 1);
  for (let i = 0; i + 1 < words.length && i < SIDE_WITHIN_WORDS; i++) {
    const w = words[i]!;
    const next = words[i + 1]!;
    const at = w.start;
    // the two words stand side by side (a comma between them ends the phrase: "aku, 2 hari lagi")
    if (norm.text.slice(w.end, next.start).trim() !== '') continue;
    const writer = writerAt.has(at);
    const also = replyWords.replyGrammar.also.has(next.word) && (writer || w.word === EASTERN_I);
    const share = counts(next.word, replyWords.replyGrammar) && (writer || takes(w.word, replyWords.replyGrammar));
    if ((also || share) && !negatedBefore(norm.text, at, replyWords.replyGrammar)) return { start: at, end: next.end };
  }
  const going = goesAlong(norm.text, writerAt, replyWords);
  return going ? { start: going.start, end: going.end } : acceptedOffer(norm, writerAt, replyWords);
}

/**
 * A yes, then the writer doing it: the reply opens with a plain yes (lexicon jawaban-ya: "Enggi",
 * "Iye", "Nggih") or a reply word (penanda-tanggapan: "Siap", "Mangga"), at most an address or a
 * name after it ("Siap bu,", "Enggi Ke,"), a clause break, and the next clause opens with the
 * writer's own "I" (kata-ganti-penulis, the regional first persons among them: "nahu", "engkok",
 * "abdi", "aye") right before a word of its own, the act: "Siap bu, nahu bawa istri dan anak2",
 * "Enggi Ke, engkok kumpulagi KTP kanca2 guru". The writer accepts and carries out the message
 * answered. Not when the act is denied or forbidden ("Nggih pak, kula mboten saged"), is a want
 * or an "also" (acceptedOffer and composedSide read those), asks, or takes something back
 * ("Siap bu, saya copot"). So does a clause that asks to be put in, the writer the object of a
 * causative or chat verb ("Mangga Mang, lebetkeun abdi", "Siap, daftarin aku"). Returns the span of
 * the "I" and the act word, or of the verb and the "me" (normalised offsets).
 */
function yesThenOwnAct(norm: NormalisedText, hits: readonly TermHit<TermOwner>[], writerAt: ReadonlySet<number>, { addressWords, replyGrammar: grammar }: ReplyWords): { start: number; end: number } | undefined {
  const text = norm.text;
  const words = wordsOf(text, YES_CLAUSE_WORDS + 2);
  const first = words[0];
  if (first === undefined || first.start !== text.search(/\S/u)) return undefined;
  const cue = hits.some((h) => h.start === first.start && h.end === first.end && ownerLexicons(h).has(ENGINE_LEXICONS.replyCues));
  if (!cue && !grammar.yes.has(first.word)) return undefined;
  // the yes's own clause: the yes, then at most an address and a name, then a break
  let i = 1;
  while (i < words.length && i < YES_CLAUSE_WORDS && adjacent(text, words[i - 1]!, words[i]!) && !writerAt.has(words[i]!.start)) i++;
  for (let k = 1; k < i; k++) if (!addressWords.has(words[k]!.word) && k !== i - 1) return undefined;
  // "include me": a verb of putting in or signing up with the writer as its object ("Mangga Mang,
  // lebetkeun abdi", "Siap, daftarkan aku"), the causative -kan/-keun/-ken or the chat's -in on it
  const asked = words[i];
  const me = words[i + 1];
  if (asked && me && writerAt.has(me.start) && adjacent(text, asked, me) && /^\p{L}{3,}(?:kan|keun|ken|in)$/u.test(asked.word) && !grammar.retractions.has(asked.word.replace(/(?:kan|keun|ken|in)$/u, '')) && /[,.!;]/u.test(text.slice(words[i - 1]!.end, asked.start)) && !text.includes('?') && !negatedBefore(text, asked.start, grammar)) {
    return { start: asked.start, end: me.end };
  }
  const subject = words[i];
  const act = words[i + 1];
  if (subject === undefined || act === undefined || !writerAt.has(subject.start) || !adjacent(text, subject, act)) return undefined;
  // a break between the yes's clause and the writer's ("Siap bu, nahu …", "Enggi, engkok …"): "Iya aku tau" is one clause, not a yes and an act
  if (!/[,.!;]/u.test(text.slice(words[i - 1]!.end, subject.start))) return undefined;
  const w = act.word;
  if (!/^\p{L}{3,}$/u.test(w) || grammar.negators.has(w) || grammar.prohibitives.has(w) || grammar.modals.has(w) || grammar.also.has(w) || grammar.want.has(w) || grammar.yes.has(w) || grammar.between.has(w) || grammar.retractions.has(w)) return undefined;
  if (text.includes('?') || negatedBefore(text, subject.start, grammar)) return undefined;
  return { start: subject.start, end: act.end };
}
/** The yes's own clause is this short at most: the yes, an address, a name ("Siap bu,", "Enggi Ke,", "Iye kak Rina,"). */
const YES_CLAUSE_WORDS = 3;

/**
 * Two words stand side by side with no punctuation between; an apostrophe ends a word of its own
 * (the glottal stop of Madurese "sengko'", Acehnese "ta'"), it is no punctuation.
 */
function adjacent(text: string, a: TextWord, b: TextWord): boolean {
  return /^[\s']*$/u.test(text.slice(a.end, b.start));
}

/**
 * "I'm in" by its shape, self-inclusion: among the first words, the writer's own "I" (writerAt,
 * lexicon kata-ganti-penulis) or an inclusive "we" (kata-ganti-kita), at most one word of
 * betweenSubjectAndAct ("aku juga ikut", "kula sampun nderek"), then a verb of going along
 * (verba-ikut) — "Sengko' norok", "Kita iko!", "ulun umpat", "Lon jak" — or the verb before a
 * "we" that closes the clause ("Pergi kita bu", "pigi torang!"), with no punctuation between and
 * not denied ("kami tidak ikut"). The verbs of another sense alone (Minang "iko" this, Indonesian "umpat" curse) are read
 * only so. Returns the span from the first of the words to the last.
 */
function goesAlong(text: string, writerAt: ReadonlySet<number>, replyWords: ReplyWords): { start: number; end: number; verb: { start: number; end: number } } | undefined {
  const going = replyWords.goingAlong;
  const grammar = replyWords.replyGrammar;
  const words = wordsOf(text, SIDE_WITHIN_WORDS + 2);
  const joined = (a: TextWord, b: TextWord) => adjacent(text, a, b);
  for (let i = 0; i + 1 < words.length && i < SIDE_WITHIN_WORDS; i++) {
    const w = words[i]!;
    let next = words[i + 1]!;
    if (!joined(w, next)) continue;
    // the verb before the "we" ends its clause or is followed by an address ("Pergi kita bu",
    // "pigi torang!"): "ikut kami ke TPS" (follow us) goes on with an object of its own
    const after = words[i + 2];
    const closes = after === undefined || !joined(next, after) || replyWords.addressWords.has(after.word);
    if (going.verbs.has(w.word) && going.we.has(next.word) && closes && !negatedBefore(text, w.start, grammar)) return { start: w.start, end: next.end, verb: { start: w.start, end: w.end } };
    if (!writerAt.has(w.start) && !going.we.has(w.word)) continue;
    if (betweenSubjectAndAct(next.word, grammar) && words[i + 2] !== undefined && joined(next, words[i + 2]!)) next = words[i + 2]!;
    if (going.verbs.has(next.word) && !negatedBefore(text, next.start, grammar) && !negatedBefore(text, w.start, grammar)) return { start: w.start, end: next.end, verb: { start: next.start, end: next.end } };
  }
  return undefined;
}

/**
 * A yes with the writer's own verb of attendance ("Inggih tindak pak", "Siap hadir!", "Siap datang
 * pak", "Aku datang", "Abdi angkat, kang"): among the first words, a verb of the attendance class
 * (goingAlong.attend: the verbs of going along and of coming, arriving and setting out, with their
 * active nasal forms) right after a reply word (lexicon penanda-tanggapan), the writer's own "I"
 * or an inclusive "we", at most one word of betweenSubjectAndAct between, with no punctuation
 * between; the verb closes its clause (the reply ends, punctuation follows, or only an address or
 * an "also" word: "Siap tindak lanjuti" goes on with an object of its own, "aku jalan dulu" with
 * an adverb, and are not read), and is not denied. Returns the verb's span.
 */
function answeredGoing(text: string, writerAt: ReadonlySet<number>, cueEnds: ReadonlySet<number>, replyWords: ReplyWords): { start: number; end: number } | undefined {
  const { attend, we } = replyWords.goingAlong;
  const grammar = replyWords.replyGrammar;
  const words = wordsOf(text, SIDE_WITHIN_WORDS + 2);
  const joined = (a: TextWord, b: TextWord) => adjacent(text, a, b);
  for (let i = 1; i < words.length && i <= SIDE_WITHIN_WORDS; i++) {
    const verb = words[i]!;
    if (!attend.has(verb.word) || negatedBefore(text, verb.start, grammar)) continue;
    let j = i - 1;
    if (betweenSubjectAndAct(words[j]!.word, grammar) && j > 0 && joined(words[j - 1]!, words[j]!)) j--;
    const subject = words[j]!;
    if (!joined(words[i - 1]!, verb) || !(cueEnds.has(words[i - 1]!.end) || cueEnds.has(subject.end) || writerAt.has(subject.start) || we.has(subject.word))) continue;
    const next = words[i + 1];
    const closes = next === undefined || !joined(verb, next) || replyWords.addressWords.has(next.word) || grammar.also.has(next.word);
    if (closes && !negatedBefore(text, subject.start, grammar)) return { start: verb.start, end: verb.end };
  }
  return undefined;
}

/**
 * The side-taking words end their own clause before the first question mark after them: a comma,
 * full stop, semicolon or exclamation mark stands between, and the question's clause holds no
 * doubt word (lexicon penanda-ragu: "setuju, tapi emang boleh?"). A question mark before the
 * side-taking words, or in the same clause, asks.
 */
function acceptedBeforeAsking(text: string, sideEnd: number, grammar: ReplyGrammar): boolean {
  if (text.lastIndexOf('?', sideEnd) >= 0) return false;
  const q = text.indexOf('?', sideEnd);
  if (q < 0) return false;
  const between = text.slice(sideEnd, q);
  const boundary = Math.max(between.lastIndexOf(','), between.lastIndexOf('.'), between.lastIndexOf(';'), between.lastIndexOf('!'));
  if (boundary < 0) return false;
  return !wordsOf(between.slice(boundary + 1)).some((w) => grammar.doubt.has(w.word));
}

/**
 * A word that may stand between a subject and its joining word without changing who acts: lexicon
 * sela-subjek-tindakan ("malah", "wis", "tos") and the "also" particles (partikel-juga).
 */
function betweenSubjectAndAct(word: string, grammar: ReplyGrammar): boolean {
  return grammar.between.has(word) || grammar.also.has(word);
}

/**
 * The joining word has a named third person as its subject: a title of address (lexicon
 * kata-sapaan: bu, pak, mas, mbak, kang, teh …), one name word, at most one word of
 * betweenSubjectAndAct, then the joining word, with no punctuation between them ("Lho Bu Tutik
 * malah melu …", "Pak Darto juga ikut"). The act told is that colleague's, not the writer's; a
 * title followed by a comma is an address ("Siap bu, melu"), and the writer's own pronoun is never
 * the name ("Bu, aku melu").
 */
function namedOtherActs(norm: NormalisedText, start: number, addressWords: ReadonlySet<string>, writerAt: ReadonlySet<number>, grammar: ReplyGrammar): boolean {
  if (addressWords.size === 0) return false;
  const before = norm.text.slice(0, start);
  const words = [...before.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)];
  let j = words.length - 1;
  if (j >= 0 && betweenSubjectAndAct(words[j]![0], grammar)) j--;
  const name = words[j];
  const title = words[j - 1];
  if (name === undefined || title === undefined) return false;
  if (!/^[\p{L}]{2,}$/u.test(name[0]) || addressWords.has(name[0]) || writerAt.has(name.index ?? -1)) return false;
  return addressWords.has(title[0]);
}

/** The pack's word sets a reply is read with: the address terms, the words that hand an act on and the reply's grammar words. */
export type ReplyWords = Pick<RulePack, 'addressWords' | 'handingWords' | 'goingAlong' | 'replyGrammar'>;

/** An echo question that opens a reply is this short at most ("Kitu pa?", "Oh gitu bu?", "Serius?"). */
const ECHO_QUESTION_WORDS = 3;
/** The reply lexicons a question's own words may not hold to be an echo. */
const REPLY_LEXICONS = [ENGINE_LEXICONS.replyCues, ENGINE_LEXICONS.replySides, ENGINE_LEXICONS.replyDeclines];

/**
 * Where a short question that opens a reply ends, when the reply goes on to answer it itself
 * ("Kitu pa? Nya atuh abdi nuturkeun", "Oh gitu? Aku ikut deh"): at most ECHO_QUESTION_WORDS words
 * with no reply word among them (lexicons penanda-tanggapan, tanggapan-memihak, tanggapan-menolak),
 * then the question mark, then words of its own with no question of their own. The end is in
 * normalised offsets.
 */
function echoQuestionEnd(norm: NormalisedText, hits: readonly TermHit<TermOwner>[]): number | undefined {
  const q = norm.text.indexOf('?');
  if (q < 0) return undefined;
  // a question with a reply word of its own asks about the act ("Siapa yang ikut? aku juga"): no echo
  if (hits.some((h) => h.start < q && REPLY_LEXICONS.some((l) => ownerLexicons(h).has(l)))) return undefined;
  const asked = wordsOf(norm.text.slice(0, q), ECHO_QUESTION_WORDS + 1).length;
  const end = q + 1 + (norm.text.slice(q + 1).match(/^\?+/u)?.[0].length ?? 0);
  if (asked === 0 || asked > ECHO_QUESTION_WORDS || norm.text.includes('?', end) || wordsOf(norm.text.slice(end), 1).length === 0) return undefined;
  return end;
}

/** Read one reply (its text field, normalised, with its matcher hits). */
export function readReply(norm: NormalisedText, hits: readonly TermHit<TermOwner>[], words: ReplyWords): ReplyReading {
  // a reply that opens with a short echo question and answers it itself is read from its answer:
  // the question's words blanked (offsets kept), its hits left out
  const echoEnd = echoQuestionEnd(norm, hits);
  if (echoEnd !== undefined) {
    const originalEnd = toOriginal(norm, 0, echoEnd).end;
    const answer: NormalisedText = { ...norm, text: ' '.repeat(echoEnd) + norm.text.slice(echoEnd), original: ' '.repeat(originalEnd) + norm.original.slice(originalEnd) };
    return readReplyText(answer, hits.filter((h) => h.start >= echoEnd), words);
  }
  return readReplyText(norm, hits, words);
}

function readReplyText(norm: NormalisedText, hits: readonly TermHit<TermOwner>[], words: ReplyWords): ReplyReading {
  const { addressWords } = words;
  let answers = false;
  let declines = false;
  const others: TermHit<TermOwner>[] = [];
  const acts: number[] = [];
  let opens = false;
  let sides: { start: number; end: number } | undefined;
  const writerAt = new Set<number>();
  for (const h of hits) if (ownerLexicons(h).has(ENGINE_LEXICONS.writer)) writerAt.add(h.start);
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
    // a colleague named as the one who joins ("Bu Tutik malah melu …"): that act is not the writer's
    if (isSide && namedOtherActs(norm, h.start, addressWords, writerAt, words.replyGrammar)) continue;
    if (isSide && !negatedBefore(norm.text, h.start, words.replyGrammar)) acts.push(wordNumber(norm.text, h.start));
    const isCue = lexicons.has(ENGINE_LEXICONS.replyCues);
    if ((isSide || isCue) && negatedBefore(norm.text, h.start, words.replyGrammar)) declines = true;
    const opening = wordNumber(norm.text, h.start) < SIDE_WITHIN_WORDS;
    if (isCue || (isSide && opening)) answers = true;
    if ((isCue || isSide) && opening) opens = true;
    if (isSide && opening && !sides) sides = { start: h.start, end: h.end };
  }
  if (!sides) {
    const composed = composedSide(norm, hits, words) ?? yesThenOwnAct(norm, hits, writerAt, words);
    if (composed) {
      sides = composed;
      answers = true;
      opens = true;
    }
  }
  // the writer's own going along, bound by the rules to the event of the message answered
  const cueEnds = new Set<number>();
  for (const h of hits) if (ownerLexicons(h).has(ENGINE_LEXICONS.replyCues) && !reduplicated(norm.text, h.start, h.end)) cueEnds.add(h.end);
  // a reply opening with a bare verb of going along as its yes ("Melu Mas, jam piro?", "Ngiring
  // Sep") goes along as "aku melu" does: the verb is the first word and the side-taking word (stop 53)
  const firstWord = wordsOf(norm.text, 1)[0];
  const bareGoing = sides !== undefined && firstWord !== undefined && sides.start === firstWord.start && sides.end === firstWord.end && (words.goingAlong.verbs.has(firstWord.word) || words.goingAlong.attend.has(firstWord.word)) ? sides : undefined;
  const goes = goesAlong(norm.text, writerAt, words)?.verb ?? answeredGoing(norm.text, writerAt, cueEnds, words) ?? bareGoing;
  if (goes) {
    answers = true;
    opens = true;
  }
  // a reply that hands the act on to others ("Pergi kita bu, ajak guru-guru yang lain") answers and
  // accepts what it answers, and urges it on them
  const handedOn = extendsAct(norm.text, words.handingWords, words.replyGrammar);
  if (handedOn) {
    answers = true;
    sides ??= { start: handedOn.start, end: handedOn.end };
  }
  // "the others" decline unless a joining word follows them or a verb handing the act on precedes
  // them: "pilih sing liyane" picks another side, "sing liyane nyusul" and "ajak yang lain" call
  // the others to follow
  let urges = handedOn !== undefined;
  for (const h of others) {
    const at = wordNumber(norm.text, h.start) + norm.text.slice(h.start, h.end).split(/\s+/u).length - 1;
    if (acts.some((w) => w > at && w - at <= OTHERS_ACT_WITHIN) || handedOn?.people.some((p) => p >= h.start && p < h.end)) urges = true;
    else declines = true;
  }
  // a question asks, it does not accept ("ikut ga?", "siapa yang ikut?"); but a reply that takes
  // the side first and asks something in a clause of its own has accepted before it asks ("ambo
  // pun sudah, di motor dinas lagi, dak apo kan?", "Ulun handak jua kaosnya, di mana mamintanya?")
  if (norm.original.includes('?') && !(sides && acceptedBeforeAsking(norm.text, sides.end, words.replyGrammar))) declines = true;
  return { answers, declines, opens, ...(sides ? { sides } : {}), ...(urges ? { urges } : {}), ...(handedOn ? { extends: true } : {}), ...(goes ? { goes } : {}) };
}

/**
 * How a quote post's own words react to the post it quotes, when they carry no reply word of their
 * own (readReply found no side-taking word): 'endorses' — it points at the quoted post as the very
 * thing ("Nah ini.", "ini dia 👇", "MasyaAllah, ini yang saya maksud", "tah ieu") or is a bare
 * approving reaction ("👍🔥", "masyaallah"); 'dismayed' — the same pointing or bare reaction with
 * dismay, ridicule or a denial in it ("Lha iki sing marai aku ora sreg 🤦", "Tah ieu, kitu geuning
 * kalakuanana 🤦", "wkwk", "🙄"). Dismay at a post that attacks a pair shares the attack; at a post
 * that backs a pair it may be aimed at the pair or at the post, so the caller borrows only attacks.
 * 'mocks' — derision of the quoted post itself ("🤡🤡", "halu 🤮", "ngimpi"): at a post that backs
 * a pair it attacks that pair (RUBRIC: sarcasm counts when target and direction are clear); at an
 * attack its direction is unclear, and nothing is borrowed.
 * A question, a post naming a pair itself, a longer comment or one that calls the quoted post a
 * hoax reacts in words of its own and is read by itself.
 */
export interface QuoteReaction {
  mode: 'endorses' | 'dismayed' | 'mocks';
  /** the words or emoji that react, in normalised offsets */
  span: { start: number; end: number };
}

/** A quote post's own text reacts to the quoted one only when it is this short (words). */
const MAX_REACTION_WORDS = 10;
/** The pointing word stands among the first words, after at most this many interjections or particles. */
const POINTING_WITHIN_WORDS = 3;

/** The interjections of dismay (KBBI: astagfirullah, "kata seru untuk menyatakan … kaget, heran"), spelled as written in chats. */
const DISMAY_WORDS: ReadonlySet<string> = new Set(['astagfirullah', 'astaghfirullah', 'astagfirulloh', 'astaghfirulloh', 'duh']);
/**
 * Emoji of dismay, ridicule and laughter (Unicode CLDR short names: face palm, face with rolling
 * eyes, unamused face, expressionless face, pouting face, face with steam from nose, face with
 * symbols on mouth, face with tears of joy, rolling on the floor laughing, clown face, nauseated
 * face, face vomiting): at a post that attacks a pair they share the attack.
 */
const DISMAY_EMOJI = /[\u{1F926}\u{1F644}\u{1F612}\u{1F611}\u{1F621}\u{1F624}\u{1F92C}\u{1F602}\u{1F923}\u{1F921}\u{1F922}\u{1F92E}]/u;
/**
 * Derision of what the quoted post claims: the CLDR emoji clown face, nauseated face, face
 * vomiting, and the words halu (KBBI: halu, cakapan "berhalusinasi"), mimpi/ngimpi ("dream on").
 */
const MOCKERY_EMOJI = /[\u{1F921}\u{1F922}\u{1F92E}]/u;
const MOCKERY_WORDS: ReadonlySet<string> = new Set(['halu', 'mimpi', 'ngimpi']);
/** Written laughter ("wkwk", "wkwkwk", "haha", "hehe", "xixi"): as the laughing emoji. */
const LAUGHTER = /^(?:w?k(?:wk)+w?|(?:wk){2,}|h(?:a|e|i){1}(?:h[aei])+h?|(?:xi){2,}|ngakak)$/u;
/**
 * Emoji of approval (CLDR: thumbs up, clapping hands, hundred points, fire, red heart, flexed
 * biceps, raising hands, OK hand, backhand index pointing down — "this 👇"): alone, or after a
 * pointing word, they take the quoted post's side.
 */
const APPROVAL_EMOJI = /[\u{1F44D}\u{1F44F}\u{1F4AF}\u{1F525}\u{2764}\u{1F4AA}\u{1F64C}\u{1F44C}\u{1F447}]/u;
/**
 * Read a quote post's own words as a reaction to the post it quotes (QuoteReaction); undefined when
 * they are not one. `denials`: the words that say the quoted post is false (pack.quoteDenials,
 * lexicon bantahan-kutipan: "ini hoaks"): such a post rejects the quoted claim, it takes no side from it.
 * `grammar`: the reply negators, a word of dismay, and the openers (pack.replyGrammar, lexicon
 * pembuka-tunjukan: "nah", "tah", "masyaallah") that may open a pointing reaction before its
 * demonstrative or make a bare one with laughter and derision.
 */
export function readQuoteReaction(norm: NormalisedText, hits: readonly TermHit<TermOwner>[], denials: ReadonlySet<string>, grammar: ReplyGrammar): QuoteReaction | undefined {
  const original = norm.original;
  if (original.includes('?')) return undefined;
  const words = wordsOf(norm.text);
  if (words.length > MAX_REACTION_WORDS) return undefined;
  if (words.some((w) => denials.has(w.word))) return undefined;
  // a refusal or warning word (tanggapan-menolak: "jangan sebar", "gak ikut") is no endorsement
  if (hits.some((h) => ownerLexicons(h).has(ENGINE_LEXICONS.replyDeclines))) return undefined;
  const dismayed =
    DISMAY_EMOJI.test(original) || words.some((w) => DISMAY_WORDS.has(w.word) || LAUGHTER.test(w.word) || grammar.negators.has(w.word) || grammar.prohibitives.has(w.word));
  const mocks = MOCKERY_EMOJI.test(original) || words.some((w) => MOCKERY_WORDS.has(w.word));
  const mode = mocks ? 'mocks' : dismayed ? 'dismayed' : 'endorses';
  // a bare reaction: nothing but emoji, laughter, interjections and words of derision
  const bare = words.every((w) => LAUGHTER.test(w.word) || grammar.openers.has(w.word) || MOCKERY_WORDS.has(w.word));
  if (bare) {
    if (words.length > 0) {
      const first = words[0]!;
      const last = words[words.length - 1]!;
      return { mode, span: { start: first.start, end: last.end } };
    }
    if (!dismayed && !APPROVAL_EMOJI.test(original)) return undefined;
    return { mode, span: { start: 0, end: norm.text.length } };
  }
  // a pointing reaction: after at most a few openers, a demonstrative that ends its clause ("Nah
  // ini.", "Tah ieu,", "ini 👇"), or is followed by "dia" or a relative ("ini yang saya maksud")
  for (let i = 0; i < words.length && i < POINTING_WITHIN_WORDS; i++) {
    const w = words[i]!;
    if (grammar.openers.has(w.word) && !grammar.demonstratives.has(w.word)) continue;
    // "tah" opens ("tah ieu") or points by itself ("tah, kitu")
    if (!grammar.demonstratives.has(w.word)) return undefined;
    const next = words[i + 1];
    const at = w.start;
    const end = w.end;
    if (w.word === 'tah' && next && grammar.demonstratives.has(next.word) && norm.text.slice(end, next.start).trim() === '') continue;
    // the clause ends at the demonstrative: nothing follows, or punctuation or an emoji stands before the next word
    const ends = next === undefined || norm.text.slice(end, next.start).trim() !== '';
    if (ends || (next && grammar.afterPointing.has(next.word) && norm.text.slice(end, next.start).trim() === '')) {
      const start = i > 0 ? words[0]!.start : at;
      return { mode, span: { start, end: next && !ends ? next.end : end } };
    }
    return undefined;
  }
  return undefined;
}
