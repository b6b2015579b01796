// A pair written as two halves made from its candidates' names (stop 56): the call name without its
// name suffix ("Kurniawan" → Kurnia, "Setiawati" → Setia) and the initials of the running mate's
// whole name ("Ketut Agus Wiranata" → KAW), joined by a dash, in a camel-case hashtag or glued in an
// account name. Registry: an invented KPU governor list (fixtures/kpu/pair-halves).
import { describe, expect, it } from 'vitest';
import { fullInitials, nameStem } from '../../src/rules/pair-halves.js';
import { kpuSample } from './kpu-sample.js';

describe('halves made from a name', () => {
  it('drops a name suffix only where a word with two syllables is left', () => {
    expect(nameStem('muliawan')).toBe('mulia');
    expect(nameStem('rahmawati')).toBe('rahma');
    expect(nameStem('setiawati')).toBe('setia');
    // no suffix joined to a word: the name is kept
    expect(nameStem('ridwan')).toBeUndefined();
    expect(nameStem('irawan')).toBeUndefined();
    expect(nameStem('marwan')).toBeUndefined();
  });

  it('takes the initials of every word of a name of three or four words', () => {
    expect(fullInitials(['i', 'putu', 'agus', 'suradnyana'])).toBe('pas');
    expect(fullInitials(['dedi', 'mulyadi'])).toBeUndefined();
  });
});

describe('pair forms of two derived halves in posts', () => {
  const KURNIA = 'pilkada-2024-51-01';
  const MAHENDRA = 'pilkada-2024-51-02';
  const { findings, pairsOf, followedPairs } = kpuSample('pair-halves');
  const said = (text: string) => JSON.stringify(findings(text, '5171').map((f) => f.explanation));
  const followed = (handle: string) => followedPairs(handle, '5171');

  it('reads a dash form of a stem and the running mate’s initials, and says how each half was made', () => {
    const text = 'Mobil tiang tempelin stiker Kurnia-KAW di kaca belakang 😎';
    expect(pairsOf(text, '5171')).toContain(KURNIA);
    expect(said(text)).toContain('Kurniawan tanpa akhiran -wan');
    expect(said(text)).toContain('huruf awal Ketut Agus Wiranata');
    expect(pairsOf('Pakai kaos Mahendra-Setia ke pasar 😁', '5171')).toContain(MAHENDRA);
  });

  it('reads the halves run together in a camel-case hashtag', () => {
    expect(pairsOf('Pasang twibbon dulu ya semeton 🤎 #KurniaKAW', '5171')).toContain(KURNIA);
  });

  it('reads neither half alone, the wrong order or another race', () => {
    expect(pairsOf('Mobil tiang tempelin stiker KAW di kaca belakang 😎', '5171')).not.toContain(KURNIA);
    expect(pairsOf('Pakai kaos Setia-Mahendra ke pasar 😁', '5171')).not.toContain(MAHENDRA);
    expect(pairsOf('Mobil tiang tempelin stiker KAW-Kurnia di kaca belakang 😎', '5171')).not.toContain(KURNIA);
    expect(pairsOf('Mobil tiang tempelin stiker Kurnia-KAW di kaca belakang 😎', '3273')).not.toContain(KURNIA);
  });

  it('reads the glued halves in an account name with a team word or the region, never alone', () => {
    expect(followed('relawan.kurniakaw')).toContain(KURNIA);
    expect(followed('KurniaKAWBali')).toContain(KURNIA);
    expect(followed('kurniakaw')).not.toContain(KURNIA);
  });
});
