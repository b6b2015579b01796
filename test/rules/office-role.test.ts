// A pair named by its office or ballot role instead of a name (registry list `offices`): the office
// the election fills, said of the candidate who holds it and runs again; an office the registry
// lists a candidate holding; the ballot role with the pair's number. Not the office sought, a
// former or acting holder, or a title right before a name.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time: string) => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const owners = (term: string) =>
  pack.registry.terms
    .filter((t) => t.list === 'offices' && t.term === term)
    .map((t) => t.pair?.id)
    .sort();

describe('offices', () => {
  it('gives the office an election fills to the incumbent who runs again, by level and ticket place', () => {
    // Jokowi in 2019; the fictional Sukamaju's sitting regent in its 2024 Pilkada
    expect(owners('presiden')).toEqual(['pilpres-2019-01']);
    expect(owners('bupati')).toEqual(['pilkada-2024-3299-01']);
    // no incumbent deputy runs in the shipped registries
    expect(owners('wapres')).toEqual([]);
  });

  it('builds the ballot role with the number for the candidate and the running mate', () => {
    expect(owners('cawapres 02')).toEqual(['pilpres-2019-02', 'pilpres-2024-02']);
    expect(owners('capres nomor urut 3')).toEqual(['pilpres-2024-03']);
    expect(owners('calon wakil presiden 1')).toEqual(['pilpres-2019-01', 'pilpres-2024-01']);
  });

  it('takes the offices the registry lists a candidate holding in the watch window', () => {
    expect(owners('menhan')).toEqual(['pilpres-2024-02']);
    expect(owners('wali kota solo')).toEqual(['pilpres-2024-02']);
  });

  it('names the pair in t3-penilaian-paslon with two cues, and nobody when the office is sought, past or a title', () => {
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(pairs('Presiden petugas partai, harga beras naik semua, disetir dari Teuku Umar 🙄 gagal total', '2019-02-01T05:00:00Z')).toContain('pilpres-2019-01');
    expect(pairs('Menhan ngurusin sawah aja gagal apalagi negara 🙄', '2024-01-20T05:00:00Z')).toContain('pilpres-2024-02');
    // the office sought, whoever will hold it, an earlier holder
    expect(pairs('Pilih presiden yg gak gagal ngurus ekonomi!! 🙄', '2019-02-01T05:00:00Z')).toEqual([]);
    expect(pairs('Siapapun nnti presidennya, tolong tiket pesawat diturunin!! 😭', '2019-02-01T05:00:00Z')).toEqual([]);
    expect(pairs('Gak menghargai kerja presiden sebelumnya, gagal paham!! 🙄', '2019-02-01T05:00:00Z')).toEqual([]);
    // 2024: the sitting president does not run, so "presiden" names no pair
    expect(pairs('Presiden gagal ngurus harga beras, rakyat susah!! 😡', '2024-01-20T05:00:00Z')).toEqual([]);
  });
  it('reads a later term or the office sought in the regional languages as no holder', () => {
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    // the term to come, after "RI"; "dadi"/"jari" are "jadi" (Javanese, Balinese, Sasak)
    expect(pairs('Mantap presiden RI periode 2019-2024, tegas dan jujur!! 🔥', '2019-02-01T05:00:00Z')).not.toContain('pilpres-2019-01');
    expect(pairs('Mun jari presiden bingung ie, gak ada pengalaman 😆 gagal total!!', '2019-02-01T05:00:00Z')).not.toContain('pilpres-2019-01');
    expect(pairs('Yen dadi presiden mesti bingung, ora ana pengalaman 😆 gagal total!!', '2019-02-01T05:00:00Z')).not.toContain('pilpres-2019-01');
    // the sitting president, named by the office alone, still is
    expect(pairs('Presiden bingung ie, gak ada pengalaman 😆 gagal total!!', '2019-02-01T05:00:00Z')).toContain('pilpres-2019-01');
  });

  it('reads the office said twice, or its holder before or after someone, as no holder now', () => {
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(pairs('Kehancuran ekonomi itu salah presiden-presiden sebelumnya, bukan salah sekarang!! 🙄', '2019-02-01T05:00:00Z')).toEqual([]);
    expect(pairs('Kehancuran ekonomi itu salah presiden2 dulu, parah!! 🙄', '2019-02-01T05:00:00Z')).toEqual([]);
    expect(pairs('Fundamental ekonomi ga dirapihin sama presiden setelah pak harto lengser, parah!! 🙄', '2019-02-01T05:00:00Z')).toEqual([]);
    expect(pairs('Salah arah pembangunan ekonomi ini andil presiden sebelum beliau, gagal total!! 🙄', '2019-02-01T05:00:00Z')).toEqual([]);
    // the one holding it now, named once, still is
    expect(pairs('Kehancuran ekonomi itu salah presiden, parah!! 🙄', '2019-02-01T05:00:00Z')).toContain('pilpres-2019-01');
  });

  it('reads a name given by a naming word as a namesake, and "yang namanya" as the candidate', () => {
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(pairs('Bayi laki-laki lahir di Poskesdes, namanya Prabowo kata bapaknya 😄 sehat selalu nak', '2024-01-20T05:00:00Z')).toEqual([]);
    expect(pairs('Anak tetangga dikasih nama Anies, lucu banget, hebat!! 😍', '2024-01-20T05:00:00Z')).toEqual([]);
    // the name given in quotes (a shop, a nickname)
    expect(pairs("Warung nasi padang langganan namanya 'Amin Jaya', porsinya gemoy 😋", '2024-01-20T05:00:00Z')).toEqual([]);
    expect(pairs('Yang namanya Prabowo itu sehat selalu, kami doakan 🙏', '2024-01-20T05:00:00Z')).toContain('pilpres-2024-02');
  });

  it("reads a name beside the writer's own kin word as a namesake, and the same name said again in the post", () => {
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(pairs('Ponakan aye si Sandi nikahan hari ini. Barakallah ya Sandi, semoga sakinah 💍', '2019-03-10T05:00:00Z')).toEqual([]);
    expect(pairs('Alhamdulillah Sandi, adik saya, juara 1 lomba pidato. Bangga bener 🏆', '2019-03-10T05:00:00Z')).toEqual([]);
    // no possessor: the fans' address to the candidate
    expect(pairs('Bang Sandi semoga menang ya, kami dukung terus 💪', '2019-03-10T05:00:00Z')).toContain('pilpres-2019-02');
  });

  it('never lets the office word alone name the incumbent in a sentence that names a rival candidate', () => {
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    // "presiden" beside Prabowo in one sentence: Prabowo is the pair read, not Jokowi
    const rival = pairs('Belum ada pemimpin negara presiden yang menyerahkan gajinya kepada rakyat seperti Prabowo', '2019-02-01T05:00:00Z');
    expect(rival).toContain('pilpres-2019-02');
    expect(rival).not.toContain('pilpres-2019-01');
    // in a sentence of its own the office still names the incumbent beside the rival's sentence
    const own = pairs('Prabowo tegas dan jujur!! Presiden plonga plongo cuma bisa bagi2 sepeda, ditanya soal ekonomi malah bingung 🙄 4 thn cukup lah', '2019-02-01T05:00:00Z');
    expect(own).toContain('pilpres-2019-01');
  });
});
