// The report of an export bundle: report.html is the index (attestation, summary, charts, a
// region × agency comparison and one row per civil servant with findings by prohibition and the
// period), linking to report/sNNN-pK.html pages that hold the evidence cards of one subject,
// chunked so no page outgrows a phone. Every page is self-contained and inert (no script, no
// network, a CSP that forbids both); the only links are relative links between these pages.
// Links to original posts are printed as text, not as <a href>: opening the report must never
// contact a platform, and the printed PDF shows the full address anyway.
import { t, type Lang, type Message } from '../i18n/index.js';
import { prohibitionLabel, profileLabels, reportText as m, severityLabels, statusLabels } from '../i18n/report.js';
import { SEVERITIES } from '../model/finding.js';
import { cardFacts, type CardFacts, type ReportData, type ReportMeta, type ReportSource, type ReviewStatus } from './report-data.js';
import { cardZone, renderCardParts, timeHtml, type Translate } from './html/cards.js';
import { columnChart, horizontalBarChart, STACK_ORDER, type ChartRow } from './html/charts.js';
import { escapeHtml as esc } from './html/escape.js';
import {
  comparisonRows,
  distinct,
  groupCounts,
  PROHIBITION_KEYS,
  prohibitionBuckets,
  regionOf,
  subjectKey,
  tally,
  topBuckets,
  weekBuckets,
  type Bucket,
  type Tally,
} from './html/stats.js';
import { REPORT_CSS } from './html/styles.js';
import { formatLocalDate } from './html/time.js';
import { ZONES, zoneOfRegion } from '../model/region-time.js';

/** The page forbids everything except inline styles and data: images. */
export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const CHART_LIMIT = 12;

/** Text, or the UTF-8 bytes of a text (a card read back from an export's spool). */
export type PagePart = string | Uint8Array;

/** One file of the report: `report.html` (the index) or `report/sNNN-pK.html`. */
export interface ReportPage {
  path: string;
  /** the whole page (joined from `parts` when read) */
  html: string;
  /**
   * The page in parts, each a few KB (head, a card, tail): written part by part, a page of 200
   * cards never becomes one string of megabytes (V8 keeps such strings until a full collection,
   * and an export of 100,000 findings makes hundreds of them). A card spooled by an export stays
   * the UTF-8 bytes it was spooled as (read back and written out, never decoded).
   */
  parts: readonly PagePart[];
  /** the subject page's number in the index (1-based), absent for the index */
  subject?: number;
  cards: number;
}

/** How large a card page may grow: by cards and by bytes (thumbnails are embedded). */
export interface PageLimits {
  cards: number;
  bytes: number;
}
export const DEFAULT_PAGE_LIMITS: PageLimits = { cards: 200, bytes: 4 * 1024 * 1024 };

/** The case id printed on every page: given by the exporter, else store + chain head. */
export function caseIdOf(meta: ReportMeta): string {
  return meta.caseId ?? `NTR-${meta.storeUuid.replace(/[^0-9a-f]/gi, '').slice(0, 8) || 'store'}-${meta.chainHead.seq}`;
}

interface SubjectSet {
  /** 1-based number in the index; 0 = authors who are no listed subject (listed last) */
  n: number;
  key: string;
  cards: CardFacts[];
  pages: string[];
}

/** What the index page's parts read: the meta and every card's facts. */
interface IndexData {
  meta: ReportMeta;
  cards: readonly CardFacts[];
}

const subjectFile = (n: number, page: number): string => `report/s${String(n).padStart(3, '0')}-p${page}.html`;

/** Every page of the report: the index first, then the card pages of each subject in index order. */
export function renderReportPages(data: ReportData, limits: PageLimits = DEFAULT_PAGE_LIMITS): ReportPage[] {
  const pages = [...reportPages(data, limits)];
  const index = pages.pop()!;
  return [index, ...pages];
}

/** The report of cards held in memory, page by page (see reportPagesFrom). */
export function reportPages(data: ReportData, limits: PageLimits = DEFAULT_PAGE_LIMITS): Generator<ReportPage> {
  return reportPagesFrom({ meta: data.meta, facts: data.cards.map(cardFacts), cards: (facts) => facts.map((f) => data.cards[f.n]!) }, limits);
}

/**
 * The report page by page, for writing as they come: every subject's card pages in index order,
 * then the index (report.html) last. Only one page's HTML and one page's cards are held at a
 * time; the index, summary and charts read the cards' facts.
 */
export function* reportPagesFrom(source: ReportSource, limits: PageLimits = DEFAULT_PAGE_LIMITS): Generator<ReportPage> {
  const data = { meta: source.meta, cards: source.facts };
  const lang: Lang = data.meta.lang;
  const tr: Translate = (msg: Message, params = {}) => t(msg, params, lang);
  const sets = subjectSets(data.cards);
  for (const set of sets) {
    const number = set.n || sets.length;
    const chunks = chunkGroups(set.cards, limits);
    set.pages = chunks.map((_, i) => subjectFile(number, i + 1));
    const label = set.cards[0]?.subject ? subjectLabel(set.cards[0]) : tr(m.noSubjectGroup);
    let n = 0;
    for (const [i, chunk] of chunks.entries()) {
      const nav = pageNav(set, i, tr);
      // rendered while the export read the store, or here from the cards
      const flat = chunk.flat();
      const parts = source.cardParts ? source.cardParts(flat) : source.cards!(flat).map((c) => renderCardParts(c, tr, lang, cardZone(c, data.meta)));
      let at = 0;
      // each card as its head, its number and its tail ('\n' between cards): numberedCard's text
      const cardsHtml: PagePart[][] = chunk.map((group) => {
        const rendered = group.flatMap((_, k) => {
          const [head, tail] = parts[at++]!;
          return [...(k ? ['\n'] : []), head, esc(tr(m.cardNo, { n: ++n, total: set.cards.length })), tail];
        });
        return group.length > 1
          ? [`<section class="group"><h3 class="group-head">${esc(tr(m.groupTitle, { n: group.length, prohibition: String(group[0]!.prohibition) }))}</h3>\n`, ...rendered, '\n</section>']
          : rendered;
      });
      const head = `${nav}
<header class="doc-head"><div class="doc-kind">${esc(tr(m.docKind))} · ${esc(caseIdOf(data.meta))}</div>
<h1>${esc(label)}</h1>
<p class="muted">${esc(tr(m.pageOf, { n: i + 1, total: chunks.length }))} · ${esc(tr(m.chainHead))} #${data.meta.chainHead.seq} <span class="mono">${esc(data.meta.chainHead.hash)}</span></p>
</header>
${i === 0 ? `<section class="index">${indexTable([set], data, tr, lang, '../')}</section>` : ''}
<section class="cards"><h2>${esc(tr(m.cardsTitle))}</h2>
`;
      // the cards one part each, '\n' between them: the same bytes as one joined body
      const body = [head, ...cardsHtml.flatMap((c, k) => (k ? ['\n', ...c] : c)), `
</section>
${nav}`];
      const part = `S${String(number).padStart(3, '0')} ${i + 1}/${chunks.length}`;
      yield page({ path: set.pages[i]!, subject: number, cards: chunk.reduce((k, g) => k + g.length, 0) }, documentParts(data.meta, `${data.meta.title} — ${label}`, body, part, tr));
    }
  }
  const index = `${headerHtml(data, tr, lang)}
${attestationHtml(data, tr, lang)}
${summaryHtml(data, tr, lang)}
<section class="index"><h2>${esc(tr(m.indexTitle))}</h2><p class="muted">${esc(tr(m.indexNote))}</p>
${data.cards.length ? indexTable(sets, data, tr, lang, '') : `<p class="empty">${esc(tr(m.noFindings))}</p>`}
</section>
${chartsHtml(data, tr)}
${comparisonHtml(data, tr)}
<footer class="doc-foot"><p>${esc(tr(m.footer, { version: data.meta.netralVersion }))}</p><p>${esc(tr(m.inertNote))}</p></footer>`;
  yield page({ path: 'report.html', cards: 0 }, documentParts(data.meta, data.meta.title, [index], tr(m.indexTitle), tr));
}

function subjectLabel(card: Pick<CardFacts, 'subject'>): string {
  const s = card.subject!;
  return s.nip ? `${s.name} · NIP ${s.nip}` : s.name;
}

/** Cards by subject (name order), authors who are no subject last. */
function subjectSets(cards: readonly CardFacts[]): SubjectSet[] {
  const byKey = new Map<string, CardFacts[]>();
  for (const c of cards) {
    const key = c.subject ? `${c.subject.name}\u0000${c.subject.nip ?? ''}` : '';
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const keys = [...byKey.keys()].filter((k) => k !== '').sort((a, b) => a.localeCompare(b, 'id'));
  const sets: SubjectSet[] = keys.map((key, i) => ({ n: i + 1, key, cards: byKey.get(key)!, pages: [] }));
  const none = byKey.get('');
  if (none) sets.push({ n: 0, key: '', cards: none, pages: [] });
  return sets;
}

/** Findings of one item under one prohibition stay together, on one page. */
function cardGroups(cards: readonly CardFacts[]): CardFacts[][] {
  const groups = new Map<string, CardFacts[]>();
  for (const c of cards) {
    const key = `${c.itemId ?? c.findingId}|${c.prohibition}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  return [...groups.values()];
}

/** Card groups packed into pages under the limits; a group is never split across pages. */
function chunkGroups(cards: readonly CardFacts[], limits: PageLimits): CardFacts[][][] {
  const chunks: CardFacts[][][] = [];
  let current: CardFacts[][] = [];
  let bytes = 0;
  let count = 0;
  for (const group of cardGroups(cards)) {
    const size = group.reduce((n, c) => n + c.bytes, 0);
    if (count > 0 && (count + group.length > limits.cards || bytes + size > limits.bytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
      count = 0;
    }
    current.push(group);
    bytes += size;
    count += group.length;
  }
  if (count > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

function pageNav(set: SubjectSet, i: number, tr: Translate): string {
  const rel = (p: string) => p.replace(/^report\//, '');
  const links = [`<a href="../report.html">${esc(tr(m.backToIndex))}</a>`];
  if (i > 0) links.push(`<a href="${rel(set.pages[i - 1]!)}">${esc(tr(m.prevPage))}</a>`);
  if (set.pages.length > 1) links.push(`<span class="muted">${esc(tr(m.pageOf, { n: i + 1, total: set.pages.length }))}</span>`);
  if (i + 1 < set.pages.length) links.push(`<a href="${rel(set.pages[i + 1]!)}">${esc(tr(m.nextPage))}</a>`);
  return `<nav class="pages">${links.join(' ')}</nav>`;
}

/** One row per civil servant: prohibitions 1–8 and other, status counts, period, page links. */
function indexTable(sets: readonly SubjectSet[], data: IndexData, tr: Translate, lang: Lang, base: string): string {
  const keys = PROHIBITION_KEYS;
  const rows = sets.map((set) => {
    const first = set.cards[0]!;
    const s = first.subject;
    const zone = data.meta.timezone ? ZONES[data.meta.timezone] : zoneOfRegion(s?.regionCode);
    const who = s
      ? `<strong>${esc(s.name)}</strong>${s.nip ? `<br><span class="mono">${esc(tr(m.nip))} ${esc(s.nip)}</span>` : ''}${[s.agency, s.regionName ?? s.regionCode].filter(Boolean).length ? `<br><span class="muted">${[s.agency, s.regionName ?? s.regionCode].filter((v): v is string => Boolean(v)).map(esc).join(' · ')}</span>` : ''}`
      : `<em>${esc(tr(m.noSubjectGroup))}</em>`;
    const counts = new Map(prohibitionBuckets(set.cards).map((b) => [b.key, b.counts.total]));
    const status = tally(set.cards).counts;
    const links = set.pages.map((p, i) => `<a href="${base}${p}">${i + 1}</a>`).join(' ');
    return `<tr data-subject="${set.n || sets.length}"><td class="who">${who}</td>${keys.map((k) => `<td class="n${counts.get(k) ? '' : ' zero'}">${counts.get(k) ?? 0}</td>`).join('')}<td class="n"><strong>${set.cards.length}</strong></td><td class="n">${status.confirmed}/${status.open}/${status.dismissed}</td><td class="period">${periodOf(set.cards, lang, zone)} <span class="muted">${esc(zone.abbrev)}</span></td><td class="links">${links}</td></tr>`;
  });
  const head = `<tr><th>${esc(tr(m.colSubject))}</th>${keys.map((k) => `<th class="n" title="${esc(tr(prohibitionLabel(k)))}">${k === 'other' ? '±' : `L${k}`}</th>`).join('')}<th class="n">${esc(tr(m.colFindings))}</th><th class="n">${esc(tr(statusLabels.confirmed))}/${esc(tr(statusLabels.open))}/${esc(tr(statusLabels.dismissed))}</th><th>${esc(tr(m.period))}</th><th>${esc(tr(m.colPages))}</th></tr>`;
  return `<div class="scroll"><table class="subject-index"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function periodOf(cards: readonly CardFacts[], lang: Lang, zone: (typeof ZONES)[keyof typeof ZONES]): string {
  // the earliest and the latest time in one pass (a sort parsed each time ~34 times per card: seconds at 100,000)
  // ties as a stable sort leaves them: the first of the earliest, the last of the latest
  let first: string | undefined;
  let last: string | undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const c of cards) {
    const v = c.item.time;
    if (v === undefined) continue;
    const ms = Date.parse(v);
    if (Number.isNaN(ms)) continue;
    if (ms < min) [min, first] = [ms, v];
    if (ms >= max) [max, last] = [ms, v];
  }
  if (!first || !last) return '–';
  const day = (iso: string): string => formatLocalDate(iso, lang, zone) ?? iso;
  return day(first) === day(last) ? esc(day(first)) : `${esc(day(first))} – ${esc(day(last))}`;
}

/** A CSS string literal (for @page margin boxes): only safe characters survive. */
function cssString(v: string): string {
  return `"${v.replace(/[^\p{L}\p{N} ._:/#·()-]/gu, '')}"`;
}

/** A page of these parts; `html` joins them when asked (tests, the in-memory report). */
function page(facts: Omit<ReportPage, 'html' | 'parts'>, parts: PagePart[]): ReportPage {
  return {
    ...facts,
    parts,
    get html() {
      return parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8'))).join('');
    },
  };
}

/** The document around a body given in parts: the parts of documentHtml's text, in order. */
function documentParts(meta: ReportMeta, title: string, body: readonly PagePart[], part: string, tr: Translate): PagePart[] {
  const whole = documentHtml(meta, title, BODY_MARK, part, tr);
  const at = whole.indexOf(BODY_MARK);
  return [whole.slice(0, at), ...body, whole.slice(at + BODY_MARK.length)];
}

/** Where the body goes in documentHtml's text (a private-use character no page text holds). */
const BODY_MARK = '\u{F8FF}netral-body\u{F8FF}';

function documentHtml(meta: ReportMeta, title: string, body: string, part: string, tr: Translate): string {
  const caseId = caseIdOf(meta);
  // printed on every sheet: the case id and the part at the bottom left, "page n / m" at the right
  const printCss = `@page { @bottom-left { content: ${cssString(`${tr(m.printCase)} ${caseId} · ${part}`)}; font-size: 8pt; color: #5d6978; } @bottom-right { content: ${cssString(`${tr(m.printPage)} `)} counter(page) " / " counter(pages); font-size: 8pt; color: #5d6978; } }`;
  return `<!DOCTYPE html>
<html lang="${meta.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="netral ${esc(meta.netralVersion)}">
<meta name="netral-case" content="${esc(caseId)}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}
${printCss}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Who exported, when, the chain head and the evidence hash: what a receiving office signs off. */
function attestationHtml(data: IndexData, tr: Translate, lang: Lang): string {
  const meta = data.meta;
  const row = (label: Message, valueHtml: string): string => `<tr><th>${esc(tr(label))}</th><td>${valueHtml}</td></tr>`;
  const unknown = `<span class="muted">${esc(tr(m.attestUnknown))}</span>`;
  return `<section class="attest"><h2>${esc(tr(m.attestTitle))}</h2>
<table>
${row(m.attestCase, `<span class="mono">${esc(caseIdOf(meta))}</span>`)}
${row(m.attestBy, meta.exportedBy ? esc(meta.exportedBy) : unknown)}
${row(m.attestAt, timeHtml(meta.generatedAt, tr, lang, meta.timezone ? ZONES[meta.timezone] : ZONES.WIB))}
${row(m.chainHead, `${esc(tr(m.chainSeq, { seq: meta.chainHead.seq }))} <span class="mono">${esc(meta.chainHead.hash)}</span>`)}
${row(m.attestEvidence, meta.evidenceDigest ? `<span class="mono">${esc(meta.evidenceDigest)}</span><br><span class="muted">${esc(tr(m.attestEvidenceCheck))}</span> <code>grep -v -e '  report' -e '  manifest' SHA256SUMS | sha256sum</code>` : unknown)}
</table>
<p class="sign">${esc(tr(m.attestBundle))}</p>
<div class="sign-line"></div>
</section>`;
}

function headerHtml(data: IndexData, tr: Translate, lang: Lang): string {
  const meta = data.meta;
  const item = (label: Message, valueHtml: string): string => `<div><dt>${esc(tr(label))}</dt><dd>${valueHtml}</dd></div>`;
  return `<header class="doc-head">
<div class="doc-kind">${esc(tr(m.docKind))}</div>
<h1>${esc(meta.title)}</h1>
<dl class="meta">
${item(m.generatedAt, timeHtml(meta.generatedAt, tr, lang, meta.timezone ? ZONES[meta.timezone] : ZONES.WIB))}
${item(m.profile, esc(tr(profileLabels[meta.profile])))}
${item(m.filters, meta.filters ? esc(meta.filters) : `<span class="muted">${esc(tr(m.noFilters))}</span>`)}
${item(m.storeUuid, `<span class="mono">${esc(meta.storeUuid)}</span>`)}
${item(m.software, `netral ${esc(meta.netralVersion)}`)}
</dl>
<div class="chain"><strong>${esc(tr(m.chainHead))}</strong> · ${esc(tr(m.chainSeq, { seq: meta.chainHead.seq }))}<span class="mono">${esc(meta.chainHead.hash)}</span></div>
</header>`;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}

function periodHtml(data: IndexData, lang: Lang): string {
  const zone = data.meta.timezone ? ZONES[data.meta.timezone] : ZONES.WIB;
  return periodOf(data.cards, lang, zone).replace(' – ', ' –<br>');
}

function summaryHtml(data: IndexData, tr: Translate, lang: Lang): string {
  const cards = data.cards;
  const total = cards.length;
  const tile = (num: string, label: Message, small = false): string =>
    `<div class="tile"><div class="num${small ? ' small' : ''}">${num}</div><div class="lbl">${esc(tr(label))}</div></div>`;
  const status = tally(cards).counts;
  const statusRows = STACK_ORDER.map((s) => {
    const n = status[s];
    return `<tr><td><span class="swatch ${s}"></span>${esc(tr(statusLabels[s]))}</td><td class="n">${n}</td><td class="n">${pct(n, total)}</td></tr>`;
  });
  const severityRows = [...SEVERITIES].reverse().map((s) => {
    const n = cards.filter((c) => c.severity === s).length;
    return `<tr><td>${esc(tr(severityLabels[s]))}</td><td class="n">${n}</td><td class="n">${pct(n, total)}</td></tr>`;
  });
  return `<section class="summary"><h2>${esc(tr(m.summaryTitle))}</h2>
<div class="tiles">
${tile(String(total), m.totalFindings)}
${tile(String(distinct(cards.map(subjectKey))), m.subjects)}
${tile(String(distinct(cards.map((c) => c.subject?.agency))), m.agencies)}
${tile(String(distinct(cards.map(regionOf))), m.regions)}
${tile(periodHtml(data, lang), m.period, true)}
</div>
<div class="split">
<table><thead><tr><th>${esc(tr(m.byStatus))}</th><th class="n">n</th><th class="n">%</th></tr></thead><tbody>${statusRows.join('')}</tbody></table>
<table><thead><tr><th>${esc(tr(m.bySeverity))}</th><th class="n">n</th><th class="n">%</th></tr></thead><tbody>${severityRows.join('')}</tbody></table>
<div class="verify"><h3>${esc(tr(m.verifyTitle))}</h3>
<p>${esc(tr(m.verifySums))}</p><code>sha256sum -c SHA256SUMS</code>
<p>${esc(tr(m.verifyNetral))}</p><code>netral verify &lt;bundle&gt;</code>
<p class="muted">${esc(tr(m.verifyHead))}</p></div>
</div>
</section>`;
}

function chartsHtml(data: IndexData, tr: Translate): string {
  if (data.cards.length === 0) return '';
  const statusLabel = Object.fromEntries(STACK_ORDER.map((s) => [s, tr(statusLabels[s])])) as Record<ReviewStatus, string>;
  const others = (n: number): string => tr(m.chartOthers, { n });
  const prohibitions: ChartRow[] = prohibitionBuckets(data.cards).map((b) => ({
    label: b.key === 'other' ? tr(prohibitionLabel(b.key)) : `${b.key} · ${tr(prohibitionLabel(b.key))}`,
    counts: b.counts,
  }));
  const asRows = (buckets: Bucket[]): ChartRow[] => buckets.map((b) => ({ label: b.key, counts: b.counts }));
  const top = (keyOf: (c: CardFacts) => string | undefined, unknown: string): ChartRow[] =>
    asRows(topBuckets(groupCounts(data.cards, keyOf, unknown), CHART_LIMIT, others, unknown));
  const agencies = top((c) => c.subject?.agency, tr(m.unknownAgency));
  const regions = top(regionOf, tr(m.unknownRegion));
  const weeks = asRows(weekBuckets(data.cards, (c) => cardZone(c, data.meta)));
  const figure = (title: Message, svg: string, kind: string): string =>
    `<figure class="chart-box" data-chart="${kind}"><figcaption>${esc(tr(title))}</figcaption>${svg}</figure>`;
  const legend = STACK_ORDER.map((s) => `<span><span class="swatch ${s}"></span>${esc(statusLabel[s])}</span>`).join('');
  return `<section class="charts"><h2>${esc(tr(m.chartsTitle))}</h2>
<div class="legend">${legend}</div>
${figure(m.chartProhibition, horizontalBarChart(prohibitions, tr(m.chartProhibition), statusLabel), 'prohibition')}
${figure(m.chartAgency, horizontalBarChart(agencies, tr(m.chartAgency), statusLabel), 'agency')}
${figure(m.chartRegion, horizontalBarChart(regions, tr(m.chartRegion), statusLabel), 'region')}
${weeks.length ? figure(m.chartWeek, columnChart(weeks, tr(m.chartWeek), statusLabel), 'week') : ''}
</section>`;
}

function comparisonHtml(data: IndexData, tr: Translate): string {
  if (data.cards.length === 0) return '';
  const rows = comparisonRows(data.cards, tr(m.unknownRegion), tr(m.unknownAgency));
  const line = (cls: string, region: string, agency: string, r: Tally): string => {
    const share = r.counts.total ? r.counts.confirmed / r.counts.total : 0;
    return `<tr class="${cls}"><td>${region}</td><td>${agency}</td><td class="n">${r.counts.total}</td><td class="n">${r.subjects}</td><td class="n">${r.high}</td><td class="n">${r.counts.confirmed}</td><td class="n">${r.counts.open}</td><td class="n">${r.counts.dismissed}</td><td class="n"><span class="share"><i style="width:${Math.round(share * 100)}%"></i></span>${pct(r.counts.confirmed, r.counts.total)}</td></tr>`;
  };
  const body: string[] = [];
  const regionsInOrder = [...new Set(rows.map((r) => r.region))];
  for (const region of regionsInOrder) {
    const inRegion = rows.filter((r) => r.region === region);
    inRegion.forEach((r, i) => body.push(line('', i === 0 ? `<strong>${esc(region)}</strong>` : '', esc(r.agency), r)));
    const regionCards = data.cards.filter((c) => (regionOf(c) ?? tr(m.unknownRegion)) === region);
    if (inRegion.length > 1) body.push(line('subtotal', '', esc(tr(m.subtotal)), tally(regionCards)));
  }
  body.push(line('total', esc(tr(m.total)), '', tally(data.cards)));
  return `<section class="compare"><h2>${esc(tr(m.compareTitle))}</h2>
<table><thead><tr><th>${esc(tr(m.colRegion))}</th><th>${esc(tr(m.colAgency))}</th><th class="n">${esc(tr(m.colFindings))}</th><th class="n">${esc(tr(m.colSubjects))}</th><th class="n">${esc(tr(m.colHigh))}</th><th class="n">${esc(tr(statusLabels.confirmed))}</th><th class="n">${esc(tr(statusLabels.open))}</th><th class="n">${esc(tr(statusLabels.dismissed))}</th><th class="n">${esc(tr(m.colConfirmedShare))}</th></tr></thead>
<tbody>${body.join('')}</tbody></table>
</section>`;
}
