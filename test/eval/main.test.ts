// `npm run eval` as a developer runs it: help, a bad option, and the held-out section.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/run-cli.js';

const EVAL = path.join(REPO, 'dist', 'eval', 'main.js');
// KPU's Pilkada 2024 pair lists, which the real-region set (--devpilkada) is scored with; not in the
// repository (../shared/kpu-pilkada-2024, as the eval's own default; NETRAL_KPU_SNAPSHOT points elsewhere)
const KPU_DIR = process.env['NETRAL_KPU_SNAPSHOT'] ?? path.resolve(REPO, '..', 'shared', 'kpu-pilkada-2024');
const HAS_KPU = existsSync(path.join(KPU_DIR, 'pkwkp.json')) && existsSync(path.join(KPU_DIR, 'pkwkk.json'));
if (!HAS_KPU) console.warn(`SKIPPED: KPU pair lists not found under ${KPU_DIR}, so the real-region sets (--devpilkada, --devmedan, --devjakarta, --devrelawan, --devjulukan, --devsikap) are not scored by test/eval/main.test.ts (set NETRAL_KPU_SNAPSHOT to the snapshot)`);

function runEval(args: string[]) {
  const r = spawnSync(process.execPath, [EVAL, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run eval', { timeout: 120_000 }, () => {
  it('prints its usage with --help and exits 0', () => {
    const r = runEval(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run eval/);
    expect(r.stdout).toContain('--holdout');
    expect(r.stdout).toContain('--blind3');
    expect(r.stdout).toContain('--blind4');
    expect(r.stdout).toContain('--blind5');
    expect(r.stdout).toContain('--blind6');
    expect(r.stdout).toContain('--blind7');
    expect(r.stdout).toContain('--blind8');
    expect(r.stdout).toContain('--blind9');
    expect(r.stdout).toContain('--blind10');
    expect(r.stdout).toContain('--blind11');
    expect(r.stdout).toContain('--blind12');
    expect(r.stdout).toContain('--blind13');
    expect(r.stdout).toContain('--blind14');
    expect(r.stdout).toContain('--dev2024');
    expect(r.stdout).toContain('--blind15');
    expect(r.stdout).toContain('--blind16');
    expect(r.stdout).toContain('--dev2024b');
    expect(r.stdout).toContain('--blind17');
    expect(r.stdout).toContain('--blind18');
    expect(r.stdout).toContain('--blind19');
    expect(r.stdout).toContain('--blind20');
    expect(r.stdout).toContain('--blind21');
    expect(r.stdout).toContain('--blind22');
    expect(r.stdout).toContain('--blind23');
    expect(r.stdout).toContain('--blind24');
    expect(r.stdout).toContain('--blind25');
    expect(r.stdout).toContain('--blind26');
    expect(r.stdout).toContain('--blind27');
    expect(r.stdout).toContain('--blind28');
    expect(r.stdout).toContain('--blind29');
    expect(r.stdout).toContain('--blind30');
    expect(r.stdout).toContain('--blind31');
    expect(r.stdout).toContain('--blind32');
    expect(r.stdout).toContain('--blind33');
    expect(r.stdout).toContain('--blind34');
    expect(r.stdout).toContain('--blind35');
    expect(r.stdout).toContain('--blind36');
    expect(r.stdout).toContain('--blind37');
    expect(r.stdout).toContain('--blind38');
    expect(r.stdout).toContain('--blind39');
    expect(r.stdout).toContain('--blind40');
    expect(r.stdout).toContain('--devforms');
    expect(r.stdout).toContain('--dev2019');
    expect(r.stdout).toContain('--devoffice');
    expect(r.stdout).toContain('--devregional');
    expect(r.stdout).toContain('--devlife');
    expect(r.stdout).toContain('--devposts');
    expect(r.stdout).toContain('--dev2024c');
    expect(r.stdout).toContain('--devpilkada');
    expect(r.stdout).toContain('--devmedan');
    expect(r.stdout).toContain('--devjakarta');
    expect(r.stdout).toContain('--devkantor');
    expect(r.stdout).toContain('--devbalasan');
    expect(r.stdout).toContain('--devrelawan');
    expect(r.stdout).toContain('--devjulukan');
    expect(r.stdout).toContain('--devsikap');
    expect(r.stdout).toContain('--devjargon');
  });

  it('refuses an unknown option in one line, exit 2, no stack trace', () => {
    const r = runEval(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--bogus');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  // Every set in a real Pilkada region, in the order the eval's skip note names them.
  const REGION_ROUNDS = ['blind32', 'blind33', 'blind34', 'blind35', 'blind36', 'blind37', 'blind38', 'blind39', 'blind40'];
  const REGION_DEV_SETS = ['devpilkada', 'devmedan', 'devjakarta', 'devrelawan', 'devjulukan', 'devsikap', 'devjargon'];
  it('skips the sets in a real Pilkada region (rounds 32–40 and the real-region dev sets) with a note, and still scores the rest, when --kpu holds no KPU pair lists', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'netral-no-kpu-'));
    const r = runEval([...REGION_DEV_SETS, ...REGION_ROUNDS].map((k) => `--${k}`).concat(['--json', '--kpu', empty]));
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { records: number; skipped?: string[] } & Record<string, unknown>;
    expect(report.records).toBeGreaterThan(200);
    expect(report.skipped).toEqual([...REGION_ROUNDS, ...REGION_DEV_SETS]);
    for (const key of [...REGION_ROUNDS, ...REGION_DEV_SETS]) expect(report[key], key).toBeUndefined();
    expect(r.stderr).toContain([...REGION_ROUNDS, ...REGION_DEV_SETS].map((k) => `--${k}`).join(', '));
    expect(r.stderr).toContain(empty);
  });

  // the tunable sets in a real region, each scored with the registry KPU's lists generate for its region
  const REAL_REGION_SETS = [
    { key: 'devpilkada', place: 'Kota Semarang (3374)', atLeast: 340 },
    { key: 'devmedan', place: 'Kota Medan (1271)', atLeast: 350 },
    { key: 'devjakarta', place: 'DKI Jakarta (31, no city races)', atLeast: 350 },
    { key: 'devrelawan', place: 'Kota Denpasar (5171), volunteer teams', atLeast: 350 },
    { key: 'devjulukan', place: 'Kota Mataram (5271), name forms', atLeast: 380 },
    { key: 'devsikap', place: 'Kota Yogyakarta (3471), stance without the usual words', atLeast: 390 },
  ] as const;
  for (const { key, place, atLeast } of REAL_REGION_SETS) {
    it.skipIf(!HAS_KPU)(`scores --${key} (${place}) with the registry KPU's lists generate for its region, every label read`, () => {
      const r = runEval([`--${key}`, '--json', '--kpu', KPU_DIR]);
      const report = JSON.parse(r.stdout) as { skipped?: string[] } & Record<string, { records: number; problems: unknown[] } | undefined>;
      expect(report.skipped).toBeUndefined();
      expect(report[key]?.records).toBeGreaterThanOrEqual(atLeast);
      expect(report[key]?.problems).toEqual([]);
    });
  }

  it('reports held-out rows it cannot read instead of scoring them, and still scores the own posts', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'netral-no-corpora-'));
    const r = runEval(['--holdout', '--json', '--corpora', empty]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { records: number; holdout: { records: number; issues: Array<{ problem: string }> } };
    expect(report.records).toBeGreaterThan(200);
    expect(report.holdout.records).toBe(0);
    expect(new Set(report.holdout.issues.map((i) => i.problem))).toEqual(new Set(['corpus-missing']));
  });
});
