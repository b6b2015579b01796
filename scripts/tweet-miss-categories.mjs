// The missed partisan tweets of the TUNABLE sets (development corpora labels, rounds 3–12)
// counted by what the tweet offers (no pair, tag only, two pairs, outcome, link, plain: first that holds) (fixtures/eval/tweet-recall-s30.md).
// Prints counts only, never a text. Build first (npx tsc -p tsconfig.json).
//   node scripts/tweet-miss-categories.mjs --corpora /work/shared/corpora [--json]
// Round 13 and later and the held-out tweets (holdout-corpora.csv) are check or blind sets: they are
// not in SETS and must never be added (a round joins SETS only when the session's protocol retires it).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { loadRulePack } from '../dist/rules/pack.js';
import { evaluate, prepareItem } from '../dist/rules/evaluate.js';
import { itemFromCorpusRow } from '../dist/eval/dataset.js';
import { CORPORA, readCorpusRows } from '../dist/eval/corpora.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EVAL = path.join(ROOT, 'fixtures', 'eval');
const SETS = [
  ['dev', 'labels-corpora.csv'],
  ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => [`b${n}`, `blind${n}/corpora-labels.csv`]),
];
/** the election each corpus was collected in: a pair of another election is no mention here */
const ELECTION = { 'pilpres2019-tweet-sentiment': 'pilpres-2019', 'pilkada-dki2017-tweet-sentiment': 'pilkada-2017-dki' };

function fail(message) {
  process.stderr.write(`tweet-miss-categories: ${message}\n`);
  process.exit(2);
}

let opts;
try {
  ({ values: opts } = parseArgs({ options: { corpora: { type: 'string' }, json: { type: 'boolean', default: false } } }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (!opts.corpora) fail('usage: node scripts/tweet-miss-categories.mjs --corpora <dir> [--json]');

const pack = await loadRulePack({ extraRegistryPaths: [path.join(EVAL, 'registry-pilkada-dki-2017.yml')] });

const texts = new Map();
for (const spec of CORPORA) {
  const rows = new Map();
  for await (const row of readCorpusRows(path.resolve(opts.corpora), spec)) rows.set(row.rowId, row);
  texts.set(spec.name, { spec, rows });
}

/** Pairs of the corpus's own election that the pack's matcher finds in a text. */
function pairsIn(spec, text) {
  const item = itemFromCorpusRow(spec, { rowId: '0', text, line: 1 });
  const view = prepareItem(pack, item, spec.region ? { region: spec.region } : {});
  const pairs = new Set();
  for (const f of view.fields) {
    for (const h of f.hits) {
      for (const o of h.owners ?? []) if (o.term?.pair && o.term.election.id === ELECTION[spec.name]) pairs.add(o.term.pair.number);
    }
  }
  return pairs;
}

const OUTCOME = /\b(menang\w*|kalah|kemenangan|kekalahan|selamat|quick ?count|qc|terpilih|dilantik|lilin|bunga|tersingkir|putaran)\b/i;
const LINK = /https?:|pic\.twitter/;
const CATEGORIES = [
  'no pair named',
  'only a name-bearing hashtag or tagged account names the pair',
  'one pair named: victory, defeat, grief or the count',
  'two or more pairs named',
  'one pair named, a link or headline shared with a comment',
  'one pair named in plain text, the stance in words outside the cues',
];

function category(spec, text) {
  const pairs = pairsIn(spec, text);
  if (pairs.size === 0) return 0;
  if (pairsIn(spec, text.replace(/[#@]\w+/g, ' ')).size === 0) return 1;
  // two pairs are checked before the outcome words, so the numbering is the note's, not the order
  if (pairs.size > 1) return 3;
  if (OUTCOME.test(text)) return 2;
  if (LINK.test(text)) return 4;
  return 5;
}

const table = CATEGORIES.map((name) => ({ name, bySet: {}, byCorpus: {} }));
let missed = 0;
let labelled = 0;
for (const [set, file] of SETS) {
  const labels = parse(readFileSync(path.join(EVAL, file)), { columns: true });
  for (const l of labels) {
    const corpus = texts.get(l.corpus);
    const row = corpus?.rows.get(l.row_id);
    if (!row) continue;
    labelled++;
    if (l.label !== 'partisan') continue;
    const item = itemFromCorpusRow(corpus.spec, row);
    if (evaluate(pack, item, corpus.spec.region ? { region: corpus.spec.region } : {}).length > 0) continue;
    missed++;
    const t = table[category(corpus.spec, row.text)];
    t.bySet[set] = (t.bySet[set] ?? 0) + 1;
    t.byCorpus[l.corpus] = (t.byCorpus[l.corpus] ?? 0) + 1;
  }
}

if (opts.json) {
  process.stdout.write(`${JSON.stringify({ labelled, missed, categories: table }, null, 2)}\n`);
} else {
  process.stdout.write(`${missed} missed partisan tweets of ${labelled} labelled (tunable sets only)\n`);
  const sets = SETS.map(([s]) => s);
  process.stdout.write(`| category | ${sets.join(' | ')} | ${CORPORA.map((c) => c.name).join(' | ')} |\n`);
  process.stdout.write(`| --- |${' --- |'.repeat(sets.length + CORPORA.length)}\n`);
  table.forEach((t, i) => {
    const cells = [...sets.map((s) => t.bySet[s] ?? 0), ...CORPORA.map((c) => t.byCorpus[c.name] ?? 0)];
    process.stdout.write(`| ${i + 1} ${t.name} | ${cells.join(' | ')} |\n`);
  });
}
