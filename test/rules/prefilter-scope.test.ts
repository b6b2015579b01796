// The rule prefilter is as strict as the registry matchers: a ballot number or hand sign of another
// region's pair ("TPS 03", ✌) opens no gate of a matcher of default scope, since every such matcher
// drops it (inBallotScope); the same words in the pair's own region still open it. A number that
// reads as something else ("TPS 03": ballotNumberAt) opens none, as no registry matcher reads it.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRulePack, type CompiledMatcher, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});
afterEach(() => vi.restoreAllMocks());

const post = (text: string) =>
  makeItem({ platform: 'x', kind: 'post', text, time: '2024-11-20T05:00:00Z', hashtags: [], mentions: [], media: [], source: { captureId: 'c', path: 'p', pointer: '/0' } });

/** The matchers of the stance-model rule: a rule the prefilter skips never has them looked up. */
function modelRuleMatchers(): ReadonlyMap<string, CompiledMatcher> {
  const rule = pack.rules.find((r) => r.def.id === 't3-sikap-model-paslon');
  if (!rule?.matchers.get('model')?.model) throw new Error('t3-sikap-model-paslon has no stance model matcher');
  return rule.matchers;
}

describe('prefilter scope of region-scoped registry terms', () => {
  const text = 'Acaranya mantap sekali, nomor 3 ✌';

  it('skips the stance-model rule for another region’s number and hand sign', () => {
    const looked = vi.spyOn(modelRuleMatchers() as Map<string, CompiledMatcher>, 'get');
    expect(evaluate(pack, post(text), { region: '3171' })).toEqual([]);
    expect(looked).not.toHaveBeenCalled();
  });

  it('walks it when they are the subject region’s own pair’s', () => {
    const looked = vi.spyOn(modelRuleMatchers() as Map<string, CompiledMatcher>, 'get');
    evaluate(pack, post(text), { region: '3299' });
    expect(looked).toHaveBeenCalled();
  });

  it('skips it for a number that reads as something else, even of the own ballot', () => {
    const looked = vi.spyOn(modelRuleMatchers() as Map<string, CompiledMatcher>, 'get');
    expect(evaluate(pack, post('Besok antre di TPS 03 jam 7, acaranya mantap sekali'), { region: '3299' })).toEqual([]);
    expect(looked).not.toHaveBeenCalled();
  });
});
