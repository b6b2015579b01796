// How the real tweets of fixtures/eval/blind11/corpora-labels.csv were drawn (kept to make the
// sample reproducible; it prints references only, never tweet text).
//   node scripts/sample-blind11-corpora.mjs [corpora dir, default ../shared/corpora]
// Rows already in fixtures/eval/labels-corpora.csv, holdout-corpora.csv or blind3 … blind10
// corpora-labels.csv are excluded (only their corpus,row_id columns are read; rounds 1 and 2 hold no
// corpus rows); see scripts/lib/sample-blind-corpora.mjs for the draw (same strata as rounds 3–9, a
// new seed). Neither corpus has an unnamed row left, so the draw is named rows only: about 120 of
// Pilpres 2019 and every DKI 2017 row still open (the library takes what is open, fewer than asked).
// The draw was made against those files as of commit 812906e; folding rows into them later changes
// what this script prints.
import path from 'node:path';
import { formatSample, sampleBlindCorpora } from './lib/sample-blind-corpora.mjs';

const SEED = 20261204;
const corporaDir = process.argv[2] ?? path.resolve('..', 'shared', 'corpora');
const rows = sampleBlindCorpora({
  seed: SEED,
  corporaDir,
  excludeFiles: [
    'fixtures/eval/labels-corpora.csv',
    'fixtures/eval/holdout-corpora.csv',
    'fixtures/eval/blind3/corpora-labels.csv',
    'fixtures/eval/blind4/corpora-labels.csv',
    'fixtures/eval/blind5/corpora-labels.csv',
    'fixtures/eval/blind6/corpora-labels.csv',
    'fixtures/eval/blind7/corpora-labels.csv',
    'fixtures/eval/blind8/corpora-labels.csv',
    'fixtures/eval/blind9/corpora-labels.csv',
    'fixtures/eval/blind10/corpora-labels.csv',
  ],
  take: { 'pilpres2019-tweet-sentiment': [120, 0], 'pilkada-dki2017-tweet-sentiment': [1000, 0] },
});
process.stdout.write(formatSample(rows));
