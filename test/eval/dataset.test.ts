import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_LABEL_COLUMNS, parseCorpusLabels } from '../../src/eval/labels.js';
import { textSha256 } from '../../src/eval/corpora.js';
import { loadEvalDataset, recordsFromCorpora } from '../../src/eval/dataset.js';
import { NetralError } from '../../src/errors.js';

// Two tiny corpora in the real layouts: Pilpres 2019 (unnamed index column, LF, mojibake kept)
// and DKI 2017 (BOM, CRLF, quoted cells).
const PILPRES_ROWS = ['Jokowi lagi! #01IndonesiaMaju ðŸ‘‡', 'Harga cabe naik, 1 kg 80 ribu', 'Coblos 02, "adil makmur"'];
const DKI_ROWS = ['Selamat pagi Jakarta #AniesSandi', 'Macet lagi di Sudirman'];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'netral-eval-'));
  await mkdir(path.join(dir, 'pilpres2019-tweet-sentiment'));
  await writeFile(
    path.join(dir, 'pilpres2019-tweet-sentiment', 'dataset.csv'),
    `,sentimen,tweet\n${PILPRES_ROWS.map((t, i) => `${i},netral,"${t.replace(/"/g, '""')}"`).join('\n')}\n`,
  );
  await mkdir(path.join(dir, 'pilkada-dki2017-tweet-sentiment'));
  await writeFile(
    path.join(dir, 'pilkada-dki2017-tweet-sentiment', 'dataset_tweet_sentiment_pilkada_DKI_2017.csv'),
    `\uFEFFId,Sentiment,Pasangan Calon,Text Tweet\r\n${DKI_ROWS.map((t, i) => `${i + 1},positive,Anies-Sandi,${t}`).join('\r\n')}\r\n`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function labelsCsv(rows: Array<[string, string, string, string]>): string {
  const lines = rows.map(([corpus, id, hash, truth]) => `${corpus},${id},${hash},${truth},note`);
  return `${CORPUS_LABEL_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}
const P = 'pilpres2019-tweet-sentiment';
const D = 'pilkada-dki2017-tweet-sentiment';
const PARTISAN = 'partisan,3,promote,pilpres-2019-01,-';
const CLEAN = 'clean,-,-,-,prayer-or-everyday';

describe('recordsFromCorpora', () => {
  it('turns labelled rows into table items with the corpus time, region and a source pointing at the row', async () => {
    const labels = parseCorpusLabels(
      labelsCsv([
        [P, '0', textSha256(PILPRES_ROWS[0] as string), PARTISAN],
        [P, '2', textSha256(PILPRES_ROWS[2] as string), PARTISAN],
        [D, '1', textSha256(DKI_ROWS[0] as string), 'partisan,3,support,pilkada-2017-dki-03,-'],
      ]),
      'labels.csv',
    );
    const { records, issues } = await recordsFromCorpora(labels, dir);
    expect(issues).toEqual([]);
    const [first, third, dki] = records;
    expect(first?.item).toMatchObject({ platform: 'table', kind: 'post', text: PILPRES_ROWS[0], time: '2019-04-13T05:00:00.000Z', hashtags: ['01IndonesiaMaju'] });
    expect(first?.item.source).toEqual({ captureId: `corpus:${P}`, path: `${P}/dataset.csv`, pointer: 'line:2' });
    expect(first?.region).toBeUndefined();
    expect(third?.item.text).toBe('Coblos 02, "adil makmur"');
    expect(dki).toMatchObject({ set: D, id: '1', region: '31', item: { text: DKI_ROWS[0], time: '2017-04-10T05:00:00.000Z' } });
  });

  it('leaves out and reports rows whose text no longer matches the stored hash, and rows that are gone', async () => {
    const labels = parseCorpusLabels(
      labelsCsv([
        [P, '1', textSha256('Harga cabe naik, 1 kg 70 ribu'), CLEAN],
        [P, '0', textSha256(PILPRES_ROWS[0] as string), PARTISAN],
        [P, '99', textSha256('x'), CLEAN],
      ]),
      'labels.csv',
    );
    const { records, issues } = await recordsFromCorpora(labels, dir);
    expect(records.map((r) => r.id)).toEqual(['0']);
    expect(issues).toEqual([
      { corpus: P, rowId: '1', problem: 'hash-mismatch' },
      { corpus: P, rowId: '99', problem: 'row-missing' },
    ]);
  });

  it('reports a missing corpus instead of failing', async () => {
    const labels = parseCorpusLabels(labelsCsv([[P, '0', textSha256('x'), CLEAN]]), 'labels.csv');
    const { records, issues } = await recordsFromCorpora(labels, path.join(dir, 'nowhere'));
    expect(records).toEqual([]);
    expect(issues).toEqual([{ corpus: P, problem: 'corpus-missing' }]);
  });

  it('refuses a label that names an unknown corpus', async () => {
    const labels = parseCorpusLabels(labelsCsv([['tweets-2030', '0', textSha256('x'), CLEAN]]), 'labels.csv');
    await expect(recordsFromCorpora(labels, dir, 'labels.csv')).rejects.toThrow(NetralError);
  });

  it('refuses a corpus file whose header changed', async () => {
    const odd = await mkdtemp(path.join(tmpdir(), 'netral-eval-odd-'));
    await mkdir(path.join(odd, P));
    await writeFile(path.join(odd, P, 'dataset.csv'), 'id,label,text\n0,netral,x\n');
    const labels = parseCorpusLabels(labelsCsv([[P, '0', textSha256('x'), CLEAN]]), 'labels.csv');
    await expect(recordsFromCorpora(labels, odd)).rejects.toThrow(/header/);
    await rm(odd, { recursive: true, force: true });
  });
});

describe('loadEvalDataset', () => {
  it('loads the shipped own posts and socialisation set as items, even without the corpora', async () => {
    const { records, issues } = await loadEvalDataset({ evalDir: path.resolve('fixtures/eval'), corporaDir: path.join(dir, 'nowhere') });
    expect(issues.map((i) => i.problem)).toEqual(['corpus-missing', 'corpus-missing']);
    const own = records.filter((r) => r.set === 'own-posts');
    const soc = records.filter((r) => r.set === 'socialisation');
    expect(own.length).toBeGreaterThanOrEqual(150);
    expect(soc.length).toBeGreaterThanOrEqual(30);
    const follow = own.find((r) => r.item.kind === 'follow');
    expect(follow?.item.target?.name).toBeTruthy();
    expect(own.every((r) => r.region === '3299')).toBe(true);
    const stylised = own.find((r) => r.item.text?.includes('#PrabowoGibran2024'));
    expect(stylised?.item.hashtags).toContain('PrabowoGibran2024');
    expect(own[0]?.item.source).toEqual({ captureId: 'eval:own-posts.jsonl', path: 'own-posts.jsonl', pointer: 'line:1' });
  });
});
