// Turns the label files into evaluation records: one Item per labelled post, with its truth.
// Corpus texts are read at run time from the corpora folder and checked against the stored hash.
import path from 'node:path';
import { makeItem, type Item } from '../model/item.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { NetralError } from '../errors.js';
import { evalMessages } from './messages.js';
import { parseCorpusLabels, parseLabelledPosts, readTextFile, type CorpusLabel, type LabelledPost, type Truth } from './labels.js';
import type { EvalThread } from './metrics.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';
import { CORPORA, corpusPresent, corpusSpec, readCorpusRows, textSha256, type CorpusSpec } from './corpora.js';

export const OWN_POSTS_SET = 'own-posts';
export const SOCIALISATION_SET = 'socialisation';

export interface EvalRecord {
  /** corpus name, 'own-posts' or 'socialisation' */
  set: string;
  /** row id (corpus) or post id */
  id: string;
  item: Item;
  region?: string;
  /** earlier chat messages the item may lean on (a labelled post's reply_to; a blind chat's ring) */
  thread?: EvalThread;
  /** the item's chat read as a workplace group from its messages before it (pipeline/chat-workplace.ts) */
  workplace?: WorkplaceReading;
  /**
   * The row is another account's act in one person's analyst sheet (a friend's comment captured
   * under the subject's post): `netral scan` files a row under a subject only when its author is one
   * of the subject's accounts, so nothing of it is filed under the sheet's subject (blind.ts sheetSubject).
   */
  othersAct?: true;
  truth: Truth;
}

/** Why a labelled corpus row could not be evaluated. */
export interface CorpusIssue {
  corpus: string;
  rowId?: string;
  problem: 'corpus-missing' | 'row-missing' | 'hash-mismatch';
}

export function itemFromCorpusRow(spec: CorpusSpec, row: { rowId: string; text: string; line: number }): Item {
  return makeItem({
    platform: 'table',
    kind: 'post',
    text: row.text,
    time: spec.time,
    hashtags: extractHashtags(row.text),
    mentions: extractMentions(row.text),
    source: { captureId: `corpus:${spec.name}`, path: `${spec.name}/${spec.file}`, pointer: `line:${row.line}` },
  });
}

export function itemFromLabelledPost(post: LabelledPost, file: string): Item {
  const { id: _id, truth: _truth, line, region: _region, note: _note, reply_to: _replyTo, ...fields } = post;
  const captions = (fields.media ?? []).map((m) => m.caption ?? '').join('\n');
  const written = [fields.text ?? '', captions].join('\n');
  return makeItem({
    ...fields,
    hashtags: extractHashtags(written),
    mentions: extractMentions(written),
    source: { captureId: `eval:${path.basename(file)}`, path: path.basename(file), pointer: `line:${line}` },
  });
}

export function recordsFromPosts(posts: Iterable<LabelledPost>, set: string, file: string): EvalRecord[] {
  const out: EvalRecord[] = [];
  const byId = new Map<string, EvalRecord>();
  for (const post of posts) {
    // a chat reply names the earlier post it answers; that post is its context, not its words
    const earlier = post.reply_to ? byId.get(post.reply_to) : undefined;
    if (post.reply_to && !earlier) throw new NetralError(evalMessages.badLabelFile, { file, line: post.line, detail: `reply_to ${post.reply_to}: no earlier post with that id` });
    const record: EvalRecord = {
      set,
      id: post.id,
      item: itemFromLabelledPost(post, file),
      ...(post.region ? { region: post.region } : {}),
      ...(earlier ? { thread: [{ item: earlier.item, via: 'reply' as const }] } : {}),
      truth: post.truth,
    };
    byId.set(post.id, record);
    out.push(record);
  }
  return out;
}

/**
 * Join corpus labels with the corpus texts. Rows whose text no longer hashes to the stored value
 * are left out and reported: a label is only valid for the exact text that was read.
 */
export async function recordsFromCorpora(
  labels: readonly CorpusLabel[],
  corporaDir: string,
  labelFile = 'labels-corpora.csv',
): Promise<{ records: EvalRecord[]; issues: CorpusIssue[] }> {
  const records: EvalRecord[] = [];
  const issues: CorpusIssue[] = [];
  const byCorpus = new Map<string, CorpusLabel[]>();
  for (const l of labels) {
    if (!corpusSpec(l.corpus)) {
      throw new NetralError(evalMessages.unknownCorpus, { file: labelFile, line: l.line, corpus: l.corpus, known: CORPORA.map((c) => c.name).join(', ') });
    }
    const list = byCorpus.get(l.corpus) ?? [];
    list.push(l);
    byCorpus.set(l.corpus, list);
  }
  for (const [name, wanted] of byCorpus) {
    const spec = corpusSpec(name) as CorpusSpec;
    if (!(await corpusPresent(corporaDir, spec))) {
      issues.push({ corpus: name, problem: 'corpus-missing' });
      continue;
    }
    const byRow = new Map(wanted.map((l) => [l.rowId, l]));
    for await (const row of readCorpusRows(corporaDir, spec)) {
      const label = byRow.get(row.rowId);
      if (!label) continue;
      byRow.delete(row.rowId);
      if (textSha256(row.text) !== label.textSha256) {
        issues.push({ corpus: name, rowId: row.rowId, problem: 'hash-mismatch' });
        continue;
      }
      records.push({ set: name, id: row.rowId, item: itemFromCorpusRow(spec, row), ...(spec.region ? { region: spec.region } : {}), truth: label.truth });
    }
    for (const rowId of byRow.keys()) issues.push({ corpus: name, rowId, problem: 'row-missing' });
  }
  return { records, issues };
}

export interface EvalDataset {
  records: EvalRecord[];
  issues: CorpusIssue[];
}

/** The corpus rows a label file names, joined with their texts. */
async function corpusLabelSet(labelFile: string, corporaDir: string): Promise<EvalDataset> {
  return recordsFromCorpora(parseCorpusLabels(await readTextFile(labelFile), labelFile), corporaDir, labelFile);
}

/** Everything `npm run eval` scores: corpus labels (when the corpora are there) + own posts + socialisation set. */
export async function loadEvalDataset(options: { evalDir: string; corporaDir: string }): Promise<EvalDataset> {
  const { records, issues } = await corpusLabelSet(path.join(options.evalDir, 'labels-corpora.csv'), options.corporaDir);
  for (const [set, name] of [
    [OWN_POSTS_SET, 'own-posts.jsonl'],
    [SOCIALISATION_SET, 'socialisation.jsonl'],
  ] as const) {
    const file = path.join(options.evalDir, name);
    records.push(...recordsFromPosts(parseLabelledPosts(await readTextFile(file), file), set, file));
  }
  return { records, issues };
}

const HOLDOUT_LABEL_FILE = 'holdout-corpora.csv';

/**
 * Held-out real tweets: a sample of the corpora disjoint from the development rows, labelled by
 * annotators who never saw the rules, after the rules were written. Scored on its own, never tuned
 * on. By default the held-out sample (fixtures/eval/holdout-corpora.csv), sets named
 * "held-out <corpus>"; a blind round passes its own label file and set prefix.
 */
export async function loadHoldoutSet(options: { evalDir: string; corporaDir: string; labelFile?: string; setPrefix?: string }): Promise<EvalDataset> {
  const labelFile = options.labelFile ?? path.join(options.evalDir, HOLDOUT_LABEL_FILE);
  const prefix = options.setPrefix ?? 'held-out';
  const { records, issues } = await corpusLabelSet(labelFile, options.corporaDir);
  return { records: records.map((r) => ({ ...r, set: `${prefix} ${r.set}` })), issues };
}
