// How the real tweets of fixtures/eval/blind4/corpora-labels.csv were drawn (kept to make the
// sample reproducible; it prints references only, never tweet text).
//   node scripts/sample-blind4-corpora.mjs [corpora dir, default ../shared/corpora]
// Rows already in fixtures/eval/labels-corpora.csv, holdout-corpora.csv or
// blind3/corpora-labels.csv are excluded; see scripts/lib/sample-blind-corpora.mjs for the draw
// (same strata as round 3, a new seed). The draw was made against those files as of commit
// d977f80; folding rows into them later changes what this script prints.
import path from 'node:path';
import { formatSample, sampleBlindCorpora } from './lib/sample-blind-corpora.mjs';

const SEED = 20261204;
const corporaDir = process.argv[2] ?? path.resolve('..', 'shared', 'corpora');
const rows = sampleBlindCorpora({
  seed: SEED,
  corporaDir,
  excludeFiles: ['fixtures/eval/labels-corpora.csv', 'fixtures/eval/holdout-corpora.csv', 'fixtures/eval/blind3/corpora-labels.csv'],
  take: { 'pilpres2019-tweet-sentiment': [90, 40], 'pilkada-dki2017-tweet-sentiment': [60, 30] },
});
process.stdout.write(formatSample(rows));
