// Errors a person can act on: one line, names the file, says what to do. Exit code travels with it.
import { t, type Message } from './i18n/index.js';

/**
 * Exit codes (README "Exit codes"; Semgrep's table is the model). Signals: 130 SIGINT, 143 SIGTERM.
 * partial: a batch scanned some inputs and failed on others (each failure printed as one line).
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, config: 3, partial: 4 } as const;

/** An expected failure (bad input, bad option, unreadable file): shown as one line, no stack. */
export class NetralError extends Error {
  constructor(
    readonly userMessage: Message,
    readonly params: Record<string, string | number> = {},
    readonly exitCode: number = EXIT.usage,
    options?: { cause?: unknown },
  ) {
    super(t(userMessage, params, 'en'), options);
    this.name = 'NetralError';
  }

  /** The message in the user's language. */
  render(): string {
    return t(this.userMessage, this.params);
  }
}

/** First line of an error's message, at most `max` characters: never a whole hostile input echoed back. */
export function errorText(err: unknown, max = 200): string {
  return boundedText((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '', max);
}

/** A user-supplied string cut to a short prefix for a message ("…" marks the cut). */
export function boundedText(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
