// netral scan --subjects <csv> | --manifest <csv|json>: the batch form of `scan`. Parses nothing
// itself (scan.ts does), runs the batch and prints one error line per failed input and a
// summary per subject; exit 4 ("partial") when some inputs failed and the others were scanned.
import chalk from 'chalk';
import { EXIT } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { batchMessages as m } from '../i18n/batch.js';
import { cliMessages as cm, PROHIBITION_LABELS } from '../i18n/cli.js';
import { detail } from './terminal.js';
import type { IngestOptions } from '../ingest/types.js';
import { loadBatch, runBatch, type SubjectBatchSummary } from '../pipeline/batch.js';
import type { RulePack } from '../rules/pack.js';
import type { Store } from '../store/store.js';
import { openSink, writeJsonDocument } from '../report/output.js';
import { BATCH_SCHEMA } from '../report/schemas.js';

export interface BatchCommandOptions {
  file: string;
  pack: RulePack;
  ingest: IngestOptions;
  actor: string;
  rescan: boolean;
  /** --keep-originals: every file behind a finding stored whole */
  keepOriginals?: boolean;
  /** --jobs: threads evaluating each input's items */
  jobs?: number;
  minConfidence?: number;
  json: boolean;
  /** --output: the JSON report to a file */
  output?: string;
  quiet: boolean;
}

export async function batchCommand(store: Store, o: BatchCommandOptions): Promise<number> {
  const entries = loadBatch(store, o.file, o.actor);
  const evaluated = { items: 0, workerItems: 0 };
  const result = await runBatch({
    entries,
    pack: o.pack,
    store,
    ingest: o.ingest,
    actor: o.actor,
    command: process.argv.slice(2).join(' '),
    rescan: o.rescan,
    ...(o.keepOriginals ? { keepOriginals: true } : {}),
    ...(o.jobs ? { jobs: o.jobs } : {}),
    onScanned: (r) => {
      evaluated.items += r.stats.items;
      evaluated.workerItems += r.workerItems;
    },
    ...(o.minConfidence !== undefined ? { minConfidence: o.minConfidence } : {}),
    onInput: (r) => {
      if (r.status !== 'failed') return;
      // most errors already start with the file they are about: name it once
      const detail = r.error ?? '';
      const line = detail.includes(r.input) ? t(m.inputFailedNamed, { subject: r.subject, detail }) : t(m.inputFailed, { subject: r.subject, input: r.input, detail });
      process.stderr.write(`netral: ${line}\n`);
    },
  });
  if (o.json) {
    const sink = openSink(o.output);
    try {
      writeJsonDocument(sink, { schema: BATCH_SCHEMA, ...result });
    } finally {
      sink.close();
    }
  }
  else if (!o.quiet) {
    process.stdout.write(`${chalk.bold(t(m.summaryHeader))}\n`);
    for (const s of result.subjects) process.stdout.write(`${summaryLine(s)}\n`);
  }
  if (o.jobs) detail(t(cm.jobsDone, { workerItems: evaluated.workerItems, items: evaluated.items, jobs: o.jobs }));
  const failed = result.inputs.filter((i) => i.status === 'failed').length;
  if (!result.partial) return EXIT.ok;
  process.stderr.write(`${chalk.yellow(t(m.partial, { failed, total: result.inputs.length }))}\n`);
  return EXIT.partial;
}

function summaryLine(s: SubjectBatchSummary): string {
  const findings = Object.entries(s.findings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, n]) => `${p === 'other' ? (PROHIBITION_LABELS.other?.[getLang()] ?? p) : `L${p}`} ${n}`)
    .join(', ');
  const line = t(m.summaryRow, { subject: s.subject, inputs: s.inputs, scanned: s.scanned, skipped: s.skipped, errors: s.errors, items: s.items, findings: findings || t(m.summaryNoFindings), other: s.otherFindings });
  return s.errors ? chalk.red(line) : line;
}
