// A praise word in a clause of its own, in a post that names one pair (evaluate.ts bindLoneCues):
// the writer's verdict on that pair, unless the post is sarcastic, names several pairs, or the word
// is criticism (as often of the other side, unnamed).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

let pack: RulePack;
beforeAll(async () => {
  pack = await loadRulePack();
});

/** the stance each finding shows on a pair, by rule */
const stances = (text: string, pair: string) =>
  evaluate(pack, post(text))
    .filter((f) => String(f.prohibition) === "3")
    .map((f) => f.candidates.find((c) => c.pair === pair)?.stance);

describe('lone praise in a clause of its own', () => {
  it('counts for the one pair the post names, across a comma', () => {
    const s = stances('Ganjar kali lah, orangnya merakyat 👍🔥', 'pilpres-2024-03');
    expect(s.length).toBeGreaterThan(0);
    expect(s).toContain('support');
  });

  it('is read as sarcasm beside a smirk or an eye-roll', () => {
    const s = stances('Ganjar kali lah, orangnya merakyat 🙄🔥', 'pilpres-2024-03');
    expect(s).not.toContain('support');
  });

  it('binds to no pair when the post names two', () => {
    const s = stances('Ganjar kali lah, Anies juga, orangnya merakyat 👍🔥', 'pilpres-2024-03');
    expect(s).not.toContain('support');
  });

  it('does not reach past the end of a sentence', () => {
    const s = stances('Ganjar datang ke kampung kami hari ini. Orangnya merakyat 👍🔥', 'pilpres-2024-03');
    expect(s).not.toContain('support');
  });
});
