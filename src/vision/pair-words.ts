// A pair's name read with a letter or two wrong in each word ("GANIAR MAREUD" on a draped shirt):
// two neighbouring words that are each near one of a pair name's two words, in its order, are read
// as that pair name. One word near a name is what many everyday words are; two in a row near the
// same pair's two words is not. Pure, so it is tested without the optional packages.
import { editDistance } from '../text/edit-distance.js';
import { unconfused } from './confusables.js';

/** A word read with its box (tesseract's bbox, any pixel frame). */
export interface ReadWord {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

// Edits a name word of this many letters may be read with: none below 5 letters (BUDI, DEWI, SITI
// are one letter off too many words), one for 5 letters, two from 6 (GANJAR, MAHFUD, PRABOWO).
function budget(name: string): number {
  return name.length < 5 ? 0 : name.length < 6 ? 1 : 2;
}
// Edits both words together may be read with (tuned on scenes-r5/tune and scenes-r4/tune).
const PAIR_BUDGET = 3;
// A pair name printed as one word (a tag, "#GanjarMahfud") is repaired from this many letters,
// with one edit, or two from 10 letters.
const JOINED_MIN = 8;
const joinedBudget = (joined: string): number => (joined.length >= 10 ? 2 : 1);
// ... or cut in two, each part within its name's budget as two words are, both within this many
// (one less than PAIR_BUDGET: a read that lost its space is further from sure than two words).
const SPLIT_BUDGET = 2;

/** Levenshtein distance (src/text/edit-distance.ts), exported here for the vision callers. */
export { editDistance };

/** A word's letters, upper case. */
const letters = (text: string): string => text.toUpperCase().replace(/[^\p{L}]/gu, '');

/** Edits from a read word to a name word, or undefined when over the name's budget (or too short to judge). */
function near(read: string, name: string): number | undefined {
  if (read.length < 3) return undefined;
  const d = editDistance(read, name, budget(name));
  return d <= budget(name) ? d : undefined;
}

/**
 * Edits from a read word to a short name word (under 5 letters: no budget alone) when its running
 * mate's long name is read beside it within that name's own budget ("FAUZ SIAI" on an arched
 * shirt): one edit, the read as long as the name (or one letter short of it, its start, beside the
 * mate read exactly). Beside a mate read exactly, a five-letter name word may be two edits off at its
 * own length (one past its budget; longer names keep theirs). The long name anchors the pair; a short word one
 * letter off beside an everyday word stays as read ("BUDA DEWA": both short, neither anchors).
 */
function nearBeside(read: string, name: string, mateRead: string, mate: string): number | undefined {
  if (mate.length < 5 || near(mateRead, mate) === undefined) return undefined;
  // the mate's long name read exactly anchors more: a short name's last letter lost at the print's
  // edge or a fold ("FAUZI SIT"), a long name one edit past its budget of the same length ("YUCUE
  // RATNA")
  const exact = mateRead === mate;
  if (name.length >= 5) {
    if (!exact || read.length !== name.length) return undefined;
    const most = Math.min(budget(name) + 1, 2);
    const d = editDistance(read, name, most);
    return d <= most ? d : undefined;
  }
  if (read.length !== name.length && !(exact && read.length === name.length - 1 && name.startsWith(read))) return undefined;
  const d = editDistance(read, name, 1);
  return d <= 1 ? d : undefined;
}

/**
 * A read word with each mark inside it or at its end kept as a letter OCR could not name ('·'),
 * after OCR's confusable marks are read as their letters: "SIT?" is four letters, the last one
 * unknown, as "SITI" on a small far shirt was read. Only a sentence's stops and quotes at either
 * end are dropped. Used only for a short name beside its running mate's long name (nearBeside):
 * an unknown letter is one edit, and the read must be the name's length.
 */
function marked(text: string): string {
  const core = text.replace(/^[.,:;'"‘’“”]+|[.,:;'"‘’“”]+$/gu, '');
  return [...unconfused(core)].map((c) => (/\p{L}/u.test(c) ? c : '·')).join('');
}

/** The next line's first word sits right below a line's last word: a pair name printed on two lines. */
function below(a: ReadWord, b: ReadWord): boolean {
  const h = a.bbox.y1 - a.bbox.y0;
  const gap = b.bbox.y0 - a.bbox.y1;
  const across = Math.min(a.bbox.x1, b.bbox.x1) - Math.max(a.bbox.x0, b.bbox.x0);
  return gap > -0.3 * h && gap < 1.5 * h && across > 0;
}

/** A word near a pair name written as one word (a tag), as that word with the word's leading '#', or undefined. */
function joinedRepair(text: string, pairs: ReadonlyArray<readonly [string, string]>): string | undefined {
  const t = letters(text);
  // the word as read and with OCR's marks for letters read as them: a tag's last I read as a
  // stroke ("4fauzisiz)"), an O as a zero
  const u = letters(unconfused(text));
  if (t.length < JOINED_MIN - 1 && u.length < JOINED_MIN - 1) return undefined;
  for (const [first, second] of pairs) {
    const joined = first + second;
    if (joined.length < JOINED_MIN) continue;
    const d = Math.min(editDistance(t, joined, joinedBudget(joined)), editDistance(u, joined, joinedBudget(joined)));
    if (d > 0 && d <= joinedBudget(joined)) return `${text.startsWith('#') ? '#' : ''}${joined}`;
    if (t !== joined && u !== joined && [t, u].some((r) => splitNear(r, first, second))) return `${text.startsWith('#') ? '#' : ''}${joined}`;
  }
  return undefined;
}

/**
 * A pair's two names run together and each misread ("FAUZTSYTI" for FAUZI SITI on a serif shirt
 * whose space OCR lost): cut where the first name would end (a letter either way), each part is
 * measured as two neighbouring words are (pairNear: each within its name's budget, a short name
 * one letter off beside its mate's long name), both within SPLIT_BUDGET.
 */
function splitNear(read: string, first: string, second: string): boolean {
  for (const cut of [first.length, first.length - 1, first.length + 1]) {
    if (cut < 3 || read.length - cut < 3) continue;
    const a = read.slice(0, cut);
    const b = read.slice(cut);
    const da = near(a, first) ?? nearBeside(a, first, b, second);
    const db = near(b, second) ?? nearBeside(b, second, a, first);
    if (da !== undefined && db !== undefined && da + db <= SPLIT_BUDGET) return true;
  }
  return false;
}

/** Neighbouring words (line, word, line, word): in a line, or a line's last word and the next line's first word right below it. */
function neighbours(lines: ReadonlyArray<readonly ReadWord[]>): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  lines.forEach((line, i) => {
    for (let j = 0; j + 1 < line.length; j++) out.push([i, j, i, j + 1]);
    const next = lines[i + 1];
    if (line.length > 0 && next && next.length > 0 && below(line[line.length - 1]!, next[0]!)) out.push([i, line.length - 1, i + 1, 0]);
  });
  return out;
}

/** The pair name two read words are near (each within its name's budget, both within `most` edits), with the edits of each. */
function pairNear(a: string, b: string, pairs: ReadonlyArray<readonly [string, string]>, most: number): { first: string; second: string; da: number; db: number } | undefined {
  const ta = letters(a);
  const tb = letters(b);
  const ma = marked(a);
  const mb = marked(b);
  // ... and with OCR's confusable marks read as their letters, a long name within its own budget
  // then ("IUKOW)" → IUKOWI, two edits off JOKOWI: a stroke read for the last I)
  const ua = letters(unconfused(a));
  const ub = letters(unconfused(b));
  for (const [first, second] of pairs) {
    const da = near(ta, first) ?? near(ua, first) ?? nearBeside(ta, first, tb, second) ?? nearBeside(ma, first, tb, second);
    const db = near(tb, second) ?? near(ub, second) ?? nearBeside(tb, second, ta, first) ?? nearBeside(mb, second, ta, first);
    if (da !== undefined && db !== undefined && da + db <= most) return { first, second, da, db };
  }
  return undefined;
}

/**
 * Lines with every word near a pair name written as one word (a tag) read as it, and every neighbouring two words (in a line, or a line's last word and the next line's
 * first word right below it) that are near a pair name's two words (`pairs`: each the two words,
 * upper case) read as those words. Words already spelt right stay as read.
 */
export function pairRepaired<W extends ReadWord>(lines: W[][], pairs: ReadonlyArray<readonly [string, string]>): W[][] {
  if (pairs.length === 0) return lines;
  const out = lines.map((l) => l.map((w) => {
    const joined = joinedRepair(w.text, pairs);
    return joined ? { ...w, text: joined } : w;
  }));
  for (const [i, j, k, l] of neighbours(out)) {
    const a = out[i]![j]!;
    const b = out[k]![l]!;
    const pair = pairNear(a.text, b.text, pairs, PAIR_BUDGET);
    if (!pair || pair.da + pair.db === 0) continue;
    if (pair.da > 0) out[i]![j] = { ...a, text: pair.first };
    if (pair.db > 0) out[k]![l] = { ...b, text: pair.second };
  }
  return out;
}

/** A read word with tesseract's confidence (0–100). */
export interface ScoredWord extends ReadWord {
  confidence: number;
}

// A word read below the confidence floor is kept as part of a pair name with the two words of the
// pair within LOW_BUDGET edits together (a stricter budget than PAIR_BUDGET: the read itself is
// doubted), and, when its neighbour is doubted too, both read at least LOW_LEAST sure (0–100; two
// words tesseract all but rejects are mostly texture); beside a word read sure it may be read at
// any confidence (tesseract gives 0 to many a bent word it still spells: 'ERABOWO' over 'GIBRAN').
const LOW_LEAST = 10;
const LOW_BUDGET = 2;

/**
 * Lines with the words read at least `floor` sure (0–100), and the words read below it that are,
 * with a neighbour (in the line, or right below), near the two words of one pair name, in its
 * order, within LOW_BUDGET edits together ("ANIES:45 MUMAIMIN:27" on a small bumper sticker,
 * "YUSUF:86 RATNA:13" on a turned one, "ERABOWO:0" over "GIBRAN:60" on a small chest): tesseract doubts small, glared or bent print letter by
 * letter, but a doubted word that spells a candidate's name beside the running mate's is the
 * print, not texture, which never reads as two names of one pair in order. `lines`: every word
 * with a letter or digit, as read.
 */
export function keptWords<W extends ScoredWord>(lines: W[][], pairs: ReadonlyArray<readonly [string, string]>, floor: number): W[][] {
  const sure = (w: W) => w.confidence >= floor;
  const low = new Set<W>();
  if (pairs.length > 0) {
    for (const [i, j, k, l] of neighbours(lines)) {
      const a = lines[i]![j]!;
      const b = lines[k]![l]!;
      if (sure(a) && sure(b)) continue;
      if (!sure(a) && !sure(b) && Math.min(a.confidence, b.confidence) < LOW_LEAST) continue;
      if (!pairNear(a.text, b.text, pairs, LOW_BUDGET)) continue;
      low.add(a);
      low.add(b);
    }
  }
  return lines.map((l) => l.filter((w) => sure(w) || low.has(w))).filter((l) => l.length > 0);
}

/**
 * Lines with two neighbouring words of a line joined where together, and only together, they spell
 * a name word ("RAT NA" → RATNA): a drape or a crease opens a gap inside a printed word, and
 * tesseract reads the two halves as words. The gap between them must be under the letters' height
 * (a space between words is not joined); the joined word spans both boxes and is read as sure as
 * the less sure half. `names`: the name words, upper case, letters only.
 */
export function fragmentsJoined<W extends ScoredWord>(lines: W[][], names: ReadonlySet<string>): W[][] {
  if (names.size === 0) return lines;
  return lines.map((line) => {
    const out: W[] = [];
    for (const w of line) {
      const prev = out[out.length - 1];
      if (prev) {
        const a = letters(prev.text);
        const b = letters(w.text);
        const tall = Math.max(prev.bbox.y1 - prev.bbox.y0, w.bbox.y1 - w.bbox.y0);
        const gap = w.bbox.x0 - prev.bbox.x1;
        if (a && b && !names.has(a) && !names.has(b) && names.has(a + b) && gap < tall) {
          out[out.length - 1] = {
            ...prev,
            text: a + b,
            confidence: Math.min(prev.confidence, w.confidence),
            bbox: { x0: Math.min(prev.bbox.x0, w.bbox.x0), y0: Math.min(prev.bbox.y0, w.bbox.y0), x1: Math.max(prev.bbox.x1, w.bbox.x1), y1: Math.max(prev.bbox.y1, w.bbox.y1) },
          };
          continue;
        }
      }
      out.push(w);
    }
    return out;
  });
}


// A pair name whose two words are each read a little further off than pairRepaired allows
// ("RUDI DEW" on a mixed-case shirt, "PRAHOWG UIDRAN" on a small far one) is read as it only when
// the pair's own ballot number is printed right beside or under it ("NB 2", "02"): each word then
// within NUMBERED_WORD more edits than its own budget allows (a short name, no budget alone, one
// edit), the letters read at least the name's length less one, and both together within
// NUMBERED_BUDGET edits. Two words near one pair's names in order next to that pair's number are
// the print; texture or an everyday phrase does not also carry the right number.
const NUMBERED_WORD = 1;
const NUMBERED_BUDGET = 4;
// The number is beside the pair name: its middle within this many of the name's letter heights
// left or right of the two words, and up or down.
const NUMBER_ACROSS = 2;
const NUMBER_DOWN = 3;

// A ballot number printed after its word ("NOMOR 2", "No.3") may be read with a letter for its
// digit ("NOMORZ"): after that word only, these letters are read as the digits they look like.
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { Z: '2', O: '0', I: '1', L: '1', '|': '1' };

/** The ballot number a read word is: digits alone or after a short mark ("02", "2", "#3"), or after "NOMOR"/"NO."/"NB" with a look-alike letter for a digit ("NOMORZ"); else undefined. */
export function numberRead(text: string): number | undefined {
  const t = text.trim();
  const plain = /^[^\p{N}]{0,3}?(\d{1,2})[.,:;!)]?$/u.exec(t);
  if (plain) return Number(plain[1]);
  const after = /^(?:nomor|nomer|nmr|no|nb)[.:]?([0-9ozil|]{1,2})[.,:;!)]?$/iu.exec(t) ?? misreadNomor(t);
  if (!after) return undefined;
  const digits = [...after[1]!.toUpperCase()].map((c) => DIGIT_LOOKALIKES[c] ?? c).join('');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/**
 * "NOMOR" read one letter off, run into its number's digit or a look-alike ("NomarZ", "NOMDR2"):
 * the word's letters but the last one or two within one edit of NOMOR, those one or two a digit
 * or its look-alike; as the exact word's match, the digits second.
 */
function misreadNomor(t: string): [string, string] | undefined {
  for (const shape of MISREAD_NOMOR) {
    const m = shape.exec(t);
    if (m && editDistance(m[1]!.toLowerCase(), 'nomor', 1) <= 1) return [m[0], m[2]!];
  }
  return undefined;
}
// ... its digits one, then two, characters long
const MISREAD_NOMOR = [1, 2].map((n) => new RegExp(`^(\\p{L}{4,6})[.:]?([0-9ozil|]{${n}})[.,:;!)]?$`, 'iu'));

/** Edits from a read word (as read, or with OCR's confusable marks read as letters) to a name word within its budget plus NUMBERED_WORD, the read at least the name's length less one. */
function nearNumbered(text: string, name: string): number | undefined {
  const most = budget(name) + NUMBERED_WORD;
  let best: number | undefined;
  for (const read of new Set([letters(text), letters(unconfused(text))])) {
    if (read.length < Math.max(3, name.length - 1)) continue;
    const d = editDistance(read, name, most);
    if (d <= most && (best === undefined || d < best)) best = d;
  }
  return best;
}

// A pair name printed on one line with something in front of its middle (a fold, an arm, a strap)
// shows the first name's start and the second name's end: "PRABT BRAN" for PRABO[WO GI]BRAN on a
// jersey's folded back. Beside the pair's own number, a word is read as its name when it keeps at
// least CUT_LEAST letters and more than half the name on the side away from the cut (the first
// name's start, the second's end), with at most CUT_EDGE letter misread where the cut runs (the
// half-hidden letter): the two words of one line, in the pair's order, the other one spelt right
// when it is not cut.
const CUT_LEAST = 4;
const CUT_EDGE = 1;

/**
 * The letters a cut hides when `read` is `name` with its end (`end`: its start) hidden, or
 * undefined: the read keeps the name's start (its end) for at least CUT_LEAST letters and more than
 * half the name, plus at most CUT_EDGE other letters at the cut, and misses at least one letter.
 */
function cutOf(read: string, name: string, end: 'start' | 'end'): number | undefined {
  for (let edge = 0; edge <= CUT_EDGE; edge++) {
    const kept = read.length - edge;
    if (kept < CUT_LEAST || 2 * kept <= name.length || kept >= name.length) continue;
    const ok = end === 'end' ? name.startsWith(read.slice(0, kept)) : name.endsWith(read.slice(edge));
    if (ok) return edge;
  }
  return undefined;
}

/** The ballot number words of a reading, each with the boxes that place it: its own, and the "No."/"Nomor" word right before it in its line. */
function placedNumbers<W extends ReadWord>(lines: readonly W[][]): Array<{ w: W; n: number; at: Array<ReadWord['bbox']> }> {
  const out: Array<{ w: W; n: number; at: Array<ReadWord['bbox']> }> = [];
  for (const line of lines) {
    line.forEach((w, j) => {
      const n = numberRead(w.text);
      if (n === undefined) return;
      const before = line[j - 1];
      // "No. 3" read as two words is one ballot number: where its word is, the number is
      const label = before && NUMBER_WORD.test(before.text.trim()) ? [before.bbox] : [];
      out.push({ w, n, at: [w.bbox, ...label] });
    });
  }
  return out;
}
const NUMBER_WORD = /^(?:nomor|nomer|nmr|no|nb)[.:]?$/iu;

/**
 * Lines with two neighbouring words (in a line, or a line's last word and the next line's first
 * word right below) read as a pair name's two words where each is near its name (one edit more
 * than pairRepaired allows), in one line cut in the middle (cutOf), or on two lines one a long
 * name and the other a part of its mate's (halfPair), and the pair's ballot
 * number (`numbers`: by the pair name's two words joined by a space) is read beside them (its
 * number word, or the "No." written before it). `lines`: one reading, every box in one pixel frame.
 */
export function numberedPairRepaired<W extends ReadWord>(lines: W[][], pairs: ReadonlyArray<readonly [string, string]>, numbers: ReadonlyMap<string, readonly number[]>): W[][] {
  if (pairs.length === 0 || numbers.size === 0) return lines;
  const readNumbers = placedNumbers(lines);
  if (readNumbers.length === 0) return lines;
  const out = lines.map((l) => [...l]);
  for (const [i, j, k, l] of neighbours(out)) {
    const a = out[i]![j]!;
    const b = out[k]![l]!;
    const ta = letters(a.text);
    const tb = letters(b.text);
    for (const [first, second] of pairs) {
      if (ta === first && tb === second) break;
      const da = nearNumbered(a.text, first);
      const db = nearNumbered(b.text, second);
      const near = da !== undefined && db !== undefined && da + db <= NUMBERED_BUDGET;
      if (!near && !(i === k && cutPair(ta, tb, first, second)) && !(i !== k && halfPair(ta, tb, first, second))) continue;
      const own = numbers.get(`${first} ${second}`) ?? [];
      const tall = Math.max(a.bbox.y1 - a.bbox.y0, b.bbox.y1 - b.bbox.y0);
      const x0 = Math.min(a.bbox.x0, b.bbox.x0) - NUMBER_ACROSS * tall;
      const x1 = Math.max(a.bbox.x1, b.bbox.x1) + NUMBER_ACROSS * tall;
      const y0 = Math.min(a.bbox.y0, b.bbox.y0) - NUMBER_DOWN * tall;
      const y1 = Math.max(a.bbox.y1, b.bbox.y1) + NUMBER_DOWN * tall;
      const beside = readNumbers.some(({ w, n, at }) => {
        if (w === a || w === b || !own.includes(n)) return false;
        return at.some((box) => {
          const cx = (box.x0 + box.x1) / 2;
          const cy = (box.y0 + box.y1) / 2;
          return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
        });
      });
      if (!beside) continue;
      out[i]![j] = { ...a, text: first };
      out[k]![l] = { ...b, text: second };
      break;
    }
  }
  return out;
}

// A pair name printed on two lines with one name whole and most of the other lost to a crease, a
// fold or a faint patch ("GR / MAHFUD / 03" on a polo's back, "AR / MAHFUO / 03" on a creased
// shirt; in one line a cut is read by cutOf): beside the pair's own number, the name read within its budget (a long name,
// HALF_WHOLE letters at least: a short name alone is many people's) and the other word a part of
// its name, at least HALF_LEAST letters in the name's order, holding the name's first or last
// letter where it holds it, shorter than the name.
const HALF_WHOLE = 5;
const HALF_LEAST = 2;

/** `read` is a part of `name`: its letters in the name's order, its first the name's first or its last the name's last, shorter than the name. */
function partOf(read: string, name: string): boolean {
  if (read.length < HALF_LEAST || read.length >= name.length) return false;
  if (read[0] !== name[0] && read[read.length - 1] !== name[name.length - 1]) return false;
  let at = 0;
  for (const c of read) {
    at = name.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** Two neighbouring words (letters only, upper case): one a long name within its budget, the other a part of its running mate's name (partOf), in the pair's order. */
function halfPair(a: string, b: string, first: string, second: string): boolean {
  const whole = (read: string, name: string) => name.length >= HALF_WHOLE && near(read, name) !== undefined;
  return (whole(a, first) && partOf(b, second)) || (partOf(a, first) && whole(b, second));
}

/**
 * Two words of one line (letters only, upper case) that are a pair name with its middle hidden
 * (cutOf): the first word the first name's start or the whole name, the second the second name's
 * end or the whole name, at least one of them cut, and CUT_EDGE misread letters at most in both.
 */
function cutPair(a: string, b: string, first: string, second: string): boolean {
  const ca = cutOf(a, first, 'end');
  const cb = cutOf(b, second, 'start');
  if (ca === undefined && cb === undefined) return false;
  const ea = ca ?? (a === first ? 0 : undefined);
  const eb = cb ?? (b === second ? 0 : undefined);
  return ea !== undefined && eb !== undefined && ea + eb <= CUT_EDGE;
}
