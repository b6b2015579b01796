// The rule-file format (rules/t<N>-*/<id>.yml) and the shared exception format
// (rules/exceptions/*.yml). Sigma-shaped: metadata, named matchers, a condition, named exceptions,
// an explanation template, and inline fixtures. See README "Writing a rule".
import { z } from 'zod';
import { EVENT_RESPONSES, ITEM_KINDS, REF_KINDS, EventInfo, Platform, Ref } from '../model/item.js';
import { SpanField, Prohibition, Severity } from '../model/finding.js';
import { INFLECT_MODES, WORD_CLASSES } from '../text/morphology.js';
import { GLOSS_LANGUAGES } from '../text/glosses.js';

export const REGISTRY_LISTS = [
  'names', // unambiguous name forms of each candidate
  'pair_names', // names of the pair as a unit
  'ambiguous', // ambiguous name forms and pair names (amin, …): only with other evidence
  'hashtags',
  'slogans',
  'parties',
  'hand_signs', // emoji and phrases ("salam dua jari"); region-scoped
  'numbers', // "nomor 2", "paslon 02", "02", 2️⃣ …; region-scoped
  'accounts', // official and team accounts: names, @handles, profile URLs
  'teams', // winning teams and volunteer groups
  'events', // election-specific event words (debat capres, kampanye akbar)
  'name_tags', // a hashtag that carries a candidate's name and more words (#voteahok, #PrabowoSalahkanSBY)
  'mocking', // mocking nicknames ("wowo"): a mention that is itself an attack on the pair
  'attack_topics', // the argued topics a campaign was attacked with ("dinasti", "mahkamah keluarga"): an attack on that pair only beside its own mention
  'camps', // supporters' camp words derived from the names ("ahokers", "jokowi lovers"): the pair's side, not the pair
  'offices', // the office a candidate holds in the watch window ("menhan", the incumbent's "presiden"/"gubernur") and the ballot role with the number ("cawapres 02"); region-scoped
] as const;
export const RegistryList = z.enum(REGISTRY_LISTS);
export type RegistryList = z.infer<typeof RegistryList>;

const weight = z.number().min(0).max(1);
/** what the stance model masks and requires: firm candidate references (not ambiguous forms like "amin") */
export const MODEL_MENTION_LISTS: RegistryList[] = ['names', 'pair_names', 'numbers', 'hashtags', 'name_tags', 'mocking', 'accounts'];
const fields = z.array(SpanField).min(1);

/** words inside a quotation of four or more words are someone else's, not the writer's own voice */
const outsideQuotes = z.boolean().optional();
/** which affixed forms of the terms also match (text/morphology.ts); default 'clitics' */
const inflect = z.enum(INFLECT_MODES).optional();
/**
 * only hits that stand where a term of address stands (a vocative): at a clause edge — the start of
 * the field or right after a clause mark (, . ! ? : ; a line break), or right before one or the end
 * ("Bapak ibu, …", "…, ambil bae sanak 💚"); not inside a clause ("bareng kawan-kawan")
 */
const vocative = z.boolean().optional();
/**
 * no hit that is half of a reduplicated word (text/reduplication.ts): a short function word of one
 * language that is half of another word written twice ("alun" not yet, Minang; "alun-alun" the
 * town square)
 */
const notReduplicated = z.boolean().optional();
/**
 * The side a matcher takes, by its meaning, on the pair it binds to: 'support' for a call to vote, a
 * campaign shirt worn, a sticker put on, a pair's team joined, a page liked; 'attack' for an insult,
 * a mocking name, an angry reaction. Default: none. Only the stance a finding shows on its pairs
 * (CandidateRef.stance) reads it, never whether a finding is made (evaluate.ts declaredSides):
 * - a word matcher (terms, lexicon, regex), or a `near` that carries the side itself: each word
 *   counts for the nearest pair its clause names, read in its clause (others' words, questions,
 *   negation, concession) as the pair_stance cues are;
 * - a registry matcher: the pair each hit names (a hand sign, a team's name);
 * - an act (kind, reaction, event_response), or a word the clause did not bind: the finding's one
 *   pair, when it names exactly one. An act matcher with a side may stay out of the condition; so
 *   may a word matcher (terms, lexicon, regex), read then only on the writer's own words (not a
 *   reaction's or follow's text) that name no other pair of the one pair's election (t1: a comment
 *   on the pair's own page is addressed to it).
 * Evidence of the finding's own on a pair (a pair_stance cue, a mocking nickname) wins, an attack
 * wins over a support, and a side another finding of the item shows the other way on the pair
 * takes this one back.
 */
const side = z.enum(['support', 'attack']).optional();
const TermsMatcher = z.object({ terms: z.array(z.string().min(1)).min(1), fields: fields.optional(), weight: weight.optional(), outside_quotes: outsideQuotes, inflect, vocative, not_reduplicated: notReduplicated, side }).strict();
/** a shared word list from rules/lexicons/<id>.yml (opinion words, election vocabulary …) */
const LexiconMatcher = z
  .object({ lexicon: z.union([z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)]), fields: fields.optional(), weight: weight.optional(), outside_quotes: outsideQuotes, inflect, vocative, not_reduplicated: notReduplicated, side })
  .strict();
const RegistryMatcher = z
  .object({
    registry: z.union([RegistryList, z.array(RegistryList).min(1)]),
    fields: fields.optional(),
    weight: weight.optional(),
    /** 'election': only pairs of the subject's elections (Pilpres + their region); 'any': every loaded election */
    scope: z.enum(['any', 'election']).optional(),
    /** holds only when the hits name at least this many different pairs (balanced coverage) */
    min_pairs: z.number().int().min(2).optional(),
    /**
     * with min_pairs: the pairs must be of one election (one ballot), each named at its own place. A
     * bare number read on two ballots in force at once (the Pilpres before its inauguration, a Pilkada
     * after its draw) and the same pair's name beside it ("ka nomer 1, Fauzi-Siti") name one pair, not two
     */
    one_ballot: z.boolean().optional(),
    /**
     * holds only when the hits name every pair of one election whose ballot has at least this many
     * pairs (a recap of the whole ballot: "Agus hafalan, Ahok data, Anies retorika", "01 …, 02 …, 03 …")
     */
    all_pairs: z.number().int().min(2).optional(),
    /** only hits that are a whole #hashtag of their own (#AniesSandi, #AhokDjarot), not the words in a sentence */
    whole_hashtag: z.boolean().optional(),
    outside_quotes: outsideQuotes,
    side,
  })
  .strict();
const RegexMatcher = z
  .object({ regex: z.string().min(1), flags: z.string().regex(/^[ims]*$/).optional(), fields: fields.optional(), weight: weight.optional(), outside_quotes: outsideQuotes , side })
  .strict();
const NearMatcher = z
  .object({
    near: z.array(z.string()).min(2),
    within: z.number().int().min(1).max(200).default(8),
    /** the later names must follow the first one ("pilih Jokowi", not "Jokowi … pilih") */
    in_order: z.boolean().default(false),
    /** registry hits must belong to the same pair ("#AdilMakmur … @prabowo", not another pair's slogan) */
    same_pair: z.boolean().default(false),
    /**
     * no sentence end between the parts ("… menang 58,59%. Selamat. Semoga janjinya jalan": the wish
     * opens a sentence of its own and is said of what follows it, not of the pair named before)
     */
    same_sentence: z.boolean().default(false),
    /**
     * the parts stand in two sentences back to back, one sentence end between them ("Djarot diusir
     * jamaah, ya wajar. Pendukung penista ya begitu nasibnya"): the pair named in one sentence, the
     * verdict in the next, said of the one the sentence before was about
     */
    next_sentence: z.boolean().default(false),
    weight: weight.optional(),
    side,
  })
  .strict();
const lexiconIds = z.union([z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)]);
/** words that show the writer's stance toward the pair they stand next to */
const StanceCue = z
  .object({
    stance: z.enum(['support', 'attack']),
    lexicon: lexiconIds,
    /** words between the cue and the mention it counts for */
    within: z.number().int().min(1).max(50).default(6),
    /** the cue must come before the mention ("pilih Anies") */
    before: z.boolean().default(false),
    /**
     * only a prohibited call counts ("jangan dipilih", Sundanese "ulah dipilih deui", Balinese
     * "sampunang pilih ia"), as an attack: a prohibitive word stands right before the cue
     */
    prohibited: z.boolean().default(false),
  })
  .strict();
/**
 * Stance per pair (src/rules/stance.ts): `mixed` holds when one pair is supported and another
 * attacked; `balanced` when several pairs are named and treated alike (all neutral, all praised,
 * all criticised); `taken` when some named pair gets a side.
 */
const PairStanceMatcher = z
  .object({
    pair_stance: z.enum(['mixed', 'balanced', 'taken']),
    cues: z.array(StanceCue).min(1),
    /** the registry lists that count as a mention of a pair */
    mentions: z.array(RegistryList).min(1).default(['names', 'pair_names', 'numbers', 'hashtags', 'name_tags', 'mocking']),
    /** for balanced: how many pairs must be named */
    min_pairs: z.number().int().min(2).default(2),
    /** for balanced: the treatments that count as comparable when every pair gets the same one */
    alike: z.array(z.enum(['none', 'support', 'attack'])).min(1).default(['none', 'support', 'attack']),
    fields: fields.optional(),
    weight: weight.optional(),
    outside_quotes: outsideQuotes,
  })
  .strict();
export type StanceCueSpec = z.infer<typeof StanceCue>;
/**
 * A learned stance scorer (rules/models/<model>.json, src/rules/stance-model.ts). Holds only when
 * the item mentions a candidate in the same field and the score reaches `min_score`; its hits
 * are the mentions and the word n-grams that pushed the score. With `max_score` instead it holds
 * when the model reads the text as taking no side (the best score at most `max_score`): a veto a
 * rule puts beside a cue that is weak on its own (`… and not model_netral`); its hits are the
 * mentions.
 */
const StanceModelMatcher = z
  .object({
    stance_model: z
      .object({ model: z.string().regex(/^[a-z0-9-]+$/), min_score: z.number().min(0).max(1).optional(), max_score: z.number().min(0).max(1).optional() })
      .strict()
      .refine((m) => (m.min_score === undefined) !== (m.max_score === undefined), { message: 'give exactly one of min_score and max_score' }),
    /** the registry lists that count as a candidate mention (and are masked before scoring) */
    mentions: z.array(RegistryList).min(1).default(MODEL_MENTION_LISTS),
    /**
     * true: a field is scored only when a mention stands in the writer's sentences; an @handle
     * tagged at the edge of the text (a reply's leading addressees, a handle appended after the
     * last sentence) names whom the post is sent to, not what it speaks of (absent: every mention)
     */
    sentence_mentions: z.literal(true).optional(),
    fields: fields.optional(),
    weight: weight.optional(),
  })
  .strict();
export type StanceModelMatcher = z.infer<typeof StanceModelMatcher>;
const KindMatcher = z.object({ kind: z.array(z.enum(ITEM_KINDS)).min(1), side }).strict();
/**
 * the kind of the place the item was written in (its `context` ref): a chat or group, whose members
 * read it, or a broadcast `channel`, whose readers are whoever follows it (a Telegram channel of an
 * office speaks to the office's public, not to its staff)
 */
const ContextKindMatcher = z.object({ context_kind: z.array(z.enum(REF_KINDS)).min(1) }).strict();
const ResponseMatcher = z.object({ event_response: z.array(z.enum(EVENT_RESPONSES)).min(1), side }).strict();
const ReactionMatcher = z.object({ reaction: z.array(z.string()).min(1), side }).strict();
/** the item carries a photo or video (a pose needs a picture; a ✌️ in a status is a text) */
const MediaMatcher = z.object({ has_media: z.literal(true) }).strict();
/**
 * the field is a title-case news headline and nothing more (true), or a news lede in sentence case
 * shared with its link ('lede') (src/text/headline.ts)
 */
const HeadlineMatcher = z.object({ headline: z.union([z.literal(true), z.literal('lede')]), fields: fields.optional() }).strict();
/** the item's chat/group is marked as a workplace group (subject record or --workplace-group) */
// `inferred`: the chat is read as a workplace group from what its members talk about (roll call,
// reports, duty rosters: pipeline/chat-workplace.ts), its name saying nothing
const WorkplaceMatcher = z.object({ workplace_group: z.union([z.literal(true), z.literal('inferred')]) }).strict();
/**
 * the item was written after the vote of an election in force at its time (the day after polling
 * day on): a greeting to a pair then greets the winner, not a candidate
 */
const AfterVoteMatcher = z.object({ after_vote: z.literal(true) }).strict();
/**
 * the reply's own verb of going along, read by the engine from the reply's shape (reply-act.ts
 * readReply `goes`: "Pergi kita bu", "Inggih tindak pak", "Lon jak bang", "Siap hadir!"): a span in
 * the reply, which a `near` binds to the event of the message it answers. It holds only on a reply
 * read together with that message.
 */
const ReplyGoingMatcher = z.object({ reply_going: z.literal(true) }).strict();
/**
 * A candidate's or pair's name inside an account handle or page name, split into its pieces
 * (src/rules/handle-reader.ts: "relawanbude.official", "sobat_bude2024", "Ganjarist Banyumas
 * Raya"), of the subject's own races only; a name that is also an everyday word or a given name
 * only where the rest of the name confirms it. `any`: every reading; `team`: only where a team or
 * fan word is among the pieces (a supporters' page or group, not the candidate's own).
 */
const HandleNamesMatcher = z.object({ handle_names: z.enum(['any', 'team']), fields: fields.optional(), weight: weight.optional(), side }).strict();

export const MatcherSpec = z.union([TermsMatcher, LexiconMatcher, RegistryMatcher, RegexMatcher, NearMatcher, PairStanceMatcher, StanceModelMatcher, KindMatcher, ContextKindMatcher, ResponseMatcher, ReactionMatcher, MediaMatcher, HeadlineMatcher, WorkplaceMatcher, AfterVoteMatcher, ReplyGoingMatcher, HandleNamesMatcher]);
export type MatcherSpec = z.infer<typeof MatcherSpec>;

const Localized = z.object({ id: z.string().min(1), en: z.string().min(1) }).strict();

const TestItem = z
  .object({
    kind: z.enum(ITEM_KINDS).default('post'),
    platform: Platform.default('facebook'),
    text: z.string().optional(),
    time: z.string().optional(),
    reaction: z.string().optional(),
    target: Ref.pick({ kind: true, name: true, handle: true, url: true }).strict().optional(),
    place: z.object({ name: z.string().optional(), address: z.string().optional() }).strict().optional(),
    event: EventInfo.pick({ name: true, response: true, start: true }).strict().optional(),
    context: Ref.pick({ kind: true, name: true }).strict().optional(),
    media: z.array(z.object({ caption: z.string().optional(), uri: z.string().optional() }).strict()).optional(),
    link: z.object({ url: z.string().optional(), title: z.string().optional() }).strict().optional(),
    hashtags: z.array(z.string()).optional(),
  })
  .strict();
export type TestItem = z.infer<typeof TestItem>;

/** Trap categories a negative fixture can exercise; `rules test` reports coverage per rule. */
export const TRAPS = [
  'socialisation',
  'voter-education',
  'news',
  'duty',
  'amin',
  'cabinet',
  'rt-rw',
  'date',
  'price',
  'rank',
  'v-sign',
  'government-programme',
  'everyday-word',
  'other-region',
  'family',
] as const;

export const RuleTest = z
  .object({
    name: z.string().min(1),
    item: TestItem,
    expect: z.enum(['match', 'no_match', 'todo_match', 'todo_no_match']),
    /** subject region code for the evaluation context */
    region: z.string().optional(),
    trap: z.enum(TRAPS).optional(),
    /** pair ids the finding must name */
    candidates: z.array(z.string()).optional(),
    /** pair ids the finding must not name (election selection: the other contest's pair of the same number) */
    not_candidates: z.array(z.string()).optional(),
    message_contains: z.string().optional(),
  })
  .strict();
export type RuleTest = z.infer<typeof RuleTest>;

const UnlessSpec = z.intersection(MatcherSpec, z.object({ reason: z.string().min(1) }).passthrough());

export const RuleFile = z
  .object({
    schema: z.literal(1),
    id: z.string().regex(/^(t[1-8]|sk)-[a-z0-9-]+$/, 'rule ids are kebab-case and start with t1…t8- or sk- (SKB forms beyond the 8)'),
    version: z.number().int().positive(),
    status: z.enum(['experimental', 'test', 'stable', 'deprecated']),
    title: Localized,
    description: Localized,
    prohibition: Prohibition,
    skb_form: z.object({ bakal_calon: z.string().optional(), calon: z.string().optional() }).strict().optional(),
    legal_basis: z.object({ bakal_calon: z.array(z.string()).min(1), calon: z.array(z.string()).min(1) }).strict(),
    severity: Severity,
    /** base confidence when the condition holds; matcher weights raise it */
    confidence: weight,
    falsepositives: z.array(z.string()).default([]),
    references: z.array(z.string()).default([]),
    applies_to: z.object({ kinds: z.array(z.enum(ITEM_KINDS)).min(1), fields: fields.default(['text', 'media.caption']) }).strict(),
    match: z.record(z.string().regex(/^_?[a-z][a-z0-9_]*$/), MatcherSpec),
    condition: z.string().min(1),
    unless: z.record(z.string().regex(/^unless_[a-z0-9_]+$/), UnlessSpec).default({}),
    /** the false-positive traps that apply to this rule: each needs a passing no_match fixture tagged with it */
    traps: z.array(z.enum(TRAPS)).default([]),
    /**
     * prohibitions whose findings this rule refines: it fires only when a rule of one of them
     * fired on the same item, and takes over its words and pair ([3]: a partisan status posted in
     * an office group is prohibition 6)
     */
    builds_on: z.array(Prohibition).optional(),
    /**
     * the side the rule's act takes by its nature on the one pair its finding names ('support': a
     * shirt worn, a sticker put on, a rally attended, a volunteer page liked, KTP collected for the
     * pair), read only for the stance a finding shows (evaluate.ts declaredSides), never whether it
     * is made. Taken as an act's `side` is: only when the finding names exactly one pair (several
     * pairs' shirts or poses, a debate of every pair say no side), never over the finding's own
     * evidence on the pair (an attack word bound to it, a mocking nickname, a dislike), and not when
     * the act's words are negated, asked, in someone else's voice, or an exception lowered the
     * finding (a journalist's or official duty)
     */
    act_side: z.enum(['support', 'attack']).optional(),
    /**
     * the matchers that carry act_side's act, when the rule also flags the thing without the act
     * (a shirt for sale is not a shirt worn): the nature is read only when one of them holds
     */
    act_when: z.array(z.string()).optional(),
    /**
     * rules whose finding this more specific form replaces on the same item (a like of a volunteer
     * page is the SKB interaction form, not a like of the candidate's own page)
     */
    supersedes: z.array(z.string()).optional(),
    /**
     * a short chat reply may be read together with the message it answers ("aku juga, udah di
     * motor" after a sticker message). Only rules about a concrete act opt in: a thank-you after
     * a message naming a pair is not praise of the pair.
     */
    reads_thread: z.boolean().default(false),
    /**
     * this rule names where something was said (the office), not what was done. On an item that
     * also shows a sender's own act of a more specific form (a rally attended, a shirt worn, a
     * sticker on their vehicle, a debate, a victory party), the act decides the form and this
     * finding yields — unless the `addressed` matcher (of this rule, read on the item's own words)
     * says the message is addressed to colleagues (an offer, an invitation: "sing arep njupuk",
     * "saha nu hoyong", "ado nan ka ikuik?"): then the acts listed in `absorbs` are that appeal's
     * content and this finding takes the item (RUBRIC: handing out stickers at work is 6).
     */
    venue: z
      .object({
        /** one matcher name, or several of which any one holding is enough */
        addressed: z.union([z.string().regex(/^_?[a-z][a-z0-9_]*$/), z.array(z.string().regex(/^_?[a-z][a-z0-9_]*$/)).min(1)]),
        absorbs: z.array(Prohibition).min(1),
        /**
         * Items of these kinds posted at the venue are handed round to it by their very kind (a
         * post forwarded or shared into an office group is addressed to the group), and findings
         * with these SKB forms (the interaction forms: sharing a pair's or its volunteers'
         * content) are then the venue's content, not an act of the sender's own.
         */
        hands_round: z.object({ kinds: z.array(z.enum(ITEM_KINDS)).min(1), skb_forms: z.array(z.string().min(1)).min(1) }).strict().optional(),
      })
      .strict()
      .optional(),
    /**
     * the regex matchers of this rule that the engine reads a counted tenure declared enough by
     * ("udah dua periode, cukup lah ya": stance.ts tenureEndedAt, the stance a finding shows and the
     * attack it reads): `count` the years or terms in office, `enough` "cukup" closing its clause,
     * `change` "ganti" called for. At most one rule of a pack declares it; without it no tenure is
     * read as ended
     */
    tenure: z
      .object({ count: z.string().regex(/^_?[a-z][a-z0-9_]*$/), enough: z.string().regex(/^_?[a-z][a-z0-9_]*$/), change: z.string().regex(/^_?[a-z][a-z0-9_]*$/) })
      .strict()
      .optional(),
    /** shared exceptions (rules/exceptions/<id>.yml) this rule honours, or '*' for all that target it */
    exceptions: z.array(z.string()).default(['*']),
    explain: Localized,
    tests: z.array(RuleTest).min(1),
  })
  .strict();
export type RuleFile = z.infer<typeof RuleFile>;

export const LexiconFile = z
  .object({
    schema: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    /** where the words come from; hand-curated lists say so */
    source: z.string().min(1),
    /** SPDX licence of the list (MIT for the project's own lists; CC-BY-SA-4.0 for words from NusaX) */
    licence: z.string().min(1).optional(),
    /** the list's default inflection; a matcher may override it */
    inflect,
    /**
     * the word class of the list's entries (text/morphology.ts WORD_CLASSES): the engine's word sets
     * then also hold each entry's productive clitics ("pokok", definite → "pokoknya", "pokoke",
     * "pokokna"), and the list's `inflect` defaults to the class's; an entry written "=word" takes none
     */
    paradigm: z.enum(WORD_CLASSES).optional(),
    terms: z.array(z.string().min(1)).min(1),
  })
  .strict();
export type LexiconFile = z.infer<typeof LexiconFile>;

/**
 * Regional words that stand for Indonesian ones (rules/glosses/<id>.yml, text/glosses.ts): per
 * language (ISO 639-3), a block of lines "Indonesian word: regional form, form". Generated files say how.
 */
export const GlossFile = z
  .object({
    schema: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    source: z.string().min(1),
    /** SPDX licence of the list (CC-BY-SA-4.0 for NusaX) */
    licence: z.string().min(1),
    /** who made the data the list comes from, as their licence asks to credit them */
    attribution: z.string().min(1),
    /** when the list was made (YYYY-MM-DD) */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** per language, one line per Indonesian word: "kalah: kala, epakala" (text/glosses.ts parseGlossLines) */
    glosses: z.partialRecord(z.enum(GLOSS_LANGUAGES), z.string().min(1)),
  })
  .strict();
export type GlossFile = z.infer<typeof GlossFile>;

export const ExceptionFile = z
  .object({
    schema: z.literal(1),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Localized,
    reason: z.string().min(1),
    /** which rules it applies to: rule ids, `t3` style prohibition prefixes, or '*' */
    rules: z.array(z.string()).min(1),
    /** cancel: no finding; lower: confidence × factor and the finding says why */
    effect: z.enum(['cancel', 'lower']),
    factor: weight.default(0.5),
    fields: fields.default(['text', 'media.caption', 'context', 'link']),
    match: z.record(z.string().regex(/^_?[a-z][a-z0-9_]*$/), MatcherSpec),
    condition: z.string().min(1),
    /**
     * sides_taken: the exception does not hold for a finding whose own evidence shows one pair
     * supported and another attacked (CandidateRef.stance, read clause by clause in the writer's
     * voice: not in reported speech, no support in a question, no denied verdict). Balanced
     * coverage is comparable treatment of the pairs, not merely several names.
     * sides_uneven: as sides_taken, and also when one pair gets a side (support or attack) in the
     * finding's own evidence while another pair of the same election it names gets none.
     */
    unless_finding: z.enum(['sides_taken', 'sides_uneven']).optional(),
    /**
     * The name of one of this exception's matchers: the exception holds only when every mention of
     * a pair the finding rests on lies inside a hit of that matcher (a pair named only in a
     * carbon-copy list is addressed, not spoken of; a pair named outside it keeps the finding).
     */
    mentions_within: z.string().regex(/^_?[a-z][a-z0-9_]*$/).optional(),
  })
  .strict();
export type ExceptionFile = z.infer<typeof ExceptionFile>;
