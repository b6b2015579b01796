// netral verify [bundle] [--store <file>] — is the evidence still exactly what was captured?
import { Command, Option } from 'commander';
import { Chalk } from 'chalk';
import { CHECK_LABELS, cliMessages } from '../i18n/cli.js';
import { openSink, writeJsonDocument } from '../report/output.js';
import { VERIFY_SCHEMA } from '../report/schemas.js';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { storeMessages as m, verifyMessages } from '../i18n/store.js';
import { resolveStorePath } from '../store/store.js';
import { verifyBundle, verifyExitCode, verifyStore, type VerifyReport } from '../store/verify.js';
import { terminalChalk } from './terminal-chalk.js';
import { applyGlobalOptions, chosenFormat, parseOptions, storeOption } from './shared.js';

const VerifyOptions = z.object({
  store: z.string().min(1).optional(),
  deep: z.boolean().optional(),
  anchor: z.string().min(1).optional(),
  format: z.enum(['table', 'json']),
  output: z.string().min(1).optional(),
  repair: z.boolean().optional(),
  originals: z.array(z.string().min(1)).optional(),
});

function renderVerifyReport(r: VerifyReport, color = terminalChalk()): string {
  const lines: string[] = [];
  for (const c of r.checks) {
    const word = t(CHECK_LABELS[c.status] ?? { id: c.status, en: c.status }).padEnd(5);
    const status = c.status === 'ok' ? color.green(word) : c.status === 'fail' ? color.red.bold(word) : color.dim(word);
    lines.push(t(m.checkLine, { status, name: c.name, checked: c.checked }));
    for (const p of c.problems) lines.push(`      ${t(verifyMessages[p.code], p.params)}`);
  }
  const count = r.checks.reduce((n, c) => n + c.problems.length, 0);
  lines.push(r.ok ? color.green(t(m.verifyOk, { target: r.target })) : color.red.bold(t(m.verifyFailed, { target: r.target, count })));
  return `${lines.join('\n')}\n`;
}

/** The report as JSON, every problem with its code, its parameters and the rendered message. */
function verifyReportJson(r: VerifyReport): { schema: typeof VERIFY_SCHEMA } & Record<string, unknown> {
  const checks = r.checks.map((c) => ({ ...c, problems: c.problems.map((p) => ({ ...p, message: t(verifyMessages[p.code], p.params) })) }));
  return { schema: VERIFY_SCHEMA, ...r, checks };
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify [bundle]')
    .description(t(m.verifyDescription))
    .addOption(storeOption(false))
    .option('--deep', t(m.optDeep))
    .option('--anchor <manifest|bundle>', t(m.optAnchor))
    .addOption(new Option('--json').hideHelp())
    .addOption(new Option('--format <format>', t(cliMessages.optFormatList, { formats: 'table, json' })).choices(['table', 'json']))
    .option('-o, --output <file>', t(cliMessages.optOutputFile))
    .option('--repair', t(m.optRepair))
    .option('--originals <file|dir>', t(m.optOriginals), (v: string, prev: string[] = []) => [...prev, v])
    .action(async (bundle: string | undefined, raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(VerifyOptions, { ...raw, format: chosenFormat(raw, 'table', { json: 'json' }) });
      const report = bundle
        ? await verifyBundle(bundle)
        : await verifyStore(resolveStorePath(opts.store), { deep: opts.deep ?? false, repair: opts.repair ?? false, ...(opts.anchor ? { anchor: opts.anchor } : {}), ...(opts.originals ? { originals: opts.originals } : {}) });
      const sink = openSink(opts.output);
      try {
        if (opts.format === 'json') writeJsonDocument(sink, verifyReportJson(report));
        else sink.write(renderVerifyReport(report, sink.toStdout ? terminalChalk() : new Chalk({ level: 0 })));
      } finally {
        sink.close();
      }
      process.exitCode = verifyExitCode(report);
    });
}
