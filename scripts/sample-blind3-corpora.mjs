// How the real tweets of fixtures/eval/blind3/corpora-labels.csv were drawn (kept to make the
// sample reproducible; it prints references only, never tweet text).
//   node scripts/sample-blind3-corpora.mjs [corpora dir, default ../shared/corpora]
// Rows already in fixtures/eval/labels-corpora.csv or holdout-corpora.csv are excluded (only their
// corpus,row_id columns are read). The rest are split into rows that name a candidate or pair (a
// plain name pattern: a sampling stratum, not a label) and rows that do not, and each stratum is
// shuffled with mulberry32(SEED); the first N of each are taken. Output: corpus,row_id,text_sha256,stratum.
// The draw was made against those two files as of commit 8f8220f; folding rows into them later
// changes what this script prints.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

const SEED = 20261203;
const corporaDir = process.argv[2] ?? path.resolve('..', 'shared', 'corpora');
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const excluded = new Set();
for (const f of ['fixtures/eval/labels-corpora.csv', 'fixtures/eval/holdout-corpora.csv']) {
  for (const r of parse(readFileSync(f, 'utf8'), { bom: true, columns: true })) excluded.add(`${r.corpus}|${r.row_id}`);
}
const CORPORA = [
  { name: 'pilpres2019-tweet-sentiment', file: 'dataset.csv', text: 2, named: /jokowi|prabowo|sandi|ma.?ruf|amin\b|kyai|\b0[12]\b|jkw|wowo|capres|cawapres|paslon/i, take: [60, 35] },
  { name: 'pilkada-dki2017-tweet-sentiment', file: 'dataset_tweet_sentiment_pilkada_DKI_2017.csv', text: 3, named: /ahok|djarot|anies|sandi|agus|ahy|sylvi|paslon|okeoce|oke oce|badja|#[123]\b/i, take: [45, 25] },
];
const shuffled = (rows) => {
  const a = [...rows];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};
const out = [];
for (const c of CORPORA) {
  const rows = parse(readFileSync(path.join(corporaDir, c.name, c.file)), { bom: true }).slice(1);
  const open = rows.filter((r) => !excluded.has(`${c.name}|${r[0]}`));
  const named = open.filter((r) => c.named.test(r[c.text]));
  const other = open.filter((r) => !c.named.test(r[c.text]));
  for (const [stratum, rowsOf, n] of [['named', named, c.take[0]], ['unnamed', other, c.take[1]]]) {
    for (const r of shuffled(rowsOf).slice(0, n)) {
      out.push({ corpus: c.name, rowId: r[0], sha: createHash('sha256').update(r[c.text], 'utf8').digest('hex'), stratum });
    }
  }
}
out.sort((a, b) => a.corpus.localeCompare(b.corpus) || Number(a.rowId) - Number(b.rowId));
process.stdout.write(`corpus,row_id,text_sha256,stratum\n${out.map((o) => `${o.corpus},${o.rowId},${o.sha},${o.stratum}`).join('\n')}\n`);
