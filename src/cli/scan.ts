// netral scan <input...>: parse options, run the scan, render findings, map to an exit code.
import { rmSync } from 'node:fs';
import { Command } from 'commander';
import chalk from 'chalk';
import { renderFindingBlock, renderProhibitionCounts } from '../report/terminal.js';
import { z } from 'zod';
import { boundedText, EXIT, NetralError } from '../errors.js';
import { LimitSpecError, parseLimits, type Limits } from '../limits.js';
import { limitMessages } from '../i18n/ingest.js';
import { getLang, t } from '../i18n/index.js';
import { cliMessages as m } from '../i18n/cli.js';
import { Severity, severityRank } from '../model/finding.js';
import { describeInputs } from '../ingest/detect.js';
import { ALL_ADAPTERS } from '../ingest/adapters.js';
import { isValidTimeZone } from '../ingest/time.js';
import { loadRulePack, type RulePack } from '../rules/pack.js';
import { boundHeapGrowth } from './heap-growth.js';
import { isUrlInput, runScan, type ScanFinding, type ScanResult } from '../pipeline/scan.js';
import { defaultActor, openStore, resolveStorePath } from '../store/store.js';
import { TOOL_VERSION } from '../version.js';
import { subjectRegion } from '../store/subjects.js';
import { SCAN_SCHEMA } from '../report/finding-json.js';
import { findingOutput } from '../report/finding-output.js';
import { openSink, OUTPUT_FORMATS } from '../report/output.js';
import { ruleSarif } from '../report/sarif.js';
import { loadBaseline } from '../report/baseline.js';
import { addOutputOptions, applyGlobalOptions, chosenFormat, parseOptions, severityOption, storeOption, withStore } from './shared.js';
import { detail, getVerbosity, notice, onInterrupt } from './terminal.js';
import { startProgress } from './progress.js';
import { batchMessages as bm } from '../i18n/batch.js';
import { batchCommand } from './batch.js';
import { addPageOptions, fetchSettings, PageOptions } from './fetch.js';
import { readUrlList } from '../fetch/fetch-urls.js';
import { visionMessages as vm } from '../i18n/vision.js';
import { assertVisionInstalled } from '../vision/packages.js';
import type { VisionReader } from '../vision/reader.js';
import { defaultJobs } from '../pipeline/default-jobs.js';

const JOBS_BAD = { error: () => t(m.jobsBad) };
const ScanOptions = z.object({
  store: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  registry: z.array(z.string().min(1)).default([]),
  format: z.enum(OUTPUT_FORMATS).default('table'),
  output: z.string().min(1).optional(),
  baseline: z.string().min(1).optional(),
  failOn: Severity.optional(),
  region: z
    .string()
    .regex(/^\d{2}(\d{2})?$/, { error: () => t(m.regionCodeBad) })
    .optional(),
  subject: z.string().min(1).optional(),
  workplaceGroup: z.array(z.string().min(1)).default([]),
  minConfidence: z.coerce.number().min(0).max(1).optional(),
  jobs: z.coerce
    .number(JOBS_BAD)
    .int(JOBS_BAD)
    .min(1, JOBS_BAD)
    .max(64, JOBS_BAD)
    .default(() => defaultJobs()),
  timezone: z.string().refine(isValidTimeZone, { error: () => t(m.timezoneBad) }).default('Asia/Jakarta'),
  textColumn: z.string().min(1).optional(),
  timeColumn: z.string().min(1).optional(),
  skipBad: z.boolean().default(false),
  limit: z.array(z.string()).default([]),
  listFormats: z.boolean().default(false),
  as: z.string().min(1).optional(),
  subjects: z.string().min(1).optional(),
  manifest: z.string().min(1).optional(),
  rescan: z.boolean().default(false),
  vision: z.boolean().default(false),
  keepOriginals: z.boolean().default(false),
}).merge(PageOptions);
type ScanOptions = z.infer<typeof ScanOptions>;

export function registerScanCommand(program: Command): void {
  const scan = program
    .command('scan')
    .description(t(m.scanDescription))
    .argument('[input...]', t(m.argInputs))
    .addOption(storeOption(true))
    .option('--rules <dir>', t(m.optRules))
    .option('--registry <path>', t(m.optRegistry), (v: string, prev: string[] = []) => [...prev, v])
    .addOption(severityOption('--fail-on <severity>', t(m.optFailOn)))
    .option('--baseline <file|store>', t(m.optBaseline))
    .option('--region <code>', t(m.optRegion))
    .option('--subject <id>', t(m.optSubject))
    .option('--workplace-group <name>', t(m.optWorkplaceGroup), (v: string, prev: string[] = []) => [...prev, v])
    .option('--min-confidence <n>', t(m.optMinConfidence))
    .option('--jobs <n>', t(m.optJobs))
    .option('--timezone <zone>', t(m.optTimezone))
    .option('--text-column <name>', t(m.optTextColumn))
    .option('--time-column <name>', t(m.optTimeColumn))
    .option('--skip-bad', t(m.optSkipBad))
    .option('--keep-originals', t(m.optKeepOriginals))
    .option('--limit <name=value>', t(m.optLimit), (v: string, prev: string[] = []) => [...prev, v])
    .option('--list-formats', t(m.optListFormats))
    .option('--as <name>', t(m.optAs))
    .option('--subjects <csv>', t(bm.optSubjects))
    .option('--manifest <file>', t(bm.optManifest))
    .option('--rescan', t(bm.optRescan))
    .option('--vision', t(vm.optVision));
  addOutputOptions(scan, OUTPUT_FORMATS);
  addPageOptions(scan).action(async (inputs: string[], raw: Record<string, unknown>, cmd: Command) => {
    applyGlobalOptions(cmd.parent ?? program);
    process.exitCode = await scanCommand(inputs, parseOptions(ScanOptions, { ...raw, format: chosenFormat(raw, 'table') }));
  });
}

/** The scan's rule pack; the start-up's wider heap headroom ends with its restore (src/cli/heap-growth.ts). */
async function scanPack(opts: ScanOptions): Promise<RulePack> {
  const pack = await loadRulePack({ ...(opts.rules ? { rulesDirs: [opts.rules] } : {}), extraRegistryPaths: opts.registry });
  boundHeapGrowth();
  return pack;
}

async function scanCommand(args: string[], opts: ScanOptions): Promise<number> {
  if (opts.subjects || opts.manifest) return scanBatch(args, opts);
  const inputs = [...args, ...(opts.urls ? readUrlList(opts.urls) : [])];
  if (inputs.length === 0) throw new NetralError(m.noInputs);
  const lang = getLang();
  if (opts.listFormats) {
    printFormats(await describeInputs(inputs.filter((i) => !isUrlInput(i)), ALL_ADAPTERS));
    for (const url of inputs.filter(isUrlInput)) process.stdout.write(`${chalk.bold(url)} (URL)\n`);
    return EXIT.ok;
  }
  const limits = inputLimits(opts.limit);
  const pack = await scanPack(opts);
  // the optional packages are checked before anything is opened: one line, exit 2
  if (opts.vision) assertVisionInstalled();
  const vision: VisionReader | undefined = opts.vision ? await (await import('../vision/reader.js')).VisionReader.open(pack) : undefined;
  const storePath = resolveStorePath(opts.store);
  // read before the scan: the baseline may be this very store
  const baseline = opts.baseline ? loadBaseline(opts.baseline) : undefined;
  const store = openStore(storePath, { actor: opts.as ?? defaultActor(), create: true });
  let result: ScanResult;
  const spinner = await startProgress(t(m.progress, { items: 0, rate: 0, findings: 0 }));
  // Every format is written finding by finding as the scan stores them, so memory stays flat
  // however much is found (json and sarif close their document after the last one).
  // buffered: written a chunk at a time (a terminal still at once), complete when closed below
  const sink = openSink(opts.output, { buffered: true });
  // a scan that does not finish is rolled back: a report file must not claim findings the store does not hold
  const discardReport = (): void => {
    sink.close();
    if (opts.output && opts.output !== '-') rmSync(opts.output, { force: true });
  };
  // Ctrl-C / kill: closing the store rolls the run back, so the store is exactly as before
  const stopHandlingSignals = onInterrupt(
    () => {
      spinner?.stop();
      store.close();
      discardReport();
    },
    (signal) => t(m.scanInterrupted, { signal, store: storePath }),
  );
  detail(t(m.scanStarted, { store: storePath, rules: pack.rules.length }));
  const writer = findingOutput(opts.format, sink, {
    lang,
    head: { schema: SCAN_SCHEMA, store: storePath, baseline: baseline?.source ?? null },
    toolVersion: TOOL_VERSION,
    sarifRules: pack.rules.map((r) => ruleSarif(r.def, lang)),
    ...(baseline ? { baselineState: 'new' as const } : {}),
    blocks: { summary: getVerbosity() !== 'quiet', empty: t(m.summaryNone), render: renderFindingBlock, counts: renderProhibitionCounts },
  });
  // --baseline: report (and fail on) only what the baseline does not hold; dismissed never fails
  const shown = { reported: 0, dismissed: 0, failing: false };
  // --subject: the flagged items another author did (or whose author is not recognised) are not the subject's
  let scannedFor: string | undefined;
  const notFiled = new Set<string>();
  const onFinding = (f: ScanFinding): void => {
    if (scannedFor !== undefined && !f.subjects.some((s) => s.id === scannedFor)) notFiled.add(f.finding.itemId);
    if (baseline?.ids.has(f.finding.id)) return;
    // the spinner shares the terminal only when the report goes to stdout
    if (sink.toStdout) spinner?.clear();
    writer.write(f);
    shown.reported++;
    if (f.status === 'dismissed') shown.dismissed++;
    else if (opts.failOn && severityRank(f.finding.severity) >= severityRank(opts.failOn)) shown.failing = true;
  };
  writer.begin();
  try {
    // requireSubject throws a one-line error for an unknown id/NIP
    const subjectId = opts.subject ? store.requireSubject(opts.subject) : undefined;
    scannedFor = subjectId;
    const region = opts.region ?? (opts.subject ? subjectRegion(store, opts.subject)?.code : undefined);
    const started = Date.now();
    result = await runScan({
      inputs,
      pack,
      store,
      ingest: {
        timezone: opts.timezone,
        skipBad: opts.skipBad,
        limits,
        ...(opts.textColumn ? { textColumn: opts.textColumn } : {}),
        ...(opts.timeColumn ? { timeColumn: opts.timeColumn } : {}),
      },
      actor: opts.as ?? defaultActor(),
      command: process.argv.slice(2).join(' '),
      ...(region ? { region } : {}),
      ...(subjectId ? { subjectId } : {}),
      ...(opts.workplaceGroup.length ? { workplaceGroups: opts.workplaceGroup } : {}),
      ...(opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {}),
      fetch: fetchSettings(opts),
      maxPages: opts.maxPages,
      ...(vision ? { vision } : {}),
      jobs: opts.jobs,
      ...(opts.keepOriginals ? { keepOriginals: true } : {}),
      onItem: (s) => {
        if (spinner && s.items % 50 === 0) {
          const rate = Math.round((s.items * 1000) / Math.max(1, Date.now() - started));
          spinner.text = t(m.progress, { items: s.items, rate, findings: s.findings });
        }
      },
      onFinding,
      onWarning: (w) => {
        if (spinner) spinner.clear();
        process.stderr.write(`${chalk.yellow(t(m.warningPrefix))}: ${w}\n`);
      },
    });
  } catch (err) {
    discardReport();
    throw err;
  } finally {
    stopHandlingSignals();
    spinner?.stop();
    store.close();
    await vision?.close();
  }

  try {
    writer.end({
      runId: result.runId,
      summary: {
        items: result.stats.items,
        captures: result.stats.captures,
        findings: result.stats.findings,
        newFindings: result.counts.newFindings,
        reported: shown.reported,
        dismissed: shown.dismissed,
      },
    });
  } finally {
    sink.close();
  }
  notice(
    t(m.summaryLine, {
      items: result.stats.items,
      captures: result.stats.captures,
      findings: result.stats.findings,
      newFindings: result.counts.newFindings,
      store: storePath,
    }),
  );
  detail(t(m.jobsDone, { workerItems: result.workerItems, items: result.stats.items, jobs: opts.jobs }));
  if (baseline) notice(t(m.baselineSummary, { reported: shown.reported, baseline: baseline.source }));
  if (result.skippedMembers) notice(chalk.dim(t(m.skippedMembers, { count: result.skippedMembers })));
  if (notFiled.size > 0) notice(chalk.dim(t(m.notFiledUnderSubject, { count: notFiled.size })));
  if (shown.reported && opts.format === 'table' && sink.toStdout) notice(chalk.dim(t(m.nextSteps)));
  return shown.failing ? EXIT.findings : EXIT.ok;
}

/** --limit values over the defaults; a bad one is a usage error naming it. */
function inputLimits(specs: string[]): Limits {
  try {
    return parseLimits(specs);
  } catch (err) {
    if (err instanceof LimitSpecError) throw new NetralError(limitMessages.badLimit, { spec: boundedText(err.spec, 60), expected: err.expected });
    throw err;
  }
}

/** --subjects / --manifest: every subject's inputs, each its own transaction (src/cli/batch.ts renders). */
async function scanBatch(args: string[], opts: ScanOptions): Promise<number> {
  if (opts.subjects && opts.manifest) throw new NetralError(bm.batchBothFiles);
  if (args.length || opts.urls || opts.subject) throw new NetralError(bm.batchWithInputs);
  const limits = inputLimits(opts.limit);
  const pack = await scanPack(opts);
  const actor = opts.as ?? defaultActor();
  return withStore(opts.store, { actor, create: true }, (store) =>
    batchCommand(store, {
      file: (opts.subjects ?? opts.manifest)!,
      pack,
      ingest: { timezone: opts.timezone, skipBad: opts.skipBad, limits, ...(opts.textColumn ? { textColumn: opts.textColumn } : {}), ...(opts.timeColumn ? { timeColumn: opts.timeColumn } : {}) },
      actor,
      rescan: opts.rescan,
      ...(opts.keepOriginals ? { keepOriginals: true } : {}),
      jobs: opts.jobs,
      ...(opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {}),
      json: opts.format === 'json' || opts.format === 'jsonl',
      ...(opts.output ? { output: opts.output } : {}),
      quiet: getVerbosity() === 'quiet',
    }),
  );
}

function printFormats(descriptions: Awaited<ReturnType<typeof describeInputs>>): void {
  const adapters = new Map(ALL_ADAPTERS.map((a) => [a.id, a.label]));
  for (const d of descriptions) {
    process.stdout.write(`${chalk.bold(d.input)} (${d.kind})\n`);
    for (const [id, n] of Object.entries(d.recognised)) process.stdout.write(`  ${String(n).padStart(5)}  ${id} — ${adapters.get(id) ?? id}\n`);
    if (d.unrecognised) process.stdout.write(`  ${chalk.dim(t(m.listFormatsUnrecognised, { count: d.unrecognised }))}\n`);
  }
}
