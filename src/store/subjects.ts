// Subjects: the civil servants under watch (name, NIP, agency, region) and their accounts.
// Items are linked to a subject by (platform, handle_norm); the region picks the candidate registry.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { storeMessages as m } from '../i18n/store.js';
import { contentId, Platform, PLATFORMS, sha256Hex } from '../model/index.js';
import { accountFromProfileUrl, normHandle } from './accounts.js';
import { appendCustody } from './custody.js';
import { type AccountRow, accountsOf, rowSha256, subjectRowSha256 } from './rowhash.js';
import type { Store } from './store.js';

/** Header names accepted in the CSV (Indonesian or English) → field. */
const HEADER_ALIASES: Record<string, string> = {
  name: 'name', nama: 'name',
  nip: 'nip',
  agency: 'agency', instansi: 'agency',
  position: 'position', jabatan: 'position',
  region_code: 'region_code', kode_wilayah: 'region_code', kode_daerah: 'region_code',
  region: 'region_name', region_name: 'region_name', wilayah: 'region_name', daerah: 'region_name',
  accounts: 'accounts', akun: 'accounts', handles: 'accounts', profile_urls: 'accounts',
  notes: 'notes', catatan: 'notes', keterangan: 'notes',
  // batch manifests: the export files of each subject, and an existing subject by id / NIP
  inputs: 'inputs', input: 'inputs', berkas: 'inputs', files: 'inputs', file: 'inputs', paths: 'inputs', path: 'inputs', ekspor: 'inputs',
  subject: 'subject', subjek: 'subject', subject_id: 'subject',
  twitter: 'x', fb: 'facebook', ig: 'instagram',
  ...Object.fromEntries(PLATFORMS.map((p) => [p, p])),
};

const PLATFORM_ALIASES: Record<string, Platform> = { twitter: 'x', fb: 'facebook', ig: 'instagram', tt: 'tiktok', tg: 'telegram', yt: 'youtube' };

const optionalText = z.string().trim().transform((v) => (v === '' ? undefined : v)).optional();

export const SubjectCsvRow = z.object({
  name: z.string().trim().min(1, 'nama kosong / name is empty'),
  nip: z
    .string()
    .transform((v) => v.replace(/[\s.'-]/g, ''))
    .refine((v) => v === '' || /^\d{18}$/.test(v), 'NIP harus 18 angka / NIP must be 18 digits')
    .transform((v) => (v === '' ? undefined : v))
    .optional(),
  agency: optionalText,
  position: optionalText,
  region_code: optionalText,
  region_name: optionalText,
  notes: optionalText,
  accounts: z.array(z.object({ platform: Platform, handle: z.string().min(1), profileUrl: z.string().optional() })),
  /** batch: the subject's export files/folders, ';' or '|' separated (relative to the CSV's folder) */
  inputs: optionalText,
});
export type SubjectCsvRow = z.infer<typeof SubjectCsvRow>;

/** A batch manifest row: a new/updated subject (as in the subjects CSV), or an existing one by `subject` (id, id prefix or NIP). */
export const ManifestRow = SubjectCsvRow.extend({
  name: optionalText,
  subject: optionalText,
}).refine((r) => r.name !== undefined || r.subject !== undefined, { message: 'nama atau subject kosong / name or subject is empty', path: ['name'] });
export type ManifestRow = z.infer<typeof ManifestRow>;

export interface SubjectImportResult {
  file: string;
  rows: number;
  newSubjects: number;
  updatedSubjects: number;
  newAccounts: number;
}

export interface SubjectSummary {
  id: string;
  name: string;
  nip: string | null;
  agency: string | null;
  position: string | null;
  regionCode: string | null;
  regionName: string | null;
  accounts: Array<{ platform: string; handle: string }>;
  findings: number;
}

/** Stable id: by NIP when known, else by name + agency. */
export function subjectId(row: Pick<SubjectCsvRow, 'name' | 'nip' | 'agency'>): string {
  return row.nip ? contentId('subject', { nip: row.nip }) : contentId('subject', { name: normHandle(row.name), agency: normHandle(row.agency ?? '') });
}

/** "facebook:Budi Santoso", "@budi_s" under an instagram column, or a profile URL → account. */
function parseAccount(token: string, columnPlatform: Platform | undefined): { platform: Platform; handle: string; profileUrl?: string } | string {
  const value = token.trim();
  if (/^https?:\/\//i.test(value) || /^(www\.)?[a-z0-9.-]+\.(com|me|be)\//i.test(value)) {
    const url = /^https?:/i.test(value) ? value : `https://${value}`;
    const acc = accountFromProfileUrl(url);
    return acc ? { ...acc, profileUrl: url } : `unknown profile URL "${value}"`;
  }
  const prefixed = /^([a-z]+):(.+)$/i.exec(value);
  if (prefixed) {
    const key = prefixed[1]!.toLowerCase();
    const platform = PLATFORM_ALIASES[key] ?? (PLATFORMS as readonly string[]).find((p) => p === key);
    if (!platform) return `unknown platform "${prefixed[1]}" in "${value}"`;
    return { platform: platform as Platform, handle: prefixed[2]!.trim() };
  }
  if (columnPlatform) return { platform: columnPlatform, handle: value };
  return `account "${value}" needs a platform: facebook:<name>, instagram:@<handle> or a profile URL`;
}

function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/** Read and validate every row; the first bad row stops the import with file + line. */
export function readSubjectsCsv(file: string): Array<{ row: SubjectCsvRow; line: number }> {
  return readSubjectRecords(file, SubjectCsvRow);
}

/** A batch manifest as CSV (the subjects CSV columns plus `inputs`, or `subject` for a known one). */
export function readManifestCsv(file: string): Array<{ row: ManifestRow; line: number }> {
  return readSubjectRecords(file, ManifestRow);
}

/** An account written as in the CSV ("whatsapp:+62 812…", a profile URL), for JSON manifests. */
export function accountOf(token: string): { platform: Platform; handle: string; profileUrl?: string } | string {
  return parseAccount(token, undefined);
}

function readSubjectRecords<S extends z.ZodType>(file: string, schema: S): Array<{ row: z.infer<S>; line: number }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NetralError(m.fileUnreadable, { file });
  }
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  // required here, not imported at load: a scan imports this module and reads no subject file
  const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => HEADER_ALIASES[h.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? `ignored:${h}`),
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      info: true,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    throw new NetralError(m.subjectsCsvBad, { file, line, detail: (err as Error).message.split('\n')[0] ?? '' });
  }
  const rows: Array<{ row: z.infer<S>; line: number }> = [];
  for (const { record, info } of records) {
    const accounts: SubjectCsvRow['accounts'] = [];
    for (const [column, cell] of Object.entries(record)) {
      const columnPlatform = (PLATFORMS as readonly string[]).includes(column) ? (column as Platform) : undefined;
      if (column !== 'accounts' && !columnPlatform) continue;
      for (const token of (cell ?? '').split(/[;|\n]/).filter((t) => t.trim() !== '')) {
        const acc = parseAccount(token, columnPlatform);
        if (typeof acc === 'string') throw new NetralError(m.subjectsCsvBad, { file, line: info.lines, detail: acc });
        accounts.push(acc);
      }
    }
    const parsed = schema.safeParse({ ...record, accounts });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new NetralError(m.subjectsCsvBad, { file, line: info.lines, detail: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` });
    }
    rows.push({ row: parsed.data, line: info.lines });
  }
  return rows;
}

/** Import (or update) subjects from a CSV; every new or changed subject gets a custody entry. */
export function importSubjects(store: Store, file: string, actor: string): SubjectImportResult {
  return importSubjectRows(store, readSubjectsCsv(file), file, actor);
}

/** Import rows read from `file` (a subjects CSV or a batch manifest); the file's hash goes into the custody entry. */
export function importSubjectRows(store: Store, rows: ReadonlyArray<{ row: SubjectCsvRow; line: number }>, file: string, actor: string): SubjectImportResult {
  const db = store.db;
  const result: SubjectImportResult = { file, rows: rows.length, newSubjects: 0, updatedSubjects: 0, newAccounts: 0 };
  store.write(() => {
    const stored = db.prepare('SELECT id, name, nip, agency, position, region_code, region_name, notes FROM subjects WHERE id = ?');
    const upsert = db.prepare(
      `INSERT INTO subjects (id, name, nip, agency, position, region_code, region_name, notes, source, imported_at, row_sha256)
       VALUES (@id, @name, @nip, @agency, @position, @region_code, @region_name, @notes, @source, @imported_at, @row_sha256)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, nip = excluded.nip, agency = excluded.agency, position = excluded.position,
         region_code = excluded.region_code, region_name = excluded.region_name, notes = excluded.notes, source = excluded.source,
         imported_at = excluded.imported_at, row_sha256 = excluded.row_sha256`,
    );
    const insertAccount = db.prepare('INSERT INTO subject_accounts (subject_id, platform, handle, handle_norm, profile_url) VALUES (?, ?, ?, ?, ?)');
    const accountOwner = db.prepare('SELECT subject_id FROM subject_accounts WHERE platform = ? AND handle_norm = ?').pluck();
    const importedAt = new Date().toISOString();
    for (const { row: r, line } of rows) {
      const id = subjectId(r);
      const fields = { id, name: r.name, nip: r.nip ?? null, agency: r.agency ?? null, position: r.position ?? null, region_code: r.region_code ?? null, region_name: r.region_name ?? null, notes: r.notes ?? null };
      const before = stored.get(id) as Record<string, unknown> | undefined;
      const accounts = new Map(accountsOf(db, id).map((a) => [`${a.platform}\n${a.handle_norm}`, a]));
      const added: AccountRow[] = [];
      for (const a of r.accounts) {
        const account = { platform: a.platform, handle: a.handle, handle_norm: normHandle(a.handle), profile_url: a.profileUrl ?? null };
        const key = `${account.platform}\n${account.handle_norm}`;
        if (accounts.has(key)) continue;
        const owner = accountOwner.get(account.platform, account.handle_norm) as string | undefined;
        if (owner !== undefined && owner !== id) throw new NetralError(m.subjectsCsvBad, { file, line, detail: `${a.platform}:${a.handle} already belongs to another subject` });
        accounts.set(key, account);
        added.push(account);
      }
      // re-importing an unchanged row writes nothing (no new custody entry)
      if (before !== undefined && rowSha256(before) === rowSha256(fields) && added.length === 0) continue;
      const row = { ...fields, source: basename(file), imported_at: importedAt };
      const rowSha = subjectRowSha256(row, [...accounts.values()]);
      try {
        upsert.run({ ...row, row_sha256: rowSha });
      } catch (err) {
        throw new NetralError(m.subjectsCsvBad, { file, line, detail: (err as Error).message }, 2, { cause: err });
      }
      for (const a of added) insertAccount.run(id, a.platform, a.handle, a.handle_norm, a.profile_url);
      result.newAccounts += added.length;
      if (before === undefined) result.newSubjects++;
      else result.updatedSubjects++;
      appendCustody(db, { actor, action: 'subject.put', objectType: 'subject', objectId: id, objectSha256: rowSha, runId: null, payload: { source: basename(file), change: before === undefined ? 'new' : 'update', accounts_added: added.length } });
    }
    appendCustody(db, { actor, action: 'subject.import', objectType: 'file', objectId: basename(file), objectSha256: sha256Hex(readFileSync(file)), runId: null, payload: { rows: result.rows, new: result.newSubjects, updated: result.updatedSubjects, accounts: result.newAccounts } });
  });
  return result;
}

export function listSubjects(store: Store): SubjectSummary[] {
  const db = store.db;
  const accounts = db.prepare('SELECT platform, handle FROM subject_accounts WHERE subject_id = ? ORDER BY platform, handle');
  const findings = db.prepare('SELECT count(*) FROM findings WHERE item_id IN (SELECT item_id FROM item_subject WHERE subject_id = ?)').pluck();
  const rows = db.prepare('SELECT * FROM subjects ORDER BY name, id').all() as Array<Record<string, string | null>>;
  return rows.map((r) => ({
    id: r.id!,
    name: r.name!,
    nip: r.nip ?? null,
    agency: r.agency ?? null,
    position: r.position ?? null,
    regionCode: r.region_code ?? null,
    regionName: r.region_name ?? null,
    accounts: accounts.all(r.id) as Array<{ platform: string; handle: string }>,
    findings: findings.get(r.id) as number,
  }));
}

export interface SubjectRegion {
  code?: string;
  name?: string;
}

/** The subject's region (for choosing the candidate registry: pilkada pairs of that region). */
export function subjectRegion(store: Store, subject: string): SubjectRegion | undefined {
  const id = store.requireSubject(subject);
  const row = store.db.prepare('SELECT region_code, region_name FROM subjects WHERE id = ?').get(id) as { region_code: string | null; region_name: string | null };
  if (row.region_code === null && row.region_name === null) return undefined;
  const region: SubjectRegion = {};
  if (row.region_code !== null) region.code = row.region_code;
  if (row.region_name !== null) region.name = row.region_name;
  return region;
}

// whom an item is filed under lives in its own module (no CSV parser for readers); re-exported for callers here
export { type FiledUnder, subjectsOfItem } from './filed-under.js';
