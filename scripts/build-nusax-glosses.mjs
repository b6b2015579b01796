// Builds rules/glosses/nusax.yml (and its data card rules/glosses/nusax.md) from NusaX:
// regional words (ten local languages) that stand for an Indonesian word a rule knows.
//   npm run build && node scripts/build-nusax-glosses.mjs <nusax git dir> [--date YYYY-MM-DD]
// The argument is a clone (or bare git dir) of github.com/IndoNLP/nusax; files are read from its
// HEAD with `git show`. CI has no copy, so the output is committed; re-running on the same commit
// writes the same files (the date aside, which --date fixes).
//
// Sources: datasets/lexicon/<language>.csv (Indonesian word → regional form, written by native
// speakers) and, for cue words the sentiment lexicon lacks (pilih, datang, jangan …), pairs mined
// from datasets/mt/train.csv by Dice co-occurrence and checked on valid.csv (test.csv is left to scripts/measure-nusax-glosses.mjs).
// The filters are in scripts/lib/nusax-glosses.mjs.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml, stringify } from 'yaml';
import { loadRulePack } from '../dist/rules/pack.js';
import { termText } from '../dist/text/term-text.js';
import { stem } from '../dist/text/morphology.js';
import { SLANG } from '../dist/text/slang.js';
import {
  DENY_FORMS,
  DENY_TARGETS,
  MIN_FORM_LENGTH,
  NUSAX_LANGUAGES,
  alignmentPrecision,
  dropAmbiguousForms,
  dropFinalApostrophes,
  glossesFromPairs,
  indonesianVocabulary,
  isListedRegionalWord,
  mineByDice,
  otherLanguageUse,
  rejectReason,
  wordsOf,
} from './lib/nusax-glosses.mjs';

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: 'string' }, out: { type: 'string' }, dict: { type: 'string', default: '/usr/share/hunspell/id_ID.dic' } } });
const repo = positionals[0];
if (!repo) {
  process.stderr.write('usage: node scripts/build-nusax-glosses.mjs <nusax git dir> [--date YYYY-MM-DD] [--out rules/glosses] [--dict id_ID.dic]\n');
  process.exit(2);
}
if (!existsSync(opts.dict)) {
  process.stderr.write(`build-nusax-glosses: ${opts.dict}: no Indonesian dictionary (apt-get install hunspell-id, or pass --dict)\n`);
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(opts.out ?? path.join(root, 'rules', 'glosses'));
const date = opts.date ?? new Date().toISOString().slice(0, 10);

const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const show = (file) => git('show', `HEAD:${file}`);
const commit = git('rev-parse', 'HEAD').trim();

/** Cue words of the rules that the sentiment lexicon lacks: mined from the parallel sentences. */
const MINED_CUES = [
  'pilih', 'coblos', 'dukung', 'menang', 'kalah', 'kampanye', 'kantor', 'ikut', 'datang', 'hadir', 'pasang', 'jangan', 'lupa', 'ayo', 'semua', 'teman', 'kita', 'mobil', 'motor', 'baju', 'kaos', 'acara', 'pilihan', 'calon', 'partai', 'presiden',
  // stop 45: the closed classes and act words of the coverage table (fixtures/eval/regional-s45.md)
  // (not saya/aku: the lexicon's 'aku' forms would become ambiguous with a mined 'saya' one)
  'tidak', 'bukan', 'belum', 'saja', 'hanya', 'cuma', 'juga', 'tetap', 'pasti', 'kami', 'apa', 'kenapa', 'mengapa', 'bagaimana', 'siapa',
  'pakai', 'memakai', 'rekan', 'kawan', 'pergi', 'berangkat', 'pendukung', 'kemenangan', 'ajak', 'mari', 'bagus', 'hebat', 'bodoh', 'bohong',
];

// ── what netral's rules can see ──────────────────────────────────────────────────────────────────
// the rules as they are without any gloss file (a stale or broken one must not stop a rebuild)
const bare = mkdtempSync(path.join(tmpdir(), 'netral-glosses-'));
let pack;
try {
  cpSync(path.join(root, 'rules'), bare, { recursive: true, filter: (p) => !p.split(path.sep).includes('glosses') });
  pack = await loadRulePack({ rulesDirs: [bare], registryPaths: [path.join(bare, 'registry')] });
} finally {
  rmSync(bare, { recursive: true, force: true });
}
const ruleWords = new Set();
const addWords = (term, into) => wordsOf(termText(term.replace(/^=/, ''))).forEach((w) => into.add(w));
for (const r of pack.rules) {
  for (const m of [...r.matchers.values(), ...r.unless.values()]) {
    if (m.type === 'terms') for (const t of m.values ?? []) addWords(t, ruleWords);
    for (const c of m.stance?.cues ?? []) for (const t of c.values) addWords(t, ruleWords);
  }
}
for (const e of pack.exceptions) for (const m of e.matchers.values()) if (m.type === 'terms') for (const t of m.values ?? []) addWords(t, ruleWords);
const registryWords = new Set();
for (const t of pack.registry.terms) addWords(t.term, registryWords);
const isRuleWord = (w) => ruleWords.has(w);
const relevant = (target) => ruleWords.has(target) || ruleWords.has(stem(target, isRuleWord));

// ── Indonesian vocabulary: a regional form that is one of these words is not glossed ─────────────
const splits = Object.fromEntries(['train', 'valid', 'test'].map((s) => [s, parse(show(`datasets/mt/${s}.csv`), { columns: true })]));
const fold = (s) => termText(dropFinalApostrophes(s.toLowerCase()));
const sentenceWords = (s) => new Set(wordsOf(fold(s)).filter((w) => /^[a-z]+$/.test(w)));
const lexicons = Object.fromEntries(Object.keys(NUSAX_LANGUAGES).map((l) => [l, parse(show(`datasets/lexicon/${l}.csv`), { columns: true })]));
const indonesianWords = new Set();
for (const rows of [splits.train, splits.valid]) for (const row of rows) sentenceWords(row.indonesian).forEach((w) => indonesianWords.add(w));
for (const rows of Object.values(lexicons)) for (const row of rows) wordsOf(fold(row.indonesian)).forEach((w) => indonesianWords.add(w));
// the rules' own words, less the hand-made regional lists (daerah-*.yml: "lali", "kabeh", "piliah"
// are the regional words a gloss is for, not Indonesian)
const regionalWords = new Set();
for (const f of readdirSync(path.join(root, 'rules', 'lexicons')).filter((n) => n.startsWith('daerah-'))) {
  for (const t of parseYaml(readFileSync(path.join(root, 'rules', 'lexicons', f), 'utf8')).terms ?? []) addWords(String(t), regionalWords);
}
registryWords.forEach((w) => indonesianWords.add(w));
// the hunspell Indonesian dictionary (hunspell-id, KBBI-based): its stems, used only as a filter, never shipped
const dictWords = readFileSync(opts.dict, 'utf8').split('\n').slice(1).map((l) => l.split('/')[0].trim().toLowerCase()).filter((w) => /^[a-z]+$/.test(w));
dictWords.forEach((w) => indonesianWords.add(w));
// A word of the rules written as a regional word beside its Indonesian one ("mboten", "hoyong",
// "takon" in a lexicon's term list) is not Indonesian evidence: it is a form of NusaX's own
// regional lexicons that neither the Indonesian dictionary nor NusaX's Indonesian side has, nor
// any naive root of it ("bantuan" is Acehnese 'dukungan' and Indonesian 'help': Indonesian).
// Counting it as Indonesian dropped the very gloss it stands for once a rule listed it.
const nusaxRegionalForms = new Set();
for (const [name, rows] of Object.entries(lexicons)) for (const row of rows) wordsOf(fold(row[name])).forEach((w) => nusaxRegionalForms.add(w));
const listed = { regionalForms: nusaxRegionalForms, indonesianWords: new Set(indonesianWords) };
ruleWords.forEach((w) => regionalWords.has(w) || isListedRegionalWord(w, listed) || indonesianWords.add(w));
for (const [k, v] of Object.entries(SLANG)) {
  indonesianWords.add(k);
  wordsOf(v).forEach((w) => indonesianWords.add(w));
}
const indonesian = indonesianVocabulary(indonesianWords);

// ── the other languages: words of their sentences, and every form of their lexicons ──────────────
const sentenceCounts = new Map();
const lexiconTargets = new Map();
for (const [name, code] of Object.entries(NUSAX_LANGUAGES)) {
  const counts = new Map();
  for (const rows of [splits.train, splits.valid]) for (const row of rows) for (const w of sentenceWords(row[name])) counts.set(w, (counts.get(w) ?? 0) + 1);
  sentenceCounts.set(code, counts);
  const targets = new Map();
  for (const row of lexicons[name]) {
    const form = fold(row[name]);
    const set = targets.get(form) ?? new Set();
    set.add(fold(row.indonesian));
    targets.set(form, set);
  }
  lexiconTargets.set(code, targets);
}
const filtersFor = (code) => ({ indonesian, relevant, regional: regionalWords, otherLanguage: (form, target) => otherLanguageUse(form, code, target, { sentenceCounts, lexiconTargets }) });

// ── glosses per language ─────────────────────────────────────────────────────────────────────────
const all = [];
const stats = {};
const minedReport = [];
for (const [name, code] of Object.entries(NUSAX_LANGUAGES)) {
  const fromLexicon = glossesFromPairs(lexicons[name].map((r) => [r.indonesian, r[name]]), code, { fold, ...filtersFor(code) });
  // mined from the train split, checked on valid
  const pairsOf = (rows) => rows.map((r) => [sentenceWords(r.indonesian), sentenceWords(r[name])]);
  const mined = mineByDice(pairsOf(splits.train), new Set(MINED_CUES));
  const heldOut = pairsOf(splits.valid);
  const minedKept = [];
  for (const m of mined) {
    const check = alignmentPrecision(heldOut, m.target, m.form);
    const why = rejectReason(m.target, m.form, filtersFor(code)) ?? (!check || check.occurrences < 2 || check.precision < 0.6 ? 'not confirmed on valid' : undefined);
    minedReport.push({ lang: code, ...m, heldOut: check ? `${Math.round(check.precision * 100)}% of ${check.occurrences}` : 'unseen', kept: why ?? 'yes' });
    if (!why && !fromLexicon.kept.some((g) => g.target === m.target && g.form === m.form)) minedKept.push({ lang: code, target: m.target, form: m.form, mined: true });
  }
  stats[code] = { name, rows: lexicons[name].length, lexicon: fromLexicon.kept.length, mined: minedKept.length, dropped: fromLexicon.dropped };
  all.push(...fromLexicon.kept, ...minedKept);
}
const sameRoot = (a, b) => a === b || stem(a, (w) => w === b) === b || stem(b, (w) => w === a) === a;
// ambiguity is judged over every lexicon pair, relevant to a rule or not ("bhunga": bahagia, bangga, salut)
const everyPair = Object.entries(NUSAX_LANGUAGES).flatMap(([name, code]) => lexicons[name].map((r) => ({ lang: code, target: fold(r.indonesian), form: fold(r[name]) })).filter((g) => g.form !== g.target && g.form !== ''));
const ambiguousForms = new Set(dropAmbiguousForms([...everyPair, ...all], sameRoot).ambiguous);
const kept = all.filter((g) => !ambiguousForms.has(g.form));
const ambiguous = [...new Set(all.filter((g) => ambiguousForms.has(g.form)).map((g) => g.form))].sort();
for (const code of Object.values(NUSAX_LANGUAGES)) stats[code].kept = kept.filter((g) => g.lang === code).length;

// ── the gloss file ───────────────────────────────────────────────────────────────────────────────
// per language one block of lines "indonesian: form, form" (src/text/glosses.ts parseGlossLines)
const glosses = {};
for (const code of Object.values(NUSAX_LANGUAGES)) {
  const byTarget = new Map();
  for (const g of kept.filter((x) => x.lang === code).sort((a, b) => a.target.localeCompare(b.target) || a.form.localeCompare(b.form))) {
    byTarget.set(g.target, [...(byTarget.get(g.target) ?? []), g.form]);
  }
  if (byTarget.size > 0) glosses[code] = [...byTarget].map(([target, forms]) => `${target}: ${forms.join(', ')}\n`).join('');
}
const file = {
  schema: 1,
  id: 'nusax',
  description:
    'Regional words of ten Indonesian local languages that stand for an Indonesian word a rule knows: the matcher reads each as an alternative form of that word (text/glosses.ts), and a finding shows the regional word with its language and gloss.',
  source: `NusaX (github.com/IndoNLP/nusax, commit ${commit}): datasets/lexicon/*.csv, plus cue words mined from datasets/mt/train.csv by Dice co-occurrence and checked on valid.csv (test.csv is left for scripts/measure-nusax-glosses.mjs); filtered by scripts/build-nusax-glosses.mjs`,
  licence: 'CC-BY-SA-4.0',
  attribution:
    'Winata, G. I., Aji, A. F., Cahyawijaya, S., Mahendra, R., Koto, F., Romadhony, A., Kurniawan, K., Moeljadi, D., Prasojo, R. E., Fung, P., Baldwin, T., Lau, J. H., Sennrich, R., Ruder, S. (2023). NusaX: Multilingual Parallel Sentiment Dataset for 10 Indonesian Local Languages. EACL 2023, pp. 815-834. Adapted (filtered and normalised) for netral; shared under the same licence.',
  date,
  glosses,
};
mkdirSync(outDir, { recursive: true });
const header = '# Generated by scripts/build-nusax-glosses.mjs: do not edit by hand (re-run it instead).\n# Licence CC-BY-SA-4.0 (NusaX, Winata et al., EACL 2023); see nusax.md beside this file.\n';
writeFileSync(path.join(outDir, 'nusax.yml'), header + stringify(file, { lineWidth: 0 }));

// ── the data card ────────────────────────────────────────────────────────────────────────────────
const reasons = ['identity', 'irrelevant', 'indonesian word', 'indonesian words', 'netral regional word', 'other language word', 'short', 'not letters', 'target not one word', 'contains target', 'denied'];
const rows = Object.entries(stats).map(([code, s]) => `| ${code} | ${s.name} | ${s.rows} | ${s.lexicon} | ${s.mined} | ${s.kept} | ${reasons.map((r) => s.dropped[r] ?? 0).join(' | ')} |`);
const card = `# Data card: rules/glosses/nusax.yml

Generated ${date} by \`scripts/build-nusax-glosses.mjs\` from NusaX commit \`${commit}\`.
Do not edit the YAML by hand: change the script or its filters (\`scripts/lib/nusax-glosses.mjs\`) and re-run it.

## What it is
Regional words of ten Indonesian local languages, each standing for one Indonesian word that some
rule, lexicon or exception of netral uses. When the pack loads, every rule term containing such an
Indonesian word also matches with the regional word in its place (one language per variant), as
extra patterns of the one Aho–Corasick automaton; a finding shows the regional word with its
language and gloss ("kala (Madura → kalah)"). Registry terms (names, numbers) are never glossed.

## Source and licence
- NusaX (Winata et al., "NusaX: Multilingual Parallel Sentiment Dataset for 10 Indonesian Local
  Languages", EACL 2023, https://aclanthology.org/2023.eacl-main.57), github.com/IndoNLP/nusax,
  \`datasets/\` licensed **CC BY-SA 4.0**. This file is an adaptation (filtered, normalised) and is
  shared under the same licence: CC-BY-SA-4.0. The rest of netral stays MIT.
- \`datasets/lexicon/<language>.csv\`: a parallel sentiment lexicon (${Object.values(stats).reduce((n, s) => n + s.rows, 0)} rows over ten languages,
  written by native speakers).
- \`datasets/mt/train.csv\` (500 parallel sentences): cue words the lexicon lacks (${MINED_CUES.join(', ')})
  aligned by Dice co-occurrence (best regional word, at least 3 co-occurrences, Dice ≥ 0.6), kept only
  when \`valid.csv\` confirms it (the target is in at least 60 % of the held-out sentence
  pairs whose regional side has the form, seen at least twice).

## Filters (scripts/lib/nusax-glosses.mjs)
1. Both sides normalised with netral's own normaliser (diacritics, slang), after dropping word-final apostrophes (glottal stops: \`sèngko'\` → sengko).
2. Identity pairs dropped (\`bâgi\` → bagi).
3. Only Indonesian words a rule can see: the word or its root (netral's stemmer) is a word of a rule,
   lexicon or exception term.
4. A regional form that is itself Indonesian is dropped: a word, or the naive root of a word, of the
   Indonesian side of the NusaX corpus (train and valid: 600 sentences; and the lexicons' Indonesian column), of
   netral's rules and lexicons (less its hand-made regional lists), of its slang table, of the
   candidate registry, and of the hunspell Indonesian dictionary (\`hunspell-id\`, KBBI-based; read
   as a filter only, nothing of it is shipped). Multi-word forms made only of Indonesian words too.
   A word of the rules that is a form of NusaX's regional lexicons, and that neither the dictionary
   nor NusaX's Indonesian side has (nor a naive root of it), is not counted as Indonesian: the rules
   list it as the regional word it is ("mboten", "hoyong", "takon", "ikuik"), and counting it dropped
   the gloss it stands for once a rule listed it.
5. Single-word forms shorter than ${MIN_FORM_LENGTH} letters are dropped ("bek", "ka", "bik": particles of many meanings).
6. A word of netral's own regional lists (\`rules/lexicons/daerah-*.yml\`) is left to them: it may
   mean something else there (Javanese "gelem" is Balinese "sakit").
7. A form used at least twice in the train and valid sentences of another of the ten languages, whose lexicon does
   not give it the same Indonesian word, is dropped (Javanese "podo" is Buginese "semoga").
8. A form that stands for two different Indonesian words in any of the lexicons (in one language or
   across languages, every pair counted, not only those a rule can see) is dropped.
9. Two deny lists read by hand, each entry with its reason: DENY_TARGETS (Indonesian words whose
   NusaX sense is not the rules' one: ${[...DENY_TARGETS.keys()].join(', ')}) and DENY_FORMS
   (${[...DENY_FORMS.keys()].join(', ')}).

Measured with \`scripts/measure-nusax-glosses.mjs\` on NusaX's \`test.csv\` (never read by this
builder): the share of the rule matchers an Indonesian sentence hits that the regional translation
also hits, with and without the glosses, and how many of the hits the glosses add are confirmed by
the Indonesian side (a lower bound: a synonym on the Indonesian side counts against it).

## Counts
| code | language | lexicon rows | kept from lexicon | mined | kept after 8. | ${reasons.join(' | ')} |
| --- | --- | --- | --- | --- | --- | ${reasons.map(() => '---').join(' | ')} |
${rows.join('\n')}

Total glosses: ${kept.length}. Forms dropped as ambiguous (8.): ${ambiguous.length}${ambiguous.length ? ` (${ambiguous.join(', ')})` : ''}.

## Mined pairs (train → checked on valid)
| lang | Indonesian | regional | co-occurrences | Dice | held-out | kept |
| --- | --- | --- | --- | --- | --- | --- |
${minedReport.map((m) => `| ${m.lang} | ${m.target} | ${m.form} | ${m.count} | ${m.dice} | ${m.heldOut} | ${m.kept} |`).join('\n')}

## Known limits
- The lexicon is a sentiment lexicon: it covers verdict words (praise, insults, win/lose, support)
  far better than the vocabulary of acts (sticker, shirt, office), which 500 sentences of product
  and restaurant reviews rarely contain.
- Regional morphology is not generated: a form matches as written (plus netral's clitics), so an
  affixed regional verb the lexicon does not list is not glossed.
- Filter 4 knows only the Indonesian words of its sources; an Indonesian homograph none of them
  contains can slip through (DENY_FORMS holds those found by reading the list).
`;
writeFileSync(path.join(outDir, 'nusax.md'), card);
process.stdout.write(`${kept.length} glosses (${Object.entries(stats).map(([c, s]) => `${c} ${s.kept}`).join(', ')}); ${ambiguous.length} ambiguous forms dropped\n`);
