// Candidates named as residents name them beyond the ballot name (stop 55): the word after a first
// name too common to call one person by ("Sitti Halimah …" → Bu Halimah), the two-syllable head and
// tail clips of a long call name ("TGH Muhib", "Rizal" of Syamsurizal), a three-letter clip as a
// pair half ("Rus-Opik"), and clips glued to the running mate's name in an account name
// ("halimahrizal.kalsel"). Registry: an invented KPU governor list (fixtures/kpu/long-names).
import { describe, expect, it } from 'vitest';
import { callNames, parseKpuPersonName, secondCallName } from '../../src/registry/person-name.js';
import { allHonorificWords } from '../../src/registry/honorifics.js';
import { callNameClips, longNameClips } from '../../src/rules/coinages.js';
import { kpuSample } from './kpu-sample.js';

const words = (name: string) => parseKpuPersonName(name).words;

describe('call names of long and common names', () => {
  it('takes the word after a common first name as a call name too, in names of three words or more', () => {
    expect(secondCallName(words('Dr. Hj. SITTI ROHMANIAH DJAUHARI, S.E.'))).toBe('rohmaniah');
    expect(secondCallName(words('SRI MULYANI INDRAWATI'))).toBe('mulyani');
    expect(callNames(parseKpuPersonName('SITTI HALIMAH NURFADILAH'), allHonorificWords())).toEqual(['sitti', 'halimah']);
    // of two words the second is the last name, a form already; a common or everyday next word is no call name
    expect(secondCallName(words('SITI AMINAH'))).toBeUndefined();
    expect(secondCallName(words('HENDRA GUNAWAN SAPUTRA'))).toBeUndefined();
    expect(secondCallName(words('ANDIKA PERKASA HENDRAR'))).toBeUndefined();
  });

  it('clips a call name of four syllables or more to its first two and its last two', () => {
    expect(longNameClips('muhibburrahman')).toEqual([{ text: 'muhib', end: 'head' }, { text: 'rahman', end: 'tail' }]);
    expect(longNameClips('syamsurizal').map((c) => c.text)).toContain('rizal');
    // closed only where an Indonesian syllable closes: "Fatma", not "Fatmaw"
    expect(longNameClips('fatmawati')[0]).toEqual({ text: 'fatma', end: 'head' });
    // a name of three syllables is called whole or by its first syllable
    expect(longNameClips('pramono')).toEqual([]);
    expect(callNameClips('ruslikarnawansyah')[0]).toEqual({ text: 'rus', end: 'first' });
  });
});

describe('long and common names in posts', () => {
  const HALIMAH = 'pilkada-2024-63-01';
  const RUS = 'pilkada-2024-63-02';
  const MUHIB = 'pilkada-2024-63-03';
  const { findings, pairsOf, followedPairs } = kpuSample('long-names');
  const said = (text: string) => JSON.stringify(findings(text, '6371').map((f) => f.explanation));
  const followed = (handle: string) => followedPairs(handle, '6371');

  it('finds a candidate by the word after a common first name, confirmed as a given name is', () => {
    expect(pairsOf('Bu Halimah maju pilgub, saya dukung penuh', '6371')).toContain(HALIMAH);
    expect(pairsOf('Bu Halimah pindah ke bagian keuangan, saya dukung penuh', '6371')).not.toContain(HALIMAH);
  });

  it('finds a clip of a long name after a title, confirmed by its post', () => {
    const text = 'TGH Muhib sama Pak Darmawi lanjut lagi di pilgub ya? Saya dukung dari sekarang 👍';
    expect(pairsOf(text, '6371')).toContain(MUHIB);
    expect(said(text)).toContain('Muhib');
    // without a title the clip is any Muhib, and a title alone does not confirm it
    expect(pairsOf('Muhib lanjut lagi di pilgub ya? Saya dukung dari sekarang 👍', '6371')).not.toContain(MUHIB);
    expect(pairsOf('TGH Muhib ceramahnya bagus, saya dukung kegiatan pengajian 👍', '6371')).not.toContain(MUHIB);
  });

  it('reads a pair form of a clip and a name KPU does not print, a three-letter clip too', () => {
    expect(pairsOf('Pakai kaos Halimah-Rizal ke pengajian', '6371')).toContain(HALIMAH);
    expect(pairsOf('Pakai kaos Rus-Opik ke pengajian', '6371')).toContain(RUS);
    expect(said('Pakai kaos Rus-Opik ke pengajian')).toContain('penggalan awal nama Ruslikarnawansyah');
    // not in the running mate's place, and not a clip that is no candidate's
    expect(pairsOf('Pakai kaos Opik-Rus ke pengajian', '6371')).not.toContain(RUS);
    expect(pairsOf('Pakai kaos Ros-Opik ke pengajian', '6371')).not.toContain(RUS);
  });

  it('reads a handle glued from a call name and the running mate’s clip, never a clip alone', () => {
    expect(followed('halimahrizal.kalsel')).toContain(HALIMAH);
    expect(followed('rizal.kalsel')).not.toContain(HALIMAH);
    expect(followed('relawan.rizal')).not.toContain(HALIMAH);
  });
});
