// Reported speech: the words a post attributes to someone else. Evaluative words there are the
// speaker's, not the writer's ("Prabowo: Anies-Sandi Harus Kerja Keras", "Anies singgung
// \"perubahan\"", "PRABOWO bilang bahwa ekonomi hancur karena …"), as inside a quotation of four or
// more words (normalise.ts quotationRanges). Read from the ORIGINAL text, whose capitals tell a name
// from a word. Four shapes, each with the speaker or the verb of saying marked in the text:
//   1. a quotation of any length, in double or single quotes, right after a verb of saying (one or
//      two words of manner may stand between: "ngomong keras2 '…'"), a colon ('singgung "perubahan"')
//      or the noun of a thing that carries others' words ('meme "Jokowi antek aseng"': lexicon benda-ujaran);
//   2. a headline's attribution: the post opens with a speaker (one to four capitalised words, not
//      an @handle: "@x: …" is a retweet, the writer's share) and a colon; the rest of that sentence
//      is the speaker's;
//   3. a "that"-clause after a verb of saying ("X bilang bahwa …", "X menyebut kalau …"): the clause
//      to the end of its sentence;
//   4. "menurut X" / "kata X" (not the trailing "…, ujar X" of a made-up quote) with a capitalised
//      or titled speaker: the clause after the speaker ("Kata Jokowi ekonomi meroket, padahal …":
//      the "padahal" is the writer's again).
// The writer's own verdict next to the report (outside the range) still counts, and so does a
// closing aside of one or two words after a comma at the end of a sentence-long report ("X bilang
// kalau …, no thanks": closingAsideAt).

/**
 * The verbs of saying a post attributes words with, compiled into the two scans that need them (a
 * short quote after the verb, a bahwa/kalau clause after it). The words are data: the rule pack's
 * lexicons verba-lapor (news attribution: ujar, katanya, mengatakan, sebut …, also read by
 * berita-media) and verba-ujaran (berkata, bilang, ngomong, singgung, kritik, janji, tanya …),
 * rules/pack.ts SAY_VERB_LEXICONS. Without them only the scans with their own anchor run (an
 * opening "Speaker:", "kata/menurut X").
 */
export interface SayVerbs {
  readonly shortQuote: RegExp;
  readonly thatClause: RegExp;
  /** a third person's verb of saying with its complement ("Warga tanya …", "Anies mengajak …") */
  readonly subjectSays: RegExp;
  /** any of the verbs as a whole word (not global: for test()) */
  readonly word: RegExp;
}

const compiled = new WeakMap<readonly string[], WeakMap<readonly string[], SayVerbs>>();
const NO_NOUNS: readonly string[] = [];

// a quotation in double quotes, or in single ones (the headline and chat habit: Prabowo jawab
// 'omon-omon'): a single quote opens only after a space or the colon (not the apostrophe of
// Jum'at, Ma'ruf) and closes before a non-letter
const QUOTED = `(?:"[^"\\n]+"|“[^”\\n]+”|(?<=[\\s:])'[^'\\n]+'(?!\\p{L})|‘[^’\\n]+’)`;
// how the words were said, between the verb and its quotation ("ngomong keras2 '…'", "bilang lagi
// '…'"): one or two words with no quote mark or punctuation, so the quote is still the verb's
const SAY_ADVERB = `(?:\\s+[^\\s"“'‘.,!?:;]+){1,2}?(?=\\s*["“'‘])`;
const SINGLE_QUOTE_HINT = /(?:^|[\s:])['‘]/u;
/** A word list as a regex alternation: longest first, so "kata dia" is tried before "kata"; a term's spaces match any run of spaces. */
function alternation(words: readonly string[]): string {
  return [...words].sort((x, y) => y.length - x.length).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
}

/**
 * The scans for a list of verbs of saying (memoised per list: a pack's list is compiled once), with
 * the nouns of a thing that carries someone else's words, circulated or named (the pack's lexicon
 * benda-ujaran: a meme, a chain broadcast, a hoax, a rumour, a headline, an account: 'meme "Jokowi
 * antek aseng"', 'akun Kaskus "fufufafa"'): the quotation after one is that thing's words or name,
 * as a quotation after a verb of saying is the speaker's.
 */
export function sayVerbs(verbs: readonly string[], contentNouns: readonly string[] = NO_NOUNS): SayVerbs | undefined {
  if (verbs.length === 0) return undefined;
  let byNouns = compiled.get(verbs);
  if (!byNouns) compiled.set(verbs, (byNouns = new WeakMap()));
  let out = byNouns.get(contentNouns);
  if (!out) {
    const say = alternation(verbs);
    const carriers = contentNouns.length > 0 ? `|${alternation(contentNouns)}` : '';
    out = {
      shortQuote: new RegExp(`(?:\\b(?:${say}${carriers})(?:${SAY_ADVERB})?|:)\\s*${QUOTED}`, 'giu'),
      thatClause: new RegExp(`\\b(?:${say})\\b(?:\\s+[^\\s.!?]+){0,2}?\\s+(?:bahwa|kalau|kalo|klo)\\s+`, 'giu'),
      subjectSays: new RegExp(`(?:^|[^\\p{L}\\p{N}@#])(\\p{L}[\\p{L}-]*)\\s+(?:(?:${SAY_AUX})\\s+){0,2}(${say})(?=\\s*:|\\s+[^\\s])`, 'giu'),
      word: new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${say})(?=$|[^\\p{L}\\p{N}])`, 'iu'),
    };
    byNouns.set(contentNouns, out);
  }
  return out;
}

/**
 * The subject of a verb of saying that is not the writer: the third-person pronouns of Indonesian
 * (TBBBI, Alwi et al. 2003, ch. pronomina persona: dia, ia, beliau, mereka; chat "doi") and the
 * nouns for people (nomina insani) that stand in that slot in posts about an election — a voter,
 * a citizen, a pupil or patient the writer serves, an analyst, a camp, a supporter. First-person
 * subjects ("saya bilang", "kami ajak") are the writer's own words. Matched lower-cased. A
 * candidate's name as the subject ("Prabowo-Sandi Janji Tak Ambil Gaji") is left to the rules:
 * the writer's praise of the promise beside it reads the promise as its topic.
 */
const THIRD_PERSON_SUBJECTS: ReadonlySet<string> = new Set([
  'dia', 'ia', 'beliau', 'mereka', 'doi', 'warga', 'warganet', 'netizen', 'orang', 'org', 'pengamat', 'murid', 'siswa', 'mahasiswa',
  'pasien', 'tetangga', 'teman', 'temen', 'kawan', 'relawan', 'pendukung', 'pendukungnya', 'simpatisan', 'kubu', 'timses', 'jubir',
  'caleg', 'capres', 'cawapres', 'paslon', 'pemilih', 'penanya', 'bapaknya', 'ibunya', 'anaknya', 'emak', 'emak-emak', 'ibu-ibu',
  'bapak-bapak', 'survei', 'lembaga', 'media', 'berita', 'koran', 'pihak',
  // kin and the people around the writer, with the possessive -ku/-nya ("keluargaku juga bilang gaji …")
  'keluarga', 'keluargaku', 'keluarganya', 'ortu', 'ortuku', 'ibuku', 'bapakku', 'ayahku', 'suamiku', 'istriku', 'adikku', 'kakakku',
  'temanku', 'temenku', 'tetanggaku',
]);
// aspect words and adverbs between the subject and its verb ("warga cuma bilang", "dia juga sempat tanya")
const SAY_AUX = 'udah|sudah|sdh|cuma|cuman|hanya|juga|jg|lagi|sempat|pernah|malah|langsung|tadi|terus|trus|sambil|kembali|pun|akan|bakal|mau';
// verbs of asking: their complement is the asker's question to the end of its sentence, past commas
const ASK = /^(?:tanya|bertanya|nanya|nanyain|tanyakan|menanyakan)$/iu;

// hearsay adverbs at the start of a sentence or clause (TBBBI, ch. adverbia: katanya, konon,
// kabarnya; Javanese jare/jarene, Sundanese cenah/ceunah, Minang kecek/kato/katonyo), then a word
const HEARSAY = /(?:^|[.!?,;:\n(]\s*|\s-\s)(?:katanya|katane|konon|kabarnya|jare|jarene|cenah|ceunah|kecek|katonyo)\s+(?=[\p{L}\p{N}@#])/giu;

// the hearsay particles of Sundanese and Javanese closing a clause ("Budi-Dewi menang cenah", "02
// unggul jare"): cenah/ceunah is the Sundanese evidential that follows what was heard, jare/jarene
// stands after it as often as before; the clause before them, from its start, is the hearsay. Only
// a word that closes its clause (punctuation, an emoji or the end follows). Indonesian "katanya"
// closing a clause is left out: in posts it sets up the writer's own argument ("X butuh 40 tahun
// katanya ... @Y baru 4.5 tahun dah mau digeser"), where the clause is a premise the writer adopts
const HEARSAY_AFTER = /(?<=\s)(?:jare|jarene|cenah|ceunah)(?=\s*(?:$|[.!?,;:\n)]|[^\s\p{L}\p{N}@#]))/giu;

// a forward header a chat or mail client writes, or a writer copies with the text, on a line of its
// own (WhatsApp "Forwarded"/"Diteruskan", Telegram "Forwarded from X"/"Diteruskan dari X", mail
// "Fwd:", Sundanese "diteraskeun", "copas dari grup sebelah"): the words after it are the original
// author's, to the end of the message or to a closing rule line ("-----", "____"); a writer's
// comment before the header, or after that line, stays the writer's
const FORWARD_HEADER = /(?:^|\n)[ \t*_~[(]*(?:forwarded(?: message| many times)?|pesan (?:di)?teruskan|pesan terusan|diteruskan|diteraskeun|fwd?|copas|copy paste|c&p)[*_~]*(?:\s+(?:dari|from|ti|saka|seko)\s+[^\n:]{1,60}?)?[ \t*_~\])]*(?::[ \t]*|\n|$)/giu;
const FORWARD_END = /\n[ \t]*(?:-{3,}|_{3,}|={3,}|—{2,})[ \t]*(?:\n|$)/u;
// the header "copas"/"c&p" or "dari grup sebelah" needs a source or a colon: "copas aja" is a verb
const FORWARD_VERB_ONLY = /^(?:copas|copy paste|c&p)$/iu;

/** Labels a post opens with that are no speaker ("BREAKING: …", "INFO: …", "Sumber: …"). */
const LABELS = new Set([
  'breaking', 'breaking news', 'update', 'info', 'infografis', 'video', 'foto', 'thread', 'utas', 'repost', 'rt', 'fyi', 'cc', 'via', 'sumber',
  'source', 'pengumuman', 'live', 'hot', 'viral', 'fakta', 'cek fakta', 'hoaks', 'hoax', 'berita', 'news', 'opini', 'catatan', 'pesan',
  'note', 'ps', 'nb', 'tldr', 'unpopular opinion', 'hot take', 'reminder', 'psa', 'quote', 'kutipan',
  // the social-media post formats a writer heads their own post with (TikTok/Instagram: point of
  // view, outfit of the day, get ready with me, a day in the life, trigger/content warning)
  'pov', 'ootd', 'grwm', 'ditl', 'tw', 'cw', 'spoiler', 'caption', 'mood', 'status', 'curhat', 'story', 'daily', 'vlog',
]);

/**
 * Where the sentence that contains `at` ends: a full stop, "!", "?", an ellipsis, a newline or a
 * link. An ellipsis ends its sentence even with no space after it ("… ke tiap desa...masya Allah"):
 * chat writers join sentences so; a single dot between letters does not ("3.5", "p.s").
 */
function sentenceEnd(text: string, at: number): number {
  const re = /[.!?…]+(?:\s|$)|\.{2,}|…|\n|https?:\/\//gu;
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

const HEARSAY_HINT = /jare|cenah|ceunah/iu;
const FORWARD_HINT = /forward|teruskan|terusan|diteraskeun|fwd?\b|copas|copy paste|c&p/iu;

/** Where the clause that ends at `at` starts: after the last sentence end, comma, semicolon, colon or newline before it. */
function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  let from = 0;
  for (const m of before.matchAll(/[.!?…,;:\n]/gu)) from = (m.index ?? 0) + 1;
  return from + (before.slice(from).length - before.slice(from).trimStart().length);
}

/** Where the clause that starts at `at` ends: a comma or a semicolon, or the end of its sentence. */
function clauseEnd(text: string, at: number): number {
  const comma = text.slice(at).search(/[,;]/u);
  const end = sentenceEnd(text, at);
  return comma < 0 ? end : Math.min(end, at + comma);
}

// a speaker of one to four capitalised words (a name, a title, an agency: "Prabowo", "Kominfo",
// "Ketua KPU", "Cak Imin") opening the post, then the colon; a number before it is a time (10:30)
const OPENING_SPEAKER = /^(?:\s*|[^.!?\n:]{0,80},\s+)((?:\p{Lu}[\p{L}\p{N}'.-]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}'.-]*|dan|&)){0,3})\s*:\s+(?=\S)/u;
// "menurut Prabowo," / "kata Jokowi", "kata pak Prabowo", "kata PRABOWO": a titled or capitalised speaker,
// not the writer ("kata saya", "menurut gue") nor a common noun ("kata orang", "kata-kata")
const TITLES = '(?:pak|pk|bpk|bapak|bu|ibu|mas|mbak|bang|cak|gus|prof|kang|om)';
const NAMED_SPEAKER = new RegExp(`\\b(?:[Mm]enurut|[Kk]ata)\\s+(?:(?:${TITLES})\\.?\\s+)?(?:\\p{Lu}[\\p{L}'-]+|@\\w+)`, 'gu');
// the writer's own heading ("Pilihanku:", "Capres Pilihan Saya:", "Jagoan gue:"): a first-person
// word or the -ku possessive anywhere in it
const OWN_HEAD = /\b(?:saya|aku|gue|gua|gw|kami|kita)\b|ku\b/u;
const THAT_HINT = /\b(?:[Bb]ahwa|[Kk]alau|[Kk]alo|[Kk]lo)\b/u;
const SPEAKER_HINT = /\b(?:[Mm]enurut|[Kk]ata)\s/u;
// the legal status an authority gives a person (KUHAP: tersangka, terdakwa, terpidana; the charge,
// the indictment, the verdict), optionally followed by "kasus"/"dugaan"/"atas"
const CHARGE_HINT = /(?:tersangka|terdakwa|terpidana|didakwa|dakwaan|divonis|vonis|dituntut|tuntutan)/iu;
const CHARGE = /\b(?:tersangka|terdakwa|terpidana|didakwa|dakwaan|divonis|vonis|dituntut|tuntutan)\b(?:\s+(?:kasus|perkara|dugaan|atas|dalam|karena))*\s+/giu;
const WRITER = /^(?:Saya|Aku|Gue|Gua|Gw|Kami|Kita|Ku|Anda|Kamu|Lo|Lu|Ente|Dia|Beliau|Mereka|Orang|Netizen)\b/u;

/**
 * Where a reported range that runs to its sentence's end (`end`) ends once a closing aside of the
 * writer is left out: a last clause of one or two words after a comma, with at most emoji or
 * punctuation after it ("X bilang kalau makan siang gratis buat semua, no thanks", "… bahwa harga
 * turun, preet 🤣", "…, setuju!"). A speaker's own words seldom end so; the writer's reaction to
 * them does (fixtures/eval/language-s52.md). The report keeps at least two words, and a closing
 * attribution ("…, kata pengamat") is the report's.
 */
// the news attribution that closes a report ("…, kata pengamat", "…, ujarnya"): the report's, not an aside
const ATTRIBUTION_TAIL = /^\s*(?:kata|katanya|ujar|ujarnya|tutur|tuturnya|ungkap|ungkapnya|jelas|jelasnya|tegas|tegasnya|menurut|sebut|sebutnya|imbuh|imbuhnya|tambah|tambahnya|kilah|kilahnya)(?![\p{L}\p{N}])/iu;
function closingAsideAt(text: string, from: number, end: number): number {
  const comma = text.lastIndexOf(',', end - 1);
  if (comma <= from) return end;
  const tail = text.slice(comma + 1, end);
  const words = tail.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0 || words.length > 2 || !/^\s*[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)?[^\p{L}\p{N}]*$/u.test(tail) || ATTRIBUTION_TAIL.test(tail)) return end;
  if ((text.slice(from, comma).match(/[\p{L}\p{N}]+/gu) ?? []).length < 2) return end;
  return comma;
}

/** Character ranges of the original text that are someone else's reported words. */
export function reportedSpeechRanges(original: string, say?: SayVerbs): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (say && (original.includes('"') || original.includes('“') || SINGLE_QUOTE_HINT.test(original))) {
    for (const m of original.matchAll(say.shortQuote)) {
      const open = original.slice(m.index ?? 0, (m.index ?? 0) + m[0].length).search(/["“'‘]/u);
      out.push([(m.index ?? 0) + open, (m.index ?? 0) + m[0].length]);
    }
  }
  // a colon near the start at all (an opening lead is at most 80 characters and four words in)
  const colon = original.indexOf(':');
  const opening = colon > 0 && colon < 140 ? OPENING_SPEAKER.exec(original) : null;
  const head = (opening?.[1] ?? '').toLowerCase();
  if (opening && !LABELS.has(head) && !LABELS.has(head.split(/\s+/u)[0] ?? '') && !WRITER.test(opening[1] ?? '') && !OWN_HEAD.test(head)) {
    const from = opening[0].length;
    out.push([from, closingAsideAt(original, from, sentenceEnd(original, from))]);
  }
  // (speed: the two scans below run only when their anchor word occurs at all)
  if (say && THAT_HINT.test(original)) for (const m of original.matchAll(say.thatClause)) {
    const from = (m.index ?? 0) + m[0].length;
    out.push([from, closingAsideAt(original, from, sentenceEnd(original, from))]);
  }
  // 5. a third person's verb of saying and its complement ("Warga tanya ke kantor desa, apa benar
  //    kalau …?", "Anies mengajak pendukungnya …", "mereka cuma bilang: oh yang …"): the verb and
  //    the rest of its clause (of its sentence for a question or after a colon) are the speaker's
  if (say) for (const m of original.matchAll(say.subjectSays)) {
    const subject = m[1] ?? '';
    if (!THIRD_PERSON_SUBJECTS.has(subject.toLowerCase())) continue;
    const verb = m[2] ?? '';
    const from = (m.index ?? 0) + m[0].length - verb.length;
    const rest = original.slice(from + verb.length);
    const sentence = ASK.test(verb) || /^\s*:/u.test(rest);
    out.push([from, sentence ? closingAsideAt(original, from, sentenceEnd(original, from + verb.length)) : clauseEnd(original, from + verb.length)]);
  }
  // 6. hearsay opening a clause ("katanya warga dukung X", "konon …", Javanese "jare"/"jarene",
  //    Sundanese "cenah"/"ceunah", Minang "kecek"/"kato"): the clause is what others say. The
  //    same adverbs ucapan-pihak-lain reads before a speaker; the clause runs to its comma
  for (const m of original.matchAll(HEARSAY)) {
    const from = (m.index ?? 0) + m[0].length;
    out.push([(m.index ?? 0) + m[0].search(/\p{L}/u), clauseEnd(original, from)]);
  }
  //    and, for the Sundanese and Javanese particles, closing it ("Budi-Dewi menang cenah"): the clause before it
  if (HEARSAY_HINT.test(original)) for (const m of original.matchAll(HEARSAY_AFTER)) {
    const at = m.index ?? 0;
    const from = clauseStart(original, at);
    if (/[\p{L}\p{N}]/u.test(original.slice(from, at))) out.push([from, at + m[0].length]);
  }
  // 8. a forwarded block after its header, to the end of the message or a closing rule line
  if (FORWARD_HINT.test(original)) for (const m of original.matchAll(FORWARD_HEADER)) {
    const word = m[0].replace(/^[\s*_~[(]+/u, '').split(/[\s:*_~\])]/u)[0] ?? '';
    // "copas" alone is the writer's verb ("copas aja"): a header only with a source or a colon
    if (FORWARD_VERB_ONLY.test(word) && !/(?:dari|from|ti|saka|seko)\s|:/iu.test(m[0])) continue;
    const from = (m.index ?? 0) + m[0].length;
    const rest = original.slice(from);
    const end = rest.search(FORWARD_END);
    if (/[\p{L}\p{N}]/u.test(rest)) out.push([m.index ?? 0, end < 0 ? original.length : from + end]);
  }
  // 7. the name of a charge after the legal status an authority gave ("ditetapkan sebagai tersangka
  //    kasus dugaan penistaan agama", "terdakwa penodaan agama", "divonis korupsi"): the police's,
  //    the prosecutor's or the court's words for the case, to the end of its clause or the first
  //    hashtag or mention: a tag is the writer's own ("tuntutan JPU kasus #AhokPenistaAgama")
  if (CHARGE_HINT.test(original)) for (const m of original.matchAll(CHARGE)) {
    const from = (m.index ?? 0) + m[0].length;
    const end = clauseEnd(original, from);
    const tag = original.slice(from, end).search(/[#@]/u);
    out.push([from, tag < 0 ? end : from + tag]);
  }
  if (SPEAKER_HINT.test(original)) for (const m of original.matchAll(NAMED_SPEAKER)) {
    const speaker = m[0].split(/\s+/u).at(-1) ?? '';
    if (WRITER.test(speaker)) continue;
    const from = (m.index ?? 0) + m[0].length;
    out.push([from, clauseEnd(original, from)]);
  }
  return out;
}
