// An analyst's sheet row of kind "event"/"acara"/"agenda" names the event in its target cell and says
// nothing of the response (stop 49): it is read as an event whose response is 'recorded', reaches the
// event rules where 'interested' would, and its findings say the response is not known. Duty,
// socialisation and training events stay clean. The sheet is written for this file.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem, type Item } from '../../src/model/item.js';
import { setLang } from '../../src/i18n/index.js';
import { collect } from './helpers-core.js';

setLang('en');

const SHEET = 'fixtures/table/lembar-analis-acara.csv';

let rows: Item[];
let pack: RulePack;
beforeAll(async () => {
  rows = (await collect([SHEET])).items;
  pack = await loadRulePack();
});

/** the rule ids that fire on a row of the sheet, the subject in Sukamaju (3299) */
const fired = (i: number): string[] => evaluate(pack, rows[i]!, { region: '3299' }).map((f) => f.ruleId);

describe("an analyst's sheet event row", () => {
  test("an event row's target becomes the event's name, response 'recorded' (never a guessed 'joined'); the target stays", () => {
    expect(rows[0]).toMatchObject({ kind: 'event', target: { name: 'Kampanye Akbar Budi-Dewi - Alun-alun Sukamaju' }, event: { name: 'Kampanye Akbar Budi-Dewi - Alun-alun Sukamaju', response: 'recorded' } });
    expect(rows[0]?.text).toBeUndefined();
    // "Agenda" and "event" name the same kind
    expect(rows[1]).toMatchObject({ kind: 'event', event: { name: 'Debat Publik Kedua Pilbup Sukamaju - Tribun Pendukung Fauzi-Siti', response: 'recorded' } });
    expect(rows[2]?.event?.response).toBe('recorded');
  });

  test('a row of another kind with the same target, or an event row without a target, has no event', () => {
    expect(rows[5]).toMatchObject({ kind: 'reaction', target: { name: 'Kampanye Akbar Budi-Dewi - Alun-alun Sukamaju' } });
    expect(rows[5]?.event).toBeUndefined();
    expect(rows[6]).toMatchObject({ kind: 'event', text: 'Rapat koordinasi kecamatan' });
    expect(rows[6]?.event).toBeUndefined();
  });

  test("a pair's rally and a seat in a pair's debate stand reach the event rules", () => {
    expect(fired(0)).toContain('t2-hadir-kampanye-paslon');
    expect(fired(1)).toContain('t8-hadir-debat-langsung');
  });

  test('the duty post at the rally, a neutrality socialisation and a training stay clean', () => {
    expect(fired(2)).toEqual([]);
    expect(fired(3)).toEqual([]);
    expect(fired(4)).toEqual([]);
  });

  test('the finding says, in Indonesian and English, that the response is not given', () => {
    const finding = evaluate(pack, rows[0]!, { region: '3299' }).find((f) => f.ruleId === 't2-hadir-kampanye-paslon');
    expect(finding?.explanation.id).toContain('tanggapan subjek atas acara (ikut, berminat, dll.) tidak disebut');
    expect(finding?.explanation.en).toContain("the subject's response to it (joined, interested …) is not given");
    expect(finding?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  test('an event joined on Facebook carries no such note', () => {
    const joined = makeItem({ platform: 'facebook', kind: 'event', time: '2024-11-16T01:00:00Z', event: { name: 'Kampanye Akbar Budi-Dewi - Alun-alun Sukamaju', response: 'joined' }, source: { captureId: 'test', path: 'test', pointer: '1' } });
    const finding = evaluate(pack, joined, { region: '3299' }).find((f) => f.ruleId === 't2-hadir-kampanye-paslon');
    expect(finding).toBeDefined();
    expect(finding?.explanation.en).not.toContain('is not given');
  });
});
