// netral scan <input...>: parse options, run the scan, render findings, map to an exit code.
import { Command, Option } from 'commander';
import ora, { type Ora } from 'ora';
import chalk from 'chalk';
import { z } from 'zod';
import { EXIT, NetralError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { cliMessages as m } from '../i18n/cli.js';
import { Severity } from '../model/finding.js';
import { describeInputs } from '../ingest/detect.js';
import { ALL_ADAPTERS } from '../ingest/adapters.js';
import { isValidTimeZone } from '../ingest/time.js';
import { loadRulePack } from '../rules/pack.js';
import { isUrlInput, reachesSeverity, runScan, type ScanResult } from '../pipeline/scan.js';
import { defaultActor, openStore, resolveStorePath } from '../store/store.js';
import { subjectRegion } from '../store/subjects.js';
import { findingCsvLine, findingJson, SCAN_CSV_HEADER, SCAN_SCHEMA } from '../report/finding-json.js';
import { csvLine } from '../report/csv.js';
import { renderFindingBlock, renderSummaryTable } from '../report/terminal.js';
import { applyGlobalOptions, parseOptions, severityOption } from './shared.js';
import { addPageOptions, fetchSettings, PageOptions } from './fetch.js';
import { readUrlList } from '../fetch/fetch-urls.js';
import { visionMessages as vm } from '../i18n/vision.js';
import { assertVisionInstalled } from '../vision/packages.js';
import type { VisionReader } from '../vision/reader.js';

const ScanOptions = z.object({
  store: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  registry: z.array(z.string().min(1)).default([]),
  format: z.enum(['table', 'json', 'jsonl', 'csv']).default('table'),
  failOn: Severity.optional(),
  region: z
    .string()
    .regex(/^\d{2}(\d{2})?$/, 'a KPU/Kemendagri region code: 2 digits (province) or 4 digits (regency/city)')
    .optional(),
  subject: z.string().min(1).optional(),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  timezone: z.string().refine(isValidTimeZone, 'not an IANA time zone (e.g. Asia/Jakarta)').default('Asia/Jakarta'),
  textColumn: z.string().min(1).optional(),
  timeColumn: z.string().min(1).optional(),
  skipBad: z.boolean().default(false),
  listFormats: z.boolean().default(false),
  as: z.string().min(1).optional(),
  vision: z.boolean().default(false),
}).merge(PageOptions);
type ScanOptions = z.infer<typeof ScanOptions>;

export function registerScanCommand(program: Command): void {
  const scan = program
    .command('scan')
    .description(t(m.scanDescription))
    .argument('[input...]', 'file, folder, zip, URL')
    .option('--store <file>', t(m.optStore))
    .option('--rules <dir>', t(m.optRules))
    .option('--registry <path>', t(m.optRegistry), (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--format <format>', t(m.optFormat)).choices(['table', 'json', 'jsonl', 'csv']).default('table'))
    .addOption(severityOption('--fail-on <severity>', t(m.optFailOn)))
    .option('--region <code>', t(m.optRegion))
    .option('--subject <id>', t(m.optSubject))
    .option('--min-confidence <n>', t(m.optMinConfidence))
    .option('--timezone <zone>', t(m.optTimezone))
    .option('--text-column <name>', t(m.optTextColumn))
    .option('--time-column <name>', t(m.optTimeColumn))
    .option('--skip-bad', t(m.optSkipBad))
    .option('--list-formats', t(m.optListFormats))
    .option('--as <name>', t(m.optAs))
    .option('--vision', t(vm.optVision));
  addPageOptions(scan).action(async (inputs: string[], raw: Record<string, unknown>, cmd: Command) => {
    const global = applyGlobalOptions(cmd.parent ?? program);
    process.exitCode = await scanCommand(inputs, parseOptions(ScanOptions, raw), Boolean(global.quiet));
  });
}

async function scanCommand(args: string[], opts: ScanOptions, quiet: boolean): Promise<number> {
  const inputs = [...args, ...(opts.urls ? readUrlList(opts.urls) : [])];
  if (inputs.length === 0) throw new NetralError(m.noInputs);
  const lang = getLang();
  if (opts.listFormats) {
    printFormats(await describeInputs(inputs.filter((i) => !isUrlInput(i)), ALL_ADAPTERS));
    for (const url of inputs.filter(isUrlInput)) process.stdout.write(`${chalk.bold(url)} (URL)\n`);
    return EXIT.ok;
  }
  const pack = await loadRulePack({
    ...(opts.rules ? { rulesDirs: [opts.rules] } : {}),
    extraRegistryPaths: opts.registry,
  });
  // the optional packages are checked before anything is opened: one line, exit 2
  if (opts.vision) assertVisionInstalled();
  const vision: VisionReader | undefined = opts.vision ? await (await import('../vision/reader.js')).VisionReader.open(pack) : undefined;
  const storePath = resolveStorePath(opts.store);
  const store = openStore(storePath, { actor: opts.as ?? defaultActor() });
  let result: ScanResult;
  const spinner = progress(quiet);
  try {
    // requireSubject throws a one-line error for an unknown id/NIP
    const subjectId = opts.subject ? store.requireSubject(opts.subject) : undefined;
    const region = opts.region ?? (opts.subject ? subjectRegion(store, opts.subject)?.code : undefined);
    const started = Date.now();
    result = await runScan({
      inputs,
      pack,
      store,
      ingest: {
        timezone: opts.timezone,
        skipBad: opts.skipBad,
        ...(opts.textColumn ? { textColumn: opts.textColumn } : {}),
        ...(opts.timeColumn ? { timeColumn: opts.timeColumn } : {}),
      },
      actor: opts.as ?? defaultActor(),
      command: process.argv.slice(2).join(' '),
      ...(region ? { region } : {}),
      ...(subjectId ? { subjectId } : {}),
      ...(opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {}),
      fetch: fetchSettings(opts),
      maxPages: opts.maxPages,
      ...(vision ? { vision } : {}),
      onItem: (s) => {
        if (spinner && s.items % 50 === 0) {
          const rate = Math.round((s.items * 1000) / Math.max(1, Date.now() - started));
          spinner.text = t(m.progress, { items: s.items, rate, findings: s.findings });
        }
      },
      onWarning: (w) => {
        if (spinner) spinner.clear();
        process.stderr.write(`${chalk.yellow(t(m.warningPrefix))}: ${w}\n`);
      },
    });
  } finally {
    spinner?.stop();
    store.close();
    await vision?.close();
  }

  const out = process.stdout;
  switch (opts.format) {
    case 'json':
      out.write(
        `${JSON.stringify(
          {
            schema: SCAN_SCHEMA,
            run_id: result.runId,
            store: storePath,
            summary: { items: result.stats.items, captures: result.stats.captures, findings: result.findings.length, new_findings: result.counts.newFindings },
            findings: result.findings.map((f) => findingJson(f, lang)),
          },
          null,
          2,
        )}\n`,
      );
      break;
    case 'jsonl':
      for (const f of result.findings) out.write(`${JSON.stringify(findingJson(f, lang))}\n`);
      break;
    case 'csv':
      out.write(`\uFEFF${csvLine([...SCAN_CSV_HEADER])}`);
      for (const f of result.findings) out.write(findingCsvLine(findingJson(f, lang)));
      break;
    case 'table':
      for (const f of result.findings) out.write(`${renderFindingBlock(f.finding, f.item, lang, f.isNew, f.status)}\n\n`);
      if (!quiet) {
        if (result.findings.length) out.write(`${renderSummaryTable(result.findings, lang)}\n\n`);
        else out.write(`${t(m.summaryNone)}\n`);
      }
      break;
  }
  if (!quiet) {
    process.stderr.write(
      `${t(m.summaryLine, {
        items: result.stats.items,
        captures: result.stats.captures,
        findings: result.findings.length,
        newFindings: result.counts.newFindings,
        store: storePath,
      })}\n`,
    );
    if (result.skippedMembers) process.stderr.write(`${chalk.dim(t(m.skippedMembers, { count: result.skippedMembers }))}\n`);
    if (result.findings.length && opts.format === 'table') process.stderr.write(`${chalk.dim(t(m.nextSteps))}\n`);
  }
  return opts.failOn && reachesSeverity(result.findings, opts.failOn) ? EXIT.findings : EXIT.ok;
}

/** ora on a terminal only: piped output and CI logs stay clean. */
function progress(quiet: boolean): Ora | undefined {
  if (quiet || !process.stderr.isTTY) return undefined;
  return ora({ stream: process.stderr, text: t(m.progress, { items: 0, rate: 0, findings: 0 }) }).start();
}

function printFormats(descriptions: Awaited<ReturnType<typeof describeInputs>>): void {
  const adapters = new Map(ALL_ADAPTERS.map((a) => [a.id, a.label]));
  for (const d of descriptions) {
    process.stdout.write(`${chalk.bold(d.input)} (${d.kind})\n`);
    for (const [id, n] of Object.entries(d.recognised)) process.stdout.write(`  ${String(n).padStart(5)}  ${id} — ${adapters.get(id) ?? id}\n`);
    if (d.unrecognised) process.stdout.write(`  ${chalk.dim(t(m.listFormatsUnrecognised, { count: d.unrecognised }))}\n`);
  }
}
