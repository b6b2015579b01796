// Every versioned JSON shape netral writes, as zod schemas. `npm run schemas` writes them as JSON
// Schema files into schemas/ (z.toJSONSchema); a test checks the files are current and validates
// real command output against them.
import { z } from 'zod';
import { FindingList, FindingRecord, ScanReport } from './finding-json.js';
import { RULE_LIST_SCHEMA, RULE_SCHEMA, RULES_TEST_SCHEMA, SEARCH_HIT_SCHEMA, SEARCH_SCHEMA, SUBJECT_LIST_SCHEMA, SUBJECT_SCHEMA, VERIFY_SCHEMA } from './schema-tags.js';

export * from './schema-tags.js';

export const RuleRecord = z.object({
  schema: z.literal(RULE_SCHEMA),
  id: z.string(),
  version: z.number().int(),
  status: z.string(),
  prohibition: z.union([z.number().int(), z.literal('other')]),
  severity: z.enum(['info', 'low', 'medium', 'high']),
  title: z.string(),
  file: z.string(),
});
export const RuleList = z.object({ schema: z.literal(RULE_LIST_SCHEMA), rules: z.array(RuleRecord), count: z.number().int() });

export const SearchHit = z.object({
  schema: z.literal(SEARCH_HIT_SCHEMA),
  itemId: z.string(),
  platform: z.string(),
  kind: z.string(),
  time: z.string().nullable(),
  actor: z.string().nullable(),
  text: z.string().nullable(),
  /** [start, end) UTF-16 ranges of the matched words in `text` */
  matches: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  findings: z.number().int(),
});
export const SearchReport = z.object({ schema: z.literal(SEARCH_SCHEMA), query: z.string(), hits: z.array(SearchHit) });

export const SubjectRecord = z.object({
  schema: z.literal(SUBJECT_SCHEMA),
  id: z.string(),
  name: z.string(),
  nip: z.string().nullable(),
  agency: z.string().nullable(),
  position: z.string().nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  accounts: z.array(z.object({ platform: z.string(), handle: z.string() })),
  findings: z.number().int(),
});
export const SubjectList = z.object({ schema: z.literal(SUBJECT_LIST_SCHEMA), store: z.string(), subjects: z.array(SubjectRecord), count: z.number().int() });

export const VerifyReportJson = z.object({
  schema: z.literal(VERIFY_SCHEMA),
  target: z.string(),
  kind: z.enum(['store', 'bundle']),
  ok: z.boolean(),
  checks: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['ok', 'fail', 'skipped']),
      checked: z.number().int(),
      problems: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), message: z.string() })),
    }),
  ),
});

export const RulesTestReport = z.object({
  schema: z.literal(RULES_TEST_SCHEMA),
  passed: z.number().int(),
  failed: z.number().int(),
  todo: z.number().int(),
  /** rule files that could not be loaded: every one, not only the first */
  errors: z.array(z.object({ file: z.string(), line: z.number().int().nullable(), column: z.number().int().nullable(), message: z.string() })),
  rules: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      prohibition: z.union([z.number().int(), z.literal('other')]),
      file: z.string(),
      tp: z.number().int(),
      tn: z.number().int(),
      fp: z.number().int(),
      fn: z.number().int(),
      todo: z.number().int(),
      traps: z.array(z.string()),
      problems: z.array(z.string()),
      failures: z.array(z.object({ name: z.string(), problem: z.string().nullable(), line: z.number().int().nullable() })),
    }),
  ),
});

/** schema tag → zod schema; the file name is the tag with "/" and "." made file-safe. */
export const BATCH_SCHEMA = 'netral.batch/1';
const ProhibitionCounts = z.record(z.string(), z.number().int());
/** `scan --subjects|--manifest --format json`: what each subject's inputs gave. */
export const BatchReport = z.object({
  schema: z.literal(BATCH_SCHEMA),
  subjects: z.array(
    z.object({
      subjectId: z.string(),
      subject: z.string(),
      inputs: z.number().int(),
      scanned: z.number().int(),
      skipped: z.number().int(),
      errors: z.number().int(),
      items: z.number().int(),
      /** findings filed under this subject, by prohibition */
      findings: ProhibitionCounts,
      /** findings in this subject's inputs whose author is someone else */
      otherFindings: z.number().int(),
    }),
  ),
  inputs: z.array(
    z.object({
      subjectId: z.string(),
      subject: z.string(),
      input: z.string(),
      status: z.enum(['scanned', 'skipped', 'failed']),
      /** one line: what went wrong with this input */
      error: z.string().optional(),
      items: z.number().int(),
      findings: ProhibitionCounts,
      otherFindings: z.number().int(),
    }),
  ),
  /** some inputs failed, the others were scanned (exit 4) */
  partial: z.boolean(),
});

export const VERSIONED_SHAPES: ReadonlyArray<{ tag: string; schema: z.ZodType }> = [
  { tag: 'netral.finding/2', schema: FindingRecord },
  { tag: 'netral.scan/2', schema: ScanReport },
  { tag: 'netral.finding-list/1', schema: FindingList },
  { tag: SEARCH_SCHEMA, schema: SearchReport },
  { tag: SEARCH_HIT_SCHEMA, schema: SearchHit },
  { tag: SUBJECT_SCHEMA, schema: SubjectRecord },
  { tag: SUBJECT_LIST_SCHEMA, schema: SubjectList },
  { tag: VERIFY_SCHEMA, schema: VerifyReportJson },
  { tag: RULES_TEST_SCHEMA, schema: RulesTestReport },
  { tag: RULE_SCHEMA, schema: RuleRecord },
  { tag: RULE_LIST_SCHEMA, schema: RuleList },
  { tag: BATCH_SCHEMA, schema: BatchReport },
];

export function schemaFileName(tag: string): string {
  return `${tag.replace('/', '-v')}.schema.json`;
}

/** The JSON Schema (draft 2020-12) of one shape, as written to schemas/. */
export function jsonSchemaOf(tag: string, schema: z.ZodType): Record<string, unknown> {
  return { title: tag, ...z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) };
}
