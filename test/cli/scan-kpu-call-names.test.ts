// `netral registry import-kpu` then `netral scan` end to end: a post naming a Balinese candidate the
// way residents do ("Gus Mahendra" for "I KADEK AGUS MAHENDRA WIJAKSANA": the title "Gus" clipped
// from the "Agus" after the birth-order name, and the call name after it) is a finding about the
// pair. Before stop 54 the importer took "Agus" for the call name and knew no "Mahendra" at all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const LISTS = 'fixtures/kpu/name-traditions/pkwkp.json';

describe('netral scan with a registry imported from KPU lists', { timeout: 240_000 }, () => {
  it('finds a post naming a Balinese candidate by title and call name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netral-kpu-names-'));
    const registry = path.join(dir, 'registry');
    const imported = runCli(['registry', 'import-kpu', '--out', registry, LISTS]);
    expect(imported.code, imported.stderr).toBe(0);
    const chat = path.join(dir, 'Chat WhatsApp dengan Staf Kelurahan.txt');
    writeFileSync(
      chat,
      [
        '14/10/24 07.30 - Bu Sekar: Rapat staf jam 9 nggih, bapak ibu 🙏',
        '14/10/24 19.05 - Bli Komang: Tiang sudah gabung relawan Gus Mahendra, yang mau ikut japri nggih 💪',
        '',
      ].join('\n'),
    );
    const scanned = runCli(['scan', chat, '--registry', registry, '--region', '5171', '--store', path.join(dir, 'netral.db'), '--format', 'jsonl']);
    expect(scanned.code, scanned.stderr).toBe(0);
    const findings = scanned.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { item: { text?: string }; candidates?: Array<{ pair?: string }> });
    const relawan = findings.filter((f) => f.item.text?.includes('Gus Mahendra'));
    expect(relawan.length).toBeGreaterThan(0);
    expect(relawan.flatMap((f) => (f.candidates ?? []).map((c) => c.pair))).toContain('pilkada-2024-51-02');
    // the staff meeting notice names no one
    expect(findings.filter((f) => f.item.text?.includes('Rapat staf'))).toEqual([]);
  });
});
