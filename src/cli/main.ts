// The netral program: global options, every command, and the one place errors become exit codes.
import { Command, Help, Option } from 'commander';
import { t, type Message } from '../i18n/index.js';
import { cliMessages as m } from '../i18n/cli.js';
import { TOOL_VERSION } from '../version.js';
import { endQuietlyOnClosedPipe } from './closed-pipe.js';
import { boundHeapGrowth, boundYoungGeneration, HEAP_GROWING_PERCENT, markOnOwnThread, scansInProcess, START_HEAP_GROWING_PERCENT } from './heap-growth.js';

// Commands are imported only when they run: `netral --version` or `netral review` must not pay
// for the rule engine, RE2, the ingest adapters or the HTML report (start-up is most of a short
// command's time). Help and unknown commands register all of them.
type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  scan: async () => (await import('./scan.js')).registerScanCommand,
  fetch: async () => (await import('./fetch.js')).registerFetchCommand,
  subjects: async () => (await import('./subjects.js')).registerSubjectsCommand,
  review: async () => (await import('./review.js')).registerReviewCommand,
  evidence: async () => (await import('./evidence.js')).registerEvidenceCommand,
  export: async () => (await import('./export.js')).registerExportCommand,
  verify: async () => (await import('./verify.js')).registerVerifyCommand,
  rules: async () => (await import('./rules.js')).registerRulesCommand,
  registry: async () => (await import('./registry.js')).registerRegistryCommand,
  vision: async () => (await import('./vision.js')).registerVisionCommand,
};

/** Commands that load zod only where an action needs it (listing findings must not pay its start-up). */
const ZOD_ON_USE: ReadonlySet<string> = new Set(['review', 'evidence']);

/** commander's own help headings, in the user's language */
const HELP_TITLES: Record<string, Message> = {
  'Usage:': m.helpUsage,
  'Options:': m.helpOptions,
  'Commands:': m.helpCommands,
  'Arguments:': m.helpArguments,
  'Global Options:': m.helpGlobalOptions,
};

/** commander's "[options]" and "[command]" placeholders in the user's language */
function localiseUsage(text: string): string {
  return text.replace('[options]', `[${t(m.helpOptionsWord)}]`).replace('[command]', `[${t(m.helpCommandWord)}]`);
}

/** The command word of argv (after node and the script), skipping global options and --lang's value. */
function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** The program with the command `argv` names registered, or all of them (help, unknown, none). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('netral')
    .configureHelp({
      styleTitle: (title) => (HELP_TITLES[title] ? t(HELP_TITLES[title]) : title),
      commandUsage(cmd) {
        return localiseUsage(Help.prototype.commandUsage.call(this, cmd));
      },
      // the command list too ("scan [opsi] [input...]"), not only the usage line
      subcommandTerm(cmd) {
        return localiseUsage(Help.prototype.subcommandTerm.call(this, cmd));
      },
      optionDescription(option) {
        return Help.prototype.optionDescription.call(this, option).replace(/\((choices|default): /, (_, w: string) => `(${t(w === 'choices' ? m.helpChoices : m.helpDefault)}: `);
      },
      argumentDescription(argument) {
        return Help.prototype.argumentDescription.call(this, argument).replace(/\((choices|default): /, (_, w: string) => `(${t(w === 'choices' ? m.helpChoices : m.helpDefault)}: `);
      },
    })
    .description(t(m.programDescription))
    .version(TOOL_VERSION, '-V, --version', t(m.optVersion))
    .helpOption('-h, --help', t(m.optHelp))
    .helpCommand('help [command]', t(m.optHelp))
    .addOption(new Option('--lang <lang>', t(m.optLang)))
    .option('--debug', t(m.optDebug))
    .option('-q, --quiet', t(m.optQuiet))
    .option('--verbose', t(m.optVerbose))
    .configureOutput({ outputError: (message, write) => write(`netral: ${commanderError(message)}\n`) })
    .exitOverride();
  const word = commandWord(argv);
  const only = word !== undefined && !argv.includes('--help') && !argv.includes('-h') ? COMMANDS[word] : undefined;
  // --version before any command: nothing to register
  const versionOnly = word === undefined && (argv.includes('--version') || argv.includes('-V'));
  const registers = versionOnly ? [] : only ? [only] : Object.values(COMMANDS);
  for (const register of await Promise.all(registers.map((load) => load()))) register(program);
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
  if (unknownOption) {
    const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(text)?.[1];
    return t(m.cmdUnknownOption, { option: unknownOption[1] ?? '' }) + (suggestion ? ` — ${t(m.cmdDidYouMean, { suggestion })}` : '');
  }
  const unknownCommand = /^unknown command '([^']+)'/.exec(text);
  if (unknownCommand) return t(m.cmdUnknownCommand, { command: unknownCommand[1] ?? '' });
  const missingArg = /^missing required argument '([^']+)'/.exec(text);
  if (missingArg) return t(m.cmdMissingArgument, { argument: missingArg[1] ?? '' });
  const missingValue = /^option '([^']+)' argument missing/.exec(text);
  if (missingValue) return t(m.cmdMissingValue, { option: missingValue[1] ?? '' });
  const required = /^required option '([^']+)' not specified/.exec(text);
  if (required) return t(m.cmdRequiredOption, { option: required[1] ?? '' });
  const tooMany = /^too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)/.exec(text);
  if (tooMany) return t(m.cmdTooManyArguments, { command: tooMany[1] ?? 'netral', expected: tooMany[2] ?? '0', got: tooMany[3] ?? '' });
  return `${text} (netral --help)`;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const word = commandWord(argv);
  const inProcess = word === 'scan' && scansInProcess(argv, (await import('../pipeline/default-jobs.js')).defaultJobs);
  // memory flat in input size: before anything large is allocated (src/cli/heap-growth.ts); an
  // in-process scan starts wider and is bounded once its pack is restored (src/cli/scan.ts)
  boundHeapGrowth(inProcess ? START_HEAP_GROWING_PERCENT : HEAP_GROWING_PERCENT);
  boundYoungGeneration(word, inProcess);
  markOnOwnThread(word);
  endQuietlyOnClosedPipe();
  // https://no-color.org: chalk detects pipes by itself but does not read NO_COLOR; it does read
  // FORCE_COLOR when it loads, which a list may never do (src/cli/colour.ts)
  if (process.env.NO_COLOR) {
    if (process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';
    else (await import('chalk')).default.level = 0;
  }
  // --lang must act before the help texts are built
  const langAt = argv.indexOf('--lang');
  const langArg = langAt >= 0 ? argv[langAt + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  if (langArg) {
    const { parseLang, setLang } = await import('../i18n/index.js');
    const lang = parseLang(langArg);
    if (lang) setLang(lang);
  }
  const program = await buildProgram(argv);
  // zod's messages in the user's language, for the commands that validate options (not --version;
  // not review and evidence either: they load zod only in the actions that use it, shared.loadZod)
  const zodOnUse = word !== undefined && ZOD_ON_USE.has(word) && !argv.includes('--help') && !argv.includes('-h');
  if (program.commands.length > 0 && !zodOnUse) (await import('../i18n/zod.js')).installZodMessages();
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
    const { reportError } = await import('./shared.js');
    return reportError(err, debug);
  }
}
