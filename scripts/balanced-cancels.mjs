// The tunable tweets whose finding the balanced-coverage exception (liputan-berimbang) cancels,
// with the stance per pair each finding shows once the exception is taken out, and whether the
// exception still cancels with its `unless_finding` condition (fixtures/eval/tweet-recall-s34.md).
// Prints ids, labels and stances only, never a text. Build first (npx tsc -p tsconfig.json).
//   node scripts/balanced-cancels.mjs --corpora /work/shared/corpora
// Round 13 and later and the held-out tweets are check or blind sets: never add them to SETS.
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
  ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => [`b${n}`, `blind${n}/corpora-labels.csv`]),
];
const ID = 'liputan-berimbang';
const { values: opts } = parseArgs({ options: { corpora: { type: 'string' } } });
if (!opts.corpora) throw new Error('usage: node scripts/balanced-cancels.mjs --corpora <dir>');

const extra = { extraRegistryPaths: [path.join(EVAL, 'registry-pilkada-dki-2017.yml')] };
const withEx = await loadRulePack(extra);
const without = await loadRulePack(extra);
// the same pack with the exception taken out of every rule, and one where it ignores the finding's stance
for (const r of without.rules) r.exceptions = r.exceptions.filter((e) => e.def.id !== ID);
const plain = await loadRulePack(extra);
for (const r of plain.rules) r.exceptions = r.exceptions.map((e) => (e.def.id === ID ? { ...e, def: { ...e.def, unless_finding: undefined } } : e));

const texts = new Map();
for (const spec of CORPORA) {
  const rows = new Map();
  for await (const row of readCorpusRows(path.resolve(opts.corpora), spec)) rows.set(row.rowId, row);
  texts.set(spec.name, { spec, rows });
}

const count = { partisan: { cancelled: 0, kept: 0 }, clean: { cancelled: 0, kept: 0 } };
for (const [set, file] of SETS) {
  for (const l of parse(readFileSync(path.join(EVAL, file)), { columns: true })) {
    const corpus = texts.get(l.corpus);
    const row = corpus?.rows.get(l.row_id);
    if (!row) continue;
    const item = () => itemFromCorpusRow(corpus.spec, row);
    const ctx = corpus.spec.region ? { region: corpus.spec.region } : {};
    if (evaluate(plain, item(), ctx).length > 0) continue;
    const found = evaluate(without, item(), ctx);
    if (found.length === 0) continue;
    const kept = evaluate(withEx, item(), ctx).length > 0;
    const kind = l.label === 'partisan' ? 'partisan' : 'clean';
    count[kind][kept ? 'kept' : 'cancelled']++;
    const stances = [...new Set(found.flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance}`)))].join(' ');
    process.stdout.write(`${set} ${l.corpus}:${l.row_id} ${l.label}/${l.stance ?? ''}/${l.pair ?? ''} ${kept ? 'KEPT' : 'cancelled'} [${found.map((f) => f.ruleId).join(',')}] ${stances}\n`);
  }
}
process.stdout.write(`${JSON.stringify(count)}\n`);
