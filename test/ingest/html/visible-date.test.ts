import { describe, expect, it } from 'vitest';
import { visibleDate } from '../../../src/ingest/html/visible-date.js';

// saved Tue 6 Feb 2024 20:15:42 in WIB (UTC+7)
const SAVED = '2024-02-06T13:15:42.000Z';
const WIB = 420;

describe('visible date texts', () => {
  it.each([
    ['12 November 2023', '2023-11-11T17:00:00.000Z'],
    ['12 Nov 2023 pukul 19.30', '2023-11-12T12:30:00.000Z'],
    ['Selasa, 12 Desember 2023 pukul 07.05', '2023-12-12T00:05:00.000Z'],
    ['5 Feb pukul 19.30', '2024-02-05T12:30:00.000Z'],
    ['3 Februari', '2024-02-02T17:00:00.000Z'],
    ['Kemarin pukul 08.15', '2024-02-05T01:15:00.000Z'],
    ['Hari ini pukul 06.00', '2024-02-05T23:00:00.000Z'],
    ['Yesterday at 8:15 PM', '2024-02-05T13:15:00.000Z'],
    ['November 12, 2023', '2023-11-11T17:00:00.000Z'],
    ['February 4 at 7:30 AM', '2024-02-04T00:30:00.000Z'],
    ['Sunday, February 4, 2024 at 12:05 PM', '2024-02-04T05:05:00.000Z'],
    ['12 Agt 2023', '2023-08-11T17:00:00.000Z'],
  ])('%s → %s', (text, time) => {
    expect(visibleDate(text, SAVED, WIB).time).toBe(time);
  });

  it.each([['3 j'], ['2 hari'], ['5 menit yang lalu'], ['2 days ago'], ['Baru saja'], ['30 Februari 2024'], ['12 Foo 2024'], ['25:10']])('%s gives no time', (text) => {
    expect(visibleDate(text, SAVED, WIB).time).toBeUndefined();
  });

  it('a date without a year that would lie after the save has no year to take: no time', () => {
    expect(visibleDate('12 Desember pukul 10.00', SAVED, WIB).time).toBeUndefined();
  });

  it('without the page’s zone nothing is read (a fetched page, a "Webpage, Complete" save)', () => {
    expect(visibleDate('12 November 2023', SAVED, undefined).time).toBeUndefined();
    expect(visibleDate('12 November 2023', undefined, undefined).time).toBeUndefined();
    // a year and a zone are enough; "Kemarin" and a yearless date need the save date too
    expect(visibleDate('12 November 2023', undefined, WIB).time).toBe('2023-11-11T17:00:00.000Z');
    expect(visibleDate('Kemarin pukul 08.15', undefined, WIB).time).toBeUndefined();
    expect(visibleDate('5 Feb pukul 19.30', undefined, WIB).time).toBeUndefined();
  });
});
