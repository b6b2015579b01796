// Review at scale through the real binary: several ids at once, every finding of an item, a named
// reviewer required (never the OS account), --status honoured, an item's findings grouped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from './run-cli.js';

const DEMO = path.join(REPO, 'fixtures/demo');

describe('netral review', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-review-'));
  const db = path.join(dir, 'netral.db');
  // no reviewer anywhere: no env var, a config path that does not exist
  const env = { NETRAL_REVIEWER: '', NETRAL_CONFIG: path.join(dir, 'none.json') };

  it('decides several findings at once, or every finding of one item, under a named reviewer', () => {
    const scan = runCli(['scan', DEMO, '--store', db, '--region', '3299', '--format', 'jsonl', '-q'], { env });
    expect(scan.code, scan.stderr).toBe(0);
    const store = new Database(db, { readonly: true });
    // schema 12: ids stored as their 32 bytes; a person types hex
    const ids = store.prepare('SELECT lower(hex(id)) FROM findings ORDER BY id').pluck().all() as string[];
    const multi = store.prepare('SELECT lower(hex(item_id)) FROM findings GROUP BY item_id HAVING count(*) > 1 LIMIT 1').pluck().get() as string | undefined;
    store.close();
    expect(ids.length).toBeGreaterThan(4);

    // without a name: one clear line, exit 2, nothing recorded
    const anonymous = runCli(['review', 'confirm', ids[0]!.slice(0, 10), '--store', db, '--lang', 'en'], { env });
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr.trim().split('\n')).toHaveLength(1);
    expect(anonymous.stderr).toMatch(/who is reviewing\? .*NETRAL_REVIEWER/);

    // the name from the environment; three ids in one command
    const three = runCli(['review', 'confirm', ...ids.slice(0, 3).map((id) => id.slice(0, 10)), '--store', db, '--lang', 'en'], { env: { ...env, NETRAL_REVIEWER: 'Rina Marlina (Bawaslu)' } });
    expect(three.code, three.stderr).toBe(0);
    expect(three.stdout.trim().split('\n')).toHaveLength(3);
    expect(three.stdout).toMatch(/by Rina Marlina \(Bawaslu\)/);

    // the name from the config file
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ reviewer: 'Dedi (Bawaslu Kab.)' }));
    const dismissed = runCli(['review', 'dismiss', ids[3]!.slice(0, 10), '--reason', 'duty_context', '--store', db], { env: { ...env, NETRAL_CONFIG: config } });
    expect(dismissed.code, dismissed.stderr).toBe(0);
    expect(dismissed.stdout).toContain('Dedi (Bawaslu Kab.)');

    // a bad id among good ones records nothing
    const bad = runCli(['review', 'confirm', ids[4]!.slice(0, 10), 'ffffffffffff', '--store', db, '--as', 'Rina'], { env });
    expect(bad.code).not.toBe(0);

    // --status honoured
    const confirmed = runCli(['review', 'list', '--status', 'confirmed', '--format', 'jsonl', '--store', db], { env });
    expect(confirmed.code).toBe(0);
    const statuses = confirmed.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { status: string }).status);
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed']);

    if (multi) {
      const list = runCli(['review', 'list', '--store', db, '--lang', 'en'], { env });
      expect(list.stdout).toMatch(new RegExp(`item ${multi.slice(0, 10)} · prohibition \\w+ · \\d+ findings`));
      const all = runCli(['review', 'note', '--all-of-item', multi.slice(0, 12), '--comment', 'satu unggahan', '--as', 'Rina', '--store', db], { env });
      expect(all.code, all.stderr).toBe(0);
      const s = new Database(db, { readonly: true });
      const n = s.prepare("SELECT count(*) FROM reviews r JOIN findings f ON f.id = r.finding_id WHERE f.item_id = unhex(?) AND r.decision = 'note'").pluck().get(multi);
      const of = s.prepare('SELECT count(*) FROM findings WHERE item_id = ?').pluck().get(multi);
      s.close();
      expect(n).toBe(of);
    }
    const s = new Database(db, { readonly: true });
    expect(s.prepare("SELECT count(*) FROM reviews WHERE reviewer IN ('root', '') ").pluck().get()).toBe(0);
    s.close();
  });
});
