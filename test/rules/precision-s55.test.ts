// Fewer false accusations, stop 55 (issue 11, fixtures/eval/precision-s55.md):
// - a far race's one-word name found inside an everyday hashtag ("#PilkadaDamai" holds "Adam") names
//   no one, as the same name in the text does not (termInScope);
// - a name the writer says is not the candidate's ("Nama saya Bowo, bukan Prabowo", "… itu nama
//   satpam kantor kami, bukan calon gubernur") is a namesake (namesake-denial.ts);
// - a writer who has not made up their mind ("aku durung mantep", "mbuh lah milih sing endi") takes
//   no side (pemilih-bimbang).
// Every text and every name is invented.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { namesakeDenied } from '../../src/rules/namesake-denial.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { normalise } from '../../src/text/normalise.js';
import { kpuSample } from './kpu-sample.js';

/** the subject's city: Kota Mataram, inside the sample's own governor race (52) */
const MATARAM = '5271';

describe('a far race’s one-word name inside a hashtag', () => {
  const sample = kpuSample('far-tag-names');

  it('names no far candidate: "#PilkadaDamai" holds "adam", "#weddingsasak" a clipped "dding"', () => {
    expect(sample.findings('Sudah nyoblos dua surat suara 💜 #PilkadaDamai', MATARAM)).toEqual([]);
    expect(sample.findings('Sahabat tiang nikah hari ini, barakallah 💍 #weddingsasak', MATARAM)).toEqual([]);
  });

  it('still reads the subject’s own candidates in a tag, and a far pair named in full', () => {
    expect(sample.pairsOf('Bismillah, 27 November kita menangkan! #ZulkarnainMenang', MATARAM)).toContain('pilkada-2024-52-01');
    expect(sample.pairsOf('Adam Suradi pasti menang, ayo coblos! #AdamMenang', MATARAM)).toContain('pilkada-2024-14-01');
  });
});

/** a civil servant's post during the Pilpres 2024 campaign */
function post(text: string): Item {
  return makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
}

const OFFICE_GROUP = 'Staf Kecamatan Cibeber';

/** a message in the subject's office WhatsApp group during the same campaign */
function officeMessage(text: string): Item {
  return makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-01-20T05:00:00Z', context: { kind: 'group', name: OFFICE_GROUP }, source: { captureId: 'c', path: 'p', pointer: '/0' } });
}

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

const pairs = (findings: Finding[]) => findings.flatMap((f) => f.candidates.map((c) => c.pair));
const OFFICE = { workplaceGroups: [OFFICE_GROUP] };

describe('a name the writer says is not the candidate’s', () => {
  const denied = (text: string, name: string) => {
    const norm = normalise(text);
    const at = norm.text.indexOf(name);
    return namesakeDenied(norm, at, at + name.length);
  };

  it('reads both mentions of a name said plainly and then denied as the namesake’s', () => {
    expect(denied('Nama saya Bowo, bukan Prabowo ya', 'bowo')).toBe(true);
    expect(denied('Nama saya Bowo, bukan Prabowo ya', 'prabowo')).toBe(true);
    expect(denied('Pak Anies tukang sayur langganan ibu, dudu Mas Anies capres 😂', 'anies')).toBe(true);
  });

  it('reads a name whose own sentence closes by denying the candidacy as the namesake’s', () => {
    expect(denied('Ganjar itu nama kucing tetangga, bukan capres 😂', 'ganjar')).toBe(true);
  });

  it('keeps a name denied without being said before, and a candidacy denial the clause goes on from', () => {
    expect(denied('Asal bukan Prabowo, yang lain boleh', 'prabowo')).toBe(false);
    expect(denied('Pilih Anies, bukan Prabowo!', 'anies')).toBe(false);
    expect(denied('Gibran bukan cawapres yang layak, masih bau kencur', 'gibran')).toBe(false);
    expect(denied('Ganjar itu capres terbaik. Bukan capres boneka', 'ganjar')).toBe(false);
    // the same person then and now is the candidate, changed
    expect(denied('Jokowi sekarang bukan Jokowi yang dulu, sudah lupa rakyat', 'jokowi')).toBe(false);
    expect(denied('Prabowo saiki dudu Prabowo sing biyen', 'prabowo')).toBe(false);
    // a camp's slogan tag denies nothing of the writer's own
    expect(denied('Gibran nanya singkatan lagi, kosong. #AsalBukanGibran', 'gibran')).toBe(false);
  });

  it('makes no finding on the namesakes’ posts', () => {
    expect(evaluate(pack, post('Piket damkar 24 jam. Nama saya Bowo, bukan Prabowo, jangan mention saya soal pilpres ya 😂'))).toEqual([]);
    expect(evaluate(pack, post('Anies itu nama kucing tetangga, bukan capres 😂 lucu banget kalau dipanggil'))).toEqual([]);
  });

  it('keeps the finding of a post that sets one pair against another', () => {
    expect(pairs(evaluate(pack, post('Pilih Anies, bukan Prabowo! Perubahan harus menang 💪')))).toContain('pilpres-2024-01');
  });
});

describe('a writer who has not made up their mind', () => {
  it('makes no finding in the office chat', () => {
    expect(evaluate(pack, officeMessage('Aku durung mantep, Anies apa Ganjar, isih ragu. Prabowo wis akeh sing milih jare'), OFFICE)).toEqual([]);
    expect(evaluate(pack, officeMessage('Anies wis pengalaman, Ganjar kalem, Prabowo tegas. Mbuh lah milih sing endi'), OFFICE)).toEqual([]);
  });

  it('keeps the finding when a contrast settles the doubt', () => {
    expect(pairs(evaluate(pack, officeMessage('Aku durung mantep, tapi sing pasti Ganjar paling apik, coblos 3 wae'), OFFICE))).toContain('pilpres-2024-03');
  });
});
