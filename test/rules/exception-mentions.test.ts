// An exception with mentions_within holds only when every pair mention of the finding lies inside
// its matcher's span: a pair named only in a closing carbon-copy list is copied in, not judged.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { evaluate } from '../../src/rules/evaluate.js';
import { makeItem } from '../../src/model/item.js';
import { RuleFileError } from '../../src/rules/yaml-file.js';
import { rulesFolderWith, stickerRule } from './rule-template.js';
import { rejectionOf } from '../rejection.js';

const post = (text: string) => makeItem({ platform: 'x', kind: 'post', text, time: '2019-04-10T05:00:00Z', source: { captureId: 'test', path: 'test', pointer: '1' } });

describe('tembusan: a pair named only in a carbon-copy list', () => {
  let pack: RulePack;
  beforeAll(async () => {
    pack = await loadRulePack();
  });
  const ids = (text: string) => evaluate(pack, post(text)).map((f) => f.ruleId);

  it('cancels a verdict on someone else when the pair is only copied in, with accounts or titled names', () => {
    expect(ids('Buat petugas loket kelurahan, anda tidak layak digaji kalau pelayanan lambat begini. Minim prestasi. cc @jokowi')).toEqual([]);
    expect(ids('Petugas loket kelurahan tidak layak digaji kalau pelayanan lambat begini, minim prestasi. CC: Pak Jokowi, Pak Prabowo.')).toEqual([]);
  });

  it('keeps the finding when a pair is named before the list, or when "cc" is an engine size', () => {
    expect(ids('Jokowi gagal total, ekonomi hancur! cc @prabowo')).not.toEqual([]);
    expect(ids('Motor 150 cc Jokowi keren banget, pilih 01!')).not.toEqual([]);
  });
});

describe('loading mentions_within', () => {
  it('rejects an exception whose mentions_within names no matcher of its own', async () => {
    const dir = rulesFolderWith(stickerRule());
    writeFileSync(
      path.join(dir, 'exceptions', 'uji-cc.yml'),
      'schema: 1\nid: uji-cc\ntitle: { id: Uji, en: Test }\nreason: test\nrules: [t7]\neffect: cancel\nmatch:\n  daftar: { regex: "cc" }\ncondition: daftar\nmentions_within: lain\n',
    );
    const err = await rejectionOf(loadRulePack({ rulesDirs: [dir] }), RuleFileError);
    expect(err.message).toMatch(/mentions_within: no matcher "lain"/);
  });
});
