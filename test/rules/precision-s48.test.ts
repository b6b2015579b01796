// Precision on real tweets, stop 48 (fixtures/eval/precision-s48.md): the stance model alone
// (t3-sikap-model-paslon, stance_model `sentence_mentions`) reads a side only of a pair the
// writer's sentences speak of; an @handle tagged at the edge of the text names whom the post is
// sent to (evaluate.ts edgeHandle), unless the post speaks to someone ("… pak!", "kamu").
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { edgeHandle, evaluateRule, prepareItem } from '../../src/rules/evaluate.js';
import { normalise } from '../../src/text/normalise.js';
import { makeItem } from '../../src/model/item.js';
import { MatcherSpec } from '../../src/rules/schema.js';

const campaign = '2024-01-20T05:00:00Z';
const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: campaign, source: { captureId: 'test', path: 'test', pointer: '1' } });

/** whether `word`'s first occurrence in `text` is an edge handle */
const atEdge = (text: string, word: string) => {
  const n = normalise(text);
  const start = n.text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" not in "${n.text}"`);
  return edgeHandle(n, start, start + word.length);
};

describe('edgeHandle', () => {
  it('holds on a handle appended after the last sentence, with links, tags and emoji after it at most', () => {
    expect(atEdge('Terima kasih istri tercinta yang sabar. @prabowo', 'prabowo')).toBe(true);
    expect(atEdge('Terima kasih istri tercinta yang sabar @prabowo 🙏 #keluarga https://t.co/x', 'prabowo')).toBe(true);
  });
  it('holds on the leading addressees of a reply, however many', () => {
    expect(atEdge('@ganjarpranowo @KPU_ID Kami warga RT 04 tetap kompak', 'ganjarpranowo')).toBe(true);
    expect(atEdge('@KPU_ID @ganjarpranowo Kami warga RT 04 tetap kompak', 'ganjarpranowo')).toBe(true);
  });
  it('does not hold on a handle inside a sentence, nor on a name that is not a handle', () => {
    expect(atEdge('Kami tetap setia sama @ganjarpranowo, ga pernah ragu', 'ganjarpranowo')).toBe(false);
    expect(atEdge('Terima kasih istri tercinta yang sabar. Prabowo', 'prabowo')).toBe(false);
    expect(atEdge('Prabowo terima kasih istri tercinta', 'prabowo')).toBe(false);
  });
});

describe('the stance model alone and a handle at the edge (t3-sikap-model-paslon sentence_mentions)', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack();
  });
  const sikap = (text: string) => {
    const rule = pack.rules.find((r) => r.def.id === 't3-sikap-model-paslon');
    if (!rule) throw new Error('t3-sikap-model-paslon not in the pack');
    return evaluateRule(pack, rule, prepareItem(pack, post(text)));
  };

  it('reads no side when the only mention is a handle appended or leading', () => {
    expect(sikap('Komunitas suami gaji pas-pasan mengucapkan terima kasih kepada istri yang tidak pernah menuntut dibelikan tas mahal. @prabowo')).toBeUndefined();
    expect(sikap('@ganjarpranowo Kami warga RT 04 tetap kompak, gak pernah absen kerja bakti tiap minggu')).toBeUndefined();
  });
  it('reads the side of an edge handle when the post speaks to someone (an address term, a second-person pronoun)', () => {
    expect(sikap('@ganjarpranowo semangat terus pak!')?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-03']);
    expect(sikap('Semangat terus pak! @ganjarpranowo')?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-03']);
  });
  it('reads the side of the same handle inside the writer\'s sentence', () => {
    expect(sikap('Kami tetap setia sama @ganjarpranowo, ga pernah ragu sedikit pun')?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-03']);
  });
  it('the edge handle is still a mention to the model that reads every one (the flag is what changes it)', () => {
    // t3-penilaian-paslon's model cue reads edge handles: with a lexicon cue beside it, the
    // addressee is often the one judged
    const rule = pack.rules.find((r) => r.def.id === 't3-penilaian-paslon');
    const model = rule?.matchers.get('sinyal_model');
    expect(model?.model?.sentenceMentions).toBeUndefined();
    expect(pack.rules.find((r) => r.def.id === 't3-sikap-model-paslon')?.matchers.get('model')?.model?.sentenceMentions?.has('kamu')).toBe(true);
  });
});

describe('schema', () => {
  it('sentence_mentions takes only true', () => {
    const base = { stance_model: { model: 'stance-id', min_score: 0.85 } };
    expect(MatcherSpec.safeParse({ ...base, sentence_mentions: true }).success).toBe(true);
    expect(MatcherSpec.safeParse({ ...base, sentence_mentions: false }).success).toBe(false);
  });
});
