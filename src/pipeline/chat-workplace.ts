// Reading a chat as a workplace group from what its members talk about, when its name says nothing
// ("Grup Ceria", a .txt without a name): roll call, leave, reports, duty rosters, office heads
// ("pak kadis", "bu kabid"), school or health-post routine (rules/lexicons/rutinitas-kerja.yml).
// Streamed: each message is read once as it arrives, and the reading of a message rests only on
// the messages before it (never on its own words: a partisan "ASN kudu milih 02" does not make its
// own chat an office). Three kinds of evidence, all from the chat itself:
// - messages holding a work-routine word, by at least two members;
// - members whose display name carries an office title ("Bu Endang Kepsek", "Pak Camat Bambang",
//   "dr. Wulan Kapus"): a title is how a workplace lists its members;
// - members answering a work message with a short acknowledgement ("Nggih bu, siap", "Hadir bu",
//   "Insya Allah bang"): the head writes the work talk, the others answer it, and they count as
//   taking part in it.
// A work word that is a false friend in a regional language (Sundanese "lembur": village, not
// overtime; lexicon kerja-serupa-sunda) is not counted in a message that reads as that language
// (two of its closed-class words: penanda-bahasa-sunda) or right after "ka", "ti", "ke", "dari".
// A chat whose messages speak of itself as a reunion, an alumni year, an arisan or a family
// (lexicon grup-bukan-kerja) at least half as often as of work is not read as a workplace.
// Once a chat is read as a workplace it stays so (a chat-level decision, cached with its tally).
// Memory stays bounded: a few counters and at most MAX_CUES example words per chat, a capped set
// of senders, and a cap on the chats remembered (least recently used forgotten).
import type { Item } from '../model/item.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';
import { workplaceKey } from './chat-context.js';

export interface ChatWorkplaceOptions {
  /** messages with a work-routine word (or members titled by office) before the chat counts as a workplace group… */
  minMessages: number;
  /** …written or answered by at least this many members (one talkative member is not an office) */
  minSenders: number;
  /** chats remembered at once */
  maxChats: number;
}

/** The words a chat is read by (RulePack fields of the same names). */
export interface WorkplaceCues {
  /** work talk in messages (lexicon rutinitas-kerja) */
  workplaceCues: readonly string[];
  /** a reunion, alumni, arisan or family group speaking of itself (lexicon grup-bukan-kantor) */
  nonWorkplaceCues?: readonly string[];
  /** office titles, units and professions in members' display names (lexicon jabatan-kerja) */
  workplaceTitles?: readonly string[];
  /**
   * work-talk words of another sense in a regional language (Sundanese "lembur": village), with the
   * closed-class words a message reads as that language by (lexicons kerja-serupa-sunda,
   * penanda-bahasa-sunda)
   */
  workplaceFalseFriends?: ReadonlyArray<{ lang: string; terms: readonly string[]; marks: readonly string[] }>;
}

export const DEFAULT_CHAT_WORKPLACE: ChatWorkplaceOptions = { minMessages: 2, minSenders: 2, maxChats: 200 };

/** example words kept per chat for the explanation */
const MAX_CUES = 4;
/** senders remembered per chat */
const MAX_SENDERS = 64;
/** an answer of at most this many words to a work message is an acknowledgement ("Nggih bu, siap hadir") */
const ACK_WORDS = 6;
/** different closed-class words of a language that make a message read as that language */
const LANGUAGE_MARKS = 2;
/**
 * Prepositions of direction and origin (Indonesian ke, dari; Sundanese ka, ti, kana): right before
 * a false friend they make it a place ("mulih ka lembur"), never the work routine it names in
 * Indonesian ("lembur di kantor", "uang lembur"), which takes no such preposition.
 */
const TOWARDS: ReadonlySet<string> = new Set(['ke', 'dari', 'ka', 'ti', 'kana']);

interface Tally {
  messages: number;
  cueMessages: number;
  /** members whose display name carries an office title */
  titled: number;
  /** messages speaking of the chat as a reunion, alumni year, arisan or family */
  otherMessages: number;
  /** members who wrote or answered work talk */
  senders: Set<string>;
  /** members whose name was already read for a title */
  named: Set<string>;
  cues: string[];
  /** the sender of the previous message when it held a work word */
  lastCueSender: string | undefined;
  /** read as a workplace group (kept once reached) */
  decided: boolean;
  /** the reading of the last observed message, from the messages before it */
  before: { id: string; reading: WorkplaceReading | undefined } | undefined;
}

export class ChatWorkplace {
  private readonly chats = new Map<string, Tally>();
  private readonly work: CueSet;
  private readonly other: CueSet;

  private readonly titles: CueSet;
  /** false friend → the sets of marks of the languages it has another sense in */
  private readonly falseFriends = new Map<string, Array<ReadonlySet<string>>>();

  /** lower-case words or two-word phrases ("apel", "pak kadis"), as the rule pack holds them */
  constructor(cues: WorkplaceCues, private readonly options: ChatWorkplaceOptions = DEFAULT_CHAT_WORKPLACE) {
    this.work = new CueSet(cues.workplaceCues);
    this.other = new CueSet(cues.nonWorkplaceCues ?? []);
    this.titles = new CueSet(cues.workplaceTitles ?? []);
    for (const f of cues.workplaceFalseFriends ?? []) {
      const marks = new Set(f.marks.flatMap((m) => tokens(m)));
      for (const t of f.terms) {
        const word = tokens(t).join(' ');
        this.falseFriends.set(word, [...(this.falseFriends.get(word) ?? []), marks]);
      }
    }
  }

  /**
   * A work word read in its other sense: a false friend after a preposition of direction or origin,
   * or in a message that holds LANGUAGE_MARKS different closed-class words of the language it has
   * that sense in ("Abdi teu tiasa ngiring, aya hajatan di lembur").
   */
  private readonly otherSense = (word: string, i: number, words: readonly string[]): boolean => {
    const langs = this.falseFriends.get(word);
    if (!langs) return false;
    if (i > 0 && TOWARDS.has(words[i - 1] as string)) return true;
    return langs.some((marks) => new Set(words.filter((w) => marks.has(w))).size >= LANGUAGE_MARKS);
  };

  /** Count a message of its chat (call once per item, in chat order, before readingFor). */
  observe(item: Item): void {
    const key = workplaceKey(item);
    if (key === undefined || !item.text || this.work.empty) return;
    let t = this.chats.get(key);
    if (t) this.chats.delete(key);
    else t = { messages: 0, cueMessages: 0, titled: 0, otherMessages: 0, senders: new Set(), named: new Set(), cues: [], lastCueSender: undefined, decided: false, before: undefined };
    this.chats.set(key, t);
    if (this.chats.size > this.options.maxChats) this.chats.delete(this.chats.keys().next().value as string);
    // the sender's display name is known before their message is read: an office title in it
    // ("Mbak Rini Kasi Pem") is evidence the message's own reading may rest on, as the messages
    // before it are; its words are not
    const sender = item.actor?.name ?? item.actor?.handle ?? item.actor?.id;
    if (sender !== undefined && !t.named.has(sender) && t.named.size < MAX_SENDERS) {
      t.named.add(sender);
      const title = this.titles.first(sender);
      if (title !== undefined) {
        t.titled++;
        t.senders.add(sender);
        if (t.cues.length < MAX_CUES && !t.cues.includes(title)) t.cues.push(title);
      }
    }
    // the reading this message gets rests on the messages before it (and its sender's title)
    t.before = { id: item.id, reading: this.reading(t) };
    t.messages++;
    if (this.other.first(item.text) !== undefined) t.otherMessages++;
    const cue = this.work.first(item.text, this.falseFriends.size ? this.otherSense : undefined);
    const lastCueSender = t.lastCueSender;
    t.lastCueSender = cue !== undefined ? sender : undefined;
    if (cue === undefined) {
      // a short answer by another member to a work message takes part in the work talk
      if (sender !== undefined && lastCueSender !== undefined && sender !== lastCueSender && tokens(item.text).length <= ACK_WORDS && t.senders.size < MAX_SENDERS) t.senders.add(sender);
      return;
    }
    t.cueMessages++;
    if (sender !== undefined && t.senders.size < MAX_SENDERS) t.senders.add(sender);
    if (t.cues.length < MAX_CUES && !t.cues.includes(cue)) t.cues.push(cue);
  }

  /** The chat of this item read as a workplace group from all its messages observed so far (the item's own among them), or undefined. */
  chatReading(item: Item): WorkplaceReading | undefined {
    const key = workplaceKey(item);
    const t = key === undefined ? undefined : this.chats.get(key);
    return t ? this.reading(t) : undefined;
  }

  /** The chat of this item read as a workplace group from its messages before it, or undefined. */
  readingFor(item: Item): WorkplaceReading | undefined {
    const key = workplaceKey(item);
    const t = key === undefined ? undefined : this.chats.get(key);
    if (!t) return undefined;
    // observed: the reading it got from the messages before it; not observed (no text): all of them
    return t.before?.id === item.id ? t.before.reading : this.reading(t);
  }

  private reading(t: Tally): WorkplaceReading | undefined {
    if (!t.decided) {
      const evidence = t.cueMessages + t.titled;
      // one member is not an office, unless that member goes by an office title and runs the work
      // talk alone ("Hendra Danru: apel isuk…", "Rapat kerja…", "Jadwal penertiban…")
      const members = t.senders.size >= this.options.minSenders || (t.titled > 0 && t.cueMessages > this.options.minMessages);
      if (evidence < this.options.minMessages || !members) return undefined;
      // a reunion or family chat that mentions a meeting or a civil servant is still not an office;
      // a chat with no such message is not held back by it (one read by its members' titles alone,
      // "Pak Sekdes …", "Ibu Kaur Keu …", has no work word to outweigh a reunion it never mentions)
      if (t.otherMessages > 0 && t.otherMessages * 2 >= t.cueMessages) return undefined;
      t.decided = true;
    }
    return { cues: [...t.cues], cueMessages: t.cueMessages, messages: t.messages, ...(t.titled ? { titled: t.titled } : {}) };
  }
}

/** Lower-case words and two-word phrases, matched word by word. */
class CueSet {
  private readonly words = new Set<string>();
  private readonly pairs = new Set<string>();

  constructor(cues: readonly string[]) {
    for (const c of cues) {
      const w = tokens(c);
      if (w.length === 1) this.words.add(w[0] as string);
      else if (w.length === 2) this.pairs.add(w.join(' '));
    }
  }

  get empty(): boolean {
    return this.words.size === 0 && this.pairs.size === 0;
  }

  /** The first word or phrase of a text in the set (a word `skip` holds for read in another sense is passed over). */
  first(text: string, skip?: (word: string, i: number, words: readonly string[]) => boolean): string | undefined {
    const w = tokens(text);
    for (let i = 0; i < w.length; i++) {
      const word = w[i] as string;
      if (i + 1 < w.length) {
        const pair = `${word} ${w[i + 1] as string}`;
        if (this.pairs.has(pair)) return pair;
      }
      if (this.words.has(word) && !skip?.(word, i, w)) return word;
    }
    return undefined;
  }
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** messages of a chat held back at its start until the chat is read as a workplace or not */
export const LOOKAHEAD_MESSAGES = 40;

/**
 * The first messages of a chat are held back (at most LOOKAHEAD_MESSAGES, in order) until the
 * chat's work talk is in: a partisan message sent before the roll call and the reports is then
 * read in the workplace the chat turns out to be, not as the first words of an unknown group.
 * Once the chat is read as a workplace, the held messages go out with that chat-level reading and
 * the later ones pass straight through with the reading of the messages before them; a chat that
 * is not read so by the end of the window (or when another chat or any other event starts, see
 * release) lets its held messages go with no reading. Memory: at most LOOKAHEAD_MESSAGES held
 * entries. `netral scan` and the evaluation both read chats through it.
 */
export class WorkplaceLookahead<T> {
  private held: Array<{ item: Item; value: T }> = [];
  private key: string | undefined;

  constructor(private readonly workplace: ChatWorkplace, private readonly window = LOOKAHEAD_MESSAGES) {}

  /** Observe an item of the stream; returns the entries now ready, in stream order, each with its reading. */
  push(item: Item, value: T): Array<{ item: Item; value: T; reading: WorkplaceReading | undefined }> {
    const key = workplaceKey(item);
    const out = key !== this.key ? this.release() : [];
    this.key = key;
    this.workplace.observe(item);
    if (key === undefined) {
      out.push({ item, value, reading: this.workplace.readingFor(item) });
      return out;
    }
    const chat = this.workplace.chatReading(item);
    if (chat !== undefined) {
      // read as a workplace: the held messages take the chat's reading, this one the messages before it
      for (const h of this.held) out.push({ ...h, reading: chat });
      this.held = [];
      out.push({ item, value, reading: this.workplace.readingFor(item) });
      return out;
    }
    this.held.push({ item, value });
    if (this.held.length >= this.window) out.push(...this.release());
    return out;
  }

  /**
   * An item read without look-ahead (a row of a JSONL or CSV file: with worker threads its chunk is
   * read where it is evaluated, in order, so nothing can wait): the held entries go first, then the
   * item with the reading of the messages before it.
   */
  pass(item: Item, value: T): Array<{ item: Item; value: T; reading: WorkplaceReading | undefined }> {
    const out = this.release();
    out.push({ item, value, reading: this.read(item) });
    return out;
  }

  /**
   * The reading of an item read without look-ahead where it is evaluated, after everything before
   * it was: a chat row a scan reads itself after a worker stopped at the chat (scan.ts chatRows).
   * It neither releases nor holds: the entries held then are later items', still waiting their turn.
   */
  read(item: Item): WorkplaceReading | undefined {
    this.workplace.observe(item);
    return this.workplace.readingFor(item);
  }

  /** The value of the last entry held back, if any: what must follow it in stream order travels with it. */
  get lastHeld(): T | undefined {
    return this.held.at(-1)?.value;
  }

  /** Let every held entry go (the chat not read as a workplace): before any other event, and at the end. */
  release(): Array<{ item: Item; value: T; reading: WorkplaceReading | undefined }> {
    const out = this.held.map((h) => ({ ...h, reading: undefined }));
    this.held = [];
    this.key = undefined;
    return out;
  }
}
