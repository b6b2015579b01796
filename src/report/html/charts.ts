// Inline SVG bar charts, drawn here so the page needs no script and no library. Bars are stacked
// by review status (confirmed, open, dismissed) so a reader sees at once how much is settled.
import type { ReviewStatus } from '../report-data.js';
import { escapeHtml } from './escape.js';
import type { StatusCounts } from './stats.js';

export interface ChartRow {
  label: string;
  counts: StatusCounts;
}

export const STACK_ORDER: readonly ReviewStatus[] = ['confirmed', 'open', 'dismissed'];

const WIDTH = 700;
const fmt = (n: number): string => String(Math.round(n * 10) / 10);

function truncate(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : chars.slice(0, max - 1).join('') + '…';
}

function tooltip(row: ChartRow, statusLabel: Record<ReviewStatus, string>): string {
  const parts = STACK_ORDER.filter((s) => row.counts[s] > 0).map((s) => `${statusLabel[s]} ${row.counts[s]}`);
  return `${row.label}: ${row.counts.total}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** Stacked bars from the left; one row per entry, label on the left, total on the right. */
export function horizontalBarChart(rows: readonly ChartRow[], title: string, statusLabel: Record<ReviewStatus, string>): string {
  const labelWidth = 300;
  const rowHeight = 24;
  const barHeight = 15;
  const plot = WIDTH - labelWidth - 44;
  const max = Math.max(1, ...rows.map((r) => r.counts.total));
  const height = rows.length * rowHeight + 6;
  const body = rows
    .map((row, i) => {
      const y = 3 + i * rowHeight;
      let x = labelWidth;
      const segments = STACK_ORDER.filter((s) => row.counts[s] > 0).map((s) => {
        const w = (row.counts[s] / max) * plot;
        const rect = `<rect class="bar bar-${s}" x="${fmt(x)}" y="${y + (rowHeight - barHeight) / 2}" width="${fmt(w)}" height="${barHeight}"/>`;
        x += w;
        return rect;
      });
      return (
        `<g class="row"><title>${escapeHtml(tooltip(row, statusLabel))}</title>` +
        `<text class="label" x="${labelWidth - 8}" y="${y + rowHeight / 2}" text-anchor="end" dominant-baseline="central">${escapeHtml(truncate(row.label, 46))}</text>` +
        `<line class="axis" x1="${labelWidth}" x2="${labelWidth}" y1="${y}" y2="${y + rowHeight}"/>` +
        segments.join('') +
        `<text class="value${row.counts.total === 0 ? ' zero' : ''}" x="${fmt(x + 6)}" y="${y + rowHeight / 2}" dominant-baseline="central">${row.counts.total}</text></g>`
      );
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">${body}</svg>`;
}

/** Stacked columns over time (ISO weeks); at most ~14 axis labels, gridlines at round counts. */
export function columnChart(rows: readonly ChartRow[], title: string, statusLabel: Record<ReviewStatus, string>): string {
  const height = 220;
  const left = 60;
  const right = 8;
  const top = 10;
  const bottom = 58;
  const plotW = WIDTH - left - right;
  const plotH = height - top - bottom;
  const maxTotal = Math.max(1, ...rows.map((r) => r.counts.total));
  const step = Math.max(1, Math.ceil(maxTotal / 4));
  const yMax = step * Math.ceil(maxTotal / step);
  const slot = plotW / Math.max(1, rows.length);
  const colW = Math.min(36, slot * 0.72);
  const labelEvery = Math.max(1, Math.ceil(rows.length / 14));
  const grid: string[] = [];
  for (let v = 0; v <= yMax; v += step) {
    const y = top + plotH - (v / yMax) * plotH;
    grid.push(
      `<line class="${v === 0 ? 'axis' : 'grid'}" x1="${left}" x2="${WIDTH - right}" y1="${fmt(y)}" y2="${fmt(y)}"/>` +
        `<text class="tick" x="${left - 6}" y="${fmt(y)}" text-anchor="end" dominant-baseline="central">${v}</text>`,
    );
  }
  const columns = rows.map((row, i) => {
    const cx = left + slot * i + slot / 2;
    let y = top + plotH;
    const segments = STACK_ORDER.filter((s) => row.counts[s] > 0).map((s) => {
      const h = (row.counts[s] / yMax) * plotH;
      y -= h;
      return `<rect class="bar bar-${s}" x="${fmt(cx - colW / 2)}" y="${fmt(y)}" width="${fmt(colW)}" height="${fmt(h)}"/>`;
    });
    const label =
      i % labelEvery === 0
        ? `<text class="tick" transform="translate(${fmt(cx)} ${top + plotH + 8}) rotate(-40)" text-anchor="end" dominant-baseline="central">${escapeHtml(row.label)}</text>`
        : '';
    return `<g class="col"><title>${escapeHtml(tooltip(row, statusLabel))}</title>${segments.join('')}${label}</g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(title)}">${grid.join('')}${columns.join('')}</svg>`;
}
