// Issue 12 acceptance through the real binary: 30 subjects from a manifest, one corrupt input.
// 29 are scanned, one clear line names the subject and the file, exit 3 ("partial"); a rerun
// skips the 29 (same bytes, same rule pack) and retries the one.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BatchReport } from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

const FIRST = ['Budi', 'Siti', 'Agus', 'Dewi', 'Rudi', 'Sri', 'Hendra', 'Yuni', 'Eko', 'Rina'];
const LAST = ['Santoso', 'Rahayu', 'Wijaya'];

function subject(n: number): { name: string; nip: string; file: string } {
  const name = `${FIRST[n % 10]} ${LAST[Math.floor(n / 10)]}`;
  return { name, nip: `1980010120050110${String(n).padStart(2, '0')}`, file: `wa-${String(n).padStart(2, '0')}.txt` };
}

function chat(name: string): string {
  return `[20/11/24 19.32.18] ${name}: Bapak ibu guru, tanggal 27 kita kompak pilih nomor 2 ya, Budi–Dewi sudah janji tunjangan guru naik 👍
[20/11/24 19.40.02] Pak Kepala: Selamat malam, besok rapat jam 8 ya
`;
}

describe('a batch of 30 subjects from a manifest', { timeout: 120_000 }, () => {
  it('scans 29, names the corrupt one, exits partial, and a rerun retries only that one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-batch-'));
    const db = path.join(dir, 'netral.db');
    const rows = ['nama,nip,instansi,kode_wilayah,akun,berkas'];
    for (let n = 0; n < 30; n++) {
      const s = subject(n);
      rows.push(`${s.name},${s.nip},Dinas Pendidikan Kabupaten Sukamaju,3299,whatsapp:${s.name},${n === 17 ? 'rusak.zip' : s.file}`);
      if (n !== 17) writeFileSync(path.join(dir, s.file), chat(s.name));
    }
    writeFileSync(path.join(dir, 'rusak.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip archive'));
    const manifest = path.join(dir, 'manifest.csv');
    writeFileSync(manifest, `${rows.join('\n')}\n`);

    const first = runCli(['scan', '--manifest', manifest, '--store', db]);
    expect(first.code, first.stderr).toBe(4); // EXIT.partial
    const broken = subject(17);
    const errors = first.stderr.split('\n').filter((l) => l.startsWith('netral: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(broken.name);
    expect(errors[0]).toContain(path.join(dir, 'rusak.zip'));
    // the summary: one line per subject; each scanned subject has their own finding under prohibition 6
    const summary = first.stdout.split('\n').filter((l) => /berkas \(/.test(l));
    expect(summary).toHaveLength(30);
    expect(summary.filter((l) => /1 dipindai, 0 dilewati, 0 gagal\) · 2 item · temuan: L6 1/.test(l))).toHaveLength(29);
    expect(summary.find((l) => l.startsWith(`${broken.name}:`))).toContain('1 gagal');

    const conn = new Database(db, { readonly: true });
    const filed = conn.prepare('SELECT count(DISTINCT subject_id) FROM findings_overview WHERE subject_id IS NOT NULL').pluck().get();
    const runs = conn.prepare("SELECT count(*) FROM runs WHERE status = 'finished'").pluck().get();
    conn.close();
    expect(filed).toBe(29);
    expect(runs).toBe(29);

    // the user replaces the broken file; the rerun skips the 29 and scans the one
    writeFileSync(path.join(dir, 'rusak.zip'), Buffer.alloc(0));
    writeFileSync(path.join(dir, 'rusak.txt'), chat(broken.name));
    writeFileSync(manifest, `${rows.join('\n').replace('rusak.zip', 'rusak.txt')}\n`);
    const second = runCli(['scan', '--manifest', manifest, '--store', db, '--format', 'json']);
    expect(second.code, second.stderr).toBe(0);
    // the documented netral.batch/1 shape (schemas/netral.batch-v1.schema.json is generated from it)
    const result = BatchReport.parse(JSON.parse(second.stdout));
    expect(result.partial).toBe(false);
    expect(result.inputs.filter((i) => i.status === 'skipped')).toHaveLength(29);
    expect(result.inputs.filter((i) => i.status === 'scanned').map((i) => i.subject)).toEqual([broken.name]);
  });
});
