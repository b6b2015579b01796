// Times in the report: Western Indonesia Time (WIB, UTC+7, no DST) first, UTC beside it.
import type { Lang } from '../../i18n/index.js';

const WIB_OFFSET_MS = 7 * 3600 * 1000;
const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

function parse(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14 Jan 2024" (the WIB calendar date) */
export function formatWibDate(iso: string, lang: Lang): string | undefined {
  const d = parse(iso);
  if (!d) return undefined;
  const w = new Date(d.getTime() + WIB_OFFSET_MS);
  return `${w.getUTCDate()} ${MONTHS[lang][w.getUTCMonth()] ?? ''} ${w.getUTCFullYear()}`;
}

/** "14 Jan 2024 19:32 WIB" */
export function formatWib(iso: string, lang: Lang): string | undefined {
  const d = parse(iso);
  if (!d) return undefined;
  const w = new Date(d.getTime() + WIB_OFFSET_MS);
  return `${formatWibDate(iso, lang)} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())} WIB`;
}

/** "2024-01-14 12:32 UTC" */
export function formatUtc(iso: string): string | undefined {
  const d = parse(iso);
  if (!d) return undefined;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** ISO 8601 week of the WIB calendar date, e.g. "2024-W02" (weeks start on Monday). */
export function isoWeekWib(iso: string): string | undefined {
  const d = parse(iso);
  if (!d) return undefined;
  const w = new Date(d.getTime() + WIB_OFFSET_MS);
  const day = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${pad(week)}`;
}

/** Every ISO week from `first` to `last` inclusive ("2024-W52", "2025-W01", …). */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  const [fy, fw] = first.split('-W').map(Number);
  if (fy === undefined || fw === undefined) return [first];
  // Monday of ISO week 1 is the Monday of the week holding 4 January.
  const jan4 = Date.UTC(fy, 0, 4);
  const monday = jan4 - (((new Date(jan4).getUTCDay() || 7) - 1) * 86400000) + (fw - 1) * 7 * 86400000;
  for (let t = monday; weeks.length < 1000; t += 7 * 86400000) {
    const week = isoWeekWib(new Date(t).toISOString());
    if (!week) break;
    weeks.push(week);
    if (week >= last) break;
  }
  return weeks;
}
