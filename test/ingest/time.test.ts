import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localToUtc, offsetLocalToUtc } from '../../src/ingest/time.js';

const wall = (y: number, m: number, d: number, hh: number, mm: number, ss = 0) => ({ y, m, d, hh, mm, ss });

describe('localToUtc', () => {
  it('reads Indonesian wall clocks in WIB, WITA and WIT (UTC+7, +8, +9)', () => {
    expect(localToUtc(wall(2024, 11, 27, 7, 0), 'Asia/Jakarta')).toBe('2024-11-27T00:00:00.000Z');
    expect(localToUtc(wall(2024, 11, 27, 7, 0), 'Asia/Makassar')).toBe('2024-11-26T23:00:00.000Z');
    expect(localToUtc(wall(2024, 11, 27, 7, 0), 'Asia/Jayapura')).toBe('2024-11-26T22:00:00.000Z');
  });

  it('crosses the date line backwards for early-morning local times', () => {
    expect(localToUtc(wall(2024, 1, 1, 3, 15, 30), 'Asia/Jakarta')).toBe('2023-12-31T20:15:30.000Z');
  });

  it('uses summer and winter offsets on either side of a DST change (Europe/Amsterdam)', () => {
    // clocks go forward at 02:00 on 31 March 2024 (CET +1 → CEST +2)
    expect(localToUtc(wall(2024, 3, 31, 1, 30), 'Europe/Amsterdam')).toBe('2024-03-31T00:30:00.000Z');
    expect(localToUtc(wall(2024, 3, 31, 3, 30), 'Europe/Amsterdam')).toBe('2024-03-31T01:30:00.000Z');
    expect(localToUtc(wall(2024, 7, 1, 12, 0), 'Europe/Amsterdam')).toBe('2024-07-01T10:00:00.000Z');
    expect(localToUtc(wall(2024, 12, 1, 12, 0), 'Europe/Amsterdam')).toBe('2024-12-01T11:00:00.000Z');
  });

  it('moves a wall time in the skipped hour forward by the gap', () => {
    // 02:30 does not exist on 31 March 2024 in Amsterdam; read with CET it is 01:30Z = 03:30 CEST
    expect(localToUtc(wall(2024, 3, 31, 2, 30), 'Europe/Amsterdam')).toBe('2024-03-31T01:30:00.000Z');
  });

  it('resolves the repeated hour of the autumn change to its first occurrence', () => {
    // 02:30 happens twice on 27 October 2024 (CEST then CET); the first is 00:30Z
    expect(localToUtc(wall(2024, 10, 27, 2, 30), 'Europe/Amsterdam')).toBe('2024-10-27T00:30:00.000Z');
  });

  it('rejects an unknown zone and an impossible date', () => {
    expect(() => localToUtc(wall(2024, 11, 27, 7, 0), 'Asia/Atlantis')).toThrow(RangeError);
    expect(() => localToUtc(wall(2024, 2, 30, 7, 0), 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => localToUtc(wall(2024, 11, 27, 24, 0), 'Asia/Jakarta')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Asia/Jakarta')).toBe(true);
    expect(isValidTimeZone('Asia/Jayapura')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('WIB')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('offsetLocalToUtc', () => {
  it('applies a fixed EXIF-style offset', () => {
    expect(offsetLocalToUtc(wall(2024, 11, 20, 15, 45, 10), '+08:00')).toBe('2024-11-20T07:45:10.000Z');
    expect(offsetLocalToUtc(wall(2024, 11, 20, 15, 45, 10), '-0530')).toBe('2024-11-20T21:15:10.000Z');
    expect(offsetLocalToUtc(wall(2024, 11, 20, 15, 45, 10), 'WITA')).toBeUndefined();
  });
});
