// CPU time of the engine on chat messages read with their threads: every message of the chat
// exports of blind rounds 2-6 and fixtures/eval/dev-threads, each with the earlier messages its
// chat context gives it, evaluated 10 times per run, 7 runs; prints min and median CPU ms.
// `node bench/thread-replies.js [repo]` — a second checkout's path (its dist/ and rules/) measures
// another commit on the same messages; run the two interleaved on a shared machine.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const root = path.resolve(process.argv[2] ?? here);
const data = path.join(here, 'fixtures', 'eval');
const { loadBlindSet } = await import(path.join(root, 'dist/eval/blind.js'));
const { ALL_ADAPTERS } = await import(path.join(root, 'dist/ingest/adapters.js'));
const { loadRulePack } = await import(path.join(root, 'dist/rules/pack.js'));
const { evaluate } = await import(path.join(root, 'dist/rules/evaluate.js'));
const pack = await loadRulePack();
const records = [];
for (const dir of ['blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'dev-threads']) {
  for (const r of (await loadBlindSet(path.join(data, dir), ALL_ADAPTERS)).records) if (r.item.kind === 'message') records.push(r);
}
const runs = [];
for (let k = 0; k < 7; k++) {
  const t = process.cpuUsage();
  for (let i = 0; i < 10; i++) for (const r of records) evaluate(pack, r.item, { region: r.region, thread: r.thread });
  const u = process.cpuUsage(t);
  runs.push((u.user + u.system) / 1000);
}
runs.sort((a, b) => a - b);
process.stdout.write(`${root}: ${records.length} chat messages x 10, CPU ms min ${runs[0].toFixed(0)} median ${runs[3].toFixed(0)}\n`);
