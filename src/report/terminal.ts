// Findings for a person at a terminal: what, why, where — matched words highlighted in the
// original text. chalk drops colour by itself when piped or under NO_COLOR.
import chalk from 'chalk';
import { authorLabel } from './author.js';
import { activityTime, type Item } from '../model/item-types.js';
import type { Finding, ReviewStatus, Severity } from '../model/finding-types.js';
import { formatZonedShort, type TimeZone, ZONES } from '../model/region-time.js';
import { t, type Lang } from '../i18n/index.js';
import { candidateLine, cliMessages as m, PROHIBITION_LABELS } from '../i18n/cli.js';
import { fieldTexts } from '../model/field-texts.js';
import { highlightRanges } from '../text/ranges.js';

const SEVERITY_STYLE: Record<Severity, (s: string) => string> = {
  high: (s) => chalk.bgRed.white.bold(` ${s} `),
  medium: (s) => chalk.bgYellow.black(` ${s} `),
  low: (s) => chalk.bgCyan.black(` ${s} `),
  info: (s) => chalk.bgGray.white(` ${s} `),
};

export { authorLabel };

/**
 * `filedUnder`: the names of the subjects the finding is filed under (its author is one of
 * their accounts, or their own export's activity); empty when the author is no known subject.
 */
export function renderFindingBlock(finding: Finding, item: Item, lang: Lang, isNew: boolean, status: ReviewStatus, filedUnder?: readonly string[], zone: TimeZone = ZONES.WIB): string {
  const prohibition = PROHIBITION_LABELS[String(finding.prohibition)]?.[lang] ?? String(finding.prohibition);
  const head = `${SEVERITY_STYLE[finding.severity](finding.severity.toUpperCase())} ${chalk.bold(finding.title[lang])} ${chalk.dim(`[${finding.ruleId}@${finding.ruleVersion}]`)}`;
  const lines = [head];
  const statusText = status === 'open' ? '' : ` · ${status === 'dismissed' ? chalk.strikethrough(t(m.findingDismissed, {}, lang)) : chalk.green(t(m.findingConfirmed, {}, lang))}`;
  lines.push(`  ${chalk.dim(prohibition)} · ${t(m.findingConfidence, {}, lang)} ${finding.confidence.toFixed(2)} · ${finding.track}${isNew ? '' : chalk.dim(` · ${t(m.findingKnown, {}, lang)}`)}${statusText}`);
  // local time of the subject's region with UTC beside it; an event response is dated by its event
  const time = activityTime(item);
  const when = (time && formatZonedShort(time, zone)) ?? '-';
  lines.push(`  ${item.platform}/${item.kind} · ${when}${item.target?.name ? ` · → ${item.target.name}` : ''}`);
  if (filedUnder) {
    const subjects = filedUnder.length ? chalk.bold(filedUnder.join('; ')) : chalk.dim(t(m.findingNoSubject, {}, lang));
    lines.push(`  ${chalk.dim(`${t(m.findingAuthor, {}, lang)}:`)} ${authorLabel(item) ?? '-'} · ${chalk.dim(`${t(m.findingFiledUnder, {}, lang)}:`)} ${subjects}`);
  }
  // the matched words inside the texts they were found in
  const byField = new Map<string, Array<{ start: number; end: number }>>();
  for (const s of finding.spans) {
    const key = `${s.field}:${s.index}`;
    byField.set(key, [...(byField.get(key) ?? []), s]);
  }
  // spans point into exactly the strings the engine looked at
  const texts = fieldTexts(item);
  for (const [key, spans] of byField) {
    const [field, index] = key.split(':') as [string, string];
    if (field === 'thread') {
      // words of the earlier chat message the finding leaned on: not a field of this item
      lines.push(`  ${chalk.dim('thread:')} ${[...new Set(finding.spans.filter((s) => s.field === 'thread').map((s) => chalk.bold.inverse(s.text)))].join(' … ')}`);
      continue;
    }
    const value = texts.find((f) => f.field === field && f.index === Number(index))?.text ?? '';
    lines.push(`  ${chalk.dim(`${field}:`)} ${highlightedExcerpt(value, spans, 400)}`);
  }
  if (finding.candidates.length) {
    lines.push(`  ${chalk.dim(`${t(m.findingCandidates, {}, lang)}:`)} ${finding.candidates.map((c) => candidateLine(c, lang)).join('; ')}`);
  }
  lines.push(`  ${chalk.dim(`${t(m.findingWhy, {}, lang)}:`)} ${finding.explanation[lang]}`);
  for (const l of finding.lowered) lines.push(`  ${chalk.dim('↓')} ${chalk.dim(`${l.id}: ${l.reason}`)}`);
  lines.push(`  ${chalk.dim(`${t(m.findingSource, {}, lang)}:`)} ${item.source.path} ${chalk.dim(item.source.pointer)}`);
  lines.push(`  ${chalk.dim(`id ${finding.id.slice(0, 12)}`)}`);
  return lines.join('\n');
}

/**
 * A window of at most `max` characters around the first matched span, cut BEFORE highlighting so a
 * cut never splits a colour code; newlines folded onto one line.
 */
export function highlightedExcerpt(text: string, spans: ReadonlyArray<{ start: number; end: number }>, max: number): string {
  const first = Math.min(...spans.map((s) => s.start), text.length);
  const start = text.length <= max ? 0 : Math.max(0, Math.min(first - Math.floor(max / 5), text.length - max));
  const end = Math.min(text.length, start + max);
  const inWindow = spans
    .map((s) => ({ start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }))
    .filter((s) => s.end > s.start);
  const body = highlightRanges(text.slice(start, end), inWindow, (s) => chalk.inverse(s)).replace(/\s*\n\s*/g, ' ⏎ ');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** Counts per prohibition key ("1"…"8", "other"), in the "8 tidak" order. */
export function renderProhibitionCounts(counts: ReadonlyMap<string, number>, lang: Lang): string {
  const lines = [chalk.bold(t(m.byProhibition, {}, lang))];
  for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', 'other']) {
    const n = counts.get(key);
    if (n) lines.push(`  ${String(n).padStart(4)}  ${PROHIBITION_LABELS[key]?.[lang] ?? key}`);
  }
  return lines.join('\n');
}
