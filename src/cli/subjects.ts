// netral subjects import <csv> | list — the civil servants under watch and their accounts.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { storeMessages as m } from '../i18n/store.js';
import { defaultActor } from '../store/store.js';
import { importSubjects, listSubjects } from '../store/subjects.js';
import { terminalChalk } from './evidence.js';
import { applyGlobalOptions, parseOptions, storeOption, withStore } from './shared.js';

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

  subjects
    .command('list')
    .description(t(m.subjectsListDescription))
    .addOption(storeOption(false))
    .addOption(new Option('--format <format>', 'table, json').choices(['table', 'json']).default('table'))
    .action((raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(z.object({ store: z.string().min(1).optional(), format: z.enum(['table', 'json']) }), raw);
      withStore(opts.store, { readonly: true }, (store) => {
        const list = listSubjects(store);
        if (opts.format === 'json') return void process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
        if (list.length === 0) return void process.stdout.write(`${t(m.subjectsNone)}\n`);
        const c = terminalChalk();
        for (const s of list) {
          process.stdout.write(`${c.bold(s.id.slice(0, 10))}  ${s.name.padEnd(28)} ${(s.nip ?? '-').padEnd(18)} ${(s.agency ?? '-').slice(0, 34).padEnd(34)} ${s.regionCode ?? '-'} ${s.regionName ?? ''}  (${s.findings})\n`);
          if (s.accounts.length) process.stdout.write(`            ${s.accounts.map((a) => `${a.platform}:${a.handle}`).join('  ')}\n`);
        }
      });
    });
}
