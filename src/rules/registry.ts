// Candidate registries compiled into matchable terms: every name, hashtag, number form, hand sign
// and account of every pair becomes a term owned by (election, pair, list).
import { followedByUnit } from '../text/units.js';
import type { RegistryFile, RegistryImage, RegistryPair } from './registry-schema.js';
import type { RegistryList } from './schema.js';
import { AhoCorasick } from '../text/aho-corasick.js';
import { normalise } from '../text/normalise.js';
import { termText } from '../text/term-text.js';
import { EditVariantIndex, nameVariants, type NameVariantKind } from './name-variants.js';
import { callNameClips, candidateInitials, pairCoinages, type Coinage } from './coinages.js';
import { CAMP_LEVELS, campForms } from './camp-forms.js';
import { isEverydayWord } from '../registry/dictionary.js';
import { givenName, isCommonNameWord } from '../registry/person-name.js';
import { stem } from '../text/morphology.js';

export interface Election {
  id: string;
  level: RegistryFile['election']['level'];
  name: string;
  regionCode: string;
  regionName: string;
  /** epoch ms (UTC midnight of the WIB date, conservative by a few hours) */
  watchFrom: number;
  /** pair registration opened (registration, optional): before it a post needs words of the candidacy (evaluate.ts prospectiveUnspoken) */
  registration: number | undefined;
  determination: number;
  /** the ballot numbers are drawn (number_draw; the determination when not given): no number names a pair before it */
  numberDraw: number;
  /** polling day of the last round (epoch ms of its WIB midnight); see voteAhead */
  vote: number;
  /** earlier rounds, oldest first: polling day and the ids of the pairs that went through */
  rounds: ReadonlyArray<{ vote: number; through: ReadonlySet<string> }>;
  watchUntil: number;
  pairs: RegistryPair[];
  /** reference images of campaign material (scan --vision) */
  images: RegistryImage[];
  /** registry file it came from, for messages */
  file: string;
}

export interface RegistryTerm {
  list: RegistryList;
  election: Election;
  /** absent for election-level terms (events) */
  pair?: RegistryPair;
  term: string;
  /** the stance the term itself carries: a mocking nickname or an attack tag attacks its pair, a campaign tag supports it */
  stance?: 'support' | 'attack';
  /** generated from a registry form (misspelled, clipped, vowel-dropped), not written in the registry */
  variant?: NameVariantKind;
}

export interface CompiledRegistry {
  elections: Election[];
  terms: RegistryTerm[];
  /** unspaced lower-case name forms (≥ 4 letters) → their terms, for names inside hashtags */
  nameForms: Map<string, RegistryTerm[]>;
  /** every unspaced name form, ambiguous ones too, longest first: what a name tag is left with without them */
  allNameForms: string[];
  /** misspelled (one-edit) candidate names, found at match time (editVariantTerms) */
  editVariants: EditVariantIndex<{ election: Election; pair: RegistryPair }>;
  /** words a name variant must never be (lexicon words, slang, every registry term and its words; the dictionary's root words are asked apart, isWordForm) */
  notNames: ReadonlySet<string>;
  /**
   * The terms of one list, in `terms` order, without making the others: a pack restored from its
   * cache makes its ~100,000 term objects only when asked (pack-snapshot.ts), and the first
   * name-less hashtag asked for them all to find a few hundred ambiguous forms. Absent: filter `terms`.
   */
  termsOfList?: (list: RegistryList) => RegistryTerm[];
  /** ambiguousTagSources of the ambiguous terms, as a restored pack stored them. Absent: computed. */
  ambiguousTagSources?: () => Map<string, RegistryTerm[]>;
}

/** The registry's terms of one list, in order. */
function termsOfList(registry: CompiledRegistry, list: RegistryList): RegistryTerm[] {
  return registry.termsOfList ? registry.termsOfList(list) : registry.terms.filter((t) => t.list === list);
}

const DAY = 86_400_000;

export function toElection(file: RegistryFile, path: string): Election {
  const d = file.election.dates;
  const at = (iso: string) => Date.parse(`${iso}T00:00:00+07:00`);
  return {
    id: file.election.id,
    level: file.election.level,
    name: file.election.name,
    regionCode: file.election.region.code,
    regionName: file.election.region.name,
    watchFrom: at(d.watch_from),
    registration: d.registration === undefined ? undefined : at(d.registration),
    determination: at(d.determination),
    numberDraw: at(d.number_draw ?? d.determination),
    vote: at(d.vote),
    rounds: (d.rounds ?? []).map((r) => ({ vote: at(r.vote), through: new Set(r.through) })),
    watchUntil: at(d.watch_until) + DAY - 1,
    pairs: file.pairs,
    images: file.images,
    file: path,
  };
}

/**
 * Is a vote of the election still ahead at `time` (epoch ms)? Polling day itself counts as ahead
 * (its date is its WIB midnight, so the whole day is before vote + DAY); from the next day the
 * result may be known. With `pairId`, the last vote that pair stands in: a pair out after an
 * earlier round (AHY after round one of DKI 2017) has no vote ahead from the day after that round.
 * The one place this boundary is written: ballot selection and "after the vote" both ask here.
 */
export function voteAhead(e: Pick<Election, 'vote' | 'rounds'>, time: number, pairId?: string): boolean {
  return time < lastVote(e, pairId) + DAY;
}

/** Is some round's result known at `time` (from the day after the first polling day)? */
export function anyResultKnown(e: Pick<Election, 'vote' | 'rounds'>, time: number): boolean {
  return time >= (e.rounds[0]?.vote ?? e.vote) + DAY;
}

function lastVote(e: Pick<Election, 'vote' | 'rounds'>, pairId: string | undefined): number {
  if (pairId === undefined) return e.vote;
  for (const r of e.rounds) if (!r.through.has(pairId)) return r.vote;
  return e.vote;
}

/** Words the registry takes from the lexicons (loaded with the rules, not part of a registry file). */
export interface RegistryWords {
  /** a second term asked for or mocked (lexicon periode-kedua): said with no name, it names the incumbent's pair */
  secondTerm?: readonly string[];
  /** words for the office holder who runs again (lexicon sebutan-petahana): an ambiguous form of the incumbent's pair */
  incumbent?: readonly string[];
}

/**
 * `knownWords`: words that are not names (lexicon words, slang): a generated name variant equal
 * to one of them is dropped ("ganjal" is a wedge, not a misspelled Ganjar).
 */
export function compileRegistry(files: Array<{ file: RegistryFile; path: string }>, knownWords: ReadonlySet<string> = new Set(), words: RegistryWords = {}): CompiledRegistry {
  const elections: Election[] = [];
  const terms: RegistryTerm[] = [];
  for (const { file, path } of files) {
    const election = toElection(file, path);
    elections.push(election);
    for (const term of file.events) terms.push({ list: 'events', election, term });
    for (const pair of file.pairs) {
      const attackTags = new Set(pair.attack_hashtags.map(termKey));
      for (const [list, values] of pairTerms(pair, file.election.level, words, ballotOf(file.pairs))) {
        for (const term of values) {
          const stance = list === 'mocking' || list === 'attack_topics' ? 'attack' : list === 'hashtags' ? (attackTags.has(termKey(term)) ? 'attack' : 'support') : undefined;
          terms.push({ list, election, pair, term, ...(stance ? { stance } : {}) });
        }
      }
    }
  }
  const variants = nameVariantTerms(files, elections, terms, knownWords);
  // one by one: with every Pilkada region there are more variants than a spread call may pass
  for (const v of variants.terms) terms.push(v);
  const nameForms = new Map<string, RegistryTerm[]>();
  for (const t of terms) {
    if (t.list !== 'names' && t.list !== 'pair_names') continue;
    // a coinage's pieces apart ("ran hen") are the coinage itself ("ranhen") in a tag
    if ((t.variant === 'coined' || t.variant === 'blend') && t.term.includes(' ')) continue;
    const form = termKey(t.term);
    if (form.length < 3 || !/^[\p{L}]+$/u.test(form)) continue;
    nameForms.set(form, [...(nameForms.get(form) ?? []), { ...t, list: 'name_tags' }]);
  }
  const allNameForms = [...new Set(terms.filter((t) => ['names', 'pair_names', 'ambiguous'].includes(t.list)).map((t) => termKey(t.term)))]
    .filter((f) => f.length >= 3)
    .sort((a, b) => b.length - a.length);
  return { elections, terms, nameForms, allNameForms, editVariants: variants.edits, notNames: variants.known };
}

/**
 * The registry terms a misspelled name in normalised text names: `token` is one edit from a
 * candidate's form (oneEditVariants), is no known word, and within each election names one pair
 * only (a variant two pairs of one election share names neither). Terms are made once per token.
 */
export function editVariantTerms(registry: CompiledRegistry, token: string): RegistryTerm[] {
  let terms = editTermCache.get(registry)?.get(token);
  if (terms) return terms;
  terms = [];
  if (!registry.notNames.has(token) && !isWordForm(token)) {
    const byElection = new Map<string, Array<{ election: Election; pair: RegistryPair }>>();
    for (const { owners } of registry.editVariants.find(token)) {
      for (const o of owners) byElection.set(o.election.id, [...(byElection.get(o.election.id) ?? []), o]);
    }
    for (const owners of byElection.values()) {
      const first = owners[0] as { election: Election; pair: RegistryPair };
      if (owners.every((o) => o.pair.id === first.pair.id)) terms.push({ list: 'names', election: first.election, pair: first.pair, term: token, variant: 'edit' });
    }
  }
  let cache = editTermCache.get(registry);
  if (!cache) editTermCache.set(registry, (cache = new Map()));
  if (cache.size >= 50_000) cache.clear();
  cache.set(token, terms);
  return terms;
}
const editTermCache = new WeakMap<CompiledRegistry, Map<string, RegistryTerm[]>>();

/** "pribadinya", "berminggu-minggu": a token the stemmer takes to a dictionary root is a word, not a misspelled name. */
function isWordForm(token: string): boolean {
  return isRootWord(stem(token, isRootWord));
}

/** Any root word of the dictionary, even one that is mainly a name: a word, never a misspelled name. */
function isRootWord(word: string): boolean {
  return isEverydayWord(word, EVEN_A_NAME);
}
const EVEN_A_NAME = { evenAName: true } as const;

/**
 * Hashtags that carry a candidate's name plus other words — "#voteahok", "#PrabowoSalahkanSBY",
 * "#AniesGubernurBaru", "#Jokowi2019" — take a stance on that candidate; a tag that is only the
 * name (#AHY, #AhokDjarot) is not one of them. So do tags that carry a pair's ballot number the
 * same way ("#BeraniPilih02", "#hoax02"; numberTagTerms). Returns [original start, end, terms] per such tag.
 */
export function nameTagsIn(registry: CompiledRegistry, original: string): Array<{ start: number; end: number; terms: RegistryTerm[] }> {
  const out: Array<{ start: number; end: number; terms: RegistryTerm[] }> = [];
  if (!original.includes('#')) return out;
  const index = nameTagIndex(registry);
  for (const m of original.matchAll(/(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{5,})/gu)) {
    const start = (m.index ?? 0) + (m[1] ?? '').length;
    const tag = m[2] ?? '';
    // tags repeat as written (#semangatpagi on every other post): the answer by the tag's own text
    // needs no normalise per tag (speed only; the body decides, and the same text gives the same body)
    let found = index.byTag.get(tag);
    if (found === undefined) {
      // not termKey: that memo is for the pack's terms, and a scan meets endless distinct tags
      const body = normalise(tag).text.replace(/[\s-]+/g, '');
      found = index.cache.get(body);
      if (found === undefined) {
        found = nameTagTerms(registry, index, body);
        // tags repeat (#PrabowoGibran2024 on every campaign post): each distinct body is judged once
        if (index.cache.size >= 50_000) index.cache.clear();
        index.cache.set(body, found);
      }
      if (index.byTag.size >= 50_000) index.byTag.clear();
      index.byTag.set(tag, found);
    }
    if (found) out.push({ start, end: start + 1 + tag.length, terms: found });
  }
  return out.some((t) => t.terms.some((term) => FORMULA_SIDED.has(term))) ? withoutStuffedSides(out, original, registry, index) : out;
}

/**
 * A formula tag's side holds only where no other tag of the text names another pair of its
 * election: "#AhokDjarot #AniesSandiMenang" under one post tags both camps for reach, and the
 * tags then say nothing of the writer's side (the words around them still may).
 */
function withoutStuffedSides(tags: Array<{ start: number; end: number; terms: RegistryTerm[] }>, original: string, registry: CompiledRegistry, index: NameTagIndex): Array<{ start: number; end: number; terms: RegistryTerm[] }> {
  const named: Array<{ start: number; pairs: Map<string, string> }> = [];
  for (const m of original.matchAll(/(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{2,})/gu)) {
    const body = normalise(m[2] ?? '').text.replace(/[\s-]+/g, '');
    const pairs = new Map<string, string>();
    for (const ordinal of nameFormsIn(index, body)) {
      for (const t of registry.nameForms.get(index.forms[ordinal] as string) ?? []) if (t.pair) pairs.set(`${t.election.id}\u0000${t.pair.id}`, t.election.id);
    }
    named.push({ start: (m.index ?? 0) + (m[1] ?? '').length, pairs });
  }
  return tags.map((tag) => {
    if (!tag.terms.some((t) => FORMULA_SIDED.has(t))) return tag;
    const stuffed = tag.terms.some((t) => named.some((n) => n.start !== tag.start && [...n.pairs].some(([key, election]) => election === t.election.id && key !== `${t.election.id}\u0000${t.pair?.id}`)));
    return stuffed ? { ...tag, terms: tag.terms.map((t) => (FORMULA_SIDED.has(t) ? (FORMULA_BARE.get(t) ?? t) : t)) } : tag;
  });
}

/** terms a formula tag gave its support (formulaTag), and the bare term each came from */
const FORMULA_SIDED = new WeakSet<RegistryTerm>();
const FORMULA_BARE = new WeakMap<RegistryTerm, RegistryTerm>();

/**
 * Name forms found in one tag body (nameFormsIn: with every Pilkada region loaded there are
 * ~15,000, and testing each with includes() for every hashtag of a batch was 15 % of a scan), in
 * the registry's own order so findings list candidates as before. null: not a name tag.
 */
function nameTagTerms(registry: CompiledRegistry, index: NameTagIndex, body: string): RegistryTerm[] | null {
  const hitForms = nameFormsIn(index, body);
  if (hitForms.size === 0) return numberTagTerms(registry, index, body) ?? sloganTagTerms(registry, index, body);
  const found: RegistryTerm[] = [];
  for (const ordinal of [...hitForms].sort((a, b) => a - b)) found.push(...(registry.nameForms.get(index.forms[ordinal] as string) ?? []));
  let rest = body;
  for (const form of registry.allNameForms) if (rest.includes(form)) rest = rest.split(form).join('');
  // what is left once names and numbers are taken out must be words of the writer's own
  // a year makes a campaign tag of a name (#Jokowi2019, #Anies2024); other words are the writer's own
  if (!(rest.replace(/[\d_]/g, '').length >= 3 || /20\d\d/.test(rest))) return null;
  return formulaTag(found, rest);
}

/**
 * A name or number tag whose own words are all words of the campaign-tag formula
 * (#PrabowoGibranMenang, #BadjaMenang, #AniesMenangDebat, #02MenangDebat: sloganRest) calls for or
 * settles on its pair, as the registry's campaign tags do: its terms carry the support. Only a tag
 * that names one pair per election ("#AniesPrabowoMenang" compares); any other word ("#Hoax…",
 * "#…Kalah", "#…Bohong") leaves the tag a bare mention, read by the words around it.
 */
function formulaTag(found: RegistryTerm[], rest: string): RegistryTerm[] {
  if (!sloganRest(rest.replace(/_/g, ''))) return found;
  const pairOf = new Map<string, string | undefined>();
  for (const t of found) {
    const seen = pairOf.get(t.election.id);
    if (pairOf.has(t.election.id) && seen !== t.pair?.id) return found;
    pairOf.set(t.election.id, t.pair?.id);
  }
  return found.map((t) => {
    if (t.stance) return t;
    const sided: RegistryTerm = { ...t, stance: 'support' };
    FORMULA_SIDED.add(sided);
    FORMULA_BARE.set(sided, t);
    return sided;
  });
}

/**
 * Tag bodies judged by testing every name form in turn before the automaton over all forms is
 * built. Building it costs ~100 ms (66,000 states with every Pilkada region), a tenth of a
 * one-item scan's start-up, and one body tested form by form well under a millisecond; a batch
 * meets thousands of distinct tags and builds it after its first few items.
 */
export const TAG_BODIES_BEFORE_AUTOMATON = 128;

/** Ordinals (in index.forms) of the name forms in a tag body: the same set by either path. */
function nameFormsIn(index: NameTagIndex, body: string): Set<number> {
  const hits = new Set<number>();
  if (!index.automaton && ++index.judged > TAG_BODIES_BEFORE_AUTOMATON && index.forms.length) {
    index.automaton = new AhoCorasick(index.forms.map((pattern, data) => ({ pattern, data })));
  }
  // a three-letter name (AHY, BTP) only at either end of the tag (#AHYforAll, #VoteAHY), never inside a word
  if (index.automaton) {
    index.automaton.scan(body, (ordinal, start, end) => {
      if ((index.forms[ordinal] as string).length > 3 || start === 0 || end === body.length) hits.add(ordinal);
    });
  } else {
    index.forms.forEach((form, ordinal) => {
      if (form.length > 3 ? body.includes(form) : form.length > 0 && (body.startsWith(form) || body.endsWith(form))) hits.add(ordinal);
    });
  }
  return hits;
}

// a ballot number written as campaigns write it in tags ("02", "01"), not inside a longer number (2019, 0212)
const PADDED_NUMBER = /(?<!\d)0[1-9](?!\d)/g;
// words that describe a ballot place, not a side: "#CalonPresidenNomorUrut02" is a share-button tag (RUBRIC: news)
const BALLOT_WORDS = ['calon', 'presiden', 'wakil', 'wapres', 'capres', 'cawapres', 'cagub', 'cawagub', 'cabup', 'cawabup', 'cawalkot', 'kandidat', 'paslon', 'pasangan', 'nomor', 'nomer', 'urut', 'no', 'debat', 'pilpres', 'pemilu', 'pilkada', 'pilgub', 'pilbup'].sort((a, b) => b.length - a.length);

/**
 * A tag that carries a pair's ballot number and words of the writer's own ("#BeraniPilih02",
 * "#02MenangDebat", "#hoax02"): the number names the pair as a name would ("#Jokowi2019" is a
 * name tag). One number only (two numbers compare pairs), and once names, the number and
 * ballot-place words are taken out, three letters must be left. The terms are the pairs of every
 * election with that number; the item's elections choose among them as for any mention.
 */
function numberTagTerms(registry: CompiledRegistry, index: NameTagIndex, body: string): RegistryTerm[] | null {
  const numbers = body.match(PADDED_NUMBER);
  if (!numbers || numbers.length !== 1) return null;
  let rest = body.replace(PADDED_NUMBER, ' ');
  for (const form of registry.allNameForms) if (rest.includes(form)) rest = rest.split(form).join(' ');
  for (const word of BALLOT_WORDS) rest = rest.split(word).join(' ');
  if (rest.replace(/[^a-z]/g, '').length < 3) return null;
  const n = Number(numbers[0]);
  if (!index.numberTerms) {
    index.numberTerms = new Map();
    for (const election of registry.elections) {
      for (const pair of election.pairs) {
        const term: RegistryTerm = { list: 'name_tags', election, pair, term: String(pair.number).padStart(2, '0') };
        index.numberTerms.set(pair.number, [...(index.numberTerms.get(pair.number) ?? []), term]);
      }
    }
  }
  const terms = index.numberTerms.get(n);
  if (!terms) return null;
  // the number's own words read as a name tag's: "#02MenangDebat" settles on 02, "#hoax02" does not
  let own = body.replace(PADDED_NUMBER, '');
  for (const form of registry.allNameForms) if (own.includes(form)) own = own.split(form).join('');
  return formulaTag(terms, own);
}

/**
 * The words of a campaign-tag formula, the closed class a tag made of a short name and nothing
 * else may hold. From the 2019 and 2024 campaign tags of shared/docs/domain.md §3.3 (#JokowiLagi,
 * #Jokowi2Periode, #2019TetapJokowi, #2019PrabowoPresiden, "Lanjutkan") and the ballot verbs and
 * win wishes of the pack's own lexicons (ajakan-memilih: pilih, coblos, dukung, menangkan;
 * harapan-menang: menang), with "for" (#AHYforAll, #AniesBaswedanForPresiden) and the settling
 * particles of lexicon pilihan-saja before "dulu" (#AMINajaDulu). Written as the tag runs them
 * together, lower case.
 */
const SLOGAN_TAG_WORDS = ['lagi', 'tetap', 'tetep', 'lanjut', 'lanjutkan', 'periode', 'presiden', 'wapres', 'gubernur', 'pilih', 'coblos', 'dukung', 'menang', 'menangkan', 'for', 'aja', 'saja', 'dulu', 'total', 'debat'];
/**
 * words of the class that say nothing by themselves ("#SandiDulu", "#AbahFor…" with the rest unread;
 * "total" and "debat" only as the win's complement: #JokowiMenangTotalDebat, #AniesMenangDebat);
 * "aja"/"saja" settle a choice (lexicon pilihan-saja: "02 aja")
 */
const SLOGAN_FILLERS = new Set(['dulu', 'for', 'total', 'debat']);

/** The tag body, once `form` is taken off one end, is whole words of the formula class (a number may stand for a term: "2periode"). */
function sloganRest(rest: string): boolean {
  const letters = rest.replace(/\d+/g, '');
  if (letters.length === 0) return false;
  // the longest words first at each place: "lanjutkan" before "lanjut"; a dead end backs off
  const ok = new Map<number, boolean>();
  let stance = false;
  const from = (i: number): boolean => {
    if (i === letters.length) return true;
    const known = ok.get(i);
    if (known !== undefined) return known;
    let found = false;
    for (const w of SLOGAN_TAG_WORDS) {
      if (letters.startsWith(w, i) && from(i + w.length)) {
        found = true;
        if (!SLOGAN_FILLERS.has(w)) stance = true;
        break;
      }
    }
    ok.set(i, found);
    return found;
  };
  return from(0) && stance;
}

/**
 * A tag made of a candidate's ambiguous short form (a pair name that is also a word: "amin",
 * "abah", "gibran") and the words of a campaign-tag formula — "#AMINajaDulu", "#AMINMenang",
 * "#TetapAMIN", "#GibranLagi": the formula makes a name of the short form, as a year does for a
 * firm name (#Jokowi2019). The short form stands at either end of the tag; the rest must be
 * formula words only ("#AminYaAllah", "#AMINdiJIS" stay no name tag).
 */
function sloganTagTerms(registry: CompiledRegistry, index: NameTagIndex, body: string): RegistryTerm[] | null {
  if (body.length < 6 || !/^[a-z0-9]+$/.test(body)) return null;
  index.ambiguousForms ??= ambiguousTagForms(registry);
  let found: RegistryTerm[] | null = null;
  for (const [form, terms] of index.ambiguousForms) {
    if (form.length >= body.length) continue;
    const rest = body.startsWith(form) ? body.slice(form.length) : body.endsWith(form) ? body.slice(0, body.length - form.length) : undefined;
    if (rest === undefined || !sloganRest(rest)) continue;
    found = [...(found ?? []), ...terms];
  }
  return found;
}

/**
 * The lists whose terms may carry a stance of their own (RegistryTerm.stance): a mocking nickname
 * and an attack topic attack their pair, a campaign hashtag supports it (or attacks, an attack
 * tag), a name tag with a formula word supports it. A term of any other list is a plain mention:
 * a pair_stance matcher's clean gate (pack.ts matcherGates) relies on it.
 */
export const STANCE_LISTS: ReadonlySet<RegistryList> = new Set<RegistryList>(['mocking', 'attack_topics', 'hashtags', 'name_tags']);

/** unspaced ambiguous forms of four letters or more, letters only, that are not formula words → their pairs as name tags */
function ambiguousTagForms(registry: CompiledRegistry): Map<string, RegistryTerm[]> {
  const out = new Map<string, RegistryTerm[]>();
  for (const [form, sources] of registry.ambiguousTagSources?.() ?? ambiguousTagSources(termsOfList(registry, 'ambiguous'))) {
    // every formula word calls for or settles on the pair: the tag supports it, as a campaign tag does
    out.set(
      form,
      sources.map((t) => ({ list: 'name_tags', election: t.election, pair: t.pair as RegistryPair, term: t.term, stance: 'support' })),
    );
  }
  return out;
}

/**
 * ambiguousTagForms' forms → the first ambiguous term of each pair with that form, in term order.
 * Normalising every ambiguous term is most of the cost (~0.1 s with every Pilkada region), so the
 * pack cache stores this (pack-snapshot.ts) and a restored registry gives it back.
 */
export function ambiguousTagSources(ambiguous: Iterable<RegistryTerm>): Map<string, RegistryTerm[]> {
  const out = new Map<string, RegistryTerm[]>();
  const formula = new Set(SLOGAN_TAG_WORDS);
  for (const t of ambiguous) {
    // a candidate's initials or clipped name (s51) is read only as written beside an honorific or in a pair form, never as a tag's whole name
    if (t.list !== 'ambiguous' || !t.pair || t.variant === 'initials' || t.variant === 'hypocorism') continue;
    const form = termKey(t.term);
    if (form.length < 4 || !/^[a-z]+$/.test(form) || formula.has(form)) continue;
    const list = out.get(form) ?? [];
    if (!list.some((o) => o.pair === t.pair)) list.push(t);
    out.set(form, list);
  }
  return out;
}

interface NameTagIndex {
  /** name forms in nameForms order; the automaton's data is the position here */
  forms: string[];
  /** over every form, built once TAG_BODIES_BEFORE_AUTOMATON bodies were judged without it */
  automaton?: AhoCorasick<number>;
  /** distinct tag bodies judged so far */
  judged: number;
  /** tag body → its name terms (null: not a name tag) */
  cache: Map<string, RegistryTerm[] | null>;
  /** the same by the tag as written (before normalise) */
  byTag: Map<string, RegistryTerm[] | null>;
  /** ballot number → the name-tag terms of every pair with that number (made on first use) */
  numberTerms?: Map<number, RegistryTerm[]>;
  /** ambiguous short forms → their pairs' name-tag terms (sloganTagTerms; made on first use) */
  ambiguousForms?: Map<string, RegistryTerm[]>;
}

const nameTagIndexes = new WeakMap<CompiledRegistry, NameTagIndex>();

/** Built on first use per registry (a pack that never sees a hashtag never builds it). */
function nameTagIndex(registry: CompiledRegistry): NameTagIndex {
  let index = nameTagIndexes.get(registry);
  if (!index) {
    index = { forms: [...registry.nameForms.keys()], judged: 0, cache: new Map(), byTag: new Map() };
    nameTagIndexes.set(registry, index);
  }
  return index;
}

/**
 * Clipped and vowel-dropped forms of every candidate's long single-word forms, as `names` terms
 * of that pair, and the index of their one-edit (misspelled) forms (editVariantTerms). A variant
 * that two pairs share, that equals any registry term, or that is a known word is left out.
 */
function nameVariantTerms(
  files: Array<{ file: RegistryFile }>,
  elections: Election[],
  terms: RegistryTerm[],
  knownWords: ReadonlySet<string>,
): { terms: RegistryTerm[]; edits: EditVariantIndex<{ election: Election; pair: RegistryPair }>; known: Set<string> } {
  const known = new Set(knownWords);
  // the words an ambiguous form's variant must not be: every term's but the names of another
  // Pilkada race. Their one-word forms are read only in their own region (evaluate.ts termInScope),
  // so a far candidate's surname ("Agustin" in Salatiga) must not take the clipped call name from
  // a candidate at home ("Mbak Agustin" for Agustina in Semarang)
  const knownBeyondRaces = new Set(knownWords);
  const raceNames = new Map<Election, Set<string>>();
  for (const t of terms) {
    const key = termKey(t.term);
    const words = termText(t.term).split(' ');
    known.add(key);
    for (const w of words) known.add(w);
    if (t.election.level !== 'pilpres' && RACE_NAME_LISTS.has(t.list)) {
      let own = raceNames.get(t.election);
      if (!own) raceNames.set(t.election, (own = new Set()));
      own.add(key);
      for (const w of words) own.add(w);
      continue;
    }
    knownBeyondRaces.add(key);
    for (const w of words) knownBeyondRaces.add(w);
  }
  // the dictionary's root words are words, not names, whatever the lexicons hold (asked, not copied in)
  const isKnown = { has: (w: string): boolean => known.has(w) || isRootWord(w) };
  // every term of an election, spaces dropped: a coinage equal to one is that term already
  const registryKeys = new Set(terms.map((t) => `${t.election.id}\u0000${termKey(t.term).replace(/[\s-]+/g, '')}`));
  const knownInRace = (election: Election) => ({ has: (w: string): boolean => knownBeyondRaces.has(w) || (raceNames.get(election)?.has(w) ?? false) || isRootWord(w) });
  const edits = new EditVariantIndex<{ election: Election; pair: RegistryPair }>();
  const byForm = new Map<string, RegistryTerm | null>();
  files.forEach(({ file }, i) => {
    const election = elections[i] as Election;
    for (const pair of file.pairs) {
      for (const person of pair.candidates) {
        for (const form of person.forms) {
          const word = termText(form);
          if (word.includes(' ')) continue;
          edits.add(word, { election, pair });
          for (const v of nameVariants(word, isKnown, { edits: false })) {
            // one variant, two pairs of one election: it names neither (another election's ballot is told apart by time)
            const key = `${election.id}\u0000${v.form}`;
            const earlier = byForm.get(key);
            if (earlier === undefined) byForm.set(key, { list: 'names', election, pair, term: v.form, variant: v.kind });
            else if (earlier && earlier.pair?.id !== pair.id) byForm.set(key, null);
          }
        }
        // a short form writers clip further ("Rahmawati" → "Bu Rahma", "Fauzi–Rahma") or spell the
        // Sundanese way ("Pa Pauji", "Kang Yusup"): the variant stays ambiguous, so it counts only
        // with other evidence (a running mate beside it, a campaign word); a clipping only
        // capitalised or in a hashtag
        const inRace = knownInRace(election);
        for (const form of person.ambiguous_forms) {
          const word = termText(form);
          if (word.includes(' ')) continue;
          for (const v of nameVariants(word, inRace, { edits: false, callClip: true })) {
            if (v.kind === 'consonants') continue;
            const key = `${election.id}\u0000ambiguous\u0000${v.form}`;
            const earlier = byForm.get(key);
            if (earlier === undefined) byForm.set(key, { list: 'ambiguous', election, pair, term: v.form, variant: v.kind });
            else if (earlier && earlier.pair?.id !== pair.id) byForm.set(key, null);
          }
        }
        // (s51) the short forms residents call a regional candidate by: the initials of the two
        // leading name words ("Ridwan Kamil" → RK) and the given name clipped to its first closed
        // syllable ("Pramono" → Pram, as in "Mas Pram"). Ambiguous, of their own race only
        // (termInScope), read only written as such (formStands: initials in capitals, a clip with
        // an honorific before it or in a pair form) and then confirmed by the post like any
        // one-word name; one that two pairs of a race share ("RK": Ridwan Kamil, Rano Karno) or
        // that is a word or another term names no one
        if (election.level !== 'pilpres') {
          const given = givenName(termText(person.name).split(' '));
          const short: Array<[string, NameVariantKind]> = [];
          const initials = candidateInitials(termText(person.name).split(' '), given);
          if (initials !== undefined) short.push([initials, 'initials']);
          for (const clip of given === undefined ? [] : callNameClips(given)) short.push([clip.text, 'hypocorism']);
          for (const [form, kind] of short) {
            if (isKnown.has(form) || isEverydayWord(form) || isCommonNameWord(form)) continue;
            const key = `${election.id}\u0000ambiguous\u0000${form}`;
            const earlier = byForm.get(key);
            if (earlier === undefined) byForm.set(key, { list: 'ambiguous', election, pair, term: form, variant: kind });
            else if (earlier && earlier.pair?.id !== pair.id) byForm.set(key, null);
          }
        }
      }
      // the pair's coined names ("AnHen", "BuDe", "AgustinIswar": coinages.ts): a made-up word is a
      // `coined` term, one that is also a word (a dictionary or lexicon word, another term) a
      // `blend`, read only where written with a capital at each piece (evaluate.ts formStands)
      const [first, second] = pair.candidates;
      if (pair.candidates.length === 2 && first && second) {
        for (const c of pairCoinages(personWords(first), personWords(second))) {
          const key = `${election.id}\u0000${c.form}`;
          const earlier = byForm.get(key);
          // the pair's own name already (a joined pair name): nothing to add
          if (registryKeys.has(`${election.id}\u0000${c.form}`)) continue;
          const variant: NameVariantKind = isKnown.has(c.form) ? 'blend' : 'coined';
          if (earlier === undefined) byForm.set(key, { list: 'pair_names', election, pair, term: c.form, variant });
          else if (earlier && earlier.pair?.id !== pair.id) byForm.set(key, null);
          // a hashtag written with a capital at each piece ("#RanHen") is split into its pieces by
          // the normaliser ("ran hen"): that spelling too, read only inside a hashtag (formStands)
          if (c.pieces[0].text.length < 2 || c.pieces[1].text.length < 2) continue;
          const spaced = `${c.pieces[0].text} ${c.pieces[1].text}`;
          const spacedKey = `${election.id}\u0000${spaced}`;
          const before = byForm.get(spacedKey);
          if (before === undefined) byForm.set(spacedKey, { list: 'pair_names', election, pair, term: spaced, variant });
          else if (before && before.pair?.id !== pair.id) byForm.set(spacedKey, null);
        }
      }
    }
  });
  return { terms: [...byForm.values()].filter((t): t is RegistryTerm => t !== null), edits, known };
}

/**
 * The candidate (index in its pair) whose initials or clipped given name a `initials` or
 * `hypocorism` term is (nameVariantTerms), recomputed from the ballot name as compiled; -1 otherwise.
 */
export function shortFormCandidate(term: RegistryTerm): number {
  if ((term.variant !== 'initials' && term.variant !== 'hypocorism') || !term.pair) return -1;
  return term.pair.candidates.findIndex((person) => {
    const words = termText(person.name).split(' ');
    const given = givenName(words);
    if (term.variant === 'initials') return candidateInitials(words, given) === term.term;
    return given !== undefined && callNameClips(given).some((c) => c.text === term.term);
  });
}

/** How a short form was made, for the finding: "Pram" (penggalan awal Pramono), "RK" (huruf awal Ridwan Kamil). */
export function shortFormDerivation(term: RegistryTerm): { id: string; en: string } | undefined {
  const at = shortFormCandidate(term);
  const person = term.pair?.candidates[at];
  if (!person) return undefined;
  const words = termText(person.name).split(' ');
  const given = givenName(words) ?? '';
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  if (term.variant === 'initials') {
    const long = words.filter((w) => /^[a-z]{3,}$/.test(w));
    const i = long.indexOf(given);
    const both = `${cap(long[i] ?? '')} ${cap(long[i + 1] ?? '')}`;
    return { id: `huruf awal ${both}`, en: `the initials of ${both}` };
  }
  const end = callNameClips(given).find((c) => c.text === term.term)?.end ?? 'first';
  if (end === 'head') return { id: `dua suku kata awal nama ${cap(given)}`, en: `the first two syllables of ${cap(given)}` };
  if (end === 'tail') return { id: `dua suku kata akhir nama ${cap(given)}`, en: `the last two syllables of ${cap(given)}` };
  return { id: `penggalan awal nama ${cap(given)}`, en: `${cap(given)} clipped to its first syllable` };
}

/** A pair's coinages by form, made once per pair (coinageOf). */
const PAIR_COINAGES = new WeakMap<RegistryPair, Map<string, Coinage>>();

/**
 * How a coined pair name (variant `coined` or `blend`) was made from its pair's names: the same
 * derivation the registry compiled it from (pairCoinages), so a finding can say it and the matcher
 * knows where its pieces join. Undefined for any other term.
 */
export function coinageOf(term: RegistryTerm): Coinage | undefined {
  if ((term.variant !== 'coined' && term.variant !== 'blend') || !term.pair) return undefined;
  const pair = term.pair;
  let forms = PAIR_COINAGES.get(pair);
  if (!forms) {
    const [first, second] = pair.candidates;
    forms = new Map(first && second ? pairCoinages(personWords(first), personWords(second)).map((c) => [c.form, c]) : []);
    PAIR_COINAGES.set(pair, forms);
  }
  return forms.get(term.term.replace(/ /g, ''));
}

/**
 * The lists a Pilkada race makes of its candidates' names: their one-word names are read only in the
 * race's region (evaluate.ts termInScope), and a word of a longer term ("agustin" of "nina agustin",
 * of the camp word "agustin lovers") is a name there only with the other words.
 */
const RACE_NAME_LISTS: ReadonlySet<string> = new Set(['names', 'ambiguous', 'pair_names', 'camps']);

/**
 * The single words a candidate is called by, for blends: the given name ("Budi Hartono" → budi;
 * "Abdul Muhaimin Iskandar" → muhaimin, past the particle) and the one-word forms the registry
 * lists apart from the full name (short names and nicknames: jokowi, sandi, bowo). The other words
 * of the full name (a surname, a middle name: "baswedan", "tjahaja", "subianto") are not what a
 * pair's blend is built from; blending them only filled the automaton ("bamu", "tjadja", "susa").
 */
export function personWords(person: RegistryPair['candidates'][number]): string[] {
  const nameWords = termText(person.name).split(' ');
  const words = new Set<string>();
  const given = givenName(nameWords);
  if (given !== undefined && /^[a-z]{3,}$/.test(given)) words.add(given);
  const inName = new Set(nameWords);
  for (const form of [...person.forms, ...person.ambiguous_forms]) {
    const word = termText(form);
    if (!word.includes(' ') && /^[a-z]{3,}$/.test(word) && !inName.has(word)) words.add(word);
  }
  return [...words];
}

/**
 * Every searchable form of a pair, by list. Multi-word names also get their joined form (hashtags).
 * A pair with an incumbent also owns the second-term words (`words.secondTerm`) as a slogan and the
 * words for the one in office (`words.incumbent`) as ambiguous names.
 */
export function pairTerms(pair: RegistryPair, level?: string, words: RegistryWords = {}, ballot: readonly number[] = []): Array<[RegistryList, string[]]> {
  const nicknames = pair.candidates.flatMap((c) => c.nicknames);
  const names = withJoined([...pair.candidates.flatMap((c) => [c.name, ...c.forms]), ...nicknames.filter((n) => !n.ambiguous).map((n) => n.form)]);
  const pairNames = withJoined(pair.pair_names);
  // the word for "the one in office" names the candidate who runs again (lexicon sebutan-petahana):
  // ambiguous, as "presiden ri" is, so it names him only beside an insult, a call or a verdict the rules ask for
  const incumbentWords = pair.candidates.some((c) => c.incumbent) ? (words.incumbent ?? []) : [];
  const ambiguous = withJoined([...pair.candidates.flatMap((c) => c.ambiguous_forms), ...nicknames.filter((n) => n.ambiguous).map((n) => n.form), ...pair.ambiguous_pair_names, ...incumbentWords]);
  // #AHY or #AniesSandi only names the candidate: it is a name, not a campaign tag like #PrabowoGibran2024
  const nameKeys = new Set([...names, ...pairNames, ...ambiguous].map(termKey));
  const campaignTags = [...pair.hashtags, ...pair.attack_hashtags].filter((h) => !nameKeys.has(termKey(h)));
  return [
    ['names', names],
    ['pair_names', pairNames],
    ['ambiguous', ambiguous],
    // a mocking nickname attacks the pair on its own (RUBRIC: "wowo", "plonga-plongo")
    ['mocking', withJoined(nicknames.filter((n) => n.tone === 'mocking').map((n) => n.form))],
    ['hashtags', withJoined(campaignTags.map((h) => `#${h.replace(/^#/, '')}`))],
    ['slogans', [...pair.slogans, ...(pair.candidates.some((c) => c.incumbent) ? (words.secondTerm ?? []) : [])]],
    ['parties', pair.parties],
    ['hand_signs', [...pair.hand_signs, ...pair.hand_sign_phrases]],
    ['numbers', [...numberForms(pair.number), ...ballotPositionForms(pair.number, ballot)]],
    ['accounts', pair.accounts.flatMap(accountForms)],
    ['teams', withJoined(pair.teams)],
    // argued topics of the attacks on this pair: an attack only beside the pair's own mention
    ['attack_topics', withJoined(pair.attack_topics)],
    // the camp words made from the names (presidents' and governors' races), and the supporters'
    // nicknames the registry gives for the election (any level: they are data, not generated)
    ['camps', withJoined([...(level !== undefined && CAMP_LEVELS.has(level) ? campForms(pair) : []), ...pair.supporter_nicknames])],
    ['offices', officeTerms(pair, level)],
  ];
}

/**
 * The words for the office an election fills, by level and place on the ticket (the candidate
 * first, the running mate second), as UU 7/2017 and UU 10/2016 name them, with the ballot roles
 * built on them (capres, cagub …) and their everyday short forms.
 */
const OFFICE_WORDS: Record<string, { held: readonly string[][]; role: readonly string[][] }> = {
  pilpres: { held: [['presiden'], ['wapres', 'wakil presiden']], role: [['capres', 'calon presiden'], ['cawapres', 'calon wakil presiden']] },
  pilgub: { held: [['gubernur'], ['wagub', 'wakil gubernur']], role: [['cagub', 'calon gubernur'], ['cawagub', 'calon wakil gubernur']] },
  pilbup: { held: [['bupati'], ['wabup', 'wakil bupati']], role: [['cabup', 'calon bupati'], ['cawabup', 'calon wakil bupati']] },
  pilwalkot: { held: [['wali kota', 'walikota'], ['wawali', 'wakil wali kota']], role: [['cawalkot', 'calon wali kota', 'calon walikota'], ['cawawalkot', 'calon wakil wali kota']] },
};

/**
 * A pair named by office or role instead of name (the brief's role resolver): the office the
 * election fills, said of the candidate who holds it and runs again (`incumbent`: "presiden" in
 * Pilpres 2019 is Jokowi, "gubernur" in Pilkada DKI 2017 is Ahok), the offices the registry lists
 * a candidate holding in the watch window ("menhan"), and the ballot role with the pair's number
 * ("cawapres 02", "calon gubernur nomor 2": the running mate of that number). Region-scoped like
 * the numbers: a regional incumbent's "bupati" is only the subject's own regent. Which of them a
 * rule reads, and with what other evidence, is the rule's choice; an office word after a word that
 * makes it another office ("calon presiden", "mantan gubernur") is dropped at match time
 * (evaluate.ts officeHeld).
 */
function officeTerms(pair: RegistryPair, level: string | undefined): string[] {
  const words = level === undefined ? undefined : OFFICE_WORDS[level];
  const out = new Set<string>();
  pair.candidates.forEach((c, i) => {
    for (const office of c.offices) out.add(office);
    if (!words) return;
    if (c.incumbent) for (const w of words.held[i] ?? []) out.add(w);
    for (const role of words.role[i] ?? []) {
      for (const n of [String(pair.number), String(pair.number).padStart(2, '0')]) {
        for (const cue of ['', 'nomor ', 'nomor urut ']) out.add(`${role} ${cue}${n}`);
      }
    }
  });
  return [...out];
}

/** A term's identity regardless of spacing and '#': "#AniesSandi" ≡ "anies sandi" ≡ "aniessandi". */
export function termKey(term: string): string {
  return termText(term.replace(/^#/, '')).replace(/[\s-]+/g, '');
}

/**
 * "prabowo gibran" also as "prabowogibran": lower-case hashtags are not split by the normaliser.
 * A joined form with digits is also kept as a lower-case tag reads once normalised: the
 * normaliser splits a tag at letter/digit boundaries only, so "#2019gantipresiden" reads
 * "2019 gantipresiden" and "#pilih01bajuputih" "pilih 01 bajuputih".
 */
function withJoined(values: string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    out.add(v);
    const n = termText(v);
    if (!/\s/.test(n)) continue;
    const joined = n.replace(/[\s-]+/g, '');
    out.add(joined);
    if (/\d/.test(joined)) out.add(termText(`#${joined}`));
  }
  return [...out];
}

/** How a ballot number is written: "nomor 2", "no urut 2", "paslon 02", "02", "#02", 2️⃣ (→ "02"). */
export function numberForms(n: number): string[] {
  const plain = String(n);
  const padded = plain.padStart(2, '0');
  // "coblos 1": the ballot verbs make a bare digit a ballot number too, and so does "in any case"
  // (pokoknya; Javanese pokoke, Betawi pokoknye, Sundanese pokokna: "Pokoknye 2 😆"); a spelled
  // numeral after either reaches these forms through normalise (BALLOT_CUES: "coblos telu" → "coblos 3")
  const cues = ['nomor', 'nomor urut', 'urut', 'paslon', 'paslon nomor', 'capres', 'cagub', 'cabup', 'cawalkot', 'calon nomor', 'coblos', 'nyoblos', 'mencoblos', 'tusuk', 'contreng', 'nyontreng', 'coblosen', 'pokoknya', 'pokoke', 'pokoknye', 'pokokna'];
  const forms = new Set<string>([padded]);
  for (const cue of cues) {
    forms.add(`${cue} ${plain}`);
    forms.add(`${cue} ${padded}`);
  }
  return [...forms];
}

/** The ballot numbers of an election's pairs, in the order the ballot paper prints them (left to right). */
export function ballotOf(pairs: ReadonlyArray<Pick<RegistryPair, 'number'>>): number[] {
  return [...new Set(pairs.map((p) => p.number))].sort((a, b) => a - b);
}

// The ballot paper prints the pairs in ballot-number order from left to right (KPU's ballot
// design: Pilpres 2019 01 | 02, Pilpres 2024 and Pilkada DKI 2017 1 | 2 | 3), so a voter who
// will not write the number says where to punch: "coblos yang paling kiri", "nyoblos yg paling
// kanan". Only after a ballot verb: "paling kanan" alone is a political position, not a pair.
const BALLOT_VERBS = ['coblos', 'nyoblos', 'mencoblos', 'contreng'];
// "paling kiri", "di kiri": 16 forms a pair (every KPU Pilkada region loaded: ~1,600 pairs, about
// 26,000 terms beside ~82,000); "sebelah kiri" would add half as many again for a rarer phrasing
const BALLOT_PLACES = ['paling', 'di'];

/**
 * "coblos yang paling kiri" → the first pair on the ballot, "… paling kanan" → the last, "… di
 * tengah" → the middle one of three. Made from the election's own pairs (`ballot`, from
 * `ballotOf`), never for a ballot of one pair (the empty box has no fixed side).
 */
export function ballotPositionForms(n: number, ballot: readonly number[]): string[] {
  if (ballot.length < 2) return [];
  const sides: string[] = [];
  if (n === ballot[0]) sides.push('kiri');
  if (n === ballot[ballot.length - 1]) sides.push('kanan');
  if (ballot.length === 3 && n === ballot[1]) sides.push('tengah');
  const out: string[] = [];
  for (const verb of BALLOT_VERBS) {
    for (const side of sides) {
      for (const place of BALLOT_PLACES) {
        out.push(`${verb} ${place} ${side}`, `${verb} yang ${place} ${side}`);
      }
    }
  }
  return out;
}

function accountForms(a: RegistryPair['accounts'][number]): string[] {
  const forms: string[] = [];
  if (a.name) forms.push(a.name);
  if (a.handle) {
    const handle = a.handle.replace(/^@/, '');
    forms.push(`@${handle}`);
    // written without its "@" (a caption crossposted from Instagram loses it: "untuk pak basukibtp"),
    // with or without the separator; only a handle that is not a plain word ("jokowi" is a name already)
    if (/[_.\d]/.test(handle) && handle.length >= 6) forms.push(handle.toLowerCase(), handle.toLowerCase().replace(/[_.]/g, ''));
  }
  if (a.url) forms.push(urlForm(a.url));
  return forms;
}

/** A profile URL without scheme and "www."/"m.", lower-case: "facebook.com/prabowosubianto". */
export function urlForm(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^(www\.|m\.|mobile\.|web\.)/, '')
    .replace(/\/+$/, '');
}

/** Elections an item of this time belongs to (all of them when the time is unknown). */
export function electionsAt(registry: CompiledRegistry, time: string | undefined): Election[] {
  if (!time) return registry.elections;
  const t = Date.parse(time);
  if (Number.isNaN(t)) return registry.elections;
  return registry.elections.filter((e) => t >= e.watchFrom && t <= e.watchUntil);
}

/**
 * electionsAt as a set, shared by every item of the same stretch of time: which elections are in
 * force changes only at a watch window's first or last day, so the sets are made once per stretch
 * between those days (an item used to build a set of every Pilkada region's elections).
 */
export function electionsInForce(registry: CompiledRegistry, time: string | undefined): ReadonlySet<Election> {
  let periods = PERIODS.get(registry);
  if (!periods) {
    const bounds = [...new Set(registry.elections.flatMap((e) => [e.watchFrom, e.watchUntil + 1]))].sort((a, b) => a - b);
    periods = { bounds, sets: new Map() };
    PERIODS.set(registry, periods);
  }
  const t = time ? Date.parse(time) : NaN;
  // -1: no time (every election); else the number of bounds at or before t
  let k = -1;
  if (!Number.isNaN(t)) {
    let lo = 0;
    let hi = periods.bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((periods.bounds[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    k = lo;
  }
  let set = periods.sets.get(k);
  if (!set) {
    set = new Set(electionsAt(registry, time));
    periods.sets.set(k, set);
  }
  return set;
}
const PERIODS = new WeakMap<CompiledRegistry, { bounds: number[]; sets: Map<number, ReadonlySet<Election>> }>();

/**
 * Does this election's ballot apply to a subject in `region`? Pilpres applies everywhere; a
 * Pilkada only in its own region (province code prefixes its regencies: "32" covers "3204").
 */
export function electionCoversRegion(e: Election, region: string | undefined): boolean {
  if (e.level === 'pilpres') return true;
  if (!region) return false;
  return regionCodeCovers(e.regionCode, region);
}

/** Does a race held in `raceCode` cover a subject of `region`? A province's code prefixes its regencies' codes. */
export function regionCodeCovers(raceCode: string, region: string): boolean {
  return region.startsWith(raceCode);
}

/**
 * Another number written on from this one: a date, a time, a decimal, a list ("02/12", "02:30",
 * "02.5", "nomor 1, 2 dan 3", "02 12 2024"). Not a comma and a count of something after it ("8 orang
 * sudah 01, 2 orang belum"): the count opens the next clause, and this number stands alone.
 */
function digitsFollow(text: string, end: number): boolean {
  if (!/^\s*[/:.,\-]?\s*\d/.test(text.slice(end, end + 6))) return false;
  const count = /^\s*,\s+\d+/.exec(text.slice(end, end + 12));
  return !(count && followedByUnit(text.slice(end + count[0].length, end + count[0].length + 16)));
}

/**
 * A bare "02" is a ballot number only when nothing says it is something else: RT/RW, dates,
 * times, scores, ranks, floors, classes, phone numbers.
 */
export function plausibleBallotNumber(text: string, start: number, end: number): boolean {
  if (inQueueClause(text, start, end) || inContestSentence(text, start, end)) return false;
  // a ballot phrase ("coblos 1", "nomor 3", numberForms) counts only as its number does: "coblos
  // 1 kali saja" counts the votes, "No 3 Tahun 2016" numbers a letter, "meja nomor 1" a table
  const phrase = /^(\p{L}+(?:\s+\p{L}+)*)\s+(\d+)$/u.exec(text.slice(start, end));
  if (phrase) {
    // "nomor 3 hari Sabtu" names the day of the pair's event, it counts no days
    const weekday = /^\s*hari\s+(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b/u.test(text.slice(end, end + 16));
    if (digitsFollow(text, end) || (followedByUnit(text.slice(end, end + 16)) && !weekday)) return false;
    // only the bare noun "nomor"/"no" takes an owner, and only the noun right before it ("meja
    // nomor 1"; not "ke nomor 3", "warga desa, nomor 3"); "coblos 3", "nomor urut 3" are ballot words themselves
    if (!/^(?:nomor|nomer|no)$/.test(phrase[1] ?? '')) return true;
    const owner = /(\p{L}+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? '';
    return owner === 'ke' || !NOT_BALLOT_BEFORE.has(owner);
  }
  const before = text.slice(Math.max(0, start - 24), start);
  if (/[/:.,\-]\s*$/.test(before) && /\d\s*[/:.,\-]\s*$/.test(before)) return false; // 01/02, 10.02
  if (digitsFollow(text, end)) return false; // 02/12, 02:30, 02.5, "02 12 2024" (dashes became spaces)
  if (/\d\s*$/.test(before)) return false; // "2024 02", phone numbers
  const previousWord = /([\p{L}]+)\W*$/u.exec(before)?.[1] ?? '';
  // a campaign team or the pair's supporters named right before a zero-padded number own it, the
  // way ballot numbers are written ("jalan sehat tim pemenangan 02 Minggu esuk" is the pair's team on
  // Sunday, not two weeks; "relawan 3 orang" still counts people)
  if (CAMPAIGN_OWNER.has(previousWord) && /[ \t]$/.test(before) && /^0\d$/.test(text.slice(start, end))) return true;
  if (followedByUnit(text.slice(end, end + 16))) return false; // prices, amounts, distances, durations: "45 km", "2 jam"
  // "ke" before a number makes an ordinal ("ke 3", the third: KBBI ke-), which is never written
  // with a leading zero; "ke 03" goes to the ballot number, written the way the KPU writes it
  // ("kita satu seksi ke 03 semua", "gue pindah ke 01"). Not a range ("RT 01 ke 03")
  if (previousWord === 'ke') return /^0\d$/.test(text.slice(start, end)) && !/\d\s*ke\s*$/u.test(before);
  return !NOT_BALLOT_BEFORE.has(previousWord);
}

/**
 * A queue ticket: the number's clause speaks of a queue ("Nomor 2 antrian poli gigi", "antrian
 * puskesmas dapet nomor 2"). A queue hands out numbers the way a ballot does; the noun (KBBI
 * antrean, the everyday antrian, with -nya) says which. Only the noun: the verb "antri di TPS"
 * queues to vote, and "nomor urut" is the ballot's own word.
 */
const QUEUE_NOUN = /(?:^|[^\p{L}])(?:antrian|antrean)(?:nya)?(?![\p{L}])/u;
function inQueueClause(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 60);
  const before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf(','), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf(';'), before.lastIndexOf('\n'));
  const after = text.slice(end, end + 40);
  const stop = after.search(/[.,!?;\n]/u);
  const clause = `${before.slice(cut + 1)}${text.slice(start, end)}${stop < 0 ? after : after.slice(0, stop)}`;
  return QUEUE_NOUN.test(clause) && !/\burut\b/u.test(clause);
}

/**
 * A contest's number: the number's sentence speaks of a contest ("Lomba cerdas cermat guru tingkat
 * kota, tim GTK dapek nomor urut 1. Doakan yo"), whose entrants draw places and numbers the way a
 * ballot does (KBBI lomba, perlombaan, pertandingan, turnamen, kejuaraan, olimpiade; the school quiz
 * cerdas cermat; Sundanese and Javanese lomba; a bib or a shirt number, nomor peserta, nomor punggung,
 * nomor dada). The sentence, not the clause: the contest is often named before a comma and the draw
 * after it. A figurative "lomba" ("kayak lomba senyum") names no number and is not read here.
 */
const CONTEST_NOUN = /(?:^|[^\p{L}])(?:lomba|perlombaan|pertandingan|turnamen|kejuaraan|olimpiade|cerdas\s+cermat|nomor\s+peserta|nomor\s+punggung|nomor\s+dada)(?![\p{L}])/u;
function inContestSentence(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
  const after = text.slice(end, end + 120);
  const stop = after.search(/[.!?\n]/u);
  return CONTEST_NOUN.test(`${before.slice(cut + 1)} ${stop < 0 ? after : after.slice(0, stop)}`);
}

/**
 * The nouns of a pair's campaign organisation and following right before a bare number ("tim
 * pemenangan 02", "timses 01", "relawan 03", "pendukung 02", "kubu 01"): the campaign bodies UU
 * 7/2017 Pasal 269 and UU 10/2016 Pasal 65 name (tim kampanye, tim pemenangan), their everyday short
 * form (timses) and volunteers, supporters and camps (KBBI relawan, pendukung, kubu).
 * "tim 02" alone stays a work team (NOT_BALLOT_BEFORE).
 */
const CAMPAIGN_OWNER: ReadonlySet<string> = new Set(['pemenangan', 'timses', 'relawan', 'pendukung', 'simpatisan', 'kubu']);

/** Words before a number that make it something other than a ballot number (made once, not per number). */
const NOT_BALLOT_BEFORE: ReadonlySet<string> = new Set([
  'rt', 'rw', 'kelas', 'lantai', 'juara', 'peringkat', 'ranking', 'jam', 'pukul', 'tanggal', 'tgl', 'hari', 'bulan',
  'tahun', 'ke', 'halaman', 'hal', 'pasal', 'ayat', 'blok', 'gang', 'gg', 'jalan', 'jl', 'kamar', 'ruang', 'gedung',
  'kompi', 'regu', 'tim', 'grup', 'sesi', 'episode', 'eps', 'part', 'season', 'babak', 'skor', 'menit', 'detik',
  'umur', 'usia', 'anak', 'dusun', 'desa', 'hp', 'wa', 'telp', 'telepon', 'rumah', 'kavling', 'kav', 'lot',
  'pos', 'gerbang', 'pintu', 'loket', 'meja', 'antrian', 'antrean', 'tps',
  // seats and vehicles carry a number of their own ("bus nomor 3", "kursi nomor 2")
  'bus', 'bis', 'angkot', 'gerbong', 'kursi', 'bangku', 'loker', 'surat',
]);
