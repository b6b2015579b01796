// How the real tweets of fixtures/eval/blind3/corpora-labels.csv were drawn (kept to make the
// sample reproducible; it prints references only, never tweet text).
//   node scripts/sample-blind3-corpora.mjs [corpora dir, default ../shared/corpora]
// Rows already in fixtures/eval/labels-corpora.csv or holdout-corpora.csv are excluded; see
// scripts/lib/sample-blind-corpora.mjs for the draw (strata, mulberry32 with SEED).
// The draw was made against those two files as of commit 8f8220f; folding rows into them later
// changes what this script prints.
import path from 'node:path';
import { formatSample, sampleBlindCorpora } from './lib/sample-blind-corpora.mjs';

const SEED = 20261203;
const corporaDir = process.argv[2] ?? path.resolve('..', 'shared', 'corpora');
const rows = sampleBlindCorpora({
  seed: SEED,
  corporaDir,
  excludeFiles: ['fixtures/eval/labels-corpora.csv', 'fixtures/eval/holdout-corpora.csv'],
  take: { 'pilpres2019-tweet-sentiment': [60, 35], 'pilkada-dki2017-tweet-sentiment': [45, 25] },
});
process.stdout.write(formatSample(rows));
