// chalk for the commands that colour their own reports (verify, subjects); the lists use ./colour.ts.
import { Chalk, type ChalkInstance } from 'chalk';
import { wantsColour } from './colour.js';

/** Colour only on a terminal and without NO_COLOR. */
export function terminalChalk(stream: NodeJS.WriteStream = process.stdout): ChalkInstance {
  return new Chalk({ level: wantsColour(stream) ? 1 : 0 });
}
