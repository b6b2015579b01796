// Stance per pair, not per post: for every pair an item mentions, the cue words near its
// mentions decide support, attack or none. "Prabowo hebat, Anies pembohong" supports 02 and
// attacks 01 (partisan, both named); "01, 02 dan 03 sama-sama tampil tenang" treats every pair
// alike (balanced coverage); a headline or a question with no cue near a name is none.
//
// Pure: the evaluator hands over, per field, the candidate mentions and the cue hits it found in
// its one matcher pass, and a word-index function for distances.

export type Stance = 'support' | 'attack' | 'none';

/** A hit in one field, in normalised offsets; mentions carry the pair they name. */
export interface StanceHit {
  field: string;
  index: number;
  start: number;
  end: number;
  /** pair id of a mention, and the election it belongs to */
  pair?: string;
  election?: string;
  /** a mention that is itself a stance (mocking nickname, attack tag, campaign tag) */
  stance?: 'support' | 'attack';
  /** mentions listed together ("Anies, Prabowo dan Ganjar") share a group: a verdict on the list is a verdict on each */
  group?: number;
}

export interface CueHit extends StanceHit {
  stance: 'support' | 'attack';
  /** how many words from a mention the cue may stand */
  within: number;
  /** the cue must come before the mention ("pilih Anies", not "Anies pilih") */
  before: boolean;
  /** a negator stands right before the cue ("jangan pilih", "tidak dukung"): support becomes attack */
  negated: boolean;
  /** a vote call or a declared act, not praise: never read as belittled (belittledAt) */
  notPraise?: boolean;
}

export interface PairStance<M extends StanceHit = StanceHit, C extends CueHit = CueHit> {
  pair: string;
  election: string | undefined;
  stance: Stance;
  support: number;
  attack: number;
  mentions: M[];
  /** the cues that decided it (a mention that is itself a stance among them) */
  cues: Array<M | C>;
}

/** Words between the closest ends of two hits of one field. */
export type WordGap = (a: StanceHit, b: StanceHit) => number;

/**
 * Each cue counts for the nearest mention within its window; a negated support cue is an attack. A mention that is itself a stance
 * counts for its own pair.
 */
export function pairStances<M extends StanceHit, C extends CueHit>(mentions: readonly M[], cues: readonly C[], gap: WordGap): Map<string, PairStance<M, C>> {
  const out = new Map<string, PairStance<M, C>>();
  const entry = (pair: string): PairStance<M, C> => {
    let e = out.get(pair);
    if (!e) {
      e = { pair, election: undefined, stance: 'none', support: 0, attack: 0, mentions: [], cues: [] };
      out.set(pair, e);
    }
    return e;
  };
  for (const m of mentions) {
    if (!m.pair) continue;
    const e = entry(m.pair);
    e.election = m.election;
    e.mentions.push(m);
    if (m.stance) {
      e[m.stance]++;
      e.cues.push(m);
    }
  }
  for (const c of cues) {
    // a cue inside a mention ("#TolakAnies", "coblos 3", "#HoaxJkwMenangTotalDebat") is part of
    // that mention's own meaning, not a verdict on a pair nearby
    if (mentions.some((m) => m.field === c.field && m.index === c.index && c.start >= m.start && c.end <= m.end)) continue;
    let best: M | undefined;
    let bestGap = Infinity;
    for (const m of mentions) {
      if (!m.pair || m.field !== c.field || m.index !== c.index) continue;
      if (c.before && m.start < c.end) continue;
      const g = gap(c, m);
      if (g > c.within) continue;
      // on a tie a call goes to the name after it ("pilih Anies"), a verdict to the name before it ("Jokowi hebat")
      if (g < bestGap || (g === bestGap && best && (c.before ? m.start > best.start : m.start < best.start))) {
        best = m;
        bestGap = g;
      }
    }
    if (!best?.pair) continue;
    const stance = c.negated && c.stance === 'support' ? 'attack' : c.stance;
    const group = best.group;
    // the list's pairs of the election of the name the cue is nearest: a ballot number in the list
    // ("nomor urut 1 A, 2 B, 3 C") that also names another election's pair 1 gets no verdict for it
    const pairs = new Set(group === undefined ? [best.pair] : mentions.filter((m) => m.group === group && m.pair && m.election === best.election).map((m) => m.pair as string));
    for (const pair of pairs) {
      const e = entry(pair);
      e[stance]++;
      e.cues.push(c);
    }
  }
  for (const e of out.values()) {
    // praised and attacked as much: no clear side on this pair
    e.stance = e.attack > e.support ? 'attack' : e.support > e.attack ? 'support' : 'none';
  }
  return out;
}

/** One pair supported and another attacked: the writer takes a side. */
export function mixedStance<P extends { stance: Stance }>(stances: ReadonlyMap<string, P>): P[] {
  const all = [...stances.values()];
  const supported = all.filter((s) => s.stance === 'support');
  const attacked = all.filter((s) => s.stance === 'attack');
  return supported.length > 0 && attacked.length > 0 ? [...supported, ...attacked] : [];
}

/**
 * Comparable treatment of several pairs: at least `minPairs` pairs of one election named and
 * every one of them neutral, or every one praised, or every one criticised alike (as far as
 * `alike` allows). A pair of another election named alone ("nomor urut 3" is 03 of two ballots)
 * must take no side.
 */
export function balancedStance<P extends { stance: Stance; election: string | undefined }>(
  stances: ReadonlyMap<string, P>,
  minPairs: number,
  alike: ReadonlySet<Stance> = new Set(['none', 'support', 'attack']),
): P[] {
  const all = [...stances.values()];
  const perElection = new Map<string | undefined, number>();
  for (const s of all) perElection.set(s.election, (perElection.get(s.election) ?? 0) + 1);
  const compared = all.filter((s) => (perElection.get(s.election) ?? 0) >= minPairs);
  if (compared.length === 0) return [];
  const kinds = new Set(compared.map((s) => s.stance));
  const first = compared[0] as P;
  if (kinds.size !== 1 || !alike.has(first.stance)) return [];
  return all.every((s) => compared.includes(s) || s.stance === 'none') ? compared : [];
}

/** Pairs the item takes a side on. */
export function takenStance<P extends { stance: Stance }>(stances: ReadonlyMap<string, P>): P[] {
  return [...stances.values()].filter((s) => s.stance !== 'none');
}

// what may stand between two names of one list: commas, "dan", "atau", "maupun", "serta", "&", "/",
// and the next entry's ballot number when the list is numbered ("1 A, 2 B, 3 C", "no. 2 B"). (s56)
// Also the "and" of chat and of the regional languages (sama, ama, Javanese karo, lan, kalih,
// sareng, Sundanese jeung, sareng; Poerwadarminta 1939, Robson 2002), and the next name's honorific
// (listJoined): "Pak Luthfi karo Pak Andika padha tegas", "Bu Khofifah, Bu Risma, Mbak Luluk kabeh
// pinter" are one list, whose verdict is said of every name in it
const LIST_JOIN = /^[\s,&/;]*(?:(?:dan|atau|maupun|serta|juga|ataupun|sama|ama|karo|lan|kalih|sareng|jeung)[\s,&/]*)?(?:(?:(?:no|nomor|nomer|nmr)\.?\s*(?:urut\s*)?)?\d{1,2}[.):]?\s*)?$/;

/** The text between two names joins them in a list (LIST_JOIN), an honorific (`titles`) of the second name set aside. */
function listJoined(between: string, titles: ReadonlySet<string>): boolean {
  if (LIST_JOIN.test(between)) return true;
  const title = /(\p{L}+)\.?\s+$/u.exec(between);
  return title !== null && titles.has(title[1] ?? '') && LIST_JOIN.test(between.slice(0, title.index));
}

/**
 * Number the lists of names in one field: mentions separated only by commas and conjunctions
 * ("Anies, Prabowo dan Ganjar") get the same group. `text` is the field's normalised text; `titles`
 * the honorifics that may stand before a name of the list ("Pak Luthfi karo Pak Andika").
 */
export function groupListedMentions<M extends StanceHit>(mentions: M[], textOf: (m: M) => string, titles: ReadonlySet<string> = new Set()): void {
  const sorted = [...mentions].sort((a, b) => (a.field === b.field ? 0 : a.field.localeCompare(b.field)) || a.index - b.index || a.start - b.start);
  let group = 0;
  let prev: M | undefined;
  for (const m of sorted) {
    const joined = prev && prev.field === m.field && prev.index === m.index && m.start >= prev.end && listJoined(textOf(m).slice(prev.end, m.start), titles);
    // overlapping mentions ("Prabowo Sandi" and "Prabowo") belong to one place in the list
    const overlaps = prev && prev.field === m.field && prev.index === m.index && m.start < prev.end;
    if (!joined && !overlaps) group++;
    m.group = group;
    if (!prev || m.end >= prev.end || !overlaps) prev = m;
  }
}



/**
 * The grammar word classes a cue's stance is read by, from the pack's lexicons (pack.ts
 * STANCE_GRAMMAR_LEXICONS; each lexicon says its sources):
 * - negators: the words that turn the call right after them around ("jangan pilih", "anti X":
 *   penyangkal-ajakan);
 * - deniers: the negators that deny the verdict after them ("tak pernah menyalahkan":
 *   penyangkal-putusan); "belum"/"blm" deny a verdict but turn no call around;
 * - prohibitives: the "don't" of each language ("ojo dipilih": kata-larangan);
 * - addressees: the pronouns between a prohibitive and its verb ("bek ta pileh": kata-ganti-larangan);
 * - others, reporting: the heads and verbs of a relative clause about other people's words or votes
 *   ("yang bilang …": subjek-kutipan, verba-pelapor);
 * - auxiliaries: the aspect and modal words between a negator and its verb ("gak akan pilih": verba-bantu);
 * - questions: the question words ("apakah …?": kata-tanya);
 * - restrictiveAfter, restrictiveBefore: "only" after and before praise ("doang", "cuma":
 *   pembatas-sesudah, pembatas-sebelum);
 * - prepositions: the prepositions that make a name a complement ("ke", "soal": preposisi-sasaran);
 * - agentTak: the Javanese words after which "tak" is the first-person agent, not a denier ("wis tak
 *   tempeli": sebelum-pelaku-tak; agentTakAt);
 * - contrastive: a contrastive conjunction as a whole word, the turn of a concession ("tapi",
 *   "namun": kata-pertentangan, built as a regex with the context patterns, context-patterns.ts).
 */
export interface StanceGrammar {
  negators: ReadonlySet<string>;
  deniers: ReadonlySet<string>;
  prohibitives: ReadonlySet<string>;
  addressees: ReadonlySet<string>;
  others: ReadonlySet<string>;
  reporting: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  questions: ReadonlySet<string>;
  restrictiveAfter: ReadonlySet<string>;
  restrictiveBefore: ReadonlySet<string>;
  prepositions: ReadonlySet<string>;
  agentTak: ReadonlySet<string>;
  contrastive: RegExp;
}

/** how many words before a verdict its denier may stand ("tak pernah menyalahkan", "bukan yg menyalahkan") */
export const DENIAL_REACH = 2;

/** punctuation that closes a clause: a negator before it denies nothing after it */
const CLAUSE_END = /[.,;:!?\n]/;

/**
 * Negation scope: is the verdict at `start` (normalised text) denied by a negator at most
 * DENIAL_REACH words before it in its clause ("tak ingin menyalahkan", "bukan yg menyalahkan")?
 * A denied verdict is no verdict: it counts neither for detection nor for the stance shown.
 * "tidak salah pilih" is left alone: the call "pilih" has no negator right before it (negatedAt)
 * and the denied "salah" counts for nothing, so the litotes stays support.
 */
export function deniedAt(text: string, start: number, g: StanceGrammar): boolean {
  let before = text.slice(Math.max(0, start - 40), start);
  const cut = Math.max(...[...before.matchAll(new RegExp(CLAUSE_END.source, 'g'))].map((m) => (m.index ?? -1) + 1), 0);
  before = before.slice(cut);
  const all = before.trim().split(/\s+/).filter(Boolean);
  const words = all.slice(-DENIAL_REACH);
  const skipped = all.length - words.length;
  // a passive verdict under a prohibitive ("jangan mau dibohongi") warns against the one who does
  // it: the prohibitive forbids being the victim, not the verdict
  const passive = /^di\p{L}/u.test(text.slice(start, start + 4));
  // "bukan yg menyalahkan": a negated relative clause contrasts someone else who does it; the verdict stands
  return words.some((w, i) => g.deniers.has(w) && !RELATIVISERS.has(words[i + 1] ?? '') && !(passive && g.prohibitives.has(w)) && !agentTakAt(all, skipped + i, g));
}

/** relative markers: a negator right before one negates a referent ("bukan yang …"), not the verdict after it */
const RELATIVISERS: ReadonlySet<string> = new Set(['yang', 'yg']);

/** The word right before `start` in a normalised text, looking back at most `reach` characters. */
export function wordBefore(text: string, start: number, reach = 12): string | undefined {
  return /(\S+)$/.exec(text.slice(Math.max(0, start - reach), start).trimEnd())?.[1];
}

/** Is the word before `start` (in a normalised text) a negator? */
export function negatedAt(text: string, start: number, g: StanceGrammar): boolean {
  const word = wordBefore(text, start);
  if (word === 'tak' && agentTakAt(lastWords(text, 0, start, 2), 1, g)) return false;
  return word !== undefined && (g.negators.has(word) || (g.deniers.has(word) && word !== 'belum' && word !== 'blm'));
}

/**
 * Is `words[i]` the Javanese first-person "tak" of "wis tak tempeli" (I have put on), "iki tak
 * gawakke" (this I brought), "sing tak coblos" (the one I vote for) rather than the Indonesian
 * negator? It is after a word of `g.agentTak` (Javanese negates with "ora"): the act is the
 * writer's own, not denied.
 */
export function agentTakAt(words: readonly string[], i: number, g: StanceGrammar): boolean {
  return words[i] === 'tak' && i > 0 && g.agentTak.has(words[i - 1] as string);
}


/**
 * Is a prohibitive right before `start`, or before a pronoun right before it, in its clause ("bek
 * ta pileh": Acehnese "don't we choose")? A declared call word under one is a call against
 * (evaluate.ts nearLeaning).
 */
export function prohibitedWithin(text: string, start: number, g: StanceGrammar): boolean {
  let before = text.slice(Math.max(0, start - 40), start);
  const cut = Math.max(...[...before.matchAll(new RegExp(CLAUSE_END.source, 'g'))].map((m) => (m.index ?? -1) + 1), 0);
  before = before.slice(cut);
  const words = before.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  const second = words[words.length - 2];
  // right before the call, or before the addressee's pronoun before it ("jangan salah pilih" is no call against)
  return (last !== undefined && g.prohibitives.has(last)) || (second !== undefined && g.prohibitives.has(second) && g.addressees.has(last as string));
}


/** Is the word before `start` (in a normalised text) a prohibitive? */
export function prohibitedAt(text: string, start: number, g: StanceGrammar): boolean {
  const word = wordBefore(text, start);
  return word !== undefined && g.prohibitives.has(word);
}

// ---- clause scope of a cue's side (the stance a finding shows, never whether it is made) --------
// A cue word counts for the nearest name (pairStances); the side the finding shows on that pair is
// then read in the cue's own clause: words the writer reports of others, a question, a concession
// before "tapi", a negator a few auxiliaries before a call, and "bukan X tapi Y".

/** the characters that close a clause (CLAUSE_END) and a sentence */
const CLAUSE_BREAKS = '.,;:!?\n';
const SENTENCE_BREAKS = '.!?\n';

/**
 * A text at least this long gets its break positions indexed once (breakIndex) instead of being
 * scanned char by char for every hit: one 100,000-character cell with no break and thousands of
 * hits made each hit's clause the whole text (quadratic). Shorter texts scan, as before.
 */
const INDEXED_TEXT = 512;

/** per long text: the sorted positions of each break set's characters, and reportedAt's verdict per clause */
interface TextIndex {
  breaks: Map<string, number[]>;
  reported: Map<number, number>;
  /** the grammar `reported` was found with (a pack of other lexicons finds it afresh) */
  reportedBy?: StanceGrammar;
}
/** the last few long texts seen (the hits of one item ask of the same few fields, in turn) */
const TEXT_INDEX = new Map<string, TextIndex>();
const TEXT_INDEX_SIZE = 8;

function textIndex(text: string): TextIndex {
  let ix = TEXT_INDEX.get(text);
  if (!ix) {
    if (TEXT_INDEX.size >= TEXT_INDEX_SIZE) TEXT_INDEX.delete(TEXT_INDEX.keys().next().value as string);
    ix = { breaks: new Map(), reported: new Map() };
    TEXT_INDEX.set(text, ix);
  }
  return ix;
}

function breakPositions(text: string, breaks: string): number[] {
  const ix = textIndex(text);
  let at = ix.breaks.get(breaks);
  if (!at) {
    at = [];
    for (let i = 0; i < text.length; i++) if (breaks.includes(text[i] as string)) at.push(i);
    ix.breaks.set(breaks, at);
  }
  return at;
}

/** the index in sorted `at` of the first position >= `pos` (at.length when none) */
function firstAtOrAfter(at: readonly number[], pos: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position of the first character of `breaks` at or after `pos` in `text`, or -1. */
export function nextBreak(text: string, pos: number, breaks: string): number {
  if (text.length < INDEXED_TEXT || pos < 0) {
    for (let i = Math.max(0, pos); i < text.length; i++) if (breaks.includes(text[i] as string)) return i;
    return -1;
  }
  const at = breakPositions(text, breaks);
  const k = firstAtOrAfter(at, pos);
  return k < at.length ? (at[k] as number) : -1;
}

/** the positions that end a sentence for sentenceBreakIn: a line break, or ".", "!", "?" before a space */
const SENTENCE_END_POINTS = '\0sentence';
/** closing quotation marks and brackets that may follow a sentence's final stop */
const CLOSERS = '"\u201d\u2019\')';
const SENTENCE_END = /[.!?]["\u201d\u2019')]*(?:\s|$)|\n/;

/**
 * Whether text[from, to) holds a sentence's end, as SENTENCE_END tested on that slice finds it: a
 * line break, a full stop, "!" or "?" before a space or ending the slice — also when a closing
 * quotation mark or bracket stands between (`Prabowo: "… waktunya habis." Anies: …` ends the
 * quoted sentence before the next speaker). A long text answers from its indexed positions, not a
 * copy of the slice per pair of hits.
 */
export function sentenceBreakIn(text: string, from: number, to: number): boolean {
  if (text.length < INDEXED_TEXT || from < 0 || to > text.length) return SENTENCE_END.test(text.slice(from, to));
  if (to <= from) return false;
  if ('.!?'.includes(text[to - 1] as string)) return true;
  // a stop whose closers run to the slice's end: `habis."` ends its sentence there
  let end = to;
  while (end > from && CLOSERS.includes(text[end - 1] as string)) end--;
  if (end < to && end > from && '.!?'.includes(text[end - 1] as string)) return true;
  const ix = textIndex(text);
  let at = ix.breaks.get(SENTENCE_END_POINTS);
  if (!at) {
    at = [];
    const space = /\s/;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (ch === '\n') at.push(i);
      else if ('.!?'.includes(ch)) {
        let j = i + 1;
        while (j < text.length && CLOSERS.includes(text[j] as string)) j++;
        if (j < text.length && space.test(text[j] as string)) at.push(i);
      }
    }
    ix.breaks.set(SENTENCE_END_POINTS, at);
  }
  const k = firstAtOrAfter(at, from);
  return k < at.length && (at[k] as number) < to;
}

/**
 * Whether text[from, to) holds exactly one sentence end (sentenceBreakIn's): the two ends of the
 * slice stand in sentences back to back.
 */
export function oneSentenceBreakIn(text: string, from: number, to: number): boolean {
  if (to <= from || from < 0 || to > text.length) return false;
  const m = SENTENCE_END.exec(text.slice(from, to));
  if (!m) return false;
  // the first end found; nothing after it may end another sentence before `to`
  return !sentenceBreakIn(text, from + m.index + m[0].length, to);
}

/** the text of the clause around `start` (normalised): from the last break before to the next after */
function clauseAround(text: string, start: number, breaks: string): { from: number; to: number } {
  if (text.length >= INDEXED_TEXT && start >= 0 && start <= text.length) {
    const at = breakPositions(text, breaks);
    const k = firstAtOrAfter(at, start);
    return { from: k > 0 ? (at[k - 1] as number) + 1 : 0, to: k < at.length ? (at[k] as number) : text.length };
  }
  let from = start;
  while (from > 0 && !breaks.includes(text[from - 1] as string)) from--;
  let to = start;
  while (to < text.length && !breaks.includes(text[to] as string)) to++;
  return { from, to };
}

const RELATIVE = /(?:^|[^\p{L}\p{N}])(?:yang|yg)\s+/gu;

/**
 * Is the cue at `start` said inside a relative clause about other people's words or votes, which
 * runs to the end of its clause ("yang nyebut Gibran anak haram konstitusi tuh gak ngerti hukum")?
 * Such words are what others say or choose, not the writer's side on the pair they name.
 */
export function reportedAt(text: string, start: number, g: StanceGrammar): boolean {
  const { from, to } = clauseAround(text, start, CLAUSE_BREAKS);
  if (to - from < INDEXED_TEXT) return reportingMarker(text.slice(from, to), start - from, g) <= start - from;
  // a long clause: its first reporting marker is found once, every hit of it compares
  const ix = textIndex(text);
  if (ix.reportedBy !== g) {
    ix.reported.clear();
    ix.reportedBy = g;
  }
  let first = ix.reported.get(from);
  if (first === undefined) {
    first = reportingMarker(text.slice(from, to), Infinity, g);
    ix.reported.set(from, first);
  }
  return first <= start - from;
}

/**
 * Where, in `clause`, the words after the first relative marker that reports others' words or votes
 * begin (the marker ending at most `limit` characters in), or Infinity: the marker's head is one of
 * `g.others` (or none) and a reporting verb (`g.reporting`) follows, at most two auxiliaries on.
 */
function reportingMarker(clause: string, limit: number, g: StanceGrammar): number {
  for (const m of clause.matchAll(RELATIVE)) {
    const at = (m.index ?? 0) + m[0].length;
    if (at > limit) break;
    const head = lastWords(clause, 0, m.index ?? 0, 1)[0];
    if (head !== undefined && !g.others.has(head)) continue;
    const words: string[] = [];
    const word = /[\p{L}\p{N}]+/gu;
    word.lastIndex = at;
    for (let w = word.exec(clause); w && words.length < 3; w = word.exec(clause)) words.push(w[0]);
    let i = 0;
    while (i < 2 && g.auxiliaries.has(words[i] ?? '')) i++;
    if (g.reporting.has(words[i] ?? '')) return at;
  }
  return Infinity;
}

const SPACE = /\s/;
/** whether text[i] is white space as `\s` reads it (a plain letter or space without the regex) */
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32) return true;
  if (c < 128) return c >= 9 && c <= 13;
  return SPACE.test(text[i] as string);
}

/**
 * The last `n` words (runs of non-space, as `text.slice(from, to).trim().split(/\s+/)` gives them)
 * of text[from, to), in order, read backwards from `to`: no copy of a long clause per hit.
 */
function lastWords(text: string, from: number, to: number, n: number): string[] {
  return lastWordsAt(text, from, to, n).map((w) => w.word);
}

/** The same words with where each starts in the text. */
function lastWordsAt(text: string, from: number, to: number, n: number): Array<{ word: string; start: number }> {
  const out: Array<{ word: string; start: number }> = [];
  let i = to;
  while (out.length < n) {
    while (i > from && isSpace(text, i - 1)) i--;
    if (i <= from) break;
    const end = i;
    while (i > from && !isSpace(text, i - 1)) i--;
    out.unshift({ word: text.slice(i, end), start: i });
  }
  return out;
}


/**
 * Is the cue at `start` inside a question ("kenapa kalian bangga banget sama dia?",
 * "apakah kita harus pilih prabowo lagi?"): its sentence ends in "?" and a question word stands
 * before the cue in it. A question is not a verdict or a call the writer makes.
 */
export function questionedAt(text: string, start: number, g: StanceGrammar): boolean {
  const { from, to } = clauseAround(text, start, SENTENCE_BREAKS);
  if (text[to] !== '?') return false;
  return text.slice(from, start).split(/[^\p{L}\p{N}]+/u).some((w) => g.questions.has(w));
}

/**
 * Is the support cue at `start` (a call or praise word) negated by a denier one to three
 * auxiliaries before it in its clause ("gak akan pilih", "tidak pernah pilih", "gak akan pernah jadi
 * presidenku")? negatedAt reads only the word right before.
 */
export function negatedAcross(text: string, start: number, g: StanceGrammar): boolean {
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  // three auxiliaries and the denier before them: the last four words are all that is read, and
  // the one before those to tell the Javanese agent "wis tak" from the negator (agentTakAt)
  const words = lastWords(text, from, start, 5);
  let i = words.length - 1;
  let aux = 0;
  while (i >= 0 && aux < 3 && g.auxiliaries.has(words[i] as string)) {
    i--;
    aux++;
  }
  return aux > 0 && i >= 0 && g.deniers.has(words[i] as string) && words[i] !== 'belum' && words[i] !== 'blm' && !agentTakAt(words, i, g);
}

/** how many words a conceded cue may stand before the contrastive conjunction */
const CONCESSION_REACH = 3;

/**
 * A concession: the cue at [start, end) stands before a contrastive conjunction in its sentence,
 * and what follows the conjunction names no pair but `pair` ("Anies ngomongnya pinter, tapi
 * Jakarta aja masih banjir"; "03 kalah telak tapi gue tetep proud sama Pak Ganjar"). The writer
 * grants the first part and means the second: the cue shows no side. Two pairs set against each
 * other ("Prabowo hebat tapi Anies pembohong") are not a concession.
 */
export function concededAt(text: string, end: number, pair: string, mentions: ReadonlyArray<{ start: number; end: number; pair?: string }>, g: StanceGrammar): boolean {
  const { to } = clauseAround(text, end, SENTENCE_BREAKS);
  const rest = text.slice(end, to);
  const m = g.contrastive.exec(rest);
  if (!m) return false;
  // the cue stands in the clause right before the conjunction, at most CONCESSION_REACH words from
  // it ("pinter, tapi"; "kalah telak 😭 tapi"); "bukan … tapi" is a contrast, not a concession
  const between = rest.slice(0, m.index);
  const words = between.split(/\s+/).filter(Boolean);
  if (words.length > CONCESSION_REACH || CLAUSE_END.test(between.replace(/[,;]\s*$/, '')) || words.some((w) => w === 'bukan' || w === 'bkn')) return false;
  const after = end + m.index + m[0].length;
  if (!/\p{L}/u.test(text.slice(after, to))) return false;
  return !mentions.some((x) => x.pair && x.pair !== pair && x.start >= after && x.end <= to);
}

/**
 * "bukan X tapi Y" / "bukan X melainkan Y": the name right after "bukan" is denied and the one
 * after the conjunction is meant, so a cue that counted for X is said of Y. Returns Y's mention.
 */
export function contrastedWith<M extends { start: number; end: number; pair?: string }>(text: string, x: M, mentions: readonly M[]): M | undefined {
  const word = wordBefore(text, x.start);
  if (word !== 'bukan' && word !== 'bkn' && word !== 'dudu') return undefined;
  const { to } = clauseAround(text, x.end, `${SENTENCE_BREAKS};`);
  const m = /^[\s,]*(?:\S+\s+){0,3}?(?:tapi|tetapi|tp|melainkan|namun)\s+/u.exec(text.slice(x.end, to));
  if (!m) return undefined;
  const from = x.end + m[0].length;
  return mentions.filter((y) => y.pair && y.pair !== x.pair && y.start >= from && y.start - from <= 24 && y.end <= to).sort((a, b) => a.start - b.start)[0];
}

/**
 * The words a counted tenure declared enough is read by (tenureEndedAt): built from the matchers
 * of the rule that flags it (its `tenure` field; RulePack.tenure), so the words live in one place. `count` finds a
 * count of years or terms in office ("dua periode", "10 tahun", Minang "limo taun"); `after` opens
 * the rest of the cue's clause with "enough" or "change" closing it, at most two words on.
 */
export interface TenureWords {
  count: { test(text: string): boolean };
  after: { test(text: string): boolean };
}

/**
 * The frame `after` is built in around the rule's "enough" and "change" words: at most two words
 * after the count, and "enough" may follow "already" ("udah dua periode, sudah cukup").
 */
export function tenureAfterSource(enough: string, change: string): string {
  return `^[\\s,]*(?:\\S+\\s+){0,2}?(?:(?:(?:udah|sudah|sdh|dah|wis|tos|alah)\\s+)?(?:${enough})|(?:${change}))`;
}

/**
 * Is the cue at [start, end) a counted tenure the writer then declares enough, in the same sentence
 * ("udah dua periode, cukup lah ya", "10 taun cukuik tu mah", "dua periode, saatnya ganti")? The
 * writer ends that pair's tenure — an attack on it — however the count is read elsewhere
 * ("lanjutkan dua periode" is praise). Without the words (a pack without that rule) nothing is.
 */
export function tenureEndedAt(text: string, start: number, end: number, words: TenureWords | undefined): boolean {
  if (!words || !words.count.test(text.slice(start, end))) return false;
  const { to } = clauseAround(text, end, SENTENCE_BREAKS);
  return words.after.test(text.slice(end, to));
}

// ---- belittled praise (the stance a finding shows, never whether it is made) ---------------------

/** how many words a restrictive particle may stand from the praise it restricts ("pinter ngomong tok", "jago bikin konten doang") */
const RESTRICTIVE_REACH = 3;

/**
 * Is the praise word at [start, end) restricted to "only that" in its clause ("pinter ngomong
 * doang", "cuma jago debat", "sok merakyat")? Praise narrowed to talk or show belittles the pair:
 * an attack. "bukan cuma hebat", "bukan omong doang" deny the restriction and stay praise.
 */
export function belittledAt(text: string, start: number, end: number, g: StanceGrammar, names: ReadonlyArray<{ start: number; end: number }> = []): boolean {
  const { from, to } = clauseAround(text, start, CLAUSE_BREAKS);
  const word = /[\p{L}\p{N}]+/gu;
  word.lastIndex = end;
  const after: string[] = [];
  for (let w = word.exec(text); w && w.index < to && after.length < RESTRICTIVE_REACH; w = word.exec(text)) {
    // a name between narrows the choice of the name, not the praise ("pilih Pak Fauzi haja")
    if (names.some((n) => n.start >= end && n.start <= w.index)) break;
    if (g.deniers.has(w[0])) break;
    if (g.restrictiveAfter.has(w[0])) return true;
    after.push(w[0]);
  }
  // the two words before the praise, and the one before them: "bukan cuma" is no restriction
  const before = text.slice(from, start).split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(-3);
  return before.some((w, i) => i >= before.length - 2 && g.restrictiveBefore.has(w) && !g.deniers.has(before[i - 1] ?? ''));
}

// ---- the subject a verdict is said of, not the name in its prepositional phrase -----------------

/** how many words (a title, a noun: "ke prof Mahfud", "soal lahan Prabowo") may stand between the preposition and the name */
const PREPOSITION_REACH = 2;

/**
 * A verdict after X, where X stands in a prepositional phrase whose head is another pair Y named
 * before it in the same clause ("Y … ke X … verdict"): the verdict is said of Y, the subject, not of
 * the nearer X. Returns Y's mention (the nearest such one before the preposition), or undefined.
 */
export function subjectOver<M extends { start: number; end: number; pair?: string }>(text: string, x: M, cueStart: number, mentions: readonly M[], g: StanceGrammar): M | undefined {
  if (cueStart < x.end) return undefined;
  const { from, to } = clauseAround(text, x.start, CLAUSE_BREAKS);
  if (cueStart > to) return undefined;
  const words = lastWordsAt(text, from, x.start, PREPOSITION_REACH + 1);
  // the preposition's own place: words after it up to the name are its complement
  const at = words.find((w) => g.prepositions.has(w.word))?.start;
  if (at === undefined) return undefined;
  return mentions.filter((y) => y.pair && y.pair !== x.pair && y.start >= from && y.end <= at).sort((a, b) => b.start - a.start)[0];
}

/**
 * The words a writer's own choice of a pair is read by (pack.ts CHOICE_LEXICONS), all whole words:
 * - settled: the adverbs of a settled choice (pilihan-tetap: "tetep 01", "fix 02");
 * - particles: the discourse particles that may stand after one (partikel-pilihan-tetap: "tetap ji X");
 * - with: the "with" of loyalty after one (bersama-pilihan: "tetap bersama X");
 * - verbs: the active and bare forms of the ballot verbs that take the pair as their object
 *   (verba-memilih: "milih", "nyoblos", "ngadukung"; passive forms are left out, the pair is then
 *   their subject);
 * - titles: the ballot words and forms of address that may stand between a verb and the name or
 *   number (sebutan-pilihan: "nomor", "paslon", "pak");
 * - notOwn: the words before the verb that make the choice not the writer's own (pilihan-bukan-sendiri:
 *   "yang milih", "kalau pilih", "nyesel milih");
 * - deniers: the regional negators and prohibitives read only before a ballot verb
 *   (penyangkal-pilihan: "mboten", "ampun", "moal");
 * - between: the words that may stand between a negator and the verb (sela-penyangkal-pilihan:
 *   "jangan sampe milih", "mboten purun milih");
 * - win: the word "win" right after the pair (kata-menang: "02 menang", "01 harus manang");
 * - winBetween: the modals and aspect words that may stand between (sela-menang: "pasti", "kudu");
 * - loss: "lost" in the win's sentence (kata-kalah: "X menang, Y kalah" tells a result).
 */
export interface ChoiceWords {
  settled: ReadonlySet<string>;
  particles: ReadonlySet<string>;
  with: ReadonlySet<string>;
  verbs: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  notOwn: ReadonlySet<string>;
  deniers: ReadonlySet<string>;
  between: ReadonlySet<string>;
  win: ReadonlySet<string>;
  winBetween: ReadonlySet<string>;
  loss: ReadonlySet<string>;
  /** the focus particles "just" put after the pair the writer settles on ("03 wae", "01 aje": lexicon pilihan-saja) */
  just: ReadonlySet<string>;
  /** the chat tags and forms of address that may still close a clause after it ("02 aja ya", "03 wae pak": rules/text/bilangan.json clauseTails) */
  tails: ReadonlySet<string>;
  /**
   * the words that may stand right before such a "just X" (justChosenAt): a ballot verb, a settled
   * adverb, the writer's own pronoun (kata-ganti-penulis: "Unda 02 ae") or a verb of going along
   * (verba-ikut: "aku melu 03 wae"), or a preposition "to" (JUST_TOWARDS: "ka nomer dua we")
   */
  justAfter: ReadonlySet<string>;
  /**
   * "pokoknya" (KBBI pokok: "the main thing is, whatever else") and its chat and regional forms
   * (lexicon kata-pokok: Betawi pokoknye, Javanese pokoke or "pokok e" written apart, Sundanese
   * pokona), said before or after the number a writer settles on ("Pokoknye 2", "Nomer 1 pokona")
   */
  settling: ReadonlySet<string>;
  /** the cheers that may stand right before a ballot number exclaimed ("gas 02!", "hidup nomer 2!": lexicon sorak-nomor, exclaimedAt) */
  cheers: ReadonlySet<string>;
  /** the writer's own "I" of every register (lexicon kata-ganti-penulis): "aye mah 01 dah" (writerChoiceAt) */
  writers: ReadonlySet<string>;
  /** what may stand between that "I" and the number: the particles of a settled choice, "also", the settled adverbs ("ambo pun 01", "aku yo 03") */
  writerBetween: ReadonlySet<string>;
}

/**
 * Sentence-final particles a bare "I am X" may end with besides the chat tags (bilangan.json clauseTails):
 * Indonesian kok and its Javanese form og ("aku yo 03 og").
 */
export const WRITER_CHOICE_TAILS: readonly string[] = ['kok', 'og', 'lho', 'loh'];
/**
 * "The one, number X" said as a whole clause, in a call: the relative of each register opening it
 * (Indonesian yang, Javanese sing/seng, Sundanese nu, Minang nan) stands where the writer's "I" does
 * ("jawabane: sing nomer siji, Pak Fauzi", "Sing nomer loro lho, ojo kleru"); a relative clause that
 * goes on ("Sing nomer 3 iku kakean janji") says something of the pair, it is no choice.
 */
const CHOICE_RELATIVES: ReadonlySet<string> = new Set(['yang', 'sing', 'seng', 'nu', 'nan']);
/** Betawi "dah" closing a clause ("aye mah 01 dah 👆"), as the normaliser writes it: only when nothing follows it in the clause ("… sudah selesai" goes on) */
const CLOSING_SUDAH = /^\s+sudah\s*(?:$|[^\p{L}\p{N}\s])/u;
/**
 * "To", before the pair one goes to: Indonesian ke (KBBI), Sundanese ka (Müller-Gotama 2001),
 * colloquial Javanese nang/neng/ning (Robson 2002): "arahkeun ka nomer 2 wae", "melu nang 03 ae".
 */
export const JUST_TOWARDS: readonly string[] = ['ke', 'ka', 'nang', 'neng', 'ning'];

// ---- a settled choice: "tetap 03", "fix 02", "pokoknya nomor 3", "Abah tetap di hati" --------------

/** "X tetap di hati (lon/ku/kami)", "X teutap di hate": loyalty kept in the heart, said of the pair named right before it */
const KEPT_IN_HEART = /^\s*(?:tetap|tetep|teutap|tatap|salawasna|selalu|selamanya)\s+(?:[\p{L}\p{N}]+\s+){0,2}?(?:di|ning|lam|dalam|dek)\s+(?:hati|hate|ati)\b/u;
/** "hati awak tetap untuk X", "hate lon teutap keu Abah": the heart kept for the pair named right after (a form of address may stand between) */
const HEART_KEPT_FOR = /(?:^|[^\p{L}\p{N}])(?:hati|hate|ati)\s+(?:[\p{L}\p{N}]+\s+){0,2}?(?:tetap|tetep|teutap|tatap)\s+(?:untuk|utk|buat|bwt|keu|kanggo|nggo|ke|ka|kepada)\s+(?:[\p{L}]+\s+)?$/u;

/**
 * Is the pair mention at [start, end) named as the writer's settled choice: a settled adverb
 * (`words.settled`: "tetap", "tetep", "fix", "pokoknya" …) right before it ("gw tetep 01", "udah fix
 * 02", "pokoknye nomor due"; after a discourse particle at most: "tetap ji Yusuf–Ratna"), "tetap
 * di hati" right after it (Banjar "tatap", Sundanese "salawasna": always), or the heart kept for it
 * right before it ("hati awak tetap untuk Abah", Acehnese "hate lon teutap keu Abah")? Only the side a finding shows reads this (evaluate.ts PairLeaning), never
 * whether a finding is made.
 */
export function settledAt(text: string, start: number, end: number, words: ChoiceWords): boolean {
  const { settled } = words;
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWords(text, from, start, 2);
  const last = before[before.length - 1];
  const second = before[before.length - 2];
  if (last !== undefined && (settled.has(last) || (words.particles.has(last) && second !== undefined && settled.has(second)))) return true;
  // loyalty kept beside the pair: "tetap bersama Prabowo-Sandi", "tetep bareng Pak Anies"
  const near = lastWords(text, from, start, 4);
  let i = near.length - 1;
  if (i >= 0 && words.titles.has(near[i] as string)) i--;
  if (i >= 1 && words.with.has(near[i] as string) && settled.has(near[i - 1] as string) && near[i - 1] !== 'fix') return true;
  if (HEART_KEPT_FOR.test(text.slice(Math.max(from, start - 48), start))) return true;
  return KEPT_IN_HEART.test(text.slice(end, end + 48));
}

/** the word right after a pair and what follows it: the particle, then a word or a break */
const NEXT_WORD = /^\s+([\p{L}\p{N}]+)(\s*)([\p{L}\p{N}]*)/u;

/**
 * "Just X", said of a ballot number and closing its clause: "03 wae 😁", "01 aje, kite …", "nomer
 * kalih mawon, sedaya …", "02 aja ya". The focus particle of lexicon pilihan-saja right after the
 * pair singles it out as the one to take, in office chats and replies where no ballot verb is said
 * ("Ora melu aku Pak, 03 wae"). Read after a ballot number only (evaluate.ts PairLeaning): after a
 * short name "aja" may start a clause of its own, and "amin aja" answers a prayer. The particle must close the clause (a break, the end, or a chat tag
 * or form of address after it): "tinggal 01 aja yang belum" counts the undecided, it does not choose.
 */
/**
 * "I am X" with no ballot verb: the writer's own pronoun opens the clause, at most two particles
 * follow ("Ambo pun 01 lah", "aye mah 01 dah", "Iyo mas, aku yo 03 og 🖤", "ulun nomor 2 ✌️"), and
 * the ballot number closes the clause (a break, the end, or a chat tag, "just" or a final particle
 * after it). What goes on ("gue nomor 2 dari 45 orang", "abdi nomer 2 narikna"), a pronoun inside
 * a clause ("Temen nanya gue 01, 02 …") and a bare digit right after the pronoun ("aku 2 ya, ukuran
 * L": how many to order) are no choice. A relative alone may open the clause instead of the
 * pronoun (CHOICE_RELATIVES). Only the side a finding shows reads this.
 */
export function writerChoiceAt(text: string, start: number, end: number, words: ChoiceWords): boolean {
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWords(text, from, start, 4);
  const opener = before[0] as string;
  if (CHOICE_RELATIVES.has(opener) ? before.length !== 1 : before.length < 1 || before.length > 3 || !words.writers.has(opener)) return false;
  if (!before.slice(1).every((w) => words.writerBetween.has(w))) return false;
  if (before.length === 1 && /^\d$/u.test(text.slice(start, end))) return false;
  const m = NEXT_WORD.exec(text.slice(end, end + 40));
  if (m === null) return true;
  const next = m[1] as string;
  // Sundanese and Betawi "mah" after the number makes it a topic the clause goes on about ("Nu nomer hiji mah pan tos 5 taun")
  if (next === 'mah') return false;
  return words.tails.has(next) || words.just.has(next) || WRITER_CHOICE_TAILS.includes(next) || CLOSING_SUDAH.test(text.slice(end, end + 40));
}

/**
 * A tally of colleagues' choices ("tos 9 urang ka nomer 2", "28 yang mantap ke nomor 3", "8 orang
 * sudah 01", "38 pegawai tos pasti ka nomer 1"): a count of people (a number, then a people noun or
 * a relative) a few words before the ballot number, and right before it (a "to" aside) that people
 * noun or a word of a choice made. Said in a group of colleagues it counts them in for that pair:
 * support for it (the office form is the rules' to make). Only the side a finding shows reads this.
 */
const TALLY_PEOPLE: ReadonlySet<string> = new Set(['orang', 'urang', 'pegawai', 'guru', 'staf', 'pamong', 'nakes', 'yang']);
/** the words of a choice made that may stand between the tally and the number: already, surely, firm (Indonesian, Sundanese tos, Javanese wis, Minang lah) */
const TALLY_MADE: ReadonlySet<string> = new Set(['sudah', 'tos', 'wis', 'lah', 'pasti', 'mantap', 'mantep']);
/** how far before the ballot number the count may stand ("11 urang pegawai kantua lah pasti ka nomor 1") */
const TALLY_REACH = 7;

export function tallyChoiceAt(text: string, start: number): boolean {
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWords(text, from, start, TALLY_REACH);
  let i = before.length - 1;
  if (JUST_TOWARDS.includes(before[i] as string)) i--;
  const last = before[i];
  // a bare relative before the number ("3 orang yang nomor 2 belum dipanggil") names a place in a queue
  if (last === undefined || last === 'yang' || (!TALLY_MADE.has(last) && !TALLY_PEOPLE.has(last))) return false;
  for (let k = 0; k < i; k++) if (/^\d+$/u.test(before[k] as string) && TALLY_PEOPLE.has(before[k + 1] as string)) return true;
  return false;
}

export function justChosenAt(text: string, start: number, end: number, words: ChoiceWords): boolean {
  // what stands before says whose choice it is: nothing (the clause opens with it), or a word of
  // choosing, going along or the writer's "I"; a noun ("pendukung 01 aja", "urusan presiden nomer
  // dua saja"), another person ("maneh mah nomer dua wae") or a verb of talking ("ngobrolkeun nomer
  // 1 wae": Sundanese wae is also "all the time") make it something else
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWords(text, from, start, 1)[0];
  if (before !== undefined && !words.justAfter.has(before)) return false;
  const m = NEXT_WORD.exec(text.slice(end, end + 40));
  if (m === null || !words.just.has(m[1] as string)) return false;
  const after = m[3] as string;
  return after === '' || words.tails.has(after);
}

/**
 * Is the ballot number at [start, end) a clause of its own in a chat: nothing before it in its
 * clause but a cheer, a word justChosenAt allows or "pokoknya" (at most two words: "pokok e",
 * "ingat haja"), and after it only chat tags, "just" particles or "pokona" before the clause ends
 * ("Nomor 2, inget ye 😉", "Pokoknye 2 😆", "isuk … jangan kada ingat, nomor 2 lah, sudah kita
 * sepakati", "kula namung ngengetaken: nomer setunggal 🙏")? The number said alone, as a reminder or
 * the writer's settled choice, as exclaimedAt reads it with "!". Not read when a clause next to it
 * opens or ends with another number (a list: "01, 02, 03 sama aja") or the clause after it forbids
 * or denies ("Nomor 2, jangan dipilih"). Only the side a finding shows reads this (evaluate.ts
 * singledOut, with its question, prohibitive and reported-speech guards).
 */
export function aloneInClauseAt(text: string, start: number, end: number, words: ChoiceWords, g: StanceGrammar): boolean {
  const { from, to } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWords(text, from, start, 3);
  const allowed = (w: string) => words.cheers.has(w) || words.justAfter.has(w) || words.just.has(w) || words.settling.has(w);
  if (before.length > 2 || !before.every((w, i) => allowed(w) || (w === 'e' && before[i - 1] === 'pokok'))) return false;
  const after = text.slice(end, to).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (after.length > 2 || !after.every((w) => words.tails.has(w) || words.just.has(w) || words.settling.has(w))) return false;
  // a list of numbers, one per clause
  if (/\d\s*$/u.test(text.slice(Math.max(0, from - 6), from - 1)) || /^\s*(?:no(?:mor|mer)?\s*)?\d/u.test(text.slice(to + 1, to + 12))) return false;
  // the clause after it, to the sentence end, forbids or denies
  const sentence = clauseAround(text, start, '.!?\n');
  const rest = text.slice(Math.min(to + 1, sentence.to), sentence.to).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (rest.some((w) => g.prohibitives.has(w) || g.negators.has(w))) return false;
  // a smirk or an eye-roll after it turns the number into a jab ("Gak usah sok bersih, 03 🙄")
  if (IRONY_EMOJI.test(text.slice(end, sentence.to + 1))) return false;
  // a bare number closing a text after a sentence of its own names whom the text was about ("…
  // pas gubernur demo petani dicuekin. no 03"), as a tag: the writer's choice says more around it
  const bare = /^(?:(?:nomor|nomer|no)\s+)?\S+$/u.test(text.slice(start, end));
  return !(bare && before.length === 0 && after.length === 0 && sentence.from > 0 && from === sentence.from && text.slice(to).trim().replace(/[^\p{L}\p{N}]/gu, '') === '');
}

/** the smirk, eye-roll, clown, upside-down and unamused faces: a jab, not a cheer (evaluate.ts LONE_CUE_IRONY builds on it) */
export const IRONY_EMOJI = /[\u{1F60F}\u{1F644}\u{1F921}\u{1F643}\u{1F612}]/u;

/** after an exclaimed number: a chat tag or form of address at most, then "!" ("nomer 1 rek!", "02!!") */
const EXCLAIMED_AFTER = /^\s*(?:([\p{L}]+)\s*)?!/u;

/**
 * Is the ballot number at [start, end) exclaimed as a clause of its own: "!" right after it (a chat
 * tag or form of address may stand between: `words.tails`), and before it in its clause nothing
 * ("Jelas, 03!", "Nomor 1!"), a cheer (`words.cheers`: "Gas 02!", "hidup nomer 2!") or a word
 * justChosenAt allows ("pokoknya 02!", "aku 03!")? A cheer for the pair. A noun before it ("juara
 * nomor 1!", "antrian nomor 2!") makes it something else. Only the side a finding shows reads this
 * (evaluate.ts PairLeaning, with the question, prohibitive and reported-speech guards of singledOut).
 */
export function exclaimedAt(text: string, start: number, end: number, words: ChoiceWords): boolean {
  const m = EXCLAIMED_AFTER.exec(text.slice(end, end + 24));
  if (m === null || (m[1] !== undefined && !words.tails.has(m[1]))) return false;
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWords(text, from, start, 2);
  if (before.length === 0) return true;
  return before.length === 1 && (words.cheers.has(before[0] as string) || words.justAfter.has(before[0] as string));
}

// ---- a choice verb right before the pair: "gue milih Abah", "kami siap dukung 03", "ojo milih X" --

/** "aja" right before the verb, as the text is normalised ("saja") or written */
const CLIPPED_SAJA: ReadonlySet<string> = new Set(['aja', 'saja']);
/** an equation after the name ("pilih X sama aja pilih …", "memilih X … adalah melecehkan …"): the choice is judged, not made */
const CHOICE_EQUATED = /(?:^|[^\p{L}\p{N}])(?:sama\s+(?:aja|saja|dengan|dgn)|artinya|berarti|adalah)(?=$|[^\p{L}\p{N}])|=/u;

/**
 * The side a ballot verb right before the pair's name or number shows (a form of address or a ballot
 * word may stand between: "milih nomor tiga", "dukung Pak Budi"): support in the writer's own
 * clause, attack under a prohibitive or a denier ("ojo milih Prabowo", "gak bisa milih 01"), none
 * when the choice is someone else's or only supposed (`words.notOwn`), asked, reported or equated.
 * Only the side a finding shows reads this (evaluate.ts PairLeaning), never whether a finding is made.
 * `verb`: where the verb starts (the finding names the verb and the pair as what decided the side).
 */
export function choiceAt(text: string, start: number, end: number, words: ChoiceWords, g: StanceGrammar): { side: 'support' | 'attack'; verb: number } | undefined {
  const { from } = clauseAround(text, start, CLAUSE_BREAKS);
  const before = lastWordsAt(text, from, start, 6);
  let i = before.length - 1;
  for (let titles = 0; i >= 0 && titles < 2 && words.titles.has((before[i] as { word: string }).word); titles++) i--;
  const verb = before[i];
  if (verb === undefined || !words.verbs.has(verb.word)) return undefined;
  // Javanese "aja milih" is 'don't choose', chat Indonesian "aku aja milih" 'even I chose': no side
  if (CLIPPED_SAJA.has(before[i - 1]?.word ?? '') || before.slice(Math.max(0, i - 2), i).some((w) => words.notOwn.has(w.word))) return undefined;
  // a question, even a rhetorical one ("masih tidak pilih 02?"), is no call the writer makes
  const sentence = clauseAround(text, start, SENTENCE_BREAKS);
  if (text[sentence.to] === '?' || reportedAt(text, start, g) || CHOICE_EQUATED.test(text.slice(end, sentence.to))) return undefined;
  const against = prohibitedWithin(text, verb.start, g) || negatedAt(text, verb.start, g) || negatedAcross(text, verb.start, g) || deniedBefore(before.slice(0, i), words, g);
  return { side: against ? 'attack' : 'support', verb: verb.start };
}

// ---- a victory claimed or wished right after the pair: "02 menang siji puteran!", "01 harus manang" --

/**
 * The words said at a calamity (the istirja', "innalillahi wa inna ilaihi raji'un", Quran 2:156) and
 * in dismay (the istighfar, "astagfirullah"), in the spellings chats use. Said before a pair's
 * victory they lament it ("Innalillahi, 02 menang", "Astagfirullah. Quick count 02 menang"): the
 * writer grieves the winner's win, the opposite of "alhamdulillah, 02 menang".
 */
export const LAMENT_WORDS: ReadonlySet<string> = new Set(['innalillahi', 'inalillahi', 'innalilahi', 'inalilahi', 'innalillah', 'astagfirullah', 'astaghfirullah', 'astagfirulloh', 'astaghfirulloh']);

/** a lament in the sentence of the victory before the pair, or as the whole sentence right before it ("Innalillahi. 02 menang") */
function lamentedBefore(text: string, sentence: { from: number }, start: number): boolean {
  const words = (a: number, b: number) => text.slice(a, b).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words(sentence.from, start).some((w) => LAMENT_WORDS.has(w))) return true;
  if (sentence.from < 2) return false;
  const previous = words(clauseAround(text, sentence.from - 2, SENTENCE_BREAKS).from, sentence.from);
  return previous.length > 0 && previous.every((w) => LAMENT_WORDS.has(w) || w === 'wa' || w === 'inna' || w === 'ilaihi' || w.startsWith('roji') || w.startsWith('raji'));
}

/** a topic or equation after the victory, a word or two on ("X menang itu mimpi", "cara X menang pilkada itu mudah"): the victory is judged, not claimed */
const WIN_JUDGED = /^(?:\s+[\p{L}\p{N}]+){0,2}?\s*(?:itu|tuh|adalah|artinya|berarti|=)(?=$|[^\p{L}\p{N}])/u;

/**
 * The side the word "win" right after the pair's name or number shows (`words.win`; up to two
 * modals or aspect words of `words.winBetween` between: "01 ko harus manang", "3 pasti menang"):
 * the writer claims or wishes that pair's victory, support. Attack under a prohibitive before the
 * pair ("jangan sampai 02 menang") or after a lament (LAMENT_WORDS: "Innalillahi, 02 menang"); no side when a condition or relative stands up to two words
 * before it (`words.notOwn`: "kalau X menang", "yen Prabowo menang", "yang penting 2 menang"), a
 * negator before it or between ("gak mungkin X menang", "02 tidak akan menang"), when asked,
 * reported, judged after ("X menang itu mimpi"), or told beside a loss ("X menang, Y kalah"). Only the side a finding shows reads this
 * (evaluate.ts PairLeaning), never whether a finding is made. `end`: where the win word ends.
 */
export function winAt(text: string, start: number, end: number, words: ChoiceWords, g: StanceGrammar): { side: 'support' | 'attack'; end: number } | undefined {
  const { from, to } = clauseAround(text, start, CLAUSE_BREAKS);
  const word = /[\p{L}\p{N}]+/gu;
  word.lastIndex = end;
  let win: RegExpExecArray | null = null;
  for (let w = word.exec(text), between = 0; w && w.index < to; w = word.exec(text)) {
    if (/[^\s]/u.test(text.slice(end, w.index).replace(/[\p{L}\p{N}]+/gu, ''))) break;
    if (words.win.has(w[0])) {
      win = w;
      break;
    }
    if (!words.winBetween.has(w[0]) || ++between > 2) break;
  }
  if (!win) return undefined;
  const winEnd = win.index + win[0].length;
  const sentence = clauseAround(text, start, SENTENCE_BREAKS);
  if (text[sentence.to] === '?' || reportedAt(text, start, g) || WIN_JUDGED.test(text.slice(winEnd, clauseAround(text, winEnd, CLAUSE_BREAKS).to))) return undefined;
  // "X menang, Y kalah": the count's result for both sides, told
  if (text.slice(sentence.from, sentence.to).split(/[^\p{L}\p{N}]+/u).some((w) => words.loss.has(w))) return undefined;
  if (lamentedBefore(text, sentence, start)) return { side: 'attack', end: winEnd };
  const before = lastWordsAt(text, from, start, 6);
  let i = before.length - 1;
  for (let titles = 0; i >= 0 && titles < 2 && words.titles.has((before[i] as { word: string }).word); titles++) i--;
  if (before.slice(Math.max(0, i - 1), i + 1).some((w) => words.notOwn.has(w.word))) return undefined;
  // a negator or prohibitive before the pair, across auxiliaries, pronouns or "sampai"
  let j = i;
  for (let skipped = 0; j >= 0 && skipped < 3; skipped++) {
    const w = (before[j] as { word: string }).word;
    if (!g.auxiliaries.has(w) && !g.addressees.has(w) && !words.between.has(w)) break;
    j--;
  }
  const lead = before[j]?.word;
  if (lead !== undefined && g.prohibitives.has(lead)) return { side: 'attack', end: winEnd };
  if (lead !== undefined && (g.negators.has(lead) || g.deniers.has(lead) || words.deniers.has(lead))) return undefined;
  return { side: 'support', end: winEnd };
}

/** a negator, prohibitive or regional denier (`choice.deniers`) closing `words` (the words before a ballot verb), across up to three auxiliaries, pronouns or particles (`choice.between`) */
function deniedBefore(words: ReadonlyArray<{ word: string }>, choice: ChoiceWords, g: StanceGrammar): boolean {
  let i = words.length - 1;
  for (let skipped = 0; i >= 0 && skipped < 3; skipped++) {
    const w = (words[i] as { word: string }).word;
    if (!g.auxiliaries.has(w) && !g.addressees.has(w) && !choice.between.has(w)) break;
    i--;
  }
  const w = words[i]?.word;
  // "sing tak coblos" (the one I vote for): the Javanese agent, no denier
  if (w === 'tak' && agentTakAt(words.map((x) => x.word), i, g)) return false;
  return w !== undefined && (choice.deniers.has(w) || g.prohibitives.has(w) || g.negators.has(w) || (g.deniers.has(w) && w !== 'belum' && w !== 'blm'));
}
