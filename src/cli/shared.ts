// What every command shares: global options, language, error → exit code mapping.
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { NetralError, EXIT } from '../errors.js';
import { parseLang, setLang, t } from '../i18n/index.js';
import { cliMessages as m } from '../i18n/cli.js';
import { RuleFileError } from '../rules/rule-file-error.js';
import { setVerbosity } from './terminal.js';
import type { OutputFormat } from '../report/output.js';
import { openStore, resolveStorePath, type OpenStoreOptions, type Store } from '../store/store.js';

export interface GlobalOptions {
  lang?: string;
  debug?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** Apply --lang before any text is rendered (LANG=en* already picked English by default). */
export function applyGlobalOptions(program: Command): GlobalOptions {
  const opts = program.opts<GlobalOptions>();
  if (opts.lang) {
    const lang = parseLang(opts.lang);
    if (!lang) throw new NetralError(m.badOption, { option: '--lang', detail: `"${opts.lang}" (id|en)` });
    setLang(lang);
  }
  setVerbosity(opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal');
  return opts;
}

/**
 * zod, its messages in the user's language, for the actions that check their options with it:
 * loaded on use, so that listing findings (checked by hand, ./filter-options.ts) does not pay its
 * start-up.
 */
export async function loadZod(): Promise<typeof z> {
  const [zod, { installZodMessages }] = await Promise.all([import('zod'), import('../i18n/zod.js')]);
  installZodMessages();
  return zod.z;
}

/** Parse a command's options with zod; a bad value is a usage error (exit 2) naming the option. */
export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const option = issue?.path.length ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : '';
  throw new NetralError(m.badOption, { option, detail: issue?.message ?? 'invalid' });
}

/** --store, with a help text that says what the file is and whether this command may create it. */
export function storeOption(creates: boolean): Option {
  return new Option('--store <file>', t(creates ? m.optStore : m.optStoreExisting));
}

export function severityOption(flags: string, description: string): Option {
  return new Option(flags, description).choices(['info', 'low', 'medium', 'high']);
}

/** One line on stderr, no stack trace unless --debug; returns the exit code. */
export function reportError(err: unknown, debug: boolean): number {
  const prefix = t(m.errorPrefix);
  if (err instanceof NetralError) {
    process.stderr.write(`netral: ${err.render()}\n`);
    if (debug && err.cause) process.stderr.write(`${String((err.cause as Error).stack ?? err.cause)}\n`);
    return err.exitCode;
  }
  if (err instanceof RuleFileError) {
    process.stderr.write(`netral: ${t(m.ruleFileError, { detail: err.message })}\n`);
    return EXIT.config;
  }
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  process.stderr.write(`netral: ${prefix}: ${t(m.unexpected, { detail: detail ?? '' })}\n`);
  if (debug && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return EXIT.usage;
}

/** Open the store named by --store (or NETRAL_STORE, or ./netral.db), run `fn`, and always close it. */
export function withStore<T>(storeOption: string | undefined, options: OpenStoreOptions, fn: (store: Store) => T): T {
  // stores are opened, not invented: a typo in --store is an error, not a new empty store
  const store = openStore(resolveStorePath(storeOption), { create: false, ...options });
  let result: T;
  try {
    result = fn(store);
  } catch (err) {
    store.close();
    throw err;
  }
  if (result instanceof Promise) return result.finally(() => store.close()) as T;
  store.close();
  return result;
}

/**
 * --format and --output, the same on every command that lists things. `formats` are the ones the
 * command can write; the first is the default.
 */
export function addOutputOptions(cmd: Command, formats: readonly OutputFormat[]): Command {
  return cmd
    .addOption(new Option('--format <format>', t(m.optFormatList, { formats: formats.join(', ') })).choices([...formats]))
    .option('-o, --output <file>', t(m.optOutputFile));
}

/**
 * The format asked for: --format, else a deprecated alias (--json, --reporter <name>) with a
 * warning, else the command's default.
 */
export function chosenFormat<F extends string>(raw: Record<string, unknown>, fallback: F, aliases: { json?: F; reporter?: Record<string, F> } = {}): F {
  if (typeof raw.format === 'string') return raw.format as F;
  if (raw.json === true && aliases.json) {
    warnDeprecated('--json', '--format json');
    return aliases.json;
  }
  if (typeof raw.reporter === 'string' && aliases.reporter) {
    const mapped = aliases.reporter[raw.reporter];
    if (mapped) {
      warnDeprecated('--reporter', `--format ${mapped}`);
      return mapped;
    }
  }
  return fallback;
}

/** A warning, so even --quiet shows it. */
function warnDeprecated(old: string, replacement: string): void {
  process.stderr.write(`netral: ${t(m.warningPrefix)}: ${t(m.deprecatedOption, { old, new: replacement })}\n`);
}
