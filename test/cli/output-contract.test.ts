// The output contract through the real binary: every --format json output validates against its
// JSON Schema in schemas/, SARIF validates against the official SARIF 2.1.0 schema, and the
// schema files are what the zod schemas generate today.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { jsonSchemaOf, schemaFileName, VERSIONED_SHAPES } from '../../src/report/schemas.js';
import { REPO, runCli } from './run-cli.js';

const require = createRequire(import.meta.url);
type AjvLike = { compile(schema: unknown): ValidateFunction; errorsText(errors?: unknown): string };
const Ajv2020 = require('ajv/dist/2020.js') as new (o: object) => AjvLike;
const AjvDraft4 = require('ajv-draft-04') as new (o: object) => AjvLike;
const addFormats = require('ajv-formats') as (ajv: AjvLike) => void;

const SCHEMAS = path.join(REPO, 'schemas');
const ajv = new Ajv2020({ strict: false, allErrors: true });
const sarifAjv = new AjvDraft4({ strict: false, allErrors: true });
addFormats(sarifAjv);
const validateSarif = sarifAjv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, 'vendor', 'sarif-schema-2.1.0.json'), 'utf8')));
const validators = new Map<string, ValidateFunction>();

function validatorFor(tag: string): ValidateFunction {
  let v = validators.get(tag);
  if (!v) {
    v = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, schemaFileName(tag)), 'utf8')));
    validators.set(tag, v);
  }
  return v;
}

/** Validate a record against the schema its own tag names. */
function expectValid(record: unknown): void {
  const tag = (record as { schema?: unknown }).schema;
  expect(typeof tag, JSON.stringify(record).slice(0, 200)).toBe('string');
  const v = validatorFor(tag as string);
  expect(v(record), `${String(tag)}: ${ajv.errorsText(v.errors)}`).toBe(true);
}

function expectValidSarif(text: string): { runs: Array<{ results: Array<{ ruleId: string; partialFingerprints?: Record<string, string> }> }> } {
  const doc = JSON.parse(text) as ReturnType<typeof expectValidSarif>;
  expect(validateSarif(doc), sarifAjv.errorsText(validateSarif.errors)).toBe(true);
  return doc;
}

let dir: string;
let store: string;
let scanJson: { schema: string; findings: Array<{ id: string }> };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'netral-contract-'));
  store = path.join(dir, 'netral.db');
  const r = runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  scanJson = JSON.parse(r.stdout) as typeof scanJson;
}, 120_000);

describe('the output contract', { timeout: 120_000 }, () => {
  it('the schema files are what the zod schemas generate (npm run schemas)', () => {
    for (const { tag, schema } of VERSIONED_SHAPES) {
      const file = JSON.parse(readFileSync(path.join(SCHEMAS, schemaFileName(tag)), 'utf8')) as unknown;
      expect(file, `${schemaFileName(tag)} is stale: run npm run schemas`).toEqual(JSON.parse(JSON.stringify(jsonSchemaOf(tag, schema))));
    }
  });

  it('scan --format json and jsonl validate, every finding tagged netral.finding/2', () => {
    expect(scanJson.schema).toBe('netral.scan/2');
    expect(scanJson.findings.length).toBeGreaterThan(10);
    expectValid(scanJson);
    for (const f of scanJson.findings) expectValid(f);
    const jsonl = runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'jsonl']);
    const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; new: boolean });
    expect(lines.map((l) => l.id).sort()).toEqual(scanJson.findings.map((f) => f.id).sort());
    for (const l of lines) expectValid(l);
    expect(lines.every((l) => l.new === false)).toBe(true);
  });

  it('scan --format sarif validates against the SARIF 2.1.0 schema', () => {
    const out = path.join(dir, 'scan.sarif');
    const r = runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'sarif', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const doc = expectValidSarif(readFileSync(out, 'utf8'));
    expect(doc.runs[0]!.results.map((x) => x.partialFingerprints?.['netralFinding/v1']).sort()).toEqual(scanJson.findings.map((f) => f.id).sort());
  });

  it('rules test --format sarif validates', () => {
    expectValidSarif(runCli(['rules', 'test', '--rule', 't7', '--format', 'sarif']).stdout);
  });

  it('evidence list, show, search, review, subjects, rules and verify --format json validate', () => {
    const list = JSON.parse(runCli(['evidence', 'list', '--store', store, '--format', 'json']).stdout) as { findings: Array<{ id: string; confidence: unknown }> };
    expectValid(list);
    expect(list.findings.map((f) => f.id).sort()).toEqual(scanJson.findings.map((f) => f.id).sort());
    expect(typeof list.findings[0]!.confidence).toBe('number');
    for (const line of runCli(['evidence', 'list', '--store', store, '--format', 'jsonl']).stdout.trim().split('\n')) expectValid(JSON.parse(line));
    const show = JSON.parse(runCli(['evidence', 'show', scanJson.findings[0]!.id.slice(0, 10), '--store', store, '--format', 'json']).stdout) as { id: string; evidence: unknown };
    expectValid(show);
    expect(show.id).toBe(scanJson.findings[0]!.id);
    expect(show.evidence).toBeDefined();
    expectValid(JSON.parse(runCli(['review', '--store', store, '--format', 'json']).stdout));
    expectValid(JSON.parse(runCli(['evidence', 'search', 'jokowi', '--store', store, '--format', 'json']).stdout));
    expectValid(JSON.parse(runCli(['subjects', 'list', '--store', store, '--format', 'json']).stdout));
    expectValid(JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout));
    expectValid(JSON.parse(runCli(['rules', 'test', '--rule', 't7', '--format', 'json']).stdout));
    expectValid(JSON.parse(runCli(['verify', '--store', store, '--format', 'json']).stdout));
    // the deprecated flag still works, and says it is deprecated
    const old = runCli(['evidence', 'show', scanJson.findings[0]!.id.slice(0, 10), '--store', store, '--json', '--lang', 'en']);
    expectValid(JSON.parse(old.stdout));
    expect(old.stderr).toContain('--json is deprecated; use --format json');
  });

  it("the export's findings.jsonl holds the same records as scan", () => {
    const out = path.join(dir, 'bundle');
    expect(runCli(['export', '--out', out, '--store', store]).code).toBe(0);
    const lines = readFileSync(path.join(out, 'findings.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string });
    for (const l of lines) expectValid(l);
    expect(lines.map((l) => l.id).sort()).toEqual(scanJson.findings.map((f) => f.id).sort());
    expect(runCli(['verify', out]).code).toBe(0);
  });

  it('csv from scan and evidence list share one header', () => {
    const header = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n')[0];
    const scanCsv = runCli(['scan', 'fixtures/demo', '--region', '3299', '--store', store, '--format', 'csv']).stdout;
    const listCsv = runCli(['evidence', 'list', '--store', store, '--format', 'csv']).stdout;
    expect(header(scanCsv)).toBe(header(listCsv));
    expect(header(scanCsv)).toMatch(/^id,status,rule_id,/);
  });

  it('lists every versioned shape it knows', () => {
    const files = readdirSync(SCHEMAS).filter((f) => f.endsWith('.schema.json')).sort();
    expect(files).toEqual(VERSIONED_SHAPES.map((s) => schemaFileName(s.tag)).sort());
  });
});
