// The learned stance scorer: the same features in training and scoring, loaded from rules/models
// like a lexicon, validated at load, and never scoring a text without a candidate mention.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { featureText, forEachFeature, hashFeatureName, maskText, StanceModel, type StanceModelFile } from '../../src/rules/stance-model.js';
import { RuleFileError } from '../../src/rules/yaml-file.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';
import { rejectionOf } from '../rejection.js';

const post = (text: string, time = '2024-01-20T05:00:00Z') =>
  makeItem({ platform: 'x', kind: 'post', text, time, source: { captureId: 'test', path: 'test', pointer: '1' } });

const tinyModel = (weights: Record<string, number>, bias = -1): StanceModelFile => ({
  schema: 1,
  id: 'uji',
  type: 'logistic-ngrams',
  word_ngrams: [1, 2],
  char_ngrams: [3, 5],
  bias,
  threshold: 0.6,
  weights,
});

/** A rule using the stance model, in a rules folder that holds `model` as models/uji.json. */
function folderWithModel(model: string, score = 'min_score: 0.6'): string {
  const rule = stickerRule()
    .replace(/match:[\s\S]*condition: dekat/, `match:\n  sikap: { stance_model: { model: uji, ${score} } }\ncondition: sikap`)
    .replace(/Stiker \{\{matched\.dekat\}\}/, 'Skor {{score.sikap}}')
    .replace(/Sticker \{\{matched\.dekat\}\}/, 'Score {{score.sikap}}');
  const dir = rulesFolderWith(rule);
  mkdirSync(path.join(dir, 'models'));
  writeFileSync(path.join(dir, 'models', 'uji.json'), model);
  return dir;
}

describe('masking and features', () => {
  it('masks mentions, drops URLs and keeps one "!" per run', () => {
    const text = 'ayo coblos prabowo!!! https://t.co/x mantap';
    const m = maskText(text, [{ start: 11, end: 18 }]);
    expect(m.text).toBe('ayo coblos § ! mantap');
    expect(text.slice(m.from[4] as number, (m.from[9] as number) + 1)).toBe('coblos');
  });

  it('hashes a feature in place exactly as its name in the model file', () => {
    const m = maskText('pilih prabowo sekarang', [{ start: 6, end: 13 }]);
    const names: string[] = [];
    forEachFeature(m, [1, 2], [3, 5], (kind, start, end) => names.push(featureText(m, kind, start, end)));
    expect(names).toEqual(expect.arrayContaining(['w:pilih §', 'c: pi', 'c:ang ']));
    // each feature named in a model is found again when scoring the same text
    for (const name of ['w:pilih §', 'c: pi', 'c:ang ']) {
      const model = new StanceModel(tinyModel({ [name]: 200 }, -5));
      expect(model.score(m).score, name).toBeGreaterThan(0.99);
    }
    expect(hashFeatureName('w:pilih §')).not.toBe(hashFeatureName('c:pilih §'));
  });

  it('masks digits, so a date or count is one feature whatever its value', () => {
    const a = maskText('prabowo menang 58 persen 14/2', [{ start: 0, end: 7 }]);
    const b = maskText('prabowo menang 42 persen 17/4', [{ start: 0, end: 7 }]);
    expect(a.text).toBe('§ menang 00 persen 00 0');
    expect(b.text).toBe(a.text);
  });

  it('counts word n-grams only near a mention when the model sets a window, the same in training and scoring', () => {
    const text = 'rapat dinas pagi ini lancar semua hadir lalu sore pilih prabowo';
    const m = maskText(text, [{ start: text.indexOf('prabowo'), end: text.length }]);
    const names: string[] = [];
    forEachFeature(m, [1, 2], [0, 0], (kind, start, end) => names.push(featureText(m, kind, start, end)), 2);
    // a bigram counts when either of its words is near ("lalu sore" ends two words from the mention)
    expect(names).toEqual(['w:lalu sore', 'w:sore', 'w:sore pilih', 'w:pilih', 'w:pilih §', 'w:§']);
    // a far word weighs nothing; a near one counts
    const far = new StanceModel({ ...tinyModel({ 'w:rapat': 200 }, -5), char_ngrams: [0, 0], window: 2 });
    const near = new StanceModel({ ...tinyModel({ 'w:pilih': 200 }, -5), char_ngrams: [0, 0], window: 2 });
    expect(far.score(m).score).toBeLessThan(0.01);
    expect(near.score(m).score).toBeGreaterThan(0.99);
  });

  it('counts a word with a clitic as its host word too, the same in training and scoring', () => {
    const text = 'pokoknya dukunganku buat prabowo kamu';
    const m = maskText(text, [{ start: text.indexOf('prabowo'), end: text.indexOf('prabowo') + 7 }]);
    const names: string[] = [];
    forEachFeature(m, [1, 1], [0, 0], (kind, start, end) => names.push(featureText(m, kind, start, end)), undefined, true);
    // "kamu" keeps its "mu": a host of two letters is no word of its own
    expect(names).toEqual(['w:pokoknya', 'w:pokok', 'w:dukunganku', 'w:dukungan', 'w:buat', 'w:§', 'w:kamu']);
    const plain: string[] = [];
    forEachFeature(m, [1, 1], [0, 0], (kind, start, end) => plain.push(featureText(m, kind, start, end)));
    expect(plain).not.toContain('w:pokok');
    // a weight learnt on the bare word scores the clitic form only in a model that says so
    const file = { ...tinyModel({ 'w:pokok': 200 }, -5), char_ngrams: [0, 0] as [number, number] };
    expect(new StanceModel({ ...file, clitic_hosts: true }).score(m).score).toBeGreaterThan(0.99);
    expect(new StanceModel(file).score(m).score).toBeLessThan(0.01);
    const { top } = new StanceModel({ ...file, clitic_hosts: true }).score(m);
    expect(top.map((t) => m.text.slice(t.start, t.end))).toEqual(['pokok']);
  });

  it('counts character n-grams only inside words near a mention with char_scope word, and shows the word they pushed', () => {
    const text = 'jokowi pilihanku nanti saja ya kalian semua tahu alasannya';
    const m = maskText(text, [{ start: 0, end: 6 }]);
    const names: string[] = [];
    forEachFeature(m, [1, 1], [3, 4], (kind, start, end) => names.push(featureText(m, kind, start, end)), 2, false, 'word');
    const chars = names.filter((n) => n.startsWith('c:'));
    // padded by the word's own spaces, never across two words, never in the mask or far words
    expect(chars).toEqual(expect.arrayContaining(['c: pil', 'c:nku ', 'c:ant', 'c: na']));
    expect(chars.some((n) => n.slice(2).trim().includes(' '))).toBe(false);
    expect(chars.some((n) => n.includes('§') || n.includes('alas'))).toBe(false);
    const file = { ...tinyModel({ 'c:nku ': 200 }, -5), char_ngrams: [3, 4] as [number, number], window: 2 };
    const scoped = new StanceModel({ ...file, char_scope: 'word' });
    expect(scoped.score(m).score).toBeGreaterThan(0.99);
    expect(scoped.score(m).top.map((t) => m.text.slice(t.start, t.end))).toEqual(['pilihanku']);
    // the same piece across a word boundary ("u n" in "pilihanku nanti") is no feature in word scope
    expect(new StanceModel({ ...file, weights: { 'c:u na': 200 }, char_ngrams: [4, 4], char_scope: 'word' }).score(m).score).toBeLessThan(0.01);
    expect(new StanceModel({ ...file, weights: { 'c:u na': 200 }, char_ngrams: [4, 4] }).score(m).score).toBeGreaterThan(0.99);
  });

  it('reports the word n-grams that pushed the score, not the bare mask', () => {
    const m = maskText('pilih prabowo sekarang', [{ start: 6, end: 13 }]);
    const model = new StanceModel(tinyModel({ 'w:pilih §': 3, 'w:§': 5, 'w:sekarang': -1 }));
    const { top } = model.score(m);
    expect(top.map((t) => m.text.slice(t.start, t.end))).toEqual(['pilih §']);
  });
});

describe('input models', () => {
  const opinion = (): StanceModelFile => ({ ...tinyModel({ 'w:hebat': 4 }, 0), id: 'opini', char_ngrams: [0, 0] });

  it("adds an input model's log-odds times its weight, and shows the input's pushing n-grams", () => {
    const m = maskText('prabowo hebat', [{ start: 0, end: 7 }]);
    const input = new StanceModel(opinion());
    const alone = new StanceModel({ ...tinyModel({ 'w:§': 0.5 }, -1), char_ngrams: [0, 0] });
    const withInput = new StanceModel({ ...tinyModel({ 'w:§': 0.5 }, -1), char_ngrams: [0, 0], inputs: [{ model: 'opini', weight: 0.5 }] }, new Map([['opini', input]]));
    expect(withInput.logit(m).z).toBeCloseTo(alone.logit(m).z + 0.5 * input.logit(m).z, 10);
    expect(withInput.score(m).top.map((t) => m.text.slice(t.start, t.end))).toEqual(['hebat']);
    // a negative weight lowers the score and pushes nothing into the explanation
    const against = new StanceModel({ ...tinyModel({}, 0), char_ngrams: [0, 0], inputs: [{ model: 'opini', weight: -1 }] }, new Map([['opini', input]]));
    expect(against.score(m).score).toBeLessThan(0.5);
    expect(against.score(m).top).toEqual([]);
  });

  it('loads a model after the input models it reads, and names a missing input', async () => {
    const stance = { ...tinyModel({ 'w:§': 1 }, -3), inputs: [{ model: 'opini', weight: 2 }] };
    // "uji.json" reads "opini.json", which sorts after it
    const dir = folderWithModel(JSON.stringify(stance));
    writeFileSync(path.join(dir, 'models', 'opini.json'), JSON.stringify({ ...opinion(), id: 'opini' }));
    const pack = await loadRulePack({ rulesDirs: [dir] });
    expect(evaluate(pack, post('Prabowo hebat')).map((f) => f.ruleId)).toEqual(['t7-uji-stiker']);
    expect(evaluate(pack, post('Prabowo datang'))).toEqual([]);
    const lonely = folderWithModel(JSON.stringify(stance));
    const err = await rejectionOf(loadRulePack({ rulesDirs: [lonely] }), RuleFileError);
    expect(err.message).toMatch(/uji\.json: input model "opini" is not in models\//);
  });
});

describe('loading a model', () => {
  it('loads models/<id>.json and a rule scores with it, showing the score and the n-grams', async () => {
    const pack = await loadRulePack({ rulesDirs: [folderWithModel(JSON.stringify(tinyModel({ 'w:pilih §': 40 })))] });
    const [finding] = evaluate(pack, post('pilih Prabowo sekarang'));
    expect(finding?.ruleId).toBe('t7-uji-stiker');
    expect(finding?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-02']);
    expect(finding?.spans.map((s) => s.text)).toEqual(expect.arrayContaining(['pilih Prabowo']));
    expect(finding?.explanation.id).toMatch(/^Skor 0\.\d\d /);
  });

  it('never scores a text without a candidate mention', async () => {
    const pack = await loadRulePack({ rulesDirs: [folderWithModel(JSON.stringify(tinyModel({ 'w:pilih': 40, 'c:pil': 40 }, 5)))] });
    expect(evaluate(pack, post('pilih yang terbaik ya'))).toEqual([]);
  });

  it('with max_score holds when the model reads no side (the veto form), and never without a mention', async () => {
    const pack = await loadRulePack({ rulesDirs: [folderWithModel(JSON.stringify(tinyModel({ 'w:pilih §': 40 }, -5)), 'max_score: 0.1')] });
    const [finding] = evaluate(pack, post('Prabowo tiba di Surabaya sore ini'));
    expect(finding?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-02']);
    expect(finding?.explanation.id).toMatch(/^Skor 0\.0\d /);
    expect(evaluate(pack, post('pilih Prabowo sekarang'))).toEqual([]);
    expect(evaluate(pack, post('tiba di Surabaya sore ini'))).toEqual([]);
  });

  it('rejects a stance_model matcher with both or neither of min_score and max_score', async () => {
    for (const score of ['min_score: 0.6, max_score: 0.1', 'weight: 1']) {
      const err = await rejectionOf(loadRulePack({ rulesDirs: [folderWithModel(JSON.stringify(tinyModel({})), score)] }), RuleFileError);
      expect(err.message).toMatch(/min_score and max_score|stance_model/);
    }
  });

  it('names the model file when it is not a model', async () => {
    const err = await rejectionOf(loadRulePack({ rulesDirs: [folderWithModel('{"schema":1,"id":"uji"}')] }), RuleFileError);
    expect(err.message).toMatch(/uji\.json: not a stance model/);
    const bad = await rejectionOf(loadRulePack({ rulesDirs: [folderWithModel('{oops')] }), RuleFileError);
    expect(bad.message).toMatch(/uji\.json: not valid JSON/);
  });

  it('rejects a rule that names a model that is not there', async () => {
    const dir = folderWithModel(JSON.stringify(tinyModel({})));
    writeFileSync(path.join(dir, 'models', 'uji.json'), JSON.stringify({ ...tinyModel({}), id: 'lain' }));
    const err = await rejectionOf(loadRulePack({ rulesDirs: [dir] }), RuleFileError);
    expect(err.message).toMatch(/no model "uji" in models\//);
  });
});

describe('the shipped stance-id model', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack();
  });

  it('is small and loads with the built-in rules', () => {
    const rule = pack.rules.find((r) => r.def.id === 't3-sikap-model-paslon');
    expect(rule?.matchers.get('model')?.model?.model.size).toBeGreaterThan(1000);
  });

  it('ships with its data card and stays under 1 MB', () => {
    expect(readFileSync(path.join(BUILTIN_RULES_DIR, 'models', 'stance-id.md'), 'utf8')).toMatch(/## Sources and licences[\s\S]*Cross-validated scores/);
    expect(statSync(path.join(BUILTIN_RULES_DIR, 'models', 'stance-id.json')).size).toBeLessThan(1024 * 1024);
  });

  it('reads the NusaX polarity model, shipped with its CC BY-SA data card', () => {
    const file = JSON.parse(readFileSync(path.join(BUILTIN_RULES_DIR, 'models', 'stance-id.json'), 'utf8')) as StanceModelFile;
    expect(file.inputs?.map((i) => i.model)).toEqual(['polaritas-nusax']);
    const card = readFileSync(path.join(BUILTIN_RULES_DIR, 'models', 'polaritas-nusax.md'), 'utf8');
    expect(card).toMatch(/CC BY-SA 4\.0/);
    expect(card).toMatch(/Winata/);
    expect(statSync(path.join(BUILTIN_RULES_DIR, 'models', 'polaritas-nusax.json')).size).toBeLessThan(1024 * 1024);
  });
});
