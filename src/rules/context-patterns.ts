// The context regexes evaluate.ts reads around a registry hit whose words are vocabulary: the words
// live in lexicons (rules/lexicons/), the grammar (anchors, boundaries, the few fixed forms and
// emoji) here. Compiled once per pack from its lexicons (pack.ts), never per item.

/** The lexicon of each pattern's words. */
export const CONTEXT_LEXICONS = {
  officeNotHeldBefore: 'sebelum-jabatan-lain',
  officeNotHeldAfter: 'sesudah-jabatan-lain',
  countContext: 'lembaga-penghitungan',
  tenure: 'bilangan-masa-jabatan',
  prayerBefore: 'penanda-doa',
  contest: 'kata-kontestasi',
  electionDuty: 'kata-pemilu-kerja',
  officeItselfBefore: 'hak-jabatan',
  officeItselfAfter: 'sebutan-wakil',
  namingBefore: 'kata-penamaan',
  contrastive: 'kata-pertentangan',
  kin: 'kerabat-penulis',
  kinPossessor: 'kata-ganti-pemilik',
  circle: 'lingkar-penulis',
  shop: 'usaha-senama',
  degreeAfter: 'kata-penguat',
  win: 'kata-menang',
  lose: 'kata-kalah',
  pilkadaWords: 'sebutan-pilkada',
  candidacy: 'kata-pencalonan',
  match: 'kata-laga',
} as const;

export interface ContextPatterns {
  /** words before an office word that make it another office than the one held now ("calon presiden", "siapapun presidennya") */
  officeNotHeldBefore: RegExp;
  /** words after it that speak of the next or an earlier holder ("presiden terpilih", "presiden sebelumnya", "presiden RI periode 2019-2024") */
  officeNotHeldAfter: RegExp;
  /** the bodies and words of the count and its disputes ("MK tolak gugatan abah"); normalised text */
  countContext: RegExp;
  /** a counted time in office ("limo taun", "dua periode", "5 taon") */
  tenure: RegExp;
  /** a wish or prayer the word "amin" would close ("semoga …", "mugia …", 🤲) */
  prayerBefore: RegExp;
  /** words of the contest itself (a debate, the campaign, the vote, the count) for rival short names: narrower than electionContext, whose office and duty words two colleagues' names meet at work; normalised text */
  contestContext: RegExp;
  /**
   * words of the election in a field: the contest's and the office and duty words ("bupati",
   * "tps"): "Mas Budi karo Mbak Dewi dadi bupati" is the pair, "Pak Budi dan Bu Dewi" thanked at a
   * family party are namesakes. Words of everyday school and office life ("nomor", "pilih",
   * "calon", "suara", "pemimpin") are not enough. Normalised text.
   */
  electionContext: RegExp;
  /**
   * what confirms a candidate's one-word name of the subject's own race (evaluate.ts
   * confirmedShortNameHits): the contest's words, the count's, and the regional contest's and its
   * candidates' names ("pilwali", "cawalkot", "calon wali kota"). Not the election's team and duty
   * words ("relawan", "posko", "TPS"): a health cadre's volunteers and a flood post use them too.
   * Normalised text; exec gives the confirming word for the finding's note.
   */
  raceContext: RegExp;
  /**
   * words of a candidacy (running, nomination, registration, the independent route, the teams),
   * the contest's and the regional contest's, with an enclitic ending: what a post about a
   * prospective candidate must say before pair registration opens (evaluate.ts
   * prospectiveUnspoken). Normalised text.
   */
  candidacy: RegExp;
  /** a win ("menang", "kemenangan", "meunang"): confirms a candidate's one-word name from the race's polling day on (confirmedShortNameHits) */
  win: RegExp;
  /** the office's pay before an office word ("gaji presiden"): the office itself, not its holder */
  officeItselfBefore: RegExp;
  /** the office with its deputy after an office word ("Presiden & Wakilnya", "gubernur dan wagub"): the office itself */
  officeItselfAfter: RegExp;
  /** a word that gives a name, right before a name ("namanya Prabowo", "nama saya si Budi"): a namesake; not the topicaliser "yang namanya X" */
  namingBefore: RegExp;
  /** a contrastive conjunction as a whole word ("tapi", "namun", "but"): stance.ts concededAt */
  contrastive: RegExp;
  /** the writer's kin word with a first-person possessor right before a name ("ponakan aye si ", "anakku "): a namesake; exec, its index checked against a hashtag */
  kinBefore: RegExp;
  /** the same as an apposition right after a name (", keponakan aye"): a namesake */
  kinAfter: RegExp;
  /**
   * (s56) someone of the writer's circle (lexicon lingkar-penulis: a pupil, a patient, a friend, a
   * neighbour, a colleague) with a first-person possessor right before a name, one word of the kind
   * at most between ("murid saya Arif", "teman kantorku Anies"), or a kin word such a person owns
   * ("anak tetangga Edy"): a namesake
   */
  circleBefore: RegExp;
  /**
   * the same as an apposition right after a name ("Anies teman SMA saya baru wisuda", "Budi, dokter
   * kandungan kami yang …", "Edy anak tetangga"); after a comma the apposition must close there or
   * go on with "yang" ("Anies, temen gue bilang …" is the candidate, and a friend speaks)
   */
  circleAfter: RegExp;
  /** (s56) a stall or shop's trade right before a name ("bakso Pak Sandi" with the honorific skipped, "roti Ganjar Jaya"): the shop's owner, a namesake */
  shopBefore: RegExp;
  /** a degree adverb right after a word ("gemoy banget", "gemoy tenan"): the word is an adjective there (s49) */
  degreeAfter: RegExp;
  /**
   * (s56) words of a sporting match or a contest and its standings ("juara", "ganda campuran",
   * "latihan", "nomor punggung"): in a field with no word of the election a bare number counts a
   * place or a shirt (evaluate.ts ballotNumberAt); normalised text
   */
  matchContext: RegExp;
  /** a win or loss word right after a name, an aspect or modal word at most between ("abah menang", "gemoy udah kalah"): the name is the contest's subject (s49) */
  winLoseAfter: RegExp;
}

/** The terms as regex alternatives, matched literally; no terms (a pack without the lexicon) match nothing. */
function alternatives(terms: readonly string[]): string {
  return terms.length ? terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|') : '(?!)';
}

export function contextPatternsOf(termsOf: (id: string) => readonly string[]): ContextPatterns {
  const words = (key: keyof typeof CONTEXT_LEXICONS) => alternatives(termsOf(CONTEXT_LEXICONS[key]));
  // the kin word and its possessor: the suffix "-ku" ("anakku") is a form, a pronoun stands apart ("ponakan aye");
  // before the name a comma and "si" may follow ("ponakan aye si Sandi")
  const kin = `(?:${words('kin')})(?:ku|\\s+(?:${words('kinPossessor')}))`;
  // (s56) the writer's circle: its word, one word of the kind at most ("teman SMA saya", "dokter
  // kandungan kami"), the possessor; or a kin word owned by one of them ("anak tetangga")
  const circle = `(?:(?:${words('circle')})(?:\\s+\\p{L}+?)?(?:ku|\\s+(?:${words('kinPossessor')}))|(?:${words('kin')})\\s+(?:${words('circle')}))`;
  return {
    // "siapapun/siapa pun (X)" is a form, not a word of the list
    officeNotHeldBefore: new RegExp(`\\b(?:${words('officeNotHeldBefore')}|siapa ?pun(?:\\s+\\p{L}+)?)\\s+$`, 'u'),
    // "RI"/"Indonesia" may stand between; "sebelum(nya)" and a year are forms
    officeNotHeldAfter: new RegExp(`^\\s+(?:(?:ri|indonesia)\\s+)?(?:${words('officeNotHeldAfter')}|sebelum(?:\\s?nya)?|\\d)`, 'u'),
    countContext: new RegExp(`\\b(?:${words('countContext')})\\b`),
    // the count (a one- or two-digit number or a number word) before a word for years or terms
    tenure: new RegExp(`\\b(?:\\d{1,2}|${words('tenure')})\\s+(?:tahun|taun|taon|periode|priode)\\b`, 'u'),
    prayerBefore: new RegExp(`\\b(?:${words('prayerBefore')})\\b|🤲|🙏`, 'u'),
    // (s49) with an enclitic possessive or definite ending: Indonesian -nya, Sundanese -na, Javanese
    // -e/-ne ("debatnya ngeblank", "capresnya omon-omon", "debate", "kampanyene"), the same words
    contestContext: new RegExp(`\\b(?:${words('contest')})(?:nya|na|ne|e)?\\b`),
    // "wali kota"/"walikota" is a form
    electionContext: new RegExp(`\\b(?:${words('contest')}|${words('electionDuty')}|wali ?kota)\\b`),
    raceContext: new RegExp(
      `\\b(?:${words('contest')}|${words('countContext')}|${words('pilkadaWords')})\\b`,
    ),
    candidacy: new RegExp(`\\b(?:${words('candidacy')}|${words('contest')}|${words('pilkadaWords')})(?:nya|na|ne|e)?\\b`),
    win: new RegExp(`\\b(?:${words('win')})\\b`),
    matchContext: new RegExp(`\\b(?:${words('match')})\\b`, 'u'),
    officeItselfBefore: new RegExp(`\\b(?:${words('officeItselfBefore')})\\s+$`, 'u'),
    // the conjunctions ("dan", "&", "serta", chat "n") join the deputy word, read as a word's beginning ("wakilnya")
    officeItselfAfter: new RegExp(`^\\s*(?:dan|&|serta|n)\\s+(?:${words('officeItselfAfter')})`, 'u'),
    // "yang/yg/yng namanya X" is the topicaliser ("as for X"), which speaks of the candidate; "si" may stand before the name
    // a name given in quotes ("namanya 'Amin Jaya'") is given all the same
    namingBefore: new RegExp(`(?<!\\b(?:yang|yg|yng)\\s)\\b(?:${words('namingBefore')})\\s+["'“‘]?(?:si\\s+)?$`, 'u'),
    // a whole word: what stands before and after it is no letter or digit
    contrastive: new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words('contrastive')})(?=$|[^\\p{L}\\p{N}])`, 'u'),
    kinBefore: new RegExp(`\\b${kin}\\s*,?\\s+(?:si\\s+)?$`, 'u'),
    kinAfter: new RegExp(`^\\s*,\\s*${kin}\\b`, 'u'),
    shopBefore: new RegExp(`(?:^|[^\\p{L}])(?:${words('shop')})\\s+$`, 'u'),
    circleBefore: new RegExp(`(?:^|[^\\p{L}])${circle}\\s*,?\\s+(?:si\\s+)?$`, 'u'),
    circleAfter: new RegExp(`^(?:\\s+${circle}(?![\\p{L}])|\\s*,\\s*${circle}(?=\\s*(?:$|[^\\p{L}\\p{N}\\s]|(?:yang|yg|sing|nu)\\b)))`, 'u'),
    degreeAfter: new RegExp(`^\\s+(?:${words('degreeAfter')})\\b`, 'u'),
    // the win or loss without an object of its own: the clause ends, or a particle, a time word or
    // a place follows ("menang besok", "kalah di MK"); "menang arisan" is another contest
    winLoseAfter: new RegExp(`^\\s+(?:(?:udah|sudah|sdh|udh|wis|wes|tos|pasti|bakal|akan|harus|kudu|mesti|tetap|tetep|lagi)\\s+)?(?:${words('win')}|${words('lose')})(?=\\s*(?:$|[^\\p{L}\\p{N}\\s]|(?:besok|nanti|lagi|dong|ya|yah|deh|aja|sih|nih|lho|kok|mah|teh|di|telak|mutlak|sekali|putaran)\\b))`, 'u'),
  };
}
