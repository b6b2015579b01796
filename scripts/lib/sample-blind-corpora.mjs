// Shared draw of real tweets for a blind round (scripts/sample-blind-corpora.mjs holds each round's
// seed and strata). Prints references only, never tweet text.
// Rows already labelled in `excludeFiles` are excluded (only their corpus,row_id columns are read).
// The rest are split into rows that name a candidate or pair (a plain name pattern: a sampling
// stratum, not a label) and rows that do not; each stratum is shuffled with one mulberry32(seed)
// stream (Pilpres 2019 named, unnamed, then DKI 2017 named, unnamed) and the first N are taken.
// Output: corpus,row_id,text_sha256,stratum,rank (rank = position in the shuffled stratum, 1-based:
// labelling the lowest ranks first keeps a partial labelling a fair sample).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
// mulberry32, the seeded PRNG the bench generators use too
import { prng as mulberry32 } from '../../bench/generate-export.js';

const CORPORA = [
  { name: 'pilpres2019-tweet-sentiment', file: 'dataset.csv', text: 2, named: /jokowi|prabowo|sandi|ma.?ruf|amin\b|kyai|\b0[12]\b|jkw|wowo|capres|cawapres|paslon/i },
  { name: 'pilkada-dki2017-tweet-sentiment', file: 'dataset_tweet_sentiment_pilkada_DKI_2017.csv', text: 3, named: /ahok|djarot|anies|sandi|agus|ahy|sylvi|paslon|okeoce|oke oce|badja|#[123]\b/i },
];

/**
 * @param {{ seed: number, excludeFiles: string[], take: Record<string, [number, number]>, corporaDir: string }} o
 *   take: per corpus name, [named, unnamed] rows to draw
 * @returns {{ corpus: string, rowId: string, sha: string, stratum: string, rank: number }[]} sorted by corpus and row id
 */
export function sampleBlindCorpora({ seed, excludeFiles, take, corporaDir }) {
  const rnd = mulberry32(seed);
  const excluded = new Set();
  for (const f of excludeFiles) {
    for (const r of parse(readFileSync(f, 'utf8'), { bom: true, columns: true })) excluded.add(`${r.corpus}|${r.row_id}`);
  }
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
    const [nNamed, nOther] = take[c.name];
    for (const [stratum, rowsOf, n] of [['named', named, nNamed], ['unnamed', other, nOther]]) {
      shuffled(rowsOf)
        .slice(0, n)
        .forEach((r, i) => out.push({ corpus: c.name, rowId: r[0], sha: createHash('sha256').update(r[c.text], 'utf8').digest('hex'), stratum, rank: i + 1 }));
    }
  }
  return out.sort((a, b) => a.corpus.localeCompare(b.corpus) || Number(a.rowId) - Number(b.rowId));
}

/** The CSV the sampling scripts print. */
export function formatSample(rows) {
  return `corpus,row_id,text_sha256,stratum,rank\n${rows.map((o) => `${o.corpus},${o.rowId},${o.sha},${o.stratum},${o.rank}`).join('\n')}\n`;
}
