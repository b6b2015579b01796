// npm run build && node bench/glosses.js [--items 20000] [--rounds 5]
//
// What the regional glosses (rules/glosses/) cost per scanned item: the built-in pack with and
// without them, evaluating the same generated posts (bench/generate-table.js, clean and heavy)
// in one process, the two packs taking turns (the order flipping every round), so a busy
// machine slows both alike. Prints the pattern counts and the best and median items/s of each pack.
import { mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateJsonl } from './generate-table.js';

process.env.NETRAL_CACHE_DIR = 'off';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { loadRulePack } = await import(path.join(ROOT, 'dist', 'rules', 'pack.js'));
const { evaluate } = await import(path.join(ROOT, 'dist', 'rules', 'evaluate.js'));
const { makeItem } = await import(path.join(ROOT, 'dist', 'model', 'item.js'));
const { values: args } = parseArgs({ options: { items: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '5' } } });

const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-glosses-'));
try {
  const items = [];
  for (const kind of ['clean', 'heavy']) {
    const file = path.join(dir, `${kind}.jsonl`);
    await generateJsonl(file, kind === 'clean' ? Number(args.items) : Math.round(Number(args.items) / 4), kind);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line);
      items.push(makeItem({ platform: 'facebook', kind: 'post', text: String(row.text ?? ''), media: [], hashtags: [], source: { captureId: 'bench', path: file, pointer: '/0' } }));
    }
  }
  const rules = path.join(dir, 'rules');
  cpSync(path.join(ROOT, 'rules'), rules, { recursive: true, filter: (p) => !p.split(path.sep).includes('glosses') });
  const packs = {
    'with glosses': await loadRulePack(),
    'without glosses': await loadRulePack({ rulesDirs: [rules], registryPaths: [path.join(rules, 'registry')] }),
  };
  const rates = Object.fromEntries(Object.keys(packs).map((k) => [k, []]));
  let findings = {};
  for (let round = 0; round < Number(args.rounds); round++) {
    // the two packs take turns, and the order flips every round
    const order = round % 2 === 0 ? Object.entries(packs) : Object.entries(packs).reverse();
    for (const [name, pack] of order) {
      const t0 = performance.now();
      let n = 0;
      for (const item of items) n += evaluate(pack, item, { region: '3273' }).length;
      rates[name].push(items.length / ((performance.now() - t0) / 1000));
      findings[name] = n;
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.table(
    Object.entries(packs).map(([name, pack]) => ({
      pack: name,
      patterns: pack.matcher.patternCount,
      items: items.length,
      findings: findings[name],
      'best items/s': Math.round(Math.max(...rates[name])),
      'median items/s': Math.round(median(rates[name])),
    })),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
