// Inter-annotator agreement of a blind round: compares the first annotator's labels
// (labels.csv, corpora-labels.csv) with the second annotator's (labels-second.csv,
// corpora-labels-second.csv) on the same keys and prints, per part (exports, each corpus) and
// overall: n, raw partisan-vs-not agreement, Cohen's kappa, prohibition and pair agreement among
// items both call partisan, and the disagreements as counts by category (never a text).
//   node scripts/label-agreement.mjs fixtures/eval/blind10 [--json] [--keys]
// --keys lists the disagreeing items under each category: corpus row ids, or an export's input and
// line in labels.csv (a locator is a text, so it is never printed).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { agreement, joinLabels } from './lib/label-agreement.mjs';

function fail(message) {
  process.stderr.write(`label-agreement: ${message}\n`);
  process.exit(2);
}

let opts;
let positionals;
try {
  ({ values: opts, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean', default: false }, keys: { type: 'boolean', default: false } } }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const dir = positionals[0];
if (!dir || positionals.length > 1) fail('usage: node scripts/label-agreement.mjs <round dir> [--json] [--keys]');
if (!existsSync(dir)) fail(`no such directory: ${dir}`);

const REQUIRED = ['label', 'prohibition', 'stance', 'pair', 'clean_reason'];
function readTable(file, keyColumns) {
  let rows;
  try {
    rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true });
  } catch (e) {
    fail(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  for (const c of [...keyColumns, ...REQUIRED]) if (rows.length > 0 && !columns.includes(c)) fail(`${file}: missing column ${c}`);
  for (const [i, r] of rows.entries()) {
    if (r.label !== 'partisan' && r.label !== 'clean') fail(`${file}: row ${i + 2}: label must be partisan or clean`);
  }
  return rows;
}

// part name -> joined pairs
const parts = [];
const unmatched = [];
const exportsFirst = path.join(dir, 'labels.csv');
const exportsSecond = path.join(dir, 'labels-second.csv');
if (existsSync(exportsFirst) && existsSync(exportsSecond)) {
  const firstRows = readTable(exportsFirst, ['input', 'locator']);
  // an export item is named by its input and its row in labels.csv: the locator is a text
  const rowOf = new Map(firstRows.map((r, i) => [r, i + 2]));
  const joined = joinLabels(firstRows, readTable(exportsSecond, ['input', 'locator']), (r) => `${r.input}\u0000${r.locator}`);
  parts.push({ name: 'exports', pairs: joined.pairs.map((p) => ({ ...p, label: `${p.first.input} (labels.csv line ${rowOf.get(p.first)})` })) });
  if (joined.onlyFirst.length + joined.onlySecond.length > 0) unmatched.push({ part: 'exports', onlyFirst: joined.onlyFirst.length, onlySecond: joined.onlySecond.length });
}
const corporaFirst = path.join(dir, 'corpora-labels.csv');
const corporaSecond = path.join(dir, 'corpora-labels-second.csv');
if (existsSync(corporaFirst) && existsSync(corporaSecond)) {
  const joined = joinLabels(readTable(corporaFirst, ['corpus', 'row_id']), readTable(corporaSecond, ['corpus', 'row_id']), (r) => `${r.corpus}\u0000${r.row_id}`);
  const corpora = [...new Set(joined.pairs.map((p) => p.first.corpus))].sort();
  for (const corpus of corpora) parts.push({ name: corpus, pairs: joined.pairs.filter((p) => p.first.corpus === corpus).map((p) => ({ ...p, label: `row ${p.first.row_id}` })) });
  if (joined.onlyFirst.length + joined.onlySecond.length > 0) unmatched.push({ part: 'corpora', onlyFirst: joined.onlyFirst.length, onlySecond: joined.onlySecond.length });
}
if (parts.length === 0) fail(`${dir}: no pair of first/second label files (labels.csv + labels-second.csv or corpora-labels.csv + corpora-labels-second.csv)`);

const results = parts.map((p) => ({ part: p.name, ...agreement(p.pairs) }));
results.push({ part: 'overall', ...agreement(parts.flatMap((p) => p.pairs)) });

if (opts.json) {
  process.stdout.write(`${JSON.stringify({ dir, parts: results, unmatched }, null, 2)}\n`);
  process.exit(0);
}

const f3 = (x) => (x === undefined ? 'n/a' : x.toFixed(3));
const header = ['part', 'n', 'P first', 'P second', 'agree', 'kappa', 'both P', 'prohib.', 'pair', 'stance', 'context'];
const table = results.map((r) => [r.part, String(r.n), String(r.firstPartisan), String(r.secondPartisan), f3(r.rawAgreement), f3(r.kappa), String(r.bothPartisan), f3(r.prohibitionAgreement), f3(r.pairAgreement), f3(r.stanceAgreement), f3(r.contextAgreement)]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
const out = [`Label agreement, ${dir}: first annotator (labels.csv, corpora-labels.csv) vs second (*-second.csv)`, '', line(header), ...table.map(line), ''];
out.push('agree = raw partisan-vs-clean agreement; kappa = Cohen\'s kappa on it; prohib./pair/stance/context = agreement among the "both P" items.');
for (const u of unmatched) out.push(`unmatched keys in ${u.part}: ${u.onlyFirst} only in the first file, ${u.onlySecond} only in the second`);
out.push('', 'Disagreements by category (counts):');
for (const r of results.filter((x) => x.part !== 'overall')) {
  out.push(`  ${r.part}:${r.disagreements.length === 0 ? ' none' : ''}`);
  for (const [category, count] of r.disagreements) {
    out.push(`    ${String(count).padStart(3)}  ${category}`);
    if (opts.keys) for (const key of r.disagreeingKeys[category] ?? []) out.push(`           ${key}`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);
