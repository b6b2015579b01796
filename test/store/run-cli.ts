// The scan, evidence, verify and export commands run in-process as a reviewer runs them, their
// standard output returned (standard error muted); shared by the store tests that read a finding
// end to end.
import { Command } from 'commander';
import { vi } from 'vitest';
import { registerEvidenceCommand } from '../../src/cli/evidence.js';
import { registerExportCommand } from '../../src/cli/export.js';
import { registerScanCommand } from '../../src/cli/scan.js';
import { registerVerifyCommand } from '../../src/cli/verify.js';

export async function runReviewCli(...args: string[]): Promise<string> {
  const program = new Command('netral').option('--lang <lang>').option('--debug').exitOverride();
  registerScanCommand(program);
  registerEvidenceCommand(program);
  registerVerifyCommand(program);
  registerExportCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await program.parseAsync(['node', 'netral', ...args]);
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  return out;
}
