// What the rules say about one item: the one step of a scan that may run in a worker thread
// (pipeline/eval-pool.ts) or in-process. Everything it needs travels with the item, so the answer
// does not depend on where it was computed.
import type { Finding, Item } from '../model/index.js';
import type { Limits } from '../limits.js';
import { evaluateItem, type EvalContext, type ThreadMessage } from '../rules/evaluate.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';
import { fieldTexts } from '../model/field-texts.js';
import type { RulePack } from '../rules/pack.js';

/** The scan-wide part of the evaluation context (the same for every item of a run). */
export interface VerdictOptions {
  region?: string;
  limits: Pick<Limits, 'textWindow' | 'textWindowOverlap'>;
  workplaceGroups?: readonly string[];
}

/** One item to evaluate, with the chat messages before it (computed in order by the main thread). */
export interface VerdictRequest {
  item: Item;
  thread: readonly ThreadMessage[];
  /** the item's chat read as a workplace group from its messages before it (chat-workplace.ts) */
  workplace?: WorkplaceReading;
}

export interface ItemVerdict {
  findings: Finding[];
  /** length of the item's longest field text (a text beyond the window is matched in windows) */
  longest: number;
}

export function itemVerdict(pack: RulePack, req: VerdictRequest, options: VerdictOptions): ItemVerdict {
  // one object per item, its keys set only when given (no spread of a temporary object per key)
  const ctx: EvalContext = { limits: options.limits };
  if (options.region) ctx.region = options.region;
  if (req.thread.length) ctx.thread = req.thread;
  if (req.workplace) ctx.workplaceChat = req.workplace;
  if (options.workplaceGroups?.length) ctx.workplaceGroups = options.workplaceGroups;
  return evaluateItem(pack, req.item, ctx);
}

export function longestText(item: Item): number {
  let longest = 0;
  for (const f of fieldTexts(item)) if (f.text.length > longest) longest = f.text.length;
  return longest;
}
