// registryProblems: what the schema cannot see but would make the matcher blame the wrong pair.
import { describe, expect, it } from 'vitest';
import { registryProblems } from '../../src/registry/check.js';
import { RegistryFile } from '../../src/rules/registry-schema.js';

function registry(overrides: { pairs?: unknown[]; vote?: string; rounds?: unknown[] } = {}): RegistryFile {
  return RegistryFile.parse({
    schema: 1,
    election: {
      id: 'pilkada-2024-3299',
      level: 'pilbup',
      name: 'Pilkada 2024 — Bupati dan Wakil Bupati Sukamaju',
      region: { code: '3299', name: 'Kabupaten Sukamaju' },
      dates: { watch_from: '2024-08-27', determination: '2024-09-22', vote: overrides.vote ?? '2024-11-27', ...(overrides.rounds ? { rounds: overrides.rounds } : {}), watch_until: '2025-02-20' },
    },
    pairs: overrides.pairs ?? [
      { id: 'pilkada-2024-3299-01', number: 1, name: 'Ahmad Fauzi – Siti Rahmawati', candidates: [{ name: 'Ahmad Fauzi', forms: ['ahmad fauzi'], ambiguous_forms: ['fauzi'] }] },
      { id: 'pilkada-2024-3299-02', number: 2, name: 'Budi Hartono – Dewi Lestari', candidates: [{ name: 'Budi Hartono', forms: ['budi hartono'] }] },
    ],
  });
}

describe('registryProblems', () => {
  it('finds nothing wrong in a consistent registry', () => {
    expect(registryProblems(registry())).toEqual([]);
  });

  it('reports a pair id that is not <election id>-<2-digit number> and a number used twice', () => {
    const problems = registryProblems(
      registry({
        pairs: [
          { id: 'pilkada-2024-3299-1', number: 1, name: 'A', candidates: [{ name: 'A', forms: ['ahmad fauzi'] }] },
          { id: 'pilkada-2024-3299-01', number: 1, name: 'B', candidates: [{ name: 'B', forms: ['budi hartono'] }] },
        ],
      }),
    );
    expect(problems).toEqual([
      'pair pilkada-2024-3299-1: id should be pilkada-2024-3299-01 (election id + number)',
      'pair pilkada-2024-3299-01: number 1 is also used by pilkada-2024-3299-1',
    ]);
  });

  it('reports a term listed twice in one pair, in any letter case', () => {
    const problems = registryProblems(
      registry({
        pairs: [{ id: 'pilkada-2024-3299-01', number: 1, name: 'A', candidates: [{ name: 'A', forms: ['ahmad fauzi'] }], pair_names: ['Ahmad Fauzi'] }],
      }),
    );
    expect(problems).toEqual(['pair pilkada-2024-3299-01: "ahmad fauzi" is listed more than once']);
  });

  it('reports a sure form of one pair that also names another pair, even as an ambiguous form there', () => {
    const problems = registryProblems(
      registry({
        pairs: [
          { id: 'pilkada-2024-3299-01', number: 1, name: 'A', candidates: [{ name: 'A', forms: ['fauzi'] }] },
          { id: 'pilkada-2024-3299-02', number: 2, name: 'B', candidates: [{ name: 'B', forms: ['budi'], ambiguous_forms: ['fauzi'] }] },
        ],
      }),
    );
    expect(problems).toEqual(['pair pilkada-2024-3299-01: "fauzi" also names pilkada-2024-3299-02 — make it ambiguous in both']);
  });

  it('compares names as the matcher sees them: "#BudiDewi" and "budi dewi" are one name', () => {
    const problems = registryProblems(
      registry({
        pairs: [
          { id: 'pilkada-2024-3299-01', number: 1, name: 'A', candidates: [{ name: 'A', forms: ['ahmad fauzi'] }], hashtags: ['BudiDewi'] },
          { id: 'pilkada-2024-3299-02', number: 2, name: 'B', candidates: [{ name: 'B', forms: ['budi hartono'] }], pair_names: ['budi dewi'] },
        ],
      }),
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"budi dewi" also names pilkada-2024-3299-02');
  });

  it('lets hand-sign phrases be shared ("salam empat jari" for two pairs)', () => {
    const pairs = [1, 2].map((n) => ({
      id: `pilkada-2024-3299-0${n}`,
      number: n,
      name: `P${n}`,
      candidates: [{ name: `P${n}`, forms: [`calon ${n}`] }],
      hand_sign_phrases: ['salam empat jari'],
    }));
    expect(registryProblems(registry({ pairs }))).toEqual([]);
  });

  it('reports an earlier round outside the ballot window or letting through a pair already out', () => {
    const ok = registry({ rounds: [{ vote: '2024-10-30', through: ['pilkada-2024-3299-02'] }] });
    expect(registryProblems(ok)).toEqual([]);
    expect(registryProblems(registry({ rounds: [{ vote: '2024-11-27', through: ['pilkada-2024-3299-02'] }] }))).toEqual(['dates: rounds[0].vote 2024-11-27 is not before vote 2024-11-27']);
    expect(registryProblems(registry({ rounds: [{ vote: '2024-09-01', through: ['pilkada-2024-3299-02'] }] }))).toEqual(['dates: rounds[0].vote 2024-09-01 is not after number_draw 2024-09-22']);
    expect(
      registryProblems(
        registry({
          rounds: [
            { vote: '2024-10-01', through: ['pilkada-2024-3299-02'] },
            { vote: '2024-11-01', through: ['pilkada-2024-3299-01', 'pilkada-2024-3299-09'] },
          ],
        }),
      ),
    ).toEqual(['dates: rounds[1].vote: pilkada-2024-3299-01 goes through but is no pair still standing', 'dates: rounds[1].vote: pilkada-2024-3299-09 goes through but is no pair still standing']);
  });

  it('reports dates out of order', () => {
    expect(registryProblems(registry({ vote: '2024-09-01' }))).toEqual(['dates: vote 2024-09-01 is before determination 2024-09-22']);
  });
});
