// Export bundle (evidence.md §10.7): findings.csv/jsonl, preserved captures, manifest with the
// chain head, SHA256SUMS, report.html; profiles full | bawaslu | public.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { NetralError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { canonicalJson, type Item, type Span, sha256Hex } from '../model/index.js';
import { type BundleFile, sealBundle, writeBundle } from '../report/bundle.js';
import { csvLine, type FindingCsvInput, findingsCsv } from '../report/csv.js';
import { renderHtmlReport } from '../report/html.js';
import { ReportCard, ReportData, type ReportDataInput } from '../report/report-data.js';
import { normHandle } from './accounts.js';
import { blobAbsPath } from './blobs.js';
import { appendCustody, chainHead, type ChainHead, custodyEntries } from './custody.js';
import { FindingFilter, type FindingOverview, findingFromStore, itemFromStore, listFindings } from './evidence.js';
import { reviewHistory } from './review.js';
import { type Store, TOOL_VERSION } from './store.js';
import { findingBoxes } from '../vision/record.js';

export const ExportProfile = z.enum(['full', 'bawaslu', 'public']);
export type ExportProfile = z.infer<typeof ExportProfile>;

export const ExportOptions = z.object({
  /** a folder, or a path ending in .zip */
  out: z.string().min(1),
  profile: ExportProfile.default('full'),
  filter: FindingFilter.default({}),
  actor: z.string().min(1),
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
  if (existsSync(o.out) && !(isDir(o.out) && readdirSync(o.out).length === 0)) throw new NetralError(m.exportOutExists, { out: o.out });
  const filter = FindingFilter.parse(o.filter);
  // bawaslu: only what a reviewer confirmed; public: nothing a reviewer dismissed
  if (o.profile === 'bawaslu') filter.status = ['confirmed'];
  if (o.profile === 'public' && !filter.status) filter.status = ['open', 'confirmed'];

  const db = store.db;
  const storeUuid = store.info('store_uuid') ?? 'unknown';
  const head = chainHead(db);
  const created = new Date().toISOString();
  const redact = o.profile === 'public' ? makeRedactor(storeUuid) : undefined;
  const withCaptures = o.profile !== 'public';

  const files: BundleFile[] = [];
  const captureFiles = new Map<string, string>();
  const addCapture = (captureId: string): string | null => {
    if (!withCaptures) return null;
    const c = db.prepare('SELECT blob_sha256, member_path, origin, media_type FROM captures WHERE id = ?').get(captureId) as { blob_sha256: string; member_path: string | null; origin: string; media_type: string | null } | undefined;
    if (!c) return null;
    const known = captureFiles.get(c.blob_sha256);
    if (known) return known;
    const blob = store.blobRow(c.blob_sha256);
    if (!blob || blob.purged_at) return null;
    const path = `captures/${c.blob_sha256}${captureExt(c.member_path ?? c.origin, c.media_type)}`;
    const common = { path, mediaType: c.media_type ?? 'application/octet-stream', role: 'capture' };
    if (blob.storage === 'db' && blob.content) files.push({ ...common, data: blob.content });
    else if (blob.storage === 'file' && blob.rel_path) files.push({ ...common, file: blobAbsPath(store.path, blob.rel_path) });
    else return null;
    captureFiles.set(c.blob_sha256, path);
    return path;
  };

  const csvRows: FindingCsvInput[] = [];
  const jsonl: string[] = [];
  const reviewLines: string[] = [csvLine(['finding_id', 'decision', 'reason', 'comment', 'reviewer', 'decided_at', 'review_id', 'supersedes_id'])];
  const cards: ReportCard[] = [];
  const subjectIds = new Set<string>();
  const lang = getLang();

  for (const row of listFindings(store, filter)) {
    const finding = findingFromStore(store, row.finding_id);
    const stored = itemFromStore(store, row.item_id);
    const { item, spans } = redact ? redact.item(stored.item, finding.spans) : { item: stored.item, spans: finding.spans };
    const captureFile = addCapture(row.capture_id);
    const mediaFiles = item.media.flatMap((md) => {
      const c = md.sha256 ? store.captureOfBytes(md.sha256) : undefined;
      return c ? [{ captureId: c.id, file: addCapture(c.id) }] : [];
    });
    const reviews = reviewHistory(store, row.finding_id);
    if (row.subject_id) subjectIds.add(row.subject_id);
    if (!redact) for (const r of reviews) reviewLines.push(csvLine([r.findingId, r.decision, r.reason, r.comment, r.reviewer, r.decidedAt, r.id, r.supersedesId]));

    const subject = row.subject_name ? { id: row.subject_id, name: row.subject_name, nip: redact ? null : row.nip, agency: row.agency, position: row.position, region_code: row.region_code, region_name: row.region_name } : null;
    jsonl.push(
      canonicalJson({
        finding: { ...finding, spans },
        status: row.status,
        reviews: redact ? [] : reviews,
        subject,
        item,
        raw: redact ? undefined : stored.raw,
        capture: { id: row.capture_id, sha256: row.capture_sha256, origin: redact ? undefined : row.capture_origin, member_path: row.capture_member, captured_at: row.captured_at, file: captureFile },
        media_captures: mediaFiles,
      }),
    );
    csvRows.push(csvInput(row, finding.title[lang], spans, item, captureFile, redact !== undefined));
    cards.push(reportCard(store, row, finding, item, spans, redact !== undefined));
  }

  files.push({ path: 'findings.csv', mediaType: 'text/csv', role: 'findings', data: Buffer.from(findingsCsv(csvRows)) });
  files.push({ path: 'findings.jsonl', mediaType: 'application/x-ndjson', role: 'findings', data: Buffer.from(jsonl.map((l) => `${l}\n`).join('')) });
  if (!redact) {
    files.push({ path: 'reviews.csv', mediaType: 'text/csv', role: 'reviews', data: Buffer.from(`\uFEFF${reviewLines.join('')}`) });
    files.push({ path: 'subjects.csv', mediaType: 'text/csv', role: 'subjects', data: Buffer.from(subjectsCsv(store, subjectIds)) });
    const custody: string[] = [];
    for (const e of custodyEntries(db)) if (e.seq <= head.seq) custody.push(`${canonicalJson({ ...e, payload: JSON.parse(e.payload) as unknown })}\n`);
    files.push({ path: 'custody.jsonl', mediaType: 'application/x-ndjson', role: 'custody', data: Buffer.from(custody.join('')) });
  }

  const filterText = Object.entries(filter).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`).join(', ');
  const report: ReportDataInput = {
    meta: { title: t(m.reportTitle), generatedAt: created, storeUuid, profile: o.profile, chainHead: head, filters: filterText, netralVersion: TOOL_VERSION, lang },
    cards,
  };
  files.push({ path: 'report.html', mediaType: 'text/html', role: 'report', data: Buffer.from(renderHtmlReport(ReportData.parse(report))) });
  files.push({ path: 'README.txt', mediaType: 'text/plain', role: 'readme', data: Buffer.from(`${t(m.bundleReadme, {}, 'id')}\n\n---\n\n${t(m.bundleReadme, {}, 'en')}\n`) });

  const tmp = mkdtempSync(join(tmpdir(), 'netral-export-'));
  try {
    if (o.profile === 'full') {
      // a VACUUM INTO copy is one non-WAL file: it opens read-only from a USB stick
      const snapshot = join(tmp, 'evidence.db');
      db.prepare('VACUUM INTO ?').run(snapshot);
      files.push({ path: 'evidence.db', mediaType: 'application/vnd.sqlite3', role: 'database', file: snapshot });
    }
    const sealed = await sealBundle(files, { profile: o.profile, created, software: `netral ${TOOL_VERSION}`, store_uuid: storeUuid, filters: filter, chain_head: head, findings: csvRows.length });
    await writeBundle(o.out, sealed.files);
    const id = sealed.manifestSha256;
    store.write(() => {
      db.prepare('INSERT INTO exports (id, created_at, actor, profile, filters, manifest_sha256, head_seq, head_hash, out_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        id, created, o.actor, o.profile, canonicalJson(filter), sealed.manifestSha256, head.seq, head.hash, o.out,
      );
      db.prepare("INSERT INTO anchors (seq, head_hash, created_at, kind, export_id) VALUES (?, ?, ?, 'export', ?)").run(head.seq, head.hash, created, id);
      appendCustody(db, { actor: o.actor, action: 'export.create', objectType: 'export', objectId: id, objectSha256: sealed.manifestSha256, runId: null, payload: { profile: o.profile, findings: csvRows.length, captures: captureFiles.size, head_seq: head.seq, head_hash: head.hash } });
    });
    return { id, out: o.out, profile: o.profile, findings: csvRows.length, captures: captureFiles.size, files: sealed.files.length, manifestSha256: sealed.manifestSha256, head };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
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

function csvInput(row: FindingOverview, title: string, spans: Span[], item: Item, captureFile: string | null, redacted: boolean): FindingCsvInput {
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
    actor: row.actor_handle ?? row.actor_name,
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
    candidates: (JSON.parse(row.candidates) as Array<{ number: number; name: string }>).map((c) => `${c.number}. ${c.name}`),
    matchedWords: [...new Set(spans.map((s) => s.text))],
    excerpt: item.text ?? null,
    captureSha256: row.capture_sha256,
    captureFile,
  };
}

function reportCard(store: Store, row: FindingOverview, finding: ReturnType<typeof findingFromStore>, item: Item, spans: Span[], redacted: boolean): ReportCard {
  const card: z.input<typeof ReportCard> = {
    findingId: finding.id,
    ruleId: finding.ruleId,
    ruleVersion: finding.ruleVersion,
    ruleTitle: finding.title,
    prohibition: finding.prohibition,
    severity: finding.severity,
    confidence: finding.confidence,
    track: finding.track,
    legalBasis: finding.legalBasis,
    explanation: finding.explanation,
    candidates: finding.candidates.map((c) => ({ election: c.election, number: c.number, name: c.name })),
    review: { status: row.status, ...opt('reviewer', redacted ? null : row.reviewer), ...opt('decidedAt', row.decided_at), ...opt('reason', [row.reason_code, row.review_comment].filter(Boolean).join(': ') || null) },
    item: {
      platform: item.platform,
      kind: item.kind,
      ...opt('time', item.time),
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
    const regions = thumb ? findingBoxes(store.db.prepare('SELECT raw_json FROM items WHERE id = ?').pluck().get(item.id) as string | null, finding.id) : undefined;
    if (thumb) card.thumbnail = regions ? { ...thumb, regions } : thumb;
  }
  return ReportCard.parse(card);
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
 * Public profile: third parties (people mentioned, commented on, chatted with) are replaced by a
 * store-salted hash, stable within the store, so a reader can count them but not name them.
 */
function makeRedactor(salt: string) {
  const anon = (v: string) => `anon-${sha256Hex(`${salt}:${normHandle(v)}`).slice(0, 10)}`;
  return {
    item(item: Item, spans: Span[]): { item: Item; spans: Span[] } {
      const { text, spans: shifted } = item.text ? redactMentions(item.text, spans, anon) : { text: item.text, spans };
      const out: Item = {
        ...item,
        mentions: item.mentions.map(anon),
        media: item.media.map((md) => ({ ...(md.caption ? { caption: md.caption } : {}), ...(md.mediaType ? { mediaType: md.mediaType } : {}), ...(md.sha256 ? { sha256: md.sha256 } : {}) })),
      };
      if (text !== undefined) out.text = text;
      if (item.target) out.target = { ...(item.target.kind ? { kind: item.target.kind } : {}), ...(item.target.name ? { name: anon(item.target.name) } : {}), ...(item.target.handle ? { handle: anon(item.target.handle) } : {}) };
      if (item.context?.kind === 'chat' && item.context.name) out.context = { kind: 'chat', name: anon(item.context.name) };
      return { item: out, spans: shifted };
    },
  };
}

/** Replace @mentions not covered by a matched span, shifting the text spans to the new offsets. */
export function redactMentions(text: string, spans: Span[], anon: (v: string) => string): { text: string; spans: Span[] } {
  const textSpans = spans.filter((s) => s.field === 'text');
  const shifts: Array<{ at: number; delta: number }> = [];
  let out = '';
  let pos = 0;
  for (const match of text.matchAll(/@[\p{L}\p{N}_.]{2,}/gu)) {
    const start = match.index;
    const end = start + match[0].length;
    if (textSpans.some((s) => s.start < end && s.end > start)) continue;
    const replacement = `@${anon(match[0])}`;
    out += text.slice(pos, start) + replacement;
    shifts.push({ at: end, delta: replacement.length - match[0].length });
    pos = end;
  }
  out += text.slice(pos);
  const shift = (x: number) => x + shifts.filter((s) => s.at <= x).reduce((sum, s) => sum + s.delta, 0);
  return { text: out, spans: spans.map((s) => (s.field === 'text' ? { ...s, start: shift(s.start), end: shift(s.end) } : s)) };
}
