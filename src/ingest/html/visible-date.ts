// Dates a page shows as text ("12 November 2024", "12 Nov pukul 19.30", "Kemarin pukul 08.15",
// "Yesterday at 8:15 AM", "November 12 at 7:30 PM"), in Indonesian and English. Sites write them in
// the viewer's zone, so they are read only in a zone the page names (the saving browser's offset,
// saved-page.ts) and against the day it was saved ("Kemarin", a date without a year). A text that
// only says how long ago ("3 jam", "2 days ago"), or a page without a saved date and zone, gives no
// time: an hour is never guessed.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, pebruari: 2, february: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, agus: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nopember: 11, november: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

const MONTH = '([A-Za-z]{3,9})\\.?';
/** "pukul 19.30", "at 7:30 PM", "19:30", "jam 08.15 WIB" */
const CLOCK = '(?:\\s*(?:,|pukul|jam|at|@))?\\s*(\\d{1,2})[.:](\\d{2})(?:[.:](\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?';
const DAY_NAME = '(?:(?:senin|selasa|rabu|kamis|jumat|jum\'at|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\\s+)?';
/** 12 November 2024 [pukul 19.30] — the day first (Indonesian, and English outside the US) */
const DAY_FIRST = new RegExp(`^${DAY_NAME}(\\d{1,2})\\s+${MONTH}(?:\\s+(\\d{4}))?(?:${CLOCK})?$`, 'i');
/** November 12, 2024 [at 7:30 PM] — the month first (US English) */
const MONTH_FIRST = new RegExp(`^${DAY_NAME}${MONTH}\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?(?:${CLOCK})?$`, 'i');
/** Kemarin pukul 08.15 / Hari ini pukul … / Yesterday at 8:15 AM / Today at … */
const NAMED_DAY = new RegExp(`^(kemarin|hari ini|yesterday|today)(?:${CLOCK})?$`, 'i');

export interface VisibleDate {
  /** ISO 8601 UTC; absent when the text or the page cannot fix the instant */
  time?: string;
}

/**
 * The instant a visible date text names, read in the page's zone (`offsetMinutes`) and against the
 * moment it was saved (`savedAt`, ISO UTC). A date without a time of day is its day's start in
 * that zone; a date without a year is the save year's (sites drop the year of the current one),
 * and none when that would lie after the save.
 */
export function visibleDate(text: string | undefined, savedAt: string | undefined, offsetMinutes: number | undefined): VisibleDate {
  const raw = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!raw || raw.length > 60 || offsetMinutes === undefined) return {};
  const saved = savedAt ? Date.parse(savedAt) : NaN;
  // the save moment as a wall clock in the page's zone
  const savedLocal = Number.isNaN(saved) ? undefined : new Date(saved + offsetMinutes * 60_000);
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let clock: Array<string | undefined> = [];
  const named = NAMED_DAY.exec(raw);
  const dayFirst = named ? null : DAY_FIRST.exec(raw);
  const monthFirst = named || dayFirst ? null : MONTH_FIRST.exec(raw);
  if (named) {
    if (!savedLocal || named[2] === undefined) return {};
    const back = /^(kemarin|yesterday)$/i.test(named[1] ?? '') ? 1 : 0;
    const day = new Date(Date.UTC(savedLocal.getUTCFullYear(), savedLocal.getUTCMonth(), savedLocal.getUTCDate() - back));
    [y, mo, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    clock = named.slice(2, 6);
  } else if (dayFirst) {
    [d, mo, y] = [Number(dayFirst[1]), MONTHS[(dayFirst[2] ?? '').toLowerCase()], dayFirst[3] ? Number(dayFirst[3]) : undefined];
    clock = dayFirst.slice(4, 8);
  } else if (monthFirst) {
    [mo, d, y] = [MONTHS[(monthFirst[1] ?? '').toLowerCase()], Number(monthFirst[2]), monthFirst[3] ? Number(monthFirst[3]) : undefined];
    clock = monthFirst.slice(4, 8);
  } else return {};
  if (mo === undefined || d === undefined) return {};
  const yearless = y === undefined;
  y ??= savedLocal?.getUTCFullYear();
  if (y === undefined) return {};
  const time = wallClockUtc(y, mo, d, clock, offsetMinutes);
  if (!time) return {};
  // a date without a year that would lie after the save is not the save year's: which year is unknown
  if (yearless && !Number.isNaN(saved) && Date.parse(time) > saved) return {};
  return { time };
}

function wallClockUtc(y: number, mo: number, d: number, clock: Array<string | undefined>, offsetMinutes: number): string | undefined {
  const [hText, mText, sText, meridiem] = clock;
  let hh = hText === undefined ? 0 : Number(hText);
  const mm = mText === undefined ? 0 : Number(mText);
  const ss = sText === undefined ? 0 : Number(sText);
  if (meridiem) {
    if (hh < 1 || hh > 12) return undefined;
    hh = (hh % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 59) return undefined;
  const local = Date.UTC(y, mo - 1, d, hh, mm, ss);
  const check = new Date(local);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return new Date(local - offsetMinutes * 60_000).toISOString();
}
