// `netral scan --subjects|--manifest`: every subject's inputs in one command. Each input is its
// own store run (transaction), so a corrupt file costs only itself; an input already scanned for
// the same subject with the same bytes and rule pack is skipped unless `rescan`.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { storeMessages as sm } from '../i18n/store.js';
import { batchMessages as m } from '../i18n/batch.js';
import type { IngestOptions } from '../ingest/types.js';
import type { RulePack } from '../rules/pack.js';
import type { Store } from '../store/store.js';
import { accountOf, importSubjectRows, ManifestRow, readManifestCsv, subjectId, SubjectCsvRow, subjectRegion } from '../store/subjects.js';
import { isUrlInput, runScan, type ScanResult } from './scan.js';

/** One subject and the inputs to scan as theirs. */
export interface BatchEntry {
  subjectId: string;
  name: string;
  /** absolute paths (relative ones are resolved against the manifest's folder), or URLs */
  inputs: string[];
}

export interface BatchRequest {
  entries: BatchEntry[];
  pack: RulePack;
  store: Store;
  ingest: IngestOptions;
  actor: string;
  command: string;
  /** scan again inputs already scanned with the same bytes and rule pack */
  rescan: boolean;
  /** store every file behind a finding whole (see ScanRequest.keepOriginals) */
  keepOriginals?: boolean;
  /** threads evaluating each input's items (see ScanRequest.jobs); workers start only for an input large enough */
  jobs?: number;
  minConfidence?: number;
  /** called after each input (progress and error lines) */
  onInput?: (outcome: InputOutcome) => void;
  /** called with each input's scan result (the CLI's --verbose counts what worker threads evaluated) */
  onScanned?: (result: ScanResult) => void;
}

export interface InputOutcome {
  subjectId: string;
  subject: string;
  input: string;
  status: 'scanned' | 'skipped' | 'failed';
  /** one line, already translated: what went wrong with this input */
  error?: string;
  items: number;
  /** findings filed under this subject, by prohibition */
  findings: Partial<Record<string, number>>;
  /** findings in this input whose author is someone else (context, or another subject's) */
  otherFindings: number;
}

export interface SubjectBatchSummary {
  subjectId: string;
  subject: string;
  inputs: number;
  scanned: number;
  skipped: number;
  errors: number;
  items: number;
  findings: Partial<Record<string, number>>;
  otherFindings: number;
}

export interface BatchResult {
  subjects: SubjectBatchSummary[];
  inputs: InputOutcome[];
  /** some inputs failed, the others were scanned */
  partial: boolean;
}

export async function runBatch(req: BatchRequest): Promise<BatchResult> {
  const outcomes: InputOutcome[] = [];
  const skip = req.store.db.prepare('SELECT 1 FROM input_scans WHERE input_sha256 = ? AND rulepack_sha256 = ? AND subject_id = ?').pluck();
  const record = req.store.db.prepare('INSERT INTO input_scans (input_sha256, rulepack_sha256, subject_id, input, run_id, scanned_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  for (const entry of req.entries) {
    const region = subjectRegion(req.store, entry.subjectId)?.code;
    for (const input of entry.inputs) {
      const outcome: InputOutcome = { subjectId: entry.subjectId, subject: entry.name, input, status: 'scanned', items: 0, findings: {}, otherFindings: 0 };
      try {
        // a URL has no bytes to compare before fetching: it is always scanned
        const digest = isUrlInput(input) ? undefined : await inputDigest(input);
        if (digest && !req.rescan && skip.get(digest, req.pack.sha256, entry.subjectId)) {
          outcome.status = 'skipped';
        } else {
          // counted as they are stored: an input with many findings does not hold them
          const result = await runScan({
            inputs: [input],
            pack: req.pack,
            store: req.store,
            ingest: req.ingest,
            actor: req.actor,
            command: req.command,
            subjectId: entry.subjectId,
            ...(req.keepOriginals ? { keepOriginals: true } : {}),
            ...(req.jobs ? { jobs: req.jobs } : {}),
            ...(region ? { region } : {}),
            ...(req.minConfidence !== undefined ? { minConfidence: req.minConfidence } : {}),
            onFinding: (f) => {
              if (f.subjects.some((s) => s.id === entry.subjectId)) {
                const key = String(f.finding.prohibition);
                outcome.findings[key] = (outcome.findings[key] ?? 0) + 1;
              } else outcome.otherFindings++;
            },
          });
          outcome.items = result.stats.items;
          req.onScanned?.(result);
          if (digest) req.store.write(() => record.run(digest, req.pack.sha256, entry.subjectId, input, result.runId, new Date().toISOString()));
        }
      } catch (err) {
        if (!(err instanceof NetralError)) throw err;
        outcome.status = 'failed';
        outcome.error = err.render();
      }
      outcomes.push(outcome);
      req.onInput?.(outcome);
    }
  }
  return { subjects: summarise(req.entries, outcomes), inputs: outcomes, partial: outcomes.some((o) => o.status === 'failed') };
}

function summarise(entries: BatchEntry[], outcomes: InputOutcome[]): SubjectBatchSummary[] {
  const bySubject = new Map<string, SubjectBatchSummary>();
  for (const e of entries) {
    if (!bySubject.has(e.subjectId)) bySubject.set(e.subjectId, { subjectId: e.subjectId, subject: e.name, inputs: 0, scanned: 0, skipped: 0, errors: 0, items: 0, findings: {}, otherFindings: 0 });
  }
  for (const o of outcomes) {
    const s = bySubject.get(o.subjectId)!;
    s.inputs++;
    if (o.status === 'scanned') s.scanned++;
    else if (o.status === 'skipped') s.skipped++;
    else s.errors++;
    s.items += o.items;
    s.otherFindings += o.otherFindings;
    for (const [p, n] of Object.entries(o.findings)) s.findings[p] = (s.findings[p] ?? 0) + (n ?? 0);
  }
  return [...bySubject.values()];
}

/**
 * SHA-256 of an input's bytes: the file itself, or for a folder the sorted list of
 * `<sha256>  <relative path>` lines of its files (what `sha256sum` would print), hashed again.
 */
export async function inputDigest(path: string): Promise<string> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new NetralError(sm.fileUnreadable, { file: path });
  }
  if (!st.isDirectory()) return hashFile(path);
  const lines: string[] = [];
  for (const file of listFiles(path)) lines.push(`${await hashFile(file)}  ${relative(path, file).split(sep).join('/')}\n`);
  return createHash('sha256').update(lines.sort().join('')).digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : []))
    .sort();
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const JsonManifestEntry = z.object({
  subject: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  nip: z.string().optional(),
  agency: z.string().optional(),
  position: z.string().optional(),
  region_code: z.string().optional(),
  region_name: z.string().optional(),
  notes: z.string().optional(),
  accounts: z.array(z.string().min(1)).default([]),
  inputs: z.array(z.string().min(1)).min(1),
});
const JsonManifest = z.union([z.array(JsonManifestEntry), z.object({ subjects: z.array(JsonManifestEntry) })]);

/**
 * Read a batch file — a subjects CSV with an `inputs` column, or a manifest (CSV with the same
 * columns, or JSON `[{subject | name, nip, …, accounts, inputs}]`) — import the subjects it
 * defines (with their accounts: how a chat's owner is recognised) and return what to scan.
 */
export function loadBatch(store: Store, file: string, actor: string): BatchEntry[] {
  const rows = extname(file).toLowerCase() === '.json' ? readJsonManifest(file) : readManifestCsv(file);
  const base = dirname(resolve(file));
  const defined = rows.filter((r): r is { row: ManifestRow & { name: string }; line: number } => r.row.name !== undefined && r.row.subject === undefined);
  if (defined.length) importSubjectRows(store, defined.map((r) => ({ row: r.row as SubjectCsvRow, line: r.line })), file, actor);
  const entries: BatchEntry[] = [];
  for (const { row, line } of rows) {
    const id = row.subject !== undefined ? store.requireSubject(row.subject) : subjectId(row as SubjectCsvRow);
    const name = (store.db.prepare('SELECT name FROM subjects WHERE id = ?').pluck().get(id) as string | undefined) ?? row.name ?? id;
    const inputs = (row.inputs ?? '').split(/[;|\n]/).map((v) => v.trim()).filter(Boolean);
    if (inputs.length === 0) throw new NetralError(m.manifestNoInputs, { file, line, subject: name });
    const resolved = inputs.map((i) => (isUrlInput(i) ? i : resolve(base, i)));
    const known = entries.find((e) => e.subjectId === id);
    if (known) known.inputs.push(...resolved);
    else entries.push({ subjectId: id, name, inputs: resolved });
  }
  return entries;
}

function readJsonManifest(file: string): Array<{ row: ManifestRow; line: number }> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw new NetralError(sm.fileUnreadable, { file });
    throw new NetralError(m.manifestBad, { file, entry: 0, detail: (err as Error).message });
  }
  const parsed = JsonManifest.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new NetralError(m.manifestBad, { file, entry: Number(issue?.path.find((p) => typeof p === 'number') ?? 0) + 1, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.subjects;
  return list.map((e, i) => {
    const accounts = e.accounts.map((a) => {
      const acc = accountOf(a);
      if (typeof acc === 'string') throw new NetralError(m.manifestBad, { file, entry: i + 1, detail: acc });
      return acc;
    });
    const { inputs, accounts: _accounts, ...fields } = e;
    // the same checks (NIP digits, trimmed fields) as a CSV row
    const row = ManifestRow.safeParse({ ...fields, accounts, inputs: inputs.join(';') });
    if (!row.success) throw new NetralError(m.manifestBad, { file, entry: i + 1, detail: row.error.issues[0]?.message ?? '' });
    return { row: row.data, line: i + 1 };
  });
}
