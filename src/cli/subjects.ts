// netral subjects import <csv> | list — the civil servants under watch and their accounts.
import { Command } from 'commander';
import { Chalk } from 'chalk';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { defaultActor } from '../store/store.js';
import { importSubjects, listSubjects } from '../store/subjects.js';
import { tableHeaders } from '../i18n/cli.js';
import { csvWriter, jsonlWriter, jsonWriter, openSink, type RecordWriter, type Sink } from '../report/output.js';
import { SUBJECT_LIST_SCHEMA, SUBJECT_SCHEMA, SubjectRecord } from '../report/schemas.js';
import { tableWidth, tableWriter } from '../report/table.js';
import { terminalChalk } from './terminal-chalk.js';
import { addOutputOptions, applyGlobalOptions, chosenFormat, parseOptions, storeOption, withStore } from './shared.js';

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;

export function registerSubjectsCommand(program: Command): void {
  const subjects = program.command('subjects').description(t(m.subjectsDescription));

  subjects
    .command('import <csv>')
    .description(t(m.subjectsImportDescription))
    .addOption(storeOption(true))
    .option('--as <name>', t(m.optReviewer))
    .action((file: string, raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(z.object({ store: z.string().min(1).optional(), as: z.string().trim().min(1).optional() }), raw);
      const actor = opts.as ?? defaultActor();
      withStore(opts.store, { actor, create: true }, (store) => {
        const r = importSubjects(store, file, actor);
        process.stdout.write(`${t(m.subjectsImported, { file: r.file, rows: r.rows, new: r.newSubjects, updated: r.updatedSubjects, accounts: r.newAccounts })}\n`);
      });
    });

  addOutputOptions(subjects.command('list').description(t(m.subjectsListDescription)).addOption(storeOption(false)), FORMATS).action((raw: Record<string, unknown>) => {
    applyGlobalOptions(program);
    const opts = parseOptions(z.object({ store: z.string().min(1).optional(), format: z.enum(FORMATS), output: z.string().min(1).optional() }), { ...raw, format: chosenFormat(raw, 'table') });
    withStore(opts.store, { readonly: true }, (store) => {
      const sink = openSink(opts.output);
      try {
        const writer = subjectWriter(opts.format, sink, store.path);
        writer.begin();
        let n = 0;
        for (const s of listSubjects(store)) {
          writer.write({ schema: SUBJECT_SCHEMA, ...s });
          n++;
        }
        writer.end({ count: n });
      } finally {
        sink.close();
      }
    });
  });
}

type SubjectRecord = z.infer<typeof SubjectRecord>;

function subjectWriter(format: (typeof FORMATS)[number], sink: Sink, store: string): RecordWriter<SubjectRecord> {
  if (format === 'json') return jsonWriter(sink, { schema: SUBJECT_LIST_SCHEMA, store }, 'subjects');
  if (format === 'jsonl') return jsonlWriter(sink);
  if (format === 'csv') {
    return csvWriter<SubjectRecord>(sink, [
      ['id', (s) => s.id],
      ['name', (s) => s.name],
      ['nip', (s) => s.nip],
      ['agency', (s) => s.agency],
      ['position', (s) => s.position],
      ['region_code', (s) => s.regionCode],
      ['region_name', (s) => s.regionName],
      ['accounts', (s) => s.accounts.map((a) => `${a.platform}:${a.handle}`).join('; ')],
      ['findings', (s) => s.findings],
    ]);
  }
  const c = sink.toStdout ? terminalChalk() : new Chalk({ level: 0 });
  const h = (k: keyof typeof tableHeaders) => t(tableHeaders[k]);
  return tableWriter<SubjectRecord>(
    sink,
    [
      { header: h('id'), width: 10, get: (s) => s.id.slice(0, 10), style: (x) => c.bold(x) },
      { header: h('name'), width: 20, get: (s) => s.name },
      { header: h('nip'), width: 18, get: (s) => s.nip ?? '-' },
      { header: h('agency'), width: 'flex', get: (s) => s.agency ?? '-' },
      { header: h('region'), width: 4, get: (s) => s.regionCode ?? '-' },
      { header: h('findings'), width: 6, get: (s) => String(s.findings), right: true },
    ],
    { width: tableWidth(), empty: t(m.subjectsNone), header: (line) => c.dim(line) },
  );
}
