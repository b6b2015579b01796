// Two running mates named by their short, ambiguous forms side by side are the pair — but only
// when the text speaks of the election; namesakes at a family party or in a school chat are not.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

function pairsNamed(text: string): string[] {
  const item = makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-11-20T03:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
  return [...new Set(evaluate(pack, item, { region: '3299' }).flatMap((f) => f.candidates.map((c) => c.pair)))];
}

describe('running mates by short names', () => {
  it('reads "Mas Budi karo Mbak Dewi … bupati" as pair 2 and explains it with both names', () => {
    const item = makeItem({ platform: 'whatsapp', kind: 'message', text: 'Mas Budi karo Mbak Dewi paling pantas dadi bupati, hebat', time: '2024-11-20T03:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
    const findings = evaluate(pack, item, { region: '3299' });
    expect(findings.flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilkada-2024-3299-02');
    expect(findings.flatMap((f) => f.spans.map((s) => s.text))).toContain('Budi karo Mbak Dewi');
  });

  it('pairs the two different candidates of one pair, in either order and with regional honorifics', () => {
    expect(pairsNamed('Uni Ratna jo Uda Yusuf, bupati paling hebat')).toEqual(['pilkada-2024-3299-03']);
  });

  it('leaves namesakes apart without an election word, and two names of one candidate apart', () => {
    expect(pairsNamed('Terima kasih Pak Budi dan Bu Dewi, paling hebat sudah datang ke syukuran')).toEqual([]);
    expect(pairsNamed('Pak Fauzi dan Bu Siti paling hebat, sudah pilih nomor soal ujian')).toEqual([]);
    expect(pairsNamed('Budi, Hartono, bupati paling hebat')).toEqual([]);
  });

  it('reads a short form clipped further ("Rahma" for Rahmawati) beside its running mate, capitalised, with a campaign word', () => {
    expect(pairsNamed('Ikut jalan sehat relawan Fauzi-Rahma tadi pagi, rame')).toEqual(['pilkada-2024-3299-01']);
    expect(pairsNamed('Pak Fauzi dan Bu Rahma datang ke pengajian, paling hebat')).toEqual([]);
    const spans = (text: string) => evaluate(pack, makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-11-20T03:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } }), { region: '3299' }).flatMap((f) => f.spans.map((sp) => sp.text));
    expect(spans('Ikut jalan sehat relawan Fauzi-Rahma tadi pagi, rame')).toContain('Fauzi-Rahma');
    // lower case, "rahma" is not marked as a name
    expect(spans('ikut jalan sehat relawan fauzi-rahma tadi pagi, rame')).not.toContain('fauzi-rahma');
  });

  it('reads two short forms joined by a dash as the pair without an election word (ballot, banner and page style)', () => {
    expect(pairsNamed('Fauzi-Rahma paling hebat, mantap pokoknya')).toEqual(['pilkada-2024-3299-01']);
    expect(pairsNamed('Pa Pauji - Bu Rahma paling hebat, mantap pokoknya')).toEqual(['pilkada-2024-3299-01']);
    // joined by "dan" or "&" (a couple, two colleagues) they stay apart without the election
    expect(pairsNamed('Pak Fauzi & Bu Rahma paling hebat, mantap pokoknya')).toEqual([]);
  });

  it('needs the two names close together', () => {
    expect(pairsNamed('Budi datang pagi, rapatnya lama sekali, baru siang Dewi datang, bupati paling hebat')).toEqual([]);
  });
});

describe('rival candidates by short names', () => {
  it('two rival pairs\' short names beside a word of the contest are both candidates', () => {
    const pairs = pairsNamed('Tadi di debat Pa Pauji paling mantap, jawabanana teu kaditu teu kadieu. Yusuf mah ngan ngapalkeun téks 🤣');
    expect(pairs).toContain('pilkada-2024-3299-01');
  });

  it('one candidate\'s short name beside a word of the contest is that candidate too (from stop 31)', () => {
    expect(pairsNamed('Tadi di debat Pa Fauzi paling mantap 🤣')).toEqual(['pilkada-2024-3299-01']);
    expect(pairsNamed('Ustadz Yusuf joget di panggung kampanye, kayak badut')).toEqual(['pilkada-2024-3299-03']);
    expect(pairsNamed('Mas Budi wis mesti maju Pilbup, ayo didukung')).toEqual(['pilkada-2024-3299-02']);
  });

  it('stays apart without a contest word, or with an office word only', () => {
    expect(pairsNamed('Pa Fauzi paling mantap, Yusuf mah ngan ngapalkeun téks 🤣')).toEqual([]);
    expect(pairsNamed('Pak Budi sama Bu Ratna paling hebat, jadi petugas TPS 5 🔥')).toEqual([]);
    expect(pairsNamed('Pak Budi paling rajin, laporan bulanan sudah masuk')).toEqual([]);
  });
});

describe('a short name beside the office its election fills, or the count and its dispute (from stop 37)', () => {
  function pairsAt(text: string, time: string, region?: string): string[] {
    const item = makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'c', path: 'p', pointer: '/0' } });
    return [...new Set(evaluate(pack, item, region ? { region } : {}).flatMap((f) => f.candidates.map((c) => c.pair)))];
  }

  it('the presidency named beside a presidential candidate\'s short name is that candidate', () => {
    expect(pairsAt('abah presiden paling hebat, mantap 🔥', '2024-01-20T05:00:00Z')).toEqual(['pilpres-2024-01']);
    expect(pairsAt('abah paling hebat, mantap 🔥', '2024-01-20T05:00:00Z')).toEqual([]);
  });

  it('the bodies that count the vote and the court of its dispute speak of the contest after polling day', () => {
    expect(pairsAt('MK tolak gugatan abah, tapi abah tetap paling hebat', '2024-04-23T05:00:00Z')).toEqual(['pilpres-2024-01']);
    expect(pairsAt('abah udah kalah di KPU, tapi abah tetap paling hebat', '2024-03-21T05:00:00Z')).toEqual(['pilpres-2024-01']);
    expect(pairsAt('abah udah kalah main catur, tapi abah tetap paling hebat', '2024-03-21T05:00:00Z')).toEqual([]);
  });

  it('not when a candidate of that election holds the office already: it is the incumbent\'s title at work', () => {
    // Sukamaju's Fauzi is the bupati running again; a colleague Budi beside "bupati" is no rival
    expect(pairsAt('Pak Budi paling hebat, tadi dipuji bupati pas apel pagi', '2024-11-20T03:00:00Z', '3299')).toEqual([]);
  });
});

describe('a short name beside its own pair\'s campaign words (from stop 37)', () => {
  function pairsAt(text: string): string[] {
    const item = makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
    return [...new Set(evaluate(pack, item, {}).flatMap((f) => f.candidates.map((c) => c.pair)))];
  }

  it('the pair\'s slogan beside "abah" makes it that candidate; the same praise of a father does not', () => {
    expect(pairsAt('abah paling hebat, kami anak muda barisan perubahan')).toEqual(['pilpres-2024-01']);
    expect(pairsAt('abah paling hebat, masakannya enak')).toEqual([]);
  });
});

describe('running mates joined in one hashtag', () => {
  it('a tag of both short names is the pair without another election word; two tags or two pairs are not', () => {
    expect(pairsNamed('Poto sareng Pa Pauji, pose hiji ramo ☝️💚 #FauziRahma')).toContain('pilkada-2024-3299-01');
    expect(pairsNamed('Makan siang bareng keluarga, seru 💚 #Fauzi #Rahma')).toEqual([]);
  });
});
