// netral rules list | test: the rule pack as an analyst and a CI job see it.
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import chalk from 'chalk';
import { z } from 'zod';
import { EXIT } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import { cliMessages as m, PROHIBITION_LABELS } from '../i18n/cli.js';
import { loadRulePack } from '../rules/pack.js';
import { runRuleTests, type RuleTestSummary } from '../rules/fixtures.js';
import { rulesJunitXml } from '../report/junit.js';
import { applyGlobalOptions, parseOptions } from './shared.js';

const PackOptions = z.object({
  rules: z.string().min(1).optional(),
  registry: z.array(z.string().min(1)).default([]),
});
const TestOptions = PackOptions.extend({
  reporter: z.enum(['text', 'junit', 'json']).default('text'),
  output: z.string().min(1).optional(),
  rule: z.string().min(1).optional(),
});

export function registerRulesCommand(program: Command): void {
  const rules = program.command('rules').description(t(m.rulesDescription));
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  rules
    .command('list')
    .description(t(m.rulesListDescription))
    .option('--rules <dir>', t(m.optRules))
    .option('--registry <path>', t(m.optRegistry), collect)
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      applyGlobalOptions(program);
      const opts = parseOptions(PackOptions, raw);
      const pack = await loadRulePack({ ...(opts.rules ? { rulesDirs: [opts.rules] } : {}), extraRegistryPaths: opts.registry });
      const lang = getLang();
      for (const r of pack.rules) {
        const d = r.def;
        process.stdout.write(
          `${d.id.padEnd(36)} v${String(d.version).padEnd(3)} ${String(d.prohibition).padEnd(6)} ${d.severity.padEnd(7)} ${d.status.padEnd(12)} ${d.title[lang]}\n`,
        );
      }
      process.stdout.write(
        chalk.dim(`${pack.rules.length} rules · ${pack.exceptions.length} shared exceptions · ${pack.registry.elections.length} elections (${pack.registry.elections.map((e) => e.id).join(', ')})\n`),
      );
      void cmd;
    });
  rules
    .command('test')
    .description(t(m.rulesTestDescription))
    .option('--rules <dir>', t(m.optRules))
    .option('--registry <path>', t(m.optRegistry), collect)
    .addOption(new Option('--reporter <name>', t(m.optReporter)).choices(['text', 'junit', 'json']).default('text'))
    .option('--output <file>', t(m.optOutput))
    .option('--rule <prefix>', t(m.optRule))
    .action(async (raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(TestOptions, raw);
      const pack = await loadRulePack({ ...(opts.rules ? { rulesDirs: [opts.rules] } : {}), extraRegistryPaths: opts.registry });
      const summary = runRuleTests(pack, opts.rule ? (r) => r.def.id.startsWith(opts.rule as string) : undefined);
      const report =
        opts.reporter === 'junit' ? rulesJunitXml(summary) : opts.reporter === 'json' ? `${JSON.stringify(jsonReport(summary), null, 2)}\n` : textReport(summary);
      if (opts.output) writeFileSync(opts.output, report);
      else process.stdout.write(report);
      if (opts.output || opts.reporter !== 'text') process.stdout.write(`${summary.passed} passed, ${summary.failed} failed\n`);
      // a run with zero cases is a failure, never a pass
      process.exitCode = summary.failed > 0 || summary.passed === 0 ? EXIT.findings : EXIT.ok;
    });
}

function textReport(s: RuleTestSummary): string {
  const lang = getLang();
  const lines: string[] = [];
  for (const r of s.reports) {
    const ok = r.fp + r.fn + r.problems.length === 0;
    const mark = ok ? chalk.green('✔') : chalk.red('✖');
    const traps = r.traps.length ? chalk.dim(` traps: ${r.traps.join(',')}`) : '';
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
  lines.push(`${s.passed} passed, ${s.failed} failed`);
  return `${lines.join('\n')}\n`;
}

function jsonReport(s: RuleTestSummary) {
  return {
    passed: s.passed,
    failed: s.failed,
    todo: s.todo,
    rules: s.reports.map((r) => ({
      id: r.rule.def.id,
      version: r.rule.def.version,
      prohibition: r.rule.def.prohibition,
      tp: r.tp,
      tn: r.tn,
      fp: r.fp,
      fn: r.fn,
      todo: r.todo,
      traps: r.traps,
      problems: r.problems,
      failures: r.outcomes.filter((o) => o.status === 'fail').map((o) => ({ name: o.test.name, problem: o.problem, line: o.line })),
    })),
  };
}
