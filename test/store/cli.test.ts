// The case-file commands, driven through commander in-process (the lead's e2e spawns the binary).
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerEvidenceCommand } from '../../src/cli/evidence.js';
import { registerExportCommand } from '../../src/cli/export.js';
import { registerReviewCommand } from '../../src/cli/review.js';
import { registerSubjectsCommand } from '../../src/cli/subjects.js';
import { registerVerifyCommand } from '../../src/cli/verify.js';
import { setLang } from '../../src/i18n/index.js';
import { openStore } from '../../src/store/store.js';
import { buildSample, scanSample, tempDir, type Sample } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let storePath: string;
let sample: Sample;

beforeEach(async () => {
  tmp = tempDir();
  storePath = join(tmp.dir, 'netral.db');
  const store = openStore(storePath);
  sample = buildSample();
  await scanSample(store, sample);
  store.close();
  setLang('en');
  process.exitCode = undefined;
});
afterEach(() => {
  setLang('id');
  process.exitCode = undefined;
  tmp.cleanup();
});

async function run(...args: string[]): Promise<string> {
  const program = new Command('netral').option('--lang <lang>').option('--debug').exitOverride();
  registerSubjectsCommand(program);
  registerReviewCommand(program);
  registerEvidenceCommand(program);
  registerExportCommand(program);
  registerVerifyCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'netral', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('case-file commands', () => {
  it('import subjects, review, show, export and verify from the command line', async () => {
    expect(await run('subjects', 'import', 'fixtures/subjects/bkd-kota-bandung.csv', '--store', storePath, '--as', 'admin-bkd')).toBe(
      'fixtures/subjects/bkd-kota-bandung.csv: 3 rows — 3 new subjects, 0 updated, 5 new accounts\n',
    );
    expect(await run('subjects', 'list', '--store', storePath)).toContain('Budi Santoso');

    const open = await run('review', '--store', storePath);
    expect(open).toContain(sample.findings[0]!.id.slice(0, 10));
    // a header names the columns; the "Decide: …" hint goes to stderr, so piped rows stay rows
    expect(open.split('\n')[0]).toMatch(/^ID +STATUS +LEVEL +PROH +DATE +PERSON +VIOLATION$/);
    expect(open).not.toContain('Decide: netral review');

    const t3 = sample.findings[0]!.id.slice(0, 8);
    expect(await run('review', 'confirm', t3, '--store', storePath, '--as', 'Rina')).toMatch(/^Recorded: confirm for [0-9a-f]{10} by Rina/);
    await expect(run('review', 'dismiss', sample.findings[1]!.id.slice(0, 8), '--store', storePath, '--as', 'Rina')).rejects.toThrow(/--reason/);
    await run('review', 'dismiss', sample.findings[1]!.id.slice(0, 8), '--reason', 'duty_context', '--store', storePath, '--as', 'Rina');
    expect(await run('review', '--store', storePath)).toBe('No open findings. Everything has been reviewed.\n');

    // piped output is plain text: the matched words appear unmarked inside the original text
    const show = await run('evidence', 'show', t3, '--store', storePath);
    expect(show).toContain(sample.items[0]!.text!);
    expect(show).toContain('Matched words: dukung paslon, Prabowo-Gibran');
    expect(show).toContain(`SHA-256 ${sample.posts.sha256}`);
    expect(show).toContain('UU 20/2023 Pasal 24 huruf c');
    // the rule line speaks the reader's language too (the rules table keeps only the Indonesian title)
    expect(show).toContain(`v${sample.findings[0]!.ruleVersion} — ${sample.findings[0]!.title.en} (sha256`);
    expect(show).toMatch(/confirm +Rina/);
    // times as a reader in the subject's zone sees them (WIB here), UTC beside; never a raw UTC ISO string
    expect(show).toContain('facebook post · 2024-01-19 15:00 WIB (08:00 UTC)');
    expect(show).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/);

    const csv = await run('evidence', 'list', '--status', 'confirmed,dismissed', '--prohibition', '3', '--format', 'csv', '--store', storePath);
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(await run('evidence', 'search', 'apel', 'pagi', '--store', storePath)).toContain('Selamat pagi rekan-rekan Disdik');

    const out = join(tmp.dir, 'bundel.zip');
    expect(await run('export', '--out', out, '--profile', 'bawaslu', '--store', storePath, '--as', 'Rina')).toMatch(/^Export bawaslu: 1 findings, 1 captures/);
    expect(await run('verify', out)).toMatch(/OK — .*bundel\.zip: all checks passed/);
    expect(process.exitCode).toBe(0);
    const json = JSON.parse(await run('verify', '--store', storePath, '--json')) as { ok: boolean; checks: Array<{ name: string }> };
    expect(json.ok).toBe(true);
    expect(json.checks.map((c) => c.name)).toEqual(['integrity', 'schema', 'chain', 'blobs', 'orphans', 'rows', 'anchors']);
  });

  it('verify exits 1 and names the problem when the store was edited', async () => {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(storePath);
    db.exec('DROP TRIGGER findings_no_update');
    // schema 12: the id stored as its 32 bytes
    db.prepare("UPDATE findings SET confidence = 0.2 WHERE id = unhex(?)").run(sample.findings[1]!.id);
    db.close();
    const text = await run('verify', '--store', storePath);
    expect(process.exitCode).toBe(1);
    expect(text).toContain('trigger findings_no_update is missing (dropped?)');
    expect(text).toContain(`findings row ${sample.findings[1]!.id.slice(0, 12)} was edited (row_sha256 does not match)`);
    // the run's findings root no longer matches either (as an edited item breaks its items root)
    expect(text).toMatch(/findings of run .* do not match the Merkle root/);
    expect(text).toMatch(/FAILED — .*netral\.db: 3 problems/);
  });

  it('a bad option value is a usage error naming the option', async () => {
    await expect(run('evidence', 'list', '--status', 'closed', '--store', storePath)).rejects.toThrow(/--status/);
    await expect(run('verify', '--store', join(tmp.dir, 'tidak-ada.db'))).rejects.toThrow(/not found/);
  });
});
