// A ballot phrase ("coblos 1", "nomor 3") counts only as its number does: a quantity, a letter's
// number or a table's number is no pair (plausibleBallotNumber, the numbers list of numberForms).
import { describe, expect, it } from 'vitest';
import { plausibleBallotNumber } from '../../src/rules/registry.js';
import { followedByUnit } from '../../src/text/units.js';

/** the verdict on the first occurrence of `hit` in `text` */
function plausible(text: string, hit: string): boolean {
  const start = text.indexOf(hit);
  if (start < 0) throw new Error(`${hit} not in ${text}`);
  return plausibleBallotNumber(text, start, start + hit.length);
}

describe('plausibleBallotNumber on a ballot phrase', () => {
  it('reads a quantity after the phrase as a count, not a ballot number', () => {
    expect(plausible('coblos 1 kali saja di gambar ya, jangan 2', 'coblos 1')).toBe(false);
    expect(plausible('surat plt gubernur no 3 tahun 2016 asn dilarang', 'no 3')).toBe(false);
  });

  it('reads the number of a table or a bus as theirs', () => {
    expect(plausible('anak2 tempel stiker bola di meja nomor 1 kelas 7a', 'nomor 1')).toBe(false);
    expect(plausible('study tour kelas 2, bus nomor 3 paling berisik', 'nomor 3')).toBe(false);
  });

  it('reads a number in a clause about a queue as the queue ticket, the verb "antri" and "nomor urut" as the ballot', () => {
    expect(plausible('nomor 2 antrian poli gigi, alhamdulillah gak lama', 'nomor 2')).toBe(false);
    expect(plausible('antrian puskesmas dapet nomor 2, alhamdulillah cepet pulang', 'nomor 2')).toBe(false);
    expect(plausible('antreannya panjang banget aku dapat 03', '03')).toBe(false);
    // another clause, the verb of queueing, the ballot's own "nomor urut"
    expect(plausible('antrian panjang. pokoknya coblos nomor 2', 'nomor 2')).toBe(true);
    expect(plausible('antri di tps, coblos nomor 2 pokoknya', 'nomor 2')).toBe(true);
    expect(plausible('antrian pendaftaran paslon nomor urut 2 di kpu', 'nomor urut 2')).toBe(true);
  });

  it('keeps the ballot phrase of a call or a choice', () => {
    expect(plausible('ayo warga desa, nomor 3 untuk sukamaju', 'nomor 3')).toBe(true);
    expect(plausible('tgl 27 kita kompak ke nomor 3 ya', 'nomor 3')).toBe(true);
    expect(plausible('ikut kampanye akbar nomor 3 hari sabtu ada bus gratis', 'nomor 3')).toBe(true);
    expect(plausible('coblos 02 kali ini pasti menang', 'coblos 02')).toBe(true);
    expect(plausible('pokoknya coblos 1 !', 'coblos 1')).toBe(true);
  });
});

describe('plausibleBallotNumber on a bare number', () => {
  it('gives a zero-padded number after a campaign team or supporters to the pair, whatever follows it', () => {
    expect(plausible('sing gelem melu jalan sehat tim pemenangan 02 minggu esuk', '02')).toBe(true);
    expect(plausible('kumpul relawan 03 hari sabtu', '03')).toBe(true);
    // a count of people, a plain duration and a work team stay what they are
    expect(plausible('relawan 3 orang sudah datang', '3')).toBe(false);
    expect(plausible('cuti 02 minggu', '02')).toBe(false);
    expect(plausible('rapat tim 02 jam 9', '02')).toBe(false);
  });

  it('gives a zero-padded number after "ke" to the pair: an ordinal ("ke 3") is never zero-padded', () => {
    expect(plausible('kita satu seksi ke 03 semua, ajak yg lain juga', '03')).toBe(true);
    expect(plausible('gue ngaku, gue pindah ke 01', '01')).toBe(true);
    // the ordinal, and a range of numbers, stay what they are
    expect(plausible('ini debat ke 3 yang saya tonton', '3')).toBe(false);
    expect(plausible('warga rt 01 ke 03 kumpul di balai', '03')).toBe(false);
  });
});

describe('followedByUnit', () => {
  it('knows the numeral classifiers and "kali" (times), not "kali ini" (this time)', () => {
    expect(followedByUnit(' kali saja')).toBe(true);
    expect(followedByUnit(' butir telur')).toBe(true);
    expect(followedByUnit(' kali ini')).toBe(false);
    expect(followedByUnit(' untuk kita')).toBe(false);
  });

  it('reads a number before a month as a day of it, not a pair ("mulai 02 Januari", "14 Feb")', () => {
    expect(plausible('kantor buka lagi mulai 02 januari, antre dibagi jam 8', '02')).toBe(false);
    expect(plausible('loket buka 03 jan ya', '03')).toBe(false);
    expect(plausible('14 feb coblos 02 ya', '02')).toBe(true);
    // "Agus" is a candidate's name, not Agustus
    expect(followedByUnit(' agus sylvi')).toBe(false);
  });
});
