// How a learned scorer carries over to real tweets: its score on labelled corpora rows (joined
// with the corpora texts), measured, never trained on. measureTransfer reads the development
// labels only (the data card's table); transferBySet reads the development labels and every
// tunable round with real tweets (3–14), to choose a model. The check rounds 35 and 36, the held-out set and
// rounds 37+ are never read here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldMaskOf, loadRulePack } from '../rules/pack.js';
import { maskedFields, prepareItem } from '../rules/evaluate.js';
import type { MaskedText } from '../rules/stance-model.js';
import { MODEL_MENTION_LISTS } from '../rules/schema.js';
import type { CompiledMatcher } from '../rules/pack.js';
import { recordsFromCorpora } from './dataset.js';
import { parseCorpusLabels, readTextFile } from './labels.js';
import { auc, scoresAt, type Scores } from './ngram-logistic.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EVAL_DIR = path.join(REPO_ROOT, 'fixtures', 'eval');
/** the evaluation-only DKI 2017 registry: texts about that election need its names masked too */
export const EVAL_REGISTRIES = [path.join(EVAL_DIR, 'registry-pilkada-dki-2017.yml')];

/** What a stance_model matcher counts as a candidate mention, for the trainers and this measurement. */
export function mentionMatcher(name: string): CompiledMatcher {
  const fields: CompiledMatcher['fields'] = ['text', 'media.caption'];
  return { name, type: 'registry', fields, fieldMask: fieldMaskOf(fields), weight: 0, lists: new Set(MODEL_MENTION_LISTS) };
}

/** Transfer to real tweets, measured (never trained on): the model's score per labelled row. */
export interface Transfer {
  /** labelled development rows read, and how many mention a candidate (only those are scored) */
  rows: number;
  scored: number;
  auc: number;
  /** precision/recall over the scored rows at each threshold; recall also over all partisan rows */
  at: Array<Omit<Scores, 'auc'> & { recallAll: number }>;
}

/**
 * Score the development corpus rows (fixtures/eval/labels-corpora.csv joined with the corpora
 * texts) with a model file, exactly as the rule does: the best field that mentions a candidate.
 * Only the development labels: the blind and held-out files are never read here.
 */
export async function measureTransfer(model: { score(m: MaskedText): { score: number } }, corporaDir: string): Promise<Transfer | undefined> {
  const labelFile = path.join(EVAL_DIR, 'labels-corpora.csv');
  const { records } = await recordsFromCorpora(parseCorpusLabels(await readTextFile(labelFile), labelFile), corporaDir, labelFile);
  if (records.length === 0) return undefined;
  const pack = await loadRulePack({ extraRegistryPaths: EVAL_REGISTRIES });
  const mentions = mentionMatcher('transfer.mentions');
  const pairs: Array<{ y: number; p: number }> = [];
  let partisan = 0;
  for (const r of records) {
    const y = r.truth.label === 'partisan' ? 1 : 0;
    partisan += y;
    const view = prepareItem(pack, r.item, r.region ? { region: r.region } : {});
    const scores = maskedFields(view, mentions).map((f) => model.score(f.masked).score);
    if (scores.length) pairs.push({ y, p: Math.max(...scores) });
  }
  const thresholds = Array.from({ length: 10 }, (_, i) => Math.round((0.5 + i * 0.05) * 100) / 100);
  const at = thresholds.map((t) => {
    const s = scoresAt(pairs, t);
    const tp = pairs.filter((x) => x.y === 1 && x.p >= t).length;
    return { ...s, recallAll: partisan ? tp / partisan : 0 };
  });
  return { rows: records.length, scored: pairs.length, auc: auc(pairs), at };
}

export function transferReport(t: Transfer): string {
  const lines = [`transfer to dev corpora rows: ${t.scored} of ${t.rows} mention a candidate; ROC AUC ${t.auc.toFixed(3)}`, 'threshold precision recall(scored) recall(all partisan rows)'];
  for (const r of t.at) lines.push(`${r.threshold.toFixed(2)}      ${r.precision.toFixed(3)}     ${r.recall.toFixed(3)}           ${r.recallAll.toFixed(3)}`);
  return `${lines.join('\n')}\n`;
}


/**
 * The real-tweet label sets a model's transfer is judged on, per round: development and the
 * retired rounds 3–14 (tunable; rounds 15–34 have no real tweets). The check rounds 35 and 36 are scored end to end by the eval
 * (totals only); the held-out set and rounds 37+ are blind: never read here.
 */
export const TRANSFER_SETS: ReadonlyArray<{ name: string; file: string; check?: true }> = [
  { name: 'dev', file: 'labels-corpora.csv' },
  ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => ({ name: `blind${n}`, file: `blind${n}/corpora-labels.csv` })),
];

/** One set's labelled rows as the model sees them: the masked fields that mention a candidate. */
export interface PreparedSet {
  name: string;
  check: boolean;
  rows: number;
  partisan: number;
  items: Array<{ y: number; fields: MaskedText[] }>;
}

/** Read and mask every transfer set once, so many models can be scored on the same fields. */
export async function prepareTransferSets(corporaDir: string, sets = TRANSFER_SETS): Promise<PreparedSet[]> {
  const pack = await loadRulePack({ extraRegistryPaths: EVAL_REGISTRIES });
  const mentions = mentionMatcher('transfer.mentions');
  const out: PreparedSet[] = [];
  for (const set of sets) {
    const labelFile = path.join(EVAL_DIR, set.file);
    const { records } = await recordsFromCorpora(parseCorpusLabels(await readTextFile(labelFile), labelFile), corporaDir, labelFile);
    const items: PreparedSet['items'] = [];
    let partisan = 0;
    for (const r of records) {
      const y = r.truth.label === 'partisan' ? 1 : 0;
      partisan += y;
      const view = prepareItem(pack, r.item, r.region ? { region: r.region } : {});
      const fields = maskedFields(view, mentions).map((f) => f.masked);
      if (fields.length) items.push({ y, fields });
    }
    out.push({ name: set.name, check: set.check === true, rows: records.length, partisan, items });
  }
  return out;
}

/** A model's transfer on one set: ROC AUC over the scored rows, precision and recall at the rules' thresholds. */
export interface SetTransfer {
  name: string;
  check: boolean;
  scored: number;
  auc: number;
  at: Array<{ threshold: number; precision: number; recall: number; flagged: number }>;
}

export const RULE_THRESHOLDS = [0.6, 0.85] as const;

/** Every set's row, then (with two or more tunable sets) their pooled row, "tunable". */
export function transferBySet(model: { score(m: MaskedText): { score: number } }, sets: readonly PreparedSet[], thresholds: readonly number[] = RULE_THRESHOLDS): SetTransfer[] {
  const tunable = sets.filter((s) => !s.check);
  const pooled: PreparedSet[] = tunable.length > 1 ? [{ name: 'tunable', check: false, rows: 0, partisan: 0, items: tunable.flatMap((s) => s.items) }] : [];
  return [...sets, ...pooled].map((s) => {
    const pairs = s.items.map((it) => ({ y: it.y, p: Math.max(...it.fields.map((f) => model.score(f).score)) }));
    return {
      name: s.name,
      check: s.check,
      scored: pairs.length,
      auc: auc(pairs),
      at: thresholds.map((t) => {
        const r = scoresAt(pairs, t);
        return { threshold: t, precision: r.precision, recall: r.recall, flagged: pairs.filter((x) => x.p >= t).length };
      }),
    };
  });
}

/** Markdown rows: one per set (the check set last, aggregate only). */
export function transferTable(rows: readonly SetTransfer[]): string {
  const head = `| set | scored | ROC AUC | ${rows[0]?.at.map((a) => `P@${a.threshold} | R@${a.threshold} | n@${a.threshold}`).join(' | ') ?? ''} |`;
  const sep = `| ${head.split('|').slice(1, -1).map(() => '---').join(' | ')} |`;
  const body = rows.map((r) => `| ${r.name}${r.check ? ' (check)' : ''} | ${r.scored} | ${r.auc.toFixed(3)} | ${r.at.map((a) => `${a.precision.toFixed(3)} | ${a.recall.toFixed(3)} | ${a.flagged}`).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}
