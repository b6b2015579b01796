// Colour for the lists without loading chalk unless a terminal shows it: importing chalk (its
// colour detection and styles) was ~14 ms CPU of `review list`'s ~170 ms start-up, and a list
// piped to a file or another program is never coloured.
import type { ChalkInstance } from 'chalk';

/**
 * Styles nothing, as chalk at level 0 does: any chain of styles (`c.bold.inverse`) returns its
 * text, arguments joined by a space.
 */
export const PLAIN: ChalkInstance = (() => {
  // not a thenable (an async function returns it) and no symbol members: every style name gives itself back
  const plain: ChalkInstance = new Proxy((...text: unknown[]) => text.join(' '), {
    get: (_target, key) => (key === 'level' ? 0 : key === 'then' || typeof key === 'symbol' ? undefined : plain),
  }) as unknown as ChalkInstance;
  return plain;
})();

/** Colour only on a terminal and without NO_COLOR (https://no-color.org) or TERM=dumb. */
export function wantsColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

/** The styles for standard output: chalk, loaded now, on a terminal; PLAIN otherwise. */
export async function stdoutChalk(): Promise<ChalkInstance> {
  if (!wantsColour()) return PLAIN;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
