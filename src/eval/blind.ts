// The blind set (fixtures/eval/blind/): real export files in every supported format, labelled by
// an annotator who never saw the rules or the development set. Each input is read by the real
// ingest pipeline, and each label is tied to the item it describes by a locator — the exact text,
// or for likes/follows/events/memberships the name of the target. A label that finds no item means
// an adapter did not read that activity: it is reported, never dropped silently.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Item } from '../model/item.js';
import type { Adapter } from '../ingest/types.js';
import { DEFAULT_INGEST_OPTIONS } from '../ingest/types.js';
import { ingest, readsRowChunks } from '../ingest/ingest.js';
import { NetralError } from '../errors.js';
import { parseLabelRows, readTextFile, toTruth, TruthCells, type Truth } from './labels.js';
import type { EvalRecord } from './dataset.js';
import { evaluateRecords, scoreOutcomes, type EvalReport, type Evaluator } from './metrics.js';
import { formatReport } from './format.js';
import { ChatContext } from '../pipeline/chat-context.js';
import { quotedThread } from '../pipeline/quote-context.js';
import type { ThreadMessage } from '../rules/evaluate.js';
import { ChatWorkplace, WorkplaceLookahead, type WorkplaceCues } from '../pipeline/chat-workplace.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';

const BLIND_LABEL_FILE = 'labels.csv';
/** labels of real corpus tweets a blind round may carry beside its exports (ids and hashes only) */
export const BLIND_CORPUS_LABEL_FILE = 'corpora-labels.csv';
/** files of the blind folder that are not inputs */
/** A second annotator's labels of the same keys (scripts/label-agreement.mjs): never scored, not inputs. */
export const SECOND_ANNOTATOR_FILES = ['labels-second.csv', 'corpora-labels-second.csv'] as const;
const NOT_INPUTS = new Set<string>([BLIND_LABEL_FILE, BLIND_CORPUS_LABEL_FILE, ...SECOND_ANNOTATOR_FILES, 'README.md']);
/** Every blind subject works in Kabupaten Sukamaju, so its Pilkada is on their ballot. */
export const BLIND_REGION = '3299';

export interface BlindLabel {
  /** the input under blind/ (a folder or a file) that holds the activity */
  input: string;
  /** the item's exact text, or the target/event/group name for likes, follows, events, memberships */
  locator: string;
  truth: Truth;
  /**
   * the earlier message of the same chat or thread this reply was read together with (RUBRIC,
   * "Replies inside a chat or thread the input holds", from round 7 on): `id:<n>` for a Telegram
   * message id, `line:<n>` for a line of a chat text file or sheet
   */
  context?: string;
  /** line in labels.csv */
  line: number;
}

/** The optional `context` cell: `-` (or absent) for none, else a reference to one message. */
const ContextCell = z.union([z.literal('-'), z.string().regex(/^(?:id|line):[1-9]\d*$/, 'id:<n> or line:<n> of the message the reply leans on, or -')]).optional();

const BlindLabelRow = z
  .object({
    input: z.string().min(1).refine((s) => !s.includes('..') && !path.isAbsolute(s), 'a path under blind/'),
    locator: z.string().trim().min(1),
    context: ContextCell,
  })
  .and(TruthCells);

/** Parse blind/labels.csv (header: input, locator, label, prohibition, stance, pair, clean_reason[, context]). */
export function parseBlindLabels(csv: string, file: string): BlindLabel[] {
  return parseLabelRows(csv, file, BlindLabelRow).map(({ row, line }) => ({
    input: row.input,
    locator: row.locator,
    truth: toTruth(row),
    ...(row.context !== undefined && row.context !== '-' && { context: row.context }),
    line,
  }));
}

/** Compare strings the way a reader would: Unicode NFC, runs of whitespace as one space, trimmed. */
function normaliseLocator(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The strings of an item a locator may name exactly: what was written, or what was acted on. A
 * liked or followed target is named by its handle (with or without its `@`) or by its link, since
 * an export may give only one of them (a TikTok like has only the video's link, an Instagram story
 * like only the account's handle) and a label may name it by the other's form.
 */
function itemLocators(item: Item): string[] {
  const handle = item.target?.handle?.replace(/^@+/, '');
  const out = [item.text, item.target?.name, handle, handle && `@${handle}`, item.target?.id, item.event?.name, item.link?.title, linkLocator(item.target?.url)];
  for (const m of item.media) out.push(m.caption);
  return out.filter((s): s is string => s !== undefined && s.trim() !== '').map(normaliseLocator);
}

/** A link as a locator compares: no scheme, no `www.`, the host in lower case, no trailing slash, query or fragment. */
function linkLocator(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url.trim())) return undefined;
  try {
    const u = new URL(url.trim());
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** A label's locator in the forms an item's locators take (a link as linkLocator writes it). */
function wantedForms(locator: string): string[] {
  const wanted = normaliseLocator(locator);
  // a link written without its scheme ("instagram.com/p/…") is a link too
  const link = linkLocator(/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/\S*$/i.test(wanted) ? `https://${wanted}` : wanted);
  return link && link !== wanted ? [wanted, link] : [wanted];
}

/** Texts a locator may be part of (an adapter may keep a shortened link or a prefix beside the text). */
function itemTexts(item: Item): string[] {
  return [item.text, ...item.media.map((m) => m.caption)].filter((s): s is string => s !== undefined).map(normaliseLocator);
}

export type UnmatchedProblem =
  /** no item of the input carries the locator: the adapter did not read the activity */
  | 'no-item'
  /** several items carry it: the locator (or the adapter, emitting duplicates) is ambiguous */
  | 'ambiguous'
  /** the one item that carries it is already claimed by another label */
  | 'taken';

export interface LabelMatch {
  label: BlindLabel;
  item: Item;
}

export interface UnmatchedLabel {
  label: BlindLabel;
  problem: UnmatchedProblem;
}

export interface MatchResult {
  matched: LabelMatch[];
  unmatched: UnmatchedLabel[];
  /** items the adapters read that no label names (system lines, profile entries …) */
  unlabelledItems: number;
}

/**
 * Tie each label of one input to one item of that input: an exact locator match first; failing
 * that, the one item whose text contains the locator. Every item is claimed at most once.
 */
export function matchLabels(labels: readonly BlindLabel[], items: readonly Item[]): MatchResult {
  const locators = items.map(itemLocators);
  const texts = items.map(itemTexts);
  const claimed = new Set<number>();
  const matched: LabelMatch[] = [];
  const unmatched: UnmatchedLabel[] = [];
  const indicesWhere = (test: (i: number) => boolean) => items.map((_, i) => i).filter(test);
  for (const label of labels) {
    const wanted = normaliseLocator(label.locator);
    const forms = wantedForms(label.locator);
    let hits = indicesWhere((i) => forms.some((f) => (locators[i] as string[]).includes(f)));
    if (hits.length === 0) hits = indicesWhere((i) => (texts[i] as string[]).some((t) => t.includes(wanted)));
    // one act an export reports twice (a profile-picture change and the timeline post announcing
    // it): the items share the owner's text and kind of act, so the label names the first and the
    // copy is claimed with it rather than left as an unlabelled item
    if (hits.length > 1 && sameAct(hits.map((i) => items[i] as Item))) {
      for (const i of hits.slice(1)) claimed.add(i);
      hits = hits.slice(0, 1);
    }
    if (hits.length === 0) unmatched.push({ label, problem: 'no-item' });
    else if (hits.length > 1) unmatched.push({ label, problem: 'ambiguous' });
    else if (claimed.has(hits[0] as number)) unmatched.push({ label, problem: 'taken' });
    else {
      claimed.add(hits[0] as number);
      matched.push({ label, item: items[hits[0] as number] as Item });
    }
  }
  return { matched, unmatched, unlabelledItems: items.length - claimed.size };
}

/**
 * Items that are one act reported twice: each already carries the label's words exactly (as its
 * text or a photo's caption), and they share the actor, the time and the kind.
 */
function sameAct(items: readonly Item[]): boolean {
  const [first, ...rest] = items as [Item, ...Item[]];
  const key = (it: Item) => JSON.stringify([it.kind, it.actor?.id ?? it.actor?.handle ?? it.actor?.name ?? '', it.time ?? '']);
  return rest.every((it) => key(it) === key(first));
}

/** What reading one input produced, apart from its items. */
export interface BlindInput {
  input: string;
  items: number;
  unlabelledItems: number;
  /** ingest warnings (skipped entries, corrupt members with --skip-bad) */
  warnings: string[];
  /** the input could not be read at all (unknown format …): all its labels are unmatched */
  error?: string;
}

export interface BlindSet {
  records: EvalRecord[];
  unmatched: UnmatchedLabel[];
  inputs: BlindInput[];
}

/**
 * Read one input with the real ingest stage. The blind set is small, so its items are held to be
 * matched; corrupt members are skipped with a warning, as `netral scan --skip-bad` would.
 */
async function readInput(file: string, adapters: readonly Adapter[]): Promise<{ items: Item[]; rows: Set<string>; quotes: Map<string, ThreadMessage[]>; warnings: string[]; error?: string }> {
  const items: Item[] = [];
  // rows that quote a tweet: the tweet they lean on (quote-context.ts), as `netral scan` reads them
  const quotes = new Map<string, ThreadMessage[]>();
  // items that are rows of a JSONL or CSV file (read without the workplace look-ahead, as `netral scan` reads them)
  const rows = new Set<string>();
  const warnings: string[] = [];
  try {
    for await (const event of ingest([file], { ...DEFAULT_INGEST_OPTIONS, skipBad: true }, adapters)) {
      if (event.type === 'item') {
        items.push(event.item);
        if (readsRowChunks(event.adapter)) {
          rows.add(event.item.id);
          const quoted = quotedThread(event.item, event.raw);
          if (quoted.length) quotes.set(event.item.id, quoted);
        }
      }
      else if (event.type === 'warning') warnings.push(event.message);
    }
  } catch (err) {
    if (!(err instanceof NetralError)) throw err;
    return { items, rows, quotes, warnings, error: err.render() };
  }
  return { items, rows, quotes, warnings };
}

/**
 * Sets whose subjects do not work in Kabupaten Sukamaju (folder name → region code): the civil
 * servants of the 2016–2024 post sets (dev-2019, blind round 20, and the three-election sets
 * dev-posts and blind rounds 22 and 24) work in DKI Jakarta, whose 2017 Pilkada is on their ballot,
 * as the harness places the DKI corpus tweets. Kept here so every reader of a set (the eval, the
 * stance trainer) gives its items the same region.
 */
/**
 * Sets whose subjects live in a real Pilkada 2024 region (folder name → region code): they are scored
 * with the registries `netral registry import-kpu` generates for every region from KPU's snapshot and
 * this region as `--region` (src/eval/kpu-regions.ts), as a real user there scans: dev-pilkada in Kota Semarang
 * (Pilgub Jawa Tengah and Pilwalkot Semarang), dev-medan in Kota Medan (Pilgub Sumatera Utara and Pilwalkot
 * Medan; KPU's and Kemendagri's code 1271 — 1275 is Medan's BPS code, and KPU's 1275 is Kota Binjai), blind round 32 in Kota Bandung (Pilgub Jawa Barat and Pilwalkot Bandung), blind round 33 in
 * Kota Makassar (Pilgub Sulawesi Selatan and Pilwalkot Makassar), blind round 34 in Kota Malang (Pilgub
 * Jawa Timur and Pilwalkot Malang), dev-jakarta in DKI Jakarta (Pilgub DKI Jakarta; no city races) and blind
 * round 35 in Kota Palembang (Pilgub Sumatera Selatan and Pilwalkot Palembang), blind round 36 in Kota Padang
 * (Pilgub Sumatera Barat and Pilwalkot Padang), blind round 37 in Kota Pontianak (Pilgub Kalimantan Barat and
 * Pilwalkot Pontianak), dev-relawan in Kota Denpasar (Pilgub Bali and Pilwalkot Denpasar), blind round 38 in Kota
 * Manado (Pilgub Sulawesi Utara and Pilwalkot Manado), dev-julukan in Kota Mataram (Pilgub Nusa Tenggara Barat
 * and Pilwalkot Mataram), blind round 39 in Kota Banjarmasin (Pilgub Kalimantan Selatan and Pilwalkot
 * Banjarmasin), dev-sikap in Kota Yogyakarta (Pilgub DI Yogyakarta was not held: Pilwalkot Yogyakarta only), blind
 * round 40 in Kota Bandar Lampung (Pilgub Lampung and Pilwalkot Bandar Lampung) and dev-jargon in Kota Balikpapan
 * (Pilgub Kalimantan Timur and Pilwalkot Balikpapan).
 */
export const KPU_SET_REGIONS: Readonly<Record<string, string>> = { 'dev-pilkada': '3374', 'dev-medan': '1271', blind32: '3273', blind33: '7371', blind34: '3573', 'dev-jakarta': '31', blind35: '1671', blind36: '1371', blind37: '6171', 'dev-relawan': '5171', blind38: '7171', 'dev-julukan': '5271', blind39: '6371', 'dev-sikap': '3471', blind40: '1871', 'dev-jargon': '6471' };

export const SET_REGIONS: Readonly<Record<string, string>> = { 'dev-2019': '31', blind20: '31', 'dev-posts': '31', blind22: '31', blind24: '31', ...KPU_SET_REGIONS };

/** A row's author as its sheet names it: the account handle, else the account name. */
function authorOf(item: Item): string | undefined {
  return (item.actor?.handle ?? item.actor?.name)?.toLowerCase();
}

/** At least this many rows with an author before a sheet can be one person's. */
const ONE_PERSON_MIN_ROWS = 10;

/**
 * The subject of one person's analyst sheet, read from the sheet's own author column: the account
 * that wrote at least three quarters of its rows (RUBRIC: "only the subjects' own acts are
 * labelled"; the other accounts' rows are friends' comments captured under the subject's posts).
 * A sheet of many civil servants (one row each, or a few rows per account) has no such account and
 * every row stays its author's own act. Undefined when the rows name no one account so.
 */
export function sheetSubject(items: readonly Item[], rows: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, number>();
  let authored = 0;
  for (const item of items) {
    const handle = rows.has(item.id) ? authorOf(item) : undefined;
    if (!handle) continue;
    authored++;
    counts.set(handle, (counts.get(handle) ?? 0) + 1);
  }
  if (authored < ONE_PERSON_MIN_ROWS) return undefined;
  for (const [handle, n] of counts) if (n * 4 >= authored * 3) return handle;
  return undefined;
}

/** Load blind/labels.csv, read every input it names, and tie labels to items (`region`: the subjects' region). */
export async function loadBlindSet(blindDir: string, adapters: readonly Adapter[], cues: WorkplaceCues = { workplaceCues: [] }, region: string = SET_REGIONS[path.basename(blindDir)] ?? BLIND_REGION): Promise<BlindSet> {
  const labelFile = path.join(blindDir, BLIND_LABEL_FILE);
  const labels = parseBlindLabels(await readTextFile(labelFile), labelFile);
  const byInput = new Map<string, BlindLabel[]>();
  for (const l of labels) byInput.set(l.input, [...(byInput.get(l.input) ?? []), l]);
  // an input on disk that no label names is reported as an input with only unlabelled items
  for (const entry of await readdir(blindDir)) if (!NOT_INPUTS.has(entry) && !byInput.has(entry)) byInput.set(entry, []);

  const set: BlindSet = { records: [], unmatched: [], inputs: [] };
  for (const [input, inputLabels] of byInput) {
    const { items, rows, quotes, warnings, error } = await readInput(path.join(blindDir, input), adapters);
    const { matched, unmatched, unlabelledItems } = matchLabels(inputLabels, items);
    // each chat message with the messages before it, exactly as `netral scan` reads them
    const chats = new ChatContext();
    const workplace = new ChatWorkplace(cues);
    const threads = new Map<string, ReturnType<ChatContext["threadFor"]>>();
    const workplaces = new Map<string, WorkplaceReading>();
    const lookahead = new WorkplaceLookahead<undefined>(workplace);
    for (const item of items) {
      // a post of an export's own adapter also leans on the same account's other posts for the
      // candidates they name (timelineFor); rows of a JSONL or CSV file are read without it, as scan reads them
      threads.set(item.id, rows.has(item.id) ? [...(quotes.get(item.id) ?? []), ...chats.threadFor(item)] : [...chats.threadFor(item), ...chats.timelineFor(item)]);
      chats.remember(item);
      const ready = rows.has(item.id) ? lookahead.pass(item, undefined) : lookahead.push(item, undefined);
      for (const { item: one, reading } of ready) if (reading) workplaces.set(one.id, reading);
    }
    // (a chat never read as a workplace lets its held messages go unread)
    lookahead.release();
    set.inputs.push({ input, items: items.length, unlabelledItems, warnings, ...(error !== undefined && { error }) });
    set.unmatched.push(...unmatched);
    const subject = sheetSubject(items, rows);
    for (const { label, item } of matched) {
      const author = rows.has(item.id) ? authorOf(item) : undefined;
      const othersAct = subject !== undefined && author !== undefined && author !== subject;
      const thread = threads.get(item.id) ?? [];
      const reading = workplaces.get(item.id);
      set.records.push({ set: input, id: `${BLIND_LABEL_FILE}:${label.line}`, item, region, ...(thread.length ? { thread } : {}), ...(reading ? { workplace: reading } : {}), ...(othersAct ? { othersAct: true as const } : {}), truth: label.truth });
    }
  }
  return set;
}

/** Score the matched labels; rows per set are the inputs (one per format). */
export function scoreBlindSet(set: BlindSet, evaluator: Evaluator): EvalReport {
  return scoreOutcomes(evaluateRecords(set.records, evaluator));
}

/** The problems of a blind run, one line each (empty = every label read and matched). */
export function blindProblems(set: BlindSet): string[] {
  const out: string[] = [];
  for (const i of set.inputs) if (i.error) out.push(`${i.input}: not read — ${i.error}`);
  for (const u of set.unmatched) {
    const why = { 'no-item': 'no item carries it (not read by the adapter?)', ambiguous: 'several items carry it', taken: 'its item is claimed by another label' }[u.problem];
    out.push(`${BLIND_LABEL_FILE}:${u.label.line} (${u.label.input}, ${u.label.truth.label}): ${why}`);
  }
  return out;
}

/** The blind section of `npm run eval -- --blind`: the usual tables, then inputs and problems. */
export function formatBlindReport(set: BlindSet, report: EvalReport, options: { misses?: boolean; title?: string } = {}): string {
  const title = options.title ?? 'Blind set (fixtures/eval/blind, one row per input format)';
  const out = [title, formatReport(report, { misses: options.misses })];
  out.push('');
  out.push('Inputs: items read / not labelled / warnings');
  for (const i of set.inputs) out.push(`  ${i.input}: ${i.items} / ${i.unlabelledItems} / ${i.warnings.length}${i.error ? '  NOT READ' : ''}`);
  const problems = blindProblems(set);
  if (problems.length) {
    out.push('');
    out.push(`ERROR: ${problems.length} label(s) not matched to an item:`);
    for (const p of problems) out.push(`  ${p}`);
  }
  return out.join('\n');
}
