// Times in the report: local time of the subject's region (WIB/WITA/WIT, no DST) first, UTC
// beside it. Zones come from model/region-time (the one province → zone table).
import type { Lang } from '../../i18n/index.js';
import { isoWeek, type TimeZone, ZONES } from '../../model/region-time.js';

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

function shifted(iso: string, zone: TimeZone): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : new Date(d.getTime() + zone.offsetMinutes * 60000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14 Jan 2024" (the calendar date in `zone`) */
export function formatLocalDate(iso: string, lang: Lang, zone: TimeZone = ZONES.WIB): string | undefined {
  const w = shifted(iso, zone);
  return w && `${w.getUTCDate()} ${MONTHS[lang][w.getUTCMonth()] ?? ''} ${w.getUTCFullYear()}`;
}

/** "14 Jan 2024 19:32 WITA" */
export function formatLocal(iso: string, lang: Lang, zone: TimeZone = ZONES.WIB): string | undefined {
  const w = shifted(iso, zone);
  return w && `${formatLocalDate(iso, lang, zone)} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())} ${zone.abbrev}`;
}

/** "14 Jan 2024 19:32 WIB" */
export function formatWib(iso: string, lang: Lang): string | undefined {
  return formatLocal(iso, lang, ZONES.WIB);
}

/** "2024-01-14 12:32 UTC" */
export function formatUtc(iso: string): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

/** ISO 8601 week of the WIB calendar date, e.g. "2024-W02" (weeks start on Monday). */
export function isoWeekWib(iso: string): string | undefined {
  return isoWeek(iso, ZONES.WIB);
}

/** Every ISO week from `first` to `last` inclusive ("2024-W52", "2025-W01", …). */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  const [fy, fw] = first.split('-W').map(Number);
  if (fy === undefined || fw === undefined) return [first];
  // Monday of ISO week 1 is the Monday of the week holding 4 January.
  const jan4 = Date.UTC(fy, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * 86400000 + (fw - 1) * 7 * 86400000;
  for (let t = monday; weeks.length < 1000; t += 7 * 86400000) {
    const week = isoWeek(new Date(t).toISOString(), ZONES.UTC);
    if (!week) break;
    weeks.push(week);
    if (week >= last) break;
  }
  return weeks;
}
