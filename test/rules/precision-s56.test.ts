// Fewer false accusations, stop 56 (issue 11, fixtures/eval/precision-s56.md):
// - who a name belongs to: someone of the writer's circle named with a first-person possessor
//   ("murid saya …", "… teman SMA saya"), a kin word one of them owns ("anak tetangga"), a stall
//   named after its owner ("Bakso Pak …", "Toko Roti … Jaya"), and the regional words for "its name"
//   ("namina", "jenenge");
// - names joined by a regional "and" or with an honorific before the next are one list, and its
//   verdict is said of every name ("Pak Anies karo Pak Prabowo padha tegas");
// - what a number counts: a message about a match or its standings and not about the election
//   ranks places and shirts ("Persib juara, Persija mah nomor 2 wae").
// Every text and every name is invented or a candidate's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import type { Finding } from '../../src/model/finding.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { groupListedMentions, type StanceHit } from '../../src/rules/stance.js';

/** a civil servant's post during the Pilpres 2024 campaign */
function post(text: string): Item {
  return makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T05:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
}

/** a post of a civil servant of the invented Kabupaten Sukamaju (3299) during its Pilbup campaign */
function sukamajuPost(text: string): Item {
  return makeItem({ platform: 'facebook', kind: 'post', text, time: '2024-11-10T05:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
}
const SUKAMAJU = { region: '3299' };

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

const pairs = (findings: Finding[]) => findings.flatMap((f) => f.candidates.map((c) => c.pair));

describe('a name the writer places in their own circle', () => {
  it('reads a pupil, a friend or a doctor named with the writer’s possessor as a namesake', () => {
    expect(evaluate(pack, sukamajuPost('Murid saya Budi Hartono juara 1 olimpiade fisika tingkat provinsi! Bangga 🥇'), SUKAMAJU)).toEqual([]);
    expect(evaluate(pack, sukamajuPost('Foto bareng Budi Hartono, dokter kandungan kami yang baru pindah 👩‍⚕️'), SUKAMAJU)).toEqual([]);
    expect(evaluate(pack, post('Anies teman SMA saya baru wisuda S2. Selamat Anies, bangga 🎓'))).toEqual([]);
  });

  it('reads a kin word a neighbour owns as the writer’s circle too', () => {
    expect(evaluate(pack, post('Si Gibran anak tetangga, umur 4 tahun, pintar joget 😂'))).toEqual([]);
  });

  it('reads the regional words for "its name" as naming words', () => {
    expect(evaluate(pack, post('Lucu temenan, tukang parkir ning ngarep kantor jenenge Prabowo 😂'))).toEqual([]);
    expect(evaluate(pack, sukamajuPost('Murid kelas 4 namina Budi Hartono, bageur pisan budakna 😍'), SUKAMAJU)).toEqual([]);
  });

  it('keeps the candidate where a friend only speaks after the name, or the circle is not the writer’s', () => {
    expect(pairs(evaluate(pack, post('Anies, temen gue bilang programnya paling bagus, coblos 1')))).toContain('pilpres-2024-01');
    expect(pairs(evaluate(pack, post('Ganjar sahabat wong cilik, pemimpin sing merakyat 👍')))).toContain('pilpres-2024-03');
  });
});

describe('a stall named after its owner', () => {
  it('reads the name after the stall’s trade as the owner’s', () => {
    expect(evaluate(pack, post('Bakso Pak Anies di depan kantor tutup seminggu, pada nanyain 😭 cepet buka lagi pak'))).toEqual([]);
    expect(evaluate(pack, post('Toko Roti Ganjar Jaya promo roti sobek, enak banget 😍'))).toEqual([]);
  });

  it('keeps the candidate named beside a dish that is no stall’s name, or after the Makassarese particle "mi"', () => {
    expect(pairs(evaluate(pack, post('Makan bakso bareng Prabowo, mantap 02')))).toContain('pilpres-2024-02');
    const afterResult = makeItem({ platform: 'facebook', kind: 'post', text: 'Alhamdulillah resmi mi Pak Prabowo menang. Pesta di rumah ces, potong kambing! 🐐🎉', time: '2024-03-21T14:00:00Z', source: { captureId: 'c', path: 'p', pointer: '/0' } });
    expect(pairs(evaluate(pack, afterResult))).toContain('pilpres-2024-02');
  });
});

const OFFICE_GROUP = 'Staf Kecamatan Cibeber';

/** a message in the subject's office WhatsApp group during the Pilpres 2024 campaign */
function officeMessage(text: string): Item {
  return makeItem({ platform: 'whatsapp', kind: 'message', text, time: '2024-01-20T05:00:00Z', context: { kind: 'group', name: OFFICE_GROUP }, source: { captureId: 'c', path: 'p', pointer: '/0' } });
}

describe('names joined as one list', () => {
  const groupsOf = (text: string, names: string[]) => {
    const m: StanceHit[] = names.map((n, i) => ({ field: 'text', index: 0, start: text.indexOf(n), end: text.indexOf(n) + n.length, pair: String(i) }));
    groupListedMentions(m, () => text, new Set(['pak', 'bu', 'mbak']));
    return new Set(m.map((x) => x.group)).size;
  };

  it('joins names by the regional "and" and across the next name’s honorific', () => {
    expect(groupsOf('pak luthfi karo pak andika padha tegas', ['luthfi', 'andika'])).toBe(1);
    expect(groupsOf('bu khofifah, bu risma, mbak luluk kabeh pinter', ['khofifah', 'risma', 'luluk'])).toBe(1);
    expect(groupsOf('hendi jeung yasin', ['hendi', 'yasin'])).toBe(1);
  });

  it('keeps names apart where a word other than an honorific stands between', () => {
    expect(groupsOf('anies kalah karo prabowo', ['anies', 'prabowo'])).toBe(2);
    expect(groupsOf('anies, pilih prabowo', ['anies', 'prabowo'])).toBe(2);
  });

  it('makes no finding where one verdict is said of both pairs in the office chat', () => {
    expect(evaluate(pack, officeMessage('Nonton debat capres nang omah. Pak Anies karo Pak Prabowo padha tegas, loro-lorone pinter 😂'), { workplaceGroups: [OFFICE_GROUP] })).toEqual([]);
  });
});

describe('a number in a message about a match', () => {
  it('counts a place or a shirt, not a ballot', () => {
    expect(evaluate(pack, post('Wah mantap nomor 3, ayo kejar nomor 1! Latihan Sabtu sore'))).toEqual([]);
    expect(evaluate(pack, post('Gas nobar! Persib juara, Persija mah nomor 2 wae 😂'))).toEqual([]);
    expect(evaluate(pack, post('Mantap ganda campuran! Nomor 2 memang paling stabil'))).toEqual([]);
  });

  it('keeps a ballot number beside a word of the election, and one written the KPU’s way', () => {
    expect(pairs(evaluate(pack, post('Nomor 3 juara di hati, ayo coblos!')))).toContain('pilpres-2024-03');
    expect(pairs(evaluate(pack, post('02 juara!! lanjutkan')))).toContain('pilpres-2024-02');
  });

  it('keeps a number whose own clause calls it the champion', () => {
    expect(pairs(evaluate(pack, officeMessage('Kang Asep, kaos na kade kaanggo ka kantor 😂 tapi leres, nomer hiji mah juara, hayu sakantor kompak'), { workplaceGroups: [OFFICE_GROUP] }))).toContain('pilpres-2024-01');
  });
});
