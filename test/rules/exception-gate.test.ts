// Exceptions are gated like rules (evaluate.ts exceptionHolds): a matcher whose prefilter gate is
// closed on the item is false without being computed. An exception that must hold is never skipped:
// one read through a registry list no rule gate names, one that holds through `not` of a closed
// matcher, one through a terms matcher (free: exceptions own no slot), one through `near`.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';

const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-01T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });

const exception = (id: string, match: string, condition: string) =>
  `schema: 1\nid: ${id}\ntitle: { id: Uji, en: Test }\nreason: test\nrules: [t7]\neffect: cancel\nmatch:\n${match}\ncondition: "${condition}"\n`;

describe('exceptions gated like rules', () => {
  let pack: RulePack;
  beforeAll(async () => {
    const dir = rulesFolderWith(stickerRule({ extra: 'exceptions: [uji-ejek, uji-tanpa-ejek, uji-gratis, uji-gratis-ejek, uji-imbang]' }));
    const ex = path.join(dir, 'exceptions');
    // 'mocking': no gate of the one rule names it, so only the exceptions' own gates give it a bit
    writeFileSync(path.join(ex, 'uji-ejek.yml'), exception('uji-ejek', '  ejek: { registry: mocking }\n  kata: { terms: [lucu] }', 'ejek and kata'));
    writeFileSync(path.join(ex, 'uji-tanpa-ejek.yml'), exception('uji-tanpa-ejek', '  ejek: { registry: mocking }\n  kata: { terms: [dijual] }', 'kata and not ejek'));
    writeFileSync(path.join(ex, 'uji-gratis.yml'), exception('uji-gratis', '  kata: { terms: [gratis] }', 'kata'));
    writeFileSync(
      path.join(ex, 'uji-gratis-ejek.yml'),
      exception('uji-gratis-ejek', '  kata: { terms: [bonus] }\n  ejek: { registry: mocking }\n  dekat: { near: [kata, ejek], within: 3 }', 'dekat'),
    );
    // 'balanced' is read only where some election has min_pairs pairs named (pairStanceHits' early exit)
    writeFileSync(
      path.join(ex, 'uji-imbang.yml'),
      exception(
        'uji-imbang',
        '  imbang:\n    pair_stance: balanced\n    min_pairs: 2\n    alike: [none, support]\n    mentions: [names]\n    cues:\n      - { stance: support, lexicon: opini-pujian, within: 6 }',
        'imbang',
      ),
    );
    pack = await loadRulePack({ rulesDirs: [dir] });
  });
  const ids = (text: string) => evaluate(pack, post(text)).map((f) => f.ruleId);

  it('the rule holds where no exception does', () => {
    expect(ids('stiker Prabowo di mobil')).toEqual(['t7-uji-stiker']);
    // the exceptions' words alone, without what they need beside them, undo nothing
    expect(ids('stiker Prabowo lucu')).toEqual(['t7-uji-stiker']);
    expect(ids('stiker Prabowo bonus')).toEqual(['t7-uji-stiker']);
    // (a mocking name of the same pair: one pair named, so the balanced one does not hold either)
    expect(ids('stiker Prabowo dijual wowo')).toEqual(['t7-uji-stiker']);
  });

  it('an exception read through a registry list no rule names holds', () => {
    expect(ids('stiker Prabowo lucu gabener')).toEqual([]);
  });

  it('an exception that holds through `not` of a closed matcher holds', () => {
    expect(ids('stiker Prabowo dijual')).toEqual([]);
  });

  it('an exception of a terms matcher (no slot) holds', () => {
    expect(ids('stiker Prabowo gratis')).toEqual([]);
  });

  it('an exception of a near over a registry list holds', () => {
    expect(ids('stiker Prabowo bonus gabener')).toEqual([]);
  });

  it('a balanced pair_stance holds with min_pairs pairs of one election named, not with fewer', () => {
    expect(ids('stiker Prabowo dan Anies')).toEqual([]);
    expect(ids('stiker Prabowo dan stiker Prabowo lagi')).toEqual(['t7-uji-stiker']);
  });

  it('gives every exception matcher a gate, closing no matcher whose truth needs no term', () => {
    for (const ex of pack.exceptions) {
      for (const [name, m] of ex.matchers) {
        const g = ex.gate.get(name);
        expect(g, `${ex.def.id}.${name}`).toBeDefined();
        if (m.type === 'terms' || m.type === 'after_vote' || m.type === 'regex' || m.type === 'kind') expect(g?.type, `${ex.def.id}.${name}`).toBe('free');
        expect(JSON.stringify(g), `${ex.def.id}.${name}`).not.toContain('"slot"');
      }
    }
  });
});
