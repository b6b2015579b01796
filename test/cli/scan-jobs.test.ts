// scan --jobs: worker threads evaluate items while the main thread reads and stores. The findings
// must be exactly those of --jobs 1 (same JSON, same order), equal to the generator's violating
// rows; a bad line mid-file still fails the scan at once (exit 2) and leaves the store as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { generateCsv, generateJsonl } from '../../bench/generate-table.js';
import { REPO, runCli, runCliAsync } from './run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-jobs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scan(input: string, db: string, jobs: number, extra: string[] = []) {
  const r = runCli(['scan', input, '--store', path.join(dir, db), '--region', '3273', '--format', 'jsonl', '--jobs', String(jobs), '--verbose', ...extra]);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  expect([0, 1]).toContain(r.code);
  const workers = Number(/(\d+) of \d+ items evaluated by worker threads/.exec(r.stderr)?.[1] ?? NaN);
  return { lines: r.stdout.split('\n').filter(Boolean), workers };
}

/** 0-based data row of a finding line (JSONL line N is row N-1, CSV line N row N-2). */
function rows(lines: string[], headerLines: number): number[] {
  const ids = lines.map((l) => Number(/^line:(\d+)$/.exec((JSON.parse(l) as { item: { source: { pointer: string } } }).item.source.pointer)?.[1]) - 1 - headerLines);
  return [...new Set(ids)].sort((a, b) => a - b);
}

describe('scan --jobs', () => {
  it('JSONL, 30 % violating: --jobs 2 gives the same findings, in the same order, as --jobs 1; workers did evaluate', () => {
    const input = path.join(dir, 'heavy.jsonl');
    return generateJsonl(input, 6000, 'heavy').then((violating) => {
      const one = scan(input, 'one.db', 1, ['--lang', 'en']);
      const two = scan(input, 'two.db', 2, ['--lang', 'en']);
      expect(one.workers).toBe(0);
      // the worker loads the pack while the main thread evaluates: it takes some batches, not necessarily all
      expect(two.workers).toBeGreaterThan(0);
      expect(two.lines).toEqual(one.lines);
      expect(rows(one.lines, 0)).toEqual(violating);
    });
  }, 180_000);

  it('CSV and the demo export: --jobs 3 equals --jobs 1', async () => {
    const csv = path.join(dir, 'clean.csv');
    const violating = await generateCsv(csv, 3000, 'clean');
    const one = scan(csv, 'csv1.db', 1, ['--lang', 'en']);
    const three = scan(csv, 'csv3.db', 3, ['--lang', 'en']);
    expect(three.lines).toEqual(one.lines);
    expect(rows(one.lines, 1)).toEqual(violating);
    const demo = path.join(REPO, 'fixtures', 'demo');
    const demo1 = scan(demo, 'demo1.db', 1, ['--lang', 'en']);
    const demo2 = scan(demo, 'demo2.db', 2, ['--lang', 'en']);
    expect(demo1.lines.length).toBeGreaterThan(0);
    expect(demo2.lines).toEqual(demo1.lines);
  }, 180_000);

  it('a bad line mid-file with --jobs 2: exit 2 at once, one line naming the file, nothing stored, no worker left behind', async () => {
    const input = path.join(dir, 'broken.jsonl');
    await generateJsonl(input, 3000, 'heavy');
    appendFileSync(input, '{"id": "broken", "text": \n');
    await generateJsonl(path.join(dir, 'tail.jsonl'), 3000, 'clean');
    appendFileSync(input, readFileSync(path.join(dir, 'tail.jsonl')));
    const db = path.join(dir, 'broken.db');
    // a store that already holds a run: the failed scan must leave it exactly as it was
    writeFileSync(path.join(dir, 'seed.jsonl'), `${JSON.stringify({ id: 's', text: 'Coblos nomor 2 Prabowo-Gibran!', created_at: '2024-01-20T05:00:00Z', username: 'budi' })}\n`);
    expect(runCli(['scan', path.join(dir, 'seed.jsonl'), '--store', db, '--format', 'jsonl']).code).toBe(0);
    const count = () => {
      const store = new Database(db, { readonly: true });
      try {
        return (store.prepare('SELECT COUNT(*) AS n FROM findings').get() as { n: number }).n;
      } finally {
        store.close();
      }
    };
    const before = count();
    expect(before).toBeGreaterThan(0);
    const started = Date.now();
    const r = await runCliAsync(['scan', input, '--store', db, '--region', '3273', '--format', 'jsonl', '--jobs', '2', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(60_000);
    const errorLines = r.stderr.split('\n').filter(Boolean);
    expect(errorLines.length).toBe(1);
    expect(errorLines[0]).toContain('broken.jsonl');
    expect(errorLines[0]).toMatch(/line 3001/);
    expect(existsSync(db)).toBe(true);
    expect(count()).toBe(before);
  }, 180_000);

  it('row files read by the workers: blank lines, a BOM, CRLF, rows without text, unreadable times and --skip-bad give what --jobs 1 gives', async () => {
    // the lines of a JSONL file are parsed by the thread that evaluates them: everything the
    // reading reports (warnings, the bad line, where rows sit in the file) must come out the same
    const heavy = path.join(dir, 'rows-heavy.jsonl');
    await generateJsonl(heavy, 2000, 'heavy');
    const lines = readFileSync(heavy, 'utf8').split('\n').filter(Boolean);
    const odd = (i: number): string => {
      if (i === 300) return '';
      if (i === 301) return '   ';
      if (i === 450) return JSON.stringify({ id: 'x1', text: '   ', created_at: '2024-01-20T05:00:00Z' });
      if (i === 451) return JSON.stringify({ id: 'x2', text: 'Coblos nomor 2 Prabowo-Gibran!', created_at: 'kemarin sore' });
      if (i === 700) return JSON.stringify({ id: 'x3', judul: 'tanpa kolom teks' });
      return lines[i] as string;
    };
    const good = path.join(dir, 'rows-good.jsonl');
    writeFileSync(good, '\ufeff' + lines.map((_, i) => odd(i) + (i % 7 === 0 ? '\r\n' : '\n')).join(''));
    const bad = path.join(dir, 'rows-bad.jsonl');
    writeFileSync(bad, lines.map((_, i) => (i === 1200 ? '{"id": "broken", "text": ' : odd(i)) + '\n').join(''));
    const run = (jobs: number, db: string, inputs: string[]) =>
      runCli(['scan', ...inputs, '--store', path.join(dir, db), '--region', '3273', '--format', 'jsonl', '--jobs', String(jobs), '--skip-bad', '--lang', 'en']);
    const one = run(1, 'rows1.db', [good, bad]);
    const two = run(2, 'rows2.db', [good, bad]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/rows-good\.jsonl.*without/i);
    expect(one.stderr).toMatch(/rows-bad\.jsonl.*line 1201/);
    expect(two.stderr.replace('rows2.db', 'rows1.db')).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    // flagged rows of the bad file before its bad line were kept
    expect(one.stdout).toMatch(/rows-bad\.jsonl/);
  }, 180_000);

  it('rows that are WhatsApp messages lean on the messages before them with --jobs 2 as with --jobs 1 (JSONL and CSV)', async () => {
    // a chat row is evaluated by the main thread with its chat context, whichever thread read its chunk
    const texts = ['Pilih nomor 2 ya', 'setuju, dukung dia', 'Ayo coblos 01 besok', 'mantap, sepakat', 'Info rapat kantor jam 9', 'betul itu, nomor 3 pilihan kita', 'siap laksanakan'];
    const rowsOf = Array.from({ length: 4800 }, (_, i) => {
      const chat = Math.floor(i / 100) % 3 === 1;
      return { id: `r${i}`, text: texts[i % texts.length] as string, time: `2024-02-01 ${String(10 + Math.floor(i / 600)).padStart(2, '0')}:${String(Math.floor(i / 10) % 60).padStart(2, '0')}`, platform: chat ? ['wa', 'whatsapp'][i % 2] : '', kind: chat ? (i % 5 === 0 ? 'comment' : 'message') : '', author: ['Budi', 'Ani', 'Asep'][i % 3] as string };
    });
    const jsonl = path.join(dir, 'chat-rows.jsonl');
    writeFileSync(jsonl, rowsOf.map((r) => JSON.stringify(r.platform ? r : { id: r.id, text: r.text, time: r.time, author: r.author })).join('\n') + '\n');
    const csv = path.join(dir, 'chat-rows.csv');
    writeFileSync(csv, 'id,text,time,platform,kind,author\n' + rowsOf.map((r) => [r.id, `"${r.text}"`, r.time, r.platform, r.kind, r.author].join(',')).join('\r\n') + '\n');
    for (const input of [jsonl, csv]) {
      const one = scan(input, `chat1-${path.extname(input)}.db`, 1, ['--lang', 'en']);
      const two = scan(input, `chat2-${path.extname(input)}.db`, 2, ['--lang', 'en']);
      expect(two.lines).toEqual(one.lines);
      // some findings read the message before (the reply alone says too little)
      expect(one.lines.some((l) => /"field":"thread"/.test(l)), input).toBe(true);
      expect(two.workers).toBeGreaterThan(0);
    }
  }, 180_000);

  it('CSV records read by the workers: quoted values over several lines, empty rows, unreadable times and a broken file under --skip-bad give what --jobs 1 gives', async () => {
    const csv = path.join(dir, 'odd.csv');
    const rowsOf = Array.from({ length: 1500 }, (_, i) => {
      if (i === 300) return `x300,"   ",2024-01-20 05:00`;
      if (i === 301) return `x301,"Coblos nomor 2 Prabowo-Gibran!",kemarin sore`;
      if (i % 97 === 0) return `x${i},"Baris satu\nCoblos nomor 2\r\nPrabowo-Gibran ""menang""",2024-01-20 05:00`;
      return `x${i},"Rapat koordinasi ${i}, kampanye cuci tangan",2024-01-20 05:00`;
    });
    writeFileSync(csv, '\ufeffid,text,tanggal\r\n' + rowsOf.join('\r\n') + '\r\n');
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'id,text\n' + rowsOf.slice(0, 900).map((r) => r.split(',2024')[0]).join('\n') + '\nx,"never closed\n');
    const run = (jobs: number, db: string) => runCli(['scan', csv, broken, '--store', path.join(dir, db), '--region', '3273', '--format', 'jsonl', '--jobs', String(jobs), '--skip-bad', '--lang', 'en']);
    const one = run(1, 'odd1.db');
    const two = run(2, 'odd2.db');
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/odd\.csv.*without/i);
    expect(one.stderr).toMatch(/broken\.csv/);
    expect(two.stderr.replace('odd2.db', 'odd1.db')).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/"pointer":"line:/);
  }, 180_000);

  it('a batch (--manifest) passes --jobs to each input: the same findings as --jobs 1, workers did evaluate', async () => {
    const input = path.join(dir, 'batch-heavy.jsonl');
    await generateJsonl(input, 3000, 'heavy');
    const manifest = path.join(dir, 'manifest.csv');
    writeFileSync(manifest, `nama,nip,instansi,kode_wilayah,berkas\nBudi Santoso,198001012005011001,Dinas Pendidikan,3273,${input}\n`);
    const findings = (db: string): string[] => {
      const store = new Database(db, { readonly: true });
      try {
        return store.prepare('SELECT id FROM findings ORDER BY id').pluck().all() as string[];
      } finally {
        store.close();
      }
    };
    const batch = (db: string, jobs: number) => {
      const r = runCli(['scan', '--manifest', manifest, '--store', path.join(dir, db), '--jobs', String(jobs), '--verbose', '--lang', 'en']);
      expect(r.code, r.stderr).toBe(0);
      return { ids: findings(path.join(dir, db)), workers: Number(/(\d+) of \d+ items evaluated by worker threads/.exec(r.stderr)?.[1] ?? NaN) };
    };
    const one = batch('batch1.db', 1);
    const two = batch('batch2.db', 2);
    expect(one.ids.length).toBeGreaterThan(100);
    expect(two.ids).toEqual(one.ids);
    expect(one.workers).toBe(0);
    expect(two.workers).toBeGreaterThan(0);
  }, 180_000);

  it('--jobs must be a whole number from 1 to 64', () => {
    for (const bad of ['0', '65', '1.5', 'many']) {
      const r = runCli(['scan', path.join(REPO, 'fixtures', 'demo'), '--store', path.join(dir, 'bad.db'), '--jobs', bad, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--jobs must be a whole number from 1 to 64');
    }
  }, 60_000);
});
