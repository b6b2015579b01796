import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO, runCli } from './run-cli.js';

const RULES = path.join(REPO, 'rules');

/** A copy of the rule pack with two broken files: a bad severity word and a bad version. */
function brokenPack(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-rules-bad-'));
  cpSync(RULES, dir, { recursive: true });
  const t7 = path.join(dir, 't7-stiker-kendaraan', 't7-stiker-kendaraan.yml');
  writeFileSync(t7, readFileSync(t7, 'utf8').replace('severity: low', 'severity: rendah'));
  // the second broken file is one no other rule's fixture leans on: the office venue rule
  // (t6-pesan) absorbs the findings of 2, 4, 5, 7, 8 and other, so breaking t8 also fails its fixtures
  const t1 = path.join(dir, 't1-suka-halaman', 't1-suka-halaman-paslon.yml');
  writeFileSync(t1, readFileSync(t1, 'utf8').replace(/^version: .*$/m, 'version: satu'));
  return dir;
}

/** Balanced tags, one root, only known entities: enough to say a JUnit consumer can parse it. */
function assertWellFormedXml(text: string): void {
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos);)/g)) {
    if (m[2] === undefined) throw new Error(`stray ${m[0]} at ${m.index}`);
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`mismatched </${m[2]}> at ${m.index}`);
    } else if (!m[4]) {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length || roots !== 1) throw new Error(`unbalanced: ${stack.join(',')} roots=${roots}`);
}

describe('netral rules', { timeout: 60_000 }, () => {
  it('rules test passes on the shipped pack and ends with the plain summary line', () => {
    const r = runCli(['rules', 'test', '--lang', 'en']);
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
    const r = runCli(['rules', 'test', '--rules', dir, '--lang', 'en']);
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

  it('a broken rule file is one line naming the file and field, exit 3 (a rule error)', () => {
    const dir = brokenPack();
    const r = runCli(['scan', 'fixtures/demo', '--rules', dir, '--store', path.join(dir, 'x.db')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // the first broken file in pack order is named
    expect(r.stderr).toMatch(/t1-suka-halaman-paslon\.yml:\d+:\d+: version/);
  });

  it('rules test reports every broken rule file in one pass, exit 3', () => {
    const r = runCli(['rules', 'test', '--rules', brokenPack()]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/t7-stiker-kendaraan\.yml:\d+:\d+: severity/);
    expect(r.stdout).toMatch(/t1-suka-halaman-paslon\.yml:\d+:\d+: version/);
    // the other rules still ran
    expect(r.stdout).toContain('t8-hadir-debat-langsung');
  });

  it('a schema error still writes a JUnit file, the error as a failure', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'netral-junit-')), 'rules.xml');
    const r = runCli(['rules', 'test', '--rules', brokenPack(), '--format', 'junit', '--output', out, '--lang', 'en']);
    expect(r.code).toBe(3);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/<testsuite name="rule files" tests="2" failures="2"/);
    expect(xml).toMatch(/<testcase classname="rule-files" name="[^"]*t7-stiker-kendaraan\.yml:\d+:\d+"[^>]*><failure message="severity: /);
    expect(r.stdout.trim()).toMatch(/^\d+ passed, 2 failed$/);
  });

  it('junit and json to stdout are the report alone: the summary goes to stderr', () => {
    const junit = runCli(['rules', 'test', '--format', 'junit', '--lang', 'en']);
    expect(junit.code).toBe(0);
    expect(junit.stdout.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(junit.stdout).not.toMatch(/passed, 0 failed/);
    expect(junit.stderr).toMatch(/^\d+ passed, 0 failed$/m);
    expect(() => assertWellFormedXml(junit.stdout)).not.toThrow();
    const json = runCli(['rules', 'test', '--reporter', 'json']);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { schema: string }).schema).toBe('netral.rules-test/1');
    expect(json.stderr).toContain('--reporter');
  });

  it('--rule twice runs both rules; an unknown id says so and exits 2', () => {
    const both = runCli(['rules', 'test', '--rule', 't7-stiker-kendaraan', '--rule', 't8-hadir-debat-langsung', '--format', 'json']);
    expect(both.code).toBe(0);
    expect((JSON.parse(both.stdout) as { rules: Array<{ id: string }> }).rules.map((r) => r.id)).toEqual(['t7-stiker-kendaraan', 't8-hadir-debat-langsung']);
    const unknown = runCli(['rules', 'test', '--rule', 't7-stiker-kendaraan', '--rule', 't9-tidak-ada', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('netral: no rule has the id (or id prefix) t9-tidak-ada; see netral rules list');
  });
});
