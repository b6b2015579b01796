import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, runCli } from './run-cli.js';

const RULES = path.join(REPO, 'rules');

describe('netral rules', { timeout: 60_000 }, () => {
  it('rules test passes on the shipped pack and ends with the plain summary line', () => {
    const r = runCli(['rules', 'test']);
    expect(r.code, r.stdout).toBe(0);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    expect(last).toMatch(/^\d+ passed, 0 failed$/);
    expect(r.stdout).toContain('t1-suka-halaman-paslon');
  });

  it('rules test exits non-zero when a fixture is broken, naming the fixture and its line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-rules-cli-'));
    cpSync(RULES, dir, { recursive: true });
    const file = path.join(dir, 't7-stiker-kendaraan', 't7-stiker-kendaraan.yml');
    // the ordinary Doraemon sticker now "must match": a broken fixture
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(name: ordinary car sticker\n(?:.*\n)*?\s+expect: )no_match/, '$1match'));
    const r = runCli(['rules', 'test', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ordinary car sticker');
    expect(r.stdout).toMatch(/t7-stiker-kendaraan\.yml:\d+/);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, [1-9]\d* failed$/);
  });

  it('writes JUnit XML for CI', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'netral-junit-')), 'rules.xml');
    const r = runCli(['rules', 'test', '--reporter', 'junit', '--output', out]);
    expect(r.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<testsuite name="t3-status-dukungan-paslon"');
    expect(xml).toContain('failures="0"');
  });

  it('rules list shows every rule with its prohibition and severity', () => {
    const r = runCli(['rules', 'list', '--lang', 'en']);
    expect(r.code).toBe(0);
    for (const p of ['t1-', 't2-', 't3-', 't4-', 't5-', 't6-', 't7-', 't8-', 'sk-']) expect(r.stdout).toContain(p);
  });

  it('a broken rule file is one line naming the file and field, exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-rules-bad-'));
    cpSync(RULES, dir, { recursive: true });
    const file = path.join(dir, 't7-stiker-kendaraan', 't7-stiker-kendaraan.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('severity: low', 'severity: rendah'));
    const r = runCli(['rules', 'test', '--rules', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/t7-stiker-kendaraan\.yml:\d+:\d+: severity/);
  });
});
