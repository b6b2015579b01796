// A chat whose name says nothing is read as a workplace group from what its members talk about.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { ChatWorkplace } from '../../src/pipeline/chat-workplace.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

let n = 0;
const msg = (chat: string, sender: string, text: string): Item =>
  makeItem({ platform: 'whatsapp', kind: 'message', text, time: `2024-11-10T0${Math.min(9, n++ % 10)}:00:00Z`, actor: { name: sender }, context: { kind: 'chat', name: chat }, source: { captureId: 'test', path: 'chat.txt', pointer: `/${n}` } });

/** the chat's messages read in order, then the last one evaluated as a scan would */
function read(chat: string, lines: Array<[string, string]>): { findings: ReturnType<typeof evaluate>; reading: ReturnType<ChatWorkplace['readingFor']> } {
  const workplace = new ChatWorkplace(pack.workplaceCues);
  let last: Item | undefined;
  for (const [sender, text] of lines) {
    last = msg(chat, sender, text);
    workplace.observe(last);
  }
  const reading = workplace.readingFor(last as Item);
  return { reading, findings: evaluate(pack, last as Item, { region: '3299', ...(reading ? { workplaceChat: reading } : {}) }) };
}

const office: Array<[string, string]> = [
  ['Bu Rina', 'Assalamualaikum, apel pagi jam 07.30, mohon semua hadir'],
  ['Pak Dodi', 'Siap bu'],
  ['Pak Dodi', 'Laporan SPJ bulan Oktober sudah saya kirim ke pak kabid'],
];
const partisan: [string, string] = ['Mas Yoga', 'Budi-Dewi paling pantas jadi bupati, programnya jelas 👍'];

describe('a workplace group read from its messages', () => {
  it('roll call and reports from two members make a nameless group an office: a partisan message there is 6, and the finding says why', () => {
    const { reading, findings } = read('Grup Ceria 2024', [...office, partisan]);
    expect(reading?.cues).toEqual(['apel pagi', 'laporan']);
    expect(findings.map((f) => f.prohibition)).toEqual([6]);
    expect(findings[0]?.explanation.en).toContain('read as a workplace group from its messages');
    expect(findings[0]?.explanation.en).toContain('“apel pagi”');
  });

  it('a group whose name names the office does not claim to be read from its messages, though they are office talk too', () => {
    const { reading, findings } = read('Staf Dinas Pendidikan Sukamaju', [...office, partisan]);
    expect(reading).toBeDefined();
    expect(findings.map((f) => f.prohibition)).toEqual([6]);
    expect(findings[0]?.explanation.en).not.toContain('read as a workplace group');
    expect(findings[0]?.explanation.en).not.toContain('names no office');
  });

  it('one member talking about work is not enough, nor is a chat without work talk', () => {
    const alone = read('Grup Ceria 2024', [['Bu Rina', 'Apel pagi jam 07.30'], ['Bu Rina', 'Laporan SPJ ditunggu'], partisan]);
    expect(alone.reading).toBeUndefined();
    expect(alone.findings.map((f) => f.prohibition)).toEqual([3]);
    const family = read('Grup Ceria 2024', [['Mama', 'Nanti malam makan di rumah nenek ya'], ['Dek Sari', 'Siap ma, aku bawa kue'], partisan]);
    expect(family.reading).toBeUndefined();
    expect(family.findings.map((f) => f.prohibition)).toEqual([3]);
  });

  it('a family or alumni name wins over the work talk', () => {
    const { reading, findings } = read('Alumni SMAN 1 Sukamaju Angkatan 98', [...office, partisan]);
    expect(reading).toBeDefined();
    expect(findings.map((f) => f.prohibition)).toEqual([3]);
  });

  it('the reading rests on the messages before and the message itself, in order', () => {
    const { reading } = read('Grup Ceria 2024', [partisan, ...office]);
    expect(reading?.cueMessages).toBe(2);
    expect(reading?.messages).toBe(4);
  });
});
