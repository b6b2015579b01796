import { describe, expect, test } from 'vitest';
import { ITEM_KINDS } from '../../src/model/index.js';
import { kindKey, tableKind } from '../../src/ingest/table-kinds.js';

describe('table kind names', () => {
  test('every item kind names itself, in any case', () => {
    for (const kind of ITEM_KINDS) {
      expect(tableKind(kind)).toBe(kind);
      expect(tableKind(` ${kind.toUpperCase()} `)).toBe(kind);
    }
  });

  test('Indonesian and common English names map to their kinds; spacing and punctuation do not matter', () => {
    const cases: Array<[string, string]> = [
      ['suka', 'reaction'], ['Menyukai', 'reaction'], ['like', 'reaction'],
      ['komentar', 'comment'], ['Komen', 'comment'], ['balasan', 'comment'],
      ['unggahan', 'post'], ['status', 'post'], ['cerita', 'post'], ['Story', 'post'], ['cuitan', 'post'],
      ['ikuti', 'follow'], ['mengikuti', 'follow'], ['Suka Halaman', 'follow'],
      ['bagikan', 'share'], ['berbagi', 'share'], ['retweet', 'share'],
      ['hadir', 'checkin'], ['Check-in', 'checkin'], ['check in', 'checkin'],
      ['acara', 'event'], ['gabung', 'membership'], ['pesan', 'message'],
    ];
    for (const [cell, kind] of cases) expect(tableKind(cell), cell).toBe(kind);
  });

  test('a name no entry knows is undefined (the reader keeps the row as a post and warns)', () => {
    expect(tableKind('laporan')).toBeUndefined();
    expect(tableKind('')).toBeUndefined();
    expect(kindKey(' Check-In ')).toBe('checkin');
  });
});
