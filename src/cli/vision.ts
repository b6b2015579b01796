// netral vision doctor: what the optional photo-reading capability has to work with here.
import { Command } from 'commander';
import chalk from 'chalk';
import { EXIT } from '../errors.js';
import { t } from '../i18n/index.js';
import { visionMessages as m } from '../i18n/vision.js';
import { loadRulePack } from '../rules/pack.js';
import { visionDoctor } from '../vision/doctor.js';
import { INSTALL_LINE } from '../vision/packages.js';
import { applyGlobalOptions } from './shared.js';

export function registerVisionCommand(program: Command): void {
  const vision = program.command('vision').description(t(m.cmdVision));
  vision
    .command('doctor')
    .description(t(m.cmdDoctor))
    .option('--registry <path>', 'registry file or folder', (v: string, prev: string[] = []) => [...prev, v])
    .action(async (raw: { registry?: string[] }, cmd: Command) => {
      applyGlobalOptions(cmd.parent?.parent ?? program);
      process.exitCode = await doctorCommand(raw.registry ?? []);
    });
}

async function doctorCommand(registry: string[]): Promise<number> {
  const pack = await loadRulePack({ extraRegistryPaths: registry });
  const report = await visionDoctor(pack);
  const out = process.stdout;
  out.write(`${chalk.bold(t(m.doctorHeader))}\n`);
  for (const p of report.packages) {
    const state = p.version ? chalk.green(p.version) : chalk.red(t(m.doctorMissing));
    out.write(`  ${p.name.padEnd(30)} ${state.padEnd(20)} ${chalk.dim(`${t(m.doctorSignal)}: ${p.signal}`)}\n`);
  }
  out.write(`${chalk.bold(t(m.doctorProbe))}\n`);
  for (const probe of report.probes) {
    const line =
      probe.status === 'ok'
        ? chalk.green(t(m.doctorProbeOk, { signal: probe.signal, model: probe.model ?? '', ms: probe.ms ?? 0 }))
        : probe.status === 'missing'
          ? chalk.yellow(t(m.doctorProbeSkipped, { signal: probe.signal }))
          : chalk.red(t(m.doctorProbeFail, { signal: probe.signal, detail: probe.detail ?? '' }));
    out.write(`  ${line}\n`);
  }
  out.write(`${t(m.doctorRegistryImages, { count: report.referenceImages })}\n`);
  const allOk = report.probes.every((p) => p.status === 'ok');
  if (!allOk) out.write(`${t(m.doctorInstall, { install: INSTALL_LINE })}\n`);
  return allOk ? EXIT.ok : EXIT.findings;
}
