import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { activityTime } from '../../src/model/item.js';
import { formatZonedShort, isoWeek, isoWeekSql, parseTimeZone, provinceOfRegion, toZonedIso, zoneOffsetSql, zoneOfProvince, zoneOfRegion, ZONES } from '../../src/model/region-time.js';
import { PROVINCES } from '../../src/registry/provinces.js';

describe('region time', () => {
  it('every province code has a zone, and the zones follow the three Indonesian time zones', () => {
    const byZone: Record<string, string[]> = {};
    for (const code of Object.keys(PROVINCES)) {
      const zone = zoneOfProvince(code);
      expect(zone, `province ${code} ${PROVINCES[code]}`).toBeDefined();
      (byZone[zone!.abbrev] ??= []).push(code);
    }
    expect(byZone.WIB).toEqual(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '61', '62']);
    expect(byZone.WITA).toEqual(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
    expect(byZone.WIT).toEqual(['81', '82', '91', '92', '93', '94', '95', '96']);
    expect(zoneOfProvince('99')).toBeUndefined();
  });

  it('a region code in any Kemendagri spelling resolves through its province; unknown ones fall back to WIB', () => {
    expect(zoneOfRegion('73.71').iana).toBe('Asia/Makassar'); // Kota Makassar
    expect(zoneOfRegion('9171').iana).toBe('Asia/Jayapura'); // Kota Jayapura
    expect(zoneOfRegion('32.73.01').iana).toBe('Asia/Jakarta');
    expect(zoneOfRegion('51').abbrev).toBe('WITA');
    expect(provinceOfRegion('00.01')).toBeUndefined();
    expect(zoneOfRegion(undefined)).toBe(ZONES.WIB);
    expect(zoneOfRegion('xx')).toBe(ZONES.WIB);
  });

  it('the SQL offset CASE agrees with the table for every province', () => {
    const db = new Database(':memory:');
    for (const code of Object.keys(PROVINCES)) {
      const hours = db.prepare(`WITH t(rc) AS (SELECT ?) SELECT ${zoneOffsetSql('rc')} FROM t`).pluck().get(`${code}.01`);
      expect(hours, code).toBe(zoneOfProvince(code)!.offsetMinutes / 60);
    }
    db.close();
  });

  it('local time with UTC beside it, and the local date can differ from the UTC date', () => {
    expect(toZonedIso('2024-01-14T16:30:00Z', ZONES.WIT)).toBe('2024-01-15T01:30:00+09:00');
    expect(formatZonedShort('2024-01-14T12:32:00Z', ZONES.WITA)).toBe('2024-01-14 20:32 WITA (12:32 UTC)');
    expect(formatZonedShort('2024-01-14T16:30:00Z', ZONES.WIT)).toBe('2024-01-15 01:30 WIT (16:30 UTC 2024-01-14)');
  });

  it('--timezone accepts abbreviations, IANA names and "region"; anything else is refused', () => {
    expect(parseTimeZone('wita')).toBe(ZONES.WITA);
    expect(parseTimeZone('Asia/Jayapura')).toBe(ZONES.WIT);
    expect(parseTimeZone('UTC')).toBe(ZONES.UTC);
    expect(parseTimeZone('region')).toBeUndefined();
    expect(parseTimeZone('Europe/Berlin')).toBeNull();
  });

  it('one ISO week (Monday start) in TypeScript and in SQL, across year ends and zones', () => {
    const db = new Database(':memory:');
    const cases = ['2024-12-29T10:00:00Z', '2024-12-30T00:00:00Z', '2021-01-03T12:00:00Z', '2021-01-04T12:00:00Z', '2026-01-01T00:00:00Z', '2024-02-11T18:00:00Z', '2024-02-11T16:59:00Z', '2020-12-31T23:00:00Z'];
    for (const iso of cases) {
      for (const zone of [ZONES.WIB, ZONES.WITA, ZONES.WIT]) {
        const sql = db.prepare(`WITH t(at) AS (SELECT ?) SELECT ${isoWeekSql('at', String(zone.offsetMinutes / 60))} FROM t`).pluck().get(iso);
        expect(sql, `${iso} ${zone.abbrev}`).toBe(isoWeek(iso, zone));
      }
    }
    expect(isoWeek('2024-12-30T00:00:00Z')).toBe('2025-W01'); // a Monday belongs to the next ISO year
    expect(isoWeek('2021-01-03T12:00:00Z')).toBe('2020-W53');
    // Sunday 11 Feb 2024 18:00 UTC is Monday 01:00 WIB: a new week locally
    expect(isoWeek('2024-02-11T16:59:00Z', ZONES.WIB)).toBe('2024-W06');
    expect(isoWeek('2024-02-11T18:00:00Z', ZONES.WIB)).toBe('2024-W07');
    db.close();
  });

  it('an event response without a time of its own is dated by the event', () => {
    expect(activityTime({ event: { name: 'Kampanye akbar', start: '2024-02-10T02:00:00.000Z' } })).toBe('2024-02-10T02:00:00.000Z');
    expect(activityTime({ time: '2024-02-01T00:00:00.000Z', event: { name: 'x', start: '2024-02-10T02:00:00.000Z' } })).toBe('2024-02-01T00:00:00.000Z');
  });
});
