// A matcher's declared side (rule schema `side`, src/rules/evaluate.ts declaredSides) end to end:
// form posts (a shirt worn, a sticker on a car) scanned by the real engine into a real SQLite
// store, then `evidence show`, the explanation and the export as a reviewer reads them. The side
// never decides whether a finding is made; it only says which way the finding leans on its pair.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { runReviewCli } from './run-cli.js';
import { openStore } from '../../src/store/store.js';
import { listFindings, showFinding } from '../../src/store/evidence.js';
import { tempDir, withoutSideReasons } from './sample.js';

let tmp: ReturnType<typeof tempDir>;

const run = runReviewCli;

const WORN = 'Hari ini saya pakai kaos Anies-Muhaimin ke pasar';
const STICKER = 'Stiker Prabowo-Gibran sudah terpasang di kaca mobil saya';
const SOLD = 'Jual kaos Ganjar-Mahfud bekas, harga nego';

beforeAll(() => {
  tmp = tempDir();
  setLang('id');
  process.exitCode = undefined;
});
afterAll(() => {
  setLang('id');
  process.exitCode = undefined;
  tmp.cleanup();
});

describe('a declared side in a real store', () => {
  it('a shirt worn and a sticker put on support their pair in evidence show, the explanation and the export; a shirt for sale stays named only', async () => {
    const csv = join(tmp.dir, 'forms.csv');
    writeFileSync(csv, `created_at,author,text\n${[WORN, STICKER, SOLD].map((text, i) => `2024-01-20T1${i}:00:00+07:00,Rina Asn,"${text}"`).join('\n')}\n`);
    const storePath = join(tmp.dir, 'forms.db');
    await run('scan', csv, '--store', storePath);
    process.exitCode = undefined;

    const store = openStore(storePath);
    const byText = new Map<string, { id: string; rule: string; explanation: { id: string; en: string } }>();
    try {
      for (const row of listFindings(store, {})) {
        const d = showFinding(store, row.finding_id);
        if (d?.item.text) byText.set(d.item.text, { id: row.finding_id, rule: d.finding.ruleId, explanation: d.finding.explanation });
      }
    } finally {
      store.close();
    }
    // the form rules made the findings (the side does not make one)
    expect(byText.get(WORN)?.rule).toBe('t4-kaos-atribut-kampanye');
    expect(byText.get(STICKER)?.rule).toBe('t7-stiker-kendaraan');
    expect(byText.get(SOLD)?.rule).toBe('t4-kaos-atribut-kampanye');

    const pairLine = async (text: string, lang: 'id' | 'en') => {
      const shown = await run('evidence', 'show', (byText.get(text)?.id as string).slice(0, 12), '--store', storePath, '--lang', lang);
      return shown.split('\n').find((l) => /^\d+\. .*\(pil[a-z0-9-]+\)/.test(l)) ?? '';
    };
    // before the side: "· disebut" on all three
    expect(withoutSideReasons(await pairLine(WORN, 'id'))).toBe('1. Anies Baswedan – Muhaimin Iskandar (pilpres-2024) · mendukung');
    expect(withoutSideReasons(await pairLine(STICKER, 'en'))).toBe('2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · supports');
    // stop 42: the support says what decided it (the writer's wearing words)
    expect(await pairLine(WORN, 'id')).toMatch(/· mendukung \(.*“pakai”/);
    // a garment for sale: no writer, no verb of wearing (the side-only clauses of t4 do not hold)
    expect(await pairLine(SOLD, 'id')).toBe('3. Ganjar Pranowo – Mahfud MD (pilpres-2024) · disebut');
    expect(withoutSideReasons(byText.get(WORN)?.explanation.id ?? '')).toContain('Anies Baswedan – Muhaimin Iskandar (didukung)');
    expect(withoutSideReasons(byText.get(STICKER)?.explanation.en ?? '')).toContain('Prabowo Subianto – Gibran Rakabuming Raka (supported)');

    // the stance is in the row hash: verify passes
    expect(await run('verify', '--store', storePath)).toMatch(/OK — .*forms\.db/);
    expect(process.exitCode ?? 0).toBe(0);

    const out = join(tmp.dir, 'forms-export');
    await run('export', '--out', out, '--store', storePath, '--as', 'Rina', '--lang', 'id');
    process.exitCode = undefined;
    const jsonl = readFileSync(join(out, 'findings.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { item: { text?: string }; candidates: Array<{ number: number; stance?: string }> });
    const pairs = (text: string) => jsonl.filter((f) => f.item.text === text).map((f) => f.candidates.map((x) => `${x.number}:${x.stance}`).join(','));
    expect(pairs(WORN)).toEqual(['1:support']);
    expect(pairs(STICKER)).toEqual(['2:support']);
    expect(pairs(SOLD)).toEqual(['3:mention']);
    const rows = parse(readFileSync(join(out, 'findings.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => withoutSideReasons(r.paslon ?? '')).sort()).toEqual([
      '1. Anies Baswedan – Muhaimin Iskandar (mendukung)',
      '2. Prabowo Subianto – Gibran Rakabuming Raka (mendukung)',
      '3. Ganjar Pranowo – Mahfud MD (disebut)',
    ]);
  }, 60_000);
});
