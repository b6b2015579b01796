// report.html of an export bundle: one self-contained, inert page (no script, no network, a CSP
// that forbids both) with summary, charts, a region × agency comparison and one card per finding.
// Links to original posts are printed as text, not as <a href>: opening the report must never
// contact a platform, and the printed PDF shows the full address anyway.
import { t, type Lang, type Message } from '../i18n/index.js';
import { prohibitionLabel, profileLabels, reportText as m, severityLabels, statusLabels } from '../i18n/report.js';
import { SEVERITIES } from '../model/finding.js';
import type { ReportCard, ReportData, ReviewStatus } from './report-data.js';
import { renderCard, timeHtml, type Translate } from './html/cards.js';
import { columnChart, horizontalBarChart, STACK_ORDER, type ChartRow } from './html/charts.js';
import { escapeHtml as esc } from './html/escape.js';
import {
  comparisonRows,
  distinct,
  groupCounts,
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
import { formatWibDate } from './html/time.js';

/** The page forbids everything except inline styles and data: images. */
export const REPORT_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const CHART_LIMIT = 12;

/** Render the whole report as one HTML document (UTF-8 text). */
export function renderHtmlReport(data: ReportData): string {
  const lang: Lang = data.meta.lang;
  const tr: Translate = (msg: Message, params = {}) => t(msg, params, lang);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="netral ${esc(data.meta.netralVersion)}">
<title>${esc(data.meta.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${headerHtml(data, tr, lang)}
${summaryHtml(data, tr, lang)}
${chartsHtml(data, tr)}
${comparisonHtml(data, tr)}
<section class="cards"><h2>${esc(tr(m.cardsTitle))}</h2>
${data.cards.length ? data.cards.map((c, i) => renderCard(c, i + 1, data.cards.length, tr, lang)).join('\n') : `<p class="empty">${esc(tr(m.noFindings))}</p>`}
</section>
<footer class="doc-foot"><p>${esc(tr(m.footer, { version: data.meta.netralVersion }))}</p><p>${esc(tr(m.inertNote))}</p></footer>
</main>
</body>
</html>
`;
}

function headerHtml(data: ReportData, tr: Translate, lang: Lang): string {
  const meta = data.meta;
  const item = (label: Message, valueHtml: string): string => `<div><dt>${esc(tr(label))}</dt><dd>${valueHtml}</dd></div>`;
  return `<header class="doc-head">
<div class="doc-kind">${esc(tr(m.docKind))}</div>
<h1>${esc(meta.title)}</h1>
<dl class="meta">
${item(m.generatedAt, timeHtml(meta.generatedAt, tr, lang))}
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

function periodHtml(data: ReportData, lang: Lang): string {
  const times = data.cards
    .map((c) => c.item.time)
    .filter((v): v is string => v !== undefined && !Number.isNaN(Date.parse(v)))
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = times[0];
  const last = times[times.length - 1];
  if (!first || !last) return '–';
  const day = (iso: string): string => formatWibDate(iso, lang) ?? iso;
  return first === last ? esc(day(first)) : `${esc(day(first))} –<br>${esc(day(last))}`;
}

function summaryHtml(data: ReportData, tr: Translate, lang: Lang): string {
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

function chartsHtml(data: ReportData, tr: Translate): string {
  if (data.cards.length === 0) return '';
  const statusLabel = Object.fromEntries(STACK_ORDER.map((s) => [s, tr(statusLabels[s])])) as Record<ReviewStatus, string>;
  const others = (n: number): string => tr(m.chartOthers, { n });
  const prohibitions: ChartRow[] = prohibitionBuckets(data.cards).map((b) => ({
    label: b.key === 'other' ? tr(prohibitionLabel(b.key)) : `${b.key} · ${tr(prohibitionLabel(b.key))}`,
    counts: b.counts,
  }));
  const asRows = (buckets: Bucket[]): ChartRow[] => buckets.map((b) => ({ label: b.key, counts: b.counts }));
  const top = (keyOf: (c: ReportCard) => string | undefined, unknown: string): ChartRow[] =>
    asRows(topBuckets(groupCounts(data.cards, keyOf, unknown), CHART_LIMIT, others, unknown));
  const agencies = top((c) => c.subject?.agency, tr(m.unknownAgency));
  const regions = top(regionOf, tr(m.unknownRegion));
  const weeks = asRows(weekBuckets(data.cards));
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

function comparisonHtml(data: ReportData, tr: Translate): string {
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
