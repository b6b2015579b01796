// Exceptions that read who speaks and what the post does with the pairs it names (dev-posts, s38):
// a recap of the whole ballot (registry matcher all_pairs), alternatives left open, a fact check,
// a reported result, a ban on attributes and someone else's question about who a candidate is.
// Each case: the exception cancels the finding, and what chooses a side keeps it (the rule files'
// no_match fixtures show the same posts flagged without the exception).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate, namesWholeBallot, type MatchHit } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DKI_2017 = path.join(ROOT, 'fixtures', 'eval', 'registry-pilkada-dki-2017.yml');

const post = (text: string, time: string) => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

describe('reader frames of dev-posts', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack({ extraRegistryPaths: [DKI_2017] });
  });
  const rules = (p: RulePack, text: string, time: string) => evaluate(p, post(text, time), { region: '31' }).map((f) => f.ruleId);

  it('someone else asking who a candidate is, told with the answer, is no verdict (tanya-orang-lain)', () => {
    expect(rules(pack, 'Ado nan batanyo ka ambo, Sylviana Murni tu sia? Baliau dulu Walikota Jakpus, kini calon wakil gubernur nomor 1. Baitu se', '2016-12-20T13:10:00Z')).toEqual([]);
    // the writer's own verdict beside the name keeps it
    expect(rules(pack, 'Ado nan batanyo ka ambo, Sylviana Murni tu sia? Sylviana Murni tu pembohong, jan dipiliah.', '2016-12-20T13:10:00Z')).not.toEqual([]);
  });

  it('a recap that gives each pair of the ballot its line chooses none (rekap-semua-paslon)', () => {
    expect(rules(pack, 'Debat td: Agus bahas 1 M per RW, Anies bahas DP 0, Ahok bahas data. Kalian tim mana? Gw msh mikir', '2017-01-13T17:20:00Z')).toEqual([]);
    expect(rules(pack, 'Debat td: Agus bahas 1 M per RW, Anies bahas DP 0, Ahok bahas data. Pokoknya coblos Anies!', '2017-01-13T17:20:00Z')).not.toEqual([]);
  });

  it('a fact check names the pair in the rumour it rebuts (cek-fakta)', () => {
    expect(rules(pack, 'Hoaks: KTP-el tercecer disebut untuk kecurangan 01. Sudah diklarifikasi Dukcapil', '2019-03-10T05:00:00Z')).toEqual([]);
    expect(rules(pack, 'Hoaks: katanya 01 curang, padahal kampret 02 yang tukang fitnah', '2019-03-10T05:00:00Z')).not.toEqual([]);
  });

  it('a result said by the count or the commission is not the writer\'s wish (laporan-hasil)', () => {
    expect(rules(pack, 'Anak-anak tanya siapa yang menang. Saya jawab: Prabowo menang di quick count, tapi kita tunggu KPU ya', '2024-02-14T12:00:00Z')).toEqual([]);
    expect(rules(pack, 'Alhamdulillah quick count Prabowo menang, akhirnya!', '2024-02-14T12:00:00Z')).not.toEqual([]);
  });
});

describe('namesWholeBallot (registry matcher all_pairs)', () => {
  const election = { id: 'e', pairs: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
  const hit = (pair: string) => ({ field: 'text', index: 0, start: 0, end: 1, term: { list: 'names', election, pair: { id: pair }, term: pair } }) as unknown as MatchHit;
  it('holds when every pair of one election is named, not when one is missing', () => {
    expect(namesWholeBallot([hit('a'), hit('b'), hit('c')])).toBe(true);
    expect(namesWholeBallot([hit('a'), hit('c'), hit('a')])).toBe(false);
    expect(namesWholeBallot([])).toBe(false);
  });
});
