// Gloss files (rules/glosses/*.yml): loaded with the pack, matched like the Indonesian words
// they stand for, and named in a finding's explanation with their language.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/rules/evaluate.js';
import { BUILTIN_RULES_DIR, loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { RuleFileError } from '../../src/rules/yaml-file.js';
import { makeItem } from '../../src/model/item.js';
import { rejectionOf } from '../rejection.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';

const post = (text: string, extra: Partial<Parameters<typeof makeItem>[0]> = {}) =>
  makeItem({ platform: 'whatsapp', kind: 'message', text, media: [], hashtags: [], time: '2024-02-01T03:00:00.000Z', source: { captureId: 'test', path: 'chat.txt', pointer: '/1' }, ...extra });

const glossFile = (block: string) => `schema: 1
id: uji
description: Test glosses
source: written for this test
licence: CC0-1.0
attribution: nobody
date: 2026-12-03
glosses:
  mad: |
${block
  .split('\n')
  .map((l) => `    ${l}`)
  .join('\n')}
`;

function folderWithGlosses(block: string, rule = stickerRule({ tests: '  - { name: a, item: { text: "stiker Prabowo", time: 2024-01-01T00:00:00Z }, expect: match }\n' })): string {
  const dir = rulesFolderWith(
    rule
      .replace('applies_to: { kinds: [post] }', 'applies_to: { kinds: [post, message] }')
      .replace('explain: { id: "Stiker {{matched.dekat}} {{candidate.name}}", en: "Sticker {{matched.dekat}} {{candidate.name}}" }', 'explain: { id: "Stiker: {{evidence}}", en: "Sticker: {{evidence}}" }'),
  );
  mkdirSync(path.join(dir, 'glosses'));
  writeFileSync(path.join(dir, 'glosses', 'uji.yml'), glossFile(block));
  return dir;
}

describe('a gloss file in a rules folder', () => {
  it('lets the regional word match the rule term, and the explanation names it in both languages', async () => {
    const pack = await loadRulePack({ rulesDirs: [folderWithGlosses('stiker: stekker, tempelan\n')] });
    const [finding] = evaluate(pack, post('Stekker Prabowo la epasang'));
    expect(finding?.spans.map((s) => s.text)).toContain('Stekker');
    expect(finding?.explanation.id).toContain('“Stekker” (Madura → stiker)');
    expect(finding?.explanation.en).toContain('“Stekker” (Madurese → stiker)');
    // the Indonesian word is matched and shown as before
    expect(evaluate(pack, post('stiker Prabowo'))[0]?.explanation.id).toBe('Stiker: “stiker”, “Prabowo”');
  });

  it('names the file and line of a bad gloss line', async () => {
    const dir = folderWithGlosses('stiker: stekker\nstiker stekker\n');
    const err = await rejectionOf(loadRulePack({ rulesDirs: [dir] }), RuleFileError);
    expect(err.message).toMatch(/uji\.yml:11:1: glosses\.mad: "stiker stekker" is not "indonesian: regional form, form"/);
  });

  it('rejects an unknown language code', async () => {
    const dir = folderWithGlosses('stiker: stekker\n');
    writeFileSync(path.join(dir, 'glosses', 'uji.yml'), readFileSync(path.join(dir, 'glosses', 'uji.yml'), 'utf8').replace('  mad: |', '  xyz: |'));
    const err = await rejectionOf(loadRulePack({ rulesDirs: [dir] }), RuleFileError);
    expect(err.message).toMatch(/uji\.yml:\d+:\d+: glosses/);
  });
});

describe('the shipped NusaX glosses', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack();
  });

  it('carry their licence, attribution and data card', () => {
    const file = parse(readFileSync(path.join(BUILTIN_RULES_DIR, 'glosses', 'nusax.yml'), 'utf8')) as Record<string, unknown>;
    expect(file.licence).toBe('CC-BY-SA-4.0');
    expect(String(file.attribution)).toMatch(/NusaX: Multilingual Parallel Sentiment Dataset/);
    expect(existsSync(path.join(BUILTIN_RULES_DIR, 'glosses', 'nusax.md'))).toBe(true);
    expect(pack.glosses.size).toBeGreaterThan(1000);
  });

  it('find a Madurese call to support a pair in an office group and say which word was read how', () => {
    const item = post('Engkok adukung Prabowo Gibran, jhek loppa tanggal 14', { context: { kind: 'chat', name: 'Grup Kantor Dinas PU' } });
    const findings = evaluate(pack, item, { workplaceGroups: ['Grup Kantor Dinas PU'] });
    const finding = findings.find((f) => f.prohibition === 6);
    expect(finding?.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-02']);
    expect(finding?.explanation.id).toMatch(/“adukung” \(Madura → mendukung\)/);
  });

  it('gloss no Indonesian word: an Indonesian text matches and reads exactly as without them', () => {
    const item = post('Saya tetap netral, bangga jadi ASN. Jangan lupa datang ke TPS tanggal 14.');
    for (const f of evaluate(pack, item)) expect(`${f.explanation.id} ${f.explanation.en}`).not.toMatch(/→/);
    expect(pack.glosses.glossesIn('bangga jangan lupa datang tiang kasar burung')).toEqual([]);
  });
});

describe('the hand-curated core glosses (daerah-inti)', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack();
  });

  it('carry their licence and sources', () => {
    const file = parse(readFileSync(path.join(BUILTIN_RULES_DIR, 'glosses', 'daerah-inti.yml'), 'utf8')) as Record<string, unknown>;
    expect(file.licence).toBe('MIT');
    expect(String(file.source)).toMatch(/Kamus/);
  });

  it('read the vote verb in Madurese and Acehnese and say so', () => {
    const item = post('Kanca-kanca, mon bisa pele nomer settong pole ya', { context: { kind: 'chat', name: 'Staf Puskesmas Sukamaju Laok' }, time: '2024-09-27T06:40:00Z' });
    const finding = evaluate(pack, item, { region: '3299' }).find((f) => f.prohibition === 6);
    expect(finding?.candidates.map((c) => c.pair)).toContain('pilkada-2024-3299-01');
    expect(finding?.explanation.id).toMatch(/“pele” \(Madura → pilih\)/);
    expect(pack.glosses.glossesIn('pileh amin').length).toBeGreaterThan(0);
  });

  it("read the Madurese active vote verb melè (N- on pelè) after the prohibitive ja' as a call against the pair", () => {
    const item = post("Pak Yusuf jareya ta' ngarte tanian, ja' mèlè nomer 3", { context: { kind: 'chat', name: 'Staf Puskesmas Sukamaju Laok' }, time: '2024-11-20T03:00:00Z' });
    const finding = evaluate(pack, item, { region: '3299' }).find((f) => f.prohibition === 6);
    expect(finding?.explanation.id).toMatch(/“mèlè” \(Madura → pilih\)/);
  });

  it('read the Sundanese and Acehnese win word, and the Sundanese victory noun', () => {
    const glossed = (text: string) => pack.glosses.glossesIn(text).map((g) => `${g.form}→${g.target}`);
    expect(glossed('Syukuran kameunangan')).toContain('kameunangan→kemenangan');
    expect(glossed('pasti meunang')).toContain('meunang→menang');
    // Acehnese "jak" (go along) is not glossed: it is also Javanese "ajak"
    expect(glossed('tak jak kabeh')).toEqual([]);
    // "pasti menang" next to the candidate, written in Sundanese
    const item = post('Pa Prabowo pasti meunang, urang kedah gaduh presiden nu tegas', { kind: 'post', platform: 'facebook', time: '2024-01-20T03:00:00Z' });
    expect(evaluate(pack, item).flatMap((f) => f.candidates.map((c) => c.pair))).toContain('pilpres-2024-02');
  });

  it('read the act and closed-class words of the stop-45 coverage table, each as its Indonesian word', () => {
    const glossed = (text: string) => pack.glosses.glossesIn(text).map((g) => `${g.form}→${g.target}`);
    expect(glossed('klambi abang')).toContain('klambi→baju');
    expect(glossed('acuk koneng')).toContain('acuk→baju');
    // the verb of wearing is left to the rules that list it (a gloss would read it before a denied shirt too)
    expect(glossed('ngagem seragam')).toEqual([]);
    expect(glossed('kanca kantor')).toContain('kanca→teman');
    expect(glossed('babaturan sadayana')).toContain('babaturan→teman');
    expect(glossed('henteu kenging')).toContain('henteu→tidak');
    expect(glossed('banne nomer settong')).toContain('banne→bukan');
    expect(glossed('sipilliton, pillit')).toContain('pillit→pilih');
    expect(glossed('mappile')).toContain('mappile→memilih');
    expect(glossed('kenken kabare')).toContain('kenken→bagaimana');
  });

  it('leave out the forms that collide with another word: Toba Batak pilit (salah), Javanese dudu, Sundanese sanes, Minang apo', () => {
    const glossed = (text: string) => pack.glosses.glossesIn(text).map((g) => `${g.form}→${g.target}`);
    expect(glossed('pilit')).not.toContain('pilit→pilih');
    for (const w of ['dudu', 'sanes', 'apo', 'konco']) expect(glossed(w).filter((g) => g.startsWith(`${w}→`) && !g.endsWith('→lain') && !g.endsWith('→asing'))).toEqual([]);
  });
});
