// Recall on posts and tweets, stop 46 (fixtures/eval/recall-s46.md): the pair kept in the writer's
// heart after the count keeps its finding against the result and news exceptions; the MK charge told
// through the family ("paman", "anak presiden") is an attack topic of 02; Pilkada DKI 2017's
// religion charge against Anies-Sandi is an attack topic of that pair in the eval registry.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { REPO } from '../cli/run-cli.js';

const post = (text: string, time: string) => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack({ extraRegistryPaths: [path.join(REPO, 'fixtures', 'eval', 'registry-pilkada-dki-2017.yml')] });
});

/** the stance each finding shows on a pair */
const stances = (text: string, pair: string, time: string) =>
  evaluate(pack, post(text, time)).flatMap((f) => f.candidates.filter((c) => c.pair === pair).map((c) => c.stance));

describe('loyalty after the count', () => {
  const after = '2024-02-15T05:00:00Z';
  it('keeps the pair "in the heart" against the quick-count and news exceptions', () => {
    expect(stances('Kalah di quick count bukan berarti kalah perjuangan. Abah tetap di hati 🥺', 'pilpres-2024-01', after)).toContain('support');
    expect(stances('Abah menang di hati. Quick count itu bukan hasil akhir. Tetap AMIN 🧡', 'pilpres-2024-01', after)).toContain('support');
  });
  it('keeps "still" right before the pair', () => {
    expect(stances('Kalah di quick count tapi hati tetap Abah. Terima kasih sudah mengajarkan politik gagasan', 'pilpres-2024-01', after)).toContain('support');
  });
  it('leaves a count that says "tetap" after the name to the count', () => {
    expect(evaluate(pack, post('Quick count 80 persen suara masuk: Prabowo-Gibran tetap unggul 58 persen', after))).toEqual([]);
  });
});

describe('the MK charge told through the family', () => {
  const during = '2024-01-20T05:00:00Z';
  it('"paman" and "anak presiden" beside 02 attack 02', () => {
    expect(stances('Gibran itu cawapres hasil akal-akalan pamannya di MK. Kasihan demokrasi', 'pilpres-2024-02', during)).toContain('attack');
    expect(stances('Gibran bisa jadi cawapres ya karena anak presiden', 'pilpres-2024-02', during)).toContain('attack');
  });
  it('leaves the writer\'s own uncle out, and reads the pronoun in its own sentence only', () => {
    expect(evaluate(pack, post('Gibran mampir ke warung paman saya tadi siang', during))).toEqual([]);
    expect(stances('Mahasiswa saya nanya, apa itu nepotisme. Saya jawab: Prabowo-Gibran contoh kasusnya.', 'pilpres-2024-02', during)).toContain('attack');
  });
});

describe('Pilkada DKI 2017: religion in the campaign', () => {
  const during = '2017-02-01T05:00:00Z';
  it('is an attack on Anies-Sandi beside their mention', () => {
    expect(stances('Kampanye Anies-Sandi pakai mimbar masjid, itu politisasi agama. Bahaya', 'pilkada-2017-dki-03', during)).toContain('attack');
  });
  it('names no pair on its own', () => {
    expect(evaluate(pack, post('Jangan bawa isu SARA ke grup kantor ya, bapak ibu', during))).toEqual([]);
  });
});
