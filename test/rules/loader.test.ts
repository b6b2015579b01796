// Rule files are a trust boundary: every mistake is reported with file:line and the field.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILTIN_RULES_DIR, loadRulePack } from '../../src/rules/pack.js';
import { RuleFileError } from '../../src/rules/yaml-file.js';

const GOOD = `schema: 1
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
match:
  stiker: { terms: [stiker] }
  paslon: { registry: names }
  dekat: { near: [stiker, paslon], within: 4 }
condition: dekat
explain: { id: "Stiker {{matched.stiker}} {{candidate.name}}", en: "Sticker {{matched.stiker}} {{candidate.name}}" }
tests:
  - { name: a, item: { text: "stiker Prabowo", time: 2024-01-01T00:00:00Z }, expect: match }
`;

/** A rules folder with the shipped registries and one rule file of our own. */
function packWith(rule: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-rules-'));
  cpSync(path.join(BUILTIN_RULES_DIR, 'registry'), path.join(dir, 'registry'), { recursive: true });
  mkdirSync(path.join(dir, 't7'));
  writeFileSync(path.join(dir, 't7', 'rule.yml'), rule);
  return dir;
}

async function loadError(rule: string): Promise<RuleFileError> {
  const err = await loadRulePack({ rulesDirs: [packWith(rule)] }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RuleFileError);
  return err as RuleFileError;
}

describe('loading rule files', () => {
  it('loads a valid rule and finds its match', async () => {
    const pack = await loadRulePack({ rulesDirs: [packWith(GOOD)] });
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

  it('rejects an unknown explanation placeholder', async () => {
    const err = await loadError(GOOD.replace('{{candidate.name}}"', '{{candidate.nama}}"'));
    expect(err.message).toMatch(/explain\.id: unknown placeholder \{\{candidate\.nama\}\}/);
  });

  it('reports YAML syntax errors with their position', async () => {
    const err = await loadError(GOOD.replace('prohibition: 7', 'prohibition: [7'));
    expect(err.message).toMatch(/rule\.yml:\d+:\d+: YAML syntax/);
  });
});
