// How well the gloss layer carries netral's Indonesian cues into the ten regional languages,
// measured on NusaX's held-out parallel sentences (datasets/mt/test.csv: the gloss builder reads
// only the lexicons, train.csv and valid.csv).
//   npm run build && node scripts/measure-nusax-glosses.mjs <nusax git dir> [--glosses file.yml …]
// --glosses may be given several times; by default the whole shipped gloss layer (every file of
// rules/glosses/: the NusaX glosses and the hand-curated daerah-inti) is measured.
// For every test sentence and language: the rule matchers whose terms hit the Indonesian sentence
// (I), the regional sentence with the glosses (R) and without them (R0). Printed per language:
// recall = |I ∩ R| / |I| (and |I ∩ R0| / |I| without glosses), and the precision of what the
// glosses added: of the hits in R but not in R0, the share that the Indonesian side also has.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { NUSAX_LANGUAGES } from './lib/nusax-glosses.mjs';

process.env.NETRAL_CACHE_DIR = 'off';
const { loadRulePack } = await import('../dist/rules/pack.js');
const { normalise } = await import('../dist/text/normalise.js');

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { glosses: { type: 'string', multiple: true }, split: { type: 'string', default: 'test' } } });
const repo = positionals[0];
if (!repo) {
  process.stderr.write('usage: node scripts/measure-nusax-glosses.mjs <nusax git dir> [--glosses file.yml …] [--split test]\n');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rows = parse(execFileSync('git', ['-C', repo, 'show', `HEAD:datasets/mt/${opts.split}.csv`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }), { columns: true });

/** The built-in rules in a temporary folder, with the given gloss files (or none). */
async function packWith(glossFiles) {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-gloss-measure-'));
  try {
    cpSync(path.join(root, 'rules'), dir, { recursive: true, filter: (p) => !p.split(path.sep).includes('glosses') });
    for (const f of glossFiles) cpSync(f, path.join(dir, 'glosses', path.basename(f)));
    return await loadRulePack({ rulesDirs: [dir], registryPaths: [path.join(dir, 'registry')] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** rule matchers (rule index + matcher name) whose terms hit the text */
function owners(pack, text) {
  const out = new Set();
  for (const h of pack.matcher.find(normalise(text))) for (const o of h.owners) if (o.type === 'rule') out.add(`${o.index}:${o.matcher}`);
  return out;
}

const glossDir = path.join(root, 'rules', 'glosses');
const glossFiles = opts.glosses ?? readdirSync(glossDir).filter((f) => f.endsWith('.yml')).map((f) => path.join(glossDir, f));
const withGlosses = await packWith(glossFiles);
const without = await packWith([]);
process.stdout.write(`${opts.split}.csv: ${rows.length} sentence pairs; ${glossFiles.map((f) => path.basename(f)).join(' + ')}: ${withGlosses.glosses.size} glosses, ${withGlosses.matcher.patternCount} patterns (${without.matcher.patternCount} without glosses)\n`);
process.stdout.write('lang  Indonesian hits  recall without  recall with  added  added precision\n');
for (const [name, code] of Object.entries(NUSAX_LANGUAGES)) {
  let ind = 0;
  let base = 0;
  let glossed = 0;
  let added = 0;
  let addedRight = 0;
  for (const row of rows) {
    const I = owners(without, row.indonesian);
    const R = owners(withGlosses, row[name]);
    const R0 = owners(without, row[name]);
    ind += I.size;
    for (const o of I) {
      if (R.has(o)) glossed++;
      if (R0.has(o)) base++;
    }
    for (const o of R) {
      if (R0.has(o)) continue;
      added++;
      if (I.has(o)) addedRight++;
    }
  }
  const pct = (a, b) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)} %`);
  process.stdout.write(`${code.padEnd(5)} ${String(ind).padStart(15)}  ${pct(base, ind).padStart(14)}  ${pct(glossed, ind).padStart(11)}  ${String(added).padStart(5)}  ${pct(addedRight, added).padStart(15)}\n`);
}
