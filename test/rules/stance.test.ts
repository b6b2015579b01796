// Stance per pair: every named pair gets support, attack or none from the cues next to it, and the
// balanced-coverage exception only cancels comparable treatment, not merely several names.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { balancedStance, concededAt, sentenceBreakIn, contrastedWith, deniedAt, groupListedMentions, mixedStance, negatedAcross, pairStances, prohibitedAt, questionedAt, reportedAt, tenureEndedAt, type CueHit, type StanceHit } from '../../src/rules/stance.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const ids = (text: string, time?: string) => evaluate(pack, post(text, time)).map((f) => f.ruleId);

describe('pairStances', () => {
  // word positions stand in for offsets: the gap is the distance between the hits
  const gap = (a: StanceHit, b: StanceHit) => Math.abs(a.start - b.start);
  const mention = (pair: string, at: number, extra: Partial<StanceHit> = {}): StanceHit => ({ field: 'text', index: 0, start: at, end: at + 1, pair, election: 'e', ...extra });
  const cue = (stance: 'support' | 'attack', at: number, extra: Partial<CueHit> = {}): CueHit => ({ field: 'text', index: 0, start: at, end: at + 1, stance, within: 3, before: false, negated: false, ...extra });

  it('gives each cue to the nearest pair and finds one supported, another attacked', () => {
    const s = pairStances([mention('01', 0), mention('02', 10)], [cue('support', 1), cue('attack', 11)], gap);
    expect(s.get('01')?.stance).toBe('support');
    expect(s.get('02')?.stance).toBe('attack');
    expect(mixedStance(s).map((p) => p.pair).sort()).toEqual(['01', '02']);
    expect(balancedStance(s, 2)).toEqual([]);
  });

  it('turns a negated call into an attack ("jangan pilih …")', () => {
    const s = pairStances([mention('01', 2)], [cue('support', 1, { negated: true, before: true })], gap);
    expect(s.get('01')?.stance).toBe('attack');
  });

  it('ignores a cue beyond its window', () => {
    const s = pairStances([mention('01', 0), mention('02', 20)], [cue('attack', 10)], gap);
    expect([...s.values()].map((p) => p.stance)).toEqual(['none', 'none']);
    expect(balancedStance(s, 2)).toHaveLength(2);
  });

  it('counts a mocking nickname as an attack on its own pair', () => {
    const s = pairStances([mention('02', 0, { stance: 'attack' }), mention('01', 5)], [], gap);
    expect(s.get('02')?.stance).toBe('attack');
    expect(balancedStance(s, 2, new Set(['none', 'support']))).toEqual([]);
  });

  it('applies a verdict on a list of names to every name in it', () => {
    const s = pairStances([mention('01', 0, { group: 1 }), mention('02', 1, { group: 1 }), mention('03', 2, { group: 1 })], [cue('support', 3)], gap);
    expect([...s.values()].every((p) => p.stance === 'support')).toBe(true);
    expect(balancedStance(s, 2, new Set(['support']))).toHaveLength(3);
  });

  it('groups a numbered list ("1 A, 2 B, 3 C") as one list, and names a sentence apart as another', () => {
    const text = '1 Anies, 2 Prabowo, 3 Ganjar. Semoga Ganjar';
    const at = (word: string, from = 0) => text.indexOf(word, from);
    const m = [mention('01', at('Anies')), mention('02', at('Prabowo')), mention('03', at('Ganjar')), mention('03', at('Ganjar', at('Semoga')))];
    for (const x of m) x.end = x.start + (text.slice(x.start).match(/^\w+/)?.[0].length ?? 1);
    groupListedMentions(m, () => text);
    expect(new Set(m.slice(0, 3).map((x) => x.group)).size).toBe(1);
    expect(m[3]?.group).not.toBe(m[2]?.group);
  });

  it("gives a verdict on a list only to the list's pairs of the election of the name it is nearest", () => {
    // "nomor urut 1 A, 2 B, 3 C. Semoga …": the number 1 also names pair 1 of another election
    const list = [mention('pilkada-01', 0, { group: 1, election: 'pilkada' }), mention('pilpres-01', 0, { group: 1, election: 'pilpres' }), mention('pilkada-02', 1, { group: 1, election: 'pilkada' }), mention('pilkada-03', 2, { group: 1, election: 'pilkada' })];
    const s = pairStances(list, [cue('support', 3)], gap);
    expect(s.get('pilpres-01')?.stance).toBe('none');
    expect(balancedStance(s, 2, new Set(['support'])).map((p) => p.pair).sort()).toEqual(['pilkada-01', 'pilkada-02', 'pilkada-03']);
  });

  it('does not compare pairs of two elections that one number names', () => {
    const s = pairStances([mention('pilpres-03', 0, { election: 'pilpres' }), mention('pilkada-03', 0, { election: 'pilkada' })], [], gap);
    expect(balancedStance(s, 2)).toEqual([]);
  });
});

describe('stance per pair in the rule pack', () => {
  it('flags one pair praised and another attacked, naming both', () => {
    const [finding] = evaluate(pack, post('Ganjar itu tegas, beda sama Anies yang cuma pencitraan'));
    expect(finding?.candidates.map((c) => c.pair).sort()).toEqual(['pilpres-2024-01', 'pilpres-2024-03']);
  });

  it('keeps a post that backs one pair against another with a victory wish', () => {
    expect(ids('Prabowo pasti menang, Anies sama Ganjar pulang kampung aja')).toContain('t3-status-dukungan-paslon');
  });

  it('treats a debate report naming every pair without a verdict as balanced coverage', () => {
    expect(ids('Debat semalam: Anies, Prabowo dan Ganjar menjawab soal pangan dan energi')).toEqual([]);
  });

  it('reads a numbered ballot list closed by a wish about the contest as balanced coverage; a wish for one pair in the next sentence takes a side', () => {
    const list = 'Nomor urut sudah diundi: 1 Fauzi-Rahmawati, 2 Budi-Dewi, 3 Yusuf-Ratna.';
    expect(evaluate(pack, post(`${list} Semoga pilkadanya sejuk`, '2024-10-20T05:00:00Z'), { region: '3299' })).toEqual([]);
    const [finding] = evaluate(pack, post(`${list} Semoga Yusuf-Ratna yang terpilih`, '2024-10-20T05:00:00Z'), { region: '3299' });
    expect(finding?.candidates.find((c) => c.pair === 'pilkada-2024-3299-03')?.stance).toBe('support');
  });

  it('treats praise of every pair alike as balanced coverage', () => {
    expect(ids('Anies, Prabowo dan Ganjar semuanya hebat dan tenang di debat tadi malam')).toEqual([]);
  });

  it('keeps attacks on every pair (attacks are partisan)', () => {
    expect(ids('Anies pembohong, Prabowo pembohong, Ganjar juga pembohong')).not.toEqual([]);
  });

  it('flags a mocking nickname on its own', () => {
    const [finding] = evaluate(pack, post('Tadi siang lihat si jokodok lewat depan kantor', '2019-04-10T05:00:00Z'));
    expect(finding?.candidates.map((c) => c.pair)).toEqual(['pilpres-2019-01']);
  });
});

describe('prohibited vote calls', () => {
  it('reads the prohibitive word right before the verb, in Indonesian and regional languages', () => {
    for (const [text, verb] of [
      ['mending jangan dipilih deh', 'dipilih'],
      ['ulah dipilih deui lur', 'dipilih'],
      ['sampunang pilih ia malih', 'pilih'],
      ['ojo dipilih maneh', 'dipilih'],
      ['gak usah dicoblos', 'dicoblos'],
    ] as const) {
      expect(prohibitedAt(text, text.indexOf(verb), pack.stanceGrammar), text).toBe(true);
    }
    // a report of a result and chat "aja" (= saja) are not prohibitions
    expect(prohibitedAt('ahok tidak dipilih', 'ahok tidak dipilih'.indexOf('dipilih'), pack.stanceGrammar)).toBe(false);
    expect(prohibitedAt('udah aja pilih 02', 'udah aja pilih 02'.indexOf('pilih'), pack.stanceGrammar)).toBe(false);
  });

  it('gives a prohibited call a sentence after the name to that pair, as an attack', () => {
    const [finding] = evaluate(pack, post('Pak Fauzi lima tahun janji jalan mulus, nyatanya masih bolong semua. Ulah dipilih deui lur!', '2024-11-12T05:00:00Z'), { region: '3299' });
    // a status finding (the incumbent's short name is firm beside his years in office, so the
    // assessment rule that reads the ironic "nyatanya" may be the one that stays)
    expect(finding?.prohibition).toBe(3);
    expect(finding?.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-01']);
    expect(finding?.candidates.map((c) => c.stance)).toEqual(['attack']);
    expect(finding?.spans.some((sp) => sp.matcher === 'tolak_pilih' && sp.text === 'dipilih')).toBe(true);
    // the same verb without a prohibitive describes the vote
    expect(evaluate(pack, post('Pak Fauzi dipilih jadi ketua panitia jalan sehat kantor', '2024-11-12T05:00:00Z'), { region: '3299' })).toEqual([]);
  });
});

describe('negation scope (deniedAt)', () => {
  const at = (text: string, word: string) => deniedAt(text, text.indexOf(word), pack.stanceGrammar);
  it('a negator one or two words before a verdict, in its clause, denies it', () => {
    expect(at('dia tak pernah menyalahkan anies', 'menyalahkan')).toBe(true);
    expect(at('ahok bukan penista agama', 'penista')).toBe(true);
    expect(at('jangan salahkan jokowi', 'salahkan')).toBe(true);
    // regional negators, a closed class (Javanese ora, Sundanese teu, Betawi kagak)
    expect(at('pak anies ora goblok', 'goblok')).toBe(true);
    expect(at('kagak bohong die', 'bohong')).toBe(true);
  });
  it('a negator farther away, or in the clause before, denies nothing', () => {
    expect(at('tidak ada yang tahu, menyalahkan anies terus', 'menyalahkan')).toBe(false);
    expect(at('tidak ada yang bilang dia bohong', 'bohong')).toBe(false);
    expect(at('dia selalu menyalahkan anies', 'menyalahkan')).toBe(false);
  });
  it('a negated relative clause contrasts someone else: the verdict stands', () => {
    expect(at('pemimpin yg memberi solusi bukan yg menyalahkan pemimpin sebelumnya', 'menyalahkan')).toBe(false);
  });
  it('a passive verdict under a prohibitive warns against its agent: not denied', () => {
    expect(at('calon titipan, jangan mau dibohongi', 'dibohongi')).toBe(false);
  });
});

describe('negation scope in detection', () => {
  it('a denied verdict on a pair is no finding; the same verdict undenied is one', () => {
    // the literal rules see no verdict (the learned stance model, a second opinion, is not this mechanism)
    const literal = (text: string) => ids(text).filter((id) => id !== 't3-sikap-model-paslon');
    expect(literal('Prabowo tak pernah menyalahkan Anies')).toEqual([]);
    expect(literal('Prabowo nggak menyalahkan Anies')).toEqual([]);
    expect(ids('Prabowo selalu menyalahkan Anies').length).toBeGreaterThan(0);
  });
  it('a prohibited call stays an attack and the litotes "tidak salah pilih" stays a call', () => {
    expect(ids('Jangan pilih Anies')).toContain('t3-status-dukungan-paslon');
    expect(ids('Tidak salah pilih Prabowo, pasti menang')).toContain('t3-status-dukungan-paslon');
  });
});

describe('answers kept per hit and mentions made once per item', () => {
  it('reads a ballot number in an RT or a date as no number, and the called one as the pair, in one item', () => {
    const text = 'Rapat RT 02 tanggal 10.02 nanti, pokoknya coblos 02';
    const [finding] = evaluate(pack, post(text));
    expect(finding?.candidates.map((c) => `${c.pair}:${c.stance}`)).toEqual(['pilpres-2024-02:support']);
    const numbers = finding?.spans.filter((s) => s.text === '02').map((s) => s.start);
    expect(numbers).toEqual([text.lastIndexOf('02')]);
  });

  it('gives every rule the same stances on the same post, item after item', () => {
    const read = (text: string) => evaluate(pack, post(text)).map((f) => [f.ruleId, f.candidates.map((c) => `${c.pair}:${c.stance}`), f.spans.map((s) => `${s.start}-${s.end}`)]);
    const texts = ['#AniesPembohong Prabowo hebat', 'Prabowo hebat, Anies pembohong', 'Anies, Prabowo dan Ganjar semuanya hebat dan tenang di debat tadi malam'];
    const first = texts.map(read);
    expect(first[0]?.[0]?.[1]).toEqual(['pilpres-2024-01:attack', 'pilpres-2024-02:support']);
    expect(first[1]?.[0]?.[1]).toEqual(['pilpres-2024-02:support', 'pilpres-2024-01:attack']);
    expect(first[2]).toEqual([]);
    expect(texts.map(read)).toEqual(first);
  });
});

describe('clause scope of the side a cue shows', () => {
  const at = (text: string, word: string) => text.indexOf(word);

  it("reads words in a relative clause of others' saying or choosing as theirs, to the end of the clause", () => {
    const t = 'yang ngatain gibran anak kecil tuh belum baca putusan. 02 tetep maju';
    expect(reportedAt(t, at(t, 'anak kecil'), pack.stanceGrammar)).toBe(true);
    expect(reportedAt(t, at(t, 'belum baca'), pack.stanceGrammar)).toBe(true);
    expect(reportedAt(t, at(t, 'tetep'), pack.stanceGrammar)).toBe(false);
    expect(reportedAt('yg dukung anies itu pasti kecewa nanti', 4, pack.stanceGrammar)).toBe(true);
    expect(reportedAt('lihat saja orang yang masih dukung ganjar', at('lihat saja orang yang masih dukung ganjar', 'dukung'), pack.stanceGrammar)).toBe(true);
    // the writer's own relative clause, and a relative that heads a noun, are not others' words
    expect(reportedAt('saya yang dukung anies dari awal', at('saya yang dukung anies dari awal', 'dukung'), pack.stanceGrammar)).toBe(false);
    expect(reportedAt('pilih yang waras: anies', 0, pack.stanceGrammar)).toBe(false);
    expect(reportedAt('capres yang bilang hebat anies', at('capres yang bilang hebat anies', 'hebat'), pack.stanceGrammar)).toBe(false);
  });

  it('finds a question word before the cue in a sentence that ends in a question mark', () => {
    const t = 'harga naik terus, apakah kita harus pilih prabowo lagi? ayo pilih anies.';
    expect(questionedAt(t, at(t, 'pilih prabowo'), pack.stanceGrammar)).toBe(true);
    expect(questionedAt(t, at(t, 'pilih anies'), pack.stanceGrammar)).toBe(false);
    expect(questionedAt('prabowo hebat?', 8, pack.stanceGrammar)).toBe(false);
  });

  it('lets a denier reach a call across aspect and modal auxiliaries', () => {
    expect(negatedAcross('makin yakin gak akan pilih prabowo', at('makin yakin gak akan pilih prabowo', 'pilih'), pack.stanceGrammar)).toBe(true);
    expect(negatedAcross('gak akan pernah jadi presidenku', at('gak akan pernah jadi presidenku', 'presidenku'), pack.stanceGrammar)).toBe(true);
    // the word right before is negatedAt's; "belum" waits, it does not refuse
    expect(negatedAcross('gak pilih prabowo', 4, pack.stanceGrammar)).toBe(false);
    expect(negatedAcross('belum akan pilih prabowo', at('belum akan pilih prabowo', 'pilih'), pack.stanceGrammar)).toBe(false);
    expect(negatedAcross('tidak, akan pilih prabowo', at('tidak, akan pilih prabowo', 'pilih'), pack.stanceGrammar)).toBe(false);
  });

  it('reads a cue right before "tapi" as conceded only when what follows sets no other pair against it', () => {
    const m = (text: string, word: string, pair: string) => ({ start: at(text, word), end: at(text, word) + word.length, pair });
    const a = 'anies memang pintar, tapi jalan kampung tetap rusak';
    expect(concededAt(a, at(a, 'pintar') + 6, 'p1', [m(a, 'anies', 'p1')], pack.stanceGrammar)).toBe(true);
    const b = 'prabowo hebat tapi anies pembohong';
    expect(concededAt(b, at(b, 'hebat') + 5, 'p2', [m(b, 'prabowo', 'p2'), m(b, 'anies', 'p1')], pack.stanceGrammar)).toBe(false);
    // far from the conjunction, or "bukan … tapi": no concession
    const c = 'ayo pilih prabowo sebab dia sudah lama berjuang untuk negeri tapi jarang dipuji';
    expect(concededAt(c, at(c, 'pilih') + 5, 'p2', [m(c, 'prabowo', 'p2')], pack.stanceGrammar)).toBe(false);
    const d = 'soal pembohong itu bukan kerjaan relawan tapi kerjaan buzzer';
    expect(concededAt(d, at(d, 'pembohong') + 9, 'p2', [], pack.stanceGrammar)).toBe(false);
  });

  it('moves a cue from X to Y in "bukan X tapi Y"', () => {
    const t = 'presiden yang tegas itu bukan anies tapi prabowo.';
    const x = { start: at(t, 'anies'), end: at(t, 'anies') + 5, pair: 'p1' };
    const y = { start: at(t, 'prabowo'), end: at(t, 'prabowo') + 7, pair: 'p2' };
    expect(contrastedWith(t, x, [x, y])).toBe(y);
    const u = 'presiden yang tegas itu anies, tapi prabowo juga.';
    const x2 = { start: at(u, 'anies'), end: at(u, 'anies') + 5, pair: 'p1' };
    expect(contrastedWith(u, x2, [x2, { start: at(u, 'prabowo'), end: at(u, 'prabowo') + 7, pair: 'p2' }])).toBeUndefined();
  });

  it('reads a counted tenure declared enough as the end of it, not praise', () => {
    const span = (t: string, w: string) => [t.indexOf(w), t.indexOf(w) + w.length] as const;
    const ended = (t: string, w: string) => tenureEndedAt(t, ...span(t, w), pack.tenure);
    expect(ended('bang fauzi udah dua periode, cukup lah ya. saatnya mas budi', 'dua periode')).toBe(true);
    expect(ended('pak bupati udah 10 tahun, sudah cukup.', '10 tahun')).toBe(true);
    expect(ended('dua periode, saatnya ganti', 'dua periode')).toBe(true);
    // praise of the count, a degree "cukup", or "cukup" in the next sentence end nothing
    expect(ended('lanjutkan dua periode, biar tuntas', 'dua periode')).toBe(false);
    expect(ended('dua periode cukup baik kerjanya', 'dua periode')).toBe(false);
    expect(ended('semoga dua periode. cukup sekian info hari ini', 'dua periode')).toBe(false);
    // a cue that counts no tenure is left alone
    expect(ended('lanjutkan, cukup lah', 'lanjutkan')).toBe(false);
  });

  it('ends a sentence at a stop followed by closing quotes or brackets, short and indexed texts alike', () => {
    const t = 'prabowo: "saya tidak bisa membalas, waktunya habis." anies: "ini soal etika."';
    const at = t.indexOf('habis') + 5;
    expect(sentenceBreakIn(t, at, t.indexOf('anies'))).toBe(true);
    expect(sentenceBreakIn(t, t.indexOf('waktunya'), at + 2)).toBe(true);
    expect(sentenceBreakIn('kata dia "bagus" lalu pergi', 0, 20)).toBe(false);
    const long = `${'kata pengantar yang panjang sekali '.repeat(40)}${t}`;
    const from = long.indexOf('habis') + 5;
    expect(sentenceBreakIn(long, from, long.indexOf('anies'))).toBe(true);
    expect(sentenceBreakIn(long, long.indexOf('waktunya'), long.indexOf('habis'))).toBe(false);
  });

  it('reads the tenure words from the rule whose tenure field names them, one place, and nothing without them', () => {
    const rule = pack.rules.find((r) => r.def.tenure);
    const names = rule?.def.tenure;
    expect(rule?.def.id).toBe('t3-status-dukungan-paslon');
    expect(pack.rules.filter((r) => r.def.tenure)).toHaveLength(1);
    for (const name of [names?.count, names?.enough, names?.change]) expect(rule?.matchers.get(name ?? '')?.regex).toBeDefined();
    const words = pack.tenure;
    expect(words).toBeDefined();
    const count = rule?.matchers.get(names?.count ?? '')?.regex?.source ?? '';
    expect((words?.count as { source?: string }).source).toBe(count);
    const t = 'udah dua periode, cukup lah ya';
    expect(tenureEndedAt(t, 5, 16, undefined)).toBe(false);
    expect(tenureEndedAt(t, 5, 16, words)).toBe(true);
  });
});
