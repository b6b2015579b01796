// The fixture runner holds rules to their own promises: minimum fixtures, declared traps, exceptions exercised.
import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../../src/rules/pack.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';
import { runRuleTests } from '../../src/rules/fixtures.js';

const RULE = (extra: string, tests: string) => stickerRule({ extra, tests });

const T = (name: string, text: string, expect: string, trap = '') =>
  `  - { name: ${name}, item: { text: "${text}", time: 2024-01-10T00:00:00Z }, expect: ${expect}${trap ? `, trap: ${trap}` : ''} }\n`;
const THREE_EACH =
  T('a', 'stiker Prabowo', 'match') + T('b', 'stiker Ganjar di mobil', 'match') + T('c', 'pasang stiker Anies', 'match') +
  T('d', 'stiker Doraemon', 'no_match') + T('e', 'Prabowo pidato', 'no_match') + T('f', 'ASN dilarang pasang stiker Prabowo, jaga netralitas ASN', 'no_match', 'socialisation');

async function report(rule: string) {
  const summary = runRuleTests(await loadRulePack({ rulesDirs: [rulesFolderWith(rule)] }));
  return { summary, rule: summary.reports[0] };
}

describe('rules test', () => {
  it('passes a rule with three fixtures each way and its declared trap covered', async () => {
    const { summary, rule } = await report(RULE('traps: [socialisation]', THREE_EACH));
    expect(rule?.problems).toEqual([]);
    expect(summary.failed).toBe(0);
    expect(rule?.traps).toEqual(['socialisation']);
  });

  it('fails a declared trap that no fixture exercises', async () => {
    const { summary, rule } = await report(RULE('traps: [socialisation, amin]', THREE_EACH));
    expect(rule?.problems.join(' ')).toContain('trap "amin"');
    expect(summary.failed).toBeGreaterThan(0);
  });

  it('fails a rule with too few fixtures', async () => {
    const { rule } = await report(RULE('', T('a', 'stiker Prabowo', 'match') + T('d', 'stiker Doraemon', 'no_match')));
    expect(rule?.problems.join(' ')).toMatch(/at least 3 fixtures that must match/);
  });

  it('counts a wrong expectation as a failure with the finding it got', async () => {
    const { rule } = await report(RULE('', THREE_EACH.replace("'stiker Doraemon'", "'x'").replace('stiker Doraemon", time: 2024-01-10T00:00:00Z }, expect: no_match', 'stiker Doraemon", time: 2024-01-10T00:00:00Z }, expect: match')));
    expect(rule?.fn).toBe(1);
  });
});
