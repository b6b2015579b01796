// The filter options of `evidence list`, `review` and `export`, checked by hand: listing findings
// must not pay zod's start-up (a third of `review list --limit 50`). The messages are the ones zod
// gives for the same checks (src/i18n/zod.ts in Indonesian), one line with exit 2 like every other
// option error; test/cli/filter-options.test.ts compares the two on many values.
import { NetralError } from '../errors.js';
import { getLang } from '../i18n/index.js';
import { cliMessages as m } from '../i18n/cli.js';
import { REVIEW_STATUSES, type ReviewStatus, SEVERITIES, type Severity } from '../model/finding-types.js';
import { ISO_DAY } from '../store/evidence.js';

export interface FilterOptions {
  store?: string;
  subject?: string;
  agency?: string;
  region?: string;
  /** 1–8 or other */
  prohibition?: string;
  severity?: Severity[];
  status?: ReviewStatus[];
  from?: string;
  to?: string;
  limit?: number;
  minConfidence?: number;
}

/** A bad option: the option's name and zod's message for the same check, in both languages. */
function bad(key: string, id: string, en: string = id): never {
  throw new NetralError(m.badOption, { option: `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, detail: getLang() === 'id' ? id : en });
}

/** zod's name of a value's type ("received …") */
function received(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  return typeof v;
}

function text(key: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') bad(key, 'harus teks', `Invalid input: expected string, received ${received(v)}`);
  if (v.length < 1) bad(key, 'tidak boleh kosong', 'Too small: expected string to have >=1 characters');
  return v;
}

/** A string matching `re` (the message is the check's own, in both languages). */
function pattern(key: string, v: unknown, re: RegExp, message: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') bad(key, 'harus teks', `Invalid input: expected string, received ${received(v)}`);
  if (!re.test(v)) bad(key, message);
  return v;
}

/** One of `values` (zod's enum message). */
function oneOf<T extends string>(key: string, v: unknown, values: readonly T[]): T {
  if ((values as readonly unknown[]).includes(v)) return v as T;
  const quoted = values.map((x) => JSON.stringify(x));
  return bad(key, values.length === 1 ? `harus ${quoted.join(' | ')}` : `harus salah satu dari ${quoted.join(' | ')}`, `Invalid option: expected one of ${quoted.join('|')}`);
}

/** A comma-separated list (the CLI's form), each entry one of `values`. */
function list<T extends string>(key: string, v: unknown, values: readonly T[]): T[] | undefined {
  const entries = typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v;
  if (entries === undefined) return undefined;
  if (!Array.isArray(entries)) return bad(key, 'harus daftar', `Invalid input: expected array, received ${received(entries)}`);
  return entries.map((x: unknown) => oneOf(key, x, values));
}

/** A number from the option's text, as z.coerce.number() reads it. */
function number(key: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) bad(key, 'harus angka', `Invalid input: expected number, received ${received(n)}`);
  return n;
}

/** z.coerce.number().int().positive() */
function positiveInt(key: string, v: unknown): number | undefined {
  const n = number(key, v);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n)) bad(key, 'harus bilangan bulat', 'Invalid input: expected int, received number');
  if (n > Number.MAX_SAFE_INTEGER) bad(key, `maksimal ${Number.MAX_SAFE_INTEGER}`, `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
  if (n < Number.MIN_SAFE_INTEGER) bad(key, `minimal ${Number.MIN_SAFE_INTEGER}`, `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
  if (n <= 0) bad(key, 'harus lebih dari 0', 'Too small: expected number to be >0');
  return n;
}

/** z.coerce.number().min(0).max(1) */
function fraction(key: string, v: unknown): number | undefined {
  const n = number(key, v);
  if (n === undefined) return undefined;
  if (n < 0) bad(key, 'minimal 0', 'Too small: expected number to be >=0');
  if (n > 1) bad(key, 'maksimal 1', 'Too big: expected number to be <=1');
  return n;
}

/** Only the keys that have a value, in the options' order (the first bad one is reported). */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}

/** The filter options from commander's raw values; a bad one is a usage error (exit 2) naming the option. */
export function parseFilterOptions(raw: Record<string, unknown>): FilterOptions {
  return defined({
    store: text('store', raw.store),
    subject: text('subject', raw.subject),
    agency: text('agency', raw.agency),
    region: text('region', raw.region),
    prohibition: pattern('prohibition', raw.prohibition, /^([1-8]|other)$/, '1–8 or other'),
    severity: list('severity', raw.severity, SEVERITIES),
    status: list('status', raw.status, REVIEW_STATUSES),
    from: pattern('from', raw.from, ISO_DAY, 'YYYY-MM-DD'),
    to: pattern('to', raw.to, ISO_DAY, 'YYYY-MM-DD'),
    limit: positiveInt('limit', raw.limit),
    minConfidence: fraction('minConfidence', raw.minConfidence),
  });
}

/** The filter options and --format/--output of a finding list (evidence list, review list). */
export function parseListOptions<F extends string>(raw: Record<string, unknown>, formats: readonly F[]): FilterOptions & { format: F; output?: string } {
  const filter = parseFilterOptions(raw);
  const format = oneOf('format', raw.format, formats);
  const output = text('output', raw.output);
  return output === undefined ? { ...filter, format } : { ...filter, format, output };
}
