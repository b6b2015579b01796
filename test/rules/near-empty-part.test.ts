// A `near` clause with a part that has no hit is near nothing, and the parts after that one are not
// asked (evaluate.ts ownMatcherHits): most near clauses past the prefilter have such a part
// (bench/NOTES-s56-speed.md), and asking the rest was work for nothing. The answer is the same.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const asked = vi.hoisted(() => ({ marker: 0 }));
vi.mock('../../src/text/utf8-regex.js', async (original) => {
  const real = await original<typeof import('../../src/text/utf8-regex.js')>();
  return {
    ...real,
    regexSpans: (re: Parameters<typeof real.regexSpans>[0], t: Parameters<typeof real.regexSpans>[1]) => {
      if (re.source.includes('qzxq')) asked.marker++;
      return real.regexSpans(re, t);
    },
  };
});

const { loadRulePack } = await import('../../src/rules/pack.js');
const { evaluate } = await import('../../src/rules/evaluate.js');
const { makeItem } = await import('../../src/model/item.js');
const { rulesFolderWith, stickerRule } = await import('./rule-template.js');

const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-01T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });

describe('a near clause with an empty part', () => {
  let pack: Awaited<ReturnType<typeof loadRulePack>>;
  beforeAll(async () => {
    const dir = rulesFolderWith(stickerRule({ extra: 'exceptions: [uji-dekat]' }));
    // a regex has no prefilter gate (free): the near is computed whenever the exception is asked
    writeFileSync(
      path.join(dir, 'exceptions', 'uji-dekat.yml'),
      'schema: 1\nid: uji-dekat\ntitle: { id: Uji, en: Test }\nreason: test\nrules: [t7]\neffect: cancel\nmatch:\n  kata: { regex: "bonus" }\n  pola: { regex: "qzxq" }\n  dekat: { near: [kata, pola], within: 3 }\ncondition: "dekat"\n',
    );
    pack = await loadRulePack({ rulesDirs: [dir] });
  });
  const ids = (text: string) => evaluate(pack, post(text)).map((f) => f.ruleId);

  it('holds, and asks the later part, when every part has a hit', () => {
    asked.marker = 0;
    expect(ids('stiker Prabowo bonus qzxq')).toEqual([]);
    expect(asked.marker).toBeGreaterThan(0);
  });

  it('does not hold, and does not ask the later part, when an earlier part has none', () => {
    asked.marker = 0;
    expect(ids('stiker Prabowo qzxq')).toEqual(['t7-uji-stiker']);
    expect(asked.marker).toBe(0);
  });
});
