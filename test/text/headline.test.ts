// Headline shape: a shared news headline in title case, told apart from the writer's own sentences.
import { describe, expect, it } from 'vitest';
import { isHeadlineShaped } from '../../src/text/headline.js';

describe('isHeadlineShaped', () => {
  it('reads title-case headlines behind links, hashtags and an outlet name', () => {
    expect(isHeadlineShaped('Prabowo Temui Relawan di Surabaya, Gibran Ikut Hadir https://t.co/Zz81kq')).toBe(true);
    expect(isHeadlineShaped('#Pilpres2024 Anies Janji Hapus Utang Petani Jika Terpilih - Warta Ekonomi')).toBe(true);
    expect(isHeadlineShaped('Debat Cawapres: Gibran Bahas Ekonomi Hijau dan Hilirisasi Nikel via @detikcom')).toBe(true);
  });

  it('does not read a sentence, a shout or a short label as a headline', () => {
    expect(isHeadlineShaped('prabowo temui relawan di surabaya, gibran ikut hadir')).toBe(false);
    expect(isHeadlineShaped('Tadi lihat Prabowo lewat depan kantor, rame banget jalannya')).toBe(false);
    expect(isHeadlineShaped('PRABOWO TEMUI RELAWAN DI SURABAYA GIBRAN IKUT HADIR')).toBe(false);
    expect(isHeadlineShaped('Relawan Prabowo https://t.co/x')).toBe(false);
  });
});
