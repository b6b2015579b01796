// Export parts are spooled through one byte buffer and hashed as written: the file must hold
// exactly the texts written (UTF-8, across buffer boundaries and past the buffer's size), its
// hash must be the file's, and a card read back must be the bytes it was spooled as.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CardSpool, Spool } from '../../src/store/spool.js';
import type { ReportCard } from '../../src/report/report-data.js';

const dir = mkdtempSync(join(tmpdir(), 'netral-spool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes every text as UTF-8 in order, and its SHA-256 is the file’s', () => {
  const path = join(dir, 'a.jsonl');
  const spool = new Spool(path, '\uFEFFhead\n');
  const texts: string[] = ['\uFEFFhead\n'];
  // non-ASCII (3-byte “quotes”, 4-byte emoji), many small texts over several buffers, and texts larger than the buffer
  for (let i = 0; i < 5000; i++) texts.push(`{"n":${i},"t":"“kampanye” 👨‍👩‍👧 ${'é'.repeat(i % 300)}"}\n`);
  texts.push(`${'x'.repeat(3 << 20)}\n`, `${'😀'.repeat(1 << 19)}\n`, 'tail');
  let bytes = 0;
  for (const t of texts.slice(1)) bytes += spool.write(t);
  spool.writeBytes(Buffer.from('!bytes'));
  expect(spool.close()).toBe(path);
  const want = Buffer.from(`${texts.join('')}!bytes`, 'utf8');
  const got = readFileSync(path);
  expect(got.equals(want)).toBe(true);
  expect(bytes).toBe(want.length - Buffer.byteLength(texts[0]!) - '!bytes'.length);
  expect(spool.sha256).toBe(createHash('sha256').update(want).digest('hex'));
});

it('a spool with a borrowed buffer writes the same bytes; the hash is asked for only once closed', () => {
  const buffer = Buffer.alloc(64);
  const path = join(dir, 'b.html');
  const spool = new Spool(path, '', buffer);
  expect(() => spool.sha256).toThrow();
  const text = 'Pilkada “damai” — 👍 '.repeat(40);
  spool.write(text);
  spool.close();
  expect(readFileSync(path, 'utf8')).toBe(text);
});

it('reads cards back as the bytes they were spooled as, in the order asked, across runs of neighbours', () => {
  let i = 0;
  const spool = new CardSpool(join(dir, 'cards.html'), () => [`<h>${i}“é”`, `</t${i++}>👍`]);
  const card = { findingId: 'f', itemId: 'i', review: { status: 'open', notes: [] }, item: { platform: 'x', kind: 'post', mediaCaptions: [] }, spans: [], capture: { sha256: 'a'.repeat(64), origin: 'o' }, candidates: [], legalBasis: [], prohibition: 1, severity: 'low', confidence: 1, track: 'ethics', ruleId: 'r', ruleVersion: 1, ruleTitle: { id: 't', en: 't' }, explanation: { id: 'e', en: 'e' } } as unknown as ReportCard;
  for (let k = 0; k < 10; k++) spool.add(card);
  spool.finish();
  const order = [3, 4, 5, 0, 9, 1, 2];
  const parts = spool.cardParts(order.map((n) => spool.facts[n]!));
  expect(parts.map(([h, t]) => `${Buffer.from(h).toString('utf8')}|${Buffer.from(t).toString('utf8')}`)).toEqual(order.map((n) => `<h>${n}“é”|</t${n}>👍`));
  spool.close();
});

it('a spool that is no file of the bundle (the report’s cards) is written the same, unhashed', () => {
  const path = join(dir, 'cards.html');
  const spool = new Spool(path, 'kepala\n', undefined, false);
  spool.write('“kartu” 🇮🇩\n');
  spool.close();
  expect(readFileSync(path, 'utf8')).toBe('kepala\n“kartu” 🇮🇩\n');
  expect(() => spool.sha256).toThrow(/not hashed/);
});
