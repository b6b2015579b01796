// Errors a person can act on: one line, names the file, says what to do. Exit code travels with it.
import { t, type Message } from './i18n/index.js';

/** partial: a batch scanned some inputs and failed on others (each failure printed as one line) */
export const EXIT = { ok: 0, findings: 1, usage: 2, partial: 3 } as const;

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
