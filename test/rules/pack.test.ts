import { describe, expect, it } from 'vitest';
import { lexiconWords, loadRulePack } from '../../src/rules/pack.js';
import { runRuleTests } from '../../src/rules/fixtures.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

describe('the shipped rule pack', () => {
  it('loads and every rule passes its own fixtures', async () => {
    const pack = await loadRulePack();
    const summary = runRuleTests(pack);
    const failures = summary.reports.flatMap((r) => [
      ...r.problems.map((p) => `${r.rule.def.id}: ${p}`),
      ...r.outcomes.filter((o) => o.status === 'fail').map((o) => `${r.rule.def.id} "${o.test.name}": ${o.problem}`),
    ]);
    expect(failures).toEqual([]);
    expect(summary.passed).toBeGreaterThan(0);
    // every fixture of every rule goes through the engine (~2.5 s alone); on a loaded machine
    // running the other test files beside it, that passed the 5 s default
  }, 30_000);

  it('takes the engine word lists from the lexicons: verbs of saying and address terms', async () => {
    const pack = await loadRulePack();
    // news attribution (verba-lapor, also read by berita-media) and everyday verbs (verba-ujaran)
    expect(pack.sayVerbs).toEqual(expect.arrayContaining(['ujarnya', 'mengatakan', 'bilang', 'singgung']));
    // address terms and titles name no sender (kata-sapaan)
    expect([...pack.addressWords]).toEqual(expect.arrayContaining(['pak', 'ade', 'bidan', 'made']));
    expect(pack.addressWords.has('marthen')).toBe(false);
    // a short quote after a verb of saying is masked in a field the evaluator normalises
    const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'test', path: 'posts.json', pointer: '/0' } });
    expect(evaluate(pack, post('Anies sebut "perubahan" di depan mahasiswa https://t.co/x'))).toEqual([]);
    expect(evaluate(pack, post('Anies singgung "perubahan", pokoknya lanjutkan perubahan!')).length).toBeGreaterThan(0);
  }, 30_000);

  it('takes the reply, choice, forget and grammar word sets from their lexicons, not from code', async () => {
    const pack = await loadRulePack();
    // verba-mengajak, verba-meneruskan, kata-penerima, orang-sekitar, kerabat-penerima
    expect(pack.handingWords.invite.has('ngajakan')).toBe(true);
    expect(pack.handingWords.hand.has('bagikeun')).toBe(true);
    expect(pack.handingWords.recipient.has('dhateng')).toBe(true);
    expect(pack.handingWords.circle.has('barudak')).toBe(true);
    // one's household is a recipient of a thing shared out, never the circle invited along
    expect(pack.handingWords.recipients.has('keluarga')).toBe(true);
    expect(pack.handingWords.circle.has('keluarga')).toBe(false);
    // pilihan-tetap, partikel-pilihan-tetap, bersama-pilihan, verba-memilih, sebutan-pilihan,
    // pilihan-bukan-sendiri, penyangkal-pilihan, sela-penyangkal-pilihan, kata-lupa; verba-ikut and kata-ganti-kita
    expect([...pack.choiceWords.settled]).toEqual(expect.arrayContaining(['tetep', 'pokoke']));
    expect(pack.choiceWords.particles.has('ji')).toBe(true);
    // kata-pokok writes the root once (paradigm: definite); the set holds its clitic forms
    expect([...pack.choiceWords.settling].sort()).toEqual(['pokok', 'pokoke', 'pokokna', 'pokoknya', 'pokoknye', 'pokoknyo', 'pokona'].sort());
    expect(pack.choiceWords.settling.has('pokokku')).toBe(false);
    // benda-ujaran (paradigm: definite): the carriers of others' words, with their definite clitics
    expect(pack.contentNouns).toEqual(expect.arrayContaining(['meme', 'hoaks', 'hoaksnya', 'hoaxnya', 'akunnya', 'judule']));
    // stop 46 paradigm marks: each list's clitic forms are read; a guarded root ("=bagi") takes none
    expect(pack.choiceWords.with.has('bersamamu')).toBe(true); // was written out, now generated (noun)
    expect(pack.choiceWords.with.has('bersamaku')).toBe(true);
    expect(pack.handingWords.invite.has('ajaklah')).toBe(true); // verba-mengajak, transitive
    expect(pack.handingWords.invite.has('ajakmu')).toBe(false); // "your invitation"
    // verba-memilih (transitive): the particles only, never a clitic that names another chooser
    expect(pack.choiceWords.verbs.has('pilihlah')).toBe(true); // was written out, now generated
    expect(pack.choiceWords.verbs.has('menangkanlah')).toBe(true);
    expect(['pilihnya', 'pilihmu', 'dukungnya'].some((w) => pack.choiceWords.verbs.has(w))).toBe(false);
    expect(pack.handingWords.hand.has('bagikanlah')).toBe(true); // verba-meneruskan, verb
    expect(pack.handingWords.hand.has('sebarkannya')).toBe(true);
    expect(pack.handingWords.hand.has('bagi')).toBe(true);
    expect(['bagiku', 'baginya', 'bagimu'].some((w) => pack.handingWords.hand.has(w))).toBe(false); // "for me/him/you"
    // hak-jabatan (noun): the pay words with their clitics, before an office word
    expect(pack.contextPatterns.officeItselfBefore.test('soal gajinya ')).toBe(true);
    expect(pack.contextPatterns.officeItselfBefore.test('soal gajine ')).toBe(true);
    expect(pack.contextPatterns.officeItselfBefore.test('soal tunjangannya ')).toBe(true);
    expect(pack.contextPatterns.officeItselfBefore.test('soal gajian ')).toBe(false);
    expect(pack.choiceWords.notOwn.has('nyesel')).toBe(true);
    expect(pack.choiceWords.deniers.has('moal')).toBe(true);
    expect(pack.choiceWords.between.has('purun')).toBe(true);
    expect(pack.choiceWords.with.has('kaliyan')).toBe(true);
    expect(pack.choiceWords.verbs.has('ngadukung')).toBe(true);
    // a passive verb makes the pair its subject, not the writer's choice
    expect(pack.choiceWords.verbs.has('dipilih')).toBe(false);
    expect(pack.choiceWords.titles.has('no.')).toBe(true);
    expect(pack.forgetWords.has('poho')).toBe(true);
    expect(pack.goingAlong.verbs.has('norok')).toBe(true);
    expect(pack.goingAlong.we.has('torang')).toBe(true);
    // penyangkal-tanggapan, modal-tanggapan, verba-ingin, pembuka-tunjukan (reply-act.ts)
    expect(pack.replyGrammar.negators.has('nyanda')).toBe(true);
    expect(pack.replyGrammar.modals.has('kenging')).toBe(true);
    expect(pack.replyGrammar.want.has('hoyong')).toBe(true);
    expect(pack.replyGrammar.openers.has('astaghfirulloh')).toBe(true);
    expect(pack.replyGrammar.also.has('ugi')).toBe(true);
    expect(pack.replyGrammar.between.has('geus')).toBe(true);
    expect(pack.replyGrammar.doubt.has('yakin')).toBe(true);
    expect(pack.replyGrammar.demonstratives.has('iko')).toBe(true);
    expect(pack.replyGrammar.afterPointing.has('nan')).toBe(true);
    // the stance's grammar classes (stance.ts StanceGrammar), kata-larangan shared with the reply
    expect(pack.stanceGrammar.prohibitives.has("jha'")).toBe(true);
    expect(pack.replyGrammar.prohibitives.has('ojok')).toBe(true);
    expect(pack.stanceGrammar.negators.has('anti')).toBe(true);
    expect(pack.stanceGrammar.deniers.has('anti')).toBe(false);
    expect(pack.stanceGrammar.deniers.has('kaga')).toBe(true);
    expect(pack.stanceGrammar.addressees.has('gata')).toBe(true);
    expect(pack.stanceGrammar.others.has('orang2')).toBe(true);
    expect(pack.stanceGrammar.reporting.has('neriakin')).toBe(true);
    expect(pack.stanceGrammar.auxiliaries.has('sudi')).toBe(true);
    expect(pack.stanceGrammar.questions.has('bukankah')).toBe(true);
    expect(pack.stanceGrammar.restrictiveAfter.has('wungkul')).toBe(true);
    expect(pack.stanceGrammar.restrictiveBefore.has('cume')).toBe(true);
    expect(pack.stanceGrammar.prepositions.has('didepan')).toBe(true);
    // the context regexes: the words from their lexicons, the forms kept in code
    expect(pack.contextPatterns.officeNotHeldBefore.test('ajudan ')).toBe(true);
    expect(pack.contextPatterns.officeNotHeldBefore.test('siapa pun dia ')).toBe(true);
    expect(pack.contextPatterns.officeNotHeldBefore.test('bapak ')).toBe(false);
    expect(pack.contextPatterns.officeNotHeldAfter.test(' ri yang akan datang')).toBe(true);
    expect(pack.contextPatterns.officeNotHeldAfter.test(' sebelumnya')).toBe(true);
    expect(pack.contextPatterns.officeNotHeldAfter.test(' kita')).toBe(false);
    expect(pack.contextPatterns.countContext.test('gugatan di mahkamah konstitusi')).toBe(true);
    expect(pack.contextPatterns.countContext.test('mkn')).toBe(false);
    expect(pack.contextPatterns.tenure.test('limo taun jadi bupati')).toBe(true);
    expect(pack.contextPatterns.tenure.test('12 periode')).toBe(true);
    expect(pack.contextPatterns.prayerBefore.test('mugia lancar')).toBe(true);
    expect(pack.contextPatterns.prayerBefore.test('🤲')).toBe(true);
    expect(pack.headlineSmallWords.has('jelang')).toBe(true);
    expect(pack.contextPatterns.contestContext.test('hasil quick count')).toBe(true);
    expect(pack.contextPatterns.contestContext.test('rapat di posko')).toBe(false);
    expect(pack.contextPatterns.electionContext.test('rapat di posko')).toBe(true);
    expect(pack.contextPatterns.electionContext.test('pak walikota')).toBe(true);
    expect(pack.contextPatterns.officeItselfBefore.test('berapa gajinya ')).toBe(true);
    // stop 44: the naming words, the deputy words, the contrastive conjunctions and the spelled counts from lexicons
    expect(pack.contextPatterns.namingBefore.test('bayinya dikasih nama ')).toBe(true);
    expect(pack.contextPatterns.namingBefore.test('nama saya si ')).toBe(true);
    expect(pack.contextPatterns.namingBefore.test('yang namanya ')).toBe(false);
    expect(pack.contextPatterns.officeItselfAfter.test(' & wakilnya')).toBe(true);
    expect(pack.contextPatterns.officeItselfAfter.test(' dan menteri')).toBe(false);
    expect(pack.stanceGrammar.contrastive.exec('pinter, tapi banjir')?.index).toBe(7);
    expect(pack.stanceGrammar.contrastive.test('tapinya')).toBe(false);
    expect(pack.replyGrammar.count.has('tilu')).toBe(true);
    expect(pack.replyGrammar.count.has('enam')).toBe(false);
    // the writer's kin words and the first-person possessors from lexicons; the "-ku" suffix, the comma and "si" are grammar
    expect(pack.contextPatterns.kinBefore.exec('nikahan ponakan aye si ')?.index).toBe(8);
    expect(pack.contextPatterns.kinBefore.test('ucapan buat anakku ')).toBe(true);
    expect(pack.contextPatterns.kinBefore.test('salam buat kakak ipar saya, ')).toBe(true);
    expect(pack.contextPatterns.kinBefore.test('salam buat kak ')).toBe(false);
    expect(pack.contextPatterns.kinAfter.test(', kamanakan ambo')).toBe(true);
    expect(pack.contextPatterns.kinAfter.test(', bapak kita')).toBe(false);
  }, 30_000);
});

describe('subjek-orang-lain read with a noun\'s clitics (paradigm: noun)', () => {
  it('reads someone else\'s spouse or neighbour with -ku/-mu/-na as the one who went, not the writer', async () => {
    const pack = await loadRulePack();
    const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'test', path: 'posts.json', pointer: '/0' } });
    // until stop 46 the list was `inflect: none`: only the forms written out (bojoku) were read
    for (const text of [
      'Tonggoku melu kampanye Ganjar ning alun-alun, aku jaga toko',
      'Tetanggamu ikut kampanye akbar Prabowo-Gibran tadi di GBK',
      'Suamimu ikut kampanye Prabowo kemarin',
      'Salakina ngiring kampanye Prabowo di alun-alun',
      'Bojoku melu kampanye Ganjar ning alun-alun, aku jaga toko', // written out until stop 46, now generated
    ])
      expect(evaluate(pack, post(text)).map((f) => f.ruleId)).not.toContain('t2-hadir-kampanye-paslon');
    // the writer's own going with them stays a finding
    expect(evaluate(pack, post('Saya sama suami ikut kampanye akbar Prabowo-Gibran tadi di GBK')).map((f) => f.ruleId)).toContain('t2-hadir-kampanye-paslon');
  }, 120_000);
});

describe('lexiconWords (a lexicon as the word set the engine reads word by word)', () => {
  it('adds the class forms of each entry of a marked list, none to a "=" entry or a phrase', () => {
    const words = lexiconWords({ terms: ['pokok', '=pokona', 'tetap di hati'], paradigm: 'definite' });
    expect([...words].sort()).toEqual(['pokok', 'pokoke', 'pokokna', 'pokoknya', 'pokoknye', 'pokoknyo', 'pokona', 'tetap di hati']);
  });
  it('reads an unmarked list as written', () => {
    expect([...lexiconWords({ terms: ['suamiku', 'istri'] })]).toEqual(['suamiku', 'istri']);
    expect(lexiconWords(undefined).size).toBe(0);
  });
});

describe('the sides of cue word lists, made by the pack compile', () => {
  it('gives each list its side and marks the attack words a negation denies', async () => {
    const pack = await loadRulePack();
    expect(pack.lexiconSides.sides.get('opini-pujian')).toBe('support');
    expect(pack.lexiconSides.sides.get('opini-kritik')).toBe('attack');
    expect(pack.lexiconSides.comparative?.test('lebih tegas daripada dia')).toBe(true);
    const matcher = (rule: string, name: string) => pack.rules.find((r) => r.def.id === rule)?.matchers.get(name);
    // every list an attack list: every hit may be denied
    expect(matcher('t3-status-dukungan-paslon', 'kritik')?.verdictWords).toBe('all');
    // attack lists beside a support list: only the words no other list holds
    const mixed = matcher('t3-penilaian-paslon', '_nilai');
    expect(mixed?.verdictWords).toBeInstanceOf(Set);
    expect((mixed?.verdictWords as ReadonlySet<string>).has('bohong')).toBe(true);
    expect([...(mixed?.sidedWords?.keys() ?? [])].sort()).toEqual(['opini-hinaan', 'opini-kritik', 'opini-pujian']);
    for (const w of mixed?.sidedWords?.get('opini-pujian') ?? []) expect((mixed?.verdictWords as ReadonlySet<string>).has(w)).toBe(false);
  });
});
