// Scoring: the binary question "partisan or not" overall and per set, per prohibition, how often
// the finding names the labelled pair, and the findings on texts that must never be flagged.
// Pure: takes the evaluator as a function, knows nothing about rule packs.
import { severityRank, type Finding, type Prohibition, type Severity } from '../model/finding.js';
import type { Item } from '../model/item.js';
import type { WorkplaceReading } from '../model/workplace-reading.js';
import { ZERO_FINDING_REASONS, type Truth } from './labels.js';
import type { EvalRecord } from './dataset.js';
import type { CandidateStance } from '../model/finding-types.js';

/** The engine under test: the lead's `evaluate` with its rule pack bound. */
/** The earlier chat messages an item may lean on (the engine's EvalContext.thread). */
export type EvalThread = ReadonlyArray<{ item: Item; via: 'reply' | 'window' | 'chat' }>;
export type Evaluator = (item: Item, opts: { region?: string; thread?: EvalThread; workplaceChat?: WorkplaceReading }) => Finding[];

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoredRow extends Confusion, Scores {
  name: string;
}

/** A record the engine got wrong on the binary question. */
export interface Miss {
  set: string;
  id: string;
  kind: 'false-positive' | 'false-negative';
  truth: Truth;
  ruleIds: string[];
}

export interface EvalReport {
  records: number;
  overall: ScoredRow;
  bySet: ScoredRow[];
  byProhibition: ScoredRow[];
  /** true positives whose findings name the labelled pair, out of those with a labelled pair */
  pairAgreement: { checked: number; agreed: number };
  /** the same true positives, asked whether the findings give the labelled pair the labelled stance (pairStanceOf) */
  pairStance: PairStanceAgreement;
  /** findings on records labelled clean/socialisation or clean/voter-education (target: 0) */
  zeroSet: { records: number; findings: number; flaggedIds: string[] };
  misses: Miss[];
}

/** How the findings on one true positive read the labelled pair's stance (pairStanceOf). */
export const PAIR_STANCE_VERDICTS = ['agreed', 'wrong', 'mention', 'unnamed'] as const;
export type PairStanceVerdict = (typeof PAIR_STANCE_VERDICTS)[number];

/**
 * The strict pair agreement: of the true positives with a labelled pair, how many give that pair the
 * labelled stance (agreed), the opposite stance or another pair the labelled stance (wrong), name it
 * only as a mention (mention), or do not name it (unnamed); `checked` is their sum.
 */
export interface PairStanceAgreement extends Record<PairStanceVerdict, number> {
  checked: number;
  /** every record not agreed, by set and id (never the text), for the misses list */
  disagreements: Array<{ set: string; id: string; verdict: Exclude<PairStanceVerdict, 'agreed'>; label: string; found: string; ruleIds: string[]; prohibitions: string[] }>;
}

/**
 * The labelled pair's stance as the findings read it. Support and promote labels want 'support' on
 * the pair, attack labels 'attack' (RUBRIC: the pair the post is for, or the pair attacked).
 * - agreed: some finding gives the pair the labelled stance and none the opposite;
 * - wrong: some finding gives the pair the opposite stance, or gives another pair the labelled
 *   stance while the labelled pair lacks it ("02 supported" on a post for 01 that attacks 02);
 * - mention: the pair is named, only as a mention (or with no stance recorded);
 * - unnamed: the pair is not named at all.
 * An attack label with another pair attacked as well stays agreed: a post may attack two pairs.
 */
export function pairStanceOf(findings: readonly Finding[], pair: string, labelled: 'support' | 'promote' | 'attack'): PairStanceVerdict {
  const want: CandidateStance = labelled === 'attack' ? 'attack' : 'support';
  const opposite: CandidateStance = want === 'attack' ? 'support' : 'attack';
  const onPair = findings.flatMap((f) => f.candidates.filter((c) => c.pair === pair));
  const hasWant = onPair.some((c) => c.stance === want);
  const hasOpposite = onPair.some((c) => c.stance === opposite);
  if (hasWant && !hasOpposite) return 'agreed';
  if (hasOpposite) return 'wrong';
  if (findings.some((f) => f.candidates.some((c) => c.pair !== pair && c.stance === want))) return 'wrong';
  return onPair.length ? 'mention' : 'unnamed';
}

/** a finding's candidates as the disagreement list shows them: "pilpres-2024-02:support" */
function candidateStances(findings: readonly Finding[]): string {
  const seen = new Set<string>();
  for (const f of findings) for (const c of f.candidates) seen.add(`${c.pair}:${c.stance ?? '-'}`);
  return [...seen].join(',') || '-';
}

export interface ScoreOptions {
  /** findings below this severity do not count as a flag (default: every finding counts) */
  minSeverity?: Severity;
}

export const PROHIBITION_ROWS: readonly Prohibition[] = [1, 2, 3, 4, 5, 6, 7, 8, 'other'];

/**
 * Precision is 1 when nothing was flagged, recall is 1 when there was nothing to find: a row
 * with no positives either way is perfect rather than undefined. F1 is their harmonic mean.
 */
export function scores(c: Confusion): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

function tally(c: Confusion, truth: boolean, predicted: boolean): void {
  if (truth && predicted) c.tp++;
  else if (predicted) c.fp++;
  else if (truth) c.fn++;
  else c.tn++;
}

function row(name: string, c: Confusion): ScoredRow {
  return { name, ...c, ...scores(c) };
}

/** One record and what the engine said about it. */
export interface Outcome {
  record: EvalRecord;
  findings: Finding[];
}

export function* evaluateRecords(records: Iterable<EvalRecord>, evaluator: Evaluator): Generator<Outcome> {
  for (const record of records) {
    // another account's row is never filed under the subject, whatever the rules say about it
    if (record.othersAct) { yield { record, findings: [] }; continue; }
    yield { record, findings: evaluator(record.item, { ...(record.region ? { region: record.region } : {}), ...(record.thread?.length ? { thread: record.thread } : {}), ...(record.workplace ? { workplaceChat: record.workplace } : {}) }) };
  }
}

export function scoreOutcomes(outcomes: Iterable<Outcome>, options: ScoreOptions = {}): EvalReport {
  const min = severityRank(options.minSeverity ?? 'info');
  const overall = emptyConfusion();
  const bySet = new Map<string, Confusion>();
  const byProhibition = new Map<Prohibition, Confusion>(PROHIBITION_ROWS.map((p) => [p, emptyConfusion()]));
  const pairAgreement = { checked: 0, agreed: 0 };
  const pairStance: PairStanceAgreement = { checked: 0, agreed: 0, wrong: 0, mention: 0, unnamed: 0, disagreements: [] };
  const zeroSet = { records: 0, findings: 0, flaggedIds: [] as string[] };
  const misses: Miss[] = [];
  let records = 0;

  for (const { record, findings: all } of outcomes) {
    records++;
    const findings = all.filter((f) => severityRank(f.severity) >= min);
    const { truth } = record;
    const isPartisan = truth.label === 'partisan';
    const flagged = findings.length > 0;

    tally(overall, isPartisan, flagged);
    const setConfusion = bySet.get(record.set) ?? emptyConfusion();
    tally(setConfusion, isPartisan, flagged);
    bySet.set(record.set, setConfusion);

    for (const [p, c] of byProhibition) {
      tally(c, isPartisan && truth.prohibition === p, findings.some((f) => f.prohibition === p));
    }

    if (isPartisan && flagged && truth.pair) {
      pairAgreement.checked++;
      if (findings.some((f) => f.candidates.some((c) => c.pair === truth.pair))) pairAgreement.agreed++;
      const verdict = pairStanceOf(findings, truth.pair, truth.stance);
      pairStance.checked++;
      pairStance[verdict]++;
      if (verdict !== 'agreed') pairStance.disagreements.push({ set: record.set, id: record.id, verdict, label: `${truth.stance}/${truth.pair}`, found: candidateStances(findings), ruleIds: [...new Set(findings.map((f) => f.ruleId))], prohibitions: [...new Set(findings.map((f) => String(f.prohibition)))] });
    }
    if (truth.label === 'clean' && ZERO_FINDING_REASONS.has(truth.reason)) {
      zeroSet.records++;
      zeroSet.findings += findings.length;
      if (flagged) zeroSet.flaggedIds.push(`${record.set}:${record.id}`);
    }
    if (isPartisan !== flagged) {
      misses.push({
        set: record.set,
        id: record.id,
        kind: flagged ? 'false-positive' : 'false-negative',
        truth,
        ruleIds: [...new Set(findings.map((f) => f.ruleId))],
      });
    }
  }

  return {
    records,
    overall: row('overall', overall),
    bySet: [...bySet].map(([name, c]) => row(name, c)),
    byProhibition: PROHIBITION_ROWS.map((p) => row(String(p), byProhibition.get(p) as Confusion)),
    pairAgreement,
    pairStance,
    zeroSet,
    misses,
  };
}

export interface Targets {
  /** precision of the binary partisan class, whole development set */
  precision: number;
  recall: number;
  /** findings allowed on socialisation / voter-education texts */
  zeroSetFindings: number;
}

/** Issue 11: the development set and every blind round at precision ≥ 0.95 and recall ≥ 0.90. */
export const DEFAULT_TARGETS: Targets = { precision: 0.95, recall: 0.9, zeroSetFindings: 0 };

/** Targets the report misses, as one English sentence each (empty = all met). */
export function failedTargets(report: EvalReport, targets: Targets = DEFAULT_TARGETS): string[] {
  const out: string[] = [];
  const pct = (x: number) => x.toFixed(3);
  if (report.overall.precision < targets.precision) {
    out.push(`partisan precision ${pct(report.overall.precision)} is below the target ${pct(targets.precision)}`);
  }
  if (report.overall.recall < targets.recall) {
    out.push(`partisan recall ${pct(report.overall.recall)} is below the target ${pct(targets.recall)}`);
  }
  if (report.zeroSet.findings > targets.zeroSetFindings) {
    out.push(
      `${report.zeroSet.findings} finding(s) on socialisation / voter-education texts (target ${targets.zeroSetFindings}): ${report.zeroSet.flaggedIds.join(', ')}`,
    );
  }
  return out;
}
