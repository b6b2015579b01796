import { describe, expect, it } from 'vitest';
import { formatUtc, formatWib, isoWeekWib, weeksBetween } from '../../../src/report/html/time.js';

describe('report times', () => {
  it('shows WIB (UTC+7) with the UTC time beside it, month names per language', () => {
    expect(formatWib('2024-10-14T12:32:10.000Z', 'id')).toBe('14 Okt 2024 19:32 WIB');
    expect(formatWib('2024-08-17T20:05:00Z', 'en')).toBe('18 Aug 2024 03:05 WIB');
    expect(formatUtc('2024-08-17T20:05:00Z')).toBe('2024-08-17 20:05 UTC');
    expect(formatWib('bukan tanggal', 'id')).toBeUndefined();
  });

  it('puts an item in the ISO week of its WIB date, across the year boundary', () => {
    // 29 Dec 2024 18:00 UTC is Monday 30 Dec 01:00 WIB: ISO week 1 of 2025
    expect(isoWeekWib('2024-12-29T18:00:00Z')).toBe('2025-W01');
    expect(isoWeekWib('2024-12-29T16:00:00Z')).toBe('2024-W52');
    expect(isoWeekWib('2021-01-03T12:00:00Z')).toBe('2020-W53');
  });

  it('lists every week between two weeks, including a 53-week year', () => {
    expect(weeksBetween('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(weeksBetween('2024-W10', '2024-W10')).toEqual(['2024-W10']);
  });
});
