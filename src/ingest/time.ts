// Local wall-clock time → UTC for formats that record no zone (WhatsApp lines, Telegram `date`,
// EXIF DateTimeOriginal). Intl only: the zone rules come from the ICU data built into Node.

/** A wall-clock reading as written in a source: month 1–12, hour 0–23. */
export interface WallClock {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the IANA zone name (e.g. "Asia/Jakarta"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset of `timeZone` from UTC at instant `epochMs`, in milliseconds (UTC+7 → 25 200 000). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const asUtc = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The UTC instant (ISO 8601, `…Z`) at which clocks in `timeZone` showed `wall`.
 * Around DST changes it behaves like Temporal's "compatible" disambiguation: a repeated hour
 * (clocks turned back) resolves to its first occurrence; a skipped hour (clocks turned forward)
 * is read with the offset in force before the change, i.e. moved forward by the gap.
 * Throws RangeError for an unknown zone or an impossible date (31 February).
 */
export function localToUtc(wall: WallClock, timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
  const local = Date.UTC(wall.y, wall.m - 1, wall.d, wall.hh, wall.mm, wall.ss);
  const check = new Date(local);
  if (
    Number.isNaN(local) ||
    check.getUTCFullYear() !== wall.y ||
    check.getUTCMonth() !== wall.m - 1 ||
    check.getUTCDate() !== wall.d ||
    check.getUTCHours() !== wall.hh ||
    check.getUTCMinutes() !== wall.mm ||
    check.getUTCSeconds() !== wall.ss
  ) {
    throw new RangeError(`not a valid date/time: ${JSON.stringify(wall)}`);
  }
  const DAY = 86_400_000;
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const candidates = [local - before, local - after].filter((t) => t + offsetAt(t, timeZone) === local);
  const instant = candidates.length > 0 ? Math.min(...candidates) : local - before;
  return new Date(instant).toISOString();
}

/** UTC instant for a wall clock with a fixed offset such as "+07:00" / "-0530" (EXIF OffsetTime). */
export function offsetLocalToUtc(wall: WallClock, offset: string): string | undefined {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const minutes = sign * (Number(m[2]) * 60 + Number(m[3]));
  const local = Date.UTC(wall.y, wall.m - 1, wall.d, wall.hh, wall.mm, wall.ss);
  if (Number.isNaN(local)) return undefined;
  return new Date(local - minutes * 60_000).toISOString();
}
