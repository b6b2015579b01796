// How the real tweets of each blind round's corpora-labels.csv were drawn (kept to make every
// sample reproducible; it prints references only, never tweet text).
//   node scripts/sample-blind-corpora.mjs <round 3–14> [corpora dir, default ../shared/corpora]
// A round excludes the rows already in fixtures/eval/labels-corpora.csv, holdout-corpora.csv and
// the corpora-labels.csv of every earlier round (only their corpus,row_id columns are read; rounds
// 1 and 2 hold no corpus rows); see scripts/lib/sample-blind-corpora.mjs for the draw (strata,
// mulberry32 with the round's seed). Each draw was made against those files as of the commit
// noted with its round; folding rows into them later changes what this script prints.
// Until stop 29 each round had a script of its own (scripts/sample-blind<N>-corpora.mjs); this
// table prints exactly what they printed.
import path from 'node:path';
import { formatSample, sampleBlindCorpora } from './lib/sample-blind-corpora.mjs';

const PILPRES = 'pilpres2019-tweet-sentiment';
const DKI = 'pilkada-dki2017-tweet-sentiment';

/** Per round: the seed, the [named, unnamed] rows asked of each corpus, and what the draw met. */
const ROUNDS = {
  3: { seed: 20261203, take: { [PILPRES]: [60, 35], [DKI]: [45, 25] }, note: 'drawn at 8f8220f' },
  4: { seed: 20261204, take: { [PILPRES]: [90, 40], [DKI]: [60, 30] }, note: 'drawn at d977f80' },
  5: {
    seed: 20261205,
    take: { [PILPRES]: [100, 50], [DKI]: [70, 0] },
    note: 'drawn at bba80f9; DKI 2017 has no unnamed row left (round 4 took the last 26)',
  },
  6: { seed: 20261206, take: { [PILPRES]: [90, 40], [DKI]: [70, 0] }, note: 'drawn at 3311dd5' },
  7: {
    seed: 20261207,
    take: { [PILPRES]: [90, 40], [DKI]: [70, 0] },
    note: 'drawn at 6afa499; 907 Pilpres rows (821 named, 86 not) and 347 DKI rows were open',
  },
  8: {
    seed: 20261208,
    take: { [PILPRES]: [90, 40], [DKI]: [70, 0] },
    note: 'drawn at 54d3928; 777 Pilpres rows (731 named, 46 not) and 277 DKI rows were open',
  },
  9: {
    seed: 20261204,
    take: { [PILPRES]: [104, 6], [DKI]: [70, 0] },
    note: 'drawn at 5ac118d; Pilpres 2019 had only 6 unnamed rows left',
  },
  10: {
    seed: 20261206,
    take: { [PILPRES]: [104, 6], [DKI]: [70, 0] },
    note: 'drawn at 9369984; no unnamed row left in either corpus (the library takes what is open)',
  },
  11: {
    seed: 20261204,
    take: { [PILPRES]: [120, 0], [DKI]: [1000, 0] },
    note: 'drawn at 812906e; named rows only: about 120 of Pilpres 2019 and every DKI 2017 row still open',
  },
  12: {
    seed: 20261212,
    take: { [PILPRES]: [130, 0], [DKI]: [0, 0] },
    note: 'drawn at 6820df2; Pilpres 2019 only: the DKI 2017 corpus is used up (round 11 took every open row)',
  },
  13: {
    seed: 20261213,
    take: { [PILPRES]: [140, 0], [DKI]: [0, 0] },
    note: 'drawn at c4959a0; Pilpres 2019 only: 183 rows were open, all named; 43 are left for a later round',
  },
  14: {
    seed: 20261214,
    take: { [PILPRES]: [1000, 1000], [DKI]: [0, 0] },
    note: 'drawn at 2ddc314; Pilpres 2019 only: every row still open (43, all named); both corpora are now used up',
  },
};

const round = Number(process.argv[2]);
const spec = ROUNDS[round];
if (!spec) {
  process.stderr.write(`usage: node scripts/sample-blind-corpora.mjs <round: ${Object.keys(ROUNDS).join(', ')}> [corpora dir]\n`);
  process.exit(2);
}
const earlier = Object.keys(ROUNDS).map(Number).filter((r) => r < round);
const rows = sampleBlindCorpora({
  seed: spec.seed,
  corporaDir: process.argv[3] ?? path.resolve('..', 'shared', 'corpora'),
  excludeFiles: [
    'fixtures/eval/labels-corpora.csv',
    'fixtures/eval/holdout-corpora.csv',
    ...earlier.map((r) => `fixtures/eval/blind${r}/corpora-labels.csv`),
  ],
  take: spec.take,
});
process.stdout.write(formatSample(rows));
