// Stop 44 recall: an emphatic particle after a ballot number ("01 lah", "02 dong", "tetep 03 sih"), "still" before one ("Tetap 02"),
// thanks to God over a win ("alhamdulillah menang saputeran" beside the pair's number), and the
// Pilpres 2024 watch window opened on the day of the MK age ruling (16 Oct 2023), when the last
// bakal pair's candidacy became possible.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') => makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const pairs = (text: string, time?: string) => evaluate(pack, post(text, time)).flatMap((f) => f.candidates.map((c) => c.pair));

describe('an emphatic particle after a ballot number', () => {
  it('after the zero-padded number, anywhere in the clause', () => {
    expect(pairs('01 lah pokoknye')).toContain('pilpres-2024-01');
    expect(pairs('mas ganjar kalah survei ya, sedih 😔 tetep 03 sih')).toContain('pilpres-2024-03');
  });

  it('after "nomor N" only when it closes the clause', () => {
    expect(pairs('Bubuhan, isuk pas di bilik, nomor 2 lah, sudah kita sepakati')).toContain('pilpres-2024-02');
    expect(evaluate(pack, post('kerja boleh capek, kesehatan nomor 1 lah yang penting'))).toEqual([]);
  });

  it('not after a number that is no ballot number', () => {
    expect(evaluate(pack, post('kamar 02 dong, yang dekat lift'))).toEqual([]);
  });
});

describe('"still" before a ballot number', () => {
  it('is the choice kept', () => {
    expect(pairs('Sungai bersih, KJP jalan. Tetap 02 👊')).toContain('pilpres-2024-02');
  });

  it('"tetap satu" is unity', () => {
    expect(evaluate(pack, post('Siapapun yg menang, Indonesia tetap satu 🇮🇩', '2024-02-15T05:00:00Z'))).toEqual([]);
  });
});

describe('thanks to God over a win', () => {
  it('beside the pair\'s number is the writer\'s side winning', () => {
    expect(pairs('Quick count 02 unggul 58%, alhamdulillah menang saputeran 🎉🎉', '2024-02-15T05:00:00Z')).toContain('pilpres-2024-02');
  });

  it('"whoever wins" takes no side', () => {
    expect(evaluate(pack, post('Alhamdulillah TPS aman, 02 dan 01 saksinya lengkap. Sopo wae sing menang, tetep guyub 🤝', '2024-02-15T05:00:00Z'))).toEqual([]);
  });

  it('a child winning a contest names no pair', () => {
    expect(evaluate(pack, post('Alhamdulillah anak saya menang lomba, kelas 2 juara', '2024-02-15T05:00:00Z'))).toEqual([]);
  });
});

describe('the Pilpres 2024 watch window', () => {
  const mk = 'Mahkamah Konstitusi jadi Mahkamah Keluarga. Paman Usman, ponakan Gibran. Literally nepotism speedrun';
  it('opens on the day of the MK age ruling (16 Oct 2023)', () => {
    expect(pairs(mk, '2023-10-17T01:00:00Z')).toContain('pilpres-2024-02');
  });

  it('is closed before it', () => {
    expect(evaluate(pack, post(mk, '2023-10-10T01:00:00Z'))).toEqual([]);
  });
});
