// A chat names its candidates: a short, ambiguous name ("Kang Budi") in a message of a chat whose
// earlier messages named that candidate's pair firmly is that candidate, and the finding quotes
// the message it was read from. Read with the real rule pack.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, type Item } from '../../src/model/item.js';
import { evaluate, type ThreadMessage } from '../../src/rules/evaluate.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

const OFFICE = { kind: 'group' as const, name: 'Staf Bapenda Sukamaju' };
let n = 0;
function message(text: string, time: string, actor = 'Dadan'): Item {
  n++;
  return makeItem({ platform: 'whatsapp', kind: 'message', text, time, actor: { name: actor }, context: OFFICE, source: { captureId: 'test', path: 'chat.txt', pointer: `line:${n}` } });
}
const chat = (...items: Item[]): ThreadMessage[] => items.map((item) => ({ item, via: 'chat' as const }));

describe('short names named by the chat', () => {
  const victory = () => message('Alhamdulillah Kang Budi meunang! Engké siang urang syukuran di kantin 🎉', '2024-11-28T00:30:00Z');

  it('alone, a short name with a victory is nobody in particular', () => {
    expect(evaluate(pack, victory(), { region: '3299' })).toEqual([]);
  });

  it('after the chat named the pair weeks before, the short name is that candidate, and the finding quotes that message', () => {
    const earlier = message('Stiker Budi-Dewi tos ditempel dina motor abdi, mani kasép 😎', '2024-10-12T01:05:00Z', 'Ujang');
    const findings = evaluate(pack, victory(), { region: '3299', thread: chat(earlier) });
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.candidates.map((c) => c.pair)).toEqual(['pilkada-2024-3299-02']);
      expect(f.explanation.en).toContain('named by an earlier message of this chat (Ujang');
      expect(f.explanation.id).toContain('Stiker Budi-Dewi tos ditempel');
    }
  });

  it('a chat that named another pair does not make the short name a candidate', () => {
    const earlier = message('Yusuf Maulana mah ngan saukur omong kosong, ulah dipilih!', '2024-10-15T13:15:00Z');
    expect(evaluate(pack, victory(), { region: '3299', thread: chat(earlier) })).toEqual([]);
  });

  it('a short name that is part of a full name the message writes stays one mention (the finding does not change)', () => {
    const item = message('Dunsanak, Pak Yusuf Maulana tu urang awak. Nomor 3 lah kito 🙏', '2024-11-05T03:00:00Z');
    const earlier = message('Info KPU: 1 Ahmad Fauzi–Siti Rahmawati, 2 Budi Hartono–Dewi Lestari, 3 Yusuf Maulana–Ratna Sari', '2024-09-23T00:30:00Z');
    const alone = evaluate(pack, item, { region: '3299' });
    const withChat = evaluate(pack, item, { region: '3299', thread: chat(earlier) });
    expect(alone.length).toBeGreaterThan(0);
    expect(withChat.map((f) => [f.ruleId, f.candidates.map((c) => c.pair)])).toEqual(alone.map((f) => [f.ruleId, f.candidates.map((c) => c.pair)]));
    expect(withChat.every((f) => !f.explanation.en.includes('earlier message of this chat'))).toBe(true);
  });
});
