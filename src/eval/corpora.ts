// The real-tweet corpora in ../shared/corpora: where each one's text column is, and the time and
// region the evaluation pretends each tweet had (the tweets carry no dates; see RUBRIC.md).
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import { sha256Hex } from '../model/hash.js';
import { NetralError } from '../errors.js';
import { evalMessages } from './messages.js';

export interface CorpusSpec {
  /** folder name under the corpora directory */
  name: string;
  file: string;
  /** expected header cells (after BOM removal), to notice a different file in the same place */
  header: string[];
  idColumn: number;
  textColumn: number;
  /** item time given to every tweet: inside the campaign the tweets were collected in */
  time: string;
  /** region code of the imagined civil servant (selects the Pilkada ballot); none for Pilpres */
  region?: string;
}

export const CORPORA: readonly CorpusSpec[] = [
  {
    name: 'pilpres2019-tweet-sentiment',
    file: 'dataset.csv',
    header: ['', 'sentimen', 'tweet'],
    idColumn: 0,
    textColumn: 2,
    // median date of the quoted status ids (SOURCE.md): the last campaign day before the quiet period
    time: '2019-04-13T05:00:00.000Z',
  },
  {
    name: 'pilkada-dki2017-tweet-sentiment',
    file: 'dataset_tweet_sentiment_pilkada_DKI_2017.csv',
    header: ['Id', 'Sentiment', 'Pasangan Calon', 'Text Tweet'],
    idColumn: 0,
    textColumn: 3,
    // run-off campaign (6–15 Apr 2017) before the 19 Apr 2017 vote
    time: '2017-04-10T05:00:00.000Z',
    region: '31',
  },
];

export function corpusSpec(name: string): CorpusSpec | undefined {
  return CORPORA.find((c) => c.name === name);
}

export interface CorpusRow {
  rowId: string;
  text: string;
  /** 1-based line in the CSV file */
  line: number;
}

export function corpusFile(corporaDir: string, spec: CorpusSpec): string {
  return path.join(corporaDir, spec.name, spec.file);
}

export async function corpusPresent(corporaDir: string, spec: CorpusSpec): Promise<boolean> {
  return access(corpusFile(corporaDir, spec)).then(
    () => true,
    () => false,
  );
}

/** Stream the rows of one corpus (header checked, then skipped). */
export async function* readCorpusRows(corporaDir: string, spec: CorpusSpec): AsyncGenerator<CorpusRow> {
  const file = corpusFile(corporaDir, spec);
  const parser = createReadStream(file).pipe(parse({ bom: true, info: true }));
  let first = true;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (first) {
      first = false;
      if (record.join(',') !== spec.header.join(',')) {
        parser.destroy();
        throw new NetralError(evalMessages.unexpectedHeader, { file, header: record.join(','), expected: spec.header.join(',') });
      }
      continue;
    }
    yield { rowId: record[spec.idColumn] ?? '', text: record[spec.textColumn] ?? '', line: info.lines };
  }
}

/** The hash a label stores for a row: SHA-256 of the text cell exactly as parsed (UTF-8). */
export function textSha256(text: string): string {
  return sha256Hex(text);
}
