// One evidence card per finding: who, when, where, what was written (matches marked), which rule
// and law, what sanction may follow, what a reviewer decided, and the hash of the captured bytes.
import type { Lang, Message } from '../../i18n/index.js';
import {
  kindLabels,
  platformLabels,
  prohibitionLabel,
  reportText as m,
  sanctionLabels,
  severityLabels,
  statusLabels,
  trackLabels,
} from '../../i18n/report.js';
import { type TimeZone, ZONES, zoneOfRegion } from '../../model/region-time.js';
import type { ReportCard, ReportMeta, ReportSpan } from '../report-data.js';
import { officeReason, STANCE_LABELS, sideReason } from '../../i18n/stance.js';
import { escapeHtml as esc } from './escape.js';
import { highlightHtml, markHtml } from './highlight.js';
import { formatLocal, formatLocalDate, formatUtc } from './time.js';

export type Translate = (message: Message, params?: Record<string, string | number>) => string;

/** The item value a span points into, when the card shows that value. */
function spanSource(card: ReportCard, span: Pick<ReportSpan, 'field' | 'index'>): string | undefined {
  const item = card.item;
  switch (span.field) {
    case 'text':
      return item.text;
    case 'target':
      return item.targetName;
    case 'place':
      return item.placeName;
    case 'context':
      return item.contextName;
    case 'event':
      return item.eventName;
    case 'media.caption':
      return item.mediaCaptions[span.index];
    default:
      return undefined;
  }
}

function marked(card: ReportCard, field: ReportSpan['field'], index: number, value: string): string {
  return highlightHtml(value, card.spans.filter((s) => s.field === field && s.index === index));
}

/** The zone a card's times are shown in: the export's --timezone, else the subject's region. */
export function cardZone(card: Pick<ReportCard, 'subject'>, meta: Pick<ReportMeta, 'timezone'>): TimeZone {
  return meta.timezone ? ZONES[meta.timezone] : zoneOfRegion(card.subject?.regionCode);
}

export function timeHtml(iso: string | undefined, tr: Translate, lang: Lang, zone: TimeZone = ZONES.WIB): string {
  const local = iso ? formatLocal(iso, lang, zone) : undefined;
  const utc = iso ? formatUtc(iso) : undefined;
  if (!local || !utc) return `<span class="muted">${esc(tr(m.unknownTime))}</span>`;
  return zone.offsetMinutes === 0 ? esc(utc) : `${esc(local)} <span class="muted">(${esc(utc)})</span>`;
}

/** "10 Feb 2024 09:00 WIB – 12:00" style event dates, local first, UTC beside. */
function eventDatesHtml(start: string, end: string | undefined, tr: Translate, lang: Lang, zone: TimeZone): string {
  const from = timeHtml(start, tr, lang, zone);
  if (!end) return from;
  const sameDay = formatLocalDate(start, lang, zone) === formatLocalDate(end, lang, zone);
  const until = sameDay ? esc((formatLocal(end, lang, zone) ?? '').split(' ').slice(3).join(' ')) : timeHtml(end, tr, lang, zone);
  return `${from} – ${until}`;
}

function fact(label: string, valueHtml: string): string {
  return `<div class="fact"><dt>${esc(label)}</dt><dd>${valueHtml}</dd></div>`;
}

function subjectHtml(card: ReportCard, tr: Translate): string {
  const s = card.subject;
  if (!s) return `<span class="muted">${esc(tr(m.noSubject))}</span>`;
  const region = s.regionName && s.regionCode ? `${s.regionName} (${s.regionCode})` : (s.regionName ?? s.regionCode);
  const lines = [
    `<strong>${esc(s.name)}</strong>${s.nip ? ` <span class="mono">${esc(tr(m.nip))} ${esc(s.nip)}</span>` : ''}`,
    [s.agency, region].filter((v): v is string => Boolean(v)).map(esc).join(' · '),
  ].filter(Boolean);
  return lines.join('<br>');
}

function reviewHtml(card: ReportCard, tr: Translate, lang: Lang, zone: TimeZone): string {
  const r = card.review;
  const parts = [`<span class="badge status-${r.status}">${esc(tr(statusLabels[r.status]))}</span>`];
  if (r.reviewer) parts.push(esc(tr(m.reviewBy, { reviewer: r.reviewer })));
  if (r.decidedAt) parts.push(timeHtml(r.decidedAt, tr, lang, zone));
  if (r.reason) parts.push(`<em>${esc(r.reason)}</em>`);
  const notes = r.notes.length
    ? `<ol class="notes">${r.notes.map((n) => `<li><span class="muted">${esc(n.decision)} · ${esc(n.reviewer)} · ${timeHtml(n.at, tr, lang, zone)}</span><br>${esc(n.text)}</li>`).join('')}</ol>`
    : '';
  return parts.join(' · ') + notes;
}

export function renderCard(card: ReportCard, n: number, total: number, tr: Translate, lang: Lang, zone: TimeZone = ZONES.WIB): string {
  const [head, tail] = renderCardParts(card, tr, lang, zone);
  return numberedCard(head, tail, n, total, tr);
}

/** A card's HTML around its number: the number of a card on its subject's pages is known only once every card is. */
export type CardParts = readonly [head: string, tail: string];

/** The card rendered around its number (renderCard = head + "card n of total" + tail). */
export function numberedCard(head: string, tail: string, n: number, total: number, tr: Translate): string {
  return `${head}${esc(tr(m.cardNo, { n, total }))}${tail}`;
}

/**
 * The card's HTML without its number, as two parts: an export renders each card once while it
 * reads the store and keeps only this text (not the card's data) until its page is written.
 */
export function renderCardParts(card: ReportCard, tr: Translate, lang: Lang, zone: TimeZone = ZONES.WIB): CardParts {
  const item = card.item;
  const prohibition = tr(prohibitionLabel(card.prohibition));
  const kicker = card.prohibition === 'other' ? prohibition : `${tr(m.prohibitionNo, { n: card.prohibition })} · ${prohibition}`;

  const facts = [
    fact(tr(m.subject), subjectHtml(card, tr)),
    ...(item.author ? [fact(tr(m.author), esc(item.author))] : []),
    fact(tr(m.time), timeHtml(item.time, tr, lang, zone)),
    fact(tr(m.platform), `${esc(tr(platformLabels[item.platform]))} · ${esc(tr(kindLabels[item.kind]))}`),
  ];
  const optional: [Message, ReportSpan['field'], string | undefined][] = [
    [m.target, 'target', item.targetName],
    [m.context, 'context', item.contextName],
    [m.place, 'place', item.placeName],
    [m.event, 'event', item.eventName],
  ];
  for (const [label, field, value] of optional) {
    if (value) facts.push(fact(tr(label), marked(card, field, 0, value)));
  }
  if (item.eventStart) facts.push(`<div class="fact event-date"><dt>${esc(tr(m.eventDate))}</dt><dd>${eventDatesHtml(item.eventStart, item.eventEnd, tr, lang, zone)}</dd></div>`);
  if (item.url) facts.push(fact(tr(m.url), `<span class="mono url">${esc(item.url)}</span>`));

  // A like, follow or group join has no text of its own: its target says what it was.
  const hasSubjectMatter = item.targetName ?? item.placeName ?? item.eventName ?? item.mediaCaptions[0];
  const text = item.text
    ? `<blockquote class="post">${marked(card, 'text', 0, item.text)}</blockquote>`
    : hasSubjectMatter
      ? ''
      : `<p class="post muted">${esc(tr(m.noText))}</p>`;
  const captions = item.mediaCaptions
    .map((c, i) => `<p class="caption"><span class="muted">${esc(tr(m.caption))}:</span> ${marked(card, 'media.caption', i, c)}</p>`)
    .join('');
  const unshown = [...new Set(card.spans.filter((s) => spanSource(card, s) === undefined).map((s) => s.text))];
  const terms = unshown.length
    ? `<p class="terms"><span class="muted">${esc(tr(m.matchedTerms))}:</span> ${unshown.map(markHtml).join(' ')}</p>`
    : '';
  const thumb = card.thumbnail
    ? `<figure class="thumb">${photoHtml(card.thumbnail, tr(m.photo))}<figcaption>${esc(tr(m.photo))}</figcaption></figure>`
    : '';

  const legal = [
    fact(tr(m.rule), `<span class="mono">${esc(card.ruleId)}@${card.ruleVersion}</span> — ${esc(card.ruleTitle[lang])}`),
    fact(tr(m.explanation), esc(card.explanation[lang])),
    card.legalBasis.length ? fact(tr(m.legalBasis), `<ul>${card.legalBasis.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`) : '',
    fact(tr(m.sanction), `<strong>${esc(tr(trackLabels[card.track]))}</strong>: ${esc(card.sanction ?? tr(sanctionLabels[card.track]))}`),
    card.candidates.length
      ? fact(tr(m.candidates), card.candidates.map((c) => `${esc(tr(m.candidateNo, { number: c.number }))} ${esc(c.name)} <span class="muted">(${esc(c.election)})</span>${c.stance ? ` · <strong>${esc(STANCE_LABELS[c.stance][lang])}</strong>${c.stance !== 'mention' && c.sideBy ? ` <span class="muted">(${esc(sideReason(c.sideBy, lang))})</span>` : ''}` : ''}${c.byOffice?.length ? ` <span class="muted">· ${esc(officeReason(c, lang))}</span>` : ''}`).join('<br>'))
      : '',
    fact(tr(m.confidence), `${Math.round(card.confidence * 100)}%`),
    fact(tr(m.review), reviewHtml(card, tr, lang, zone)),
  ].join('');

  const origin = card.capture.memberPath ? `${card.capture.origin} › ${card.capture.memberPath}` : card.capture.origin;
  return [`<article class="card status-${card.review.status}" id="f-${esc(card.findingId.slice(0, 12))}">
<header class="card-head"><div><div class="kicker">`, ` · ${esc(kicker)}</div><h3>${esc(card.ruleTitle[lang])}</h3></div>
<div class="badges"><span class="badge sev-${card.severity}">${esc(tr(severityLabels[card.severity]))}</span><span class="badge status-${card.review.status}">${esc(tr(statusLabels[card.review.status]))}</span></div></header>
<div class="card-body"><div class="card-main"><dl class="facts">${facts.join('')}</dl>${text}${captions}${terms}</div>${thumb}</div>
<dl class="facts legal">${legal}</dl>
<footer class="card-foot"><div><span class="muted">${esc(tr(m.capture))}</span> <span class="mono hash">${esc(card.capture.sha256)}</span></div><div><span class="muted">${esc(tr(m.origin))}</span> <span class="mono">${esc(origin)}</span></div><div><span class="muted">${esc(tr(m.findingId))}</span> <span class="mono">${esc(card.findingId)}</span></div></footer>
</article>`];
}

/** The photo; with --vision regions, as an SVG with the boxes drawn over it (no script, data: image only). */
function photoHtml(t: NonNullable<ReportCard['thumbnail']>, alt: string): string {
  const src = `data:${esc(t.mediaType)};base64,${esc(t.dataBase64)}`;
  if (!t.regions) return `<img src="${src}" alt="${esc(alt)}">`;
  const { width, height, boxes } = t.regions;
  const stroke = Math.max(2, Math.round(Math.max(width, height) / 120));
  const rects = boxes
    .map((b) => `<rect class="region" x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" stroke-width="${stroke}"><title>${esc(b.label)}</title></rect>`)
    .join('');
  return `<svg class="photo" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(alt)}"><image href="${src}" width="${width}" height="${height}"/>${rects}</svg>`;
}
