// Reported speech: the words a post attributes to a named speaker, masked like a long quotation.
import { describe, expect, it } from 'vitest';
import { reportedSpeechRanges } from '../../src/text/reported-speech.js';
import { normalise } from '../../src/text/normalise.js';

const spans = (t: string) => reportedSpeechRanges(t).map(([a, b]) => t.slice(a, b).trim());

describe('reportedSpeechRanges', () => {
  it('reads a short quote after a verb of saying as the speaker\'s', () => {
    expect(spans('Anies singgung "perubahan" di depan mahasiswa')).toEqual(['"perubahan"']);
    expect(spans('lagi2 si "pemimpin sejati" pencitraan')).toEqual([]);
  });

  it('reads the sentence after an opening speaker and a colon, not after a label or a retweet', () => {
    expect(spans('Kominfo: akun itu bukan milik Gibran, kata pengamat. Kasus ditutup')).toEqual(['akun itu bukan milik Gibran, kata pengamat']);
    expect(spans('Menang Pilkada DKI, Prabowo: Anies-Sandi Harus Kerja Keras')).toEqual(['Anies-Sandi Harus Kerja Keras']);
    expect(spans('BREAKING: Prabowo umumkan Gibran sebagai cawapres')).toEqual([]);
    expect(spans('Berita Badja: rencana Ahok jika kalah')).toEqual([]);
    expect(spans('@didien: #AHY No. 1')).toEqual([]);
    expect(spans('Saya: pilih 02 aja')).toEqual([]);
    expect(spans('Pilihanku: Prabowo-Gibran, pemimpin tegas')).toEqual([]);
    expect(spans('Capres Pilihan Saya: Anies, pemimpin cerdas')).toEqual([]);
  });

  it('reads a that-clause after a verb of saying to the end of its sentence', () => {
    expect(spans('Ketika PRABOWO bilang bahwa ekonomi hancur karena presiden sebelumnya.. Saya kaget')).toEqual(['ekonomi hancur karena presiden sebelumnya']);
    // an ellipsis joined to the next word still ends the sentence; a decimal point does not
    expect(spans('X bilang kalau menang sekolah gratis di desa...masya Allah keren')).toEqual(['menang sekolah gratis di desa']);
    expect(spans('X bilang bahwa ekonomi tumbuh 5.1 persen tahun ini')).toEqual(['ekonomi tumbuh 5.1 persen tahun ini']);
  });

  it('reads the clause after "kata X" or "menurut X", leaving the writer\'s words around it', () => {
    expect(spans('Kata Jokowi ekonomi meroket, padahal harga cabai naik terus')).toEqual(['ekonomi meroket']);
    expect(spans('Menurut Prabowo ekonomi bocor. Saya setuju')).toEqual(['ekonomi bocor']);
    expect(spans('menurut saya Anies lebih siap')).toEqual([]);
    expect(spans('kata orang Anies lebih siap')).toEqual([]);
  });

  it('marks those words as quoted in the normalised text', () => {
    const n = normalise('Kominfo: akun fufufafa bukan milik Gibran https://t.co/x');
    expect(n.inQuote[n.text.indexOf('fufufafa')]).toBe(1);
    expect(n.inQuote[n.text.indexOf('kominfo')]).toBe(0);
  });
});
