// Generic tables: CSV/TSV and JSONL/NDJSON, one item per row. Columns are recognised by their
// usual names (English and Indonesian, case-insensitive) or named with --text-column/--time-column.
// Spreadsheets exported by scrapers and analysts are the typical input; they can be large, so
// both adapters stream.
import { Readable, Transform } from 'node:stream';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { ingestMessages as msg } from '../i18n/ingest.js';
import { Platform, type ItemDraft, type ItemKind, type Ref } from '../model/index.js';
import { tableKind } from './table-kinds.js';
import { extractHashtags, extractMentions } from '../text/tags.js';
import { describeJsonError, jsonErrorWhere } from './json.js';
import { MemberFormatError, type Adapter, type AdapterContext, type ParsedItem, type RowSpan } from './types.js';
import { localToUtc } from './time.js';
import { boundedLineSpanBatches } from './lines.js';
import { DEFAULT_LIMITS, LimitError } from '../limits.js';
import { errorText } from '../errors.js';
import { applySnscrapeFields, hasSnscrapeFields } from './snscrape.js';

// Column names are compared without case and punctuation ("Full Text", "full_text", "isi_postingan").
// Exact names first, in this order; then a header that merely contains one of the word stems.
const TEXT_COLUMNS = ['text', 'tweet', 'fulltext', 'rawcontent', 'message', 'caption', 'content', 'body', 'isi', 'teks', 'status', 'description', 'postingan', 'konten', 'pesan', 'komentar', 'unggahan'];
const TEXT_STEMS = ['text', 'teks', 'tweet', 'content', 'konten', 'caption', 'message', 'pesan', 'isi', 'postingan', 'unggahan', 'komentar'];
const TIME_COLUMNS = ['createdat', 'date', 'time', 'timestamp', 'tanggal', 'waktu', 'datetime', 'tgl'];
const TIME_STEMS = ['tanggal', 'waktu', 'date', 'time', 'created', 'tgl'];
const URL_COLUMNS = ['url', 'link', 'permalink', 'tautan'];
const HANDLE_COLUMNS = ['username', 'screenname', 'akun', 'handle', 'userhandle'];
const NAME_COLUMNS = ['author', 'user', 'nama', 'name', 'penulis', 'pengirim'];
const PLATFORM_COLUMNS = ['platform', 'sumber', 'source', 'medsos', 'media'];
/**
 * The group or chat a row was posted in, as an analyst's sheet of screenshots names it ("grup":
 * "Staf Dishub Sampang"): the row's context, read by the office rules as a chat's name is
 */
/** a Facebook group's post or permalink URL, its group id or vanity name captured */
const FACEBOOK_GROUP_URL = /facebook\.com\/groups\/([^/?#\s]+)/i;
/** columns holding a post's own URL (facebook-scraper's post_url; a sheet's url or permalink) */
const POST_URL_COLUMNS = ['posturl', 'postlink', 'permalink', 'url'];
const GROUP_COLUMNS = ['grup', 'group', 'groupname', 'grupname', 'namagrup', 'namagroup', 'grupwa', 'chatname', 'namachat'];

const PLATFORM_ALIASES: Record<string, Platform> = { twitter: 'x', fb: 'facebook', ig: 'instagram', wa: 'whatsapp', tg: 'telegram' };

/**
 * A source cell that says more than the platform, as an analyst writes where a screenshot came from:
 * `whatsapp: tangkapan layar grup "Guru SDN 5 Plaju"`, `Telegram - grup "Staf Kecamatan Laweyan"`.
 * When it names a group, its first word is the platform and the quoted name after the group or chat
 * word is the group the row was posted in (read as a group column's cell would be).
 */
const SOURCE_CELL = /^\s*([\p{L}]+)\b(?:.*?\b(?:grup|group|grub|chat|obrolan|kanal|channel)\b\s*["“”']([^"“”']+)["“”'])?/iu;

/**
 * The same cell with the group's name unquoted, as the platform and the group word open it:
 * `WhatsApp grup Guru SDN 4 Sukamaju`, `WhatsApp grup Staf BPBD Sukamaju (balasan anggota lain)`. The
 * name runs to the end of the cell or to an analyst's note in brackets; only a chat platform's
 * group (a Facebook group's name is read from its URL or a group column), and only a name of at
 * least one letter, so "whatsapp grup" alone names none.
 */
const SOURCE_CELL_UNQUOTED = /^\s*(whatsapp|wa|telegram|tg)\s*[:\-–]?\s*(?:tangkapan\s+layar\s+)?(?:grup|group|grub)\s+([^"“”'()]*\p{L}[^"“”'()]*?)\s*(?:\([^()]*\)\s*)?$/iu;

function readSourceCell(raw: string): { platform: string; group?: string } {
  const unquoted = SOURCE_CELL_UNQUOTED.exec(raw);
  if (unquoted) return { platform: (unquoted[1] as string).toLowerCase(), group: (unquoted[2] as string).trim() };
  const m = SOURCE_CELL.exec(raw);
  const group = m?.[2]?.trim();
  // a cell naming no group is the platform's name as it stands ("twitter", "Facebook Page")
  return m && group ? { platform: (m[1] as string).toLowerCase(), group } : { platform: raw.toLowerCase() };
}

/** Which field of a row each recognised column feeds. */
interface Columns {
  text?: string;
  time?: string;
  url?: string;
  handle?: string;
  name?: string;
  kind?: string;
  target?: string;
  hashtags?: string;
  platform?: string;
  group?: string;
  /** the post's own URL, read only for the group it names (a scrape's "link" is a link shared in the post) */
  postUrl?: string;
}

type Row = Record<string, unknown>;

/** What reading a row needs of its member: the capture's id, the member's path, the column options. */
export interface RowContext {
  capture: { id: string };
  member: { path: string };
  options: Pick<AdapterContext['options'], 'timezone' | 'textColumn' | 'timeColumn'>;
}

/** Pick the columns of a header; throws MemberFormatError when no text/target column is found. */
function recogniseColumns(header: readonly string[], ctx: Pick<RowContext, 'member' | 'options'>): Columns {
  const byKey = new Map<string, string>();
  for (const h of header) if (!byKey.has(columnKey(h))) byKey.set(columnKey(h), h);
  const found = header.join(', ') || '—';
  const first = (names: readonly string[]): string | undefined => names.map((n) => byKey.get(n)).find((h) => h !== undefined);
  const containing = (stems: readonly string[], taken: ReadonlyArray<string | undefined>): string | undefined =>
    [...byKey.entries()].find(([key, h]) => !taken.includes(h) && stems.some((stem) => key.includes(stem)))?.[1];
  const named = (option: string | undefined): string | undefined => {
    if (option === undefined) return undefined;
    const h = byKey.get(columnKey(option));
    if (h === undefined) throw new MemberFormatError(ctx.member.path, t(msg.tableColumnMissing, { column: option, columns: found }));
    return h;
  };
  const url = first(URL_COLUMNS);
  const handle = first(HANDLE_COLUMNS);
  const name = first(NAME_COLUMNS);
  const platform = first(PLATFORM_COLUMNS);
  const time = named(ctx.options.timeColumn) ?? first(TIME_COLUMNS) ?? containing(TIME_STEMS, [url, handle, name, platform]);
  const text = named(ctx.options.textColumn) ?? first(TEXT_COLUMNS) ?? containing(TEXT_STEMS, [url, handle, name, platform, time]);
  const cols: Columns = { text, time, url, handle, name, platform, kind: first(['kind', 'jenis']), target: first(['target', 'sasaran']), hashtags: first(['hashtags', 'hashtag', 'tagar']), group: first(GROUP_COLUMNS), postUrl: first(POST_URL_COLUMNS) };
  if (!cols.text && !cols.target) throw new MemberFormatError(ctx.member.path, t(msg.tableNoTextColumn, { columns: found }));
  return cols;
}

/** "Full Text" → "fulltext", "isi_postingan" → "isipostingan": names compared without case and punctuation. */
function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A file's row problems, as counted (plain data: a worker thread counts a share of the rows). */
export interface RowProblemCounts {
  empty: number;
  badTimes: number;
  /** the first unreadable time, in file order */
  badTimeExample: string;
  /** rows whose kind cell names no kind netral knows (read as posts), and the first such cell */
  unknownKinds: number;
  unknownKindExample: string;
}

/** Counts problems over a whole file so each kind is reported once, at the end. */
export class RowProblems implements RowProblemCounts {
  empty = 0;
  badTimes = 0;
  badTimeExample = '';
  unknownKinds = 0;
  unknownKindExample = '';

  emptyRow(): void {
    this.empty++;
  }
  badTime(value: string): void {
    if (this.badTimes++ === 0) this.badTimeExample = value;
  }
  unknownKind(value: string): void {
    if (this.unknownKinds++ === 0) this.unknownKindExample = value;
  }
  /** adds the counts of rows that come after the ones counted so far */
  add(later: RowProblemCounts): void {
    if (this.badTimes === 0 && later.badTimes > 0) this.badTimeExample = later.badTimeExample;
    if (this.unknownKinds === 0 && later.unknownKinds > 0) this.unknownKindExample = later.unknownKindExample;
    this.empty += later.empty;
    this.badTimes += later.badTimes;
    this.unknownKinds += later.unknownKinds;
  }
  report(ctx: Pick<AdapterContext, 'member' | 'warn'>): void {
    const path = ctx.member.path;
    if (this.empty > 0) ctx.warn(t(msg.tableRowsWithoutText, { path, count: this.empty }));
    if (this.badTimes > 0) ctx.warn(t(msg.tableTimesUnreadable, { path, count: this.badTimes, example: this.badTimeExample }));
    if (this.unknownKinds > 0) ctx.warn(t(msg.tableKindsUnknown, { path, count: this.unknownKinds, example: this.unknownKindExample }));
  }
}

/** One row → ParsedItem, or undefined when it has neither text nor target. */
function rowItem(row: Row, cols: Columns, pointer: string, ctx: RowContext, problems: RowProblems, fileNamesAuthors: boolean = namesAuthor(cols)): ParsedItem | undefined {
  const cell = (col: string | undefined): string | undefined => {
    const v = col === undefined ? undefined : row[col];
    if (v === undefined || v === null) return undefined;
    const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
    return s.trim() ? s : undefined;
  };
  const text = cell(cols.text);
  const targetName = cell(cols.target);
  if (!text && !targetName) {
    problems.emptyRow();
    return undefined;
  }
  const timeRaw = cell(cols.time);
  const time = timeRaw ? parseTableTime(timeRaw, ctx.options.timezone) : undefined;
  if (timeRaw && !time) problems.badTime(timeRaw);
  const nested = nestedAccount(cols.name === undefined ? undefined : row[cols.name]);
  const handle = (cell(cols.handle) ?? nested?.handle)?.replace(/^@/, '');
  const name = nested ? nested.name : cell(cols.name);
  let actor: Ref | undefined;
  if (handle || name) {
    actor = { kind: 'account' };
    if (name) actor.name = name;
    if (handle) actor.handle = handle;
  }
  // most tables have neither column: no parse (and no error object) for an absent cell
  // an analyst writes the kind in Indonesian or English ("suka", "check-in"): table-kinds.ts
  const kindCell = cell(cols.kind);
  const kind: ItemKind | undefined = kindCell === undefined ? undefined : tableKind(kindCell);
  if (kindCell !== undefined && kind === undefined) problems.unknownKind(kindCell);
  const sourceRaw = cell(cols.platform);
  const source = sourceRaw === undefined ? undefined : readSourceCell(sourceRaw);
  const platformCell = source?.platform;
  const platform = platformCell === undefined ? undefined : Platform.safeParse(PLATFORM_ALIASES[platformCell] ?? platformCell);
  const permalink = cell(cols.url);
  // no group column: a Facebook group post's own URL names its group ("facebook.com/groups/771234/
  // permalink/…"), as a scrape of a group's timeline keeps it; the group is then known by its id
  const group = cell(cols.group) ?? source?.group;
  const postUrl = group === undefined ? cell(cols.postUrl) : undefined;
  const groupId = postUrl === undefined ? undefined : FACEBOOK_GROUP_URL.exec(postUrl)?.[1];
  // an analyst's sheet of screenshotted threads (a group column beside an author column, no kind
  // column) holds comments, not posts: each row answers the rows before it in the same group, or,
  // its group cell empty, in the same platform's thread of the sheet (a news post, a candidate's
  // page): ChatContext reads it with the rows just before it, as a chat reply
  // (that thread is named by an id, not a name: no field text a rule would read)
  // (a source cell naming the group stands for a group column)
  const threadSheet = (cols.group !== undefined || source?.group !== undefined) && cols.kind === undefined && namesAuthor(cols);
  const thread = group
    ? { kind: 'group' as const, name: group }
    : groupId
      ? { kind: 'group' as const, id: groupId }
      : threadSheet && platformCell
        ? { kind: 'post' as const, id: `sheet:${platformCell}` }
        : undefined;
  const listed = listCell(cols.hashtags === undefined ? undefined : row[cols.hashtags]);
  // keys set in the order an object literal with conditional spreads gave them, without a
  // temporary object per key (speed only)
  const draft: Partial<ItemDraft> = {
    platform: platform?.success ? platform.data : 'table',
    kind: kind ?? (threadSheet && thread ? 'comment' : 'post'),
  };
  if (actor) draft.actor = actor;
  if (targetName) draft.target = { name: targetName };
  // an "event"/"acara" row names the event in its target cell: the analyst records the subject's own
  // response to that event on the platform without saying which one (joined? interested?), so it is
  // an event whose response is 'recorded', never a guessed 'joined'; its title is read as an event's
  if (draft.kind === 'event' && targetName) draft.event = { name: targetName.trim(), response: 'recorded' };
  // a "hadir"/"check-in" row names the place the subject was recorded at in its target cell ("Posko
  // Pemenangan Jaya-Wibawa Denpasar Selatan"): the place of a check-in, as a platform's check-in gives it
  if (draft.kind === 'checkin' && targetName) draft.place = { name: targetName.trim() };
  if (text) draft.text = text;
  if (time) draft.time = time;
  if (timeRaw) draft.timeRaw = timeRaw;
  if (permalink) draft.permalink = permalink;
  if (thread) draft.context = thread;
  // the text's own tags are already unique without case (extractHashtags): merged only beside listed ones
  draft.hashtags = listed.length === 0 ? extractHashtags(text) : uniqueCaseless([...listed, ...extractHashtags(text)]);
  draft.mentions = extractMentions(text);
  // an snscrape Tweet's mentioned users (snscrape.ts; its quoted tweet is read by pipeline/quote-context.ts)
  if (hasSnscrapeFields(row)) applySnscrapeFields(draft, row);
  draft.source = { captureId: ctx.capture.id, path: ctx.member.path, pointer };
  // a sheet without an author column is the file's owner's (the file is handed over as theirs); in a
  // sheet with one, a row whose author cell is empty names nobody: it is not guessed to be the owner's.
  // A JSONL file's first record is its header: once it names an author, a line without one is nobody's.
  const ownersRow = !fileNamesAuthors && !namesAuthor(cols);
  return { draft: draft as ItemDraft, raw: row, ...(ownersRow ? { byOwner: true } : {}) };
}

/** Whether a row's columns say who wrote it (an author or account column / key). */
function namesAuthor(cols: Columns): boolean {
  return cols.handle !== undefined || cols.name !== undefined;
}

/**
 * Whether a JSONL line's keys name its author, as recogniseColumns reads them (the main thread asks
 * this of a file's first record, which decides for every line after it, like a CSV header); false
 * for a line that is not a JSON object.
 */
export function jsonlLineNamesAuthor(line: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line.replace(/^\ufeff/, '')) as unknown;
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return keysNameAuthor(Object.keys(value));
}

/** Whether a record's keys include an author or account column. */
function keysNameAuthor(keys: readonly string[]): boolean {
  const set = new Set(keys.map(columnKey));
  return HANDLE_COLUMNS.some((k) => set.has(k)) || NAME_COLUMNS.some((k) => set.has(k));
}

/** An author given as an object ({username, displayname} of snscrape, {screen_name, name} of X). */
function nestedAccount(v: unknown): { handle?: string; name?: string } | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const str = (...keys: string[]) => keys.map((k) => o[k]).find((x): x is string => typeof x === 'string' && x.trim() !== '');
  const handle = str('username', 'screen_name', 'screenName', 'handle', 'uniqueId');
  const name = str('displayname', 'displayName', 'name', 'nickname');
  return handle || name ? { ...(handle && { handle }), ...(name && { name }) } : undefined;
}

/** A hashtags cell: a JSON array, or words separated by commas/spaces, with or without '#'. */
function listCell(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v !== 'string' || !v.trim()) return [];
  const s = v.trim();
  if (s.startsWith('[')) {
    const parsed = z.array(z.string()).safeParse(safeJson(s));
    if (parsed.success) return parsed.data.map((h) => h.replace(/^#/, ''));
  }
  return s
    .split(/[\s,;]+/)
    .map((h) => h.replace(/^#/, ''))
    .filter(Boolean);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

function uniqueCaseless(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A time cell → ISO 8601 UTC. Accepts ISO 8601, unix seconds or milliseconds, X's
 * "Sat Dec 06 18:20:30 +0000 2025", "YYYY-MM-DD HH:mm[:ss]" and Indonesian day-first
 * "DD/MM/YYYY[ HH:mm[:ss]]". A time without an offset is wall-clock time in `timeZone`
 * (a spreadsheet from an Indonesian office writes WIB), UTC when no zone is given.
 */
export function parseTableTime(value: string, timeZone?: string): string | undefined {
  const s = value.trim();
  // speed only: "2024-01-31T08:15:00.000Z" (what most exports and scrapers write) without the
  // regexes below and their match arrays; the same parts through the same fromParts
  if (isCanonicalIso(s)) return canonicalInRange(s) ? s : fromParts(s.slice(0, 4), Number(s.slice(5, 7)), s.slice(8, 10), s.slice(11, 13), s.slice(14, 16), s.slice(17, 19), s.slice(20, 23), 'Z');
  if (/^\d{9,13}(\.\d+)?$/.test(s)) {
    const n = Number(s);
    return valid(new Date(n >= 1e12 ? n : n * 1000));
  }
  const x = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/.exec(s);
  if (x) {
    const month = MONTHS.indexOf(x[1]!.toLowerCase()) + 1;
    if (month === 0) return undefined;
    return fromParts(x[7]!, month, x[2]!, x[3]!, x[4]!, x[5]!, undefined, x[6]!);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (iso) return wallToUtc(iso[1]!, Number(iso[2]), iso[3]!, iso[4], iso[5], iso[6], iso[7], iso[8], timeZone);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?$/.exec(s);
  if (dmy) return wallToUtc(dmy[3]!, Number(dmy[2]), dmy[1]!, dmy[4], dmy[5], dmy[6], undefined, undefined, timeZone);
  return undefined;
}

/** Exactly YYYY-MM-DDTHH:mm:ss.sssZ (digits where digits go), as the ISO regex of parseTableTime reads it. */
function isCanonicalIso(s: string): boolean {
  if (s.length !== 24 || s.charCodeAt(4) !== 0x2d || s.charCodeAt(7) !== 0x2d || s.charCodeAt(10) !== 0x54 || s.charCodeAt(13) !== 0x3a || s.charCodeAt(16) !== 0x3a || s.charCodeAt(19) !== 0x2e || s.charCodeAt(23) !== 0x5a) return false;
  for (const i of ISO_DIGITS) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
const ISO_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * A canonical ISO time whose parts are all in range is its own UTC form: fromParts would give back
 * the same string through two Date objects and toISOString (a tenth of a clean row's garbage).
 * Years before 100 are left to fromParts (Date.UTC reads 0–99 as 1900–1999), as is an hour of 24,
 * a 60th minute or second (rolled over) and a day the month lacks (undefined).
 */
function canonicalInRange(s: string): boolean {
  const num = (from: number, to: number): number => {
    let v = 0;
    for (let i = from; i < to; i++) v = v * 10 + s.charCodeAt(i) - 0x30;
    return v;
  };
  const year = num(0, 4);
  const month = num(5, 7);
  const day = num(8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1 || num(11, 13) > 23 || num(14, 16) > 59 || num(17, 19) > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (leap ? 29 : 28) : MONTH_DAYS[month - 1]!);
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Wall-clock parts in a zone → ISO UTC; undefined for an impossible date (31/02). */
/** Written parts to UTC: with their own offset as written; without one, as wall-clock time in `timeZone` when given. */
function wallToUtc(y: string, month: number, d: string, h: string | undefined, mi: string | undefined, sec: string | undefined, frac: string | undefined, offset: string | undefined, timeZone: string | undefined): string | undefined {
  return offset || !timeZone ? fromParts(y, month, d, h, mi, sec, frac, offset) : local(y, month, d, h, mi, sec, timeZone);
}

function local(y: string, month: number, d: string, h = '0', mi = '0', sec = '0', timeZone: string): string | undefined {
  if (fromParts(y, month, d, h, mi, sec, undefined, undefined) === undefined) return undefined;
  try {
    return localToUtc({ y: Number(y), m: month, d: Number(d), hh: Number(h), mm: Number(mi), ss: Number(sec) }, timeZone);
  } catch {
    return undefined;
  }
}

function fromParts(y: string, month: number, d: string, h = '0', mi = '0', sec = '0', frac: string | undefined, offset: string | undefined): string | undefined {
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const utc = Date.UTC(Number(y), month - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
  const check = new Date(Date.UTC(Number(y), month - 1, Number(d)));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== Number(d)) return undefined; // 31/02
  let shift = 0;
  if (offset && offset.toUpperCase() !== 'Z') {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
    if (!o) return undefined;
    shift = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) * 60_000;
  }
  return valid(new Date(utc - shift));
}

function valid(d: Date): string | undefined {
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

// ---- CSV ----------------------------------------------------------------------------------------

/**
 * CRLF/CR → LF, so csv-parse counts lines the same way for every file (chunk-boundary safe).
 * `removed` receives, in order, the output offset of every \n whose \r was dropped, so a record's
 * end in csv-parse's byte count maps back to the file's own offsets (`OriginalOffsets`).
 */
function normaliseNewlines(removed: number[]): Transform {
  let pendingCR = false;
  let outBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      let buf = pendingCR ? Buffer.concat([Buffer.from([0x0d]), chunk]) : chunk;
      pendingCR = buf.length > 0 && buf[buf.length - 1] === 0x0d;
      if (pendingCR) buf = buf.subarray(0, buf.length - 1);
      if (!buf.includes(0x0d)) {
        outBytes += buf.length;
        return done(null, buf);
      }
      // only CR (0x0D) is touched, never part of a UTF-8 sequence
      const out = Buffer.allocUnsafe(buf.length);
      let n = 0;
      for (let i = 0; i < buf.length; i++) {
        const b = buf[i]!;
        if (b !== 0x0d) out[n++] = b;
        else if (buf[i + 1] === 0x0a) {
          removed.push(outBytes + n);
          out[n++] = 0x0a;
          i++;
        } else out[n++] = 0x0a;
      }
      outBytes += n;
      done(null, out.subarray(0, n));
    },
    flush(done) {
      outBytes += pendingCR ? 1 : 0;
      done(null, pendingCR ? Buffer.from('\n') : null);
    },
  });
}

/** Offsets after normaliseNewlines → offsets in the file, for offsets asked in increasing order. */
class OriginalOffsets {
  private head = 0;
  private dropped = 0;
  constructor(private readonly removed: number[]) {}
  at(normalised: number): number {
    while (this.head < this.removed.length && this.removed[this.head]! < normalised) {
      this.head++;
      this.dropped++;
    }
    // forget what was passed: the list holds only the few newlines still in flight
    if (this.head > 4096) {
      this.removed.splice(0, this.head);
      this.head = 0;
    }
    return normalised + this.dropped;
  }
}

/** The delimiter of a CSV from its header line: the most frequent of , ; and tab (Excel in id-ID writes ';'). */
function sniffDelimiter(firstLine: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const count = firstLine.split(d).length - 1;
    if (count > most) [best, most] = [d, count];
  }
  return best;
}

/** Read the stream up to the first newline (or 64 KiB) and give back a stream that still starts at byte 0. */
async function peekFirstLine(stream: Readable): Promise<{ line: string; lineEnd: number; rest: Readable }> {
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const seen: Buffer[] = [];
  let length = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    seen.push(next.value);
    length += next.value.length;
    if (next.value.includes(0x0a) || length > 65536) break;
  }
  const head = Buffer.concat(seen);
  const line = head.toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? '';
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const newline = head.indexOf(0x0a);
  return { line, lineEnd: newline < 0 ? head.length : newline + 1, rest: Readable.from(replay()) };
}

/** A CSV record as csv-parse gave it, with the file's header, its pointer ("line:N") and its bytes in the file. */
export interface CsvRecord {
  record: Row;
  header: string[];
  pointer: string;
  span: RowSpan;
}

/**
 * A CSV file's records in order: the part of reading a CSV that must run in file order (a quoted
 * value may span lines). The first record's header is checked for usable columns (throws
 * MemberFormatError), and a file with a header but no record is checked after the last one.
 */
export async function* csvRecords(stream: Readable, ctx: Pick<RowContext, 'member' | 'options'> & { options: Pick<AdapterContext['options'], 'limits'> }): AsyncGenerator<CsvRecord> {
  // csv-parse is imported with the first CSV: a scan of JSONL or exports needs none of it
  const [{ parse }, { line, lineEnd, rest }] = await Promise.all([import('csv-parse'), peekFirstLine(stream)]);
  const delimiter = /\.tsv$/i.test(ctx.member.path) ? '\t' : sniffDelimiter(line);
  const removedCRs: number[] = [];
  const original = new OriginalOffsets(removedCRs);
  const parser = rest.pipe(normaliseNewlines(removedCRs)).pipe(
    parse({ bom: true, delimiter, max_record_size: ctx.options.limits?.maxLineBytes ?? DEFAULT_LIMITS.maxLineBytes, columns: (header: string[]) => header.map((h) => h.trim()), info: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }),
  );
  let header: string[] | undefined;
  // where the previous record (or the header) ended in the file: a record's bytes start there
  let recordStart: number | undefined;
  try {
    for await (const rec of parser as AsyncIterable<{ record: Row; info: { lines: number; bytes: number; columns: Array<{ name: string }> | boolean } }>) {
      if (header === undefined) {
        header = Array.isArray(rec.info.columns) ? rec.info.columns.map((c) => c.name) : Object.keys(rec.record);
        recogniseColumns(header, ctx);
      }
      // info.lines is the line the record ends on; values spanning lines move the start back.
      let inner = 0;
      for (const v of Object.values(rec.record)) if (typeof v === 'string') inner += newlines(v);
      const end = original.at(rec.info.bytes);
      // a header whose quoted names span lines is rare: its first record then starts at byte 0
      const start = recordStart ?? (lineEnd < end ? lineEnd : 0);
      recordStart = end;
      yield { record: rec.record, header, pointer: `line:${rec.info.lines - inner}`, span: { offset: start, length: end - start } };
    }
  } catch (err) {
    throw csvFailure(err, ctx);
  }
  // A header without a single row still tells us whether the columns are usable.
  if (!header) recogniseColumns(line.split(delimiter).map((h) => h.trim().replace(/^"|"$/g, '')).filter(Boolean), ctx);
}

/** The \n in a value (a quoted value spanning lines). */
function newlines(v: string): number {
  let n = 0;
  for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) n++;
  return n;
}

/** A failure while reading a CSV as the member's failure: its own format error, a record over the limit, or csv-parse's. */
function csvFailure(err: unknown, ctx: Pick<RowContext, 'member'> & { options: Pick<AdapterContext['options'], 'limits'> }): unknown {
  if (err instanceof MemberFormatError) return err;
  const limit = ctx.options.limits?.maxLineBytes ?? DEFAULT_LIMITS.maxLineBytes;
  if ((err as { code?: string }).code === 'CSV_MAX_RECORD_SIZE') return new LimitError('maxLineBytes', limit, 'CSV record too long', `line:${(err as { lines?: number }).lines ?? '?'}`);
  return new MemberFormatError(ctx.member.path, t(msg.csvUnreadable, { detail: errorText(err) }));
}

async function* readCsv(stream: Readable, ctx: AdapterContext): AsyncGenerator<ParsedItem> {
  let rows: CsvRows | undefined;
  for await (const r of csvRecords(stream, ctx)) {
    rows ??= new CsvRows(ctx, r.header);
    const parsed = rows.row(r.record, r.pointer);
    if (parsed) yield { ...parsed, span: r.span };
  }
  rows?.problems.report(ctx);
}

/**
 * CSV records → rows, in order: the whole file's reader, or a worker thread's share of its records
 * (pipeline/row-verdict.ts). The header's columns are usable (csvRecords checked them).
 */
export class CsvRows {
  readonly problems = new RowProblems();
  private readonly cols: Columns;

  constructor(
    private readonly ctx: RowContext & { options: Pick<AdapterContext['options'], 'limits'> },
    header: readonly string[],
  ) {
    this.cols = recogniseColumns(header, ctx);
  }

  /** A record → its item, or undefined (no text). Throws MemberFormatError. */
  row(record: Row, pointer: string): ParsedItem | undefined {
    try {
      return rowItem(record, this.cols, pointer, this.ctx, this.problems);
    } catch (err) {
      throw csvFailure(err, this.ctx);
    }
  }
}

export const csvAdapter: Adapter = {
  id: 'csv',
  platform: 'table',
  label: 'CSV',
  input: 'stream',
  authorship: 'per-item',
  detect: (path) => /\.(csv|tsv)$/i.test(path),
  read: (source, ctx) => readCsv(source as Readable, ctx),
};

// ---- JSONL ------------------------------------------------------------------------------------

async function* readJsonl(stream: Readable, ctx: AdapterContext): AsyncGenerator<ParsedItem> {
  const rows = new JsonlRows(ctx, true);
  let n = 0;
  for await (const spans of boundedLineSpanBatches(stream, ctx.options.limits?.maxLineBytes)) {
    for (const span of spans) {
      const parsed = rows.row(span.line, ++n);
      if (parsed) yield { ...parsed, span: { offset: span.offset, length: span.length } };
    }
  }
  rows.problems.report(ctx);
}

/**
 * JSONL lines → rows, one line at a time and in order: the whole file's reader, or a worker
 * thread's share of its lines (pipeline/row-chunks.ts). `first`: no line with content came before
 * the first line this reader is given (that line's keys decide whether the file is usable at all).
 */
export class JsonlRows {
  readonly problems = new RowProblems();
  private readonly known = new Map<string, Columns | undefined>();
  private lastKeys: string[] | undefined;
  private lastCols: Columns | undefined;

  /**
   * `authored`: the file's first record names its author (a worker's share of the lines is told; the
   * reader of the whole file, or of its first lines, finds out from that record).
   */
  constructor(
    private readonly ctx: RowContext,
    private first: boolean,
    private authored?: boolean,
  ) {}

  /** Line `n` (1-based, in the file) → its item, or undefined (blank, or no text). Throws MemberFormatError. */
  row(text: string, n: number): ParsedItem | undefined {
    const ctx = this.ctx;
    const line = n === 1 ? text.replace(/^\ufeff/, '') : text;
    if (!line.trim()) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch (err) {
      // one line is one record: only the column is news
      const where = jsonErrorWhere(line, err);
      throw new MemberFormatError(ctx.member.path, t(msg.jsonlBadLine, { line: n, detail: 'line' in where ? t(msg.jsonColumn, { column: where.column }) : describeJsonError(where) }));
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new MemberFormatError(ctx.member.path, t(msg.jsonlNotObject, { line: n }));
    const row = value as Row;
    // Lines may differ in keys, so each is recognised on its own; only the first line's columns
    // decide whether the file is usable at all (like a CSV header).
    // lines of one file nearly always share their keys: each set of keys is recognised once
    const keys = Object.keys(row);
    let cols: Columns | undefined;
    // the same keys as the line before (nearly every line): no signature string to build
    if (this.lastKeys !== undefined && sameKeys(keys, this.lastKeys)) cols = this.lastCols;
    else {
      const signature = keys.join('\u0000');
      if (this.known.has(signature)) cols = this.known.get(signature);
      else {
        try {
          cols = recogniseColumns(keys, ctx);
        } catch (err) {
          if (this.first) throw err;
        }
        if (this.known.size >= 64) this.known.clear();
        this.known.set(signature, cols);
      }
      this.lastKeys = keys;
      this.lastCols = cols;
    }
    if (this.first) this.authored ??= cols !== undefined && namesAuthor(cols);
    // a file whose first record named nobody, once a line names its author, is a scrape of several
    // people: a line without an author after it is nobody's, not the owner's (jsonlAuthorsFrom)
    else if (this.authored === false && keysNameAuthor(keys)) this.authored = true;
    this.first = false;
    const parsed = cols && rowItem(row, cols, `line:${n}`, ctx, this.problems, this.authored ?? false);
    if (!cols) this.problems.emptyRow();
    return parsed;
  }
}

/** a key that may name a line's author (HANDLE_COLUMNS, NAME_COLUMNS): only such a line is parsed to be sure */
const AUTHOR_KEY_HINT = /"[^"]*(?:user|name|nama|akun|handle|author|penulis|pengirim)[^"]*"\s*:/i;

/**
 * Whether a JSONL line after the first names its author, as JsonlRows decides it (the main thread
 * asks this of each line until one does, in a file whose first record named nobody): only a line
 * with a likely key is parsed.
 */
export function jsonlLaterLineNamesAuthor(line: string): boolean {
  return AUTHOR_KEY_HINT.test(line) && jsonlLineNamesAuthor(line);
}

/** Whether a JSONL line has content (what JsonlRows.row skips as blank, without parsing it). */
export function jsonlLineHasContent(text: string, n: number): boolean {
  return (n === 1 ? text.replace(/^\ufeff/, '') : text).trim() !== '';
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const jsonlAdapter: Adapter = {
  id: 'jsonl',
  platform: 'table',
  label: 'JSONL',
  input: 'stream',
  authorship: 'per-item',
  detect: (path) => /\.(jsonl|ndjson)$/i.test(path),
  read: (source, ctx) => readJsonl(source as Readable, ctx),
};
