// Reading a chat as a workplace group from what its members talk about, when its name says nothing
// ("Grup Ceria", a .txt without a name): roll call, leave, reports, duty rosters, office heads
// ("pak kadis", "bu kabid"), school or health-post routine (rules/lexicons/rutinitas-kerja.yml).
// Streamed: each message is read once as it arrives, and the reading of a message rests only on
// the messages before it and itself. Memory stays bounded: a few counters and at most MAX_CUES
// example words per chat, and a cap on the chats remembered (least recently used forgotten).
import type { Item } from '../model/item.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';
import { chatKey } from './chat-context.js';

export interface ChatWorkplaceOptions {
  /** messages with a work-routine word before the chat counts as a workplace group… */
  minMessages: number;
  /** …written by at least this many members (one talkative member is not an office) */
  minSenders: number;
  /** chats remembered at once */
  maxChats: number;
}

export const DEFAULT_CHAT_WORKPLACE: ChatWorkplaceOptions = { minMessages: 2, minSenders: 2, maxChats: 200 };

/** example words kept per chat for the explanation */
const MAX_CUES = 4;
/** senders remembered per chat (only whether there are minSenders of them matters) */
const MAX_SENDERS = 8;

interface Tally {
  messages: number;
  cueMessages: number;
  senders: Set<string>;
  cues: string[];
}

export class ChatWorkplace {
  private readonly chats = new Map<string, Tally>();
  private readonly words = new Set<string>();
  private readonly pairs = new Set<string>();

  /** cues: lower-case words or two-word phrases ("apel", "pak kadis") */
  constructor(cues: readonly string[], private readonly options: ChatWorkplaceOptions = DEFAULT_CHAT_WORKPLACE) {
    for (const c of cues) {
      const w = tokens(c);
      if (w.length === 1) this.words.add(w[0] as string);
      else if (w.length === 2) this.pairs.add(w.join(' '));
    }
  }

  /** Count a message of its chat (call once per item, in chat order, before readingFor). */
  observe(item: Item): void {
    const key = chatKey(item);
    if (key === undefined || !item.text || (this.words.size === 0 && this.pairs.size === 0)) return;
    let t = this.chats.get(key);
    if (t) this.chats.delete(key);
    else t = { messages: 0, cueMessages: 0, senders: new Set(), cues: [] };
    this.chats.set(key, t);
    if (this.chats.size > this.options.maxChats) this.chats.delete(this.chats.keys().next().value as string);
    t.messages++;
    const cue = this.cueOf(item.text);
    if (cue === undefined) return;
    t.cueMessages++;
    const sender = item.actor?.handle ?? item.actor?.name ?? item.actor?.id;
    if (sender !== undefined && t.senders.size < MAX_SENDERS) t.senders.add(sender);
    if (t.cues.length < MAX_CUES && !t.cues.includes(cue)) t.cues.push(cue);
  }

  /** The chat of this item read as a workplace group from its messages so far, or undefined. */
  readingFor(item: Item): WorkplaceReading | undefined {
    const key = chatKey(item);
    const t = key === undefined ? undefined : this.chats.get(key);
    if (!t || t.cueMessages < this.options.minMessages || t.senders.size < this.options.minSenders) return undefined;
    return { cues: [...t.cues], cueMessages: t.cueMessages, messages: t.messages };
  }

  /** The first work-routine word or phrase of a text. */
  private cueOf(text: string): string | undefined {
    const w = tokens(text);
    for (let i = 0; i < w.length; i++) {
      const word = w[i] as string;
      if (i + 1 < w.length) {
        const pair = `${word} ${w[i + 1] as string}`;
        if (this.pairs.has(pair)) return pair;
      }
      if (this.words.has(word)) return word;
    }
    return undefined;
  }
}

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
