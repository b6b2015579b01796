// Loading and compiling the rule pack: rule files, shared exceptions and candidate registries,
// validated once, with every literal term put into one matcher.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { readdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import RE2 from 're2';
import type { z } from 'zod';
import { sha256Hex } from '../model/hash.js';
import type { ItemKind } from '../model/item.js';
import { SpanField } from '../model/finding.js';
import { TermMatcher } from '../text/matcher.js';
import { termText } from '../text/term-text.js';
import { cliticForms, HOMOGRAPHS, inflectOf, nasalForms, type InflectMode, type WordClass } from '../text/morphology.js';
import { GlossTable, parseGlossLines, type Gloss, type GlossLanguage } from '../text/glosses.js';
import { cacheDir, imageBody, packCacheKey, packImage, readPackCache, readPackImage, writePackCache, type PackSourceFile } from './pack-cache.js';
import { fallbackRulesOf, lexiconSidesOf, markSidedMatchers } from './pack-sides.js';
import { decodePackParts, encodePackParts, type PackParts, type SharedPackArrays } from './pack-snapshot.js';
import { SLANG } from '../text/slang.js';
import { normalise } from '../text/normalise.js';
import { numberWords } from '../text/number-words.js';
import { cheapFirst, ConditionError, conditionNames, parseCondition, type Condition } from './condition.js';
import { contextPatternsOf, type ContextPatterns } from './context-patterns.js';
import { PLACEHOLDER, placeholderKeys } from './placeholders.js';
import { JUST_TOWARDS, tenureAfterSource, type ChoiceWords, type StanceGrammar, type TenureWords } from './stance.js';
import { compileRegistry, STANCE_LISTS, type CompiledRegistry, type RegistryTerm } from './registry.js';
import { applyAdditions, isAdditionsFile, parseAdditionsFile } from './registry-additions.js';
import { RegistryFile } from './registry-schema.js';
import { ExceptionFile, GlossFile, LexiconFile, RuleFile, type MatcherSpec, type RegistryList } from './schema.js';
import type { Stance } from './stance.js';
import { StanceModel, StanceModelFile } from './stance-model.js';
import { parseYamlFile, RuleFileError, type YamlLocator } from './yaml-file.js';
import type { RuleRecord } from '../store/types.js';

/** The rules/ folder shipped with netral (works from src/ under vitest and from dist/). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export interface CompiledMatcher {
  name: string;
  type: 'terms' | 'registry' | 'regex' | 'near' | 'kind' | 'context_kind' | 'event_response' | 'reaction' | 'has_media' | 'headline' | 'workplace_group' | 'after_vote' | 'reply_going' | 'handle_names' | 'pair_stance' | 'stance_model';
  fields: SpanField[];
  /** `fields` as a bit mask (spanFieldBit): evaluate.ts groups an item's fields by it */
  fieldMask: number;
  weight: number;
  lists?: ReadonlySet<RegistryList>;
  /** explicit scope; by default numbers and hand signs are 'election', the other lists 'any' */
  scope?: 'any' | 'election';
  minPairs?: number;
  /** registry: min_pairs counted within one election (schema.ts one_ballot) */
  oneBallot?: boolean;
  /** registry: holds only when the hits name every pair of one election of at least this many pairs (schema.ts all_pairs) */
  allPairs?: number;
  /** registry: only hits that are a whole hashtag */
  wholeHashtag?: boolean;
  /**
   * regex: the RE2, made by matcherRegex. A fresh compile makes it at once (a bad pattern is the rule
   * file's error); a pack restored from its cache, where every pattern compiled before, when the
   * matcher is first evaluated (a scan of a few items asks about a third of the 123).
   */
  regex?: RE2 | undefined;
  /** regex: the pattern and RE2 flags it is made from */
  regexSource?: { pattern: string; flags: string };
  near?: { names: string[]; within: number; inOrder: boolean; samePair: boolean; sameSentence: boolean; nextSentence: boolean };
  /** workplace_group: read from the chat's messages, not marked */
  inferred?: boolean;
  /** handle_names: only readings with a team or fan word among the pieces */
  handleTeam?: boolean;
  values?: ReadonlySet<string>;
  reason?: string;
  /** drop hits inside a quotation (terms, lexicons, regexes) */
  outsideQuotes?: boolean;
  /** terms: only hits in the place of a term of address, at a clause edge (evaluate.ts atClauseEdge) */
  vocative?: boolean;
  /** terms: no hit that is half of a reduplicated word (text/reduplication.ts) */
  notReduplicated?: boolean;
  /** headline: a sentence-case news lede shared with its link, not a title-case headline */
  lede?: boolean;
  /** terms: which affixed forms also match (inline terms; on a lexicon matcher, the override written in the rule) */
  inflect?: InflectMode;
  /** terms read from lexicons: each list's terms with the list's own inflection, or all with the matcher's override (lexiconModes) */
  termModes?: ModedTerms;
  /** terms read from shared word lists: their ids, and each list's words (a finding's per-pair stance reads them, never the matching) */
  lexicons?: readonly string[];
  lexiconTerms?: ReadonlyMap<string, readonly string[]>;
  /** terms from lexicons one of which takes a side (RulePack.lexiconSides): each list's words as termText reads them (pack-sides.ts) */
  sidedWords?: ReadonlyMap<string, ReadonlySet<string>>;
  /** attack words a negation denies ("tak pernah menyalahkan"): every hit ('all') or these words (pack-sides.ts) */
  verdictWords?: 'all' | ReadonlySet<string>;
  /** pair_stance: what counts as a mention, and the cue word lists (their terms are in the shared matcher under `key`) */
  stance?: {
    mode: 'mixed' | 'balanced' | 'taken';
    mentions: CompiledMatcher;
    minPairs: number;
    alike: ReadonlySet<Stance>;
    cues: Array<{ key: string; stance: 'support' | 'attack'; within: number; before: boolean; prohibited: boolean; values: ReadonlySet<string>; termModes: ModedTerms; lexicons: readonly string[] }>;
  };
  /** the side the matcher's meaning takes on the pair it binds to (schema.ts `side`; only the stance a finding shows reads it) */
  side?: 'support' | 'attack';
  /** a sided act or clause the condition does not read: it only says which way a finding leans */
  sideOnly?: boolean;
  /** stance_model: the loaded model, its threshold and what counts as a mention */
  model?: {
    model: StanceModel;
    minScore: number;
    mentions: CompiledMatcher;
    maxScore?: number;
    /**
     * sentence_mentions: a field whose every mention is an @handle at the text's edge is not scored,
     * unless one of these words (address terms, second-person pronouns) says the post speaks to someone
     */
    sentenceMentions?: ReadonlySet<string>;
  };
}

/** matchers that read what the item is or what was done with it (a reaction, a follow, an event response), not its words */
export const ACT_TYPES: ReadonlySet<CompiledMatcher['type']> = new Set(['kind', 'reaction', 'event_response']);

export interface CompiledRule {
  index: number;
  def: RuleFile;
  file: string;
  source: string;
  sha256: string;
  kinds: ReadonlySet<ItemKind>;
  matchers: ReadonlyMap<string, CompiledMatcher>;
  unless: ReadonlyMap<string, CompiledMatcher>;
  condition: Condition;
  locator: YamlLocator;
  /** the shared exceptions that apply to this rule, resolved once when the pack loads */
  exceptions: CompiledException[];
  /** the same exceptions as a set: a rule built on this one asks whether it honours an exception */
  honours: ReadonlySet<CompiledException>;
  /**
   * Prefilter (speed only, never changes a result): for each matcher of `match`, what must have
   * occurred in the item for it to possibly hold. evaluate() skips the rule when its condition is
   * certainly false given what occurred (see evaluate.ts gatedMayHold). Built once at compile time.
   */
  gate: ReadonlyMap<string, MatcherGate>;
}

/**
 * What a matcher needs to have occurred in the item: a hit of its own terms, a registry list, all
 * parts of a `near`, the item posted in a workplace group (marked, or read so from its chat's
 * messages: 'workplace_chat'), or nothing knowable (regex, kind …).
 * A slot's `fields` is the mask (spanFieldBit) of the fields its matcher reads: a term in another field does not open it.
 */
export type MatcherGate =
  | { type: 'slot'; slot: number; fields: number }
  | { type: 'lists'; lists: ReadonlySet<RegistryList>; scoped: boolean }
  | { type: 'all'; parts: MatcherGate[] }
  | { type: 'any'; parts: MatcherGate[] }
  | { type: 'workplace' }
  | { type: 'workplace_chat' }
  /** a name read inside an account name (handle_names): only an item with a target or chat name has one */
  | { type: 'handles' }
  | { type: 'free' };

export interface CompiledException {
  index: number;
  def: ExceptionFile;
  file: string;
  matchers: ReadonlyMap<string, CompiledMatcher>;
  condition: Condition;
  /**
   * The condition with its cheap matchers asked first (cheapFirst; the same value): an item's own
   * words before a shared registry or regex answer, a stance or a model last. evaluate.ts asks an
   * exception this way once per flagged item.
   */
  cheapCondition: Condition;
  /**
   * Prefilter of the exception's matchers (speed only, as CompiledRule.gate): evaluate.ts
   * exceptionHolds takes a matcher whose gate is closed on the item as false without computing it.
   * Built by matcherGates without slots: a terms matcher (its own hits are cheap to read) and a
   * pair_stance's cue lists stay open; registry lists, stance mentions, `near` parts, workplace
   * and handle gates close as a rule's do.
   */
  gate: ReadonlyMap<string, MatcherGate>;
}

/** Terms grouped by the inflection they take: one group per lexicon of a matcher or cue (lexiconModes). */
export type ModedTerms = ReadonlyArray<{ readonly inflect: InflectMode; readonly terms: readonly string[] }>;

/** A shared word list (rules/lexicons/<id>.yml) as rules use it. */
export interface Lexicon {
  terms: string[];
  inflect?: InflectMode;
  /** the entries' word class: the word sets built from the list also hold their clitic forms (lexiconWords) */
  paradigm?: WordClass;
}

/**
 * A lexicon as the word set the engine reads words one by one with (grammar, choice, reply words):
 * its terms, and with a `paradigm` each one-word term's clitic forms in that class (morphology.ts
 * cliticForms), so a list writes "pokok" once instead of "pokoknya", "pokoke", "pokoknye", "pokokna".
 * An entry written "=word" is kept as it is and takes no clitic.
 */
export function lexiconWords(lexicon: Lexicon | undefined): Set<string> {
  const out = new Set<string>();
  for (const term of lexicon?.terms ?? []) {
    const fixed = term.startsWith('=');
    const word = fixed ? term.slice(1) : term;
    out.add(word);
    if (lexicon?.paradigm && !fixed && !word.includes(' ')) for (const form of cliticForms(word, lexicon.paradigm)) out.add(form);
  }
  return out;
}

/** Who owns a term in the shared matcher. */
export type TermOwner =
  /** slot: the prefilter's number for a `match` terms matcher or a pair_stance cue list that has one (pack.ts pairStanceGate); -1 for `unless` */
  | { type: 'rule'; index: number; matcher: string; slot: number }
  | { type: 'exception'; index: number; matcher: string }
  | { type: 'registry'; term: RegistryTerm }
  /** words the engine itself looks for (reply cues of chat threads: ENGINE_LEXICONS) */
  | { type: 'cue'; lexicon: string };

/**
 * Lexicons the engine reads directly, not through a rule: the words of a chat reply that answer
 * the message before (penanda-tanggapan), that take its side or act on it (tanggapan-memihak), and
 * that decline, apologise or warn (tanggapan-menolak), see rules/reply-act.ts; the words that name
 * the regional or the presidential contest (sebutan-pilkada, sebutan-pilpres), see
 * rules/election-kind.ts; the second-term words (periode-kedua) that name an incumbent's pair,
 * see compileRegistry.
 */
/** The lexicon a chat is read as a workplace group by, from its messages (pipeline/chat-workplace.ts). */
export const WORKPLACE_CUES = 'rutinitas-kerja';
/** The lexicon of non-workplace groups (alumni, reunion, family): by name (t6 rules) and, in a chat's messages, against reading it as a workplace. */
export const NON_WORKPLACE_CUES = 'grup-bukan-kantor';
/** The lexicon of office titles in chat members' display names (pipeline/chat-workplace.ts). */
export const WORKPLACE_TITLES = 'jabatan-kerja';
/**
 * Work-talk words that are false friends in a regional language, each with the closed-class words
 * a message is read as that language by (pipeline/chat-workplace.ts): Sundanese "lembur" (village).
 */
export const WORKPLACE_FALSE_FRIENDS: ReadonlyArray<{ lang: string; terms: string; marks: string }> = [{ lang: 'sun', terms: 'kerja-serupa-sunda', marks: 'penanda-bahasa-sunda' }];

/**
 * The comparative markers ("lebih … daripada", "ketimbang"): a pair_stance cue from this list
 * ranks the pair after it below another; the pair named before it in the same sentence is the one
 * ranked above (evaluate.ts, a finding's per-pair stance; never the matching).
 */
export const COMPARATIVE_LEXICON = 'perbandingan';

/**
 * The verbs of saying that introduce someone else's words (src/text/reported-speech.ts): the news
 * attribution verbs (verba-lapor, which berita-media also reads) and the other verbs of saying
 * (verba-ujaran). normalise masks a short quote or a bahwa/kalau clause after them.
 */
export const SAY_VERB_LEXICONS: readonly string[] = ['verba-lapor', 'verba-ujaran'];
/** Address terms and titles before a name ("Pak Heru", "ade Marthen"): no sender is named by them (evaluate.ts addressedTopic). */
export const ADDRESS_LEXICON = 'kata-sapaan';
/** Second-person pronouns: with the address terms, a post that speaks to someone (stance_model sentence_mentions). */
export const SECOND_PERSON_LEXICON = 'kata-ganti-kedua';
/** The nouns of a thing that carries someone else's words (meme, broadcast, hoaks, akun …): reported-speech.ts sayVerbs. */
export const CONTENT_NOUNS_LEXICON = 'benda-ujaran';
/**
 * The words a chat reply hands the act it answers on to others by (reply-act.ts extendsAct): the
 * inviting verbs, the bringing and sharing verbs, the words of recipient, the people of a member's
 * circle and one's own household as recipients.
 */
export const HANDING_LEXICONS = { invite: 'verba-mengajak', hand: 'verba-meneruskan', recipient: 'kata-penerima', circle: 'orang-sekitar', household: 'kerabat-penerima' } as const;
/** The verbs of going along and the inclusive "we" a reply includes its writer in an outing by (reply-act.ts goesAlong). */
export const GOING_ALONG_LEXICONS = { verbs: 'verba-ikut', we: 'kata-ganti-kita', coming: 'verba-hadir' } as const;

/**
 * The attendance class a reply's yes is read with (reply-act.ts answeredGoing): the verbs of going
 * along and of coming, arriving and setting out (GOING_ALONG_LEXICONS verbs and coming), each root
 * with its active nasal forms (morphology.ts nasalForms: "ngikut", "mbudhal", "menghadir"), so the
 * paradigm is the lexicons' roots and the grammar's prefix, not a list of spellings.
 */
function attendanceClass(roots: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const root of roots) {
    out.add(root);
    if (/^[a-z]{4,}$/u.test(root)) for (const form of nasalForms(root)) if (!HOMOGRAPHS.has(form)) out.add(form);
  }
  return out;
}
/**
 * The words a writer's own choice of a pair is read by (stance.ts ChoiceWords): the adverbs of a
 * settled choice ("tetep 01", "fix 02": settledAt), the particles and the "with" of loyalty after
 * one ("tetap ji X", "tetap bersama X"), the ballot verbs right before the pair ("gue milih Abah":
 * choiceAt), the ballot words and forms of address between them ("milih nomor tiga", "dukung Pak
 * Budi"), the words that make a choice not the writer's own ("yang milih X") and the regional
 * deniers before a ballot verb, with the words that may stand between ("mboten purun milih X"); the
 * word "win" right after the pair and the modals that may stand between ("01 harus menang": winAt).
 */
export const CHOICE_LEXICONS = {
  settled: 'pilihan-tetap',
  particles: 'partikel-pilihan-tetap',
  with: 'bersama-pilihan',
  verbs: 'verba-memilih',
  titles: 'sebutan-pilihan',
  notOwn: 'pilihan-bukan-sendiri',
  deniers: 'penyangkal-pilihan',
  between: 'sela-penyangkal-pilihan',
  win: 'kata-menang',
  winBetween: 'sela-menang',
  loss: 'kata-kalah',
  just: 'pilihan-saja',
  cheers: 'sorak-nomor',
  settling: 'kata-pokok',
} as const;
/**
 * The grammar words a chat reply and a quote post's reaction are read with (reply-act.ts): the reply
 * negators, the prohibitives (the stance's own, STANCE_GRAMMAR_LEXICONS), the modals a negator may
 * govern before a reply word, the want verbs of taking up an offer, the "also" particles, the
 * words between a subject and its joining word, the doubt words of a question after an acceptance,
 * the openers, demonstratives and what follows them of a pointing reaction, and the spelled counts
 * of one's share of an offer.
 */
export const REPLY_GRAMMAR_LEXICONS = {
  negators: 'penyangkal-tanggapan',
  prohibitives: 'kata-larangan',
  modals: 'modal-tanggapan',
  want: 'verba-ingin',
  openers: 'pembuka-tunjukan',
  also: 'partikel-juga',
  between: 'sela-subjek-tindakan',
  doubt: 'penanda-ragu',
  demonstratives: 'penunjuk-kutipan',
  afterPointing: 'sesudah-penunjuk',
  count: 'bilangan-bagian',
  /** thanks, acknowledgements, greetings, blessings and particles: a follow-up of these only carries no act (evaluate.ts saysMoreThanCourtesy) */
  courtesy: 'ucapan-sopan',
  /** the plain yes that opens an answer ("Iyye Daeng, …"): a take-up of an offer when words of its own follow (evaluate.ts takesUp) */
  yes: 'jawaban-ya',
  /** the amen and the thanksgiving that open an answer ("Aamiin, …", "Alhamdulillah …"): they seal or celebrate the message answered (evaluate.ts blessingReply) */
  blessings: 'tanggapan-doa',
  /** the common good a blessing may turn to instead of a side ("yang terbaik", "damai", "siapapun"): evaluate.ts blessingReply */
  commonGood: 'doa-umum',
  /** the verbs of taking an act back ("copot", "hapus", "batal"): a follow-up with one does not carry the act on (evaluate.ts ownActCarriedOn) */
  retractions: 'tanggapan-menarik',
  /** the kinds of thing that are no pair's (a club, a team, a work item, another event): a follow-up or a question with one speaks of another object (evaluate.ts ownActCarriedOn) */
  otherObjects: 'objek-lain',
} as const;

/** The grammar word classes a cue's stance is read by (stance.ts StanceGrammar says what each is). */
export const STANCE_GRAMMAR_LEXICONS = {
  negators: 'penyangkal-ajakan',
  deniers: 'penyangkal-putusan',
  prohibitives: 'kata-larangan',
  addressees: 'kata-ganti-larangan',
  others: 'subjek-kutipan',
  reporting: 'verba-pelapor',
  auxiliaries: 'verba-bantu',
  questions: 'kata-tanya',
  restrictiveAfter: 'pembatas-sesudah',
  restrictiveBefore: 'pembatas-sebelum',
  prepositions: 'preposisi-sasaran',
  agentTak: 'sebelum-pelaku-tak',
} as const satisfies Record<Exclude<keyof StanceGrammar, 'contrastive'>, string>;

/**
 * The fixed words an account handle or page name is split into besides names and places
 * (handle-reader.ts PieceKind): team words, fan words and suffixes, fillers, a chapter's unit,
 * the pages that are no campaign's, and "no"/"nomor" before a ballot number.
 */
export const HANDLE_WORD_LEXICONS = {
  team: 'akun-kata-tim',
  fan: 'akun-kata-penggemar',
  filler: 'akun-kata-pengisi',
  chapter: 'akun-kata-cabang',
  stop: 'akun-bukan-kampanye',
  ballot: 'akun-kata-nomor',
} as const;

/** HANDLE_WORD_LEXICONS as word sets. */
export type HandleWords = { readonly [K in keyof typeof HANDLE_WORD_LEXICONS]: ReadonlySet<string> };

/** REPLY_GRAMMAR_LEXICONS as word sets. */
export type ReplyGrammar = { readonly [K in keyof typeof REPLY_GRAMMAR_LEXICONS]: ReadonlySet<string> };

/** The function words a title-case headline leaves in lower case (text/headline.ts isHeadlineShaped). */
export const HEADLINE_SMALL_WORDS_LEXICON = 'kata-kecil-judul';
/** "forget" after a prohibitive: a reminder, not a prohibition ("jangan lupa", "ojo lali": evaluate.ts readsOtherwise). */
export const FORGET_LEXICON = 'kata-lupa';
/** The words that say a quoted post is false ("ini hoaks": reply-act.ts readQuoteReaction). */
export const QUOTE_DENIAL_LEXICON = 'bantahan-kutipan';


export const ENGINE_LEXICONS = {
  replyCues: 'penanda-tanggapan',
  replySides: 'tanggapan-memihak',
  replyDeclines: 'tanggapan-menolak',
  pilkadaWords: 'sebutan-pilkada',
  pilpresWords: 'sebutan-pilpres',
  secondTerm: 'periode-kedua',
  /** words for the office holder who runs again: the incumbent's pair owns them (registry.ts pairTerms) */
  incumbent: 'sebutan-petahana',
  /** the writer's own "I" (a side-taking reply that says "me too" tells its own act: evaluate.ts sidingForm) */
  writer: 'kata-ganti-penulis',
} as const;

/** HANDING_LEXICONS as word sets (reply-act.ts extendsAct). */
export interface HandingWords {
  invite: ReadonlySet<string>;
  hand: ReadonlySet<string>;
  recipient: ReadonlySet<string>;
  /** the people an act is handed on to by invitation: a member's circle */
  circle: ReadonlySet<string>;
  /** the people a thing is shared out to after a recipient word: the circle and one's own household */
  recipients: ReadonlySet<string>;
}

function handingWordsOf(lexicons: ReadonlyMap<string, Lexicon>): HandingWords {
  const words = (id: string) => lexiconWords(lexicons.get(id));
  const circle = words(HANDING_LEXICONS.circle);
  return {
    invite: words(HANDING_LEXICONS.invite),
    hand: words(HANDING_LEXICONS.hand),
    recipient: words(HANDING_LEXICONS.recipient),
    circle,
    recipients: new Set([...circle, ...words(HANDING_LEXICONS.household)]),
  };
}

/** Each lexicon of `ids` as a word set. */
function wordSetsOf<K extends string>(lexicons: ReadonlyMap<string, Lexicon>, ids: Readonly<Record<K, string>>): Record<K, ReadonlySet<string>> {
  const out = {} as Record<K, ReadonlySet<string>>;
  for (const key of Object.keys(ids) as K[]) out[key] = lexiconWords(lexicons.get(ids[key]));
  return out;
}

function choiceWordsOf(lexicons: ReadonlyMap<string, Lexicon>): ChoiceWords {
  const words = (id: string) => lexiconWords(lexicons.get(id));
  const c = CHOICE_LEXICONS;
  return {
    settled: words(c.settled),
    particles: words(c.particles),
    with: words(c.with),
    verbs: words(c.verbs),
    titles: words(c.titles),
    notOwn: words(c.notOwn),
    deniers: words(c.deniers),
    between: words(c.between),
    win: words(c.win),
    winBetween: words(c.winBetween),
    loss: words(c.loss),
    // "just" as the text reads it: the normaliser writes "aja"/"aje" as "saja" (stance.ts justChosenAt)
    just: new Set([...words(c.just)].filter((w) => !w.includes(' ')).map((w) => normalise(w).text)),
    tails: numberWords().clauseTails,
    justAfter: new Set([...words(c.verbs), ...words(c.settled), ...words(ENGINE_LEXICONS.writer), ...words(GOING_ALONG_LEXICONS.verbs), ...JUST_TOWARDS]),
    cheers: words(c.cheers),
    settling: words(c.settling),
    writers: words(ENGINE_LEXICONS.writer),
    // Javanese colloquial ya/yo "also" ("aku yo 03": Robson 2002) beside the "also" particles
    writerBetween: new Set([...words(c.particles), ...words(c.settled), ...words(REPLY_GRAMMAR_LEXICONS.also), 'ya', 'yo']),
  };
}

export interface RulePack {
  rules: CompiledRule[];
  exceptions: CompiledException[];
  registry: CompiledRegistry;
  matcher: TermMatcher<TermOwner>;
  /** regional words read as Indonesian ones (rules/glosses/): findings name them */
  glosses: GlossTable;
  /** how many prefilter slots the rules' term matchers use (CompiledRule.gate) */
  gateSlots: number;
  /** the side each cue word list takes and the comparative markers (pack-sides.ts) */
  lexiconSides: LexiconSides;
  /** pack-sides.ts fallbackRulesOf */
  fallback: FallbackRules;
  /** work-routine words a chat is read as a workplace group by (lexicon rutinitas-kerja; pipeline/chat-workplace.ts) */
  workplaceCues: readonly string[];
  /** words of a reunion, alumni, arisan or family group: a chat that speaks of itself so is not read as a workplace (lexicon grup-bukan-kantor) */
  nonWorkplaceCues: readonly string[];
  /** office titles, units and professions in chat members' display names (lexicon jabatan-kerja; pipeline/chat-workplace.ts) */
  workplaceTitles: readonly string[];
  /** work-talk words of another sense in a regional language, with that language's marks (WORKPLACE_FALSE_FRIENDS) */
  workplaceFalseFriends: ReadonlyArray<{ lang: string; terms: readonly string[]; marks: readonly string[] }>;
  /** the verbs of saying that mark reported speech (SAY_VERB_LEXICONS; normalise's `say`) */
  sayVerbs: readonly string[];
  /** the nouns of a thing that carries others' words, a quotation after one is theirs (CONTENT_NOUNS_LEXICON; reported-speech.ts sayVerbs) */
  contentNouns: readonly string[];
  /** address terms and titles that name no one by themselves (ADDRESS_LEXICON) */
  addressWords: ReadonlySet<string>;
  /**
   * the words a counted tenure declared enough is read by (stance.ts tenureEndedAt), compiled once
   * from the matchers named by the `tenure` field of the rule that declares it; undefined when no
   * rule does
   */
  tenure?: TenureWords;
  /** the words a reply hands an act on to others by (HANDING_LEXICONS) */
  handingWords: HandingWords;
  /** the verbs of going along and the inclusive "we" (GOING_ALONG_LEXICONS) */
  goingAlong: { verbs: ReadonlySet<string>; we: ReadonlySet<string>; attend: ReadonlySet<string> };
  /** the words a writer's own choice of a pair is read by (CHOICE_LEXICONS) */
  choiceWords: ChoiceWords;
  /** "forget" after a prohibitive (FORGET_LEXICON) */
  forgetWords: ReadonlySet<string>;
  /** the grammar words a reply and a quote post's reaction are read with (REPLY_GRAMMAR_LEXICONS) */
  replyGrammar: ReplyGrammar;
  /** the fixed pieces of an account name (HANDLE_WORD_LEXICONS; handle-reader.ts) */
  handleWords: HandleWords;
  /** the grammar word classes a cue's stance is read by (STANCE_GRAMMAR_LEXICONS) */
  stanceGrammar: StanceGrammar;
  /** the context regexes around a registry hit, built from their lexicons (context-patterns.ts) */
  contextPatterns: ContextPatterns;
  /** the function words a title-case headline leaves in lower case (HEADLINE_SMALL_WORDS_LEXICON) */
  headlineSmallWords: ReadonlySet<string>;
  /** the words that say a quoted post is false (QUOTE_DENIAL_LEXICON) */
  quoteDenials: ReadonlySet<string>;
  /** sha256 over every loaded file, in load order */
  sha256: string;
  files: string[];
  /** where the pack was loaded from: a worker thread loads the same pack again (pipeline/eval-pool.ts) */
  source?: PackSource;
  /**
   * The pack's cache image (pack-cache.ts), made on first call: a worker thread given it restores
   * the pack without compiling it. Undefined when the pack cannot be cached (it had bad files).
   */
  image?: () => Uint8Array;
  /** a restored pack's large typed arrays, in SharedArrayBuffers: a worker thread restoring the same image uses them instead of copies of its own */
  sharedArrays?: SharedPackArrays;
}

/** The side of each cue word list by the rules' pair_stance cues (null: declared both ways), and the comparative markers as one regex. */
export interface LexiconSides {
  sides: ReadonlyMap<string, 'support' | 'attack' | null>;
  comparative: RegExp | undefined;
}

/**
 * The fallback rules (prohibition 3, building on none: their findings go beside a specific form) and
 * every rule id any rule supersedes (such a finding may go, so it does not decide that the fallback
 * findings go); evaluate.ts skips the fallback rules once a specific form stands.
 */
export interface FallbackRules {
  rules: ReadonlySet<CompiledRule>;
  superseded: ReadonlySet<string>;
}

/** The serialisable part of LoadOptions: enough to load the same pack in another thread. */
export type PackSource = Pick<LoadOptions, 'rulesDirs' | 'registryPaths' | 'extraRegistryPaths'>;

export interface LoadOptions {
  /** folders holding rule files (and exceptions/); default: the built-in rules/ */
  rulesDirs?: string[];
  /** registry files or folders; default: rules/registry/ of the first rules dir */
  registryPaths?: string[];
  /** registries added on top of the defaults (--registry) */
  extraRegistryPaths?: string[];
  /**
   * Collect every bad file here and go on with the good ones (`rules test` reports them all in one
   * pass); without it the first bad file throws.
   */
  collectErrors?: RuleFileError[];
  /** a cache image of this same pack (RulePack.image, from the main thread): used instead of the cache folder when its key matches */
  image?: Uint8Array;
  /** the main thread's RulePack.sharedArrays: the restore uses each in place of its own copy when their bytes are the same */
  shared?: SharedPackArrays;
}

const DEFAULT_WEIGHT: Record<CompiledMatcher['type'], number> = {
  terms: 0.3,
  registry: 0.45,
  regex: 0.3,
  near: 0.2,
  kind: 0,
  context_kind: 0,
  event_response: 0,
  reaction: 0,
  has_media: 0,
  headline: 0,
  workplace_group: 0.3,
  after_vote: 0,
  reply_going: 0.3,
  handle_names: 0.45,
  pair_stance: 0.3,
  stance_model: 0.15,
};
/**
 * What asking a matcher costs on an item, roughly: a lookup of its own words or a field of the
 * item (0), an answer shared by every rule that asks (registry, regex, headline: 1), a clause
 * over other matchers' hits (2), a stance over the pairs or a learned model (3).
 */
/** what asking a matcher of each type costs, roughly (cheapFirst's order) */
export const MATCHER_COST: Record<CompiledMatcher['type'], number> = {
  terms: 0,
  kind: 0,
  context_kind: 0,
  event_response: 0,
  reaction: 0,
  has_media: 0,
  workplace_group: 0,
  after_vote: 0,
  reply_going: 0,
  registry: 1,
  regex: 1,
  headline: 1,
  handle_names: 1,
  near: 2,
  pair_stance: 3,
  stance_model: 3,
};
const LIST_WEIGHT: Partial<Record<RegistryList, number>> = { slogans: 0.15, ambiguous: 0.1, parties: 0.2, numbers: 0.3, hand_signs: 0.3, events: 0.3, offices: 0.3 };
/** numbers and hand signs only mean a pair of the subject's own ballot (unless a matcher says scope: any) */
export const REGION_SCOPED: ReadonlySet<RegistryList> = new Set(['numbers', 'hand_signs', 'offices']);

export async function loadRulePack(options: LoadOptions = {}): Promise<RulePack> {
  // A fresh compile leaves 20-30 MB behind for the whole scan (each rule's parsed YAML document
  // kept for its locator, the compile's own structures). With a cache folder a cold pack is
  // compiled in a thread of its own whose heap goes when it ends; without one, or when that
  // thread fails, here. Either way the pack is then restored from the image the compile made,
  // the pack every warm start and every worker uses: the scan starts with a warm start's memory.
  if (options.image === undefined && !options.collectErrors && cacheDir() !== undefined) {
    const warm = await restoredPack(options);
    if (warm !== undefined) return warm;
    const image = await compileInThread({ ...(options.rulesDirs ? { rulesDirs: options.rulesDirs } : {}), ...(options.registryPaths ? { registryPaths: options.registryPaths } : {}), ...(options.extraRegistryPaths ? { extraRegistryPaths: options.extraRegistryPaths } : {}) });
    if (image !== undefined) return packOf({ ...options, image });
  }
  if (options.image !== undefined) return packOf(options);
  const loaded = await imageOrPack(options);
  // restored once the compile has returned: its structures are garbage then
  return loaded instanceof Uint8Array ? packOf({ ...options, image: loaded }) : loaded;
}

/** The cache image of a pack compiled afresh (undefined: it has errors or cannot be encoded); the compile thread's task. */
export async function compileImage(source: PackSource): Promise<Uint8Array | undefined> {
  const loaded = await imageOrPack(source);
  return loaded instanceof Uint8Array ? loaded : loaded.image?.();
}

const COMPILE_WORKER = fileURLToPath(new URL('./pack-compile-worker.js', import.meta.url));
/** compileImage in a thread of its own; undefined when the thread fails (the caller compiles, and reports any error). */
function compileInThread(source: PackSource): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    let image: Uint8Array | undefined;
    let worker: Worker;
    try {
      worker = new Worker(COMPILE_WORKER, { workerData: source });
    } catch {
      resolve(undefined);
      return;
    }
    worker.once('message', (m: Uint8Array | null) => {
      image = m ?? undefined;
    });
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(image?.length ? image : undefined));
  });
}

/** Every source file of a pack read (in load order) and hashed, and the sound cache image of them, if any. */
interface PackSources {
  rulesDirs: string[];
  files: Record<'rule' | 'exception' | 'lexicon' | 'registry' | 'model' | 'gloss', string[]>;
  /** each readable file's text (an unreadable one is absent: collected as an error) */
  texts: Map<string, string>;
  /** "<folder>/<file>:<sha256>" per file: the pack's identity */
  hash: string[];
  /** undefined: a file could not be read (such a pack is never cached) */
  cacheKey: string | undefined;
  /** the decoded cache image (the folder's, or LoadOptions.image when its key matches) */
  cached: PackParts | undefined;
}

/** Runs one file's step; a RuleFileError is collected (and the file skipped) when the options ask for that. */
function stepper(options: LoadOptions): (step: () => Promise<void> | void) => Promise<void> {
  return async (step) => {
    try {
      await step();
    } catch (err) {
      if (!(options.collectErrors && err instanceof RuleFileError)) throw err;
      options.collectErrors.push(err, ...err.more);
    }
  };
}

/** The pack restored from a cache image; undefined when there is none for its sources. */
async function restoredPack(options: LoadOptions): Promise<RulePack | undefined> {
  const sources = await readSources(options);
  return sources.cached ? (await assemblePack(options, sources)).pack : undefined;
}

/** The pack: restored from a cache image when there is one, else compiled afresh (and cached). */
async function packOf(options: LoadOptions): Promise<RulePack> {
  return (await assemblePack(options, await readSources(options))).pack;
}

/**
 * After a fresh compile that made a cache image, that image (the caller restores the pack from it
 * once the compile's structures are garbage); else the pack itself.
 */
async function imageOrPack(options: LoadOptions): Promise<Uint8Array | RulePack> {
  const { pack, made } = await assemblePack(options, await readSources(options));
  return made ?? pack;
}

async function readSources(options: LoadOptions): Promise<PackSources> {
  const rulesDirs = options.rulesDirs?.length ? options.rulesDirs : [BUILTIN_RULES_DIR];
  const ruleFiles: string[] = [];
  const exceptionFiles: string[] = [];
  const lexiconFiles: string[] = [];
  const defaultRegistry: string[] = [];
  const modelFiles: string[] = [];
  const glossFiles: string[] = [];
  for (const dir of rulesDirs) {
    modelFiles.push(...(await jsonFilesIn(path.join(dir, 'models'))));
    for (const f of await yamlFilesUnder(dir)) {
      const rel = path.relative(dir, f).split(path.sep);
      if (rel[0] === 'registry') defaultRegistry.push(f);
      else if (rel[0] === 'exceptions') exceptionFiles.push(f);
      else if (rel[0] === 'lexicons') lexiconFiles.push(f);
      else if (rel[0] === 'glosses') glossFiles.push(f);
      else ruleFiles.push(f);
    }
  }
  const registryFiles: string[] = [];
  for (const p of options.registryPaths ?? defaultRegistry) registryFiles.push(...(await yamlFilesUnder(p)));
  for (const p of options.extraRegistryPaths ?? []) registryFiles.push(...(await yamlFilesUnder(p)));

  const each = stepper(options);

  // every source is read first (synchronously: hundreds of small registry files, in load order):
  // their hashes are both the pack's identity and the cache key
  const hash = new Array<string>();
  const sources: PackSourceFile[] = [];
  const texts = new Map<string, string>();
  const read = (f: string, kind: PackSourceFile['kind']) => {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      throw new RuleFileError(f, undefined, undefined, `cannot read (${e.code ?? e.message})`);
    }
    const sha = sha256Hex(text);
    hash.push(`${f.split(path.sep).slice(-2).join('/')}:${sha}`);
    sources.push({ kind, path: f, sha256: sha });
    texts.set(f, text);
  };
  for (const f of registryFiles) await each(() => read(f, 'registry'));
  for (const f of lexiconFiles) await each(() => read(f, 'lexicon'));
  for (const f of glossFiles) await each(() => read(f, 'gloss'));
  for (const f of modelFiles) read(f, 'model');
  for (const f of ruleFiles) await each(() => read(f, 'rule'));
  for (const f of exceptionFiles) await each(() => read(f, 'exception'));

  // a pack with an unreadable file is never cached (its errors are the caller's to report)
  const allRead = texts.size === registryFiles.length + lexiconFiles.length + glossFiles.length + modelFiles.length + ruleFiles.length + exceptionFiles.length;
  const cacheKey = allRead ? packCacheKey(sources) : undefined;
  let cached: PackParts | undefined;
  if (cacheKey) {
    const given = options.image ? imageBody(cacheKey, options.image) : undefined;
    const found = given ? { image: options.image as Uint8Array, body: given } : readPackCache(cacheKey);
    try {
      cached = found ? decodePackParts(found.body, options.shared) : undefined;
    } catch {
      // a snapshot that does not hold together: compile afresh (and replace it)
      cached = undefined;
    }
  }

  return {
    rulesDirs,
    files: { rule: ruleFiles, exception: exceptionFiles, lexicon: lexiconFiles, registry: registryFiles, model: modelFiles, gloss: glossFiles },
    texts,
    hash,
    cacheKey,
    cached,
  };
}

/** The pack of these sources, and the cache image a fresh compile made (written to the cache folder too). */
async function assemblePack(options: LoadOptions, { rulesDirs, files, texts, hash, cacheKey, cached }: PackSources): Promise<{ pack: RulePack; made: Uint8Array | undefined }> {
  const { rule: ruleFiles, exception: exceptionFiles, lexicon: lexiconFiles, registry: registryFiles, model: modelFiles, gloss: glossFiles } = files;
  const each = stepper(options);
  const textOf = (f: string) => texts.get(f) as string;

  // learned models (models/<id>.json) rules refer to by id
  const models = new Map<string, StanceModel>();
  const modelData = cached ? cached.models : modelFiles.map((f) => ({ file: f, data: parseModelFile(f, textOf(f)) }));
  // a model whose inputs are other models (stance-id reads polaritas-nusax) is built after them
  let pending = modelData;
  while (pending.length > 0) {
    const ready = pending.filter(({ data }) => (data.inputs ?? []).every((i) => models.has(i.model)));
    if (ready.length === 0) {
      const { file: f, data } = pending[0] as (typeof pending)[number];
      const missing = (data.inputs ?? []).find((i) => !models.has(i.model))?.model;
      throw new RuleFileError(f, undefined, undefined, `input model "${missing}" is not in models/ (or the inputs go round in a circle)`);
    }
    for (const { file: f, data } of ready) {
      if (models.has(data.id)) throw new RuleFileError(f, undefined, undefined, `id "${data.id}" is already used by another model`);
      models.set(data.id, new StanceModel(data, models));
    }
    pending = pending.filter((p) => !ready.includes(p));
  }

  let lexicons: Map<string, Lexicon>;
  let glossList: Gloss[];
  let registry: CompiledRegistry;
  let ruleDefs: Array<{ file: string; def: RuleFile; locator: YamlLocator }>;
  let exceptionDefs: Array<{ file: string; def: ExceptionFile; locator: YamlLocator }>;
  if (cached) {
    // the cache only ever holds packs that compiled without a single error, so nothing below can fail
    lexicons = cached.lexicons;
    glossList = cached.glosses;
    registry = cached.registry;
    // a cached def's YAML is parsed again only when an error must point at one of its lines
    const located = <D>(defs: Array<{ file: string; def: D }>, schema: typeof RuleFile | typeof ExceptionFile) => defs.map((r) => ({ ...r, locator: lazyLocator(r.file, textOf(r.file), schema) }));
    ruleDefs = located(cached.rules, RuleFile);
    exceptionDefs = located(cached.exceptions, ExceptionFile);
  } else {
    const registries: Array<{ file: RegistryFile; path: string }> = [];
    const seenElections = new Map<string, string>();
    const additions: string[] = [];
    for (const f of registryFiles) {
      if (!texts.has(f)) continue;
      // a user's own names for pairs (pilkada-2024-<code>.local.yml): merged once every registry is read
      if (isAdditionsFile(f)) {
        additions.push(f);
        continue;
      }
      await each(() => {
        const data = parseYamlFile(f, textOf(f), RegistryFile).data;
        const earlier = seenElections.get(data.election.id);
        if (earlier) throw new RuleFileError(f, undefined, undefined, `election.id "${data.election.id}" is already defined in ${earlier}`);
        seenElections.set(data.election.id, f);
        registries.push({ file: data, path: f });
      });
    }
    for (const f of additions) await each(() => applyAdditions(registries, parseAdditionsFile(f, textOf(f))));
    lexicons = new Map<string, Lexicon>();
    for (const f of lexiconFiles) {
      if (!texts.has(f)) continue;
      await each(() => {
        const { data, locator } = parseYamlFile(f, textOf(f), LexiconFile);
        if (lexicons.has(data.id)) throw new RuleFileError(f, locator.locate(['id'])?.line, 1, `id "${data.id}" is already used by another lexicon`);
        lexicons.set(data.id, { terms: data.terms, ...(data.inflect ?? data.paradigm ? { inflect: data.inflect ?? inflectOf(data.paradigm as WordClass) } : {}), ...(data.paradigm ? { paradigm: data.paradigm } : {}) });
      });
    }
    glossList = [];
    const glossIds = new Map<string, string>();
    for (const f of glossFiles) {
      if (!texts.has(f)) continue;
      await each(() => {
        const { data, locator } = parseYamlFile(f, textOf(f), GlossFile);
        const earlier = glossIds.get(data.id);
        if (earlier) throw new RuleFileError(f, locator.locate(['id'])?.line, 1, `id "${data.id}" is already used by ${earlier}`);
        glossIds.set(data.id, f);
        glossList.push(...glossesOf(data, f, locator));
      });
    }
    registry = compileRegistry(registries, knownWords(lexicons), { secondTerm: lexicons.get(ENGINE_LEXICONS.secondTerm)?.terms ?? [], incumbent: lexicons.get(ENGINE_LEXICONS.incumbent)?.terms ?? [] });
    /** every readable file parsed with its schema, in order (a bad one collected or thrown by `each`) */
    const parseAll = async <D>(files: string[], schema: z.ZodType<D>) => {
      const defs: Array<{ file: string; def: D; locator: YamlLocator }> = [];
      for (const f of files) {
        if (!texts.has(f)) continue;
        await each(() => {
          const { data, locator } = parseYamlFile(f, textOf(f), schema);
          defs.push({ file: f, def: data, locator });
        });
      }
      return defs;
    };
    ruleDefs = await parseAll(ruleFiles, RuleFile);
    exceptionDefs = await parseAll(exceptionFiles, ExceptionFile);
  }

  const rules: CompiledRule[] = [];
  const seenRules = new Map<string, string>();
  for (const { file: f, def: data, locator } of ruleDefs) {
    await each(() => {
      const earlier = seenRules.get(data.id);
      if (earlier) throw new RuleFileError(f, locator.locate(['id'])?.line, 1, `id "${data.id}" is already used by ${earlier}`);
      seenRules.set(data.id, f);
      rules.push(compileRule(data, f, textOf(f), locator, rules.length, lexicons, models, cached !== undefined));
    });
  }

  const exceptions: CompiledException[] = [];
  for (const { file: f, def: data, locator } of exceptionDefs) {
    await each(() => {
      const matchers = compileMatchers(data.match, data.fields, f, locator, ['match'], lexicons, new Map(), cached !== undefined);
      // an exception makes no finding, so it has no pair to take a side on
      const sided = [...matchers.values()].find((m) => m.side);
      if (sided) throw new RuleFileError(f, locator.locate(['match', sided.name])?.line, 1, `match.${sided.name}: side is read only in a rule's match`);
      const condition = compileCondition(data.condition, [...matchers.keys()], f, locator);
      if (data.mentions_within !== undefined && !matchers.has(data.mentions_within)) {
        throw new RuleFileError(f, locator.locate(['mentions_within'])?.line, 1, `mentions_within: no matcher "${data.mentions_within}" in match`);
      }
      exceptions.push({ index: exceptions.length, def: data, file: f, matchers, condition, cheapCondition: cheapFirst(condition, (name) => MATCHER_COST[matchers.get(name)?.type ?? 'terms']), gate: matcherGates(matchers, undefined) });
    });
  }
  for (const rule of rules) {
    await each(() => {
      for (const id of rule.def.exceptions) {
        if (id !== '*' && !exceptions.some((e) => e.def.id === id)) {
          throw new RuleFileError(rule.file, rule.locator.locate(['exceptions'])?.line, 1, `exceptions: no shared exception "${id}" in exceptions/`);
        }
      }
    });
    rule.exceptions = exceptionsFor(rule.def, exceptions);
    rule.honours = new Set(rule.exceptions);
    for (const id of rule.def.supersedes ?? []) {
      if (!seenRules.has(id)) throw new RuleFileError(rule.file, rule.locator.locate(['supersedes'])?.line, 1, `supersedes: no rule "${id}"`);
    }
  }

  const lexiconSides = lexiconSidesOf(rules);
  markSidedMatchers(rules, lexiconSides);

  // the terms of the one shared matcher (a cached pack has its matcher already: only the gates are made)
  const terms: Array<{ term: string; owner: TermOwner; inflect?: InflectMode; gloss?: boolean }> = [];
  if (!cached) for (const t of registry.terms) terms.push({ term: t.term, owner: { type: 'registry', term: t } });
  let slots = 0;
  for (const r of rules) {
    // a cue list's slot (by its key, as termHitsOf reads it), whichever matcher's terms carry that key
    const cueSlots = new Map<string, number>();
    r.gate = matcherGates(r.matchers, () => slots++, cueSlots);
    if (cached) continue;
    for (const m of r.matchers.values()) {
      const gate = r.gate.get(m.name);
      const slot = gate?.type === 'slot' ? gate.slot : -1;
      if (m.type === 'terms') matcherTerms(m, () => ({ type: 'rule', index: r.index, matcher: m.name, slot }), terms);
      stanceCueTerms(m, (matcher) => ({ type: 'rule', index: r.index, matcher, slot: cueSlots.get(matcher) ?? -1 }), terms);
    }
    for (const m of r.unless.values()) {
      if (m.type === 'terms') matcherTerms(m, () => ({ type: 'rule', index: r.index, matcher: m.name, slot: -1 }), terms);
      stanceCueTerms(m, (matcher) => ({ type: 'rule', index: r.index, matcher, slot: cueSlots.get(matcher) ?? -1 }), terms);
    }
  }
  if (!cached) {
    for (const id of Object.values(ENGINE_LEXICONS)) {
      const cues = lexicons.get(id);
      for (const term of cues?.terms ?? []) terms.push(ruleTerm(term, cues?.inflect, { type: 'cue', lexicon: id }));
    }
    for (const e of exceptions) {
      for (const m of e.matchers.values()) {
        if (m.type === 'terms') matcherTerms(m, () => ({ type: 'exception', index: e.index, matcher: m.name }), terms);
        stanceCueTerms(m, (matcher) => ({ type: 'exception', index: e.index, matcher }), terms);
      }
    }
  }
  // with collected errors the caller reports them; an empty pack is theirs to judge
  if (rules.length === 0 && !options.collectErrors?.length) throw new RuleFileError(rulesDirs.join(', '), undefined, undefined, 'no rule files found');

  const glosses = new GlossTable(glossList, cached !== undefined);
  const matcher = cached ? cached.matcher : new TermMatcher(terms, undefined, glosses);
  const parts: PackParts = {
    lexicons,
    // normalised and filtered (GlossTable.glosses): a restored pack's table takes them as they are
    glosses: [...glosses.glosses],
    rules: ruleDefs.map(({ file, def }) => ({ file, def })),
    exceptions: exceptionDefs.map(({ file, def }) => ({ file, def })),
    models: modelData,
    registry,
    matcher,
  };
  // only a pack without a single bad file is cached (and handed to workers as an image)
  const cacheable = cacheKey !== undefined && !options.collectErrors?.length;
  const made = cacheable && cacheKey !== undefined && !cached ? encodedImage(cacheKey, parts) : undefined;
  if (made && cacheKey !== undefined) writePackCache(cacheKey, made);
  // The image is not kept with the pack: its ~11 MB (every Pilkada region) stayed in each thread's
  // RSS for the whole scan, the main thread's for the workers it might start and each worker's for
  // nothing (the restored pack holds its own copies: decodePackParts). `image()` reads the cache
  // file again (the worker checks it: a damaged one is compiled afresh), or encodes the pack when
  // there is no cache file.
  // (made outside this function: a closure made here would keep everything the compile's
  // closures share, the text of every source file and the options with any image given)
  const image = cacheable && cacheKey !== undefined ? imageOf(cacheKey, parts) : undefined;

  const contextPatterns = contextPatternsOf((id) => [...lexiconWords(lexicons.get(id))]);
  const pack: RulePack = {
    rules,
    exceptions,
    registry,
    matcher,
    glosses,
    gateSlots: slots,
    lexiconSides,
    fallback: fallbackRulesOf(rules),
    workplaceCues: lexicons.get(WORKPLACE_CUES)?.terms ?? [],
    nonWorkplaceCues: lexicons.get(NON_WORKPLACE_CUES)?.terms ?? [],
    workplaceTitles: lexicons.get(WORKPLACE_TITLES)?.terms ?? [],
    workplaceFalseFriends: WORKPLACE_FALSE_FRIENDS.flatMap((f) => {
      const terms = lexicons.get(f.terms)?.terms ?? [];
      return terms.length ? [{ lang: f.lang, terms, marks: lexicons.get(f.marks)?.terms ?? [] }] : [];
    }),
    sayVerbs: SAY_VERB_LEXICONS.flatMap((id) => lexicons.get(id)?.terms ?? []),
    contentNouns: [...lexiconWords(lexicons.get(CONTENT_NOUNS_LEXICON))],
    addressWords: lexiconWords(lexicons.get(ADDRESS_LEXICON)),
    ...tenureOf(rules),
    handingWords: handingWordsOf(lexicons),
    goingAlong: {
      verbs: lexiconWords(lexicons.get(GOING_ALONG_LEXICONS.verbs)),
      we: lexiconWords(lexicons.get(GOING_ALONG_LEXICONS.we)),
      attend: attendanceClass([...(lexicons.get(GOING_ALONG_LEXICONS.verbs)?.terms ?? []), ...(lexicons.get(GOING_ALONG_LEXICONS.coming)?.terms ?? [])]),
    },
    choiceWords: choiceWordsOf(lexicons),
    forgetWords: lexiconWords(lexicons.get(FORGET_LEXICON)),
    replyGrammar: wordSetsOf(lexicons, REPLY_GRAMMAR_LEXICONS),
    handleWords: wordSetsOf(lexicons, HANDLE_WORD_LEXICONS),
    stanceGrammar: { ...wordSetsOf(lexicons, STANCE_GRAMMAR_LEXICONS), contrastive: contextPatterns.contrastive },
    contextPatterns,
    headlineSmallWords: lexiconWords(lexicons.get(HEADLINE_SMALL_WORDS_LEXICON)),
    quoteDenials: lexiconWords(lexicons.get(QUOTE_DENIAL_LEXICON)),
    sha256: sha256Hex(hash.join('\n')),
    files: [...registryFiles, ...glossFiles, ...modelFiles, ...ruleFiles, ...exceptionFiles],
    source: {
      ...(options.rulesDirs ? { rulesDirs: options.rulesDirs } : {}),
      ...(options.registryPaths ? { registryPaths: options.registryPaths } : {}),
      ...(options.extraRegistryPaths ? { extraRegistryPaths: options.extraRegistryPaths } : {}),
    },
    ...(image ? { image } : {}),
    ...(cached?.shared ? { sharedArrays: cached.shared } : {}),
  };
  return { pack, made };
}

/** A regex matcher's RE2 (CompiledMatcher.regex), made on first use in a restored pack. */
export function matcherRegex(m: CompiledMatcher): RE2 {
  if (m.regex === undefined) {
    if (!m.regexSource) throw new Error(`matcher ${m.name} has no regex`);
    m.regex = new RE2(m.regexSource.pattern, m.regexSource.flags);
  }
  return m.regex;
}

/**
 * The tenure words of the rule whose `tenure` field names them (compileRule checked that they are
 * regex matchers of its own), compiled once for the pack.
 */
function tenureOf(rules: readonly CompiledRule[]): { tenure?: TenureWords } {
  const [rule, other] = rules.filter((r) => r.def.tenure);
  if (other) throw new RuleFileError(other.file, other.locator.locate(['tenure'])?.line, 1, `tenure: already declared by ${rule?.def.id ?? '?'} (one rule of a pack names the tenure words)`);
  const names = rule?.def.tenure;
  if (!rule || !names) return {};
  const source = (name: string) => {
    const m = rule.matchers.get(name);
    return m?.type === 'regex' ? matcherRegex(m).source : '';
  };
  // no `g`: test() keeps no lastIndex between calls
  return { tenure: { count: new RE2(source(names.count), 'u'), after: new RE2(tenureAfterSource(source(names.enough), source(names.change)), 'u') } };
}

/** The pack's cache image; undefined when it cannot be encoded. */
function encodedImage(cacheKey: string, parts: PackParts): Uint8Array | undefined {
  try {
    return packImage(cacheKey, encodePackParts(parts));
  } catch {
    return undefined;
  }
}

/** RulePack.image: the cache file read again, or the pack encoded when there is none. */
function imageOf(cacheKey: string, parts: PackParts): () => Uint8Array {
  return () => readPackImage(cacheKey) ?? encodedImage(cacheKey, parts) ?? new Uint8Array(0);
}

/** Where a field of a file is, found by parsing it only when asked (a cached pack never parsed it). */
function lazyLocator(file: string, text: string, schema: typeof RuleFile | typeof ExceptionFile): YamlLocator {
  let real: YamlLocator | undefined;
  return {
    locate(at) {
      real ??= parseYamlFile(file, text, schema).locator;
      return real.locate(at);
    },
  };
}

/**
 * A rule or lexicon term also matches its cliticised forms ("mobil" → "mobilku", "kaosna"), and
 * with `inflect: verb` its affixed verb forms ("bagi" → "dibagikan", "dibagikeun"); a term written
 * with a leading "=" matches only as written ("=sekelas": "sekelasku" is a classmate, not the
 * sneer). Registry names are never inflected.
 */
function ruleTerm(term: string, mode: InflectMode | undefined, owner: TermOwner): { term: string; owner: TermOwner; inflect: InflectMode; gloss: boolean } {
  return term.startsWith('=') ? { term: term.slice(1), owner, inflect: 'none', gloss: false } : { term, owner, inflect: mode ?? 'clitics', gloss: true };
}

/** The glosses of a gloss file, one per (language, Indonesian word, regional form); a bad line names itself. */
function glossesOf(data: GlossFile, file: string, locator: YamlLocator): Gloss[] {
  const out: Gloss[] = [];
  for (const [lang, block] of Object.entries(data.glosses) as Array<[GlossLanguage, string]>) {
    const parsed = parseGlossLines(block);
    if ('bad' in parsed) {
      const at = locator.locate(['glosses', lang])?.line;
      throw new RuleFileError(file, at === undefined ? undefined : at + parsed.bad.line, 1, `glosses.${lang}: "${parsed.bad.text}" is not "indonesian: regional form, form"`);
    }
    for (const { target, forms } of parsed.entries) for (const form of forms) out.push({ lang, target, form });
  }
  return out;
}

/** The cue words of a pair_stance matcher, each under its cue's key (unknown to the prefilter: slot -1). */
function stanceCueTerms(m: CompiledMatcher, owner: (matcher: string) => TermOwner, terms: Array<{ term: string; owner: TermOwner; inflect?: InflectMode; gloss?: boolean }>): void {
  for (const cue of m.stance?.cues ?? []) modedTerms(cue.termModes, () => owner(cue.key), terms);
}

/**
 * A terms matcher's words for the shared matcher: inline terms with the matcher's inflection, a
 * lexicon's with its own (termModes). `owner` makes each term's owner (one object per term, as before).
 */
function matcherTerms(m: CompiledMatcher, owner: () => TermOwner, terms: Array<{ term: string; owner: TermOwner; inflect?: InflectMode; gloss?: boolean }>): void {
  if (m.termModes) modedTerms(m.termModes, owner, terms);
  else for (const term of m.values ?? []) terms.push(ruleTerm(term, m.inflect, owner()));
}

/**
 * Each group's terms with the group's inflection. A word two lists of one matcher share goes in
 * once per mode that adds forms: the matcher gives the owner the forms of both (a word of a verb
 * list keeps its verb forms beside a clitics list that also has it); a mode another covers adds
 * nothing and is left out, so the owner is not listed twice for the same forms.
 */
function modedTerms(groups: ModedTerms, owner: () => TermOwner, terms: Array<{ term: string; owner: TermOwner; inflect?: InflectMode; gloss?: boolean }>): void {
  const modes = new Map<string, InflectMode[]>();
  for (const g of groups) {
    for (const term of g.terms) {
      const had = modes.get(term) ?? [];
      if (had.some((m) => covers(m, g.inflect))) continue;
      modes.set(term, [...had.filter((m) => !covers(g.inflect, m)), g.inflect]);
    }
  }
  for (const [term, ms] of modes) for (const m of ms) terms.push(ruleTerm(term, m, owner()));
}

/** Does mode `a` read every form `b` reads? 'verb' and 'derive' both add to the clitics, each its own forms. */
function covers(a: InflectMode, b: InflectMode): boolean {
  return a === b || b === 'none' || (b === 'clitics' && (a === 'verb' || a === 'derive'));
}

function compileRule(
  def: RuleFile,
  file: string,
  source: string,
  locator: YamlLocator,
  index: number,
  lexicons: ReadonlyMap<string, Lexicon>,
  models: ReadonlyMap<string, StanceModel>,
  lazyRegex: boolean,
): CompiledRule {
  const matchers = compileMatchers(def.match, def.applies_to.fields, file, locator, ['match'], lexicons, models, lazyRegex);
  const unless = compileMatchers(def.unless, def.applies_to.fields, file, locator, ['unless'], lexicons, new Map(), lazyRegex);
  for (const [name, spec] of Object.entries(def.unless)) {
    (unless.get(name) as CompiledMatcher).reason = (spec as { reason: string }).reason;
  }
  const condition = compileCondition(def.condition, [...matchers.keys()], file, locator);
  // a matcher nobody uses is a mistake (Sigma "dangling detection")
  const used = conditionNames(condition);
  for (const m of matchers.values()) m.near?.names.forEach((n) => used.add(n));
  for (const name of def.act_when ?? []) {
    if (!matchers.has(name)) throw new RuleFileError(file, locator.locate(['act_when'])?.line, 1, `act_when: no matcher "${name}" in match`);
    used.add(name);
  }
  for (const [key, name] of Object.entries(def.tenure ?? {})) {
    if (matchers.get(name)?.type !== 'regex') throw new RuleFileError(file, locator.locate(['tenure', key])?.line, 1, `tenure.${key}: no regex matcher "${name}" in match`);
    used.add(name);
  }
  if (def.venue) {
    for (const name of venueAddressed(def.venue)) {
      if (!matchers.has(name)) throw new RuleFileError(file, locator.locate(['venue', 'addressed'])?.line, 1, `venue.addressed: no matcher "${name}" in match`);
      used.add(name);
    }
  }
  // an act with a side (a reaction, a follow), a clause or a word list with one may stay out of the
  // condition: it then only says which way the finding leans on its pair (evaluate.ts declaredSides)
  for (const m of matchers.values()) {
    if (!m.side || used.has(m.name) || !(ACT_TYPES.has(m.type) || m.type === 'near' || m.type === 'terms' || m.type === 'regex')) continue;
    m.sideOnly = true;
    used.add(m.name);
  }
  for (const name of matchers.keys()) {
    if (!used.has(name)) throw new RuleFileError(file, locator.locate(['match', name])?.line, 1, `match.${name}: not used by the condition`);
  }
  // explanation placeholders must resolve
  for (const lang of ['id', 'en'] as const) {
    for (const m of def.explain[lang].matchAll(PLACEHOLDER)) {
      // {{matched.a|b}}: each alternative is checked as {{matched.a}}, {{matched.b}}
      for (const key of placeholderKeys(m[1] as string)) {
        const ok =
          ['item.kind', 'item.platform', 'candidate.name', 'candidate.number', 'candidate.election', 'legal_basis', 'track', 'skb_form', 'evidence'].includes(key) ||
          // only a matcher the condition names directly keeps words of its own: one used only inside a
          // `near` has its words filed under the near matcher, so its placeholder would render "-"
          (key.startsWith('matched.') && used.has(key.slice(8)) && conditionNames(condition).has(key.slice(8))) ||
          (key.startsWith('score.') && matchers.get(key.slice(6))?.type === 'stance_model');
        if (!ok && key.startsWith('matched.') && matchers.has(key.slice(8))) {
          throw new RuleFileError(file, locator.locate(['explain', lang])?.line, 1, `explain.${lang}: {{${key}}} names a matcher the condition does not use directly, so it has no words of its own (use a matcher of the condition or {{evidence}})`);
        }
        if (!ok) throw new RuleFileError(file, locator.locate(['explain', lang])?.line, 1, `explain.${lang}: unknown placeholder {{${key}}}`);
      }
    }
  }
  return {
    index,
    def,
    file,
    source,
    sha256: sha256Hex(source),
    kinds: new Set(def.applies_to.kinds),
    matchers,
    unless,
    condition,
    locator,
    exceptions: [],
    honours: new Set(),
    gate: new Map(),
  };
}

/** One bit per span field, for the prefilter's per-slot field masks. */
export function spanFieldBit(field: SpanField): number {
  return 1 << SpanField.options.indexOf(field);
}

/** The bit mask of a list of fields (CompiledMatcher.fieldMask). */
export function fieldMaskOf(fields: readonly SpanField[]): number {
  let mask = 0;
  for (const f of fields) mask |= spanFieldBit(f);
  return mask;
}

/**
 * The prefilter gates of a rule's matchers; term matchers get a slot number from `nextSlot`, and so
 * do the cue lists of a pair_stance matcher that needs a side (`cueSlots`: each cue key's slot).
 * Without `nextSlot` (an exception's matchers: their terms own no slot) a terms matcher is free and
 * a pair_stance matcher needs its mentions only (a superset of what the slotted gate lets through).
 */
function matcherGates(matchers: ReadonlyMap<string, CompiledMatcher>, nextSlot: (() => number) | undefined, cueSlots: Map<string, number> = new Map()): Map<string, MatcherGate> {
  const gates = new Map<string, MatcherGate>();
  const gateOf = (m: CompiledMatcher): MatcherGate => {
    const known = gates.get(m.name);
    if (known) return known;
    let g: MatcherGate;
    if (m.type === 'terms') g = nextSlot === undefined ? { type: 'free' } : { type: 'slot', slot: nextSlot(), fields: m.fieldMask };
    // a registry matcher of explicit scope 'any' reads every ballot's numbers and hand signs; the
    // others (mentions of stance matchers too) only those of the item's ballot (inBallotScope)
    else if (m.type === 'registry') g = { type: 'lists', lists: m.lists ?? new Set(), scoped: m.scope !== 'any' };
    else if (m.type === 'near') g = { type: 'all', parts: (m.near?.names ?? []).map((n) => { const part = matchers.get(n); return part ? gateOf(part) : { type: 'free' as const }; }) };
    // stance per pair and the stance model see nothing without a mention of a pair (their own registry matcher)
    else if (m.type === 'pair_stance' && m.stance) g = pairStanceGate(m.stance, m.fieldMask, nextSlot, cueSlots);
    else if (m.type === 'stance_model' && m.model) g = { type: 'lists', lists: m.model.mentions.lists ?? new Set(), scoped: m.model.mentions.scope !== 'any' };
    else if (m.type === 'workplace_group') g = m.inferred ? { type: 'workplace_chat' } : { type: 'workplace' };
    else if (m.type === 'handle_names') g = { type: 'handles' };
    else g = { type: 'free' };
    gates.set(m.name, g);
    return g;
  };
  for (const m of matchers.values()) gateOf(m);
  return gates;
}

/**
 * A pair_stance matcher's gate. It needs a mention of a pair (its mention lists). A side taken
 * ('taken', 'mixed') needs more: a pair's stance is 'none' unless its support and attack counts
 * differ (stance.ts pairStances), and a count rises only from a cue hit (a term of a cue list, in
 * the fields the matcher reads) or from a mention whose term carries a stance (STANCE_LISTS). So
 * such a matcher cannot hold where neither occurred, whatever the mention is — an everyday word
 * that is a regional candidate's ambiguous short form ("bulan", "minggu") beside no cue opens
 * nothing. 'balanced' holds on neutral mentions too: its mentions alone.
 */
function pairStanceGate(spec: NonNullable<CompiledMatcher['stance']>, fields: number, nextSlot: (() => number) | undefined, cueSlots: Map<string, number>): MatcherGate {
  const lists = spec.mentions.lists ?? new Set<RegistryList>();
  const mentioned: MatcherGate = { type: 'lists', lists, scoped: spec.mentions.scope !== 'any' };
  // no slots (an exception's cues): the mentions alone, open whatever side was taken
  if (spec.mode === 'balanced' || nextSlot === undefined) return mentioned;
  const sides: MatcherGate[] = spec.cues.map((cue) => {
    let slot = cueSlots.get(cue.key);
    if (slot === undefined) cueSlots.set(cue.key, (slot = nextSlot()));
    return { type: 'slot', slot, fields };
  });
  const sided = [...lists].filter((l) => STANCE_LISTS.has(l));
  // unscoped: a stance mention of another ballot still opens it (a superset of what the mentions keep)
  if (sided.length > 0) sides.push({ type: 'lists', lists: new Set(sided), scoped: false });
  return { type: 'all', parts: [mentioned, { type: 'any', parts: sides }] };
}

/** Shared exceptions a rule honours (its `exceptions` list) that also target it (id, tN prefix or '*'). */
function exceptionsFor(def: RuleFile, all: CompiledException[]): CompiledException[] {
  const prefix = def.id.split('-')[0] ?? '';
  return all.filter(
    (ex) => (def.exceptions.includes('*') || def.exceptions.includes(ex.def.id)) && ex.def.rules.some((r) => r === '*' || r === def.id || r === prefix),
  );
}

function compileCondition(source: string, names: string[], file: string, locator: YamlLocator): Condition {
  try {
    return parseCondition(source, names);
  } catch (err) {
    if (err instanceof ConditionError) throw new RuleFileError(file, locator.locate(['condition'])?.line, 1, `condition: ${err.message}`);
    throw err;
  }
}

function compileMatchers(
  specs: Record<string, MatcherSpec>,
  defaultFields: SpanField[],
  file: string,
  locator: YamlLocator,
  at: string[],
  lexicons: ReadonlyMap<string, Lexicon>,
  models: ReadonlyMap<string, StanceModel> = new Map(),
  /** the pack is restored from its cache: every regex compiled there, so each is made on first use (matcherRegex) */
  lazyRegex = false,
): Map<string, CompiledMatcher> {
  const out = new Map<string, CompiledMatcher>();
  const lexiconTerms = (ids: string | string[]): Set<string> => {
    const values = new Set<string>();
    for (const id of Array.isArray(ids) ? ids : [ids]) {
      const lexicon = lexicons.get(id);
      if (!lexicon) throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: no lexicon "${id}" in lexicons/`);
      lexicon.terms.forEach((w) => values.add(w));
    }
    return values;
  };
  // each list keeps its own choice of affixed forms (a verb list its verb forms beside a clitics
  // list in one matcher: until stop 44 the narrowest mode of the lists held for all of them); a
  // matcher's own `inflect` overrides every list's
  const lexiconModes = (ids: string[], override: InflectMode | undefined): ModedTerms =>
    ids.map((id) => {
      const lexicon = lexicons.get(id) as Lexicon;
      return { inflect: override ?? lexicon.inflect ?? 'clitics', terms: lexicon.terms };
    });
  let name = '';
  const where = () => locator.locate([...at, name])?.line;
  for (const [matcherName, spec] of Object.entries(specs)) {
    name = matcherName;
    const fields = ('fields' in spec && spec.fields) || defaultFields;
    // a side says what a matching word does to a pair a finding names: an exception has no finding to say it of
    if ('side' in spec && spec.side && at[0] !== 'match') throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: side is read only in match`);
    const base = { name, fields, fieldMask: fieldMaskOf(fields), ...('outside_quotes' in spec && spec.outside_quotes ? { outsideQuotes: true } : {}), ...('vocative' in spec && spec.vocative ? { vocative: true } : {}), ...('not_reduplicated' in spec && spec.not_reduplicated ? { notReduplicated: true } : {}), ...('side' in spec && spec.side ? { side: spec.side } : {}) };
    if ('terms' in spec) {
      const dup = spec.terms.find((t, i) => spec.terms.indexOf(t) !== i);
      if (dup) throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: term "${dup}" listed twice`);
      out.set(name, { ...base, type: 'terms', values: new Set(spec.terms), weight: spec.weight ?? DEFAULT_WEIGHT.terms, ...(spec.inflect ? { inflect: spec.inflect } : {}) });
    } else if ('lexicon' in spec) {
      // a shared word list behaves exactly like an inline terms list
      const ids = Array.isArray(spec.lexicon) ? spec.lexicon : [spec.lexicon];
      const values = lexiconTerms(ids);
      out.set(name, { ...base, type: 'terms', values, weight: spec.weight ?? DEFAULT_WEIGHT.terms, ...(spec.inflect ? { inflect: spec.inflect } : {}), termModes: lexiconModes(ids, spec.inflect), lexicons: ids, lexiconTerms: new Map(ids.map((id) => [id, (lexicons.get(id) as Lexicon).terms])) });
    } else if ('stance_model' in spec) {
      const model = models.get(spec.stance_model.model);
      if (!model) throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: no model "${spec.stance_model.model}" in models/`);
      const mentions: CompiledMatcher = { name: `${name}.mentions`, type: 'registry', fields: base.fields, fieldMask: base.fieldMask, weight: 0, lists: new Set(spec.mentions) };
      out.set(name, { ...base, type: 'stance_model', weight: spec.weight ?? DEFAULT_WEIGHT.stance_model, model: { model, minScore: spec.stance_model.min_score ?? 0, mentions, ...(spec.stance_model.max_score !== undefined && { maxScore: spec.stance_model.max_score }), ...(spec.sentence_mentions && { sentenceMentions: new Set([...lexiconWords(lexicons.get(ADDRESS_LEXICON)), ...lexiconWords(lexicons.get(SECOND_PERSON_LEXICON))]) }) } });
    } else if ('pair_stance' in spec) {
      const mentions: CompiledMatcher = { name: `${name}.mentions`, type: 'registry', fields: base.fields, fieldMask: base.fieldMask, weight: 0, lists: new Set(spec.mentions) };
      const cues = spec.cues.map((c, i) => {
        const ids = Array.isArray(c.lexicon) ? c.lexicon : [c.lexicon];
        const values = lexiconTerms(ids);
        return { key: `${name}.cue${i}`, stance: c.stance, within: c.within, before: c.before, prohibited: c.prohibited, values, termModes: lexiconModes(ids, undefined), lexicons: ids };
      });
      out.set(name, { ...base, type: 'pair_stance', weight: spec.weight ?? DEFAULT_WEIGHT.pair_stance, stance: { mode: spec.pair_stance, mentions, minPairs: spec.min_pairs, alike: new Set(spec.alike), cues } });
    } else if ('registry' in spec) {
      const lists = new Set(Array.isArray(spec.registry) ? spec.registry : [spec.registry]);
      const weight = spec.weight ?? Math.max(...[...lists].map((l) => LIST_WEIGHT[l] ?? DEFAULT_WEIGHT.registry));
      out.set(name, { ...base, type: 'registry', lists, weight, ...(spec.scope ? { scope: spec.scope } : {}), ...(spec.min_pairs ? { minPairs: spec.min_pairs } : {}), ...(spec.one_ballot ? { oneBallot: true } : {}), ...(spec.all_pairs ? { allPairs: spec.all_pairs } : {}), ...(spec.whole_hashtag ? { wholeHashtag: true } : {}) });
    } else if ('regex' in spec) {
      const regexSource = { pattern: spec.regex, flags: `gu${spec.flags ?? ''}` };
      let regex: RE2 | undefined;
      if (!lazyRegex) {
        try {
          regex = new RE2(regexSource.pattern, regexSource.flags);
        } catch (err) {
          throw new RuleFileError(file, where(), 1, `${at[0]}.${name}: regex is not valid RE2 (${(err as Error).message}); lookaround and backreferences are not supported`);
        }
      }
      // `regex` is always present (undefined until made): one object shape, made at once or lazily
      out.set(name, { ...base, type: 'regex', regex, regexSource, weight: spec.weight ?? DEFAULT_WEIGHT.regex });
    } else if ('near' in spec) {
      out.set(name, { ...base, type: 'near', near: { names: spec.near, within: spec.within, inOrder: spec.in_order, samePair: spec.same_pair, sameSentence: spec.same_sentence, nextSentence: spec.next_sentence }, weight: spec.weight ?? DEFAULT_WEIGHT.near });
    } else if ('kind' in spec) {
      out.set(name, { ...base, type: 'kind', values: new Set(spec.kind), weight: 0 });
    } else if ('context_kind' in spec) {
      out.set(name, { ...base, type: 'context_kind', values: new Set(spec.context_kind), weight: 0 });
    } else if ('event_response' in spec) {
      out.set(name, { ...base, type: 'event_response', values: new Set(spec.event_response), weight: 0 });
    } else if ('has_media' in spec) {
      out.set(name, { ...base, type: 'has_media', weight: 0 });
    } else if ('headline' in spec) {
      out.set(name, { ...base, type: 'headline', weight: 0, ...(spec.headline === 'lede' ? { lede: true } : {}) });
    } else if ('workplace_group' in spec) {
      out.set(name, { ...base, type: 'workplace_group', weight: DEFAULT_WEIGHT.workplace_group, ...(spec.workplace_group === 'inferred' ? { inferred: true } : {}) });
    } else if ('after_vote' in spec) {
      out.set(name, { ...base, type: 'after_vote', weight: DEFAULT_WEIGHT.after_vote });
    } else if ('reply_going' in spec) {
      out.set(name, { ...base, type: 'reply_going', weight: DEFAULT_WEIGHT.reply_going });
    } else if ('handle_names' in spec) {
      out.set(name, { ...base, type: 'handle_names', weight: spec.weight ?? DEFAULT_WEIGHT.handle_names, ...(spec.handle_names === 'team' ? { handleTeam: true } : {}) });
    } else {
      out.set(name, { ...base, type: 'reaction', values: new Set(spec.reaction.map((r) => r.toLowerCase())), weight: 0 });
    }
  }
  const isSpan = (t: CompiledMatcher | undefined) => t !== undefined && ['terms', 'registry', 'regex', 'reply_going'].includes(t.type);
  for (const m of out.values()) {
    for (const n of m.near?.names ?? []) {
      const target = out.get(n);
      // one level of nesting ("the writer's pronoun then a place word" read near an event): a near
      // of span matchers only, so the hits stay spans and no cycle can form
      const nestedSpan = target?.type === 'near' && (target.near?.names ?? []).every((inner) => isSpan(out.get(inner)));
      if (!isSpan(target) && !nestedSpan) {
        throw new RuleFileError(file, locator.locate([...at, m.name])?.line, 1, `${at[0]}.${m.name}: near needs span matchers defined in the same block, "${n}" is not one`);
      }
    }
  }
  return out;
}

/** The .json files directly in a folder (none when it does not exist). */
async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** A model file validated at the trust boundary: one line naming the file on any problem. */
function parseModelFile(file: string, text: string): StanceModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RuleFileError(file, undefined, undefined, `not valid JSON (${(err as Error).message})`);
  }
  const parsed = StanceModelFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuleFileError(file, undefined, undefined, `not a stance model: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

/** Words that are not names: every word of every lexicon and of the slang table (both sides). */
function knownWords(lexicons: ReadonlyMap<string, Lexicon>): Set<string> {
  const out = new Set<string>();
  const addWords = (s: string) => termText(s.replace(/^=/, '')).split(' ').forEach((w) => w && out.add(w));
  for (const lexicon of lexicons.values()) lexicon.terms.forEach(addWords);
  for (const [k, v] of Object.entries(SLANG)) {
    out.add(k);
    addWords(v);
  }
  return out;
}

// localeCompare's order (ECMA-402 defines it by this collator) without a collator made per
// comparison: ~5 ms of every pack load over the ~700 rule and registry files
const NAME_ORDER = new Intl.Collator();

async function yamlFilesUnder(p: string): Promise<string[]> {
  const info = await stat(p).catch(() => undefined);
  if (!info) throw new RuleFileError(p, undefined, undefined, 'no such file or folder');
  if (info.isFile()) return [p];
  const out: string[] = [];
  const entries = await readdir(p, { withFileTypes: true });
  entries.sort((a, b) => NAME_ORDER.compare(a.name, b.name));
  for (const e of entries) {
    const full = path.join(p, e.name);
    if (e.isDirectory()) out.push(...(await yamlFilesUnder(full)));
    else if (/\.ya?ml$/i.test(e.name)) out.push(full);
  }
  return out;
}

/** What the store records about a rule so a finding can be reproduced. */
export function ruleRecord(rule: CompiledRule): RuleRecord {
  const d = rule.def;
  return {
    id: d.id,
    version: d.version,
    title: d.title.id,
    prohibition: d.prohibition,
    severity: d.severity,
    legalBasis: [...d.legal_basis.bakal_calon, ...d.legal_basis.calon],
    sha256: rule.sha256,
    source: rule.source,
  };
}

/** The matcher names of a rule's `venue.addressed` (one name or a list; any one holding is enough). */
export function venueAddressed(venue: { addressed: string | readonly string[] }): readonly string[] {
  return typeof venue.addressed === 'string' ? [venue.addressed] : venue.addressed;
}
