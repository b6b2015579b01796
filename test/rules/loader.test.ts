// Rule files are a trust boundary: every mistake is reported with file:line and the field.
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';
import { RuleFileError } from '../../src/rules/yaml-file.js';
import { rejectionOf } from '../rejection.js';

const GOOD = stickerRule();

const loadError = (rule: string) => rejectionOf(loadRulePack({ rulesDirs: [rulesFolderWith(rule)] }), RuleFileError);

describe('loading rule files', () => {
  it('loads a valid rule and finds its match', async () => {
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(GOOD)] });
    expect(pack.rules.map((r) => r.def.id)).toEqual(['t7-uji-stiker']);
  });

  it('names the file, line and field of a schema error', async () => {
    const err = await loadError(GOOD.replace('severity: low', 'severity: terrible'));
    expect(err.message).toMatch(/rule\.yml:9:\d+: severity:/);
  });

  it('rejects a regex RE2 cannot run (lookaround)', async () => {
    const err = await loadError(GOOD.replace('stiker: { terms: [stiker] }', "stiker: { regex: 'stiker(?=\\s)' }"));
    expect(err.message).toMatch(/match\.stiker: regex is not valid RE2/);
  });

  it('rejects a matcher that the condition never uses', async () => {
    const err = await loadError(GOOD.replace('condition: dekat', 'condition: stiker'));
    expect(err.message).toMatch(/match\.(paslon|dekat): not used by the condition/);
  });

  it('reads a rule\'s tenure words from its tenure field and rejects a name that is not a regex matcher of the rule', async () => {
    const tenure = GOOD.replace('  dekat: { near: [stiker, paslon], within: 4 }', "  dekat: { near: [stiker, paslon], within: 4 }\n  masa: { regex: '\\bdua periode\\b' }\n  cukup: { regex: '\\bcukup\\b' }\n  ganti: { regex: '\\bganti\\b' }").replace('condition: dekat', 'tenure: { count: masa, enough: cukup, change: ganti }\ncondition: dekat');
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(tenure)] });
    expect(pack.tenure?.count.test('udah dua periode')).toBe(true);
    expect((await loadRulePack({ rulesDirs: [rulesFolderWith(GOOD)] })).tenure).toBeUndefined();
    const err = await loadError(tenure.replace('count: masa', 'count: stiker'));
    expect(err.message).toMatch(/tenure\.count: no regex matcher "stiker" in match/);
  });

  it('rejects an unknown explanation placeholder', async () => {
    const err = await loadError(GOOD.replace('{{candidate.name}}"', '{{candidate.nama}}"'));
    expect(err.message).toMatch(/explain\.id: unknown placeholder \{\{candidate\.nama\}\}/);
  });

  it('rejects a placeholder naming a matcher used only inside a near (its words are filed under the near)', async () => {
    const err = await loadError(GOOD.replace('Stiker {{matched.dekat}}', 'Stiker {{matched.stiker}}'));
    expect(err.message).toMatch(/explain\.id: \{\{matched\.stiker\}\} names a matcher the condition does not use directly/);
  });

  it('accepts a near of a near of span matchers, and rejects a deeper nesting', async () => {
    const nested = GOOD.replace('  dekat: { near: [stiker, paslon], within: 4 }', '  pasang: { terms: [pasang] }\n  pasang_stiker: { near: [pasang, stiker], within: 1, in_order: true }\n  dekat: { near: [pasang_stiker, paslon], within: 4 }').replace('stiker Prabowo', 'pasang stiker Prabowo');
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(nested)] });
    expect(pack.rules.map((r) => r.def.id)).toEqual(['t7-uji-stiker']);
    const deeper = nested.replace('  dekat: { near: [pasang_stiker, paslon], within: 4 }', '  dekat0: { near: [pasang_stiker, paslon], within: 4 }\n  dekat: { near: [dekat0, paslon], within: 4 }');
    const err = await loadError(deeper);
    expect(err.message).toMatch(/match\.dekat: near needs span matchers/);
  });

  it('keeps the parts of a same_sentence near in one sentence', async () => {
    const rule = GOOD.replace('  dekat: { near: [stiker, paslon], within: 4 }', '  dekat: { near: [stiker, paslon], within: 4, same_sentence: true }');
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(rule)] });
    const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-01T00:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });
    expect(evaluate(pack, post('stiker dari Prabowo')).length).toBe(1);
    // a sentence end between the parts: the sticker belongs to another statement
    expect(evaluate(pack, post('Prabowo datang. Stiker habis')).length).toBe(0);
  });

  it('reports YAML syntax errors with their position', async () => {
    const err = await loadError(GOOD.replace('prohibition: 7', 'prohibition: [7'));
    expect(err.message).toMatch(/rule\.yml:\d+:\d+: YAML syntax/);
  });
});
