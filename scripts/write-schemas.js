#!/usr/bin/env node
// Regenerate schemas/*.schema.json from the zod schemas (src/report/schemas.ts) after `npm run build`.
// `npm run schemas` does both; test/report/schemas.test.ts fails when the files are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaOf, schemaFileName, VERSIONED_SHAPES } from '../dist/report/schemas.js';

const dir = fileURLToPath(new URL('../schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const { tag, schema } of VERSIONED_SHAPES) {
  writeFileSync(`${dir}${schemaFileName(tag)}`, `${JSON.stringify(jsonSchemaOf(tag, schema), null, 2)}\n`);
  process.stdout.write(`schemas/${schemaFileName(tag)}\n`);
}
