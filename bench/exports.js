// npm run bench:exports: scan throughput and memory on generated exports — a Facebook export, one huge X
// archive file, one huge Telegram chat, and the Facebook export again with every Pilkada 2024 region (545) when KPU's
// snapshot is on the machine. Each scenario runs in a fresh process, so its peak RSS (the
// kernel's maxRSS) is its own. Numbers go to stdout as a table; nothing here is a pass/fail test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateExport, generateTelegramExport, generateXArchive } from './generate-export.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const posts = Number(process.env.BENCH_POSTS ?? 50_000);
const reactions = Number(process.env.BENCH_REACTIONS ?? 20_000);
const tweets = Number(process.env.BENCH_TWEETS ?? 200_000);
const telegramMessages = Number(process.env.BENCH_TELEGRAM ?? 200_000);
const snapshot = process.env.NETRAL_KPU_SNAPSHOT ?? path.resolve(ROOT, '..', 'shared', 'kpu-pilkada-2024');

if (process.env.BENCH_SCENARIO) {
  process.stdout.write(JSON.stringify(await runScenario(process.env.BENCH_SCENARIO, process.env.BENCH_DIR)));
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-bench-'));
  try {
    await generateExport(path.join(dir, 'export.zip'), posts, reactions);
    await generateXArchive(path.join(dir, 'x-archive.zip'), tweets);
    await generateTelegramExport(path.join(dir, 'telegram.zip'), telegramMessages);
    const scenarios = ['facebook', 'x', 'telegram', ...(existsSync(path.join(snapshot, 'pkwkk.json')) ? ['all-regions'] : [])];
    if (!scenarios.includes('all-regions')) console.error(`(KPU snapshot not found at ${snapshot}: skipping the full-registry benchmark)`);
    const rows = scenarios.map((scenario) => {
      const child = spawnSync(process.execPath, [SELF], { env: { ...process.env, BENCH_SCENARIO: scenario, BENCH_DIR: dir }, encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`bench scenario ${scenario} failed:\n${child.stderr}`);
      return JSON.parse(child.stdout);
    });
    console.table(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One scan in this process; returns its table row. */
async function runScenario(scenario, dir) {
  const dist = (p) => import(path.join(ROOT, 'dist', p));
  const { loadRulePack } = await dist('rules/pack.js');
  const { runScan } = await dist('pipeline/scan.js');
  const { openStore } = await dist('store/store.js');
  let packOptions = {};
  if (scenario === 'all-regions') {
    const { importKpu } = await dist('registry/kpu.js');
    const { writeRegistries } = await dist('registry/write.js');
    const regDir = path.join(dir, 'kpu-registry');
    const registries = await importKpu([path.join(snapshot, 'pkwkp.json'), path.join(snapshot, 'pkwkk.json')], path.join(snapshot, 'district'));
    await writeRegistries(registries, regDir);
    packOptions = { extraRegistryPaths: [regDir] };
  }
  const zip = path.join(dir, { x: 'x-archive.zip', telegram: 'telegram.zip' }[scenario] ?? 'export.zip');
  const pack = await loadRulePack(packOptions);
  const store = openStore(path.join(dir, `${scenario}.db`));
  const t0 = performance.now();
  const result = await runScan({ inputs: [zip], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false }, actor: 'bench', command: 'bench', region: '3299' });
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  const label = {
    facebook: `Facebook export, ${posts + reactions} items, shipped rules`,
    x: `X archive, ${tweets} tweets in one tweets.js`,
    telegram: `Telegram chat, ${telegramMessages} messages in one result.json`,
    'all-regions': `Facebook export + all 545 Pilkada 2024 regions`,
  }[scenario];
  return {
    benchmark: label,
    items: result.stats.items,
    findings: result.findings.length,
    seconds: seconds.toFixed(2),
    'items/s': Math.round(result.stats.items / seconds),
    'zip MB': (statSync(zip).size / 1e6).toFixed(1),
    // the kernel's high-water mark for this process (kilobytes on Linux)
    'peak RSS MB': Math.round((process.resourceUsage().maxRSS * 1024) / 1e6),
    terms: pack.matcher.termCount,
  };
}
