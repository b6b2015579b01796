// A set in a real Pilkada region is scored with the registries KPU's lists generate for every region, as
// the README's import writes them; the set's region picks its own races.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetralError } from '../../src/errors.js';
import { hasKpuSnapshot, withKpuRegistry } from '../../src/eval/kpu-regions.js';
import { rejectionOf } from '../rejection.js';

// hand-made lists in the real shape: governor race 76 (Sulawesi Barat), regencies 7601 (Majene), 7302, 7371
const sample = join(import.meta.dirname, '../../fixtures/kpu/sulbar-sulsel-sample');

describe('withKpuRegistry', () => {
  it('writes every race of the lists, and removes the folder once loaded', async () => {
    let seen: { dir: string; files: string[] } | undefined;
    const result = await withKpuRegistry(sample, '7601', async (dir) => {
      seen = { dir, files: (await readdir(dir)).sort() };
      return 'loaded';
    });
    expect(result).toBe('loaded');
    expect(seen?.files).toEqual(['pilkada-2024-7302.yml', 'pilkada-2024-7371.yml', 'pilkada-2024-76.yml', 'pilkada-2024-7601.yml']);
    // the folder lives only while it is being loaded
    expect(existsSync(seen!.dir)).toBe(false);
  });

  it('removes the folder when loading fails', async () => {
    let dir = '';
    await expect(
      withKpuRegistry(sample, '76', async (d) => {
        dir = d;
        throw new Error('load failed');
      }),
    ).rejects.toThrow('load failed');
    expect(existsSync(dir)).toBe(false);
  });

  it('names the folder and the region when no race covers it', async () => {
    const error = await rejectionOf(withKpuRegistry(sample, '3273', async () => 'never'), NetralError);
    expect(error.message).toContain(sample);
    expect(error.message).toContain('3273');
  });

  it('knows a snapshot by its two pair lists', () => {
    expect(hasKpuSnapshot(sample)).toBe(true);
    expect(hasKpuSnapshot(join(sample, 'district'))).toBe(false);
  });
});
