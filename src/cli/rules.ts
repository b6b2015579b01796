// netral rules list | test: the rule pack as an analyst and a CI job see it.
import path from 'node:path';
import { Command, Option } from 'commander';
import defaultChalk, { Chalk } from 'chalk';
import { z } from 'zod';
import { EXIT, NetralError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { cliMessages as m, PROHIBITION_LABELS, SEVERITY_LABELS, tableHeaders } from '../i18n/cli.js';
import { loadRulePack } from '../rules/pack.js';
import { runRuleTests, type RuleTestSummary } from '../rules/fixtures.js';
import type { RuleFileError } from '../rules/yaml-file.js';
import { rulesJunitXml, type RuleFileProblem } from '../report/junit.js';
import { csvWriter, jsonlWriter, jsonWriter, openSink, writeJsonDocument, type RecordWriter, type Sink } from '../report/output.js';
import { tableWidth, tableWriter } from '../report/table.js';
import { ruleSarif, sarifWriter } from '../report/sarif.js';
import { RULE_LIST_SCHEMA, RULE_SCHEMA, RuleRecord, RULES_TEST_SCHEMA, type RulesTestReport } from '../report/schemas.js';
import { TOOL_VERSION } from '../store/store.js';
import { addOutputOptions, applyGlobalOptions, chosenFormat, parseOptions } from './shared.js';
import { notice } from './terminal.js';

const PackOptions = z.object({
  rules: z.string().min(1).optional(),
  registry: z.array(z.string().min(1)).default([]),
});
const LIST_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
const TEST_FORMATS = ['text', 'json', 'junit', 'sarif'] as const;
const TestOptions = PackOptions.extend({
  format: z.enum(TEST_FORMATS).default('text'),
  output: z.string().min(1).optional(),
  rule: z.array(z.string().min(1)).default([]),
});

export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description(t(m.rulesDescription));
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  addOutputOptions(
    rules.command('list').description(t(m.rulesListDescription)).option('--rules <dir>', t(m.optRules)).option('--registry <path>', t(m.optRegistry), collect),
    LIST_FORMATS,
  ).action(async (raw: Record<string, unknown>) => {
    applyGlobalOptions(program);
    const opts = parseOptions(PackOptions.extend({ format: z.enum(LIST_FORMATS), output: z.string().min(1).optional() }), { ...raw, format: chosenFormat(raw, 'table') });
    const pack = await loadRulePack({ ...(opts.rules ? { rulesDirs: [opts.rules] } : {}), extraRegistryPaths: opts.registry });
    const lang = getLang();
    const sink = openSink(opts.output);
    try {
      const writer = ruleListWriter(opts.format, sink);
      writer.begin();
      for (const r of pack.rules) {
        const d = r.def;
        writer.write({ schema: RULE_SCHEMA, id: d.id, version: d.version, status: d.status, prohibition: d.prohibition, severity: d.severity, title: d.title[lang], file: r.file });
      }
      writer.end({ count: pack.rules.length });
    } finally {
      sink.close();
    }
    notice(
      defaultChalk.dim(
        t(m.rulesListSummary, { rules: pack.rules.length, exceptions: pack.exceptions.length, elections: pack.registry.elections.length, ids: pack.registry.elections.map((e) => e.id).join(', ') }),
      ),
    );
  });
  rules
    .command('test')
    .description(t(m.rulesTestDescription))
    .option('--rules <dir>', t(m.optRules))
    .option('--registry <path>', t(m.optRegistry), collect)
    .addOption(new Option('--format <format>', t(m.optFormatList, { formats: TEST_FORMATS.join(', ') })).choices([...TEST_FORMATS]))
    .addOption(new Option('--reporter <name>').choices(['text', 'junit', 'json']).hideHelp())
    .option('-o, --output <file>', t(m.optOutputFile))
    .option('--rule <id>', t(m.optRule), collect)
    .action(async (raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const format = chosenFormat(raw, 'text', { reporter: { text: 'text', junit: 'junit', json: 'json' } });
      const opts = parseOptions(TestOptions, { ...raw, format });
      const collected: RuleFileError[] = [];
      const pack = await loadRulePack({ ...(opts.rules ? { rulesDirs: [opts.rules] } : {}), extraRegistryPaths: opts.registry, collectErrors: collected });
      const fileErrors: RuleFileProblem[] = collected.map((e) => ({ file: e.file, line: e.line ?? null, column: e.column ?? null, message: e.detail }));
      // every --rule names an id or an id prefix; one that names nothing is a usage error
      const unknown = opts.rule.filter((x) => !pack.rules.some((r) => r.def.id.startsWith(x)));
      if (unknown.length && fileErrors.length === 0) throw new NetralError(m.ruleUnknown, { rules: unknown.join(', ') });
      const summary = runRuleTests(pack, opts.rule.length ? (r) => opts.rule.some((x) => r.def.id.startsWith(x)) : undefined);
      const sink = openSink(opts.output);
      try {
        if (opts.format === 'junit') sink.write(rulesJunitXml(summary, fileErrors));
        else if (opts.format === 'json') writeJsonDocument(sink, jsonReport(summary, fileErrors));
        else if (opts.format === 'sarif') writeSarif(sink, summary, fileErrors);
        else sink.write(textReport(summary, fileErrors, sink.toStdout));
      } finally {
        sink.close();
      }
      // the summary line never mixes into a machine report on stdout
      const line = t(m.rulesTestPassedFailed, { passed: summary.passed, failed: summary.failed + fileErrors.length });
      if (opts.format !== 'text' || !sink.toStdout) (sink.toStdout ? notice : (l: string) => void process.stdout.write(`${l}\n`))(line);
      // a broken rule file is a rule error (3); a failing fixture, or a run with zero cases, fails (1)
      process.exitCode = fileErrors.length ? EXIT.config : summary.failed > 0 || summary.passed === 0 ? EXIT.findings : EXIT.ok;
    });
}

function textReport(s: RuleTestSummary, fileErrors: readonly RuleFileProblem[], color: boolean): string {
  const lang = getLang();
  const chalk = new Chalk({ level: color ? defaultChalk.level : 0 });
  const lines: string[] = [];
  for (const e of fileErrors) lines.push(chalk.red(`✖ ${e.file}${e.line !== null ? `:${e.line}:${e.column ?? 1}` : ''}: ${e.message}`));
  for (const r of s.reports) {
    const ok = r.fp + r.fn + r.problems.length === 0;
    const mark = ok ? chalk.green('✔') : chalk.red('✖');
    const traps = r.traps.length ? chalk.dim(` ${t(m.rulesTraps)}: ${r.traps.join(',')}`) : '';
    lines.push(
      `${mark} ${r.rule.def.id.padEnd(36)} v${r.rule.def.version} (${r.rule.def.status})  TP ${r.tp}  TN ${r.tn}  FP ${r.fp}  FN ${r.fn}  todo ${r.todo}  ${r.ms.toFixed(1)} ms${traps}`,
    );
    for (const o of r.outcomes.filter((x) => x.status === 'fail')) {
      lines.push(chalk.red(`    ✖ "${o.test.name}" ${o.problem}`));
      lines.push(chalk.dim(`      ${r.rule.file}:${o.line ?? '?'}`));
      for (const sp of o.finding?.spans ?? []) lines.push(chalk.dim(`      ${sp.matcher}: ${sp.field}[${sp.start},${sp.end}) "${sp.text}"`));
    }
    for (const p of r.problems) lines.push(chalk.red(`    ✖ ${p}`));
  }
  const totals = s.reports.reduce((a, r) => ({ tp: a.tp + r.tp, tn: a.tn + r.tn, fp: a.fp + r.fp, fn: a.fn + r.fn, todo: a.todo + r.todo }), { tp: 0, tn: 0, fp: 0, fn: 0, todo: 0 });
  lines.push('', t(m.rulesTestSummary, { rules: s.reports.length, ...totals }), chalk.bold(t(m.rulesCoverage)));
  for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', 'other']) {
    const rules = s.reports.filter((r) => String(r.rule.def.prohibition) === key);
    if (!rules.length) continue;
    const tests = rules.flatMap((r) => r.rule.def.tests);
    lines.push(
      `  ${t(m.rulesCoverageLine, {
        prohibition: PROHIBITION_LABELS[key]?.[lang] ?? key,
        rules: rules.length,
        positive: tests.filter((x) => x.expect === 'match').length,
        negative: tests.filter((x) => x.expect === 'no_match').length,
        traps: [...new Set(rules.flatMap((r) => r.traps))].join(', ') || '-',
      })}`,
    );
  }
  lines.push(t(m.rulesTestPassedFailed, { passed: s.passed, failed: s.failed + fileErrors.length }));
  return `${lines.join('\n')}\n`;
}

function jsonReport(s: RuleTestSummary, fileErrors: readonly RuleFileProblem[]): z.infer<typeof RulesTestReport> {
  return {
    schema: RULES_TEST_SCHEMA,
    passed: s.passed,
    failed: s.failed + fileErrors.length,
    todo: s.todo,
    errors: [...fileErrors],
    rules: s.reports.map((r) => ({
      id: r.rule.def.id,
      version: r.rule.def.version,
      prohibition: r.rule.def.prohibition,
      file: r.rule.file,
      tp: r.tp,
      tn: r.tn,
      fp: r.fp,
      fn: r.fn,
      todo: r.todo,
      traps: r.traps,
      problems: r.problems,
      failures: r.outcomes.filter((o) => o.status === 'fail').map((o) => ({ name: o.test.name, problem: o.problem ?? null, line: o.line ?? null })),
    })),
  };
}

/** Failing fixtures and broken rule files as SARIF results pointing at the rule file and line. */
function writeSarif(sink: Sink, s: RuleTestSummary, fileErrors: readonly RuleFileProblem[]): void {
  const lang = getLang();
  const FILE_RULE = 'netral/rule-file';
  const writer = sarifWriter(sink, {
    name: 'netral',
    version: TOOL_VERSION,
    rules: [
      { id: FILE_RULE, name: 'rule-file', shortDescription: { text: t(m.ruleFileError, { detail: '' }).replace(/:\s*$/, '') }, defaultConfiguration: { level: 'error' } },
      ...s.reports.map((r) => ruleSarif(r.rule.def, lang)),
    ],
  });
  const at = (file: string, line: number | null | undefined) => [
    { physicalLocation: { artifactLocation: { uri: encodeURI(path.relative(process.cwd(), file).split(path.sep).join('/')) }, ...(line ? { region: { startLine: line } } : {}) } },
  ];
  writer.begin();
  for (const e of fileErrors) writer.write({ ruleId: FILE_RULE, level: 'error', message: { text: e.message }, locations: at(e.file, e.line) });
  for (const r of s.reports) {
    for (const o of r.outcomes.filter((x) => x.status === 'fail')) {
      writer.write({ ruleId: r.rule.def.id, level: 'error', message: { text: `"${o.test.name}" ${o.problem ?? ''}`.trim() }, locations: at(r.rule.file, o.line) });
    }
    for (const p of r.problems) writer.write({ ruleId: r.rule.def.id, level: 'error', message: { text: p }, locations: at(r.rule.file, 1) });
  }
  writer.end();
}

type RuleRecord = z.infer<typeof RuleRecord>;

function ruleListWriter(format: (typeof LIST_FORMATS)[number], sink: Sink): RecordWriter<RuleRecord> {
  if (format === 'json') return jsonWriter(sink, { schema: RULE_LIST_SCHEMA }, 'rules');
  if (format === 'jsonl') return jsonlWriter(sink);
  if (format === 'csv') return csvWriter<RuleRecord>(sink, [['id', (r) => r.id], ['version', (r) => r.version], ['status', (r) => r.status], ['prohibition', (r) => String(r.prohibition)], ['severity', (r) => r.severity], ['title', (r) => r.title], ['file', (r) => r.file]]);
  const lang = getLang();
  const h = (k: keyof typeof tableHeaders) => t(tableHeaders[k]);
  return tableWriter<RuleRecord>(
    sink,
    [
      { header: h('rule'), width: 34, get: (r) => r.id },
      { header: 'V', width: 2, get: (r) => String(r.version), right: true },
      { header: h('prohibition'), width: 5, get: (r) => String(r.prohibition) },
      { header: h('severity'), width: 7, get: (r) => SEVERITY_LABELS[r.severity]?.[lang] ?? r.severity },
      { header: h('title'), width: 'flex', get: (r) => r.title },
    ],
    { width: tableWidth() },
  );
}
