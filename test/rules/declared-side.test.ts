// A matcher's declared side (rule schema `side`): what the loader accepts and rejects, and the
// stance it gives the pair a finding names — never whether the finding is made.
import { describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem, type ItemDraft } from '../../src/model/item.js';
import { RuleFileError } from '../../src/rules/yaml-file.js';
import { rejectionOf } from '../rejection.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';

const SOURCE = { captureId: 'test', path: 'test', pointer: '1' };
const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2024-01-20T10:00:00Z', source: SOURCE });
const stances = (pack: RulePack, item: ReturnType<typeof makeItem>) => evaluate(pack, item).flatMap((f) => f.candidates.map((c) => `${c.pair.slice(-2)}:${c.stance}`));

/** The test sticker rule with the near's side declared and mocking nicknames counted as the pair. */
const sided = (side: string) => stickerRule().replace('paslon: { registry: names }', 'paslon: { registry: [names, mocking] }').replace('dekat: { near: [stiker, paslon], within: 4 }', `dekat: { near: [stiker, paslon], within: 4${side} }`);
const loadError = (rule: string) => rejectionOf(loadRulePack({ rulesDirs: [rulesFolderWith(rule)] }), RuleFileError);

describe('loading a declared side', () => {
  it('accepts a side on a clause, and a sided act or clause the condition does not read', async () => {
    const rule = sided(', side: support').replace('condition: dekat', 'condition: dekat').replace('  dekat:', '  suka: { kind: [post], side: support }\n  _sisi: { near: [stiker, paslon], within: 2, side: support }\n  dekat:');
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(rule)] });
    const m = pack.rules[0]?.matchers;
    expect([m?.get('dekat')?.side, m?.get('suka')?.sideOnly, m?.get('_sisi')?.sideOnly, m?.get('dekat')?.sideOnly]).toEqual(['support', true, true, undefined]);
  });

  it('rejects an unknown side, a side in an exception (it has no pair), and an unsided matcher the condition never reads', async () => {
    // a matcher is a union of shapes: the error names the file, line and matcher
    expect((await loadError(sided(', side: maybe'))).message).toMatch(/rule\.yml:\d+:\d+: match\.dekat:/);
    const unless = sided('').replace('condition: dekat', 'condition: dekat\nunless:\n  unless_uji: { terms: [uji], reason: test, side: attack }');
    expect((await loadError(unless)).message).toMatch(/unless\.unless_uji: side is read only in match/);
    expect((await loadError(sided('').replace('  dekat:', '  _sisi: { near: [stiker, paslon], within: 2 }\n  dekat:'))).message).toMatch(/match\._sisi: not used by the condition/);
  });
});

describe('the stance a declared side shows', () => {
  it('gives the pair the clause binds the side, and changes no finding but its stance', async () => {
    const plain = await loadRulePack({ rulesDirs: [rulesFolderWith(sided(''))] });
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(sided(', side: support'))] });
    const item = post('Sudah pasang stiker Prabowo di motor');
    expect(stances(plain, item)).toEqual(['02:mention']);
    expect(stances(pack, item)).toEqual(['02:support']);
    // the same finding otherwise: rule, spans, confidence
    const [a] = evaluate(plain, item);
    const [b] = evaluate(pack, item);
    expect({ ...b, candidates: [], explanation: undefined }).toEqual({ ...a, candidates: [], explanation: undefined });
  });

  it('lets its own evidence, others\' words, negation and a prohibitive win', async () => {
    const pack = await loadRulePack({ rulesDirs: [rulesFolderWith(sided(', side: support'))] });
    // a mocking nickname is the finding's own evidence: it attacks, the declared support does not overrule it
    expect(stances(pack, post('stiker wowo dimana mana'))).toEqual(['02:attack']);
    // a prohibitive right before a declared act that is no ballot choice leaves no side (stop 43:
    // "jangan pasang stiker X" reminds of the rule); right before a declared call it turns it against the pair
    expect(stances(pack, post('jangan stiker Prabowo'))).toEqual(['02:mention']);
    const calls = await loadRulePack({ rulesDirs: [rulesFolderWith(sided(', side: support').replace('stiker: { terms: [stiker] }', 'stiker: { terms: [stiker, pilih] }'))] });
    expect(stances(calls, post('jangan pilih Prabowo'))).toEqual(['02:attack']);
    // others' words and a negation leave no side
    expect(stances(pack, post('yang bilang stiker Prabowo itu bagus'))).toEqual(['02:mention']);
    expect(stances(pack, post('tidak ada stiker Prabowo di sini'))).toEqual(['02:mention']);
    // a declared call in a question takes no side
    expect(stances(pack, post('ada stiker Prabowo?'))).toEqual(['02:mention']);
  });

  it('reads a page reaction by its type: a like or a follow supports, an angry reaction attacks, a laugh takes no side (t1)', async () => {
    const pack = await loadRulePack();
    const act = (draft: Partial<ItemDraft>) => makeItem({ platform: 'facebook', kind: 'reaction', time: '2024-01-28T12:00:00Z', target: { kind: 'post', name: 'Prabowo Subianto' }, source: SOURCE, ...draft } as ItemDraft);
    const t1 = (item: ReturnType<typeof makeItem>) => evaluate(pack, item).filter((f) => f.ruleId === 't1-suka-halaman-paslon').flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance}`));
    expect(t1(act({ reaction: 'LIKE' }))).toEqual(['pilpres-2024-02:support']);
    expect(t1(act({ reaction: 'ANGRY' }))).toEqual(['pilpres-2024-02:attack']);
    expect(t1(act({ reaction: 'HAHA' }))).toEqual(['pilpres-2024-02:mention']);
    expect(t1(act({ kind: 'follow', target: { kind: 'page', name: 'Prabowo Subianto' } }))).toEqual(['pilpres-2024-02:support']);
  });

  it('gives a clause whose part is a clause of words only its side: the direction of a record (t3-capaian-paslon)', async () => {
    const pack = await loadRulePack();
    const in2019 = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2019-02-10T05:00:00Z', source: SOURCE });
    const capaian = (text: string) => evaluate(pack, in2019(text)).filter((f) => f.ruleId === 't3-capaian-paslon').flatMap((f) => f.candidates.map((c) => `${c.pair}:${c.stance}`));
    // a good gone down under the pair attacks it; a burden gone down supports it
    expect(capaian('4 tahun sejak kepemimpinan Jokowi ekonomi daerah kami terpuruk, buruh susah cari kerja')).toEqual(['pilpres-2019-01:attack']);
    expect(capaian('Selama dipimpin Pak Jokowi harga sembako turun, warung ibu saya ramai lagi')).toEqual(['pilpres-2019-01:support']);
  });
});
