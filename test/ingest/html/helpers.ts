// Parse a fixture page the way a fetched response is parsed, collecting warnings.
import { readFileSync } from 'node:fs';
import { parseHtmlPage } from '../../../src/ingest/html/adapters.js';
import type { ParsedItem } from '../../../src/ingest/types.js';
import { makeItem, type Item } from '../../../src/model/index.js';

export interface Parsed {
  parsed: ParsedItem[];
  items: Item[];
  warnings: string[];
}

export function parseFixture(name: string, pageUrl?: string): Parsed {
  const warnings: string[] = [];
  const parsed = [...parseHtmlPage(readFileSync(`fixtures/html/${name}`), pageUrl, { captureId: 'c'.repeat(64), path: name, warn: (m) => warnings.push(m) })];
  return { parsed, items: parsed.map((p) => makeItem(p.draft)), warnings };
}

export function rawOf(p: ParsedItem | undefined): Record<string, unknown> {
  return (p?.raw ?? {}) as Record<string, unknown>;
}
