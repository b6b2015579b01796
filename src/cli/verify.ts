// netral verify [bundle] [--store <file>] — is the evidence still exactly what was captured?
import { Command } from 'commander';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { storeMessages as m, verifyMessages } from '../i18n/store.js';
import { resolveStorePath } from '../store/store.js';
import { verifyBundle, verifyExitCode, verifyStore, type VerifyReport } from '../store/verify.js';
import { terminalChalk } from './evidence.js';
import { applyGlobalOptions, parseOptions, storeOption } from './shared.js';

const VerifyOptions = z.object({
  store: z.string().min(1).optional(),
  deep: z.boolean().optional(),
  anchor: z.string().min(1).optional(),
  json: z.boolean().optional(),
  repair: z.boolean().optional(),
});

function renderVerifyReport(r: VerifyReport, color = terminalChalk()): string {
  const lines: string[] = [];
  for (const c of r.checks) {
    const status = c.status === 'ok' ? color.green('ok  ') : c.status === 'fail' ? color.red.bold('FAIL') : color.dim('skip');
    lines.push(t(m.checkLine, { status, name: c.name, checked: c.checked }));
    for (const p of c.problems) lines.push(`      ${t(verifyMessages[p.code], p.params)}`);
  }
  const count = r.checks.reduce((n, c) => n + c.problems.length, 0);
  lines.push(r.ok ? color.green(t(m.verifyOk, { target: r.target })) : color.red.bold(t(m.verifyFailed, { target: r.target, count })));
  return `${lines.join('\n')}\n`;
}

/** The report as JSON, every problem with its code, its parameters and the rendered message. */
function verifyReportJson(r: VerifyReport): string {
  const checks = r.checks.map((c) => ({ ...c, problems: c.problems.map((p) => ({ ...p, message: t(verifyMessages[p.code], p.params) })) }));
  return `${JSON.stringify({ ...r, checks }, null, 2)}\n`;
}

export function registerVerifyCommand(program: Command): void {
  program
    .command('verify [bundle]')
    .description(t(m.verifyDescription))
    .addOption(storeOption(false))
    .option('--deep', t(m.optDeep))
    .option('--anchor <manifest|bundle>', t(m.optAnchor))
    .option('--json', 'JSON')
    .option('--repair', t(m.optRepair))
    .action(async (bundle: string | undefined, raw: Record<string, unknown>) => {
      applyGlobalOptions(program);
      const opts = parseOptions(VerifyOptions, raw);
      const report = bundle
        ? await verifyBundle(bundle)
        : await verifyStore(resolveStorePath(opts.store), { deep: opts.deep ?? false, repair: opts.repair ?? false, ...(opts.anchor ? { anchor: opts.anchor } : {}) });
      process.stdout.write(opts.json ? verifyReportJson(report) : renderVerifyReport(report));
      process.exitCode = verifyExitCode(report);
    });
}
