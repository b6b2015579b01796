// The list options (evidence list, review, export's filters) are checked by hand so that listing
// findings loads no zod; the result and the one-line message must be what the zod schema they
// replace gives, in both languages (the schema is kept here as the reference).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseListOptions } from '../../src/cli/filter-options.js';
import { parseOptions } from '../../src/cli/shared.js';
import { NetralError } from '../../src/errors.js';
import { getLang, setLang } from '../../src/i18n/index.js';
import { installZodMessages } from '../../src/i18n/zod.js';

const csvList = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'YYYY-MM-DD');
const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
/** the zod schema these options had before (src/cli/evidence.ts + src/store/evidence.ts) */
const Reference = z.object({
  store: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
  agency: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  prohibition: z.string().regex(/^([1-8]|other)$/, '1–8 or other').optional(),
  severity: z.preprocess(csvList, z.array(z.enum(['info', 'low', 'medium', 'high'])).optional()),
  status: z.preprocess(csvList, z.array(z.enum(['open', 'confirmed', 'dismissed'])).optional()),
  from: isoDay.optional(),
  to: isoDay.optional(),
  limit: z.coerce.number().int().positive().optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  format: z.enum(FORMATS),
  output: z.string().min(1).optional(),
});

const before = getLang();
installZodMessages();
afterAll(() => setLang(before));

function outcome(f: () => unknown): string {
  try {
    return JSON.stringify(f());
  } catch (err) {
    return err instanceof NetralError ? `error: ${err.render()}` : `other error: ${String(err)}`;
  }
}

const VALUES: Record<string, string[]> = {
  store: ['x.db', '', ' '],
  subject: ['199001012015011001', ''],
  agency: ['Dinas', ''],
  region: ['3299', ''],
  prohibition: ['1', '8', '9', '0', 'other', 'Other', '', '12', ' 1'],
  severity: ['high', 'high,low', 'bad', 'high,bad', ',,', '', ' medium , info ', 'HIGH'],
  status: ['open', 'open,confirmed,dismissed', 'nope', '', 'open,'],
  from: ['2024-01-01', '2024-1-1', 'xx', '', '2024-01-01T10:00:00Z', '2024-01-01T10:00:00'],
  to: ['2024-12-31', '31-12-2024', ''],
  limit: ['50', 'abc', '0', '-3', '1.5', '-1.5', '', '1e400', 'Infinity', '-Infinity', '1e20', '-1e20', '0x10', ' 5 ', '1e-400', 'NaN', '9007199254740991', '9007199254740993'],
  minConfidence: ['0.5', '0', '1', '2', '-1', 'x', 'NaN', '', 'Infinity', '1e-9', '.5'],
  format: ['table', 'csv', 'xml'],
  output: ['out.csv', ''],
};

describe('list options checked by hand', () => {
  for (const lang of ['id', 'en'] as const) {
    it(`give zod's result and message for every single value (${lang})`, () => {
      setLang(lang);
      let errors = 0;
      for (const [key, values] of Object.entries(VALUES)) {
        for (const value of values) {
          const raw = { format: 'table', [key]: value };
          const expected = outcome(() => parseOptions(Reference, raw));
          expect(outcome(() => parseListOptions(raw, FORMATS)), `${key}=${JSON.stringify(value)}`).toBe(expected);
          if (expected.startsWith('error')) errors++;
        }
      }
      // the values above do reach the error paths
      expect(errors).toBeGreaterThan(40);
    });

    it(`report the same first bad option when several are given (${lang})`, () => {
      setLang(lang);
      const keys = Object.keys(VALUES);
      fc.assert(
        fc.property(fc.subarray(keys, { minLength: 1 }).chain((ks) => fc.tuple(...ks.map((k) => fc.constantFrom(...VALUES[k]!.map((v) => [k, v] as const))))), (pairs) => {
          const raw: Record<string, unknown> = { format: 'table', ...Object.fromEntries(pairs) };
          expect(outcome(() => parseListOptions(raw, FORMATS))).toBe(outcome(() => parseOptions(Reference, raw)));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('read any number text as zod does', () => {
    setLang('en');
    fc.assert(
      fc.property(fc.oneof(fc.double().map(String), fc.integer().map(String), fc.string({ maxLength: 6 })), (value) => {
        for (const key of ['limit', 'minConfidence']) {
          const raw = { format: 'json', [key]: value };
          expect(outcome(() => parseListOptions(raw, FORMATS)), `${key}=${JSON.stringify(value)}`).toBe(outcome(() => parseOptions(Reference, raw)));
        }
      }),
      { numRuns: 500 },
    );
  });
});
