// Coined pair names: the made-up words residents name a pair by, built from the leading syllables
// or letters of the two candidates' names ("Andika"–"Hendi" → "AnHen", "Bobby"–"Surya" → "BoSur",
// "Budi"–"Dewi" → "BuDe"), or from the two call names joined ("Agustin"+"Iswar" → "AgustinIswar"),
// and since stop 51 from a clipped first name ("Pram"+"Doel") or a leading piece with the other
// name's tail ("A"+"min" → "AMIN", "Rid"+"o" → "RIDO").
// Derived from the names alone, for every region alike (never a list of known coinages); the
// registry compiles them as `pair_names` terms of variant `coined` (a made-up word) or `blend` (a
// coinage that is also a word: "bude" is an aunt), and the matcher reads them only where they are
// written as a name (coinageMarked) or, a made-up one, where its post confirms it (evaluate.ts
// confirmedCoinageHits). Each hit can say how it was made (coinageOf).
import { toOriginal, type NormalisedText } from '../text/normalise.js';
import { openPart, syllables } from '../text/syllables.js';
import { callClipping } from './name-variants.js';

/** How one name gives a piece of a coinage. */
export type PieceKind = 'initial' | 'open' | 'syllable' | 'clip' | 'two-syllables' | 'call' | 'name' | 'tail' | 'rhyme';

export interface CoinagePiece {
  text: string;
  kind: PieceKind;
}

export interface Coinage {
  /** lower case, letters only */
  form: string;
  /** the two names it was made of, in the order they appear in it */
  from: [string, string];
  pieces: [CoinagePiece, CoinagePiece];
  /** the running mate's piece first ("HenAn") */
  reversed: boolean;
}

/** a coinage has this many letters at least ("asi" of Ahmad–Siti is a word, not a pair) and at most */
const MIN_COINAGE = 4;
const MAX_COINAGE = 14;
/**
 * Names per candidate a pair's coinages are made of (the given name first, then the listed short
 * names). With at most five leading syllable pieces (initial, open, syllable, clip, two syllables),
 * two name pieces and two tail pieces per name (namePieces, tailPieces), one ordered couple of names
 * gives at most 5 × 3 = 15 syllable coinages + 3 joined names + 2 clipped-plus-name ("PramDoel") + 4 × 2
 * = 8 leading-plus-tail ("RIDO", "AMIN") + 4 reversed = COINAGES_PER_COUPLE (32), so a pair has at most
 * 3 × 3 × 32 = 288 coinage forms (the snapshot's KPU pairs, one or two call names each, have far
 * fewer: fixtures/eval/callnames-s51.md).
 */
export const MAX_NAMES_PER_CANDIDATE = 3;
export const COINAGES_PER_COUPLE = 32;

/**
 * The leading pieces of one lower-case name a coinage takes: its initial, its first syllable open
 * ("bobby" → bo) and as written (bob), its first two syllables when it has three or more
 * ("agustina" → agus), its call clipping ("agustina" → agustin) and the name itself. A piece of
 * one letter is an initial, whatever made it.
 */
export function namePieces(name: string): CoinagePiece[] {
  const word = name.toLowerCase();
  if (!/^[a-z]{3,}$/.test(word)) return [];
  const syl = syllables(word);
  const first = syl[0] ?? word;
  const out: CoinagePiece[] = [];
  const add = (text: string, kind: PieceKind) => {
    const k: PieceKind = text.length === 1 ? 'initial' : kind;
    if (text.length > 0 && !out.some((p) => p.text === text)) out.push({ text, kind: k });
  };
  add(word[0] as string, 'initial');
  add(openPart(first), 'open');
  add(first, 'syllable');
  // the first syllable closed by the next one's first consonant: how a given name is clipped to
  // be called ("pra-mo-no" → Pram, "ra-no" → Ran); a closed first syllable ("dhar-ma") is that already
  const clip = clippedName(word);
  if (clip !== undefined) add(clip, 'clip');
  if (syl.length >= 3) add(syl.slice(0, 2).join(''), 'two-syllables');
  const call = callClipping(word);
  if (call !== undefined) out.push({ text: call, kind: 'call' });
  out.push({ text: word, kind: 'name' });
  return out;
}

/**
 * A given name clipped to its first syllable closed by the next syllable's first consonant, as
 * people call someone short ("pramono" → pram, "rano" → ran, "budi" → bud); undefined when the
 * first syllable is closed already ("dharma" → dhar is its syllable), or the name has one syllable.
 */
export function clippedName(name: string): string | undefined {
  const word = name.toLowerCase();
  const syl = syllables(word);
  const [first, next] = syl;
  if (first === undefined || next === undefined || !/[aeiouy]$/.test(first)) return undefined;
  const onset = /^(?:ng|ny|kh|sy|dh|th|[b-df-hj-np-tv-z])/.exec(next)?.[0];
  // three letters at least: "a-gus-ti-na" gives no "Ag"
  return onset === undefined || first.length + onset.length < 3 ? undefined : first + onset;
}

/**
 * The short name a given name is called by with an honorific ("Mas Pram", "Pak Dhar"): its first
 * syllable closed (clippedName, or the first syllable when it is closed already), when the name
 * has two syllables or more and the clip three letters or more. Undefined otherwise.
 */
export function callClip(name: string): string | undefined {
  const word = name.toLowerCase();
  if (!/^[a-z]{4,}$/.test(word)) return undefined;
  const syl = syllables(word);
  const first = syl[0];
  if (syl.length < 2 || first === undefined) return undefined;
  const clip = /[aeiouy]$/.test(first) ? clippedName(word) : first;
  return clip !== undefined && clip.length >= 3 && clip !== word ? clip : undefined;
}

/** a name this many syllables long or longer is clipped to two of them to be called (longNameClips) */
const LONG_NAME_SYLLABLES = 4;

/**
 * (s55) The two-syllable clips a long call name is called by, with an honorific or beside the
 * running mate's name: its first two syllables, closed by the next syllable's first consonant when
 * the second is open ("mu-ji-bur-rah-man" → mujib: "TGH Mujib", "Mohan-Mujib"), and its last two,
 * from a consonant ("mu-sya-fi-rin" → firin: "Pak Firin", "Rohmi-Firin"). Only of names of
 * LONG_NAME_SYLLABLES or more: a shorter name is called whole or by callClip. Each clip has four
 * letters or more and is not the name itself; the registry drops one that is a word or a term.
 */
export function longNameClips(name: string): Array<{ text: string; end: 'head' | 'tail' }> {
  const word = name.toLowerCase();
  if (!/^[a-z]+$/.test(word)) return [];
  const syl = syllables(word);
  if (syl.length < LONG_NAME_SYLLABLES) return [];
  const out: Array<{ text: string; end: 'head' | 'tail' }> = [];
  const [a = '', b = '', c = ''] = syl;
  // closed by the next consonant only where an Indonesian syllable closes ("Mujib", "Fatma" not "Fatmaw")
  const onset = /[aeiouy]$/.test(b) ? (/^(?:ng|[bdghklmnprst])(?!y|h)/.exec(c)?.[0] ?? '') : '';
  const head = a + b + onset;
  const tail = syl.slice(-2).join('');
  if (head.length >= 4) out.push({ text: head, end: 'head' });
  if (tail.length >= 4 && !/^[aeiouy]/.test(tail) && tail !== head) out.push({ text: tail, end: 'tail' });
  return out;
}

/**
 * Every short form a call name is clipped to (callClip, longNameClips), with how it was clipped,
 * for the registry's `hypocorism` terms and the finding's note.
 */
export function callNameClips(name: string): Array<{ text: string; end: 'first' | 'head' | 'tail' }> {
  const first = callClip(name);
  const out: Array<{ text: string; end: 'first' | 'head' | 'tail' }> = first === undefined ? [] : [{ text: first, end: 'first' }];
  for (const c of longNameClips(name)) if (!out.some((o) => o.text === c.text)) out.push(c);
  return out;
}

/**
 * The initials of a candidate's given name and the name word after it ("ridwan kamil" → "rk"),
 * from the lower-case words of the ballot name; words of one or two letters (initials, "M.") are
 * skipped. Undefined for a one-word name.
 */
export function candidateInitials(words: readonly string[], given: string | undefined): string | undefined {
  const long = words.filter((w) => /^[a-z]{3,}$/.test(w));
  const at = given === undefined ? 0 : long.indexOf(given);
  const a = long[at];
  const b = long[at + 1];
  return a === undefined || b === undefined || at < 0 ? undefined : `${a[0]}${b[0]}`;
}

/**
 * The trailing pieces of one lower-case name a tail coinage ends with: its last syllable
 * ("muhaimin" → min, "suswono" → no) and that syllable from its vowel ("o", "in"), for names of
 * two syllables or more. "AMIN" is A(nies) + (Muhai)min, "RIDO" is Rid(wan) + (Suswon)o.
 */
export function tailPieces(name: string): CoinagePiece[] {
  const word = name.toLowerCase();
  if (!/^[a-z]{3,}$/.test(word)) return [];
  const syl = syllables(word);
  const last = syl.at(-1);
  if (syl.length < 2 || last === undefined) return [];
  const out: CoinagePiece[] = [{ text: last, kind: 'tail' }];
  const rhyme = /[aeiouy].*$/.exec(last)?.[0];
  if (rhyme !== undefined && rhyme !== last) out.push({ text: rhyme, kind: 'rhyme' });
  return out;
}

const SYLLABIC: ReadonlySet<PieceKind> = new Set(['initial', 'open', 'syllable', 'clip', 'two-syllables']);
/** the leading pieces a tail joins: a rhyme ("o") only after a consonant ("Rid"+"o"), never an initial ("Ro") */
const TAIL_LEADS: ReadonlySet<PieceKind> = new Set(['initial', 'open', 'syllable', 'clip']);
const NAMED: ReadonlySet<PieceKind> = new Set(['call', 'name']);

/**
 * Every coinage of a pair, given the names each candidate is called by (at most
 * MAX_NAMES_PER_CANDIDATE each): in ballot order, a syllable piece of the first with a syllable
 * piece of the second (an initial only first: "AHen"), or the two call names joined (not both names whole:
 * that is the pair name itself), or the first's clipped name with the second's name ("PramDoel"), or
 * a leading piece of the first with the last syllable of the second or, after a consonant, its
 * final sound ("AMin", "RidO": stop 51); in reverse order only the two first syllables ("HenAn").
 * First derivation wins; 4–14 letters; at most COINAGES_PER_COUPLE per ordered couple of names.
 */
export function pairCoinages(first: readonly string[], second: readonly string[]): Coinage[] {
  const out = new Map<string, Coinage>();
  const add = (a: string, x: CoinagePiece, b: string, y: CoinagePiece, reversed = false) => {
    const form = x.text + y.text;
    if (form.length < MIN_COINAGE || form.length > MAX_COINAGE || out.has(form) || form === a || form === b) return;
    out.set(form, { form, from: [a, b], pieces: [x, y], reversed });
  };
  const names = (list: readonly string[]) => [...new Set(list.map((w) => w.toLowerCase()))].filter((w) => /^[a-z]{3,}$/.test(w)).slice(0, MAX_NAMES_PER_CANDIDATE);
  const a = names(first);
  const b = names(second);
  for (const x of a) {
    for (const y of b) {
      if (x === y) continue;
      const px = namePieces(x);
      const py = namePieces(y);
      for (const p of px) {
        for (const q of py) {
          // an initial only leads ("AHen"): a syllable closed by a stray letter ("Bobs") is no name
          // a clip leads only ("Pram…"): after a syllable it is one more stray consonant
          if (SYLLABIC.has(p.kind) && SYLLABIC.has(q.kind) && q.kind !== 'initial' && q.kind !== 'clip') add(x, p, y, q);
          else if (NAMED.has(p.kind) && NAMED.has(q.kind) && !(p.kind === 'name' && q.kind === 'name')) add(x, p, y, q);
          // a clipped first name with the running mate's name ("Pram" + "Doel")
          else if (p.kind === 'clip' && NAMED.has(q.kind)) add(x, p, y, q);
        }
        // the leading piece of the first with the tail of the second ("Rid"+"o", "A"+"min")
        if (TAIL_LEADS.has(p.kind)) {
          for (const t of tailPieces(y)) {
            if (t.kind === 'rhyme' && (p.kind === 'initial' || /[aeiouy]$/.test(p.text))) continue;
            add(x, p, y, t);
          }
        }
      }
      const lead = (ps: CoinagePiece[]) => ps.filter((p) => p.kind === 'open' || p.kind === 'syllable');
      for (const q of lead(py)) for (const p of lead(px)) add(y, q, x, p, true);
    }
  }
  return [...out.values()];
}

/**
 * The team words a pair's supporters name their groups and accounts with (the membership and
 * office rules' team words). Right before a coinage they make it the pair's in any case:
 * "relawan bude" (a handle "relawanbude.sukamaju" read as words) is the pair's volunteers.
 */
const TEAM_WORDS: ReadonlySet<string> = new Set(['relawan', 'tim', 'timnas', 'timses', 'sahabat', 'laskar', 'barisan', 'posko', 'pendukung', 'simpatisan', 'loyalis']);

/** the normalised word right before offset `start` (same field) is a team word */
function afterTeamWord(norm: NormalisedText, start: number): boolean {
  const before = /(?:^|[^a-z])([a-z]+)\s+$/.exec(norm.text.slice(0, start));
  return before !== null && TEAM_WORDS.has(before[1] ?? '');
}

/**
 * A coinage is read as its pair's name where it is written as a name: a capital at the start of
 * each piece ("AnHen", "BuDe", "AgustinIswar"), right after a team word ("relawan bude"), in all
 * capitals in a text that does not shout ("BOSUR", "YURA") where `capitalsRead`, and, for a made-up
 * word only (`wordLike` false: no dictionary or lexicon word), in a hashtag ("#anhen") or, where
 * `mentionRead`, an @-mention. "Bude Sri", "bule", "#bule" stay words. `joint`: the first piece's length (coinageOf).
 */
export function coinageMarked(norm: NormalisedText, start: number, end: number, joint: number, inHashtag: boolean, wordLike: boolean, capitalsRead: boolean, mentionRead = true): boolean {
  const o = toOriginal(norm, start, end);
  const written = norm.original.slice(o.start, o.end);
  if (written.length !== end - start) return false;
  if (afterTeamWord(norm, start)) return true;
  const head = written.slice(0, joint);
  const tail = written.slice(joint);
  if (/^\p{Lu}\p{Ll}*$/u.test(head) && /^\p{Lu}\p{Ll}*$/u.test(tail)) return true;
  if (capitalsRead && joint > 1 && /^\p{Lu}+$/u.test(written)) {
    const letters = norm.original.match(/\p{L}/gu)?.length ?? 0;
    const capitals = norm.original.match(/\p{Lu}/gu)?.length ?? 0;
    return letters > 0 && capitals / letters <= 0.5;
  }
  return !wordLike && (inHashtag || (mentionRead && norm.original[o.start - 1] === '@'));
}

/**
 * Whether a made-up coinage is read as an @-mention: not one that ends in a name's tail ("rido",
 * "adin" are given names too, and "@rido" is a person's handle as often as the pair's).
 */
export function mentionRead(c: Coinage): boolean {
  return c.pieces[1].kind !== 'tail' && c.pieces[1].kind !== 'rhyme';
}

/**
 * Whether a coinage in all capitals is read as one: a made-up word of two syllables in ballot
 * order ("BOSUR"), and of the coinages that are also words only the two open first syllables of
 * the given names ("YURA", "BUDE": the blend netral read in capitals before stop 50). An initial's
 * or a reversed coinage's capitals are as often someone else's acronym ("MAGA" is not Mahfud–Ganjar),
 * and a word's longer blends ("KABAR", "MURID") are words.
 */
export function capitalsRead(c: Coinage, wordLike: boolean): boolean {
  if (c.reversed || c.pieces[0].kind === 'initial') return false;
  return !wordLike || (c.pieces[0].kind === 'open' && c.pieces[1].kind === 'open');
}

/**
 * A hashtag whose words name the pair by a coinage (registry name tags: "#RanHen", "#RanHen2024",
 * "#MenangBersamaRanHen"): a made-up word counts in any case; a coinage that is also a word only
 * written with a capital at each piece ("#BuLeJuara", not "#bulebanget").
 */
export function coinageInTag(tag: string, c: Coinage, wordLike: boolean): boolean {
  if (!wordLike) return true;
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const at = tag.indexOf(cap(c.pieces[0].text) + cap(c.pieces[1].text));
  return at >= 0 && !/\p{Ll}/u.test(tag[at + c.form.length] ?? '');
}

/** How a coinage was made, in Indonesian and English: "“An” (suku kata awal Andika) + “Hen” (suku kata awal Hendi)". */
export function coinageDerivation(c: Coinage): { id: string; en: string } {
  const kindId: Record<PieceKind, string> = { initial: 'huruf awal', open: 'suku kata awal', syllable: 'suku kata awal', clip: 'penggalan awal', 'two-syllables': 'dua suku kata awal', call: 'nama panggilan', name: 'nama', tail: 'suku kata akhir', rhyme: 'bunyi akhir' };
  const kindEn: Record<PieceKind, string> = { initial: 'initial', open: 'first syllable', syllable: 'first syllable', clip: 'clipped start', 'two-syllables': 'first two syllables', call: 'call name', name: 'name', tail: 'last syllable', rhyme: 'final sound' };
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const part = (p: CoinagePiece, name: string, kinds: Record<PieceKind, string>, of: string) => `“${cap(p.text)}” (${kinds[p.kind]} ${of}${cap(name)})`;
  return {
    id: `${part(c.pieces[0], c.from[0], kindId, '')} + ${part(c.pieces[1], c.from[1], kindId, '')}`,
    en: `${part(c.pieces[0], c.from[0], kindEn, 'of ')} + ${part(c.pieces[1], c.from[1], kindEn, 'of ')}`,
  };
}
