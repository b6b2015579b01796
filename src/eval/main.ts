// `npm run eval`: score the rule pack on the labelled development set and fail below the targets.
// The only file that knows the engine; the harness (dataset, metrics, format) takes any evaluator.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRulePack } from '../rules/pack.js';
import { evaluate } from '../rules/evaluate.js';
import { NetralError } from '../errors.js';
import { loadEvalDataset } from './dataset.js';
import { evaluateRecords, failedTargets, scoreOutcomes, type Evaluator } from './metrics.js';
import { formatReport } from './format.js';
import { blindProblems, formatBlindReport, loadBlindSet, scoreBlindSet } from './blind.js';
import { ALL_ADAPTERS } from '../ingest/adapters.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EVAL_DIR = path.join(REPO_ROOT, 'fixtures', 'eval');
const BLIND_DIR = path.join(EVAL_DIR, 'blind');
/** elections only the evaluation needs (not shipped in rules/registry) */
const EVAL_REGISTRIES = [path.join(EVAL_DIR, 'registry-pilkada-dki-2017.yml')];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpora: { type: 'string', default: path.resolve(REPO_ROOT, '..', 'shared', 'corpora') },
      json: { type: 'boolean', default: false },
      misses: { type: 'boolean', default: false },
      // also score the held-out multi-format set; its problems (unread labels) fail the run
      blind: { type: 'boolean', default: false },
    },
  });
  const pack = await loadRulePack({ extraRegistryPaths: EVAL_REGISTRIES });
  const { records, issues } = await loadEvalDataset({ evalDir: EVAL_DIR, corporaDir: path.resolve(values.corpora) });
  const evaluator: Evaluator = (item, ctx) => evaluate(pack, item, ctx);
  const report = scoreOutcomes(evaluateRecords(records, evaluator));
  const failed = failedTargets(report);
  const blindSet = values.blind ? await loadBlindSet(BLIND_DIR, ALL_ADAPTERS) : undefined;
  const blindReport = blindSet ? scoreBlindSet(blindSet, evaluator) : undefined;
  const blindFailed = blindSet ? blindProblems(blindSet) : [];
  if (values.json) {
    const blind = blindSet && { ...blindReport, inputs: blindSet.inputs, problems: blindFailed };
    process.stdout.write(`${JSON.stringify({ ...report, issues, failedTargets: failed, ...(blind && { blind }) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(report, { misses: values.misses, issues })}\n`);
    if (blindSet && blindReport) process.stdout.write(`\n${formatBlindReport(blindSet, blindReport, { misses: values.misses })}\n`);
    if (issues.some((i) => i.problem === 'corpus-missing')) {
      process.stderr.write(`eval: corpora not found under ${values.corpora} — scored own posts only (use --corpora <dir>)\n`);
    }
    process.stdout.write(failed.length ? `\nFAILED: ${failed.join('; ')}\n` : '\nAll targets met.\n');
    if (blindFailed.length) process.stdout.write(`FAILED: ${blindFailed.length} blind label(s) not matched to an item (see above)\n`);
  }
  return failed.length || blindFailed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`netral eval: ${err instanceof NetralError ? err.render() : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(err instanceof NetralError ? err.exitCode : 1);
  },
);
