import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CORPUS_LABEL_COLUMNS, parseCorpusLabels, parseLabelledPosts, type LabelledPost } from '../../src/eval/labels.js';
import { CORPORA, readCorpusRows, textSha256 } from '../../src/eval/corpora.js';
import { RegistryFile } from '../../src/rules/registry-schema.js';
import { NetralError } from '../../src/errors.js';

const EVAL_DIR = path.resolve('fixtures/eval');
// NETRAL_CORPORA points a worktree (or any checkout not beside ../shared) at the corpora.
const CORPORA_DIR = process.env.NETRAL_CORPORA ?? path.resolve('../shared/corpora');
const HEADER = CORPUS_LABEL_COLUMNS.join(',');
const HASH = 'a'.repeat(64);

describe('parseCorpusLabels', () => {
  it('reads a partisan and a clean row into truths', () => {
    const labels = parseCorpusLabels(
      `${HEADER}\npilpres2019-tweet-sentiment,4,${HASH},partisan,3,attack,pilpres-2019-02,-,mocks a candidate\n` +
        `pilpres2019-tweet-sentiment,13,${HASH},clean,-,-,-,news,"headline, with a comma"\n`,
      'labels.csv',
    );
    expect(labels[0]).toMatchObject({ rowId: '4', truth: { label: 'partisan', prohibition: 3, stance: 'attack', pair: 'pilpres-2019-02' } });
    expect(labels[1]).toMatchObject({ rowId: '13', truth: { label: 'clean', reason: 'news' }, note: 'headline, with a comma' });
  });

  it('rejects a clean row that carries a prohibition, naming the file and line', () => {
    const bad = `${HEADER}\npilpres2019-tweet-sentiment,4,${HASH},clean,3,-,-,news,x\n`;
    expect(() => parseCorpusLabels(bad, 'labels.csv')).toThrow(NetralError);
    expect(() => parseCorpusLabels(bad, 'labels.csv')).toThrow(/labels\.csv: line 2/);
  });

  it('rejects an unknown stance and a malformed hash', () => {
    expect(() => parseCorpusLabels(`${HEADER}\nc,4,${HASH},partisan,3,likes,-,-,x\n`, 'f')).toThrow(/stance/);
    expect(() => parseCorpusLabels(`${HEADER}\nc,4,abc,partisan,3,support,-,-,x\n`, 'f')).toThrow(/text_sha256/);
  });
});

describe('parseLabelledPosts', () => {
  const post = { id: 'p1', platform: 'facebook', kind: 'post', text: 'coblos 2', time: '2024-01-20T02:10:00Z', label: 'partisan', prohibition: '3', stance: 'promote', pair: 'pilpres-2024-02', clean_reason: '-' };

  it('reads posts with their line numbers and truths', () => {
    const [p] = [...parseLabelledPosts(`\n${JSON.stringify(post)}\n`, 'own.jsonl')];
    expect(p).toMatchObject({ id: 'p1', line: 2, truth: { label: 'partisan', prohibition: 3, pair: 'pilpres-2024-02' } });
    expect(p).not.toHaveProperty('label');
  });

  it('rejects a misspelt field instead of silently dropping it', () => {
    expect(() => [...parseLabelledPosts(JSON.stringify({ ...post, txt: 'x' }), 'own.jsonl')]).toThrow(/own\.jsonl: line 1/);
  });

  it('rejects duplicate ids and broken JSON', () => {
    const line = JSON.stringify(post);
    expect(() => [...parseLabelledPosts(`${line}\n${line}`, 'own.jsonl')]).toThrow(/duplicate id p1/);
    expect(() => [...parseLabelledPosts('{"id":', 'own.jsonl')]).toThrow(/own\.jsonl: line 1/);
  });
});

describe('the shipped label files', () => {
  it('labels at least 300 corpus rows from both corpora, both classes in each, without duplicates', async () => {
    const labels = parseCorpusLabels(await readFile(path.join(EVAL_DIR, 'labels-corpora.csv'), 'utf8'), 'labels-corpora.csv');
    expect(labels.length).toBeGreaterThanOrEqual(300);
    const keys = new Set(labels.map((l) => `${l.corpus}:${l.rowId}`));
    expect(keys.size).toBe(labels.length);
    for (const spec of CORPORA) {
      const mine = labels.filter((l) => l.corpus === spec.name);
      expect(mine.some((l) => l.truth.label === 'partisan'), spec.name).toBe(true);
      expect(mine.some((l) => l.truth.label === 'clean'), spec.name).toBe(true);
    }
    expect(labels.filter((l) => l.corpus === 'pilpres2019-tweet-sentiment').length).toBeGreaterThanOrEqual(200);
    expect(labels.filter((l) => l.corpus === 'pilkada-dki2017-tweet-sentiment').length).toBeGreaterThanOrEqual(120);
  });

  it.skipIf(!existsSync(CORPORA_DIR))('stores hashes that match the corpus texts in ../shared/corpora', async () => {
    const labels = parseCorpusLabels(await readFile(path.join(EVAL_DIR, 'labels-corpora.csv'), 'utf8'), 'labels-corpora.csv');
    for (const spec of CORPORA) {
      const wanted = new Map(labels.filter((l) => l.corpus === spec.name).map((l) => [l.rowId, l.textSha256]));
      let matched = 0;
      for await (const row of readCorpusRows(CORPORA_DIR, spec)) {
        const hash = wanted.get(row.rowId);
        if (hash === undefined) continue;
        expect(textSha256(row.text), `${spec.name} row ${row.rowId}`).toBe(hash);
        matched++;
      }
      expect(matched).toBe(wanted.size);
    }
  });
  if (!existsSync(CORPORA_DIR)) {
    it.skip(`corpus hash check skipped: ${CORPORA_DIR} is absent (the corpora are not shipped)`, () => {});
  }

  async function posts(name: string): Promise<LabelledPost[]> {
    return [...parseLabelledPosts(await readFile(path.join(EVAL_DIR, name), 'utf8'), name)];
  }

  it('has at least 150 own posts covering every prohibition, the social forms and clean traps', async () => {
    const own = await posts('own-posts.jsonl');
    expect(own.length).toBeGreaterThanOrEqual(150);
    const prohibitions = new Set(own.flatMap((p) => (p.truth.label === 'partisan' ? [String(p.truth.prohibition)] : [])));
    expect([...prohibitions].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'other']);
    expect(own.some((p) => p.kind === 'reaction' && p.truth.label === 'partisan')).toBe(true);
    expect(own.some((p) => p.kind === 'follow' && p.truth.label === 'partisan')).toBe(true);
    const reasons = new Set(own.flatMap((p) => (p.truth.label === 'clean' ? [p.truth.reason] : [])));
    for (const r of ['news', 'voter-education', 'official-duty', 'prayer-or-everyday', 'socialisation']) expect(reasons).toContain(r);
  });

  it('has at least 30 socialisation / voter-education texts, all clean', async () => {
    const soc = await posts('socialisation.jsonl');
    expect(soc.length).toBeGreaterThanOrEqual(30);
    for (const p of soc) {
      expect(p.truth.label === 'clean' && ['socialisation', 'voter-education'].includes(p.truth.reason), p.id).toBe(true);
    }
  });

  it('ships a DKI 2017 registry that satisfies the registry schema and names the labelled pairs', async () => {
    const registry = RegistryFile.parse(parseYaml(await readFile(path.join(EVAL_DIR, 'registry-pilkada-dki-2017.yml'), 'utf8')));
    expect(registry.election.id).toBe('pilkada-2017-dki');
    expect(registry.pairs.map((p) => p.id)).toEqual(['pilkada-2017-dki-01', 'pilkada-2017-dki-02', 'pilkada-2017-dki-03']);
    const labels = parseCorpusLabels(await readFile(path.join(EVAL_DIR, 'labels-corpora.csv'), 'utf8'), 'labels-corpora.csv');
    const dkiPairs = new Set(labels.flatMap((l) => (l.corpus.startsWith('pilkada-dki') && l.truth.label === 'partisan' && l.truth.pair ? [l.truth.pair] : [])));
    for (const pair of dkiPairs) expect(registry.pairs.map((p) => p.id)).toContain(pair);
  });
});
