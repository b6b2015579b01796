// A quote post leans on the tweet it quotes the way a chat reply leans on its parent (RUBRIC.md,
// replies: a message whose target is identifiable from the message it explicitly answers is read
// together with that message). The quoted tweet is a context item only: it is never evaluated on
// its own, so its author's words never become a finding for anyone; the quoting post's finding says
// which tweet it leaned on (evaluate.ts leaningOn). Rows of a JSONL file are read without a chat
// context (worker threads, row-verdict.ts), so the quoted tweet comes from the row itself.
import { makeItem, type Item } from '../model/item.js';
import type { ThreadMessage } from '../rules/evaluate.js';
import { quotedContext } from '../ingest/snscrape.js';

/**
 * `thread` with the tweet a row's item quotes in front of it, as the message it is read together
 * with; `thread` itself for any other item (no copy on the scan's per-row path).
 */
export function withQuote(item: Item, raw: unknown, thread: ThreadMessage[]): ThreadMessage[] {
  const draft = quotedContext(raw, item.source, item.platform);
  return draft ? [{ item: makeItem(draft), via: 'reply' }, ...thread] : thread;
}

/** The tweet a row's item quotes, as the message it is read together with; [] for any other item. */
export function quotedThread(item: Item, raw: unknown): ThreadMessage[] {
  return withQuote(item, raw, []);
}
