// Before a name form, slogan or cue family is added for the dev-2019 set (posts written for netral
// about Pilpres 2019 and Pilkada DKI 2017), how often do the REAL tunable tweets of those elections
// use it, and are they flagged already? (fixtures/eval/tweet-recall-s35.md)
// For each pattern (a case-insensitive regular expression over the raw text): labelled tweets of the
// development corpora labels and rounds 3–13 that match, split by label and by whether the current
// pack flags them, and the same for dev-2019. Prints counts and corpus ids, never a tweet's text.
// Build first (npx tsc -p tsconfig.json).
//   node scripts/form-transfer.mjs --corpora /work/shared/corpora [--ids] 'plonga.?plongo' 'penista agama' …
// Round 14 (check) and later and the held-out tweets (holdout-corpora.csv) are not in SETS and must
// never be added (a round joins SETS only when the session's protocol retires it).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { loadRulePack } from '../dist/rules/pack.js';
import { evaluate } from '../dist/rules/evaluate.js';
import { itemFromCorpusRow } from '../dist/eval/dataset.js';
import { CORPORA, readCorpusRows } from '../dist/eval/corpora.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EVAL = path.join(ROOT, 'fixtures', 'eval');
const SETS = [
  ['dev', 'labels-corpora.csv'],
  ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map((n) => [`b${n}`, `blind${n}/corpora-labels.csv`]),
];
const SHORT = { 'pilpres2019-tweet-sentiment': 'P', 'pilkada-dki2017-tweet-sentiment': 'D' };

function fail(message) {
  process.stderr.write(`form-transfer: ${message}\n`);
  process.exit(2);
}

let opts;
let patterns;
try {
  const parsed = parseArgs({ options: { corpora: { type: 'string' }, ids: { type: 'boolean', default: false } }, allowPositionals: true });
  opts = parsed.values;
  patterns = parsed.positionals.map((p) => ({ source: p, re: new RegExp(p, 'iu') }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (!opts.corpora || patterns.length === 0) fail("usage: node scripts/form-transfer.mjs --corpora <dir> [--ids] '<regex>' …");

const pack = await loadRulePack({ extraRegistryPaths: [path.join(EVAL, 'registry-pilkada-dki-2017.yml')] });
const corpora = new Map();
for (const spec of CORPORA) {
  const rows = new Map();
  for await (const row of readCorpusRows(path.resolve(opts.corpora), spec)) rows.set(row.rowId, row);
  corpora.set(spec.name, { spec, rows });
}
const ctxOf = (spec) => (spec.region ? { region: spec.region } : {});

/** Every labelled text with its label, its place and whether the pack flags it (asked once per text). */
const texts = [];
for (const [set, file] of SETS) {
  for (const l of parse(readFileSync(path.join(EVAL, file)), { columns: true })) {
    const c = corpora.get(l.corpus);
    const row = c?.rows.get(l.row_id);
    if (!row) continue;
    texts.push({ where: 'real', id: `${set} ${SHORT[l.corpus] ?? l.corpus} ${l.row_id}`, label: l.label, text: row.text, item: () => itemFromCorpusRow(c.spec, row), spec: c.spec });
  }
}
// dev-2019: its posts are written for netral (MIT), scored here as the corpus tweets of their election are
const dki = corpora.get('pilkada-dki2017-tweet-sentiment').spec;
const pilpres = corpora.get('pilpres2019-tweet-sentiment').spec;
parse(readFileSync(path.join(EVAL, 'dev-2019', 'labels.csv')), { columns: true }).forEach((l, i) => {
  const spec = l.input.includes('dki2017') ? dki : pilpres;
  texts.push({ where: 'dev2019', id: `d19 ${i + 2}`, label: l.label, text: l.locator, item: () => itemFromCorpusRow(spec, { rowId: String(i + 2), text: l.locator, line: i + 2 }), spec });
});

const flagged = new Map();
const isFlagged = (t) => {
  if (!flagged.has(t)) flagged.set(t, evaluate(pack, t.item(), ctxOf(t.spec)).length > 0);
  return flagged.get(t);
};

process.stdout.write('| pattern | real: partisan flagged / missed | real: clean flagged / unflagged | dev2019: partisan flagged / missed | dev2019: clean flagged / unflagged |\n| --- | --- | --- | --- | --- |\n');
for (const p of patterns) {
  const cell = { real: { pf: [], pm: [], cf: [], cu: [] }, dev2019: { pf: [], pm: [], cf: [], cu: [] } };
  for (const t of texts) {
    if (!p.re.test(t.text)) continue;
    const f = isFlagged(t);
    const key = t.label === 'partisan' ? (f ? 'pf' : 'pm') : f ? 'cf' : 'cu';
    cell[t.where][key].push(t.id);
  }
  const show = (c) => `${c.pf.length} / ${c.pm.length} | ${c.cf.length} / ${c.cu.length}`;
  process.stdout.write(`| \`${p.source}\` | ${show(cell.real)} | ${show(cell.dev2019)} |\n`);
  if (opts.ids) {
    for (const where of ['real', 'dev2019']) {
      const c = cell[where];
      if (c.pm.length) process.stdout.write(`  ${where} partisan missed: ${c.pm.join(', ')}\n`);
      if (c.cf.length) process.stdout.write(`  ${where} clean flagged: ${c.cf.join(', ')}\n`);
    }
  }
}
