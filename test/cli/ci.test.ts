// netral in a CI job: --fail-on ignores dismissed findings, --baseline reports and fails on new
// findings only, whether the baseline is a previous JSON/SARIF output or a store.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;
let store: string;
let baselineJson: string;
let baselineSarif: string;
let knownIds: string[];
/** the demo plus one new file with one new violation */
let inputs: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-ci-'));
  store = path.join(dir, 'netral.db');
  const first = runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'json', '--output', path.join(dir, 'baseline.json')]);
  expect(first.code, first.stderr).toBe(0);
  baselineJson = path.join(dir, 'baseline.json');
  baselineSarif = path.join(dir, 'baseline.sarif');
  expect(runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'sarif', '--output', baselineSarif]).code).toBe(0);
  knownIds = (JSON.parse(runCli(['evidence', 'list', '--store', store, '--format', 'json']).stdout) as { findings: Array<{ id: string }> }).findings.map((f) => f.id);
  const csv = path.join(dir, 'baru.csv');
  writeFileSync(csv, 'text,created_at,author\n"Ayo coblos nomor 2 Prabowo Gibran, jangan lupa ajak keluarga ke TPS",2024-02-10T03:00:00Z,rina.marlina\n');
  inputs = ['fixtures/demo', csv];
}, 120_000);

type ScanOut = { findings: Array<{ id: string; severity: string }>; summary: { reported: number; findings: number } };

describe('CI use', { timeout: 120_000 }, () => {
  for (const kind of ['json', 'sarif', 'store'] as const) {
    it(`--baseline (${kind}) reports only the newly added finding`, () => {
      const work = path.join(dir, `work-${kind}.db`);
      copyFileSync(store, work);
      const baseline = kind === 'json' ? baselineJson : kind === 'sarif' ? baselineSarif : store;
      const r = runCli(['scan', ...inputs, '--region', '3299', '--store', work, '--format', 'json', '--baseline', baseline, '--fail-on', 'info']);
      const out = JSON.parse(r.stdout) as ScanOut;
      expect(out.summary.findings).toBeGreaterThan(knownIds.length);
      expect(out.findings).toHaveLength(1);
      expect(knownIds).not.toContain(out.findings[0]!.id);
      expect(r.code).toBe(1);
    });
  }

  it('--baseline with nothing new exits 0 even with --fail-on', () => {
    const r = runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'jsonl', '--baseline', baselineJson, '--fail-on', 'info']);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('--fail-on counts only findings a reviewer has not dismissed', () => {
    const work = path.join(dir, 'dismiss.db');
    const fresh = runCli(['scan', inputs[1]!, '--store', work, '--format', 'json', '--fail-on', 'info']);
    expect(fresh.code).toBe(1);
    const [only] = (JSON.parse(fresh.stdout) as ScanOut).findings;
    expect(runCli(['review', 'dismiss', only!.id.slice(0, 12), '--reason', 'false_positive', '--as', 'Peninjau', '--store', work]).code).toBe(0);
    const again = runCli(['scan', inputs[1]!, '--store', work, '--format', 'json', '--fail-on', 'info']);
    expect((JSON.parse(again.stdout) as ScanOut).findings.map((f) => f.id)).toEqual([only!.id]);
    expect(again.code).toBe(0);
  });

  it('a baseline that is not netral output is a usage error, exit 2', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const r = runCli(['scan', inputs[1]!, '--store', path.join(dir, 'x.db'), '--baseline', bad, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^netral: .*bad\.json: not a netral baseline/);
  });
});
