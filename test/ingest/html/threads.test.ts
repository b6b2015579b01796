import { describe, expect, it } from 'vitest';
import { parseFixture, rawOf } from './helpers.js';

const OWNER = { kind: 'account', handle: 'sri.lestari.asn', name: 'Sri Lestari', url: 'https://www.threads.net/@sri.lestari.asn' };

describe('Threads post page', () => {
  it('reads the owner’s post and own continuation from thread_items (data-sjs), with the author and the time', () => {
    const { items, parsed, warnings } = parseFixture('threads-post-sri.html');
    expect(warnings).toEqual([]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      platform: 'instagram',
      kind: 'post',
      actor: { ...OWNER, id: '63512345678' },
      text: 'Alhamdulillah hadir di silaturahmi relawan Kecamatan Cimahi Tengah 🙏 Insyaallah 14 Februari kita menangkan AMIN! #AMIN2024',
      time: '2024-02-05T07:30:00.000Z',
      hashtags: ['AMIN2024'],
      permalink: 'https://www.threads.net/@sri.lestari.asn/post/C3kLmN8pQrS',
      media: [{ url: 'https://scontent.cdninstagram.com/v/t51.2885-15/4211_n.jpg' }],
    });
    expect(items[0]?.source.pointer).toMatch(/^html:script\[type="application\/json"\]@1\/require\/0\/3\/0\/.*\/thread_items\/0\/post$/);
    expect(items[1]).toMatchObject({ actor: OWNER, text: 'Terima kasih juga untuk ibu-ibu pengajian yang sudah datang, nomor 1 pasti menang ☝️', time: '2024-02-05T07:35:00.000Z' });
    expect(rawOf(parsed[0]).threadPost).toMatchObject({ code: 'C3kLmN8pQrS' });
  });

  it('replies by other accounts are their words: never items of the page', () => {
    const { items } = parseFixture('threads-post-sri.html');
    const all = JSON.stringify(items);
    expect(all).not.toContain('Prabowo');
    expect(all).not.toContain('Ganjar');
    expect(all).not.toContain('andi.pratama22');
  });

  it('the author is the page URL’s @user even when a reply comes first in the data', () => {
    const { items } = parseFixture('threads-post-sri.html', 'https://www.threads.net/@sri.lestari.asn/post/C3kLmN8pQrS');
    expect(items.every((i) => i.actor?.handle === 'sri.lestari.asn')).toBe(true);
    // a page of a reply's own URL is that account's: the owner's thread items are then others' words
    const { items: other } = parseFixture('threads-post-sri.html', 'https://www.threads.net/@andi.pratama22/post/C3kLnA2bCdE');
    expect(other.map((i) => [i.actor?.handle, i.text])).toEqual([['andi.pratama22', 'Mending 02 lah, Prabowo–Gibran lanjutkan!']]);
  });

  it('saved with SingleFile (scripts removed): the OG description is the post, the URL’s @user its author, its time from its own link', () => {
    const { items, warnings } = parseFixture('threads-post-sri-singlefile.html');
    expect(warnings).toEqual([]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      platform: 'instagram',
      kind: 'post',
      actor: OWNER,
      text: 'Alhamdulillah hadir di silaturahmi relawan Kecamatan Cimahi Tengah 🙏 Insyaallah 14 Februari kita menangkan AMIN! #AMIN2024',
      time: '2024-02-05T07:30:00.000Z',
      permalink: 'https://www.threads.net/@sri.lestari.asn/post/C3kLmN8pQrS',
    });
    expect(JSON.stringify(items)).not.toContain('Prabowo');
  });
});
