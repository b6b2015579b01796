// Findings in every output format, written one at a time: scan, evidence list and review share it.
import type { Lang } from '../i18n/index.js';
import { FINDING_CSV_COLUMNS, findingRecord, type FindingRecord, type FindingSource } from './finding-record.js';
import { csvWriter, jsonlWriter, jsonWriter, type OutputFormat, type RecordWriter, type Sink } from './output.js';
import { findingSarifResult, sarifWriter, type SarifRule } from './sarif.js';
import { zoneOfRegion } from '../model/region-time.js';
// the block renderers (./terminal.ts, chalk) come from scan: the lists must not load chalk
import type { renderFindingBlock, renderProhibitionCounts } from './terminal.js';

export interface FindingOutputOptions {
  lang: Lang;
  /** JSON envelope fields before the list: { schema, … } */
  head: { schema: string } & Record<string, unknown>;
  /** rules for the SARIF tool section */
  sarifRules?: SarifRule[];
  toolVersion: string;
  /** SARIF baselineState of every result written (with --baseline, all are "new") */
  baselineState?: 'new';
  /** the table format: one block per finding and a count per prohibition (scan) */
  blocks?: BlockOptions;
  /** the table format as rows instead (evidence list, review) */
  rows?: (sink: Sink) => RecordWriter<FindingRecord>;
}

/** scan's table: its renderers (./terminal.ts) passed in, so a list loads no chalk */
export interface BlockOptions {
  summary: boolean;
  empty: string;
  render: typeof renderFindingBlock;
  counts: typeof renderProhibitionCounts;
}

export function findingOutput(format: OutputFormat, sink: Sink, o: FindingOutputOptions): RecordWriter<FindingSource> {
  const through = (w: RecordWriter<FindingRecord>): RecordWriter<FindingSource> => ({
    begin: () => w.begin(),
    write: (f) => w.write(findingRecord(f, o.lang)),
    end: (trailer) => w.end(trailer),
  });
  switch (format) {
    case 'json':
      return through(jsonWriter<FindingRecord>(sink, o.head, 'findings'));
    case 'jsonl':
      return through(jsonlWriter<FindingRecord>(sink));
    case 'csv':
      return through(csvWriter(sink, FINDING_CSV_COLUMNS));
    case 'sarif': {
      const w = sarifWriter(sink, { name: 'netral', version: o.toolVersion, rules: o.sarifRules ?? [] });
      return { begin: () => w.begin(), write: (f) => w.write(findingSarifResult(findingRecord(f, o.lang), o.baselineState)), end: (t) => w.end(t) };
    }
    case 'table':
      if (o.rows) return through(o.rows(sink));
      if (!o.blocks) throw new Error('findingOutput: the table format needs rows or blocks');
      return blockWriter(sink, o.lang, o.blocks);
  }
}

function blockWriter(sink: Sink, lang: Lang, o: BlockOptions): RecordWriter<FindingSource> {
  const counts = new Map<string, number>();
  return {
    begin: () => {},
    write: (f) => {
      const key = String(f.finding.prohibition);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      sink.write(`${o.render(f.finding, f.item, lang, f.isNew ?? false, f.status, f.subjects?.map((s) => s.name), zoneOfRegion(f.subjects?.[0]?.regionCode ?? undefined))}\n\n`);
    },
    end: () => {
      if (!o.summary) return;
      if (counts.size) sink.write(`${o.counts(counts, lang)}\n\n`);
      else if (o.empty) sink.write(`${o.empty}\n`);
    },
  };
}

