// The netral program: global options, every command, and the one place errors become exit codes.
import { Command, Option } from 'commander';
import chalk from 'chalk';
import { t } from '../i18n/index.js';
import { cliMessages as m } from '../i18n/cli.js';
import { TOOL_VERSION } from '../store/store.js';
import { reportError } from './shared.js';
import { registerScanCommand } from './scan.js';
import { registerRulesCommand } from './rules.js';
import { registerRegistryCommand } from './registry.js';
import { registerSubjectsCommand } from './subjects.js';
import { registerReviewCommand } from './review.js';
import { registerEvidenceCommand } from './evidence.js';
import { registerExportCommand } from './export.js';
import { registerVerifyCommand } from './verify.js';
import { registerFetchCommand } from './fetch.js';
import { registerVisionCommand } from './vision.js';

export function buildProgram(): Command {
  const program = new Command('netral')
    .description(t(m.programDescription))
    .version(TOOL_VERSION, '-V, --version', t(m.optVersion))
    .helpOption('-h, --help', t(m.optHelp))
    .helpCommand('help [command]', t(m.optHelp))
    .addOption(new Option('--lang <lang>', t(m.optLang)))
    .option('--debug', t(m.optDebug))
    .option('-q, --quiet', t(m.optQuiet))
    .configureOutput({ outputError: (message, write) => write(`netral: ${commanderError(message)}\n`) })
    .exitOverride();
  registerScanCommand(program);
  registerFetchCommand(program);
  registerSubjectsCommand(program);
  registerReviewCommand(program);
  registerEvidenceCommand(program);
  registerExportCommand(program);
  registerVerifyCommand(program);
  registerRulesCommand(program);
  registerRegistryCommand(program);
  registerVisionCommand(program);
  return program;
}

/**
 * commander's own usage errors, on one line, in the user's language, with where to look next.
 * Unknown shapes keep commander's English text.
 */
function commanderError(message: string): string {
  const text = message.trim().replace(/^error:\s*/i, '').split('\n')[0] ?? '';
  const choice = /^option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\.$/.exec(text);
  if (choice) return t(m.cmdBadChoice, { option: choice[1] ?? '', value: choice[2] ?? '', choices: choice[3] ?? '' });
  const unknownOption = /^unknown option '([^']+)'/.exec(text);
  if (unknownOption) return t(m.cmdUnknownOption, { option: unknownOption[1] ?? '' });
  const unknownCommand = /^unknown command '([^']+)'/.exec(text);
  if (unknownCommand) return t(m.cmdUnknownCommand, { command: unknownCommand[1] ?? '' });
  const missingArg = /^missing required argument '([^']+)'/.exec(text);
  if (missingArg) return t(m.cmdMissingArgument, { argument: missingArg[1] ?? '' });
  const missingValue = /^option '([^']+)' argument missing/.exec(text);
  if (missingValue) return t(m.cmdMissingValue, { option: missingValue[1] ?? '' });
  return `${text} (netral --help)`;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // https://no-color.org: chalk detects pipes by itself but does not read NO_COLOR
  if (process.env.NO_COLOR) chalk.level = 0;
  // --lang must act before the help texts are built
  const langAt = argv.indexOf('--lang');
  const langArg = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (langArg) {
    const { parseLang, setLang } = await import('../i18n/index.js');
    const lang = parseLang(langArg);
    if (lang) setLang(lang);
  }
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    // commander's own exits (help, version, usage errors) arrive as CommanderError
    if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string' && String((err as { code: string }).code).startsWith('commander.')) {
      const code = (err as { exitCode?: number; code: string }).code;
      if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
      return 2;
    }
    return reportError(err, debug);
  }
}
