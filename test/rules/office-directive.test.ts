// A superior's or an office's directive to vote (t6-ajakan-politik-kantor v43, fixtures/eval/directives-s51.md):
// the directive mood or an order passed down, a vote target, the staff addressed by their office; and
// the registry option `one_ballot`, which counts the pairs a message names within one election.
// Real rule pack, real registry.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { evaluate, pairsOfOneBallot, type MatchHit } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

let n = 0;
function post(text: string, at = '2024-11-10T03:00:00Z'): Item {
  return makeItem({ platform: 'facebook', kind: 'post', text, time: at, source: { captureId: 'office-directive', path: 'posts.json', pointer: `/${++n}` } });
}
const office = (item: Item) => evaluate(pack, item, { region: '3299' }).filter((f) => f.ruleId === 't6-ajakan-politik-kantor');

describe('a directive to vote addressed to staff by their office', () => {
  it('is found in the formal register, with the affixed vote verb and the staff named by title', () => {
    const [f] = office(post('Sesuai arahan pimpinan, seluruh kepala sekolah agar mengarahkan guru memilih paslon nomor urut 3 pada 27 November. Harap dilaksanakan.'));
    expect(f?.prohibition).toBe(6);
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-03']);
  });

  it('is found with the pair told only by the polling date, the staff named by their office', () => {
    expect(office(post('Teman-teman Dinkes, arahan pimpinan: tanggal 27 nomor dua ya')).map((f) => f.candidates[0]?.pair)).toEqual(['pilkada-2024-3299-02']);
  });

  it('is not found in a warning against voting on a superior\'s order, nor on a queue number', () => {
    expect(office(post('Para kepala sekolah, jangan memilih nomor 2 karena arahan atasan. ASN wajib netral'))).toEqual([]);
    expect(office(post('Antrean nomor 2 silakan ke loket, seluruh staf harap memilih berkas yang lengkap'))).toEqual([]);
  });

  it('a schoolmates\' or residents\' collective is no office', () => {
    expect(office(post('Teman-teman sekolah, tanggal 27 wajib pilih nomor 2 ya'))).toEqual([]);
  });
});

describe('one_ballot: several pairs of one election', () => {
  const hit = (start: number, election: string, pair: string): MatchHit => ({ field: 'text', index: 0, start, end: start + 1, term: { pair: { id: pair }, election: { id: election } } }) as unknown as MatchHit;

  it('a number read on two ballots plus the same pair\'s name is one pair named', () => {
    const hits = [hit(10, 'pilpres-2024', 'pilpres-2024-01'), hit(10, 'pilkada-2024-3299', 'pilkada-2024-3299-01'), hit(20, 'pilkada-2024-3299', 'pilkada-2024-3299-01')];
    expect(pairsOfOneBallot(hits, 2)).toBe(false);
  });

  it('two pairs of one ballot at two places are two pairs named; one place read as two pairs is not', () => {
    expect(pairsOfOneBallot([hit(10, 'pilkada-2024-3299', 'pilkada-2024-3299-01'), hit(20, 'pilkada-2024-3299', 'pilkada-2024-3299-02')], 2)).toBe(true);
    expect(pairsOfOneBallot([hit(10, 'pilkada-2024-3299', 'pilkada-2024-3299-01'), hit(10, 'pilkada-2024-3299', 'pilkada-2024-3299-02')], 2)).toBe(false);
  });

  it('the order from the leadership while both elections are in force is found', () => {
    const [f] = office(post('Baraya Disdukcapil, titipan ti pimpinan: tanggal 27 urang sadaya ka nomer 1, Fauzi-Siti', '2024-10-02T02:15:00Z'));
    expect(f?.candidates.map((c) => c.pair)).toContain('pilkada-2024-3299-01');
  });
});
