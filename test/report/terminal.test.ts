// The terminal block cuts long texts around the matched words without splitting colour codes.
import { describe, expect, it } from 'vitest';
import chalk, { Chalk } from 'chalk';
import { highlightedExcerpt } from '../../src/report/terminal.js';

describe('highlightedExcerpt', () => {
  // the module under test colours through the shared chalk instance
  it('keeps a match deep inside a long text visible and every highlight code closed', () => {
    chalk.level = 1;
    const filler = 'kata biasa '.repeat(80);
    const text = `${filler}coblos nomor 2\n${filler}`;
    const start = text.indexOf('coblos');
    const out = highlightedExcerpt(text, [{ start, end: start + 'coblos'.length }, { start: text.length - 5, end: text.length }], 120);
    const inverse = new Chalk({ level: 1 }).inverse('coblos');
    expect(out).toContain(inverse);
    expect(out.startsWith('…')).toBe(true);
    expect(out.endsWith('…')).toBe(true);
    // every "inverse on" has its "inverse off"
    expect(out.split('\u001b[7m').length).toBe(out.split('\u001b[27m').length);
    expect(out).not.toContain('\n');
  });

  it('shows a short text whole', () => {
    chalk.level = 0;
    expect(highlightedExcerpt('Ayo coblos\nnomor 2', [{ start: 4, end: 10 }], 400)).toBe('Ayo coblos ⏎ nomor 2');
  });
});
