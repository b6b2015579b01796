// Issue 5 acceptance through the real binary: scan → subjects → review → rescan → export →
// verify the bundle → tamper with a capture byte and a store row → verify names each.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { REPO, runCli } from './run-cli.js';

const DEMO = path.join(REPO, 'fixtures/demo');
const SUBJECTS = path.join(REPO, 'fixtures/subjects/demo-rina-marlina.csv');

interface Line {
  id: string;
  new: boolean;
  status: string;
  item: { text: string | null };
}

describe('the case file of the demo subject, end to end', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-case-'));
  const db = path.join(dir, 'netral.db');
  const scan = () => runCli(['scan', DEMO, '--store', db, '--region', '3299', '--format', 'jsonl', '-q']);

  it('runs the whole chain and catches tampering', () => {
    const first = scan();
    expect(first.code, first.stderr).toBe(0);
    const findings = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(findings.length).toBeGreaterThan(5);

    expect(runCli(['subjects', 'import', SUBJECTS, '--store', db]).code).toBe(0);
    const list = runCli(['subjects', 'list', '--store', db]);
    expect(list.stdout).toContain('Rina Marlina');

    const [confirmMe, dismissMe] = findings;
    if (!confirmMe || !dismissMe) throw new Error('not enough findings');
    expect(runCli(['review', 'confirm', confirmMe.id.slice(0, 12), '--store', db, '--as', 'Peninjau A']).code).toBe(0);
    const dismissed = runCli(['review', 'dismiss', dismissMe.id.slice(0, 12), '--store', db, '--as', 'Peninjau A', '--reason', 'false_positive', '--comment', 'akun orang lain']);
    expect(dismissed.code, dismissed.stderr).toBe(0);

    // rescan: nothing new, and the dismissal holds
    const again = scan();
    expect(again.code).toBe(0);
    const second = again.stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(second.map((f) => f.id).sort()).toEqual(findings.map((f) => f.id).sort());
    expect(second.every((f) => !f.new)).toBe(true);
    expect(second.find((f) => f.id === dismissMe.id)?.status).toBe('dismissed');
    expect(second.find((f) => f.id === confirmMe.id)?.status).toBe('confirmed');
    const open = runCli(['review', 'list', '--store', db]);
    expect(open.stdout).not.toContain(dismissMe.id.slice(0, 10));
    const conn = new Database(db, { readonly: true });
    const count = (conn.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n;
    conn.close();
    expect(count).toBe(findings.length);

    // export a zip bundle and check it with netral and with coreutils
    const bundle = path.join(dir, 'bukti');
    const exported = runCli(['export', '--out', bundle, '--store', db]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(statSync(bundle).mode & 0o077).toBe(0);
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: bundle, encoding: 'utf8' })).toBe('');
    expect(runCli(['verify', bundle]).code).toBe(0);
    expect(runCli(['verify', '--store', db]).code).toBe(0);
    const csv = readFileSync(path.join(bundle, 'findings.csv'), 'utf8');
    expect(csv).toContain('Rina Marlina');
    expect(csv).toContain('198703152010012007');

    // tamper 1: one byte of a preserved capture inside the bundle
    const manifest = JSON.parse(readFileSync(path.join(bundle, 'manifest.json'), 'utf8')) as { resources: Array<{ path: string }> };
    const captureFile = manifest.resources.map((r) => r.path).find((p) => p.startsWith('captures/'));
    if (!captureFile) throw new Error('no capture in the bundle');
    const bytes = readFileSync(path.join(bundle, captureFile));
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(path.join(bundle, captureFile), bytes);
    const badBundle = runCli(['verify', bundle, '--json']);
    expect(badBundle.code).toBe(1);
    expect(badBundle.stdout).toContain(captureFile);

    // tamper 2: one row of the store, with the triggers dropped first
    const w = new Database(db);
    const triggers = w.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'findings'").all() as Array<{ name: string }>;
    for (const t of triggers) w.exec(`DROP TRIGGER "${t.name}"`);
    // schema 12: the id stored as its 32 bytes
    w.prepare('UPDATE findings SET severity = ? WHERE id = unhex(?)').run('info', confirmMe.id);
    w.close();
    const badStore = runCli(['verify', '--store', db, '--json']);
    expect(badStore.code).toBe(1);
    expect(badStore.stdout).toContain(confirmMe.id.slice(0, 12));
    expect(badStore.stdout).toContain("findings");
  });
});
