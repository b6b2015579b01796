// The side a finding shows on each pair (stop 40): a prohibitive of the eastern Malay, Batak, Karo,
// Sasak and Acehnese chats turns a call against its pair, praise narrowed to "only that" belittles,
// and a verdict after "X ke/soal Y" is said of X, the subject, not of the nearer Y. None of this
// changes whether a finding is made. The examples are written for this file.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { agentTakAt, aloneInClauseAt, belittledAt, choiceAt, deniedAt, exclaimedAt, negatedAt, prohibitedWithin, settledAt, subjectOver, winAt, justChosenAt, tallyChoiceAt, writerChoiceAt } from '../../src/rules/stance.js';
import { normalise } from '../../src/text/normalise.js';
import { candidateLine, officeReason, stanceText } from '../../src/i18n/stance.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** every stance the findings show on the pair */
const sides = (text: string, pair: string) => evaluate(pack, post(text)).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

describe('prohibitives of the regional chats', () => {
  it('reads jang, unang, ula, ndaq and bek + neu right before a vote verb', () => {
    for (const t of ['jang pilih', 'unang pilih', 'ula pilih', 'ndaq pilih', 'bek neu pileh', 'ulah pilih']) expect(prohibitedWithin(t, t.lastIndexOf(' ') + 1, pack.stanceGrammar), t).toBe(true);
    expect(prohibitedWithin('jangan salah pilih', 'jangan salah '.length, pack.stanceGrammar)).toBe(false);
  });

  it('shows a call after one as an attack on the pair, never support', () => {
    expect(sides('Jang pilih 02 ee, program seng jelas', 'pilpres-2024-02')).toContain('attack');
    expect(sides('Jang pilih 02 ee, program seng jelas', 'pilpres-2024-02')).not.toContain('support');
    expect(sides('Ulah pilih 02, teu jelas programna', 'pilpres-2024-02')).toEqual(['attack']);
  });

  it('leaves the plain call for the pair', () => {
    expect(sides('Ayo pilih 02, programnya jelas', 'pilpres-2024-02')).toContain('support');
  });
});

describe('belittled praise', () => {
  const at = (text: string, word: string) => belittledAt(text, text.indexOf(word), text.indexOf(word) + word.length, pack.stanceGrammar);

  it('reads a restrictive particle after the praise, or "cuma"/"sok" before it', () => {
    expect(at('anies pinter ngomong doang', 'pinter')).toBe(true);
    expect(at('ganjar jago bikin konten tok', 'jago')).toBe(true);
    expect(at('anies cuma jago debat kusir', 'jago')).toBe(true);
    expect(at('ganjar sok merakyat', 'merakyat')).toBe(true);
  });

  it('keeps praise whose restriction is denied, or that a clause break or a name cuts off', () => {
    expect(at('prabowo bukan cuma pinter ngomong', 'pinter')).toBe(false);
    expect(at('anies hebat bukan omong doang', 'hebat')).toBe(false);
    expect(at('anies hebat, yang lain omong doang', 'hebat')).toBe(false);
    expect(at('anies keren aja sih', 'keren')).toBe(false);
    const text = 'pilih pak fauzi haja';
    expect(belittledAt(text, 0, 5, pack.stanceGrammar, [{ start: 10, end: 15 }])).toBe(false);
  });

  it('shows the pair attacked, the finding unchanged', () => {
    expect(sides('Anies iku pinter ngomong tok, gawene ora ono', 'pilpres-2024-01')).toEqual(['attack']);
    expect(sides('Ganjar sok merakyat, desa di Jateng masih susah', 'pilpres-2024-03')).toEqual(['attack']);
    expect(sides('Anies tuh pinter, bukan cuma omong doang', 'pilpres-2024-01')).not.toContain('attack');
  });
});

describe('the subject a verdict is said of', () => {
  it('finds the pair before a preposition whose complement is the nearer name', () => {
    const text = 'sikap gibran ke prof mahfud semalam gak sopan';
    const m = (w: string, pair: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, pair });
    const gibran = m('gibran', '02');
    const mahfud = m('mahfud', '03');
    expect(subjectOver(text, mahfud, text.indexOf('sopan'), [gibran, mahfud], pack.stanceGrammar)).toBe(gibran);
    // no preposition: the nearer name is the one
    const plain = 'gibran dan mahfud gak sopan';
    expect(subjectOver(plain, { start: 11, end: 17, pair: '03' }, plain.indexOf('sopan'), [{ start: 0, end: 6, pair: '02' }, { start: 11, end: 17, pair: '03' }], pack.stanceGrammar)).toBeUndefined();
  });

  it('shows the verdict on the subject, not on the name in its prepositional phrase', () => {
    expect(sides('sikap gibran ke prof mahfud semalam gak sopan sama sekali', 'pilpres-2024-02')).toContain('attack');
    expect(sides('sikap gibran ke prof mahfud semalam gak sopan sama sekali', 'pilpres-2024-03')).not.toContain('attack');
    expect(sides('Tuduhan Anies soal tanah Prabowo itu fitnah', 'pilpres-2024-01')).toContain('attack');
    expect(sides('Tuduhan Anies soal tanah Prabowo itu fitnah', 'pilpres-2024-02')).not.toContain('attack');
  });
});

// stop 41: a sided clause or act the condition names in a branch that did not hold still says the
// side (the finding rests on another branch); a part of another clause does not say one alone
describe('a side read in a branch the finding does not rest on', () => {
  const at = (draft: { text: string; time?: string; kind?: 'post' | 'message'; context?: { kind: 'chat'; name: string } }, pair: string, region = '3299') =>
    evaluate(pack, makeItem({ platform: 'facebook', kind: 'post', time: '2024-11-10T13:00:00Z', ...draft, source: { captureId: 'test', path: 'test', pointer: '1' } }), { region }).flatMap((f) =>
      f.candidates.filter((c) => c.pair === pair).map((c) => `${f.ruleId}:${c.stance}`),
    );

  it('shows a seat in the pair\'s stand as support when the debate attended is read by another branch', () => {
    const text = 'Nonton langsung Debat Publik Calon Bupati Sukamaju, tribun pendukung Pak Yusuf paling kompak 🔥';
    expect(at({ text }, 'pilkada-2024-3299-03')).toContain('t8-hadir-debat-langsung:support');
    // the debate attended with no stand named: the pair is only mentioned
    expect(at({ text: 'Nonton langsung Debat Publik Calon Bupati Sukamaju, Pak Yusuf jawab soal pupuk' }, 'pilkada-2024-3299-03')).not.toContain('t8-hadir-debat-langsung:support');
  });

  it('reads no side from a part of another clause alone (a pair beside an event word is no call)', () => {
    const context = { kind: 'chat' as const, name: 'Guru SMPN 2 Rantepao' };
    const text = 'Pak Anies tadi debat terakhir cuma pintar kata-kata, tidak ada bukti kerja. Jangan pilih 01, bapak ibu guru';
    const found = at({ text, kind: 'message', context, time: '2024-02-05T02:00:00Z' }, 'pilpres-2024-01');
    expect(found).toContain('t6-ajakan-politik-kantor:attack');
    expect(found.filter((s) => s.endsWith(':support'))).toEqual([]);
  });
});

describe('the East Javanese prohibitive', () => {
  it('reads "ojok" right before a vote verb as "ojo" is read', () => {
    expect(prohibitedWithin('rek ojok milih', 'rek ojok '.length, pack.stanceGrammar)).toBe(true);
    expect(prohibitedWithin('ojok lali rek, coblos', 'ojok lali rek, '.length, pack.stanceGrammar)).toBe(false);
  });
});

describe('a settled choice', () => {
  const at = (text: string, name: string) => settledAt(text, text.indexOf(name), text.indexOf(name) + name.length, pack.choiceWords);

  it('reads a settled-choice adverb right before the name, or "tetap di hati" right after it', () => {
    expect(at('gw sih tetep 01 sob', '01')).toBe(true);
    expect(at('udah fix 02 dari lahir', '02')).toBe(true);
    expect(at('tetap ji yusuf–ratna di hati ku', 'yusuf')).toBe(true);
    expect(at('gapapa kalah, abah tetap di hati', 'abah')).toBe(true);
    expect(at('hana masalah, pak fauzi teutap di hate lon', 'fauzi')).toBe(true);
    expect(at('kalah pun kami tetep bersamamu pak prabowo', 'prabowo')).toBe(true);
    expect(at('tetap bareng anies sampai mk', 'anies')).toBe(true);
  });

  it('leaves "tetap" after the name, or away from it, alone', () => {
    expect(at('jateng dipimpin ganjar tetep provinsi termiskin', 'ganjar')).toBe(false);
    expect(at('yg satu tetap cuek, itulah 02', '02')).toBe(false);
    expect(at('tetap saja 02 kalah', '02')).toBe(false);
  });

  it('shows the pair supported, and none in a question', () => {
    expect(sides('Debat semalem Abah paling runtut. Gw sih tetep 01 sob, prubahan hrs jln trs 🔥', 'pilpres-2024-01')).toContain('support');
    expect(sides('Kok kalian masih tetep 01 sih padahal debatnya kacau?', 'pilpres-2024-01')).not.toContain('support');
  });
});

// stop 44: "just X" after a ballot number, in office chats with no ballot verb ("03 wae", "01 aje")
describe('a ballot number singled out by "just"', () => {
  const at = (raw: string, name: string) => {
    const text = normalise(raw).text;
    const start = text.lastIndexOf(name);
    return justChosenAt(text, start, start + name.length, pack.choiceWords);
  };

  it('reads the focus particle closing the clause, after nothing, "I", a verb of going along or "to"', () => {
    expect(at('Ora melu aku Pak, 03 wae 😁', '03')).toBe(true);
    expect(at('Cocok mas, aku melu 03 wae 🖤', '03')).toBe(true);
    expect(at('Unda 02 ae, Prabowo-Gibran gasan melanjutkan pembangunan', '02')).toBe(true);
    expect(at('mending ka nomer dua we lah, geus jelas', 'nomor 2')).toBe(true);
    expect(at('gue bilang: 01 aja ya', '01')).toBe(true);
  });

  it('leaves a noun, another person, talk about the pair or a clause going on alone', () => {
    expect(at('segelintir pendkung 01 ajah 😄', '01')).toBe(false);
    expect(at('Jamal, maneh mah nomer dua wae. Ari Bu Dewi teh saha?', 'nomor 2')).toBe(false);
    expect(at('sok ngobrolkeun nomer 1 wae 😂', 'nomor 1')).toBe(false);
    expect(at('tinggal 01 aja yang belum datang', '01')).toBe(false);
  });

  it('shows the pair supported in a finding that named it only', () => {
    expect(sides('Debat semalem Abah paling runtut, gw nonton ampe abis. Gw 01 aja lah 🔥', 'pilpres-2024-01')).toContain('support');
  });
});

// stop 44: "I am X" with no ballot verb ("aye mah 01 dah", "Ambo pun 01 lah", "aku yo 03 og")
describe('the writer\'s own "I" before a ballot number', () => {
  const at = (raw: string, name: string) => {
    const text = normalise(raw).text;
    const start = text.indexOf(name);
    return writerChoiceAt(text, start, start + name.length, pack.choiceWords);
  };

  it('reads the pronoun opening the clause, particles between, the number closing it', () => {
    expect(at('Iyo mas, aku yo 03 og 🖤🤟', '03')).toBe(true);
    expect(at('Ambo pun 01 lah, Abah paliang masuak aka', '01')).toBe(true);
    expect(at('Iye mpok, aye mah 01 dah 👆', '01')).toBe(true);
    expect(at('Stiker ulun tempel, ulun nomor 2 ✌️', 'nomor 2')).toBe(true);
  });

  it('leaves a clause that goes on, a pronoun inside one and a count alone', () => {
    expect(at('Btw antrian TPS gue nomor 2 dari 45 orang', 'nomor 2')).toBe(false);
    expect(at('Bade ngiring arisan, abdi nomer 2 narikna nya Ceu', 'nomor 2')).toBe(false);
    expect(at('Temen nanya gue 01, 02, atau 03', '01')).toBe(false);
    expect(at('aku 2 ya Ama, ukuran L', '2')).toBe(false);
    expect(at('gue nomor 2 dah selesai antri', 'nomor 2')).toBe(false);
  });

  it('reads a relative alone opening the clause as "the one, number X", never a topic or a verdict', () => {
    expect(at('Sesuk ojo lali nyoblos, konco2. Sing nomer loro lho, ojo kleru 😉', 'nomor 2')).toBe(true);
    expect(at('Tapi nek ditakoni, jawabane: sing nomer siji, Pak Fauzi', 'nomor 1')).toBe(true);
    expect(at('Nu nomer hiji mah pan tos 5 taun, cekap lah', 'nomor 1')).toBe(false);
    expect(at('Sing nomer 3 iku kakean janji', 'nomor 3')).toBe(false);
    expect(at('Ngakak baca grup RT: yg 01 share video', '01')).toBe(false);
  });
});

// stop 44: a tally of colleagues counted in for a pair ("tos 9 urang ka nomer 2")
describe('a tally of colleagues before a ballot number', () => {
  const at = (raw: string, name: string) => {
    const text = normalise(raw).text;
    return tallyChoiceAt(text, text.indexOf(name));
  };

  it('reads a count of people and a word of a choice made, or the people noun, before the number', () => {
    expect(at('Itung-itungan sakedik: di TU tos 9 urang ka nomer 2, nu sesa 3 urang deui', 'nomor 2')).toBe(true);
    expect(at('Pantauan saya, dari 34 guru sudah 28 yang mantap ke nomor 3.', 'nomor 3')).toBe(true);
    expect(at('Hitungan ku di bidang ekonomi: 8 orang sudah 01, 2 orang belum', '01')).toBe(true);
    expect(at('Rekap di grup puskesmas: 21 pegawai ka nomer 2, 3 can nangtukeun', 'nomor 2')).toBe(true);
  });

  it('leaves a queue, a count with no choice word and a number with no count alone', () => {
    expect(at('tinggal 3 orang yang nomor 2 belum dipanggil', 'nomor 2')).toBe(false);
    expect(at('8 orang antri di loket 2', '2')).toBe(false);
    expect(at('Antrean pasien dina kien wis nomor 02 jam 7.30', 'nomor 02')).toBe(false);
  });
});

// stop 42: a ballot verb right before the pair ("gue milih Abah", "kami siap dukung 03") is the
// writer's call on it, and under a prohibitive or a denier a call against it ("ojo milih X")
describe('a ballot verb right before the pair', () => {
  const at = (text: string, name: string) => choiceAt(text, text.indexOf(name), text.indexOf(name) + name.length, pack.choiceWords, pack.stanceGrammar);

  it('reads the verb right before the name or number, across a ballot word or a form of address', () => {
    expect(at('gue milih nomor tiga, no regret', 'tiga')?.side).toBe('support');
    expect(at('kami nakes siap dukung 03', '03')?.side).toBe('support');
    expect(at('wong kito galo dukung pak budi', 'budi')?.side).toBe('support');
    expect(at('urang tetep ngadukung kang yusuf', 'yusuf')?.side).toBe('support');
  });

  it('turns it against the pair under a prohibitive or a denier', () => {
    expect(at('debat ora iso jawab. ojo milih prabowo', 'prabowo')?.side).toBe('attack');
    expect(at('sayang sama abah, tapi maaf gak bisa milih 01', '01')?.side).toBe('attack');
    expect(at('jangan pilih 02', '02')?.side).toBe('attack');
    expect(at('muslim jakarta jangan sampe milih ahok', 'ahok')?.side).toBe('attack');
    expect(at('jangan mki pilih 02 nah', '02')?.side).toBe('attack');
    expect(at('mboten sudi milih 02, dinasti', '02')?.side).toBe('attack');
    expect(at('dereng wancinipun. ampun milih 02 nggih', '02')?.side).toBe('attack');
    expect(at('ela pilih nomor 3', '3')?.side).toBe('attack');
    expect(at('jangan lupa pilih 02 ya', '02')?.side).toBe('support');
  });

  it('reads no side when the choice is someone else\'s, supposed, regretted, asked or equated', () => {
    expect(at('yang milih prabowo pasti nyesel', 'prabowo')).toBeUndefined();
    expect(at('kasihan mereka yang sudah dukung ahok', 'ahok')).toBeUndefined();
    expect(at('kalo pilih prabowo nanti ham suram', 'prabowo')).toBeUndefined();
    expect(at('nyesel milih jokowi dulu', 'jokowi')).toBeUndefined();
    expect(at('kenapa kamu milih anies?', 'anies')).toBeUndefined();
    expect(at('pilih prabowo sama aja pilih jokowi', 'prabowo')).toBeUndefined();
    expect(at('prabowo dipilih rakyat', 'prabowo')).toBeUndefined();
    expect(at('ganjar pilih jalan tengah', 'ganjar')).toBeUndefined();
    expect(at('kalian masih tidak pilih 02? kebangetan', '02')).toBeUndefined();
    expect(at('memilih paslon no 3 yang pernah gagal adalah melecehkan akal sehat', '3')).toBeUndefined();
    expect(at('aku aja milih 02 kok', '02')).toBeUndefined();
  });

  it('shows the side on a finding that reads no call itself, and none in a question', () => {
    expect(sides('Gue milih nomor tiga, no regret. Mahfud MD the GOAT 🖤', 'pilpres-2024-03')).toContain('support');
    expect(sides('Rek, mosok capres kok isone joget-joget tok, debat ora iso jawab. Ojo milih Prabowo', 'pilpres-2024-02')).toEqual(['attack']);
    expect(sides('Kok kalian milih Prabowo sih, padahal joget doang?? 😂', 'pilpres-2024-02')).not.toContain('support');
  });
});

// stop 42: a finding that names a pair supported or attacked says what decided it
describe('what decided the side', () => {
  const found = (text: string, pair: string) => evaluate(pack, post(text)).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => ({ c, f })));

  it('names the writer\'s words that decided a support side, in the candidates and the explanation', () => {
    const hits = found('Gue milih nomor tiga, no regret. Mahfud MD the GOAT 🖤', 'pilpres-2024-03');
    const supported = hits.find((h) => h.c.stance === 'support');
    expect(supported?.c.sideBy?.words).toContain('milih nomor tiga');
    expect(supported?.f.explanation.id).toContain('(didukung: “milih nomor tiga”');
    expect(supported?.f.explanation.en).toContain('(supported: “milih nomor tiga”');
  });

  it('names the words of an attack too, and none on a mention', () => {
    const hits = found('Rek, mosok capres kok isone joget-joget tok, debat ora iso jawab. Ojo milih Prabowo', 'pilpres-2024-02');
    expect(hits[0]?.c.sideBy?.words.length).toBeGreaterThan(0);
    for (const f of evaluate(pack, post('Prabowo kampanye di Semarang hari ini 🔥 rame banget!!'))) for (const c of f.candidates) if (c.stance === 'mention') expect(c.sideBy).toBeUndefined();
  });
});

// stop 42 (t4 v14): whose shirt it is — the writer's own, in the wearing words of every register,
// supports its pair; the candidate wearing his own shirt does not
describe('whose shirt a t4 finding is about', () => {
  const t4 = (text: string, pair: string) => evaluate(pack, post(text)).filter((f) => f.ruleId === 't4-kaos-atribut-kampanye').flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

  it('reads the writer\'s wearing words before or after the garment and its pair', () => {
    expect(t4('OOTD: kaos Prabowo-Gibran + celana cargo, comfy banget 💪', 'pilpres-2024-02')).toEqual(['support']);
    expect(t4('Kaos biru Prabowo-Gibran tak pakek senam, adem pol 😎', 'pilpres-2024-02')).toEqual(['support']);
    expect(t4('Saya pakai kaos Anies-Muhaimin ke pasar hari ini', 'pilpres-2024-01')).toEqual(['support']);
  });

  it('reads a reminder ("jangan lupa pake …") as no prohibition of the act', () => {
    expect(t4('Kaos Prabowo-Gibran udah dateng, besok jangan lupa pake ke senam 😎', 'pilpres-2024-02')).toContain('support');
    expect(t4('Jangan pake kaos Prabowo-Gibran ke kantor ya 🙏', 'pilpres-2024-02')).not.toContain('support');
  });

  it('takes no side when the pair\'s own candidate wears it', () => {
    expect(t4('Prabowo pakai baju biru lagi ??? 😂', 'pilpres-2024-02')).toEqual(['mention']);
    expect(t4('ganjar kampanye pake kaos kotak2 biar kayak jokowi. plagiat gaya 🙄', 'pilpres-2024-03')).not.toContain('support');
  });
});

// stop 43: a comment on a pair's own page is addressed to that pair — its praise, call or wish to
// win supports it, its insult or criticism attacks it (t1 v8, side only)
describe('a comment on the pair\'s own page', () => {
  const comment = (text: string, target: string, time = '2024-11-10T05:00:00Z') =>
    makeItem({ platform: 'facebook', kind: 'comment', text, time, target: { kind: 'post', name: target }, source: { captureId: 'test', path: 'test', pointer: '1' } });
  const t1 = (text: string, target: string, pair: string) =>
    evaluate(pack, comment(text, target), { region: '3299' }).filter((f) => f.ruleId === 't1-suka-halaman-paslon').flatMap((f) => f.candidates.filter((c) => c.pair === pair));

  it('shows the page\'s pair supported by praise, a call or a wish to win, with the words', () => {
    const [c] = t1('Maju terus Pak, Sukamaju butuh pemimpin hebat seperti bapak 💪', 'Budi Hartono', 'pilkada-2024-3299-02');
    expect(c?.stance).toBe('support');
    expect(c?.sideBy?.words.length).toBeGreaterThan(0);
    expect(t1('Kami sekeluarga siap menangkan bapak!', 'Budi Hartono', 'pilkada-2024-3299-02').map((x) => x.stance)).toEqual(['support']);
  });

  it('shows it attacked by an insult or criticism', () => {
    expect(t1('Programnya omong kosong semua, pencitraan doang 🙄', 'Budi Hartono', 'pilkada-2024-3299-02').map((x) => x.stance)).toEqual(['attack']);
  });

  it('reads no side from a question, or when the comment names another pair', () => {
    expect(t1('Pak, program untuk guru honorer hebat nggak nanti?', 'Budi Hartono', 'pilkada-2024-3299-02').map((x) => x.stance)).not.toContain('support');
    expect(t1('Pak Yusuf lebih hebat programnya daripada bapak', 'Budi Hartono', 'pilkada-2024-3299-02').map((x) => x.stance)).not.toContain('support');
  });

  it('reads no support from praise the sarcasm marks', () => {
    expect(t1('Keren pak, keren di baliho doang', 'Budi Hartono', 'pilkada-2024-3299-02').map((x) => x.stance)).not.toContain('support');
  });

  it('never reads a liked post\'s own words as the writer\'s side', () => {
    const like = makeItem({ platform: 'facebook', kind: 'reaction', reaction: 'HAHA', text: 'Budi-Dewi hebat, pasti menang!', time: '2024-11-10T05:00:00Z', target: { kind: 'post', name: 'Budi Hartono' }, source: { captureId: 'test', path: 'test', pointer: '1' } });
    const stances = evaluate(pack, like, { region: '3299' }).filter((f) => f.ruleId === 't1-suka-halaman-paslon').flatMap((f) => f.candidates.filter((c) => c.pair === 'pilkada-2024-3299-02').map((c) => c.stance));
    expect(stances).not.toContain('support');
  });
});

// stop 43: a prohibition of an act that is no choice is a reminder of the rule, not an attack
describe('a prohibited act that is no choice', () => {
  const t4 = (text: string, pair: string) => evaluate(pack, post(text)).filter((f) => f.ruleId === 't4-kaos-atribut-kampanye').flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

  it('"jangan pake kaos X" shows no side, "jangan pilih X" still attacks', () => {
    expect(t4('Jangan pake kaos Prabowo-Gibran ke kantor ya 🙏', 'pilpres-2024-02')).toEqual(['mention']);
    expect(sides('Ulah pilih 02, teu jelas programna', 'pilpres-2024-02')).toEqual(['attack']);
  });
});

// stop 43: 👍 is also everyday "like": beside a rival's name it never stands alone for 01 (2019)
describe('an emoji hand sign beside a rival', () => {
  const in2019 = (text: string, pair: string) => evaluate(pack, post(text, '2019-03-01T05:00:00Z')).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

  it('does not name 01 beside Prabowo\'s name, and keeps it beside Jokowi\'s', () => {
    expect(in2019('Prabowo luar biasa 👍', 'pilpres-2019-01')).toEqual([]);
    expect(in2019('Prabowo luar biasa 👍', 'pilpres-2019-02')).toContain('support');
    expect(in2019('Pak Jokowi kerjanya nyata 👍', 'pilpres-2019-01')).toContain('support');
  });
});

// stop 43: a pair only an office word named says so, in the candidates and the explanation
describe('a pair named by office', () => {
  it('names the office word and the pair it was read as', () => {
    const fs = evaluate(pack, post('Presiden plonga plongo cuma bisa bagi2 sepeda, ditanya soal ekonomi malah bingung 🙄', '2019-02-01T05:00:00Z'));
    const c = fs.flatMap((f) => f.candidates).find((x) => x.pair === 'pilpres-2019-01');
    expect(c?.byOffice).toEqual(['Presiden']);
    const f = fs.find((x) => x.candidates.some((y) => y.pair === 'pilpres-2019-01'));
    expect(f?.explanation.id).toContain('disebut lewat jabatan: “Presiden” → 01');
    expect(f?.explanation.en).toContain('named by office: “Presiden” → 01');
  });

  it('names no pair by the office itself: its pay, or the office with its deputy', () => {
    for (const text of ['Berapa sih gaji presiden dan wakil presiden? Sok hebat', 'Presiden & Wakilnya tidak mengambil hak gajinya, hebat']) {
      for (const f of evaluate(pack, post(text, '2019-04-13T05:00:00Z'))) expect(f.candidates.map((c) => c.pair), text).not.toContain('pilpres-2019-01');
    }
  });

  it('says so in evidence show, the export and the report lines', () => {
    const c = { number: 1, name: 'Ahmad Fauzi – Siti Rahmawati', election: 'pilkada-2024-3299', stance: 'attack' as const, sideBy: { words: ['gagal'] }, byOffice: ['bupati'] };
    expect(candidateLine(c, 'id')).toBe('01 Ahmad Fauzi – Siti Rahmawati (pilkada-2024-3299) · menyerang (“gagal”) · disebut lewat jabatan: “bupati” → 01');
    expect(stanceText(c, 'en')).toBe('attacks: “gagal”; named by office: “bupati” → 01');
    expect(officeReason({ number: 1 }, 'id')).toBe('');
  });

  it('says nothing of an office when a name named the pair', () => {
    const fs = evaluate(pack, post('Jokowi plonga plongo cuma bisa bagi2 sepeda 🙄', '2019-02-01T05:00:00Z'));
    for (const f of fs) for (const c of f.candidates) expect(c.byOffice).toBeUndefined();
  });
});

describe('a victory claimed or wished right after the pair (stop 44)', () => {
  const at = (text: string, name: string) => winAt(text, text.indexOf(name), text.indexOf(name) + name.length, pack.choiceWords, pack.stanceGrammar)?.side;

  it('reads the win word after the name or number, a modal or two between', () => {
    expect(at('02 menang siji puteran', '02')).toBe('support');
    expect(at('01 ko harus manang di kantor awak', '01')).toBe('support');
    expect(at('nomor 1 pasti manang', '1')).toBe('support');
    expect(at('alhamdulillah anies sandi menang, kita menang', 'anies sandi')).toBe('support');
  });

  it('turns it against the pair under a prohibitive', () => {
    expect(at('jangan sampai 02 menang', '02')).toBe('attack');
  });

  it('turns it against the pair when the writer laments it (istirja\', istighfar: stop 46)', () => {
    expect(at('innalillahi 02 menang', '02')).toBe('attack');
    expect(at('astagfirullah, prabowo gibran menang, 5 tahun lagi', 'prabowo gibran')).toBe('attack');
    expect(at('innalillahi. 02 menang satu putaran', '02')).toBe('attack');
    // a grief for a death told before, in a sentence of its own, laments no victory
    expect(at('innalillahi, ramana pa dedi pupus tadi subuh. 02 menang di tps urang', '02')).toBe('support');
    expect(at('alhamdulillah 02 menang satu putaran', '02')).toBe('support');
  });

  it('shows no side for a condition, a negator, a question, a result of both sides or a judged win', () => {
    expect(at('kalau 02 menang kita pindah', '02')).toBeUndefined();
    expect(at('yen prabowo menang demokrasi mati', 'prabowo')).toBeUndefined();
    expect(at('02 tidak akan menang', '02')).toBeUndefined();
    expect(at('quick count 02 menang?', '02')).toBeUndefined();
    expect(at('anies sandi menang, ahok djarot kalah terhormat', 'anies sandi')).toBeUndefined();
    expect(at('agus sylvi menang itu mimpi di siang bolong', 'agus sylvi')).toBeUndefined();
    expect(at('02 yang menang', '02')).toBeUndefined();
  });

  it('gives the pair the side in a finding, but not in a hashtag or under sarcasm', () => {
    expect(sides('Sesuk ojo lali nyoblos, 02 menang siji puteran! Prabowo paling pas', 'pilpres-2024-02')).toContain('support');
    expect(sides('MK tolak semua gugatan, 02 menang lagi di mahkamah keluarga, mantap 🤡', 'pilpres-2024-02')).not.toContain('support');
    expect(sides('Prabowo munafik, tukang bohong #02menangRadikalBerkuasa', 'pilpres-2024-02')).not.toContain('support');
  });

  it('reads a pair named by its hashtag as the subject of the win after the tag (stop 50), not a win inside a tag', () => {
    expect(sides('Bismillah, #PrabowoGibran menang sekali putaran!', 'pilpres-2024-02')).toContain('support');
    expect(sides('Prabowo munafik #PrabowoGibran #menang', 'pilpres-2024-02')).not.toContain('support');
  });

  it('reads the causatives of menang as ballot verbs', () => {
    const choice = (text: string, name: string) => choiceAt(text, text.indexOf(name), text.indexOf(name) + name.length, pack.choiceWords, pack.stanceGrammar)?.side;
    expect(choice('kabeh staf kudu menangno 03', '03')).toBe('support');
    expect(choice('siap menangkan yusuf ratna', 'yusuf ratna')).toBe('support');
    expect(choice('ayo menangke pak ganjar', 'ganjar')).toBe('support');
    expect(choice('jangan menangkan 02', '02')).toBe('attack');
  });
});

describe('an invitation asked as a question keeps the side of the act it offers (stop 44)', () => {
  const inOffice = (text: string, pair: string) => {
    const item = makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-11-10T05:00:00Z', context: { kind: 'chat', name: 'Guru SDN 2 Cibiru' }, source: { captureId: 'test', path: 'test', pointer: '1' } });
    return evaluate(pack, item, { region: '3299' }).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));
  };

  it('gives the pair support for its rally or its shirts offered to the colleagues', () => {
    expect(inOffice('Minggu enjing aya kampanye akbar Yusuf-Ratna di lapang Cibiru, saha nu bade ngiring? Aya kaos gratis', 'pilkada-2024-3299-03')).toContain('support');
    expect(inOffice('Kaos Yusuf-Ratna aya keneh 5 di imah, saha nu hoyong?', 'pilkada-2024-3299-03')).toContain('support');
  });

  it('still reads no side from a call asked as a question', () => {
    expect(inOffice('Peu ta pileh nomor 2?', 'pilkada-2024-3299-02')).not.toContain('support');
  });
});

describe('loyalty kept in the heart after a loss (stop 44)', () => {
  const kept = (text: string, name: string) => settledAt(text, text.indexOf(name), text.indexOf(name) + name.length, pack.choiceWords);

  it('reads the heart kept for the pair named after it, and Banjar and Sundanese forms of "always kept"', () => {
    expect(kept('kalah pun tak ape, hati awak tetap untuk abah', 'abah')).toBe(true);
    expect(kept('kalah 1 pang, tapi pak fauzi tatap di hati ulun', 'fauzi')).toBe(true);
    expect(kept('nomer tilu salawasna di hate', 'tilu')).toBe(true);
  });

  it('reads no heart kept for someone else', () => {
    expect(kept('hati awak tetap untuk keluarga, abah kalah', 'abah')).toBe(false);
  });
});


describe('the side a form carries by its act (stop 45)', () => {
  const stancesOf = (draft: { text: string; time?: string; kind?: 'post' | 'message' }, pair: string, rule: string, region = '3299') =>
    evaluate(pack, makeItem({ platform: 'whatsapp', kind: 'message', time: '2024-11-10T05:00:00Z', ...draft, source: { captureId: 'test', path: 'test', pointer: '1' } }), { region })
      .filter((f) => f.ruleId === rule)
      .flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

  it('reads Javanese "tak" after an aspect word, a demonstrative or "sing" as the writer doing it, not as a negator', () => {
    const words = (t: string) => t.split(' ');
    expect(agentTakAt(words('helmku wis tak tempeli'), 2, pack.stanceGrammar)).toBe(true);
    expect(agentTakAt(words('iki tak gawakke'), 1, pack.stanceGrammar)).toBe(true);
    expect(agentTakAt(words('sing tak coblos'), 1, pack.stanceGrammar)).toBe(true);
    expect(agentTakAt(words('aku tak mau'), 1, pack.stanceGrammar)).toBe(false);
    expect(agentTakAt(words('lagi tak enak'), 1, pack.stanceGrammar)).toBe(false);
    const text = 'motorku wis tak tempeli';
    expect(negatedAt(text, text.indexOf('tempeli'), pack.stanceGrammar)).toBe(false);
    expect(deniedAt(text, text.indexOf('tempeli'), pack.stanceGrammar)).toBe(false);
    expect(deniedAt('aku tak tempel', 'aku tak '.length, pack.stanceGrammar)).toBe(true);
  });

  it('shows the pair of a sticker the writer put on, in Javanese, as supported', () => {
    expect(stancesOf({ text: 'Helmku wis tak tempeli stiker Prabowo-Gibran, apik to 😎', time: '2024-01-20T05:00:00Z' }, 'pilpres-2024-02', 't7-stiker-kendaraan')).toEqual(['support']);
    expect(stancesOf({ text: 'Motor anyar wis tak tempeli stiker Ahmad Fauzi-Siti 😎' }, 'pilkada-2024-3299-01', 't7-stiker-kendaraan')).toEqual(['support']);
  });

  it('keeps the Indonesian "tak" a negator of the act', () => {
    expect(stancesOf({ text: 'Aku tak tempel stiker Prabowo-Gibran di motor dinas', time: '2024-01-20T05:00:00Z' }, 'pilpres-2024-02', 't7-stiker-kendaraan')).toEqual(['mention']);
  });

  it('shows a seat in the stand the pair is named after as support (t8 v22)', () => {
    expect(stancesOf({ text: 'Torang hadir langsung di debat cabup Sukamaju, duduk di tribun Budi-Dewi 💪' }, 'pilkada-2024-3299-02', 't8-hadir-debat-langsung')).toEqual(['support']);
    expect(stancesOf({ text: 'Tadi malam ambo nonton debat publik calon bupati, duduak di tribun pendukuang nomor 3' }, 'pilkada-2024-3299-03', 't8-hadir-debat-langsung')).toEqual(['support']);
  });

  it('reads no side from a name across a clause break after the stand', () => {
    expect(stancesOf({ text: 'Hadir di debat publik kedua Pilbup, aku duduk di tribun media, Budi-Dewi jawabannya panjang' }, 'pilkada-2024-3299-02', 't8-hadir-debat-langsung')).not.toContain('support');
  });

  it('shows the pair of a garment received as supported, and none for one for sale (t4 v15)', () => {
    expect(stancesOf({ text: 'Kaos ireng Ganjar-Mahfud wis teko, siap tanggal 10 nang Simpang Lima 🖤', time: '2024-01-20T05:00:00Z' }, 'pilpres-2024-03', 't4-kaos-atribut-kampanye')).toEqual(['support']);
    expect(stancesOf({ text: 'Jual kaos Ganjar-Mahfud bekas, 50 ribu', time: '2024-01-20T05:00:00Z' }, 'pilpres-2024-03', 't4-kaos-atribut-kampanye')).toEqual(['mention']);
  });
});

describe('a ballot number exclaimed as a clause of its own (stop 45)', () => {
  const at = (text: string, num: string) => exclaimedAt(text, text.lastIndexOf(num), text.lastIndexOf(num) + num.length, pack.choiceWords);

  it('reads the number alone, after a cheer or with a chat tag before "!" as a cheer for the pair', () => {
    expect(at('ini harapan. 03!', '03')).toBe(true);
    expect(at('jelas, 03!', '03')).toBe(true);
    expect(at('gas 02! 🔥', '02')).toBe(true);
    expect(at('cocok pisan kang, hidup nomor 2!', 'nomor 2')).toBe(true);
    expect(at('nomor 1 rek!', 'nomor 1')).toBe(true);
  });

  it('reads no cheer after a noun, with more words in the clause, or without "!"', () => {
    expect(at('prabowo juara nomor 1!', 'nomor 1')).toBe(false);
    expect(at('anies dapat nomor 1!', 'nomor 1')).toBe(false);
    expect(at('ranah minang utk 02!', '02')).toBe(false);
    expect(at('jelas, 03.', '03')).toBe(false);
    expect(at('02 jadi presiden!', '02')).toBe(false);
  });

  it('shows the pair supported in a finding, and attacked or not supported under a prohibitive or a negator', () => {
    expect(sides('Ganjar-Mahfud bersih dari dinasti. Jelas, 03!', 'pilpres-2024-03')).toContain('support');
    expect(sides('Jangan 02!', 'pilpres-2024-02')).not.toContain('support');
  });
});

describe('a ballot number said as a clause of its own in a chat (aloneInClauseAt, s45-replies)', () => {
  const at = (text: string, num: string) => aloneInClauseAt(text, text.lastIndexOf(num), text.lastIndexOf(num) + num.length, pack.choiceWords, pack.stanceGrammar);

  it('reads the number alone in its clause, after a cheer or "pokoknya", or before chat tags, as the writer\'s settled choice', () => {
    expect(at('nomor 2, inget ye 😉', 'nomor 2')).toBe(true);
    expect(at('ah elu din. pokoknye 2 😆', '2')).toBe(true);
    expect(at('wis talah nurut ae, pokok e nomer telu 🤟', 'nomer telu')).toBe(true);
    expect(at('tapi amun bingung, ingat haja nomor satu 😁', 'nomor satu')).toBe(true);
    expect(at('isuk pas di bilik jangan kada ingat, nomor 2 lah, sudah kita sepakati', 'nomor 2')).toBe(true);
    expect(at('leres pisan bu, nomer 1 pokona 💚', 'nomer 1')).toBe(true);
  });

  it('reads no choice after a noun, with more words in the clause, in a list, or before a prohibitive or a negator', () => {
    expect(at('antrian nomor 2, silakan', 'nomor 2')).toBe(false);
    expect(at('nomer 1 iku janji e koyok sinetron', 'nomer 1')).toBe(false);
    expect(at('01, 02, 03 sama aja', '02')).toBe(false);
    expect(at('nomor 2, jangan dipilih', 'nomor 2')).toBe(false);
    expect(at('nomor 2, ora usah', 'nomor 2')).toBe(false);
    // a jab with an eye-roll, and a bare number tagging whom the sentences before were about
    expect(at('tidak usah sok bersih, 03 🙄', '03')).toBe(false);
    expect(at('aslinya pas gubernur petani dicuekin. nomor 03', 'nomor 03')).toBe(false);
  });
});

describe('the side a left-out finding read (stop 46)', () => {
  it('gives the kept debate finding the side the same words read', () => {
    const at = '2024-11-20T05:00:00Z';
    const f = evaluate(pack, post('Nobar Debat Publik Calon Bupati Sukamaju di posko, Pak Yusuf tampil paling tenang. Nomor 3 lanjut! #YusufRatna', at));
    expect(f.map((x) => x.prohibition)).toEqual([8]);
    expect(f[0]?.candidates.find((c) => c.pair === 'pilkada-2024-3299-03')?.stance).toBe('support');
  });

  it('leaves a debate watched with no word for a pair a mention', () => {
    const f = evaluate(pack, post('Nobar Debat Publik Calon Bupati Sukamaju di posko bareng warga, Pak Yusuf jawab soal pupuk', '2024-11-20T05:00:00Z'));
    for (const x of f) for (const c of x.candidates) expect(c.stance).not.toBe('support');
  });
});

// stop 47: forms the status rule already fires on, whose side a careful reader reads from the form
// itself; the examples are written for this file
describe('the side of a settled-choice form', () => {
  it('reads "X harga mati" as support, and leaves the civic slogan beside a name alone', () => {
    expect(sides('Prabowo harga mati, titik', 'pilpres-2024-02')).toEqual(['support']);
    expect(sides('Capres Prabowo tegaskan Pancasila harga mati', 'pilpres-2024-02')).not.toContain('support');
  });

  it('reads the particle of a settled choice after a zero-padded ballot number as support', () => {
    expect(sides('Debat semalam bikin yakin. Wis 03 wae, sat set', 'pilpres-2024-03')).toEqual(['support']);
    expect(sides('Gue sih 02 all the way', 'pilpres-2024-02')).toEqual(['support']);
  });

  it('leaves a spelled number before the particle without a side: a rank, or someone else’s choice', () => {
    expect(sides('Yang penting bukan siapa, urusan capres nomor dua saja, persatuan nomor satu', 'pilpres-2024-02')).not.toContain('support');
    expect(sides('Jamal, maneh mah nomer dua wae, teu kenal urang mah', 'pilpres-2024-02')).not.toContain('support');
  });

  it('leaves "X saja" after a name without a side: "even X" as often as "just X"', () => {
    expect(sides('Prabowo saja akui ekonomi sekarang lebih baik, gitu kok mau ganti', 'pilpres-2024-02')).not.toContain('support');
  });

  it('reads "still 02" and a pair kept in the heart as support, and not "tetap nomor satu"', () => {
    expect(sides('Tetep 02 lah, no debat', 'pilpres-2024-02')).toEqual(['support']);
    expect(sides('Kalah di hitungan, tapi Ganjar tetap di hati', 'pilpres-2024-03')).toEqual(['support']);
    expect(sides('Ganjar bilang netral tetap nomor satu, kawan', 'pilpres-2024-01')).not.toContain('support');
  });
});

describe('the side of a ranking in a chat (t3-banding-paslon-pesan v2)', () => {
  const chat = (text: string) =>
    makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-11-10T03:00:00Z', context: { kind: 'chat', name: 'Guru SMKN 1 Sukamaju' }, source: { captureId: 'test', path: 'test', pointer: '1' } });
  const chatSides = (text: string, pair: string) => evaluate(pack, chat(text), { region: '3299' }).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

  it('reads a quality of praise right after the marker as support for the name before it', () => {
    expect(chatSides('Ratna Sari lebih bagus, jawabannya runtut', 'pilkada-2024-3299-03')).toContain('support');
    expect(chatSides('Budi Hartono paling tenang jawab soal guru honorer', 'pilkada-2024-3299-02')).toContain('support');
  });

  it('reads nothing when a word stands between the marker and the quality, or the rank is a fact', () => {
    expect(chatSides('Budi Hartono paling tidak jelas jawab soal guru honorer', 'pilkada-2024-3299-02')).not.toContain('support');
    expect(chatSides('Budi Hartono paling kiri di surat suara, Yusuf Maulana di kanan', 'pilkada-2024-3299-02')).not.toContain('support');
  });
});
