// Headline shape: a shared news headline in title case, told apart from the writer's own sentences.
import { describe, expect, it } from 'vitest';
import { isHeadlineShaped as headlineShaped, isLedeShaped } from '../../src/text/headline.js';
import { loadRulePack } from '../../src/rules/pack.js';

/** the pack's function words (lexicon kata-kecil-judul) */
const smallWords = (await loadRulePack()).headlineSmallWords;
const isHeadlineShaped = (original: string) => headlineShaped(original, smallWords);

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

describe('isLedeShaped', () => {
  it('reads a sentence-case lede shared with its article link', () => {
    expect(isLedeShaped('Tim pemenangan Prabowo-Gibran bahas program makan bergizi gratis bersama ekonom https://t.co/mbg01')).toBe(true);
    expect(isLedeShaped('KPU tetapkan jadwal debat kedua. Tema ekonomi dan pangan https://kompas.id/read/2024/01/x #Pemilu2024')).toBe(true);
  });

  it('does not read a comment on a tweet, a photo, a post without a link, or the writer\'s own tone as a lede', () => {
    expect(isLedeShaped('Jelas prabowo ga paham konsep ekonomi https://twitter.com/someone/status/1117079154497703936')).toBe(false);
    expect(isLedeShaped('Pertumbuhan ekonomi konsisten, tinggal pilih lagi pic.twitter.com/bhCGhmTg55 https://t.co/x')).toBe(false);
    expect(isLedeShaped('Tim pemenangan Prabowo-Gibran bahas program makan bergizi gratis bersama ekonom')).toBe(false);
    expect(isLedeShaped('Prabowo-Gibran bahas program makan bergizi gratis 🔥 https://t.co/mbg01')).toBe(false);
    expect(isLedeShaped('Prabowo-Gibran bahas program makan bergizi gratis, gimana menurut kalian? https://t.co/mbg01')).toBe(false);
    expect(isLedeShaped('udah nonton debat semalam ya https://t.co/debat')).toBe(false);
  });
});
