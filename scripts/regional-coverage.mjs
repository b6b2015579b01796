// The regional-language coverage of netral's cue families: for each family the rules depend on
// (win/lose, vote verbs, support, …) and each of the ten regional languages (plus Betawi), which
// of the language's everyday forms netral reads, and through which file.
//   npm run build && node scripts/regional-coverage.mjs [--rules <rules dir>] > /tmp/coverage.md
// A form is read when it is a word of a rule, exception or lexicon term, a key of the slang table
// (src/text/slang.ts), a gloss form (rules/glosses/*.yml), or an affixed form that the regional
// affix table (src/text/regional-affixes.ts) makes of one of these in its language. The probe
// forms below are dictionary forms (sources in the PROBES comment), written as netral normalises
// them; they are a yardstick, never shipped or matched.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { termText } from '../dist/text/term-text.js';
import { SLANG } from '../dist/text/slang.js';
import { regionalAffixForms } from '../dist/text/regional-affixes.js';
import { parseGlossLines } from '../dist/text/glosses.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { rules: { type: 'string' } } });
const rulesDir = path.resolve(opts.rules ?? path.join(root, 'rules'));

/**
 * family → language → everyday forms. Sources: Poerwadarminta, "Baoesastra Djawa" (1939);
 * Danadibrata, "Kamus Basa Sunda" (2006); Pawitra, "Kamus Standar Bahasa Madura–Indonesia" (2009);
 * Chaer, "Kamus Dialek Jakarta" (1976); Hapip, "Kamus Banjar–Indonesia" (2006); Usman, "Kamus Umum
 * Bahasa Minangkabau–Indonesia" (2002); Matthes, "Boegineesch-Hollandsch woordenboek" (1874) and
 * Cense, "Makassaars-Nederlands woordenboek" (1979); Kersten, "Bausastra Bali" (1984); Warneck,
 * "Kamus Batak Toba–Indonesia" (2001); Aboe Bakar et al., "Kamus Aceh–Indonesia" (1985). Loanwords
 * every language writes as Indonesian (kampanye, stiker, kaos, kantor) are left out.
 */
const PROBES = {
  'win/lose': {
    jav: ['menang', 'kalah', 'kawon'], sun: ['meunang', 'eleh', 'kameunangan'], mad: ['menang', 'kala'], bew: ['menang', 'kalah'],
    bjn: ['manang', 'kalah'], min: ['manang', 'kalah'], bug: ['talo'], ban: ['menang', 'kalah', 'kaon'], bbc: ['monang', 'hamonangan', 'talu'], ace: ['meunang', 'talo'],
  },
  'choose/vote verbs': {
    jav: ['milih', 'nyoblos', 'pilihen'], sun: ['milih', 'nyoblos', 'dipilih'], mad: ['pele', 'mele', 'epele'], bew: ['milih', 'nyoblos', 'nyoblosin'],
    bjn: ['mamilih', 'pilih'], min: ['piliah', 'mamiliah'], bug: ['pile', 'mappile'], ban: ['milih', 'kapilih'], bbc: ['pillit', 'mamillit'], ace: ['pileh', 'geupileh'],
  },
  support: {
    jav: ['ndukung', 'nyengkuyung'], sun: ['ngadukung', 'ngarojong'], mad: ['adukung'], bew: ['ngedukung', 'dukungin'],
    bjn: ['mandukung'], min: ['dukuang', 'mandukuang'], bug: ['passorong', 'mappakario'], ban: ['nukung', 'nyokong'], bbc: ['mandukung', 'mangangkupi'], ace: ['dukong', 'jidukung'],
  },
  'call to vote, "don\'t forget"': {
    jav: ['ayo', 'ojo lali', 'aja lali'], sun: ['hayu', 'ulah hilap', 'tong poho'], mad: ['jhek loppa'], bew: ['yuk', 'jangan lupe'],
    bjn: ['kalumpanan'], min: ['jan lupo'], bug: ['mallupai'], ban: ['engsap'], bbc: ['unang lupa'], ace: ['bek tuwo'],
  },
  'shirt, wearing it': {
    jav: ['klambi', 'nganggo', 'ngagem'], sun: ['acuk', 'nganggo'], mad: ['klambhi'], bew: ['baju', 'make'],
    bjn: ['baju', 'bapakai'], min: ['baju', 'mamakai'], bug: ['waju'], ban: ['baju', 'nganggo'], bbc: ['baju', 'mamakke'], ace: ['baje'],
  },
  'sticker, vehicle': {
    jav: ['montor', 'ditempel', 'ditempelke'], sun: ['motor', 'ditempelkeun'], mad: ['montor', 'etempel'], bew: ['motor', 'ditempelin'],
    bjn: ['ditempelakan'], min: ['oto', 'ditampeh'], bug: ['oto'], ban: ['montor'], bbc: ['motor'], ace: ['moto'],
  },
  'office, colleagues': {
    jav: ['kanca', 'rencang'], sun: ['rerencangan', 'babaturan', 'pagawe'], mad: ['kanca'], bew: ['temen'],
    bjn: ['kawan'], min: ['kawan'], bug: ['sellao'], ban: ['timpal'], bbc: ['dongan'], ace: ['rakan'],
  },
  'come along, attend': {
    jav: ['melu', 'teka', 'rawuh'], sun: ['ngiring', 'sumping', 'indit'], mad: ['norok', 'deteng'], bew: ['ikutan', 'dateng'],
    bjn: ['umpat', 'datang'], min: ['ikuik', 'tibo', 'pai'], bug: ['maccio', 'lao'], ban: ['milu', 'rauh'], bbc: ['ihut', 'ro'], ace: ['seutot', 'jak'],
  },
  praise: {
    jav: ['apik', 'pinter', 'jujur'], sun: ['bageur', 'pinter', 'alus'], mad: ['bagus', 'penter'], bew: ['jempolan'],
    bjn: ['bagus', 'pintar'], min: ['rancak', 'cadiak'], bug: ['madeceng', 'macca'], ban: ['becik', 'ririh'], bbc: ['denggan', 'bistok'], ace: ['get', 'carong'],
  },
  insult: {
    jav: ['goblok', 'ngapusi', 'bodho'], sun: ['belegug', 'bohong', 'bodo'], mad: ['bhudhuh', 'belleng'], bew: ['bego', 'boong'],
    bjn: ['bungul', 'bahual'], min: ['pandia', 'duto'], bug: ['benggo', 'bongngo'], ban: ['belog', 'mogbog'], bbc: ['oto', 'margabus'], ace: ['pungo', 'peungeut'],
  },
  'settled choice (pokoknya, tetap)': {
    jav: ['pokoke', 'tetep'], sun: ['pokona', 'tetep'], mad: ['pokokna', 'pagghun'], bew: ['pokoknye', 'tetep'],
    bjn: ['pokoknya', 'tatap'], min: ['pokoknyo', 'tatap'], bug: ['tette'], ban: ['pokokne', 'tetep'], bbc: ['tongtong'], ace: ['teutap'],
  },
  'first person (I, we)': {
    jav: ['aku', 'kula', 'awake dewe'], sun: ['abdi', 'kuring', 'urang'], mad: ['engkok', 'sengkok', 'kaula'], bew: ['aye', 'gue'],
    bjn: ['ulun', 'unda', 'kami'], min: ['ambo', 'awak', 'kito'], bug: ['iyya', 'idi'], ban: ['tiang', 'titiang', 'iraga'], bbc: ['au', 'hami', 'hita'], ace: ['lon', 'ulon', 'kamoe'],
  },
  '"only" (cuma, doang)': {
    jav: ['mung', 'namung', 'thok'], sun: ['ngan', 'wungkul'], mad: ['ghun', 'bhei'], bew: ['cume', 'doang'],
    bjn: ['haja', 'cuma'], min: ['hanyo', 'sajo'], bug: ['mani'], ban: ['dogen', 'ja'], bbc: ['holan'], ace: ['mantong'],
  },
  '"also" (juga)': {
    jav: ['uga', 'ugi'], sun: ['oge', 'ge'], mad: ['jhugan', 'kiya'], bew: ['juga'],
    bjn: ['jua'], min: ['juo', 'jugo'], bug: ['to'], ban: ['masi'], bbc: ['muse'], ace: ['cit'],
  },
  'negation, prohibitive': {
    jav: ['ora', 'mboten', 'ojo', 'aja'], sun: ['teu', 'henteu', 'ulah', 'tong'], mad: ['tak', 'banne', 'jha'], bew: ['kagak', 'jangan'],
    bjn: ['kada', 'jangan'], min: ['indak', 'jan'], bug: ['de', 'aja'], ban: ['tusing', 'eda'], bbc: ['dang', 'unang'], ace: ['hana', 'bek'],
  },
  'question words': {
    jav: ['piye', 'ngapa', 'sapa'], sun: ['naon', 'kumaha', 'naha', 'saha'], mad: ['arapa', 'sapa'], bew: ['ngapain', 'gimane', 'siape'],
    bjn: ['kayapa', 'kenapa'], min: ['apo', 'baa', 'sia'], bug: ['aga', 'magi'], ban: ['kenken', 'ngudiang', 'nyen'], bbc: ['aha', 'boasa', 'ise'], ace: ['peue', 'kiban', 'pakon'],
  },
};
const LANGS = ['jav', 'sun', 'mad', 'bew', 'bjn', 'min', 'bug', 'ban', 'bbc', 'ace'];
const NAMES = { jav: 'Javanese', sun: 'Sundanese', mad: 'Madurese', bew: 'Betawi', bjn: 'Banjar', min: 'Minang', bug: 'Bugis/Makassar', ban: 'Balinese', bbc: 'Toba Batak', ace: 'Acehnese' };

// ── where each word is read ──────────────────────────────────────────────────────────────────────
/** word → files (short names) that hold it as a term word */
const termFiles = new Map();
const SKIP_KEYS = new Set(['description', 'source', 'licence', 'attribution', 'note', 'notes', 'why', 'reason', 'title', 'explain', 'explanation', 'label']);
function collect(node, file, key) {
  if (typeof node === 'string') {
    if (SKIP_KEYS.has(key)) return;
    for (const w of termText(node.replace(/^=/, '')).split(/[^\p{L}\p{N}]+/u)) if (w) termFiles.set(w, new Set([...(termFiles.get(w) ?? []), file]));
  } else if (Array.isArray(node)) node.forEach((x) => collect(x, file, key));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (!SKIP_KEYS.has(k)) collect(v, file, k);
}
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!['glosses', 'models', 'text', 'registry'].includes(e.name)) walk(p);
    } else if (e.name.endsWith('.yml')) collect(parseYaml(readFileSync(p, 'utf8')), path.relative(rulesDir, p).replace(/\.yml$/, ''), '');
  }
}
walk(rulesDir);
/** lang → form → 'glosses/<file>: target' */
const glossForms = new Map();
for (const f of readdirSync(path.join(rulesDir, 'glosses')).filter((n) => n.endsWith('.yml'))) {
  const doc = parseYaml(readFileSync(path.join(rulesDir, 'glosses', f), 'utf8'));
  for (const [lang, block] of Object.entries(doc.glosses ?? {})) {
    const parsed = parseGlossLines(String(block));
    if (!('entries' in parsed)) continue;
    const m = glossForms.get(lang) ?? new Map();
    for (const e of parsed.entries) for (const form of e.forms) m.set(termText(form), `${f.replace(/\.yml$/, '')} → ${e.target}`);
    glossForms.set(lang, m);
  }
}
/** lang → affixed form → root */
const affixed = new Map();
for (const lang of LANGS) {
  const m = new Map();
  const roots = [...termFiles.keys(), ...(glossForms.get(lang)?.keys() ?? [])];
  for (const r of roots) for (const f of regionalAffixForms(r, lang)) if (!m.has(f)) m.set(f, r);
  affixed.set(lang, m);
}

/** How a form is read in a language: a short tag, or undefined. */
function readBy(form, lang) {
  const f = termText(form);
  const gloss = glossForms.get(lang)?.get(f);
  if (gloss) return `gloss ${gloss}`;
  if (f in SLANG) return `slang → ${SLANG[f]}`;
  const words = f.split(' ');
  if (words.every((w) => termFiles.has(w))) {
    const files = [...words.map((w) => termFiles.get(w)).reduce((a, b) => new Set([...a].filter((x) => b.has(x))))];
    if (files.length > 0) return files.slice(0, 2).join(', ') + (files.length > 2 ? ` +${files.length - 2}` : '');
    return 'words in several files';
  }
  const root = affixed.get(lang)?.get(f);
  if (root) return `affix on ${root}`;
  return undefined;
}

const families = Object.keys(PROBES);
const out = [];
out.push(`| family | ${LANGS.map((l) => NAMES[l]).join(' | ')} |`);
out.push(`| --- | ${LANGS.map(() => '---').join(' | ')} |`);
let read = 0;
let total = 0;
const gaps = [];
for (const fam of families) {
  const cells = LANGS.map((l) => {
    const forms = PROBES[fam][l] ?? [];
    return forms
      .map((f) => {
        total++;
        const by = readBy(f, l);
        if (by) read++;
        else gaps.push(`${fam} / ${NAMES[l]}: ${f}`);
        return by ? `${f}` : `~~${f}~~`;
      })
      .join(', ');
  });
  out.push(`| ${fam} | ${cells.join(' | ')} |`);
}
out.push('');
out.push(`Read: ${read} of ${total} probe forms (struck: not read by any rule, lexicon, slang entry, gloss or affix).`);
out.push('');
out.push('Where each read form is read:');
out.push('');
for (const fam of families) {
  const parts = [];
  for (const l of LANGS) for (const f of PROBES[fam][l] ?? []) {
    const by = readBy(f, l);
    if (by) parts.push(`${f} (${l}: ${by})`);
  }
  out.push(`- **${fam}**: ${parts.join('; ')}`);
}
process.stdout.write(`${out.join('\n')}\n`);
