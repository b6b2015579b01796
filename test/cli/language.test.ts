// Indonesian by default all the way down: commander's headings and usage errors, zod's
// validation messages, status words; English with --lang en or NETRAL_LANG=en.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('the language of every message', { timeout: 60_000 }, () => {
  it("help headings are Indonesian by default and English with --lang en", () => {
    const id = runCli(['scan', '--help']);
    expect(id.code).toBe(0);
    expect(id.stdout).toMatch(/^Penggunaan: netral scan \[opsi\] \[input\.\.\.\]/);
    expect(id.stdout).toContain('\nArgumen:\n');
    expect(id.stdout).toContain('\nOpsi:\n');
    expect(id.stdout).not.toMatch(/Usage:|Options:|Arguments:|\(choices:|\(default:/);
    const top = runCli(['--help']);
    expect(top.stdout).toContain('\nPerintah:\n');
    const en = runCli(['scan', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: netral scan \[options\]/);
    expect(runCli(['--help'], { env: { NETRAL_LANG: 'en' } }).stdout).toContain('\nCommands:\n');
  });

  it("commander's usage errors are one Indonesian line, exit 2", () => {
    const missing = runCli(['export']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('netral: opsi --out <dir|zip> wajib diberikan (lihat netral <perintah> --help)\n');
    const unknown = runCli(['review', '--tidak-ada']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^netral: opsi --tidak-ada tidak dikenal/);
  });

  it('validation messages (zod) are Indonesian too', () => {
    const r = runCli(['scan', 'fixtures/demo', '--min-confidence', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('netral: opsi --min-confidence: maksimal 1\n');
    const region = runCli(['scan', 'fixtures/demo', '--region', '32a']);
    expect(region.stderr).toContain('kode wilayah KPU/Kemendagri');
    expect(runCli(['scan', 'fixtures/demo', '--min-confidence', '5', '--lang', 'en']).stderr).toMatch(/too big|<=1/i);
  });
});
