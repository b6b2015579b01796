// A small rule file and a throw-away rules folder, shared by the loader and fixture-runner tests.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILTIN_RULES_DIR } from '../../src/rules/pack.js';

/**
 * A sticker rule; `extra` adds top-level keys, `tests` replaces the fixture list (YAML lines), `cue`
 * replaces the `stiker` matcher's definition (a YAML flow map).
 */
export function stickerRule(options: { extra?: string; tests?: string; cue?: string } = {}): string {
  return `schema: 1
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
${options.extra ?? ''}
match:
  stiker: ${options.cue ?? '{ terms: [stiker] }'}
  paslon: { registry: names }
  dekat: { near: [stiker, paslon], within: 4 }
condition: dekat
explain: { id: "Stiker {{matched.dekat}} {{candidate.name}}", en: "Sticker {{matched.dekat}} {{candidate.name}}" }
tests:
${options.tests ?? '  - { name: a, item: { text: "stiker Prabowo", time: 2024-01-01T00:00:00Z }, expect: match }\n'}`;
}

/** A rules folder with the shipped registries, exceptions and lexicons plus one rule file. */
export function rulesFolderWith(rule: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'netral-rules-'));
  for (const shared of ['registry', 'exceptions', 'lexicons']) {
    cpSync(path.join(BUILTIN_RULES_DIR, shared), path.join(dir, shared), { recursive: true });
  }
  mkdirSync(path.join(dir, 't7'));
  writeFileSync(path.join(dir, 't7', 'rule.yml'), rule);
  return dir;
}
