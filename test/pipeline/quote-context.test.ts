// An snscrape quote post leans on the tweet it quotes the way a chat reply leans on its parent
// (RUBRIC.md, replies): the pair and side are read from the quoted text, the finding is the quoting
// account's own and says which tweet it leaned on; the quoted author's words never become a finding.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan, type ScanResult } from '../../src/pipeline/scan.js';
import { loadRulePack, type RulePack } from '../../src/rules/pack.js';
import { openStore } from '../../src/store/store.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

describe('scan: snscrape quote posts lean on the quoted tweet', () => {
  let pack: RulePack;
  let dir: string;
  let store: ReturnType<typeof openStore>;
  const results: ScanResult[] = [];
  const reactions: ScanResult[] = [];
  beforeAll(async () => {
    pack = await loadRulePack();
    dir = mkdtempSync(path.join(tmpdir(), 'netral-quote-'));
    store = openStore(path.join(dir, 'netral.db'));
    const input = path.join(FIXTURES, 'snscrape/tweets-quotes.jsonl');
    // the rows read by worker threads (row chunks) and by the main thread alone
    for (const rowChunks of [undefined, 2]) {
      reactions.push(await runScan({ inputs: [path.join(FIXTURES, 'snscrape/tweets-quote-reactions.jsonl')], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false, ...(rowChunks ? { rowChunks } : {}) }, actor: 'test', command: 'test', region: '3299' }));
      results.push(await runScan({ inputs: [input], pack, store, ingest: { timezone: 'Asia/Jakarta', skipBad: false, ...(rowChunks ? { rowChunks } : {}) }, actor: 'test', command: 'test', region: '3299' }));
    }
  }, 180_000);
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"Setuju 100%, sebarkan! 👍" above a tweet backing Ganjar-Mahfud is the quoting account\'s support of pair 03', () => {
    for (const result of results) {
      const praise = result.findings.filter((f) => f.item.text === 'Setuju 100%, sebarkan! 👍');
      expect(praise.length).toBeGreaterThan(0);
      const f = praise[0]!;
      expect(f.item.actor).toMatchObject({ handle: 'sari_kecamatan' });
      expect(f.finding.candidates.map((c) => c.pair)).toEqual(['pilpres-2024-03']);
      expect(f.finding.explanation.en).toContain('Read together with the post it quotes (Relawan Ganjar-Mahfud');
      expect(f.finding.explanation.en).toContain('#1745000000000000001');
      expect(f.finding.spans.some((s) => s.field === 'thread')).toBe(true);
    }
  });

  it('a neutral question above a partisan tweet gives no finding, and no quoted author is ever found', () => {
    for (const result of results) {
      expect(result.findings.filter((f) => f.item.text === 'hmm, sumbernya?')).toEqual([]);
      expect(result.findings.every((f) => f.item.actor?.handle === 'sari_kecamatan')).toBe(true);
      expect(result.findings.filter((f) => f.item.text?.startsWith('Ganjar-Mahfud satu-satunya'))).toEqual([]);
    }
  });

  it('a retweet of a partisan tweet is the retweeter\'s own finding, read from the retweeted text', () => {
    for (const result of results) {
      const rt = result.findings.filter((f) => f.item.text?.startsWith('RT @relawan_pg'));
      expect(rt.map((f) => f.finding.prohibition)).toEqual([3]);
      expect(rt[0]!.item).toMatchObject({ actor: { handle: 'sari_kecamatan' } });
    }
  });

  // a quote post whose own words only react (readQuoteReaction): a pointing word or a bare
  // reaction takes the quoted post's side; dismay or laughter shares only an attack
  it('"MasyaAllah, ini yang saya maksud 👇" above a call for pair 01 is the quoting account\'s support of 01, said to lean on the quoted post', () => {
    for (const result of reactions) {
      const f = result.findings.find((x) => x.item.text === 'MasyaAllah, ini yang saya maksud 👇');
      expect(f?.finding.candidates.map((c) => [c.pair, c.stance])).toEqual([['pilpres-2024-01', 'support']]);
      expect(f?.finding.explanation.en).toContain('The post only reacts to the post it quotes and takes its side');
      expect(f?.finding.explanation.en).toContain('Read together with the post it quotes (Relawan AMIN');
      expect(f?.finding.spans.some((s) => s.field === 'thread')).toBe(true);
    }
  });

  it('laughter above an attack on pair 02 joins the attack; laughter above a call for 01 takes no side', () => {
    for (const result of reactions) {
      const laugh = result.findings.find((x) => x.item.text === 'wkwkwk 🤣');
      expect(laugh?.finding.candidates.map((c) => [c.pair, c.stance])).toEqual([['pilpres-2024-02', 'attack']]);
      expect(laugh?.finding.explanation.en).toContain('joins it');
      expect(result.findings.filter((x) => x.item.text === 'wkwk')).toEqual([]);
    }
  });

  it('mockery above a call for pair 02 attacks 02, and says it mocked the quoted post', () => {
    for (const result of reactions) {
      const f = result.findings.find((x) => x.item.text === 'halu 🤡🤡');
      expect(f?.finding.candidates.map((c) => [c.pair, c.stance])).toEqual([['pilpres-2024-02', 'attack']]);
      expect(f?.finding.prohibition).toBe(3);
      expect(f?.finding.explanation.en).toContain('The post mocks the post it quotes');
    }
  });

  it('a quote post that calls the quoted post a hoax, or says more than a reaction, borrows nothing', () => {
    for (const result of reactions) {
      expect(result.findings.filter((x) => x.item.text === 'Nah ini, hoaks lagi' || x.item.text === 'ini berita lama')).toEqual([]);
      expect(result.findings.every((x) => x.item.actor?.handle === 'sari_kecamatan')).toBe(true);
    }
  });
});
