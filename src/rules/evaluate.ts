// The engine: evaluate(item) → Finding[]. Pure: no I/O, no clock, no globals.
import type { WorkplaceReading } from '../model/workplace-reading.js';
import type { CandidateRef, CandidateStance, Finding, Span, SpanField, Track } from '../model/finding.js';
import type { SideBy } from '../model/finding-types.js';
import { findingId } from '../model/finding.js';
import { activityTime, ensureItemId, type Item } from '../model/item.js';
import { fieldTexts } from '../model/field-texts.js';
import { endsWord, normalise, normalisedText, numberWordValue, startsWord, toOriginal, type NormalisedText } from '../text/normalise.js';
import { sayVerbs } from '../text/reported-speech.js';
import { allSet, type TermGate, type TermHit } from '../text/matcher.js';
import { cheapFirst, conditionNames, evaluateCondition, supportingNames, type Condition } from './condition.js';
import { isToneCue } from '../text/particles.js';
import { formatZonedShort, zoneOfRegion, type TimeZone } from '../model/region-time.js';
import { namesakeDenied } from './namesake-denial.js';
import { coinageOf, shortFormCandidate, shortFormDerivation, electionCoversRegion, electionsInForce, editVariantTerms, nameTagsIn, plausibleBallotNumber, voteAhead, type CompiledRegistry, type Election, type RegistryTerm } from './registry.js';
import { handleScope, piecesText, readHandles, type HandleReading, type HandleScope } from './handle-reader.js';
import { halfDerivation, pairHalfIndex, pairsOfHalves } from './pair-halves.js';
import type { RegistryPair } from './registry-schema.js';
import { ACT_TYPES, COMPARATIVE_LEXICON, ENGINE_LEXICONS, MATCHER_COST, matcherRegex, REGION_SCOPED, spanFieldBit, venueAddressed, type CompiledException, type CompiledMatcher, type CompiledRule, type HandleWords, type MatcherGate, type RulePack, type TermOwner } from './pack.js';
import { candidateNames, renderExplanation } from './explain.js';
import { DEFAULT_LIMITS, textWindows, type Limits } from '../limits.js';
import { clippedFormMarked, regionalSpelling } from './name-variants.js';
import { ownersInForce, variantOwners } from './owner-lists.js';
import { capitalsRead, coinageDerivation, coinageInTag, coinageMarked, mentionRead } from './coinages.js';
import { isEverydayWord } from '../registry/dictionary.js';
import { isDistinctive } from '../registry/person-name.js';
import { allHonorificWords } from '../registry/honorifics.js';
import { maskText, type MaskedText, type StanceScore } from './stance-model.js';
import { isHeadlineShaped, isLedeShaped } from '../text/headline.js';
import { readQuoteReaction, readReply, type ReplyReading } from './reply-act.js';
import { reduplicated } from '../text/reduplication.js';
import { regexSpans, utf8Text, type Utf8Text } from '../text/utf8-regex.js';
import { wordsOf, type TextWord } from '../text/words.js';
import { nameWords } from '../text/name-words.js';
import { namedKinds, selectByBallotTime, selectByKind, type ElectionKind } from './election-kind.js';
import { type ContextPatterns } from './context-patterns.js';
import { aloneInClauseAt, balancedStance, IRONY_EMOJI, belittledAt, choiceAt, concededAt, contrastedWith, deniedAt, exclaimedAt, groupListedMentions, mixedStance, negatedAcross, negatedAt, nextBreak, pairStances, prohibitedAt, prohibitedWithin, questionedAt, justChosenAt, tallyChoiceAt, writerChoiceAt, reportedAt, oneSentenceBreakIn, sentenceBreakIn, settledAt, subjectOver, takenStance, tenureEndedAt, winAt, wordBefore, type ChoiceWords, type CueHit, type StanceGrammar, type TenureWords, type StanceHit } from './stance.js';

export interface EvalContext {
  /** region code of the subject (KPU/Kemendagri: "32", "3273"); selects Pilkada ballots */
  region?: string;
  /** texts longer than limits.textWindow are matched in overlapping windows (DEFAULT_LIMITS when absent) */
  limits?: Pick<Limits, 'textWindow' | 'textWindowOverlap'>;
  /**
   * Earlier messages of the same chat this one may lean on, most relevant first: the message it
   * replies to, else the ones just before it (pipeline/chat-context.ts). Only context: the
   * finding stays with the item's own sender.
   */
  thread?: readonly ThreadMessage[];
  /** names of chats/groups the subject record or the analyst marks as workplace groups */
  workplaceGroups?: readonly string[];
  /** the item's chat read as a workplace group from what its members talk about (pipeline/chat-workplace.ts) */
  workplaceChat?: WorkplaceReading;
}

export interface ThreadMessage {
  item: Item;
  /**
   * 'reply': the item answers it (Telegram reply_to); 'window': it came just before, shortly
   * before; 'chat': earlier in the same chat, read only for the candidates it names (a short name
   * of one of them in this message is that candidate: chatNamedHits)
   */
  via: 'reply' | 'window' | 'chat';
}

/** One occurrence of a matcher in one field string. */
export interface MatchHit {
  field: SpanField;
  index: number;
  /** normalised offsets */
  start: number;
  end: number;
  /** which window of a long field string (0 for all others) */
  window?: number;
  /** registry term behind the hit, if any */
  term?: RegistryTerm;
  /** a stance model's score, on the hits of a stance_model matcher */
  score?: number;
  /**
   * a partner of a one-word `near` clause right after its word ("02 wae", "Budi-Dewi aja"): a chat
   * particle there is what the clause reads, so the finding shows it (isToneCue drops the others)
   */
  bound?: true;
}

/** One field string of the item, normalised once, with its term hits from the one matcher pass. */
interface FieldText {
  field: SpanField;
  index: number;
  /** window number and where the window starts in the field string (a long text is matched in windows) */
  window: number;
  base: number;
  norm: NormalisedText;
  hits: TermHit<TermOwner>[];
  /** the pack's context regexes (RulePack.contextPatterns) */
  patterns: ContextPatterns;
  /** word index of each normalised offset (for `near`), computed on demand */
  wordAt?: Int32Array;
  /** the hits of each rule/exception matcher ("rule:3:ajakan"), built on first use */
  byMatcher?: Map<string, TermHit<TermOwner>[]>;
  /** registry terms found in the field for the elections in force, built on first use */
  registryHits?: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }>;
  /** the same without region-scoped terms (numbers, hand signs) of elections outside the subject's region, built on first use */
  regionalHits?: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }>;
  /** the pairs the earlier messages of the chat name firmly, each with the newest message naming it (computed on first use; absent outside a chat) */
  chatNamed?: (pair: RegistryPair) => ThreadMessage | undefined;
  /** the item's time (epoch ms; NaN when it has none); absent in the clean gate, which asks for a superset */
  time?: number;
  /** the names read inside the field's account names (handle_names), made on first use */
  handleReadings?: HandleReading[];
  /** the normalised text's UTF-8 bytes for the regex matchers (utf8-regex.ts), made on first use */
  utf8?: Utf8Text;
}

/**
 * Does a registry term's hit stand as a reference where it was found: a clipped or blended name
 * form only where it is marked as one, an office word only where it is the office held now
 * (officeHeld). Shared by registryHitsOf and regionalHitsOf, which must keep the same entries.
 */
function formStands(f: FieldText, hit: TermHit<TermOwner>, term: RegistryTerm): boolean {
  if (term.variant === 'clipped') return clippedFormMarked(f.norm, hit.start, hit.inHashtag);
  if (term.variant === 'blend' || term.variant === 'coined') return coinedFormMarked(f, hit, term);
  if (term.variant === 'initials' || term.variant === 'hypocorism') return shortFormMarked(f.norm, hit, term);
  if (NAMED_LISTS.has(term.list) && namesake(f.norm, hit.start, hit.end, f.patterns)) return false;
  // (s49) a nickname that is an everyday adjective, with a degree adverb right after it, is the
  // adjective there ("gemoy banget kucingmu"): a name takes no degree
  if (term.list === 'ambiguous' && !hit.inHashtag && wordNickname(term) && f.patterns.degreeAfter.test(f.norm.text.slice(hit.end, hit.end + 16))) return false;
  return term.list !== 'offices' || numberedRole(term) || officeHeld(f.norm.text, hit.start, hit.end, f.patterns);
}

/** A pair's coinage written as a name (coinages.ts coinageMarked): a `blend` (also a word) only with a capital at each piece. */
function coinedFormMarked(f: FieldText, hit: TermHit<TermOwner>, term: RegistryTerm): boolean {
  const c = coinageOf(term);
  if (c === undefined) return false;
  if (term.list === 'name_tags') return coinageInTag(writtenAt(f.norm, hit.start, hit.end), c, term.variant === 'blend');
  // the pieces apart ("ran hen"): a hashtag the normaliser split at its capitals ("#RanHen")
  if (term.term.includes(' ')) return hit.inHashtag && coinageInTag(writtenAt(f.norm, hit.start, hit.end), c, true);
  const wordLike = term.variant === 'blend';
  return coinageMarked(f.norm, hit.start, hit.end, c.pieces[0].text.length, hit.inHashtag, wordLike, capitalsRead(c, wordLike), mentionRead(c));
}

/**
 * (s51) A candidate's initials or clipped given name written as one (registry.ts nameVariantTerms):
 * the initials only in capitals ("RK", not "rk" or "Rk"); the clip capitalised after an honorific
 * ("Mas Pram", "Pak Dhar"). A post must still confirm it as it confirms any one-word name. A clip
 * in a dash or hashtag pair form ("Pram-Doel", "#PramDoel") is read by pairHalfHits, never alone.
 */
function shortFormMarked(norm: NormalisedText, hit: TermHit<TermOwner>, term: RegistryTerm): boolean {
  const o = toOriginal(norm, hit.start, hit.end);
  const written = norm.original.slice(o.start, o.end);
  if (written.length !== hit.end - hit.start) return false;
  if (term.variant === 'initials') return /^\p{Lu}+$/u.test(written) && !/\p{L}/u.test(norm.original[o.end] ?? '') && !/\p{L}/u.test(norm.original[o.start - 1] ?? '');
  // alone, only after an honorific; in a dash or hashtag pair form pairHalfHits reads it
  if (!/^\p{Lu}\p{Ll}+$/u.test(written) || hit.inHashtag) return false;
  const before = /([\p{L}]+)\.?\s+$/u.exec(norm.original.slice(Math.max(0, o.start - 12), o.start));
  return before !== null && allHonorificWords().has((before[1] ?? '').toLowerCase());
}

/** wordNickname per term: the answer is the registry's, the same for every hit (terms live as long as the pack). */
const WORD_NICKNAME = new WeakMap<RegistryTerm, boolean>();

/** An ambiguous nickname the registry gives a candidate ("abah", "gemoy"), not a short form of the name. */
function wordNickname(term: RegistryTerm): boolean {
  let known = WORD_NICKNAME.get(term);
  if (known === undefined) {
    known = term.pair?.candidates.some((c) => c.nicknames.some((n) => n.ambiguous && n.form.toLowerCase() === term.term)) ?? false;
    WORD_NICKNAME.set(term, known);
  }
  return known;
}

/** The lists that hold a person's own name (a namesake can carry any of them). */
const NAMED_LISTS: ReadonlySet<string> = new Set(['names', 'ambiguous']);

/**
 * The words that give someone a name ("namanya", "bernama", "nama saya", "dikasih nama": lexicon
 * kata-penamaan, contextPatterns.namingBefore): the name right after them is the name given to the
 * one spoken of — a newborn, a street seller, the writer himself — so it is a namesake, never a
 * reference to the candidate ("Bayi laki-laki … namanya Prabowo kata bapaknya", "ketemu bapak2
 * namanya Budi Hartono jualan cilok"). "Yang namanya X" is the topicaliser ("as for X"), which
 * speaks of the candidate: kept.
 */
function namedAfterNamingWord(text: string, start: number, patterns: ContextPatterns): boolean {
  return patterns.namingBefore.test(text.slice(Math.max(0, start - 24), start));
}

/**
 * The writer's own kin named beside the name (a kin word of lexicon kerabat-penulis with a
 * first-person possessor, "-ku" or a pronoun of kata-ganti-pemilik: contextPatterns.kinBefore,
 * kinAfter): "ponakan aye si Sandi", "anakku Anies", and the apposition after it: "Kak Anies,
 * keponakan aye", "Gibran, kamanakan ambo". A relative of the writer who bears the name, never the
 * candidate. The possessor is required ("Kak Anies", "om Prabowo" alone are the fans' address to
 * the candidate), and the words the public uses for a leader (bapak, ibu, saudara: "Jokowi, bapak
 * kita") are not kin words here.
 */
function namedAsKin(norm: NormalisedText, start: number, end: number, patterns: ContextPatterns): boolean {
  const text = norm.text;
  // a kin word inside a hashtag is the tag's ("#TerimaKasihIstriku Jokowi …"), not the writer's apposition
  const before = patterns.kinBefore.exec(text.slice(Math.max(0, start - 32), start));
  if (before && !norm.inHashtag[Math.max(0, start - 32) + before.index]) return true;
  const after = patterns.kinAfter.exec(text.slice(end, end + 32));
  return (after !== null && !norm.inHashtag[end + after[0].length - 1]) || namedInWritersCircle(norm, start, end, patterns);
}

/**
 * (s56) Someone of the writer's circle outside the family, named with a first-person possessor
 * (lexicon lingkar-penulis; contextPatterns.circleBefore, circleAfter): "Murid saya Arif Wijaya
 * juara 1 olimpiade", "Anies teman SMA saya baru wisuda S2", "dr. Budi Hartono, dokter kandungan
 * kami yang baru pindah", and a kin word one of them owns ("Si Edy anak tetangga"). The writer says
 * whom the name belongs to, as the kin word does; words inside a tag are the tag's.
 */
function namedInWritersCircle(norm: NormalisedText, start: number, end: number, patterns: ContextPatterns): boolean {
  const from = Math.max(0, start - 40);
  const before = patterns.circleBefore.exec(norm.text.slice(from, start));
  if (before && !norm.inHashtag[from + before.index + before[0].search(/\p{L}/u)]) return true;
  const after = patterns.circleAfter.exec(norm.text.slice(end, end + 40));
  return after !== null && !norm.inHashtag[end + after[0].length - 1];
}

/**
 * A name is a namesake where a naming word or the writer's kin word introduces it, and so is every
 * later mention of the same name in the field: "Ponakan aye si Sandi nikahan hari ini. Barakallah
 * ya Sandi dan Wulan" speaks of one nephew twice (the post's own coreference). (s55) So is a name
 * the writer says is not the candidate's ("Nama saya Bowo, bukan Prabowo": namesake-denial.ts).
 */
function namesake(norm: NormalisedText, start: number, end: number, patterns: ContextPatterns): boolean {
  const text = norm.text;
  if (namesakeDenied(norm, start, end)) return true;
  const name = text.slice(start, end);
  for (let at = text.indexOf(name); at >= 0 && at <= start; at = text.indexOf(name, at + 1)) {
    if (at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) continue;
    if (namedAfterNamingWord(text, at, patterns) || namedAsKin(norm, at, at + name.length, patterns) || namedForShop(norm, at, patterns)) return true;
  }
  return false;
}

/**
 * (s56) A stall or shop named after its owner, its trade right before the name and an honorific
 * between at most (lexicon usaha-senama, contextPatterns.shopBefore): "Bakso Pak Sandi di depan
 * kantor tutup seminggu", "Warung Bu Ratna samping kantor", "Toko Roti Ganjar Jaya". The name is
 * the shop's, a namesake; a trade word inside a tag is the tag's.
 */
function namedForShop(norm: NormalisedText, start: number, patterns: ContextPatterns): boolean {
  const from = Math.max(0, start - 32);
  let before = norm.text.slice(from, start);
  const title = /(\p{L}+)\s+$/u.exec(before);
  if (title && allHonorificWords().has(title[1] ?? '')) before = before.slice(0, title.index);
  const trade = patterns.shopBefore.exec(before);
  return trade !== null && !norm.inHashtag[from + trade.index + trade[0].search(/\p{L}/u)];
}

/** An office term that is a ballot role with its pair's number ("cawapres 02"): explicit, never the office's holder. */
function numberedRole(term: RegistryTerm): boolean {
  return term.list === 'offices' && /\d$/.test(term.term);
}

function registryHitsOf(f: FieldText, elections: ReadonlySet<Election>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  if (!f.registryHits) {
    f.registryHits = [];
    for (const hit of f.hits) {
      for (const term of ownersInForce(hit.owners, elections)) {
        if (!formStands(f, hit, term)) continue;
        f.registryHits.push({ hit, term });
      }
    }
    // every race's candidates here (the gates' superset); regionalHitsOf keeps the subject's own
    f.registryHits = withImpliedHits(f, f.registryHits, elections, () => true);
  }
  return f.registryHits;
}

/**
 * The hits the literal ones imply, added pass by pass (each pass reads those before it): running
 * mates, names the contest or an earlier chat message confirms, capitals, a ballot number, a tenure,
 * a one-word name or a coinage a word of the post confirms; then titles and office words in tags are
 * dropped. One chain for registryHitsOf and regionalHitsOf, so a new pass reaches both lists; `own`
 * says whose one-word names and coinages may be confirmed (every race, or the subject's own).
 */
function withImpliedHits(f: FieldText, found: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }>, elections: ReadonlySet<Election>, own: (e: Election) => boolean): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  for (const pass of [runningMateHits, contestNamedHits, chatNamedHits, capitalAcronymHits, numberedShortNameHits, tenureShortNameHits]) {
    for (const r of pass(f, found)) found.push(r);
  }
  for (const r of confirmedShortNameHits(f, found, own)) found.push(r);
  for (const r of confirmedCoinageHits(f, found, (e) => elections.has(e) && own(e))) found.push(r);
  // two derived halves first: where one half is also a name form, the finding says how both were made
  for (const r of derivedPairHits(f, found, elections, own)) found.push(r);
  for (const r of pairHalfHits(f, found, (e) => elections.has(e) && own(e))) found.push(r);
  return withoutTitles(f, withoutTagOfficeWords(f, found));
}


/**
 * Words around an office word that make it the office as an institution, not its holder: its pay
 * ("gaji presiden", "tunjangan bupati": contextPatterns.officeItselfBefore) or the office with its
 * deputy ("Presiden & Wakilnya", "presiden dan wakil presiden": contextPatterns.officeItselfAfter).
 * The word still says the post is about the election (the finding stands), but names no pair:
 * "berapa sih gaji presiden" in 2019 is no reference to Jokowi's pair (stop 43: three posts
 * labelled for 02 named 01 this way).
 */
function officeItself(text: string, start: number, end: number, patterns: ContextPatterns): boolean {
  return patterns.officeItselfBefore.test(text.slice(Math.max(0, start - 16), start)) || patterns.officeItselfAfter.test(text.slice(end, end + 24));
}

/**
 * An office hit (registry list `offices`: "presiden", "gubernur", "menhan") names the one who holds
 * the office now, unless the words around it make it the office sought, a former or acting holder,
 * the deputy or the next holder. Normalised text.
 */
function officeHeld(text: string, start: number, end: number, patterns: ContextPatterns): boolean {
  return !patterns.officeNotHeldBefore.test(text.slice(Math.max(0, start - 16), start)) && !patterns.officeNotHeldAfter.test(text.slice(end, end + 24)) && !officePlural(text, start, end);
}

/**
 * An office word said twice ("presiden-presiden sebelumnya", "gubernur2 dulu") is the office's
 * holders over time, not the one who holds it now (TBBBI: a reduplicated noun marks plurality).
 */
function officePlural(text: string, start: number, end: number): boolean {
  return reduplicated(text, start, end) || (text[end] === '2' && !/\p{N}/u.test(text[end + 1] ?? ''));
}

/**
 * An office word right before a name is that person's title ("Gubernur Anies", "Presiden
 * Prabowo"), not a second reference to the office's holder: the name alone counts.
 */
function withoutTitles(f: FieldText, found: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  if (!found.some(({ term }) => term.list === 'offices' || signAlone(term))) return found;
  const named = found.filter(({ term }) => term.list === 'names' || term.list === 'pair_names');
  return found.filter(({ hit, term }) => {
    if (signAlone(term)) return !signBesideRivalOnly(term, found);
    return term.list !== 'offices' || (!named.some(({ hit: n }) => n.start > hit.end && n.start <= hit.end + 5) && !rivalNamedBeside(f, hit, term, named));
  });
}

/**
 * A hand sign written as an emoji alone (👍, ✌): also everyday "like", "peace" or "two". It names
 * its pair only with that pair in scope: a field that names a rival of the same election by name
 * and its own pair by no other word ("Prabowo luar biasa 👍" in 2019 is no backing of 01). The
 * spoken signs ("salam jempol") are explicit.
 */
function signAlone(term: RegistryTerm): boolean {
  return term.list === 'hand_signs' && !/\p{L}/u.test(term.term);
}

/** the lists that name a candidate firmly enough to make a sign beside them the rival's word */
const RIVAL_LISTS: ReadonlySet<string> = new Set(['names', 'pair_names', 'accounts', 'mocking']);

function signBesideRivalOnly(sign: RegistryTerm, found: ReadonlyArray<{ term: RegistryTerm }>): boolean {
  const own = sign.pair?.id;
  if (own === undefined) return false;
  let rival = false;
  for (const { term } of found) {
    if (!term.pair || term.election.id !== sign.election.id || signAlone(term)) continue;
    if (term.pair.id === own) return false;
    if (RIVAL_LISTS.has(term.list)) rival = true;
  }
  return rival;
}

/**
 * An office word in a sentence that names another pair's candidate is most often the office the
 * rival seeks or is measured against ("belum ada presiden yang menyerahkan gajinya seperti
 * Prabowo"), not a firm reference to its incumbent: an office word names its holder less firmly
 * than a name, so it never stands alone for its pair against a named rival in the same sentence
 * (the incumbent named by name there keeps it). The ballot role with a number ("cawapres 02") is
 * explicit and stays.
 */
function rivalNamedBeside(f: FieldText, hit: TermHit<TermOwner>, term: RegistryTerm, named: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): boolean {
  if (numberedRole(term) || !term.pair) return false;
  const text = f.norm.text;
  const sameSentence = (n: TermHit<TermOwner>): boolean => (n.start >= hit.end ? !sentenceBreakIn(text, hit.end, n.start) : n.end <= hit.start && !sentenceBreakIn(text, n.end, hit.start));
  const beside = named.filter(({ hit: n }) => sameSentence(n));
  return beside.some(({ term: t }) => t.pair !== undefined && t.pair.id !== term.pair?.id) && !beside.some(({ term: t }) => t.pair?.id === term.pair?.id);
}

/** Where the #hashtag holding normalised offset `start` begins in the original (-1: not in one). */
function tagStartOf(n: NormalisedText, start: number): number {
  if (!n.inHashtag[start]) return -1;
  let i = n.starts[start] ?? 0;
  while (i > 0 && /[\p{L}\p{N}_]/u.test(n.original[i - 1] ?? '')) i--;
  return n.original[i - 1] === '#' ? i - 1 : -1;
}

/**
 * Inside one hashtag that carries a candidate's firm name, an ambiguous form of another pair is
 * the office wished for, not a second candidate: "#17AprilPrabowoPresidenRI" names Prabowo only,
 * though "presiden ri" alone can mean the 2019 incumbent. Counting it made the tag look like
 * balanced coverage of both pairs.
 */
function withoutTagOfficeWords(
  f: FieldText,
  found: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }>,
): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  if (!found.some(({ hit, term }) => term.list === 'ambiguous' && hit.inHashtag)) return found;
  const firmTags = new Map<number, Set<string>>();
  for (const { hit, term } of found) {
    if ((term.list !== 'names' && term.list !== 'pair_names') || !term.pair || !hit.inHashtag) continue;
    const tag = tagStartOf(f.norm, hit.start);
    if (tag < 0) continue;
    const pairs = firmTags.get(tag) ?? new Set<string>();
    pairs.add(term.pair.id);
    firmTags.set(tag, pairs);
  }
  if (firmTags.size === 0) return found;
  return found.filter(({ hit, term }) => {
    if (term.list !== 'ambiguous' || !hit.inHashtag || !term.pair) return true;
    const pairs = firmTags.get(tagStartOf(f.norm, hit.start));
    return !pairs || pairs.has(term.pair.id);
  });
}

/**
 * Whether a registry term of this list and election is in the scope of the ballot of `region`
 * (ballotRegion): a region-scoped term (a number, a hand sign) only of an election that covers
 * the region, any other term always. The one scope test of the registry matchers (default scope)
 * and of the prefilter's gates on them (evaluateView): the gate is as strict as the matcher.
 */
function inBallotScope(list: string, election: Election, region: string | undefined): boolean {
  return !(REGION_SCOPED as ReadonlySet<string>).has(list) || electionCoversRegion(election, region);
}

/**
 * inBallotScope for one term, and one more limit: with a region given, a Pilkada candidate outside it
 * is named only by a name of two words or more. Their one-word names ("dadi", "bener", "agustin": a
 * given name, a Javanese word, a surname shared with a candidate at home) name someone on another
 * ballot far more rarely than they are a word or a namesake, and they put a far region's pair in a
 * finding about the subject's own race. The prefilter's gates stay looser (they ask inBallotScope of
 * the region-scoped lists only), so they never clear an item the matcher would flag.
 */
function termInScope(term: RegistryTerm, region: string | undefined): boolean {
  if (!inBallotScope(term.list, term.election, region)) return false;
  if (region === undefined || term.election.level === 'pilpres' || electionCoversRegion(term.election, region)) return true;
  // a far race's coinage too ("anhen", "bosur"): made-up words of four to six letters collide
  // across 545 races (fixtures/eval/acronyms-s50.md), and name no one outside their own
  if (term.variant === 'blend' || term.variant === 'coined') return false;
  if (term.list === 'name_tags') return !ONE_WORD.test(term.term);
  return !((term.list === 'ambiguous' || term.list === 'names') && !term.term.includes(' '));
}
/**
 * (s55) A one-word name form, the kind termInScope keeps out of a far race's hashtags as out of its
 * text: a tag runs words together, so a short far name turns up inside everyday tags
 * ("#PilkadaDamai" holds a far regent's "Adam", "#weddingsasak" a far candidate's clipped "dding");
 * a pair's name ("Adam-Sutoyo") still names.
 */
const ONE_WORD = /^\p{L}+$/u;

/**
 * registryHitsOf without the region-scoped terms (numbers, hand signs) of elections that do not
 * cover the region: a matcher that keeps only its own ballot's numbers would drop them anyway. A
 * bare "02" is the number of ~500 ballots; walking them all, matcher by matcher, was the main cost
 * of a post that names a number. Same entries otherwise, in the same order.
 */
function regionalHitsOf(f: FieldText, elections: ReadonlySet<Election>, region: string | undefined): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  if (f.regionalHits) return f.regionalHits;
  if (f.registryHits) {
    f.regionalHits = f.registryHits.filter(({ term }) => termInScope(term, region) && ((!CONFIRMED_BY.has(term) && !PAIR_HALF.has(term) && !DERIVED_PAIR.has(term)) || ownRace(term.election, region)));
    return f.regionalHits;
  }
  // built from each hit's owners of the region (regionalOwners), not by walking every ballot's
  // number and filtering it out again: the same entries in the same order (registryHitsOf)
  const found: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const hit of f.hits) {
    for (const term of regionalOwners(hit.owners, region)) {
      if (!elections.has(term.election)) continue;
      if (!formStands(f, hit, term)) continue;
      found.push({ hit, term });
    }
  }
  // running mates are names (not region-scoped): the same couples as from the whole list; the
  // fixture runner reaches this list first, without the full one
  f.regionalHits = withImpliedHits(f, found, elections, (e) => ownRace(e, region));
  return f.regionalHits;
}

/**
 * The registry terms of an owners list that a region's matchers read: every term but the
 * region-scoped ones (numbers, hand signs) of elections outside the region. Made once per owners
 * list and region (speed only: a bare "03" is owned by hundreds of ballots).
 */
const REGIONAL_OWNERS = new WeakMap<readonly TermOwner[], { region: string | undefined; terms: RegistryTerm[] }>();
function regionalOwners(owners: readonly TermOwner[], region: string | undefined): RegistryTerm[] {
  const known = REGIONAL_OWNERS.get(owners);
  if (known && known.region === region) return known.terms;
  const terms: RegistryTerm[] = [];
  for (const o of owners) {
    if (o.type !== 'registry') continue;
    if (!termInScope(o.term, region)) continue;
    terms.push(o.term);
  }
  REGIONAL_OWNERS.set(owners, { region, terms });
  return terms;
}

/** Which candidate of its pair an ambiguous form names (-1: none, e.g. an ambiguous pair name). */
function candidateOf(term: RegistryTerm): number {
  if (term.variant === 'initials' || term.variant === 'hypocorism') return shortFormCandidate(term);
  const people = term.pair?.candidates ?? [];
  // a clipped short form ("rahma") belongs to the candidate whose short form it clips ("rahmawati")
  // and a form spelt the Sundanese way ("pauji") to the candidate whose form it respells ("fauzi")
  const same = (f: string) => {
    const form = f.toLowerCase();
    return form === term.term || (term.variant === 'clipped' && form.startsWith(term.term)) || (term.variant === 'edit' && regionalSpelling(form) === term.term);
  };
  return people.findIndex((c) => c.ambiguous_forms.some(same) || c.nicknames.some((n) => n.ambiguous && n.form.toLowerCase() === term.term));
}

/** words allowed between the two running mates' short names ("Mas Budi karo Mbak Dewi") */
const RUNNING_MATE_GAP = 3;

/**
 * Both candidates of one pair named by their short, ambiguous forms close together ("Mas Budi
 * karo Mbak Dewi", "Kang Yusuf jeung Teh Ratna", "Uda Yusuf jo Uni Ratna"): one name alone may
 * be anybody, the two running mates side by side are the pair. Each such couple becomes one
 * pair-name hit spanning both names, so rules that need a firm mention see it.
 */
function runningMateHits(f: FieldText, found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  // in the text the election must be spoken of; one hashtag joining both ("#FauziRahma") is a
  // campaign tag by itself (two namesakes are never written as one tag)
  const inText = f.patterns.electionContext.test(f.norm.text);
  // without the election in the text, two short names joined by a dash ("Fauzi-Rahma", "Pa Pauji -
  // Bu Rahma") are still the pair: the way a pair is written on its ballot, banners and pages
  const short = found.filter((r) => r.term.list === 'ambiguous' && r.term.pair);
  if (short.length < 2) return [];
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  const seen = new Set<string>();
  for (const a of short) {
    for (const b of short) {
      if (b.hit.start < a.hit.end || a.term.pair?.id !== b.term.pair?.id || a.term.election !== b.term.election) continue;
      if (a.hit.inHashtag !== b.hit.inHashtag) continue;
      if (!a.hit.inHashtag && !inText && !dashJoined(f, a.hit, b.hit)) continue;
      if (a.hit.inHashtag && (tagStartOf(f.norm, a.hit.start) !== tagStartOf(f.norm, b.hit.start) || tagStartOf(f.norm, a.hit.start) < 0)) continue;
      // two forms of one candidate ("budi" … "hartono") are not a couple; nor is a form of the pair
      const ca = candidateOf(a.term);
      const cb = candidateOf(b.term);
      if (ca < 0 || cb < 0 || ca === cb) continue;
      if (wordIndex(f, b.hit.start) - wordIndex(f, a.hit.end - 1) > RUNNING_MATE_GAP) continue;
      const key = `${a.hit.start}:${b.hit.end}:${a.term.pair?.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        hit: { start: a.hit.start, end: b.hit.end, owners: [], inHashtag: a.hit.inHashtag, inQuote: a.hit.inQuote },
        term: { list: 'pair_names', election: a.term.election, pair: a.term.pair, term: `${a.term.term} ${b.term.term}` },
      });
    }
  }
  return out;
}

/** Only a dash (and an honorific: "Pa Pauji - Bu Rahma") stands between two hits in the original text. */
function dashJoined(f: FieldText, a: TermHit<TermOwner>, b: TermHit<TermOwner>): boolean {
  const from = toOriginal(f.norm, a.start, a.end).end;
  const to = toOriginal(f.norm, b.start, b.end).start;
  return DASH_JOIN.test(f.norm.original.slice(from, to));
}
const DASH_JOIN = /^\s*[-\u2013\u2014]\s*(?:(?:pa|pak|bapak|bu|ibu|kang|teh|mas|mbak|bang|kak|uda|uni|daeng)\.?\s+)?$/i;

/**
 * Candidates named by their short, ambiguous forms in a message that speaks of the contest — a
 * campaign, a debate, the vote, the pairs, a quick count ("Tadi di debat Pa Pauji paling mantap …
 * Yusuf mah ngan ngapalkeun téks", "Ustadz Yusuf joget di panggung kampanye", "Mas Budi wis mesti
 * maju Pilbup"): a namesake colleague is rarely named beside a word of the very election whose
 * candidate shares the name, and the contest's candidates are the election's (elections in
 * force only). Each such form becomes a firm name hit of its candidate, so rules that need a firm
 * mention see it; a stance cue is still needed for a finding. Until stop 31 this asked for two
 * rival pairs' short forms; one candidate with the contest word is the same evidence (tuned rounds
 * +3 found, none lost; round 10 +3 found, no clean item flagged).
 */
function contestNamedHits(f: FieldText, found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  // a name word that is an everyday word ("minggu depan", "bulan ini") written in lower case is the
  // word: a general contest word ("kampanye cuci tangan") does not make it the candidate (a
  // nickname the registry gives, "abah", is the writer's choice and keeps the contest word)
  const short = found.filter((r) => r.term.list === 'ambiguous' && r.term.pair && !r.hit.inHashtag && candidateOf(r.term) >= 0 && (!everydayNameWord(r.term) || clippedFormMarked(f.norm, r.hit.start, false)));
  if (short.length === 0) return [];
  const contest = f.patterns.contestContext.test(f.norm.text) || f.patterns.countContext.test(f.norm.text);
  // (s49) a nickname the registry gives, as the subject of winning or losing ("semoga abah menang",
  // "gemoy udah kalah"), is the contest's candidate: the contest is the sentence's own verb
  const wins = (r: { hit: TermHit<TermOwner>; term: RegistryTerm }): boolean => wordNickname(r.term) && f.patterns.winLoseAfter.test(f.norm.text.slice(r.hit.end, r.hit.end + 24));
  return short
    .filter((r) => contest || wins(r) || officeSought(f.norm.text, r.term.election))
    .map((r) => ({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: false, inQuote: r.hit.inQuote }, term: { ...r.term, list: 'names' as const } }));
}


/** A candidate's own name word that is an everyday word ("Minggu", "Bulan"), not a nickname the registry gives. */
function everydayNameWord(term: RegistryTerm): boolean {
  if (!isEverydayWord(term.term)) return false;
  const person = term.pair?.candidates[candidateOf(term)];
  return person !== undefined && person.ambiguous_forms.some((a) => a.toLowerCase() === term.term);
}

/**
 * The offices an election fills, by level (UU 7/2017 Pasal 1: presiden and wakil presiden; UU
 * 10/2016 Pasal 1: gubernur, bupati, wali kota and their deputies), as the normaliser writes them.
 */
const OFFICE_OF_LEVEL: Record<Election['level'], RegExp> = {
  pilpres: /\b(?:presiden|wapres|wakil presiden)\b/,
  pilgub: /\b(?:gubernur|wagub|wakil gubernur)\b/,
  pilbup: /\b(?:bupati|wabup|wakil bupati)\b/,
  pilwalkot: /\b(?:wali ?kota|walkot|wawali|wakil wali ?kota)\b/,
};

/**
 * The office a candidate's own election fills, named in the message ("abah presiden!", "not my
 * wapres", "Ngeri kalau Gibran jadi wapres"), speaks of that contest — unless a candidate of the
 * election holds the office already: then it is the incumbent's title at work ("Pak Bupati Fauzi
 * datang ke sekolah"), and a colleague who shares a rival's short name meets it every day.
 */
function officeSought(text: string, election: Election): boolean {
  if (election.pairs.some((p) => p.candidates.some((c) => c.incumbent))) return false;
  return OFFICE_OF_LEVEL[election.level].test(text);
}

/**
 * A candidate's short, ambiguous form ("Kang Budi", "Pa Pauji", "Mas Gibran") in a chat whose
 * earlier messages named that candidate's pair firmly (a full name, the pair's name, its tag, its
 * team or account): the chat is talking about the candidate, so the short form is that candidate
 * — a namesake colleague is rarely named in a chat that was just discussing the contest's
 * namesake. It becomes a firm name hit, so rules that need one see it; a stance cue is still
 * needed, and the finding names the message the name was read from (CHAT_NAMED).
 */
function chatNamedHits(f: FieldText, found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  if (!f.chatNamed) return [];
  // a candidate's initials ("RK", "DM") are also everyday abbreviations ("DM" a direct message):
  // only the post itself confirms them, never what the chat or the account named before
  const short = found.filter((r) => r.term.list === 'ambiguous' && r.term.pair && r.term.variant !== 'initials' && candidateOf(r.term) >= 0);
  if (short.length === 0) return [];
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const r of short) {
    const message = r.term.pair && f.chatNamed(r.term.pair);
    if (!message || overlapsFirmName(found, r)) continue;
    const term: RegistryTerm = { ...r.term, list: 'names' };
    CHAT_NAMED.set(term, message);
    PROMOTED.add(term);
    out.push({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: r.hit.inHashtag, inQuote: r.hit.inQuote }, term });
  }
  return out;
}

/**
 * A pair's ambiguous acronym written in capitals among lower-case words ("AMIN menang!", "AMIN
 * wae sing jelas", "#AMINajaDulu") is the pair: the prayer word is written "amin", "Amin",
 * "aamiin". Not when the whole text shouts (capitals are then no sign), nor as a prayer's close:
 * after a wish ("semoga …, AMIN", "mugia …") or before "ya Allah"/"YRA". It becomes a pair-name
 * hit, so rules that need a firm mention see it; a stance cue is still needed.
 */
function capitalAcronymHits(f: FieldText, found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const acronyms = found.filter((r) => r.term.list === 'ambiguous' && r.term.pair && candidateOf(r.term) < 0 && !r.term.term.includes(' '));
  if (acronyms.length === 0) return [];
  const original = f.norm.original;
  const letters = original.match(/\p{L}/gu)?.length ?? 0;
  const capitals = original.match(/\p{Lu}/gu)?.length ?? 0;
  if (letters === 0 || capitals / letters > 0.5) return [];
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const r of acronyms) {
    const o = toOriginal(f.norm, r.hit.start, r.hit.end);
    const written = original.slice(o.start, o.end);
    if (written.length < 3 || !/^\p{Lu}+$/u.test(written)) continue;
    // the sentence it closes or opens: a wish before it, or "ya Allah" after it, makes it a prayer
    const before = f.norm.text.slice(0, r.hit.start).split(/[.!?\n]/u).pop() ?? '';
    const after = f.norm.text.slice(r.hit.end, r.hit.end + 12);
    if (f.patterns.prayerBefore.test(before) || PRAYER_AFTER.test(after)) continue;
    out.push({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: r.hit.inHashtag, inQuote: r.hit.inQuote }, term: { ...r.term, list: 'pair_names' } });
  }
  return out;
}

/**
 * A candidate's short, ambiguous form in a message that also gives that candidate's own ballot
 * number ("Ayo pilih nomer telu, Pak Yusuf wonge jujur", "Kang Budi, nomer dua!") or the pair's
 * own campaign words (OWN_PAIR_LISTS): a namesake colleague does not come with the number or the
 * slogan of the candidate who shares the name. The short form
 * becomes a firm name hit; a stance cue is still needed. A number that is something else (an
 * RT/RW, a date, a class: plausibleBallotNumber) does not count.
 */
function numberedShortNameHits(f: FieldText, found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const short = found.filter((r) => r.term.list === 'ambiguous' && r.term.pair && candidateOf(r.term) >= 0 && !r.hit.inHashtag);
  if (short.length === 0) return [];
  const numbered = new Set<string>();
  for (const { hit, term } of found) {
    if (term.list !== 'numbers' || !term.pair) continue;
    if (/\d$/.test(f.norm.text.slice(hit.start, hit.end)) && !plausibleBallotNumber(f.norm.text, hit.start, hit.end)) continue;
    numbered.add(term.pair.id);
  }
  // the number shown with the fingers ("pose dua jari bareng Bang Budi", "ngacungkeun tilu ramo")
  // is the candidate's own number too
  const fingers = fingerNumbers(f.norm.text);
  for (const r of short) if (r.term.pair && fingers.has(r.term.pair.number)) numbered.add(r.term.pair.id);
  // nor with the pair's own campaign words: its firm names, its tags, team or account, or its
  // slogan ("abah semangat teruss, kami barisan perubahan"): two weak signs of one pair, as two
  // running mates' short names are (from stop 37)
  for (const { term } of found) if (term.pair && OWN_PAIR_LISTS.has(term.list)) numbered.add(term.pair.id);
  if (numbered.size === 0) return [];
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const r of short) {
    if (!numbered.has(r.term.pair?.id ?? '') || overlapsFirmName(found, r)) continue;
    const term: RegistryTerm = { ...r.term, list: 'names' };
    PROMOTED.add(term);
    out.push({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: false, inQuote: r.hit.inQuote }, term });
  }
  return out;
}


/**
 * The short, ambiguous form of a candidate the registry marks as the incumbent, in a message that
 * counts years or terms in office ("Wak Fauzi tu alah limo taun jadi bupati, … ganti se lah",
 * "Bapa Fauzi so 5 taon, apa dang yang berubah?", "Bang Fauzi udah dua periode, cukup lah ya"): the
 * tenure is the incumbent's, whom the contest's talk weighs, not a namesake colleague's. The short
 * form becomes a firm name hit; a stance cue is still needed (the verdict on the years: cukup,
 * ganti, lanjut …). The word for the one in office (lexicon sebutan-petahana, an ambiguous form
 * of the incumbent's pair: "Petahana 10 tahun cuma bangun tugu doang, … saatnya ganti") counts
 * the same years and becomes a firm name of that pair.
 */
function tenureShortNameHits(f: FieldText, found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const short = found.filter((r) => r.term.list === 'ambiguous' && r.term.pair && !r.hit.inHashtag && (r.term.pair.candidates[candidateOf(r.term)]?.incumbent === true || incumbentWord(r.term)));
  if (short.length === 0 || !f.patterns.tenure.test(f.norm.text)) return [];
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const r of short) {
    if (overlapsFirmName(found, r)) continue;
    const term: RegistryTerm = { ...r.term, list: candidateOf(r.term) < 0 ? 'pair_names' : 'names' };
    PROMOTED.add(term);
    out.push({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: false, inQuote: r.hit.inQuote }, term });
  }
  return out;
}

/**
 * A race on the subject's own ballot: the presidential one, or a Pilkada race that covers the
 * subject's region. Without a region no Pilkada race is known to be the subject's own.
 */
function ownRace(election: Election, region: string | undefined): boolean {
  return election.level === 'pilpres' || (region !== undefined && electionCoversRegion(election, region));
}

/**
 * A candidate's one-word form (a given name, a surname, a clipped or call name, with or without an
 * address word: "Mbak Agustin", "Pak Iswar") of the subject's own races, in a post that also
 * speaks of that contest in words the passes above do not read (contextPatterns.raceContext): the
 * regional contest and its candidates ("pilwali", "cawalkot", "calon wali kota"), besides the
 * campaign, vote and count words contestNamedHits reads; and, from the race's polling day on, a
 * win ("menang", "kemenangan"): of a distinctive name alone (person-name.ts isDistinctive: "Mbak
 * Agustin menang!"), of a common one with a word of the election's work beside it ("Syukuran
 * kemenangan Kang Fauzi di posko", not "Kang Budi meunang!"). The team and duty words ("relawan",
 * "posko") alone are not enough: a health cadre's volunteers and a flood post use them too. The
 * running mate confirms as before: by a firm name (numberedShortNameHits) or a short one right
 * beside it (runningMateHits) — two short names far apart are as often two
 * colleagues ("Pak Budi … Bu Dewi" thanked at a party). A far race's one-word forms never get here
 * (termInScope), and the regional list keeps only the subject's own races' (ownRace): with 545
 * races loaded, "Mbak Agustin menang" is the candidate at home or no one. The short form becomes a
 * firm name hit; a stance cue is still needed; the finding says which word confirmed it
 * (CONFIRMED_BY, confirmedNote).
 */
function confirmedShortNameHits(
  f: FieldText,
  found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>,
  own: (election: Election) => boolean,
): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const short = found.filter(
    (r) =>
      r.term.list === 'ambiguous' && r.term.pair && !r.hit.inHashtag && candidateOf(r.term) >= 0 && own(r.term.election) && !r.term.term.includes(' ') &&
      (!everydayNameWord(r.term) || clippedFormMarked(f.norm, r.hit.start, false)),
  );
  if (short.length === 0) return [];
  const context = f.patterns.raceContext.exec(f.norm.text);
  const win = f.patterns.win.exec(f.norm.text);
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const r of short) {
    if (overlapsFirmName(found, r)) continue;
    // a win only from the race's polling day on (before it "Bu Rahma menang" is a colleague's prize),
    // and of a common name ("Kang Budi meunang!" is anybody's win: person-name.ts isDistinctive) only
    // with a word of the election's work beside it ("Syukuran kemenangan Kang Fauzi di posko")
    const won = win && (f.time === undefined || f.time >= r.term.election.vote) && (isDistinctive(r.term.term) || f.patterns.electionContext.test(f.norm.text)) ? win[0] : undefined;
    const by = context?.[0] ?? won;
    if (by === undefined) continue;
    const term: RegistryTerm = { ...r.term, list: 'names' };
    CONFIRMED_BY.set(term, { name: writtenAt(f.norm, r.hit.start, r.hit.end), by });
    PROMOTED.add(term);
    out.push({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: false, inQuote: r.hit.inQuote }, term });
  }
  return out;
}

/**
 * A pair's made-up coinage (variant `coined`: "anhen", "bosur") written as an ordinary word, with a
 * word beside it that confirms it (within COINAGE_REACH): the pair's own ballot number ("anhen
 * nomor 1"), the regional contest and its candidates (contextPatterns.raceContext: "cagub anhen"),
 * or, from polling day on, a win ("anhen menang"). Only of the subject's own races (`own`: ownRace, as confirmedShortNameHits); a coinage that
 * is also a word (`blend`: "bude") is never confirmed this way, it counts only written as a blend.
 * The coinage becomes a pair-name hit; the finding says what confirmed it (CONFIRMED_BY).
 */
function confirmedCoinageHits(
  f: FieldText,
  found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>,
  own: (election: Election) => boolean,
): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const unread: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const hit of f.hits) {
    for (const term of variantOwners(hit.owners, 'coined')) {
      if (term.term.includes(' ') || !term.pair || !own(term.election)) continue;
      if (found.some((r) => r.hit.start === hit.start && r.term.pair?.id === term.pair?.id)) continue;
      unread.push({ hit, term });
    }
  }
  if (unread.length === 0) return [];
  // the confirming word must stand beside the coinage (COINAGE_REACH): a made-up word of four or
  // five letters is some other word somewhere ("suwe", "naha", "mangke" are coinages of far pairs),
  // and beside the pair's number or the contest it is the pair's name
  const text = f.norm.text;
  const near = (r: { hit: TermHit<TermOwner> }, start: number, end: number) => start < r.hit.end + COINAGE_REACH && end > r.hit.start - COINAGE_REACH;
  const numbers: Array<{ pair: string; start: number; end: number }> = [];
  for (const { hit, term } of found) {
    if (term.list !== 'numbers' || !term.pair) continue;
    if (/\d$/.test(text.slice(hit.start, hit.end)) && !plausibleBallotNumber(text, hit.start, hit.end)) continue;
    numbers.push({ pair: term.pair.id, start: hit.start, end: hit.end });
  }
  const words = (re: RegExp) => [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  const contest = words(f.patterns.raceContext);
  const wins = words(f.patterns.win);
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const r of unread) {
    const pair = r.term.pair as RegistryPair;
    const number = numbers.find((n) => n.pair === pair.id && near(r, n.start, n.end));
    const afterVote = f.time === undefined || f.time >= r.term.election.vote;
    const by = (number ? `${pair.number}` : undefined) ?? contest.find((c) => near(r, c.start, c.end))?.word ?? (afterVote ? wins.find((w) => near(r, w.start, w.end))?.word : undefined);
    if (by === undefined) continue;
    const term: RegistryTerm = { ...r.term };
    CONFIRMED_BY.set(term, { name: writtenAt(f.norm, r.hit.start, r.hit.end), by });
    out.push({ hit: { start: r.hit.start, end: r.hit.end, owners: [], inHashtag: r.hit.inHashtag, inQuote: r.hit.inQuote }, term });
  }
  return out;
}

/**
 * (s51) A pair written as two names joined by a dash or in one camel-case hashtag ("Pram-Doel",
 * "#PramDoel") of which ONE half is a form of a candidate of the subject's own races, in that
 * candidate's ballot place (the first candidate's form first), and the other half a capitalised
 * name the registry does not know (the running mate's nickname KPU's lists lack): the pair. The
 * known half must be four letters or more and stand as a name (formStands passed: it is in
 * `found`); the other half must be no everyday word, honorific, term of any other list (a region,
 * an office, a slogan) or rule word, and no form of another pair's candidate ("Pram-Anies" is no
 * pair). "#DharmaWanita" stays an association ("wanita" is a word); "Kun-Fayakun" has the running
 * mate's name first. The finding says which half matched and how it was derived (PAIR_HALF).
 */
function pairHalfHits(
  f: FieldText,
  found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>,
  own: (election: Election) => boolean,
): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const original = f.norm.original;
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  // the halves: the names that stand, and a clipped given name as written (it stands alone only after an honorific)
  const clips: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const hit of f.hits) for (const term of variantOwners(hit.owners, 'hypocorism')) clips.push({ hit, term });
  for (const r of [...found, ...clips]) {
    const pair = r.term.pair;
    // a half has four letters or more; a clipped call name three ("Zul-Uhel": the clip is no word and no other term already)
    const shortest = r.term.variant === 'hypocorism' ? 3 : 4;
    if (!pair || (r.term.list !== 'ambiguous' && r.term.list !== 'names') || r.term.term.includes(' ') || r.term.term.length < shortest || !own(r.term.election) || r.term.election.level === 'pilpres') continue;
    const place = candidateOf(r.term);
    if (place !== 0 && place !== 1) continue;
    const o = toOriginal(f.norm, r.hit.start, r.hit.end);
    if (!/^\p{Lu}/u.test(original.slice(o.start, o.end))) continue;
    // the other half: right after the first candidate's form, right before the second's
    const m = (place === 0 ? HALF_AFTER : HALF_BEFORE)[r.hit.inHashtag ? 1 : 0].exec(place === 0 ? original.slice(o.end) : original.slice(0, o.start));
    const otherWritten = m?.[1];
    if (m === null || otherWritten === undefined) continue;
    const other = otherWritten.toLowerCase();
    if (!/^[a-z]{3,}$/.test(other) || isEverydayWord(other) || allHonorificWords().has(other)) continue;
    // the joint and the character before are no letters, so the half is the one copy in the match
    const otherStart = (place === 0 ? o.end : m.index) + m[0].indexOf(otherWritten);
    const span = normalisedRange(f.norm, otherStart, otherStart + otherWritten.length);
    if (!span) continue;
    // the other half is known to the pack as something else: a word of a rule or a lexicon, a term
    // of another list (a region, an office, a team), or a name of another pair of the same race or
    // of the presidential one. A far race's candidate who shares the nickname does not count (the
    // same answer whether or not the subject's region is known: registryHitsOf and regionalHitsOf agree)
    const otherHits = f.hits.filter((h) => h.start <= span.start && h.end >= span.end && h.start >= span.start - 1 && h.end <= span.end + 1);
    const foreign = otherHits.some((h) =>
      h.owners.some((ow) => {
        if (ow.type !== 'registry') return true;
        const t = ow.term;
        if (t.pair?.id === pair.id) return false;
        if (RACE_NAME_LIST.has(t.list)) return t.election === r.term.election || t.election.level === 'pilpres';
        return true;
      }),
    );
    if (foreign) continue;
    if ([...found, ...out].some((x) => x.term.list === 'pair_names' && x.term.pair?.id === pair.id && x.hit.start <= Math.min(r.hit.start, span.start) && x.hit.end >= Math.max(r.hit.end, span.end))) continue;
    const start = Math.min(r.hit.start, span.start);
    const end = Math.max(r.hit.end, span.end);
    const term: RegistryTerm = { list: 'pair_names', election: r.term.election, pair, term: place === 0 ? `${r.term.term} ${other}` : `${other} ${r.term.term}` };
    PAIR_HALF.set(term, { name: writtenAt(f.norm, start, end), half: writtenAt(f.norm, r.hit.start, r.hit.end), candidate: pair.candidates[place]?.name ?? '', how: shortFormDerivation(r.term) });
    out.push({ hit: { start, end, owners: [], inHashtag: r.hit.inHashtag, inQuote: r.hit.inQuote }, term });
  }
  return out;
}
const RACE_NAME_LIST: ReadonlySet<string> = new Set(['names', 'ambiguous', 'pair_names', 'name_tags']);
/** the joint of a pair form's two halves: a dash (spaces around it allowed); inside a hashtag also none ("#PramDoel") */
const HALF_JOINTS = ['\\s?[-\\u2013]\\s?', '(?:\\s?[-\\u2013]\\s?)?'] as const;
/** the other half of a pair form after the first candidate's form, and before the second's; [outside a hashtag, inside one] */
const halfAfter = (joint: string): RegExp => new RegExp(`^${joint}(\\p{Lu}\\p{Ll}{2,}|\\p{Lu}{3,})(?!\\p{Ll})`, 'u');
const halfBefore = (joint: string): RegExp => new RegExp(`(?:^|[^\\p{L}])(\\p{Lu}\\p{Ll}{2,}|\\p{Lu}{3,})${joint}$`, 'u');
const HALF_AFTER: readonly [RegExp, RegExp] = [halfAfter(HALF_JOINTS[0]), halfAfter(HALF_JOINTS[1])];
const HALF_BEFORE: readonly [RegExp, RegExp] = [halfBefore(HALF_JOINTS[0]), halfBefore(HALF_JOINTS[1])];
/** A pair named by one half of a dash or hashtag pair form (pairHalfHits): as written, the half that matched, whose it is and how it was made. */
const PAIR_HALF = new WeakMap<RegistryTerm, { name: string; half: string; candidate: string; how: { id: string; en: string } | undefined }>();

/**
 * (s56) A pair written as two halves joined by a dash ("Mulia-PAS") or run together in a
 * camel-case hashtag ("#MuliaPAS"), each half made from its own candidate's name in ballot order
 * (pair-halves.ts: a call name, a clip, the call name without its name suffix, the initials of the
 * whole name) and written as such: two names of one pair side by side, as the registry's own pair
 * names are, though neither half names anyone alone ("mulia" and "pas" are words). Of the
 * subject's own races (`own`), never of the presidential one. The finding says how each half was
 * made (DERIVED_PAIR).
 */
function derivedPairHits(
  f: FieldText,
  found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>,
  elections: ReadonlySet<Election>,
  own: (election: Election) => boolean,
): Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> {
  const written = writtenHalves(f.norm.original);
  if (written.length === 0) return [];
  const index = pairHalfIndex(elections);
  const out: Array<{ hit: TermHit<TermOwner>; term: RegistryTerm }> = [];
  for (const w of written) {
    for (const { first, second } of pairsOfHalves(index, w.first, w.second, (e) => elections.has(e) && own(e))) {
      const span = normalisedRange(f.norm, w.start, w.end);
      if (!span) continue;
      const pair = first.pair;
      // read already as the pair's name (a pair name, a half beside a name: pairHalfHits)
      if ([...found, ...out].some((x) => x.term.list === 'pair_names' && x.term.pair?.id === pair.id && x.hit.start <= span.start && x.hit.end >= span.end)) continue;
      const term: RegistryTerm = { list: 'pair_names', election: first.election, pair, term: `${first.half.text} ${second.half.text}` };
      const a = halfDerivation(w.first, first.half);
      const b = halfDerivation(w.second, second.half);
      DERIVED_PAIR.set(term, { name: f.norm.original.slice(w.start, w.end), how: { id: `${a.id} + ${b.id}`, en: `${a.en} + ${b.en}` } });
      out.push({ hit: { start: span.start, end: span.end, owners: [], inHashtag: w.inHashtag, inQuote: f.norm.inQuote[span.start] === 1 }, term });
    }
  }
  return out;
}
/** A pair read from two derived halves (derivedPairHits): as written, and how each half was made. */
const DERIVED_PAIR = new WeakMap<RegistryTerm, { name: string; how: { id: string; en: string } }>();

/** a half as a pair form writes it: capitalised ("Mulia") or initials in capitals ("PAS") */
const HALF = String.raw`\p{Lu}\p{Ll}+|\p{Lu}{2,4}`;
/** two halves joined by a dash, standing apart from other letters ("Mulia-PAS", "Mulia - PAS") */
const DASHED_HALVES = new RegExp(String.raw`(?<![\p{L}\p{N}\-\u2013])(${HALF})\s?[-\u2013]\s?(${HALF})(?![\p{L}\p{N}]|\s?[-\u2013]\s?\p{L})`, 'gu');
/** a hashtag's camel-case parts: a capitalised word, a run of capitals not followed by a small letter, small letters, digits */
const CAMEL_PART = /\p{Lu}\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{Ll}+|\p{N}+/gu;

/**
 * The two-half pair forms written in a text (original offsets): each dash-joined couple, and each
 * couple of neighbouring camel-case parts of a hashtag ("#MuliaPAS", "#MuliaPASBali" → Mulia·PAS,
 * PAS·Bali). Cheap: most texts have neither a dash between capitals nor a camel-case hashtag.
 */
function writtenHalves(original: string): Array<{ first: string; second: string; start: number; end: number; inHashtag: boolean }> {
  const out: Array<{ first: string; second: string; start: number; end: number; inHashtag: boolean }> = [];
  if (/[-\u2013]/.test(original)) {
    for (const m of original.matchAll(DASHED_HALVES)) {
      const start = m.index ?? 0;
      out.push({ first: m[1] as string, second: m[2] as string, start, end: start + m[0].length, inHashtag: false });
    }
  }
  if (original.includes('#')) {
    for (const tag of original.matchAll(/#([\p{L}\p{N}_]{4,})/gu)) {
      const base = (tag.index ?? 0) + 1;
      const parts = [...(tag[1] as string).matchAll(CAMEL_PART)];
      for (let i = 0; i + 1 < parts.length; i++) {
        const a = parts[i] as RegExpMatchArray;
        const b = parts[i + 1] as RegExpMatchArray;
        const start = base + (a.index ?? 0);
        const end = base + (b.index ?? 0) + b[0].length;
        if ((a.index ?? 0) + a[0].length !== b.index) continue;
        out.push({ first: a[0], second: b[0], start, end, inHashtag: true });
      }
    }
  }
  return out;
}

/** How far (normalised characters) from a coinage in lower case the word that confirms it may stand: about three words. */
const COINAGE_REACH = 24;

/** The original text of a normalised span. */
function writtenAt(norm: NormalisedText, start: number, end: number): string {
  const o = toOriginal(norm, start, end);
  return norm.original.slice(o.start, o.end);
}

/** A short name confirmed by its post (confirmedShortNameHits): the name as written and the word that confirmed it. */
const CONFIRMED_BY = new WeakMap<RegistryTerm, { name: string; by: string }>();

/** The account-name reading a handle_names hit's term stands for (handle-reader.ts), for the finding's note. */
const HANDLE_READ = new WeakMap<RegistryTerm, HandleReading>();
/** each reading's one term, so every matcher that reads it names the same term */
const HANDLE_TERM = new WeakMap<HandleReading, RegistryTerm>();
/** handle scopes by registry (one pack's, so its handle words are that pack's), then by the elections in force and the region */
const HANDLE_SCOPES = new WeakMap<CompiledRegistry, Map<string, HandleScope>>();

/**
 * Names inside the account names of the matcher's fields (handle_names): the subject's own races
 * only (ownRace), a team-word reading only for `team`. The hit spans the token that holds the name.
 */
function handleNameHits(m: CompiledMatcher, v: ItemView, inFields: readonly FieldText[]): MatchHit[] {
  const registry = v.registry;
  const words = v.handleWords;
  if (!registry || !words) return [];
  const out: MatchHit[] = [];
  for (const f of inFields) {
    if (f.window !== 0 || f.base !== 0) continue;
    for (const r of handleReadingsOf(f, v, registry, words)) {
      if (m.handleTeam && !r.team) continue;
      const at = normalisedRange(f.norm, r.start, r.end);
      if (!at) continue;
      let term = HANDLE_TERM.get(r);
      if (!term) {
        term = { list: 'names', election: r.election, pair: r.pair, term: r.matched };
        HANDLE_TERM.set(r, term);
        HANDLE_READ.set(term, r);
      }
      out.push({ field: f.field, index: f.index, window: f.window, start: at.start, end: at.end, term });
    }
  }
  return out;
}

function handleReadingsOf(f: FieldText, v: ItemView, registry: CompiledRegistry, words: HandleWords): HandleReading[] {
  if (f.handleReadings) return f.handleReadings;
  f.handleReadings = ownHandleReadings(f.norm.original, registry, words, v.elections, v.region);
  return f.handleReadings;
}

/** The readings of a field string's account names against the subject's own races in force. */
function ownHandleReadings(text: string, registry: CompiledRegistry, words: HandleWords, elections: ReadonlySet<Election>, region: string | undefined): HandleReading[] {
  const own = [...elections].filter((e) => ownRace(e, region));
  if (own.length === 0) return [];
  const key = `${own.map((e) => e.id).sort().join(',')}|${region ?? ''}`;
  let scopes = HANDLE_SCOPES.get(registry);
  if (!scopes) HANDLE_SCOPES.set(registry, (scopes = new Map()));
  let scope = scopes.get(key);
  if (!scope) {
    const lists = new Map<string, RegistryTerm[]>();
    const termsOf = (list: 'names' | 'pair_names' | 'ambiguous'): RegistryTerm[] => {
      let terms = lists.get(list);
      if (!terms) lists.set(list, (terms = (registry.termsOfList ? registry.termsOfList(list) : registry.terms.filter((t) => t.list === list)).filter((t) => own.includes(t.election))));
      return terms;
    };
    scope = handleScope(own, region, termsOf, words);
    if (scopes.size >= 64) scopes.clear();
    scopes.set(key, scope);
  }
  return readHandles(text, scope);
}

/** The normalised range that covers original [start, end), or undefined when nothing of it is left. */
function normalisedRange(norm: NormalisedText, start: number, end: number): { start: number; end: number } | undefined {
  let from = -1;
  let to = -1;
  for (let i = 0; i < norm.text.length; i++) {
    if ((norm.starts[i] ?? 0) >= start && (norm.ends[i] ?? 0) <= end) {
      if (from < 0) from = i;
      to = i + 1;
    }
  }
  return from < 0 ? undefined : { start: from, end: to };
}

const HANDLE_HOW: Record<HandleReading['confirmedBy'], { id: string; en: string }> = {
  'full-name': { id: 'bentuk nama lengkap', en: 'a full name form' },
  team: { id: 'dikuatkan kata tim', en: 'confirmed by the team word' },
  region: { id: 'dikuatkan nama wilayahnya', en: "confirmed by its race's region" },
  number: { id: 'dikuatkan nomor urutnya', en: 'confirmed by its ballot number' },
  year: { id: 'dikuatkan tahun pemilihan', en: 'confirmed by the election year' },
  'fan-place': { id: 'dikuatkan kata pendukung dan nama tempat', en: "confirmed by a fans' word and a place" },
  mate: { id: 'dikuatkan nama pasangannya', en: "confirmed by the running mate's name" },
};

/** What a name read inside an account name was split into and what made it the pair's. */
function handleNote(r: HandleReading): { id: string; en: string } {
  const pair = `${r.pair.name} (${String(r.pair.number).padStart(2, '0')})`;
  const by = r.by.map((w) => `“${w}”`).join(', ');
  const how = HANDLE_HOW[r.confirmedBy];
  return {
    id: `Nama akun/halaman “${r.written}” dibaca per bagian: ${piecesText(r)}; “${r.matched}” = ${pair}, ${how.id}${by ? ` ${by}` : ''}.`,
    en: `The account/page name “${r.written}” is read in pieces: ${piecesText(r)}; “${r.matched}” = ${pair}, ${how.en}${by ? ` ${by}` : ''}.`,
  };
}

/**
 * An ambiguous form of a pair with an incumbent that names no one candidate and is not one of the
 * pair's ambiguous pair names: a word for the one in office (registry.ts pairTerms, lexicon
 * sebutan-petahana), which only a pair with an incumbent owns.
 */
function incumbentWord(term: RegistryTerm): boolean {
  const pair = term.pair;
  if (!pair || candidateOf(term) >= 0 || !pair.candidates.some((c) => c.incumbent)) return false;
  return !pair.ambiguous_pair_names.some((n) => n.toLowerCase() === term.term);
}

/** Registry lists whose hit names its pair beside a short name of that pair (numberedShortNameHits). */
const OWN_PAIR_LISTS: ReadonlySet<string> = new Set(['names', 'pair_names', 'hashtags', 'teams', 'accounts', 'slogans']);

/** Words for the fingers a number is shown with: Indonesian (and most regional registers) jari, Javanese driji, Sundanese ramo. */
const FINGER_NUMBER = /\b(?:(\p{L}+|\d) (?:jari|driji|ramo)|(?:jari|driji|ramo) (\p{L}+|\d))\b/gu;

/** The numbers a normalised text shows with fingers ("dua jari", "jari 3", "tilu ramo", "driji loro"). */
function fingerNumbers(text: string): Set<number> {
  const out = new Set<number>();
  if (!/\b(?:jari|driji|ramo)\b/u.test(text)) return out;
  for (const m of text.matchAll(FINGER_NUMBER)) {
    const word = (m[1] ?? m[2]) as string;
    const digit = /^\d$/.test(word) ? word : numberWordValue(word);
    if (digit) out.add(Number(digit));
  }
  return out;
}

/** A short form inside or overlapping a firm name of its own pair ("Pak Yusuf Maulana") is part of that name already. */
function overlapsFirmName(found: ReadonlyArray<{ hit: TermHit<TermOwner>; term: RegistryTerm }>, r: { hit: TermHit<TermOwner>; term: RegistryTerm }): boolean {
  return found.some((x) => (x.term.list === 'names' || x.term.list === 'pair_names') && x.term.pair?.id === r.term.pair?.id && x.hit.start < r.hit.end && r.hit.start < x.hit.end);
}

/**
 * Short names made firm by their context (chatNamedHits, numberedShortNameHits): the stance model
 * reads the item as it was trained, with only the names the registry makes firm masked.
 */
const PROMOTED = new WeakSet<RegistryTerm>();

/** "AMIN ya Allah", "AMIN YRA", "amin amin" */
/** after "amin", "ya Allah"/"YRA" or another "amin" close a prayer ("AMIN ya Allah", "AMIN YRA", "amin amin"); a wish before it is RulePack.contextPatterns.prayerBefore */
const PRAYER_AFTER = /^\s*(?:ya\b|yra\b|yaa\b|allahumma|amin\b|🤲|🙏)/u;

/** The earlier chat message that made a short name firm (chatNamedHits), by the term it made. */
const CHAT_NAMED = new WeakMap<RegistryTerm, ThreadMessage>();

/** Registry lists that name a pair by identity: what makes an earlier message's mention firm. */
const IDENTITY_LISTS: ReadonlySet<string> = new Set(['names', 'pair_names', 'hashtags', 'teams', 'accounts']);

/**
 * The pairs one earlier message names by identity, memoised per message id (a content hash: in a
 * worker thread every request carries its own copy of the earlier messages), pack and region.
 * Bounded: cleared when full, as the next messages of a chat need only the last few.
 */
const NAMED_BY_MESSAGE = new Map<string, { pack: RulePack; pairs: readonly string[] }>();
const NAMED_BY_MESSAGE_LIMIT = 4096;
function pairsNamedBy(pack: RulePack, item: Item, region: string | undefined): readonly string[] {
  const key = `${ensureItemId(item)}\u0000${region ?? ''}`;
  const known = NAMED_BY_MESSAGE.get(key);
  if (known && known.pack === pack) return known.pairs;
  const view = prepareItem(pack, item, region === undefined ? {} : { region });
  const pairs = new Set<string>();
  for (const f of view.fields) {
    for (const { hit, term } of registryHitsOf(f, view.elections)) {
      if (!term.pair || !IDENTITY_LISTS.has(term.list)) continue;
      if (term.list === 'hashtags' && !hit.inHashtag && f.field !== 'hashtags') continue;
      // a short name its post confirmed names a pair only of the subject's own races (confirmedShortNameHits)
      if (CONFIRMED_BY.has(term) && !ownRace(term.election, region)) continue;
      pairs.add(term.pair.id);
    }
  }
  const out = [...pairs];
  if (NAMED_BY_MESSAGE.size >= NAMED_BY_MESSAGE_LIMIT) NAMED_BY_MESSAGE.clear();
  NAMED_BY_MESSAGE.set(key, { pack, pairs: out });
  return out;
}

/**
 * The newest earlier message of the chat (the thread is newest first: reply/window, then the chat)
 * that names the pair by identity. A message whose text holds none of the pair's name words
 * (pairWords) is passed over without matching it: most chat messages name nobody.
 */
function chatMessageNaming(pack: RulePack, thread: readonly ThreadMessage[], region: string | undefined, pair: RegistryPair): ThreadMessage | undefined {
  const words = pairWords(pair);
  for (const m of thread) {
    const text = `${m.item.text ?? ''} ${m.item.hashtags.join(' ')}`.toLowerCase();
    if (!words.some((w) => text.includes(w))) continue;
    if (pairsNamedBy(pack, m.item, region).includes(pair.id)) return m;
  }
  return undefined;
}

/** chatMessageNaming per pair, asked at most once per item (the item's fields share it). */
function chatNaming(pack: RulePack, thread: readonly ThreadMessage[], region: string | undefined): (pair: RegistryPair) => ThreadMessage | undefined {
  const named = new Map<string, ThreadMessage | null>();
  return (pair) => {
    let m = named.get(pair.id);
    if (m === undefined) named.set(pair.id, (m = chatMessageNaming(pack, thread, region, pair) ?? null));
    return m ?? undefined;
  };
}

/** Lower-case words of a pair's firm names and tags (a firm mention of it holds one of them as written, or nearly). */
const PAIR_WORDS = new WeakMap<RegistryPair, string[]>();
function pairWords(pair: RegistryPair): string[] {
  let words = PAIR_WORDS.get(pair);
  if (!words) {
    const sources = [...pair.candidates.flatMap((c) => [c.name, ...c.forms]), ...pair.pair_names, ...pair.hashtags];
    words = [...new Set(sources.flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= 3))];
    PAIR_WORDS.set(pair, words);
  }
  return words;
}

function matcherKey(type: 'rule' | 'exception', index: number, matcher: string): string {
  return `${type}:${index}:${matcher}`;
}

// an owner's matcher key, made once per owner (owners are the pack's shared objects): building
// the string for every owner of every hit was a tenth of a heavy scan's evaluation
const OWNER_KEY = new WeakMap<TermOwner, string>();
function ownerKey(o: Extract<TermOwner, { type: 'rule' | 'exception' }>): string {
  let k = OWNER_KEY.get(o);
  if (k === undefined) {
    k = matcherKey(o.type, o.index, o.matcher);
    OWNER_KEY.set(o, k);
  }
  return k;
}

/**
 * The matcher keys of an owners list's rule and exception owners, in its order: made once per list
 * (the matcher's lists are shared by every hit of a pattern), so termHitsOf does not walk the
 * registry owners of every hit again (a ballot number's list has thousands).
 */
const OWNER_KEYS = new WeakMap<readonly TermOwner[], readonly string[]>();
function ownerKeys(owners: readonly TermOwner[]): readonly string[] {
  let keys = OWNER_KEYS.get(owners);
  if (keys === undefined) {
    const made: string[] = [];
    for (const o of owners) if (o.type === 'rule' || o.type === 'exception') made.push(ownerKey(o));
    keys = made;
    OWNER_KEYS.set(owners, keys);
  }
  return keys;
}

/** Hits of one rule/exception term matcher in a field: one pass over the hits per field, then lookups. */
function termHitsOf(f: FieldText, key: string): readonly TermHit<TermOwner>[] {
  if (!f.byMatcher) {
    f.byMatcher = new Map();
    for (const h of f.hits) {
      for (const k of ownerKeys(h.owners)) {
        const list = f.byMatcher.get(k);
        // a term listed twice for one matcher (two lexicons) is still one hit
        if (!list) f.byMatcher.set(k, [h]);
        else if (list[list.length - 1] !== h) list.push(h);
      }
    }
  }
  return f.byMatcher.get(key) ?? NO_TERM_HITS;
}
/** the answer of termHitsOf for a matcher with no hit in the field (read only: one array, not one per call) */
const NO_TERM_HITS: readonly TermHit<TermOwner>[] = Object.freeze([]);

/** Per-item facts shared by all rules. */
export interface ItemView {
  item: Item;
  fields: FieldText[];
  /** the pack's registry, for the readings of account names (handle_names); absent in views made elsewhere */
  registry?: CompiledRegistry;
  /** the pack's fixed pieces of an account name (RulePack.handleWords), with `registry` */
  handleWords?: HandleWords;
  /** elections whose watch window contains the item time (shared between items: read only) */
  elections: ReadonlySet<Election>;
  region: string | undefined;
  /** the region the item's own firm references name (ballotRegion), made on first use; null: none */
  namedRegion?: string | null;
  /** the item was posted in a chat/group marked as a workplace group */
  inWorkplaceGroup: boolean;
  /** the pack's words for a counted tenure declared enough (RulePack.tenure; stance.ts tenureEndedAt) */
  tenure: TenureWords | undefined;
  /** the pack's grammar word classes a cue's stance is read by (RulePack.stanceGrammar) */
  grammar: StanceGrammar;
  /** the function words a title-case headline leaves in lower case (RulePack.headlineSmallWords) */
  headlineSmallWords: ReadonlySet<string>;
  /** the item's chat read as a workplace group from its messages */
  workplaceChat?: WorkplaceReading;
  /**
   * While evaluateView walks the rules: the prefilter's state for this item (ItemGates): whether
   * a rule may hold (mayHold) and a matcher's gate (state: 0, it certainly does not hold), so a
   * rule's condition skips computing such matchers.
   */
  gates?: ItemGates;
  /** findings of rules already evaluated on this item (rules that build on others reuse them) */
  results?: Map<number, Finding | undefined>;
  /** when the text is an earlier chat message + this reply read as one: where the reply starts */
  replyStart?: number;
  /**
   * on such a joined text, the reply's own verb of going along (readReply `goes`), in the joined
   * text field's normalised offsets: the hit of a `reply_going` matcher
   */
  replyGoing?: { start: number; end: number };
  /**
   * on such a joined text, the going verb of the question the reply answers by going along ("…
   * kampanye AMIN, ado yang nak melok?" → "Aku melok"): the question asked who goes, and the reply
   * says the writer does, so the asked verb is the writer's too (askedGoing). Also a hit of `reply_going`.
   */
  askedGoing?: ReadonlyArray<{ start: number; end: number }>;
  /** length of the item's longest field text (before windowing) */
  longest: number;
  /** the activity's time in ms since the epoch (NaN: none), made on first use (viewTime) */
  time?: number;
  /** the kinds of contest (pilkada, pilpres) the item's words name, made on first use */
  kinds?: ReadonlySet<ElectionKind>;
  /** hits of registry and regex matchers by definition (sharedKey), shared by the rules that name them */
  sharedHits?: Map<string, MatchHit[]>;
  /** the fields read by matchers of one field set (fieldsRead), by the set's bit mask, made on first use */
  fieldLists?: Map<number, FieldText[]>;
  /**
   * Whether each shared exception's condition holds on this item, by exception index: it reads the
   * exception and the item only, and every rule that fires on an item asked it again (with `*`, of
   * every exception) with the hits made anew each time.
   */
  exceptionHolds?: Map<number, boolean>;
  /** how each pair mention reads as the writer's own choice (choiceReading), by field text and place, made on first use */
  choiceReadings?: ChoiceReadings;
  /** the pairs the item's registry words name, by election id (namedPairs), each made on first use */
  namedPairs?: Map<string, ReadonlySet<string>>;
}

export function evaluate(pack: RulePack, item: Item, ctx: EvalContext = {}): Finding[] {
  return evaluateItem(pack, item, ctx).findings;
}

/** evaluate, and the length of the item's longest field text (a scan warns when one is matched in windows). */
export function evaluateItem(pack: RulePack, item: Item, ctx: EvalContext = {}): { findings: Finding[]; longest: number } {
  // the clean path: an item alone (no chat before it) on which no rule's prefilter can open
  if (!ctx.thread?.length && ctx.workplaceChat === undefined) {
    const texts = fieldTexts(item);
    let longest = 0;
    for (const t of texts) if (t.text.length > longest) longest = t.text.length;
    if (!isWorkplaceGroup(item, ctx.workplaceGroups) && certainlyClean(pack, item.kind, texts, activityTime(item), ctx.region, (ctx.limits ?? DEFAULT_LIMITS).textWindow, item.media.length > 0)) {
      if (CLEAN_GATE_CHECK) checkCleanGate(pack, item, ctx, texts);
      return { findings: [], longest };
    }
  }
  const view = prepareItem(pack, item, ctx);
  // specificFirst: only this result goes straight to withoutFallbackForm (see evaluateView)
  let findings = evaluateView(pack, view, true);
  if (findings.length === 0 && ctx.thread?.some((m) => m.via !== 'chat')) findings = findingsInThread(pack, view, ctx);
  if (findings.length === 0 && ctx.thread?.some((m) => m.via !== 'chat')) findings = offerCarriedOn(pack, view, ctx);
  if (findings.length === 0 && ctx.thread?.some((m) => m.via !== 'chat')) findings = ownActCarriedOn(pack, view, ctx);
  return { findings: findings.length === 0 ? findings : withoutOpposedSides(routeByAct(pack, view, withoutFallbackForm(pack, findings))), longest: view.longest };
}

// ── the clean path ─────────────────────────────────────────────────────────────────────────────
// Almost every item a scan reads is clean: no rule term and no registry name occurs in it, so
// evaluateView's prefilter skips every rule. Deciding that took the whole preparation (normalise
// with its offset maps and masks, every term's hits, the name-tag and misspelled-name lookups,
// the item view). The gate asks only what the prefilter reads: the normalised text alone
// (normalisedText), the pack's automaton at word starts with find's word-end rule, its matches of
// patterns that open no gate (no rule term slot, no registry list) passed over, the stemmer's
// roots, misspelled names and name tags, each list only for an election in force and a number
// only where it reads as a ballot number, then each touched rule's gated condition. Its hits are
// a superset of the prefilter's (the URL mask is not asked, nor the ballot's region when the
// subject's is unknown), so an item it lets through has no finding; any other item, and an item
// in a chat, a workplace group or beyond the text window, takes the full path.

/** NETRAL_CLEAN_GATE_CHECK=1: every item the gate lets through is also evaluated in full, and must give nothing. */
const CLEAN_GATE_CHECK = process.env.NETRAL_CLEAN_GATE_CHECK === '1';

/**
 * evaluateView(prepareItem(pack, item, ctx)) certainly gives no finding: the clean gate asked as
 * evaluateItem asks it, for an item read with a chat's earlier messages as naming context only
 * (namingContext: prepareItem reads them for chatNamedHits alone, which the gate answers by
 * letting no ambiguous short form through). Not in a workplace group or with a workplace reading.
 */
function certainlyQuiet(pack: RulePack, item: Item, ctx: EvalContext): boolean {
  if (ctx.workplaceChat !== undefined || isWorkplaceGroup(item, ctx.workplaceGroups)) return false;
  const texts = fieldTexts(item);
  if (!certainlyClean(pack, item.kind, texts, activityTime(item), ctx.region, (ctx.limits ?? DEFAULT_LIMITS).textWindow, item.media.length > 0, (ctx.thread?.length ?? 0) > 0)) return false;
  if (CLEAN_GATE_CHECK) checkCleanGate(pack, item, ctx, texts);
  return true;
}

interface CleanGate {
  /** undefined: some rule may hold on an item with no term at all, so the gate never lets one through */
  terms: TermGate | undefined;
  /** scratch per item, as evaluateView's (RuleTouch): the fields each slot occurred in, the rules touched */
  slotHit: Uint16Array;
  touched: Uint8Array;
  /**
   * ItemGates on the gate's own superset of hits (its own slotHit): a region-scoped list that
   * occurred counts as in the ballot's scope when the subject's region is not known, and a
   * workplace gate stays closed (the gate is asked outside workplace groups only)
   */
  states: CleanItemGates;
  /** ownerSummary per pattern, made on its first hit (an array: no WeakMap lookup per hit) */
  summaries: Array<OwnerSummary | undefined>;
}
const CLEAN_GATES = new WeakMap<RulePack, CleanGate>();

function cleanGateOf(pack: RulePack): CleanGate {
  let gate = CLEAN_GATES.get(pack);
  if (gate) return gate;
  const touch = ruleTouchOf(pack);
  const slotHit = new Uint16Array(pack.gateSlots);
  const states = new CleanItemGates({ ...touch, slotHit }, freeLeafMatchers(pack, touch));
  // a rule that may hold on an item with no term, outside a workplace group: the gate is off
  const idle = pack.rules.some((rule, r) => rule.def.status !== 'deprecated' && gatedMayHold(touch.gated[r] as GatedCondition, states) !== 0);
  gate = {
    terms: idle ? undefined : pack.matcher.gate((owners) => owners.some((o) => (o.type === 'rule' && o.slot >= 0) || o.type === 'registry')),
    slotHit,
    touched: new Uint8Array(pack.rules.length),
    states,
    summaries: [],
  };
  CLEAN_GATES.set(pack, gate);
  return gate;
}

/**
 * The matchers behind the prefilter's free leaves (a gate of 'free': nothing knowable from the
 * terms) that the clean gate can still decide from the item's texts and kind: a regex holds only
 * where it matches the normalised text of some field, a kind or media test reads the item.
 */
function freeLeafMatchers(pack: RulePack, touch: RuleTouch): Map<GateLeaf, CompiledMatcher> {
  const out = new Map<GateLeaf, CompiledMatcher>();
  for (const rule of pack.rules) {
    // walked from the matchers' side: the gate is built once per pack, and a matcher no free leaf
    // needs (a stance model, a registry matcher) is not even looked up
    for (const [name, m] of rule.matchers) {
      const g = rule.gate.get(name);
      if (!g || g.type !== 'free' || !(m.type === 'regex' ? m.regexSource !== undefined : m.type === 'kind' || m.type === 'has_media')) continue;
      out.set(gateLeaf(g, touch.gateLists, touch.leaves), m);
    }
  }
  return out;
}

/**
 * No rule can hold on an item with these field texts, outside a workplace group and with no chat
 * before it: evaluateView's prefilter on a superset of the item's hits skips every rule.
 * `hasMedia`: the item carries media (undefined: not known, a media test may then hold).
 */
export function certainlyClean(pack: RulePack, kind: Item['kind'], texts: ReadonlyArray<{ field: SpanField; text: string }>, time: string | undefined, region: string | undefined, windowLength: number, hasMedia?: boolean, inChat = false): boolean {
  const gate = cleanGateOf(pack);
  const terms = gate.terms;
  if (!terms) return false;
  const touch = ruleTouchOf(pack);
  const slotHit = gate.slotHit.fill(0);
  const touched = gate.touched.fill(0);
  let listsMask = 0;
  let scopedMask = 0;
  const elections = electionsInForce(pack.registry, time);
  const markList = (list: string, inScope = true): void => {
    const bit = touch.listBit.get(list) ?? 0;
    listsMask |= bit;
    if (inScope) scopedMask |= bit;
    for (const r of touch.rulesOfList.get(list) ?? []) touched[r] = 1;
  };
  let ambiguous = false;
  // two capitalised halves joined (derivedPairHits) may name a pair though no term occurred
  let halves = false;
  const states = gate.states;
  states.reset();
  states.kind = kind;
  states.hasMedia = hasMedia;
  const norms = states.texts;
  norms.length = 0;
  for (const { field, text } of texts) {
    if (text.length > windowLength) return false;
    const norm = normalisedText(text);
    if (norm === undefined) return false;
    norms.push(norm);
    const bit = spanFieldBit(field);
    terms.scan(norm, (pattern, start, end) => {
      const { slots, lists } = (gate.summaries[pattern] ??= ownerSummary(pack.matcher.ownersAt(pattern)));
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[k] as number;
        slotHit[slot] = (slotHit[slot] as number) | bit;
        touched[touch.ruleOfSlot[slot] as number] = 1;
      }
      for (const entry of lists) {
        // as evaluateView: a list of no election in force, a number that reads as something else, opens nothing
        // (in force first: the cheap test; both are pure)
        if (!listInForce(entry, elections)) continue;
        if (entry.list === 'numbers' && isAsciiDigit(norm.charCodeAt(end - 1)) && !plausibleBallotNumber(norm, start, end)) continue;
        // a region-scoped list (numbers, hand signs) with no term of the subject's ballot opens only the gates of another scope
        markList(entry.list, !entry.scoped || region === undefined || listInScope(entry, elections, region));
        if (entry.list === 'ambiguous') ambiguous = true;
      }
    });
    if (misspelledNameIn(pack, norm, elections)) markList('names');
    if (writtenHalves(text).length > 0) halves = true;
    if (text.includes('#')) {
      for (const tag of nameTagsIn(pack.registry, text)) {
        for (const t of tag.terms) {
          if (!elections.has(t.election)) continue;
          markList(t.list);
          if (t.list === 'ambiguous') ambiguous = true;
        }
      }
    }
  }
  // in a chat an earlier message may confirm an ambiguous short form as the pair it named
  // (chatNamedHits): not read here, so such a text is not certainly clean
  if (ambiguous && inChat) return false;
  // an ambiguous short form may make a pair name or a name, by its running mate, the contest, a
  // capital acronym … (evaluateView, registryHitsOf): asked of the texts as evaluateView asks it
  const names = (touch.listBit.get('pair_names') ?? 0) | (touch.listBit.get('names') ?? 0);
  if ((ambiguous || halves) && (listsMask & names) !== names) {
    texts.forEach(({ field, text }, index) => {
      for (const { term } of registryHitsOf(fieldText(pack, field, index, 0, 0, text, undefined), elections)) {
        if (term.list === 'pair_names' || term.list === 'names') markList(term.list);
      }
    });
  }
  states.listsMask = listsMask;
  states.scopedMask = scopedMask;
  // a name read inside the target's or chat's account name (handle_names) opens rules no term touched
  for (const { field, text } of texts) if ((field === 'target' || field === 'context') && ownHandleReadings(text, pack.registry, pack.handleWords, elections, region).length > 0) return false;
  for (let r = 0; r < pack.rules.length; r++) {
    const rule = pack.rules[r] as CompiledRule;
    if (touched[r] === 0 || rule.def.status === 'deprecated' || !rule.kinds.has(kind)) continue;
    const gated = touch.gated[r] as GatedCondition;
    if (cleanMayHold(gated, states, slotHit) === 0) continue;
    // open on its terms: asked again with its regexes run and the item's kind and media read
    states.sharp = true;
    const open = gatedMayHold(gated, states) !== 0;
    states.sharp = false;
    if (open) return false;
  }
  return true;
}

/** 0-9, as /\d$/ reads a hit's last character (without making the hit's text) */
function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** misspelledNameHits has a hit of an election in force on this normalised text (the URL mask not asked: a superset). */
function misspelledNameIn(pack: RulePack, text: string, elections: ReadonlySet<Election>): boolean {
  if (pack.registry.editVariants.size === 0) return false;
  let found = false;
  misspelledCandidates(pack, text, (terms) => {
    if (terms.some((t) => elections.has(t.election))) found = true;
    return found;
  });
  return found;
}

/** The gate's self-check: the normalised texts are normalise's, and the full path walks no rule. */
function checkCleanGate(pack: RulePack, item: Item, ctx: EvalContext, texts: ReadonlyArray<{ text: string }>): void {
  for (const { text } of texts) {
    if (normalisedText(text) !== normalise(text).text) throw new Error(`clean gate: normalisedText differs from normalise on ${JSON.stringify(text)}`);
  }
  const view = prepareItem(pack, item, ctx);
  // the prefilter may walk a rule the gate closed by reading its regexes or the item's media: such
  // a rule must then not hold (evaluateRule), whatever its exceptions say
  const walked: number[] = [];
  const gates = ruleTouchOf(pack).gates;
  const mayHold = gates.mayHold;
  gates.mayHold = function (r: number): boolean {
    const may = mayHold.call(this, r);
    if (may) walked.push(r);
    return may;
  };
  let findings: Finding[];
  try {
    findings = evaluateView(pack, view, true);
  } finally {
    gates.mayHold = mayHold;
  }
  const held = walked.filter((r) => evaluateRule(pack, pack.rules[r] as CompiledRule, prepareItem(pack, item, ctx)) !== undefined);
  if (findings.length > 0 || held.length > 0) throw new Error(`clean gate let through an item a rule reads: ${JSON.stringify(texts.map((t) => t.text))}`);
}

const venueCache = new WeakMap<RulePack, Map<string, CompiledRule>>();
/** The rules that name a venue (`venue:`), by id. */
function venueRules(pack: RulePack): Map<string, CompiledRule> {
  let map = venueCache.get(pack);
  if (!map) {
    map = new Map(pack.rules.filter((r) => r.def.venue).map((r) => [r.def.id, r]));
    venueCache.set(pack, map);
  }
  return map;
}

const ACT_NOTE = {
  id: 'Pesan yang sama juga terbaca sebagai larangan lain; bentuknya ditentukan oleh perbuatannya',
  en: 'The same message also reads as another prohibition; its form is decided by the act',
};

/**
 * The act decides the form before the venue (RUBRIC, prohibition 6 and the reply rule): a message
 * in an office group that shows its sender's own act — a rally attended, a shirt worn, a sticker
 * on their motorbike, a debate, a victory party — is that act's form, and the office finding
 * (a rule with `venue:`) yields. Only a message addressed to colleagues (the venue rule's
 * `addressed` matcher on the item's own words: an offer, an invitation, "sing arep njupuk") is the
 * office form, and then the acts it hands round or invites to (`absorbs`) are its content. Forms
 * it does not absorb (a debate, a victory party, a campaign-team role) keep the item. The finding
 * that stays names the readings left out, so the reviewer sees both.
 */
function routeByAct(pack: RulePack, view: ItemView, findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const venues = venueRules(pack);
  const atVenue = findings.filter((f) => venues.has(f.ruleId));
  if (atVenue.length === 0) return findings;
  const venueForms = new Set(atVenue.map((f) => f.prohibition));
  const acts = findings.filter((f) => !venues.has(f.ruleId) && f.prohibition !== 3 && !venueForms.has(f.prohibition));
  if (acts.length === 0) return findings;
  const absorbed = new Set<Finding['prohibition']>();
  const absorbedForms = new Set<string>();
  // every venue rule of the venue's prohibition reads the item's address, not only the one whose
  // finding stayed: the office rule that fired directly ("kaos … di kantor") may lack the offer
  // shape the rule building on it knows ("yang perlu", "nu peryogi"), and its finding repeated
  // the other's and was left out (withoutFallbackForm)
  for (const rule of venues.values()) {
    if (!venueForms.has(rule.def.prohibition)) continue;
    const venue = rule.def.venue as NonNullable<CompiledRule['def']['venue']>;
    // a share into the group is handed round to it by its kind; its interaction forms are the content
    if (venue.hands_round?.kinds.includes(view.item.kind)) {
      venue.absorbs.forEach((p) => absorbed.add(p));
      venue.hands_round.skb_forms.forEach((k) => absorbedForms.add(k));
      continue;
    }
    const hitsOf = hitsMemo(rule.matchers, view, { type: 'rule', index: rule.index });
    const addressed = venueAddressed(venue).some((name) => matcherHolds(rule.matchers.get(name) as CompiledMatcher, view, hitsOf(name)));
    if (addressed) venue.absorbs.forEach((p) => absorbed.add(p));
  }
  const isAbsorbed = (f: Finding) => absorbed.has(f.prohibition) || (f.skbForm !== undefined && absorbedForms.has(f.skbForm));
  const ownActs = acts.filter((f) => !isAbsorbed(f));
  const dropped = new Set<Finding>(ownActs.length > 0 ? atVenue.concat(acts.filter(isAbsorbed)) : acts);
  const kept = findings.filter((f) => !dropped.has(f));
  // the strongest finding that stays names the readings left out
  const [lead] = [...kept].sort((a, b) => b.confidence - a.confidence || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  if (!lead) return findings;
  const others = [...dropped].map((f) => `${f.prohibition}: ${f.ruleId}`).join(', ');
  const candidates = mergeCandidates(lead.candidates, [...dropped].flatMap((f) => f.candidates));
  const said = restated(lead, candidates);
  const noted: Finding = { ...lead, candidates, explanation: { id: `${said.id} ${ACT_NOTE.id} (${others}).`, en: `${said.en} ${ACT_NOTE.en} (${others}).` } };
  return kept.map((f) => (f === lead ? noted : f));
}

/**
 * The findings of every rule on a prepared item, in rule order.
 * `specificFirst` (speed only, for a result that goes to withoutFallbackForm and nowhere else): the
 * fallback rules (prohibition 3, building on none) are asked last, and not at all once a finding of
 * a specific form stands that nothing can supersede — withoutFallbackForm would leave every
 * prohibition-3 finding out, and their evidence (a status rule asks every clause it holds on) was
 * a third of a heavy scan's rule time. A rule that builds on them still asks them (baseFindings),
 * and so does a specific finding that names a pair only as a mention (withStatusSides).
 */
function evaluateView(pack: RulePack, view: ItemView, specificFirst = false): Finding[] {
  const findings: Finding[] = [];
  // prefilter (see CompiledRule.gate): which rule term matchers and which registry lists (of the
  // elections in force) occurred; a rule whose condition is certainly false on that is skipped
  // per slot, the fields its terms occurred in (spanFieldBit)
  const touch = ruleTouchOf(pack);
  // cleared per item, not allocated: a typed array of this size lives outside the heap and costs more to make than to zero
  const slotHit = touch.slotHit.fill(0);
  const touched = touch.touched.fill(0);
  // (the pack's scratch sets, cleared per item: read only before the first rule runs below)
  // (clear() makes a new table even for an empty set: only a set that was filled is cleared)
  const listsHit = touch.listsHit;
  if (listsHit.size > 0) listsHit.clear();
  // the region-scoped lists (numbers, hand signs) with a term of the item's ballot (inBallotScope):
  // what a gate of a matcher of default scope reads; a ballot number of another region's pair
  // ("TPS 03", ✌) is dropped by every such matcher, so it opens none of their gates
  const scopedHit = touch.scopedHit;
  if (scopedHit.size > 0) scopedHit.clear();
  let region: string | undefined | null = null;
  for (const f of view.fields) {
    const bit = spanFieldBit(f.field);
    for (const h of f.hits) {
      const { slots, lists } = ownerSummary(h.owners);
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[k] as number;
        slotHit[slot] = (slotHit[slot] as number) | bit;
        touched[touch.ruleOfSlot[slot] as number] = 1;
      }
      for (const entry of lists) {
        // a number that reads as something else ("TPS 03", "jam 2", "RT 02": ballotNumberAt) is
        // dropped by every registry matcher, whatever its scope: it opens no gate either
        if (entry.list === 'numbers' && !ballotNumberAt(f, h)) continue;
        if (!listsHit.has(entry.list) && listInForce(entry, view.elections)) listsHit.add(entry.list);
        if (entry.scoped && !scopedHit.has(entry.list) && listsHit.has(entry.list)) {
          if (region === null) region = ballotRegion(view);
          if (listInScope(entry, view.elections, region)) scopedHit.add(entry.list);
        }
      }
    }
  }
  // two running mates named by their short forms make a pair name (runningMateHits)
  // and short forms beside a word of the contest make names (contestNamedHits)
  // and two halves made from one pair's names make a pair name (derivedPairHits)
  if ((!listsHit.has('pair_names') || !listsHit.has('names')) && (listsHit.has('ambiguous') || view.fields.some((f) => writtenHalves(f.norm.original).length > 0))) {
    for (const f of view.fields) {
      for (const r of registryHitsOf(f, view.elections)) if (r.term.list === 'pair_names' || r.term.list === 'names') listsHit.add(r.term.list);
    }
  }
  // the lists that occurred as one bit mask: a 'lists' gate is one AND, no iterator per gate and rule
  let listsMask = 0;
  let scopedMask = 0;
  for (const l of listsHit) {
    const bit = touch.listBit.get(l) ?? 0;
    listsMask |= bit;
    if (!(REGION_SCOPED as ReadonlySet<string>).has(l) || scopedHit.has(l)) scopedMask |= bit;
    for (const r of touch.rulesOfList.get(l) ?? []) touched[r] = 1;
  }
  // the gates read this item's slots: valid only during this walk (the arrays are reused)
  const gates = touch.gates;
  gates.listsMask = listsMask;
  gates.scopedMask = scopedMask;
  gates.inWorkplace = view.inWorkplaceGroup;
  gates.workplaceChat = view.workplaceChat !== undefined;
  gates.handles = view.fields.some((f) => f.field === 'target' || f.field === 'context');
  view.gates = gates;
  try {
    const fallback = specificFirst ? pack.fallback : undefined;
    let skipFallback = false;
    if (fallback !== undefined) {
      for (let r = 0; r < pack.rules.length; r++) {
        const rule = pack.rules[r] as CompiledRule;
        if (fallback.rules.has(rule) || rule.def.status === 'deprecated' || !rule.kinds.has(view.item.kind) || !gates.mayHold(r)) continue;
        const finding = ruleResult(pack, rule, view);
        // a specific form no rule supersedes stays whatever else holds: the fallback findings go
        // (unless it names a pair only as a mention: their side is still read, withStatusSides)
        if (finding && finding.prohibition !== 3 && !fallback.superseded.has(finding.ruleId) && !finding.candidates.some((c) => c.stance === 'mention')) {
          skipFallback = true;
          break;
        }
      }
    }
    for (let r = 0; r < pack.rules.length; r++) {
      const rule = pack.rules[r] as CompiledRule;
      if (rule.def.status === 'deprecated' || !rule.kinds.has(view.item.kind)) continue;
      if (skipFallback && fallback?.rules.has(rule)) continue;
      // nothing this rule gates on occurred, and its condition is false on nothing: no need to walk it
      if (!gates.mayHold(r)) continue;
      const finding = ruleResult(pack, rule, view);
      if (finding) findings.push(finding);
    }
  } finally {
    view.gates = undefined;
  }
  return findings;
}

/**
 * What the prefilter needs from a term's owners: the rule slots, and per registry list the
 * elections it belongs to. A ballot number ("02") is owned by hundreds of elections; walking its
 * owners for every hit was the prefilter's main cost. Made once per owners list (speed only).
 */
interface OwnerSummary {
  slots: readonly number[];
  lists: readonly ListOwners[];
}

/** One registry list among a term's owners, with the elections it belongs to for that term. */
interface ListOwners {
  list: string;
  elections: readonly Election[];
  /** the list is region-scoped (REGION_SCOPED): the gates of default scope ask listInScope too */
  scoped: boolean;
  /** the last elections-in-force set asked about, and the answer (speed only: see listInForce) */
  askedOf?: ReadonlySet<Election>;
  answer?: boolean;
  /** the same for listInScope: the set and region last asked about, and the answer */
  scopeOf?: ReadonlySet<Election>;
  scopeRegion?: string;
  scopeAnswer?: boolean;
}

/**
 * Does the term belong to this list for an election in force? A word shared by hundreds of
 * regions' slogans or names walked all of them on every hit; the sets in force are shared by
 * every item of a stretch of time (registry.ts electionsInForce), so the answer for the last set
 * asked is kept and a run of items in time order asks once.
 */
function listInForce(entry: ListOwners, inForce: ReadonlySet<Election>): boolean {
  if (entry.askedOf === inForce) return entry.answer === true;
  let answer = false;
  for (const e of entry.elections) {
    if (inForce.has(e)) {
      answer = true;
      break;
    }
  }
  entry.askedOf = inForce;
  entry.answer = answer;
  return answer;
}

/**
 * Does the term belong to this list for an election in force and in the scope of the item's
 * ballot (inBallotScope)? Asked of region-scoped lists only; the last answer is kept as in
 * listInForce (the region is the subject's, the same for a whole scan).
 */
function listInScope(entry: ListOwners, inForce: ReadonlySet<Election>, region: string | undefined): boolean {
  if (entry.scopeOf === inForce && entry.scopeRegion === region) return entry.scopeAnswer === true;
  let answer = false;
  for (const e of entry.elections) {
    if (inForce.has(e) && inBallotScope(entry.list, e, region)) {
      answer = true;
      break;
    }
  }
  entry.scopeOf = inForce;
  entry.scopeRegion = region;
  entry.scopeAnswer = answer;
  return answer;
}
const OWNER_SUMMARY = new WeakMap<readonly TermOwner[], OwnerSummary>();

function ownerSummary(owners: readonly TermOwner[]): OwnerSummary {
  let summary = OWNER_SUMMARY.get(owners);
  if (summary) return summary;
  const slots: number[] = [];
  const lists = new Map<string, Set<Election>>();
  for (const o of owners) {
    if (o.type === 'rule') {
      if (o.slot >= 0) slots.push(o.slot);
    } else if (o.type === 'registry') {
      let elections = lists.get(o.term.list);
      if (!elections) lists.set(o.term.list, (elections = new Set()));
      elections.add(o.term.election);
    }
  }
  summary = { slots, lists: [...lists].map(([list, elections]): ListOwners => ({ list, elections: [...elections], scoped: (REGION_SCOPED as ReadonlySet<string>).has(list) })) };
  OWNER_SUMMARY.set(owners, summary);
  return summary;
}

/**
 * The prefilter's shortcut, per pack (speed only): which rule each term slot belongs to, which
 * rules gate on each registry list, and each rule's condition when none of its slots and lists
 * occurred (workplace and free gates unknown). A rule whose `idle` value is 0 and that nothing
 * touched is certainly false: the three-valued logic only sharpens as unknowns become known.
 */
interface RuleTouch {
  ruleOfSlot: Int32Array;
  rulesOfList: Map<string, number[]>;
  idle: Uint8Array;
  /** each rule's condition with its gates in place of its names (same order as pack.rules) */
  gated: GatedCondition[];
  /** a bit per registry list any gate names, and each 'lists' gate's lists as a mask of those bits */
  listBit: Map<string, number>;
  gateLists: Map<MatcherGate, number>;
  /** each gate's leaf (gateLeaf), made once */
  leaves: Map<MatcherGate, GateLeaf>;
  /** evaluateView's per-item scratch: the fields each slot's terms occurred in, and the rules touched (evaluateView never runs inside itself) */
  slotHit: Uint16Array;
  touched: Uint8Array;
  /** the registry lists that occurred, and the region-scoped ones of the item's ballot (two Sets per item were a GC cost) */
  listsHit: Set<string>;
  scopedHit: Set<string>;
  /** the prefilter's answers on the item being walked, read from the scratch above */
  gates: ItemGates;
}

/** What gatedMayHold reads a gate's state from (2: certainly holds, 1: may hold, 0: certainly not). */
interface GateStates {
  leaf(g: GateLeaf): 0 | 1 | 2;
}

/**
 * A name's gate as gatedMayHold reads it on every item (speed only: no Map lookup of a 'lists'
 * gate's mask, no string switch): the kind as a number, and the fields of that kind.
 */
interface GateLeaf {
  /** 0 free (or no gate), 1 slot, 2 lists, 3 all, 4 workplace, 5 workplace_chat, 6 any, 7 handles */
  kind: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
  slot: number;
  fields: number;
  /** a 'lists' gate's lists as RuleTouch.listBit bits; -1: a gate gateLists does not know (unknown) */
  mask: number;
  scoped: boolean;
  parts: GateLeaf[];
  gate: MatcherGate | undefined;
}

/** The leaf of a gate, made once per gate (`leaves`: the pack's RuleTouch.leaves). */
function gateLeaf(g: MatcherGate | undefined, gateLists: ReadonlyMap<MatcherGate, number>, leaves: Map<MatcherGate, GateLeaf>): GateLeaf {
  const known = g && leaves.get(g);
  if (known) return known;
  const leaf: GateLeaf = { kind: 0, slot: 0, fields: 0, mask: 0, scoped: false, parts: [], gate: g };
  if (!g) return leaf;
  leaves.set(g, leaf);
  switch (g.type) {
    case 'slot':
      leaf.kind = 1;
      leaf.slot = g.slot;
      leaf.fields = g.fields;
      break;
    case 'lists':
      leaf.kind = 2;
      leaf.mask = gateLists.get(g) ?? -1;
      leaf.scoped = g.scoped;
      break;
    case 'all':
      leaf.kind = 3;
      leaf.parts = g.parts.map((p) => gateLeaf(p, gateLists, leaves));
      break;
    case 'any':
      leaf.kind = 6;
      leaf.parts = g.parts.map((p) => gateLeaf(p, gateLists, leaves));
      break;
    case 'workplace':
      leaf.kind = 4;
      break;
    case 'workplace_chat':
      leaf.kind = 5;
      break;
    case 'handles':
      leaf.kind = 7;
      break;
    case 'free':
      break;
  }
  return leaf;
}

/**
 * The prefilter's state on the item evaluateView is walking: one per pack, its scratch set per
 * item (no closures made per item on the hot path). Valid only during that walk.
 */
export class ItemGates implements GateStates {
  /** the registry lists that occurred (RuleTouch.listBit) */
  listsMask = 0;
  /** the same with a region-scoped list only when a term of the item's ballot occurred (inBallotScope) */
  scopedMask = 0;
  /** the item was posted in a workplace group */
  inWorkplace = false;
  /** the item's chat was read as a workplace group from its messages (EvalContext.workplaceChat) */
  workplaceChat = false;
  /** the item has a target or a chat name, where handle_names may read a name (a superset) */
  handles = false;

  constructor(private readonly touch: Omit<RuleTouch, 'gates'>) {}

  /** A matcher's gate on this item: 0, its matcher certainly does not hold; 1, it may. */
  state(g: MatcherGate | undefined): 0 | 1 {
    return g ? this.leaf(gateLeaf(g, this.touch.gateLists, this.touch.leaves)) : 1;
  }

  /** A gate's state by its leaf (gateLeaf). */
  leaf(g: GateLeaf): 0 | 1 {
    switch (g.kind) {
      case 1:
        return ((this.touch.slotHit[g.slot] as number) & g.fields) !== 0 ? 1 : 0;
      case 2:
        // every gate of the pack's rules is in gateLists; one that is not stays unknown (never a lost finding)
        return g.mask === -1 || ((g.scoped ? this.scopedMask : this.listsMask) & g.mask) !== 0 ? 1 : 0;
      case 3:
        for (let k = 0; k < g.parts.length; k++) if (this.leaf(g.parts[k] as GateLeaf) === 0) return 0;
        return 1;
      case 6:
        for (let k = 0; k < g.parts.length; k++) if (this.leaf(g.parts[k] as GateLeaf) !== 0) return 1;
        return 0;
      case 4:
        return this.inWorkplace ? 1 : 0;
      case 5:
        return this.workplaceChat ? 1 : 0;
      case 7:
        return this.handles ? 1 : 0;
      default:
        return 1;
    }
  }

  /** Whether rule r (by index) may hold on this item (false: certainly not). */
  mayHold(r: number): boolean {
    const { touch } = this;
    return (touch.touched[r] !== 0 || touch.idle[r] !== 0) && gatedMayHold(touch.gated[r] as GatedCondition, this) !== 0;
  }
}
/**
 * The clean gate's ItemGates. Asked again (`sharp`) of a rule the terms alone leave open, it also
 * reads the free leaves freeLeafMatchers decides: a regex that matches no field's normalised text
 * (matcherHits runs it on the same text, and drops hits only) certainly does not hold, nor does a
 * media test on an item with no media or a kind test of another kind. Most clean items that name a
 * hand sign or a campaign word next to a regex clause were walked in full for nothing.
 */
class CleanItemGates extends ItemGates {
  sharp = false;
  /** the item's normalised field texts and what the gate knows of the item (set per item) */
  texts: string[] = [];
  kind: Item['kind'] = 'post';
  /** undefined: not known to the caller (the media leaves stay open) */
  hasMedia: boolean | undefined;
  /** a regex's answer on the current item (cleared per item) */
  private readonly regexAnswers = new Map<GateLeaf, 0 | 1>();

  constructor(
    touch: Omit<RuleTouch, 'gates'>,
    private readonly free: ReadonlyMap<GateLeaf, CompiledMatcher>,
  ) {
    super(touch);
  }

  /** the texts' UTF-8 bytes, made on the first regex asked of the item (node-re2 converts a string per call) */
  private readonly bytes: Buffer[] = [];

  reset(): void {
    this.sharp = false;
    this.regexAnswers.clear();
    this.bytes.length = 0;
  }

  override leaf(g: GateLeaf): 0 | 1 {
    if (g.kind !== 0 || !this.sharp) return super.leaf(g);
    const m = this.free.get(g);
    if (m === undefined) return 1;
    if (m.type === 'kind') return m.values?.has(this.kind) ? 1 : 0;
    if (m.type === 'has_media') return this.hasMedia === false && this.kind !== 'media' ? 0 : 1;
    let answer = this.regexAnswers.get(g);
    if (answer === undefined) {
      const re = matcherRegex(m);
      answer = 0;
      // the same bytes node-re2 would make of each string: the same answer
      if (this.bytes.length !== this.texts.length) {
        this.bytes.length = 0;
        for (const text of this.texts) this.bytes.push(Buffer.from(text, 'utf8'));
      }
      for (const text of this.bytes) {
        re.lastIndex = 0;
        if (re.test(text)) {
          answer = 1;
          break;
        }
      }
      re.lastIndex = 0;
      this.regexAnswers.set(g, answer);
    }
    return answer;
  }
}

const RULE_TOUCH = new WeakMap<RulePack, RuleTouch>();

function ruleTouchOf(pack: RulePack): RuleTouch {
  let touch = RULE_TOUCH.get(pack);
  if (touch) return touch;
  const ruleOfSlot = new Int32Array(pack.gateSlots);
  const rulesOfList = new Map<string, number[]>();
  const idle = new Uint8Array(pack.rules.length);
  const listBit = new Map<string, number>();
  // a list's bit, given in the order lists are first met (rules' gates first, then the exceptions'); the
  // registry lists are a short enum (schema.ts REGISTRY_LISTS): far fewer than 31
  const bitOfList = (l: string): number => {
    let bit = listBit.get(l);
    if (bit === undefined) {
      if (listBit.size >= 31) throw new Error('too many registry lists for the prefilter mask');
      listBit.set(l, (bit = 1 << listBit.size));
    }
    return bit;
  };
  const gateLists = new Map<MatcherGate, number>();
  const idleGates = pack.rules.map(() => new Map<MatcherGate, 0 | 1>());
  pack.rules.forEach((rule, r) => {
    const visit = (g: MatcherGate): 0 | 1 => {
      switch (g.type) {
        case 'slot':
          ruleOfSlot[g.slot] = r;
          return 0;
        case 'lists': {
          let mask = 0;
          for (const l of g.lists) {
            const rules = rulesOfList.get(l) ?? [];
            if (rules[rules.length - 1] !== r) rules.push(r);
            rulesOfList.set(l, rules);
            mask |= bitOfList(l);
          }
          gateLists.set(g, mask);
          return 0;
        }
        case 'all': {
          // every part is visited (their slots and lists are this rule's too)
          const parts = g.parts.map(visit);
          return parts.every((p) => p === 1) ? 1 : 0;
        }
        case 'any': {
          const parts = g.parts.map(visit);
          return parts.some((p) => p === 1) ? 1 : 0;
        }
        case 'workplace':
        case 'workplace_chat':
        case 'handles':
        case 'free':
          return 1;
      }
    };
    // every gate is visited once (its slots and lists are registered), then the condition is read on their idle states
    for (const g of rule.gate.values()) (idleGates[r] as Map<MatcherGate, 0 | 1>).set(g, visit(g));
  });
  // the exceptions' 'lists' gates get their masks too (a list no rule gate names gets its bit here,
  // after the rules' own: their masks are unchanged); they mark no rule touched and own no slot
  const exceptionLists = (g: MatcherGate): void => {
    if (g.type === 'lists') {
      let mask = 0;
      for (const l of g.lists) mask |= bitOfList(l);
      gateLists.set(g, mask);
    } else if (g.type === 'all' || g.type === 'any') g.parts.forEach(exceptionLists);
  };
  for (const ex of pack.exceptions) for (const g of ex.gate.values()) exceptionLists(g);
  // each condition with its gates' leaves, once every 'lists' gate has its mask
  const leaves = new Map<MatcherGate, GateLeaf>();
  const gated = pack.rules.map((rule) => gatedCondition(rule.condition, rule.gate, gateLists, leaves));
  pack.rules.forEach((_, r) => {
    const idleGate = idleGates[r] as Map<MatcherGate, 0 | 1>;
    idle[r] = gatedMayHold(gated[r] as GatedCondition, { leaf: (l) => (l.gate === undefined ? 1 : (idleGate.get(l.gate) ?? 1)) });
  });
  const scratch = { ruleOfSlot, rulesOfList, idle, gated, listBit, gateLists, leaves, slotHit: new Uint16Array(pack.gateSlots), touched: new Uint8Array(pack.rules.length), listsHit: new Set<string>(), scopedHit: new Set<string>() };
  touch = { ...scratch, gates: new ItemGates(scratch) };
  RULE_TOUCH.set(pack, touch);
  return touch;
}

/** A rule's condition with each name's prefilter gate in its place: no lookup by name per item and rule. */
type GatedCondition =
  | { type: 'name'; gate: GateLeaf }
  | { type: 'not'; operand: GatedCondition }
  | { type: 'and' | 'or'; operands: GatedCondition[] }
  | { type: 'of'; need: number; gates: GateLeaf[] };

function gatedCondition(c: Condition, gate: ReadonlyMap<string, MatcherGate>, gateLists: ReadonlyMap<MatcherGate, number>, leaves: Map<MatcherGate, GateLeaf>): GatedCondition {
  switch (c.type) {
    case 'name':
      return { type: 'name', gate: gateLeaf(gate.get(c.name), gateLists, leaves) };
    case 'not':
      return { type: 'not', operand: gatedCondition(c.operand, gate, gateLists, leaves) };
    case 'and':
    case 'or':
      return { type: c.type, operands: c.operands.map((o) => gatedCondition(o, gate, gateLists, leaves)) };
    case 'of':
      return { type: 'of', need: c.count === 'all' ? c.names.length : c.count, gates: c.names.map((n) => gateLeaf(gate.get(n), gateLists, leaves)) };
  }
}

/**
 * Three-valued (Kleene) evaluation for the prefilter: each name's state is its gate's, 0 (certainly
 * false), 1 (unknown) or 2 (certainly true); 0 for the condition means it cannot hold whatever the
 * unknown names turn out to be.
 */
function gatedMayHold(c: GatedCondition, states: GateStates): 0 | 1 | 2 {
  switch (c.type) {
    case 'name':
      return states.leaf(c.gate);
    case 'not':
      return (2 - gatedMayHold(c.operand, states)) as 0 | 1 | 2;
    case 'and': {
      let v: 0 | 1 | 2 = 2;
      for (const o of c.operands) {
        const x = gatedMayHold(o, states);
        if (x === 0) return 0;
        if (x < v) v = x;
      }
      return v;
    }
    case 'or': {
      let v: 0 | 1 | 2 = 0;
      for (const o of c.operands) {
        const x = gatedMayHold(o, states);
        if (x === 2) return 2;
        if (x > v) v = x;
      }
      return v;
    }
    case 'of': {
      let sure = 0;
      let maybe = 0;
      for (const g of c.gates) {
        const x = states.leaf(g);
        if (x === 2) sure++;
        else if (x === 1) maybe++;
      }
      return sure >= c.need ? 2 : sure + maybe >= c.need ? 1 : 0;
    }
  }
}

/**
 * gatedMayHold on the clean gate's states when they are not sharp, with ItemGates.leaf read inline
 * (speed only: no call through GateStates per name, no override calling its super): the same
 * three values. `slotHit`: the gate's own (CleanGate.slotHit, the one its states read).
 */
function cleanMayHold(c: GatedCondition, states: CleanItemGates, slotHit: Uint16Array): 0 | 1 | 2 {
  switch (c.type) {
    case 'name':
      return cleanLeaf(c.gate, states, slotHit);
    case 'not':
      return (2 - cleanMayHold(c.operand, states, slotHit)) as 0 | 1 | 2;
    case 'and': {
      let v: 0 | 1 | 2 = 2;
      for (const o of c.operands) {
        const x = cleanMayHold(o, states, slotHit);
        if (x === 0) return 0;
        if (x < v) v = x;
      }
      return v;
    }
    case 'or': {
      let v: 0 | 1 | 2 = 0;
      for (const o of c.operands) {
        const x = cleanMayHold(o, states, slotHit);
        if (x === 2) return 2;
        if (x > v) v = x;
      }
      return v;
    }
    case 'of': {
      let maybe = 0;
      for (const g of c.gates) if (cleanLeaf(g, states, slotHit) === 1) maybe++;
      // a leaf is never certain (0 or 1): `sure` of gatedMayHold stays 0
      return 0 >= c.need ? 2 : maybe >= c.need ? 1 : 0;
    }
  }
}

/** ItemGates.leaf on the clean gate's states, not sharp (a free leaf may hold). */
function cleanLeaf(g: GateLeaf, states: CleanItemGates, slotHit: Uint16Array): 0 | 1 {
  switch (g.kind) {
    case 1:
      return ((slotHit[g.slot] as number) & g.fields) !== 0 ? 1 : 0;
    case 2:
      return g.mask === -1 || ((g.scoped ? states.scopedMask : states.listsMask) & g.mask) !== 0 ? 1 : 0;
    case 3:
      for (let k = 0; k < g.parts.length; k++) if (cleanLeaf(g.parts[k] as GateLeaf, states, slotHit) === 0) return 0;
      return 1;
    case 6:
      for (let k = 0; k < g.parts.length; k++) if (cleanLeaf(g.parts[k] as GateLeaf, states, slotHit) !== 0) return 1;
      return 0;
    case 4:
      return states.inWorkplace ? 1 : 0;
    case 5:
      return states.workplaceChat ? 1 : 0;
    default:
      return 1;
  }
}

/** Prohibitions of going somewhere: attending a rally (2), a debate (8). */
const ATTENDING: ReadonlySet<Finding['prohibition']> = new Set([2, 8]);
/** Longest reply that may borrow its topic from the message before: a short answer, not a post. */
const MAX_REPLY_WORDS = 25;
/** A message of at most this many words that only answers (no pair named) is part of the exchange, not its topic. */
const MAX_ANSWER_WORDS = 8;
const THREAD_NOTE = {
  reply: { id: 'Dibaca bersama pesan yang dibalasnya', en: 'Read together with the message it replies to' },
  window: { id: 'Dibaca bersama pesan sebelumnya di obrolan yang sama', en: 'Read together with the message just before it in the same chat' },
  chat: { id: 'Dibaca bersama pesan sebelumnya di obrolan yang sama', en: 'Read together with an earlier message of the same chat' },
  quote: { id: 'Dibaca bersama unggahan yang dikutipnya', en: 'Read together with the post it quotes' },
};
const SIDES_NOTE = { id: 'Balasan ini memihak atau menindaklanjuti pesan itu', en: 'The reply takes its side or acts on it' };
const QUOTE_SIDES_NOTE = {
  endorses: { id: 'Unggahan ini hanya menanggapi unggahan yang dikutipnya dan mengambil sisinya', en: 'The post only reacts to the post it quotes and takes its side' },
  dismayed: { id: 'Unggahan ini hanya menanggapi serangan dalam unggahan yang dikutipnya dan ikut menyerang', en: 'The post only reacts to the attack in the post it quotes and joins it' },
  mocks: { id: 'Unggahan ini mengejek unggahan yang dikutipnya: dukungan di sana menjadi serangan terhadap pasangan itu', en: 'The post mocks the post it quotes: the support there becomes an attack on that pair' },
};

/** The tweet a quote post quotes (pipeline/quote-context.ts withQuote: the row's quotedTweet, read as the message it replies to). */
function quotedOf(thread: readonly ThreadMessage[] | undefined): ThreadMessage | undefined {
  const first = thread?.[0];
  return first && first.via === 'reply' && first.item.source?.pointer?.endsWith('/quotedTweet') ? first : undefined;
}

/** A finding that supports its pairs and attacks none (a quoted call a mocking reaction turns round). */
function supportsOnly(f: Finding | undefined): boolean {
  return f !== undefined && f.candidates.some((c) => c.stance === 'support') && !f.candidates.some((c) => c.stance === 'attack');
}

/** The partisan statement (3) a mocking quote post makes of a quoted post backing a pair: that pair attacked. */
function mockedFinding(f: Finding): Finding {
  // the quoted call's words decided its side, not this one: the turned pair keeps no words of its own
  const candidates = f.candidates.map((c) => (c.stance === 'support' ? withStance({ ...c, stance: undefined }, 'attack', { words: [] }) : c));
  return { ...f, candidates, explanation: restated(f, candidates) };
}

/** A finding that attacks its pairs and supports none (a quoted attack a dismayed reaction may share). */
function attacksOnly(f: Finding | undefined): boolean {
  return f !== undefined && f.candidates.some((c) => c.stance === 'attack') && !f.candidates.some((c) => c.stance === 'support');
}

/**
 * A short chat reply that only makes sense after the message it answers borrows that message's
 * pair and topic (RUBRIC, "Replies inside a chat or thread the input holds"). The message it
 * answers is one (topicOf): the one it replies to, else the newest of the window that is not itself
 * a short answer. It is read in two ways:
 * - **its own form**: the rules that opt in (reads_thread: the concrete acts — a rally, a shirt, a
 *   sticker, a debate, the office) run on the two texts read as one, and the reply adds evidence of
 *   its own (addsOwnEvidence): "aku juga, udah kupasang di motor ✌️" after a sticker message is a
 *   sticker on the replier's vehicle;
 * - **taking the side**: a reply whose first words agree, say "me too", accept or act on an offer
 *   (readReply, lexicon tanggapan-memihak: "setuju pak", "abdi oge", "siap, meluncur", "pesen 2")
 *   answering a message that is partisan on its own takes that message's findings, read on the two
 *   texts together (so an exception the reply's words raise still holds); in a workplace group a
 *   status this way becomes the office rule's finding (builds_on), a rally, shirt, sticker or
 *   victory party keeps its form.
 * A reply that declines, apologises, warns or asks borrows nothing, nor one that only answers a
 * message that takes no side (a work notice, a news share). The finding is the reply sender's; the
 * earlier message's words are spans of field 'thread' and the explanation names the message.
 */
function findingsInThread(pack: RulePack, ownView: ItemView, ctx: EvalContext): Finding[] {
  const item = ownView.item;
  const own = item.text ?? '';
  if (!own.trim() || own.split(/\s+/u).length > MAX_REPLY_WORDS) return [];
  const ownField = ownView.fields.find((f) => f.field === 'text' && f.window === 0);
  if (!ownField) return [];
  const signed = handSignReply(ownField);
  let reading: ReplyReading = signed ? { answers: true, declines: false, opens: true, sides: { start: signed.hit.start, end: signed.hit.end } } : readReply(ownField.norm, ownField.hits, pack);
  if (reading.declines) return [];
  const namesPair = (v: ItemView) => v.fields.some((f) => f.hits.some((h) => h.owners.some((o) => o.type === 'registry')));
  // a quote post whose own words only react to the post it quotes ("Nah ini 👇", "wkwk", "Tah ieu,
  // kitu geuning kalakuanana 🤦") takes that post's side as a side-taking reply word would
  // (readQuoteReaction); a post naming a pair itself is read on its own words
  const reaction = !signed && !reading.sides && quotedOf(ctx.thread) && !namesPair(ownView) ? readQuoteReaction(ownField.norm, ownField.hits, pack.quoteDenials, pack.replyGrammar) : undefined;
  if (reaction) reading = { answers: true, declines: false, opens: true, sides: reaction.span };
  // an amen or a thanksgiving opening the reply ("Aamiin, sak puteran mas", "Alhamdulillah daeng,
  // sekali putaran ji") seals or celebrates the message it answers: it takes that message's side,
  // never an attack of it (blessingReply)
  const blessing = !signed && !reaction && !reading.sides ? blessingReply(pack, ownField) : undefined;
  if (blessing) reading = { ...reading, answers: true, opens: true, sides: blessing };
  const window = (ctx.thread ?? []).filter((m) => m.via !== 'chat');
  // a yes said by echoing the question's own word ("Mau wak, …" to "… kelen mau?", "Masih Din, …"
  // to "… masih ada kagak?"): the reply answers that question yes (echoedYes)
  const unechoed = reading;
  const echo = !signed && !reaction && !blessing && !reading.sides ? echoedYes(pack, ownField, window) : undefined;
  if (echo) reading = { ...reading, answers: true, opens: true, sides: echo.span };
  // the writer's "I" before the very verb the question asked who would do ("Tiang bareng Bli, …" to
  // "… kampanye akbar …, siapa mau bareng?"): the reply goes along, with that verb (echoedGoing)
  const echoGoing = !signed && !reading.goes && !reading.declines ? echoedGoing(pack, ownField, window) : undefined;
  if (echoGoing) reading = { ...reading, answers: true, opens: true, goes: echoGoing.reply };
  // a message with no reply word may still go on with its sender's own message before it: an offer
  // to the group that names nothing ("Masih banyak stikernya di laci mejaku, siapa mau ambil") after
  // the same sender's "Stiker Budi-Dewi sudah ku tempel …" is that message's second half (continuesOwn)
  if (!reading.answers && (namesPair(ownView) || !offersToGroup(pack, ownView))) return [];
  const { thread: _thread, ...plain } = ctx;
  const zone = zoneOfRegion(ownView.region);
  // the message the reply answers: the one it replies to, else the newest of the window that is
  // not itself another side-taking answer (topicOf)
  const topic = addressedTopic(pack, window, item, ownField.norm.text) ?? samePairTopic(pack, window, ownView, plain) ?? topicOf(pack, window, plain, reading.goes ? item : undefined);
  if (!topic?.item.text?.trim()) return [];
  // the echoed question must be the message the reply is read with
  if (echo && topic.item !== echo.answered) {
    reading = unechoed;
    if (!reading.answers && (namesPair(ownView) || !offersToGroup(pack, ownView))) return [];
  }
  // the echoed verb must be of the message the reply is read with
  if (echoGoing && topic.item !== echoGoing.answered) return [];
  if (!reading.answers && !sameSender(topic.item, item)) return [];
  // the texts read together are the reply's: their findings carry its id, hashed from its own content
  ensureItemId(item);
  // a reply that hands the act on ("Pergi kita bu, ajak guru-guru yang lain" after "… kampanye Ganjar
  // di Balige hari Sabtu, kita pergi?") says yes to the question it answers: the question is read
  // as the statement the yes asserts (askedAsTold)
  const before = reading.extends ? askedAsTold(topic.item.text) : topic.item.text;
  // the chat's earlier messages stay what they are to both readings, a source of the candidates
  // they name: a short name in the message answered ("pilih Kang Budi") means the pair the chat
  // named before it, as it did when that message was read on its own
  const naming = namingContext(ctx.thread ?? [], topic, plain);
  // the earlier message read alone in the reply's place (same chat, same sender's context)
  const aloneView = prepareItem(pack, { ...item, text: before }, naming);
  // nothing to borrow when neither message names a pair: every rule that reads a thread needs one
  // (asked before the joined text is prepared: most short chat answers stop here)
  if (!namesPair(aloneView) && !namesPair(ownView)) return [];
  const offset = before.length + 1;
  const joinedView = prepareItem(pack, { ...item, text: `${before}\n${own}` }, naming);
  joinedView.replyStart = offset;
  // the reply's own verb of going along, where the joined text holds it (matcher reply_going)
  if (reading.goes) joinedView.replyGoing = joinedSpan(joinedView, toOriginal(ownField.norm, reading.goes.start, reading.goes.end), offset);
  // going along in answer to another member's "who comes?" makes the question's own going verb the
  // writer's: the rules bind it to the event as they bind the reply's (askedGoing)
  if (reading.goes && !sameSender(topic.item, item)) {
    const asked = (echoGoing ? [echoGoing.asked] : askedGoing(pack, before)).flatMap((o) => joinedSpan(joinedView, o, 0) ?? []);
    if (asked.length > 0) joinedView.askedGoing = asked;
  }
  const aloneAll = evaluateView(pack, aloneView).map(completeFinding);
  // a comment of a conversation (an analyst sheet's row of a group chat, a comment in a Facebook
  // group's thread) that goes along with the message it answers tells its writer's going as a chat
  // message does: the attending rules, which read messages and not comments (a comment under a
  // pair's own post is a large population of its own), read the exchange as one (talkedAttendance)
  const talked = reading.goes && item.kind === 'comment' ? talkedAttendance(pack, item, before, own, naming, offset, joinedView) : undefined;
  if (talked) aloneAll.push(...talked.alone);
  // a reply that opens as an answer ("Siap pa", "Nggih Pak") and takes the act up in the act's own
  // words ("… ku abdi dikempelkeun KTP barudak TU" after a KTP collection for a pair's team) echoes
  // it: the echoed word takes the side as a side-taking reply word would (echoedAct)
  if (!reading.sides && reading.opens && !signed && !reaction) {
    const echoed = echoedAct(aloneAll, ownField, pack);
    if (echoed) reading = { ...reading, sides: echoed };
  }
  const replySpan = (at: { start: number; end: number } | undefined): Span | undefined => {
    const o = at && toOriginal(ownField.norm, at.start, at.end);
    return o ? { field: 'text', index: ownField.index, start: offset + o.start, end: offset + o.end, text: own.slice(o.start, o.end), matcher: 'tanggapan' } : undefined;
  };
  const cue = replySpan(reading.sides);
  // a reply that only says yes with its own verb of going along names that verb for the act it
  // takes (its own form), not for a side it would borrow
  const actCue = cue ?? replySpan(reading.goes);
  // a side-taking reply names its word, and says so
  const sidesNote = reaction ? QUOTE_SIDES_NOTE[reaction.mode] : SIDES_NOTE;
  const noted = (f: Finding, word: Span | undefined): Finding =>
    word ? { ...f, spans: dedupeSpans([...f.spans, word]), explanation: { id: `${f.explanation.id} ${sidesNote.id} („${word.text}”).`, en: `${f.explanation.en} ${sidesNote.en} (“${word.text}”).` } } : f;
  const siding = (f: Finding): Finding => noted(f, cue);
  const joinedAll = evaluateView(pack, joinedView).map(completeFinding);
  if (talked) joinedAll.push(...talked.joined);
  // its own form: a rule that reads threads holds on both texts with words of the reply's own
  const alone = new Map(aloneAll.map((f) => [f.ruleId, f]));
  // a reply with an act of its own whose words address the group (an instruction: "Mantap cik!
  // Topi tu pakai esok pas apel") is the office's too: the venue rule that builds on the act read on
  // both texts stays beside it, and routeByAct lets the address decide the form
  const venues = venueRules(pack);
  const acting = joinedAll.some((f) => readsThread(pack, f.ruleId) && !venues.has(f.ruleId) && f.prohibition !== 3 && f.prohibition !== 6);
  // a reply handing the act on to others ("bawa juga untuk anak-anak magang") addresses them too
  const addressed = acting && (reading.extends === true || offersToGroup(pack, ownView));
  // an amen or a thanksgiving seals a wish or a win, never an attack: a pair any finding of the
  // message attacks is borrowed by none (one rule may read the attack as a bare mention)
  const attackedPairs = new Set(blessing ? aloneAll.flatMap((f) => f.candidates.filter((c) => c.stance === 'attack').map((c) => c.pair)) : []);
  const attacked = (f: Finding) => f.candidates.some((c) => attackedPairs.has(c.pair));
  const ownForm = joinedAll
    .filter((f) => (readsThread(pack, f.ruleId) || (addressed && venues.has(f.ruleId))) && !attacked(f))
    .flatMap((f) => {
      if (addsOwnEvidence(f, alone.get(f.ruleId), offset, cue !== undefined)) return [f];
      // the earlier message is that act on its own, and the reply answers it with a word of the
      // act's own vocabulary too far from the rest to join a `near` span ("Owalah pak, kula nggih
      // sampun, wonten helm" after a long sticker message): the replier did it too
      const word = alone.has(f.ruleId) ? formWordOf(pack, f.ruleId, ownField) : undefined;
      return word ? [withReplyWord(f, word, ownField, offset, own)] : [];
    });
  // of several acts the reply could name ("aku melu, wis siap kaose" after a rally invitation: a rally
  // and a shirt), it acts on the one the message it answers is about
  const named = ownForm.filter((f) => alone.has(f.ruleId));
  // an invitation to colleagues to an event is the office form for its sender, but the reply that
  // takes it up tells its own sender's going (a rally, a debate: "siap, meluncur!"); a reply that
  // takes an object offered in the group ("abdi hiji") stays part of the office exchange
  const going = ownForm.filter((f) => ATTENDING.has(f.prohibition));
  const chosen = going.length > 0 && named.length > 0 && named.every((f) => f.prohibition === 6) ? going : named.length > 0 ? named : ownForm;
  // handed on to the colleagues ("ambil mi di laci ku, bawa juga untuk anak-anak magang"), the act
  // is the venue's: the venue finding of the message answered, whose words the reply's handing-on
  // verb carries on, stands beside it and the forms it takes in fold into it (sidingForm, urges)
  const handedOn = reading.extends ? joinedAll.filter((f) => venues.has(f.ruleId) && alone.has(f.ruleId) && !chosen.some((c) => c.ruleId === f.ruleId)) : [];
  if (ownForm.length > 0) return (reading.extends ? sidingForm(pack, [...chosen, ...handedOn], true) : chosen).map((f) => leaningOn(noted(f, actCue), topic, offset, zone));
  // taking the side: the findings of the partisan message it answers, read on both texts
  // (a thanksgiving may answer a win told as news, partisan only with the thanks: blessingReply)
  if (!cue || (alone.size === 0 && !blessing)) return [];
  // a reply of hand signs only takes the side of the answered message's pair when the sign is that pair's
  if (signed && !aloneAll.some((f) => f.candidates.some((c) => c.pair === signed.pair))) return [];
  // dismay or laughter at a quoted post shares only its attack: at a post backing a pair it may be aimed at the post
  // mockery of a quoted post backing a pair attacks that pair: its partisan statement (3), not the
  // quoted post's act (a shirt, a rally), turned round
  const borrowed =
    reaction?.mode === 'mocks'
      ? joinedAll.filter((f) => f.prohibition === 3 && supportsOnly(alone.get(f.ruleId))).map(mockedFinding)
      : joinedAll.filter((f) => (alone.has(f.ruleId) || (blessing !== undefined && alone.size === 0 && supportsOnly(f))) && (reaction?.mode !== 'dismayed' || attacksOnly(alone.get(f.ruleId))) && !attacked(f));
  if (borrowed.length === 0) return [];
  // the answered message told its sender's own act (a pose photo, a sticker on their motorbike):
  // an offer or invitation to the group taken up stays the act taken;
  // agreeing with it is talk, unless the reply says "me too" ("abdi ogé tos", "aku yo"): its side
  // word holds the writer's own "I", and the act is the replier's as well
  const toldOwnAct = !routeByAct(pack, aloneView, withoutFallbackForm(pack, aloneAll)).some((f) => venueRules(pack).has(f.ruleId));
  const sides = reading.sides;
  const meToo = sides !== undefined && ownField.hits.some((h) => h.start >= sides.start && h.end <= sides.end && h.owners.some((w) => w.type === 'cue' && w.lexicon === ENGINE_LEXICONS.writer));
  return (toldOwnAct && !meToo ? sidingForm(pack, borrowed, reading.urges === true) : borrowed).map((f) => leaningOn(siding(f), topic, offset, zone));
}

/**
 * The attending rules' findings (a rally, a debate: ATTENDING) on a comment that goes along with the
 * message of its conversation it answers ("Saya datang Neng, …" under "… makan malam dengan Pak
 * Fauzi …, ada yang mau datang?", "Aku melok Mbak" under "Minggu ado kampanye AMIN …, ado yang nak
 * melok?"), read as the chat message it is: the rules that read messages and threads but not
 * comments run on the answered message alone and on the two read as one, the comment's going verb
 * (and the question's, askedGoing) where the joined view has them. Only those rules' findings are
 * returned; every other rule read the comment as a comment already. The caller asks only for a
 * reply whose own verb goes along (readReply `goes`): a comment that declines, asks, warns or only
 * agrees is read by nothing here (stop 54).
 */
function talkedAttendance(pack: RulePack, item: Item, before: string, own: string, naming: EvalContext, offset: number, joinedView: ItemView): { alone: Finding[]; joined: Finding[] } | undefined {
  const attending = pack.rules.filter((r) => ATTENDING.has(r.def.prohibition) && r.def.reads_thread && r.kinds.has('message') && !r.kinds.has('comment'));
  if (attending.length === 0) return undefined;
  const ids = new Set(attending.map((r) => r.def.id));
  const said = { ...item, kind: 'message' as const };
  const aloneView = prepareItem(pack, { ...said, text: before }, naming);
  const talkView = prepareItem(pack, { ...said, text: `${before}\n${own}` }, naming);
  talkView.replyStart = offset;
  if (joinedView.replyGoing) talkView.replyGoing = joinedView.replyGoing;
  if (joinedView.askedGoing) talkView.askedGoing = joinedView.askedGoing;
  const keep = (fs: Finding[]) => fs.filter((f) => ids.has(f.ruleId)).map(completeFinding);
  return { alone: keep(evaluateView(pack, aloneView)), joined: keep(evaluateView(pack, talkView)) };
}

/**
 * An amen or a thanksgiving opening a reply (lexicon tanggapan-doa: "Aamiin, …", "Alhamdulillah
 * daeng, …", "Puji Tuhan!! …"): the reply seals the wish or celebrates the win of the message it
 * answers, and takes its side. Not when the reply turns the wish to the common good (lexicon
 * doa-umum: "Aamiin, semoga yang terbaik buat Sukamaju", "Alhamdulillah, yang penting damai",
 * "Aamiin, mudahan lancar"): that prays for everyone. Returns the opening words (normalised offsets).
 */
function blessingReply(pack: RulePack, field: FieldText): { start: number; end: number } | undefined {
  const g = pack.replyGrammar;
  const words = wordsOf(field.norm.text);
  const first = words[0];
  if (first === undefined) return undefined;
  const second = words[1];
  const span = second && g.blessings.has(`${first.word} ${second.word}`) ? { start: first.start, end: second.end } : g.blessings.has(first.word) ? { start: first.start, end: first.end } : undefined;
  if (!span) return undefined;
  const common = words.some((w, i) => g.commonGood.has(w.word) || (words[i + 1] !== undefined && g.commonGood.has(`${w.word} ${words[i + 1]!.word}`)));
  return common ? undefined : span;
}

/**
 * The verb a question asks who would do, said again by the writer ("Tiang bareng Bli, bawa motor
 * masing2" to "Kampanye akbar Jaya-Wibawa hari Sabtu di Lumintang, siapa mau bareng?"): the
 * question's clause ends in a want verb (lexicon verba-ingin: "mau", "nak", "hoyong") and the verb
 * after it, and the reply has the writer's own "I" (the engine's writer lexicon) right before that
 * same word, not denied. The reply goes along with the act the question offers, whatever verb of
 * going it uses; the question's verb is the writer's too (askedGoing). Only the message the reply
 * answers (the one it replies to, else the newest of the window) is asked. Returns the verb in the
 * reply's normalised text and in the question's original text (stop 54, issue 11).
 */
function echoedGoing(pack: RulePack, field: FieldText, window: readonly ThreadMessage[]): { reply: { start: number; end: number }; asked: { start: number; end: number }; answered: Item } | undefined {
  const answered = window.find((m) => m.via === 'reply') ?? window[0];
  const asked = answered?.item.text;
  if (answered === undefined || asked === undefined) return undefined;
  const g = pack.replyGrammar;
  // the last question of the message: "… siapa mau bareng?" — the want verb, then the verb, then "?"
  const q = asked.lastIndexOf('?');
  if (q < 0) return undefined;
  const words = [...asked.slice(0, q).matchAll(/\p{L}+/gu)];
  const verb = words[words.length - 1];
  const want = words[words.length - 2];
  if (!verb || !want || verb.index === undefined || !/^\s*$/u.test(asked.slice(verb.index + verb[0].length, q))) return undefined;
  const asks = verb[0].toLowerCase();
  if (!g.want.has(want[0].toLowerCase()) || g.want.has(asks) || asks.length < 4) return undefined;
  const text = field.norm.text;
  const writerEnds = new Set(field.hits.filter((h) => h.owners.some((o) => o.type === 'cue' && o.lexicon === ENGINE_LEXICONS.writer)).map((h) => h.end));
  const own = wordsOf(text);
  for (let i = 1; i < own.length; i++) {
    const w = own[i] as TextWord;
    const before = own[i - 1] as TextWord;
    if (w.word !== asks || !writerEnds.has(before.end) || negatedAt(text, w.start, pack.stanceGrammar)) continue;
    return { reply: { start: w.start, end: w.end }, asked: { start: verb.index, end: verb.index + verb[0].length }, answered: answered.item };
  }
  return undefined;
}

/** The echoed yes is its own clause of at most this many words ("Masih Din,", "Mau ka daeng,"). */
const ECHO_CLAUSE_WORDS = 3;

/**
 * A yes said the Indonesian way, by echoing the question's own word: the message answered (the one
 * replied to, else the newest of the window) ends its last sentence with a question mark, and the
 * reply opens with a word of that question ("… kelen mau?" → "Mau wak, besok kuambil ya"; "… masih
 * ada kagak?" → "Masih Din, ambil dah dua"; "… Mau daftar ki?" → "Mau ka daeng, daftarkan ka …")
 * in a short clause of its own (the word, then at most an address or a particle before the first
 * comma, full stop or exclamation mark). The word is no name (a registry hit), no address word,
 * negator or question word, and not the plain yes (jawaban-ya reads that). Returns the word's span
 * (normalised offsets) and the message answered.
 */
function echoedYes(pack: RulePack, field: FieldText, window: readonly ThreadMessage[]): { span: { start: number; end: number }; answered: Item } | undefined {
  const answered = window.find((m) => m.via === 'reply') ?? window[0];
  const asked = answered?.item.text;
  if (answered === undefined || asked === undefined) return undefined;
  const q = asked.lastIndexOf('?');
  if (q < 0) return undefined;
  const from = Math.max(asked.lastIndexOf('.', q - 1), asked.lastIndexOf('!', q - 1), asked.lastIndexOf('\n', q - 1)) + 1;
  const questionWords = new Set(wordsOf(normalise(asked.slice(from, q)).text).map((w) => w.word));
  const text = field.norm.text;
  const words = wordsOf(text, ECHO_CLAUSE_WORDS + 2);
  const first = words[0];
  if (first === undefined || first.start !== text.search(/\S/u) || first.word.length < 3 || !questionWords.has(first.word)) return undefined;
  const g = pack.replyGrammar;
  if (pack.addressWords.has(first.word) || g.negators.has(first.word) || g.yes.has(first.word) || pack.stanceGrammar.questions.has(first.word)) return undefined;
  if (field.hits.some((h) => h.start <= first.start && h.end > first.start && h.owners.some((o) => o.type === 'registry'))) return undefined;
  // the echo is a clause of its own: a break within the first few words, and no negator after it ("mau ga")
  const breakAt = text.slice(first.end).search(/[,.!;\n]/u);
  const clause = breakAt < 0 ? text.slice(first.end) : text.slice(first.end, first.end + breakAt);
  const rest = wordsOf(clause);
  if ((breakAt < 0 && words.length > 1 + ECHO_CLAUSE_WORDS - 1) || rest.length > ECHO_CLAUSE_WORDS - 1 || rest.some((w) => g.negators.has(w.word))) return undefined;
  return { span: { start: first.start, end: first.end }, answered: answered.item };
}

/** A colleague takes an offer up this soon after it at most (the chat window's half hour, chat-context.ts). */
const OFFER_TAKEN_MINUTES = 30;
/** The offerer's follow-up carries on an offer only when it says something of its own: this many words at least ("Siap Rini, aku daftarin", not "Oke 👍"). */
const MIN_FOLLOW_UP_WORDS = 3;

/**
 * The offerer carries the exchange on (RUBRIC, replies; "an offer to hand out stickers or shirts,
 * recruiting into a team"): a member offers the group a pair's goods, recruits for a pair or invites
 * to a pair's event (a finding of prohibition 6 on its own), a colleague takes it up ("Aku ikut Mas
 * Dimas, ukuran M ya", "Gue ikut Nad", "Aku ikut Mas 🙋 jam berapa?"), and the one who offered answers
 * that colleague with the arrangements ("Siap Rini, aku daftarin 👍", "Jam 7 bu, ketemu di depan
 * pasar ya", "Sip bang, ntar sekalian pake kaos ijo"). The reply names nothing and may carry no reply
 * word, but it is the offer's second half, said to a taker: the offer's finding, read on the offer
 * and the reply together, is the reply's, leaning on the offer. Its own questions ask the others
 * along ("Siapa lagi?"). Not when the reply declines, apologises or warns, is a courtesy only
 * (saysMoreThanCourtesy: "Baik pak, terima kasih 🙏", "Oke 👍", "Noted mpok"), or answers a colleague
 * who declined ("Maaf, saya pass"); nor when the offer is not the replier's own or not an appeal to
 * the group (6). The finding is the replier's alone: the taker's message is not read into it, and the
 * words it leans on are the replier's own offer.
 */
function offerCarriedOn(pack: RulePack, ownView: ItemView, ctx: EvalContext): Finding[] {
  const item = ownView.item;
  const own = item.text ?? '';
  const ownField = ownView.fields.find((f) => f.field === 'text' && f.window === 0);
  const count = wordsOf(own).length;
  if (!ownField || count < MIN_FOLLOW_UP_WORDS || count > MAX_REPLY_WORDS) return [];
  // a thank-you, an "ok" or a greeting to the colleague carries nothing on
  if (!saysMoreThanCourtesy(pack, ownField, ctx.thread ?? [], item)) return [];
  // the offerer's own question asks the others along ("Mantap Pak Amir! Siapa lagi?"): only a refusal, an apology or a warning stops it
  if (!readsAsTold(pack, item)) return [];
  const window = (ctx.thread ?? []).filter((m) => m.via !== 'chat');
  // the colleague's message answered: the one replied to, else the newest before the reply
  const taker = window.find((m) => m.via === 'reply') ?? window[0];
  if (!taker?.item.text?.trim() || sameSender(taker.item, item) || !takesUp(pack, taker.item, ctx.thread ?? [])) return [];
  const takerAt = Date.parse(taker.item.time ?? '');
  // the offer: the replier's own newest message sent shortly before the taker's; an explicit reply
  // (Telegram) leans on the taker's message only, so the chat's earlier messages are searched too
  const sentAt = (m: ThreadMessage) => Date.parse(m.item.time ?? '');
  const offer = (ctx.thread ?? [])
    .filter((m) => m.item !== taker.item && sameSender(m.item, item) && m.item.text?.trim() && sentAt(m) <= takerAt && takerAt - sentAt(m) <= OFFER_TAKEN_MINUTES * 60_000)
    .sort((a, b) => sentAt(b) - sentAt(a))[0];
  if (!offer?.item.text) return [];
  const { thread: _thread, ...plain } = ctx;
  const naming = namingContext(ctx.thread ?? [], offer, plain);
  const alone = evaluateView(pack, prepareItem(pack, { ...item, text: offer.item.text }, naming)).map(completeFinding);
  const offered = new Set(alone.filter((f) => f.prohibition === 6 && f.candidates.length > 0).map((f) => f.ruleId));
  if (offered.size === 0) return [];
  ensureItemId(item);
  const offset = offer.item.text.length + 1;
  const joined = evaluateView(pack, prepareItem(pack, { ...item, text: `${offer.item.text}\n${own}` }, naming)).map(completeFinding);
  const zone = zoneOfRegion(ownView.region);
  return joined.filter((f) => offered.has(f.ruleId)).map((f) => leaningOn(f, offer, offset, zone));
}

/** The colleague's message comes this soon after the sender's own act, and the sender's follow-up this soon after it, at most (minutes). */
const FOLLOW_UP_MINUTES = 30;
/** A colleague's question this short asks about the message right before it ("kanggo naon kang?", "buat apa?"). */
const SHORT_QUESTION_WORDS = 8;

/**
 * The sender carries their own act on past a colleague's question or warning (RUBRIC, replies;
 * issue 11): a member tells or offers something partisan of their own (a sticker on their car, a
 * KTP collection for a pair's team, a pair's leaflets for the patients, a place in a volunteer team:
 * a finding on its own), a colleague asks about it or warns ("Fotokopi KTPnya 1 lembar aja mas?",
 * "Motor dinas pang itu bang? Kena tegur", "Hati-hati bu, nanti difoto Bawaslu") or takes it up in
 * words the reply reading lacks, and the same member answers with the act's details or goes on with
 * it ("Siji bae cukup mbak, sekalian KK ne", "Santai ja, kena ulun pasangi jua di motor dinas
 * pian", "Biarlah pak, itu kereta pribadi bukan kereta dinas, tetap kupasang"). The answer names
 * nothing, but it is the act's second half: the act's findings, read on the act and the answer
 * together, are the answer's, leaning on the act.
 * The exchange must be about the act: the colleague's message or the answer shares a word of the
 * act's own finding (its matched words: "stiker", "KTP", "brosur", "motor dinas", "relawan"), or
 * the colleague's message is a short question sent right after the act. Not when the answer
 * declines, apologises, asks or warns (readReply), takes the act back (lexicon tanggapan-menarik:
 * "udah kucopot", "nanti dihapus"), or is a courtesy only (saysMoreThanCourtesy); nor when the
 * sender's own message before it takes no side. The finding is the sender's alone: the colleague's
 * message is not read into it.
 * The exchange must stay with the act's own object (stop 52: "Mbak, aku stiker klub Persikas wae" /
 * "Wkwk stiker Persikas ya aku nduwe, mengko tak gawakke" after a campaign sticker offer is a club's
 * sticker, not the campaign's): the answer brings in no object the act does not hold
 * (newObjectNames: a name, a kind of thing of lexicon objek-lain); a colleague's message that
 * does is answered about that object unless the answer comes back to the act (its pair by name, or
 * a word of the act the colleague did not say); and no other message between the act and the
 * answer changes the topic (each speaks of the act).
 */
function ownActCarriedOn(pack: RulePack, ownView: ItemView, ctx: EvalContext): Finding[] {
  const item = ownView.item;
  const own = item.text ?? '';
  const ownField = ownView.fields.find((f) => f.field === 'text' && f.window === 0);
  const count = wordsOf(own).length;
  if (!ownField || count < 2 || count > MAX_REPLY_WORDS) return [];
  const thread = ctx.thread ?? [];
  if (!saysMoreThanCourtesy(pack, ownField, thread, item)) return [];
  const reading = readReply(ownField.norm, ownField.hits, pack);
  if (reading.declines || takesBack(pack, ownField)) return [];
  const window = thread.filter((m) => m.via !== 'chat');
  // the colleague's message answered: the one replied to, else the newest before the answer
  const other = window.find((m) => m.via === 'reply') ?? window[0];
  if (!other?.item.text?.trim() || sameSender(other.item, item)) return [];
  const sentAt = (m: Item) => Date.parse(m.time ?? '');
  const otherAt = sentAt(other.item);
  const ownAt = sentAt(item);
  if (!(ownAt >= otherAt && ownAt - otherAt <= FOLLOW_UP_MINUTES * 60_000)) return [];
  // the act: the sender's own newest message before the colleague's that takes a side on its own
  const { thread: _thread, ...plain } = ctx;
  const earlier = thread
    .filter((m) => m.item !== other.item && sameSender(m.item, item) && m.item.text?.trim() && sentAt(m.item) <= otherAt && otherAt - sentAt(m.item) <= FOLLOW_UP_MINUTES * 60_000)
    .sort((a, b) => sentAt(b.item) - sentAt(a.item));
  for (const act of earlier) {
    const text = act.item.text as string;
    const naming = namingContext(thread, act, plain);
    // most of the sender's earlier messages take no side: the clean gate says so without the full
    // reading (each message was read again for every later answer of its sender in the window)
    if (certainlyQuiet(pack, { ...item, text }, naming)) continue;
    const alone = evaluateView(pack, prepareItem(pack, { ...item, text }, naming))
      .map(completeFinding)
      .filter((f) => f.candidates.length > 0);
    if (alone.length === 0) continue;
    // the exchange is about the act: a word of its finding comes back, or the colleague asks right after it
    // the act's own words: not the writer's "I" or an address the finding may hold ("ka abdi")
    // nor a grammar word a span may hold ("di helm", "biar nampak"): an echo of one is no echo of the act
    const personal = (w: string) => pack.choiceWords.writers.has(w) || pack.addressWords.has(w) || w.length < MIN_NAME || grammarWords(pack).has(w);
    const actWords = new Set(alone.flatMap((f) => f.spans.filter((sp) => sp.field === 'text').flatMap((sp) => wordsOf(normalise(sp.text).text).filter((w) => !personal(w.word)).map((w) => wordCore(w.word)))));
    const echoes = (t: string) => wordsOf(normalise(t).text).some((w) => actWords.has(wordCore(w.word)));
    const right = thread.filter((m) => sentAt(m.item) > sentAt(act.item) && sentAt(m.item) < otherAt).length === 0;
    const shortQuestion = right && other.item.text.includes('?') && wordsOf(other.item.text).length <= SHORT_QUESTION_WORDS;
    // the window crosses no topic change: every other message between the act and the answer speaks of the act
    const between = thread.filter((m) => m.item !== other.item && m.item !== act.item && m.item.text?.trim() && sentAt(m.item) > sentAt(act.item) && sentAt(m.item) < ownAt);
    if (between.some((m) => !echoes(m.item.text as string))) return [];
    // the same object: the answer brings in no object the act does not hold ("stiker Persikas" after
    // a campaign sticker), and a colleague's message that does is no question about the act
    const members = memberWords([item, ...thread.map((m) => m.item)]);
    const actCores = new Set(wordsOf(normalise(text).text).map((w) => wordCore(w.word)));
    if (newObjectNames(pack, ownField, own, actCores, actWords, members).length > 0) return [];
    const otherField = prepareItem(pack, { ...item, text: other.item.text }, naming).fields.find((f) => f.field === 'text' && f.window === 0);
    const otherNew = otherField ? newObjectNames(pack, otherField, other.item.text, actCores, actWords, members) : [];
    // a colleague's message about another object ("laporan nilai dikumpulkan ke bapak juga?") is
    // answered about it, unless the answer comes back to the act: its pair by name, or a word of the
    // act the colleague's message does not hold ("usahakan datang" after an excuse)
    if (otherNew.length > 0) {
      const actPairs = new Set(alone.flatMap((f) => f.candidates.map((c) => c.pair)));
      const namesActPair = ownField.hits.some((h) => h.owners.some((o) => o.type === 'registry' && o.term.pair !== undefined && FIRM_NAMES.has(o.term.list) && actPairs.has(o.term.pair.id)));
      const otherCores = new Set(wordsOf(normalise(other.item.text).text).flatMap((w) => coresOf(w.word)));
      const backToAct = wordsOf(normalise(own).text).some((w) => actWords.has(wordCore(w.word)) && !otherCores.has(wordCore(w.word)));
      if (!namesActPair && !backToAct) return [];
    }
    if (!echoes(own) && !echoes(other.item.text) && !shortQuestion) return [];
    ensureItemId(item);
    const offered = new Set(alone.map((f) => f.ruleId));
    const offset = text.length + 1;
    const joined = evaluateView(pack, prepareItem(pack, { ...item, text: `${text}\n${own}` }, naming))
      .map(completeFinding)
      .filter((f) => offered.has(f.ruleId) && f.candidates.length > 0);
    // the answer does or details the act, it does not only defend it ("oto pribadi no, oto dinas aman", "mung stiker")
    // linked to the act only by a short question right after it ("fotonyo ado?", "Bu Maria guru kan?
    // kok kampanye"), the answer may be about the question's own thing or a defence of the writer
    // ("Ado tek, bisuak ambo kirim yo", "Saya cuma berpendapat pak, sebagai warga"): the writer's "I"
    // before any word is no act then; the act's own verb, a count, an offer or the pair must be said (stop 53)
    const onlyAsked = !echoes(own) && !echoes(other.item.text);
    if (!doesTheAct(pack, ownView, ownField, joined, offset, onlyAsked)) return [];
    const zone = zoneOfRegion(ownView.region);
    return joined.map((f) => leaningOn(f, act, offset, zone));
  }
  return [];
}

/** The words of the names of a chat's members ("Mbak Endah Promkes" → "endah", "promkes"): a name of one of them is an address, not an object. */
function memberWords(items: readonly Item[]): Set<string> {
  const out = new Set<string>();
  for (const who of items) for (const w of nameWords(who.actor?.name ?? '')) out.add(w);
  return out;
}

const GRAMMAR_WORDS = new WeakMap<RulePack, ReadonlySet<string>>();
/** Every grammar word of the reply and stance word classes (REPLY_GRAMMAR_LEXICONS, STANCE_GRAMMAR_LEXICONS) but the act-like ones: no word of an act's object. */
function grammarWords(pack: RulePack): ReadonlySet<string> {
  let out = GRAMMAR_WORDS.get(pack);
  if (!out) {
    const set = new Set<string>();
    const g = pack.replyGrammar;
    for (const words of [g.negators, g.prohibitives, g.modals, g.also, g.between, g.doubt, g.demonstratives, g.afterPointing, g.courtesy, g.yes, ...Object.values(pack.stanceGrammar)]) {
      if (words instanceof Set) for (const w of words as ReadonlySet<string>) set.add(w);
    }
    out = set;
    GRAMMAR_WORDS.set(pack, out);
  }
  return out;
}

/** A name this short is read as a word, not a name ("Oke", "Nah"). */
const MIN_NAME = 4;

/**
 * The names an exchange brings in that its act does not hold: another object than the act's (a
 * football club's sticker, another team's shirt, a work item, another event). A kind of thing of
 * lexicon objek-lain ("klub", "futsal", "laporan", "arisan") the act does not say; or a name: a
 * capitalised word inside a sentence, or a word right after one of the act's own words ("stiker
 * persikas") that is not a verb's form, that is no dictionary word, not a word of the act, of a
 * member's name, an address or the writer's "I", nor a word the pack's rules, lexicons or
 * registry matched (the act's pair by another of its names, "deklarasi Anies" after "relawan
 * AMIN", is the same object).
 */
function newObjectNames(pack: RulePack, field: FieldText, raw: string, actCores: ReadonlySet<string>, actWords: ReadonlySet<string>, members: ReadonlySet<string>): string[] {
  const known = new Set<string>();
  for (const h of field.hits) for (const w of wordsOf(field.norm.text.slice(h.start, h.end))) known.add(w.word);
  const isNew = (w: string): boolean =>
    w.length >= MIN_NAME && /^\p{L}+$/u.test(w) && !isEverydayWord(w, { evenAName: true }) && !actCores.has(wordCore(w)) && !actCores.has(w) &&
    !members.has(w) && !pack.addressWords.has(w) && !pack.choiceWords.writers.has(w) && !known.has(w);
  const out: string[] = [];
  // a kind of thing that is no pair's, the act not holding it ("klub", "futsal", "laporan")
  for (const w of wordsOf(field.norm.text)) if (pack.replyGrammar.otherObjects.has(w.word) && !actCores.has(w.word)) out.push(w.word);
  // capitalised inside a sentence: the first word of a sentence is capitalised anyway
  // (a compound is one name: "Yoyok-Joss" is the act's pair when "Yoyok" is known)
  for (const sentence of raw.split(/[.!?\n]+/u)) {
    const names = sentence.match(/[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/gu) ?? [];
    for (let i = 1; i < names.length; i++) {
      const parts = names[i]!.split('-');
      if (!/^\p{Lu}/u.test(parts[0]!) || !parts.every((p) => isNew(p.toLowerCase()))) continue;
      out.push(names[i]!.toLowerCase());
    }
  }
  // right after a word of the act, the object it now belongs to; not a verb's form ("brosurnya ditaro")
  // (not after a name of the pair: "Yoyok Joss" is one name)
  const named = new Set<string>();
  for (const h of field.hits) if (h.owners.some((o) => o.type === 'registry')) for (const w of wordsOf(field.norm.text.slice(h.start, h.end))) named.add(w.word);
  const words = wordsOf(field.norm.text);
  for (let i = 0; i + 1 < words.length; i++) {
    if (!actWords.has(wordCore(words[i]!.word)) || named.has(words[i]!.word) || field.norm.text.slice(words[i]!.end, words[i + 1]!.start).trim() !== '') continue;
    const next = words[i + 1]!.word;
    if (isNew(next) && !VERB_PREFIX.test(next) && !VERB_SUFFIX.test(next)) out.push(next);
  }
  return out;
}

/** The verbal affixes of a chat verb a rule's own word may carry in a follow-up: the object focus ("kupasang", "dipasang", "tak tempel") and the benefactive and causative suffixes ("bagiin", "pasangkan", "lebetkeun"). */
const VERB_PREFIX = /^(?:ku|di|tak|dak)\p{L}{4,}$/u;
const VERB_SUFFIX = /^\p{L}{3,}(?:in|kan|ken|keun)$/u;

/**
 * A follow-up does or details the act it carries on, it does not only defend it (the labels: "Oto
 * dinas aman, oto pribadi no", "Mung stiker", "Hari Minggu bu, ora dinas" answer a warning and
 * are no act). It does when it holds a count of the thing handed round ("Siji bae cukup", "candak
 * dua"), the writer's own "I" right before a word of its own ("ulun pasangi", "gue taruh") or in
 * the verb's own prefix ("tetap kupasang"), a word of the act's own rule in a verb's form
 * ("dipasang", "bagiin"), an offer to the group ("yang mau ambil silakan"), or the pair's own name;
 * and it does not thank for the warning ("Terima kasih diingatkan").
 */
function doesTheAct(pack: RulePack, ownView: ItemView, field: FieldText, joined: readonly Finding[], offset: number, onlyAsked = false): boolean {
  const g = pack.replyGrammar;
  const words = wordsOf(field.norm.text);
  if (words.some((w, i) => THANKS.has(w.word) || (words[i + 1] !== undefined && THANKS.has(`${w.word} ${words[i + 1]!.word}`)))) return false;
  if (words.some((w) => /^[1-9]$/u.test(w.word) || g.count.has(w.word))) return true;
  const writerAt = new Set<number>();
  for (const h of field.hits) if (h.owners.some((o) => o.type === 'cue' && o.lexicon === ENGINE_LEXICONS.writer)) writerAt.add(h.start);
  for (let i = 0; i + 1 < words.length && !onlyAsked; i++) {
    const act = words[i + 1]!.word;
    if (!writerAt.has(words[i]!.start) || field.norm.text.slice(words[i]!.end, words[i + 1]!.start).trim() !== '') continue;
    if (/^\p{L}{3,}$/u.test(act) && !g.negators.has(act) && !g.prohibitives.has(act) && !g.modals.has(act) && !g.also.has(act) && !g.between.has(act) && !g.retractions.has(act)) return true;
  }
  // the writer's own verb in one word: the object-focus "ku-" (Indonesian, Malay) or "tak-" (Javanese)
  // on a dictionary root ("tetap kupasang", "takjupuk"); "kuning", "kursi", "kuliah" hold no root after it
  if (words.some((w) => { const m = /^(?:ku|tak)(\p{L}{4,})$/u.exec(w.word); return m !== null && isEverydayWord(m[1]!); })) return true;
  // a word of the act's rule, matched in the answer, in a verb's form
  const verbal = (text: string) => wordsOf(normalise(text).text).some((w) => VERB_PREFIX.test(w.word) || VERB_SUFFIX.test(w.word));
  for (const f of joined) for (const sp of f.spans) if (sp.field === 'text' && sp.start >= offset && verbal(sp.text)) return true;
  const actRules = new Set(joined.map((f) => f.ruleId));
  const text = field.norm.text;
  for (const h of field.hits) {
    if (!h.owners.some((o) => o.type === 'rule' && actRules.has(pack.rules[o.index]?.def.id ?? ''))) continue;
    // the whole word the term was found in ("kupasang" for the term "pasang")
    let a = h.start;
    let b = h.end;
    while (a > 0 && /\p{L}/u.test(text[a - 1] ?? '')) a--;
    while (b < text.length && /\p{L}/u.test(text[b] ?? '')) b++;
    if (VERB_PREFIX.test(text.slice(a, b)) || VERB_SUFFIX.test(text.slice(a, b))) return true;
  }
  if (offersToGroup(pack, ownView)) return true;
  // the pair named by its name, not by a word that is one only with other evidence ("aman", "no")
  return field.hits.some((h) => h.owners.some((o) => o.type === 'registry' && o.term.pair !== undefined && FIRM_NAMES.has(o.term.list)));
}
/** The registry lists that name a pair by themselves: its candidates' names, its own name, its hashtags and teams. */
const FIRM_NAMES: ReadonlySet<string> = new Set(['names', 'pair_names', 'hashtags', 'teams', 'name_tags']);
/** Thanks for a warning ("terima kasih diingatkan", "makasih", "matur nuwun", "hatur nuhun"), as the normaliser writes them. */
const THANKS: ReadonlySet<string> = new Set(['terima kasih', 'makasih', 'matur nuwun', 'hatur nuhun', 'nuhun', 'thanks']);

/** The shortest core a word's affixes are taken off down to ("KTPnya" → "ktp", "brosurnya" → "brosur"). */
const MIN_CORE = 3;
/** The clitics and suffixes a follow-up may add to a word of the act ("pasangi", "fotokopine", "stikernya"). */
const CORE_SUFFIXES = ['nya', 'ne', 'na', 'kan', 'ken', 'in', 'an', 'e', 'i'];
/** The object-focus and possessive prefixes of a chat verb ("kupasang", "dipasang", "tak tempel"). */
const CORE_PREFIXES = ['ku', 'di', 'tak', 'dak'];

/** A word without one clitic or suffix and one short prefix, so "kupasang", "pasangi" and "pasang" meet. */
function wordCore(word: string): string {
  let w = word;
  for (const p of CORE_PREFIXES) if (w.startsWith(p) && w.length - p.length >= MIN_CORE + 2) { w = w.slice(p.length); break; }
  for (const s of CORE_SUFFIXES) if (w.endsWith(s) && w.length - s.length >= MIN_CORE) { w = w.slice(0, -s.length); break; }
  return w;
}

/** A word's cores with and without its first prefix ("dikumpulkan": "kumpul", and "mpul" as wordCore reads "kumpulkan"), so a word taken from another message is known whatever prefix it wears. */
function coresOf(word: string): string[] {
  const out = [wordCore(word)];
  for (const p of CORE_PREFIXES) if (word.startsWith(p) && word.length - p.length >= MIN_CORE + 2) out.push(wordCore(word.slice(p.length)));
  return out;
}

/**
 * The answer takes its act back: a verb of lexicon tanggapan-menarik ("copot", "lepas", "hapus",
 * "cabut", "batal") among its words, bare or with a chat verb's prefix or suffix ("udah kucopot",
 * "dilepas", "hapusin").
 */
function takesBack(pack: RulePack, field: FieldText): boolean {
  const back = pack.replyGrammar.retractions;
  return wordsOf(field.norm.text).some((w) => back.has(w.word) || back.has(wordCore(w.word)));
}

/** The longest courtesy phrase of lexicon ucapan-sopan, in words ("terima kasih atas infonya"). */
const COURTESY_PHRASE_WORDS = 4;

/**
 * A follow-up says something beyond courtesy: once its courtesies and particles (lexicon
 * ucapan-sopan, as whole words and phrases: "terima kasih", "baik", "noted", "sama-sama", "ya"),
 * address words (kata-sapaan), the writer's "I" (kata-ganti-penulis), the "also" particles, written
 * laughter, emoji and the words of the names of the chat's members ("Rini", "Mas Dimas") are set
 * aside, a word of its own is left: "Siap Rini, aku daftarin 👍" (registers her), "Jam 7 bu, ketemu di
 * depan pasar ya" (the meeting), "👍 sip kang, tinggal 2 deui nya" (the count still wanted). "Baik pak,
 * terima kasih 🙏", "Oke gpp Yoga, santai aja" and "Nggih, matur nuwun mas" leave nothing: a courtesy
 * carries no act of its own.
 */
function saysMoreThanCourtesy(pack: RulePack, field: FieldText, thread: readonly ThreadMessage[], item: Item): boolean {
  const g = pack.replyGrammar;
  const courtesies = courtesyPhrases(pack);
  const writer = new Set<number>();
  for (const h of field.hits) if (h.owners.some((o) => o.type === 'cue' && o.lexicon === ENGINE_LEXICONS.writer)) writer.add(h.start);
  const members = new Set<string>();
  for (const who of [item, ...thread.map((m) => m.item)]) for (const w of nameWords(who.actor?.name ?? '')) members.add(w);
  const words = wordsOf(field.norm.text);
  for (let i = 0; i < words.length; ) {
    let courtesy = 0;
    for (let n = Math.min(COURTESY_PHRASE_WORDS, words.length - i); n > 0 && courtesy === 0; n--) {
      if (courtesies.has(words.slice(i, i + n).map((w) => w.word).join(' '))) courtesy = n;
    }
    if (courtesy > 0) {
      i += courtesy;
      continue;
    }
    const w = words[i]!;
    if (!(pack.addressWords.has(w.word) || writer.has(w.start) || g.also.has(w.word) || members.has(w.word) || LAUGHTER_WORD.test(w.word))) return true;
    i++;
  }
  return false;
}

const COURTESY_PHRASES = new WeakMap<RulePack, ReadonlySet<string>>();
/** The courtesies of lexicon ucapan-sopan as the normaliser writes them ("makasih" is "terima kasih", "gpp" "tidak apa apa", "aja" "saja"), words joined by one space. */
function courtesyPhrases(pack: RulePack): ReadonlySet<string> {
  let out = COURTESY_PHRASES.get(pack);
  if (!out) {
    const set = new Set<string>();
    for (const term of pack.replyGrammar.courtesy) set.add(wordsOf(normalise(term).text).map((w) => w.word).join(' '));
    COURTESY_PHRASES.set(pack, (out = set));
  }
  return out;
}

/** Written laughter ("wkwk", "haha", "hehe", "xixi"): no word of a follow-up's own. */
const LAUGHTER_WORD = /^(?:w?k(?:wk)+w?|(?:wk){2,}|h(?:a|e|i)(?:h[aei])+h?|(?:xi){2,})$/u;

/**
 * A colleague's message takes an offer up: its first words take a side, say "me too", accept or go
 * along (readReply `sides` or `goes`) and it declines nothing. A question after the yes asks about the
 * arrangements ("Aku ikut Mas 🙋 jam berapa?"): the message is read with its question marks as full
 * stops, so "Ikut ga?" stays a question only through its negator ("ga"). A yes that opens it ("Iyye
 * Daeng, … tulis ni nama ku") takes the offer up as well.
 */
function takesUp(pack: RulePack, taker: Item, thread: readonly ThreadMessage[]): boolean {
  const reading = readAsTold(pack, taker);
  if (reading === undefined || reading.declines) return false;
  if (reading.sides !== undefined || reading.goes !== undefined || reading.opens) return true;
  return opensWithYes(pack, taker, thread);
}

/**
 * A plain yes opens the message (lexicon jawaban-ya: "Iyye Daeng, engka tona iyya, tulis ni nama
 * ku", "Nggih mas, kula nderek") and words of its own follow it (saysMoreThanCourtesy): a yes to
 * the offer before it. A yes with only courtesies after it ("Iya, makasih infonya") takes nothing up.
 */
function opensWithYes(pack: RulePack, taker: Item, thread: readonly ThreadMessage[]): boolean {
  const field = prepareItem(pack, taker, {}).fields.find((f) => f.field === 'text' && f.window === 0);
  const first = field && wordsOf(field.norm.text, 1)[0];
  return first !== undefined && pack.replyGrammar.yes.has(first.word) && saysMoreThanCourtesy(pack, field!, thread, taker);
}

/** readReply of a message with its question marks read as full stops (askedAsTold). */
function readAsTold(pack: RulePack, message: Item): ReplyReading | undefined {
  // made once per message: a chat message is read so as its own reply (offerCarriedOn) and again as
  // the taker of the next one's offer (takesUp). The reading depends on the pack and the text only
  // (no context: prepareItem reads the text field's words and hits, readReply nothing else)
  let known = TOLD.get(pack);
  if (known === undefined) TOLD.set(pack, (known = new WeakMap()));
  const text = message.text ?? '';
  const memo = known.get(message);
  if (memo !== undefined && memo.text === text) return memo.reading;
  const field = prepareItem(pack, { ...message, text: askedAsTold(text) }, {}).fields.find((f) => f.field === 'text' && f.window === 0);
  const reading = field && readReply(field.norm, field.hits, pack);
  known.set(message, { text, reading });
  return reading;
}
const TOLD = new WeakMap<RulePack, WeakMap<Item, { text: string; reading: ReplyReading | undefined }>>();

/** The message declines nothing once its questions are read as told. */
function readsAsTold(pack: RulePack, message: Item): boolean {
  return readAsTold(pack, message)?.declines === false;
}

/**
 * A span of the reply's original text (offsets within the reply) in the normalised offsets of the
 * joined text's first text field, the reply starting at `offset` there; undefined when that field
 * does not reach it.
 */
function joinedSpan(view: ItemView, o: { start: number; end: number }, offset: number): { start: number; end: number } | undefined {
  const f = view.fields.find((x) => x.field === 'text' && x.window === 0);
  if (!f || o.end <= o.start) return undefined;
  const starts = f.norm.starts;
  let start = -1;
  let end = -1;
  for (let i = 0; i < f.norm.text.length; i++) {
    const at = (starts[i] ?? 0) + f.base;
    if (start < 0 && at >= offset + o.start) start = i;
    if (at < offset + o.end) end = i + 1;
  }
  return start >= 0 && end > start ? { start, end } : undefined;
}

/**
 * A question answered by a reply that takes it up and hands it on is what the yes asserts: its
 * question marks become full stops ("kita pergi?" → "kita pergi.", "boleh dibawa pulang?" → "boleh
 * dibawa pulang."), so the rules read the act asked about as the act agreed on. The text keeps its
 * length, so spans into it stay where they were.
 */
/**
 * The going verbs a message asks with (original offsets): a verb of going along or of attendance
 * (goingAlong.verbs, goingAlong.attend) in a clause closed by a question mark, not denied —
 * "siapa mau ikut?", "ado yang nak melok?", "melu ora?", "ada yang mau datang?", "Sapa mo iko?".
 * An invitation asks who goes; a reply that goes along answers "I do" (stop 53).
 */
function askedGoing(pack: RulePack, text: string): Array<{ start: number; end: number }> {
  const { verbs, attend } = pack.goingAlong;
  const g = pack.replyGrammar;
  const out: Array<{ start: number; end: number }> = [];
  let previous: string | undefined;
  for (const m of text.matchAll(/[\p{L}]+|[.!?\n]/gu)) {
    const word = m[0].toLowerCase();
    if (/^[.!?\n]$/u.test(word)) { previous = undefined; continue; }
    const at = m.index ?? 0;
    const denied = previous !== undefined && (g.negators.has(previous) || g.prohibitives.has(previous));
    previous = word;
    if ((!verbs.has(word) && !attend.has(word)) || denied) continue;
    // the clause the verb stands in ends with a question mark
    const close = text.slice(at + word.length).search(/[.!?\n]/u);
    if (close >= 0 && text[at + word.length + close] === '?') out.push({ start: at, end: at + word.length });
  }
  return out;
}

function askedAsTold(text: string): string {
  return text.replace(/\?/gu, '.');
}

/**
 * The item's own words address the group with an offer or an invitation: the `addressed` matchers
 * of a venue rule (t6: "siapa mau", "yang mau ambil", "sing arep", "siape nak?") hold on it.
 */
function offersToGroup(pack: RulePack, view: ItemView): boolean {
  for (const rule of venueRules(pack).values()) {
    const venue = rule.def.venue as NonNullable<CompiledRule['def']['venue']>;
    const hitsOf = hitsMemo(rule.matchers, view, { type: 'rule', index: rule.index });
    if (venueAddressed(venue).some((name) => matcherHolds(rule.matchers.get(name) as CompiledMatcher, view, hitsOf(name)))) return true;
  }
  return false;
}

/** Both messages were sent by the same member (by id, handle or display name). */
function sameSender(a: Item, b: Item): boolean {
  const who = (i: Item) => i.actor?.id ?? i.actor?.handle ?? i.actor?.name;
  return who(a) !== undefined && who(a) === who(b);
}

/**
 * The form of a reply that only takes the side of a message telling its sender's own act (no act
 * of the reply's own: the reply rule's "its own form"). At a venue (an office group) that is talk
 * to the colleagues, the venue's form: "Mantap ito, au pe tong tu si tolu" after a colleague's pose
 * photo is not a pose of the replier's, so the acts the venue would take in (`absorbs`: a rally, a
 * shirt, a pose, a sticker, a debate) that it borrowed are the answered message's, and are left
 * out. (A reply taking up an offer to the group, "aku siji, ukuran XL", is not asked here: it takes
 * the shirt.) Outside a venue, or when no venue rule holds, the borrowed findings stay as they are.
 * A reply that calls the others to follow (`urges`: "Mantep Ka! Sing liyane mbok ya pada nyusul
 * gabung" after a colleague's joining of a pair's volunteer team) recruits the colleagues: the team
 * or party ('other') is the venue's too (RUBRIC: "recruiting into a team or volunteer group" is 6).
 */
function sidingForm(pack: RulePack, borrowed: Finding[], urges = false): Finding[] {
  const venues = venueRules(pack);
  const absorbed = new Set<Finding['prohibition']>();
  // a victory party or a pair's team ('other') told in the group is one the replier may go to or
  // join ("Gas lae, aku datang!"): the reply keeps it, as before the venue absorbed it from appeals
  for (const f of borrowed) venues.get(f.ruleId)?.def.venue?.absorbs.forEach((p) => (urges || p !== 'other') && absorbed.add(p));
  if (absorbed.size === 0) return borrowed;
  return borrowed.filter((f) => venues.has(f.ruleId) || !absorbed.has(f.prohibition));
}

/**
 * A reply made of nothing but a pair's own hand-sign emoji ("✌️✌️✌️" after "nomor 2 … jang lupa
 * coblos"): the sign is that pair's (registry `hand_signs`, region-scoped), so the reply takes that
 * pair's side as "setuju" would. Any other emoji alone (👍, 🔥, 😂) stays no cue.
 */
function handSignReply(field: FieldText): { hit: TermHit<TermOwner>; pair: string } | undefined {
  if (/[\p{L}\p{N}]/u.test(field.norm.original)) return undefined;
  for (const h of field.hits) {
    for (const o of h.owners) if (o.type === 'registry' && o.term.list === 'hand_signs' && o.term.pair) return { hit: h, pair: o.term.pair.id };
  }
  return undefined;
}

/**
 * A reply that names the sender of an earlier message of the window by their own name ("Sa ikut
 * ade Marthen, 02 su" after a colleague's warning that came between) answers that sender's
 * message, not the newest one: the newest message by the named sender. Names of four letters or
 * more, address terms and titles left out (lexicon kata-sapaan, pack.addressWords); never the
 * replier's own messages.
 */
function addressedTopic(pack: RulePack, window: readonly ThreadMessage[], reply: Item, replyText: string): ThreadMessage | undefined {
  if (window.some((m) => m.via === 'reply')) return undefined;
  const words = new Set(replyText.split(/[^\p{L}]+/u).filter((w) => w.length >= 4));
  if (words.size === 0) return undefined;
  const self = reply.actor?.name?.toLowerCase();
  for (const m of window) {
    const name = m.item.actor?.name?.toLowerCase();
    if (!name || name === self || !m.item.text?.trim()) continue;
    const own = name.split(/[^\p{L}]+/u).filter((w) => w.length >= 4 && !pack.addressWords.has(w));
    if (own.some((w) => words.has(w))) return m;
  }
  return undefined;
}

/** The pairs a view's own words name (registry terms of one pair). */
function pairsNamed(view: ItemView): Set<string> {
  const out = new Set<string>();
  for (const f of view.fields) for (const h of f.hits) for (const o of h.owners) if (o.type === 'registry' && o.term.pair) out.add(o.term.pair.id);
  return out;
}

/**
 * A reply that names a pair itself ("Tapi betul itu Ko, kita juga nomor 3") answers the newest
 * message of the window that names the same pair, though a warning or an apology came between
 * ("Ko Rahman, jang bawa-bawa politik di grup kantor", "Ok bu, maaf"). Not for an explicit reply
 * (it answers the message it points to), nor when the newest message already names that pair.
 */
function samePairTopic(pack: RulePack, window: readonly ThreadMessage[], reply: ItemView, ctx: EvalContext): ThreadMessage | undefined {
  if (window.length < 2 || window.some((m) => m.via === 'reply')) return undefined;
  const own = pairsNamed(reply);
  if (own.size === 0) return undefined;
  let newest = true;
  for (const m of window) {
    if (!m.item.text?.trim()) continue;
    const named = pairsNamed(prepareItem(pack, m.item, ctx));
    // the newest message naming it is topicOf's to weigh (a short "me too" before may stand between)
    if ([...named].some((p) => own.has(p))) return newest ? undefined : m;
    newest = false;
  }
  return undefined;
}

/**
 * The message a reply answers: the one it replies to, else the newest earlier message of the
 * window that is not itself a short answer without a finding of its own ("setuju pak" after "aku
 * juga" or "teu tiasa ngiring" after the call answers the call). An unrelated message in between (a work
 * notice, a warning) is the topic, and the call before it is not.
 */
/** The view names a pair: some registry term is found in one of its fields. */
function namesAPair(view: ItemView): boolean {
  return view.fields.some((f) => f.hits.some((h) => h.owners.some((o) => o.type === 'registry')));
}

/** The reply speaks to the member who sent `to`: a word of three letters or more of it is a word of their display name, or its clipped start ("Ros" for Rosa). */
function addresses(reply: Item, to: Item): boolean {
  const names = nameWords(to.actor?.name ?? '').filter((w) => w.length >= 3);
  return wordsOf(normalise(reply.text ?? '').text).some((w) => w.word.length >= 3 && names.some((n) => n.startsWith(w.word)));
}

function topicOf(pack: RulePack, thread: readonly ThreadMessage[], ctx: EvalContext, goingReply?: Item): ThreadMessage | undefined {
  for (const m of thread) {
    if (m.via === 'reply') return m;
    const text = m.item.text ?? '';
    // an emoji or punctuation alone ("😑😑", "👍") reacts to the message before it: not a topic
    if (text.trim() !== '' && !/[\p{L}\p{N}]/u.test(text)) continue;
    if (text.trim() === '' || text.split(/\s+/u).length > MAX_ANSWER_WORDS) return m;
    const view = prepareItem(pack, m.item, ctx);
    const field = view.fields.find((f) => f.field === 'text' && f.window === 0);
    // another answer to the same message ("setuju pak 👍" — the hand sign beside it names no pair
    // by itself —, "abdi teu tiasa ngiring"); a short notice ("Rapat KKG sesuk jam 8 nggih") or a
    // warning ("ojo kampanye nang grup") opens with no reply word and is a topic of its own
    const read = field && readReply(field.norm, field.hits, pack);
    // to a reply that goes along, a short excuse or refusal of another member that names no pair
    // ("Aku kuliah Lae, ga bisa") answered the same invitation: it is no topic of its own, unless the
    // reply speaks to its sender ("Leres Ros, …") (stop 53)
    const excuse = goingReply !== undefined && read !== undefined && read.declines && !text.includes('?') && !namesAPair(view) && !sameSender(m.item, goingReply) && !addresses(goingReply, m.item);
    const answersToo = read !== undefined && (read.opens || excuse) && evaluateView(pack, view).length === 0;
    if (!answersToo) return m;
  }
  return undefined;
}

/**
 * The context the answered message and the reply read together are evaluated in: no thread to
 * lean on (they are the exchange), but the chat's messages sent before the answered one, read only
 * for the candidates they name ('chat').
 */
function namingContext(thread: readonly ThreadMessage[], topic: ThreadMessage, plain: EvalContext): EvalContext {
  const at = Date.parse(topic.item.time ?? '');
  const naming: ThreadMessage[] = [];
  for (const m of thread) {
    if (m.item === topic.item) continue;
    const t = Date.parse(m.item.time ?? '');
    if (Number.isNaN(t) || Number.isNaN(at) || t > at) continue;
    naming.push(m.via === 'chat' ? m : { item: m.item, via: 'chat' });
  }
  return naming.length ? { ...plain, thread: naming } : plain;
}

function readsThread(pack: RulePack, ruleId: string): boolean {
  return pack.rules.some((r) => r.def.id === ruleId && r.def.reads_thread);
}

/**
 * The reply's own words must count: some matcher holds on them, and either the rule does not
 * hold on the earlier message alone, or the reply brings a matcher the earlier message lacked
 * ("aku juga udah pake" adds the wearing to a shirt message), or it takes the earlier message's
 * side and names the act again for its sender ("aku juga udah pasang di helm" after a sticker on
 * a motorbike: the replier's own vehicle).
 */
function addsOwnEvidence(f: Finding, alone: Finding | undefined, offset: number, siding: boolean): boolean {
  const own = new Set(f.spans.filter((sp) => sp.field === 'text' && sp.start >= offset).map((sp) => sp.matcher));
  if (own.size === 0) return false;
  if (!alone || siding) return true;
  const before = new Set(alone.spans.map((sp) => sp.matcher));
  return [...own].some((m) => !before.has(m));
}

/**
 * The first word of a reply that one of the rule's own `match` term lists holds (a vehicle for the
 * sticker rule, a shirt for the shirt rule), in the reply's own normalised text; hidden matchers
 * (`_name`) and exceptions do not count.
 */
function formWordOf(pack: RulePack, ruleId: string, field: FieldText): TermHit<TermOwner> | undefined {
  const rule = pack.rules.find((r) => r.def.id === ruleId);
  if (!rule) return undefined;
  return field.hits.find((h) => h.owners.some((o) => o.type === 'rule' && o.index === rule.index && o.slot >= 0 && !o.matcher.startsWith('_')));
}

/** The shortest word a reply echoes an act by: shorter ones are particles and pronouns' clipped forms. */
const MIN_ECHO_LENGTH = 3;
/**
 * How many different words of the act the reply must echo: its verb and its object ("dikempelkeun"
 * and "KTP"). One word alone is talk about the act ("KTP-nya buat apa pak").
 */
const MIN_ECHOED_WORDS = 2;

/**
 * The word by which a reply takes up the act of the message it answers in that act's own words:
 * MIN_ECHOED_WORDS different words of the reply, each a hit of a matcher that is evidence of a
 * finding of the message read alone (the matcher of one of its spans or a part of that matcher's
 * `near`, through the inflections and glosses it reads: "dikempelkeun … KTP" after "ngempelkeun …
 * KTP kanggo relawan Budi-Dewi"), none an engine word of its own (the writer's "I", a reply cue)
 * nor denied. Only the acts of rules that read threads are taken up so (a rally, a shirt, a
 * sticker, a debate, the office's call): "Selamat kanggo sing menang" after a victory celebration
 * congratulates, it celebrates nothing. A reply with a negator or prohibitive anywhere
 * (readsOtherwise) echoes nothing ("Siap pa, KTP barudak teu acan dikempelkeun"). Returns the span
 * of the first echoed word in the reply's normalised text.
 */
function echoedAct(alone: readonly Finding[], field: FieldText, pack: RulePack): { start: number; end: number } | undefined {
  if (alone.length === 0 || readsOtherwise(field.norm.text, pack.forgetWords, pack.stanceGrammar)) return undefined;
  const evidence = new Set<string>();
  for (const f of alone) {
    const rule = readsThread(pack, f.ruleId) ? pack.rules.find((r) => r.def.id === f.ruleId) : undefined;
    if (rule) for (const sp of f.spans) if (sp.matcher) for (const leaf of leafMatchers(rule, sp.matcher)) evidence.add(`${rule.index}|${leaf}`);
  }
  const echoed = new Set<string>();
  let first: { start: number; end: number } | undefined;
  for (const h of field.hits) {
    if (h.end - h.start < MIN_ECHO_LENGTH || h.owners.some((o) => o.type === 'cue' || o.type === 'registry')) continue;
    if (!h.owners.some((o) => o.type === 'rule' && evidence.has(`${o.index}|${o.matcher}`)) || negatedAt(field.norm.text, h.start, pack.stanceGrammar)) continue;
    first ??= { start: h.start, end: h.end };
    echoed.add(field.norm.text.slice(h.start, h.end));
  }
  return echoed.size >= MIN_ECHOED_WORDS ? first : undefined;
}

/** The matchers a span's matcher stands on: itself, or the parts of a `near` (recursively). */
function leafMatchers(rule: CompiledRule, name: string, out: Set<string> = new Set()): Set<string> {
  if (out.has(name)) return out;
  out.add(name);
  for (const part of rule.matchers.get(name)?.near?.names ?? []) leafMatchers(rule, part, out);
  return out;
}

/** The finding with the reply's own form word added as a span of the joined text. */
function withReplyWord(f: Finding, hit: TermHit<TermOwner>, field: FieldText, offset: number, own: string): Finding {
  // the reply's own original offsets, shifted past the earlier message (leaningOn shifts them back)
  const o = toOriginal(field.norm, hit.start, hit.end);
  return { ...f, spans: dedupeSpans([...f.spans, { field: 'text', index: field.index, start: offset + o.start, end: offset + o.end, text: own.slice(o.start, o.end), matcher: 'tanggapan_bentuk' }]) };
}

/** Move the spans of the earlier message to field 'thread', and say in the explanation which message it was. */
function leaningOn(f: Finding, earlier: ThreadMessage, offset: number, zone: TimeZone): Finding {
  const spans = dedupeSpans(
    f.spans.map((sp) =>
      sp.field !== 'text' ? sp : sp.start < offset ? { ...sp, field: 'thread' as const } : { ...sp, start: sp.start - offset, end: sp.end - offset },
    ),
  );
  const who = earlier.item.actor?.name ?? earlier.item.actor?.handle ?? '?';
  // the time a reader of the chat saw: local time of the subject's region (WIB when unknown)
  const when = (earlier.item.time && formatZonedShort(earlier.item.time, zone)) ?? earlier.item.timeRaw ?? '?';
  const quoted = (earlier.item.text ?? '').replace(/\s+/g, ' ').slice(0, 160);
  const note = quotedOf([earlier]) ? THREAD_NOTE.quote : THREAD_NOTE[earlier.via];
  const ref = `${who}, ${when}${earlier.item.thread?.messageId ? `, #${earlier.item.thread.messageId}` : ''}`;
  return {
    ...f,
    id: findingId({ itemId: f.itemId, ruleId: f.ruleId, ruleVersion: f.ruleVersion, spans }),
    spans,
    explanation: { id: `${f.explanation.id} ${note.id} (${ref}): “${quoted}”.`, en: `${f.explanation.en} ${note.en} (${ref}): “${quoted}”.` },
  };
}

/** A rule's result on a prepared item, computed once per item (rules that build on others ask again). */
function ruleResult(pack: RulePack, rule: CompiledRule, v: ItemView): Finding | undefined {
  v.results ??= new Map();
  if (!v.results.has(rule.index)) v.results.set(rule.index, ruleDraft(pack, rule, v));
  return v.results.get(rule.index);
}

/**
 * A check-in's caption is the writer's own words, as a post's text is: a rule built on the status
 * rules that reads check-ins (t8-hadir-debat-pendukung: the side taken from a debate watch party
 * at a warkop, checked in there) asks them on the caption as on a post. The status rules do not
 * read check-ins on their own: a check-in's caption is mostly the queue and the errand ("antri
 * nomor 2" at the Samsat), and a check-in is filed by its place's form first.
 * A reaction's text is the liked post's own words (an X like, a Facebook reaction with the post
 * copied): a rule built on the status rules that reads reactions (t1-suka-konten-berpihak) asks
 * them on it as on that post, so a like of a post that calls to vote for a number or mocks a
 * candidate is a like of partisan content though the post names no page or full pair name.
 */
function contentAsPost(base: CompiledRule, v: ItemView): boolean {
  return (v.item.kind === 'checkin' || v.item.kind === 'reaction') && base.kinds.has('post');
}

/**
 * For a rule that builds on others (`builds_on: [3]`): the findings of the rules of those
 * prohibitions on this item. The office rule that turns any partisan message in a workplace
 * group into prohibition 6 needs a partisan finding first.
 */
function baseFindings(pack: RulePack, rule: CompiledRule, v: ItemView): Array<{ rule: CompiledRule; finding: Finding }> {
  const wanted = rule.def.builds_on ?? [];
  const out: Array<{ rule: CompiledRule; finding: Finding }> = [];
  for (const r of pack.rules) {
    if (r === rule || r.def.builds_on?.length || r.def.status === 'deprecated' || !wanted.includes(r.def.prohibition) || !(r.kinds.has(v.item.kind) || contentAsPost(r, v))) continue;
    // a rule the prefilter rules out cannot fire (its gates are sound): not walked here either
    if (v.gates && !v.gates.mayHold(r.index)) continue;
    const f = ruleResult(pack, r, v);
    if (f) out.push({ rule: r, finding: f });
  }
  return out;
}

/**
 * "8 tidak" item 3 (a status about a pair) is the fallback form of a post that takes sides: the
 * rubric files a post under 3 only when no specific form fits. When a specific form (a like, a
 * rally, a T-shirt, a pose, the office, a sticker, a debate, an SKB form) fits the same item, the
 * generic status finding would only repeat it for the reviewer, so it is left out.
 */
function withoutFallbackForm(pack: RulePack, findings: Finding[]): Finding[] {
  const superseded = new Set(findings.flatMap((f) => supersededBy(pack, f.ruleId)));
  if (superseded.size) findings = findings.filter((f) => !superseded.has(f.ruleId));
  const specific = findings.some((f) => f.prohibition !== 3) ? findings.filter((f) => f.prohibition !== 3) : findings;
  // a finding that only refines another (builds_on) repeats a rule of its own prohibition that fired directly;
  // so does one only a learned model supports, next to a literal rule's finding of the same prohibition
  const refining = refiningRules(pack);
  const modelOnly = modelOnlyRules(pack);
  const yields = (f: Finding) => refining.has(f.ruleId) || modelOnly.has(f.ruleId);
  const passed = specific.filter((f) => !yields(f) || !specific.some((o) => !yields(o) && o.prohibition === f.prohibition));
  const kept = onePerForm(passed);
  const dropped = findings.filter((f) => !passed.includes(f));
  // (a status finding kept over a refining one keeps its own reading: a mocking nickname a refining
  // rule reads as an attack is also a supporter's banter, "Pak Wowo tegas … nomor 2")
  return dropped.length ? kept.map((f) => (f.prohibition === 3 ? f : withStatusSides(f, dropped))) : kept;
}

const STATUS_SIDE_NOTE = { id: 'Sikap terhadap pasangan dibaca dari kata-kata unggahan yang sama', en: 'The stance on the pair is read from the same post\'s words' };

/**
 * A finding that stays (a debate watched, a rally attended) and names a pair only as a mention
 * takes the side a finding left out for it (the status finding of the fallback form, a refining or
 * model-only rule's; a superseded rule's finding is gone before, and lends none) read on that pair
 * from the same item ("… di arena debat, nomor 3 pasti menang!"): the words still say it though
 * the charge is the kept finding's. Only a side the left-out findings agree on, and only on a pair
 * the kept finding names. Asked once per kept charge, after onePerForm: each charge names its own
 * pairs, and only a finding onePerForm completed has the explanation restated here (PENDING).
 */
function withStatusSides(f: Finding, status: readonly Finding[]): Finding {
  const sides = new Map<string, CandidateRef[]>();
  for (const c of status.flatMap((o) => o.candidates)) if (c.stance === 'support' || c.stance === 'attack') sides.set(c.pair, [...(sides.get(c.pair) ?? []), c]);
  const taken: CandidateRef[] = [];
  for (const c of f.candidates) {
    const by = sides.get(c.pair);
    if (c.stance !== 'mention' || !by || new Set(by.map((k) => k.stance)).size !== 1) continue;
    taken.push(by[0] as CandidateRef);
  }
  if (taken.length === 0) return f;
  const candidates = mergeCandidates(f.candidates, taken);
  const said = restated(f, candidates);
  const rules = [...new Set(status.filter((o) => o.candidates.some((c) => taken.some((t) => t.pair === c.pair && t.stance === c.stance))).map((o) => o.ruleId))].join(', ');
  return { ...f, candidates, explanation: { id: `${said.id} ${STATUS_SIDE_NOTE.id} (${rules}).`, en: `${said.en} ${STATUS_SIDE_NOTE.en} (${rules}).` } };
}

const SEVERITY_RANK: Readonly<Record<Finding['severity'], number>> = { info: 0, low: 1, medium: 2, high: 3 };
const ALSO_NOTE = { id: 'Aturan lain untuk larangan yang sama juga terpenuhi; kata-katanya digabung di sini', en: 'Other rules of the same prohibition also hold; their words are merged here' };

/**
 * One post, one accusation per form: two literal rules of the same prohibition ("a status that
 * praises", "a status that mocks") firing on one item would put the same charge before the
 * reviewer twice. The strongest finding stays (confidence, then severity, then more evidence,
 * then rule order); the words and pairs of the others are merged into it. SKB forms outside the
 * 8 ("other") are distinct charges, so they group by their SKB form — unless one of the "8 tidak"
 * findings of the item is that very SKB form (a like of a volunteer page is SKB A4/B6 both as
 * "liking a team page" and as item 1): then it is the same charge, filed under its "8 tidak"
 * number as the rubric files it, and the SKB-form finding's words are merged into it.
 */
function onePerForm(findings: Finding[]): Finding[] {
  // a finding is completed (its id and explanation made: completeFinding) only when it stays or
  // leads a group: the words and pairs of the others are all a merge reads of them
  if (findings.length < 2) return findings.map(completeFinding);
  const groups = new Map<string, Finding[]>();
  // the "8 tidak" number each SKB form of this item is already charged under
  const numbered = new Map<string, string>();
  for (const f of findings) if (f.prohibition !== 'other' && f.skbForm) numbered.set(`${f.track}:${f.skbForm}`, String(f.prohibition));
  for (const f of findings) {
    const key = f.prohibition === 'other' ? (f.skbForm && numbered.get(`${f.track}:${f.skbForm}`)) ?? `other:${f.skbForm ?? f.ruleId}` : String(f.prohibition);
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  if (groups.size === findings.length) return findings.map(completeFinding);
  const out: Finding[] = [];
  for (const list of groups.values()) {
    if (list.length === 1) {
      out.push(completeFinding(list[0] as Finding));
      continue;
    }
    // an "8 tidak" finding keeps the charge over an SKB-form finding folded into its group
    const [best, ...rest] = [...list].sort((a, b) => Number(a.prohibition === 'other') - Number(b.prohibition === 'other') || b.confidence - a.confidence || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.spans.length - a.spans.length);
    const kept = completeFinding(best as Finding);
    const spans = dedupeSpans([...kept.spans, ...rest.flatMap((f) => f.spans)]);
    const candidates = mergeCandidates(kept.candidates, rest.flatMap((f) => f.candidates));
    const said = restated(kept, candidates);
    const rules = rest.map((f) => f.ruleId).join(', ');
    out.push({
      ...kept,
      id: findingId({ itemId: kept.itemId, ruleId: kept.ruleId, ruleVersion: kept.ruleVersion, spans }),
      spans,
      candidates,
      explanation: { id: `${said.id} ${ALSO_NOTE.id} (${rules}).`, en: `${said.en} ${ALSO_NOTE.en} (${rules}).` },
    });
  }
  // keep the engine's order (rule order of the kept findings)
  return findings.filter((f) => out.some((o) => o.ruleId === f.ruleId)).map((f) => out.find((o) => o.ruleId === f.ruleId) as Finding);
}

const modelOnlyCache = new WeakMap<RulePack, Set<string>>();
/** Rules whose every matcher is a learned stance model: a second opinion, never the only word when a literal rule spoke. */
function modelOnlyRules(pack: RulePack): Set<string> {
  let ids = modelOnlyCache.get(pack);
  if (!ids) {
    ids = new Set(pack.rules.filter((r) => r.matchers.size > 0 && [...r.matchers.values()].every((m) => m.type === 'stance_model')).map((r) => r.def.id));
    modelOnlyCache.set(pack, ids);
  }
  return ids;
}

const supersedesCache = new WeakMap<RulePack, Map<string, readonly string[]>>();
/** The rule ids a rule's finding replaces (its `supersedes` list). */
function supersededBy(pack: RulePack, ruleId: string): readonly string[] {
  let map = supersedesCache.get(pack);
  if (!map) {
    map = new Map(pack.rules.filter((r) => r.def.supersedes?.length).map((r) => [r.def.id, r.def.supersedes ?? []]));
    supersedesCache.set(pack, map);
  }
  return map.get(ruleId) ?? [];
}

const refiningCache = new WeakMap<RulePack, Set<string>>();
function refiningRules(pack: RulePack): Set<string> {
  let ids = refiningCache.get(pack);
  if (!ids) {
    ids = new Set(pack.rules.filter((r) => r.def.builds_on?.length).map((r) => r.def.id));
    refiningCache.set(pack, ids);
  }
  return ids;
}

/** Evaluate one rule on a prepared item (the fixture runner calls it rule by rule). */
export function evaluateRule(pack: RulePack, rule: CompiledRule, v: ItemView): Finding | undefined {
  const f = ruleDraft(pack, rule, v);
  return f && completeFinding(f);
}

/**
 * The rule's condition with its cheap matchers asked first (cheapFirst, by MATCHER_COST; the same
 * value), made once per compiled rule. Only for the value: the evidence walk keeps the rule's own.
 */
const CHEAP_CONDITION = new WeakMap<CompiledRule, Condition>();
function cheapConditionOf(rule: CompiledRule): Condition {
  let c = CHEAP_CONDITION.get(rule);
  if (c === undefined) {
    c = cheapFirst(rule.condition, (name) => MATCHER_COST[rule.matchers.get(name)?.type ?? 'terms']);
    CHEAP_CONDITION.set(rule, c);
  }
  return c;
}

/** A rule's finding on a prepared item, its id and explanation still to be made (completeFinding). */
function ruleDraft(pack: RulePack, rule: CompiledRule, v: ItemView): Finding | undefined {
  const hitsOf = hitsMemo(rule.matchers, v, { type: 'rule', index: rule.index });
  // a matcher the prefilter rules out (none of its terms or lists occurred) is false without
  // computing its hits: the same answer (the gates are sound, as the prefilter needs), less work
  const gates = v.gates;
  const ruledOut = gates === undefined ? undefined : (name: string) => gates.state(rule.gate.get(name)) === 0;
  // each matcher's answer asked once per item and rule: the condition, its evidence walk
  // (supportingNames) and the workplace note ask the same names again
  let asked: Map<string, boolean> | undefined;
  const holds = (name: string): boolean => {
    let h = (asked ??= new Map()).get(name);
    if (h === undefined) {
      h = ruledOut !== undefined && ruledOut(name) ? false : matcherHolds(rule.matchers.get(name) as CompiledMatcher, v, hitsOf(name));
      asked.set(name, h);
    }
    return h;
  };
  // the value only, cheap matchers first and `of` stopped early (evaluateCondition): on a heavy
  // input most rules past the prefilter fail here, and the matchers they did not need are never asked
  if (!evaluateCondition(cheapConditionOf(rule), holds, ruledOut)) return undefined;
  // the rules built on are asked only once this rule's own condition holds (an office group):
  // asking first evaluated every prohibition-3 rule on every item, past the prefilter
  const builtOn = rule.def.builds_on?.length ? baseFindings(pack, rule, v) : [];
  const inherited: Array<{ id: string; en: string }> = [];
  if (rule.def.builds_on?.length && builtOn.length === 0) return undefined;

  if (rule.unless.size > 0) {
    const unlessHits = hitsMemo(rule.unless, v, { type: 'rule', index: rule.index });
    for (const m of rule.unless.values()) {
      if (matcherHolds(m, v, unlessHits(m.name))) return undefined;
    }
  }

  const lowered: Array<{ id: string; reason: string }> = [];
  let factor = 1;
  // exceptions that yield to the finding's own stance on its pairs (unless_finding): asked once the
  // candidates and their stances are read, below
  const afterStance: CompiledException[] = [];
  for (const ex of rule.exceptions) {
    // a rule built on others says where the act was, not what it was: an exception that a built-on
    // finding's own rule does not honour (a debate attended is not voter education because its
    // words say "debat publik") does not undo that act at the venue either
    if (builtOn.length && !builtOn.every((b) => b.rule.honours.has(ex))) continue;
    if (!exceptionHolds(ex, v)) continue;
    if (ex.def.unless_finding || ex.def.mentions_within) {
      afterStance.push(ex);
      continue;
    }
    if (ex.def.effect === 'cancel') return undefined;
    factor *= ex.def.factor;
    lowered.push({ id: ex.def.id, reason: ex.def.reason });
  }

  // evidence: every matcher that takes part in the condition holding contributes its spans,
  // candidates and weight (a tone cue that holds beside the clause that fired is no evidence);
  // a span that is only punctuation or a chat particle is never a matched word
  const support = supportingNames(rule.condition, holds);
  const spans: Span[] = [];
  const candidates = new Map<string, CandidateRef>();
  // elections named by identity (names, hashtags, accounts), not only by a number or hand sign
  const identityElections = new Set<string>();
  let disbelief = 1 - rule.def.confidence;
  const scores: Record<string, number> = {};
  // short names read as the candidate an earlier chat message named (chatNamedHits), by message
  const readFrom = new Map<ThreadMessage, Set<string>>();
  const confirmed = new Map<string, { name: string; by: string; pair: string }>();
  const coined = new Map<string, CoinedMention>();
  // names read inside account handles and page names (handle_names), each said with its split
  const handlesRead = new Map<string, HandleReading>();
  // which way the evidence leans on each pair (the finding's per-candidate stance; never its outcome)
  const hashtagged = (h: MatchHit, at: number): boolean => Boolean(fieldOf(v.fields, h)?.norm.inHashtag[at]);
  const readings = (v.choiceReadings ??= new Map());
  const leaning = new PairLeaning((h) => fieldOf(v.fields, h)?.norm.text, pack.choiceWords, pack.stanceGrammar, hashtagged, readings);
  // what the matchers' declared sides (schema.ts `side`) bind to a pair: read only where the
  // finding's own evidence shows no side on it (declaredSides)
  const declared = new PairLeaning((h) => fieldOf(v.fields, h)?.norm.text, pack.choiceWords, pack.stanceGrammar, hashtagged, readings);
  // where the finding names its pairs (an exception with mentions_within asks whether they all lie in its span)
  const pairMentions: MatchHit[] = [];
  // the cue words the finding shows (every hit that is not a plain pair mention nor a tone cue
  // beside the clause), and how many of them lie in someone else's reported words (speakerOwned)
  let cueHits = 0;
  let reportedCues = 0;
  // where the rule's vote-call words stand (its matchers on the call lexicons): a call passed on
  // after a speaker ("Gibran: …, coblos 02!") is spread by the writer (RUBRIC: promote), so a call
  // counts as someone else's only where it is asked ("nanti nyoblos Ganjar di mana?")
  let calls: Set<string> | undefined;
  const isCall = (h: MatchHit): boolean => {
    if (!calls) {
      calls = new Set();
      for (const c of rule.matchers.values()) {
        if (!c.lexicons?.some((id) => CALL_LEXICONS.has(id))) continue;
        for (const x of hitsOf(c.name)) calls.add(`${x.field}:${x.index}:${x.window ?? 0}:${x.start}`);
      }
    }
    return calls.has(`${h.field}:${h.index}:${h.window ?? 0}:${h.start}`);
  };
  // the names the rule's registry matchers find in the item, collected once for all its `near` clauses
  let names: StanceMention[] | undefined;
  const namedInItem = (): readonly StanceMention[] => (names ??= registryNames(rule, hitsOf));
  // how the finding reaches each pair: the office words of the pairs reached by an office word
  // ("bupati", the incumbent's), and the pairs some other word (a name, number, sign) names
  const officeWords = new Map<string, MatchHit[]>();
  const namedOtherwise = new Set<string>();
  const byKind = matcherKinds(rule);
  for (const m of supportInOrder(byKind, support)) {
    disbelief *= 1 - m.weight;
    if (m.type === 'near') nearLeaning(pack, rule, m, v, hitsOf, namedInItem, leaning, declared);
    for (const h of hitsOf(m.name)) {
      leaning.fromHit(h);
      if (h.term?.pair) pairMentions.push(h);
      if (h.score !== undefined) scores[m.name] = h.score;
      const from = h.term && CHAT_NAMED.get(h.term);
      if (from && h.term?.pair) readFrom.set(from, (readFrom.get(from) ?? new Set()).add(h.term.pair.name));
      const why = h.term && CONFIRMED_BY.get(h.term);
      const read = h.term && HANDLE_READ.get(h.term);
      if (read) handlesRead.set(`${read.written}\u0000${read.pair.id}`, read);
      const field = fieldOf(v.fields, h);
      const coin = h.term && coinageOf(h.term);
      // a coined pair name says how it was made from which two names (and what confirmed it)
      if (coin && h.term?.pair && field) {
        const name = why?.name ?? writtenAt(field.norm, h.start, h.end);
        coined.set(`${name}\u0000${h.term.pair.name}`, { name, pair: h.term.pair.name, how: coinageDerivation(coin), ...(why ? { by: why.by } : {}) });
      } else if (h.term?.pair && field && DERIVED_PAIR.has(h.term)) {
        const derived = DERIVED_PAIR.get(h.term);
        if (derived) coined.set(`${derived.name}\u0000${h.term.pair.name}`, { name: derived.name, pair: h.term.pair.name, how: derived.how });
      } else if (h.term?.pair && field && PAIR_HALF.has(h.term)) {
        const half = PAIR_HALF.get(h.term);
        if (half) coined.set(`${half.name}\u0000${h.term.pair.name}`, { name: half.name, pair: h.term.pair.name, kind: 'half', half: half.half, how: half.how ?? { id: `nama ${half.candidate}`, en: `a name of ${half.candidate}` } });
      } else if (h.term?.pair && field && (h.term.variant === 'initials' || h.term.variant === 'hypocorism')) {
        const how = shortFormDerivation(h.term);
        const name = why?.name ?? writtenAt(field.norm, h.start, h.end);
        if (how) coined.set(`${name}\u0000${h.term.pair.name}`, { name, pair: h.term.pair.name, kind: 'short', how, ...(why ? { by: why.by } : {}) });
      } else if (why && h.term?.pair) confirmed.set(`${why.name}\u0000${why.by}\u0000${h.term.pair.name}`, { ...why, pair: h.term.pair.name });
      const span = field && toSpan(field, h, m.name);
      if (span && (h.bound || !isToneCue(span.text))) {
        spans.push(span);
        // a hashtag is the writer's own framing even when it only names a pair ("#AhokDjarot")
        if (!(h.term?.pair && h.term.stance === undefined && !field?.norm.inHashtag[h.start])) {
          cueHits++;
          if (speakerOwned(v, h) && (!isCall(h) || askedAt(field.norm.text, h.end))) reportedCues++;
        }
      }
      if (h.term?.pair) {
        const p = h.term.pair;
        if (h.term.list === 'offices' && !numberedRole(h.term)) officeWords.set(p.id, [...(officeWords.get(p.id) ?? []), h]);
        else namedOtherwise.add(p.id);
        candidates.set(p.id, { election: h.term.election.id, number: p.number, pair: p.id, name: p.name });
        if (!REGION_SCOPED.has(h.term.list)) identityElections.add(h.term.election.id);
      }
    }
  }
  // whose words are they: when every cue the finding rests on lies in words the post gives to
  // someone else (a quotation, a "Speaker:" lead, a bahwa-clause or "menurut X" clause after a verb
  // of saying: normalise.ts quotationRanges, reported-speech.ts), the side is the speaker's, not the
  // writer's; the writer's own cue outside those words (a verdict, a call, a campaign tag) keeps
  // the finding. A finding built on another rule's finding rests on that one's words too. Only
  // the prohibitions of words (3: a post for or against a pair; 6: a call at the office): an act
  // (attending, wearing, posing) under a caption's "Venue:" lead is the writer's act still.
  if (SPEECH_PROHIBITIONS.has(String(rule.def.prohibition)) && cueHits > 0 && reportedCues === cueHits && builtOn.length === 0) return undefined;
  // a number or hand sign names the pair of the contest the item speaks of ("debat calon bupati …
  // tribun 02" is not the presidential 02); the findings built on made this choice already
  const own = selectByBallotTime(pack, selectByKind(pack, [...candidates.values()], kindsOf(v), identityElections), kindsOf(v), identityElections, viewTime(v));
  candidates.clear();
  for (const c of own) candidates.set(c.pair, c);
  for (const { finding: b } of builtOn) {
    // the partisan finding this one builds on: its words and pair are this finding's evidence too
    spans.push(...b.spans);
    for (const c of b.candidates) {
      candidates.set(c.pair, c);
      identityElections.add(c.election);
    }
    disbelief *= 1 - b.confidence;
    const note = CHAT_NOTES.get(b);
    if (note) inherited.push(note);
  }
  const uniqueSpans = dedupeSpans(spans);
  // a clause with a side that the finding does not rest on — one the condition does not read (a
  // side reading only), or one the condition names in a branch that did not hold ("tribun
  // pendukung Pak Yusuf" beside a debate attended by another branch's words): its words bind a
  // side when it holds, and add no evidence, weight or span to the finding. A part of another
  // clause is read only as that clause ("_acara_paslon" alone is any mention of an event)
  for (const m of byKind.sidedNear) {
    if (unreadSide(rule, m, support) && matcherHolds(m, v, hitsOf(m.name))) nearLeaning(pack, rule, m, v, hitsOf, namedInItem, new PairLeaning(() => undefined, pack.choiceWords, pack.stanceGrammar), declared);
  }
  // a pair reached only by office words that each name the office itself (its pay, the office with
  // its deputy) is no pair of this finding: the words stay its evidence
  const officeOnly = (pair: string): boolean => {
    const words = officeWords.get(pair);
    return !namedOtherwise.has(pair) && words !== undefined && words.every((h) => {
      const text = fieldOf(v.fields, h)?.norm.text;
      return text !== undefined && officeItself(text, h.start, h.end, pack.contextPatterns);
    });
  };
  const named = preferNamedElections([...candidates.values()].filter((c) => !officeOnly(c.pair)), identityElections);
  const sides = declaredSides(rule, v, hitsOf, support, declared, named, lowered.length > 0 || (rule.def.act_side !== undefined && natureTurned(pack, v)) ? undefined : named[0]?.election, pack.forgetWords);
  const candidateList = named.map((c) => {
    // the finding's own evidence, else a side a finding built on read, else the declared side
    const read = leaning.stanceOf(c.pair);
    const own = read ?? (c.stance && c.stance !== 'mention' ? c.stance : undefined);
    const bound = own === undefined ? sides.bound.get(c.pair) : undefined;
    const side = own === undefined ? (bound ?? sides.act) : undefined;
    // what decided the side: the finding's own words on the pair, else the words of the finding
    // built on (withStance keeps them), else the declared words, else the act
    const by: SideBy | undefined =
      read === 'support' || read === 'attack' ? { words: sideWords(v, leaning.placesOf(c.pair, read)) }
      : bound === 'support' || bound === 'attack' ? { words: sideWords(v, declared.placesOf(c.pair, bound)) }
      : side !== undefined && side !== 'mention' ? sides.actBy
      : undefined;
    // a pair only an office word named says so ("disebut lewat jabatan: “bupati” → 01"); a name
    // of its own in this finding's words takes back what a finding built on said
    const office = officeWords.get(c.pair);
    const byOffice = namedOtherwise.has(c.pair) ? undefined : office ? sideWords(v, office) : c.byOffice;
    const ref = withStance({ ...c, byOffice }, own ?? side, by);
    const fromSide = side !== undefined && side !== 'mention';
    if (fromSide || (own !== undefined && own === c.stance && DECLARED.has(c))) DECLARED.add(ref);
    return ref;
  });
  if (prospectiveUnspoken(v, candidateList, pack)) return undefined;
  for (const ex of afterStance) {
    if (ex.def.unless_finding && sidesTaken(candidateList, leaning, (at) => !saidBefore(pack, v, at), ex.def.unless_finding === 'sides_uneven')) continue;
    if (ex.def.mentions_within && !mentionsWithin(ex, ex.def.mentions_within, v, pairMentions)) continue;
    if (ex.def.effect === 'cancel') return undefined;
    factor *= ex.def.factor;
    lowered.push({ id: ex.def.id, reason: ex.def.reason });
  }
  const notes = [...inherited, ...[...readFrom].map(([m, pairs]) => chatNamedNote(m, [...pairs], zoneOfRegion(v.region))), ...[...confirmed.values()].map(confirmedNote), ...[...coined.values()].map(coinedNote), ...[...handlesRead.values()].map(handleNote)];
  // a group read as a workplace from its messages says so, with the words it was read from, but only
  // when that reading was needed: a group whose name names the office ("Guru SDN 3") is not "unnamed"
  if (v.workplaceChat && [...rule.matchers.values()].some((m) => m.inferred && support.has(m.name))) {
    const withoutInference = (name: string) => holds(name) && !rule.matchers.get(name)?.inferred;
    if (!evaluateCondition(rule.condition, withoutInference)) notes.push(workplaceNote(v.workplaceChat));
  }
  const track = trackOf(v, candidateList, pack);
  const def = rule.def;
  const legalBasis = track === 'etik' ? def.legal_basis.bakal_calon : track === 'disiplin' ? def.legal_basis.calon : [...def.legal_basis.calon, ...def.legal_basis.bakal_calon];
  const skbForm = track === 'etik' ? def.skb_form?.bakal_calon : def.skb_form?.calon;
  const confidence = Math.round(Math.min(0.99, Math.max(0.01, (1 - disbelief) * factor)) * 100) / 100;
  const base = {
    itemId: ensureItemId(v.item),
    ruleId: def.id,
    ruleVersion: def.version,
    spans: uniqueSpans,
  };
  const note = notes.length === 0 ? undefined : { id: [...new Set(notes.map((n) => n.id))].join(' '), en: [...new Set(notes.map((n) => n.en))].join(' ') };
  // the id and the explanation are made only for a finding that stays (completeFinding): on a
  // heavy input two of three findings made here are left out (a fallback form, a refinement)
  const finding: Finding = {
    id: '',
    ...base,
    prohibition: def.prohibition,
    severity: def.severity,
    confidence,
    track,
    ...(skbForm ? { skbForm } : {}),
    candidates: candidateList,
    title: def.title,
    explanation: UNWRITTEN,
    legalBasis,
    lowered,
  };
  PENDING.set(finding, { base, explain: def.explain, render: { item: v.item, spans: uniqueSpans, candidates: candidateList, legalBasis, track, skbForm, scores, glosses: pack.glosses }, note });
  if (note) CHAT_NOTES.set(finding, note);
  return finding;
}

/**
 * One pair supported and another attacked by the finding's own evidence (CandidateRef.stance: the
 * writer's voice, clause by clause): the writer takes a side, however many pairs the post names.
 */
function sidesTaken(candidates: readonly CandidateRef[], leaning: PairLeaning, voiced: (at: { field: string; index: number; start: number; end: number }) => boolean, uneven = false): boolean {
  // only evidence in the writer's own sentence counts: "ada yang bilang tak sudi pilih X …" reports
  const sided = (c: CandidateRef, stance: 'support' | 'attack') => c.stance === stance && leaning.someAt(c.pair, stance, voiced);
  const supported = candidates.filter((c) => sided(c, 'support')).map((c) => c.pair);
  if (supported.length > 0 && candidates.some((c) => !supported.includes(c.pair) && sided(c, 'attack'))) return true;
  if (!uneven) return false;
  // uneven treatment: one pair given a side by the finding (its own cues or the side it declares)
  // while another pair of the same election it names gets none — praise of one pair's work beside
  // the other named only as the source of a remark is no comparable treatment
  const onlySide = candidates.filter((c) => c.stance === 'support' || c.stance === 'attack');
  return onlySide.length > 0 && candidates.some((c) => (c.stance === undefined || c.stance === 'mention') && onlySide.some((s) => s.election === c.election && s.pair !== c.pair));
}

/**
 * Whether a verb of saying (the pack's: lexicons verba-lapor and verba-ujaran) stands before `at`
 * in its sentence ("Pendukungnya bilang tidak sudi pilih X"): the words after it may be someone
 * else's, even with no "bahwa" or quotation marks for reported-speech.ts to mark.
 */
function saidBefore(pack: RulePack, v: ItemView, at: { field: string; index: number; start: number; end: number }): boolean {
  const re = sayVerbs(pack.sayVerbs, pack.contentNouns)?.word;
  const f = v.fields.find((x) => x.field === at.field && x.index === at.index);
  if (!re || !f) return false;
  const before = f.norm.text.slice(0, at.start);
  const from = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n')) + 1;
  return re.test(before.slice(from));
}

/** Whether a shared exception's condition holds on the item, asked once per item (ItemView.exceptionHolds). */
/** Every pair mention lies inside a hit of the exception's matcher `name` (same field, entry and window), and there is one. */
function mentionsWithin(ex: CompiledException, name: string, v: ItemView, mentions: readonly MatchHit[]): boolean {
  const spans = hitsMemo(ex.matchers, v, { type: 'exception', index: ex.index })(name);
  const inside = (h: MatchHit) => spans.some((s) => s.field === h.field && s.index === h.index && (s.window ?? 0) === (h.window ?? 0) && s.start <= h.start && h.end <= s.end);
  return mentions.length > 0 && mentions.every(inside);
}

function exceptionHolds(ex: CompiledException, v: ItemView): boolean {
  const known = (v.exceptionHolds ??= new Map());
  let held = known.get(ex.index);
  if (held === undefined) {
    const exHits = hitsMemo(ex.matchers, v, { type: 'exception', index: ex.index });
    // as ruleDraft's: a matcher whose gate is closed on the item (none of its lists or mentions
    // occurred) is false without computing it — the same answer, so the cached one is the same
    // whether or not the prefilter's gates are set on this view
    const gates = v.gates;
    const ruledOut = gates === undefined ? undefined : (name: string) => gates.state(ex.gate.get(name)) === 0;
    held = evaluateCondition(
      ex.cheapCondition,
      (name) => (ruledOut !== undefined && ruledOut(name) ? false : matcherHolds(ex.matchers.get(name) as CompiledMatcher, v, exHits(name))),
      ruledOut,
    );
    known.set(ex.index, held);
  }
  return held;
}

/** The explanation of a finding not completed yet (never seen outside this module). */
const UNWRITTEN: Finding['explanation'] = Object.freeze({ id: '', en: '' });
/** What a finding's id and explanation are made from, until completeFinding makes them. */
const PENDING = new WeakMap<Finding, { base: Parameters<typeof findingId>[0]; explain: Parameters<typeof renderExplanation>[0]; render: Parameters<typeof renderExplanation>[1]; note: { id: string; en: string } | undefined }>();

/** Gives a finding of ruleDraft its id and explanation, in place (the same object: CHAT_NOTES and callers keep it). */
function completeFinding(f: Finding): Finding {
  const p = PENDING.get(f);
  if (p === undefined) return f;
  PENDING.delete(f);
  const explanation = renderExplanation(p.explain, p.render);
  f.id = findingId(p.base);
  f.explanation = p.note ? { id: `${explanation.id} ${p.note.id}`, en: `${explanation.en} ${p.note.en}` } : explanation;
  return f;
}

/** "The group is read as a workplace group from its messages: …" */
function workplaceNote(w: WorkplaceReading): { id: string; en: string } {
  const words = w.cues.map((c) => `“${c}”`).join(', ');
  return {
    id: `Nama grupnya tidak menyebut kantor; grup ini dibaca sebagai grup kerja dari isi pesannya (${w.cueMessages} dari ${w.messages} pesan yang terbaca membahas urusan kerja${w.titled ? `, ${w.titled} anggota bernama jabatan` : ''}, mis. ${words}).`,
    en: `The group's name names no office; it is read as a workplace group from its messages (${w.cueMessages} of the ${w.messages} messages read are about work${w.titled ? `, ${w.titled} member(s) go by an office title` : ''}, e.g. ${words}).`,
  };
}

/** The chat-named note of a finding (a finding built on it repeats it). */
const CHAT_NOTES = new WeakMap<Finding, { id: string; en: string }>();

/** What made a short name firm in its post (confirmedShortNameHits). */
function confirmedNote(c: { name: string; by: string; pair: string }): { id: string; en: string } {
  return {
    id: `Nama pendek “${c.name}” dibaca sebagai ${c.pair} karena unggahan yang sama juga menyebut “${c.by}”.`,
    en: `The short name “${c.name}” is read as ${c.pair} because the same post also says “${c.by}”.`,
  };
}

/** A coined pair name in a finding: as written, its pair, how it was made, what confirmed it (when its writing did not). */
interface CoinedMention {
  name: string;
  pair: string;
  how: { id: string; en: string };
  by?: string;
  /** (s51) a candidate's short form (initials, clipped name), or one half of a pair form: said apart */
  kind?: 'short' | 'half';
  half?: string;
}

/** "“AnHen” dibaca sebagai … : nama gabungan dari “An” (suku kata awal Andika) + “Hen” (suku kata awal Hendi)". */
function coinedNote(c: CoinedMention): { id: string; en: string } {
  const also = { id: c.by ? `, dan unggahan yang sama juga menyebut “${c.by}”` : '', en: c.by ? `, and the same post also says “${c.by}”` : '' };
  if (c.kind === 'short') return { id: `“${c.name}” dibaca sebagai ${c.pair}: ${c.how.id}${also.id}.`, en: `“${c.name}” is read as ${c.pair}: ${c.how.en}${also.en}.` };
  if (c.kind === 'half') {
    return {
      id: `“${c.name}” dibaca sebagai ${c.pair}: “${c.half}” (${c.how.id}) ditulis berpasangan dengan nama yang bukan nama calon lain.`,
      en: `“${c.name}” is read as ${c.pair}: “${c.half}” (${c.how.en}) is written paired with a name that is no other candidate's.`,
    };
  }
  return {
    id: `“${c.name}” dibaca sebagai ${c.pair}: nama gabungan dari ${c.how.id}${c.by ? `, dan unggahan yang sama juga menyebut “${c.by}”` : ''}.`,
    en: `“${c.name}” is read as ${c.pair}: a name coined from ${c.how.en}${c.by ? `, and the same post also says “${c.by}”` : ''}.`,
  };
}

/** "The short name is X, whom an earlier message named (who, when): “…”." */
function chatNamedNote(m: ThreadMessage, pairs: string[], zone: TimeZone): { id: string; en: string } {
  const who = m.item.actor?.name ?? m.item.actor?.handle ?? '?';
  const when = (m.item.time && formatZonedShort(m.item.time, zone)) ?? m.item.timeRaw ?? '?';
  const ref = `${who}, ${when}${m.item.thread?.messageId ? `, #${m.item.thread.messageId}` : ''}`;
  const quoted = (m.item.text ?? '').replace(/\s+/g, ' ').slice(0, 160);
  const names = pairs.join(' / ');
  // outside a chat the name was read from the same account's other post (ChatContext.timelineFor)
  if (m.item.kind !== 'message') {
    return {
      id: `Nama pendek dibaca sebagai ${names}, yang disebut unggahan lain dari akun yang sama (${ref}): “${quoted}”.`,
      en: `The short name is read as ${names}, named by another post of the same account (${ref}): “${quoted}”.`,
    };
  }
  return {
    id: `Nama pendek dibaca sebagai ${names}, yang disebut pesan sebelumnya di obrolan ini (${ref}): “${quoted}”.`,
    en: `The short name is read as ${names}, named by an earlier message of this chat (${ref}): “${quoted}”.`,
  };
}

/** The kinds of contest the item's words name (made once per item view). */
function kindsOf(v: ItemView): ReadonlySet<ElectionKind> {
  if (!v.kinds) v.kinds = namedKinds(v.fields);
  return v.kinds;
}

/** Normalise every field of the item once and run the one matcher pass over each. */
export function prepareItem(pack: RulePack, item: Item, ctx: EvalContext = {}): ItemView {
  const texts = fieldTexts(item);
  const thread = ctx.thread;
  const chatNamed = thread?.length ? chatNaming(pack, thread, ctx.region) : undefined;
  let longest = 0;
  for (const t of texts) if (t.text.length > longest) longest = t.text.length;
  const fields: FieldText[] = [];
  const windowLength = (ctx.limits ?? DEFAULT_LIMITS).textWindow;
  for (const { field, index, text } of texts) {
    if (text.length <= windowLength) fields.push(fieldText(pack, field, index, 0, 0, text, chatNamed));
    // a text beyond the window is matched piece by piece: cost and memory stay bounded per window,
    // and the overlap keeps a phrase that straddles one cut whole in the next window
    else textWindows(text.length, ctx.limits).forEach(([from, to], window) => fields.push(fieldText(pack, field, index, window, from, text.slice(from, to), chatNamed)));
  }
  const time = Date.parse(activityTime(item) ?? '');
  for (const f of fields) f.time = time;
  return {
    item,
    longest,
    time,
    fields,
    elections: electionsInForce(pack.registry, activityTime(item)),
    region: ctx.region,
    registry: pack.registry,
    handleWords: pack.handleWords,
    inWorkplaceGroup: isWorkplaceGroup(item, ctx.workplaceGroups),
    tenure: pack.tenure,
    grammar: pack.stanceGrammar,
    headlineSmallWords: pack.headlineSmallWords,
    ...(ctx.workplaceChat ? { workplaceChat: ctx.workplaceChat } : {}),
  };
}

/** One field text (or one window of it) normalised, with every term, name-tag and misspelled-name hit on it. */
function fieldText(pack: RulePack, field: SpanField, index: number, window: number, base: number, text: string, chatNamed: FieldText['chatNamed']): FieldText {
  const norm = normalise(text, sayVerbs(pack.sayVerbs, pack.contentNouns));
  // the matcher's answer is a fresh array: the other hits go on its end (no copy of the three lists)
  const hits = pack.matcher.find(norm);
  for (const h of nameTagHits(pack, norm)) hits.push(h);
  for (const h of misspelledNameHits(pack, norm)) hits.push(h);
  return { field, index, window, base, norm, hits, patterns: pack.contextPatterns, ...(chatNamed ? { chatNamed } : {}) };
}

/**
 * The item was written after the vote of every election in force at its time for the subject's
 * region (from the day after polling day): every pair is then a winner or a loser. In the 2024
 * overlap (the presidential result known, the regional vote ahead) it is not.
 */
function afterVote(v: ItemView): boolean {
  const t = viewTime(v);
  if (Number.isNaN(t)) return false;
  let any = false;
  for (const e of v.elections) {
    if (!electionCoversRegion(e, v.region)) continue;
    if (voteAhead(e, t)) return false;
    any = true;
  }
  return any;
}

/** Registry lists that name one pair by identity, name tags included: never a bare number, sign or everyday word. */
const REGION_NAMING_LISTS: ReadonlySet<string> = new Set([...IDENTITY_LISTS, 'name_tags']);

/**
 * The region whose Pilkada ballot numbers and hand signs the item's "02" or ✌ can mean: the
 * subject's region when it is known; otherwise the region of the Pilkada the item itself names by
 * a firm reference ("Ahok-Djarot ✌✌", "#AHY … suaraku utk paslon 3"), when its firm references
 * name Pilkada pairs of one region only. A post about another region's contest is still about
 * that contest: its numbers name that contest's pairs, as a name would. Names of two regions, or
 * none, leave the numbers unread, as before.
 */
function ballotRegion(v: ItemView): string | undefined {
  if (v.region !== undefined) return v.region;
  if (v.namedRegion === undefined) {
    let code: string | null = null;
    scan: for (const f of v.fields) {
      for (const { term } of registryHitsOf(f, v.elections)) {
        // a misspelled or clipped form is a guess: it does not name the contest on its own; nor does a
        // short name its post confirmed (confirmedShortNameHits: only for a race known to be the subject's)
        if (!REGION_NAMING_LISTS.has(term.list) || term.variant !== undefined || !term.pair || term.election.level === 'pilpres' || CONFIRMED_BY.has(term)) continue;
        if (code !== null && code !== term.election.regionCode) {
          code = null;
          break scan;
        }
        code = term.election.regionCode;
      }
    }
    v.namedRegion = code;
  }
  return v.namedRegion ?? undefined;
}

/** The item's chat/group is one of the workplace groups named for the subject (same words, any case). */
function isWorkplaceGroup(item: Item, groups: readonly string[] | undefined): boolean {
  const name = item.context?.name;
  if (!name || !groups?.length) return false;
  const own = ` ${normalise(name).text} `;
  return groups.some((g) => {
    const wanted = normalise(g).text;
    return wanted !== '' && own.includes(` ${wanted} `);
  });
}

/**
 * "salam dua jari ✌️ #BudiDewi" names one pair; the ✌️ alone would also mean 02 of every other
 * ballot in force. When some election is named by identity, numbers and hand signs only count
 * for the named elections.
 */
function preferNamedElections(candidates: CandidateRef[], identityElections: ReadonlySet<string>): CandidateRef[] {
  if (identityElections.size === 0) return candidates;
  return candidates.filter((c) => identityElections.has(c.election));
}

/** Hashtags carrying a candidate name and more words, as hits on the normalised text. */
function nameTagHits(pack: RulePack, norm: NormalisedText): TermHit<TermOwner>[] {
  const tags = nameTagsIn(pack.registry, norm.original);
  if (tags.length === 0) return [];
  // which tag covers each original offset (tags never overlap), then one pass over the normalised text
  const tagAt = new Int32Array(norm.original.length + 1).fill(-1);
  tags.forEach((tag, k) => tagAt.fill(k, tag.start, tag.end));
  const start = new Int32Array(tags.length).fill(-1);
  const end = new Int32Array(tags.length).fill(-1);
  for (let i = 0; i < norm.text.length; i++) {
    const k = tagAt[norm.starts[i] ?? 0] ?? -1;
    if (k < 0 || norm.text[i] === ' ') continue;
    if (start[k] === -1) start[k] = i;
    end[k] = i + 1;
  }
  const hits: TermHit<TermOwner>[] = [];
  tags.forEach((tag, k) => {
    const s = start[k] ?? -1;
    if (s >= 0) hits.push({ start: s, end: end[k] ?? s, inHashtag: true, inQuote: norm.inQuote[s] === 1, owners: tag.terms.map((term) => ({ type: 'registry', term })) });
  });
  return hits;
}

/** the clitic the automaton also lets a term carry ("prabowinya") */
const CLITIC_END = /(?:nya|lah|kah)$/;

/**
 * Candidate names misspelled by one letter ("prabowi", "ganjr"), as registry hits (editVariantTerms).
 * The words asked about are the runs of 5+ letters a–z, found by a walk over the char codes (what
 * `matchAll(/[a-z]{5,}/g)` finds, without an iterator and a match array per word of every item).
 */
function misspelledNameHits(pack: RulePack, norm: NormalisedText): TermHit<TermOwner>[] {
  if (pack.registry.editVariants.size === 0) return [];
  let hits: TermHit<TermOwner>[] | undefined;
  misspelledCandidates(pack, norm.text, (terms, start, to) => {
    if (norm.inUrl[start] === 1) return false;
    (hits ??= []).push({ start, end: to, inHashtag: allSet(norm.inHashtag, start, to), inQuote: norm.inQuote[start] === 1, owners: terms.map((term) => ({ type: 'registry', term })) });
    return false;
  });
  return hits ?? NO_HITS;
}

/**
 * The words of a normalised text one edit from a candidate's form (five letters or more, whole
 * words; a word of eight or more that names nobody is asked again without a clitic), each with
 * its registry terms and [start, end) of the name; `onName` answers true to stop.
 */
function misspelledCandidates(pack: RulePack, text: string, onName: (terms: RegistryTerm[], start: number, end: number) => boolean): void {
  const n = text.length;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    if (c < 97 || c > 122) {
      i++;
      continue;
    }
    const start = i;
    do c = ++i < n ? text.charCodeAt(i) : 0;
    while (c >= 97 && c <= 122);
    const end = i;
    if (end - start < 5 || !startsWord(text, start) || !endsWord(text, end)) continue;
    const word = text.slice(start, end);
    let terms = editVariantTerms(pack.registry, word);
    let to = end;
    if (terms.length === 0 && word.length >= 8 && CLITIC_END.test(word)) {
      to = end - 3;
      terms = editVariantTerms(pack.registry, word.slice(0, -3));
    }
    if (terms.length === 0) continue;
    if (onName(terms, start, to)) return;
  }
}
/** shared empty answer (read only: prepareItem copies hits into the field's own list) */
const NO_HITS: TermHit<TermOwner>[] = [];

type MatcherOwner = { type: 'rule' | 'exception'; index: number };

/** The hits of each matcher of one rule (or exception) on one item, computed once: near matchers reuse their parts. */
function hitsMemo(matchers: ReadonlyMap<string, CompiledMatcher>, v: ItemView, owner: MatcherOwner): (name: string) => MatchHit[] {
  const hitsOf: (name: string) => MatchHit[] = memo((name) => matcherHits(matchers.get(name) as CompiledMatcher, v, owner, hitsOf));
  return hitsOf;
}

/**
 * The hits of a registry or regex matcher depend on its definition and the item only, not on the
 * rule that names it: 239 registry matchers of the rules share 51 definitions, 182 regex matchers
 * 37, 14 headline matchers 1. An item's hits of each definition are computed once and shared by every rule that asks
 * (read only: no caller changes a hit list or a hit). The key says everything the answer reads.
 */
const SHARED_KEY = new WeakMap<CompiledMatcher, string | null>();
function sharedKey(m: CompiledMatcher): string | null {
  let k = SHARED_KEY.get(m);
  if (k !== undefined) return k;
  // a field's hits come in the item's field order whatever order the matcher lists its fields in
  const fields = [...m.fields].sort().join(',');
  if (m.type === 'registry') k = `registry|${fields}|${m.scope ?? ''}|${[...(m.lists ?? [])].sort().join(',')}|${m.wholeHashtag === true}|${m.minPairs ?? 0}|${m.oneBallot === true}|${m.allPairs ?? 0}|${m.outsideQuotes === true}`;
  else if (m.type === 'regex' && m.regexSource) {
    const re = matcherRegex(m);
    k = `regex|${fields}|${m.outsideQuotes === true}|${re.flags}|${re.source}`;
  }
  else if (m.type === 'headline') k = `headline|${fields}|${m.lede === true}`;
  else k = null;
  SHARED_KEY.set(m, k);
  return k;
}

function matcherHits(m: CompiledMatcher, v: ItemView, owner: MatcherOwner, hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const key = sharedKey(m);
  if (key === null) return ownMatcherHits(m, v, owner, hitsOf);
  const shared = (v.sharedHits ??= new Map());
  let hits = shared.get(key);
  if (hits === undefined) {
    hits = ownMatcherHits(m, v, owner, hitsOf);
    shared.set(key, hits);
  }
  return hits;
}

/**
 * The item's fields a matcher reads, in the item's field order: one list per item and field set,
 * shared by every matcher that reads the same fields (read only). Filtering the fields anew on
 * every matcher call was a fifth of a heavy scan's CPU with the garbage it made.
 */
function fieldsRead(m: CompiledMatcher, v: ItemView): FieldText[] {
  const mask = m.fieldMask;
  const lists = (v.fieldLists ??= new Map());
  let list = lists.get(mask);
  if (list === undefined) {
    list = [];
    for (const f of v.fields) if ((spanFieldBit(f.field) & mask) !== 0) list.push(f);
    lists.set(mask, list);
  }
  return list;
}

/**
 * A term matcher's key in termHitsOf ("rule:3:ajakan"), kept with the matcher: a matcher belongs
 * to one rule or exception, so the key is made once, not on every call (checked, in case an owner
 * asks with another index).
 */
const TERM_KEY = new WeakMap<CompiledMatcher, { type: MatcherOwner['type']; index: number; key: string }>();
function termMatcherKey(m: CompiledMatcher, owner: MatcherOwner): string {
  const known = TERM_KEY.get(m);
  if (known !== undefined && known.type === owner.type && known.index === owner.index) return known.key;
  const key = matcherKey(owner.type, owner.index, m.name);
  TERM_KEY.set(m, { type: owner.type, index: owner.index, key });
  return key;
}

function ownMatcherHits(m: CompiledMatcher, v: ItemView, owner: MatcherOwner, hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const inFields = fieldsRead(m, v);
  switch (m.type) {
    case 'terms': {
      const out: MatchHit[] = [];
      const key = termMatcherKey(m, owner);
      const deniable = m.verdictWords;
      for (const f of inFields) {
        for (const h of termHitsOf(f, key)) {
          if (m.outsideQuotes && h.inQuote) continue;
          if (m.vocative && !atClauseEdge(f.norm, h.start, h.end)) continue;
          if (m.notReduplicated && reduplicated(f.norm.text, h.start, h.end)) continue;
          // a denied verdict ("tak pernah menyalahkan Anies") is no verdict (stance.ts deniedAt)
          if (deniable && (deniable === 'all' || deniable.has(f.norm.text.slice(h.start, h.end))) && deniedAt(f.norm.text, h.start, v.grammar)) continue;
          out.push({ field: f.field, index: f.index, window: f.window, start: h.start, end: h.end });
        }
      }
      return out;
    }
    case 'registry': {
      const out: MatchHit[] = [];
      for (const f of inFields) {
        // a matcher of explicit scope 'any' reads every ballot's numbers; the others only their own ballot's
        for (const { hit: h, term } of m.scope === 'any' ? registryHitsOf(f, v.elections) : regionalHitsOf(f, v.elections, ballotRegion(v))) {
          if (!m.lists?.has(term.list)) continue;
          // "#JokowiLagi" is a campaign tag; the words "… dukung Jokowi lagi" are not
          if (term.list === 'hashtags' && !h.inHashtag && f.field !== 'hashtags') continue;
          const scope = m.scope ?? (REGION_SCOPED.has(term.list) ? 'election' : 'any');
          // (default scope: the test of inBallotScope, which regionalHitsOf applied already)
          if (scope === 'election' && !electionCoversRegion(term.election, ballotRegion(v))) continue;
          if (term.list === 'numbers' && !ballotNumberAt(f, h)) continue;
          if (m.wholeHashtag && !wholeHashtag(f.norm, h.start, h.end)) continue;
          if (m.outsideQuotes && h.inQuote) continue;
          out.push({ field: f.field, index: f.index, window: f.window, start: h.start, end: h.end, term });
        }
      }
      // several pairs are named by several mentions: one "nomor 2" while two elections are in force
      // (the Pilpres before its inauguration, a Pilkada after its draw) is one pair named, not two
      if (m.minPairs && (new Set(out.map((h) => h.term?.pair?.id).filter(Boolean)).size < m.minPairs || new Set(out.map((h) => `${h.field}|${h.index}|${h.start}`)).size < m.minPairs)) return [];
      if (m.minPairs && m.oneBallot && !pairsOfOneBallot(out, m.minPairs)) return [];
      if (m.allPairs && !namesWholeBallot(out, m.allPairs)) return [];
      return out;
    }
    case 'regex': {
      const out: MatchHit[] = [];
      const re = matcherRegex(m);
      for (const f of inFields) {
        // the field's UTF-8 bytes made once for all its regex matchers (utf8-regex.ts)
        const bytes = f.utf8 !== undefined && f.utf8.text === f.norm.text ? f.utf8 : (f.utf8 = utf8Text(f.norm.text));
        const spans = regexSpans(re, bytes);
        for (let k = 0; k < spans.length; k += 2) {
          const start = spans[k] as number;
          if (m.outsideQuotes && f.norm.inQuote[start] === 1) continue;
          out.push({ field: f.field, index: f.index, window: f.window, start, end: spans[k + 1] as number });
        }
      }
      return out;
    }
    case 'headline': {
      // the whole field is the headline; a text long enough to be read in windows is no headline
      const out: MatchHit[] = [];
      for (const f of inFields) if (f.window === 0 && f.base === 0 && (m.lede ? isLedeShaped(f.norm.original) : isHeadlineShaped(f.norm.original, v.headlineSmallWords))) out.push({ field: f.field, index: f.index, window: f.window, start: 0, end: f.norm.text.length });
      return out;
    }
    case 'handle_names':
      return handleNameHits(m, v, inFields);
    case 'reply_going': {
      const f = v.fields.find((x) => x.field === 'text' && x.window === 0);
      const goings = [...(v.replyGoing ? [v.replyGoing] : []), ...(v.askedGoing ?? [])];
      return f ? goings.map((going) => ({ field: f.field, index: f.index, window: f.window, start: going.start, end: going.end })) : [];
    }
    case 'pair_stance':
      return pairStanceHits(m, v, owner, inFields, hitsOf);
    case 'stance_model':
      return stanceModelHits(m, v, hitsOf);
    case 'near': {
      const near = m.near as NonNullable<CompiledMatcher['near']>;
      const names = near.names;
      const out: MatchHit[] = [];
      // no hit of some part: nothing is near anything, and the parts after it are not asked (a
      // part's hits are memoised per rule and item, so one asked later is the same; 82 % of a heavy
      // scan's near clauses past the prefilter have an empty part: bench/NOTES-s56-speed.md)
      const groups: MatchHit[][] = new Array<MatchHit[]>(names.length);
      let empty = false;
      for (let i = 0; i < names.length; i++) {
        const g = hitsOf(names[i] as string);
        groups[i] = g;
        if (g.length === 0) {
          empty = true;
          break;
        }
      }
      if (empty || groups.length === 0) return out;
      // partners indexed by field and word position: each hit looks only at the words around it,
      // so a long text with many hits stays linear instead of comparing every pair of hits
      const indexes: NearIndex[] = new Array<NearIndex>(groups.length - 1);
      for (let i = 1; i < groups.length; i++) indexes[i - 1] = nearIndex(groups[i] as MatchHit[], v.fields);
      // (plain loops: a closure and an array per part per hit was much of the garbage of a heavy scan)
      const partners: MatchHit[][] = [];
      for (const a of groups[0] as MatchHit[]) {
        const fa = fieldOf(v.fields, a);
        // a reply read with the message it answers is near all of it (threadGap): look at every word
        const from = v.replyStart === undefined ? wordIndex(fa, a.start) - near.within : 0;
        const to = v.replyStart === undefined ? wordIndex(fa, a.end - 1) + near.within : Number.MAX_SAFE_INTEGER;
        partners.length = 0;
        for (const index of indexes) {
          const kept: MatchHit[] = [];
          for (const b of index.around(fa, from, to)) if (nearPartner(fa, a, b, near, v.replyStart)) kept.push(b);
          // a part with no partner in reach: this hit is near nothing (the other parts need not be asked)
          if (kept.length === 0) break;
          partners.push(kept);
        }
        if (partners.length < indexes.length) continue;
        out.push(a);
        for (const kept of partners) for (const b of kept) out.push(boundTo(fa, a, b, near) ? { ...b, bound: true as const } : b);
      }
      return out;
    }
    default:
      return [];
  }
}

/** Whether `b` is within a `near` clause's reach of `a` (in order, of the same pair, in the same sentence, few enough words between). */
function nearPartner(fa: FieldText, a: MatchHit, b: MatchHit, near: NonNullable<CompiledMatcher['near']>, replyStart: number | undefined): boolean {
  if (near.inOrder && b.start < a.end) return false;
  // a slogan counts for the pair it belongs to, not for whichever pair is named nearby
  if (near.samePair && a.term?.pair && b.term?.pair && a.term.pair.id !== b.term.pair.id) return false;
  // a part across a sentence end belongs to another sentence's statement
  if (near.sameSentence && (b.start >= a.end ? sentenceBreakIn(fa.norm.text, a.end, b.start) : a.start >= b.end && sentenceBreakIn(fa.norm.text, b.end, a.start))) return false;
  // a part in the sentence right after (or before) the other's, not in the same one nor further off
  if (near.nextSentence && !(b.start >= a.end ? oneSentenceBreakIn(fa.norm.text, a.end, b.start) : a.start >= b.end && oneSentenceBreakIn(fa.norm.text, b.end, a.start))) return false;
  // words between the closest ends: "omon omon doang si Wowo" is 3 words from "omon omon" to "wowo"
  const gap = threadGap(fa, a, b, replyStart) ?? (b.start >= a.end ? wordIndex(fa, b.start) - wordIndex(fa, a.end - 1) : a.start >= b.end ? wordIndex(fa, a.start) - wordIndex(fa, b.end - 1) : 0);
  return gap <= near.within;
}

/**
 * Stance per pair (stance.ts): the mentions and cue words this matcher sees, put together pair
 * by pair. The hits are the mentions and cues of the pairs that make the matcher hold.
 */
function pairStanceHits(m: CompiledMatcher, v: ItemView, owner: MatcherOwner, inFields: FieldText[], hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const spec = m.stance as NonNullable<CompiledMatcher['stance']>;
  const fieldOf = (h: { field: string; index: number }) => inFields.find((f) => f.field === h.field && f.index === h.index) as FieldText;
  const mentions = stanceMentions(matcherHits(spec.mentions, v, owner, hitsOf), v, (h) => fieldOf(h).norm.text);
  if (mentions.length === 0) return [];
  // 'balanced' compares pairs of one election: with fewer than minPairs pairs named in every
  // election it holds on nothing whatever the cues say (a cue only joins a named pair), so the cues
  // and stances are not read (liputan-berimbang's `seimbang` on a post naming one pair)
  if (spec.mode === 'balanced' && !enoughPairs(mentions, spec.minPairs)) return [];
  const cues: Array<MatchHit & CueHit> = [];
  for (const cue of spec.cues) {
    const key = matcherKey(owner.type, owner.index, cue.key);
    for (const f of inFields) {
      for (const h of termHitsOf(f, key)) {
        if (m.outsideQuotes && h.inQuote) continue;
        if (cue.prohibited) {
          // "jangan dipilih": a prohibited call is an attack on the pair it is about, never support
          if (!prohibitedAt(f.norm.text, h.start, v.grammar)) continue;
          const against: MatchHit & CueHit = { field: f.field, index: f.index, start: h.start, end: h.end, stance: 'attack', within: cue.within, before: cue.before, negated: false };
          CALLS_AGAINST.add(against);
          cues.push(against);
          continue;
        }
        // a denied verdict ("tak pernah menyalahkan Anies") is no attack on the pair
        if (cue.stance === 'attack' && deniedAt(f.norm.text, h.start, v.grammar)) continue;
        // "udah dua periode, cukup lah ya": a counted tenure declared enough ends it, whatever list calls the count praise
        const ended = cue.stance === 'support' && tenureEndedAt(f.norm.text, h.start, h.end, v.tenure);
        const c: MatchHit & CueHit = { field: f.field, index: f.index, start: h.start, end: h.end, stance: cue.stance, within: cue.within, before: cue.before, negated: ended || negatedAt(f.norm.text, h.start, v.grammar) };
        if (cue.lexicons.includes(COMPARATIVE_LEXICON)) COMPARATIVES.add(c);
        if (cue.lexicons.some((id) => CALL_LEXICONS.has(id))) c.notPraise = true;
        cues.push(c);
      }
    }
  }
  const stances = pairStances(mentions, cues, (a, b) => {
    const f = fieldOf(a);
    const words = b.start >= a.end ? wordIndex(f, b.start) - wordIndex(f, a.end - 1) : a.start >= b.end ? wordIndex(f, a.start) - wordIndex(f, b.end - 1) : 0;
    // of two names as near, the one in the cue's own sentence takes it: "1 A, 2 B, 3 C. Semoga C
    // yang terpilih" wishes for C, not for the ballot list that ends the sentence before
    const [from, to] = b.start >= a.end ? [a.end, b.start] : a.start >= b.end ? [b.end, a.start] : [0, 0];
    return sentenceBreakIn(f.norm.text, from, to) ? words + 0.5 : words;
  });
  const holding = spec.mode === 'mixed' ? mixedStance(stances) : spec.mode === 'balanced' ? balancedStance(stances, spec.minPairs, spec.alike) : takenStance(stances);
  recordCueLeanings(
    holding,
    mentions,
    (a, b) => {
      const f = fieldOf(a);
      return wordIndex(f, b.start) - wordIndex(f, a.end - 1);
    },
    (c) => deniedAt(fieldOf(c).norm.text, c.start, v.grammar),
    (c) => fieldOf(c).norm.text,
    v.grammar,
  );
  return holding.flatMap((p) => [...p.mentions, ...p.cues]);
}

/**
 * Whether some election has at least `minPairs` pairs among the mentions: balancedStance's count
 * (each pair under the election of its last mention, as pairStances keeps it), before any cue.
 */
function enoughPairs(mentions: ReadonlyArray<{ pair?: string; election?: string }>, minPairs: number): boolean {
  const electionOf = new Map<string, string | undefined>();
  for (const m of mentions) if (m.pair) electionOf.set(m.pair, m.election);
  if (electionOf.size === 0) return false;
  const perElection = new Map<string | undefined, number>();
  for (const e of electionOf.values()) {
    const n = (perElection.get(e) ?? 0) + 1;
    if (n >= minPairs) return true;
    perElection.set(e, n);
  }
  return minPairs <= 0;
}

// ---- which way a finding leans on each pair -----------------------------------------------------
// A finding's candidates carry the writer's stance on each pair (CandidateRef.stance), read from the
// evidence the finding already rests on and never from anything else: the cue words a pair_stance
// matcher attached to a pair, the stance a registry term carries (a mocking nickname attacks, a
// campaign tag supports), and a `near` clause of a cue list whose side the pack's own pair_stance
// cues declare ("opini-pujian" is support, "opini-hinaan" attack) with the nearest pair it names.
// More support than attack is 'support', more attack 'attack', anything else 'mention'. None of this
// changes which findings are made.

type Leaning = { pair: string; stance: 'support' | 'attack' };
/** cue hits of pair_stance matchers → the pairs they counted for, and how */
const CUE_LEANING = new WeakMap<object, Leaning[]>();
/** prohibited calls ("jangan dipilih"): an attack made by the negator itself, never a denied one */
const CALLS_AGAINST = new WeakSet<object>();
/** cue hits made from the comparative lexicon (they rank the pair before them above the pair after) */
const COMPARATIVES = new WeakSet<object>();
/** how many words before a comparative marker the pair ranked above may stand ("Jokowi lebih mengerti ekonomi daripada Uno") */
const RANKED_ABOVE_REACH = 8;

/**
 * The side a cue shows on the pair it counted for: a negated call is an attack ("jangan pilih");
 * a negated verdict ("bukan yg menyalahkan @jokowi", "bukan tidak peduli") shows no side here, as
 * the rule cannot tell praise from a denial (pairStances still counts it as it did for detection).
 */
function cueLeaning(c: StanceHit | CueHit): 'support' | 'attack' | undefined {
  if ('within' in c) return c.negated ? (c.stance === 'support' ? 'attack' : undefined) : c.stance;
  return c.stance;
}

/**
 * Remembers, on each cue hit a holding pair_stance matcher returns, which pairs it counted for. A
 * comparative marker also ranks the nearest other pair named before it in its field above the one
 * after it: support for that pair.
 */
function recordCueLeanings<M extends StanceHit>(
  holding: ReadonlyArray<{ pair: string; cues: ReadonlyArray<StanceHit> }>,
  mentions: readonly M[],
  gap: (a: StanceHit, b: StanceHit) => number,
  denied: (c: StanceHit) => boolean,
  textOf: (c: StanceHit) => string,
  grammar: StanceGrammar,
): void {
  for (const p of holding) {
    for (const c of p.cues) {
      if (!('within' in c)) continue;
      const stance = cueLeaning(c);
      // a denied verdict ("tak ingin menyalahkan @jokowi") shows no side
      if (!stance || (stance === 'attack' && !CALLS_AGAINST.has(c) && denied(c))) continue;
      const list = CUE_LEANING.get(c) ?? [];
      const sides = sideInClause(textOf(c), c, p.pair, stance, mentions, grammar);
      list.push(...sides);
      // a comparison said in a question or of others' words ranks nothing either
      if (COMPARATIVES.has(c) && stance === 'attack' && sides.length) {
        let above: M | undefined;
        for (const m of mentions) {
          if (!m.pair || m.pair === p.pair || m.field !== c.field || m.index !== c.index || m.end > c.start) continue;
          if (gap(m, c) > RANKED_ABOVE_REACH) continue;
          if (!above || m.start > above.start) above = m;
        }
        if (above?.pair) list.push({ pair: above.pair, stance: 'support' });
      }
      CUE_LEANING.set(c, list);
    }
  }
}

/**
 * The side a cue that counted for `pair` shows, read in its own clause (stance.ts): none when the
 * words are others' ("yang nyebut Gibran anak haram konstitusi"), and no support in a question; attack when a denier stands a few
 * auxiliaries before a call ("gak akan pilih"); none when it is conceded before "tapi" ("Anies
 * ngomongnya pinter, tapi Jakarta masih banjir"); said of Y when the pair is X of "bukan X tapi Y".
 * Only the stance a finding shows reads this, never whether a finding is made.
 */
function sideInClause(text: string, c: StanceHit | CueHit, pair: string, stance: 'support' | 'attack', mentions: readonly StanceHit[], g: StanceGrammar): Leaning[] {
  // a question carries a verdict ("akal sehatnya mana?") but is no call or praise ("apakah harus pilih prabowo?")
  if (reportedAt(text, c.start, g) || (stance === 'support' && questionedAt(text, c.start, g))) return [];
  const inField = mentions.filter((m) => m.field === c.field && m.index === c.index && m.pair);
  const side = 'within' in c && stance === 'support' && !c.negated && turnedAgainst(text, c, inField, g) ? 'attack' : stance;
  let x: StanceHit | undefined;
  for (const m of inField) if (m.pair === pair && (!x || Math.abs(m.start - c.start) < Math.abs(x.start - c.start))) x = m;
  const y = x && (contrastedWith(text, x, inField) ?? subjectOver(text, x, c.start, inField, g));
  if (y?.pair) return [{ pair: y.pair, stance: side }, ...sameWords(y, inField).map((p) => ({ pair: p, stance: side }))];
  if (concededAt(text, c.end, pair, inField, g)) return [];
  return [{ pair, stance: side }, ...(x ? sameWords(x, inField).map((p) => ({ pair: p, stance: side })) : [])];
}

/**
 * A support cue word the writer turns against its pair in the clause: a denier a few auxiliaries
 * before a call ("gak akan pilih"), a prohibitive right before it, or before a pronoun before it
 * ("ulah pilih 02", "jang pilih 02", "bek neu pileh 02"), or praise narrowed to "only that"
 * ("pinter ngomong doang", "cuma jago debat", "sok merakyat": stance.ts belittledAt).
 */
function turnedAgainst(text: string, c: CueHit, names: readonly StanceHit[], g: StanceGrammar): boolean {
  return negatedAcross(text, c.start, g) || prohibitedWithin(text, c.start, g) || (!c.notPraise && belittledAt(text, c.start, c.end, g, names));
}

/**
 * The other pairs the same words name ("coblos 3": 03 of the presidential ballot and of a regional
 * one): the finding keeps one of them (selectByKind, selectByBallotTime), and the side a cue shows
 * is the side on whichever it keeps.
 */
function sameWords(m: StanceHit, mentions: readonly StanceHit[]): string[] {
  return [...new Set(mentions.filter((o) => o !== m && o.pair && o.pair !== m.pair && o.start === m.start && o.end === m.end).map((o) => o.pair as string))];
}

/**
 * A pair mention read as the writer's own choice: a settled one ("gw tetep 01"), a ballot verb before
 * it ("gue milih Abah"); read on first ask, as a ballot number singled out ("03 wae", "aye mah 01",
 * "9 urang ka nomer 2") and with a win word after it ("02 menang").
 */
interface ChoiceReading {
  settled: boolean;
  chosen: { side: 'support' | 'attack'; verb: number } | undefined;
  singledOut?: boolean;
  won?: { side: 'support' | 'attack'; end: number } | null;
}
/** per normalised field text, by the mention's place (`start:end`) */
type ChoiceReadings = Map<string, Map<string, ChoiceReading>>;

/**
 * How the mention at [start, end) of `text` reads as the writer's choice (stance.ts settledAt,
 * choiceAt). It depends on the text, the place and the pack's words only, and every rule whose
 * evidence holds the mention asked it again (tens of times per violating item), so it is read once
 * per item and place.
 */
function choiceReading(readings: ChoiceReadings, text: string, start: number, end: number, choice: ChoiceWords, g: StanceGrammar): ChoiceReading {
  let inText = readings.get(text);
  if (inText === undefined) readings.set(text, (inText = new Map()));
  const key = `${start}:${end}`;
  let r = inText.get(key);
  if (r === undefined) {
    r = {
      settled: settledAt(text, start, end, choice) && !questionedAt(text, start, g) && !reportedAt(text, start, g),
      chosen: choiceAt(text, start, end, choice, g),
    };
    inText.set(key, r);
  }
  return r;
}

/** The ballot number at [start, end) singled out by "just", "I am" or a tally, not forbidden, asked or reported (kept in `r`). */
function singledOut(r: ChoiceReading, text: string, start: number, end: number, choice: ChoiceWords, g: StanceGrammar): boolean {
  r.singledOut ??= (justChosenAt(text, start, end, choice) || writerChoiceAt(text, start, end, choice) || tallyChoiceAt(text, start) || exclaimedAt(text, start, end, choice) || aloneInClauseAt(text, start, end, choice, g)) && !prohibitedAt(text, start, g) && !questionedAt(text, start, g) && !reportedAt(text, start, g);
  return r.singledOut;
}

/** The win word after the mention at [start, end) (stance.ts winAt), kept in `r`. */
function wonAfter(r: ChoiceReading, text: string, start: number, end: number, choice: ChoiceWords, g: StanceGrammar): { side: 'support' | 'attack'; end: number } | undefined {
  if (r.won === undefined) r.won = winAt(text, start, end, choice, g) ?? null;
  return r.won ?? undefined;
}

/** Support and attack evidence per pair, each piece of evidence (a span and a pair) counted once. */
class PairLeaning {
  /** the normalised text of the field a hit is in (a term's own stance is read in its clause) */
  constructor(
    private readonly textOf: (h: MatchHit) => string | undefined,
    /** the words a writer's own choice is read by (pack.choiceWords: stance.ts settledAt, choiceAt) */
    private readonly choice: ChoiceWords,
    /** the grammar word classes a stance is read by (pack.stanceGrammar) */
    readonly grammar: StanceGrammar,
    /** whether a normalised offset of the hit's field lies in a hashtag (a tag is read as a tag: registry slogans) */
    private readonly hashtagged: (h: MatchHit, at: number) => boolean = () => false,
    /** the item's choice readings (ItemView.choiceReadings), shared by every rule's leaning */
    private readonly readings: ChoiceReadings = new Map(),
  ) {}
  private readonly seen = new Set<string>();
  private readonly counts = new Map<string, { support: number; attack: number }>();
  /** where each piece of evidence stands, by pair and stance */
  private readonly places = new Map<string, Array<{ field: string; index: number; start: number; end: number; window?: number | undefined }>>();
  add(pair: string, stance: 'support' | 'attack', at: { field: string; index: number; start: number; end: number; window?: number | undefined }): void {
    const key = `${pair}|${stance}|${at.field}|${at.index}|${at.start}|${at.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const c = this.counts.get(pair) ?? { support: 0, attack: 0 };
    c[stance]++;
    this.counts.set(pair, c);
    const k = `${pair}|${stance}`;
    // appended in place (sideWords sorts a copy; no caller keeps a list across an add)
    const place = { field: at.field, index: at.index, start: at.start, end: at.end, window: at.window };
    const list = this.places.get(k);
    if (list) list.push(place);
    else this.places.set(k, [place]);
  }
  /** whether some evidence of this stance on the pair passes `ok` (its place in the text) */
  someAt(pair: string, stance: 'support' | 'attack', ok: (at: { field: string; index: number; start: number; end: number }) => boolean): boolean {
    return (this.places.get(`${pair}|${stance}`) ?? []).some(ok);
  }
  /** a hit of a supporting matcher: a term with a stance of its own, or a pair_stance cue */
  fromHit(h: MatchHit): void {
    // an elliptical prohibited call on a ballot number ("jangan 02", "ojo 03", "tolak 01"): against that pair
    if (h.term?.pair && h.term.list === 'numbers') {
      const text = this.textOf(h);
      if (text !== undefined && (prohibitedAt(text, h.start, this.grammar) || wordBefore(text, h.start) === 'tolak')) this.add(h.term.pair.id, 'attack', h);
    }
    if (h.term?.pair && h.term.stance) {
      // a campaign tag in a question is no call ("kok lo bisa stan Wowo sih?" still mocks: the writer chose the nickname)
      const text = this.textOf(h);
      if (text === undefined || h.term.stance === 'attack' || !questionedAt(text, h.start, this.grammar)) this.add(h.term.pair.id, h.term.stance, h);
    }
    if (h.term?.pair && !h.term.stance) {
      // a name the writer keeps as a settled choice ("gw tetep 01", "udah fix 02", "Abah tetap di
      // hati"): support, unless asked or in someone else's words
      const text = this.textOf(h);
      const reading = text === undefined ? undefined : choiceReading(this.readings, text, h.start, h.end, this.choice, this.grammar);
      if (reading?.settled) this.add(h.term.pair.id, 'support', h);
      // a ballot number singled out by "just" closing its clause ("03 wae 😁", "01 aje, …"), not forbidden
      // ("jangan 02 aja"), or by "I am" ("aye mah 01 dah", "Ambo pun 01 lah"), or counted in by a tally ("9 urang ka nomer 2")
      const just = text !== undefined && reading !== undefined && h.term.list === 'numbers' && singledOut(reading, text, h.start, h.end, this.choice, this.grammar);
      if (just && !reading?.settled) this.add(h.term.pair.id, 'support', h);
      // a ballot verb right before it ("gue milih Abah", "ojo milih X"): the writer's call on that pair
      const chosen = reading?.chosen;
      if (chosen) this.add(h.term.pair.id, chosen.side, { ...h, start: chosen.verb });
      // the word "win" right after it ("02 menang siji puteran!", "01 harus manang", "#BudiDewi
      // menang!"): a victory claimed or wished; never a win inside a hashtag ("#02menangRadikal…"
      // mocks, tags have their own reading), nor as support in a field the sarcasm marks ("02 menang
      // lagi … 🤡", "(sarkas)")
      const won = text === undefined || reading === undefined ? undefined : wonAfter(reading, text, h.start, h.end, this.choice, this.grammar);
      if (won && !this.hashtagged(h, won.end - 1) && !(won.side === 'support' && LONE_CUE_IRONY.test(text ?? ''))) this.add(h.term.pair.id, won.side, { ...h, end: won.end });
    }
    for (const l of CUE_LEANING.get(h) ?? []) this.add(l.pair, l.stance, h);
  }
  /** where the evidence of this stance on the pair stands, in the order it was read */
  placesOf(pair: string, stance: 'support' | 'attack'): ReadonlyArray<{ field: string; index: number; start: number; end: number; window?: number | undefined }> {
    return this.places.get(`${pair}|${stance}`) ?? [];
  }
  /** the pairs some evidence stands on */
  pairs(): IterableIterator<string> {
    return this.counts.keys();
  }
  stanceOf(pair: string): CandidateStance | undefined {
    const c = this.counts.get(pair);
    if (!c) return undefined;
    return c.attack > c.support ? 'attack' : c.support > c.attack ? 'support' : 'mention';
  }
}

/** A candidate with its stance: this finding's own evidence, else what a finding built on said, else 'mention'. */
function withStance(c: CandidateRef, own: CandidateStance | undefined, by?: SideBy): CandidateRef {
  const stance = own ?? c.stance ?? 'mention';
  const sideBy = stance === 'mention' ? undefined : (by ?? (stance === c.stance ? c.sideBy : undefined));
  return { election: c.election, number: c.number, pair: c.pair, name: c.name, stance, ...(sideBy ? { sideBy } : {}), ...(c.byOffice?.length ? { byOffice: c.byOffice } : {}) };
}

/** at most this many of the deciding words are named (a long post may hold a dozen cues for one pair) */
const SIDE_WORDS = 4;

/**
 * The writer's words at the places that decided a side (PairLeaning.placesOf), once each, in text
 * order, as the item spells them: what a support or attack finding names as its reason.
 */
function sideWords(v: ItemView, places: ReadonlyArray<{ field: string; index: number; start: number; end: number; window?: number | undefined }>): string[] {
  const sorted = [...places].sort((a, b) => (a.field === b.field ? 0 : a.field.localeCompare(b.field)) || a.index - b.index || (a.window ?? 0) - (b.window ?? 0) || a.start - b.start);
  const out: string[] = [];
  for (const at of sorted) {
    const f = fieldOf(v.fields, at as MatchHit);
    if (f === undefined) continue;
    const o = toOriginal(f.norm, at.start, at.end);
    const w = f.norm.original.slice(o.start, o.end).trim();
    if (w && !out.includes(w)) out.push(w);
  }
  // a word inside another one named ("pilih" in "pilih Ganjar") adds nothing
  return out.filter((w) => !out.some((o) => o !== w && o.includes(w))).slice(0, SIDE_WORDS);
}

/** The candidates of a finding that absorbs others: its own first; a pair it only mentions takes a side another finding read. */
function mergeCandidates(own: readonly CandidateRef[], others: readonly CandidateRef[]): CandidateRef[] {
  const out = [...own];
  for (const c of others) {
    const i = out.findIndex((k) => k.pair === c.pair);
    if (i < 0) out.push(c);
    else if ((out[i] as CandidateRef).stance === 'mention' && c.stance && c.stance !== 'mention') {
      const taken: CandidateRef = { ...(out[i] as CandidateRef), stance: c.stance, ...(c.sideBy ? { sideBy: c.sideBy } : {}) };
      // a declared side stays declared (withoutOpposedSides) in the finding that takes it
      if (DECLARED.has(c)) DECLARED.add(taken);
      out[i] = taken;
    }
  }
  return out;
}

/**
 * A finding's explanation with its pairs named as the merged candidates read (a side another
 * finding's evidence showed on a pair this one only named): the names as rendered are replaced
 * only where they stand exactly so.
 */
export function restated(f: Finding, candidates: readonly CandidateRef[]): Finding['explanation'] {
  const out = { ...f.explanation };
  for (const lang of ['id', 'en'] as const) {
    const before = candidateNames(f.candidates, lang);
    const after = candidateNames(candidates.slice(0, f.candidates.length), lang);
    if (before !== after && before !== '-') out[lang] = out[lang].replace(before, () => after);
  }
  return out;
}

/** punctuation that closes a clause */
const CLAUSE_BREAKS = '.,;:!?\n';

/**
 * A `near` clause of a cue list with a declared side and a pair's mention ("dekat_pujian: near
 * [pujian, paslon]"): each cue word counts for the nearest pair the clause found (pairStances,
 * within the clause's reach; a negated support word is an attack). A list with words of no declared
 * side ("ucapan-apresiasi" beside "opini-pujian") takes no side.
 */
function nearLeaning(
  pack: RulePack,
  rule: CompiledRule,
  m: CompiledMatcher,
  v: ItemView,
  hitsOf: (name: string) => MatchHit[],
  namedInItem: () => readonly StanceMention[],
  leaning: PairLeaning,
  declared: PairLeaning,
): void {
  const near = m.near;
  if (!near) return;
  const { sides, comparative } = pack.lexiconSides;
  // a clause with no part from a sided word list and no declared side says nothing of sides (most clauses): no work
  if (!m.side && !near.names.some((n) => rule.matchers.get(n)?.sidedWords !== undefined || rule.matchers.get(n)?.side)) return;
  const hits = hitsOf(m.name);
  const mentions: Array<MatchHit & { pair: string; election: string; stance?: 'support' | 'attack' }> = [];
  for (const h of hits) if (h.term?.pair) mentions.push(mentionOf(h, h.term.pair));
  if (mentions.length === 0) return;
  const firstMention = near.names.findIndex((n) => rule.matchers.get(n)?.type === 'registry');
  const inClause = new Set(hits.map((k) => `${k.field}|${k.index}|${k.start}|${k.end}`));
  const cues: Array<MatchHit & CueHit> = [];
  // words of a part with a declared side, or of the clause's word parts when the clause declares
  // one (a garment beside a pair's name, a call beside it): bound to a pair the same way
  const sided: Array<MatchHit & CueHit> = [];
  near.names.forEach((name, i) => {
    const part = rule.matchers.get(name);
    // a part that is itself a clause of words only ("ekonomi" near "terpuruk", t3-capaian-paslon)
    // carries the outer clause's side as a word list does; one that names a pair is read on its own
    const wordClause = part?.type === 'near' && !part.near?.names.some((n) => rule.matchers.get(n)?.type === 'registry');
    const side = part && (part.type === 'terms' || part.type === 'regex' || wordClause) ? (part.side ?? (part.sidedWords ? undefined : m.side)) : undefined;
    if (side) {
      for (const h of hitsOf(name)) {
        if (!inClause.has(`${h.field}|${h.index}|${h.start}|${h.end}`)) continue;
        const f = fieldOf(v.fields, h);
        if (!f) continue;
        // a prohibitive a word or two before a declared call turns it against the pair ("ulah
        // dipilih", "bek ta pileh"); any other negation before it leaves no side ("moal milih"),
        // and so does a prohibitive before a declared act that is no choice: "jangan pake kaos X ke
        // kantor" reminds of the rule, it does not attack X
        const against = side === 'support' && prohibitedWithin(f.norm.text, h.start, pack.stanceGrammar);
        if (against && !isCallPart(pack, part, f.norm.text.slice(h.start, h.end))) continue;
        if (!against && (deniedAt(f.norm.text, h.start, pack.stanceGrammar) || negatedAt(f.norm.text, h.start, pack.stanceGrammar) || negatedAcross(f.norm.text, h.start, pack.stanceGrammar))) continue;
        // a declared call in a question ("peu ta pileh?", "ada stiker X?") is none, whether or not a
        // question word is known; a pair's event or material stated in a clause of its own before the
        // asking one is an invitation ("kampanye akbar X di lapang, saha nu bade ngiring?", "kaos X aya
        // keneh, saha nu hoyong?"): the act keeps its side
        if (!against && side === 'support' && inQuestion(f.norm.text, h.end) && !(statedBeforeAsking(f.norm.text, h.end) && !isCallPart(pack, part, f.norm.text.slice(h.start, h.end)))) continue;
        const act: MatchHit & CueHit = { ...h, stance: against ? 'attack' : side, within: near.within, before: near.inOrder && firstMention > i, negated: false, notPraise: true };
        sided.push(act);
      }
    }
    const words = part?.sidedWords;
    if (!part?.lexicons || !words) return;
    const ids = part.lexicons;
    for (const h of hitsOf(name)) {
      if (!inClause.has(`${h.field}|${h.index}|${h.start}|${h.end}`)) continue;
      const f = fieldOf(v.fields, h);
      if (!f) continue;
      // the side of the list the word is in ("hebat": opini-pujian), or of every list when it is an affixed form none lists
      const text = f.norm.text.slice(h.start, h.end);
      const listed = ids.filter((id) => words.get(id)?.has(text));
      const from = listed.length ? listed : ids;
      const side = sides.get(from[0] as string);
      if (!side || from.some((id) => sides.get(id) !== side)) continue;
      if (side === 'attack' && deniedAt(f.norm.text, h.start, pack.stanceGrammar)) continue;
      // a counted tenure declared enough is that pair's end, as pairStanceHits reads it
      const ended = side === 'support' && tenureEndedAt(f.norm.text, h.start, h.end, v.tenure);
      const cue: MatchHit & CueHit = { ...h, stance: side, within: near.within, before: near.inOrder && firstMention > i, negated: ended || negatedAt(f.norm.text, h.start, pack.stanceGrammar), notPraise: from.some((id) => CALL_LEXICONS.has(id)) };
      cues.push(cue);
    }
  });
  if (cues.length === 0 && sided.length === 0) return;
  const textOf = (h: MatchHit) => fieldOf(v.fields, h)?.norm.text ?? '';
  groupListedMentions(mentions, textOf, allHonorificWords());
  // a cue word counts for a pair of its own clause only ("Prabowo hebat dan merakyat, Anies pembohong":
  // "merakyat" is said of Prabowo, not of the nearer Anies across the comma)
  const gap = (a: MatchHit, b: MatchHit): number => {
    if ((a.window ?? 0) !== (b.window ?? 0)) return Infinity;
    const f = fieldOf(v.fields, a);
    const [from, to] = b.start >= a.end ? [a.end, b.start] : a.start >= b.end ? [b.end, a.start] : [0, 0];
    // a break between is found in the text's break index, not by a copy of the span per pair of hits
    const brk = to > from ? nextBreak(f.norm.text, from, CLAUSE_BREAKS) : -1;
    if ((brk >= 0 && brk < to) || comparative?.test(f.norm.text.slice(from, to))) return Infinity;
    return b.start >= a.end ? wordIndex(f, b.start) - wordIndex(f, a.end - 1) : a.start >= b.end ? wordIndex(f, a.start) - wordIndex(f, b.end - 1) : 0;
  };
  // pairStances drops a pair more words apart than the cue's reach whatever the clause: such a pair
  // is not read further (a long text of many names and cue words compared every pair's span)
  const reach = (a: MatchHit, b: MatchHit): number => {
    if ((a.window ?? 0) === (b.window ?? 0)) {
      const f = fieldOf(v.fields, a);
      const words = b.start >= a.end ? wordIndex(f, b.start) - wordIndex(f, a.end - 1) : a.start >= b.end ? wordIndex(f, a.start) - wordIndex(f, b.end - 1) : 0;
      if (words > (a as MatchHit & CueHit).within) return words;
    }
    return gap(a, b);
  };
  // every name the rule's registry matchers find in the item, not only those of the clause: a cue's
  // clause is read beside them ("sikap gibran ke prof mahfud … gak sopan": the verdict's subject)
  const named = namedInItem();
  const context = named.length ? named : mentions;
  if (cues.length) bindCues(cues, mentions, reach, textOf, leaning, context);
  if (cues.length) bindLoneCues(cues, mentions, gap, textOf, leaning);
  if (sided.length) bindCues(sided, mentions, reach, textOf, declared, context);
}

/**
 * A praise word in a clause of its own, in a field that names one pair only ("Pak Prabowo sabar
 * diserang terus, tetep senyum. Negarawan beneran"; "Ganjar kali lah, orangnya merakyat"): the
 * writer's verdict on that pair, read in its clause as any cue (others' words, a question, negation,
 * concession). A clause that names a pair of its own is bindCues's; a field naming several pairs
 * leaves such a word unbound (whose it is needs a reader).
 */
/** a sentence's end: a lone verdict word does not reach across it */
const LONE_CUE_BREAK = /[.!?\n;:]/;
/** words at most between a lone verdict word and the one pair's mention */
const LONE_CUE_WORDS = 6;
/** the sarcasm emoji (smirk, eye-roll, clown, upside-down face, unamused), the belittling "doang" of lexicon penanda-ironi, and the writer's own "(sarkas)" label */
const LONE_CUE_IRONY = new RegExp(`${IRONY_EMOJI.source}|\\bdoang\\b|\\bsarkas(?:me)?\\b`, 'u');
function bindLoneCues(cues: ReadonlyArray<MatchHit & CueHit>, mentions: ReadonlyArray<MatchHit & { pair: string; stance?: 'support' | 'attack' }>, gap: (a: MatchHit, b: MatchHit) => number, textOf: (h: MatchHit) => string, into: PairLeaning): void {
  for (const c of cues) {
    const inField = mentions.filter((m) => m.field === c.field && m.index === c.index);
    const pairs = new Set(inField.map((m) => m.pair));
    if (pairs.size !== 1) continue;
    // inside a mention, or in a clause with a mention: bound (or left) by bindCues
    if (inField.some((m) => (c.start >= m.start && c.end <= m.end) || gap(c, m) !== Infinity)) continue;
    // only the next clause of the same sentence, a few words on: a verdict past a sentence's end
    // may be on anything the post speaks of (a quick count, a hoax, a fraud)
    const text = textOf(c);
    const near = inField.some((m) => {
      const between = c.start >= m.end ? text.slice(m.end, c.start) : text.slice(c.end, m.start);
      return !LONE_CUE_BREAK.test(between) && between.split(/\s+/).filter(Boolean).length <= LONE_CUE_WORDS;
    });
    if (!near) continue;
    // praise only: a criticism in a clause of its own is as often of the other side, unnamed
    // ("kecurangan harus diusut", "yang lain kalah telak"), as of the pair the post names
    const stance = cueLeaning(c);
    if (stance !== 'support') continue;
    // a smirk, an eye-roll or a belittling "doang" anywhere in the field turns lone praise into
    // sarcasm ("Selamat 02, hasil kerja keras pak lurah 😏", "debat doang sih jago")
    if (LONE_CUE_IRONY.test(text)) continue;
    for (const l of sideInClause(textOf(c), c, [...pairs][0] as string, stance, mentions, into.grammar)) into.add(l.pair, l.stance, c);
  }
}

/** Each cue word of a clause counts for the pair it stands nearest, read in its clause (sideInClause). */
function bindCues(
  cues: ReadonlyArray<MatchHit & CueHit>,
  mentions: ReadonlyArray<MatchHit & { pair: string; stance?: 'support' | 'attack' }>,
  gap: (a: MatchHit, b: MatchHit) => number,
  textOf: (h: MatchHit) => string,
  into: PairLeaning,
  context: readonly StanceHit[] = mentions,
): void {
  for (const e of pairStances(mentions, cues, gap as (a: StanceHit, b: StanceHit) => number).values()) {
    for (const c of e.cues) {
      const stance = cueLeaning(c);
      if (stance) for (const l of sideInClause(textOf(c), c, e.pair, stance, context, into.grammar)) into.add(l.pair, l.stance, c);
    }
  }
  // a cue that opens a mention of its own ("coblos 3", "#PilihJokowi") is that pair's call: pairStances
  // leaves it out (it is no verdict on a pair nearby), the stance shown reads it; one further inside
  // ("#HoaxJkwMenangTotalDebat", "#GueKapokPilihJokowi") may be turned by the words before it
  for (const c of cues) {
    const stance = cueLeaning(c);
    if (!stance) continue;
    for (const m of mentions) {
      if (m.stance || m.field !== c.field || m.index !== c.index || m.start !== c.start || c.end > m.end || c.end === m.end) continue;
      for (const l of sideInClause(textOf(c), c, m.pair, stance, mentions, into.grammar)) into.add(l.pair, l.stance, c);
    }
  }
}

/** Whether the sentence a word ends at (`end`) ends in a question mark. */
function inQuestion(text: string, end: number): boolean {
  const at = nextBreak(text, end, '.!?\n');
  return at >= 0 && text[at] === '?';
}

/** candidate refs whose stance came from a declared side only (withoutOpposedSides may take it back) */
const DECLARED = new WeakSet<CandidateRef>();

/**
 * The sides a rule's matchers declare (schema.ts `side`) on the pairs its finding names, for pairs
 * its own evidence shows no side on:
 * - bound: from the words of a `near` clause (nearLeaning, into `declared`) and from the hits of a
 *   sided registry matcher (the pair each names), each read in its clause;
 * - act: from an act (kind, reaction, event_response) that holds, in the condition or beside it, or
 *   from a sided word the clause did not bind, when the finding names exactly one pair.
 * A word counts only in the writer's own voice: not in others' words, not negated, no support in a
 * question, no attack denied. An attack wins over a support (an angry reaction, a call against).
 * `forget`: the words after a prohibitive that make it a reminder (pack.forgetWords: readsOtherwise).
 */
function declaredSides(rule: CompiledRule, v: ItemView, hitsOf: (name: string) => MatchHit[], support: ReadonlySet<string>, declared: PairLeaning, named: readonly CandidateRef[], natureIn: string | undefined, forget: ReadonlySet<string>): { bound: Map<string, CandidateStance>; act: 'support' | 'attack' | undefined; actBy: SideBy | undefined } {
  const bound = new Map<string, CandidateStance>();
  const pairs = named.length;
  // each side an act takes, with what decided it (the act itself, or the sided clause's words)
  const acts = new Map<'support' | 'attack', SideBy>();
  const voiced = (h: MatchHit, side: 'support' | 'attack'): boolean => {
    const text = fieldOf(v.fields, h)?.norm.text;
    if (text === undefined) return false;
    // the question a reply answers ("kampanye Ganjar nang Tugu Pahlawan, koen melu a?" | "Melu, aku
    // wis nyiapno mobil") is asked of the replier: the reply's yes tells it (answeredPart)
    const asked = inQuestion(text, h.end) && !answeredPart(v, h);
    return !reportedAt(text, h.start, v.grammar) && !negatedAt(text, h.start, v.grammar) && !negatedAcross(text, h.start, v.grammar) && !deniedAt(text, h.start, v.grammar) && !(side === 'support' && (prohibitedWithin(text, h.start, v.grammar) || asked));
  };
  for (const m of matcherKinds(rule).sided) {
    if (!m.side) continue;
    if (ACT_TYPES.has(m.type)) {
      // an act the finding does not rest on (beside the condition, or in a branch of it that did
      // not hold) is asked here; one it rests on holds
      if (support.has(m.name) || (unreadSide(rule, m, support) && matcherHolds(m, v, []))) acts.set(m.side, { words: [], act: true });
      continue;
    }
    if (m.type === 'registry') {
      // a sided list counts where the finding rests on it, itself or as a part of a clause that does ("isyarat_paslon: near [isyarat, paslon]")
      if (!support.has(m.name) && ![...support].some((n) => rule.matchers.get(n)?.near?.names.includes(m.name))) continue;
      // signs of several pairs together ("✌️☝️") say no one pair's side
      const named = hitsOf(m.name).filter((h) => h.term?.pair && voiced(h, m.side as 'support' | 'attack'));
      if (new Set(named.map((h) => h.term?.pair?.id)).size === 1) for (const h of named) declared.add(h.term?.pair?.id as string, m.side, h);
    } else if ((support.has(m.name) || (m.sideOnly === true && pairs === 1 && ownWords(v) && namesNoOtherPair(v, named[0] as CandidateRef))) && pairs === 1 && !(m.near?.names.some((n) => rule.matchers.get(n)?.type === 'registry') ?? false)) {
      // a sided word list beside the condition (t1: a comment on the pair's own page, its words
      // addressed to that pair) binds only where the item's words name no other pair
      const side = m.side;
      // a word list read beside the condition (a comment on the pair's page) shows no support in a
      // field the sarcasm marks (a smirk, an eye-roll, "doang": "hebat pak 🙄"), as lone praise does not
      const ironic = (h: MatchHit) => side === 'support' && m.sideOnly === true && LONE_CUE_IRONY.test(fieldOf(v.fields, h)?.norm.text ?? '');
      const said = hitsOf(m.name).filter((h) => !h.term?.pair && voiced(h, side) && !ironic(h));
      if (said.length) acts.set(side, { words: sideWords(v, said) });
    }
  }
  // the rule's act by its nature (schema.ts act_side): in the writer's own words, every word the
  // finding rests on that names no pair (the act's own words: "pakai kaos", "hadir di kampanye"), the
  // finding's one pair (natureIn: its election; none when an exception lowered the finding or the
  // item reads otherwise: natureTurned), the only pair of that election the item names anywhere
  const nature = rule.def.act_side;
  // a rule that also flags the thing without its act (a shirt for sale) names the act's matchers
  const actWhen = rule.def.act_when;
  const acted = !actWhen || actWhen.some((n) => {
    const m = rule.matchers.get(n);
    return m !== undefined && matcherHolds(m, v, hitsOf(n));
  });
  if (nature && acted && natureIn !== undefined && pairs === 1 && onePairNamed(v, natureIn) && !v.fields.some((f) => readsOtherwise(f.norm.text, forget, v.grammar))) {
    const words = [...support].flatMap((n) => hitsOf(n)).filter((h) => !h.term?.pair && fieldOf(v.fields, h) !== undefined);
    if (words.every((h) => voiced(h, nature))) acts.set(nature, { words: sideWords(v, words), act: true });
  }
  for (const pair of declared.pairs()) bound.set(pair, declared.stanceOf(pair) as CandidateStance);
  const act = pairs === 1 && acts.size ? (acts.has('attack') ? 'attack' : 'support') : undefined;
  return { bound, act, actBy: act && acts.get(act) };
}

/** whether the item's text is its writer's words: a reaction's or a follow's is the content liked (the pair's own post) */
function ownWords(v: ItemView): boolean {
  return v.item.kind !== 'reaction' && v.item.kind !== 'follow';
}

/**
 * The pairs a term's registry owners name, by election id: made once per owners list (the
 * matcher's lists are shared by every hit of a pattern; a ballot number's has an owner for every
 * pair of every election that numbers one).
 */
const PAIRS_BY_ELECTION = new WeakMap<readonly TermOwner[], ReadonlyMap<string, readonly string[]>>();
function pairsByElection(owners: readonly TermOwner[]): ReadonlyMap<string, readonly string[]> {
  let byElection = PAIRS_BY_ELECTION.get(owners);
  if (byElection !== undefined) return byElection;
  const made = new Map<string, string[]>();
  for (const o of owners) {
    if (o.type !== 'registry' || !o.term.pair) continue;
    const pairs = made.get(o.term.election.id);
    if (pairs === undefined) made.set(o.term.election.id, [o.term.pair.id]);
    else if (!pairs.includes(o.term.pair.id)) pairs.push(o.term.pair.id);
  }
  byElection = made;
  PAIRS_BY_ELECTION.set(owners, byElection);
  return byElection;
}

/**
 * The pairs of one election the item's registry words name (every field, every owner of every
 * hit), made once per item and election: namesNoOtherPair and onePairNamed ask it for each sided
 * matcher of each rule that fires, and each walked every owner of every hit (~2.5 % of a heavy
 * scan's CPU: a ballot number's hit has thousands of owners).
 */
function namedPairs(v: ItemView, election: string): ReadonlySet<string> {
  const memo = (v.namedPairs ??= new Map());
  let named = memo.get(election);
  if (named !== undefined) return named;
  named = new Set<string>();
  for (const f of v.fields) {
    for (const h of f.hits) {
      const pairs = pairsByElection(h.owners).get(election);
      if (pairs !== undefined) for (const p of pairs) named.add(p);
    }
  }
  memo.set(election, named);
  return named;
}

/** whether no word of the item (any field) names another pair of the one pair's election: words addressed to that pair (a comment on its page) are about it */
function namesNoOtherPair(v: ItemView, one: CandidateRef): boolean {
  for (const p of namedPairs(v, one.election)) if (p !== one.pair) return false;
  return true;
}

/** whether the item's words name one pair of the election at most (a shirt or pose of several pairs says no side) */
function onePairNamed(v: ItemView, election: string): boolean {
  return namedPairs(v, election).size <= 1;
}

/** the exceptions whose context says an act is not the writer's support: official duty, a journalist's report */
const NATURE_YIELDS: ReadonlySet<string> = new Set(['tugas-kedinasan', 'berita-media']);

/**
 * Whether the item reads an act other than by its nature, though no rule bound a side: a duty or
 * a news report (NATURE_YIELDS, whichever rules they apply to), or an attack verdict of the pack's
 * lists anywhere in its words ("kaos X baru datang, X pembohong": t4 reads no verdict).
 */
function natureTurned(pack: RulePack, v: ItemView): boolean {
  if (pack.exceptions.some((ex) => NATURE_YIELDS.has(ex.def.id) && exceptionHolds(ex, v))) return true;
  for (const f of v.fields) {
    for (const h of f.hits) {
      for (const o of h.owners) {
        if (o.type !== 'rule') continue;
        const words = pack.rules[o.index]?.matchers.get(o.matcher)?.verdictWords;
        if (words && (words === 'all' || words.has(f.norm.text.slice(h.start, h.end))) && !deniedAt(f.norm.text, h.start, pack.stanceGrammar)) return true;
      }
    }
  }
  return false;
}

/**
 * Whether a text turns an act's nature round anywhere in it: a sarcasm emoji or a belittling
 * "doang" (the irony markers the lone verdicts read), or a negator or prohibitive word ("ogah
 * datang ke kampanyenya", "ulah dipilih"), unless a word of `forget` (pack.forgetWords) follows the
 * prohibitive. The act is then not read as support by its nature (the pair stays a mention unless
 * other words give it a side).
 */
function readsOtherwise(text: string, forget: ReadonlySet<string>, g: StanceGrammar): boolean {
  if (LONE_CUE_IRONY.test(text)) return true;
  const words = wordsOf(text);
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as TextWord).word;
    // "don't forget" is a reminder to act, not a prohibition: "jangan lupa pake baju putih ke TPS"
    if (g.prohibitives.has(w) && forget.has(words[i + 1]?.word ?? '')) continue;
    if (g.negators.has(w) || g.prohibitives.has(w)) return true;
  }
  return false;
}

/**
 * A rule's matchers in its own order, and the few kinds ruleDraft walks for every finding: a status
 * rule has ~180 matchers, ~15 of them sided, and each finding walked them all three or four times.
 */
interface MatcherKinds {
  /** each matcher's place in the rule's order, by name */
  order: ReadonlyMap<string, number>;
  all: readonly CompiledMatcher[];
  sided: readonly CompiledMatcher[];
  sidedNear: readonly CompiledMatcher[];
  registry: readonly CompiledMatcher[];
}
const MATCHER_KINDS = new WeakMap<CompiledRule, MatcherKinds>();
function matcherKinds(rule: CompiledRule): MatcherKinds {
  let kinds = MATCHER_KINDS.get(rule);
  if (kinds === undefined) {
    const all = [...rule.matchers.values()];
    kinds = {
      order: new Map(all.map((m, i) => [m.name, i])),
      all,
      sided: all.filter((m) => m.side),
      sidedNear: all.filter((m) => m.type === 'near' && m.side),
      registry: all.filter((m) => m.type === 'registry'),
    };
    MATCHER_KINDS.set(rule, kinds);
  }
  return kinds;
}

/** The rule's matchers named in `support`, in the rule's order (as a walk of all of them that skips the others). */
function supportInOrder(kinds: MatcherKinds, support: ReadonlySet<string>): CompiledMatcher[] {
  const at: number[] = [];
  for (const name of support) {
    const i = kinds.order.get(name);
    if (i !== undefined) at.push(i);
  }
  at.sort((a, b) => a - b);
  return at.map((i) => kinds.all[i] as CompiledMatcher);
}

/** the names a rule's condition reads itself, by rule */
const CONDITION_NAMES = new WeakMap<CompiledRule, ReadonlySet<string>>();

/**
 * A sided matcher the finding does not rest on, read for its side alone when it holds: a side
 * reading only (sideOnly), or one the condition names in a branch that did not hold. A part of
 * another clause only (never named by the condition) is not: it says a side only as that clause.
 */
function unreadSide(rule: CompiledRule, m: CompiledMatcher, support: ReadonlySet<string>): boolean {
  if (!m.side || support.has(m.name)) return false;
  if (m.sideOnly) return true;
  let names = CONDITION_NAMES.get(rule);
  if (!names) {
    names = conditionNames(rule.condition);
    CONDITION_NAMES.set(rule, names);
  }
  return names.has(m.name);
}

/**
 * A side declared by one finding's matchers (DECLARED) is taken back when another finding of the
 * same item shows the pair the other way from its own evidence ("kaos 02 … capres pembohong": the
 * insult wins over the shirt): a declared side never overrules a read one.
 */
function withoutOpposedSides(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const read = new Map<string, Set<CandidateStance>>();
  for (const f of findings) for (const c of f.candidates) if (!DECLARED.has(c) && (c.stance === 'support' || c.stance === 'attack')) read.set(c.pair, (read.get(c.pair) ?? new Set()).add(c.stance));
  if (read.size === 0) return findings;
  return findings.map((f) => {
    const opposed = (c: CandidateRef) => DECLARED.has(c) && [...(read.get(c.pair) ?? [])].some((s) => s !== c.stance);
    if (!f.candidates.some(opposed)) return f;
    const candidates = f.candidates.map((c) => (opposed(c) ? withStance({ ...c, stance: undefined }, 'mention') : c));
    return { ...f, candidates, explanation: restated(f, candidates) };
  });
}

type StanceMention = MatchHit & { pair: string; election: string; stance?: 'support' | 'attack' };
/**
 * A hit of a candidate as a stance mention: the hit's own properties, then pair, election and (when
 * the term has one) stance, as `{ ...h, pair, election, ...(stance ? { stance } : {}) }` made them,
 * without the spread of a conditional object, which took V8's slow copy for every mention of a
 * heavy scan (most of stanceMentions' and nearLeaning's own time).
 */
function mentionOf(h: MatchHit, pair: RegistryPair): StanceMention {
  const m = { ...h } as StanceMention;
  m.pair = pair.id;
  m.election = (h.term as RegistryTerm).election.id;
  const stance = (h.term as RegistryTerm).stance;
  if (stance) m.stance = stance;
  return m;
}

/** Every pair name the rule's registry matchers find in the item. */
function registryNames(rule: CompiledRule, hitsOf: (name: string) => MatchHit[]): StanceMention[] {
  const out: StanceMention[] = [];
  for (const r of matcherKinds(rule).registry) {
    for (const h of hitsOf(r.name)) if (h.term?.pair) out.push(mentionOf(h, h.term.pair));
  }
  return out;
}

/**
 * The candidate mentions of a mentions matcher's hits, grouped into lists (groupListedMentions),
 * made once per hit list: the rules' pair-stance matchers share a few mentions definitions
 * (sharedKey), and each made the same mention objects again. Read only once made.
 */
const STANCE_MENTIONS = new WeakMap<readonly MatchHit[], StanceMention[]>();
/**
 * The hit lists of an item's mention definitions, with the mentions made of each: two definitions
 * that differ on paper (another list, another field order) often find the very same hits in an
 * item, and the mentions made of equal hits are equal, so they are made and grouped once.
 */
const ITEM_MENTIONS = new WeakMap<ItemView, Array<{ hits: readonly MatchHit[]; mentions: StanceMention[] }>>();
function stanceMentions(hits: readonly MatchHit[], v: ItemView, textOf: (h: StanceMention) => string): StanceMention[] {
  let mentions = STANCE_MENTIONS.get(hits);
  if (mentions !== undefined) return mentions;
  let made = ITEM_MENTIONS.get(v);
  if (made === undefined) ITEM_MENTIONS.set(v, (made = []));
  mentions = made.find((e) => sameHits(e.hits, hits))?.mentions;
  if (mentions === undefined) {
    mentions = [];
    for (const h of hits) if (h.term?.pair) mentions.push(mentionOf(h, h.term.pair));
    if (mentions.length > 0) groupListedMentions(mentions, textOf, allHonorificWords());
    made.push({ hits, mentions });
  }
  STANCE_MENTIONS.set(hits, mentions);
  return mentions;
}

/** Two hit lists with the same hits in the same order: every own property of every hit equal (===). */
function sameHits(a: readonly MatchHit[], b: readonly MatchHit[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as MatchHit & Record<string, unknown>;
    const y = b[i] as MatchHit & Record<string, unknown>;
    if (x === y) continue;
    if (x.start !== y.start || x.end !== y.end || x.field !== y.field || x.index !== y.index || x.term !== y.term) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const k of keys) if (!Object.prototype.hasOwnProperty.call(y, k) || x[k] !== y[k]) return false;
  }
  return true;
}

/**
 * The writer's words of each field that mentions a candidate, masked for the stance model
 * (mentions → "§"). Fields without a mention are left out: the model never scores them.
 */
export function maskedFields(v: ItemView, mentions: CompiledMatcher): Array<{ field: FieldText; masked: MaskedText; mentions: MatchHit[] }> {
  const hits = matcherHits(mentions, v, { type: 'rule', index: -1 }, () => []);
  const out: Array<{ field: FieldText; masked: MaskedText; mentions: MatchHit[] }> = [];
  for (const f of v.fields) {
    if (!mentions.fields.includes(f.field)) continue;
    // a short name made firm by its context (PROMOTED) is not what the model was trained to mask: it reads the item alone
    const own = hits.filter((h) => h.field === f.field && h.index === f.index && h.term?.pair && !PROMOTED.has(h.term));
    if (own.length) out.push({ field: f, masked: maskText(f.norm.text, own), mentions: own });
  }
  return out;
}

/**
 * A stance model's verdict: the best-scoring field that mentions a candidate, when it reaches
 * min_score. Hits are that field's mentions and the word n-grams that pushed the score most.
 */
type ModelVerdict = { field: FieldText; masked: MaskedText; mentions: MatchHit[]; result: StanceScore };
/** each model's best field per item and mention set: two rules reading one model score it once */
const MODEL_VERDICTS = new WeakMap<ItemView, Map<string, ModelVerdict | null>>();

function stanceModelHits(m: CompiledMatcher, v: ItemView, _hitsOf: (name: string) => MatchHit[]): MatchHit[] {
  const spec = m.model as NonNullable<CompiledMatcher['model']>;
  let verdicts = MODEL_VERDICTS.get(v);
  if (!verdicts) MODEL_VERDICTS.set(v, (verdicts = new Map()));
  const key = `${spec.model.id}|${[...(spec.mentions.lists ?? [])].sort().join(',')}|${spec.mentions.fields.join(',')}|${spec.sentenceMentions ? 's' : ''}`;
  let best = verdicts.get(key);
  if (best === undefined) {
    best = null;
    for (const f of maskedFields(v, spec.mentions)) {
      if (spec.sentenceMentions && f.mentions.every((h) => edgeHandle(f.field.norm, h.start, h.end)) && !speaksTo(f.field.norm.text, spec.sentenceMentions)) continue;
      const result = spec.model.score(f.masked);
      if (!best || result.score > best.result.score) best = { ...f, result };
    }
    verdicts.set(key, best);
  }
  if (!best) return [];
  const score = Math.round(best.result.score * 100) / 100;
  // the veto form: the model reads no side in the text (its mentions are the hits)
  if (spec.maxScore !== undefined) return best.result.score <= spec.maxScore ? best.mentions.map((h) => ({ ...h, score })) : [];
  if (best.result.score < spec.minScore) return [];
  const { field, masked, result } = best;
  const grams = result.top.map((t) => ({ field: field.field, index: field.index, start: masked.from[t.start] as number, end: masked.to[t.end - 1] as number, score }));
  return [...best.mentions.map((h) => ({ ...h, score })), ...grams.filter((g) => !best.mentions.some((h) => h.start === g.start && h.end === g.end))];
}

/** what may stand between an edge handle and the text's edge: other handles, hashtags, links, emoji and punctuation */
const EDGE_FILLER = /https?:\/\/\S+|[@#][\p{L}\p{N}_]*|[^\p{L}\p{N}@#]+/gu;

/**
 * Whether the mention at [start, end) is an @handle tagged at the edge of the text: nothing but
 * other handles, hashtags, links, emoji and punctuation between it and the start of the text (a
 * reply's leading addressees: "@x @KPU_ID Kami warga RT 04 …") or the end ("… tas mahal.
 * @x"). Such a handle says whom the post is sent to or notifies; the writer's sentences do
 * not speak of that person by it.
 */
export function edgeHandle(n: NormalisedText, start: number, end: number): boolean {
  const o = toOriginal(n, start, end);
  const text = n.original;
  let at = o.start;
  if (text[at] !== '@') {
    if (text[at - 1] !== '@') return false;
    at--;
  }
  let after = o.end;
  while (after < text.length && /[\p{L}\p{N}_]/u.test(text[after] as string)) after++;
  const bare = (s: string) => s.replace(EDGE_FILLER, '').length === 0;
  return bare(text.slice(0, at)) || bare(text.slice(after));
}

/**
 * Whether the text speaks to someone: an address term or a second-person pronoun as a word of its
 * own ("semangat terus pak!", "kami di belakang kamu"). A handle tagged at the edge of such a post
 * is the one spoken to, and the post's words are about that person.
 */
function speaksTo(text: string, words: ReadonlySet<string>): boolean {
  for (const w of text.split(/[^\p{L}]+/u)) if (w && words.has(w)) return true;
  return false;
}

/**
 * Whether registry hits name every pair of one election whose ballot has at least `ballot` pairs
 * (registry matcher all_pairs): the whole ballot is spoken of, as a recap, a comparison or a list does.
 */
/**
 * Whether some one election has at least `minPairs` different pairs among the hits, each named at a
 * place of its own (registry one_ballot): "nomor 1" read on two ballots in force plus the name of one
 * of those pairs is a single pair named, which the count over every election took for two.
 */
export function pairsOfOneBallot(hits: readonly MatchHit[], minPairs: number): boolean {
  const byElection = new Map<string, Map<string, Set<string>>>();
  for (const h of hits) {
    const pair = h.term?.pair?.id;
    const election = h.term?.election?.id;
    if (pair === undefined || election === undefined) continue;
    const pairs = byElection.get(election) ?? new Map<string, Set<string>>();
    byElection.set(election, pairs);
    const places = pairs.get(pair) ?? new Set<string>();
    pairs.set(pair, places);
    places.add(`${h.field}|${h.index}|${h.start}`);
  }
  for (const pairs of byElection.values()) {
    // distinct places, one per pair: the same place read as two pairs of one ballot counts once
    const used = new Set<string>();
    let named = 0;
    for (const places of pairs.values()) {
      const free = [...places].find((p) => !used.has(p));
      if (free === undefined) continue;
      used.add(free);
      named++;
    }
    if (named >= minPairs) return true;
  }
  return false;
}

export function namesWholeBallot(hits: readonly MatchHit[], ballot = 2): boolean {
  const named = new Map<RegistryTerm['election'], Set<string>>();
  for (const h of hits) {
    const pair = h.term?.pair;
    if (!pair || !h.term) continue;
    const set = named.get(h.term.election) ?? new Set<string>();
    set.add(pair.id);
    named.set(h.term.election, set);
  }
  for (const [election, pairs] of named) if (election.pairs.length >= Math.max(2, ballot) && election.pairs.every((p) => pairs.has(p.id))) return true;
  return false;
}

function matcherHolds(m: CompiledMatcher, v: ItemView, hits: MatchHit[]): boolean {
  switch (m.type) {
    case 'kind':
      return m.values?.has(v.item.kind) ?? false;
    case 'context_kind':
      return v.item.context?.kind !== undefined && (m.values?.has(v.item.context.kind) ?? false);
    case 'event_response':
      return v.item.event?.response !== undefined && (m.values?.has(v.item.event.response) ?? false);
    case 'reaction':
      return v.item.reaction !== undefined && (m.values?.has(v.item.reaction.toLowerCase()) ?? false);
    case 'has_media':
      return v.item.kind === 'media' || v.item.media.length > 0;
    case 'workplace_group':
      return m.inferred ? v.workplaceChat !== undefined : v.inWorkplaceGroup;
    case 'after_vote':
      return afterVote(v);
    default:
      return hits.length > 0;
  }
}

/**
 * Whether a numeric hit reads as a ballot number, kept with the hit: it depends only on the field's
 * text and the hit's place, and a heavy item's numbers are read by every registry matcher of every
 * rule, once per election they could name (heavy bench items: 23,000 calls became 6,300).
 */
const BALLOT_NUMBER = new WeakMap<object, boolean>();
function ballotNumberAt(f: FieldText, h: { start: number; end: number }): boolean {
  let ok = BALLOT_NUMBER.get(h);
  if (ok === undefined) {
    const written = f.norm.text.slice(h.start, h.end);
    // a zero-padded number is written the KPU's way ("02"), never a place or a shirt
    const kpuWritten = /(?:^|\D)0\d$/.test(written);
    ok = !/\d$/.test(written) || (plausibleBallotNumber(f.norm.text, h.start, h.end) && (kpuWritten || !matchTalk(f, h)));
    BALLOT_NUMBER.set(h, ok);
  }
  return ok;
}

/**
 * (s56) The field speaks of a sporting match or a contest and its standings (lexicon kata-laga:
 * "Persib juara, Persija mah nomor 2 wae", "Mantap ganda campuran! Nomor 2 memang paling stabil",
 * "… kejar nomor 1! Latihan Sabtu sore") and never of the election (electionContext): its numbers
 * count places, players and shirts. plausibleBallotNumber reads the number's own sentence only; the
 * team or the event is often named in the sentence before. The match word must stand outside the
 * number's own clause: there it is a verdict on what the number names ("nomer hiji mah juara"). A
 * number written the KPU's way ("02") is a ballot number still ("02 juara!! lanjutkan": the
 * caller's test).
 */
function matchTalk(f: FieldText, h: { start: number; end: number }): boolean {
  const text = f.norm.text;
  if (f.patterns.electionContext.test(text)) return false;
  const from = Math.max(...[...'.,!?;\n'].map((c) => text.lastIndexOf(c, h.start - 1))) + 1;
  const next = text.slice(h.end).search(/[.,!?;\n]/u);
  const to = next < 0 ? text.length : h.end + next;
  return f.patterns.matchContext.test(`${text.slice(0, from)} ${text.slice(to)}`);
}

/** a clause mark: what a vocative stands after or before ("Bapak ibu, …", "…, ambil bae sanak") */
const CLAUSE_MARK = /[,.!?:;\n…]/u;
/** a letter or digit: a word of the clause */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The hit stands where a term of address stands: at a clause edge of the original text. Going out
 * from the hit over spaces, emoji and other symbols, the first thing met on one side is the field's
 * edge or a clause mark, not a word ("Bapak ibu, minggu depan …", "…, teman-teman kantor datang …"
 * holds on its left; "ambil bae sanak 💚" on its right; "ikut bareng kawan-kawan ke alun-alun" on neither).
 */
function atClauseEdge(n: NormalisedText, start: number, end: number): boolean {
  const { start: from, end: to } = toOriginal(n, start, end);
  const edge = (i: number, step: number): boolean => {
    for (; i >= 0 && i < n.original.length; i += step) {
      const c = n.original[i] as string;
      if (CLAUSE_MARK.test(c)) return true;
      if (WORD_CHAR.test(c)) return false;
    }
    return true;
  };
  return edge(from - 1, -1) || edge(to, 1);
}

/** The hit is a whole #hashtag: inside one, and no more hashtag letters on either side. */
function wholeHashtag(n: NormalisedText, start: number, end: number): boolean {
  if (!allSet(n.inHashtag, start, end)) return false;
  const before = n.starts[start] ?? 0;
  const after = n.ends[end - 1] ?? 0;
  return n.original[before - 1] === '#' && !/[\p{L}\p{N}_]/u.test(n.original[after] ?? '');
}

/** the prohibitions whose findings are words taken for the writer's side (speakerOwned) */
const SPEECH_PROHIBITIONS: ReadonlySet<string> = new Set(['3', '6']);
/** the lexicons of vote calls and vote verbs (a call in someone else's words is still spread) */
const CALL_LEXICONS: ReadonlySet<string> = new Set(['ajakan-memilih', 'ajakan-lemah', 'daerah-ajakan', 'kata-kerja-memilih']);

/** Whether a sided part is a call: a matcher on the call lexicons, or a word holding a ballot verb. */
function isCallPart(pack: RulePack, part: CompiledMatcher | undefined, word: string): boolean {
  return (part?.lexicons?.some((id) => CALL_LEXICONS.has(id)) ?? false) || choiceWordIn(word, pack.choiceWords.verbs);
}

/** Whether a clause break (",", ";", ":") stands between `end` and the sentence's "?": the words at `end` are stated, a later clause asks. */
function statedBeforeAsking(text: string, end: number): boolean {
  const q = nextBreak(text, end, '.!?\n');
  const brk = nextBreak(text, end, ',;:');
  return q >= 0 && brk >= 0 && brk < q;
}

/** Whether a word holds a ballot verb (pack.choiceWords.verbs: "pilih", "coblos", "dukung"), affixed or not ("dipilih", "didukung"). */
function choiceWordIn(word: string, verbs: ReadonlySet<string>): boolean {
  for (const v of verbs) if (word.includes(v)) return true;
  return false;
}

/** Whether the sentence that holds the word ending at `end` ends in a question mark. */
function askedAt(text: string, end: number): boolean {
  const m = /[.!?\n]/u.exec(text.slice(end));
  return m?.[0] === '?';
}

/**
 * Whether the hit lies wholly in words the post reports as someone else's (the field's quotation
 * and reported-speech mask, normalise.ts inQuote). A hit with no text of its own (a field-wide
 * headline or lede shape) is the writer's framing, never someone else's.
 */
function speakerOwned(v: ItemView, h: MatchHit): boolean {
  const f = fieldOf(v.fields, h);
  if (!f || h.end <= h.start || (h.start === 0 && h.end >= f.norm.text.length)) return false;
  // every character of the hit but spaces lies in those words (an emoji or "!" after the quote is
  // the writer's own), and the hit has some
  const mask = f.norm.inQuote;
  let inside = 0;
  for (let i = h.start; i < h.end; i++) {
    const ch = f.norm.text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x0a) continue;
    // a hashtag after the reported words is the writer's tag, not the speaker's
    if (mask[i] !== 1 || f.norm.inHashtag[i] === 1) return false;
    inside++;
  }
  return inside > 0;
}

function fieldOf(fields: readonly FieldText[], h: MatchHit): FieldText {
  const window = h.window ?? 0;
  for (const f of fields) if (f.field === h.field && f.index === h.index && f.window === window) return f;
  return undefined as unknown as FieldText;
}

/**
 * The hits of one near part, per field string, sorted by the word they start in. `around` gives,
 * in their original order, the hits that touch a word range: a superset of those within reach.
 */
/** A one-word, in-order `near` partner that follows its word directly (gap ≤ 1 word): the particle the clause is about. */
function boundTo(f: FieldText, a: MatchHit, b: MatchHit, near: NonNullable<CompiledMatcher['near']>): boolean {
  return near.inOrder && near.within <= 1 && b.start >= a.end && wordIndex(f, b.start) - wordIndex(f, a.end - 1) <= 1;
}

/**
 * A hit list's NearIndex, made once per list: the hit lists of registry and regex matchers are
 * shared by the rules of an item (sharedKey), and near matchers of many rules index the same
 * list. A list belongs to one item, so the fields are always that item's.
 */
const NEAR_INDEX = new WeakMap<readonly MatchHit[], NearIndex>();
function nearIndex(hits: readonly MatchHit[], fields: readonly FieldText[]): NearIndex {
  let index = NEAR_INDEX.get(hits);
  if (index === undefined) {
    index = new NearIndex(hits, fields);
    NEAR_INDEX.set(hits, index);
  }
  return index;
}

class NearIndex {
  private readonly byField = new Map<FieldText, { words: Int32Array; ends: Int32Array; hits: Array<{ hit: MatchHit; order: number }>; maxSpan: number }>();

  constructor(hits: readonly MatchHit[], fields: readonly FieldText[]) {
    const grouped = new Map<FieldText, Array<{ hit: MatchHit; order: number }>>();
    hits.forEach((hit, order) => {
      const f = fieldOf(fields, hit);
      const list = grouped.get(f);
      if (list) list.push({ hit, order });
      else grouped.set(f, [{ hit, order }]);
    });
    for (const [f, list] of grouped) {
      list.sort((x, y) => wordIndex(f, x.hit.start) - wordIndex(f, y.hit.start) || x.order - y.order);
      const words = Int32Array.from(list, (x) => wordIndex(f, x.hit.start));
      const ends = Int32Array.from(list, (x) => wordIndex(f, Math.max(x.hit.start, x.hit.end - 1)));
      let maxSpan = 0;
      for (let i = 0; i < list.length; i++) maxSpan = Math.max(maxSpan, (ends[i] ?? 0) - (words[i] ?? 0));
      this.byField.set(f, { words, ends, hits: list, maxSpan });
    }
  }

  /** Hits that start at or before word `to` and end at or after word `from`, in their original order. */
  around(f: FieldText, from: number, to: number): MatchHit[] {
    const entry = this.byField.get(f);
    if (!entry) return [];
    const { words, ends, hits, maxSpan } = entry;
    // first hit whose start word can still reach `from` (no hit spans more than maxSpan words)
    let lo = 0;
    let hi = words.length;
    const low = from - maxSpan;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] ?? 0) < low) lo = mid + 1;
      else hi = mid;
    }
    // most answers are one or two hits already in their original order: no sort and no second array then
    const found: MatchHit[] = [];
    let sorted = true;
    let last = -1;
    for (let i = lo; i < words.length && (words[i] ?? 0) <= to; i++) {
      if ((ends[i] ?? 0) < from) continue;
      const x = hits[i]!;
      if (x.order < last) sorted = false;
      last = x.order;
      found.push(x.hit);
    }
    if (sorted) return found;
    const inReach: Array<{ hit: MatchHit; order: number }> = [];
    for (let i = lo; i < words.length && (words[i] ?? 0) <= to; i++) if ((ends[i] ?? 0) >= from) inReach.push(hits[i]!);
    return inReach.sort((x, y) => x.order - y.order).map((x) => x.hit);
  }
}

/**
 * A reply read with the message it answers: that whole message is its topic, so a word of the
 * reply is as near to any word of it as to the reply's start ("stiker Budi-Dewi … | aku juga
 * udah dipasang di motor").
 */
function threadGap(f: FieldText, a: MatchHit, b: MatchHit, replyStart: number | undefined): number | undefined {
  if (replyStart === undefined || f.field !== 'text') return undefined;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  const boundary = f.norm.starts.findIndex((at) => at >= replyStart);
  if (boundary < 0 || first.start >= boundary || second.start < boundary) return undefined;
  return wordIndex(f, second.start) - wordIndex(f, boundary);
}

/**
 * Whether a hit lies in the message a reply answers, on a joined text (findingsInThread: the
 * earlier message, then the reply from `replyStart`): words of the topic, not of the replier.
 */
function answeredPart(v: ItemView, h: MatchHit): boolean {
  if (v.replyStart === undefined || h.field !== 'text') return false;
  const f = fieldOf(v.fields, h);
  if (!f || f.window !== 0) return false;
  const boundary = f.norm.starts.findIndex((at) => at >= (v.replyStart as number));
  return boundary >= 0 && h.start < boundary;
}

function wordIndex(f: FieldText, offset: number): number {
  if (!f.wordAt) {
    const w = new Int32Array(f.norm.text.length + 1);
    let count = 0;
    let inWord = false;
    for (let i = 0; i < f.norm.text.length; i++) {
      const isWord = f.norm.text[i] !== ' ';
      if (isWord && !inWord) count++;
      inWord = isWord;
      w[i] = count;
    }
    w[f.norm.text.length] = count;
    f.wordAt = w;
  }
  return f.wordAt[offset] ?? 0;
}

function toSpan(f: FieldText, h: MatchHit, matcher: string): Span {
  const o = toOriginal(f.norm, h.start, h.end);
  return { field: f.field, index: f.index, start: f.base + o.start, end: f.base + o.end, text: f.norm.original.slice(o.start, o.end), matcher };
}

function dedupeSpans(spans: Span[]): Span[] {
  // sorted, equal places are neighbours: the first of each run stays (no key string and set per span)
  spans.sort(spanOrder);
  const out: Span[] = [];
  let last: Span | undefined;
  for (const s of spans) {
    if (last !== undefined && last.start === s.start && last.end === s.end && last.index === s.index && last.field === s.field) continue;
    out.push(s);
    last = s;
  }
  return out;
}

/** Spans by field (locale order, asked only when the fields differ), index, start, then the longer first. */
function spanOrder(a: Span, b: Span): number {
  return (a.field === b.field ? 0 : a.field.localeCompare(b.field)) || a.index - b.index || a.start - b.start || b.end - a.end;
}

/**
 * Ethics track before the pairs were officially determined (bakal calon), discipline track from
 * determination on — judged against the election of the named candidate, else the only election
 * whose window holds the item.
 */
function trackOf(v: ItemView, candidates: CandidateRef[], pack: RulePack): Track {
  const t = viewTime(v);
  if (Number.isNaN(t)) return 'unknown';
  // the candidates' elections by id (electionsById), not a walk over every region's election per finding
  const byId = electionsById(pack);
  const tracks = new Set<Track>();
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.election)) continue;
    seen.add(c.election);
    for (const e of byId.get(c.election) ?? []) tracks.add(t < e.determination ? 'etik' : 'disiplin');
  }
  if (seen.size === 0 || tracks.size === 0) {
    for (const e of v.elections) if (electionCoversRegion(e, ballotRegion(v))) tracks.add(t < e.determination ? 'etik' : 'disiplin');
  }
  if (tracks.size === 0) return 'unknown';
  return tracks.size === 1 ? ([...tracks][0] as Track) : 'unknown';
}

/**
 * A finding whose every named candidate was still only prospective when the item was made (before
 * its election's pair registration opened: Election.registration, which KPU's imported lists set)
 * and whose item says nothing of a candidacy (contextPatterns.candidacy: "maju", "nyalon",
 * "relawan", "jalur perseorangan", the contest's words) does not stand. Those lists do not say
 * which candidate holds an office, and months before registration a post naming a sitting mayor
 * or governor is the office at work ("Terima kasih Pak Wali atas bantuannya"); one that speaks of
 * the candidacy ("Mas Budi arep maju Pilwalkot, tak dukung") is the ethics track's case.
 */
function prospectiveUnspoken(v: ItemView, candidates: readonly CandidateRef[], pack: RulePack): boolean {
  if (candidates.length === 0) return false;
  const t = viewTime(v);
  if (Number.isNaN(t)) return false;
  const byId = electionsById(pack);
  for (const c of candidates) {
    const elections = byId.get(c.election) ?? [];
    if (elections.length === 0 || elections.some((e) => e.registration === undefined || t >= e.registration)) return false;
  }
  return !v.fields.some((f) => pack.contextPatterns.candidacy.test(f.norm.text));
}

/** The activity's time in ms since the epoch (NaN: the item gives none), read once per view. */
function viewTime(v: ItemView): number {
  v.time ??= Date.parse(activityTime(v.item) ?? '');
  return v.time;
}

/** The registry's elections by id, made once per pack (trackOf, prospectiveUnspoken). */
const ELECTIONS_BY_ID = new WeakMap<RulePack, Map<string, Election[]>>();
function electionsById(pack: RulePack): Map<string, Election[]> {
  let map = ELECTIONS_BY_ID.get(pack);
  if (!map) {
    map = new Map();
    for (const e of pack.registry.elections) {
      const list = map.get(e.id);
      if (list) list.push(e);
      else map.set(e.id, [e]);
    }
    ELECTIONS_BY_ID.set(pack, map);
  }
  return map;
}

function memo<T>(fn: (name: string) => T): (name: string) => T {
  // made on first use: most rules the prefilter lets through ask nothing of an unless or exception
  let cache: Map<string, T> | undefined;
  return (name) => {
    cache ??= new Map<string, T>();
    let v = cache.get(name);
    if (v === undefined) {
      v = fn(name);
      cache.set(name, v);
    }
    return v;
  };
}
