import { describe, expect, it, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { REPO, runCli } from './run-cli.js';

const DEMO = path.join(REPO, 'fixtures/demo');
const DEMO_FB = path.join(DEMO, 'facebook-rinamarlina-20241201-x7k2.zip');

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'netral-cli-'));
}

function findingCount(db: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

interface FindingLine {
  schema: string;
  id: string;
  rule: { id: string; version: number };
  prohibition: number | 'other';
  severity: string;
  confidence: number;
  candidates: Array<{ pair: string }>;
  spans: Array<{ field: string; start: number; end: number; text: string }>;
  explanation: string;
  legalBasis: string[];
  item: { platform: string; kind: string; text: string | null; source: { path: string; pointer: string } };
}

describe('netral scan on the demo export', { timeout: 60_000 }, () => {
  let dir: string;
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = tmp();
    first = runCli(['scan', DEMO, '--store', path.join(dir, 'netral.db'), '--region', '3299', '--format', 'jsonl']);
  });

  it('prints explained findings for several different prohibitions', () => {
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as FindingLine);
    const prohibitions = new Set(lines.map((l) => String(l.prohibition)));
    for (const p of ['1', '2', '3', '4', '5', '6', '7', '8', 'other']) expect(prohibitions, `prohibition ${p}`).toContain(p);
    for (const l of lines) {
      expect(l.schema).toBe('netral.finding/2');
      expect(l.explanation.length).toBeGreaterThan(20);
      expect(l.legalBasis.length).toBeGreaterThan(0);
      expect(l.item.source.path).not.toBe('');
      // every span is the original text at its offsets
      for (const s of l.spans.filter((x) => x.field === 'text')) expect(l.item.text?.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('stores the findings in the SQLite file', () => {
    const printed = first.stdout.trim().split('\n').length;
    expect(findingCount(path.join(dir, 'netral.db'))).toBe(printed);
  });

  it('flags none of the neutrality-socialisation and everyday posts', () => {
    const texts = first.stdout.trim().split('\n').map((l) => (JSON.parse(l) as FindingLine).item.text ?? '');
    for (const clean of ['Apel Netralitas ASN', 'Aamiin ya Allah', 'RT 01/RW 02', 'Ayo ke TPS', 'Liburan ke pantai', 'Makan Bergizi Gratis']) {
      expect(texts.some((t) => t.includes(clean)), clean).toBe(false);
    }
  });

  it('a second scan of the same export adds no finding', () => {
    const db = path.join(dir, 'netral.db');
    const before = findingCount(db);
    const again = runCli(['scan', DEMO, '--store', db, '--region', '3299', '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as { summary: { findings: number; newFindings: number } };
    expect(report.summary.newFindings).toBe(0);
    expect(report.summary.findings).toBe(before);
    expect(findingCount(db)).toBe(before);
  });

  it('--fail-on exits 1 when a finding reaches the severity, 0 when none does', () => {
    const db = path.join(tmp(), 'netral.db');
    expect(runCli(['scan', DEMO_FB, '--store', db, '--fail-on', 'medium', '-q']).code).toBe(1);
    const clean = path.join(tmp(), 'posts.csv');
    writeFileSync(clean, 'text,created_at\n"Selamat pagi rekan-rekan, semangat bekerja",2024-01-10\n');
    expect(runCli(['scan', clean, '--store', db, '--fail-on', 'info', '-q']).code).toBe(0);
  });

  it('speaks English with --lang en and Indonesian by default', () => {
    const db = path.join(tmp(), 'netral.db');
    const en = runCli(['scan', DEMO_FB, '--store', db, '--lang', 'en']);
    expect(en.stdout).toContain('Findings by prohibition');
    const id = runCli(['scan', DEMO_FB, '--store', db]);
    expect(id.stdout).toContain('Temuan per larangan');
  });
});

describe('netral scan on bad input', { timeout: 60_000 }, () => {
  function storeWithDemo(): { db: string; before: string } {
    const dir = tmp();
    const db = path.join(dir, 'netral.db');
    const ok = runCli(['scan', DEMO_FB, '--store', db, '-q']);
    expect(ok.code, ok.stderr).toBe(0);
    return { db, before: snapshot(db) };
  }
  function snapshot(db: string): string {
    const conn = new Database(db, { readonly: true });
    try {
      return JSON.stringify(['findings', 'items', 'captures', 'custody_log'].map((t) => conn.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
    } finally {
      conn.close();
    }
  }
  function expectOneLineExit2(r: ReturnType<typeof runCli>, mention: string): void {
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(mention);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }

  it('a malformed JSON member gives one line, exit 2, and the store is unchanged', () => {
    const { db, before } = storeWithDemo();
    // a 2020–23 layout export whose posts file is cut off mid-way
    const dir = tmp();
    mkdirSync(path.join(dir, 'posts'));
    writeFileSync(path.join(dir, 'posts/your_posts_1.json'), '[{"timestamp": 1700000000, "data": [{"post": "Ayo coblos 02"}]}, {"timestamp": ');
    const r = runCli(['scan', dir, '--store', db]);
    expectOneLineExit2(r, 'posts/your_posts_1.json');
    expect(snapshot(db)).toBe(before);
  });

  it('a truncated zip gives one line, exit 2, and the store is unchanged', () => {
    const { db, before } = storeWithDemo();
    const cut = path.join(tmp(), 'facebook-export.zip');
    const bytes = readFileSync(DEMO_FB);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r = runCli(['scan', cut, '--store', db]);
    expectOneLineExit2(r, 'facebook-export.zip');
    expect(snapshot(db)).toBe(before);
  });

  it('an unknown format gives one line and exit 2', () => {
    const { db, before } = storeWithDemo();
    const odd = path.join(tmp(), 'notes.bin');
    writeFileSync(odd, Buffer.from([0, 1, 2, 3, 4, 5]));
    expectOneLineExit2(runCli(['scan', odd, '--store', db]), 'notes.bin');
    expect(snapshot(db)).toBe(before);
  });

  it('a bad option value is a usage error naming the option', () => {
    const r = runCli(['scan', DEMO_FB, '--store', path.join(tmp(), 'x.db'), '--region', 'Bandung']);
    expectOneLineExit2(r, '--region');
  });

  it('commander usage errors are one translated line too', () => {
    expectOneLineExit2(runCli(['scan', DEMO_FB, '--format', 'xml']), '--format');
    expectOneLineExit2(runCli(['scna']), 'scna');
  });

  it('a missing input is named', () => {
    expectOneLineExit2(runCli(['scan', 'no/such/export.zip', '--store', path.join(tmp(), 'x.db')]), 'no/such/export.zip');
  });

  it('keeps the store private to its owner', () => {
    const { db } = storeWithDemo();
    expect(statSync(db).mode & 0o077).toBe(0);
  });
});
