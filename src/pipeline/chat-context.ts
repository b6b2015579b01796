// The conversation around a chat message, for the engine's EvalContext.thread: the message it
// replies to (Telegram reply_to_message_id), else the few messages just before it in the same
// chat within a short window. Memory stays bounded: a small ring of recent messages per chat and
// a cap on the number of chats remembered (least recently used chats are forgotten). Each remembered
// message keeps its parsed time and its two thread entries ('window', 'chat'), made once: a thread is
// an array of references to them, not ~20 new objects (and as many date parses) per message.
import type { Item } from '../model/item.js';
import type { ThreadMessage } from '../rules/evaluate.js';

export interface ChatContextOptions {
  /** preceding messages a message without a reply id may lean on */
  window: number;
  /** …and how long before it they may have been sent */
  windowMinutes: number;
  /** messages remembered per chat (to find the one a reply points to) */
  remember: number;
  /** chats remembered at once */
  maxChats: number;
  /**
   * earlier messages read only for the candidates they name (topicFor): a short name in a later
   * message ("Kang Budi meunang!") is the candidate the chat was talking about…
   */
  topic: number;
  /** …when they were sent at most this long before it */
  topicMinutes: number;
}

export const DEFAULT_CHAT_CONTEXT: ChatContextOptions = { window: 3, windowMinutes: 30, remember: 20, maxChats: 200, topic: 20, topicMinutes: 60 * 24 * 60 };

/** Kinds that take part in a conversation. */
const CONVERSATIONAL: ReadonlySet<Item['kind']> = new Set(['message', 'comment', 'share']);

/** A remembered message: its time parsed once and its thread entries made once. */
interface Remembered {
  item: Item;
  at: number;
  window: ThreadMessage;
  chat: ThreadMessage;
}

export class ChatContext {
  private readonly chats = new Map<string, Remembered[]>();
  /** the posts of one account in one export, for timelineFor */
  private readonly timelines = new Map<string, Remembered[]>();

  constructor(private readonly options: ChatContextOptions = DEFAULT_CHAT_CONTEXT) {}

  /** The earlier messages this item may lean on, most relevant first (nothing outside a chat). */
  contextFor(item: Item): ThreadMessage[] {
    const key = chatKey(item);
    const ring = key ? this.chats.get(key) : undefined;
    if (!ring?.length) return [];
    const replyTo = item.thread?.replyTo;
    if (replyTo !== undefined) {
      // an explicit reply leans on that message only; if it is too old to be remembered, on none
      const target = ring.find((m) => m.item.thread?.messageId === replyTo);
      return target ? [{ item: target.item, via: 'reply' }] : [];
    }
    const at = timeOf(item);
    const out: ThreadMessage[] = [];
    for (let i = ring.length - 1; i >= 0 && out.length < this.options.window; i--) {
      const m = ring[i] as Remembered;
      if (Number.isNaN(at) || Number.isNaN(m.at) || m.at > at || at - m.at > this.options.windowMinutes * 60_000) break;
      out.push(m.window);
    }
    return out;
  }

  /**
   * The earlier messages of the same chat, newest first, that are read only for the candidates
   * they name (via 'chat'): up to `topic` messages sent within `topicMinutes` before this one,
   * besides those contextFor gives. Nothing outside a chat, nothing without a time.
   */
  topicFor(item: Item, leanOn: readonly ThreadMessage[] = []): ThreadMessage[] {
    const key = chatKey(item);
    const ring = key ? this.chats.get(key) : undefined;
    const at = timeOf(item);
    if (!ring?.length || Number.isNaN(at)) return [];
    const out: ThreadMessage[] = [];
    for (let i = ring.length - 1; i >= 0 && out.length < this.options.topic; i--) {
      const m = ring[i] as Remembered;
      if (Number.isNaN(m.at) || m.at > at || at - m.at > this.options.topicMinutes * 60_000) break;
      if (!leanOn.some((l) => l.item === m.item)) out.push(m.chat);
    }
    return out;
  }

  /** contextFor and topicFor together: what the engine's EvalContext.thread takes. */
  threadFor(item: Item): ThreadMessage[] {
    const lean = this.contextFor(item);
    return [...lean, ...this.topicFor(item, lean)];
  }

  /**
   * The other posts, comments and shares of the same account in the same export, read only for the
   * candidates they name (via 'chat', as topicFor's): a TikTok or Facebook timeline that named "Yusuf
   * Maulana" or "Abah Anies" talks of that candidate when a later (or, in a newest-first export, an
   * earlier) post says "Gas pol Ustadz Yusuf" or "hati tetap Abah". Posts of either order within
   * `topicMinutes`, at most `topic` of them, nearest first. Nothing for chat messages (topicFor reads
   * their chat) nor for items without a time. The caller decides which items have a timeline: the
   * evaluation and `netral scan` ask it for the items of an export's own adapter, never for rows of a
   * JSONL or CSV file (read by worker threads without context).
   */
  timelineFor(item: Item): ThreadMessage[] {
    const key = timelineKey(item);
    const ring = key ? this.timelines.get(key) : undefined;
    const at = timeOf(item);
    if (!ring?.length || Number.isNaN(at)) return [];
    const near = ring.filter((m) => !Number.isNaN(m.at) && Math.abs(at - m.at) <= this.options.topicMinutes * 60_000);
    near.sort((a, b) => Math.abs(at - a.at) - Math.abs(at - b.at));
    return near.slice(0, this.options.topic).map((m) => m.chat);
  }

  /** Remember a message after it was evaluated. */
  remember(item: Item): void {
    const key = chatKey(item) ?? timelineKey(item);
    if (!key || !item.text) return;
    const map = key.startsWith(TIMELINE) ? this.timelines : this.chats;
    let ring = map.get(key);
    if (ring) map.delete(key); // re-insert: most recently used last
    else ring = [];
    ring.push({ item, at: timeOf(item), window: { item, via: 'window' }, chat: { item, via: 'chat' } });
    if (ring.length > this.options.remember) ring.shift();
    map.set(key, ring);
    if (map.size > this.options.maxChats) map.delete(map.keys().next().value as string);
  }
}

/** Kinds an account posts on its own timeline. */
const TIMELINE_KINDS: ReadonlySet<Item['kind']> = new Set(['post', 'comment', 'share', 'media']);
const TIMELINE = 'timeline\u0000';

/** One account's timeline in one export (items outside a chat): the capture and the author. */
function timelineKey(item: Item): string | undefined {
  if (chatOf(item) !== undefined || !TIMELINE_KINDS.has(item.kind)) return undefined;
  const who = item.actor?.id ?? item.actor?.handle ?? item.actor?.name ?? '';
  return `${TIMELINE}${item.platform}\u0000${item.source.captureId}\u0000${who}`;
}

function timeOf(item: Item): number {
  return item.time ? Date.parse(item.time) : NaN;
}

/**
 * One chat of one export: the capture, and the chat's id or name. A WhatsApp message without either
 * (a .txt whose file name is not the export's "WhatsApp Chat with …": one file is one chat) is
 * still in a chat: the file it came from, so its replies lean on the messages before them all the
 * same. Rows of a sheet or scrape without a chat are not a conversation.
 */
export function chatKey(item: Item): string | undefined {
  const chat = chatOf(item);
  return chat === undefined ? undefined : `${item.platform}\u0000${item.source.captureId}\u0000${chat}`;
}

/**
 * The group a post was published in, as the workplace reader counts it: a chat (chatKey), or a
 * post whose context is a group (a Facebook group's timeline, a scrape whose post URLs name the
 * group). A group's posts are read one by one as a chat's messages are for its work talk
 * (chat-workplace.ts), but they are not a conversation: they lean on no earlier post (contextFor).
 */
export function workplaceKey(item: Item): string | undefined {
  const chat = chatKey(item);
  if (chat !== undefined || item.kind !== 'post' || item.context?.kind !== 'group') return chat;
  const group = item.context.id ?? item.context.name;
  return group === undefined ? undefined : `${item.platform}\u0000${item.source.captureId}\u0000group\u0000${group}`;
}

/**
 * Whether an item is a chat message (it has a chatKey): one that leans on the messages before it
 * and that later ones lean on, so it is read in file order by the thread that holds the chat
 * context (a scan's main thread, row-verdict.ts). No key is built.
 */
export function inChat(item: Item): boolean {
  return chatOf(item) !== undefined;
}

/** The chat's id or name within its export ('' for a WhatsApp file that is one chat); undefined outside a chat. */
function chatOf(item: Item): string | undefined {
  if (!CONVERSATIONAL.has(item.kind)) return undefined;
  return item.context ? (item.context.id ?? item.context.name) : item.kind === 'message' && item.platform === 'whatsapp' ? '' : undefined;
}
