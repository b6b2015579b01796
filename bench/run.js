// npm run bench: scan throughput and memory on a generated export, and the cost of a full
// Pilkada 2024 registry (545 regions) when KPU's snapshot is on the machine.
// Numbers go to stdout as a table; nothing here is a pass/fail test.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { generateExport, generateXArchive } from './generate-export.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(path.join(ROOT, 'dist', p));
const { loadRulePack } = await dist('rules/pack.js');
const { runScan } = await dist('pipeline/scan.js');
const { openStore } = await dist('store/store.js');
const { importKpu } = await dist('registry/kpu.js');
const { writeRegistries } = await dist('registry/write.js');

const posts = Number(process.env.BENCH_POSTS ?? 50_000);
const reactions = Number(process.env.BENCH_REACTIONS ?? 20_000);
const tweets = Number(process.env.BENCH_TWEETS ?? 200_000);
const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-'));
const rows = [];

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

async function scanOnce(label, packOptions, zip = path.join(dir, 'export.zip')) {
  if (!existsSync(zip)) await generateExport(zip, posts, reactions);
  const pack = await loadRulePack(packOptions);
  const store = openStore(path.join(dir, `${label.replace(/\W+/g, '-')}.db`));
  peakRss = process.memoryUsage().rss;
  const t0 = performance.now();
  const result = await runScan({
    inputs: [zip],
    pack,
    store,
    ingest: { timezone: 'Asia/Jakarta', skipBad: false },
    actor: 'bench',
    command: 'bench',
    region: '3299',
  });
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  rows.push({
    benchmark: label,
    items: result.stats.items,
    findings: result.findings.length,
    seconds: seconds.toFixed(2),
    'items/s': Math.round(result.stats.items / seconds),
    'zip MB': (statSync(zip).size / 1e6).toFixed(1),
    ...(label.startsWith('X') && { 'tweets.js MB': (xTweetsBytes / 1e6).toFixed(0) }),
    'peak RSS MB': Math.round(peakRss / 1e6),
    terms: pack.matcher.termCount,
  });
}

await scanOnce(`scan ${posts + reactions} items, shipped rules`, {});

// one huge X archive file: read record by record, so memory stays flat as the file grows
const xZip = path.join(dir, 'x-archive.zip');
await generateXArchive(xZip, tweets);
const { default: yauzl } = await import('yauzl');
const xTweetsBytes = await new Promise((resolve, reject) =>
  yauzl.open(xZip, { lazyEntries: true }, (err, zf) => {
    if (err) return reject(err);
    zf.on('entry', (e) => (e.fileName === 'data/tweets.js' ? (resolve(e.uncompressedSize), zf.close()) : zf.readEntry()));
    zf.readEntry();
  }),
);
await scanOnce(`X archive, ${tweets} tweets in one tweets.js`, {}, xZip);

const snapshot = process.env.NETRAL_KPU_SNAPSHOT ?? path.resolve(ROOT, '..', 'shared', 'kpu-pilkada-2024');
if (existsSync(path.join(snapshot, 'pkwkk.json'))) {
  const regDir = path.join(dir, 'kpu-registry');
  const registries = await importKpu([path.join(snapshot, 'pkwkp.json'), path.join(snapshot, 'pkwkk.json')], path.join(snapshot, 'district'));
  await writeRegistries(registries, regDir);
  await scanOnce(`same + all 545 Pilkada 2024 regions`, { extraRegistryPaths: [regDir] });
} else {
  console.error(`(KPU snapshot not found at ${snapshot}: skipping the full-registry benchmark)`);
}

clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });
console.table(rows);
