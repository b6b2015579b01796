// Inventory of hand-written inflection in the lexicons (fixtures/eval/morph-s46.md):
//   npm run build && node scripts/morph-inventory.mjs [<root word list>] [--json]
// For every lexicon it lists (1) the terms that are another term of the same lexicon plus a clitic
// or an affix (hand-written inflection), and whether the matcher's own morphology already reads
// them (redundant) or not; (2) the clitic forms a list writes for some roots and not for others
// (gaps); (3) with a root word list (one word a line, e.g. Sastrawi's kata-dasar.txt, MIT), the
// generated forms of every term that are words of their own (collisions) and the forms that are a
// term of another family. Read-only: it prints, it writes nothing.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { termText } from '../dist/text/term-text.js';
import { inflections, stem, cliticForms } from '../dist/text/morphology.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const json = args.includes('--json');
const listFile = args.find((a) => !a.startsWith('--'));
const dictionary = listFile ? new Set(readFileSync(listFile, 'utf8').split(/\r?\n/).map((w) => w.trim().toLowerCase()).filter(Boolean)) : undefined;

const dir = path.join(root, 'rules/lexicons');
const lexicons = readdirSync(dir).filter((f) => f.endsWith('.yml')).sort().map((f) => parse(readFileSync(path.join(dir, f), 'utf8')));
const termOwners = new Map();
for (const l of lexicons) for (const t of l.terms) {
  const k = termText(t.replace(/^=/, ''));
  if (!termOwners.has(k)) termOwners.set(k, new Set());
  termOwners.get(k).add(l.id);
}

const CLITIC_ENDS = ['nya', 'nye', 'nyo', 'lah', 'kah', 'pun', 'ku', 'mu', 'na', 'ne', 'e'];
const report = [];
for (const l of lexicons) {
  const mode = l.inflect ?? 'clitics';
  const terms = l.terms.filter((t) => !t.startsWith('=')).map(termText);
  const set = new Set(terms);
  const isRoot = (w) => set.has(w);
  const handWritten = [];
  for (const t of terms) {
    if (t.includes(' ')) continue;
    const s = stem(t, (w) => w !== t && isRoot(w));
    if (s === t || !set.has(s)) continue;
    const clitic = CLITIC_ENDS.find((c) => t === s + c);
    const generated = mode !== 'none' && (clitic !== undefined || inflections(s, mode).includes(t));
    handWritten.push({ form: t, root: s, clitic: clitic ?? null, readByMatcher: generated });
  }
  // gaps: a root with some clitic forms written, others not (the sets the engine reads word by word need them all)
  const gaps = [];
  const byRoot = new Map();
  for (const h of handWritten) if (h.clitic) (byRoot.get(h.root) ?? byRoot.set(h.root, []).get(h.root)).push(h.clitic);
  for (const [r, cs] of byRoot) {
    const want = cliticForms(r, "noun", new Set()).map((f) => f.slice(r.length));
    const missing = want.filter((c) => !cs.includes(c) && !set.has(r + c));
    if (missing.length) gaps.push({ root: r, written: cs, missing });
  }
  const collisions = [];
  const crossFamily = [];
  if (mode !== 'none') {
    for (const t of terms) {
      if (t.includes(' ') || t.length < 4) continue;
      const forms = new Set([...inflections(t, mode), ...cliticForms(t, mode === 'verb' ? 'verb' : 'noun')]);
      for (const f of forms) {
        if (set.has(f)) continue;
        if (dictionary?.has(f)) collisions.push({ term: t, form: f });
        const other = termOwners.get(f);
        if (other && !other.has(l.id)) crossFamily.push({ term: t, form: f, lexicons: [...other] });
      }
    }
  }
  if (handWritten.length || gaps.length || collisions.length || crossFamily.length) report.push({ lexicon: l.id, inflect: mode, handWritten, gaps, collisions, crossFamily });
}
if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const r of report) {
    console.log(`## ${r.lexicon} (inflect: ${r.inflect})`);
    if (r.handWritten.length) console.log(`  hand-written: ${r.handWritten.map((h) => `${h.form}←${h.root}${h.readByMatcher ? '' : '*'}`).join(', ')}`);
    for (const g of r.gaps) console.log(`  gap ${g.root}: written -${g.written.join(' -')}; missing -${g.missing.join(' -')}`);
    if (r.collisions.length) console.log(`  collisions: ${r.collisions.map((c) => `${c.form}(${c.term})`).join(', ')}`);
    if (r.crossFamily.length) console.log(`  other family: ${r.crossFamily.map((c) => `${c.form}(${c.term}→${c.lexicons.join('/')})`).join(', ')}`);
  }
}
