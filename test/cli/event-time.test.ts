// An event response carries no time of its own in a Facebook export: its finding is dated by the
// event, in every output (scan lines, store views, findings.csv, the report's card).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('event findings are dated by the event', { timeout: 120_000 }, () => {
  it('scan, store, CSV and report all carry the event date, local time with UTC beside', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-event-'));
    const events = path.join(dir, 'facebook-budi', 'your_facebook_activity', 'events');
    mkdirSync(events, { recursive: true });
    // joined a campaign event on 10 Feb 2024, 12:00–17:00 WIB
    writeFileSync(path.join(events, 'your_event_responses.json'), JSON.stringify({ event_responses_v2: { events_joined: [{ name: 'Kampanye Akbar Prabowo-Gibran Nomor 2 di GBK', start_timestamp: 1707541200, end_timestamp: 1707559200 }], events_declined: [], events_interested: [] } }));
    const db = path.join(dir, 'netral.db');
    const scan = runCli(['scan', path.join(dir, 'facebook-budi'), '--store', db]);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stdout).toContain('facebook/event · 2024-02-10 12:00 WIB (05:00 UTC)');

    const store = new Database(db, { readonly: true });
    expect(store.prepare('SELECT item_time, event_start, event_end FROM findings_overview').get()).toEqual({ item_time: '2024-02-10T05:00:00.000Z', event_start: '2024-02-10T05:00:00.000Z', event_end: '2024-02-10T10:00:00.000Z' });
    store.close();

    const out = path.join(dir, 'bundle');
    const exported = runCli(['export', '--store', db, '--out', out], { env: { NETRAL_REVIEWER: 'Rina Marlina (Bawaslu)' } });
    expect(exported.code, exported.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'findings.csv'), 'utf8')).toContain('2024-02-10T05:00:00.000Z');
    const pages = readdirSync(path.join(out, 'report')).map((f) => readFileSync(path.join(out, 'report', f), 'utf8')).join('\n');
    expect(pages).toContain('<dt>Tanggal acara</dt><dd>10 Feb 2024 12:00 WIB <span class="muted">(2024-02-10 05:00 UTC)</span> – 17:00 WIB</dd>');
    expect(pages).not.toContain('(waktu tidak diketahui)');
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('Rina Marlina (Bawaslu)');

    const utc = runCli(['export', '--store', db, '--out', path.join(dir, 'utc'), '--timezone', 'UTC']);
    expect(utc.code, utc.stderr).toBe(0);
    const bad = runCli(['export', '--store', db, '--out', path.join(dir, 'bad'), '--timezone', 'Mars/Olympus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
