// How a learned scorer carries over to real tweets: its score on the labelled development rows
// (fixtures/eval/labels-corpora.csv joined with the corpora texts), measured, never trained on.
// Only the development labels: the blind and held-out files are never read here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRulePack } from '../rules/pack.js';
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
  return { name, type: 'registry', fields: ['text', 'media.caption'], weight: 0, lists: new Set(MODEL_MENTION_LISTS) };
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

