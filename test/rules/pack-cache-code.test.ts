// The pack cache is keyed by the code that compiles a pack (src/rules/pack-cache.ts): a module the
// compiler imports from a folder the key does not hash would let an edit there (the everyday-word
// dictionary, say) reach no cached pack until the cache was cleared by hand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { COMPILER_SOURCE_DIRS } from '../../src/rules/pack-cache.js';

const RULES_DIR = fileURLToPath(new URL('../../src/rules/', import.meta.url));
const SRC = path.resolve(RULES_DIR, '..');
/**
 * Modules whose code cannot change a compiled pack: type declarations, the version (in the key
 * itself), and the message catalogue (only in errors, and a pack with an error is never cached).
 */
const NOT_CODE = [/^model\//, /^store\/types\.ts$/, /^version\.ts$/, /^i18n\//];

/** Every module of ours that `from` imports, statically or with import(), transitively. */
function importClosure(from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      stack.push(path.resolve(path.dirname(file), (m[1] as string).replace(/\.js$/, '.ts')));
    }
  }
  return seen;
}

it('hashes every folder whose modules the pack compiler imports', () => {
  const hashed = COMPILER_SOURCE_DIRS.map((d) => path.resolve(RULES_DIR, d));
  const closure = [...importClosure(path.join(RULES_DIR, 'pack.ts'))].map((f) => path.relative(SRC, f).split(path.sep).join('/'));
  // the compiler reaches the registry's dictionary: the case the key missed before
  expect(closure).toContain('registry/dictionary.ts');
  const outside = closure.filter((f) => !NOT_CODE.some((re) => re.test(f)) && !hashed.includes(path.dirname(path.join(SRC, f))));
  expect(outside).toEqual([]);
});
