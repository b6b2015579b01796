// Coined pair names (src/rules/coinages.ts): the made-up words residents name a pair by, built from the
// leading syllables or letters of the two candidates' names ("AnHen", "BoSur", "BuDe") or their call
// names joined ("AgustinIswar"); read where written as a name or confirmed by the post, only in the
// subject's own races, and said in the finding. Registries: invented KPU governor lists of two
// provinces (fixtures/kpu/coinages): Central Java's Randika–Hendrianto and East Java's Randy–Hendrawan
// both coin "RanHen"; Central Java's Budiman–Lestiani coin "bule", a dictionary word.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEverydayWord } from '../../src/registry/dictionary.js';
import { importKpu } from '../../src/registry/kpu.js';
import { writeRegistries } from '../../src/registry/write.js';
import { capitalsRead, coinageDerivation, coinageMarked, COINAGES_PER_COUPLE, MAX_NAMES_PER_CANDIDATE, namePieces, pairCoinages } from '../../src/rules/coinages.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { normalise } from '../../src/text/normalise.js';
import { kpuSample } from './kpu-sample.js';

const forms = (a: string[], b: string[]) => pairCoinages(a, b).map((c) => c.form);

describe('coinage forms', () => {
  it('takes a name’s initial, open and written first syllable, first two syllables, call clipping and the name', () => {
    expect(namePieces('andika').map((p) => `${p.text}:${p.kind}`)).toEqual(['a:initial', 'an:syllable', 'andi:two-syllables', 'andika:name']);
    expect(namePieces('bobby').map((p) => p.text)).toEqual(['b', 'bo', 'bob', 'bobby']);
    expect(namePieces('agustina').map((p) => p.text)).toEqual(['a', 'agus', 'agustin', 'agustina']);
    expect(namePieces('Budi')).toEqual(namePieces('budi'));
    expect(namePieces('al')).toEqual([]);
  });

  it('coins syllable blends in ballot order, the first syllables reversed, and call names joined', () => {
    expect(forms(['andika'], ['hendrar', 'hendi'])).toEqual(expect.arrayContaining(['anhen', 'ahen', 'andihen', 'henan']));
    expect(forms(['bobby'], ['surya'])).toEqual(expect.arrayContaining(['bosur', 'bobsur', 'bsur', 'surbo']));
    expect(forms(['budi'], ['dewi'])).toEqual(expect.arrayContaining(['bude']));
    expect(forms(['agustina'], ['iswar'])).toContain('agustiniswar');
    // never the pair name itself, a piece ending in a stray initial, or fewer than four letters
    expect(forms(['agustina'], ['iswar'])).not.toContain('agustinaiswar');
    expect(forms(['bobby'], ['surya'])).not.toContain('bobs');
    expect(forms(['ahmad'], ['siti'])).not.toContain('asi');
  });

  it('says how a coinage was made from which two names', () => {
    const anhen = pairCoinages(['andika'], ['hendi']).find((c) => c.form === 'anhen');
    expect(anhen && coinageDerivation(anhen).id).toBe('“An” (suku kata awal Andika) + “Hen” (suku kata awal Hendi)');
    expect(anhen && coinageDerivation(anhen).en).toBe('“An” (first syllable of Andika) + “Hen” (first syllable of Hendi)');
  });

  it('keeps within its bound', () => {
    const names = ['andika', 'hendrar', 'agustina'];
    const made = pairCoinages(names, ['hendi', 'iswar', 'suryanto']);
    expect(made.length).toBeLessThanOrEqual(MAX_NAMES_PER_CANDIDATE ** 2 * COINAGES_PER_COUPLE);
    expect(new Set(made.map((c) => c.form)).size).toBe(made.length);
    expect(pairCoinages([...names, 'bobby', 'yoyok'], ['hendi'])).toHaveLength(pairCoinages(names, ['hendi']).length);
  });
});

describe('how a coinage is written', () => {
  const marked = (text: string, form: string, joint: number, wordLike = false) => {
    const norm = normalise(text);
    const start = norm.text.indexOf(form);
    return coinageMarked(norm, start, start + form.length, joint, norm.inHashtag[start] === 1, wordLike, true);
  };
  it('reads a capital at each piece, a team word before it, capitals, a hashtag or a mention', () => {
    expect(marked('Ayo dukung AnHen!', 'anhen', 2)).toBe(true);
    expect(marked('Ayo dukung ANHEN ya', 'anhen', 2)).toBe(true);
    expect(marked('Ayo dukung #anhen', 'anhen', 2)).toBe(true);
    expect(marked('relawan anhen kumpul', 'anhen', 2)).toBe(true);
    expect(marked('Ayo dukung anhen', 'anhen', 2)).toBe(false);
    expect(marked('Ayo dukung Anhen', 'anhen', 2)).toBe(false);
  });
  it('reads a coinage that is also a word only with a capital at each piece or in capitals, never in a hashtag or lower case', () => {
    expect(marked('Kampanye BuLe rame', 'bule', 2, true)).toBe(true);
    expect(marked('Ada #bule di pasar', 'bule', 2, true)).toBe(false);
    expect(marked('Bule itu ramah', 'bule', 2, true)).toBe(false);
    expect(marked('ada bule lewat', 'bule', 2, true)).toBe(false);
  });

  it('reads capitals only of two syllables in ballot order, and of a word only the two open first syllables', () => {
    const coin = (a: string, b: string, form: string) => pairCoinages([a], [b]).find((c) => c.form === form);
    const bosur = coin('bobby', 'surya', 'bosur');
    const surbo = coin('bobby', 'surya', 'surbo');
    const bsur = coin('bobby', 'surya', 'bsur');
    const yura = coin('yusuf', 'ratna', 'yura');
    const kabar = coin('kabul', 'barman', 'kabar');
    expect(bosur && capitalsRead(bosur, false)).toBe(true);
    expect(surbo && capitalsRead(surbo, false)).toBe(false);
    expect(bsur && capitalsRead(bsur, false)).toBe(false);
    expect(yura && capitalsRead(yura, true)).toBe(true);
    expect(kabar && capitalsRead(kabar, true)).toBe(false);
    expect(marked('Kampanye BOSUR rame', 'bosur', 2, false)).toBe(true);
    expect(marked('SEMUA KAMPANYE BOSUR RAME', 'bosur', 2, false)).toBe(false);
  });
});

describe('coined pair names in posts', () => {
  const HOME = 'pilkada-2024-33-01';
  const FAR = 'pilkada-2024-35-01';
  const WORD_PAIR = 'pilkada-2024-33-02';
  const { findings, pairsOf } = kpuSample('coinages');

  it('finds a post by a coinage written as a name, and the finding says how it was made', () => {
    const found = findings('Ayo dukung RanHen, pasangan paling merakyat!', '3374');
    expect(found.flatMap((f) => f.candidates.map((c) => c.pair))).toContain(HOME);
    const explained = JSON.stringify(found.map((f) => f.explanation));
    expect(explained).toContain('“RanHen”');
    expect(explained).toContain('“Ran” (suku kata awal Randika) + “Hen” (suku kata awal Hendrianto)');
    expect(pairsOf('Ayo dukung #RanHen, pasangan paling merakyat!', '3374')).toContain(HOME);
    expect(pairsOf('Pokoke #ranhenmenang, dukung terus!', '3374')).toContain(HOME);
  });

  it('a coinage in lower case counts only with the pair’s number or the contest beside it', () => {
    const found = findings('ranhen nomor 1 pokoke, dukung terus!', '3374');
    expect(found.flatMap((f) => f.candidates.map((c) => c.pair))).toContain(HOME);
    expect(JSON.stringify(found.map((f) => f.explanation))).toContain('menyebut “1”');
    expect(pairsOf('ranhen paling pas jadi calon gubernur, dukung terus!', '3374')).toContain(HOME);
    expect(pairsOf('ranhen pokoke, dukung terus!', '3374')).not.toContain(HOME);
    // the confirming word must stand beside it: a contest word three sentences on is not about this word
    expect(pairsOf('ranhen pokoke, wis tak pikir suwe banget lho bu. Dukung terus pilgub!', '3374')).not.toContain(HOME);
  });

  it('a dictionary word that looks like a coinage is a word unless written with a capital at each piece', () => {
    expect(pairsOf('Bule itu ramah banget, dukung terus!', '3374')).not.toContain(WORD_PAIR);
    expect(pairsOf('Ada #bule di pasar, dukung terus!', '3374')).not.toContain(WORD_PAIR);
    // its post's confirmation does not make a word a coinage: the number names the pair, "bule" does not
    expect(JSON.stringify(findings('bule nomor 2 ramah banget, dukung terus!', '3374').map((f) => f.explanation))).not.toContain('nama gabungan');
    expect(pairsOf('BuLe paling merakyat, dukung terus!', '3374')).toContain(WORD_PAIR);
  });

  it('a far region’s coinage never counts: the same word names the pair at home only', () => {
    const text = 'Ayo dukung RanHen, pasangan paling merakyat!';
    expect(pairsOf(text, '3374')).not.toContain(FAR);
    expect(pairsOf(text, '3578')).toContain(FAR);
    expect(pairsOf(text, '3578')).not.toContain(HOME);
    expect(pairsOf('ranhen nomor 1 pokoke, dukung terus!', '3578')).not.toContain(HOME);
  });
});

const SNAPSHOT = process.env['NETRAL_KPU_SNAPSHOT'] ?? resolve(import.meta.dirname, '../../../shared/kpu-pilkada-2024');
const HAS_SNAPSHOT = existsSync(join(SNAPSHOT, 'pkwkp.json'));
if (!HAS_SNAPSHOT) console.warn(`SKIPPED: KPU pair lists not found under ${SNAPSHOT}, so the snapshot's coinages are not checked (set NETRAL_KPU_SNAPSHOT)`);

describe.skipIf(!HAS_SNAPSHOT)('coinages of the whole KPU snapshot', () => {
  let dir: string;
  let pack: RulePack;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'netral-coinages-kpu-'));
    await writeRegistries(await importKpu([join(SNAPSHOT, 'pkwkp.json'), join(SNAPSHOT, 'pkwkk.json')], join(SNAPSHOT, 'district')), dir);
    pack = await loadRulePack({ extraRegistryPaths: [dir] });
  }, 300_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('coins the forms residents use for real pairs, none a dictionary word unless marked as one, within the bound', () => {
    const coined = pack.registry.terms.filter((t) => t.variant === 'coined' && !t.term.includes(' '));
    const of = (id: string) => coined.filter((t) => t.pair?.id === id).map((t) => t.term);
    expect(of('pilkada-2024-33-01')).toContain('anhen');
    expect(of('pilkada-2024-12-01')).toContain('bosur');
    expect(coined.filter((t) => isEverydayWord(t.term, { evenAName: true }))).toEqual([]);
    const perPair = new Map<string, number>();
    for (const t of coined) perPair.set(t.pair?.id ?? '', (perPair.get(t.pair?.id ?? '') ?? 0) + 1);
    expect(Math.max(...perPair.values())).toBeLessThanOrEqual(MAX_NAMES_PER_CANDIDATE ** 2 * COINAGES_PER_COUPLE);
  });
});
