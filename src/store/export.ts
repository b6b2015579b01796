// Export bundle (evidence.md §10.7): findings.csv/jsonl, preserved captures, manifest with the
// chain head, SHA256SUMS, report.html; profiles full | bawaslu | public.
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { LARGE_SPOOL_BUFFER, Spool } from './spool.js';
import { tmpdir } from 'node:os';
import { startSnapshot } from './snapshot.js';
import { type Report, startReport } from './report-builder.js';
import { dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { officeReason, stanceText } from '../i18n/stance.js';
import type { CandidateStance } from '../model/finding-types.js';
import { storeMessages as m } from '../i18n/store.js';
import { activityTime, canonicalJson, type Item, sha256Hex, type Span } from '../model/index.js';
import { type BundleFile, sealBundle, sha256OfFile, writeBundle } from '../report/bundle.js';
import { csvLine, FINDINGS_CSV_HEADER, type FindingCsvInput, findingsCsvRow } from '../report/csv.js';
import { DEFAULT_PAGE_LIMITS } from '../report/html.js';
import { authorLabel } from '../report/author.js';
import { ReportCard, ReportMeta } from '../report/report-data.js';
import { blobAbsPath, type BlobRow, readBlob } from './blobs.js';
import { appendCustody, chainHead, type ChainHead, CUSTODY_CHAIN, custodyEntries, type CustodyRow } from './custody.js';
import { checkedFilter, type FindingFilter, type FindingOverview, type findingFromStore, findingWithItem, type FlaggedRow, listFindings, reviewJson, storedFindingFrom } from './evidence.js';
import { canonicalFindingRecord } from '../report/finding-record.js';
import { PublicMasker, publicSalt } from './public-mask.js';
import { type ReviewRecord, reviewHistory } from './review.js';
import { type Store, TOOL_VERSION } from './store.js';
import { findingBoxes } from '../vision/record.js';
import { byId, hexId, idArgs } from './ids.js';
import { prepared } from './statements.js';

export const ExportProfile = z.enum(['full', 'bawaslu', 'public']);
export type ExportProfile = z.infer<typeof ExportProfile>;

export const ExportOptions = z.object({
  /** a folder, or a path ending in .zip */
  out: z.string().min(1),
  profile: ExportProfile.default('full'),
  /** checked by listFindings */
  filter: z.custom<FindingFilter>((v) => v !== null && typeof v === 'object').default({}),
  actor: z.string().min(1),
  /** create missing parent folders of `out`; the CLI passes false unless --parents (a typo should not grow folders) */
  parents: z.boolean().default(true),
  /** report times in this zone; default each subject's region zone */
  timezone: z.enum(['WIB', 'WITA', 'WIT', 'UTC']).optional(),
  /** largest card page of the report (tests make it small) */
  pageLimits: z.object({ cards: z.number().int().positive(), bytes: z.number().int().positive() }).optional(),
});
export type ExportOptions = z.input<typeof ExportOptions>;

export interface ExportResult {
  id: string;
  out: string;
  profile: ExportProfile;
  findings: number;
  captures: number;
  files: number;
  manifestSha256: string;
  head: ChainHead;
}

const THUMBNAIL_LIMIT = 256 * 1024;
const THUMB_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export async function exportBundle(store: Store, options: ExportOptions): Promise<ExportResult> {
  const o = ExportOptions.parse(options);
  checkExportTarget(o.out, o.parents);
  if (existsSync(o.out) && !(isDir(o.out) && readdirSync(o.out).length === 0)) throw new NetralError(m.exportOutExists, { out: o.out });
  const filter = checkedFilter(o.filter);
  // bawaslu: only what a reviewer confirmed; public: confirmed unless asked otherwise, never dismissed
  if (o.profile === 'bawaslu') filter.status = ['confirmed'];
  if (o.profile === 'public') {
    const asked = filter.status?.filter((s) => s !== 'dismissed') ?? [];
    filter.status = asked.length ? asked : ['confirmed'];
  }
  // one subject's case file holds that subject only: their rows, captures, reviews and custody entries
  const subjectId = filter.subject ? store.requireSubject(filter.subject) : undefined;

  const db = store.db;
  const storeUuid = store.info('store_uuid') ?? 'unknown';
  // a public bundle's pseudonyms are salted with the store's own salt, written before the read
  // begins: made inside it, the salt was rolled back with the read and every export drew a new one
  if (o.profile === 'public') publicSalt(store);
  // every row below is read in one snapshot, ended before the database copy and the export's record
  const endRead = store.beginRead();
  // beside the bundle when its folder exists, so a folder bundle takes its parts by renaming them
  const tmp = exportTempDir(o.out);
  // the database snapshot holds every subject: not in one subject's case file; made beside the
  // findings in a worker thread when the compiled worker is there (tests run the sources: in-process)
  const snapshotFile = join(tmp, 'evidence.db');
  const snapshot = o.profile === 'full' && !subjectId ? startSnapshot(store, snapshotFile) : undefined;
  let report: Report | undefined;
  try {
    const head = chainHead(db);
    const created = new Date().toISOString();
    const redact = o.profile === 'public' ? new PublicMasker(store) : undefined;
    const withCaptures = o.profile !== 'public';

    const files: BundleFile[] = [];
    const captureFiles = new Map<string, string>();
    const captureIds = new Set<string>();
    // flagged rows of files kept as rows, spooled per original file as they are met
    const rowFiles = new Map<string, { path: string; spool: Spool; pointers: Set<string>; sha256: string }>();
    const captureStmt = db.prepare('SELECT blob_sha256, member_path, origin, media_type FROM captures WHERE id = ?');
    const blobStmt = db.prepare('SELECT storage, rel_path, purged_at, kept FROM blobs WHERE sha256 = ?');
    type CaptureFacts = { c: { blob_sha256: string; member_path: string | null; origin: string; media_type: string | null }; blob: Pick<BlobRow, 'storage' | 'rel_path' | 'purged_at' | 'kept'> | undefined };
    // a file kept as rows is met once per finding: its capture and blob rows are read once
    const captureFacts = new Map<string, CaptureFacts | null>();
    /** `pointer`: the item's row, for a file kept as flagged rows (its rows are the evidence) */
    const addCapture = (captureId: string, pointer?: string, flagged?: FlaggedRow): string | null => {
      captureIds.add(captureId);
      if (!withCaptures) return null;
      let facts = captureFacts.get(captureId);
      if (facts === undefined) {
        const row = captureStmt.get(captureId) as CaptureFacts['c'] | undefined;
        facts = row ? { c: row, blob: blobStmt.get(row.blob_sha256) as CaptureFacts['blob'] } : null;
        captureFacts.set(captureId, facts);
      }
      if (!facts) return null;
      const { c } = facts;
      const known = captureFiles.get(c.blob_sha256);
      if (known) return known;
      if (!facts.blob || facts.blob.purged_at) return null;
      const blob = facts.blob;
      const ext = captureExt(c.member_path ?? c.origin, c.media_type);
      if (blob.kept === 'rows') {
        // one file per original: a line per flagged row with its place in the original and its bytes
        // (dd skip=offset count=length | sha256sum gives the row's sha256); the item's pointer finds its line
        const row = pointer === undefined ? undefined : (flagged ?? store.flaggedRow(captureId, pointer));
        if (!row) return null;
        let rows = rowFiles.get(c.blob_sha256);
        if (!rows) {
          rows = { path: `captures/${c.blob_sha256}.rows.jsonl`, spool: new Spool(join(tmp, `${c.blob_sha256}.rows.jsonl`)), pointers: new Set(), sha256: c.blob_sha256 };
          rowFiles.set(c.blob_sha256, rows);
        }
        if (!rows.pointers.has(`${captureId} ${pointer}`)) {
          rows.pointers.add(`${captureId} ${pointer}`);
          const text = row.bytes.toString('utf8');
          const exact = Buffer.from(text, 'utf8').equals(row.bytes);
          rows.spool.write(`${canonicalJson({ pointer, offset: row.offset, length: row.length, sha256: row.sha256, text, ...(exact ? {} : { base64: row.bytes.toString('base64') }) })}\n`);
        }
        return rows.path;
      }
      if (blob.kept === 'none') return null;
      const whole = store.blobRow(c.blob_sha256);
      if (!whole) return null;
      const path = `captures/${c.blob_sha256}${ext}`;
      const common = { path, mediaType: c.media_type ?? 'application/octet-stream', role: 'capture' };
      if (blob.storage === 'db' && whole.content) files.push({ ...common, data: readBlob(store.path, whole)! });
      else if (blob.storage === 'file' && blob.rel_path) files.push({ ...common, file: blobAbsPath(store.path, blob.rel_path) });
      else return null;
      captureFiles.set(c.blob_sha256, path);
      return path;
    };

    // findings.csv, findings.jsonl, reviews.csv, custody.jsonl and the report's cards are spooled to
    // files as they are written, not held: a store with 100,000 findings exports in bounded memory
    // (only each card's facts stay, for the report's index and charts)
    const csvSpool = new Spool(join(tmp, 'findings.csv'), `\uFEFF${csvLine(FINDINGS_CSV_HEADER)}`, Buffer.allocUnsafe(LARGE_SPOOL_BUFFER));
    const jsonlSpool = new Spool(join(tmp, 'findings.jsonl'), '', Buffer.allocUnsafe(LARGE_SPOOL_BUFFER));
    const reviewSpool = new Spool(join(tmp, 'reviews.csv'), `\uFEFF${csvLine(['finding_id', 'decision', 'reason', 'comment', 'reviewer', 'decided_at', 'review_id', 'supersedes_id'])}`);
    let findingCount = 0;
    const lang = getLang();
    // each card rendered to its page HTML once, as it is met, in the report's language and zones:
    // in a worker thread beside this one when the compiled worker is there
    report = startReport({ cardsFile: join(tmp, 'cards.html'), pagesDir: join(tmp, 'report-pages'), lang, timezone: o.timezone, limits: o.pageLimits ?? DEFAULT_PAGE_LIMITS });
    const subjectIds = new Set<string>();
    const findingIds = new Set<string>();
    const reviewIds = new Set<string>();

    // chat members' names are masked wherever they occur, not only as the sender of their own
    // message: a first pass over the rows learns every name before any text is written
    if (redact) {
      for (const row of listFindings(store, filter, EXPORT_COLUMNS)) {
        // a subject's display name in this export may differ from their record: it gets their label
        const label = row.subject_id ? redact.subjectLabel(row.subject_id) : undefined;
        redact.addPerson(row.actor_name ?? undefined, label);
        redact.addPerson(row.actor_handle ?? undefined, label);
      }
    }
    // most findings have no decision yet: one query for the few that do, not one per finding
    const reviewed = new Set((db.prepare('SELECT DISTINCT finding_id FROM reviews').pluck().all() as unknown[]).map(hexId));
    for (const row of listFindings(store, filter, EXPORT_COLUMNS)) {
      const stored = findingWithItem(store, row.finding_id);
      const finding = stored.finding;
      const author = redact ? (row.subject_id ? redact.subjectLabel(row.subject_id) : redact.anon(row.actor_handle ?? row.actor_name ?? row.item_id)) : authorLabel(stored.item);
      // the names a public bundle masks (split on a regex per candidate: only when masking)
      const candidateNames = redact ? finding.candidates.flatMap((c) => c.name.split(/\s*[–-]\s*/)).concat(finding.candidates.map((c) => c.name)) : [];
      const { item, spans } = redact ? redact.item(stored.item, finding.spans, author ?? 'anon', candidateNames) : { item: stored.item, spans: finding.spans };
      const explanation = redact ? { id: redact.mask(finding.explanation.id, candidateNames).text, en: redact.mask(finding.explanation.en, candidateNames).text } : finding.explanation;
      // the item's own flagged row, read with it: the capture of a file kept as rows is that file
      const captureFile = addCapture(row.capture_id, stored.item.source.pointer, stored.item.source.captureId === row.capture_id ? stored.flagged : undefined);
      const mediaFiles = item.media.flatMap((md) => {
        const c = md.sha256 ? store.captureOfBytes(md.sha256) : undefined;
        return c ? [{ captureId: c.id, file: addCapture(c.id) }] : [];
      });
      const reviews = reviewed.has(row.finding_id) ? reviewHistory(store, row.finding_id) : [];
      if (row.subject_id) subjectIds.add(row.subject_id);
      // a finding filed under two subjects is two rows; its decisions are listed once
      if (!redact && !findingIds.has(row.finding_id)) for (const r of reviews) reviewSpool.write(csvLine([r.findingId, r.decision, r.reason, r.comment, r.reviewer, r.decidedAt, r.id, r.supersedesId]));
      findingIds.add(row.finding_id);
      for (const r of reviews) reviewIds.add(r.id);
      const memberPath = redact && row.capture_member ? redact.maskPath(row.capture_member) : row.capture_member;

      // the same netral.finding/2 record as scan and evidence show, with the case behind it
      const source = storedFindingFrom(row, finding, item, reviews);
      // public: the subject is their label (an id derived from a NIP would name them)
      const label = redact && row.subject_id ? redact.subjectLabel(row.subject_id) : undefined;
      const subject = source.subject && label ? { ...source.subject, id: label, name: label, nip: null } : source.subject ?? null;
      // written as canonical JSON directly (canonicalFindingRecord), without the record object
      jsonlSpool.write(
        `${canonicalFindingRecord(
          {
            // not masking: the finding's own spans and explanation (no copy of it per finding)
            finding: redact ? { ...finding, spans, explanation } : finding,
            item: source.item,
            capture: source.capture,
            status: source.status,
            subject,
            // a public bundle names no reviewer (its status still says what was decided)
            review: redact ? null : source.review ?? null,
            evidence: {
              item: item as unknown as Record<string, unknown>,
              // undefined leaves the key out of the canonical JSON
              raw: redact ? undefined : stored.raw,
              capture: { id: row.capture_id, sha256: row.capture_sha256, origin: redact ? null : row.capture_origin, memberPath, capturedAt: row.captured_at, file: captureFile },
              mediaCaptures: mediaFiles,
              reviews: redact ? [] : reviews.map(reviewJson),
            },
          },
          lang,
        )}\n`,
      );
      const shown = redact ? { ...row, subject_name: label ?? null, position: null, capture_member: memberPath, review_comment: null } : row;
      csvSpool.write(findingsCsvRow(csvInput(shown, finding.title[lang], spans, item, author, captureFile, redact !== undefined)));
      findingCount++;
      report.add(reportCard(store, shown, { ...finding, explanation }, item, author, spans, redact !== undefined, redact ? [] : reviews));
    }

    for (const r of rowFiles.values()) files.push({ path: r.path, mediaType: 'application/x-ndjson', role: 'capture-rows', derivedFrom: r.sha256, ...spooled(r.spool) });
    files.push({ path: 'findings.csv', mediaType: 'text/csv', role: 'findings', ...spooled(csvSpool) });
    files.push({ path: 'findings.jsonl', mediaType: 'application/x-ndjson', role: 'findings', ...spooled(jsonlSpool) });
    const reviewsFile = spooled(reviewSpool);
    if (!redact) {
      files.push({ path: 'reviews.csv', mediaType: 'text/csv', role: 'reviews', ...reviewsFile });
      files.push({ path: 'subjects.csv', mediaType: 'text/csv', role: 'subjects', data: Buffer.from(subjectsCsv(store, subjectIds)) });
      const custody = new Spool(join(tmp, 'custody.jsonl'));
      const chain = new Spool(join(tmp, CUSTODY_CHAIN));
      // a subject's case file carries that subject's entries in full, and every entry's hash so they chain to the head
      const mine = subjectId ? subjectCustodyObjects(db, subjectId, { captures: captureIds, findings: findingIds, reviews: reviewIds }) : undefined;
      for (const e of custodyEntries(db)) {
        if (e.seq > head.seq) break;
        if (mine) chain.write(`${e.seq} ${e.entry_hash}\n`);
        if (!mine || mine(e)) custody.write(`${canonicalJson({ ...e, payload: JSON.parse(e.payload) as unknown })}\n`);
      }
      files.push({ path: 'custody.jsonl', mediaType: 'application/x-ndjson', role: 'custody', ...spooled(custody) });
      const chainFile = spooled(chain);
      if (mine) files.push({ path: CUSTODY_CHAIN, mediaType: 'text/plain', role: 'custody', ...chainFile });
    }

    const filterText = Object.entries(filter).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`).join(', ');
    const reportMeta: z.input<typeof ReportMeta> = { title: t(m.reportTitle), generatedAt: created, storeUuid, profile: o.profile, chainHead: head, filters: filterText, netralVersion: TOOL_VERSION, lang, exportedBy: o.actor, ...(o.timezone ? { timezone: o.timezone } : {}) };
    files.push({ path: 'README.txt', mediaType: 'text/plain', role: 'readme', data: Buffer.from(`${t(m.bundleReadme, {}, 'id')}\n\n---\n\n${t(m.bundleReadme, {}, 'en')}\n`) });

    // the read ends here: an in-process VACUUM INTO runs outside any transaction
    endRead();
    // a VACUUM INTO copy is one non-WAL file: it opens read-only from a USB stick
    if (snapshot) files.push({ path: 'evidence.db', mediaType: 'application/vnd.sqlite3', role: 'database', file: snapshotFile, owned: true, sha256: (await snapshot.result()).sha256 });
    files.push(...(await reportFiles(files, reportMeta, report)));
    const sealed = await sealBundle(files, { profile: o.profile, created, software: `netral ${TOOL_VERSION}`, store_uuid: storeUuid, filters: filter, chain_head: head, findings: findingCount });
    await writeBundle(o.out, sealed.files);
    const id = sealed.manifestSha256;
    // a bundle the custody log does not record must not exist: waits its turn behind other
    // writers (withWriteLock), and if it still cannot be recorded the bundle is removed
    const record = (): void => store.write(() => {
      db.prepare('INSERT INTO exports (id, created_at, actor, profile, filters, manifest_sha256, head_seq, head_hash, out_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        id, created, o.actor, o.profile, canonicalJson(filter), sealed.manifestSha256, head.seq, head.hash, o.out,
      );
      db.prepare("INSERT INTO anchors (seq, head_hash, created_at, kind, export_id) VALUES (?, ?, ?, 'export', ?)").run(head.seq, head.hash, created, id);
      appendCustody(db, { actor: o.actor, action: 'export.create', objectType: 'export', objectId: id, objectSha256: sealed.manifestSha256, runId: null, payload: { profile: o.profile, findings: findingCount, captures: captureFiles.size, head_seq: head.seq, head_hash: head.hash } });
    });
    try {
      record();
    } catch (err) {
      rmSync(o.out, { recursive: true, force: true });
      throw err;
    }
    return { id, out: o.out, profile: o.profile, findings: findingCount, captures: captureFiles.size, files: sealed.files.length, manifestSha256: sealed.manifestSha256, head };
  } finally {
    endRead();
    // a failed export stops its snapshot before removing the folder it writes in
    await snapshot?.stop();
    await report?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * `--out` is written, never followed: a symlink there (even a dangling one) is refused, and so is a
 * missing parent folder unless --parents asks for it (a typo should not grow a folder tree).
 */
function checkExportTarget(out: string, parents: boolean): void {
  let link = false;
  try {
    link = lstatSync(out).isSymbolicLink();
  } catch {
    // nothing there yet: the usual case
  }
  if (link) throw new NetralError(m.exportOutSymlink, { out });
  const parent = dirname(out);
  if (!parents && !existsSync(parent)) throw new NetralError(m.exportOutNoParent, { out, parent });
  if (existsSync(parent) && !statSync(parent).isDirectory()) throw new NetralError(m.exportOutNoParent, { out, parent });
}

/**
 * The report pages, rendered last: the attestation names the evidence hash, SHA-256 over the
 * SHA256SUMS lines of every other file (`grep -v -e '  report' -e '  manifest' SHA256SUMS | sha256sum`).
 */
async function reportFiles(files: BundleFile[], meta: z.input<typeof ReportMeta>, report: Report): Promise<BundleFile[]> {
  const lines: string[] = [];
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const { sha256 } = await sha256OfFile(f);
    f.sha256 = sha256;
    lines.push(`${sha256}  ${f.path}\n`);
  }
  // the cards were built, typed, from validated rows as they were spooled
  const pages = await report.pages(ReportMeta.parse({ ...meta, evidenceDigest: sha256Hex(lines.join('')) }));
  return pages.map((p) => ({ path: p.path, mediaType: 'text/html', role: 'report', file: p.file, owned: true, sha256: p.sha256 }));
}

/** A closed spool as a bundle file: this export's own temporary file, its hash taken as it was written. */
function spooled(spool: Spool): { file: string; owned: true; sha256: string } {
  return { file: spool.close(), owned: true, sha256: spool.sha256 };
}

function exportTempDir(out: string): string {
  try {
    if (existsSync(dirname(out))) return mkdtempSync(join(dirname(out), '.netral-export-'));
  } catch {
    // a folder we may not write beside: the system's temporary folder (parts are then copied)
  }
  return mkdtempSync(join(tmpdir(), 'netral-export-'));
}

function isDir(p: string): boolean {
  return statSync(p).isDirectory();
}

const TYPE_EXT: Record<string, string> = { 'application/json': '.json', 'text/html': '.html', 'image/jpeg': '.jpg', 'image/png': '.png', 'video/mp4': '.mp4', 'text/csv': '.csv', 'text/plain': '.txt', 'application/zip': '.zip' };

function captureExt(name: string, mediaType: string | null): string {
  const ext = extname(name.split(/[?#]/)[0] ?? '').toLowerCase();
  if (/^\.[a-z0-9]{1,8}$/.test(ext)) return ext;
  return (mediaType && TYPE_EXT[mediaType]) ?? '.bin';
}

/** The overview columns an export reads (the finding's and item's own come with the finding). */
const EXPORT_COLUMNS = [
  'finding_id', 'status', 'reviewer', 'decided_at', 'reason_code', 'review_comment', 'subject_id', 'subject_name', 'nip', 'agency', 'position', 'region_code', 'region_name', 'attribution',
  'platform', 'item_kind', 'item_id', 'actor_name', 'actor_handle', 'item_time', 'prohibition', 'severity', 'confidence', 'track', 'skb_form', 'rule_id', 'rule_version', 'legal_basis', 'candidates',
  'capture_id', 'capture_sha256', 'capture_origin', 'capture_member', 'captured_at', 'created_at',
] as const satisfies ReadonlyArray<keyof FindingOverview>;
type ExportRow = Pick<FindingOverview, (typeof EXPORT_COLUMNS)[number]>;

function csvInput(row: ExportRow, title: string, spans: Span[], item: Item, author: string | null, captureFile: string | null, redacted: boolean): FindingCsvInput {
  const prohibition = row.prohibition === 'other' ? t(m.prohibitionOther) : t(m.prohibitionN, { n: row.prohibition });
  return {
    findingId: row.finding_id,
    status: row.status,
    reviewer: redacted ? null : row.reviewer,
    decidedAt: row.decided_at,
    reason: row.reason_code,
    subjectName: row.subject_name,
    nip: redacted ? null : row.nip,
    agency: row.agency,
    position: row.position,
    regionCode: row.region_code,
    regionName: row.region_name,
    platform: row.platform,
    itemKind: row.item_kind,
    actor: author,
    attribution: row.attribution,
    itemTime: row.item_time,
    permalink: item.permalink ?? null,
    violation: `${prohibition}: ${title}`,
    prohibition: row.prohibition,
    skbForm: row.skb_form,
    track: row.track,
    severity: row.severity,
    confidence: row.confidence,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    legalBasis: JSON.parse(row.legal_basis) as string[],
    candidates: (JSON.parse(row.candidates) as Array<{ number: number; name: string; stance?: CandidateStance; sideBy?: { words: string[]; act?: boolean }; byOffice?: string[] }>).map((c) => `${c.number}. ${c.name}${c.stance ? ` (${stanceText({ ...c, stance: c.stance }, getLang())})` : c.byOffice?.length ? ` (${officeReason(c, getLang())})` : ''}`),
    matchedWords: [...new Set(spans.map((s) => s.text))],
    excerpt: item.text ?? null,
    captureSha256: row.capture_sha256,
    captureFile,
  };
}

function reportCard(store: Store, row: ExportRow, finding: ReturnType<typeof findingFromStore>, item: Item, author: string | null, spans: Span[], redacted: boolean, reviews: ReviewRecord[]): ReportCard {
  const notes = reviews.filter((r) => r.comment).map((r) => ({ decision: r.decision, reviewer: r.reviewer, at: r.decidedAt, text: r.comment! }));
  // built here from rows already validated (Finding, Item): typed as the parsed card, not parsed again per finding
  const card: ReportCard = {
    findingId: finding.id,
    itemId: item.id,
    ruleId: finding.ruleId,
    ruleVersion: finding.ruleVersion,
    ruleTitle: finding.title,
    prohibition: finding.prohibition,
    severity: finding.severity,
    confidence: finding.confidence,
    track: finding.track,
    legalBasis: finding.legalBasis,
    explanation: finding.explanation,
    candidates: finding.candidates.map((c) => ({ election: c.election, number: c.number, name: c.name, ...(c.stance ? { stance: c.stance } : {}), ...(c.sideBy ? { sideBy: c.sideBy } : {}), ...(c.byOffice ? { byOffice: c.byOffice } : {}) })),
    review: { status: row.status, ...opt('reviewer', redacted ? null : row.reviewer), ...opt('decidedAt', row.decided_at), ...opt('reason', [row.reason_code, row.review_comment].filter(Boolean).join(': ') || null), notes },
    item: {
      platform: item.platform,
      kind: item.kind,
      ...opt('author', author),
      ...opt('time', activityTime(item)),
      ...opt('eventStart', item.event?.start),
      ...opt('eventEnd', item.event?.end),
      ...opt('text', item.text),
      ...opt('url', item.permalink),
      ...opt('targetName', item.target?.name ?? item.target?.handle),
      ...opt('placeName', item.place?.name),
      ...opt('contextName', item.context?.name),
      ...opt('eventName', item.event?.name),
      mediaCaptions: item.media.flatMap((md) => (md.caption ? [md.caption] : [])),
    },
    spans: spans.map((s) => ({ field: s.field, index: s.index, start: s.start, end: s.end, text: s.text })),
    capture: { sha256: row.capture_sha256, origin: redacted ? '-' : row.capture_origin, ...opt('memberPath', row.capture_member) },
  };
  if (row.subject_name) card.subject = { name: row.subject_name, ...opt('nip', redacted ? null : row.nip), ...opt('agency', row.agency), ...opt('regionCode', row.region_code), ...opt('regionName', row.region_name) };
  if (!redacted) {
    const thumb = thumbnail(store, item);
    // a finding of scan --vision: the boxes it rests on, drawn over the photo
    const regions = thumb ? findingBoxes(prepared(store.db, `SELECT raw_json FROM items WHERE ${byId('id')}`, true).get(...idArgs(item.id)) as string | null, finding.id) : undefined;
    if (thumb) card.thumbnail = regions ? { ...thumb, regions } : thumb;
  }
  return card;
}

function opt<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value === null || value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

/** The first small raster image the item carries, embedded in the report. */
function thumbnail(store: Store, item: Item): { mediaType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif'; dataBase64: string } | undefined {
  for (const md of item.media) {
    const c = md.sha256 ? store.captureOfBytes(md.sha256) : undefined;
    const type = c?.mediaType ?? md.mediaType;
    if (!c || !type || !THUMB_TYPES.has(type) || c.bytes > THUMBNAIL_LIMIT) continue;
    const bytes = store.blobBytes(c.sha256);
    if (bytes) return { mediaType: type as 'image/jpeg', dataBase64: bytes.toString('base64') };
  }
  return undefined;
}

function subjectsCsv(store: Store, ids: Set<string>): string {
  const header = ['subject_id', 'nama', 'nip', 'instansi', 'jabatan', 'kode_wilayah', 'wilayah', 'akun'];
  let out = `\uFEFF${csvLine(header)}`;
  const get = store.db.prepare('SELECT * FROM subjects WHERE id = ?');
  const accounts = store.db.prepare("SELECT group_concat(platform || ':' || handle, '; ') FROM subject_accounts WHERE subject_id = ?").pluck();
  for (const id of [...ids].sort()) {
    const s = get.get(id) as Record<string, string | null>;
    out += csvLine([s.id!, s.name!, s.nip ?? null, s.agency ?? null, s.position ?? null, s.region_code ?? null, s.region_name ?? null, (accounts.get(id) as string | null) ?? null]);
  }
  return out;
}

/**
 * Which custody entries belong in one subject's case file: the store's own (init, migrations),
 * the subject's record, the runs scanned as theirs, and the captures, findings and reviews the
 * bundle carries. Other subjects' entries are left out; their hashes alone keep the chain.
 */
function subjectCustodyObjects(db: Store['db'], subjectId: string, objects: { captures: Set<string>; findings: Set<string>; reviews: Set<string> }): (e: CustodyRow) => boolean {
  const runs = new Set(db.prepare('SELECT id FROM runs WHERE subject_id = ?').pluck().all(subjectId) as string[]);
  // schema 7: a finding is in the chain through its run's findings_root (run.finish), not an entry of its own
  const runOf = db.prepare(`SELECT first_run_id FROM findings WHERE ${byId('id')}`).pluck();
  for (const id of objects.findings) runs.add(runOf.get(...idArgs(id)) as string);
  // the zip or folder a preserved member was read from is part of its provenance
  const parent = db.prepare('SELECT parent_capture_id FROM captures WHERE id = ?').pluck();
  const captures = new Set<string>();
  for (let queue = [...objects.captures]; queue.length; ) {
    const id = queue.pop()!;
    if (captures.has(id)) continue;
    captures.add(id);
    const p = parent.get(id) as string | null | undefined;
    if (p) queue.push(p);
  }
  return (e) => {
    switch (e.object_type) {
      case null:
        return e.action === 'store.init' || e.action === 'schema.migrate';
      case 'subject':
        return e.object_id === subjectId;
      case 'run':
        return runs.has(e.object_id ?? '');
      case 'capture':
        return captures.has(e.object_id ?? '');
      case 'finding':
        return objects.findings.has(e.object_id ?? '');
      case 'review':
        return objects.reviews.has(e.object_id ?? '');
      default:
        return false;
    }
  };
}
