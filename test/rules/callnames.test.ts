// The names residents call a pair by, derived from the candidates' names (stop 51): a leading piece of
// one name with the tail of the other ("RIDO", "AMIN"), a clipped first name with the running mate's
// name ("PramDoel"), a candidate's initials ("RK"), a clipped given name after an honorific ("Mas
// Pram"), and a dash or hashtag pair form of which one half is a candidate's form ("Pram-Doel").
// Registries: invented KPU governor lists of two provinces (fixtures/kpu/callnames).
import { describe, expect, it } from 'vitest';
import { parseKpuPersonName, callNames } from '../../src/registry/person-name.js';
import { allHonorificWords } from '../../src/registry/honorifics.js';
import { callClip, candidateInitials, clippedName, coinageDerivation, COINAGES_PER_COUPLE, MAX_NAMES_PER_CANDIDATE, pairCoinages, tailPieces } from '../../src/rules/coinages.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { kpuSample } from './kpu-sample.js';

const forms = (a: string[], b: string[]) => pairCoinages(a, b).map((c) => c.form);

describe('call-name derivations', () => {
  it('clips a given name to its first closed syllable and takes a name’s tail', () => {
    expect(clippedName('pramono')).toBe('pram');
    expect(clippedName('dharma')).toBeUndefined();
    expect(clippedName('agustina')).toBeUndefined();
    expect(callClip('pramono')).toBe('pram');
    expect(callClip('dharma')).toBe('dhar');
    expect(callClip('kun')).toBeUndefined();
    expect(tailPieces('suswono').map((p) => p.text)).toEqual(['no', 'o']);
    expect(tailPieces('muhaimin').map((p) => p.text)).toEqual(['min', 'in']);
    expect(tailPieces('kun')).toEqual([]);
  });

  it('coins a leading piece with the other name’s tail, and a clipped name with the running mate’s name', () => {
    expect(forms(['ridwan'], ['suswono'])).toContain('rido');
    expect(forms(['anies'], ['muhaimin'])).toContain('amin');
    expect(forms(['pramono'], ['rano', 'doel'])).toContain('pramdoel');
    // a final sound only after a consonant: "Ri"+"o" is no name; never shorter than four letters
    expect(forms(['ridwan'], ['suswono'])).not.toContain('rio');
    const rido = pairCoinages(['ridwan'], ['suswono']).find((c) => c.form === 'rido');
    expect(rido && coinageDerivation(rido).id).toBe('“Rid” (suku kata awal Ridwan) + “O” (bunyi akhir Suswono)');
    const amin = pairCoinages(['anies'], ['muhaimin']).find((c) => c.form === 'amin');
    expect(amin && coinageDerivation(amin).en).toBe('“A” (initial of Anies) + “Min” (last syllable of Muhaimin)');
  });

  it('takes a candidate’s initials from the given name and the word after it', () => {
    expect(candidateInitials(['m', 'ridwan', 'kamil'], 'ridwan')).toBe('rk');
    expect(candidateInitials(['r', 'kun', 'wardana', 'abyoto'], 'kun')).toBe('kw');
    expect(candidateInitials(['suswono'], 'suswono')).toBeUndefined();
  });

  it('reads a nickname past its article ("SI DOEL" → doel)', () => {
    expect(callNames(parseKpuPersonName('RANO KARNO (SI DOEL)'), allHonorificWords())).toContain('doel');
  });

  it('keeps within its bound', () => {
    const a = ['pramono', 'andika', 'agustina'];
    const b = ['suswono', 'muhaimin', 'hendrar'];
    const made = pairCoinages(a, b);
    expect(made.length).toBeLessThanOrEqual(MAX_NAMES_PER_CANDIDATE ** 2 * COINAGES_PER_COUPLE);
    for (const x of a) for (const y of b) expect(pairCoinages([x], [y]).length).toBeLessThanOrEqual(COINAGES_PER_COUPLE);
  });
});

describe('call names in posts', () => {
  const WIRIN = 'pilkada-2024-33-01';
  const PRAS = 'pilkada-2024-33-02';
  const KABAR = 'pilkada-2024-33-03';
  const FAR_PRAS = 'pilkada-2024-35-01';
  const FAR_WIRIN = 'pilkada-2024-35-02';
  const { pack, message, findings, pairsOf } = kpuSample('callnames');
  const said = (text: string, region: string) => JSON.stringify(findings(text, region).map((f) => f.explanation));

  it('finds a post by a tail coinage in capitals and says how it was made', () => {
    const text = 'Stiker WIRIN udah nempel di helm aku, siap dinas pagi';
    expect(pairsOf(text, '3374')).toContain(WIRIN);
    expect(said(text, '3374')).toContain('“Wir” (penggalan awal Wiranto) + “In” (bunyi akhir Salimin)');
    // a far region's coinage is not counted: the same word names the far pair only there
    expect(pairsOf(text, '3374')).not.toContain(FAR_WIRIN);
    expect(pairsOf(text, '3578')).toContain(FAR_WIRIN);
    expect(pairsOf(text, '3578')).not.toContain(WIRIN);
    // a clipped first name with the running mate's name, written as a name
    expect(pairsOf('Stiker WirSalimin udah nempel di helm aku', '3374')).toContain(WIRIN);
    expect(said('Stiker WirSalimin udah nempel di helm aku', '3374')).toContain('“Wir” (penggalan awal Wiranto) + “Salimin” (nama Salimin)');
    // a handle that is the same word is someone's account, not the pair
    expect(pairsOf('Stiker dari @wirin udah nempel di helm aku', '3374')).not.toContain(WIRIN);
  });

  it('finds a candidate by initials in capitals only where the post confirms them', () => {
    const text = 'WG paling pantas, pilgub besok aku dukung terus';
    expect(pairsOf(text, '3374')).toContain(WIRIN);
    expect(said(text, '3374')).toContain('huruf awal Wiranto Gunawan');
    expect(pairsOf('WG paling pantas, aku dukung terus', '3374')).not.toContain(WIRIN);
    expect(pairsOf('wg paling pantas, pilgub besok aku dukung terus', '3374')).not.toContain(WIRIN);
    expect(pairsOf(text, '3374')).not.toContain(FAR_WIRIN);
  });

  it('never reads initials as the candidate from what the chat or the account named before', () => {
    // "DM" is a direct message as often as a candidate's initials: an earlier message that named
    // the pair makes a clipped name the candidate (chatNamedHits), never the initials
    const earlier = message('Pilgub besok aku dukung Wiranto Gunawan, pasti menang');
    const text = 'Aku gabung relawan kampus, yang mau ikut WG ya';
    expect(evaluate(pack(), message(text), { region: '3374', thread: [{ item: earlier, via: 'chat' }] }).flatMap((f) => f.candidates.map((c) => c.pair))).not.toContain(WIRIN);
  });

  it('finds a clipped given name after an honorific where the post confirms it', () => {
    const text = 'Mas Pras paling pantas, pilgub besok aku dukung terus';
    expect(pairsOf(text, '3374')).toContain(PRAS);
    expect(said(text, '3374')).toContain('penggalan awal nama Prasetyo');
    // no honorific, no reading; and far away it is the far candidate's
    expect(pairsOf('Pras paling pantas, pilgub besok aku dukung terus', '3374')).not.toContain(PRAS);
    expect(pairsOf(text, '3374')).not.toContain(FAR_PRAS);
    expect(pairsOf(text, '3578')).toContain(FAR_PRAS);
  });

  it('names a pair by a dash or hashtag form of which one half is a candidate’s form', () => {
    const text = 'Kaos Pras-Kiki udah aku pake jalan pagi tadi';
    expect(pairsOf(text, '3374')).toContain(PRAS);
    expect(said(text, '3374')).toContain('“Pras-Kiki” dibaca sebagai Prasetyo Nugroho – Kartika Dewanti: “Pras” (penggalan awal nama Prasetyo)');
    expect(pairsOf('Kaos #PrasKiki udah aku pake jalan pagi tadi', '3374')).toContain(PRAS);
    // the far race's Pras never; the other half a word, or another pair's candidate: no pair form
    expect(pairsOf(text, '3374')).not.toContain(FAR_PRAS);
    expect(pairsOf(text, '3578')).toContain(FAR_PRAS);
    expect(pairsOf('Kaos #PrasJaya udah aku pake jalan pagi tadi', '3374')).not.toContain(PRAS);
    expect(pairsOf('Kaos Pras-Salimin udah aku pake jalan pagi tadi', '3374')).not.toContain(PRAS);
    // the running mate's half first is not the ballot's order
    expect(pairsOf('Kaos Kiki-Pras udah aku pake jalan pagi tadi', '3374')).not.toContain(PRAS);
  });

  it('does not read a dictionary word that is a tail coinage, unless written with a capital at each piece', () => {
    expect(pairsOf('Ada kabar baik nih, pilgub aku dukung terus', '3374')).not.toContain(KABAR);
    expect(pairsOf('Stiker #kabar udah nempel di helm aku', '3374')).not.toContain(KABAR);
    expect(pairsOf('Stiker KABAR udah nempel di helm aku', '3374')).not.toContain(KABAR);
    expect(pairsOf('Stiker KaBar udah nempel di helm aku', '3374')).toContain(KABAR);
  });
});
