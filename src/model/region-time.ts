// Local time of a subject's region. Indonesia has three zones without daylight saving: WIB
// (UTC+7), WITA (UTC+8) and WIT (UTC+9). A region code (Kemendagri: "32", "32.73", "3273",
// "32.73.01") starts with its province code; the province decides the zone. This is the only
// place that maps provinces to zones.
import { PROVINCES } from '../registry/provinces.js';

export const ZONE_ABBREVS = ['WIB', 'WITA', 'WIT'] as const;
export type ZoneAbbrev = (typeof ZONE_ABBREVS)[number];

/** A fixed-offset zone as the report and the CLI name it. */
export interface TimeZone {
  /** WIB | WITA | WIT | UTC */
  abbrev: string;
  /** IANA name */
  iana: string;
  /** minutes east of UTC */
  offsetMinutes: number;
}

export const ZONES: Readonly<Record<ZoneAbbrev | 'UTC', TimeZone>> = {
  WIB: { abbrev: 'WIB', iana: 'Asia/Jakarta', offsetMinutes: 7 * 60 },
  WITA: { abbrev: 'WITA', iana: 'Asia/Makassar', offsetMinutes: 8 * 60 },
  WIT: { abbrev: 'WIT', iana: 'Asia/Jayapura', offsetMinutes: 9 * 60 },
  UTC: { abbrev: 'UTC', iana: 'UTC', offsetMinutes: 0 },
};

/** Province code → zone (Permenpan/Keppres 41/1987 boundaries; Kalimantan Barat/Tengah are WIB). */
const PROVINCE_ZONE: Readonly<Record<string, ZoneAbbrev>> = {
  // Sumatra, Riau islands, Java, West and Central Kalimantan
  ...Object.fromEntries(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62'].map((c) => [c, 'WIB'])),
  // Bali, Nusa Tenggara, South/East/North Kalimantan, Sulawesi
  ...Object.fromEntries(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'].map((c) => [c, 'WITA'])),
  // Maluku and every Papua province
  ...Object.fromEntries(['81', '82', '91', '92', '93', '94', '95', '96'].map((c) => [c, 'WIT'])),
} as Record<string, ZoneAbbrev>;

/** The province code a region code starts with, when it is a known province. */
export function provinceOfRegion(regionCode: string | null | undefined): string | undefined {
  const digits = /^\s*(\d{2})/.exec(regionCode ?? '')?.[1];
  return digits && PROVINCES[digits] ? digits : undefined;
}

/** The zone of a province code ("32"), undefined when the code is no province. */
export function zoneOfProvince(provinceCode: string): TimeZone | undefined {
  const abbrev = PROVINCE_ZONE[provinceCode];
  return abbrev ? ZONES[abbrev] : undefined;
}

/** The zone of a subject's region; WIB (the capital's zone) when the region is unknown. */
export function zoneOfRegion(regionCode: string | null | undefined): TimeZone {
  const province = provinceOfRegion(regionCode);
  return (province && zoneOfProvince(province)) || ZONES.WIB;
}

/**
 * A --timezone value: WIB | WITA | WIT | UTC, one of their IANA names, or "region" (each
 * finding in its subject's zone, returned as undefined). Anything else is no zone (null).
 */
export function parseTimeZone(value: string): TimeZone | undefined | null {
  const v = value.trim();
  if (v.toLowerCase() === 'region') return undefined;
  const upper = v.toUpperCase();
  if (upper in ZONES) return ZONES[upper as keyof typeof ZONES];
  const byIana = Object.values(ZONES).find((z) => z.iana.toLowerCase() === v.toLowerCase());
  if (byIana) return byIana;
  if (upper === 'ETC/UTC' || upper === 'Z' || upper === '+00:00') return ZONES.UTC;
  return null;
}

/** SQL CASE giving the UTC offset in hours of a region-code column (for views; same table). */
export function zoneOffsetSql(column: string): string {
  const groups = new Map<number, string[]>();
  for (const [code, abbrev] of Object.entries(PROVINCE_ZONE)) {
    const hours = ZONES[abbrev].offsetMinutes / 60;
    groups.set(hours, [...(groups.get(hours) ?? []), `'${code}'`]);
  }
  const whens = [...groups].filter(([h]) => h !== 7).map(([h, codes]) => `WHEN substr(ltrim(${column}), 1, 2) IN (${codes.sort().join(', ')}) THEN ${h}`);
  return `(CASE ${whens.join(' ')} ELSE 7 END)`;
}

/** ISO 8601 local date-time with offset: "2024-01-14T19:32:00+07:00". */
export function toZonedIso(iso: string, zone: TimeZone): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const local = new Date(d.getTime() + zone.offsetMinutes * 60000).toISOString().slice(0, 19);
  if (zone.offsetMinutes === 0) return `${local}Z`;
  const h = Math.floor(Math.abs(zone.offsetMinutes) / 60);
  const mm = Math.abs(zone.offsetMinutes) % 60;
  return `${local}${zone.offsetMinutes < 0 ? '-' : '+'}${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** "2024-01-14 19:32 WIB (12:32 UTC)" for terminal lines. */
export function formatZonedShort(iso: string, zone: TimeZone): string | undefined {
  const local = toZonedIso(iso, zone);
  if (!local) return undefined;
  const d = new Date(iso).toISOString();
  const main = `${local.slice(0, 10)} ${local.slice(11, 16)} ${zone.abbrev}`;
  return zone.offsetMinutes === 0 ? main : `${main} (${d.slice(11, 16)} UTC${local.slice(0, 10) === d.slice(0, 10) ? '' : ` ${d.slice(0, 10)}`})`;
}

/** ISO 8601 week (Monday start) of the local calendar date in `zone`: "2024-W02". */
export function isoWeek(iso: string, zone: TimeZone = ZONES.WIB): string | undefined {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  const w = new Date(d.getTime() + zone.offsetMinutes * 60000);
  const day = new Date(Date.UTC(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The same ISO week in SQL for a UTC time column shifted by `offsetHoursSql` (works on any SQLite,
 * without %G/%V): the Thursday of the local date's week decides year and week number.
 */
export function isoWeekSql(timeColumn: string, offsetHoursSql: string): string {
  const thursday = `date(${timeColumn}, printf('%+d hours', ${offsetHoursSql}), '-3 days', 'weekday 4')`;
  return `printf('%s-W%02d', strftime('%Y', ${thursday}), (CAST(strftime('%j', ${thursday}) AS INTEGER) - 1) / 7 + 1)`;
}
