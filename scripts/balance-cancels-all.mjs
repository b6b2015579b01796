// Every tunable item whose finding a balance exception cancels (liputan-berimbang by default; pass
// --exception <id> for another), across every tunable set: dev (own posts and labelled real
// tweets), dev-threads, rounds 1–18 with their real tweets, and the dev-* written sets. Prints set,
// id, label and the stance per pair the finding shows once the exception is taken out; never a
// text unless --texts is given (for reading on the machine, not for notes). Build first.
//   [SPANS=1] node scripts/balance-cancels-all.mjs [--exception liputan-berimbang] [--texts]
// (SPANS=1 adds the matcher=word pairs the finding rests on once the exception is taken out)
// Rounds 19 and later and the held-out tweets are check or blind sets: never add them here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadRulePack } from '../dist/rules/pack.js';
import { evaluate } from '../dist/rules/evaluate.js';
import { loadEvalDataset, loadHoldoutSet } from '../dist/eval/dataset.js';
import { loadBlindSet, BLIND_CORPUS_LABEL_FILE } from '../dist/eval/blind.js';
import { evaluateRecords } from '../dist/eval/metrics.js';
import { ALL_ADAPTERS } from '../dist/ingest/adapters.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EVAL = path.join(ROOT, 'fixtures', 'eval');
const { values: opts } = parseArgs({ options: { corpora: { type: 'string', default: path.join(ROOT, '..', 'shared', 'corpora') }, exception: { type: 'string', default: 'liputan-berimbang' }, texts: { type: 'boolean', default: false } } });
const ID = opts.exception;
const WRITTEN = ['dev-threads', 'dev-2024', 'dev-2024b', 'dev-2024c', 'dev-forms', 'dev-2019', 'dev-office', 'dev-regional', 'dev-life', 'dev-posts'];
const ROUNDS = Array.from({ length: 18 }, (_, i) => (i === 0 ? 'blind' : `blind${i + 1}`));
const TWEET_ROUNDS = new Set(Array.from({ length: 12 }, (_, i) => `blind${i + 3}`));

const extra = { extraRegistryPaths: [path.join(EVAL, 'registry-pilkada-dki-2017.yml')] };
const withEx = await loadRulePack(extra);
const without = await loadRulePack(extra);
for (const r of without.rules) r.exceptions = r.exceptions.filter((e) => e.def.id !== ID);

const sets = [];
const dev = await loadEvalDataset({ evalDir: EVAL, corporaDir: opts.corpora });
sets.push(['dev', dev.records]);
for (const dir of [...WRITTEN, ...ROUNDS]) {
  const set = await loadBlindSet(path.join(EVAL, dir), ALL_ADAPTERS, withEx);
  if (TWEET_ROUNDS.has(dir)) {
    const tw = await loadHoldoutSet({ evalDir: EVAL, corporaDir: opts.corpora, labelFile: path.join(EVAL, dir, BLIND_CORPUS_LABEL_FILE), setPrefix: dir });
    set.records.push(...tw.records);
  }
  sets.push([dir, set.records]);
}

const count = { partisan: 0, clean: 0 };
for (const [name, records] of sets) {
  const withOut = new Map([...evaluateRecords(records, (item, ctx) => evaluate(without, item, ctx))].map((o) => [o.record, o.findings]));
  for (const o of evaluateRecords(records, (item, ctx) => evaluate(withEx, item, ctx))) {
    const found = withOut.get(o.record) ?? [];
    if (o.findings.length > 0 || found.length === 0) continue;
    const label = o.record.truth.label === 'partisan' ? 'partisan' : 'clean';
    count[label]++;
    const stances = [...new Set(found.flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance ?? ''}`)))].join(' ');
    const spans = process.env.SPANS ? ` {${found.flatMap((f) => f.spans.map((s) => `${s.matcher ?? ""}=${s.text ?? ""}`)).join("; ")}}` : "";
    const t = o.record.truth; const reason = t.label === 'clean' ? t.reason : '';
    let line = `${name}\t${o.record.set}:${o.record.id}\t${label}/${t.stance ?? reason}/${t.pair ?? ''}\t[${[...new Set(found.map((f) => f.ruleId))].join(',')}] ${stances}${spans}`;
    if (opts.texts) line += `\t${[o.record.item.text ?? '', ...(o.record.item.media ?? []).map((m) => m.caption ?? '')].join(' | ').replace(/\s+/g, ' ')}`;
    process.stdout.write(`${line}\n`);
  }
}
process.stdout.write(`${ID} cancels: ${JSON.stringify(count)}\n`);
