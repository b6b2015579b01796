// npm run bench:store-write: what storing a finding costs once an item has a hit, apart from the
// rule evaluation before it. The findings of a scan of a small generated heavy input (≈ 30 % of
// rows violating) are replayed through the real store API into a fresh store, as a scan writes
// them (the flagged row, its item, the rule once, the finding; each copy its own item, row and
// finding id), in one run: CPU seconds per 10,000 findings, run.finish (the run's roots and
// COMMIT), peak RSS. In-process and without the scan's evaluation, so two builds compare at a
// few per cent even on a busy machine (the whole scan's CPU varies more than that).
//   BENCH_FINDINGS (default 40,000); NETRAL_ROOT=<checkout> measures another build (its dist/ built).
// Nothing here is a pass/fail test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJsonl } from './generate-table.js';
import { replayFindings } from './replay-findings.js';

const ROOT = path.resolve(process.env.NETRAL_ROOT ?? fileURLToPath(new URL('..', import.meta.url)));
const dist = (p) => import(path.join(ROOT, 'dist', p));
const target = Number(process.env.BENCH_FINDINGS ?? 40_000);
const { loadRulePack, ruleRecord } = await dist('rules/pack.js');
const { runScan } = await dist('pipeline/scan.js');
const { openStore } = await dist('store/store.js');
const { makeItem, findingId } = await dist('model/index.js');

const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-store-write-'));
try {
  const input = path.join(dir, 'heavy.jsonl');
  await generateJsonl(input, 3000, 'heavy');
  const pack = await loadRulePack({});
  const template = openStore(path.join(dir, 'template.db'));
  const found = (await runScan({ inputs: [input], pack, store: template, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'bench', command: 'bench' })).findings;
  template.close();
  const rules = new Map(pack.rules.map((r) => [r.def.id, ruleRecord(r)]));

  const store = openStore(path.join(dir, 'replay.db'));
  const run = store.beginRun({ command: 'bench', actor: 'bench' });
  const capture = found[0].capture;
  // a row file too large to keep whole: its flagged rows are kept (putRow)
  const rowsCapture = { ...capture, id: capture.id.replace(/^./, 'f'), bytes: 400 * target };
  await run.putCapture(rowsCapture, Buffer.alloc(0), 'rows');
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const per10k = [];
  let t = cpu();
  const n = replayFindings(run, {
    found, rules, capture: rowsCapture, target, makeItem, findingId,
    onStored: (stored) => {
      if (stored % 10_000 === 0) {
        per10k.push(cpu() - t);
        t = cpu();
      }
    },
  });
  const t0 = cpu();
  run.finish();
  const finish = cpu() - t0;
  store.close();
  const sorted = [...per10k].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  console.log(`store write (${ROOT}): ${n} findings from ${found.length} scanned; CPU s per 10,000: ${per10k.map((s) => s.toFixed(2)).join(' ')} (median ${median.toFixed(2)}); run.finish ${finish.toFixed(2)} s; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
