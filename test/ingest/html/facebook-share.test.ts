import { describe, expect, it } from 'vitest';
import { parseFixture, rawOf } from './helpers.js';

const OWNER = { kind: 'account', name: 'Budi Santoso', url: 'https://www.facebook.com/budi.santoso.asn' };
const SHARED_TEXT = 'Ayo warga Kabupaten Bandung, 14 Februari coblos nomor 2! Prabowo–Gibran untuk Indonesia maju ✌️ #PrabowoGibran2024';

describe.each([
  ['SingleFile', 'facebook-profile-budi-singlefile.html', { url: 'https://www.facebook.com/budi.santoso.asn', savedAt: '2024-02-06T13:15:42.000Z', savedWith: 'singlefile' }],
  ['MHTML', 'facebook-profile-budi-chrome.mhtml', { url: 'https://www.facebook.com/budi.santoso.asn', savedAt: '2024-02-06T13:16:05.000Z', savedWith: 'mhtml' }],
])('Facebook profile saved with %s', (_how, fixture, about) => {
  const { items, parsed, warnings } = parseFixture(fixture);

  it('reads every post of the owner, comments never', () => {
    expect(warnings).toEqual([]);
    expect(items.map((i) => i.kind)).toEqual(['post', 'share', 'share', 'post']);
    for (const item of items) expect(item.actor).toEqual(OWNER);
    const all = JSON.stringify(items);
    expect(all).not.toContain('AMIN pasti menang');
    expect(all).not.toContain('nomor 2 pokoknya');
    for (const p of parsed) expect(rawOf(p).page).toEqual(about);
  });

  it('an own post: its words, and the visible date read in the saved page’s zone (the year from the save date)', () => {
    expect(items[0]).toMatchObject({
      text: 'Alhamdulillah kerja bakti di RW 05 selesai. Terima kasih warga yang sudah hadir 🙏 #GotongRoyong',
      time: '2024-02-05T12:30:00.000Z',
      timeRaw: '5 Feb pukul 19.30',
      permalink: 'https://www.facebook.com/budi.santoso.asn/posts/pfbid0Aa1Bb2Cc3Dd4Ee5Ff6',
    });
  });

  it('a share without words of the owner: the share is the owner’s act, the words and the post are the original author’s', () => {
    expect(items[1]).toMatchObject({
      kind: 'share',
      actor: OWNER,
      target: { kind: 'post', name: 'Relawan Prabowo–Gibran Kab. Bandung', url: 'https://www.facebook.com/relawan.prabowogibran.bdg/posts/pfbid0Mm3Nn4Oo5Pp6Qq7Rr8' },
      text: SHARED_TEXT,
      // "Kemarin pukul 08.15" on a page saved 6 February 2024 in WIB
      time: '2024-02-05T01:15:00.000Z',
      timeRaw: 'Kemarin pukul 08.15',
      permalink: 'https://www.facebook.com/budi.santoso.asn/posts/pfbid0Gg7Hh8Ii9Jj0Kk1Ll2',
    });
  });

  it('a share with words of the owner: the owner’s words are the text, the shared post is kept beside them', () => {
    expect(items[2]).toMatchObject({
      kind: 'share',
      text: 'Info jadwal posyandu bulan ini, silakan dibagikan.',
      target: { kind: 'post', name: 'Puskesmas Soreang', url: 'https://www.facebook.com/puskesmas.soreang/posts/pfbid0Yy5Zz6Aa7Bb8' },
      time: '2023-10-11T17:00:00.000Z',
    });
    expect(rawOf(parsed[2]).shared).toMatchObject({ author: 'Puskesmas Soreang', text: 'Posyandu Balita dibuka setiap Selasa pukul 08.00–11.00 di Balai RW.' });
  });

  it('a date that only says how long ago gives no time', () => {
    expect(items[3]).toMatchObject({ text: 'Selamat pagi, semangat bekerja semuanya.', timeRaw: '3 j' });
    expect(items[3]?.time).toBeUndefined();
  });
});
