// findings.csv cells (src/report/csv.ts), tested here with the export that uses them.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, FINDINGS_CSV_HEADER, findingsCsv, type FindingCsvInput } from '../../src/report/csv.js';

const row: FindingCsvInput = {
  findingId: 'a'.repeat(64), status: 'confirmed', reviewer: 'Rina', decidedAt: '2024-01-23T02:00:00.000Z', reason: null,
  subjectName: 'Andi "Ucok" Pratama', nip: null, agency: 'Kecamatan Coblong', position: 'Staf Pelayanan', regionCode: '3273', regionName: 'Kota Bandung',
  platform: 'facebook', itemKind: 'comment', actor: '@andi.pratama', attribution: 'account', itemTime: '2024-01-19T08:00:00.000Z', permalink: 'https://www.facebook.com/andi.pratama.coblong/posts/1',
  violation: 'Larangan 3: Dukungan terbuka kepada pasangan calon', prohibition: '3', skbForm: 'B6', track: 'disiplin', severity: 'high', confidence: 0.85,
  ruleId: 't3-dukungan-paslon', ruleVersion: 1, legalBasis: ['UU 20/2023 Pasal 24 huruf c'], candidates: ['2. Prabowo Subianto – Gibran Rakabuming Raka'],
  matchedWords: ['dukung paslon'], excerpt: '=HYPERLINK("http://x") ayo dukung paslon,\nnomor 2 💪', captureSha256: 'b'.repeat(64), captureFile: null,
};

describe('findings.csv', () => {
  it('round-trips quotes, commas, newlines and emoji through a CSV parser', () => {
    const text = findingsCsv([row]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [parsed] = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(parsed!)).toEqual(FINDINGS_CSV_HEADER);
    expect(parsed!.nama_terlapor).toBe('Andi "Ucok" Pratama');
    expect(parsed!.kata_cocok).toBe('dukung paslon');
    expect(parsed!.keyakinan).toBe('0.85');
    expect(parsed!.aturan).toBe('t3-dukungan-paslon@1');
  });

  it('defuses spreadsheet formulas and @-handles so a spreadsheet never runs them', () => {
    const [parsed] = parse(findingsCsv([row]), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(parsed!.kutipan).toBe(`'${row.excerpt}`);
    expect(parsed!.akun).toBe("'@andi.pratama");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(null)).toBe('');
  });
});
