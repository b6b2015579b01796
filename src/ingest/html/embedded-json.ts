// JSON that sites embed in their pages: `var ytInitialData = {…};` inside a script, or a whole
// `<script type="application/json">` element. Read with a string-aware brace scanner, never eval.
import type { CheerioAPI } from 'cheerio';

/** The object assigned to `name` in an inline script (`var name = {…}` / `window["name"] = {…}`). */
export function assignedJson(html: string, name: string): unknown {
  const pattern = new RegExp(`(?:window\\s*\\[\\s*["']${name}["']\\s*\\]|\\b${name})\\s*=\\s*\\{`, 'g');
  for (const match of html.matchAll(pattern)) {
    const start = (match.index ?? 0) + match[0].length - 1;
    const text = balancedObject(html, start);
    if (text) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // not JSON (a JS object literal elsewhere with the same name): try the next assignment
      }
    }
  }
  return undefined;
}

/** The JSON of `<script id="…">`, or undefined when absent or not JSON. */
export function scriptJson($: CheerioAPI, id: string): unknown {
  const text = $(`script[id="${id}"]`).first().text();
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** From `{` at `start`, the text up to its matching `}` (strings and escapes respected). */
function balancedObject(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** Every object under `root` that has a member `key`, with its JSON pointer segments (depth-first, document order). */
export function* findKeyed(root: unknown, key: string, path: Array<string | number> = []): Generator<{ value: unknown; path: Array<string | number> }> {
  if (Array.isArray(root)) {
    for (let i = 0; i < root.length; i++) yield* findKeyed(root[i], key, [...path, i]);
  } else if (root !== null && typeof root === 'object') {
    for (const [k, v] of Object.entries(root)) {
      if (k === key) yield { value: v, path: [...path, k] };
      else yield* findKeyed(v, key, [...path, k]);
    }
  }
}
