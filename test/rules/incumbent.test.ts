// A candidate who holds the office and runs again (registry `incumbent`): a second term said with
// no name ("mau 2 priode") can only be theirs, so the words name their pair like a slogan.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time: string) => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

describe('incumbent', () => {
  it('gives the second-term words to the incumbent pair only', () => {
    const second = pack.registry.terms.filter((t) => t.list === 'slogans' && t.term === 'dua periode').map((t) => t.pair?.id);
    // Jokowi in 2019, and the fictional Sukamaju's sitting regent Ahmad Fauzi in 2024
    expect(second.sort()).toEqual(['pilkada-2024-3299-01', 'pilpres-2019-01']);
  });

  it('"petahana" (the one in office) is an ambiguous name of the incumbent only: with an insult it names his pair, alone or in a report nobody', () => {
    const petahana = pack.registry.terms.filter((t) => t.list === 'ambiguous' && t.term === 'petahana').map((t) => t.pair?.id);
    expect(petahana.sort()).toEqual(['pilkada-2024-3299-01', 'pilpres-2019-01']);
    const pairs = (text: string, time: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));
    expect(pairs('Petahana emg ngeles klo ditanya soal ekonomi mikro 😅', '2019-04-10T05:00:00Z')).toContain('pilpres-2019-01');
    expect(pairs('Debat kelima: calon petahana dan penantang bahas ekonomi malam ini', '2019-04-13T05:00:00Z')).toEqual([]);
    // the Pilkada's own incumbent, mocked during its campaign
    expect(pairs('Petahana emg ngeles klo ditanya soal banjir 😅', '2024-11-10T05:00:00Z')).toContain('pilkada-2024-3299-01');
    // in January 2024 no incumbent runs in an open race (Pilpres 2024 has none; Sukamaju's Pilkada
    // is not yet watched): the word names nobody
    expect(pairs('Petahana emg ngeles klo ditanya soal ekonomi mikro 😅', '2024-01-10T05:00:00Z')).toEqual([]);
  });

  it('"petahana" with the years in office counted is the incumbent, as his short name is: the call for a change then names his pair', () => {
    const found = (text: string) => evaluate(pack, post(text, '2024-11-01T05:00:00Z'), { region: '3299' }).map((f) => [f.prohibition, ...f.candidates.map((c) => c.pair)]);
    expect(found('Petahana 10 tahun cuma bangun tugu doang, jalan ke desa masih rusak. Sorry not sorry, saatnya ganti 😤')).toEqual([[3, 'pilkada-2024-3299-01']]);
    // the years counted without a verdict on them take no side
    expect(found('Petahana sudah 10 tahun menjabat, minggu depan ada pelantikan kepala dinas baru')).toEqual([]);
    // without the years the word stays ambiguous: "saatnya ganti" alone names no one
    expect(found('Petahana cuma bangun tugu doang, saatnya ganti oli motor dulu')).toEqual([]);
  });

  it('takes the second-term words from the periode-kedua lexicon, the one list rules read too', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'netral-incumbent-'));
    try {
      await fs.cp(path.resolve('rules'), dir, { recursive: true });
      const file = path.join(dir, 'lexicons', 'periode-kedua.yml');
      await fs.writeFile(file, `${await fs.readFile(file, 'utf8')}  - tiga periode\n`);
      const edited = await loadRulePack({ rulesDirs: [dir] });
      const slogans = (p: RulePack) => p.registry.terms.filter((t) => t.list === 'slogans' && t.pair?.id === 'pilpres-2019-01').map((t) => t.term);
      expect(slogans(edited)).toContain('tiga periode');
      expect(slogans(pack)).not.toContain('tiga periode');
      // a single term wished on the pair (masa-jabatan) is no name of the incumbent
      expect(slogans(edited)).not.toContain('1 periode saja');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a nameless second term as the incumbent pair during the campaign, and as nobody in a race without one', () => {
    const [f] = evaluate(pack, post('sekarang aja sudah timpang, mau 2 priode. jaman dulu adem', '2019-04-13T05:00:00Z'));
    expect(f?.candidates.map((c) => c.pair)).toEqual(['pilpres-2019-01']);
    expect(evaluate(pack, post('sekarang aja sudah timpang, mau 2 priode. jaman dulu adem', '2024-01-15T05:00:00Z'))).toEqual([]);
  });
});
