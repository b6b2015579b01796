import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { runRuleTests } from '../../src/rules/fixtures.js';

describe('the shipped rule pack', () => {
  it('loads and every rule passes its own fixtures', async () => {
    const pack = await loadRulePack();
    const summary = runRuleTests(pack);
    const failures = summary.reports.flatMap((r) => [
      ...r.problems.map((p) => `${r.rule.def.id}: ${p}`),
      ...r.outcomes.filter((o) => o.status === 'fail').map((o) => `${r.rule.def.id} "${o.test.name}": ${o.problem}`),
    ]);
    expect(failures).toEqual([]);
    expect(summary.passed).toBeGreaterThan(0);
    // every fixture of every rule goes through the engine (~2.5 s alone); on a loaded machine
    // running the other test files beside it, that passed the 5 s default
  }, 30_000);
});

describe('the sides of cue word lists, made by the pack compile', () => {
  it('gives each list its side and marks the attack words a negation denies', async () => {
    const pack = await loadRulePack();
    expect(pack.lexiconSides.sides.get('opini-pujian')).toBe('support');
    expect(pack.lexiconSides.sides.get('opini-kritik')).toBe('attack');
    expect(pack.lexiconSides.comparative?.test('lebih tegas daripada dia')).toBe(true);
    const matcher = (rule: string, name: string) => pack.rules.find((r) => r.def.id === rule)?.matchers.get(name);
    // every list an attack list: every hit may be denied
    expect(matcher('t3-status-dukungan-paslon', 'kritik')?.verdictWords).toBe('all');
    // attack lists beside a support list: only the words no other list holds
    const mixed = matcher('t3-penilaian-paslon', '_nilai');
    expect(mixed?.verdictWords).toBeInstanceOf(Set);
    expect((mixed?.verdictWords as ReadonlySet<string>).has('bohong')).toBe(true);
    expect([...(mixed?.sidedWords?.keys() ?? [])].sort()).toEqual(['opini-hinaan', 'opini-kritik', 'opini-pujian']);
    for (const w of mixed?.sidedWords?.get('opini-pujian') ?? []) expect((mixed?.verdictWords as ReadonlySet<string>).has(w)).toBe(false);
  });
});
