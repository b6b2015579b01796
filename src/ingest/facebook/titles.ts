// Facebook `title` sentences ("Rina likes Budi's post.") are written in the account's language and
// are the only place old-shape likes and comments name their target. We read the English form
// (seen in real exports) and Indonesian forms; the Indonesian wording is a GUESS (no real
// Indonesian export seen, formats.md §9) — extend the tables when a real sample shows otherwise.
// An unknown language simply yields nothing, and callers keep the whole title.

export type TitleVerb = 'status' | 'react' | 'comment' | 'share' | 'wrote-on' | 'posted-in' | 'joined';
export type TitleObject = 'post' | 'link' | 'comment' | 'account' | 'event' | 'group';

export interface TitleParts {
  actor?: string;
  verb: TitleVerb;
  /** what was acted on: a post, a comment, someone's timeline … */
  object?: TitleObject;
  /** the owner of the object (or the group/timeline name); absent for "a post" */
  owner?: string;
  /** "his own post" / "postingannya sendiri" */
  own?: boolean;
}

const EN_VERBS: Record<string, TitleVerb> = {
  // "updated his status", "added a new photo": own posts, only the actor is of use
  updated: 'status',
  added: 'status',
  likes: 'react',
  liked: 'react',
  'reacted to': 'react',
  'commented on': 'comment',
  'replied to': 'comment',
  shared: 'share',
  'wrote on': 'wrote-on',
  'posted in': 'posted-in',
  'posted on': 'wrote-on',
  'became a member of': 'joined',
  'joined': 'joined',
};

// Indonesian (guessed) verbs, longest first so "berkomentar di" wins over shorter prefixes.
const ID_VERBS: Record<string, TitleVerb> = {
  memperbarui: 'status',
  menambahkan: 'status',
  'bereaksi terhadap': 'react',
  'bereaksi pada': 'react',
  'memberikan reaksi pada': 'react',
  menyukai: 'react',
  menanggapi: 'react',
  'berkomentar di': 'comment',
  'berkomentar pada': 'comment',
  mengomentari: 'comment',
  membalas: 'comment',
  membagikan: 'share',
  'menulis di': 'wrote-on',
  'memposting di': 'posted-in',
  'mengirim di': 'posted-in',
  'menjadi anggota': 'joined',
  'bergabung dengan': 'joined',
};

const OBJECT_WORDS: Record<string, TitleObject> = {
  post: 'post',
  photo: 'post',
  video: 'post',
  'live video': 'post',
  link: 'link',
  status: 'post',
  album: 'post',
  reel: 'post',
  story: 'post',
  note: 'post',
  memory: 'post',
  'life event': 'post',
  comment: 'comment',
  reply: 'comment',
  timeline: 'account',
  event: 'event',
  // Indonesian (guessed)
  postingan: 'post',
  kiriman: 'post',
  foto: 'post',
  tautan: 'link',
  komentar: 'comment',
  balasan: 'comment',
  kronologi: 'account',
  acara: 'event',
};

const alternation = (words: string[]): string =>
  words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');

const OBJ = alternation(Object.keys(OBJECT_WORDS));
const EN = new RegExp(`^(?<actor>.+?)\\s+(?<verb>${alternation(Object.keys(EN_VERBS))})\\s+(?<rest>.+?)[.!]?$`, 'iu');
const ID = new RegExp(`^(?<actor>.+?)\\s+(?<verb>${alternation(Object.keys(ID_VERBS))})\\s+(?<rest>.+?)[.!]?$`, 'iu');

// English rests: "Budi's post", "James' photo", "his own post", "a post", "a link"
const EN_OWN = new RegExp(`^(?:his|her|their|your)\\s+own\\s+(?<obj>${OBJ})\\b`, 'iu');
const EN_NONE = new RegExp(`^(?:an?|the)\\s+(?<obj>${OBJ})\\b`, 'iu');
const EN_OWNER = new RegExp(`^(?<owner>.+?)['’]s?\\s+(?<obj>${OBJ})\\b`, 'iu');
// Indonesian rests: "postingan Budi", "foto Budi", "postingannya sendiri", "sebuah tautan"
const ID_OWN = new RegExp(`^(?<obj>${OBJ})nya\\s+sendiri\\b`, 'iu');
const ID_NONE = new RegExp(`^(?:sebuah\\s+|suatu\\s+)?(?<obj>${OBJ})$`, 'iu');
const ID_OWNER = new RegExp(`^(?<obj>${OBJ})\\s+(?<owner>.+)$`, 'iu');

/** Read a title sentence; undefined when it is in no language we know. */
export function parseTitle(title: string | undefined): TitleParts | undefined {
  if (!title) return undefined;
  const text = title.trim();
  return parseWith(text, EN, EN_VERBS, [EN_OWN, EN_NONE, EN_OWNER]) ?? parseWith(text, ID, ID_VERBS, [ID_OWN, ID_NONE, ID_OWNER]);
}

function parseWith(text: string, sentence: RegExp, verbs: Record<string, TitleVerb>, rests: [RegExp, RegExp, RegExp]): TitleParts | undefined {
  const m = sentence.exec(text);
  const g = m?.groups;
  if (!g?.actor || !g.verb || !g.rest) return undefined;
  const verb = verbs[g.verb.toLowerCase().replace(/\s+/g, ' ')];
  if (!verb) return undefined;
  const actor = isSelfWord(g.actor) ? undefined : g.actor;
  const parts: TitleParts = { ...(actor && { actor }), verb };
  if (verb === 'status') return parts;
  const rest = g.rest;
  const [own, none, owned] = rests;
  let r: RegExpExecArray | null;
  if ((r = own.exec(rest))) return { ...parts, object: objectOf(r.groups?.obj), own: true, ...(actor && { owner: actor }) };
  if ((r = none.exec(rest))) return { ...parts, object: objectOf(r.groups?.obj) };
  if (verb !== 'posted-in' && verb !== 'joined' && (r = owned.exec(rest)) && r.groups?.owner) {
    return { ...parts, object: objectOf(r.groups.obj), owner: r.groups.owner.trim() };
  }
  // "posted in <group>", "became a member of <group>", or an object word we do not know.
  return { ...parts, ...(verb === 'posted-in' || verb === 'joined' ? { object: 'group' as const } : {}), owner: rest.trim() };
}

function objectOf(word: string | undefined): TitleObject | undefined {
  return word ? OBJECT_WORDS[word.toLowerCase().replace(/\s+/g, ' ')] : undefined;
}

/** "You became a member of …" names no one. */
function isSelfWord(s: string): boolean {
  return /^(you|anda|kamu)$/i.test(s.trim());
}
