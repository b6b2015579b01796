// `netral registry import-kpu` wired through commander, in process (the lead wires it into bin/).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRegistryCommand } from '../../src/cli/registry.js';
import { NetralError } from '../../src/errors.js';
import { setLang } from '../../src/i18n/index.js';

const sample = join(import.meta.dirname, '../../fixtures/kpu/sulbar-sulsel-sample');

function program(): Command {
  const p = new Command('netral').exitOverride();
  registerRegistryCommand(p);
  return p;
}

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'netral-cli-registry-'));
  setLang('id');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(tmp, { recursive: true, force: true });
});

describe('netral registry import-kpu', () => {
  it('writes one registry per region and says how many pairs and regions, in Indonesian by default', async () => {
    const out = join(tmp, 'registry');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const args = ['registry', 'import-kpu', join(sample, 'pkwkp.json'), join(sample, 'pkwkk.json')];
    await program().parseAsync([...args, '--districts', join(sample, 'district'), '--out', out], { from: 'user' });
    expect((await readdir(out)).sort()).toEqual([
      'pilkada-2024-7302.yml',
      'pilkada-2024-7371.yml',
      'pilkada-2024-76.yml',
      'pilkada-2024-7601.yml',
    ]);
    expect(write).toHaveBeenCalledWith(`8 paslon di 4 wilayah ditulis ke ${out}\n`);
  });

  it('refuses to overwrite a previous import unless --force', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const args = ['registry', 'import-kpu', join(sample, 'pkwkp.json'), '--out', tmp];
    await program().parseAsync(args, { from: 'user' });
    await expect(program().parseAsync(args, { from: 'user' })).rejects.toBeInstanceOf(NetralError);
    await expect(program().parseAsync([...args, '--force'], { from: 'user' })).resolves.toBeDefined();
  });
});
