// (s56) A pair written as two halves each made from its own candidate's name, in ballot order:
// "Mulia-PAS" (I Made Muliawan Arya – I Putu Agus Suradnyana: the call name without its name
// suffix, and the initials of the running mate's whole name), "#MuliaPAS", `sahabat_muliapas`.
// Neither half need be a name form on its own ("mulia" and "pas" are words, "PAS" could be anyone's
// initials): the two together, one from each candidate of one pair and in the ballot's order, are
// that pair, as "Budi-Dewi" is. Derived from the names alone, for every region alike; read by
// evaluate.ts derivedPairHits (a dash or a camel-case hashtag) and handle-reader.ts (glued in an
// account name, confirmed as a coinage is). Not registry terms: the halves are looked up only where
// two capitalised halves stand joined, so the one-pass automaton and the pack's start-up do not grow.
import { callNameClips, candidateInitials } from './coinages.js';
import type { Election } from './registry.js';
import type { RegistryPair } from './registry-schema.js';
import { givenName, lastName, secondCallName } from '../registry/person-name.js';
import { syllables } from '../text/syllables.js';
import { termText } from '../text/term-text.js';

/** How a half was made from its candidate's name. */
export type HalfKind = 'call' | 'last' | 'clip' | 'stem' | 'initials';

export interface PairHalf {
  /** lower case, letters only */
  text: string;
  kind: HalfKind;
  /** the name word (or, for initials, the whole name) it was made of, lower case */
  from: string;
}

/**
 * The Sanskrit possessive suffixes of Javanese, Sundanese and Balinese given names ("Muliawan",
 * "Kurniawan", "Rahmawati": KBBI -wan, -wati, as in dermawan, hartawan, sastrawati), which
 * residents drop to call the bearer ("Mulia", "Kurnia", "Rahma").
 */
const NAME_SUFFIXES = ['wati', 'wan'] as const;

/**
 * A call name without its name suffix: "muliawan" → mulia, "rahmawati" → rahma. Only where what is
 * left ends in a vowel (the suffix joins a word: "mulia-wan", "guna-wan"; "Ridwan", "Marwan" have
 * none) and has two syllables and four letters or more ("Irawan" keeps its name).
 */
export function nameStem(name: string): string | undefined {
  const word = name.toLowerCase();
  for (const suffix of NAME_SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length >= 4 && /[aeiou]$/.test(stem) && syllables(stem).length >= 2) return stem;
  }
  return undefined;
}

/**
 * The initials of every word of a name of three words or more ("putu agus suradnyana" → pas: the
 * leading birth-order and title words count, as residents say them), words of one letter left out;
 * undefined for a shorter name (candidateInitials makes two-letter ones) or one of five words or more.
 */
export function fullInitials(words: readonly string[]): string | undefined {
  const long = words.filter((w) => /^[a-z]{2,}$/.test(w));
  return long.length >= 3 && long.length <= 4 ? long.map((w) => w[0]).join('') : undefined;
}

/** Every half one candidate's name gives, in the order a finding prefers to explain them. */
export function candidateHalves(person: RegistryPair['candidates'][number]): PairHalf[] {
  // the display name keeps initials with their dots ("I. Made …"): words of letters only
  const words = termText(person.name).split(/[^a-z]+/).filter((w) => w !== '');
  const out = new Map<string, PairHalf>();
  const add = (text: string | undefined, kind: HalfKind, from: string) => {
    if (text !== undefined && /^[a-z]{2,}$/.test(text) && !out.has(text)) out.set(text, { text, kind, from });
  };
  const given = givenName(words);
  const second = secondCallName(words);
  for (const call of [given, second]) {
    if (call === undefined) continue;
    add(call, 'call', call);
    add(nameStem(call), 'stem', call);
    for (const clip of callNameClips(call)) add(clip.text, 'clip', call);
  }
  const last = lastName(words);
  if (last !== undefined) add(last, 'last', last);
  const initialled = words.filter((w) => w.length >= 2).join(' ');
  add(fullInitials(words), 'initials', initialled);
  add(candidateInitials(words, given), 'initials', initialled);
  return [...out.values()];
}

/** One half's owner: which pair of which race, and which place on the ticket (0 the candidate, 1 the running mate). */
export interface HalfOwner {
  election: Election;
  pair: RegistryPair;
  place: 0 | 1;
  half: PairHalf;
}

/** half text → its owners, made once per set of elections in force (registry.ts electionsInForce shares them) on first use */
const INDEXES = new WeakMap<ReadonlySet<Election>, ReadonlyMap<string, readonly HalfOwner[]>>();

/** The halves of every Pilkada pair of these elections (a Pilpres registry names its pairs itself). */
export function pairHalfIndex(elections: ReadonlySet<Election>): ReadonlyMap<string, readonly HalfOwner[]> {
  let index = INDEXES.get(elections);
  if (index) return index;
  const map = new Map<string, HalfOwner[]>();
  for (const election of elections) {
    if (election.level === 'pilpres') continue;
    for (const pair of election.pairs) {
      if (pair.candidates.length !== 2) continue;
      pair.candidates.forEach((person, place) => {
        for (const half of candidateHalves(person)) {
          const list = map.get(half.text) ?? [];
          list.push({ election, pair, place: place as 0 | 1, half });
          map.set(half.text, list);
        }
      });
    }
  }
  INDEXES.set(elections, (index = map));
  return index;
}

/** A half as written: initials only in capitals ("PAS", not "Pas"), any other half capitalised ("Mulia"). */
function writtenAsHalf(written: string, half: PairHalf): boolean {
  return half.kind === 'initials' ? /^\p{Lu}{2,4}$/u.test(written) : /^\p{Lu}\p{Ll}+$/u.test(written);
}

/**
 * The pairs two written halves name together: the first half a half of a pair's candidate, the
 * second one of the same pair's running mate, each written as such (writtenAsHalf), and at least
 * one of them a made-up half (a stem, a clip or initials: two plain call or last names are the
 * registry's own pair names already). `own` says whose races count.
 */
export function pairsOfHalves(index: ReadonlyMap<string, readonly HalfOwner[]>, first: string, second: string, own: (e: Election) => boolean): Array<{ first: HalfOwner; second: HalfOwner }> {
  const a = index.get(first.toLowerCase());
  const b = index.get(second.toLowerCase());
  if (!a || !b) return [];
  const out: Array<{ first: HalfOwner; second: HalfOwner }> = [];
  for (const x of a) {
    if (x.place !== 0 || !own(x.election) || !writtenAsHalf(first, x.half)) continue;
    for (const y of b) {
      if (y.place !== 1 || y.pair !== x.pair || y.election !== x.election || !writtenAsHalf(second, y.half)) continue;
      if (PLAIN.has(x.half.kind) && PLAIN.has(y.half.kind)) continue;
      if (!out.some((o) => o.first.pair === x.pair && o.first.election === x.election)) out.push({ first: x, second: y });
    }
  }
  return out;
}
const PLAIN: ReadonlySet<HalfKind> = new Set(['call', 'last']);

/**
 * The joined forms of a pair's halves for account names ("muliapas"): a call name, a stem or
 * initials of each candidate, at least one of them a stem or initials (two call names are the
 * registry's own pair name, and a clip glued to anything but the running mate's name is read by
 * handle-reader.ts already), six letters or more (shorter joins are words and names inside handles).
 */
export function joinedHalves(pair: RegistryPair): string[] {
  const [a, b] = pair.candidates;
  if (!a || !b) return [];
  const out = new Set<string>();
  const glued = (h: PairHalf) => h.kind === 'call' || h.kind === 'stem' || h.kind === 'initials';
  const first = candidateHalves(a).filter(glued);
  const second = candidateHalves(b).filter(glued);
  for (const x of first) {
    for (const y of second) {
      if (x.kind === 'call' && y.kind === 'call') continue;
      const joined = x.text + y.text;
      if (joined.length >= 6) out.add(joined);
    }
  }
  return [...out];
}

/** How a half was made, for the finding: "“PAS” (huruf awal Putu Agus Suradnyana)". */
export function halfDerivation(written: string, half: PairHalf): { id: string; en: string } {
  const cap = (s: string) => s.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
  const from = cap(half.from);
  const how: Record<HalfKind, { id: string; en: string }> = {
    call: { id: `nama panggilan ${from}`, en: `the call name ${from}` },
    last: { id: `nama belakang ${from}`, en: `the last name ${from}` },
    clip: { id: `penggalan nama ${from}`, en: `${from} clipped` },
    stem: { id: `nama ${from} tanpa akhiran -${half.from.slice(half.text.length)}`, en: `${from} without its suffix -${half.from.slice(half.text.length)}` },
    initials: { id: `huruf awal ${from}`, en: `the initials of ${from}` },
  };
  return { id: `“${written}” (${how[half.kind].id})`, en: `“${written}” (${how[half.kind].en})` };
}
