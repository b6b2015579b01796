// Schema 6: a finding's texts (title, explanation in both languages, legal basis, candidates) are
// stored once for every finding that says the same; the finding's hash still covers them, so an
// edit of the shared texts fails verification for each finding that says them.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findingId, makeItem } from '../../src/model/index.js';
import { findingFromStore, listFindings, showFinding } from '../../src/store/evidence.js';
import { openStore } from '../../src/store/store.js';
import { verifyStore } from '../../src/store/verify.js';
import { buildSample, RULES, scanSample, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let path: string;
beforeEach(() => {
  tmp = tempDir();
  path = join(tmp.dir, 'netral.db');
});
afterEach(() => tmp.cleanup());

/** The sample, plus 20 more posts each with the first finding's texts (another item, same rule and words). */
async function storeWithRepeats(): Promise<ReturnType<typeof buildSample>> {
  const store = openStore(path);
  const sample = buildSample();
  await scanSample(store, sample);
  const run = store.beginRun({ command: 'scan more', actor: 'pemantau-1' });
  const base = sample.findings[0]!;
  const baseItem = sample.items.find((i) => i.id === base.itemId)!;
  for (let n = 0; n < 20; n++) {
    const { id: _id, ...draft } = baseItem;
    const item = makeItem({ ...draft, text: `${baseItem.text} (${n})`, source: { ...draft.source, pointer: `${draft.source.pointer}/${n}` } });
    run.putItem(item, { n });
    run.putRule(RULES.find((r) => r.id === base.ruleId)!);
    const finding = { ...base, itemId: item.id };
    run.putFinding({ ...finding, id: findingId(finding) });
  }
  run.finish();
  store.close();
  return sample;
}

describe('finding texts stored once', () => {
  it('findings that say the same share one texts row and read back whole', async () => {
    const sample = await storeWithRepeats();
    const store = openStore(path, { readonly: true });
    const count = (sql: string) => store.db.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM findings')).toBe(22);
    expect(count('SELECT count(*) FROM finding_texts')).toBe(2);
    expect(count("SELECT count(*) FROM findings WHERE texts IS NOT NULL AND explanation_id = '' AND candidates = ''")).toBe(22);
    const first = sample.findings[0]!;
    const again = findingFromStore(store, first.id);
    expect({ title: again.title, explanation: again.explanation, legalBasis: again.legalBasis, candidates: again.candidates }).toEqual({
      title: first.title,
      explanation: first.explanation,
      legalBasis: first.legalBasis,
      candidates: first.candidates,
    });
    // the overview (CSV, review list) and evidence show see the texts too
    const rows = [...listFindings(store)];
    expect(rows).toHaveLength(22);
    expect(new Set(rows.filter((r) => r.rule_id === first.ruleId).map((r) => r.explanation_en))).toEqual(new Set([first.explanation.en]));
    expect(showFinding(store, first.id).finding.explanation).toEqual(first.explanation);
    store.close();
    expect((await verifyStore(path)).ok).toBe(true);
  });

  it('an edit of the shared texts fails verification for every finding that says them', async () => {
    const sample = await storeWithRepeats();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE finding_texts SET explanation_en = 'nothing to see' WHERE pk = 1").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER finding_texts_no_update');
    db.prepare("UPDATE finding_texts SET explanation_en = 'nothing to see' WHERE explanation_en = ?").run(sample.findings[0]!.explanation.en);
    db.close();
    const report = await verifyStore(path);
    expect(report.ok).toBe(false);
    const rows = report.checks.find((c) => c.name === 'rows')!.problems;
    expect(rows.filter((p) => p.code === 'vRowMismatch' && p.params.table === 'findings')).toHaveLength(21);
    expect(report.checks.find((c) => c.name === 'schema')!.problems.map((p) => p.code)).toContain('vTriggerMissing');
  });

  it('re-pointing a finding at other texts fails verification', async () => {
    const sample = await storeWithRepeats();
    const db = new Database(path);
    db.exec('DROP TRIGGER findings_no_update');
    db.prepare('UPDATE findings SET texts = (SELECT max(pk) FROM finding_texts) WHERE id = unhex(?)').run(sample.findings[0]!.id);
    db.close();
    const rows = (await verifyStore(path)).checks.find((c) => c.name === 'rows')!.problems;
    expect(rows).toContainEqual({ code: 'vRowMismatch', params: { table: 'findings', id: sample.findings[0]!.id.slice(0, 12) } });
  });
});
