// The fixture runner holds rules to their own promises: minimum fixtures, declared traps, exceptions exercised.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILTIN_RULES_DIR, loadRulePack } from '../../src/rules/pack.js';
import { runRuleTests } from '../../src/rules/fixtures.js';

const RULE = (extra: string, tests: string) => `schema: 1
id: t7-uji-stiker
version: 1
status: test
title: { id: Uji, en: Test }
description: { id: Uji aturan, en: Test rule }
prohibition: 7
legal_basis: { bakal_calon: [A], calon: [B] }
severity: low
confidence: 0.5
applies_to: { kinds: [post] }
${extra}
match:
  stiker: { terms: [stiker] }
  paslon: { registry: names }
  dekat: { near: [stiker, paslon], within: 4 }
condition: dekat
explain: { id: "Stiker {{candidate.name}}", en: "Sticker {{candidate.name}}" }
tests:
${tests}`;

const T = (name: string, text: string, expect: string, trap = '') =>
  `  - { name: ${name}, item: { text: "${text}", time: 2024-01-10T00:00:00Z }, expect: ${expect}${trap ? `, trap: ${trap}` : ''} }\n`;
const THREE_EACH =
  T('a', 'stiker Prabowo', 'match') + T('b', 'stiker Ganjar di mobil', 'match') + T('c', 'pasang stiker Anies', 'match') +
  T('d', 'stiker Doraemon', 'no_match') + T('e', 'Prabowo pidato', 'no_match') + T('f', 'ASN dilarang pasang stiker Prabowo, jaga netralitas ASN', 'no_match', 'socialisation');

async function report(rule: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-fixtures-'));
  cpSync(path.join(BUILTIN_RULES_DIR, 'registry'), path.join(dir, 'registry'), { recursive: true });
  cpSync(path.join(BUILTIN_RULES_DIR, 'exceptions'), path.join(dir, 'exceptions'), { recursive: true });
  cpSync(path.join(BUILTIN_RULES_DIR, 'lexicons'), path.join(dir, 'lexicons'), { recursive: true });
  mkdirSync(path.join(dir, 't7'));
  writeFileSync(path.join(dir, 't7', 'rule.yml'), rule);
  const summary = runRuleTests(await loadRulePack({ rulesDirs: [dir] }));
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
