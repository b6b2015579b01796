// "Is the vote still ahead?" is asked in one place (voteAhead): ballot selection and the after-vote
// matcher must agree on polling day and the day after, and an election with rounds knows which
// pairs still stand in a later vote.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { selectByBallotTime } from '../../src/rules/election-kind.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { anyResultKnown, toElection, voteAhead } from '../../src/rules/registry.js';
import { RegistryFile } from '../../src/rules/registry-schema.js';

const wib = (iso: string) => Date.parse(`${iso}+07:00`);

function twoRounds(rounds?: Array<{ vote: string; through: string[] }>) {
  const file = RegistryFile.parse({
    schema: 1,
    election: {
      id: 'pilkada-2017-dki',
      level: 'pilgub',
      name: 'Pilgub DKI 2017',
      region: { code: '31', name: 'DKI Jakarta' },
      dates: { watch_from: '2016-09-21', determination: '2016-10-24', number_draw: '2016-10-25', vote: '2017-04-19', ...(rounds ? { rounds } : {}), watch_until: '2017-10-16' },
    },
    pairs: [1, 2, 3].map((n) => ({ id: `pilkada-2017-dki-0${n}`, number: n, name: `P${n}`, candidates: [{ name: `C${n}`, forms: [`calon ${n}`] }] })),
  });
  return toElection(file, 'test.yml');
}

describe('voteAhead', () => {
  const e = twoRounds([{ vote: '2017-02-15', through: ['pilkada-2017-dki-02', 'pilkada-2017-dki-03'] }]);

  it('counts polling day as ahead up to its last millisecond, and the next day as after', () => {
    expect(voteAhead(e, wib('2017-04-18T23:59:59'))).toBe(true);
    expect(voteAhead(e, wib('2017-04-19T00:00:00'))).toBe(true);
    expect(voteAhead(e, wib('2017-04-19T23:59:59.999'))).toBe(true);
    expect(voteAhead(e, wib('2017-04-20T00:00:00'))).toBe(false);
  });

  it('a pair out after round one has no vote ahead from the day after that round; the others keep the run-off', () => {
    const between = wib('2017-04-10T12:00:00');
    expect(voteAhead(e, between, 'pilkada-2017-dki-01')).toBe(false);
    expect(voteAhead(e, between, 'pilkada-2017-dki-02')).toBe(true);
    expect(voteAhead(e, wib('2017-02-15T23:59:59.999'), 'pilkada-2017-dki-01')).toBe(true);
    expect(voteAhead(e, wib('2017-02-16T00:00:00'), 'pilkada-2017-dki-01')).toBe(false);
  });

  it('knows a result from the day after the first polling day', () => {
    expect(anyResultKnown(e, wib('2017-02-15T23:00:00'))).toBe(false);
    expect(anyResultKnown(e, wib('2017-02-16T00:00:00'))).toBe(true);
    const single = twoRounds();
    expect(anyResultKnown(single, wib('2017-04-10T00:00:00'))).toBe(false);
    expect(voteAhead(single, wib('2017-04-10T00:00:00'), 'pilkada-2017-dki-01')).toBe(true);
  });
});

describe('ballot selection and the after-vote matcher share the boundary', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack();
  });
  const refs = [
    { election: 'pilpres-2024', number: 2, pair: 'pilpres-2024-02', name: 'x' },
    { election: 'pilkada-2024-3299', number: 2, pair: 'pilkada-2024-3299-02', name: 'y' },
  ];
  const chosen = (time: number) => selectByBallotTime(pack, refs, new Set(), new Set(), time).map((c) => c.pair);

  it('a bare number names the regional pair through its polling day, and no longer picks one the day after', () => {
    expect(chosen(wib('2024-11-27T23:59:59.999'))).toEqual(['pilkada-2024-3299-02']);
    expect(chosen(wib('2024-11-28T00:00:00'))).toEqual(['pilpres-2024-02', 'pilkada-2024-3299-02']);
  });

  it('a greeting to the pair is a congratulation only from the day after polling day', () => {
    const greet = (time: string) =>
      evaluate(pack, makeItem({ platform: 'whatsapp', kind: 'message', text: 'Rahajeng Pak Budi Hartono lan Bu Dewi Lestari, dumogi Sukamaju sayan maju 🙏', time: new Date(wib(time)).toISOString(), actor: { name: 'Rina' }, source: { captureId: 'test', path: 'chat.txt', pointer: 'line:1' } }), { region: '3299' });
    expect(greet('2024-11-27T20:00:00').length).toBeGreaterThan(0);
    expect(greet('2024-11-28T00:00:00')).toEqual([]);
  });
});
