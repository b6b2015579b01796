import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EMOJI_NAMES, normalise } from '../../src/text/normalise.js';

const RULES = fileURLToPath(new URL('../../rules', import.meta.url));
/** prose and fixtures: an emoji there is an example, not something a rule reads */
const PROSE_KEYS = new Set(['tests', 'title', 'description', 'explain', 'falsepositives', 'references', 'reason', 'source', 'licence', 'legal_basis', 'notes']);
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(f) ? [p] : [];
  });
}

/** every emoji in a rule's, exception's, lexicon's or registry's matching parts, with a file that uses it */
function emojiRead(node: unknown, file: string, out: Map<string, string>): void {
  if (typeof node === 'string') {
    // below U+2000 sit ©, ®, ‼ and the like, which no exporter writes by name
    for (const m of node.matchAll(PICTOGRAPH)) if ((m[0].codePointAt(0) ?? 0) >= 0x2000 && !out.has(m[0])) out.set(m[0], file);
  } else if (Array.isArray(node)) {
    for (const v of node) emojiRead(v, file, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) if (!PROSE_KEYS.has(k)) emojiRead(v, file, out);
  }
}

describe('emoji written by name', () => {
  const used = new Map<string, string>();
  for (const f of yamlFiles(RULES)) emojiRead(parse(readFileSync(f, 'utf8')), relative(RULES, f), used);
  // the stance models' n-grams are read on normalised text too
  for (const f of readdirSync(join(RULES, 'models')).filter((n) => n.endsWith('.json'))) {
    const model = JSON.parse(readFileSync(join(RULES, 'models', f), 'utf8')) as { weights?: Record<string, number> };
    emojiRead(Object.keys(model.weights ?? {}), `models/${f}`, used);
  }
  const named = new Set(Object.values(EMOJI_NAMES));

  it('finds the emoji the rules read (the walk is not empty)', () => {
    expect(used.has('✌')).toBe(true);
    expect(used.has('😂')).toBe(true);
  });

  it('every emoji a rule, exception, lexicon, registry entry or stance model reads has a name entry', () => {
    const missing = [...used].filter(([e]) => !named.has(e)).map(([e, f]) => `${e} U+${(e.codePointAt(0) ?? 0).toString(16)} (${f})`);
    expect(missing).toEqual([]);
  });

  it('a tweet that spells such an emoji by name reads as the emoji', () => {
    expect(normalise('mantap <Upside-Down Face>').text).toBe(normalise('mantap 🙃').text);
    expect(normalise('kalah lagi :skull:').text).toBe(normalise('kalah lagi 💀').text);
  });
});
