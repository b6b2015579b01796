// Election selection: in 2024 the presidential and regional watch windows overlap, and a bare
// ballot number names a pair of each. Words naming the contest in the item or in the thread it is
// read with choose the election; a pair named by identity always stays.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { namedKinds, selectByKind } from '../../src/rules/election-kind.js';
import { prepareItem } from '../../src/rules/evaluate.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

let n = 0;
function post(text: string, time: string | undefined, context?: Item['context']): Item {
  n++;
  return makeItem({ platform: 'whatsapp', kind: 'message', text, ...(time ? { time } : {}), actor: { name: 'Rina' }, ...(context ? { context } : {}), source: { captureId: 'test', path: 'chat.txt', pointer: `line:${n}` } });
}
const pairsOf = (item: Item, thread?: Item[]) =>
  new Set(evaluate(pack, item, { region: '3299', ...(thread ? { thread: thread.map((i) => ({ item: i, via: 'window' as const })) } : {}) }).flatMap((f) => f.candidates.map((c) => c.pair)));
const OCTOBER = '2024-10-10T13:00:00Z';

describe('namedKinds', () => {
  const kinds = (text: string) => [...namedKinds(prepareItem(pack, post(text, OCTOBER), {}).fields)].sort();
  it('reads the contest words, with clitics, in either kind', () => {
    expect(kinds('Debat Publik Calon Bupati Sukamaju')).toEqual(['pilkada']);
    expect(kinds('debat cabupna seru')).toEqual(['pilkada']);
    expect(kinds('nonton debat capres')).toEqual(['pilpres']);
    expect(kinds('pilkada rasa pilpres')).toEqual(['pilkada', 'pilpres']);
    expect(kinds('tribun pendukung 02')).toEqual([]);
  });
});

describe('election selection', () => {
  it('a number in a regent debate names the Pilkada pair only; with no contest word, the ballot whose vote is ahead', () => {
    const regional = pairsOf(post('Debat Publik Calon Bupati Sukamaju, dapet tiket tribun pendukung 02 🔥', OCTOBER));
    expect([...regional]).toEqual(['pilkada-2024-3299-02']);
    // 10 October: the presidential vote is past (the watch runs to the inauguration), the regional one ahead
    const unsaid = pairsOf(post('Debat tadi malam, dapet tiket tribun pendukung 02 🔥', OCTOBER));
    expect([...unsaid]).toEqual(['pilkada-2024-3299-02']);
    // June: the regional numbers are not drawn yet (23 September), so a bare 02 is the presidential one
    const june = pairsOf(post('Pokoknya 02 wae, nu sanes mah teu jelas', '2024-06-10T03:00:00Z'));
    expect([...june]).toEqual(['pilpres-2024-02']);
  });

  it('a presidential word selects the presidential pair', () => {
    expect([...pairsOf(post('Stiker capres nomor 2 masih nempel di motor, mantap', OCTOBER))]).toEqual(['pilpres-2024-02']);
  });

  it('the thread the reply is read with selects the election too', () => {
    const OFFICE = { kind: 'group' as const, name: 'Staf Dinas Pendidikan Sukamaju' };
    const call = post('Sabtu kampanye akbar cabup nomor 2 di alun-alun, berangkat bareng yuk', '2024-10-05T12:00:00Z', OFFICE);
    const reply = post('Siap, aku melu 👍', '2024-10-05T12:02:00Z', OFFICE);
    const pairs = pairsOf(reply, [call]);
    expect(pairs.has('pilkada-2024-3299-02')).toBe(true);
    expect(pairs.has('pilpres-2024-02')).toBe(false);
  });

  it('keeps pairs named by identity and drops nothing when no kind or both kinds are named', () => {
    const refs = [
      { election: 'pilpres-2024', number: 2, pair: 'pilpres-2024-02', name: 'x' },
      { election: 'pilkada-2024-3299', number: 2, pair: 'pilkada-2024-3299-02', name: 'y' },
    ];
    expect(selectByKind(pack, refs, new Set(['pilkada']), new Set()).map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
    expect(selectByKind(pack, refs, new Set(['pilkada']), new Set(['pilpres-2024'])).length).toBe(2);
    expect(selectByKind(pack, refs, new Set(), new Set()).length).toBe(2);
    expect(selectByKind(pack, refs, new Set(['pilkada', 'pilpres']), new Set()).length).toBe(2);
  });
});
