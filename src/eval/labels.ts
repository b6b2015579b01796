// The ground truth: one question per post — "if a civil servant posted this, would it be a
// neutrality violation, and which one?" (fixtures/eval/RUBRIC.md). Two files carry it: labels
// for corpus rows (references + hashes only, never the text) and self-written labelled posts.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { EventInfo, ItemKind, Media, Place, Platform, Ref } from '../model/item.js';
import type { Prohibition } from '../model/finding.js';
import { NetralError } from '../errors.js';
import { evalMessages } from './messages.js';

export const STANCES = ['support', 'promote', 'attack'] as const;
export type Stance = (typeof STANCES)[number];

export const CLEAN_REASONS = [
  'news',
  'neutral-discussion',
  'socialisation',
  'voter-education',
  'official-duty',
  'prayer-or-everyday',
  'unclear',
] as const;
export type CleanReason = (typeof CLEAN_REASONS)[number];

/** Reasons whose posts must never produce a finding (the "zero findings" target). */
export const ZERO_FINDING_REASONS: ReadonlySet<CleanReason> = new Set(['socialisation', 'voter-education']);

const PROHIBITION_CELLS = ['1', '2', '3', '4', '5', '6', '7', '8', 'other'] as const;

/** What the annotator decided, in the shape the metrics use. */
export type Truth =
  | { label: 'partisan'; prohibition: Prohibition; stance: Stance; pair: string | undefined }
  | { label: 'clean'; reason: CleanReason };

/** The label columns shared by both files, as written (strings, '-' for "not applicable"). */
export const TruthCells = z.discriminatedUnion('label', [
  z.object({
    label: z.literal('partisan'),
    prohibition: z.enum(PROHIBITION_CELLS),
    stance: z.enum(STANCES),
    pair: z.union([z.literal('-'), z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*-\d{2}$/, 'a registry pair id such as pilpres-2024-02')]),
    clean_reason: z.literal('-'),
  }),
  z.object({
    label: z.literal('clean'),
    prohibition: z.literal('-'),
    stance: z.literal('-'),
    pair: z.literal('-'),
    clean_reason: z.enum(CLEAN_REASONS),
  }),
]);
export type TruthCells = z.infer<typeof TruthCells>;

export function toTruth(cells: TruthCells): Truth {
  if (cells.label === 'clean') return { label: 'clean', reason: cells.clean_reason };
  return {
    label: 'partisan',
    prohibition: cells.prohibition === 'other' ? 'other' : Number(cells.prohibition),
    stance: cells.stance,
    pair: cells.pair === '-' ? undefined : cells.pair,
  };
}

export const CORPUS_LABEL_COLUMNS = ['corpus', 'row_id', 'text_sha256', 'label', 'prohibition', 'stance', 'pair', 'clean_reason', 'note'] as const;

const CorpusLabelRow = z
  .object({
    corpus: z.string().min(1),
    row_id: z.string().regex(/^\d+$/, 'a row number'),
    text_sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
    note: z.string(),
  })
  .and(TruthCells);

/** One labelled corpus row: where the text is, the hash it must have, and the label. */
export interface CorpusLabel {
  corpus: string;
  rowId: string;
  textSha256: string;
  truth: Truth;
  note: string;
  /** line in the label file (for messages) */
  line: number;
}

/** A labelled post written for the evaluation: an Item in miniature plus the label. */
export const LabelledPostRecord = z
  .object({
    id: z.string().min(1),
    platform: Platform,
    kind: ItemKind,
    text: z.string().optional(),
    time: z.iso.datetime({ offset: true }),
    target: Ref.optional(),
    place: Place.optional(),
    event: EventInfo.optional(),
    context: Ref.optional(),
    media: z.array(Media).optional(),
    reaction: z.string().optional(),
    link: z.object({ url: z.string().optional(), title: z.string().optional() }).optional(),
    /** region code of the (imagined) civil servant: selects the Pilkada ballot */
    region: z.string().regex(/^\d{2}(\d{2})?$/).optional(),
    /** id of an earlier post of the same file this chat message replies to (its context) */
    reply_to: z.string().min(1).optional(),
    note: z.string().optional(),
    // the label columns, checked by TruthCells after this; listed so that .strict() catches typos
    label: z.string(),
    prohibition: z.string(),
    stance: z.string(),
    pair: z.string(),
    clean_reason: z.string(),
  })
  .strict();
type LabelledPostRecord = z.infer<typeof LabelledPostRecord>;

export type LabelledPost = Omit<LabelledPostRecord, keyof TruthCells> & { truth: Truth; line: number };

function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

/** The rows of a label CSV (header required), each checked by `schema`, with its line for messages. */
export function parseLabelRows<S extends z.ZodType>(csv: string, file: string, schema: S): Array<{ row: z.infer<S>; line: number }> {
  const rows = parse(csv, { bom: true, columns: true, skip_empty_lines: true, info: true }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  return rows.map(({ record, info }) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      throw new NetralError(evalMessages.badLabelFile, { file, line: info.lines, detail: issueText(parsed.error) });
    }
    return { row: parsed.data as z.infer<S>, line: info.lines };
  });
}

/** Parse labels-corpora.csv (header required, columns as CORPUS_LABEL_COLUMNS). */
export function parseCorpusLabels(csv: string, file: string): CorpusLabel[] {
  return parseLabelRows(csv, file, CorpusLabelRow).map(({ row: r, line }) => ({
    corpus: r.corpus,
    rowId: r.row_id,
    textSha256: r.text_sha256,
    truth: toTruth(r),
    note: r.note,
    line,
  }));
}

/** Parse a JSONL file of labelled posts (own-posts.jsonl, socialisation.jsonl). */
export function* parseLabelledPosts(jsonl: string, file: string): Generator<LabelledPost> {
  const lines = jsonl.split(/\r?\n/);
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.trim();
    if (!text) continue;
    const fail = (detail: string) => new NetralError(evalMessages.badLabelFile, { file, line: i + 1, detail });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw fail((err as Error).message);
    }
    const parsed = LabelledPostRecord.safeParse(json);
    if (!parsed.success) throw fail(issueText(parsed.error));
    const { label, prohibition, stance, pair, clean_reason, ...post } = parsed.data;
    const cells = TruthCells.safeParse({ label, prohibition, stance, pair, clean_reason });
    if (!cells.success) throw fail(issueText(cells.error));
    if (seen.has(post.id)) throw fail(`duplicate id ${post.id}`);
    seen.add(post.id);
    yield { ...post, truth: toTruth(cells.data), line: i + 1 };
  }
}

export async function readTextFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new NetralError(evalMessages.unreadableFile, { file, detail: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
}
