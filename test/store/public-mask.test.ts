import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeItem, type Span } from '../../src/model/index.js';
import { PublicMasker } from '../../src/store/public-mask.js';
import { openStore, type Store } from '../../src/store/store.js';
import { importSubjects } from '../../src/store/subjects.js';
import { exportBundle } from '../../src/store/export.js';
import { buildSample, scanSample, tempDir } from './sample.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;
beforeEach(() => {
  tmp = tempDir();
  store = openStore(join(tmp.dir, 'netral.db'));
  importSubjects(store, 'fixtures/subjects/bkd-kota-bandung.csv', 'admin');
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function span(text: string, word: string): Span {
  const start = text.indexOf(word);
  return { field: 'text', index: 0, start, end: start + word.length, text: word, matcher: 'm' };
}

describe('the public profile’s masking', () => {
  it('a third party keeps one pseudonym from one public export to the next (the salt is kept in the store)', async () => {
    await scanSample(store, buildSample());
    const jsonl = async (name: string) => {
      await exportBundle(store, { out: join(tmp.dir, name), profile: 'public', actor: 'Rina', filter: { status: ['open'] } });
      return readFileSync(join(tmp.dir, name, 'findings.jsonl'), 'utf8');
    };
    const first = await jsonl('pertama');
    expect(first).toMatch(/@anon-[0-9a-f]{10}/);
    expect(store.info('public_salt')).toMatch(/^[0-9a-f]{32}$/);
    expect(await jsonl('kedua')).toBe(first);
  });

  it('masks a civil servant’s name, NIP, handle, phone and e-mail in text and moves the spans', () => {
    const masker = new PublicMasker(store);
    const text = 'Saya Budi Santoso (NIP 19850312 201001 1 004, @budi.santoso85) ajak dukung paslon Prabowo-Gibran, WA +62 812-3456-7890 / budi@contoh.id';
    const item = makeItem({ platform: 'facebook', kind: 'post', actor: { kind: 'account', name: 'Budi Santoso' }, text, source: { captureId: 'c', path: 'p', pointer: '/0' } });
    const spans = [span(text, 'dukung paslon'), span(text, 'Prabowo-Gibran')];
    const out = masker.item(item, spans, masker.subjectLabel('x'), ['Prabowo Subianto', 'Prabowo', 'Gibran']);
    expect(out.item.text).toMatch(/^Saya ASN-\d \(NIP \[NIP\], @ASN-\d\) ajak dukung paslon Prabowo-Gibran, WA \[telepon\] \/ \[email\]$/);
    for (const s of out.spans) expect(out.item.text!.slice(s.start, s.end)).toBe(s.text);
    expect(out.spans.map((s) => s.text)).toEqual(['dukung paslon', 'Prabowo-Gibran']);
    expect(JSON.stringify(out.item)).not.toMatch(/Budi|Santoso|1985|3456|contoh/);
  });

  it('a masked stretch inside a span shrinks the span to the label', () => {
    const masker = new PublicMasker(store);
    const text = 'ayo dukung Budi Santoso sekarang';
    const item = makeItem({ platform: 'x', kind: 'post', text, source: { captureId: 'c', path: 'p', pointer: '/0' } });
    const out = masker.item(item, [span(text, 'dukung Budi Santoso')], 'ASN-1', []);
    expect(out.spans[0]!.text).toMatch(/^dukung ASN-\d$/);
    expect(out.item.text!.slice(out.spans[0]!.start, out.spans[0]!.end)).toBe(out.spans[0]!.text);
  });

  it('member paths: a chat file named after the other party is pseudonymised', () => {
    const masker = new PublicMasker(store);
    expect(masker.maskPath('WhatsApp Chat with Budi Santoso.txt')).toMatch(/^WhatsApp Chat with ASN-\d\.txt$/);
    expect(masker.maskPath('WhatsApp Chat - Pak Joko.txt')).toMatch(/^WhatsApp Chat - anon-[0-9a-f]{10}\.txt$/);
  });
});
