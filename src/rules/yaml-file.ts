// YAML files validated with zod; every error names file:line:column and the field.
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';

// the YAML parser is loaded by the first file parsed: with the compiled rule pack cached, a scan parses none
const requireModule = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= requireModule('yaml') as typeof import('yaml'));

// the error class lives on its own so the CLI can recognise it without loading the YAML parser
export { RuleFileError } from './rule-file-error.js';
import { RuleFileError } from './rule-file-error.js';

export interface YamlLocator {
  /** line/column of the node at a path inside the document (nearest existing ancestor) */
  locate(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
  /** line/column of the key that ends `path` (an unknown key is found by its name, not its value); else as locate */
  locateKey?(path: ReadonlyArray<string | number>): { line: number; column: number } | undefined;
}

/** Parse and validate one YAML document. Throws RuleFileError pointing at the offending field. */
export function parseYamlFile<S extends z.ZodType>(file: string, text: string, schema: S): { data: z.infer<S>; locator: YamlLocator } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? lineCounter.linePos(first.pos[0]);
    throw new RuleFileError(file, pos?.line, pos?.col, `YAML syntax: ${first.message.split('\n')[0]}`);
  }
  const locator: YamlLocator = {
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (yaml().isNode(node) && node.range) {
          const p = lineCounter.linePos(node.range[0]);
          return { line: p.line, column: p.col };
        }
      }
      return undefined;
    },
    locateKey(path) {
      const parent = doc.getIn(path.slice(0, -1), true);
      if (yaml().isMap(parent)) {
        const item = parent.items.find((p) => yaml().isScalar(p.key) && p.key.value === path[path.length - 1]);
        const key = item?.key;
        if (yaml().isNode(key) && key.range) {
          const p = lineCounter.linePos(key.range[0]);
          return { line: p.line, column: p.col };
        }
      }
      return locator.locate(path);
    },
  };
  let js: unknown;
  try {
    // the yaml package refuses "billion laughs" alias bombs (maxAliasCount); say where the aliases are
    js = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const alias = firstAlias(doc, lineCounter);
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 160) ?? '';
    throw new RuleFileError(file, alias?.line, alias?.column, `${alias?.field || '(document)'}: YAML aliases: ${reason}`);
  }
  const result = schema.safeParse(js);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const at = locator.locate(path);
      const field = path.length ? path.join('.') : '(document)';
      return new RuleFileError(file, at?.line, at?.column, `${field}: ${issue.message}`);
    });
    const [first, ...more] = errors;
    throw new RuleFileError(file, first?.line, first?.column, first?.detail ?? 'invalid', more);
  }
  return { data: result.data, locator };
}

/** Aliases one rule file may expand; a rule needs a handful, an alias bomb needs billions. */
const MAX_ALIAS_COUNT = 100;

/** Where the first alias (*name) of a document is, and under which field. */
function firstAlias(doc: Document, lineCounter: LineCounter): { line: number; column: number; field: string } | undefined {
  let found: { line: number; column: number; field: string } | undefined;
  const { visit, isPair, isScalar } = yaml();
  visit(doc, {
    Alias(_key, node, path) {
      const at = node.range ? lineCounter.linePos(node.range[0]) : undefined;
      const field = path
        .filter(isPair)
        .map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '?'))
        .join('.');
      found = { line: at?.line ?? 1, column: at?.col ?? 1, field };
      return visit.BREAK;
    },
  });
  return found;
}
