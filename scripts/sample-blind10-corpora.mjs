// How the real tweets of fixtures/eval/blind10/corpora-labels.csv were drawn (kept to make the
// sample reproducible; it prints references only, never tweet text).
//   node scripts/sample-blind10-corpora.mjs [corpora dir, default ../shared/corpora]
// Rows already in fixtures/eval/labels-corpora.csv, holdout-corpora.csv or blind3 … blind9
// corpora-labels.csv are excluded (only their corpus,row_id columns are read; rounds 1 and 2 hold no
// corpus rows); see scripts/lib/sample-blind-corpora.mjs for the draw (same strata as rounds 3–9, a
// new seed). DKI 2017 has no unnamed row left and Pilpres 2019 none after round 9 took its last 6,
// so the draw asks for them anyway (the library takes what is open) and the rest is named rows.
// The draw was made against those files as of commit 9369984; folding rows into them later changes
// what this script prints.
import path from 'node:path';
import { formatSample, sampleBlindCorpora } from './lib/sample-blind-corpora.mjs';

const SEED = 20261206;
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
  ],
  take: { 'pilpres2019-tweet-sentiment': [104, 6], 'pilkada-dki2017-tweet-sentiment': [70, 0] },
});
process.stdout.write(formatSample(rows));
