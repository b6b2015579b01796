// The engine on single items: context (region, time), traps, spans and confidence.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem, type ItemDraft } from '../../src/model/item.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

function item(draft: Partial<ItemDraft> & { text?: string }) {
  return makeItem({ platform: 'facebook', kind: 'post', source: { captureId: 'c', path: 'p', pointer: '/0' }, ...draft });
}
function rulesFired(text: string, time: string, region?: string): string[] {
  return evaluate(pack, item({ text, time }), region ? { region } : {}).map((f) => f.ruleId);
}

describe('evaluate', () => {
  it('reads a ballot number against the subject region: Pilkada numbers only in their region', () => {
    const text = 'Ayo coblos nomor 2 tanggal 27 November!';
    const time = '2024-11-20T03:00:00Z';
    expect(rulesFired(text, time, '3299')).toContain('t3-status-dukungan-paslon');
    expect(rulesFired(text, time, '3273')).not.toContain('t3-status-dukungan-paslon');
    expect(rulesFired(text, time)).not.toContain('t3-status-dukungan-paslon');
  });

  it('states the ethics track before determination and the discipline track after', () => {
    const before = evaluate(pack, item({ text: 'Dukung terus Prabowo Gibran! #PrabowoGibran2024', time: '2023-10-25T03:00:00Z' }));
    const after = evaluate(pack, item({ text: 'Dukung terus Prabowo Gibran! #PrabowoGibran2024', time: '2024-01-25T03:00:00Z' }));
    expect(before[0]?.track).toBe('etik');
    expect(before[0]?.legalBasis.join(' ')).toContain('PP 42/2004');
    expect(after[0]?.track).toBe('disiplin');
    expect(after[0]?.legalBasis.join(' ')).toContain('PP 94/2021');
  });

  it('points every span at the original words, even through normalisation', () => {
    const text = 'Bismillah 𝐆𝐚𝐧𝐣𝐚𝐫 pemimpin yang tepat, coblos 3️⃣ ya';
    const [f] = evaluate(pack, item({ text, time: '2024-02-01T03:00:00Z' }));
    expect(f).toBeDefined();
    for (const s of f?.spans ?? []) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(f?.spans.map((s) => s.text)).toEqual(expect.arrayContaining(['𝐆𝐚𝐧𝐣𝐚𝐫', '3️⃣']));
  });

  it('never shows a chat particle or bare punctuation as a matched word', () => {
    const text = 'Ganjar mah omon-omon doang, yang bener ya pilih Prabowo Gibran lanjutkan!';
    const found = evaluate(pack, item({ text, time: '2024-01-20T03:00:00Z' }));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      const words = f.spans.map((s) => s.text.toLowerCase());
      expect(words).toContain('prabowo gibran');
      for (const tone of ['ya', '!', 'mah']) expect(words).not.toContain(tone);
      expect(f.explanation.en).not.toMatch(/“ya”|“!”|“mah”/);
    }
  });

  it('accuses once per prohibition: a second rule of the same form merges its words into the strongest finding', () => {
    const text = 'Anies pembohong, cuma pencitraan, padahal janjinya omong kosong';
    const found = evaluate(pack, item({ text, time: '2024-01-20T03:00:00Z' }));
    expect(found.filter((f) => f.prohibition === 3)).toHaveLength(1);
    const [f] = found;
    // both status rules hold on this post; the kept one names the other and carries its words
    expect(f?.explanation.en).toMatch(/Other rules of the same prohibition also hold.*\(t3-/);
    expect(f?.spans.map((s) => s.text)).toEqual(expect.arrayContaining(['Anies', 'pembohong', 'padahal']));
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-01']);
  });

  it('gives more confidence to more evidence than to a lone hashtag', () => {
    const lone = evaluate(pack, item({ text: 'Siap! #PrabowoGibran2024', time: '2024-01-25T03:00:00Z' }));
    const strong = evaluate(pack, item({ text: 'Ayo coblos 02 Prabowo Gibran! ✌️ #PrabowoGibran2024', time: '2024-01-25T03:00:00Z' }));
    const c = (fs: typeof lone) => Math.max(...fs.filter((f) => f.prohibition === 3).map((f) => f.confidence));
    expect(c(strong)).toBeGreaterThan(c(lone));
  });

  it('does not flag neutrality socialisation, voter education or a prayer', () => {
    const t = '2024-01-25T03:00:00Z';
    expect(rulesFired('Apel netralitas ASN: dilarang foto pose ✌️ dengan paslon 02 Prabowo-Gibran #NetralitasASN', t)).toEqual([]);
    expect(rulesFired('Ayo ke TPS 14 Februari, jangan golput! Kenali paslon 01, 02, 03 #PemiluDamai', t)).toEqual([]);
    expect(rulesFired('Semoga lancar ujiannya nak, aamiin, amin ya rabbal alamin', t)).toEqual([]);
  });

  it('is deterministic: the same item gives the same finding ids', () => {
    const it1 = item({ text: 'Ayo coblos 02 ✌️ #PrabowoGibran2024', time: '2024-01-25T03:00:00Z' });
    expect(evaluate(pack, it1).map((f) => f.id)).toEqual(evaluate(pack, it1).map((f) => f.id));
  });
});

describe('name-bearing hashtags', () => {
  it('reads a hashtag with a candidate name and words of the writer as taking a stance, but not the bare name', () => {
    const time = '2019-04-10T03:00:00Z';
    const ids = (text: string) => evaluate(pack, item({ text, time })).map((f) => f.ruleId);
    expect(ids('Debat semalam seru #PrabowoSalahkanSBY')).toContain('t3-status-dukungan-paslon');
    expect(ids('Debat semalam seru #Prabowo')).not.toContain('t3-status-dukungan-paslon');
    expect(ids('Debat semalam seru #PrabowoSandi2019')).toContain('t3-status-dukungan-paslon');
    expect(ids('Debat semalam seru #PrabowoSandi')).not.toContain('t3-status-dukungan-paslon');
  });
});

describe('the writer\'s own voice and the pair\'s own slogan', () => {
  it('does not count opinion words inside a quotation of someone else', () => {
    const time = '2019-04-10T03:00:00Z';
    const ids = (text: string) => evaluate(pack, item({ text, time })).map((f) => f.ruleId);
    // the writer's own praise is a prohibition-3 finding (which t3 rule leads the merged finding may change)
    expect(ids('Jokowi pemimpin yang amanah dan hebat').some((id) => id.startsWith('t3-'))).toBe(true);
    expect(ids('Sandiaga Uno di debat: "jika kami mendapat amanah, kami tidak mengambil gaji"')).toEqual([]);
  });

  it('counts a slogan far from a name only when the slogan belongs to the named pair', () => {
    const time = '2019-04-10T03:00:00Z';
    const fired = (text: string) => evaluate(pack, item({ text, time })).filter((f) => f.ruleId === 't3-status-dukungan-paslon');
    // "adil makmur" is 02's slogan: with Prabowo-Sandi it promotes them, with Jokowi it names nobody's slogan
    const own = fired('Prabowo dan Sandi paling paham soal pangan dan energi, mereka akan membawa negeri ini menuju Indonesia adil makmur');
    expect(own.map((f) => f.candidates.map((c) => c.pair)).flat()).toContain('pilpres-2019-02');
    expect(fired('Jokowi meresmikan bendungan dan jalan tol di Sumatra, rakyat berharap hidup lebih adil makmur')).toEqual([]);
  });
});
