// Headline shape: a text that is a news headline and nothing more ("Prabowo Janji Lanjutkan Program
// Makan Siang Gratis Jika Terpilih https://t.co/…"). Indonesian outlets write headlines in title
// case; people do not write their own opinions that way (a slogan might, which is why the exception
// that uses this also asks for no praise, insult, call or campaign tag). Links, hashtags, mentions,
// "via @outlet" and a trailing "- Outlet" are set aside first: they are how a headline is shared.
// Read from the ORIGINAL text (the normalised one is lower case).

const SHARED_BY = [
  /https?:\/\/\S+|\bpic\.twitter\.com\/\S+|\bwww\.\S+/giu,
  // a bare domain with a path (kompas.com/read/…)
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|org|ly|gl|it|news|info|tv)\/\S*/giu,
  // via @outlet, lewat @outlet, cc @someone
  /\b(?:via|lewat|cc)\s*:?\s*@\w+/giu,
  /(?:^|\s)[#@][\p{L}\p{N}_]+/gu,
];

/** The words of the text once the sharing furniture is set aside. */
function headlineWords(original: string): string[] {
  let t = original;
  for (const re of SHARED_BY) t = t.replace(re, ' ');
  // a trailing outlet name after a dash or a bar: "… - Warta Ekonomi", "… | Kompas.com"
  t = t.replace(/\s[-–—|]\s*(?:\S+\s*){0,4}$/u, ' ');
  return t.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
}

/**
 * Is the text a title-case headline and nothing more? At least four content words, at most 30
 * words, and nearly every content word (≥ 85 %) starting with a capital or a digit; an all-caps
 * text is shouting, not a headline. `smallWords`: the function words a title-case headline leaves
 * in lower case ("di", "dan", "yang": lexicon kata-kecil-judul, RulePack.headlineSmallWords), no
 * content words.
 */
export function isHeadlineShaped(original: string, smallWords: ReadonlySet<string>): boolean {
  const words = headlineWords(original);
  if (words.length < 4 || words.length > 30) return false;
  let content = 0;
  let capital = 0;
  let letters = 0;
  let upper = 0;
  for (const raw of words) {
    const w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!w) continue;
    for (const ch of w) {
      if (/\p{L}/u.test(ch)) {
        letters++;
        if (/\p{Lu}/u.test(ch)) upper++;
      }
    }
    const first = w[0] ?? '';
    const capitalised = /[\p{Lu}\p{N}]/u.test(first);
    if (!capitalised && smallWords.has(w.toLowerCase())) continue;
    content++;
    if (capitalised) capital++;
  }
  if (content < 4) return false;
  if (letters > 0 && upper / letters > 0.6) return false;
  return capital / content >= 0.85;
}

/** Any pictograph (emoji): an outlet's lede carries none; a person's share of it often does. */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const LINK = /https?:\/\/\S+/gu;
// a link to a post on a social network is a quote or the writer's own photo, not an article: the
// words beside it are the writer's comment on it
const SOCIAL_LINK = /^https?:\/\/(?:[\w-]+\.)*(?:twitter\.com|x\.com|instagram\.com|facebook\.com|fb\.me|fb\.watch|tiktok\.com|youtube\.com|youtu\.be|t\.me)\b/iu;

/**
 * Is the text a news lede shared with its link and nothing more? Outlets' accounts on X post the
 * article's first sentence or a sentence-case headline with a shortened link ("Tim transisi
 * Prabowo-Gibran mulai bahas program makan bergizi gratis dengan Bappenas https://t.co/…"), which
 * isHeadlineShaped (title case) does not see. The shape: a link to an article, not to a post on a
 * social network (a quoted tweet, an Instagram post or an attached photo carries the writer's own
 * comment beside it); once the link, the trailing
 * hashtags and mentions and "via @outlet" are set aside, four to forty words that open with a
 * capital or a digit, in at most two sentences, with no emoji, no exclamation, no question and no
 * ellipsis (a person's trailing-off "…"); the exception that uses this asks for no sign of the
 * writer's own voice besides.
 */
export function isLedeShaped(original: string): boolean {
  const links = original.match(LINK) ?? [];
  if (links.length === 0 || links.some((l) => SOCIAL_LINK.test(l)) || /\bpic\.twitter\.com\//iu.test(original)) return false;
  if (PICTOGRAPH.test(original)) return false;
  let t = original;
  for (const re of SHARED_BY) t = t.replace(re, ' ');
  t = t.replace(/\s[-–—|]\s*(?:\S+\s*){0,4}$/u, ' ').trim();
  if (/[!?…]|\.\.|\n/u.test(t)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  const words = t.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length < 4 || words.length > 40) return false;
  // at most two sentences: a full stop followed by more words
  return (t.match(/\.\s+\S/gu) ?? []).length <= 1;
}
