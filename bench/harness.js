// Shared by the batch benchmarks (bench/run.js, bench/memory.js): the KPU registry of every
// Pilkada 2024 region, and running one command in its own process with the kernel's peak RSS.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'netral.js');
const PEAK = path.join(ROOT, 'bench', 'peak-rss.cjs');
const dist = (p) => import(path.join(ROOT, 'dist', p));

/** KPU's snapshot: NETRAL_KPU_SNAPSHOT, else beside the repository (../shared) or beside a worktree folder of it (../../shared). */
export const kpuSnapshot = () =>
  process.env.NETRAL_KPU_SNAPSHOT ??
  [path.resolve(ROOT, '..', 'shared', 'kpu-pilkada-2024'), path.resolve(ROOT, '..', '..', 'shared', 'kpu-pilkada-2024')].find((p) => existsSync(p)) ??
  path.resolve(ROOT, '..', 'shared', 'kpu-pilkada-2024');

/** Writes the registry of every Pilkada 2024 region plus Pilpres under dir; undefined when the snapshot is absent. */
export async function kpuRegistry(dir, snapshot = kpuSnapshot()) {
  if (!existsSync(path.join(snapshot, 'pkwkk.json'))) return undefined;
  const { importKpu } = await dist('registry/kpu.js');
  const { writeRegistries } = await dist('registry/write.js');
  const regDir = path.join(dir, 'kpu-registry');
  await writeRegistries(await importKpu([path.join(snapshot, 'pkwkp.json'), path.join(snapshot, 'pkwkk.json')], path.join(snapshot, 'district')), regDir);
  return regDir;
}

/**
 * Runs one command in its own process; returns wall seconds, CPU seconds (user + system) and peak
 * RSS in MB (getrusage of a Node process, /usr/bin/time's for another program; NaN without it). `node`: argv is a Node script and its
 * arguments; `stdout`: a file for the command's output (else discarded); `dir`: where the RSS note goes.
 */
export function measure(cmd, argv, { node = true, stdout, dir }) {
  const rssFile = path.join(dir, `rss-${Math.random().toString(16).slice(2)}`);
  const out = stdout ? openSync(stdout, 'w') : 'ignore';
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const full = node ? [process.execPath, '--require', PEAK, ...argv] : timeBin ? [timeBin, '-f', '%M %U %S', '-o', rssFile, cmd, ...argv] : [cmd, ...argv];
  const started = performance.now();
  const child = spawnSync(full[0], full.slice(1), { stdio: ['ignore', out, 'pipe'], env: { ...process.env, BENCH_RSS_FILE: rssFile, NETRAL_LANG: 'en' }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  if (typeof out === 'number') closeSync(out);
  if (child.status !== 0 && child.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} failed (${child.status}):\n${child.stderr}`);
  // "<maxRSS KB> <CPU seconds>…" on the last line
  const [kb, ...cpu] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number) : [NaN];
  return { seconds, cpu: cpu.length ? cpu.reduce((a, b) => a + b, 0) : NaN, rss: kb / 1024 };
}
