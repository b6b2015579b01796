import { describe, expect, it } from 'vitest';
import { parseFixture, rawOf } from './helpers.js';

describe('X profile saved with SingleFile', () => {
  const { items, parsed } = parseFixture('x-profile-budi-singlefile.html');

  it('reads the bio, the own post and the repost (as a share of the other account)', () => {
    expect(items.map((i) => i.kind)).toEqual(['profile', 'post', 'share']);
    expect(items[0]).toMatchObject({ actor: { handle: 'budi_asn_dinkes', name: 'Budi Santoso' }, hashtags: ['Bandung'] });
    expect(items[1]).toMatchObject({
      actor: { handle: 'budi_asn_dinkes', name: 'Budi Santoso' },
      text: 'Alhamdulillah posko kesehatan gratis hari ini ramai. Terima kasih Pak Calon Bupati nomor urut 3 atas dukungannya 🙏 #BandungSehat',
      time: '2024-01-09T13:05:41.000Z',
      permalink: 'https://x.com/budi_asn_dinkes/status/1744712345678901234',
      // the photo was inlined as a data: URI: its alt text stays, no address
      media: [{ caption: 'Antrean warga di posko kesehatan dengan spanduk bergambar calon bupati' }],
    });
    expect(items[2]).toMatchObject({
      actor: { handle: 'budi_asn_dinkes' },
      target: { kind: 'post', handle: 'relawan_paslon3', url: 'https://x.com/relawan_paslon3/status/1744400000000000001' },
      text: 'Ayo hadir di deklarasi relawan Minggu ini! Coblos nomor 3, Bandung makin maju ✊',
    });
  });

  it('every item carries the save date and original URL from the SingleFile header in its raw fragment', () => {
    for (const p of parsed) expect(rawOf(p).page).toEqual({ url: 'https://x.com/budi_asn_dinkes', savedAt: '2024-01-09T13:41:07.000Z', savedWith: 'singlefile' });
  });
});

describe('Instagram saved pages', () => {
  it('a post saved with "Save page as": caption, time, owner, and the image saved beside the page as a file', () => {
    const { items } = parseFixture('instagram-post-ani-chromium.html');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'instagram',
      kind: 'post',
      actor: { handle: 'ani.rahma_pns' },
      text: 'Bagi-bagi sembako di Kelurahan Cibeunying, titipan dari Ibu Caleg DPRD nomor 5 🙏\nYang belum kebagian hubungi saya ya. #sembakomurah #pemilu2024',
      time: '2024-01-10T04:12:33.000Z',
      hashtags: ['sembakomurah', 'pemilu2024'],
      permalink: 'https://www.instagram.com/p/C1xYz2AbCdE/',
    });
    expect(items[0]?.media).toEqual([
      {
        uri: 'Ani Rahmawati di Instagram_files/417654321_sembako_n.jpg',
        caption: "Foto oleh Ani Rahmawati pada 10 Januari 2024. Mungkin gambar 3 orang dan teks yang menyatakan 'PAKET SEMBAKO CALEG NO. 5'.",
      },
    ]);
  });

  it('a profile: the bio, and one item per grid post with Instagram’s own alt text (duplicate links once)', () => {
    const { items } = parseFixture('instagram-profile-ani-singlefile.html');
    expect(items.map((i) => [i.kind, i.permalink])).toEqual([
      ['profile', 'https://www.instagram.com/ani.rahma_pns/'],
      ['post', 'https://www.instagram.com/p/C1xYz2AbCdE/'],
      ['post', 'https://www.instagram.com/reel/C1qWe3RtYuI/'],
    ]);
    expect(items[0]).toMatchObject({ text: 'ASN Kelurahan Cibeunying 🏛️ | Ibu dua anak', actor: { name: 'Ani Rahmawati' } });
    expect(items[2]?.media[0]?.caption).toContain("'SALAM 2 JARI'");
  });
});

describe('Facebook page saved as MHTML', () => {
  const { items, warnings } = parseFixture('facebook-page-disdik-chrome.mhtml');

  it('reads each top-level post (comments are not posts), with author, text and clean permalink', () => {
    expect(warnings).toEqual([]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      platform: 'facebook',
      kind: 'post',
      actor: { name: 'Dinas Pendidikan Kab. Bandung', url: 'https://www.facebook.com/disdik.kabbandung' },
      hashtags: ['PilkadaBandung'],
      permalink: 'https://www.facebook.com/disdik.kabbandung/posts/pfbid02XkQ7fLmN3pR8sT1vW4yZ6aB9cD2eF5gH8jK1mN4pQ7rS',
      timeRaw: '8 Januari pukul 09.15',
    });
    expect(items[0]?.text).toContain('Bapak Calon Bupati nomor urut 1');
    expect(items[0]?.text).not.toContain('Siap pak');
    expect(items[1]?.permalink).toBe('https://www.facebook.com/permalink.php?story_fbid=pfbid0Zz9Yy8Xx7Ww6Vv5Uu4Tt3&id=100064512345678');
  });

  it('reads the visible date in the zone of the save date (MHTML Date +0700), the year the save’s', () => {
    // "8 Januari pukul 09.15" on a page saved Tue, 9 Jan 2024 10:02:11 +0700
    expect(items[0]?.time).toBe('2024-01-08T02:15:00.000Z');
    expect(items[1]?.time).toBe('2024-01-05T07:00:00.000Z');
  });
});
