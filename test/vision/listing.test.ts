// Print that names several pairs of one election (KPU's poster of every pair, a ballot specimen, a
// debate schedule) is a listing of the field, not one pair's campaign material (reader.ts:
// listsRivals). Terms are taken from the shipped registry, so the test follows its pairs.
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { listsRivals } from '../../src/vision/reader.js';

const pack = await loadRulePack();
const election = (id: string) => {
  const e = pack.registry.elections.find((x) => x.id === id);
  if (!e) throw new Error(`no election ${id} in the registry`);
  return e;
};
const hit = (electionId: string, number: number) => {
  const e = election(electionId);
  const pair = e.pairs.find((p) => p.number === number);
  if (!pair) throw new Error(`no pair ${number} in ${electionId}`);
  return { term: { election: e, pair } };
};

describe('print naming several pairs', () => {
  it('is a listing when it names two or more pairs of one election', () => {
    expect(listsRivals([hit('pilpres-2024', 1), hit('pilpres-2024', 2), hit('pilpres-2024', 3)])).toBe(true);
    expect(listsRivals([hit('pilkada-2024-3299', 1), hit('pilkada-2024-3299', 3)])).toBe(true);
  });

  it('is one pair\'s print when it names one pair, however often', () => {
    expect(listsRivals([hit('pilpres-2024', 2), hit('pilpres-2024', 2)])).toBe(false);
    expect(listsRivals([])).toBe(false);
  });

  it('is no listing for the same name in two elections ("PRABOWO": 02 of 2019 and of 2024)', () => {
    expect(listsRivals([hit('pilpres-2019', 2), hit('pilpres-2024', 2)])).toBe(false);
  });
});
