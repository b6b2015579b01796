// Names inside account handles and page names ("relawanbude.official", "sobat_bude2024",
// "desakanies", "Ganjarist Banyumas Raya", "Gibran Center Jawa Barat"): a handle has no spaces
// and no capitals, a page name glues a fan suffix to the name, so the one-pass matcher never sees
// the name as a word of its own. This reader splits such a name into pieces (separators, camel
// case, letter/digit runs, then glued known words) and matches the pieces against the name forms
// of the subject's own races, with a confidence: a full name form counts; a form that is also an
// everyday word or a given name ("bude", "abah", "gibran") counts only where the rest of the name
// confirms it (a team word, the race's region, the ballot number, the election year). Every
// reading keeps the split and the piece that matched, for the finding to show.
import { isEverydayWord } from '../registry/dictionary.js';
import { provinceName } from '../registry/provinces.js';
import type { Election, RegistryTerm } from './registry.js';
import type { RegistryPair } from './registry-schema.js';
import type { HandleWords } from './pack.js';
import { shortFormCandidate, termKey } from './registry.js';
import { joinedHalves } from './pair-halves.js';

/** What a piece of an account name is. */
export type PieceKind = 'name' | 'team' | 'fan' | 'filler' | 'place' | 'chapter' | 'year' | 'number' | 'ballot' | 'word' | 'other' | 'stop';

export interface HandlePiece {
  text: string;
  kind: PieceKind;
  /** split off a run whose tail is no known word ("yoyok" of "yoyokjoss") */
  partial?: boolean;
}

/** How a weak name form was confirmed by the rest of the account name (a firm one needs nothing). */
export type HandleConfirmation = 'full-name' | 'team' | 'region' | 'number' | 'year' | 'fan-place' | 'mate';

export interface HandleReading {
  /** the account name read (one handle, URL path or page name), as written */
  written: string;
  /** where the token holding the matched piece stands in the string read (original offsets) */
  start: number;
  end: number;
  pieces: HandlePiece[];
  /** the piece that names the pair */
  matched: string;
  pair: RegistryPair;
  election: Election;
  /** the registry term the piece matched */
  term: RegistryTerm;
  confirmedBy: HandleConfirmation;
  /** the piece(s) that confirmed a weak form (empty for a full name form) */
  by: string[];
  /** a team or fan word is among the pieces (a supporters' page or group, not the candidate's own) */
  team: boolean;
}

/** The fixed pieces' kinds, by the lexicons that list them (pack.handleWords). */
const FIXED_KINDS = ['team', 'fan', 'filler', 'chapter', 'stop', 'ballot'] as const satisfies ReadonlyArray<keyof HandleWords & PieceKind>;

/** word → kind of the fixed pieces, made once per pack's word sets */
const FIXED = new WeakMap<HandleWords, ReadonlyMap<string, PieceKind>>();

function fixedPieces(words: HandleWords): ReadonlyMap<string, PieceKind> {
  let fixed = FIXED.get(words);
  if (!fixed) {
    const map = new Map<string, PieceKind>();
    // the six lists share no word (test/rules/handle-reader.test.ts)
    for (const kind of FIXED_KINDS) for (const w of words[kind]) map.set(w, kind);
    FIXED.set(words, (fixed = map));
  }
  return fixed;
}

/** One name form of a race the reader looks for. */
interface HandleForm {
  term: RegistryTerm;
  /** a full name form: read wherever it is glued to known pieces */
  firm: boolean;
  /** a given name (a candidate's ambiguous form), not a blend or nickname: the year alone does not confirm it */
  personal: boolean;
  /** a clipped call name (variant `hypocorism`): only the running mate's name beside it confirms it */
  clip: boolean;
}

/** The forms, places and years of the races read: made once per set of elections and region. */
export interface HandleScope {
  forms: Map<string, HandleForm[]>;
  /** words of the races' own regions ("sukamaju", "medan") → the elections they belong to */
  regions: Map<string, Set<Election>>;
  /** words of the subject's province and regions: a chapter's place, for any race */
  places: Set<string>;
  /** team, fan, filler, chapter, stop and ballot words (the pack's lexicons) */
  fixed: ReadonlyMap<string, PieceKind>;
  longest: number;
}

/** Terms of these lists carry a candidate's or a pair's name. */
const NAME_LISTS = new Set(['names', 'pair_names', 'ambiguous']);
/** name words the region names carry that name no place by themselves */
const REGION_GENERIC = new Set(['kabupaten', 'kota', 'provinsi', 'administrasi', 'daerah', 'istimewa', 'khusus', 'ibukota', 'kepulauan', 'dki', 'utara', 'selatan', 'barat', 'timur', 'tengah', 'raya']);

/**
 * The scope of the subject's own races (`elections`: the Pilpres and the Pilkada of the subject's
 * region in force at the item's time). `termsOf` lists the registry's terms of one list; `words` are
 * the pack's fixed pieces (pack.handleWords).
 */
export function handleScope(elections: readonly Election[], region: string | undefined, termsOf: (list: 'names' | 'pair_names' | 'ambiguous') => readonly RegistryTerm[], words: HandleWords): HandleScope {
  const own = new Set(elections);
  const forms = new Map<string, HandleForm[]>();
  let longest = 0;
  for (const list of ['names', 'pair_names', 'ambiguous'] as const) {
    for (const term of termsOf(list)) {
      if (!own.has(term.election) || !term.pair || !NAME_LISTS.has(term.list)) continue;
      // generated misspellings, clippings, consonant skeletons, initials and clipped given names are
      // too loose inside a handle; a coinage (a made-up word since s51: "relawanpramdoel") is read as a
      // blend is, never firm: only with a team word, the running mate, the number or a fan word
      // (s55) a clipped call name ("mujib", "firin") is read only glued to the running mate's name
      // ("mohanmujib", "rohmifirin"): alone in a handle it is any Mujib's
      const clip = term.variant === 'hypocorism';
      if (term.variant !== undefined && term.variant !== 'blend' && term.variant !== 'coined' && !clip) continue;
      const form = termKey(term.term);
      if (!/^[a-z]+$/.test(form) || form.length < (term.variant === undefined ? 3 : 4)) continue;
      const firm = list !== 'ambiguous' && term.variant === undefined && form.length >= 5 && !isEverydayWord(form);
      const personal = list === 'ambiguous' && (clip || term.pair.candidates.some((c) => c.ambiguous_forms.some((a) => termKey(a) === form)));
      const entry: HandleForm = { term, firm, personal, clip };
      const known = forms.get(form);
      if (known) {
        if (!known.some((k) => k.term.pair === term.pair && k.term.election === term.election)) known.push(entry);
        else if (firm) forms.set(form, known.map((k) => (k.term.pair === term.pair && k.term.election === term.election ? entry : k)));
      } else forms.set(form, [entry]);
      longest = Math.max(longest, form.length);
    }
  }
  // (s56) two halves made from a pair's names, glued ("sahabat_muliapas", "MuliaPASBali":
  // pair-halves.ts): read as a coinage is, with a team word, the number, the race's region or year
  for (const election of elections) {
    if (election.level === 'pilpres') continue;
    for (const pair of election.pairs) {
      for (const form of joinedHalves(pair)) {
        if (forms.has(form)) continue;
        const term: RegistryTerm = { list: 'pair_names', election, pair, term: form, variant: 'coined' };
        forms.set(form, [{ term, firm: false, personal: false, clip: false }]);
        longest = Math.max(longest, form.length);
      }
    }
  }
  const regions = new Map<string, Set<Election>>();
  const places = new Set<string>();
  const addPlace = (name: string, election?: Election) => {
    const words = name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !REGION_GENERIC.has(w));
    const joined = words.join('');
    for (const w of new Set([...words, ...(words.length > 1 ? [joined] : [])])) {
      places.add(w);
      if (election) regions.set(w, (regions.get(w) ?? new Set()).add(election));
    }
  };
  for (const e of elections) if (e.level !== 'pilpres') addPlace(e.regionName, e);
  const province = region ? provinceName(region.slice(0, 2)) : undefined;
  if (province) {
    // "Jawa Barat" is written "jawabarat" and as its words; "Barat" alone is no place
    places.add(province.toLowerCase().replace(/[^a-z]/g, ''));
    for (const w of province.toLowerCase().split(/[^a-z]+/)) if (w.length >= 3 && !REGION_GENERIC.has(w)) places.add(w);
  }
  for (const p of places) longest = Math.max(longest, p.length);
  return { forms, regions, places, fixed: fixedPieces(words), longest };
}

/** The account names in a string: handles, URL paths and page names, each with where it starts. */
function accountNames(text: string): Array<{ written: string; start: number }> {
  const out: Array<{ written: string; start: number }> = [];
  // a target string joins name, @handle, URL and handle words with " | "
  let at = 0;
  for (const segment of text.split(' | ')) {
    // a profile URL: its one path segment is the handle ("instagram.com/relawan.bude",
    // "tiktok.com/@yura.sukamaju"); a longer path is content (a news article's slug), no account
    const url = /^[a-z0-9.-]+\.[a-z]{2,}\/@?([^/?#\s]+)\/?$/i.exec(segment);
    if (url) {
      const handle = url[1] as string;
      out.push({ written: handle, start: at + segment.length - handle.length - (segment.endsWith('/') ? 1 : 0) });
    } else if (/^[a-z0-9.-]+\.[a-z]{2,}\//i.test(segment)) {
      // other URLs name no account
    } else {
      const lead = /^@/.test(segment) ? 1 : 0;
      if (segment.length > lead) out.push({ written: segment.slice(lead), start: at + lead });
    }
    at += segment.length + 3;
  }
  return out;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Tokens of one account name: runs of letters and digits, split where a letter meets a digit ("bude2024"). */
function tokensOf(written: string, base: number): Token[] {
  const out: Token[] = [];
  for (const m of written.matchAll(/[\p{L}\p{N}]+/gu)) {
    const run = m[0];
    const start = base + (m.index ?? 0);
    const cuts = [0];
    for (let i = 1; i < run.length; i++) if (/\p{N}/u.test(run[i - 1] as string) !== /\p{N}/u.test(run[i] as string)) cuts.push(i);
    cuts.push(run.length);
    for (let i = 0; i + 1 < cuts.length; i++) out.push({ text: run.slice(cuts[i], cuts[i + 1]), start: start + (cuts[i] as number), end: start + (cuts[i + 1] as number) });
  }
  return out;
}

/** A token's camel-case parts ("RelawanKangYusuf" → Relawan, Kang, Yusuf), lower case; one part when it has none. */
function camelParts(token: string): string[] {
  return token.split(/(?<=\p{Ll})(?=\p{Lu})/u).map((p) => p.toLowerCase());
}

/**
 * A letter token's pieces: glued known words first (a blend written "BuDe" is one name, not two
 * camel parts); where that finds nothing known, the camel-case parts, each split in turn.
 */
function tokenPieces(token: string, scope: HandleScope): HandlePiece[] {
  const split = splitRun(token.toLowerCase(), scope);
  if (split.some((p) => p.kind !== 'other' && p.kind !== 'word')) return split;
  const parts = camelParts(token);
  if (parts.length < 2) return split;
  const pieces = parts.flatMap((p) => splitRun(p, scope));
  return pieces.some((p) => p.kind !== 'other' && p.kind !== 'word') ? pieces : split;
}

/** What a lower-case word is as a piece, or undefined when it is nothing known. */
function knownPiece(word: string, scope: HandleScope): PieceKind | undefined {
  if (scope.forms.has(word)) return 'name';
  const fixed = scope.fixed.get(word);
  if (fixed) return fixed;
  if (scope.places.has(word)) return 'place';
  return undefined;
}

/**
 * A letter run split into glued known words ("relawanbude" → relawan · bude, "desakanies" →
 * desak · anies): every piece must be a known piece or a dictionary root word of three letters or
 * more, with the fewest pieces, and at least one piece known; else the run stays one piece. A run
 * that is itself a word ("budiman", "timur") is never split.
 */
function splitRun(run: string, scope: HandleScope, head = false): HandlePiece[] {
  const whole = knownPiece(run, scope);
  if (whole) return [{ text: run, kind: whole }];
  if (head) {
    // the head of a partial split: known pieces only, or nothing
    if (run.length < 6) return [];
  } else if (isEverydayWord(run, { evenAName: true }) || run.length < 6) return [{ text: run, kind: 'word' }];
  const n = run.length;
  // best[i]: the cheapest split of run[i..]: pieces count 10, a dictionary (not known) piece 1 more
  const best: Array<{ cost: number; next: number; kind: PieceKind; known: boolean } | undefined> = new Array(n + 1);
  best[n] = { cost: 0, next: n, kind: 'other', known: false };
  const limit = Math.max(scope.longest, 12);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = Math.min(n, i + limit); j > i; j--) {
      const rest = best[j];
      if (!rest) continue;
      const word = run.slice(i, j);
      const kind = knownPiece(word, scope);
      const dictionary = !kind && word.length >= 3 && isEverydayWord(word, { evenAName: true });
      if (!kind && !dictionary) continue;
      const cost = rest.cost + 10 + (dictionary ? 1 : 0);
      const now = best[i];
      if (!now || cost < now.cost) best[i] = { cost, next: j, kind: kind ?? 'word', known: Boolean(kind) || rest.known };
    }
  }
  const first = best[0];
  if (first && first.known) return piecesFrom(run, 0, n, best);
  if (head) return [];
  // a run that ends in a word of the handle's own ("yoyokjoss": the name and a cheer): the known
  // head split off, its tail left whole, and the pieces marked partial (confirm reads them only
  // with a team word or the number beside)
  for (let j = n - 3; j >= 4; j--) {
    const head = splitRun(run.slice(0, j), scope, true);
    if (head.length > 0 && head.some((p) => p.kind === 'name')) return [...head, { text: run.slice(j), kind: 'other' as const }].map((p): HandlePiece => ({ ...p, partial: true }));
  }
  return [{ text: run, kind: 'other' }];
}

function piecesFrom(run: string, from: number, to: number, best: ReadonlyArray<{ next: number; kind: PieceKind } | undefined>): HandlePiece[] {
  const out: HandlePiece[] = [];
  for (let i = from; i < to; ) {
    const b = best[i] as { next: number; kind: PieceKind };
    out.push({ text: run.slice(i, b.next), kind: b.kind });
    i = b.next;
  }
  return out;
}

/** The election's polling year ("2024"). */
function yearOf(e: Election): string {
  return String(new Date(e.vote).getUTCFullYear());
}

/**
 * Read the account names in `text` (a target string: "name | @handle | url | words") against the
 * scope's races. One reading per pair per account name, the first confirmed piece.
 */
export function readHandles(text: string, scope: HandleScope): HandleReading[] {
  const out: HandleReading[] = [];
  const seen = new Set<string>();
  for (const account of accountNames(text)) {
    const spaced = /\s/.test(account.written.trim());
    const pieces: Array<HandlePiece & { token: Token; glued: boolean }> = [];
    for (const token of tokensOf(account.written, account.start)) {
      const lower = token.text.toLowerCase();
      if (/^\p{N}+$/u.test(lower)) {
        pieces.push({ text: lower, kind: /^(19|20)\d\d$/.test(lower) ? 'year' : 'number', token, glued: false });
        continue;
      }
      const split = tokenPieces(token.text, scope);
      for (const p of split) pieces.push({ ...p, token, glued: split.length > 1 });
    }
    if (pieces.some((p) => p.kind === 'stop')) continue;
    if (!pieces.some((p) => p.kind === 'name')) continue;
    const team = pieces.some((p) => p.kind === 'team' || p.kind === 'fan');
    const view: HandlePiece[] = pieces.map((p) => ({ text: p.text, kind: p.kind, ...(p.partial ? { partial: true } : {}) }));
    for (const [k, p] of pieces.entries()) {
      if (p.kind !== 'name') continue;
      for (const form of scope.forms.get(p.text) ?? []) {
        const pair = form.term.pair as RegistryPair;
        const election = form.term.election;
        // the target string gives a handle also as its words ("sobat.bude | sobat bude"): one reading
        const key = `${view.map((x) => x.text).join(' ')}\u0000${election.id}\u0000${pair.id}`;
        if (seen.has(key)) continue;
        // a full name standing as a word of its own is read by the one-pass matcher already
        const own = !p.glued && p.token.text.length === p.text.length;
        const confirmation = confirm(form, k, pieces, scope, spaced);
        if (!confirmation || (confirmation.how === 'full-name' && own && spaced)) continue;
        seen.add(key);
        out.push({ written: account.written, start: p.token.start, end: p.token.end, pieces: view, matched: p.text, pair, election, term: form.term, confirmedBy: confirmation.how, by: confirmation.by, team });
      }
    }
  }
  return out;
}

/** How the rest of the account name confirms the name piece at `k`, if it does. */
function confirm(form: HandleForm, k: number, pieces: ReadonlyArray<HandlePiece & { glued: boolean }>, scope: HandleScope, spaced: boolean): { how: HandleConfirmation; by: string[] } | undefined {
  const partial = pieces[k]?.partial === true;
  if (form.firm && !partial) return { how: 'full-name', by: [] };
  const pair = form.term.pair as RegistryPair;
  const election = form.term.election;
  const others = pieces.filter((_, i) => i !== k);
  // in a page name typed with spaces a team or fan word is the name's only right beside it
  // ("Sobat Bude Sukamaju", "Gibran Center …"; not "Relawan Kader Bu Siti": the organiser's name)
  const beside = (p: HandlePiece): boolean => !spaced || p === pieces[k - 1] || p === pieces[k + 1];
  const teamWord = others.find((p) => p.kind === 'team' && beside(p));
  if (teamWord && !form.clip) return { how: 'team', by: [teamWord.text] };
  if (partial) {
    if (form.clip) return undefined;
    const numbered = ballotNumberPiece(others, pair.number);
    return numbered ? { how: 'number', by: [numbered.text] } : undefined;
  }
  // the running mate's name beside it ("fauzi.siti"): the pair, not a namesake
  const mate = others.find((p) => p.kind === 'name' && (scope.forms.get(p.text) ?? []).some((f) => f.term.pair === pair && f.term.term !== form.term.term && !sameCandidate(pair, f.term, form.term)));
  if (mate) return { how: 'mate', by: [mate.text] };
  if (form.clip) return undefined;
  const number = ballotNumberPiece(others, pair.number);
  if (number) return { how: 'number', by: [number.text] };
  // a page name typed with spaces could have marked the everyday word as a name (capitals): there
  // only a team word, the mate or the number confirm an everyday word
  if (spaced && isEverydayWord(form.term.term.replace(/\s+/g, ''), { evenAName: true })) return undefined;
  // a given name beside a place or a year is as often a namesake's own account ("fauzi.sukamaju",
  // "gibran2024"): the race's region and the year confirm a blend, a pair name or a nickname only
  const region = others.find((p) => scope.regions.get(p.text)?.has(election));
  if (region && !form.personal) return { how: 'region', by: [region.text] };
  const year = others.find((p) => p.kind === 'year' && p.text === yearOf(election));
  if (year && !form.personal) return { how: 'year', by: [year.text] };
  const fan = others.find((p) => p.kind === 'fan' && beside(p));
  const place = others.find((p) => p.kind === 'place' || p.kind === 'chapter' || (p.kind === 'year' && p.text === yearOf(election)));
  if (fan && place) return { how: 'fan-place', by: [fan.text, place.text] };
  return undefined;
}

/** The pair's ballot number among a handle's other pieces: zero-padded ("01") or after a ballot word ("no 1"). */
function ballotNumberPiece(others: readonly HandlePiece[], number: number): HandlePiece | undefined {
  return others.find((p, i) => p.kind === 'number' && Number(p.text) === number && (p.text.startsWith('0') || others[i - 1]?.kind === 'ballot'));
}

/** Two forms of one candidate ("budi", "budihartono"; a clip "mujib" and "mujiburrahman"): no mate of each other. */
function sameCandidate(pair: RegistryPair, a: RegistryTerm, b: RegistryTerm): boolean {
  const ka = termKey(a.term);
  const kb = termKey(b.term);
  return pair.candidates.some((c, i) => {
    const forms = [c.name, ...c.forms, ...c.ambiguous_forms, ...c.nicknames.map((n) => n.form)].map(termKey);
    const owns = (t: RegistryTerm, key: string) => (t.variant === 'hypocorism' ? shortFormCandidate(t) === i : forms.includes(key));
    return owns(a, ka) && owns(b, kb);
  });
}

/** "relawan · bude · official" */
export function piecesText(r: HandleReading): string {
  return r.pieces.map((p) => p.text).join(' · ');
}
