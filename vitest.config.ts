import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    // compiled rule packs the tests load (and the CLI runs they spawn) are cached here, not in the user's ~/.cache
    env: { NETRAL_CACHE_DIR: path.join(tmpdir(), 'netral-test-pack-cache') },
  },
});
