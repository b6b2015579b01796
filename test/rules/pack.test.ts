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
