// The chat-reply readings' shortcuts (stop 54, bench/NOTES-s54-speed.md) answer as the full
// readings do: the clean gate asked for a sender's earlier message read in the answer's place
// (ownActCarriedOn, certainlyQuiet) lets no ambiguous short form through, which a chat's earlier
// message may confirm; every message the gate lets through there is read in full as well
// (NETRAL_CLEAN_GATE_CHECK=1, set before the engine loads) and must give nothing; a display name's
// words are normalise's.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RulePack } from '../../src/rules/pack.js';
import type { Item } from '../../src/model/item.js';
import type { Finding } from '../../src/model/finding.js';

process.env.NETRAL_CLEAN_GATE_CHECK = '1';
const { loadRulePack } = await import('../../src/rules/pack.js');
const { certainlyClean, evaluate } = await import('../../src/rules/evaluate.js');
const { fieldTexts } = await import('../../src/model/field-texts.js');
const { activityTime, makeItem } = await import('../../src/model/item.js');
const { DEFAULT_LIMITS } = await import('../../src/limits.js');
const { ChatContext } = await import('../../src/pipeline/chat-context.js');
const { nameWords } = await import('../../src/text/name-words.js');
const { normalise } = await import('../../src/text/normalise.js');
const { wordsOf } = await import('../../src/text/words.js');

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
}, 120_000);

const message = (who: string, time: string, text: string, pointer: number): Item =>
  makeItem({ platform: 'whatsapp', kind: 'message', actor: { name: who }, text, time, hashtags: [], mentions: [], media: [], source: { captureId: 'c', path: 'WhatsApp Chat - Staf Umum.txt', pointer: `/${pointer}` } });

/** Every message read with the thread `netral scan` gives it (ChatContext), in order. */
function readChat(lines: Array<[string, string, string]>, region: string): Array<{ item: Item; findings: Finding[] }> {
  const chat = new ChatContext();
  return lines.map(([who, time, text], i) => {
    const item = message(who, time, text, i);
    const findings = evaluate(pack, item, { region, thread: chat.threadFor(item) });
    chat.remember(item);
    return { item, findings };
  });
}

describe('chat-reply shortcuts', () => {
  it('lets no ambiguous short form through in a chat, which the chat may confirm', () => {
    // "sari" is an ambiguous short form of Ratna Sari (Pilkada Sukamaju 2024, pair 3, region 3299)
    for (const text of ['Beli sari roti buat sarapan anak-anak sebelum berangkat', 'Minum jus sari buah dingin setelah senam pagi']) {
      const item = message('Wahyu', '2024-11-01T05:00:00Z', text, 0);
      const gate = (inChat: boolean) => certainlyClean(pack, item.kind, fieldTexts(item), activityTime(item), '3299', DEFAULT_LIMITS.textWindow, false, inChat);
      expect(gate(false), text).toBe(true);
      expect(gate(true), text).toBe(false);
    }
    // without an ambiguous form the flag changes nothing
    const plain = message('Wahyu', '2024-11-01T05:00:00Z', 'Selamat pagi semua, rapat jam 9 di aula', 0);
    expect(certainlyClean(pack, plain.kind, fieldTexts(plain), activityTime(plain), '3299', DEFAULT_LIMITS.textWindow, false, true)).toBe(true);
  });

  it('still carries a sender\'s act on past everyday messages of the same sender (every gated message read in full too)', () => {
    const results = readChat(
      [
        ['Wahyu', '2024-10-21T01:40:00Z', 'Selamat pagi bapak ibu, apel jam 8 ya'],
        ['Wahyu', '2024-10-21T01:45:00Z', 'Jangan lupa absen finger sebelum masuk ruangan'],
        ['Wahyu', '2024-10-21T01:50:00Z', 'Bapak ibu, fotokopi KTP tulung dikumpulna ning aku paling lambat Jumat, kanggo data relawan Budi-Dewi'],
        ['Tutik', '2024-10-21T01:55:00Z', 'Fotokopi KTPnya 1 lembar aja mas?'],
        ['Wahyu', '2024-10-21T01:57:00Z', 'Siji bae cukup mbak, sekalian KK ne'],
        ['Wahyu', '2024-10-21T02:00:00Z', 'Rapat evaluasi jam 10 di aula lantai 2'],
        ['Tutik', '2024-10-21T02:02:00Z', 'Siap mas, bahan sudah saya siapkan'],
        ['Wahyu', '2024-10-21T02:04:00Z', 'Oke mbak, sekalian bawa laptop ya'],
      ],
      '3299',
    );
    const flagged = results.map((r) => r.findings.length > 0);
    // the act, and the answer that carries it on; not the everyday messages around them
    expect(flagged).toEqual([false, false, true, false, true, false, false, false]);
    expect(results[4]?.findings.every((f) => f.candidates.length > 0)).toBe(true);
  });

  it('gives a display name\'s words as normalise does, made once', () => {
    for (const name of ['Mbak Endah Promkes', 'Pak Kadis Fathurrahman', 'Bu Nurhayati 🌸', 'Kang Asep (Promkes)', 'Ke Sahar', '', 'Dr. H. Budi S.Pd.', 'KAK ROS ✌️']) {
      expect(nameWords(name), name).toEqual(wordsOf(normalise(name).text).map((w) => w.word));
      expect(nameWords(name)).toBe(nameWords(name));
    }
  });
});
