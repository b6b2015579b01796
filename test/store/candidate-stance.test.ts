// The writer's stance on each pair a finding names (CandidateRef.stance), end to end: a CSV export
// scanned by the real engine into a real SQLite store, then `evidence show` and `verify` as a
// reviewer runs them; and a store written before the stance existed (findings without it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLang } from '../../src/i18n/index.js';
import { runReviewCli } from './run-cli.js';
import { openStore } from '../../src/store/store.js';
import { listFindings, showFinding } from '../../src/store/evidence.js';
import { buildSample, scanSample, tempDir, withoutSideReasons } from './sample.js';

let tmp: ReturnType<typeof tempDir>;

const run = runReviewCli;

const POSTS = [
  ['comparison', 'Prabowo jauh lebih tegas daripada Anies, sudah jelas'],
  ['one up one down', 'Prabowo hebat dan merakyat, Anies pembohong'],
  ['mocking nickname', 'Capres wowo cuma omon omon doang'],
  ['plain support', 'Ayo pilih Prabowo-Gibran tanggal 14 Februari!'],
] as const;

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

/** The candidates line of `evidence show` for the finding on the post with this text. */
async function candidatesShown(storePath: string, text: string, lang: 'id' | 'en'): Promise<string> {
  const store = openStore(storePath);
  let id: string | undefined;
  try {
    for (const row of listFindings(store, {})) {
      const d = showFinding(store, row.finding_id);
      if (d?.item.text === text) id = row.finding_id;
    }
  } finally {
    store.close();
  }
  expect(id, text).toBeDefined();
  const shown = await run('evidence', 'show', (id as string).slice(0, 12), '--store', storePath, '--lang', lang);
  // the pair line: "2. Name (election) · stance", as evidence show has printed pairs since schema 5
  return shown.split('\n').find((l) => /^\d+\. .*\(pil[a-z0-9-]+\)/.test(l)) ?? '';
}

describe('per-pair stance of a finding', () => {
  it('evidence show says which pair is supported, attacked or only named, and verify passes', async () => {
    const csv = join(tmp.dir, 'posts.csv');
    writeFileSync(csv, `created_at,author,text\n${POSTS.map(([, text], i) => `2024-01-20T1${i}:00:00+07:00,Rina Asn,"${text}"`).join('\n')}\n`);
    const storePath = join(tmp.dir, 'new.db');
    await run('scan', csv, '--store', storePath);
    process.exitCode = undefined;

    // "X lebih tegas daripada Y": X ranked above (supported), Y below (attacked)
    const shown = await candidatesShown(storePath, POSTS[0][1], 'id');
    expect(withoutSideReasons(shown)).toBe('2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · mendukung; 1. Anies Baswedan – Muhaimin Iskandar (pilpres-2024) · menyerang');
    // stop 42: each side says which words decided it
    expect(shown).toContain('· mendukung (“tegas”)');
    // one up, one down: the praise is Prabowo's (its own clause), the insult Anies's
    expect(withoutSideReasons(await candidatesShown(storePath, POSTS[1][1], 'en'))).toBe('2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · supports; 1. Anies Baswedan – Muhaimin Iskandar (pilpres-2024) · attacks');
    // a mocking nickname attacks its pair
    expect(withoutSideReasons(await candidatesShown(storePath, POSTS[2][1], 'id'))).toBe('2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · menyerang');
    // a plain call to vote supports
    expect(withoutSideReasons(await candidatesShown(storePath, POSTS[3][1], 'id'))).toBe('2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · mendukung');

    // the explanation names the side beside the pair, also a side read by a finding folded into it
    const store = openStore(storePath);
    try {
      const comparison = [...listFindings(store, {})].map((r) => showFinding(store, r.finding_id)).find((d) => d?.item.text === POSTS[0][1]);
      expect(withoutSideReasons(comparison?.finding.explanation.id ?? '')).toContain('Prabowo Subianto – Gibran Rakabuming Raka (didukung) / Anies Baswedan – Muhaimin Iskandar (diserang)');
      const mock = [...listFindings(store, {})].map((r) => showFinding(store, r.finding_id)).find((d) => d?.item.text === POSTS[2][1]);
      expect(withoutSideReasons(mock?.finding.explanation.id ?? '')).toContain('Prabowo Subianto – Gibran Rakabuming Raka (diserang)');
      expect(withoutSideReasons(mock?.finding.explanation.en ?? '')).toContain('Prabowo Subianto – Gibran Rakabuming Raka (attacked)');
    } finally {
      store.close();
    }
    // the stance is in the candidates JSON the finding's row hash covers: verify recomputes it
    expect(await run('verify', '--store', storePath)).toMatch(/OK — .*new\.db/);
    expect(process.exitCode ?? 0).toBe(0);

    // turning an attack into support with a SQLite tool breaks the finding's row hash
    const db = openStore(storePath);
    for (const t of db.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'finding_texts'").pluck().all() as string[]) db.db.exec(`DROP TRIGGER "${t}"`);
    const changed = db.db.prepare(`UPDATE finding_texts SET candidates = replace(candidates, '"stance":"attack"', '"stance":"support"') WHERE candidates LIKE '%"attack"%'`).run().changes;
    db.close();
    expect(changed).toBeGreaterThan(0);
    expect(await run('verify', '--store', storePath)).not.toMatch(/OK — /);
    expect(process.exitCode).not.toBe(0);
    process.exitCode = undefined;
  }, 60_000);

  it('a contrastive post and a comparison in others\' words show the side read in the clause, in evidence show, the explanation and the export', async () => {
    // "bukan X tapi Y": the praise is said of Y, X is denied (the cue stood nearer X);
    // "yang bilang X lebih hebat daripada Y": a comparison others make ranks nothing, the writer's own call does
    const contrastive = 'Presiden yang tegas itu bukan Anies tapi Prabowo.';
    const comparative = 'Yang bilang Prabowo lebih hebat daripada Ganjar tuh ngaco, pilih Ganjar aja.';
    const csv = join(tmp.dir, 'clauses.csv');
    writeFileSync(csv, `created_at,author,text\n2024-01-20T10:00:00+07:00,Rina Asn,"${contrastive}"\n2024-01-20T11:00:00+07:00,Rina Asn,"${comparative}"\n`);
    const storePath = join(tmp.dir, 'clauses.db');
    await run('scan', csv, '--store', storePath);
    process.exitCode = undefined;

    // before the clause scope: "01 · mendukung, 02 · disebut" and "03 · menyerang, 02 · mendukung"
    expect(withoutSideReasons(await candidatesShown(storePath, contrastive, 'id'))).toBe('1. Anies Baswedan – Muhaimin Iskandar (pilpres-2024) · disebut; 2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · mendukung');
    expect(withoutSideReasons(await candidatesShown(storePath, comparative, 'en'))).toBe('3. Ganjar Pranowo – Mahfud MD (pilpres-2024) · supports; 2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024) · mentioned');

    const store = openStore(storePath);
    try {
      const shown = [...listFindings(store, {})].map((r) => showFinding(store, r.finding_id));
      const c = shown.find((d) => d?.item.text === contrastive)?.finding;
      expect(withoutSideReasons(c?.explanation.id ?? '')).toContain('Anies Baswedan – Muhaimin Iskandar / Prabowo Subianto – Gibran Rakabuming Raka (didukung)');
      const k = shown.find((d) => d?.item.text === comparative)?.finding;
      expect(withoutSideReasons(k?.explanation.en ?? '')).toContain('Ganjar Pranowo – Mahfud MD (supported) / Prabowo Subianto – Gibran Rakabuming Raka');
      expect(k?.explanation.en).not.toContain('(attacked)');
    } finally {
      store.close();
    }

    // the export: findings.jsonl carries the stance per pair, findings.csv names it beside the pair
    const out = join(tmp.dir, 'clauses-export');
    await run('export', '--out', out, '--store', storePath, '--as', 'Rina', '--lang', 'id');
    process.exitCode = undefined;
    const jsonl = readFileSync(join(out, 'findings.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { item: { text?: string }; candidates: Array<{ number: number; stance?: string }> });
    const pairs = (text: string) => jsonl.filter((f) => f.item.text === text).map((f) => f.candidates.map((x) => `${x.number}:${x.stance}`).join(','));
    expect(pairs(contrastive)).toEqual(['1:mention,2:support']);
    expect(pairs(comparative)).toEqual(['3:support,2:mention']);
    const rows = parse(readFileSync(join(out, 'findings.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => withoutSideReasons(r.paslon ?? '')).sort()).toEqual([
      '1. Anies Baswedan – Muhaimin Iskandar (disebut); 2. Prabowo Subianto – Gibran Rakabuming Raka (mendukung)',
      '3. Ganjar Pranowo – Mahfud MD (mendukung); 2. Prabowo Subianto – Gibran Rakabuming Raka (disebut)',
    ]);
  }, 60_000);

  it('a store written before the stance existed stays readable and verifiable, its findings unchanged', async () => {
    // sample.ts writes findings as main did before stop 33: candidates without a stance
    const storePath = join(tmp.dir, 'old.db');
    const store = openStore(storePath);
    const sample = buildSample();
    await scanSample(store, sample);
    const id = sample.findings[0]!.id;
    const stored = showFinding(store, id);
    store.close();
    expect(sample.findings[0]!.candidates[0]).not.toHaveProperty('stance');
    // read back exactly as written: no stance made up for it
    expect(stored?.finding.candidates).toEqual(sample.findings[0]!.candidates);
    const shown = await run('evidence', 'show', id.slice(0, 12), '--store', storePath, '--lang', 'en');
    expect(shown).toContain('\n2. Prabowo Subianto – Gibran Rakabuming Raka (pilpres-2024)\n');
    process.exitCode = undefined;
    expect(await run('verify', '--store', storePath)).toMatch(/OK — .*old\.db/);
    expect(process.exitCode ?? 0).toBe(0);
  }, 60_000);
});

describe('per-pair stance read by the engine', () => {
  const stances = async (text: string): Promise<string[]> => {
    const { loadRulePack } = await import('../../src/rules/pack.js');
    const { evaluate } = await import('../../src/rules/evaluate.js');
    const { makeItem } = await import('../../src/model/item.js');
    const pack = await loadRulePack();
    const item = makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });
    return evaluate(pack, item).flatMap((f) => f.candidates.map((c) => `${c.number}:${c.stance}`));
  };

  it('a prohibited call attacks the pair it is about; the pair called for is supported', async () => {
    expect(await stances('Jangan pilih Anies lagi, pilih Prabowo-Gibran')).toEqual(['2:support', '1:attack']);
  }, 60_000);

  it('a denied verdict shows no side on its pair ("tak pernah menyalahkan Anies")', async () => {
    expect(await stances('Ayo pilih Prabowo-Gibran, dia tak pernah menyalahkan Anies')).toEqual(['2:support', '1:mention']);
  }, 60_000);

  it('a denier a few auxiliaries before a call turns it against the pair ("gak akan pilih")', async () => {
    expect(await stances('Setelah debat ketiga, aku gak akan pilih Prabowo-Gibran.')).toEqual(['2:attack']);
  }, 60_000);

  it('a call in a question and praise conceded before "tapi" show no side', async () => {
    expect(await stances('Kenapa harus pilih Prabowo coba?')).toEqual(['2:mention']);
    expect(await stances('Ganjar memang pinter, tapi Jateng tetap miskin 🙄')).toEqual(['3:mention']);
  }, 60_000);

  it('a ballot number with its own call or an elliptical prohibition shows the side ("coblos 3", "ojo 03", "tolak 01")', async () => {
    expect(await stances('Biar guru honorer diperhatikan, coblos 3')).toEqual(['3:support']);
    expect(await stances('ojo 03 rek')).toEqual(['3:attack']);
    expect(await stances('Sudah cukup drama politiknya. tolak 01')).toEqual(['1:attack']);
  }, 60_000);

  it('a comparison with "dibanding" ranks the pair before it above', async () => {
    expect(await stances('Anies lebih pintar dibanding Prabowo')).toEqual(['1:support', '2:attack']);
  }, 60_000);
});
